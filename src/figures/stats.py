"""Anonymous evaluation statistics: are the opening hours right, and whom does the chat reach.

Everything here is an aggregate computed from the statistics-only conversation records (the
rows that survive the transcript purge) and from the anonymous closed-hours counter (widget
openings while the chat was closed, one number per local hour). No figure names or singles out
a visitor, and no message text is read.

``compute()`` is pure: records and counters in, a ``Statistics`` out, so every figure is tested
against hand-computed numbers without a database. ``load_statistics()`` is the thin query layer
that fetches the inputs from storage. ``Statistics.to_dict()`` is the one shape used by
``lotsen stats --format json``, the ``stats`` frame sent to supervisors' consoles and the CSV
export, so the three never disagree.

Definitions (docs/operations.md repeats them for readers of the figures):

- a conversation belongs to the day, hour and week in which it was *started*, in the
  configured time zone;
- *answered*: a staff member claimed it; *wait* is from the first message to the claim;
- *left before being answered* (abandoned): closed without ever being claimed; its wait is
  from the first message to leaving;
- *length*: from the claim to the close, for answered conversations that are closed;
- *waits by hour*: the same waits and abandonments, by the local hour the conversation started
  (what ``lotsen report`` draws as waiting time per hour);
- *who writes*: the role staff recorded at close when they set one, else the role the visitor
  chose in the widget, else ``unknown``;
- median is the middle value (mean of the two middle values for an even count); p90 is the
  nearest-rank 90th percentile (the smallest value with at least 90 % of values at or below).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from relay import protocol
from relay.protocol import WEEKDAYS
from vocabulary.phrases import PhrasedError

# Roles and languages as the figures count them: a record without one counts as "unknown".
WHO = (*protocol.ROLES, "unknown")
LANGUAGE_KEYS = (*protocol.LANGUAGES, "unknown")
FEEDBACK = ("yes", "partly", "no", "none")
TRIAGE = ("right", "should_be_urgent", "should_not_be_urgent", "none")
"""Staff's answers to "was the triage right?" at close ("none": closed without an answer)."""
CLOSED_BY = ("visitor", "staff", "system")
# The longest period one request may cover (the relay computes it in its event loop).
MAX_PERIOD_DAYS = 400
# Tag and referral lists are cut to the most frequent, so a report stays a small frame.
MAX_KEYS = 40


class WeeklySchedule(Protocol):
    """The weekly opening hours the figures compare against (``relay.hours.OpeningHours``)."""

    @property
    def weekly(self) -> Mapping[int, Sequence[tuple[time, time]]]: ...

    @property
    def always_open(self) -> bool: ...


class StatsRecord(Protocol):
    """The fields of a conversation record the statistics read (``ConversationRecord`` has them)."""

    @property
    def created_at(self) -> float: ...
    @property
    def claimed_at(self) -> float | None: ...
    @property
    def closed_at(self) -> float | None: ...
    @property
    def closed_by(self) -> str | None: ...
    @property
    def state(self) -> str: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def role(self) -> str | None: ...
    @property
    def outcome_role(self) -> str | None: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def referrals(self) -> list[str]: ...
    @property
    def feedback(self) -> str | None: ...
    @property
    def urgent(self) -> bool: ...
    @property
    def triage_feedback(self) -> str | None: ...
    @property
    def visitor_lines(self) -> int: ...
    @property
    def staff_lines(self) -> int: ...


class StatsSource(Protocol):
    """What ``load_statistics`` needs from storage (``SQLiteStorage`` provides it)."""

    async def conversations_created(self, since: float, until: float
                                    ) -> Sequence[StatsRecord]: ...
    async def closed_visits(self, first_hour: str, last_hour: str
                            ) -> list[tuple[str, int]]: ...


# ---------------------------------------------------------------------------------------------
# The period a report covers


class PeriodError(PhrasedError, ValueError):
    """A period that cannot be reported on; its phrase says why in the reader's language."""


