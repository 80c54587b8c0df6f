"""Word and phrase matching: stems, compounds, accents, phone typos, gaps and negation."""

from __future__ import annotations

import unicodedata

import pytest
import snowballstemmer  # type: ignore[import-untyped]

from referrals.matching import LANGS, PatternMatcher, Stemmers, fold, one_typo_apart, tokenize


def found(pattern: str, lang: str, text: str) -> list[tuple[str, bool]]:
    """The words ``pattern`` matches in ``text``, each with whether a negation precedes it."""
    matcher = PatternMatcher()
    matcher.add(pattern, lang, 0, 1.0)
    tokens = tokenize(text)
    matches, _ = matcher.match_tokens(tokens)
    return [(" ".join(tokens[m[3] : m[4] + 1]), m[5]) for m in matches]


def test_tokenize_keeps_words_numbers_and_clause_marks() -> None:
    """Tokens are lower-case words (with apostrophes), numbers and clause punctuation."""
    assert tokenize("Jag är 14-åring, I’m OK!") == [
        "jag",
        "är",
        "14",
        "åring",
        ",",
        "i'm",
        "ok",
        "!",
    ]


def test_tokenize_reads_a_stretched_letter_once() -> None:
    """Emphasis ("vill dööö", "snääälla", "nooo") is one letter; doubles and numbers stay."""
    assert tokenize("vill dööö snääälla, nooo 1000 allt") == [
        "vill", "dö", "snälla", ",", "no", "1000", "allt",
    ]
    assert found("vill ~ dö", "sv", "jag vill dööööö") == [("vill dö", False)]


def test_tokenize_reads_text_as_typed_on_any_device() -> None:
    """Decomposed letters (a Mac's "o" + combining diaeresis), zero-width characters, soft
    hyphens, full-width letters and curly apostrophes read as the plain text."""
    decomposed = unicodedata.normalize("NFD", "Jag vill dö, förlåt")
    assert tokenize(decomposed) == ["jag", "vill", "dö", ",", "förlåt"]
    assert tokenize("vi\u200bll d\u00ad\u00f6") == ["vill", "dö"]
    assert tokenize("\uff56\uff49\uff4c\uff4c it\u2019s") == ["vill", "it's"]


def test_fold_removes_nordic_diacritics() -> None:
    """Folding maps å, ä, ö, ø and æ to the keys a foreign keyboard has."""
    assert fold("självmord økonomi ærlig") == "sjalvmord okonomi arlig"


@pytest.mark.parametrize(
    ("typed", "intended", "expected"),
    [
        ("drickrr", "dricker", True),  # one extra letter
        ("drickr", "dricker", True),  # one missing letter
        ("dircker", "dricker", True),  # two neighbours swapped
        ("drucker", "dricker", True),  # u is next to i on the keyboard
        ("drmcker", "dricker", False),  # m is nowhere near i
        ("sricker", "dricker", False),  # the first letter must be right
        ("dricker", "dricker", False),  # identical is not a typo
        ("drackr", "dricker", False),  # two slips
        ("sjalvmord", "självmord", True),  # a missing accent
    ],
)
def test_one_typo_apart_models_a_phone_keyboard(typed: str, intended: str, expected: bool) -> None:
    """Neighbouring keys, swaps, one extra or missing letter and missing accents are slips."""
    assert one_typo_apart(typed, intended) is expected


def test_plain_word_matches_its_inflections() -> None:
    """A plain Swedish word matches other forms with the same Snowball stem."""
    assert [w for w, _ in found("tabletter", "sv", "tabletten och tabletterna")] == [
        "tabletten",
        "tabletterna",
    ]


def test_plain_word_matches_compounds_ending_with_it() -> None:
    """Swedish and Norwegian compounds are found by their head word (spelberoende -> beroende)."""
    assert found("beroende", "sv", "mitt spelberoende") == [("spelberoende", False)]
    assert found("gjeld", "nb", "stor spillegjeld") == [("spillegjeld", False)]


def test_short_plain_word_does_not_match_inside_other_words() -> None:
    """Compound matching needs a head of five letters, so "oberoende" is not "beroende"."""
    assert found("beroende", "sv", "jag är oberoende") == []


def test_prefix_pattern_matches_compound_modifiers() -> None:
    """``spel*`` finds words that start with spel, as Swedish compounds do."""
    assert [w for w, _ in found("spel*", "sv", "spelskulder och spelade")] == [
        "spelskulder",
        "spelade",
    ]


def test_exact_pattern_matches_only_that_form() -> None:
    """``=full`` finds "full" but not "fullt" or "hoppfull"."""
    assert [w for w, _ in found("=full", "sv", "han är full, det är fullt, hoppfull")] == ["full"]


