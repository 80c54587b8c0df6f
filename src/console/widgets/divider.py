"""A one-column divider between panes; drag it with the mouse to resize the pane beside it."""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Static


class PaneDivider(Static):
    """Resizes ``target`` (the pane on the given side) when dragged."""

    DEFAULT_CSS = """
    PaneDivider {
        width: 1;
        height: 1fr;
        background: $panel;
        color: $foreground 30%;
        &:hover, &.-dragging { background: $primary 50%; }
    }
    """

    def __init__(self, target: str, *, side: str = "left", minimum: int = 16,
                 id: str | None = None) -> None:
        super().__init__("", id=id)
        self.target_id = target
        self.side = side
        self.minimum = minimum
        self._start: tuple[int, int] | None = None

    def _target(self) -> Widget:
        return self.screen.query_one(f"#{self.target_id}")

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._start = (event.screen_x, self._target().outer_size.width)
        self.capture_mouse()
        self.add_class("-dragging")

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._start = None
        self.release_mouse()
        self.remove_class("-dragging")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._start is None:
            return
        start_x, start_width = self._start
        delta = event.screen_x - start_x
        width = start_width + delta if self.side == "left" else start_width - delta
        limit = max(self.minimum, self.screen.size.width // 2)
        self._target().styles.width = max(self.minimum, min(width, limit))
