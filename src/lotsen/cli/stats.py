"""``lotsen stats``: anonymous evaluation figures as tables and bar charts, JSON or CSV.

The figures answer the questions the service is evaluated on: are the opening hours right
(conversations per weekday and hour next to widget openings while closed), how long visitors
wait and how many leave unanswered, and whom the chat reaches. ``figures.stats`` computes them;
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

from figures.stats import (
    Period,
    Statistics,
    bar,
    format_duration,
    hours_open,
    load_statistics,
    weekdays_open,
)
from lotsen.cli import app
from lotsen.cli.common import (
    ConfigOption,
    DbOption,
    OrgOption,
    fail,
    for_org,
    load,
    require_database,
    with_storage,
)
from lotsen.cli.stats_text import Words
from lotsen.cli.words import t
from relay.hours import OpeningHours
from relay.protocol import LANGUAGES, WEEKDAYS
from relay.questions import QuestionStats, question_stats
from relay.storage import ConversationRecord
from relay.storage.questions import QuestionRecord
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible, visible_value

FORMATS = ("table", "json", "csv")
BAR_WIDTH = 28



def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(t("stats.bad_date", option=option, text=text))


def period_from_options(since: str | None, until: str | None, month: str | None,
                        hours: OpeningHours, now: float) -> Period:
    """The period the options describe; the current month to date when none are given."""
    tz = hours.timezone
    if month is not None:
        if since or until:
            fail(t("stats.month_or_range"))
        match = re.fullmatch(r"(\d{4})-(\d{2})", month)
        if not match or not 1 <= int(match.group(2)) <= 12:
            fail(t("stats.bad_month", month=month))
        return Period.month(int(match.group(1)), int(match.group(2)), tz)
    start, end = _date(since, "--since"), _date(until, "--until")
    try:
        return Period.from_strings(start.isoformat() if start else None,
                                   end.isoformat() if end else None, tz,
                                   datetime.fromtimestamp(now, tz))
    except ValueError as exc:
        fail(exc)


@app.command(help=t("help.stats"))
def stats(
    since: str = typer.Option(None, help=t("help.period.since")),
    until: str = typer.Option(None, help=t("help.period.until")),
    month: str = typer.Option(None, help=t("help.period.month")),
    output_format: str = typer.Option("table", "--format", "-f", help=t("help.format")),
    lang: str = typer.Option(None, "--lang", help=t("help.stats.lang")),
    org: str = OrgOption,
    every: bool = typer.Option(False, "--all-organisations", help=t("help.stats.every")),
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Print anonymous statistics of one organisation: hours, waits, who writes, topics,
    referrals, trend."""
    if output_format not in FORMATS:
        fail(t("stats.bad_format", choices=", ".join(FORMATS), output=output_format))
    if lang is not None and lang not in LANGUAGES:
        fail(t("common.lang_one_of", choices=", ".join(LANGUAGES), lang=lang))
    if every and org is not None:
        fail(t("stats.org_or_all"))
    relay_wide = load(config, db)
    cfg = relay_wide if every else for_org(relay_wide, org)
    require_database(cfg)
    period = period_from_options(since, until, month, cfg.hours, time.time())

    async def act(storage: SQLiteStorage) -> tuple[Statistics, QuestionStats]:
        source: SQLiteStorage | EveryOrganisation = storage
        if every:
            source = EveryOrganisation([storage.scoped(o) for o in relay_wide.served().ids])
        asked = await source.questions_asked(period.start_ts, period.end_ts)
        return await load_statistics(source, period), question_stats(asked, period.timezone)

    figures, questions = with_storage(cfg, act)
    if output_format == "json":
        typer.echo(json.dumps(visible_value({**figures.to_dict(),
                                             "questions": questions.to_dict()}),
                              indent=2, ensure_ascii=False))
    elif output_format == "csv":
        typer.echo(to_csv(figures) + question_csv(questions), nl=False)
    else:
        words = Words(lang or cfg.default_language)
        named = next((o.name for o in cfg.organisations if o.id == cfg.org), "")
        Console(highlight=False).print(render(figures, cfg.hours, words, named),
                                       render_questions(questions, words))


class EveryOrganisation:
    """The statistics reads of every organisation's storage view, added together: the
    network-wide total a relay's administrator may see (staff never get it)."""

    def __init__(self, views: list[SQLiteStorage]) -> None:
        self.views = views

    async def conversations_created(self, since: float, until: float
                                    ) -> list[ConversationRecord]:
        records = [r for view in self.views for r in await view.conversations_created(since,
                                                                                        until)]
        return sorted(records, key=lambda r: (r.created_at, r.id))

    async def closed_visits(self, first_hour: str, last_hour: str) -> list[tuple[str, int]]:
        total: dict[str, int] = {}
        for view in self.views:
            for hour, count in await view.closed_visits(first_hour, last_hour):
                total[hour] = total.get(hour, 0) + count
        return sorted(total.items())

    async def questions_asked(self, since: float, until: float) -> list[QuestionRecord]:
        asked = [q for view in self.views for q in await view.questions_asked(since, until)]
        return sorted(asked, key=lambda q: (q.asked_at, q.id))


