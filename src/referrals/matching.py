"""Word and phrase matching for Swedish, Norwegian and English chat text.

``PatternMatcher`` compiles patterns (syntax in ``referrals.lexicon``) once, then finds
them in a line of text. The expensive part, working out which pattern words a token can be
(stems in three languages, compound parts, accent-less spelling, one phone-keyboard typo), is
done once per distinct token and cached, so a line costs little more than a dictionary lookup
per word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

import snowballstemmer  # type: ignore[import-untyped]

from referrals.lexicon import (
    CLAUSE_BREAKS,
    CLAUSE_LINKS,
    DETERMINERS,
    ENGLISH_FINITE_VERBS,
    FINITE_VERBS,
    NEGATIONS,
    NEW_CLAUSE_TIMES,
    NYNORSK_VARIANTS,
    RELATIVE_HEADS,
    SENTENCE_BREAKS,
    SUBJECT_PRONOUNS,
    SUBJECT_VERBS,
    SWEDISH_CHAT_VARIANTS,
)

LANGS: Final = ("sv", "nb", "en")
_VARIANTS: Final = {"nb": NYNORSK_VARIANTS, "sv": SWEDISH_CHAT_VARIANTS}
"""Other spellings a pattern word is also written in: nynorsk, dialect and chat forms."""
_STEMMER_NAMES: Final = {"sv": "swedish", "nb": "norwegian", "en": "english"}
_COMPOUNDING: Final = frozenset({"sv", "nb"})

MIN_TYPO_LENGTH: Final = 5
"""Stems shorter than this must be spelled right: too many short words are one typo apart."""
MIN_TYPED_LENGTH: Final = 6
"""Typed words shorter than this are never read as typos: "sover" is Swedish, not "sober"."""
MIN_HEAD_LENGTH: Final = 5
"""A plain word is found as the head of a compound only when its stem is at least this long."""
MIN_MODIFIER_LENGTH: Final = 3
"""...and the part before it is at least this long ("spelberoende", not "oberoende")."""
MAX_GAP: Final = 3
"""How many words ``...`` may stand for."""

MIN_COUNTED_NUMBER: Final = 6
"""``#`` stands for a count from this up: "tagit 20 tabletter", not "tagit 2 alvedon"."""

TYPO_QUALITY: Final = 0.8
FOLDED_QUALITY: Final = 0.9
COMPOUND_QUALITY: Final = 0.9

_TOKEN: Final = re.compile(r"[0-9]+|[^\W\d_]+(?:'[^\W\d_]+)*|[.!?;:,]|\n")
_LAUGHS: Final = str.maketrans(
    dict.fromkeys("\U0001F602\U0001F923\U0001F480\U0001F606\U0001F639", " haha ")
)
"""Laughing emojis (tears of joy, rolling on the floor, skull, grinning squint, cat with tears
of joy) read as the "haha" they mean: a laugh that marks a joke."""
_FOLD: Final = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "a", "é": "e", "ü": "u"})
_DIGRAPHS: Final = {"aa": "å", "ae": "æ", "oe": "ø"}
_DIGRAPH: Final = re.compile("aa|ae|oe")
_KEYBOARD_ROWS: Final = ("1234567890", "qwertyuiopå", "asdfghjklöä", "zxcvbnm")
_NORWEGIAN_ROW: Final = "asdfghjkløæ"


_STRETCHED: Final = re.compile(r"([^\W\d_])\1{2,}")
"""A letter typed three or more times over ("dööö", "nuuu"): chat emphasis, not spelling."""


_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
"""Zero-width characters and soft hyphens: pasted text and some keyboards put them inside words."""
_APOSTROPHES: Final = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})


def normalise(text: str) -> str:
    """Text as the matcher reads it: NFKC (so "ö" typed as o + combining diaeresis on a Mac,
    full-width letters and ligatures read as the plain letters), without zero-width characters
    or soft hyphens, one apostrophe, lower case, and a laughing emoji read as "haha"."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    return text.translate(_APOSTROPHES).translate(_LAUGHS).lower()


_MINUS: Final = re.compile(r"(?<![\w.,/-])[-\u2212\u2013](?=\d)")
"""A minus sign before a number that stands alone ("-12 ute", "it's -15"): read "minus", as the
temperature is said; not a range ("2-3") or a date ("12-05")."""


MIN_SLIP_LENGTH: Final = 4
"""A word this long, too short for the other slips (MIN_TYPED_LENGTH), that reads as nothing
is read through two swapped letters (``slips``) as a pattern word written just so in the lists;
longer words have the one-slip reading of their stems."""


def slips(word: str) -> set[str]:
    """What ``word`` may have been meant as, if it was typed with two adjacent letters swapped
    after the first ("vlil" -> "vill", "wnat" -> "want")."""
    return {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i] != word[i + 1]
    }


_NOT_NEGATION_SLIPS: Final = frozenset({"havnet"})
"""Words that are a negation's slip and a word of their own: Norwegian "havnet" (ended up)."""


