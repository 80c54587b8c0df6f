"""The blind corpus of issue 11: its split rule, and the frozen part's figures pinned.

The frozen part (blind_test.jsonl) is scored on every change but never read case by case or
tuned on; these tests look only at aggregate figures. A change that lowers urgent recall,
precision or the top-3 hit rate on it fails here. When a change raises them, raise the pins.
"""

from __future__ import annotations

import hashlib
import json

from referrals import SuggestionEngine
from referrals.evaluation import evaluate, read_labelled_cases
from tests.referrals.helpers import DATA

DEV, TEST = DATA / "blind_dev.jsonl", DATA / "blind_test.jsonl"

# Figures of the frozen part at the last change (docs/referrals.md, "Evaluation"). Recall and
# top-3 only go up; precision went down twice, each time when the learnt model's settings were
# chosen by the pre-set leave-one-set-out rule rather than by the frozen figures, and stayed
# above the 85 % target: by one false alarm with blind set 5 (63/70 -> 63/71), and with blind
# set 6 from 63/71 to 66/76 (three more caught, two more false alarms; docs/referrals.md,
# "Blind set 6").
# With blind set 7 the leave-one-set-out rule's model (C = 4) would have lowered recall; the
# unseen blind set 8 showed the same, so the model kept C = 8 / 0.6 ("Blind set 8").
# Blind sets 11-12: the model's sure cut (66 -> 68 caught, 74 -> 76 flags).
# Blind sets 14-15: the model trained on sets 9 S-13 as well (68 -> 69 caught, 76 -> 77 flags).
# Blind sets 16 and 19 AU learnt from: one false alarm fewer (77 -> 76 flags), two more top-3.
PINNED_RECALL = (69, 71)
PINNED_PRECISION = (69, 75)  # blind sets 37 and 38 read (fp42): one false alarm fewer
PINNED_TOP3 = (209, 216)  # 11-12: rules, suggestions; 14-15: the model; 15: sugg15; 16, 19 AU
# the topic model: 208 -> 207 (docs/referrals.md, "A learnt reading of topics"); set 23 read
# (top24, professionals' suicide questions): 207 -> 208; sets 37 and 38 read (fp42): 208 -> 209


def _in_dev(case_id: str) -> bool:
    return int(hashlib.sha256(case_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def test_split_follows_its_rule_and_covers_the_corpus() -> None:
    """A case is in the dev part iff sha256(case id) % 3 == 0; 331 cases, none in both parts."""
    dev = [json.loads(line)["case"] for line in DEV.read_text("utf-8").splitlines() if line]
    test = [json.loads(line)["case"] for line in TEST.read_text("utf-8").splitlines() if line]
    assert all(_in_dev(case) for case in dev)
    assert not any(_in_dev(case) for case in test)
    assert len(dev) + len(test) == len(set(dev) | set(test)) == 331


def test_frozen_part_figures_do_not_drop(engine: SuggestionEngine) -> None:
    """Urgent recall, urgent precision and top-3 hits on the frozen part stay at their pins."""
    caught, urgent, right, flagged, hits = _frozen_counts(engine)
    # Only plain counts reach the assertions, so a failure never prints a frozen case.
    assert urgent == PINNED_RECALL[1]
    assert caught >= PINNED_RECALL[0], f"urgent recall {caught}/{urgent}"
    assert right * PINNED_PRECISION[1] >= PINNED_PRECISION[0] * flagged, (
        f"urgent precision {right}/{flagged}"
    )
    assert hits >= PINNED_TOP3[0], f"top-3 hits {hits}"


def _frozen_counts(engine: SuggestionEngine) -> tuple[int, int, int, int, int]:
    """(urgent caught, urgent labelled, flags right, flags, top-3 hits) on the frozen part."""
    report = evaluate(engine, read_labelled_cases(TEST))
    caught = sum(1 for r in report.results if r.case.urgent and r.urgent)
    urgent = sum(1 for r in report.results if r.case.urgent)
    right = sum(1 for r in report.results if r.urgent and r.case.urgent)
    flagged = sum(1 for r in report.results if r.urgent)
    hits = sum(1 for r in report.results if r.case.expect_top3_any and r.hit)
    return caught, urgent, right, flagged, hits


def test_dev_part_meets_the_targets(engine: SuggestionEngine) -> None:
    """On the dev part (tuned on): urgent recall 100 %, precision >= 85 %, top-3 >= 92 %."""
    report = evaluate(engine, read_labelled_cases(DEV))
    misses = [r.case.name for r in report.misses]
    assert report.urgent_recall == 1.0, misses
    assert report.urgent_precision >= 0.85, misses
    assert report.top3_hit_rate >= 0.92, misses
