"""The evaluation report: one self-contained HTML file a board can read and print.

``lotsen report`` and the console's "save report" both call ``render_report``. It takes the
figures exactly as ``lotsen stats --format json`` prints them (``Statistics.to_dict()``, the
``stats`` frame's ``report``) for the period and for the period before it, plus a small
``ReportContext`` (language, opening hours, retention, the small-number threshold), and returns
HTML with inline CSS and hand-written SVG: no script, no font or image fetched from anywhere,
A4 pages that break between charts, never inside one.

Every figure drawn or written carries ``data-figure`` (its place in the stats JSON, e.g.
``by_weekday_hour.conversations.0.13``) and ``data-value``, so a test can prove the report
shows the same numbers as ``lotsen stats``. A count below ``min_count`` is shown as "< 5",
carries ``data-hidden`` instead of its value, and gets no percentage; no percentage is given
of a base below ``min_count``; and where a published total would reveal a single hidden count,
the next smallest count of the group is hidden too. Captions state the finding in words
computed from the same figures. Every word comes from ``figures.report_text``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any, Protocol

from figures.report_text import TEXT
from figures.stats import Period, WeeklySchedule, format_duration
from relay import protocol
from relay.protocol import LANGUAGES, WEEKDAYS

DEFAULT_MIN_COUNT = 5
TOP = 10  # topics and referrals shown
# Colours (print-safe, readable in greyscale): chats blue, closed-hours openings orange.
BLUE = ((232, 240, 250), (21, 72, 140))
ORANGE = ((253, 238, 222), (176, 72, 10))
GREY = "#9aa3ad"
HATCH = "#8a8a8a"


# ---------------------------------------------------------------------------------------------
# Context: what the report needs besides the figures


class ReportSettings(Protocol):
    """The settings a report states beside its figures (``relay.config.RelayConfig`` has them)."""

    @property
    def default_language(self) -> str: ...
    @property
    def report_min_count(self) -> int: ...
    @property
    def retention_days(self) -> int: ...
    @property
    def hours(self) -> WeeklySchedule: ...
    @property
    def referral_directory(self) -> Path | None: ...


@dataclass(frozen=True, slots=True)
class ReportContext:
    """Language, opening hours and privacy settings the report states next to the figures."""

    lang: str = "sv"
    min_count: int = DEFAULT_MIN_COUNT
    retention_days: int = 30
    # 7 strings of 24 characters, "1" where the weekly schedule is open in that local hour.
    open_slots: tuple[str, ...] = ("0" * 24,) * 7
    # Referral directory ids -> the service's name in the report's language.
    referral_names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {self.lang!r}")
        if self.min_count < 1:
            raise ValueError("min_count must be at least 1")
        if len(self.open_slots) != 7 or any(len(row) != 24 for row in self.open_slots):
            raise ValueError("open_slots must be 7 rows of 24 hours")

    def is_open(self, weekday: int, hour: int) -> bool:
        return self.open_slots[weekday][hour] == "1"

    def to_dict(self) -> protocol.ReportSettings:
        """What the relay adds to a ``stats`` frame so the console can save a report."""
        return {"lang": self.lang, "min_count": self.min_count,
                "retention_days": self.retention_days, "open": list(self.open_slots),
                "referral_names": dict(self.referral_names)}

    @classmethod
    def from_dict(cls, data: protocol.ReportSettings, lang: str | None = None) -> ReportContext:
        return cls(lang=lang or str(data.get("lang", "sv")),
                   min_count=int(data.get("min_count", DEFAULT_MIN_COUNT)),
                   retention_days=int(data.get("retention_days", 30)),
                   open_slots=tuple(str(row) for row in data.get("open", ("0" * 24,) * 7)),
                   referral_names={str(k): str(v) for k, v in
                                   dict(data.get("referral_names") or {}).items()})

    @classmethod
    def from_config(cls, cfg: ReportSettings, lang: str | None = None,
                    referral_ids: Iterable[str] = ()) -> ReportContext:
        language = lang or cfg.default_language
        return cls(lang=language, min_count=cfg.report_min_count,
                   retention_days=cfg.retention_days, open_slots=open_slots(cfg.hours),
                   referral_names=referral_names(cfg.referral_directory, language, referral_ids))


def referral_names(directory: Path | None, lang: str, ids: Iterable[str]) -> dict[str, str]:
    """The directory's names for the referral ids a report lists (ids it does not know, or a
    directory that does not load, keep their id)."""
    from referrals import DirectoryError, load_directory

    try:
        known = load_directory(directory)
    except DirectoryError:
        return {}
    return {i: service.name(lang) for i in ids if (service := known.get(i)) is not None}


def open_slots(hours: WeeklySchedule) -> tuple[str, ...]:
    """Per weekday, which local hours the weekly schedule is open in (any part of the hour)."""
    if hours.always_open:
        return ("1" * 24,) * 7
    rows = []
    for weekday in range(7):
        hours_open: set[int] = set()
        for start, end in hours.weekly.get(weekday, ()):
            last = end.hour - 1 if end.minute == 0 else end.hour
            hours_open.update(range(start.hour, max(last, start.hour) + 1))
        rows.append("".join("1" if h in hours_open else "0" for h in range(24)))
    return tuple(rows)


def previous_period(period: Period) -> Period:
    """The period before: the previous calendar month for a whole month, else as many days."""
    since, until = period.since, period.until
    whole_month = since.day == 1 and (until + timedelta(days=1)).day == 1 and \
        (since.year, since.month) == (until.year, until.month)
    if whole_month:
        before = since - timedelta(days=1)
        return Period.month(before.year, before.month, period.timezone)
    days = (until - since).days + 1
    return Period(since - timedelta(days=days), since - timedelta(days=1), period.timezone)


# ---------------------------------------------------------------------------------------------
# Words and numbers


class Words:
    """The catalog in one language, and numbers written as that language writes them."""

    def __init__(self, lang: str, min_count: int) -> None:
        self.lang = lang
        self.index = LANGUAGES.index(lang)
        self.min_count = min_count

    def __call__(self, key: str, **args: Any) -> str:
        return TEXT[key][self.index].format(**args)

    def number(self, value: float) -> str:
        if isinstance(value, float) and not value.is_integer():
            text = f"{value:,.1f}"
        else:
            text = f"{int(value):,}"
        if self.lang == "en":
            return text
        return text.replace(",", "\u00a0").replace(".", ",")

    def percent(self, part: int, whole: int) -> str:
        pct = round(100 * part / whole)
        return f"{pct}%" if self.lang == "en" else f"{pct}\u00a0%"

    @property
    def fewer(self) -> str:
        """What a hidden count reads: "< 5"."""
        return f"<\u00a0{self.min_count}"

    def hours(self, first: int, last: int) -> str:
        return f"{first:02d}–{(last + 1) % 24:02d}"


def hidden_in_group(values: Sequence[int], min_count: int) -> set[int]:
    """Indexes of the counts to hide: those below ``min_count`` (but not 0), and, when exactly
    one is hidden and the group's total is published, the next smallest so it cannot be
    worked out by subtraction."""
    hidden = {i for i, v in enumerate(values) if 0 < v < min_count}
    if len(hidden) == 1:
        rest = sorted((v, i) for i, v in enumerate(values) if i not in hidden and v > 0)
        if rest:
            hidden.add(rest[0][1])
    return hidden


def hidden_in_table(rows: Sequence[Sequence[int]], min_count: int) -> set[tuple[int, int]]:
    """The same rule for a table whose row totals and column totals are both published: small
    counts, then, until nothing changes, the next smallest of any row or column left with a
    single hidden count."""
    hidden = {(r, c) for r, row in enumerate(rows) for c, v in enumerate(row)
              if 0 < v < min_count}
    lines = [[(r, c) for c in range(len(row))] for r, row in enumerate(rows)]
    width = max((len(row) for row in rows), default=0)
    lines += [[(r, c) for r in range(len(rows)) if c < len(rows[r])] for c in range(width)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            inside = [cell for cell in line if cell in hidden]
            if len(inside) != 1:
                continue
            # The next smallest non-zero count; a zero if nothing else is left (a shown zero
            # beside a published total gives the hidden count away as well).
            rest = sorted((rows[r][c] == 0, rows[r][c], (r, c)) for r, c in line
                          if (r, c) not in hidden)
            if rest:
                hidden.add(rest[0][2])
                changed = True
    return hidden


def _figure(path: str, value: float | int | None, hidden: bool) -> str:
    """The data attributes that tie a drawn or written number to the stats JSON."""
    if hidden:
        return f' data-figure="{escape(path)}" data-hidden=""'
    shown = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    return f' data-figure="{escape(path)}" data-value="{shown}"'


class Shown:
    """One count as the report may show it (or not)."""

    def __init__(self, words: Words, path: str, value: int, hidden: bool) -> None:
        self.words, self.path, self.value, self.hidden = words, path, value, hidden

    @property
    def text(self) -> str:
        """The count; "< 5" for a small one; "×" for one hidden so a small one cannot be
        worked out from a total."""
        if not self.hidden:
            return self.words.number(self.value)
        return self.words.fewer if 0 < self.value < self.words.min_count else "×"

    def span(self, text: str | None = None) -> str:
        return f'<span{_figure(self.path, self.value, self.hidden)}>{escape(text or self.text)}' \
               f"</span>"

    def share(self, whole: int) -> str | None:
        """A percentage of ``whole``, or None when either side is too small to show."""
        if self.hidden or whole < self.words.min_count or whole <= 0:
            return None
        return self.words.percent(self.value, whole)


def _group(words: Words, items: Sequence[tuple[str, int]], *, total_published: bool = True
           ) -> list[Shown]:
    values = [v for _, v in items]
    if total_published:
        hidden = hidden_in_group(values, words.min_count)
    else:
        hidden = {i for i, v in enumerate(values) if 0 < v < words.min_count}
    return [Shown(words, path, value, i in hidden) for i, (path, value) in enumerate(items)]


# ---------------------------------------------------------------------------------------------
# SVG pieces


def _mix(scale: tuple[tuple[int, int, int], tuple[int, int, int]], t: float) -> str:
    low, high = scale
    r, g, b = (round(a + (c - a) * t) for a, c in zip(low, high, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _hatch(pattern_id: str, colour: str = HATCH) -> str:
    return (f'<pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-width="2.4"/>'
            f"</pattern>")


def _svg(width: float, height: float, label: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
            f'role="img" aria-label="{escape(label)}">{body}</svg>')


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: float = 10,
          fill: str = "#1a1a1a", weight: str = "normal", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" '
            f'fill="{fill}" font-weight="{weight}"{extra}>{escape(text)}</text>')


def heatmap(words: Words, figures: Mapping[str, Any], measure: str, context: ReportContext,
            scale: tuple[tuple[int, int, int], tuple[int, int, int]], chart_id: str) -> str:
    """Weekday × hour cells of one measure, the weekly opening hours outlined."""
    matrix: list[list[int]] = figures["by_weekday_hour"][measure]
    left, top, cw, ch = 40, 16, 27, 22
    width, height = left + 24 * cw + 2, top + 7 * ch + 2
    items = [(f"by_weekday_hour.{measure}.{d}.{h}", matrix[d][h])
             for d in range(7) for h in range(24)]
    cells = _group(words, items)
    peak = max([c.value for c in cells if not c.hidden] + [1])
    parts = [f"<defs>{_hatch(chart_id + '-hatch')}</defs>"]
    for h in range(24):
        parts.append(_text(left + h * cw + cw / 2, top - 4, f"{h:02d}", anchor="middle", size=9,
                           fill="#555"))
    for d in range(7):
        parts.append(_text(left - 6, top + d * ch + ch / 2 + 3.5, words(f"dayshort.{d}"),
                           anchor="end", size=10))
        for h in range(24):
            cell = cells[d * 24 + h]
            x, y = left + h * cw, top + d * ch
            if cell.hidden:
                fill, label, ink = f"url(#{chart_id}-hatch)", words.fewer, "#1a1a1a"
            elif cell.value == 0:
                fill, label, ink = "#f5f5f5", "", "#1a1a1a"
            else:
                t = 0.15 + 0.85 * cell.value / peak
                fill, label = _mix(scale, t), words.number(cell.value)
                ink = "#ffffff" if t > 0.55 else "#1a1a1a"
            parts.append(f'<rect x="{x}" y="{y}" width="{cw - 1}" height="{ch - 1}" '
                         f'fill="{fill}"{_figure(cell.path, cell.value, cell.hidden)}/>')
            if label:
                parts.append(_text(x + (cw - 1) / 2, y + ch / 2 + 3, label, anchor="middle",
                                   size=8.5 if cell.hidden else 9, fill=ink))
    # The opening hours: an outline around each run of open cells.
    edges = []
    for d in range(7):
        for h in range(24):
            if not context.is_open(d, h):
                continue
            x0, y0, x1, y1 = left + h * cw - 0.5, top + d * ch - 0.5, \
                left + (h + 1) * cw - 0.5, top + (d + 1) * ch - 0.5
            if d == 0 or not context.is_open(d - 1, h):
                edges.append((x0, y0, x1, y0))
            if d == 6 or not context.is_open(d + 1, h):
                edges.append((x0, y1, x1, y1))
            if h == 0 or not context.is_open(d, h - 1):
                edges.append((x0, y0, x0, y1))
            if h == 23 or not context.is_open(d, h + 1):
                edges.append((x1, y0, x1, y1))
    parts += [f'<line x1="{a:.1f}" y1="{b:.1f}" x2="{c:.1f}" y2="{e:.1f}" stroke="#111" '
              f'stroke-width="2.2" stroke-linecap="square"/>' for a, b, c, e in edges]
    name = "demand.chats" if measure == "conversations" else "demand.closed"
    return _svg(width, height, words(name), "".join(parts))


def hbars(words: Words, rows: Sequence[tuple[str, Shown]], whole: int,
          scale: tuple[tuple[int, int, int], tuple[int, int, int]], chart_id: str,
          label: str) -> str:
    """Horizontal bars: a label, a bar, the count and its share of ``whole``."""
    label_w, bar_w, row_h = 200, 330, 22
    width, height = label_w + bar_w + 130, max(1, len(rows)) * row_h + 4
    peak = max([s.value for _, s in rows if not s.hidden] + [words.min_count])
    colour = _hex(scale[1])
    parts = [f"<defs>{_hatch(chart_id + '-hatch', colour)}</defs>"]
    for i, (name, shown) in enumerate(rows):
        y = 2 + i * row_h
        short = name if len(name) <= 32 else name[:31] + "…"  # the label column is 200 units
        parts.append(_text(label_w - 8, y + row_h / 2 + 3.5, short, anchor="end", size=10.5))
        value = words.min_count if shown.hidden else shown.value
        length = 0 if value == 0 else max(2.0, bar_w * value / peak)
        fill = f"url(#{chart_id}-hatch)" if shown.hidden else colour
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" '
                     f'height="{row_h - 7}" fill="{fill}"'
                     f'{_figure(shown.path, shown.value, shown.hidden)}/>')
        share = shown.share(whole)
        note = shown.text + (f" ({share})" if share else "")
        parts.append(_text(label_w + length + 6, y + row_h / 2 + 3.5, note, size=10.5))
    return _svg(width, height, label, "".join(parts))


def _nice_step(peak: float, ticks: int = 4) -> float:
    raw = max(peak, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= step * power:
            return float(step * power)
    return float(10 * power)


def week_bars(words: Words, figures: Mapping[str, Any]) -> str:
    """Per ISO week a bar of conversations started: answered, left, still waiting stacked."""
    weeks = figures["weeks"]
    n = max(1, len(weeks))
    left, top, plot_w, plot_h = 40, 18, 640, 190
    width, height = left + plot_w + 6, top + plot_h + 34
    totals = _group(words, [(f"weeks.{i}.conversations", w["conversations"])
                            for i, w in enumerate(weeks)])
    # Each week's parts add up to its published total, each part's weeks to the period's.
    table = [[w["answered"], w["abandoned"], w["conversations"] - w["answered"] - w["abandoned"]]
             for w in weeks]
    hidden = hidden_in_table(table, words.min_count)
    # A bar is as tall as its week's total (drawn at the threshold when that is hidden); the
    # shown parts are solid, and what the hidden parts add up to (total minus the shown parts,
    # which anyone can subtract) is one hatched piece on top.
    heights = [words.min_count if t.hidden else t.value for t in totals]
    peak = max(heights + [words.min_count])
    step = _nice_step(peak)
    top_value = step * math.ceil(peak / step)
    parts = [f"<defs>{_hatch('wk-hatch', GREY)}</defs>"]
    tick = 0.0
    while tick <= top_value + 1e-9:
        y = top + plot_h - plot_h * tick / top_value
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     f'stroke="#ddd" stroke-width="1"/>')
        parts.append(_text(left - 5, y + 3.5, words.number(tick), anchor="end", size=9,
                           fill="#555"))
        tick += step
    slot = plot_w / n
    bar_w = max(2.0, slot * 0.66)
    label_every = 1 if n <= 16 else math.ceil(n / 13)
    colours = (_hex(BLUE[1]), _hex(ORANGE[1]), GREY)
    for i, week in enumerate(weeks):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        row = table[i]
        drawn = 0
        for column, path in enumerate((f"weeks.{i}.answered", f"weeks.{i}.abandoned", "")):
            shown = Shown(words, path, row[column], (i, column) in hidden or totals[i].hidden)
            if path:
                # Every part carries its figure (a hidden one without its value).
                parts.append(f"<g{_figure(path, shown.value, shown.hidden)}/>")
            if shown.hidden or shown.value == 0:
                continue
            h = plot_h * shown.value / top_value
            y -= h
            drawn += shown.value
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{colours[column]}"/>')
        rest = heights[i] - drawn
        if rest > 0:
            h = plot_h * rest / top_value
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="url(#wk-hatch)" stroke="{GREY}" stroke-width="0.6"/>')
        total = totals[i]
        if n <= 16:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" font-size="9.5" '
                         f'text-anchor="middle"{_figure(total.path, total.value, total.hidden)}>'
                         f"{escape(total.text)}</text>")
        else:
            parts.append(f'<g{_figure(total.path, total.value, total.hidden)}/>')
        if i % label_every == 0:
            number = int(week["week"].split("-W")[1])
            parts.append(_text(x + bar_w / 2, top + plot_h + 14, words("week.short", n=number),
                               anchor="middle", size=9, fill="#555"))
    legend_y = top + plot_h + 30
    x = left
    for name, colour in ((words("weeks.answered"), _hex(BLUE[1])),
                         (words("weeks.abandoned"), _hex(ORANGE[1])),
                         (words("weeks.waiting"), GREY)):
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(_text(x + 14, legend_y, name, size=10))
        x += 24 + 7 * len(name)
    return _svg(width, height, words("weeks.title"), "".join(parts))


def wait_bars(words: Words, rows: list[dict[str, Any]], shown: list[Shown]) -> str:
    """Per hour of the day the median wait (dark) in front of the p90 (light), in minutes."""
    hours = [row["hour"] for row in rows]
    first, last = min(hours), max(hours)
    span = list(range(first, last + 1))
    left, top, plot_w, plot_h = 44, 22, 630, 180
    width, height = left + plot_w + 6, top + plot_h + 44
    by_hour = {row["hour"]: (row, s) for row, s in zip(rows, shown, strict=True)}
    visible = [row for row, s in zip(rows, shown, strict=True)
               if not s.hidden and row["p90"] is not None]
    peak = max([row["p90"] / 60 for row in visible] + [1.0])
    step = _nice_step(peak)
    top_value = step * math.ceil(peak / step)
    parts = [f"<defs>{_hatch('wait-hatch')}</defs>"]
    tick = 0.0
    while tick <= top_value + 1e-9:
        y = top + plot_h - plot_h * tick / top_value
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     f'stroke="#ddd" stroke-width="1"/>')
        parts.append(_text(left - 5, y + 3.5, words.number(tick), anchor="end", size=9,
                           fill="#555"))
        tick += step
    parts.append(_text(left - 5, top - 10, words("wait.axis"), anchor="end", size=9,
                       fill="#555"))
    slot = plot_w / len(span)
    bar_w = min(28.0, slot * 0.7)
    for i, hour in enumerate(span):
        x = left + i * slot + (slot - bar_w) / 2
        parts.append(_text(x + bar_w / 2, top + plot_h + 14, f"{hour:02d}", anchor="middle",
                           size=9, fill="#555"))
        if hour not in by_hour:
            continue
        row, count = by_hour[hour]
        index = rows.index(row)
        if count.hidden or row["median"] is None:
            h = plot_h * 0.06
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" '
                         f'height="{h:.1f}" fill="url(#wait-hatch)"/>')
            continue
        for measure, colour, shrink in (("p90", _hex(BLUE[0]), 0.0),
                                        ("median", _hex(BLUE[1]), bar_w * 0.22)):
            h = plot_h * row[measure] / 60 / top_value
            parts.append(f'<rect x="{x + shrink:.1f}" y="{top + plot_h - h:.1f}" '
                         f'width="{bar_w - 2 * shrink:.1f}" height="{h:.1f}" fill="{colour}" '
                         f'stroke="{_hex(BLUE[1])}" stroke-width="0.6"'
                         f'{_figure(f"waits_by_hour.{index}.{measure}", row[measure], False)}/>')
    legend_y = top + plot_h + 36
    x = left
    for name, colour in ((words("wait.median"), _hex(BLUE[1])), (words("wait.p90"),
                                                                  _hex(BLUE[0]))):
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{colour}" '
                     f'stroke="{_hex(BLUE[1])}" stroke-width="0.6"/>')
        parts.append(_text(x + 14, legend_y, name, size=10))
        x += 30 + 6.5 * len(name)
    return _svg(width, height, words("wait.title"), "".join(parts))


# ---------------------------------------------------------------------------------------------
# Captions: the finding in words, from the same figures


def _best_window(values: Sequence[int], width: int = 3) -> tuple[int, int, int]:
    """The run of up to ``width`` hours with the most, trimmed to its first and last non-zero
    hour: (first, last, sum)."""
    best = (0, 0, -1)
    for start in range(0, 24 - width + 1):
        total = sum(values[start:start + width])
        if total > best[2]:
            best = (start, start + width - 1, total)
    first, last, total = best
    while first < last and values[first] == 0:
        first += 1
    while last > first and values[last] == 0:
        last -= 1
    return first, last, total


def chats_caption(words: Words, figures: Mapping[str, Any]) -> str:
    """When most conversations started (only when that cell is not a small number)."""
    matrix = figures["by_weekday_hour"]["conversations"]
    peak_day, peak_hour = max(((d, h) for d in range(7) for h in range(24)),
                              key=lambda dh: (matrix[dh[0]][dh[1]], -dh[0], -dh[1]))
    if matrix[peak_day][peak_hour] < words.min_count:
        return ""
    return words("demand.chats_peak", day=words(f"days.{peak_day}"),
                 hours=words.hours(peak_hour, peak_hour))


def demand_caption(words: Words, figures: Mapping[str, Any]) -> str:
    """How many attempts came while closed, and when most of them came."""
    totals = figures["totals"]
    chats, closed = totals["conversations"], totals["closed_visits"]
    attempts = chats + closed
    if attempts == 0:
        return words("demand.nothing")
    closed_shown = Shown(words, "totals.closed_visits", closed, 0 < closed < words.min_count)
    chats_shown = Shown(words, "totals.conversations", chats, 0 < chats < words.min_count)
    sentences = []
    share = closed_shown.share(attempts)
    if share is not None:
        sentences.append(words("demand.closed_share", pct=share, closed=closed_shown.span(),
                               attempts=escape(words.number(attempts))))
    else:
        sentences.append(words("demand.closed_count", closed=closed_shown.span(),
                               chats=chats_shown.span()))
    by_weekday = [d["closed_visits"] for d in figures["by_weekday"]]
    by_hour = [h["closed_visits"] for h in figures["by_hour"]]
    if closed >= words.min_count:
        first, last, in_window = _best_window(by_hour)
        top_day = max(range(7), key=lambda d: (by_weekday[d], -d))
        if by_weekday[top_day] >= 0.4 * closed:
            days = words(f"days.{top_day}")
        else:
            days = words("days.weekdays" if sum(by_weekday[:5]) >= sum(by_weekday[5:])
                         else "days.weekend")
        if in_window >= words.min_count:
            sentences.append(words("demand.closed_peak", days=days,
                                   hours=words.hours(first, last)))
    return " ".join(sentences)


# ---------------------------------------------------------------------------------------------
# The document


CSS = """
@page { size: A4; margin: 14mm 14mm 14mm 14mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9ebee; color: #1a1a1a;
  font: 10.5pt/1.45 "Noto Sans", "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 6mm auto;
  padding: 14mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15);
  display: flex; flex-direction: column; }
