"""The transcript of the active chat: a virtualised view that renders only the visible rows.

Lines are laid out (wrapped) once per chat and width, and the layout is kept per chat, so
switching between open chats costs nothing and a new line costs one wrap. Rows are plain
strings until they scroll into view; ``render_line`` styles them then. This is what keeps a
5,000-line transcript fast (bench/bench_console.py measures it).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import datetime, tzinfo
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from console.i18n import t
from console.state import FAILED, PENDING, SENT, STORED, Chat, ChatKey, Line

_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 control characters (escape sequences)
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"  # soft hyphen, joiners, ALM, fillers
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f"  # zero-width, LRM/RLM, separators, bidi
    "\u3164\ufe00-\ufe0e\ufeff\uffa0\ufff9-\ufffb"  # fillers, variation selectors, BOM
    "\U000e0000-\U000e007f]"  # tag characters
)
"""Characters a visitor could use to mess with the terminal or hide text: control characters,
bidi overrides and marks, line and paragraph separators, zero-width and other invisible
characters, tag characters. ``clean`` shows each as a visible "�" so nothing can be hidden in a
line or make it look like a header (VS16, the emoji presentation selector, stays)."""

SELFTEST = re.compile(r"\[[A-Z][A-Z0-9-]{0,15} \d{1,3}/\d{1,3}\] ")
"""How a visitor's shared self-test result starts, e.g. "[AUDIT 9/40] " (widget-selftest.src.js).
It is the visitor's own line, typed or shared: shown distinctly, trusted no more than any line."""

HEADER, BODY, SYSTEM, BLANK = 0, 1, 2, 3
BAR = "▌ "
DELIVERY_MARK = {PENDING: "○", SENT: "✓", STORED: "✓✓", FAILED: "✗"}


def clean(text: str) -> str:
    """Text safe to put on a terminal: tabs as spaces, control characters replaced."""
    return _CONTROL.sub("�", text.replace("\t", "    ").replace("\r", ""))


def _single_width(text: str) -> bool:
    """Every character one cell wide: true of all Latin text (below U+0300, no combining marks)."""
    return not text or max(text) < "\u0300"


