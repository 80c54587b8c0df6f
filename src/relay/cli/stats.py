"""``lotsen stats``: anonymous evaluation figures as tables and bar charts, JSON or CSV.

The figures answer the questions the service is evaluated on: are the opening hours right
(conversations per weekday and hour next to widget openings while closed), how long visitors
wait and how many leave unanswered, and whom the chat reaches. ``relay.stats`` computes them;
this module only reads the command line and prints.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date, datetime
from pathlib import Path

import typer
from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from relay.cli import app
from relay.cli.common import ConfigOption, DbOption, fail, load, with_storage
from relay.hours import OpeningHours
from relay.stats import (
    WEEKDAYS,
    Period,
    Statistics,
    bar,
    format_duration,
    load_statistics,
    open_hours_of_day,
    open_weekdays,
)
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible, visible_value

FORMATS = ("table", "json", "csv")
BAR_WIDTH = 28

WHO_LABELS = {"self": "self (the person with the problem)", "relative": "relative",
              "child": "child (relative under 18)", "professional": "professional",
              "unknown": "unknown"}
LANGUAGE_LABELS = {"sv": "Swedish", "en": "English", "nb": "Norwegian (bokmål)",
                   "unknown": "unknown"}
FEEDBACK_LABELS = {"yes": "yes, it helped", "partly": "partly", "no": "no",
                   "none": "did not answer"}
TRIAGE_LABELS = {"right": "yes, right", "should_be_urgent": "should have been urgent",
                 "should_not_be_urgent": "should not have been urgent",
                 "none": "not answered"}


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} {text!r} is not a date like 2026-03-01")


def period_from_options(since: str | None, until: str | None, month: str | None,
                        hours: OpeningHours, now: float) -> Period:
    """The period the options describe; the current month to date when none are given."""
    tz = hours.timezone
    if month is not None:
        if since or until:
            fail("use either --month or --since/--until, not both")
        match = re.fullmatch(r"(\d{4})-(\d{2})", month)
        if not match or not 1 <= int(match.group(2)) <= 12:
            fail(f"--month {month!r} is not a month like 2026-03")
        return Period.month(int(match.group(1)), int(match.group(2)), tz)
    start, end = _date(since, "--since"), _date(until, "--until")
    try:
        return Period.from_strings(start.isoformat() if start else None,
                                   end.isoformat() if end else None, tz,
                                   datetime.fromtimestamp(now, tz))
    except ValueError as exc:
        fail(str(exc))


@app.command()
def stats(
    since: str = typer.Option(None, help="First day, e.g. 2026-03-01 (default: first of this "
                                         "month)."),
    until: str = typer.Option(None, help="Last day, included (default: today)."),
    month: str = typer.Option(None, help="A whole calendar month, e.g. 2026-03."),
    output_format: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    db: Path = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Print anonymous statistics: hours, waits, who writes, topics, referrals, trend."""
    if output_format not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {output_format!r}")
    cfg = load(config, db)
    if not cfg.database.exists():
        fail(f"no database at {cfg.database} — pass --db with the relay's database file")
    period = period_from_options(since, until, month, cfg.hours, time.time())

    async def act(storage: SQLiteStorage) -> Statistics:
        return await load_statistics(storage, period)

    figures = with_storage(cfg, act)
    if output_format == "json":
        typer.echo(json.dumps(visible_value(figures.to_dict()), indent=2, ensure_ascii=False))
    elif output_format == "csv":
        typer.echo(to_csv(figures), nl=False)
    else:
        Console(highlight=False).print(render(figures, cfg.hours))