@dataclass(frozen=True, slots=True)
class Period:
    """Whole local days from ``since`` to ``until``, both included, in ``timezone``."""

    since: date
    until: date
    timezone: ZoneInfo

    def __post_init__(self) -> None:
        if self.until < self.since:
            raise PeriodError("period.ends_before_start", until=self.until, since=self.since)
        if (self.until - self.since).days + 1 > MAX_PERIOD_DAYS:
            raise PeriodError("period.too_long", most=MAX_PERIOD_DAYS)

    @classmethod
    def month_to_date(cls, now: datetime, timezone: ZoneInfo) -> Period:
        """From the first of the current local month up to and including today."""
        today = now.astimezone(timezone).date()
        return cls(today.replace(day=1), today, timezone)

    @classmethod
    def from_strings(cls, since: str | None, until: str | None, timezone: ZoneInfo,
                     now: datetime) -> Period:
        """ISO dates as a request carries them; a missing end is today (or ``since``), a
        missing start the first of the current month. Raises PeriodError (a ValueError)."""
        default = cls.month_to_date(now, timezone)
        try:
            start = date.fromisoformat(since) if since else default.since
            end = date.fromisoformat(until) if until else max(default.until, start)
        except ValueError:
            raise PeriodError("period.bad_dates") from None
        return cls(start, end, timezone)

    @classmethod
    def month(cls, year: int, month: int, timezone: ZoneInfo) -> Period:
        """One whole calendar month."""
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(first, following - timedelta(days=1), timezone)

    @property
    def start_ts(self) -> float:
        """Unix time of local midnight starting ``since``."""
        return datetime.combine(self.since, time(0), tzinfo=self.timezone).timestamp()

    @property
    def end_ts(self) -> float:
        """Unix time of local midnight after ``until`` (exclusive end)."""
        after = self.until + timedelta(days=1)
        return datetime.combine(after, time(0), tzinfo=self.timezone).timestamp()

    @property
    def first_hour(self) -> str:
        return f"{self.since.isoformat()}T00"

    @property
    def last_hour(self) -> str:
        return f"{self.until.isoformat()}T23"

    def days(self) -> list[date]:
        return [self.since + timedelta(days=n) for n in range((self.until - self.since).days + 1)]


# ---------------------------------------------------------------------------------------------
# The figures


