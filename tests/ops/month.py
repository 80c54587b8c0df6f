"""A generated month of conversations (March 2026, Europe/Stockholm) with known figures.

The pattern is simple enough to count by hand; ``test_stats.py`` holds the hand-counted
figures. March 2026 starts on a Sunday and has the change to summer time (Sunday the 29th,
02:00 -> 03:00), so the local-time bucketing is exercised across it.

Per pattern (local times):
- every weekday (22 days) at 12:10: answered after 120 s, 900 s long, 12 lines, Swedish,
  visitor said "relative", tag alcohol, referral local-anhorigstod, feedback yes, closed by staff;
- every Monday and Wednesday (5 + 4) at 13:20: answered after 600 s, 1800 s long, 30 lines,
  English, no stated role but staff recorded "self", tags alcohol + gambling, urgent on
  Mondays, no feedback, closed by the visitor;
- every Friday (4) at 13:50: left after 300 s without an answer, Norwegian, "child";
- 1 March 00:00:30 and 29 March 03:30 (after the clock change): answered after 30 s, 60 s
  long, 2 lines, Swedish, "professional", tag mental-health, referral 1177, feedback no;
- 31 March 13:55: still waiting, nothing stated;
- outside the month (must be ignored): 28 February 23:30 and 1 April 00:10.

Widget openings while closed: Monday 2 March 19h x3, Saturday 7 March 10h x5, Sunday
29 March 22h x2, Tuesday 31 March 23h x1; outside: 28 February 23h x7, 1 April 00h x9.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from relay.storage import ConversationRecord
from relay.storage.sqlite import SQLiteStorage

TZ = ZoneInfo("Europe/Stockholm")
CLOSED_VISITS = {"2026-03-02T19": 3, "2026-03-07T10": 5, "2026-03-29T22": 2,
                 "2026-03-31T23": 1, "2026-02-28T23": 7, "2026-04-01T00": 9}


def _at(day: date, hour: int, minute: int, second: int = 0) -> float:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=TZ).timestamp()


def month_conversations() -> list[dict[str, Any]]:
    """Every conversation of the pattern as keyword arguments for ``_store``."""
    out: list[dict[str, Any]] = []
    days = [date(2026, 3, 1) + timedelta(days=n) for n in range(31)]
    for day in days:
        weekday = day.weekday()
        if weekday < 5:
            out.append(dict(created=_at(day, 12, 10), wait=120, length=900, lines=(6, 6),
                            lang="sv", role="relative", tags=["alcohol"],
                            referrals=["local-anhorigstod"], feedback="yes", by="staff"))
        if weekday in (0, 2):
            out.append(dict(created=_at(day, 13, 20), wait=600, length=1800, lines=(14, 16),
                            lang="en", outcome_role="self", tags=["gambling", "alcohol"],
                            urgent=weekday == 0, by="visitor"))
        if weekday == 4:
            out.append(dict(created=_at(day, 13, 50), wait=None, left_after=300, lang="nb",
                            role="child", by="visitor"))
    for moment in (_at(date(2026, 3, 1), 0, 0, 30), _at(date(2026, 3, 29), 3, 30)):
        out.append(dict(created=moment, wait=30, length=60, lines=(1, 1), lang="sv",
                        role="professional", tags=["mental-health"], referrals=["1177"],
                        feedback="no", by="staff"))
    out.append(dict(created=_at(date(2026, 3, 31), 13, 55), wait=None, queued=True))
    for moment in (_at(date(2026, 2, 28), 23, 30), _at(date(2026, 4, 1), 0, 10)):
        out.append(dict(created=moment, wait=45, length=300, lines=(3, 3), lang="sv",
                        role="self", tags=["outside"], referrals=["outside"], by="staff"))
    return out


async def _store(storage: SQLiteStorage, number: int, created: float, wait: float | None,
                 length: float = 0, lines: tuple[int, int] = (0, 0), lang: str | None = None,
                 role: str | None = None, outcome_role: str | None = None,
                 tags: list[str] | None = None, referrals: list[str] | None = None,
                 feedback: str | None = None, by: str | None = None, urgent: bool = False,
                 left_after: float | None = None, queued: bool = False) -> None:
    await storage.create_conversation(ConversationRecord(
        id=number, token_hash=f"hash-{number}", alias=f"Besökare {number}", lang=lang,
        role=role, state="queued", created_at=created, urgent=urgent))
    if queued:
        return
    changes: dict[str, object] = {"state": "closed", "closed_by": by,
                                  "visitor_lines": lines[0], "staff_lines": lines[1]}
    if wait is not None:
        changes.update(claimed_at=created + wait, closed_at=created + wait + length,
                       outcome_role=outcome_role, tags=tags or [], referrals=referrals or [])
    else:
        changes.update(closed_at=created + (left_after or 0))
    if feedback:
        changes["feedback"] = feedback
    await storage.update_conversation(number, **changes)


async def write_month(database: Path) -> None:
    """Store the generated month (and the records around it) in a real SQLite file."""
    storage = SQLiteStorage(database)
    await storage.open()
    try:
        for number, spec in enumerate(month_conversations(), start=1):
            await _store(storage, number, **spec)
        for hour, count in CLOSED_VISITS.items():
            for _ in range(count):
                await storage.count_closed_visit(hour)
    finally:
        await storage.close()