def to_csv(figures: Statistics) -> str:
    """Long-form CSV: one ``section,key,measure,value`` row per figure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("section", "key", "measure", "value"))
    for row in figures.rows():
        writer.writerow(["" if value is None else visible_value(value) for value in row])
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Rich rendering


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def _spread(spread_median: float | None, spread_p90: float | None) -> str:
    if spread_median is None:
        return "–"
    return f"median {format_duration(spread_median)}, p90 {format_duration(spread_p90)}"


def _summary(f: Statistics) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_header=False, pad_edge=False)
    table.add_column("figure", style="bold")
    table.add_column("value")
    table.add_row("Conversations started", str(f.conversations))
    table.add_row("  answered", f"{f.answered} ({_share(f.answered, f.conversations)})")
    table.add_row("  left before being answered",
                  f"{f.abandoned} ({_share(f.abandoned, f.conversations)})")
    if f.in_progress:
        table.add_row("  still waiting now", str(f.in_progress))
    table.add_row("  urgent (raised by triage)", str(f.urgent))
    table.add_row("Widget opened while closed", str(f.closed_visits))
    table.add_row("Waiting time (answered)", _spread(f.wait.median, f.wait.p90))
    table.add_row("Waited before leaving", _spread(f.abandoned_wait.median, f.abandoned_wait.p90))
    table.add_row("Conversation length", _spread(f.duration.median, f.duration.p90))
    lines = "–" if f.lines.median is None else (
        f"median {f.lines.median:g}, p90 {f.lines.p90:g}")
    table.add_row("Lines per conversation", lines)
    ended = ", ".join(f"{by} {n}" for by, n in f.closed_by.items() if n)
    table.add_row("Ended by", ended or "–")
    return table


def _count_table(title: str, counts: dict[str, int], labels: dict[str, str] | None = None,
                 *, total: int | None = None, style: str = "cyan", key_header: str = "") -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    table.add_column(key_header)
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")
    table.add_column("", no_wrap=True)
    whole = total if total is not None else sum(counts.values())
    peak = max(counts.values(), default=0)
    for key, count in counts.items():
        # Keys are topic tags and referral ids a client sent: text, never markup or escapes.
        table.add_row(Text(visible((labels or {}).get(key, key))), str(count),
                      _share(count, whole),
                      Text(bar(count, peak, BAR_WIDTH), style=style))
    if not counts:
        table.add_row("(none)", "", "", "")
    return table


def _weekdays(f: Statistics, hours: OpeningHours) -> Table:
    table = Table(title="Per weekday (started conversations and widget openings while closed)",
                  title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for name, justify in (("weekday", "left"), ("days", "right"), ("chats", "right"),
                          ("", "left"), ("closed", "right"), ("", "left")):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    open_days = open_weekdays(hours)
    peak = max(max(s.conversations, s.closed_visits) for s in f.by_weekday)
    for index, slot in enumerate(f.by_weekday):
        name = WEEKDAYS[index].capitalize() + ("" if index in open_days else " (closed)")
        table.add_row(name, str(f.weekday_days[index]), str(slot.conversations),
                      Text(bar(slot.conversations, peak, BAR_WIDTH // 2), style="cyan"),
                      str(slot.closed_visits),
                      Text(bar(slot.closed_visits, peak, BAR_WIDTH // 2), style="yellow"))
    return table


def _hours(f: Statistics, hours: OpeningHours) -> Table:
    table = Table(title="Per hour of day (local time)", title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for name, justify in (("hour", "left"), ("chats", "right"), ("", "left"),
                          ("closed", "right"), ("", "left")):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    open_hours = open_hours_of_day(hours)
    active = [h for h, s in enumerate(f.by_hour) if s.conversations or s.closed_visits]
    shown = sorted(set(active) | (open_hours if len(open_hours) < 24 else set()))
    if not shown:
        table.add_row("(no activity)", "", "", "", "")
        return table
    peak = max(max(s.conversations, s.closed_visits) for s in f.by_hour)
    quiet: list[int] = []  # a run of hours with nothing, shown as one row

    def flush_quiet() -> None:
        if len(quiet) == 1:
            table.add_row(f"{quiet[0]:02d}–{quiet[0] + 1:02d}", "0", "", "0", "")
        elif quiet:
            table.add_row(f"{quiet[0]:02d}–{(quiet[-1] + 1) % 24:02d}", "0", "", "0", "",
                          style="dim")
        quiet.clear()

    for hour in range(shown[0], shown[-1] + 1):
        slot = f.by_hour[hour]
        if hour not in shown:
            quiet.append(hour)
            continue
        flush_quiet()
        label = f"{hour:02d}–{(hour + 1) % 24:02d}" + (" open" if hour in open_hours else "")
        table.add_row(label, str(slot.conversations),
                      Text(bar(slot.conversations, peak, BAR_WIDTH // 2), style="cyan"),
                      str(slot.closed_visits),
                      Text(bar(slot.closed_visits, peak, BAR_WIDTH // 2), style="yellow"))
    return table


def _weeks(f: Statistics) -> Table:
    table = Table(title="Per week", title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("week", "chats", "answered", "left", "closed", ""):
        table.add_column(name, justify="left" if name in ("week", "") else "right", no_wrap=True)
    peak = max((w.conversations for w in f.weeks), default=0)
    for week in f.weeks:
        table.add_row(week.week, str(week.conversations), str(week.answered),
                      str(week.abandoned), str(week.closed_visits),
                      Text(bar(week.conversations, peak, BAR_WIDTH), style="cyan"))
    return table


def render(f: Statistics, hours: OpeningHours) -> Group:
    """Every table of the report, in reading order."""
    heading = Text.assemble(
        ("Lotsen statistics ", "bold"),
        f"{f.since.isoformat()} – {f.until.isoformat()} ({f.timezone})",
    )
    legend = Text("chats = conversations started; closed = widget opened while the chat was "
                  "closed (an anonymous count per hour).", style="dim")
    feedback_total = sum(f.feedback.values())
    return Group(
        heading,
        _summary(f),
        _weekdays(f, hours),
        _hours(f, hours),
        legend,
        Text(""),
        _count_table("Who writes", f.who, WHO_LABELS, key_header="role"),
        _count_table("Language", f.language, LANGUAGE_LABELS, key_header="language"),
        _count_table("Topics (tags set at close; a conversation may have several)", f.tags,
                     total=f.conversations, key_header="tag"),
        _count_table("Referrals given (directory id)", f.referrals, total=f.conversations,
                     key_header="referral"),
        _count_table("Feedback after the chat", f.feedback, FEEDBACK_LABELS,
                     total=feedback_total, key_header="answer"),
        _count_table("Was the triage right? (staff at close)", f.triage, TRIAGE_LABELS,
                     total=sum(f.triage.values()), key_header="answer"),
        _weeks(f),
    )
