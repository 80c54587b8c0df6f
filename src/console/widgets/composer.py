"""The composer: a multi-line text area where Enter sends and Ctrl+J (or Shift/Alt+Enter)
starts a new line. Its text is the active chat's draft; the screen swaps drafts on switch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea

from relay.protocol import MAX_TEXT_CHARS

NEWLINE_KEYS = ("ctrl+j", "shift+enter", "alt+enter")


class Composer(TextArea):
    """Where staff write replies, notes, whispers and staff-room lines."""

    BINDING_GROUP_TITLE = "composer"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Send", id="send", show=False,
                tooltip="Send the line (Enter)."),
        Binding(",".join(NEWLINE_KEYS), "newline", "New line", id="newline", show=False,
                tooltip="New line in the composer."),
    ]

    DEFAULT_CSS = """
    Composer {
        height: auto;
        min-height: 3;
        max-height: 10;
        border: round $primary 60%;
        &:focus { border: round $primary; }
        &.-note { border: round $warning; background: $warning-muted 40%; }
        &.-whisper { border: round $secondary; }
        &.-room { border: round $accent; }
    }
    """

    @dataclass
    class Submitted(Message):
        """Enter was pressed: the screen decides whether to send or expand a canned reply."""

        composer: Composer
        text: str

        @property
        def control(self) -> Composer:
            return self.composer

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, soft_wrap=True, tab_behavior="focus",
                         show_line_numbers=False, highlight_cursor_line=False)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_submit()

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.text))

    def action_newline(self) -> None:
        if self.read_only:
            return
        start, end = self.selection
        self._replace_via_keyboard("\n", start, end)

    def set_draft(self, text: str) -> None:
        """Show a chat's draft, cursor at the end."""
        if text != self.text:
            self.load_text(text)
        self.move_cursor(self.document.end)

    def insert_text(self, text: str) -> None:
        """Insert at the cursor, on its own line if there is text already."""
        if self.read_only:
            return
        prefix = "\n" if self.text and not self.text.endswith("\n") else ""
        self.move_cursor(self.document.end)
        self.insert(prefix + text)
        self.focus()

    def update_counter(self) -> None:
        length = len(self.text)
        self.border_subtitle = f"{length}/{MAX_TEXT_CHARS}" if length > MAX_TEXT_CHARS * 0.8 \
            else ""