def question_csv(q: QuestionStats) -> str:
    """The questions' figures as more ``section,key,measure,value`` rows (no header)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    data = q.to_dict()
    for measure in ("asked", "answered", "read", "share_read"):
        writer.writerow(("questions", "total", measure, "" if data[measure] is None
                         else data[measure]))
    for measure, value in data["first_answer_s"].items():
        writer.writerow(("questions", "first_answer_s", measure, "" if value is None else value))
    for index, count in enumerate(q.by_weekday):
        writer.writerow(("questions_by_weekday", WEEKDAYS[index], "asked", count))
    for hour, count in enumerate(q.by_hour):
        writer.writerow(("questions_by_hour", f"{hour:02d}", "asked", count))
    return out.getvalue()


def render_questions(q: QuestionStats, words: Words) -> Group:
    """Questions asked outside opening hours: totals, time to first answer, when asked."""
    table = Table(title=words("q.title"), title_justify="left",
                  title_style="bold", box=box.SIMPLE_HEAD, show_header=False, pad_edge=False)
    table.add_column(words("q.figure"), style="bold")
    table.add_column(words("q.value"))
    table.add_row(words("q.asked"), str(q.asked))
    table.add_row(words("q.answered"), f"{q.answered} ({_share(q.answered, q.asked)})")
    table.add_row(words("q.read"), f"{q.read} ({_share(q.read, q.answered)} "
                                   f"{words('q.of_answered')})")
    table.add_row(words("q.first"),
                  _spread(words, q.first_answer_median_s, q.first_answer_p90_s))
    peak = max(max(q.by_weekday), max(q.by_hour), 1)
    days = Table(title=words("q.weekdays"), title_justify="left", title_style="bold",
                 box=box.SIMPLE_HEAD, pad_edge=False)
    days.add_column(words("col.weekday"))
    days.add_column(words("col.asked"), justify="right")
    days.add_column("")
    for index, count in enumerate(q.by_weekday):
        days.add_row(words(f"day.{WEEKDAYS[index]}"), str(count),
                     Text(bar(count, peak, BAR_WIDTH), style="cyan"))
    hours = Table(title=words("q.hours"), title_justify="left",
                  title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    hours.add_column(words("col.hour"))
    hours.add_column(words("col.asked"), justify="right")
    hours.add_column("")
    for hour, count in enumerate(q.by_hour):
        if count:
            hours.add_row(f"{hour:02d}–{(hour + 1) % 24:02d}", str(count),
                          Text(bar(count, peak, BAR_WIDTH), style="cyan"))
    if not q.asked:
        hours.add_row(words("none"), "", "")
    return Group(Text(""), table, days, hours)


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


def _spread(words: Words, spread_median: float | None, spread_p90: float | None) -> str:
    if spread_median is None:
        return "–"
    return words("spread", median=format_duration(spread_median),
                 p90=format_duration(spread_p90))


def _summary(f: Statistics, words: Words) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_header=False, pad_edge=False)
    table.add_column("figure", style="bold")
    table.add_column("value")
    table.add_row(words("started"), str(f.conversations))
    table.add_row(words("answered"), f"{f.answered} ({_share(f.answered, f.conversations)})")
    table.add_row(words("abandoned"), f"{f.abandoned} ({_share(f.abandoned, f.conversations)})")
    if f.in_progress:
        table.add_row(words("in_progress"), str(f.in_progress))
    table.add_row(words("urgent"), str(f.urgent))
    table.add_row(words("closed_visits"), str(f.closed_visits))
    table.add_row(words("wait"), _spread(words, f.wait.median, f.wait.p90))
    table.add_row(words("abandoned_wait"),
                  _spread(words, f.abandoned_wait.median, f.abandoned_wait.p90))
    table.add_row(words("duration"), _spread(words, f.duration.median, f.duration.p90))
    lines = "–" if f.lines.median is None else words(
        "spread", median=f"{f.lines.median:g}", p90=f"{f.lines.p90:g}")
    table.add_row(words("lines"), lines)
    ended = ", ".join(f"{words.label('by', by)} {n}" for by, n in f.closed_by.items() if n)
    table.add_row(words("ended_by"), ended or "–")
    return table


def _count_table(words: Words, title: str, counts: dict[str, int], prefix: str, *,
                 total: int | None = None, style: str = "cyan", key_header: str = "") -> Table:
    """Counts per key; keys are stored text (tags, ids), so they are never read as markup."""
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    table.add_column(key_header)
    table.add_column(words("col.count"), justify="right")
    table.add_column(words("col.share"), justify="right")
    table.add_column("", no_wrap=True)
    whole = total if total is not None else sum(counts.values())
    peak = max(counts.values(), default=0)
    for key, count in counts.items():
        table.add_row(words.label(prefix, key), str(count), _share(count, whole),
                      Text(bar(count, peak, BAR_WIDTH), style=style))
    if not counts:
        table.add_row(words("none"), "", "", "")
    return table


def _weekdays(f: Statistics, hours: OpeningHours, words: Words) -> Table:
    table = Table(title=words("weekdays"), title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for key, justify in (("col.weekday", "left"), ("col.days", "right"), ("col.chats", "right"),
                         ("", "left"), ("col.closed", "right"), ("", "left")):
        table.add_column(words(key) if key else "", justify=justify,  # type: ignore[arg-type]
                         no_wrap=True)
    open_days = weekdays_open(hours, f)
    peak = max(max(s.conversations, s.closed_visits) for s in f.by_weekday)
    for index, slot in enumerate(f.by_weekday):
        name = words(f"day.{WEEKDAYS[index]}") + ("" if index in open_days else
                                                  words("day.closed"))
        table.add_row(name, str(f.weekday_days[index]), str(slot.conversations),
                      Text(bar(slot.conversations, peak, BAR_WIDTH // 2), style="cyan"),
                      str(slot.closed_visits),
                      Text(bar(slot.closed_visits, peak, BAR_WIDTH // 2), style="yellow"))
    return table


def _hours(f: Statistics, hours: OpeningHours, words: Words) -> Table:
    table = Table(title=words("hours"), title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for key, justify in (("col.hour", "left"), ("col.chats", "right"), ("", "left"),
                         ("col.closed", "right"), ("", "left")):
        table.add_column(words(key) if key else "", justify=justify,  # type: ignore[arg-type]
                         no_wrap=True)
    open_hours = hours_open(hours, f)
    active = [h for h, s in enumerate(f.by_hour) if s.conversations or s.closed_visits]
    shown = sorted(set(active) | (open_hours if len(open_hours) < 24 else set()))
    if not shown:
        table.add_row(words("no_activity"), "", "", "", "")
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
        label = f"{hour:02d}–{(hour + 1) % 24:02d}" + (words("hour.open")
                                                       if hour in open_hours else "")
        table.add_row(label, str(slot.conversations),
                      Text(bar(slot.conversations, peak, BAR_WIDTH // 2), style="cyan"),
                      str(slot.closed_visits),
                      Text(bar(slot.closed_visits, peak, BAR_WIDTH // 2), style="yellow"))
    return table


def _weeks(f: Statistics, words: Words) -> Table:
    table = Table(title=words("weeks"), title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for key in ("col.week", "col.chats", "col.answered", "col.left", "col.closed", ""):
        table.add_column(words(key) if key else "", no_wrap=True,
                         justify="left" if key in ("col.week", "") else "right")
    peak = max((w.conversations for w in f.weeks), default=0)
    for week in f.weeks:
        table.add_row(week.week, str(week.conversations), str(week.answered),
                      str(week.abandoned), str(week.closed_visits),
                      Text(bar(week.conversations, peak, BAR_WIDTH), style="cyan"))
    return table


def render(f: Statistics, hours: OpeningHours, words: Words | None = None,
           organisation: str = "") -> Group:
    """Every table of the report, in reading order, in ``words``' language (Swedish default);
    ``organisation``: whose figures, on a relay that serves several.

    Stored text (tags, referral ids) is shown literally: a tag such as ``[/]`` is text, not
    Rich markup, and control characters are replaced.
    """
    words = words or Words("sv")
    heading = Text.assemble(
        (words("heading"), "bold"),
        (f"{visible(organisation)} · " if organisation else "", "bold"),
        f"{f.since.isoformat()} – {f.until.isoformat()} ({f.timezone})",
    )
    feedback_total = sum(f.feedback.values())
    return Group(
        heading,
        _summary(f, words),
        _weekdays(f, hours, words),
        _hours(f, hours, words),
        Text(words("legend"), style="dim"),
        Text(""),
        _count_table(words, words("who"), f.who, "who", key_header=words("col.role")),
        _count_table(words, words("language"), f.language, "lang",
                     key_header=words("col.language")),
        _count_table(words, words("tags"), f.tags, "tag", total=f.conversations,
                     key_header=words("col.tag")),
        _count_table(words, words("referrals"), f.referrals, "referral",
                     total=f.conversations, key_header=words("col.referral")),
        _count_table(words, words("feedback"), f.feedback, "feedback", total=feedback_total,
                     key_header=words("col.answer")),
        _count_table(words, words("triage"), f.triage, "triage",
                     total=sum(f.triage.values()), key_header=words("col.answer")),
        _weeks(f, words),
    )
