"""Check that a change made for speed changed nothing the engine says.

    PYTHONPATH=src python bench/same_verdicts.py --write before.pkl     # on the engine before
    PYTHONPATH=src python bench/same_verdicts.py --compare before.pkl   # on the engine after

Calls ``suggest()`` on every prefix of every readable labelled conversation (one engine, as the
console calls it after each message, so its caches are used as in service) and ``urgency()``
on each whole conversation, and keeps everything they say: urgent, the reasons, the services'
ids, their scores bit for bit and the matched words. ``--compare`` prints each case whose
output differs and where (the prefix), and the number of such cases (0: nothing moved).

The blind test set and the unread check parts are skipped by name (only counts may be run on
them: ``lotsen referrals eval FILE --figures-only``). About a minute.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

from referrals import Conversation, SuggestionEngine, load_directory
from referrals.evaluation import LabelledCase, read_labelled_cases

DATA = Path(__file__).resolve().parent.parent / "tests" / "referrals" / "data"
UNREAD = ("blind_test", "blind21_", "blind31_", "blind39_", "blind40_", "_check")

Output = tuple[object, ...]


def readable_sets() -> list[tuple[str, list[LabelledCase]]]:
    """(file name, its cases) for every labelled file the rules may read: the unread sets
    (``UNREAD``) are skipped by name."""
    found = []
    for path in sorted(DATA.glob("*.jsonl")) + sorted((DATA / "outside_model").glob("*.jsonl")):
        if any(part in path.name for part in UNREAD):
            continue
        try:
            found.append((path.name, read_labelled_cases(path)))
        except ValueError:
            continue  # not a labelled file (openers.jsonl)
    return found


def outputs(engine: SuggestionEngine) -> dict[str, list[tuple[str, list[Output]]]]:
    """File -> its cases, each with what the engine said after each of its messages."""
    found: dict[str, list[tuple[str, list[Output]]]] = {}
    for name, cases in readable_sets():
        said = []
        for case in cases:
            conversation = case.conversation
            rows: list[Output] = []
            for end in range(1, len(conversation.lines) + 1):
                part = Conversation(conversation.lang, conversation.role, conversation.lines[:end])
                result = engine.suggest(part)
                services = tuple(
                    (s.id, s.score.hex(), tuple(s.matched)) for s in result.suggestions
                )
                rows.append((result.urgent, tuple(result.urgent_reasons), services))
            urgent, reasons = engine.urgency(conversation)
            rows.append(("urgency()", urgent, tuple(reasons)))
            said.append((case.name, rows))
        found[name] = said
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="keep what the engine says in this file")
    group.add_argument("--compare", type=Path, help="compare with a file --write made")
    args = parser.parse_args()
    start = time.perf_counter()
    now = outputs(SuggestionEngine(load_directory()))
    calls = sum(len(rows) for cases in now.values() for _, rows in cases)
    print(f"{calls} calls over {len(now)} files in {time.perf_counter() - start:.0f} s")
    if args.write:
        args.write.write_bytes(pickle.dumps(now))
        return
    before = pickle.loads(args.compare.read_bytes())
    moved = 0
    for name in sorted(set(before) | set(now)):
        if len(before.get(name, ())) != len(now.get(name, ())):
            print(f"{name}: not the same cases")
            moved += 1
            continue
        for (case, was), (_, rows) in zip(before[name], now[name], strict=True):
            if was != rows:
                moved += 1
                pairs = enumerate(zip(was, rows, strict=False))
                first = next((n for n, (a, b) in pairs if a != b), len(rows) - 1)
                where = f"after message {first + 1}" if first < len(rows) - 1 else "in urgency()"
                print(f"{name} {case}: differs {where}")
    print(f"cases that differ: {moved}")


if __name__ == "__main__":
    main()
