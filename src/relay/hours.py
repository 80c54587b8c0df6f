"""Opening hours: a weekly schedule, exception dates and a last-entry cut-off in one time zone.

A plain object with no I/O, so every rule (holidays, daylight-saving changes, the cut-off before
closing) is tested with a given ``now`` instead of the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vocabulary.phrases import PhrasedError

Interval = tuple[time, time]


@dataclass(frozen=True, slots=True)
class HoursState:
    """Whether a new chat can start at a moment, and what to tell a visitor if not.

    ``reason`` is None when open, ``"hours"`` outside the schedule, ``"holiday"`` on a closed
    exception date, ``"cutoff"`` in the last minutes before closing.
    """

    open: bool
    reason: str | None
    next_open: datetime | None
    closes_at: datetime | None


class IntervalError(PhrasedError, ValueError):
    """A time range that cannot be read; its phrase says why, for the config error."""


def parse_interval(text: str) -> Interval:
    """Parse ``"12:00-14:00"`` into a (start, end) pair; raise IntervalError (a ValueError)
    when malformed."""
    try:
        start_text, end_text = (part.strip() for part in text.split("-"))
        start, end = time.fromisoformat(start_text), time.fromisoformat(end_text)
    except ValueError:
        raise IntervalError("hours.not_a_range", text=text) from None
    if end <= start:
        raise IntervalError("hours.ends_before_start", text=text)
    return start, end


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """When the chat is staffed. The built-in default is weekdays 12:00-14:00 in Stockholm."""

    weekly: dict[int, tuple[Interval, ...]] = field(
        default_factory=lambda: {d: ((time(12), time(14)),) for d in range(5)}
    )
    exceptions: dict[date, tuple[Interval, ...]] = field(default_factory=dict)
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Stockholm"))
    last_entry: timedelta = timedelta(minutes=10)
    always_open: bool = False

    def intervals_on(self, day: date) -> tuple[Interval, ...]:
        """The opening intervals of a local calendar day (an exception date wins)."""
        if day in self.exceptions:
            return self.exceptions[day]
        return self.weekly.get(day.weekday(), ())

    def _local(self, now: datetime) -> datetime:
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        return now.astimezone(self.timezone)

    def _at(self, day: date, moment: time) -> datetime:
        # zoneinfo resolves local wall-clock times, including on daylight-saving change days.
        return datetime.combine(day, moment, tzinfo=self.timezone)

    def state(self, now: datetime) -> HoursState:
        """Open or closed at ``now``, with the next opening and the current closing time."""
        if self.always_open:
            return HoursState(True, None, None, None)
        local = self._local(now)
        for start, end in self.intervals_on(local.date()):
            opens, closes = self._at(local.date(), start), self._at(local.date(), end)
            if opens <= local < closes:
                if local >= closes - self.last_entry:
                    return HoursState(False, "cutoff", self.next_open(closes), closes)
                return HoursState(True, None, None, closes)
        today = local.date()
        reason = "holiday" if today in self.exceptions and not self.exceptions[today] else "hours"
        return HoursState(False, reason, self.next_open(now), None)

    def next_open(self, now: datetime) -> datetime | None:
        """The first opening strictly after ``now`` within a year, or None if there is none."""
        if self.always_open:
            return None
        local = self._local(now)
        for offset in range(367):
            day = local.date() + timedelta(days=offset)
            for start, _end in sorted(self.intervals_on(day)):
                opens = self._at(day, start)
                if opens > local:
                    return opens
        return None