.page > footer { margin-top: auto; padding-top: 4mm; font-size: 8.5pt; color: #666;
  display: flex; justify-content: space-between; border-top: 1px solid #ddd; }
h1 { font-size: 19pt; margin: 0 0 1mm; line-height: 1.2; }
h2 { font-size: 14pt; margin: 0 0 3mm; line-height: 1.25; }
h3 { font-size: 11pt; margin: 0 0 1.5mm; }
p { margin: 0 0 2.5mm; }
.lead { color: #444; margin-bottom: 4mm; }
figure { margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { margin-top: 1.5mm; font-size: 10pt; }
figcaption .finding { font-weight: 600; }
.legend { font-size: 8.5pt; color: #555; margin-top: 1mm; }
.keys { display: grid; grid-template-columns: repeat(5, 1fr); gap: 3mm; margin: 3mm 0 5mm;
  break-inside: avoid; }
.keys div { border: 1px solid #d5d9de; border-radius: 2mm; padding: 2mm 2.5mm; }
.keys b { display: block; font-size: 16pt; line-height: 1.15; }
.keys small { display: block; color: #444; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; break-inside: avoid;
  page-break-inside: avoid; }
th, td { padding: 1mm 2mm; border-bottom: 1px solid #e1e4e8; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { font-weight: 600; border-bottom: 1.5px solid #999; }
table.compact { font-size: 8.5pt; }
table.compact th, table.compact td { padding: 0.35mm 2mm; }
.missing { color: #555; font-style: italic; }
.method p { max-width: 165mm; }
@media screen and (max-width: 820px) {
  .page { width: auto; min-height: 0; margin: 0 0 3mm; padding: 5mm 4mm; }
  .keys { grid-template-columns: repeat(2, 1fr); }
}
@media print {
  body { background: none; }
  .page { width: auto; min-height: 262mm; margin: 0; padding: 0; box-shadow: none;
    break-after: page; page-break-after: always; }
  .page:last-of-type { break-after: auto; page-break-after: auto; }
}
"""


def _period_name(words: Words, since: date, until: date) -> str:
    after = until + timedelta(days=1)
    if since.day == 1 and after.day == 1:
        if (since.year, since.month) == (until.year, until.month):
            return f"{words(f'month.{since.month}')} {since.year}"
        if since.month == 1 and after.month == 1 and since.year == until.year:
            return str(since.year)
    return words("doc.period", since=since.isoformat(), until=until.isoformat())


def _totals(words: Words, figures: Mapping[str, Any], prefix: str = "") -> dict[str, Shown]:
    totals = figures["totals"]
    parts = _group(words, [(f"{prefix}totals.{k}", totals[k])
                           for k in ("answered", "abandoned", "in_progress")])
    out = {s.path.rsplit(".", 1)[1]: s for s in parts}
    for key in ("conversations", "closed_visits"):
        value = totals[key]
        out[key] = Shown(words, f"{prefix}totals.{key}", value, 0 < value < words.min_count)
    return out


def _wait_text(words: Words, spread: Mapping[str, Any], key: str, prefix: str = "") -> str:
    """A median or p90 wait, hidden when fewer than ``min_count`` waits make it."""
    value = spread[key]
    path = f"{prefix}wait_s.{key}"
    if value is None:
        return f'<span{_figure(path, None, False)}>–</span>'
    if spread["count"] < words.min_count:
        return f'<span{_figure(path, value, True)}>–</span>'
    return f'<span{_figure(path, value, False)}>{escape(format_duration(value))}</span>'


def _page(title: str, body: str, footer: str) -> str:
    return (f'<section class="page"><h2>{escape(title)}</h2>{body}'
            f"<footer>{footer}</footer></section>")


def _figure_block(heading: str, svg: str, finding: str, legend: str = "") -> str:
    head = f"<h3>{escape(heading)}</h3>" if heading else ""
    note = f'<div class="legend">{escape(legend)}</div>' if legend else ""
    return (f'<figure class="chart">{head}{svg}<figcaption>{note}'
            f'<span class="finding">{finding}</span></figcaption></figure>')


def _count_chart(words: Words, figures: Mapping[str, Any], section: str, label_prefix: str | None,
                 whole: int, chart_id: str, heading: str, *, top: int | None = None,
                 names: dict[str, str] | None = None,
                 total_published: bool = True, base_published: bool = True,
                 scale: tuple[tuple[int, int, int], tuple[int, int, int]] = BLUE
                 ) -> tuple[str, list[Shown]]:
    counts: dict[str, int] = figures[section]
    items = list(counts.items())[:top] if top else list(counts.items())
    shown = _group(words, [(f"{section}.{key}", value) for key, value in items],
                   total_published=total_published)
    rows = [(words(f"{label_prefix}.{key}") if label_prefix else (names or {}).get(key, key), s)
            for (key, _), s in zip(items, shown, strict=True)]
    if not base_published and any(s.hidden for s in shown):
        whole = 0  # shares would give away their base, and with it what is hidden
    return hbars(words, rows, whole, scale, chart_id, heading), shown


def _extra_section(words: Words, figures: Mapping[str, Any], key: str) -> str:
    """Figures another part of Lotsen adds to the stats (triage checks, questions outside
    hours): drawn when the stats carry them, else an honest "no data yet"."""
    heading = words(f"{key.split('_')[0]}.chart")
    data = figures.get(key)
    leaves = list(_leaves(data, key)) if data is not None else []
    if not leaves:
        return (f'<figure class="chart"><h3>{escape(heading)}</h3>'
                f'<p class="missing">{escape(words("extra.missing"))}</p></figure>')
    # Their shape is the other part's: each count on its own, no sum, no percentage.
    shown = _group(words, leaves, total_published=False)
    rows = [(path.split(".", 1)[1].replace(".", " · "), s) for (path, _), s in
            zip(leaves, shown, strict=True)]
    svg = hbars(words, rows, 0, ORANGE, f"x-{key}", heading)
    return _figure_block(heading, svg, escape(words("extra.found")))


TRIAGE_ANSWERS = ("right", "should_be_urgent", "should_not_be_urgent", "none")


def _triage_section(words: Words, figures: Mapping[str, Any]) -> str:
    """Staff's answers at close to "was the triage right?" (``triage`` in the stats)."""
    data = figures.get("triage")
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int)
                                             for k in TRIAGE_ANSWERS):
        return _extra_section(words, figures, "triage")
    heading = words("triage.chart")
    shown = _group(words, [(f"triage.{k}", data[k]) for k in TRIAGE_ANSWERS])
    rows = [(words(f"triage.{k}"), s) for k, s in zip(TRIAGE_ANSWERS, shown, strict=True)]
    answered = sum(data[k] for k in TRIAGE_ANSWERS[:3])
    whole = 0 if any(s.hidden for s in shown) else answered + data["none"]
    svg = hbars(words, rows, whole, ORANGE, "triage", heading)
    if answered == 0:
        caption = words("triage.nobody")
    elif any(s.hidden for s in shown[:3]) or answered < words.min_count:
        caption = words("triage.few")
    else:
        wrong = data["should_be_urgent"] + data["should_not_be_urgent"]
        caption = words("triage.found", wrong=words.number(wrong),
                        answered=words.number(answered),
                        pct=words.percent(wrong, answered))
    return _figure_block(heading, svg, escape(caption), words("triage.note"))


def _questions_section(words: Words, figures: Mapping[str, Any]) -> str:
    """Questions asked outside opening hours (``questions`` in the stats): how many, answered,
    read, how soon, and at what hour they were asked."""
    data = figures.get("questions")
    if not isinstance(data, dict) or not isinstance(data.get("by_hour"), list) or not all(
            isinstance(data.get(k), int) for k in ("asked", "answered", "read")):
        return _extra_section(words, figures, "questions")
    heading = words("questions.chart")
    asked, answered, read = (Shown(words, f"questions.{k}", data[k],
                                   0 < data[k] < words.min_count)
                             for k in ("asked", "answered", "read"))
    hours = _group(words, [(f"questions.by_hour.{h}", int(v))
                           for h, v in enumerate(data["by_hour"])])
    rows = [(words.hours(h, h), s) for h, s in enumerate(hours) if s.value or s.hidden]
    svg = hbars(words, rows, 0, ORANGE, "questions", heading) if rows else ""
    sentences = [words("questions.asked", asked=asked.span())]
    share = answered.share(data["asked"])
    if share:
        sentences.append(words("questions.answered", share=share))
    spread = data.get("first_answer_s") or {}
    if data["answered"] >= words.min_count and spread.get("median") is not None:
        figure = _figure("questions.first_answer_s.median", spread["median"], False)
        median_span = f"<span{figure}>{escape(format_duration(spread['median']))}</span>"
        sentences.append(words("questions.first", median=median_span,
                               p90=escape(format_duration(spread.get("p90")))))
    read_share = read.share(data["answered"])
    if read_share:
        sentences.append(words("questions.read", share=read_share))
    caption = " ".join(sentences)
    if not rows:
        return (f'<figure class="chart"><h3>{escape(heading)}</h3>'
                f'<p class="finding">{caption}</p></figure>')
    return _figure_block(heading, svg, caption, words("questions.note"))


def _leaves(data: Any, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(data, bool):
        return
    if isinstance(data, int):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, f"{path}.{index}")


def render_report(figures: Mapping[str, Any], previous: Mapping[str, Any] | None,
                  context: ReportContext, made: date) -> str:
    """The whole report as one HTML document (see the module docstring)."""
    w = Words(context.lang, context.min_count)
    since = date.fromisoformat(figures["period"]["since"])
    until = date.fromisoformat(figures["period"]["until"])
    timezone = figures["period"]["timezone"]
    title = w("doc.title", period=_period_name(w, since, until))
    pages = [
        (w("demand.title"), _demand_page(w, figures, context)),
        (w("weeks.title"), _weeks_page(w, figures, previous, context)),
        (w("wait.title"), _waiting(w, figures, context)),
        (w("who.title"), _who_page(w, figures)),
        (w("topics.title"), _topics_page(w, figures, context)),
        (w("feedback.title"), _feedback_page(w, figures)),
        (w("method.title"), _method_page(w, timezone, context)),
    ]
    made_line = escape(w("doc.generated", date=made.isoformat(), timezone=timezone))
    body = []
    for number, (heading, content) in enumerate(pages, start=1):
        footer = (f"<span>{escape(title)}</span><span>{made_line}</span>"
                  f"<span>{escape(w('doc.page', n=number, total=len(pages)))}</span>")
        section = _page(heading, content, footer)
        if number == 1:
            section = section.replace("<h2>", f"<h1>{escape(title)}</h1><p class=\"lead\">"
                                      f"{escape(w('doc.subtitle'))}</p><h2>", 1)
        body.append(section)
    return (f'<!DOCTYPE html><html lang="{context.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            f"style-src 'unsafe-inline'; img-src data:\">"
            f"<title>{escape(title)}</title><style>{_minify(CSS)}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")


def _demand_page(w: Words, figures: Mapping[str, Any], context: ReportContext) -> str:
    """Key figures, then the two weekday × hour heat maps with the opening hours outlined."""
    totals = _totals(w, figures)
    conversations = figures["totals"]["conversations"]
    keys = [(totals["conversations"].span(), w("key.started")),
            (totals["answered"].span(), w("key.answered") + _pct(totals["answered"],
                                                                   conversations)),
            (totals["abandoned"].span(), w("key.abandoned") + _pct(totals["abandoned"],
                                                                     conversations)),
            (totals["closed_visits"].span(), w("key.closed_visits")),
            (_wait_text(w, figures["wait_s"], "median"), w("key.wait"))]
    key_html = '<div class="keys">' + "".join(
        f"<div><b>{value}</b><small>{escape(label)}</small></div>" for value, label in keys
    ) + "</div>"
    return (
        f'<h3>{escape(w("key.title"))}</h3>{key_html}'
        + _figure_block(w("demand.chats"), heatmap(w, figures, "conversations", context, BLUE,
                                                   "hm-c"), chats_caption(w, figures))
        + _figure_block(w("demand.closed"),
                        heatmap(w, figures, "closed_visits", context, ORANGE, "hm-v"),
                        demand_caption(w, figures),
                        w("demand.legend") + " " + w("doc.hatched", min=context.min_count))
    )


def _weeks_page(w: Words, figures: Mapping[str, Any], previous: Mapping[str, Any] | None,
                context: ReportContext) -> str:
    """The weekly bars, then this period's totals beside the period before."""
    totals = _totals(w, figures)
    conversations = figures["totals"]["conversations"]
    sentences = []
    now_text = totals["conversations"].span()
    if conversations == 0:
        sentences.append(w("weeks.none"))
    elif previous is not None:
        before = previous["totals"]["conversations"]
        before_shown = Shown(w, "previous:totals.conversations", before,
                             0 < before < w.min_count)
        diff = conversations - before
        if totals["conversations"].hidden or before_shown.hidden:
            sentences.append(w("weeks.plain", now=now_text))
        elif before == 0:
            sentences.append(w("weeks.first", now=now_text))
        elif diff > 0:
            sentences.append(w("weeks.more", now=now_text, diff=w.number(diff),
                               before=before_shown.span()))
        elif diff < 0:
            sentences.append(w("weeks.fewer", now=now_text, diff=w.number(-diff),
                               before=before_shown.span()))
        else:
            sentences.append(w("weeks.same", now=now_text))
    else:
        sentences.append(w("weeks.plain", now=now_text))
    share = totals["answered"].share(conversations)
    if share:
        sentences.append(w("weeks.answered_share", pct=share))
    if figures["weeks"]:
        busiest = max(figures["weeks"], key=lambda wk: wk["conversations"])
        if len(figures["weeks"]) > 1 and busiest["conversations"] >= w.min_count:
            sentences.append(w("weeks.busiest", week=busiest["week"].split("-W")[1].lstrip("0"),
                               count=w.number(busiest["conversations"])))
    return (_figure_block("", week_bars(w, figures), " ".join(sentences),
                          w("doc.hatched", min=context.min_count))
            + _comparison(w, figures, previous))


def _who_page(w: Words, figures: Mapping[str, Any]) -> str:
    """Who writes (the role) and in which language, as shares of all conversations."""
    conversations = figures["totals"]["conversations"]
    who_svg, who = _count_chart(w, figures, "who", "people", conversations, "who",
                                   w("who.chart"))
    lang_svg, lang = _count_chart(w, figures, "language", "lang", conversations, "lang",
                                  w("lang.chart"))
    return (_figure_block(w("who.chart"), who_svg,
                          _top_caption(w, who, conversations, "who.top", "people"))
            + _figure_block(w("lang.chart"), lang_svg,
                            _top_caption(w, lang, conversations, "lang.top", "lang")))


def _topics_page(w: Words, figures: Mapping[str, Any], context: ReportContext) -> str:
    """The ten most frequent topics and referrals (a conversation may have several)."""
    conversations = figures["totals"]["conversations"]
    out = []
    for section, chart, scale, names in (("tags", "topics", BLUE, None),
                                         ("referrals", "referrals", ORANGE,
                                          context.referral_names)):
        svg, shown = _count_chart(w, figures, section, None, conversations, section,
                                  w(f"{chart}.chart"), top=TOP, total_published=False,
                                  scale=scale, names=names)
        if not shown:
            out.append(f'<figure class="chart"><h3>{escape(w(f"{chart}.chart"))}</h3>'
                       f'<p class="finding">{escape(w(f"{chart}.none"))}</p></figure>')
            continue
        first = shown[0]
        key = first.path.split(".", 1)[1]
        if first.hidden:
            caption = escape(w("topics.few", min=w.min_count))
        elif section == "tags":
            caption = w("topics.top", name=escape(key),
                        share=first.share(conversations) or first.span())
        else:
            caption = w("referrals.top", name=escape((names or {}).get(key, key)),
                        count=first.span())
        out.append(_figure_block(w(f"{chart}.chart"), svg, caption))
    return "".join(out)


def _feedback_page(w: Words, figures: Mapping[str, Any]) -> str:
    """The feedback answers, triage checks and questions outside hours."""
    answers = sum(figures["feedback"].get(k, 0) for k in ("yes", "partly", "no"))
    svg, shown = _count_chart(w, figures, "feedback", "feedback",
                              sum(figures["feedback"].values()), "fb", w("feedback.chart"),
                              base_published=False)
    yes = next(s for s in shown if s.path == "feedback.yes")
    if answers == 0:
        caption = w("feedback.nobody")
    elif any(s.hidden for s in shown if not s.path.endswith(".none")):
        # How many answered would reveal a hidden count: say only how many said yes.
        caption = w("feedback.yes_only", yes=yes.span())
    else:
        answered_text = w.fewer if answers < w.min_count else w.number(answers)
        yes_text = yes.span() + (f" ({yes.share(answers)})" if yes.share(answers) else "")
        caption = w("feedback.found", answered=answered_text, yes=yes_text)
    return (_figure_block(w("feedback.chart"), svg, caption)
            + _triage_section(w, figures) + _questions_section(w, figures))


def _method_page(w: Words, timezone: str, context: ReportContext) -> str:
    """What is counted, what is never stored, the retention period, the small-number rule."""
    method = "".join(f"<p>{escape(text)}</p>" for text in (
        w("method.counted", timezone=timezone), w("method.closed"),
        w("method.never"), w("method.retention", days=context.retention_days),
        w("method.small", min=context.min_count), w("method.source")))
    return f'<div class="method">{method}</div>'


def _minify(css: str) -> str:
    return " ".join(line.strip() for line in css.strip().splitlines())


def _pct(shown: Shown, whole: int) -> str:
    share = shown.share(whole)
    return f" ({share})" if share else ""


def _top_caption(words: Words, shown: list[Shown], whole: int, key: str, prefix: str) -> str:
    """"Most who wrote were relatives (58 %)": the largest shown group other than unknown."""
    candidates = [s for s in shown if not s.hidden and s.value > 0 and
                  not s.path.endswith(".unknown")]
    if not candidates:
        return ""
    top = max(candidates, key=lambda s: s.value)
    label = words(f"{prefix}.{top.path.split('.', 1)[1]}")
    share = top.share(whole) or top.text
    return escape(words(key, **{"who" if prefix == "people" else "lang": label,
                                "share": share}))


def _comparison(words: Words, figures: Mapping[str, Any],
                previous: Mapping[str, Any] | None) -> str:
    """This period's totals beside the period before, with the change."""
    now = _totals(words, figures)
    before = _totals(words, previous, "previous:") if previous else None
    rows = [("conversations", words("key.started")), ("answered", words("key.answered")),
            ("abandoned", words("key.abandoned")), ("closed_visits", words("key.closed_visits"))]
    if previous:
        heading_before = words("weeks.col.before", since=previous["period"]["since"],
                               until=previous["period"]["until"])
    else:
        heading_before = words("weeks.col.before", since="–", until="–")
    out = [f'<figure class="chart"><h3>{escape(words("weeks.compare"))}</h3><table><thead><tr>'
           f'<th>{escape(words("weeks.col.figure"))}</th><th>{escape(words("weeks.col.now"))}'
           f'</th><th>{escape(heading_before)}</th><th>{escape(words("weeks.col.change"))}</th>'
           f"</tr></thead><tbody>"]
    whole_now = figures["totals"]["conversations"]
    whole_before = previous["totals"]["conversations"] if previous else 0
    for key, label in rows:
        a = now[key]
        cell_now = a.span() + (_pct(a, whole_now) if key in ("answered", "abandoned") else "")
        if before is None:
            cell_before, change = "–", "–"
        else:
            b = before[key]
            cell_before = b.span() + (_pct(b, whole_before)
                                      if key in ("answered", "abandoned") else "")
            change = "–" if a.hidden or b.hidden else _signed(words, a.value - b.value)
        out.append(f"<tr><td>{escape(label)}</td><td>{cell_now}</td><td>{cell_before}</td>"
                   f"<td>{change}</td></tr>")
    for key, label in (("median", words("key.wait")), ("p90", words("weeks.row.p90"))):
        cell_before = _wait_text(words, previous["wait_s"], key, "previous:") if previous \
            else "–"
        out.append(f"<tr><td>{escape(label)}</td><td>{_wait_text(words, figures['wait_s'], key)}"
                   f"</td><td>{cell_before}</td><td>–</td></tr>")
    out.append("</tbody></table></figure>")
    return "".join(out)


def _signed(words: Words, value: int) -> str:
    if value > 0:
        return "+" + words.number(value)
    if value < 0:
        return "−" + words.number(-value)
    return "0"


def _waiting(words: Words, figures: Mapping[str, Any], context: ReportContext) -> str:
    rows: list[dict[str, Any]] = figures.get("waits_by_hour", [])
    wait = figures["wait_s"]
    totals = _totals(words, figures)
    conversations = figures["totals"]["conversations"]
    if not rows:
        return f'<p class="missing">{escape(words("wait.none"))}</p>'
    answered = _group(words, [(f"waits_by_hour.{i}.answered", r["answered"])
                              for i, r in enumerate(rows)])
    left = _group(words, [(f"waits_by_hour.{i}.abandoned", r["abandoned"])
                          for i, r in enumerate(rows)])
    sentences = []
    if wait["count"] >= words.min_count and wait["median"] is not None:
        sentences.append(words("wait.spread", median=format_duration(wait["median"]),
                               p90=format_duration(wait["p90"])))
    abandoned = totals["abandoned"]
    share = abandoned.share(conversations)
    if share:
        sentences.append(words("wait.left", pct=share, count=abandoned.span(),
                               total=escape(words.number(conversations))))
    else:
        sentences.append(words("wait.left_count", count=abandoned.span(),
                               total=totals["conversations"].span()))
    medians = [(r["median"], r["hour"]) for r, s in zip(rows, answered, strict=True)
               if not s.hidden and r["median"] is not None]
    if len(medians) > 1 and max(medians)[0] > min(medians)[0]:
        sentences.append(words("wait.longest", hours=words.hours(max(medians)[1],
                                                                 max(medians)[1])))
    svg = wait_bars(words, rows, answered)
    table = [f'<table class="compact"><thead><tr><th>{escape(words("wait.hour"))}</th>'
             f'<th>{escape(words("wait.col.answered"))}</th>'
             f'<th>{escape(words("wait.col.left"))}</th>'
             f'<th>{escape(words("wait.col.share"))}</th>'
             f'<th>{escape(words("wait.median"))}</th><th>p90</th></tr></thead><tbody>']
    for i, row in enumerate(rows):
        a, lft = answered[i], left[i]
        share_left = lft.share(row["answered"] + row["abandoned"]) or "–"
        spread = []
        for measure in ("median", "p90"):
            value = row[measure]
            if value is None:
                spread.append(f"<td{_figure(f'waits_by_hour.{i}.{measure}', None, False)}>–</td>")
            elif a.hidden:
                spread.append(f"<td{_figure(f'waits_by_hour.{i}.{measure}', value, True)}>–</td>")
            else:
                spread.append(f"<td{_figure(f'waits_by_hour.{i}.{measure}', value, False)}>"
                              f"{escape(format_duration(value))}</td>")
        table.append(f"<tr><td>{words.hours(row['hour'], row['hour'])}</td><td>{a.span()}</td>"
                     f"<td>{lft.span()}</td><td>{share_left}</td>{''.join(spread)}</tr>")
    table.append("</tbody></table>")
    return _figure_block("", svg, " ".join(sentences),
                         words("doc.hatched", min=context.min_count)) + \
        f'<figure class="chart">{"".join(table)}</figure>'


__all__ = ["ReportContext", "previous_period", "render_report", "open_slots", "WEEKDAYS"]
