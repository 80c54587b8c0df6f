"""A denied death wish turned by "but", in English word order (branch amb41).

"jag vill inte dö men ..." was ambivalence from the start: the negation follows the wish, so
the death word is the denied hit and the "men" turns it. In English the negation stands before
the wish ("I don't want to die, but I don't want to live like this either"), so the wish was
the denied hit and no rule turned it: the line was calm by the rules, and urgent only when the
learnt model happened to be sure. The wish is now turned too when its ending stands right
after it. The quitting, someone else's view and a sentence ended before the "but" stay as
they were. Urgent wordings are checked with the concept rules alone (``model=None``), calm ones
with rules and model.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

AMB41_URGENT = [
    ("en", "I don't want to die, but I don't want to live like this either"),
    ("en", "i dont want to die but everything hurts so much"),
    ("en", "i do not want to die but i am so so tired"),
    ("en", "i don't want to disappear, but some nights i wish i could"),
    ("en", "dont really want to die tbh but idk anymore"),
    ("sv", "jag vill inte dö men jag vet inte hur länge till jag orkar"),
    ("nb", "jeg vil ikke dø, men jeg vet ikke om jeg klarer en dag til"),
]

AMB41_NOT_URGENT = [
    ("en", "I don't want to die, but I do need to stop drinking"),
    ("en", "i don't want to die but my doctor says i should slow down"),
    ("en", "I don't want to die. But I would like help with the gambling"),
    ("en", "i don't want my old dog to die but the vet says it's time"),
    ("en", "i don't want to dye my hair but my friends say i should"),
]


@pytest.mark.parametrize(("lang", "text"), AMB41_URGENT)
def test_amb41_a_denied_wish_turned_by_but_is_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    """A wish to die denied and then turned by "but" is ambivalence, in each word order."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    assert any(r.startswith("suicide:") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), AMB41_NOT_URGENT)
def test_amb41_a_denial_turned_elsewhere_stays_calm(
    directory: Directory, lang: str, text: str
) -> None:
    """A denial turned to quitting a habit, to another's view, past a full stop, or about a
    pet or a hair dye, is no ambivalence."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
