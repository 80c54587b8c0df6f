"""How much the urgency verdict depends on punctuation.

    PYTHONPATH=src python bench/punctuation.py [--show]

Runs ``urgency()`` over every readable labelled conversation in ``tests/referrals/data`` and
``tests/referrals/data/outside_model`` twice: as written, and with the punctuation removed
from the visitor's lines (as on a phone: "jag pallar inte. vill dö" typed "jag pallar inte vill
dö"; labels kept), and prints, per variant, the urgent conversations caught of all urgent ones
and the false alarms. ``--show`` also lists the cases whose verdict the missing punctuation
turns wrong or right (read sets only).

Punctuation here is what ends a clause or a sentence: . , ! ? ; : … and the dashes and
ellipses written for a pause; a mark between two digits ("2,5 mg", "12.30") is kept, and a
mark is replaced by a space so that no two words are glued together. Line breaks inside a
message are kept: they are not punctuation. The blind test set and the unread check parts
are skipped by name, as in ``bench/same_verdicts.py``. About half a minute.
"""

from __future__ import annotations

import argparse
import re
import time

from same_verdicts import readable_sets  # the same unread sets, skipped by name

from referrals import Conversation, Line, SuggestionEngine, load_directory
from referrals.evaluation import LabelledCase

_PUNCTUATION = re.compile(r"(?<!\d)[.,]|[.,](?!\d)|[!?;:…¡¿]|\s[-–—]+\s|\.{2,}")
"""Marks that end a clause or a sentence, not inside a number ("2,5", "12.30")."""
_SPACES = re.compile(r"[ \t]{2,}")


def unpunctuated(text: str) -> str:
    """``text`` without the punctuation that ends clauses and sentences."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


def readable_cases() -> list[tuple[str, LabelledCase]]:
    """(file name, case) for every labelled case in a file the rules may read."""
    return [(name, case) for name, cases in readable_sets() for case in cases]


def stripped(conversation: Conversation) -> Conversation:
    """``conversation`` with its visitor lines unpunctuated (staff lines as written)."""
    lines = [
        Line(line.sender, unpunctuated(line.text)) if line.sender == "visitor" else line
        for line in conversation.lines
    ]
    return Conversation(conversation.lang, conversation.role, lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the cases that change")
    args = parser.parse_args()
    start = time.perf_counter()
    engine = SuggestionEngine(load_directory())
    cases = readable_cases()
    urgent = sum(case.urgent for _, case in cases)
    verdicts: dict[str, list[bool]] = {"as written": [], "no punctuation": []}
    for _, case in cases:
        verdicts["as written"].append(engine.urgency(case.conversation)[0])
        verdicts["no punctuation"].append(engine.urgency(stripped(case.conversation))[0])
    print(f"{len(cases)} conversations, {urgent} urgent ({time.perf_counter() - start:.0f} s)")
    for variant, said in verdicts.items():
        caught = sum(s and case.urgent for s, (_, case) in zip(said, cases, strict=True))
        false = sum(s and not case.urgent for s, (_, case) in zip(said, cases, strict=True))
        print(f"{variant:>15}: caught {caught} of {urgent}, false alarms {false}")
    if args.show:
        pairs = zip(verdicts["as written"], verdicts["no punctuation"], cases, strict=True)
        for was, now, (name, case) in pairs:
            if was != now:
                better = "right" if now == case.urgent else "wrong"
                print(f"  {better}: {name} {case.name} (urgent {case.urgent}, unpunctuated {now})")


if __name__ == "__main__":
    main()
