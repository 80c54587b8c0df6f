"""The professionals' network screen: topic rooms shared with staff of other organisations.

Opened from the main screen (Alt+N) when the person's organisation is in the network (the relay
sent ``network_rooms``). Rooms on the left with their unread counts, the chosen room's lines
(author, organisation, time) on the right, live as they arrive, and a line to write in. Every
word comes from the console's catalog (console/i18n_network.py); others' text is shown
literally, never as markup, with control characters replaced.

The app hosts it with one line: pass each update that says ``network`` to
``NetworkScreen.deliver``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from console import i18n
from console.i18n import t
from console.keys import translate_bindings
from console.network import NetworkState
from console.session import ConsoleSession
from console.state import FAILED, PENDING
from console.widgets.transcript import clean
from relay import protocol


class NetworkScreen(Screen[None]):
    """The network's topic rooms, one at a time."""

    DEFAULT_CSS = """
    NetworkScreen { layout: vertical; }
    NetworkScreen #network-title { padding: 0 1; background: $primary-background; width: 1fr; }
    NetworkScreen #network-hint { padding: 0 1; color: $text-muted; width: 1fr; }
    NetworkScreen #network-rooms { width: 32; height: 1fr; }
    NetworkScreen #network-scroll { height: 1fr; padding: 0 1; }
    NetworkScreen #network-input { dock: bottom; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="network-close",
                tooltip="Back to the chats."),
        Binding("alt+n", "close", "Back", id="network-close-alt-n", show=False,
                tooltip="Back to the chats."),
    ]

    def __init__(self, session: ConsoleSession) -> None:
        super().__init__(id="network")
        self.session = session
        self.room: str | None = None

    @property
    def network(self) -> NetworkState:
        return self.session.state.network

    def compose(self) -> ComposeResult:
        yield Label(t("network.title"), id="network-title")
        yield Label(t("network.hint", days=self.network.retention_days or "?"),
                    id="network-hint")
        with Horizontal():
            yield OptionList(id="network-rooms")
            with Vertical():
                with VerticalScroll(id="network-scroll"):
                    yield Static(id="network-lines")
                yield Input(placeholder=t("network.placeholder"), id="network-input",
                            max_length=protocol.MAX_TEXT_CHARS)
        yield Footer()

    def on_mount(self) -> None:
        translate_bindings(self)
        rooms = list(self.network.rooms)
        self.room = rooms[0] if rooms else None
        self.network.read(self.room)
        self.refresh_network()
        self.query_one("#network-input", Input).focus()

    def on_unmount(self) -> None:
        self.network.read(None)

    # -- showing -------------------------------------------------------------------------------

    def refresh_network(self) -> None:
        """Show the rooms with their unread counts and the chosen room's lines."""
        lang = i18n.language()
        if self.room is not None:
            self.network.read(self.room)
        rooms = self.query_one("#network-rooms", OptionList)
        highlighted = rooms.highlighted
        rooms.clear_options()
        for view in self.network.rooms.values():
            label = Text(clean(view.name(lang)))
            if view.unread:
                label.append(f"  {t('network.unread', count=view.unread)}", style="bold")
            rooms.add_option(Option(label, id=view.id))
        if self.room in self.network.rooms:
            rooms.highlighted = list(self.network.rooms).index(self.room)
        elif highlighted is not None:
            rooms.highlighted = highlighted
        self.query_one("#network-lines", Static).update(self._lines())
        self.query_one("#network-scroll", VerticalScroll).scroll_end(animate=False)

    def _lines(self) -> Text:
        view = self.network.rooms.get(self.room or "")
        if view is None:
            return Text(t("network.none"))
        if not view.lines:
            return Text(t("network.empty", room=view.name(i18n.language())))
        out = Text()
        for line in view.lines:
            when = dt.datetime.fromtimestamp(line.ts).strftime("%Y-%m-%d %H:%M")
            out.append(f"{when}  ", style="dim")
            out.append(clean(line.name), style="bold")
            out.append(f" · {clean(line.organisation)}", style="italic")
            if line.delivery == PENDING:
                out.append(f"  {t('network.pending')}", style="dim")
            elif line.delivery == FAILED:
                out.append(f"  {t('network.failed')}", style="bold red")
            out.append("\n")
            out.append(clean(line.text))
            out.append("\n\n")
        return out

    @staticmethod
    def deliver(app: App[Any]) -> None:
        """The network changed: every open network screen shows it."""
        for screen in app.screen_stack:
            if isinstance(screen, NetworkScreen):
                screen.refresh_network()

    # -- acting --------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#network-rooms")
    def _room_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.room:
            self.room = event.option.id
            self.refresh_network()

    @on(Input.Submitted, "#network-input")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text or self.room is None:
            return
        if not self.session.send_network(self.room, text):
            self.notify(t("notice.offline"), severity="warning")
        event.input.value = ""
        self.refresh_network()

    def action_close(self) -> None:
        self.dismiss(None)