def test_accentless_spelling_matches() -> None:
    """A word typed without å/ä/ö matches the accented pattern."""
    assert [w for w, _ in found("självmordstankar", "sv", "jag har sjalvmordstankar")] == [
        "sjalvmordstankar"
    ]


def test_one_typo_in_a_long_word_matches() -> None:
    """A phone-keyboard slip in a word with a long stem still matches."""
    assert [w for w, _ in found("avskedsbrev", "sv", "skrev ett avskedbrev")] == ["avskedbrev"]
    assert [w for w, _ in found("självmord*", "sv", "sjävmordstankar")] == ["sjävmordstankar"]


def test_phrase_needs_its_words_in_order() -> None:
    """A phrase matches its words in order, adjacent unless the pattern allows a gap."""
    assert [w for w, _ in found("ta livet av mig", "sv", "jag vill ta livet av mig")] == [
        "ta livet av mig"
    ]
    assert found("ta livet av mig", "sv", "livet tar av mig") == []


def test_optional_gap_skips_one_word_but_never_a_negation() -> None:
    """``vill ~ dö`` finds "vill bara dö" but not "vill inte dö"."""
    assert [w for w, _ in found("vill ~ dö", "sv", "jag vill bara dö")] == ["vill bara dö"]
    assert found("vill ~ dö", "sv", "jag vill inte dö") == []


def test_long_gap_allows_three_words_within_a_clause() -> None:
    """``...`` allows up to three words, but not a clause break."""
    pattern = "tagit ... tabletter"
    assert [w for w, _ in found(pattern, "sv", "har tagit en hel massa tabletter")] == [
        "tagit en hel massa tabletter"
    ]
    assert found(pattern, "sv", "har tagit bussen, och tabletter") == []


def test_negation_before_a_match_is_reported() -> None:
    """A negation up to four words before a match, in the same clause, marks it negated."""
    assert found("självmordstankar", "sv", "jag har inga självmordstankar") == [
        ("självmordstankar", True)
    ]
    assert found("självmordstankar", "sv", "inte bra, självmordstankar") == [
        ("självmordstankar", False)
    ]


def test_number_wildcard_only_counts_six_or_more() -> None:
    """``#`` stands for a count of pills (6 or more), not an ordinary dose."""
    assert [w for w, _ in found("tagit # alvedon", "sv", "jag har tagit 20 alvedon")] == [
        "tagit 20 alvedon"
    ]
    assert found("tagit # alvedon", "sv", "jag har tagit 2 alvedon") == []


def test_norwegian_patterns_accept_nynorsk_forms() -> None:
    """A bokmål pattern with "ikke" also finds the nynorsk "ikkje"."""
    assert [w for w, _ in found("får ikke sove", "nb", "eg får ikkje sove")] == ["får ikkje sove"]


def test_gapped_phrases_are_looked_up_by_their_last_word() -> None:
    """Gapped phrases sharing a first word are tried only on lines holding their last word;
    each is still found with words between, in the order the phrases were added."""
    matcher = PatternMatcher()
    patterns = ("tagit ... tabletter|piller", "tagit ~ bussen", "tagit ... hela ... burken",
                "tagit ... sömnmedel")
    for target, pattern in enumerate(patterns):
        matcher.add(pattern, "sv", target, 1.0)

    def targets(text: str) -> list[tuple[int, str]]:
        tokens = tokenize(text)
        matches, _ = matcher.match_tokens(tokens)
        return [(m[0], " ".join(tokens[m[3] : m[4] + 1])) for m in matches]

    assert targets("har tagit en massa piller") == [(0, "tagit en massa piller")]
    assert targets("har tagit hela burken, sömnmedel") == [(2, "tagit hela burken")]
    assert targets("har tagit sömnmedel typ tabletter") == [
        (0, "tagit sömnmedel typ tabletter"),
        (3, "tagit sömnmedel"),
    ]
    assert targets("har tagit en massa") == []  # no last word: nothing is tried
    assert targets("har tagit burken") == []  # the last word, but not the one before it


@pytest.mark.parametrize("lang", LANGS)
def test_a_number_is_its_own_stem(lang: str) -> None:
    """``Stemmers`` does not ask Snowball about numbers; Snowball would give them back as they
    are (it strips letters only), so the shortcut changes no stem."""
    snowball = snowballstemmer.stemmer({"sv": "swedish", "nb": "norwegian", "en": "english"}[lang])
    numbers = [str(n) for n in range(0, 100_000, 7)] + ["007", "0000", "9" * 30]
    assert [Stemmers().stem(lang, n) for n in numbers] == [snowball.stemWord(n) for n in numbers]
