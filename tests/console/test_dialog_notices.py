"""Notifications never cover a dialog: raised while one is open, they wait until it closes
(a "new visitor" toast hid the close dialog's title and its "still in the chat" warning)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets._toast import Toast

from console.app import LotsenConsole
from console.screens.dialogs import CloseDialog
from console.screens.main import MainScreen
from relay.server import Relay
from tests.console.conftest import claimed_chat, console_for, wait_for
from tests.support import Client


def _toasts(app: LotsenConsole) -> list[str]:
    """The texts of the toasts on the screen now."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def test_a_new_visitor_notice_waits_until_the_close_dialog_is_closed(
        relay: Relay) -> None:
    """With the close dialog open, a new visitor's notice is not drawn over it; it shows (for
    its full time) once the dialog is closed."""
    app = console_for(relay, lang="sv")
    pilot: Pilot[Any]
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
        visitor, _ = await claimed_chat(app, pilot, relay, "Hej")
        await wait_for(pilot, lambda: not _toasts(app) and not app._notifications,
                       timeout=15, what="earlier notices gone")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseDialog), what="dialog")
        second = await Client.visitor(relay.port)
        await second.say("Är det någon där?")
        await wait_for(pilot, lambda: app.state.queue, what="second visitor queued")
        await pilot.pause(0.5)
        assert _toasts(app) == []
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="dialog closed")
        await wait_for(pilot, lambda: any("Besökare" in text for text in _toasts(app)),
                       what="the held notice")
        await visitor.close()
        await second.close()
