"""The statistics screen for supervisors: this month's anonymous figures, as ``lotsen stats``.

The screen asks the relay with a ``stats`` frame and shows the ``stats`` answer: conversations
per weekday and hour next to widget openings while closed (are the opening hours right?),
waits and visitors who left unanswered, conversation length, who writes, language, topics,
referrals, feedback and the weekly trend. Figures come from ``figures.stats`` (a pure module,
no server) through ``Statistics.from_dict``, so the console and the CLI can never disagree.
``[`` and ``]`` step a month back and forward, ``r`` asks again, ``s`` saves the evaluation
report (``figures.report``, as ``lotsen report`` writes it) for the period shown: the figures on
screen and, asked with one more ``stats`` frame, those of the period before.

The app needs two lines to host it (see ``StatsScreen.deliver``): open it for supervisors
with ``StatsScreen(session.send)``, and pass each relay frame to ``StatsScreen.deliver``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from console import i18n
from console.keys import translate_bindings
from console.widgets.transcript import clean
from figures.report import ReportContext, previous_period, render_report
from figures.stats import Period, Statistics, bar, format_duration
from relay import protocol
from relay.protocol import WEEKDAYS
from vocabulary import WORDS

BAR = 24



def tr(key: str, **args: Any) -> str:
    """This screen's text in the console's current language: its own words (``stats.*`` in the
    console's catalog) and the shared ones (days, roles, languages: ``vocabulary``)."""
    return i18n.t(key if key in WORDS else f"stats.{key}", **args)


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def _table(title: str, *columns: tuple[str, str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False, expand=False)
    for name, justify in columns:
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    return table


def _counts(title: str, counts: dict[str, int], label_prefix: str | None,
            whole: int) -> Table:
    table = _table(title, ("", "left"), (tr("col.count"), "right"), (tr("col.share"), "right"),
                   ("", "left"))
    peak = max(counts.values(), default=0)
    for key, count in counts.items():
        # Tags and referral ids are stored text: shown literally (a tag "[/]" is not markup)
        known = i18n.has(f"{label_prefix}.{key}") or i18n.has(f"stats.{label_prefix}.{key}") \
            if label_prefix else False
        label = Text(tr(f"{label_prefix}.{key}") if known else clean(key))
        table.add_row(label, str(count), _share(count, whole),
                      Text(bar(count, peak, BAR), style="cyan"))
    if not counts:
        table.add_row(tr("none"), "", "", "")
    return table


def render(f: Statistics) -> RenderableType:
    """Every table of the statistics, in the console's language."""
    summary = Table.grid(padding=(0, 3))
    summary.add_column(style="bold")
    summary.add_column()

    def spread(median: float | None, p90: float | None, fmt: Callable[[float | None], str]
               ) -> str:
        return "–" if median is None else tr("spread", median=fmt(median), p90=fmt(p90))

    summary.add_row(tr("started"), str(f.conversations))
    summary.add_row(tr("answered"), f"{f.answered} ({_share(f.answered, f.conversations)})")
    summary.add_row(tr("abandoned"), f"{f.abandoned} ({_share(f.abandoned, f.conversations)})")
    if f.in_progress:
        summary.add_row(tr("in_progress"), str(f.in_progress))
    summary.add_row(tr("urgent"), str(f.urgent))
    summary.add_row(tr("closed_visits"), str(f.closed_visits))
    summary.add_row(tr("wait"), spread(f.wait.median, f.wait.p90, format_duration))
    summary.add_row(tr("abandoned_wait"),
                    spread(f.abandoned_wait.median, f.abandoned_wait.p90, format_duration))
    summary.add_row(tr("duration"), spread(f.duration.median, f.duration.p90, format_duration))
    summary.add_row(tr("lines"), spread(f.lines.median, f.lines.p90,
                                        lambda v: "–" if v is None else f"{v:g}"))

    slot_columns = ((tr("col.chats"), "right"), ("", "left"), (tr("col.closed"), "right"),
                    ("", "left"))
    weekdays = _table(tr("weekdays"), ("", "left"), (tr("col.days"), "right"), *slot_columns)
    peak = max(max(s.conversations, s.closed_visits) for s in f.by_weekday)
    for index, slot in enumerate(f.by_weekday):
        weekdays.add_row(tr(f"day.{WEEKDAYS[index]}"), str(f.weekday_days[index]),
                         str(slot.conversations),
                         Text(bar(slot.conversations, peak, BAR // 2), style="cyan"),
                         str(slot.closed_visits),
                         Text(bar(slot.closed_visits, peak, BAR // 2), style="yellow"))

    hours = _table(tr("hours"), ("", "left"), *slot_columns)
    peak = max(max(s.conversations, s.closed_visits) for s in f.by_hour)
    for hour, slot in enumerate(f.by_hour):
        if slot.conversations or slot.closed_visits:
            hours.add_row(f"{hour:02d}–{(hour + 1) % 24:02d}", str(slot.conversations),
                          Text(bar(slot.conversations, peak, BAR // 2), style="cyan"),
                          str(slot.closed_visits),
                          Text(bar(slot.closed_visits, peak, BAR // 2), style="yellow"))
    if not hours.row_count:
        hours.add_row(tr("none"), "", "", "", "")

    weeks = _table(tr("weeks"), ("", "left"), (tr("col.chats"), "right"),
                   (tr("col.answered"), "right"), (tr("col.left"), "right"),
                   (tr("col.closed"), "right"), ("", "left"))
    peak = max((w.conversations for w in f.weeks), default=0)
    for week in f.weeks:
        weeks.add_row(week.week, str(week.conversations), str(week.answered),
                      str(week.abandoned), str(week.closed_visits),
                      Text(bar(week.conversations, peak, BAR), style="cyan"))

    return Group(
        summary, Text(""), weekdays, hours, Text(tr("legend"), style="dim"), Text(""),
        _counts(tr("who"), f.who, "who", f.conversations),
        _counts(tr("language"), f.language, "lang", f.conversations),
        _counts(tr("tags"), f.tags, None, f.conversations),
        _counts(tr("referrals"), f.referrals, None, f.conversations),
        _counts(tr("feedback"), f.feedback, "feedback", sum(f.feedback.values())),
        _counts(tr("triage"), f.triage, "triage", sum(f.triage.values())),
        weeks,
    )


def plain_text(renderable: RenderableType, width: int = 100) -> str:
    """What the screen shows, as text (for tests and for copying into a report)."""
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


class StatsScreen(Screen[None]):
    """Supervisors: the anonymous statistics of one month, asked from the relay."""

    DEFAULT_CSS = """
    StatsScreen #stats-title { padding: 0 1; text-style: bold; width: 100%; }
    StatsScreen #stats-note { padding: 0 1; color: $text-muted; width: 100%; }
    StatsScreen VerticalScroll { height: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="stats-close",
                tooltip="Back to the chats."),
        Binding("left_square_bracket,left", "month(-1)", "Previous month", id="stats-previous",
                tooltip="The month before."),
        Binding("right_square_bracket,right", "month(1)", "Next month", id="stats-next",
                tooltip="The month after (not beyond this one)."),
        Binding("r", "refresh", "Refresh", id="stats-refresh",
                tooltip="Ask the relay for the figures again."),
        Binding("s", "save_report", "Save report", id="stats-save",
                tooltip="The evaluation report for the period shown, as HTML."),
    ]

    def __init__(self, request: Callable[[protocol.Frame], bool], *,
                 today: dt.date | None = None, month: tuple[int, int] | None = None,
                 report_dir: Path | None = None, organisation: str | None = None) -> None:
        super().__init__(id="stats-screen")
        self.request = request
        self.organisation = organisation
        """Whose figures these are, on a relay of several organisations (the relay answers
        with the supervisor's own organisation's only)."""
        self.today = today or dt.date.today()
        self.month = month or (self.today.year, self.today.month)
        self.figures: Statistics | None = None
        """The figures on screen (None until the relay has answered)."""
        self.waiting = False
        """A request is out and its answer has not arrived."""
        self.report: protocol.StatsFigures | None = None
        """The relay's figures as sent (``lotsen stats --format json``) and its report context."""
        self.context: protocol.ReportSettings | None = None
        self.saving: tuple[str, str] | None = None
        """The period before, asked for a report being saved (its answer is not shown)."""
        self.report_dir = report_dir or Path.cwd()
        """Where "save report" writes its file."""
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Label(tr("title.loading"), id="stats-title")
        yield Label(tr("anonymous"), id="stats-note")
        with VerticalScroll():
            yield Static(tr("loading"), id="stats-body")
        yield Footer()

    def on_mount(self) -> None:
        self.ask()

    # -- talking to the relay ----------------------------------------------------------------

    def _frame(self) -> protocol.StatsRequest:
        year, month = self.month
        if (year, month) == (self.today.year, self.today.month):
            return protocol.StatsRequest()  # the relay's month to date, in its time zone
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
        return protocol.StatsRequest(first.isoformat(), last.isoformat())

    def ask(self) -> None:
        """Send the request for the current month; show that it is on its way (or cannot go)."""
        self.waiting = self.request(self._frame())
        body = self.query_one("#stats-body", Static)
        body.update(tr("loading") if self.waiting else tr("offline"))

    def show_report(self, report: protocol.StatsFigures,
                    context: protocol.ReportSettings | None = None) -> None:
        """The relay's ``stats`` answer arrived: show it (or finish the report being saved)."""
        period = (report["period"]["since"], report["period"]["until"])
        if self.saving is not None and period == self.saving:
            self.saving = None
            self.save_report(report)
            return
        self.report, self.context = report, context
        self.waiting = False
        self.figures = Statistics.from_dict(report)
        title = tr("title", since=self.figures.since.isoformat(),
                   until=self.figures.until.isoformat())
        if self.organisation:
            title = f"{clean(self.organisation)} · {title}"
        self.query_one("#stats-title", Label).update(title)
        self.query_one("#stats-body", Static).update(render(self.figures))

    def text(self) -> str:
        """The figures as plain text, as the screen shows them."""
        return plain_text(render(self.figures)) if self.figures else ""

    @staticmethod
    def deliver(app: App[Any], frame: protocol.Frame) -> bool:
        """Hand a ``stats`` answer to an open statistics screen; True if the frame was one.

        The app calls this for every frame from the relay (one line in its frame handler).
        """
        if not isinstance(frame, protocol.StatsReport):
            return False
        for screen in _stats_screens(app.screen_stack):
            screen.show_report(frame.report, frame.context)
        return True

    # -- actions -----------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_refresh(self) -> None:
        self.ask()

    def action_save_report(self) -> None:
        """Ask the relay for the period before the one shown; the report is written when it
        arrives (``show_report``)."""
        if self.report is None:
            self.notify(tr("report.wait"), severity="warning")
            return
        period = self.report["period"]
        before = previous_period(Period(dt.date.fromisoformat(period["since"]),
                                        dt.date.fromisoformat(period["until"]),
                                        ZoneInfo(period["timezone"])))
        self.saving = (before.since.isoformat(), before.until.isoformat())
        if not self.request(protocol.StatsRequest(*self.saving)):
            self.saving = None
            self.notify(tr("offline"), severity="error")
            return
        self.notify(tr("report.saving"))

    def save_report(self, previous: protocol.StatsFigures) -> None:
        """Write the report of the period shown, compared with ``previous``."""
        assert self.report is not None
        period = self.report["period"]
        context = ReportContext.from_dict(self.context) if self.context else ReportContext()
        html = render_report(self.report, previous, context, self.today)
        path = self.report_dir / f"lotsen-report-{period['since']}-{period['until']}.html"
        try:
            path.write_text(html, encoding="utf-8")
        except OSError as exc:
            self.notify(tr("report.failed", reason=exc.strerror or str(exc)), severity="error",
                        markup=False)
            return
        # A folder name may hold "[...]": shown as written, not read as markup.
        self.notify(tr("report.saved", path=clean(str(path))), timeout=10, markup=False)

    def _step(self, step: int) -> tuple[int, int]:
        index = self.month[0] * 12 + (self.month[1] - 1) + step
        return index // 12, index % 12 + 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The next month is greyed out while showing the current one."""
        if action == "month" and parameters and isinstance(parameters[0], int):
            return self._step(parameters[0]) <= (self.today.year, self.today.month) or None
        return True

    def action_month(self, step: int) -> None:
        target = self._step(step)
        if target > (self.today.year, self.today.month):
            return
        self.month = target
        self.refresh_bindings()
        self.ask()


def _stats_screens(stack: Iterable[Screen[Any]]) -> list[StatsScreen]:
    return [screen for screen in stack if isinstance(screen, StatsScreen)]