def _negation_slips() -> dict[str, str]:
    """A negation typed with a swapped pair or a doubled letter -> the negation: losing a
    negation to a typo turns "jag vill inet dö" into a wish to die. Both slips keep every
    letter; a doubled letter is read back only here, in a closed class, since elsewhere it
    can be spelling ("gråt", "grått")."""
    typed: dict[str, str] = {}
    for negation in sorted(NEGATIONS):
        if len(negation) < MIN_SLIP_LENGTH or not negation.isalpha():
            continue
        swapped = {
            negation[:i] + negation[i + 1] + negation[i] + negation[i + 2 :]
            for i in range(1, len(negation) - 1)
        }
        doubled = {negation[: i + 1] + negation[i:] for i in range(1, len(negation))}
        for form in swapped | doubled:
            if form not in NEGATIONS and form not in _NOT_NEGATION_SLIPS:
                typed.setdefault(form, negation)
    return typed


_NEGATION_SLIPS: Final = _negation_slips()


def tokenize(text: str) -> list[str]:
    """Lower-case words, numbers and the punctuation that ends clauses, in order; a letter
    stretched for emphasis ("vill dööö") is read once, "-12" as "minus 12", and a negation
    typed with a swapped pair or a doubled letter ("inet", "ikek", "nevre") as the negation."""
    tokens = _TOKEN.findall(_STRETCHED.sub(r"\1", _MINUS.sub("minus ", normalise(text))))
    return [_NEGATION_SLIPS.get(token, token) for token in tokens]


IMPLIED_BREAK: Final = "."
"""The token put where a new main clause starts without punctuation: the engine then reads the
two clauses as it reads them written with a full stop."""
IMPLIED_COMMA: Final = ","
"""... and where the main clause follows a condition or a time that opened the sentence ("if a
bus hit me tomorrow i'd be relieved", "om han går tar jag"): one sentence, two clauses."""
_OPENERS: Final = frozenset({
    "om", "ifall", "hvis", "dersom", "if", "när", "nar", "når", "when", "whenever", "unless",
})
_ENGLISH_PAST: Final = frozenset({
    "was", "were", "had", "did", "ago", "used", "tried", "went", "took", "got", "hit", "cut",
    "years", "year", "teen", "teenager", "kid", "child", "back",
})
"""Words that tell an English clause of the past: after one, "now i …" starts the present (the
time opens the new clause); in a present clause "now" ends it ("he's drinking now i'm in my
room")."""
_MARKS: Final = SENTENCE_BREAKS | {",", ";", ":"}
_VERB_NEGATIONS: Final = frozenset({"inte", "int", "ej", "ikke", "ikkje", "ikkj", "itj"})
"""Swedish and Norwegian negations, which follow the finite verb of a main clause ("jag pallar
inte", "jeg orker ikke"): a finite verb right after one starts a clause of its own."""
_CLAUSE_SUBJECTS: Final = SUBJECT_PRONOUNS | {"det", "man"}
"""Subjects after a fronted time and its verb ("idag mår jag", "nu är det", "nå har man")."""


_ENGLISH_TIMES: Final = frozenset({"now", "today", "nowadays", "these"})
_TIME_HOLDERS: Final = frozenset({
    "just", "right", "från", "fra", "from", "till", "til", "tills", "until", "än", "enn", "ännu",
    "for", "för", "of", "by", "innan", "før", "before", "up", "as", "även", "også", "ens",
    "still", "fortfarande", "fortsatt", "even", "and",
    "och", "o", "og", "men", "but", "att", "at", "that", "som", "om", "if", "hvis", "när", "når",
    "when", "da", "då",
})
"""Words that make a time part of their phrase ("just nu", "right now", "until today", "även
idag") or of the clause that opens before it ("och nu har jag", "att idag är det")."""
_NEGATION_TAILS: Final = frozenset({
    "mer", "meir", "mere", "längre", "lenger", "lengre", "heller", "alls", "helt", "riktigt",
})
"""Words that end a negation ("orkar inte mer", "orker ikke lenger") before the next clause."""