def _wrap_single_width(paragraph: str, width: int, rows: list[str]) -> None:
    """Wrap text whose every character is one cell wide (nearly all text): string ops only."""
    while len(paragraph) > width:
        cut = paragraph.rfind(" ", 0, width + 1)
        if cut <= 0:
            rows.append(paragraph[:width])
            paragraph = paragraph[width:]
        else:
            rows.append(paragraph[:cut])
            paragraph = paragraph[cut + 1:]
    rows.append(paragraph)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal cells; words longer than a row are split."""
    width = max(width, 4)
    rows: list[str] = []
    for paragraph in text.split("\n"):
        if _single_width(paragraph):
            _wrap_single_width(paragraph, width, rows)
            continue
        if cell_len(paragraph) <= width:
            rows.append(paragraph)
            continue
        row, row_width = "", 0
        for word in paragraph.split(" "):
            word_width = cell_len(word)
            if row_width and row_width + 1 + word_width <= width:
                row, row_width = f"{row} {word}", row_width + 1 + word_width
                continue
            if row_width:
                rows.append(row)
            while word_width > width:
                cut = width
                while cell_len(word[:cut]) > width:
                    cut -= 1
                rows.append(word[:cut])
                word = word[cut:]
                word_width = cell_len(word)
            row, row_width = word, word_width
        rows.append(row)
    return rows


class _Layout:
    """The wrapped rows of one chat at one width."""

    __slots__ = ("width", "rows", "starts", "version")

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[tuple[Line, int, str]] = []
        self.starts: list[int] = []
        self.version = -1


class TranscriptView(ScrollView, can_focus=True):
    """The lines of one chat: visitor, staff, notes, whispers and notices, each distinct."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "transcript--visitor",
        "transcript--staff",
        "transcript--mine",
        "transcript--note",
        "transcript--whisper",
        "transcript--system",
        "transcript--room",
        "transcript--meta",
        "transcript--failed",
        "transcript--placeholder",
        "transcript--selftest",
    }

    DEFAULT_CSS = """
    TranscriptView {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .transcript--visitor { color: $text-accent; text-style: bold; }
        & > .transcript--staff { color: $text-success; text-style: bold; }
        & > .transcript--mine { color: $text-success; text-style: bold; }
        & > .transcript--note { color: $text-warning; text-style: bold; }
        & > .transcript--whisper { color: $text-secondary; text-style: bold; }
        & > .transcript--room { color: $text-primary; text-style: bold; }
        & > .transcript--system { color: $text-muted; text-style: italic; }
        & > .transcript--meta { color: $text-muted; }
        & > .transcript--failed { color: $text-error; text-style: bold; }
        & > .transcript--placeholder { color: $text-muted; }
        & > .transcript--selftest { color: $text-accent; text-style: bold reverse; }
    }
    """

    def __init__(self, *, timezone: tzinfo | None = None, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.timezone = timezone
        self.chat: Chat | None = None
        self.placeholder = ""
        self._layouts: OrderedDict[ChatKey, _Layout] = OrderedDict()
        self._strips: LRUCache[int, Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}
        self._today = ""

    # -- what to show ------------------------------------------------------------------------

    @property
    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - len(BAR), 10)

    def show(self, chat: Chat | None, placeholder: str = "") -> None:
        """Switch to ``chat`` (kept layouts make this instant) or to a placeholder text."""
        self.chat = chat
        self.placeholder = placeholder
        self._strips.clear()
        self._sync_layout()
        self.scroll_end(animate=False, immediate=True, x_axis=False)
        self.refresh()

    def lines_changed(self, chat: Chat, first: int) -> None:
        """Lines of ``chat`` from index ``first`` on changed (usually: one was appended).

        Every open chat's layout is kept current as lines arrive, not only the visible one's,
        so that switching to a chat never has to wrap thousands of lines at once.
        """
        if not chat.has_transcript or not self.size.width:
            return
        width = self._text_width
        layout = self._layouts.get(chat.key)
        if layout is None or layout.width != width:
            layout = self._layout_for(chat.key, width)
            first = 0
        at_end = self.is_vertical_scroll_end or self.max_scroll_y == 0
        start_row = self._truncate(layout, first)
        self._extend(layout, chat)
        if chat is not self.chat:
            return
        self._strips.clear()
        self._set_virtual_size(Size(width, len(layout.rows)))
        if at_end:
            self.scroll_end(animate=False, immediate=True, x_axis=False)
        if start_row < self.scroll_y + self.size.height:
            self.refresh()

    def _layout_for(self, key: ChatKey, width: int) -> _Layout:
        layout = _Layout(width)
        self._layouts[key] = layout
        self._layouts.move_to_end(key)
        while len(self._layouts) > 32:
            self._layouts.popitem(last=False)
        return layout

    def forget(self, key: ChatKey) -> None:
        self._layouts.pop(key, None)

    def row_of_latest(self) -> tuple[int, Line] | None:
        """The row and line of the newest line in the active chat (for the benchmark)."""
        layout = self._layouts.get(self.chat.key) if self.chat else None
        if not layout or not layout.rows:
            return None
        return layout.starts[-1], layout.rows[layout.starts[-1]][0]

    # -- layout ----------------------------------------------------------------------------

    def _truncate(self, layout: _Layout, first: int) -> int:
        first = max(0, min(first, len(layout.starts)))
        row = layout.starts[first] if first < len(layout.starts) else len(layout.rows)
        del layout.rows[row:]
        del layout.starts[first:]
        return row

    def _extend(self, layout: _Layout, chat: Chat) -> None:
        width = layout.width
        rows, starts = layout.rows, layout.starts
        for line in chat.lines[len(starts):]:
            starts.append(len(rows))
            if line.kind == "system":
                rows.append((line, SYSTEM, ""))
                continue
            rows.append((line, HEADER, ""))
            for row in wrap(clean(line.text), width):
                rows.append((line, BODY, row))
        layout.version = chat.version

    def _sync_layout(self) -> None:
        chat = self.chat
        if chat is None or not chat.has_transcript:
            self._set_virtual_size(Size(0, 0))
            return
        width = self._text_width
        layout = self._layouts.get(chat.key)
        if layout is None or layout.width != width:
            layout = self._layout_for(chat.key, width)
        self._layouts.move_to_end(chat.key)
        if len(layout.starts) > len(chat.lines) or (
                len(layout.starts) == len(chat.lines) and layout.version != chat.version):
            self._truncate(layout, 0)  # changed without telling us: lay out again
        self._extend(layout, chat)
        self._set_virtual_size(Size(width, len(layout.rows)))

    def _set_virtual_size(self, size: Size) -> None:
        """Change the scrollable size without a layout pass of the whole screen.

        Assigning ``virtual_size`` re-lays out the screen (a full repaint) on every new line;
        this widget's own box does not change, so only its scrollbar needs to know. When the
        scrollbar appears or disappears, ``_scroll_update`` asks for the layout itself.
        """
        if size == self.virtual_size:
            return
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def on_resize(self) -> None:
        self._strips.clear()
        scrolled_to_end = self.is_vertical_scroll_end
        self._sync_layout()
        if scrolled_to_end:
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- rendering --------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"transcript--{name}", partial=True)
            self._styles[name] = style
        return style

    def _time(self, ts: float) -> str:
        moment = datetime.fromtimestamp(ts, self.timezone)
        return moment.strftime("%H:%M")

    def _author(self, line: Line) -> tuple[str, str]:
        """Who wrote a line, and the style name for it."""
        chat = self.chat
        if line.kind == "visitor":
            if SELFTEST.match(line.text):
                return f"{chat.alias if chat else '?'} · {t('line.selftest')}", "selftest"
            return (chat.alias if chat else "?"), "visitor"
        if line.kind == "note":
            return f"{t('line.note')} · {line.author or ''}", "note"
        if line.kind == "whisper":
            return f"{t('line.whisper')} · {line.author or ''}", "whisper"
        if line.kind == "room":
            name = line.author or "?"
            return (f"{name} ({t('line.you')})" if line.mine else name), "room"
        name = line.author or "?"
        if line.mine:
            return f"{name} ({t('line.you')})", "mine"
        return name, "staff"

    def _render_row(self, line: Line, kind: int, text: str) -> Strip:
        base = self.rich_style
        if kind == SYSTEM:
            message = t(line.text, **(line.args or {}))
            body = f"  — {self._time(line.ts)}  {message} —"
            return Strip([Segment(body, base + self._style("system"))], cell_len(body))
        who, style_name = self._author(line)
        bar_style = base + self._style(style_name)
        if kind == BODY:
            return Strip([Segment(BAR, bar_style), Segment(text, base)],
                         len(BAR) + cell_len(text))
        meta = base + self._style("meta")
        segments = [Segment(BAR, bar_style), Segment(self._time(line.ts), meta),
                    Segment("  "), Segment(who, bar_style)]
        length = len(BAR) + 5 + 2 + cell_len(who)
        if line.mine and line.delivery:
            mark = f"  {DELIVERY_MARK.get(line.delivery, '')} {t('delivery.' + line.delivery)}"
            mark_style = self._style("failed") if line.delivery == FAILED else meta
            segments.append(Segment(mark, base + mark_style))
            length += cell_len(mark)
        return Strip(segments, length)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row_index = int(self.scroll_y) + y
        base = self.rich_style
        chat = self.chat
        layout = self._layouts.get(chat.key) if chat is not None else None
        if chat is None or layout is None or not chat.has_transcript:
            text = self.placeholder if y == 1 else ""
            strip = Strip([Segment("  " + text, base + self._style("placeholder"))])
            return strip.crop_extend(0, width, base)
        if row_index >= len(layout.rows):
            return Strip.blank(width, base)
        cached = self._strips.get(row_index)
        if cached is not None:
            return cached
        line, kind, text = layout.rows[row_index]
        strip = self._render_row(line, kind, text).crop_extend(0, width, base)
        self._strips[row_index] = strip
        return strip