@dataclass(frozen=True, slots=True)
class Spread:
    """How many values, their median and their p90 (None when there are no values)."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        ordered = sorted(values)
        return cls(len(ordered), median(ordered), percentile(ordered, 90))

    def to_dict(self) -> protocol.SpreadFigures:
        return {"count": self.count, "median": _round(self.median), "p90": _round(self.p90)}

    @classmethod
    def from_dict(cls, data: protocol.SpreadFigures) -> Spread:
        return cls(int(data["count"]), data.get("median"), data.get("p90"))


@dataclass(frozen=True, slots=True)
class Slot:
    """Conversations started, and widget openings while closed, in one slot of time."""

    conversations: int = 0
    closed_visits: int = 0


@dataclass(frozen=True, slots=True)
class HourWaits:
    """Waits of the conversations started in one local hour of the day (any day)."""

    hour: int
    wait: Spread
    abandoned: int = 0

    def to_dict(self) -> protocol.HourWaitFigures:
        return {"hour": self.hour, "answered": self.wait.count, "abandoned": self.abandoned,
                "median": _round(self.wait.median), "p90": _round(self.wait.p90)}

    @classmethod
    def from_dict(cls, data: protocol.HourWaitFigures) -> HourWaits:
        return cls(int(data["hour"]),
                   Spread(int(data["answered"]), data.get("median"), data.get("p90")),
                   int(data["abandoned"]))


@dataclass(frozen=True, slots=True)
class WeekFigures:
    """One ISO week of the trend (weeks cut by the period's ends count only the days inside)."""

    week: str
    conversations: int = 0
    answered: int = 0
    abandoned: int = 0
    closed_visits: int = 0


@dataclass(frozen=True, slots=True)
class Statistics:
    """Every figure of one period. Durations are seconds."""

    since: date
    until: date
    timezone: str
    conversations: int
    answered: int
    abandoned: int
    in_progress: int
    urgent: int
    closed_visits: int
    closed_by: dict[str, int]
    wait: Spread
    abandoned_wait: Spread
    duration: Spread
    lines: Spread
    by_weekday: tuple[Slot, ...]
    weekday_days: tuple[int, ...]
    by_hour: tuple[Slot, ...]
    by_weekday_hour: tuple[tuple[Slot, ...], ...]
    who: dict[str, int]
    language: dict[str, int]
    tags: dict[str, int]
    referrals: dict[str, int]
    feedback: dict[str, int]
    weeks: tuple[WeekFigures, ...]
    triage: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TRIAGE, 0))
    """Closed conversations by staff's answer to "was the triage right?" (counts, no text)."""
    waits_by_hour: tuple[HourWaits, ...] = ()

    def to_dict(self) -> protocol.StatsFigures:
        """The JSON shape shared by the CLI, the console's ``stats`` frame and the CSV export."""
        return {
            "period": {"since": self.since.isoformat(), "until": self.until.isoformat(),
                       "timezone": self.timezone},
            "totals": {"conversations": self.conversations, "answered": self.answered,
                       "abandoned": self.abandoned, "in_progress": self.in_progress,
                       "urgent": self.urgent, "closed_visits": self.closed_visits},
            "closed_by": dict(self.closed_by),
            "wait_s": self.wait.to_dict(),
            "abandoned_wait_s": self.abandoned_wait.to_dict(),
            "duration_s": self.duration.to_dict(),
            "lines": self.lines.to_dict(),
            "by_weekday": [
                {"weekday": WEEKDAYS[i], "days": self.weekday_days[i],
                 "conversations": s.conversations, "closed_visits": s.closed_visits}
                for i, s in enumerate(self.by_weekday)],
            "by_hour": [{"hour": h, "conversations": s.conversations,
                         "closed_visits": s.closed_visits} for h, s in enumerate(self.by_hour)],
            "by_weekday_hour": {
                "conversations": [[s.conversations for s in row] for row in self.by_weekday_hour],
                "closed_visits": [[s.closed_visits for s in row] for row in self.by_weekday_hour],
            },
            "who": dict(self.who),
            "language": dict(self.language),
            "tags": dict(self.tags),
            "referrals": dict(self.referrals),
            "feedback": dict(self.feedback),
            "triage": dict(self.triage),
            "weeks": [{"week": w.week, "conversations": w.conversations, "answered": w.answered,
                       "abandoned": w.abandoned, "closed_visits": w.closed_visits}
                      for w in self.weeks],
            "waits_by_hour": [h.to_dict() for h in self.waits_by_hour],
        }

    @classmethod
    def from_dict(cls, data: protocol.StatsFigures) -> Statistics:
        """Rebuild from ``to_dict()`` output (what the console receives in a ``stats`` frame)."""
        totals, matrix = data["totals"], data["by_weekday_hour"]
        return cls(
            since=date.fromisoformat(data["period"]["since"]),
            until=date.fromisoformat(data["period"]["until"]),
            timezone=data["period"]["timezone"],
            conversations=totals["conversations"], answered=totals["answered"],
            abandoned=totals["abandoned"], in_progress=totals["in_progress"],
            urgent=totals["urgent"], closed_visits=totals["closed_visits"],
            closed_by=dict(data["closed_by"]),
            wait=Spread.from_dict(data["wait_s"]),
            abandoned_wait=Spread.from_dict(data["abandoned_wait_s"]),
            duration=Spread.from_dict(data["duration_s"]),
            lines=Spread.from_dict(data["lines"]),
            by_weekday=tuple(Slot(d["conversations"], d["closed_visits"])
                             for d in data["by_weekday"]),
            weekday_days=tuple(d["days"] for d in data["by_weekday"]),
            by_hour=tuple(Slot(d["conversations"], d["closed_visits"]) for d in data["by_hour"]),
            by_weekday_hour=tuple(
                tuple(Slot(c, v) for c, v in zip(conv_row, closed_row, strict=True))
                for conv_row, closed_row in zip(matrix["conversations"],
                                                matrix["closed_visits"], strict=True)),
            who=dict(data["who"]), language=dict(data["language"]), tags=dict(data["tags"]),
            referrals=dict(data["referrals"]), feedback=dict(data["feedback"]),
            weeks=tuple(WeekFigures(**w) for w in data["weeks"]),
            triage=dict(data.get("triage", dict.fromkeys(TRIAGE, 0))),
            waits_by_hour=tuple(HourWaits.from_dict(h) for h in data.get("waits_by_hour", ())),
        )

    def rows(self) -> list[tuple[str, str, str, float | int | str | None]]:
        """Long-form rows ``(section, key, measure, value)`` for the CSV export."""
        out: list[tuple[str, str, str, float | int | str | None]] = []
        # The figures as a plain mapping: the CSV walks its sections by name.
        data: Mapping[str, Any] = self.to_dict()
        for name, value in data["period"].items():
            out.append(("period", name, "value", value))
        for name, value in data["totals"].items():
            out.append(("totals", name, "count", value))
        for section in ("wait_s", "abandoned_wait_s", "duration_s", "lines"):
            for measure, value in data[section].items():
                out.append((section, "all", measure, value))
        for row in data["by_weekday"]:
            for measure in ("days", "conversations", "closed_visits"):
                out.append(("by_weekday", row["weekday"], measure, row[measure]))
        for row in data["by_hour"]:
            for measure in ("conversations", "closed_visits"):
                out.append(("by_hour", f"{row['hour']:02d}", measure, row[measure]))
        for section in ("closed_by", "who", "language", "tags", "referrals", "feedback",
                        "triage"):
            for key, value in data[section].items():
                out.append((section, key, "count", value))
        for week in data["weeks"]:
            for measure in ("conversations", "answered", "abandoned", "closed_visits"):
                out.append(("weeks", week["week"], measure, week[measure]))
        for row in data["waits_by_hour"]:
            for measure in ("answered", "abandoned", "median", "p90"):
                out.append(("waits_by_hour", f"{row['hour']:02d}", measure, row[measure]))
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def median(ordered: Sequence[float]) -> float | None:
    """The middle of sorted values; the mean of the two middle ones for an even count."""
    n = len(ordered)
    if n == 0:
        return None
    middle = n // 2
    if n % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(ordered: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile of sorted values: the smallest with ``pct`` % at or below it."""
    if not ordered:
        return None
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return float(ordered[rank - 1])


def who_wrote(record: StatsRecord) -> str:
    """Staff's judgement at close wins over what the visitor chose; else ``unknown``."""
    for role in (record.outcome_role, record.role):
        if role in WHO:
            return role
    return "unknown"


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _top(counter: Counter[str]) -> dict[str, int]:
    """Most frequent first, ties by name, cut to ``MAX_KEYS``."""
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked[:MAX_KEYS])