def implied_breaks(tokens: list[str]) -> list[str]:
    """``tokens`` with a sentence break where a new main clause starts without punctuation.

    Phone-typed messages often have none ("jag pallar inte vill dö", "jag försökte ta livet av
    mig för tio år sen idag mår jag bra"), and the scopes of negation, the clear past and
    takebacks would run over the whole message. A clause starts, when the clause before it is
    whole (two words or more, one of them a finite verb, or three with a subject pronoun) and
    the word before is no link (``CLAUSE_LINKS``: "att", "om", "that", "said" ...), no head of
    a relative clause ("det jag gjorde") and no finite verb (then the subject is inverted,
    "idag mår jag", or a complement, "i think i ..."), at

    - a time of the present with the verb and subject after it ("idag mår jag", "nå har jeg")
      or, in English, the subject ("now i'm", "today i");
    - a subject with a finite verb ("han er død nå", "i just want help", "i'm fine"), in a
      message with no punctuation at all;
    - a finite verb right after a Scandinavian negation that follows its clause's own verb
      ("jag pallar inte | vill dö", "jeg orker ikke | finnes det …"); not in a subordinate
      clause, where the negation comes first ("att jag inte vill dö").

    Only the words decide, so a message written with punctuation reads as before unless a
    sentence in it runs two clauses together without a mark.
    """
    punctuated = not _MARKS.isdisjoint(tokens)
    """A writer who punctuates marks clauses: a subject after a word of theirs without a mark
    then more often starts a complement or relative clause ("i keep hoping i just won't wake
    up", "en boks med sovetabletter han har spart"), so only the stronger signs count there."""
    starts: list[tuple[int, str]] = []
    whole = False
    """The clause so far has a finite verb ..."""
    subject = False
    """... or a subject pronoun and three words ("han slog mig igår")."""
    length = 0
    opened = False
    """A clause of the sentence so far opens with a condition or a time ("om", "if", "when")."""
    past = False
    """The clause so far tells the English past (``_ENGLISH_PAST``, a verb in -ed)."""
    for position, token in enumerate(tokens):
        if token in _MARKS:
            whole, subject, length, past = False, False, 0, False
            if token in SENTENCE_BREAKS:
                opened = False
            continue
        if (whole and length >= 2 or subject and length >= 3) and _opens_clause(
            tokens, position, past, punctuated
        ):
            starts.append((position, IMPLIED_COMMA if opened else IMPLIED_BREAK))
            whole, subject, length, past, opened = False, False, 0, False, False
        if token in _OPENERS and (length == 0 or tokens[position - 1] in CLAUSE_BREAKS):
            opened = True  # only a condition that opens its clause ("om hur jag …" is "about")
        length += 1
        if token in _ENGLISH_PAST or token.endswith("ed"):
            past = True
        if token in FINITE_VERBS or token in SUBJECT_VERBS:
            whole = True
        elif token in SUBJECT_PRONOUNS:
            subject = True
    if not starts:
        return tokens
    marked: list[str] = []
    last = 0
    for start, mark in starts:
        marked.extend(tokens[last:start])
        marked.append(mark)
        last = start
    marked.extend(tokens[last:])
    return marked


def _opens_clause(tokens: list[str], position: int, past: bool, punctuated: bool) -> bool:
    """Whether a new main clause starts at ``position`` (see ``implied_breaks``); ``past``: the
    clause before tells the English past; ``punctuated``: the message has punctuation."""
    before = tokens[position - 1]
    token = tokens[position]
    if before in _ENGLISH_TIMES and (token in SUBJECT_PRONOUNS or token in SUBJECT_VERBS):
        return not past  # "he's drinking now | i'm in my room"
    negation = position - 1 if before not in _NEGATION_TAILS else position - 2
    if tokens[negation] in _VERB_NEGATIONS:
        return (
            token in FINITE_VERBS
            and token not in CLAUSE_LINKS  # "vet inte var hon är": "where", not "was"
            and negation >= 2
            and tokens[negation - 2] in SUBJECT_PRONOUNS
            and tokens[negation - 1] in FINITE_VERBS  # not "om jag ba inte fanns"
        )
    if before in FINITE_VERBS or before in NEGATIONS:
        return False
    for time in NEW_CLAUSE_TIMES:
        if tuple(tokens[position : position + len(time)]) == time:
            if before in _TIME_HOLDERS:
                return False
            rest = tokens[position + len(time) : position + len(time) + 2]
            if time[0] in _ENGLISH_TIMES:
                return past and bool(rest) and (
                    rest[0] in SUBJECT_PRONOUNS or rest[0] in SUBJECT_VERBS
                )
            return len(rest) == 2 and rest[0] in FINITE_VERBS and rest[1] in _CLAUSE_SUBJECTS
    if punctuated or before in CLAUSE_LINKS or before in RELATIVE_HEADS or any(
        word in DETERMINERS for word in tokens[max(0, position - 3) : position]
    ):
        return False
    if token in SUBJECT_VERBS:
        return True
    verbs = ENGLISH_FINITE_VERBS if token == "i" else FINITE_VERBS
    return token in SUBJECT_PRONOUNS and tokens[position + 1 : position + 2] != [] and (
        tokens[position + 1] in verbs
    )


