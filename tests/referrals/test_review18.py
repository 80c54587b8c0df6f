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

from .helpers import chat, rules_engine

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
    urgent, reasons = rules_engine(directory).urgency(chat(lang, "self", text))
    assert urgent, text
    assert reasons[0].startswith("self_harm"), reasons


@pytest.mark.parametrize(("lang", "text"), KITCHEN + PAST)
def test_a_kitchen_cut_or_a_past_one_is_not_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "self", text))
    assert not urgent, (text, reasons)


# Pain deserved, told with a time; letters written for everyone; "won't be here" with "anyway"
# (the same review, probing in our own words).
SIGNS = [
    ("sv", "jag förtjänar att ha ont så jag gör det igen ikväll", "self_harm"),
    ("en", "i deserve to hurt, doing it again tonight", "self_harm"),
    ("nb", "jeg fortjener å ha vondt, gjør det igjen i kveld", "self_harm"),
    ("en", "i've written letters for everyone, they're on the kitchen table", "suicide"),
    ("sv", "kommer inte va här nästa vecka ändå så spelar ingen roll", "suicide"),
]

CALM_SIGNS = [
    ("sv", "han förtjänar att få ont för det han gjorde mot mig"),
    ("sv", "ibland känner jag att jag förtjänar att ha ont, vill prata med någon om det"),
    ("sv", "jag kommer inte vara här nästa vecka, jag är på semester i grekland"),
    ("en", "the teacher sent an email to everyone about the trip"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), SIGNS)
def test_pain_deserved_letters_and_not_being_here_anyway(
    directory: Directory, lang: str, text: str, kind: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat(lang, "self", text))
    assert urgent and reasons[0].startswith(kind), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), CALM_SIGNS)
def test_their_calm_neighbours_are_not_urgent(directory: Directory, lang: str, text: str) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "self", text))
    assert not urgent, (text, reasons)


# A wish to talk or to get help beside self-harm words is no intent to harm; a wish to harm
# beside it still is.
TALK = [
    ("sv", "jag har skurit mig förut, vill prata med någon om det"),
    ("en", "i used to cut myself, want to talk to someone about it"),
    ("sv", "ibland känner jag att jag förtjänar att ha ont, vill prata med någon om det"),
]

HARM_WISHED = [
    ("sv", "vill skära mig, vill prata med nån innan jag gör det"),
    ("en", "i want to cut myself so bad, want to talk first"),
    ("nb", "vil skade meg selv i kveld"),
]


@pytest.mark.parametrize(("lang", "text"), TALK)
def test_a_wish_to_talk_is_no_intent_to_harm(directory: Directory, lang: str, text: str) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "self", text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "text"), HARM_WISHED)
def test_a_wish_to_harm_beside_it_stays_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat(lang, "self", text))
    assert urgent and reasons[0].startswith("self_harm"), (text, reasons)


# A past weekday: nb "i søndags" as sv "i söndags"; en a weekday after whom or what it was
# done to ("hit me on sunday"), not a bare plan ("we present our project on friday").
WEEKDAY_RECENT = [
    ("nb", "han slo meg i søndags"),
    ("nb", "hun truet meg med kniv i fredags"),
    ("en", "my husband hit me on sunday"),
    ("en", "my husband pushed me down the stairs on sunday and took my phone"),
]

WEEKDAY_PLAN = [
    ("en", "we present our project on self harm on friday"),
    ("en", "i manage a nightclub. how should staff ask a guest if they're suicidal? we want a "
           "routine"),
    ("sv", "vi ska redovisa om självskada på fredag"),
]


@pytest.mark.parametrize(("lang", "text"), WEEKDAY_RECENT)
def test_violence_on_a_past_weekday_is_recent(directory: Directory, lang: str, text: str) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat(lang, "self", text))
    assert urgent and reasons[0].startswith("violence"), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), WEEKDAY_PLAN)
def test_a_weekday_of_a_plan_is_not_urgent(directory: Directory, lang: str, text: str) -> None:
    urgent, reasons = SuggestionEngine(directory).urgency(chat(lang, "professional", text))
    assert not urgent, (text, reasons)