def compute(records: Iterable[StatsRecord], closed_visits: Iterable[tuple[str, int]],
            period: Period) -> Statistics:
    """All figures for ``period`` from conversation records and closed-hours counters.

    Records started outside the period and counters for hours outside it are ignored, so a
    caller may pass a superset. ``closed_visits`` holds ``("YYYY-MM-DDTHH", count)`` pairs in
    local time, as the relay stores them.
    """
    tz = period.timezone
    start, end = period.start_ts, period.end_ts
    matrix = [[[0, 0] for _ in range(24)] for _ in range(7)]  # [weekday][hour] = [conv, closed]
    weeks: dict[str, list[int]] = {}  # week -> [conversations, answered, abandoned, closed]
    for day in period.days():
        weeks.setdefault(_iso_week(day), [0, 0, 0, 0])
    who: Counter[str] = Counter({key: 0 for key in WHO})
    language: Counter[str] = Counter({key: 0 for key in LANGUAGE_KEYS})
    feedback: Counter[str] = Counter({key: 0 for key in FEEDBACK})
    triage: Counter[str] = Counter(dict.fromkeys(TRIAGE, 0))
    closed_by: Counter[str] = Counter({key: 0 for key in CLOSED_BY})
    tags: Counter[str] = Counter()
    referrals: Counter[str] = Counter()
    waits: list[float] = []
    abandoned_waits: list[float] = []
    durations: list[float] = []
    line_counts: list[float] = []
    hour_waits: dict[int, list[float]] = {}
    hour_abandoned: Counter[int] = Counter()
    conversations = answered = abandoned = in_progress = urgent = 0

    for record in records:
        if not start <= record.created_at < end:
            continue
        conversations += 1
        local = datetime.fromtimestamp(record.created_at, tz)
        matrix[local.weekday()][local.hour][0] += 1
        week = weeks.setdefault(_iso_week(local.date()), [0, 0, 0, 0])
        week[0] += 1
        closed = record.state == "closed"
        if record.claimed_at is not None:
            answered += 1
            week[1] += 1
            waits.append(max(0.0, record.claimed_at - record.created_at))
            hour_waits.setdefault(local.hour, []).append(waits[-1])
            if closed and record.closed_at is not None:
                durations.append(max(0.0, record.closed_at - record.claimed_at))
                line_counts.append(record.visitor_lines + record.staff_lines)
        elif closed:
            abandoned += 1
            week[2] += 1
            hour_abandoned[local.hour] += 1
            if record.closed_at is not None:
                abandoned_waits.append(max(0.0, record.closed_at - record.created_at))
        else:
            in_progress += 1
        if closed:
            closed_by[record.closed_by or "system"] += 1
            feedback[record.feedback if record.feedback in FEEDBACK else "none"] += 1
            answer = record.triage_feedback
            triage[answer if answer in TRIAGE else "none"] += 1
        urgent += bool(record.urgent)
        who[who_wrote(record)] += 1
        language[record.lang if record.lang in LANGUAGE_KEYS else "unknown"] += 1
        tags.update(set(record.tags))
        referrals.update(set(record.referrals))

    total_closed_visits = 0
    for hour_key, count in closed_visits:
        if not period.first_hour <= hour_key <= period.last_hour:
            continue
        try:
            day = date.fromisoformat(hour_key[:10])
            hour = int(hour_key[11:13])
        except ValueError:
            continue
        if not 0 <= hour < 24:
            continue
        total_closed_visits += count
        matrix[day.weekday()][hour][1] += count
        weeks.setdefault(_iso_week(day), [0, 0, 0, 0])[3] += count

    by_weekday_hour = tuple(tuple(Slot(c, v) for c, v in row) for row in matrix)
    by_weekday = tuple(
        Slot(sum(s.conversations for s in row), sum(s.closed_visits for s in row))
        for row in by_weekday_hour)
    by_hour = tuple(
        Slot(sum(row[h].conversations for row in by_weekday_hour),
             sum(row[h].closed_visits for row in by_weekday_hour))
        for h in range(24))
    weekday_days = tuple(sum(1 for d in period.days() if d.weekday() == i) for i in range(7))
    return Statistics(
        since=period.since, until=period.until, timezone=tz.key,
        conversations=conversations, answered=answered, abandoned=abandoned,
        in_progress=in_progress, urgent=urgent, closed_visits=total_closed_visits,
        closed_by=dict(closed_by),
        wait=Spread.of(waits), abandoned_wait=Spread.of(abandoned_waits),
        duration=Spread.of(durations), lines=Spread.of(line_counts),
        by_weekday=by_weekday, weekday_days=weekday_days, by_hour=by_hour,
        by_weekday_hour=by_weekday_hour,
        who=dict(who), language=dict(language), tags=_top(tags), referrals=_top(referrals),
        feedback=dict(feedback), triage=dict(triage),
        weeks=tuple(WeekFigures(key, *figures) for key, figures in sorted(weeks.items())),
        # Only hours in which some conversation was answered or left, so the frame stays small.
        waits_by_hour=tuple(HourWaits(h, Spread.of(hour_waits.get(h, ())), hour_abandoned[h])
                            for h in range(24) if h in hour_waits or hour_abandoned[h]),
    )


