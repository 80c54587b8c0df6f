"""One-line summaries above and below the transcript: who the chat is with, and what is
happening now (typing, visitor left, urgent)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from console import triage
from console.i18n import t
from console.state import Chat
from console.widgets.queue import format_wait


class ChatHeader(Static):
    """Alias, language, role and state of the active chat; urgent reasons in red."""

    DEFAULT_CSS = """
    ChatHeader {
        height: auto;
        padding: 0 1;
        background: $panel;
        text-style: bold;
    }
    """

    def show(self, chat: Chat | None) -> None:
        text = Text(no_wrap=False)
        if chat is None:
            text.append(t("app.title"))
        elif chat.is_room:
            text.append(t("header.room"))
        else:
            text.append(chat.alias)
            details = [chat.lang or "?", t(f"role.{chat.role}") if chat.role else
                       t("role.unknown")]
            text.append("  " + " · ".join(details), style="not bold")
            if chat.org_name:  # another organisation's chat, taken while covering it
                text.append("  " + t("cover.for", org=chat.org_name), style="bold")
            if chat.readonly:
                text.append("  " + t("header.readonly",
                                     staff=chat.staff_name or chat.staff or "?"),
                            style="italic not bold")
            if chat.urgent:
                reasons = triage.verdict(True, chat.reasons, chat.marked_by) or "!"
                text.append("  " + t("header.urgent", reasons=reasons), style="bold red")
            elif chat.marked_by:
                text.append("  " + triage.verdict(False, (), chat.marked_by),
                            style="italic not bold")
        self.update(text)


class ChatStatus(Static):
    """What is happening in the active chat: the visitor typing, or having left."""

    DEFAULT_CSS = """
    ChatStatus {
        height: 1;
        padding: 0 1;
        color: $text-muted;
        &.-left { background: $warning-muted; color: $text; text-style: bold; height: auto; }
    }
    """

    def show(self, chat: Chat | None, clock: Callable[[], float]) -> None:
        left = chat is not None and chat.ended and not chat.is_room
        layout = left != self.has_class("-left")  # one row, unless the banner shows
        self.set_class(left, "-left")
        if chat is None or chat.is_room:
            text = Text("")
        elif left:
            text = Text(t("header.left"))
        elif chat.visitor_typing(clock()):
            text = Text(t("header.typing", alias=chat.alias), style="italic")
        else:
            text = Text(t("header.duration", wait=format_wait(clock() - chat.created_at))
                        if chat.created_at else "")
        self.update(text, layout=layout)