def is_number(token: str) -> bool:
    """Whether ``token`` is a number written with the digits 0-9 (not "²" or "٣")."""
    return token.isascii() and token.isdigit()


def fold(text: str) -> str:
    """Text without Nordic diacritics, as typed on a keyboard that lacks them."""
    return text.translate(_FOLD)


class Stemmers:
    """Snowball stemmers for the three languages, with a cache per language."""

    def __init__(self) -> None:
        self._stemmers = {
            lang: snowballstemmer.stemmer(name) for lang, name in _STEMMER_NAMES.items()
        }
        self._cache: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}

    def stem(self, lang: str, word: str) -> str:
        """The stem of ``word`` in ``lang``."""
        if is_number(word):
            # Snowball strips only letters, so a number is its own stem (checked for every
            # number below a million in the three languages); a chat's numbers are mostly new
            # words ("kl 23", "14 år"), and stemming one cost ~15 µs a language.
            return word
        cache = self._cache[lang]
        stem = cache.get(word)
        if stem is None:
            stem = str(self._stemmers[lang].stemWord(word))
            if len(cache) > 200_000:
                cache.clear()
            cache[word] = stem
        return stem


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    neighbours: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)

    for rows in (_KEYBOARD_ROWS, (*_KEYBOARD_ROWS[:2], _NORWEGIAN_ROW, _KEYBOARD_ROWS[3])):
        for r, row in enumerate(rows):
            for i, char in enumerate(row):
                if i + 1 < len(row):
                    link(char, row[i + 1])
                if r + 1 < len(rows):
                    below = rows[r + 1]
                    for j in (i - 1, i):
                        if 0 <= j < len(below):
                            link(char, below[j])
    for plain, accented in (("a", "å"), ("a", "ä"), ("o", "ö"), ("o", "ø"), ("a", "æ"), ("e", "é")):
        link(plain, accented)
    return {char: frozenset(chars) for char, chars in neighbours.items()}


KEYBOARD_NEIGHBOURS: Final = _keyboard_neighbours()


def one_typo_apart(typed: str, intended: str) -> bool:
    """Whether ``typed`` is ``intended`` with one phone-keyboard slip.

    A slip is a neighbouring key (or a missing accent), two swapped adjacent letters, one extra
    letter or one missing letter. The first letter must be right: it is rarely mistyped, and
    requiring it keeps unrelated words apart.
    """
    if typed == intended or not typed or not intended:
        return False
    if typed[0] != intended[0] and fold(typed[0]) != fold(intended[0]):
        return False
    lt, li = len(typed), len(intended)
    if lt == li:
        diffs = [i for i in range(lt) if typed[i] != intended[i]]
        if len(diffs) == 1:
            i = diffs[0]
            return intended[i] in KEYBOARD_NEIGHBOURS.get(typed[i], frozenset())
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            i, j = diffs
            return typed[i] == intended[j] and typed[j] == intended[i]
        return False
    if abs(lt - li) == 1:
        longer, shorter = (typed, intended) if lt > li else (intended, typed)
        return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
    return False


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# --- compiled patterns ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Step:
    units: frozenset[int]
    gap: int
    """How many words may stand before this step: 0, 1 (``~``) or MAX_GAP (``...``)."""


@dataclass(frozen=True, slots=True, eq=False)
class _Entry:
    target: int
    weight: float
    lang: int
    steps: tuple[_Step, ...]


Match = tuple[int, float, int, int, int, bool, int]
"""One pattern found in a line: (target, weight, lang, start, end, negated, sentence).

``weight`` is the pattern weight times the reading quality (exact 1.0, compound or accent-less
0.9, typo 0.8); ``lang`` indexes LANGS; ``start``/``end`` are token positions (inclusive).
"""


