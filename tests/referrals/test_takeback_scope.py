"""A takeback's scope: "skojar bara", "just kidding lol", "tuller bare" take back their own
sentence and what came before it, never a sentence that follows them in the same line (issue
11: a wish to die is urgent unless clearly denied or over; docs/referrals.md, "Scope")."""

from __future__ import annotations

import pytest

from referrals import Directory
from tests.referrals.helpers import chat, rules_engine


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "just kidding lol. now i really want to kill myself"),
        ("en", "jk about that earlier. but tonight i'm going to end my life"),
        ("sv", "skojar bara haha. fast nu vill jag faktiskt dö"),
        ("sv", "det var bara ett skämt. men jag tänker ta livet av mig ikväll"),
        ("nb", "tuller bare. i kveld vil jeg ta livet mitt"),
        ("nb", "bare tull altså. men jeg vil egentlig bare dø"),
        # no full stop: the clause after the takeback is a sentence of its own
        ("sv", "jag vill dö nej skojar bara idag vill jag verkligen ta livet av mig"),
    ],
)
def test_a_wish_after_the_takeback_is_urgent(directory: Directory, lang: str, text: str) -> None:
    """A wish to die in a sentence after the takeback is not taken back by it."""
    urgent, reasons = rules_engine(directory).urgency(chat(lang, "self", text))
    assert urgent, text
    assert reasons[0].startswith("suicide"), reasons


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        # the takeback after the wish, in the same sentence or the next one
        ("sv", ("jag vill dö haha skojar bara",)),
        ("sv", ("vill typ dö. skojar bara",)),
        ("nb", ("jeg vil dø haha tuller bare",)),
        ("en", ("i want to kill myself lol. just kidding",)),
        # or in the next line
        ("sv", ("jag vill dö", "haha skojar bara")),
        ("nb", ("vil bare dø", "tuller bare")),
        ("en", ("i want to die", "just kidding lol")),
    ],
)
def test_a_takeback_after_the_wish_still_takes_it_back(
    directory: Directory, lang: str, texts: tuple[str, ...]
) -> None:
    """A takeback that follows the wish, in its line or the next, leaves nothing urgent."""
    assert rules_engine(directory).urgency(chat(lang, "self", *texts)) == (False, [])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "just kidding lol. anyway i have an exam tomorrow"),
        ("sv", "skojar bara. jag ska plugga nu"),
        ("nb", "tuller bare. skal på trening i kveld"),
    ],
)
def test_a_calm_sentence_after_a_takeback_is_not_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    """A takeback followed by a calm sentence raises nothing."""
    assert rules_engine(directory).urgency(chat(lang, "self", text)) == (False, [])


def test_a_wish_taken_back_before_another_sentence_stays_taken_back(
    directory: Directory,
) -> None:
    """The wish before the takeback stays taken back when a calm sentence follows it."""
    assert rules_engine(directory).urgency(
        chat("sv", "self", "jag vill dö lol skojar bara. ska till skolan nu")
    ) == (False, [])