async def load_statistics(storage: StatsSource, period: Period) -> Statistics:
    """Fetch the period's records and closed-hours counters from storage and compute."""
    records = await storage.conversations_created(period.start_ts, period.end_ts)
    visits = await storage.closed_visits(period.first_hour, period.last_hour)
    return compute(records, visits, period)


# ---------------------------------------------------------------------------------------------
# Presentation helpers shared by the CLI and the console screen

_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, maximum: float, width: int = 30) -> str:
    """A horizontal bar of block characters, ``width`` cells at ``maximum``."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(value / maximum * width * 8)
    eighths = max(eighths, 1)
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def format_duration(seconds: float | None) -> str:
    """``95`` -> ``"1 min 35 s"``; ``None`` -> ``"–"``."""
    if seconds is None:
        return "–"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def open_hours_of_day(hours: WeeklySchedule) -> set[int]:
    """Local hours of the day (0-23) in which the weekly schedule is open on some day."""
    if hours.always_open:
        return set(range(24))
    found: set[int] = set()
    for intervals in hours.weekly.values():
        for start, end in intervals:
            last = end.hour - 1 if end.minute == 0 else end.hour
            found.update(range(start.hour, last + 1))
    return found


def open_weekdays(hours: WeeklySchedule) -> set[int]:
    """Weekdays (0 = Monday) with any opening in the weekly schedule."""
    if hours.always_open:
        return set(range(7))
    return {day for day, intervals in hours.weekly.items() if intervals}


def weekdays_open(hours: WeeklySchedule, figures: Statistics) -> set[int]:
    """Weekdays the chat was open: in the weekly schedule, or a conversation started then.

    A conversation can only start while the relay is open, so a chat answered on a Saturday
    (a relay run always open, as the demo is; an extra opening day) is never closed-hours.
    """
    return open_weekdays(hours) | {day for day, slot in enumerate(figures.by_weekday)
                                   if slot.conversations}


def hours_open(hours: WeeklySchedule, figures: Statistics) -> set[int]:
    """Local hours the chat was open: in the weekly schedule, or a conversation started then."""
    return open_hours_of_day(hours) | {hour for hour, slot in enumerate(figures.by_hour)
                                       if slot.conversations}