@dataclass(frozen=True, slots=True)
class TokenReading:
    """What one token can be: its pattern words, and the patterns that can start at it."""

    units: Mapping[int, float]
    singles: tuple[tuple[_Entry, float], ...]
    adjacent: Mapping[int, tuple[tuple[_Entry, float], ...]]
    """Phrases starting here whose second word must follow at once, keyed by that word."""
    gapped: tuple[tuple[_Entry, float], ...]
    """Phrases starting here that allow words between their first and second word."""
    gapped_by_last: Mapping[int, tuple[int, ...]]
    """Where in ``gapped`` the phrases are whose last word can be each pattern word: a phrase
    is only tried on a line that holds one of its last word's readings."""

    def gapped_candidates(self, present: set[int]) -> list[tuple[_Entry, float]]:
        """The gapped phrases whose last word is one of the ``present`` pattern words, in the
        order of ``gapped``.

        The phrases are looked up by the words the line holds, so a line costs the same
        however many gapped phrases start with this token's words.
        """
        last_units = self.gapped_by_last.keys() & present
        if not last_units:
            return []
        if len(last_units) == 1:
            positions: Iterable[int] = self.gapped_by_last[last_units.pop()]
        else:
            positions = sorted({p for unit in last_units for p in self.gapped_by_last[unit]})
        return [self.gapped[p] for p in positions]


_NO_READING: Final = TokenReading({}, (), {}, (), {})


@dataclass
class _LangIndex:
    stem: dict[str, list[int]]
    exact: dict[str, list[int]]
    prefix: dict[str, list[int]]
    suffix: dict[str, list[int]]
    infix: list[tuple[str, int]]
    head: dict[str, list[int]]
    folded_stem: dict[str, list[int]]
    folded_exact: dict[str, list[int]]
    folded_prefix: dict[str, list[int]]
    typo: dict[str, list[tuple[str, int]]]
    typo_prefix: dict[str, list[tuple[str, int]]]
    number: list[int]
    prefix_lengths: tuple[int, ...] = ()
    suffix_lengths: tuple[int, ...] = ()
    typo_prefix_lengths: tuple[int, ...] = ()
    written: dict[str, list[int]] = field(default_factory=dict)
    """Plain pattern words as the lists write them (not stemmed): what a slip may be read as."""


def _new_index() -> _LangIndex:
    return _LangIndex({}, {}, {}, {}, [], {}, {}, {}, {}, {}, {}, [])


