"""Quality targets of issue 5 on the dev set and on conversations written for these tests."""

from __future__ import annotations

import pytest

from referrals import SuggestionEngine
from referrals.evaluation import evaluate, read_labelled_cases
from tests.referrals.helpers import DATA

SETS = {
    "dev": DATA / "dev.jsonl",  # a copy of shared/referrals/dev.jsonl
    "heldout": DATA / "heldout.jsonl",  # written before the engine existed
    "heldout2": DATA / "heldout2.jsonl",  # written after its first draft, before tuning
    "heldout3": DATA / "heldout3.jsonl",  # written after tuning, before the urgency rework
}


@pytest.mark.parametrize("name", SETS)
def test_quality_targets_are_met(engine: SuggestionEngine, name: str) -> None:
    """Top-3 hit rate >= 95%, urgent recall 100% and urgent precision >= 90%."""
    cases = read_labelled_cases(SETS[name])
    report = evaluate(engine, cases)
    misses = [f"{r.case.name}: top3={r.top3} urgent={r.urgent}" for r in report.misses]
    assert report.top3_hit_rate >= 0.95, misses
    assert report.urgent_recall == 1.0, misses
    assert report.urgent_precision >= 0.90, misses


def test_held_out_sets_are_large_and_varied() -> None:
    """The held-out sets have 30+ cases in each of their languages and both verdicts."""
    cases = [
        c for name in ("heldout", "heldout2", "heldout3") for c in read_labelled_cases(SETS[name])
    ]
    langs = {c.conversation.lang for c in cases}
    assert len(cases) >= 100 and {"sv", "nb", "en"} <= langs
    assert sum(c.urgent for c in cases) >= 15 and sum(not c.urgent for c in cases) >= 50
    assert {c.conversation.role for c in cases} >= {
        "self",
        "relative",
        "child",
        "professional",
        None,
    }


def test_dev_copy_matches_the_shared_file_when_present() -> None:
    """The repository's copy of dev.jsonl is the shared one.

    Only the development workspace has the shared file (``../shared/referrals/dev.jsonl``); a
    fresh clone skips this one comparison and loses nothing: the quality tests above read the
    repository's own copy.
    """
    shared = DATA.parents[3] / "shared" / "referrals" / "dev.jsonl"
    if not shared.exists():
        pytest.skip(f"nothing to compare with: {shared} exists only in the development "
                    "workspace; the quality tests use the repository's own copy "
                    f"({DATA / 'dev.jsonl'}), so the suite is complete without it")
    assert (DATA / "dev.jsonl").read_bytes() == shared.read_bytes()
