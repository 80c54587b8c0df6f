"""Class terms whose alternatives were meant as phrases (branch alt41).

A pattern's alternatives bind one word each: "live|be here" reads as "live here" or "be here",
never "live" alone, and "trygg|i sikkerhet" as "trygg sikkerhet" or "i sikkerhet", never "er du
trygg". Terms of this round and a few older ones written that way matched only half of what
they meant: "talking about not wanting to live", "can't bear it anymore", "er du trygg?", "är
du trygg?", "kutte ned", "no more lives left irl", "ikkje noko som held meg her". Each is now
split into separate terms, and so are older ones found by a scan for an alternative group
followed by a word (170 such terms were read by eye; most mean one word each and stay): "har
planerat det länge", "kör för fort med vilje", "kan inte se mig själv om ett år", "ta livet
ditt", "ingenting igjen for meg her", "i'm a millstone", "my body gives up", "when he's drunk",
"can't see myself alive next year", "hvor mange som ville holde". These
tests check that each half is read.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

ALT41_CLASSES = [
    ("my sister keeps talking about not wanting to live", "suicide_word"),
    ("he has talked about not wanting to be here", "suicide_word"),
    ("honestly i can't bear it anymore", "weary"),
    ("i cannot bear this any longer", "weary"),
    ("Er du trygg akkurat nå?", "staff_safety_question"),
    ("Är du trygg?", "staff_safety_question"),
    ("Är du säker hemma?", "staff_safety_question"),
    ("vil gjerne kutte ned på ølen", "quit_habit"),
    ("det er ikkje noko som held meg her lenger", "no_hold"),
    # older terms
    ("har planerat det länge", "decided"),
    ("jeg har planlagt det lenge", "decided"),
    ("kör för fort med vilje", "reckless"),
    ("kjører for fort med vilje", "reckless"),
    ("kan inte se mig själv om ett år", "no_future_self"),
    ("du burde bare ta livet ditt", "told_to_die"),
    ("det er ingenting igjen for meg her", "bereft"),
    ("i'm a millstone", "burden"),
    ("my body gives up", "passing"),
    ("together with my dad", "accompanied"),
    ("when he's drunk he shouts", "drink_condition"),
    ("i can't see myself alive next year", "no_future_self"),
    ("i don't see myself here in a year", "no_future_self"),
    ("hvor mange som ville holde", "dose_search"),
]

ALT41_URGENT = [
    ("en", "my mate has been missing since last night after talking about not wanting to live"),
    ("en", "no more lives left irl, i'm done"),
    ("en", "out of lives irl"),
    ("sv", "inga fler liv kvar irl"),
    ("nb", "ingen flere liv igjen irl"),
]


@pytest.mark.parametrize(("text", "name"), ALT41_CLASSES)
def test_alt41_each_half_of_a_split_term_is_read(
    directory: Directory, text: str, name: str
) -> None:
    """The class is found for the half the old term could not match."""
    analysis = SuggestionEngine(directory, model=None)._analyse(text)
    assert name in analysis.concepts.names or name in analysis.cue_words, (text, name)


@pytest.mark.parametrize(("lang", "text"), ALT41_URGENT)
def test_alt41_urgent_by_the_rules(directory: Directory, lang: str, text: str) -> None:
    """Death talk of one now missing, and no lives left "irl", are urgent by the rules alone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