class PatternMatcher:
    """Finds compiled patterns in lines of text; build once, call ``match_line`` often."""

    def __init__(self, stemmers: Stemmers | None = None) -> None:
        self.stemmers = stemmers or Stemmers()
        self._indexes = {lang: _new_index() for lang in LANGS}
        self._unit_ids: dict[tuple[str, str, str], int] = {}
        self._singles: dict[int, list[_Entry]] = {}
        self._phrases: dict[int, list[_Entry]] = {}
        self._token_cache: dict[str, TokenReading] = {}
        self._frozen = False

    # -- compiling ------------------------------------------------------------------------------

    def add(self, pattern: str, lang: str, target: int, weight: float) -> None:
        """Compile ``pattern`` (in ``lang``) so that finding it reports ``target``."""
        if self._frozen:
            raise RuntimeError("patterns must all be added before the first match")
        steps: list[_Step] = []
        gap = 0
        for word in pattern.lower().split():
            if word == "~":
                gap = max(gap, 1)
                continue
            if word == "...":
                gap = MAX_GAP
                continue
            alternatives = word.split("|")
            variants = _VARIANTS.get(lang)
            if variants:
                alternatives += [
                    ("=" if a.startswith("=") else "") + v
                    for a in alternatives
                    for v in variants.get(a.removeprefix("="), ())
                ]
            units = frozenset(self._unit(lang, alternative) for alternative in alternatives)
            for alternative in alternatives:
                if len(alternative) >= MIN_SLIP_LENGTH and alternative.isalpha():
                    written = self._indexes[lang].written.setdefault(alternative, [])
                    unit = self._unit(lang, alternative)
                    if unit not in written:
                        written.append(unit)
            steps.append(_Step(units, gap if steps else 0))
            gap = 0
        if not steps:
            raise ValueError(f"empty pattern {pattern!r}")
        entry = _Entry(target, weight, LANGS.index(lang), tuple(steps))
        table = self._singles if len(steps) == 1 else self._phrases
        for unit in steps[0].units:
            table.setdefault(unit, []).append(entry)

    def _unit(self, lang: str, word: str) -> int:
        if word == "#":
            kind, text = "number", "#"
        elif word.startswith("="):
            kind, text = "exact", word[1:]
        elif word.startswith("*") and word.endswith("*") and len(word) > 2:
            kind, text = "infix", word[1:-1]
        elif word.endswith("*"):
            kind, text = "prefix", word[:-1]
        elif word.startswith("*"):
            kind, text = "suffix", self.stemmers.stem(lang, word[1:])
        else:
            kind, text = "stem", self.stemmers.stem(lang, word)
        key = (lang, kind, text)
        unit = self._unit_ids.get(key)
        if unit is not None:
            return unit
        unit = len(self._unit_ids)
        self._unit_ids[key] = unit
        index = self._indexes[lang]
        if kind == "number":
            index.number.append(unit)
        elif kind == "exact":
            index.exact.setdefault(text, []).append(unit)
            if fold(text) != text and len(text) >= 3:
                index.folded_exact.setdefault(fold(text), []).append(unit)
        elif kind == "infix":
            index.infix.append((text, unit))
        elif kind == "prefix":
            index.prefix.setdefault(text, []).append(unit)
            if fold(text) != text:
                index.folded_prefix.setdefault(fold(text), []).append(unit)
            if len(text) >= MIN_TYPO_LENGTH + 1:
                for variant in {text} | _deletions(text):
                    index.typo_prefix.setdefault(variant, []).append((text, unit))
        elif kind == "suffix":
            index.suffix.setdefault(text, []).append(unit)
        else:
            index.stem.setdefault(text, []).append(unit)
            if fold(text) != text:
                index.folded_stem.setdefault(fold(text), []).append(unit)
            if lang in _COMPOUNDING and len(text) >= MIN_HEAD_LENGTH:
                index.head.setdefault(text, []).append(unit)
            if len(text) >= MIN_TYPO_LENGTH and not text.isdigit():
                for variant in {text} | _deletions(text):
                    index.typo.setdefault(variant, []).append((text, unit))
        return unit

    def _freeze(self) -> None:
        for index in self._indexes.values():
            index.prefix_lengths = tuple(
                sorted({len(p) for p in index.prefix} | {len(p) for p in index.folded_prefix})
            )
            index.suffix_lengths = tuple(sorted({len(s) for s in index.suffix}))
            index.typo_prefix_lengths = tuple(
                sorted({len(t) for t, _ in (x for v in index.typo_prefix.values() for x in v)})
            )
        self._frozen = True

    # -- token readings -------------------------------------------------------------------------

    def token_units(self, token: str) -> Mapping[int, float]:
        """Every pattern word ``token`` can be read as, with the quality of each reading."""
        return self.read(token).units

    def read(self, token: str) -> TokenReading:
        """The cached reading of ``token``."""
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        if not self._frozen:
            self._freeze()
        found: dict[int, float] = {}
        if token[0].isalnum():
            for lang in LANGS:
                self._read_token(token, lang, found)
            if not found and _DIGRAPH.search(token):
                # "vaere", "doed", "aa": æ, ø and å typed as two letters on a foreign keyboard.
                spelled = _DIGRAPH.sub(lambda m: _DIGRAPHS[m.group()], token)
                for lang in LANGS:
                    self._read_token(spelled, lang, found)
                found = {unit: quality * FOLDED_QUALITY for unit, quality in found.items()}
            if not found and MIN_SLIP_LENGTH <= len(token) < MIN_TYPED_LENGTH and token.isalpha():
                # "vlil", "wnat", "lvea": a short word has no room for the other slips
                # (MIN_TYPED_LENGTH), but a swapped pair keeps its letters. Only words the lists
                # write just so: an inflected form is often a word of its own ("sykt", "skyt").
                for meant in slips(token):
                    for lang in LANGS:
                        self._read_slip(meant, lang, found)
        if found:
            singles = tuple((e, q) for u, q in found.items() for e in self._singles.get(u, ()))
            adjacent: dict[int, list[tuple[_Entry, float]]] = {}
            gapped: list[tuple[_Entry, float]] = []
            for unit, quality in found.items():
                for entry in self._phrases.get(unit, ()):
                    second = entry.steps[1]
                    if second.gap:
                        gapped.append((entry, quality))
                    else:
                        for next_unit in second.units:
                            adjacent.setdefault(next_unit, []).append((entry, quality))
            by_last: dict[int, list[int]] = {}
            for position, (entry, _) in enumerate(gapped):
                for unit in entry.steps[-1].units:
                    by_last.setdefault(unit, []).append(position)
            reading = TokenReading(
                found,
                singles,
                {u: tuple(v) for u, v in adjacent.items()},
                tuple(gapped),
                {u: tuple(v) for u, v in by_last.items()},
            )
        else:
            reading = _NO_READING
        if len(self._token_cache) > 100_000:
            self._token_cache.clear()
        self._token_cache[token] = reading
        return reading

    def _read_token(self, token: str, lang: str, found: dict[int, float]) -> None:
        index = self._indexes[lang]
        stem = self.stemmers.stem(lang, token)
        before = len(found)

        def put(units: Iterable[int] | None, quality: float) -> None:
            if units:
                for unit in units:
                    if found.get(unit, 0.0) < quality:
                        found[unit] = quality

        put(index.exact.get(token), 1.0)
        put(index.stem.get(stem), 1.0)
        if is_number(token) and int(token) >= MIN_COUNTED_NUMBER:
            put(index.number, 1.0)
        for length in index.prefix_lengths:
            if length > len(token):
                break
            put(index.prefix.get(token[:length]), 1.0)
        for length in index.suffix_lengths:
            if length + MIN_MODIFIER_LENGTH > len(token):
                break  # "*øl" is "pils-øl", not "føler": a first part as long as a compound's
            if length + MIN_MODIFIER_LENGTH <= len(stem):
                put(index.suffix.get(stem[-length:]), 1.0)
            put(index.suffix.get(token[-length:]), 1.0)
        for text, unit in index.infix:
            if text in token:
                put((unit,), 1.0)
        if lang in _COMPOUNDING:
            for cut in range(MIN_MODIFIER_LENGTH, len(stem) - MIN_HEAD_LENGTH + 1):
                put(index.head.get(stem[cut:]), COMPOUND_QUALITY)
        if token.isascii():
            put(index.folded_exact.get(token), FOLDED_QUALITY)
            put(index.folded_stem.get(stem), FOLDED_QUALITY)
            for length in index.prefix_lengths:
                if length > len(token):
                    break
                put(index.folded_prefix.get(token[:length]), FOLDED_QUALITY)
        if len(found) > before or is_number(token):
            return
        if len(token) < MIN_TYPED_LENGTH:
            return
        if len(stem) >= MIN_TYPO_LENGTH:
            for variant in {stem} | _deletions(stem):
                for intended, unit in index.typo.get(variant, ()):
                    if one_typo_apart(stem, intended) or one_typo_apart(fold(stem), fold(intended)):
                        put((unit,), TYPO_QUALITY)
        for length in index.typo_prefix_lengths:
            if length - 1 > len(token):
                break
            for part in {token[: length - 1], token[:length], token[: length + 1]}:
                if len(part) < length - 1:
                    continue
                for variant in {part} | _deletions(part):
                    for intended, unit in index.typo_prefix.get(variant, ()):
                        if one_typo_apart(part, intended):
                            put((unit,), TYPO_QUALITY)

    def _read_slip(self, meant: str, lang: str, found: dict[int, float]) -> None:
        """Put the pattern words written ``meant`` (a typed word's slip) in the lists; exact
        forms (``=word``) are spelled right by definition."""
        for unit in self._indexes[lang].written.get(meant, ()):
            if found.get(unit, 0.0) < TYPO_QUALITY:
                found[unit] = TYPO_QUALITY

    # -- lines ----------------------------------------------------------------------------------

    def match_tokens(self, tokens: list[str]) -> tuple[list[Match], list[int]]:
        """All pattern matches in ``tokens``, and the sentence number of every token."""
        readings = [self.read(token) for token in tokens]
        units = [reading.units for reading in readings]
        sentences: list[int] = []
        sentence = 0
        for token in tokens:
            sentences.append(sentence)
            if token in SENTENCE_BREAKS:
                sentence += 1
        matches: list[Match] = []
        last = len(tokens) - 1
        present: set[int] | None = None
        for position, reading in enumerate(readings):
            if reading is _NO_READING:
                continue
            negated: bool | None = None
            for entry, quality in reading.singles:
                if negated is None:
                    negated = _negated_before(tokens, position)
                matches.append(
                    (
                        entry.target,
                        entry.weight * quality,
                        entry.lang,
                        position,
                        position,
                        negated,
                        sentences[position],
                    )
                )
            if position == last:
                continue
            candidates: list[tuple[_Entry, float]] = []
            if reading.gapped:
                # A phrase whose last word is nowhere in the line cannot match.
                if present is None:
                    present = set().union(*units)
                candidates = reading.gapped_candidates(present)
            if reading.adjacent:
                for next_unit in units[position + 1]:
                    more = reading.adjacent.get(next_unit)
                    if more:
                        candidates.extend(more)
                if len(candidates) > 1:
                    candidates = list(dict.fromkeys(candidates))
            for entry, quality in candidates:
                found = _match_phrase(entry.steps, units, tokens, position)
                if found is None:
                    continue
                end, worst = found
                if negated is None:
                    negated = _negated_before(tokens, position)
                matches.append(
                    (
                        entry.target,
                        entry.weight * min(quality, worst),
                        entry.lang,
                        position,
                        end,
                        negated,
                        sentences[position],
                    )
                )
        return matches, sentences


