"""The list of open chats: own conversations, followed ones (supervisors) and the staff room.

Each row shows the alias, an unread count, and flags (urgent, visitor left, help wanted,
read-only). Choosing a row makes it the active chat.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from console.i18n import t
from console.state import ROOM, Chat, ChatKey


def option_id(key: ChatKey) -> str:
    return f"chat-{key}"


def key_of(option_id: str | None) -> ChatKey | None:
    if not option_id or not option_id.startswith("chat-"):
        return None
    raw = option_id[5:]
    if raw == ROOM or raw.startswith("q"):  # the staff room, or a question ("q3")
        return raw
    return int(raw)


class ChatList(OptionList):
    """Open chats with unread counts; the active one is marked."""

    DEFAULT_CSS = """
    ChatList {
        height: auto;
        max-height: 40%;
        border: none;
        padding: 0;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.keys: list[ChatKey] = []

    def set_chats(self, chats: list[Chat], room: Chat, active: ChatKey | None) -> None:
        """Rebuild the rows; cheap, because a person holds a handful of chats."""
        highlighted = self.highlighted
        current = self.keys[highlighted] if highlighted is not None and \
            highlighted < len(self.keys) else active
        ordered = [*chats, room]
        self.keys = [c.key for c in ordered]
        self.clear_options()
        self.add_options(Option(self._prompt(c, c.key == active), id=option_id(c.key))
                         for c in ordered)
        if current in self.keys:
            self.highlighted = self.keys.index(current)

    @staticmethod
    def _prompt(chat: Chat, active: bool) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("▶ " if active else "  ", style="bold")
        if chat.is_room:
            text.append(t("chats.room"), style="bold" if chat.unread else "")
        else:
            if chat.urgent:
                text.append("! ", style="bold red")
            text.append(chat.alias, style="bold" if chat.unread else "")
            if chat.org_name:  # another organisation's chat, taken while covering it
                text.append(f" · {t('cover.for', org=chat.org_name)}", style="dim")
            if chat.readonly:
                text.append(f" · {chat.staff_name or chat.staff or '?'}", style="dim")
                text.append(f" ({t('chats.following') if chat.following else t('chats.watch')})",
                            style="dim italic")
            if chat.help_wanted:
                text.append(f" ? {t('chats.help')}", style="bold yellow")
            if chat.ended:
                text.append(f" — {t('chats.left')}", style="italic yellow")
        if chat.unread:
            text.append(f" ({chat.unread})", style="bold reverse")
        return text
