"""How much the urgency verdict depends on phone typos.

    PYTHONPATH=src python bench/typos.py [--show] [--seed N]

Runs ``urgency()`` over every readable labelled conversation in ``tests/referrals/data`` and
``tests/referrals/data/outside_model``: as written, and with typos put into the visitor's lines
(labels kept) at two rates, and prints, per variant, the urgent conversations caught of all
urgent ones and the false alarms. It then prints the concept words whose typo'd forms the
matcher no longer reads as any of the concept words it read as written, most often first
(counts only). ``--show`` also lists the cases whose verdict the typos turn wrong or right.

A typo is what a thumb does on a phone: in each word of four or more letters, with probability
``p`` (0.1 and 0.2), one of two adjacent letters swapped, a letter dropped, a letter doubled or
a letter replaced by a neighbouring key on a Nordic QWERTY layout (Swedish or Norwegian by the
conversation's language); the first letter is kept as typed, since it is rarely the one that
slips. The random seed is fixed, so every run puts the same typos in the same places. The blind
test set and the unread check parts are skipped by name, as in ``bench/same_verdicts.py``.
About three minutes.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter

from same_verdicts import readable_sets  # the same unread sets, skipped by name

from referrals import Conversation, Line, SuggestionEngine, load_directory
from referrals.concepts import load_concepts
from referrals.evaluation import LabelledCase
from referrals.matching import PatternMatcher, tokenize

RATES = (0.1, 0.2)
SEED = 20261207
_WORD = re.compile(r"[^\W\d_]{4,}")
_ROWS = {
    "sv": ("qwertyuiopå", "asdfghjklöä", "zxcvbnm"),
    "nb": ("qwertyuiopå", "asdfghjkløæ", "zxcvbnm"),
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
}


def _neighbours(rows: tuple[str, ...]) -> dict[str, str]:
    """Each key -> the keys next to it on the same row and the rows above and below."""
    near: dict[str, set[str]] = {}
    for r, row in enumerate(rows):
        for i, key in enumerate(row):
            around = near.setdefault(key, set())
            around.update(row[j] for j in (i - 1, i + 1) if 0 <= j < len(row))
            for other in (r - 1, r + 1):
                if 0 <= other < len(rows):
                    # Rows are staggered: a thumb slips to the keys up to one column aside.
                    row_keys = rows[other]
                    around.update(row_keys[j] for j in (i - 1, i, i + 1) if 0 <= j < len(row_keys))
    return {key: "".join(sorted(keys)) for key, keys in near.items()}


_NEIGHBOURS = {lang: _neighbours(rows) for lang, rows in _ROWS.items()}


def misspelled(word: str, lang: str, rng: random.Random) -> str:
    """``word`` with one slip (never its first letter)."""
    i = rng.randrange(1, len(word))
    slip = rng.choice(("swap", "drop", "double", "key"))
    if slip == "swap" and i + 1 < len(word) and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if slip == "drop":
        return word[:i] + word[i + 1 :]
    if slip == "double":
        return word[: i + 1] + word[i:]
    near = _NEIGHBOURS[lang].get(word[i].lower())
    if not near:
        return word[: i + 1] + word[i:]  # no key to slip to (a digit, an accent): doubled
    key = rng.choice(near)
    return word[:i] + (key.upper() if word[i].isupper() else key) + word[i + 1 :]


class Typist:
    """Puts typos into text at rate ``p`` and notes each (original, typo'd) word."""

    def __init__(self, p: float, seed: int) -> None:
        self.p = p
        self.rng = random.Random(seed)
        self.slips: list[tuple[str, str, str]] = []
        """(lang, as written, as typo'd), lower case."""

    def type(self, text: str, lang: str) -> str:
        def slip(match: re.Match[str]) -> str:
            word = match.group()
            if self.rng.random() >= self.p:
                return word
            typo = misspelled(word, lang, self.rng)
            self.slips.append((lang, word.lower(), typo.lower()))
            return typo

        return _WORD.sub(slip, text)

    def conversation(self, conversation: Conversation) -> Conversation:
        lang = conversation.lang if conversation.lang in _ROWS else "sv"
        lines = [
            Line(line.sender, self.type(line.text, lang)) if line.sender == "visitor" else line
            for line in conversation.lines
        ]
        return Conversation(conversation.lang, conversation.role, lines)


def concept_matcher() -> PatternMatcher:
    """A matcher of the concept and urgent classes only (no topics or services)."""
    matcher = PatternMatcher()
    concepts = load_concepts()
    for table in (concepts.urgent, concepts.concepts):
        for target, (_, by_lang) in enumerate(table.items()):
            for lang, patterns in by_lang.items():
                for pattern in patterns:
                    matcher.add(pattern, lang, target, 1.0)
    return matcher


def lost_words(slips: list[tuple[str, str, str]], matcher: PatternMatcher) -> Counter[str]:
    """Concept words (as written) whose typo'd form reads as none of the words they were."""
    lost: Counter[str] = Counter()
    for _, word, typo in slips:
        written = [t for t in tokenize(word) if t[0].isalpha()]
        typed = [t for t in tokenize(typo) if t[0].isalpha()]
        if len(written) != 1 or len(typed) != 1:
            continue
        was = matcher.token_units(written[0])
        if was and not was.keys() & matcher.token_units(typed[0]).keys():
            lost[written[0]] += 1
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the cases that change")
    parser.add_argument("--seed", type=int, default=SEED, help="the random seed")
    parser.add_argument("--top", type=int, default=30, help="how many lost words to list")
    args = parser.parse_args()
    start = time.perf_counter()
    engine = SuggestionEngine(load_directory())
    cases: list[tuple[str, LabelledCase]] = [
        (name, case) for name, set_cases in readable_sets() for case in set_cases
    ]
    urgent = sum(case.urgent for _, case in cases)
    typists = {f"p={p}": Typist(p, args.seed) for p in RATES}
    verdicts: dict[str, list[bool]] = {"as written": [], **{v: [] for v in typists}}
    for _, case in cases:
        verdicts["as written"].append(engine.urgency(case.conversation)[0])
        for variant, typist in typists.items():
            typed = typist.conversation(case.conversation)
            verdicts[variant].append(engine.urgency(typed)[0])
    print(f"{len(cases)} conversations, {urgent} urgent ({time.perf_counter() - start:.0f} s)")
    for variant, said in verdicts.items():
        caught = sum(s and case.urgent for s, (_, case) in zip(said, cases, strict=True))
        false = sum(s and not case.urgent for s, (_, case) in zip(said, cases, strict=True))
        print(f"{variant:>10}: caught {caught} of {urgent}, false alarms {false}")
    matcher = concept_matcher()
    for variant, typist in typists.items():
        lost = lost_words(typist.slips, matcher)
        words = sum(1 for _, word, _ in typist.slips if matcher.token_units(word.split()[0]))
        print(
            f"{variant}: {len(typist.slips)} words typo'd, {words} of them concept words, "
            f"{lost.total()} of those no longer read; most often:"
        )
        print("  " + ", ".join(f"{word} {n}" for word, n in lost.most_common(args.top)))
    if args.show:
        for variant in typists:
            pairs = zip(verdicts["as written"], verdicts[variant], cases, strict=True)
            for was, now, (name, case) in pairs:
                if was != now:
                    better = "right" if now == case.urgent else "wrong"
                    print(f"  {variant} {better}: {name} {case.name} (urgent {case.urgent})")


if __name__ == "__main__":
    main()
