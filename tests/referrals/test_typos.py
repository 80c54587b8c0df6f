"""Phone typos in short words and in negations (branch typos).

The matcher read one phone slip only in typed words of six letters or more, so two swapped
letters in a short word ("vlil dö", "i wnat to die") lost the match, and a typo'd negation
("jag vill inet dö") was no negation: the line read as the wish it denies. A swap keeps every
letter, so a word of four or five letters that reads as nothing is now read through one, as a
pattern word written just so in the lists; a negation is read through a swap or a doubled
letter (docs/referrals.md, "Phone typos").
"""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from referrals.matching import PatternMatcher, slips, tokenize

from .helpers import chat_text

URGENT = [
    ("sv", "jag vlil dö"),
    ("sv", "jag vlil bara dö nu"),
    ("sv", "jag vill inte lvea längre"),
    ("nb", "jeg vil ikke lvee lenger"),
    ("en", "i wnat to die"),
    ("en", "i dont wnat to live anymore"),
]

DENIED = [
    ("sv", "jag vill inet dö"),
    ("sv", "jag vill itne dö, jag vill må bättre"),
    ("sv", "jag vill innte dö"),
    ("nb", "jeg vil ikek dø"),
    ("en", "i dnot want to die"),
    ("en", "i nevre want to die, i want help"),
]


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_short_word_with_a_slip_is_read(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A swapped pair or a doubled letter in a short word of a wish to die still reads."""
    urgent, reasons = engine.urgency(chat_text(lang, "self", text))
    assert urgent, text
    assert any(reason.startswith("suicide: ") for reason in reasons), reasons


@pytest.mark.parametrize(("lang", "text"), DENIED)
def test_typod_negation_still_negates(engine: SuggestionEngine, lang: str, text: str) -> None:
    """A negation typed with a swapped pair or a doubled letter still denies the wish."""
    assert engine.urgency(chat_text(lang, "self", text)) == (False, []), text


@pytest.mark.parametrize(
    ("typed", "negation"),
    [("inet", "inte"), ("itne", "inte"), ("innte", "inte"), ("ikek", "ikke"), ("nevre", "never")],
)
def test_tokenize_reads_a_typod_negation(typed: str, negation: str) -> None:
    """The tokenizer gives the negation a slip of it stands for."""
    assert tokenize(f"jag {typed} dö") == ["jag", negation, "dö"]


def test_slips_swap_letters_after_the_first() -> None:
    """A slip is two adjacent letters swapped, never the first letter and never a double."""
    assert slips("vlil") == {"vill", "vlli"}
    assert slips("lvea") == {"leva", "lvae"}
    assert slips("viill") == {"vilil"}  # a doubled letter is not read back: "gråt", "grått"


@pytest.fixture(scope="module")
def matcher() -> PatternMatcher:
    found = PatternMatcher()
    found.add("vill ~ dö", "sv", 0, 1.0)
    found.add("leva", "sv", 1, 1.0)
    found.add("kill myself", "en", 2, 1.0)
    return found


@pytest.mark.parametrize(
    ("lang", "text", "target"),
    [("sv", "jag vlil dö", 0), ("sv", "orkar inte lvea", 1)],
)
def test_matcher_reads_short_slips(
    matcher: PatternMatcher, lang: str, text: str, target: int
) -> None:
    """The matcher finds a pattern through two swapped letters in a short word."""
    matches, _ = matcher.match_tokens(tokenize(text))
    assert target in {match[0] for match in matches}, text


@pytest.mark.parametrize(
    "text",
    [
        "jag vill då",  # "då" is not "dö": too short, and a different letter
        "jag vill lova det",  # "lova" (promise) is "leva" with another letter, not a slip
        "he kiln myself",  # a kiln is not a kill
        "jag vil dö",  # "vil" is three letters: never read as "vill"
        "jag viill dö",  # a doubled letter is not read back outside the negations
    ],
)
def test_near_words_do_not_match(matcher: PatternMatcher, text: str) -> None:
    """Words that differ by a letter in meaning, or are too short, find nothing through slips."""
    matches, _ = matcher.match_tokens(tokenize(text))
    assert not matches, text


def test_a_word_spelled_right_reads_at_full_quality(matcher: PatternMatcher) -> None:
    """A word that reads as written is not also read through a slip, at typo quality."""
    assert dict(matcher.token_units("lever")) == dict(matcher.token_units("leva"))
    assert list(matcher.token_units("lever").values()) == [1.0]