_NEGATION_REACH: Final = 4
_NEGATION_STOPS: Final = CLAUSE_BREAKS | SENTENCE_BREAKS | {"om", "if", "hvis", "whether"}


_NOT_SO: Final = frozenset({"så", "sa", "so"})
_INFINITIVE_MARKS: Final = frozenset({"å", "att", "og"})
_PLANS: Final = frozenset({"planer", "planar", "plan", "planen", "planene", "intensjon", "avsikt"})
"""After plans, "om" with these is "about" ("ingen planer om å ta livet mitt"), not "if"
(tri33). Not after thoughts: "ingen tanker om å dø" / "men ..." stays as it was read."""
_IF_OPENERS: Final = frozenset({"om", "ifall", "if", "hvis", "dersom"})
"""Words opening a condition: a negation right after one is the condition's (tri35a)."""
_ALTERNATIVES: Final = frozenset({"eller", "or", "nor"})
_OR_ELSE: Final = frozenset({"så", "sa", "else", "so", "om", "if", "kanske", "maybe"})
_KNOW: Final = frozenset({
    "know", "knows", "knew", "vet", "veit", "visste", "vissta", "aner", "anar", "anade",
})
"""Knowing: a negation of it does not reach what is (not) known (blind set 13: "my mum doesnt
know i burn myself")."""
_KNOWN_OPENERS: Final = frozenset({
    "att", "at", "that", "i", "jag", "jg", "jeg", "eg", "æ", "i'm", "im", "i've", "ive",
})
"""What is known, when it is the writer's own deed ("att jag ...", "that i ...", "i ..."); a
question after knowing ("vet inte vad man gör") stays under the negation, as before."""


