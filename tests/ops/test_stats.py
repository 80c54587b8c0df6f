"""Statistics from a generated month match the figures counted by hand (see month.py)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from figures.stats import Period, Statistics, bar, format_duration, load_statistics, percentile
from lotsen.cli import _register, app
from relay.storage.sqlite import SQLiteStorage
from tests.ops.month import TZ, write_month

MARCH = Period.month(2026, 3, TZ)


@pytest.fixture
def month_db(tmp_path: Path) -> Path:
    database = tmp_path / "month.db"
    asyncio.run(write_month(database))
    return database


async def _load(database: Path, period: Period = MARCH) -> Statistics:
    storage = SQLiteStorage(database)
    await storage.open()
    try:
        return await load_statistics(storage, period)
    finally:
        await storage.close()


async def test_month_totals_waits_and_lengths_match_hand_counts(month_db: Path) -> None:
    """Totals, waits (median, p90), abandonment and lengths equal the hand-counted figures."""
    f = await _load(month_db)
    assert (f.conversations, f.answered, f.abandoned, f.in_progress, f.urgent) == (38, 33, 4, 1, 5)
    assert f.closed_by == {"visitor": 13, "staff": 24, "system": 0}
    # Waits: 2 x 30 s, 22 x 120 s, 9 x 600 s -> 17th of 33 is 120, 30th is 600.
    assert (f.wait.count, f.wait.median, f.wait.p90) == (33, 120, 600)
    assert (f.abandoned_wait.count, f.abandoned_wait.median, f.abandoned_wait.p90) == (4, 300, 300)
    assert (f.duration.count, f.duration.median, f.duration.p90) == (33, 900, 1800)
    assert (f.lines.median, f.lines.p90) == (12, 30)
    assert f.closed_visits == 11


async def test_month_per_weekday_and_hour_include_closed_hours_openings(month_db: Path) -> None:
    """Per weekday and hour counts (local time, across the DST change) match the hand counts."""
    f = await _load(month_db)
    assert [s.conversations for s in f.by_weekday] == [10, 6, 8, 4, 8, 0, 2]
    assert [s.closed_visits for s in f.by_weekday] == [3, 1, 0, 0, 0, 5, 2]
    assert f.weekday_days == (5, 5, 4, 4, 4, 4, 5)
    hours = {h: (s.conversations, s.closed_visits) for h, s in enumerate(f.by_hour)
             if s.conversations or s.closed_visits}
    assert hours == {0: (1, 0), 3: (1, 0), 10: (0, 5), 12: (22, 0), 13: (14, 0), 19: (0, 3),
                     22: (0, 2), 23: (0, 1)}
    assert f.by_weekday_hour[0][13].conversations == 5  # Mondays at 13
    assert f.by_weekday_hour[4][13].conversations == 4  # Fridays at 13 (those who left)
    assert f.by_weekday_hour[6][3].conversations == 1  # Sunday 29th, 03:30 summer time


async def test_month_who_language_topics_referrals_feedback_and_weeks(month_db: Path) -> None:
    """Who writes (staff's role wins), language, tags, referrals, feedback and weeks match."""
    f = await _load(month_db)
    assert f.who == {"self": 9, "relative": 22, "child": 4, "professional": 2, "unknown": 1}
    assert f.language == {"sv": 24, "en": 9, "nb": 4, "unknown": 1}
    assert f.tags == {"alcohol": 31, "gambling": 9, "mental-health": 2}
    assert f.referrals == {"local-anhorigstod": 22, "1177": 2}
    assert f.feedback == {"yes": 22, "partly": 0, "no": 2, "none": 13}
    weeks = [(w.week, w.conversations, w.answered, w.abandoned, w.closed_visits) for w in f.weeks]
    assert weeks == [("2026-W09", 1, 1, 0, 0), ("2026-W10", 8, 7, 1, 8),
                     ("2026-W11", 8, 7, 1, 0), ("2026-W12", 8, 7, 1, 0),
                     ("2026-W13", 9, 8, 1, 2), ("2026-W14", 4, 3, 0, 1)]


async def test_month_waits_by_hour_match_hand_counts(month_db: Path) -> None:
    """Waits (median, p90) and those who left are counted by the hour the chat started."""
    f = await _load(month_db)
    rows = [h.to_dict() for h in f.waits_by_hour]
    assert rows == [
        {"hour": 0, "answered": 1, "abandoned": 0, "median": 30, "p90": 30},
        {"hour": 3, "answered": 1, "abandoned": 0, "median": 30, "p90": 30},
        {"hour": 12, "answered": 22, "abandoned": 0, "median": 120, "p90": 120},
        # 9 answered after 600 s; the 4 Friday chats left; the one still waiting is neither.
        {"hour": 13, "answered": 9, "abandoned": 4, "median": 600, "p90": 600},
    ]
    assert sum(r["answered"] for r in rows) == f.answered
    assert sum(r["abandoned"] for r in rows) == f.abandoned


async def test_a_shorter_period_only_counts_its_own_days(month_db: Path) -> None:
    """A one-week period counts only that week's conversations and closed-hours openings."""
    f = await _load(month_db, Period(MARCH.since.replace(day=2), MARCH.since.replace(day=8), TZ))
    assert (f.conversations, f.answered, f.abandoned, f.closed_visits) == (8, 7, 1, 8)
    assert [w.week for w in f.weeks] == ["2026-W10"]


async def test_statistics_survive_the_transcript_purge(month_db: Path) -> None:
    """Purging every transcript leaves the month's figures unchanged."""
    before = (await _load(month_db)).to_dict()
    storage = SQLiteStorage(month_db)
    await storage.open()
    try:
        result = await storage.purge(closed_before=4_000_000_000)
    finally:
        await storage.close()
    assert result.conversations == 39  # every closed record, inside the month or not
    assert (await _load(month_db)).to_dict() == before


async def test_dict_round_trip_is_lossless(month_db: Path) -> None:
    """``from_dict(to_dict())`` rebuilds the same figures (the console receives the dict)."""
    f = await _load(month_db)
    assert Statistics.from_dict(json.loads(json.dumps(f.to_dict()))).to_dict() == f.to_dict()


def test_percentile_and_helpers_follow_their_definitions() -> None:
    """Nearest-rank p90, bar lengths and durations are as documented."""
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9
    assert percentile([5], 90) == 5 and percentile([], 90) is None
    assert bar(10, 10, 8) == "█" * 8 and bar(0, 10) == "" and bar(5, 10, 1) == "▌"
    assert format_duration(95) == "1 min 35 s" and format_duration(3720) == "1 h 2 min"
    assert format_duration(None) == "–"


def _run(*args: str) -> str:
    _register()
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_json_and_csv_carry_the_same_figures(month_db: Path) -> None:
    """``lotsen stats --format json/csv`` print the hand-counted month."""
    data = json.loads(_run("stats", "--month", "2026-03", "--format", "json", "--db",
                           str(month_db)))
    assert data["totals"] == {"conversations": 38, "answered": 33, "abandoned": 4,
                              "in_progress": 1, "urgent": 5, "closed_visits": 11}
    assert data["wait_s"] == {"count": 33, "median": 120, "p90": 600}
    rows = list(csv.DictReader(io.StringIO(_run("stats", "--since", "2026-03-01", "--until",
                                                "2026-03-31", "--format", "csv", "--db",
                                                str(month_db)))))
    figures = {(r["section"], r["key"], r["measure"]): r["value"] for r in rows}
    assert figures[("totals", "conversations", "count")] == "38"
    assert figures[("by_hour", "12", "conversations")] == "22"
    assert figures[("by_weekday", "saturday", "closed_visits")] == "5"
    assert figures[("who", "child", "count")] == "4"


def test_cli_table_shows_every_section(month_db: Path) -> None:
    """The table format prints every section with bars, and no transcript text."""
    out = _run("stats", "--month", "2026-03", "--db", str(month_db), "--lang", "en")
    for heading in ("Per weekday", "Per hour of day", "Who writes", "Language", "Topics",
                    "Referrals given", "Feedback", "Per week", "Widget opened while closed"):
        assert heading in out
    assert "█" in out and "2026-W13" in out and "local-anhorigstod" in out


def test_cli_refuses_a_missing_database_and_bad_dates(tmp_path: Path) -> None:
    """A wrong --db or a malformed date gives a one-line error, not an empty report."""
    _register()
    runner = CliRunner()
    missing = runner.invoke(app, ["stats", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and "no database" in missing.output
    assert not (tmp_path / "nope.db").exists()
    (tmp_path / "x.db").touch()
    bad = runner.invoke(app, ["stats", "--since", "1 March", "--db", str(tmp_path / "x.db")])
    assert bad.exit_code == 2 and "not a date" in bad.output
    assert "Traceback" not in missing.output + bad.output
