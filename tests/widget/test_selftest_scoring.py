"""Self-test scoring against the published scoring, at every band boundary, in Python.

The expected values are written out here from the sources (WHO AUDIT manual 2001 with the
Swedish cut-offs; Ferris & Wynne 2001 for the PGSI), not read from the instrument files, so a
wrong number in a file fails. tests/widget/test_selftest_browser.py checks that the bundle's
JavaScript scores exactly as widget.selftest does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from widget.build import selftests_block
from widget.selftest import (
    SelftestError,
    band_for,
    instruments,
    load,
    max_score,
    needs_group,
    score,
)

TESTS = instruments()
AUDIT, PGSI = TESTS["audit"], TESTS["pgsi"]

# (group, total, band): the last total below each cut-off and the first one at it.
AUDIT_BOUNDARIES = [
    ("women", 0, "low"), ("women", 5, "low"), ("women", 6, "risky"),
    ("men", 7, "low"), ("men", 8, "risky"),
    ("over65", 6, "low"), ("over65", 7, "risky"),
    ("unsaid", 5, "low"), ("unsaid", 6, "risky"),  # rather not say: the lowest cut-off
    *[(group, total, band) for group in ("women", "men", "over65", "unsaid")
      for total, band in ((15, "risky"), (16, "harmful"), (19, "harmful"),
                          (20, "dependence"), (40, "dependence"))],
]
PGSI_BOUNDARIES = [(0, "none"), (1, "low"), (2, "low"), (3, "moderate"), (7, "moderate"),
                   (8, "problem"), (27, "problem")]


def answers_for(test: dict[str, Any], total: int) -> list[int]:
    """Valid answers (each an option's score) that add up to ``total``, found depth first."""
    items = [sorted((o["score"] for o in item["options"]), reverse=True) for item in test["items"]]

    def fill(index: int, left: int) -> list[int] | None:
        if index == len(items):
            return [] if left == 0 else None
        for pick in items[index]:
            if pick <= left and (rest := fill(index + 1, left - pick)) is not None:
                return [pick, *rest]
        return None

    answers = fill(0, total)
    assert answers is not None, f"no answers add up to {total}"
    return answers


def test_audit_items_and_option_scores_are_the_published_ones() -> None:
    """AUDIT: 10 items; items 1-8 score 0-4, items 9-10 score 0, 2 or 4; the maximum is 40."""
    items = AUDIT["items"]
    assert len(items) == 10
    for item in items[:8]:
        assert [o["score"] for o in item["options"]] == [0, 1, 2, 3, 4], item["id"]
    for item in items[8:]:
        assert [o["score"] for o in item["options"]] == [0, 2, 4], item["id"]
    assert max_score(AUDIT) == 40


def test_pgsi_items_and_option_scores_are_the_published_ones() -> None:
    """PGSI: 9 items scored 0-3 (never, sometimes, most of the time, almost always); max 27."""
    assert len(PGSI["items"]) == 9
    for item in PGSI["items"]:
        assert [o["score"] for o in item["options"]] == [0, 1, 2, 3], item["id"]
        assert [o["text"]["en"] for o in item["options"]] == [
            "Never", "Sometimes", "Most of the time", "Almost always"]
    assert max_score(PGSI) == 27


@pytest.mark.parametrize(("group", "total", "band"), AUDIT_BOUNDARIES)
def test_audit_band_at_each_swedish_cut_off(group: str, total: int, band: str) -> None:
    """Risky use from 6 (women), 8 (men), 7 (65 and older); 16-19 harmful; 20+ dependence."""
    assert band_for(AUDIT, total, group) == band
    result = score(AUDIT, answers_for(AUDIT, total), group)
    assert (result.score, result.max_score, result.band) == (total, 40, band)


@pytest.mark.parametrize(("total", "band"), PGSI_BOUNDARIES)
def test_pgsi_band_at_each_boundary(total: int, band: str) -> None:
    """PGSI bands: 0 no problem, 1-2 low risk, 3-7 moderate risk, 8 or more problem gambling."""
    result = score(PGSI, answers_for(PGSI, total))
    assert (result.score, result.max_score, result.band) == (total, 27, band)


def test_audit_asks_sex_and_age_only_where_the_cut_off_differs() -> None:
    """Only totals 6 and 7 fall on different sides of the cut-offs, so only they ask the
    group; the PGSI never asks it."""
    assert [total for total in range(41) if needs_group(AUDIT, total)] == [6, 7]
    assert not any(needs_group(PGSI, total) for total in range(28))
    with pytest.raises(ValueError, match="depends on the group"):
        score(AUDIT, answers_for(AUDIT, 6))
    assert score(AUDIT, answers_for(AUDIT, 12)).band == "risky"  # no group needed


def test_audit_c_is_the_sum_of_the_first_three_items() -> None:
    """AUDIT-C, the consumption questions 1-3, is reported beside the total."""
    answers = [4, 3, 2, 1, 0, 0, 0, 0, 2, 4]
    result = score(AUDIT, answers, "men")
    assert result.subscores == {"audit-c": 9}
    assert result.score == 16 and result.band == "harmful"


def test_answers_that_are_no_option_are_refused() -> None:
    """A score no option has (3 on AUDIT item 9) or a wrong count is an error, not a total."""
    with pytest.raises(ValueError, match="a9"):
        score(AUDIT, [0] * 8 + [3, 0], "women")
    with pytest.raises(ValueError, match="10 answers"):
        score(AUDIT, [0] * 9, "women")


def test_every_instrument_records_source_licence_and_three_languages() -> None:
    """Each file names its source and licence and has every text in sv, en and nb."""
    for test in TESTS.values():
        assert "WHO" in test["source"] or "Ferris" in test["source"]
        assert test["licence"]
        for item in test["items"]:
            assert set(item["text"]) == {"sv", "en", "nb"}
        for band in test["bands"]:
            assert set(band["title"]) == set(band["text"]) == {"sv", "en", "nb"}


def write_instrument(folder: Path, **changes: Any) -> Path:
    data = json.loads(json.dumps(PGSI))
    data.update(id="demo", name="DEMO", **changes)
    path = folder / "demo.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_new_instrument_is_a_new_file_without_code(tmp_path: Path) -> None:
    """A third file is validated, scored and built into the bundle's data as it is."""
    for name in ("audit.json", "pgsi.json"):
        (tmp_path / name).write_text(json.dumps(TESTS[name[:-5]]), encoding="utf-8")
    write_instrument(tmp_path)
    found = instruments(tmp_path)
    assert list(found) == ["audit", "demo", "pgsi"]
    assert score(found["demo"], answers_for(found["demo"], 3)).band == "moderate"
    assert '"id":"demo"' in selftests_block(tmp_path)


@pytest.mark.parametrize(("change", "message"), [
    ({"licence": ""}, "licence: required"),
    ({"bands": [{"id": "a", "min": 0, "title": {"sv": "a", "en": "a", "nb": "a"},
                 "text": {"sv": "a", "en": "a", "nb": "a"}},
                {"id": "b", "min": 0, "title": {"sv": "b", "en": "b", "nb": "b"},
                 "text": {"sv": "b", "en": "b", "nb": "b"}}]}, "bands must rise"),
    ({"title": {"sv": "Spel"}}, "title: needs a text in each of sv, en, nb"),
    ({"items": [{"id": "x", "text": {"sv": "?", "en": "?", "nb": "?"},
                 "options": [{"score": -1, "text": {"sv": "a", "en": "a", "nb": "a"}},
                             {"score": 1, "text": {"sv": "b", "en": "b", "nb": "b"}}]}]},
     r"items\[1\].options\[1\].score"),
])
def test_a_broken_file_is_named_with_the_field_at_fault(
        tmp_path: Path, change: dict[str, Any], message: str) -> None:
    """Validation names the file and field, so a municipality can fix its own instrument."""
    path = write_instrument(tmp_path, **change)
    with pytest.raises(SelftestError, match=f"demo.json: .*{message}"):
        load(path)
