"""The queue pane: waiting visitors in relay order, with ticking waits and urgent markers.

A virtualised list (two rows per visitor, only visible rows are rendered), so a queue of a
thousand costs the same to paint as a queue of three. Waits are computed at paint time, so
the once-a-second tick is just a repaint.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from console import triage
from console.i18n import t
from console.state import Waiting
from console.widgets.transcript import clean

ROWS_PER_ENTRY = 2


def format_wait(seconds: float) -> str:
    """A wait as m:ss, or h:mm:ss past an hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def format_ago(seconds: float) -> str:
    """How long ago, roughly: "40 s", "3 min", "2 h"."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return t("ago.seconds", n=seconds)
    if seconds < 3600:
        return t("ago.minutes", n=seconds // 60)
    return t("ago.hours", n=seconds // 3600)


def describe(entry: Waiting) -> str:
    """Language and who they write about, e.g. "sv · anhörig"."""
    parts = [entry.lang or "?"]
    if entry.role:
        parts.append(t(f"role.{entry.role}"))
    return " · ".join(parts)


class QueuePane(ScrollView, can_focus=True):
    """Waiting visitors: urgent first, then oldest first, exactly as the relay orders them."""

    BINDING_GROUP_TITLE = "queue"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "claim_chosen", "Take chosen", id="claim-chosen",
                tooltip="Answer the visitor highlighted in the queue."),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "queue--urgent",
        "queue--alias",
        "queue--wait",
        "queue--detail",
        "queue--cursor",
        "queue--empty",
        "queue--gone",
    }

    DEFAULT_CSS = """
    QueuePane {
        height: 1fr;
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .queue--urgent { color: $text-error; text-style: bold; }
        & > .queue--alias { text-style: bold; }
        & > .queue--wait { color: $text-warning; }
        & > .queue--detail { color: $text-muted; }
        & > .queue--cursor { background: $block-cursor-blurred-background; }
        & > .queue--empty { color: $text-muted; }
        & > .queue--gone { color: $text-warning; text-style: italic; }
        &:focus > .queue--cursor { background: $block-cursor-background;
                                   color: $block-cursor-foreground; }
    }
    """

    @dataclass
    class ClaimRequested(Message):
        """Staff chose a visitor to answer."""

        pane: QueuePane
        conversation: int

        @property
        def control(self) -> QueuePane:
            return self.pane

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the highlighted visitor."""

    def __init__(self, *, clock: Callable[[], float] = time.time, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.clock = clock
        self.entries: list[Waiting] = []
        self.more = 0
        """Visitors waiting beyond the entries the relay sent (it sends the head of the queue)."""
        self._styles: dict[str, Style] = {}

    # -- data ------------------------------------------------------------------------------

    def set_entries(self, entries: list[Waiting]) -> None:
        """Show a new queue, keeping the highlight on the same visitor if still waiting."""
        chosen = self.selected
        self.entries = entries
        size = Size(self.size.width, len(entries) * ROWS_PER_ENTRY + (1 if self.more > 0 else 0))
        if size != self.virtual_size:  # no screen layout: only the scrollbar changes
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        if chosen is not None:
            for index, entry in enumerate(entries):
                if entry.conversation == chosen.conversation:
                    self.set_reactive(QueuePane.cursor, index)
                    break
            else:
                self.set_reactive(QueuePane.cursor, min(self.cursor, max(len(entries) - 1, 0)))
        self.refresh()

    @property
    def selected(self) -> Waiting | None:
        if 0 <= self.cursor < len(self.entries):
            return self.entries[self.cursor]
        return None

    def longest_wait(self) -> float:
        if not self.entries:
            return 0.0
        return self.clock() - min(e.since for e in self.entries)

    # -- actions ------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.entries) - 1)) if self.entries else 0

    def watch_cursor(self) -> None:
        top = self.cursor * ROWS_PER_ENTRY
        self.scroll_to_region_rows(top, ROWS_PER_ENTRY)
        self.refresh()

    def scroll_to_region_rows(self, top: int, height: int) -> None:
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + height > self.scroll_y + self.size.height:
            self.scroll_to(y=top + height - self.size.height, animate=False)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_cursor_to(self, index: int) -> None:
        self.cursor = index if index >= 0 else len(self.entries) - 1

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height // ROWS_PER_ENTRY)

    def action_claim_chosen(self) -> None:
        entry = self.selected
        if entry is not None:
            self.post_message(self.ClaimRequested(self, entry.conversation))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "claim_chosen":
            return True if self.entries and self.app_connected() else None
        return True

    def app_connected(self) -> bool:
        return bool(getattr(self.app, "connected", True))

    async def _on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // ROWS_PER_ENTRY
        if 0 <= index < len(self.entries):
            self.cursor = index
            if event.chain >= 2:
                self.action_claim_chosen()

    # -- rendering -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"queue--{name}", partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = int(self.scroll_y) + y
        if not self.entries:
            text = f" {t('queue.empty')}" if y == 0 else ""
            return Strip([Segment(text, base + self._style("empty"))]).crop_extend(
                0, width, base)
        index, part = divmod(row, ROWS_PER_ENTRY)
        if index >= len(self.entries):
            if self.more > 0 and row == len(self.entries) * ROWS_PER_ENTRY:
                text = f"  {t('queue.more', count=self.more)}"
                return Strip([Segment(text, base + self._style("empty"))]).crop_extend(
                    0, width, base)
            return Strip.blank(width, base)
        entry = self.entries[index]
        if index == self.cursor:
            base = base + self._style("cursor")
        if part == 0:
            # ○: the visitor's connection is gone (the relay keeps the place a while)
            marker = "!" if entry.urgent else "○" if entry.gone_since is not None else "●"
            marker_style = self._style("urgent") if entry.urgent else self._style("detail")
            wait = format_wait(self.clock() - entry.since)
            alias = clean(entry.alias)
            room = width - 2 - len(wait) - 1
            if cell_len(alias) > room:
                alias = alias[:max(room, 1)]
            gap = max(1, width - 2 - cell_len(alias) - len(wait))
            segments = [Segment(f"{marker} ", base + marker_style),
                        Segment(alias, base + self._style("alias")),
                        Segment(" " * gap, base),
                        Segment(wait, base + self._style("wait"))]
        else:
            detail = describe(entry)
            if entry.org_name:  # another organisation's visitor, covered by this one's staff
                detail = f"{t('cover.for', org=clean(entry.org_name))} · {detail}"
            if entry.urgent:
                detail = f"{t('queue.urgent')} · {detail}"
            if entry.marked_by:  # a colleague's verdict, kept by the relay over triage's
                detail = f"{triage.verdict(entry.urgent, (), entry.marked_by)} · {detail}"
            preview = clean(entry.preview).replace("\n", " ")
            text = f"  {detail} · {preview}"
            style = self._style("urgent") if entry.urgent and not preview else \
                self._style("detail")
            segments = [Segment(text, base + style)]
            if entry.gone_since is not None:
                gone = t("queue.gone", ago=format_ago(self.clock() - entry.gone_since))
                segments = [Segment(f"  {gone} · ", base + self._style("gone")),
                            Segment(f"{detail} · {preview}", base + style)]
        return Strip(segments).crop_extend(0, width, base)
