"""Self-harm told with the verb before its subject, and a kitchen cut named by its meal (the
review of this round's merge, found by probing a helper's note, not from a set).

Swedish puts the verb before the subject after a time: "igår skar jag mig", "ikväll rispade jag
mig". The self-harm class knew "skar mig" and "jag skar mig" but not "skar jag mig", so a line
that opened with its time was read as nothing; Norwegian "skar jeg meg" already counted. Only
cutting verbs are inverted ("skadade jag mig" may be a sports injury). A cut while making a
named meal, or cutting bread or onions, is an accident as "lagade mat" already was.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat

CUT_INVERTED = [
    ("sv", "igår skar jag mig igen, djupare än förut"),
    ("sv", "ikväll skar jag mig i armen och det slutar inte blöda"),
    ("sv", "i natt skar jag mig, det blödde mycket"),
    ("sv", "förut i kväll rispade jag mig med en sax"),
    ("sv", "efter bråket med mamma ikväll skar jg mej i låret"),
]

KITCHEN = [
    ("sv", "igår skar jag mig på kniven när jag lagade middag, behöver jag sy?"),
    ("sv", "jag skar mig när jag skar lök igår, det blöder lite fortfarande"),
    ("nb", "i går skar jeg meg på kniven da jeg laget middag, må jeg sy?"),
    ("en", "cut myself on the knife yesterday making dinner, do i need stitches?"),
]

PAST = [
    ("sv", "när jag var 15 skar jag mig ofta men det är länge sen nu"),
    ("sv", "för sju år sedan skar jag mig, idag mår jag bra och vill bli stödperson"),
]


@pytest.mark.parametrize(("lang", "text"), CUT_INVERTED)
def test_cutting_with_the_verb_first_is_self_harm(
    directory: Directory, lang: str, text: str
) -> None:
    """The rules alone (no model) read "skar jag mig"."""
    urgent, reasons = SuggestionEngine(directory, model=None).urgency(chat(lang, "self", text))
    assert urgent, text
    assert reasons[0].startswith("self_harm"), reasons


@pytest.mark.parametrize(("lang", "text"), KITCHEN + PAST)
def test_a_kitchen_cut_or_a_past_one_is_not_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "self", text))
    assert not urgent, (text, reasons)
