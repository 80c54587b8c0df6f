"""Clause scope without punctuation: negation, the clear past and takebacks end where a new main
clause starts, found from the words when a phone-typed message has no full stop or comma
(``referrals.matching.implied_breaks``; docs/referrals.md, "Scope")."""

from __future__ import annotations

import pytest

from referrals import Directory
from referrals.matching import implied_breaks, tokenize
from tests.referrals.helpers import chat, rules_engine


def marked(text: str) -> str:
    """``text`` as the engine reads it, with the implied breaks shown."""
    return " ".join(implied_breaks(tokenize(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a finite verb after a negation that follows its own verb
        ("jag pallar inte vill dö", "jag pallar inte . vill dö"),
        ("jag orkar inte längre vill bara dö", "jag orkar inte längre . vill bara dö"),
        (
            "jeg orker ikke mer finnes det noe for meg",
            "jeg orker ikke mer . finnes det noe for meg",
        ),
        # a time of the present after the past, with the verb and subject after it
        (
            "jag mådde dåligt för två år sen nu vill jag dö",
            "jag mådde dåligt för två år sen . nu vill jag dö",
        ),
        (
            "for fem år siden prøvde jeg å ta livet mitt i dag har jeg det bra",
            "for fem år siden prøvde jeg å ta livet mitt . i dag har jeg det bra",
        ),
        (
            "i had a rough time two years ago now i want to die",
            "i had a rough time two years ago . now i want to die",
        ),
        # a new subject with its verb
        ("far min slo meg da jeg var liten han er død nå",
         "far min slo meg da jeg var liten . han er død nå"),
        ("i dont want to die i just want help", "i dont want to die . i just want help"),
        (
            "ten years ago i tried to kill myself i'm doing really well now",
            "ten years ago i tried to kill myself . i'm doing really well now",
        ),
        # "now" ends a clause of the present, and opens one after the past
        ("he's drinking now i'm in my room", "he's drinking now . i'm in my room"),
        # a condition that opens the sentence keeps its main clause: a comma, not a full stop
        ("if he leaves me i'm going to kill myself", "if he leaves me , i'm going to kill myself"),
    ],
)
def test_a_new_clause_is_found_without_punctuation(text: str, expected: str) -> None:
    assert marked(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "jag vill inte dö",
        "att jag inte vill leva längre",  # a subordinate clause: the negation comes first
        "jag känner att jag inte vill leva längre",
        "i think i want to die",  # a complement clause
        "when he was 12 he wrote he wanted to die",  # what is written
        "i do not want to live anymore",
        "vet inte var hon är",  # "var" is "where", not "was"
        "har kjøpt inn det jeg trenger",  # a relative clause without "som"
        "den siste jula jeg er med på",
        "min pappa han är full",  # the subject said twice: one clause
        "i dag har jeg det bra",  # "i dag" is no English "I"
        "tok en øl i går",
        "just nu vill jag dö",  # the time is part of its clause
    ],
)
def test_one_clause_stays_one(text: str) -> None:
    assert marked(text) == " ".join(tokenize(text))


def test_punctuation_decides_where_there_is_some() -> None:
    """A message with its full stops is read as written: no break is added at a mark."""
    text = "för tio år sen försökte jag ta livet av mig. idag mår jag bra"
    assert marked(text) == " ".join(tokenize(text))


# --- urgency -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # negation over a later wish
        ("sv", "fan asså jag pallar inte vill dö"),
        ("sv", "jag orkar inte längre vill bara dö"),
        ("nb", "jeg orker ikke vil bare dø"),
        # the past over the present
        ("sv", "jag mådde dåligt för två år sen nu vill jag dö"),
        ("nb", "jeg hadde det tungt for to år siden nå vil jeg dø"),
        ("en", "i had a rough time two years ago now i want to die"),
    ],
)
def test_unpunctuated_risk_after_a_closed_clause_is_urgent(
    directory: Directory, lang: str, text: str
) -> None:
    urgent, reasons = rules_engine(directory).urgency(chat(lang, "self", text))
    assert urgent, text
    assert reasons[0].startswith("suicide")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the clear past stays the past when a present clause follows it
        ("sv", "för tio år sen försökte jag ta livet av mig idag mår jag bra och har jobb"),
        ("nb", "for fem år siden prøvde jeg å ta livet mitt i dag har jeg det bra"),
        ("en", "ten years ago i tried to kill myself i'm doing really well now"),
        ("nb", "far min slo meg da jeg var liten han er død nå"),
        # the negation still holds over its own clause
        ("sv", "jag vill inte dö"),
        ("sv", "jag vill inte dö jag vill bara att det ska sluta göra ont"),
        ("en", "i dont want to die i just want help"),
        ("nb", "jeg vil ikke dø jeg vil bare ha hjelp"),
        # a takeback still takes back its own line
        ("sv", "jag vill dö haha skojar bara"),
        ("en", "lol jk i dont want to die my exam is killing me"),
    ],
)
def test_scope_that_must_hold_still_holds(directory: Directory, lang: str, text: str) -> None:
    assert rules_engine(directory).urgency(chat(lang, "self", text)) == (False, [])


def test_negation_in_a_subordinate_clause_is_still_a_wish(directory: Directory) -> None:
    """"att jag inte vill leva" is one clause: the negated life is the wish to die."""
    urgent, _ = rules_engine(directory).urgency(
        chat("sv", "self", "jag känner att jag inte vill leva längre")
    )
    assert urgent


def test_a_takeback_does_not_reach_the_next_clause() -> None:
    """The clause after "skojar bara" / "just kidding" is a sentence of its own, as with a full
    stop (a line that takes a joke back still raises nothing as a whole: the line is its scope)."""
    assert marked("jag vill dö nej skojar bara idag vill jag verkligen ta livet av mig") == (
        "jag vill dö nej skojar bara . idag vill jag verkligen ta livet av mig"
    )
    assert marked("i was joking earlier now i want to kill myself") == (
        "i was joking earlier . now i want to kill myself"
    )