def _in_condition(tokens: list[str], negation: int) -> bool:
    """The negation at ``negation`` stands in an "if" clause: an if-word at most three words
    before it, no break between ("om jag inte", "if he doesn't", "hvis ikke")."""
    for back in range(negation - 1, max(-1, negation - 4), -1):
        token = tokens[back]
        if token in _IF_OPENERS:
            # "om att inte", "om å ikke" is "about", not "if"
            return not (token == "om" and tokens[back + 1] in _INFINITIVE_MARKS)
        if token in CLAUSE_BREAKS or token in SENTENCE_BREAKS:
            return False
    return False


def _negated_before(tokens: list[str], position: int) -> bool:
    for back in range(position - 1, max(-1, position - 1 - _NEGATION_REACH), -1):
        token = tokens[back]
        if token in _NOT_SO and back and tokens[back - 1] in NEGATIONS:
            return True  # "inte så (att) han blir våldsam": "not so that" negates what follows
        if token in _ALTERNATIVES and tokens[back + 1] not in _OR_ELSE:
            # blind sets 18 and 20 (fp20): "ingen slog eller hotade", "didn't hit or threaten":
            # the alternatives a negation opens share it ("eller så" is "or else")
            return _negated_before(tokens, back)
        if token in _NEGATION_STOPS and not (
            # blind set 33 (tri33): "ingen planer om å ta livet mitt": "om" before an
            # infinitive after plans is "about", not "if", and the negation reaches on
            token == "om" and back + 1 < position and tokens[back + 1] in _INFINITIVE_MARKS
            and back and tokens[back - 1] in _PLANS
        ):
            return False
        if token in _KNOW and tokens[back + 1] in _KNOWN_OPENERS:
            return False  # "doesn't know i burn myself": the negation is of the knowing
        if token in NEGATIONS:
            if position - back > 2 and _in_condition(tokens, back):
                # tri35a: a negation in an "if" clause, with the clause's own words between
                # it and the match ("om jag inte klarar provet tar jag livet av mig", "if he
                # doesn't come back i'll kill myself"): it negates the condition, not what
                # follows it; right before the match it is the match's ("om jag inte vill dö")
                return False
            # "mamma vet inte att jag skär mig": Scandinavian puts it after the verb
            return not (
                back and tokens[back - 1] in _KNOW and tokens[back + 1] in _KNOWN_OPENERS
            )
    return False


def _match_phrase(
    steps: tuple[_Step, ...], readings: list[Mapping[int, float]], tokens: list[str], start: int
) -> tuple[int, float] | None:
    """End position and worst reading quality of the phrase starting at ``start``, or None."""
    position = start
    worst = 1.0
    for step in steps[1:]:
        found = False
        for skip in range(step.gap + 1):
            candidate = position + 1 + skip
            if candidate >= len(tokens):
                return None
            if skip:
                skipped = tokens[candidate - 1]
                if skipped in NEGATIONS or skipped in CLAUSE_BREAKS or skipped in SENTENCE_BREAKS:
                    return None
            reading = readings[candidate]
            for unit in step.units:
                quality = reading.get(unit)
                if quality is not None:
                    worst = min(worst, quality)
                    position = candidate
                    found = True
                    break
            if found:
                break
        if not found:
            return None
    return position, worst
