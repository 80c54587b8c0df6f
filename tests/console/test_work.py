"""The console against a real relay on loopback: queue, claim, reply, notes, transfer, close."""

from __future__ import annotations

from console.screens.main import MainScreen
from console.state import STORED
from console.widgets.composer import Composer
from relay.server import Relay
from tests.console.conftest import console_for, wait_for
from tests.support import Client


async def test_log_in_claim_and_reply_reaches_the_visitor(relay: Relay) -> None:
    """Staff log in, see a visitor arrive in the queue, claim them and the reply arrives."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
        visitor = await Client.visitor(relay.port, lang="sv", role="relative")
        await visitor.say("Hej, jag är orolig för min pappa som dricker.")
        await wait_for(pilot, lambda: len(app.state.queue) == 1, what="queued visitor")
        assert app.state.queue[0].preview.startswith("Hej, jag är orolig")

        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
        chat = app.state.active_chat()
        assert chat is not None and [ln.text for ln in chat.lines] == [
            "Hej, jag är orolig för min pappa som dricker."]
        await visitor.expect("claimed")

        app.screen.query_one(Composer).focus()
        await pilot.press(*"Hej!")
        await pilot.press("enter")
        line = await visitor.expect("message", kind="staff")
        assert line["text"] == "Hej!"
        await wait_for(pilot, lambda: chat.lines[-1].delivery == STORED, what="ack")
        assert app.screen.query_one(Composer).text == ""
        await visitor.close()
