"""Staff have the last word on triage (issue 11), in the console against a real relay."""

from __future__ import annotations

import asyncio

from textual.widgets import OptionList, RadioSet, Static

from console.screens.dialogs import CloseDialog
from console.screens.main import MainScreen
from console.widgets.header import ChatHeader
from console.widgets.queue import QueuePane
from relay.config import RelayConfig
from relay.server import Relay
from relay.triage import default_triage
from tests.console.conftest import claimed_chat, console_for, wait_for
from tests.support import Client


async def test_one_key_marks_a_queued_chat_urgent_for_everyone(relay: Relay,
                                                               config: RelayConfig) -> None:
    """F6 on a visitor highlighted in the queue makes it urgent at the relay: it moves first,
    colleagues see who marked it, and the audit log has it."""
    relay.triage = default_triage(config)
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
        bo = await Client.staff(relay.port, "bo")
        first = await Client.visitor(relay.port, lang="sv")
        await first.say("Hej, när har ni öppet?")
        second = await Client.visitor(relay.port, lang="sv")
        await second.say("det är konstigt hemma idag")
        await wait_for(pilot, lambda: len(app.state.queue) == 2, what="two waiting")
        assert not any(w.urgent for w in app.state.queue)
        target = app.state.queue[1].conversation
        app.screen.query_one(QueuePane).focus()
        await pilot.press("down")
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.state.queue[0].conversation == target
                       and app.state.queue[0].urgent, what="marked urgent, first in queue")
        assert app.state.queue[0].marked_by == "Anna"
        for _ in range(3):
            frame = await bo.expect("queued")
            if frame["entry"]["conversation"] == target and frame["entry"]["urgent"]:
                break
        assert frame["index"] == 0 and frame["entry"]["marked_by"] == "Anna"
        entries = await relay.storage.audit_entries()
        assert any(e.action == "mark_urgent" and e.actor == "anna" and e.conversation == target
                   for e in entries)
        # Pressing it again says "not urgent"; the relay keeps that over its engine.
        await pilot.press("f6")
        await wait_for(pilot, lambda: not any(w.urgent for w in app.state.queue),
                       what="marked not urgent")
        await second.say("jag vill inte leva längre")
        await asyncio.sleep(0.3)
        assert relay.queue.get(target) is not None
        assert relay.queue.get(target).urgent is False  # type: ignore[union-attr]
        for client in (first, second, bo):
            await client.close()


async def test_console_shows_the_relays_verdict_and_asks_if_triage_was_right(
        relay: Relay, config: RelayConfig) -> None:
    """A chat the relay flagged shows its kind in the staff member's language and the words;
    the close dialog's answer reaches the relay as a bare value."""
    relay.triage = default_triage(config)
    app = console_for(relay)
    async with app.run_test(size=(120, 40)) as pilot:
        visitor, chat = await claimed_chat(app, pilot, relay,
                                           "jag vill bara somna och aldrig vakna", lang="sv")
        await wait_for(pilot, lambda: chat.urgent, what="urgent verdict from the relay")
        assert chat.reasons and chat.reasons[0].startswith("suicide: ")
        header = str(app.screen.query_one(ChatHeader).render())
        assert "suicide risk" in header and "vakna" in header
        await wait_for(pilot, lambda: "suicide risk" in str(
            app.screen.query_one("#referral-urgent", Static).render()), what="referral pane")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseDialog), what="close dialog")
        dialog = app.screen
        assert isinstance(dialog, CloseDialog)
        triage = dialog.query_one("#close-triage", RadioSet)
        triage.focus()
        await pilot.press("right", "enter")  # the second answer: should have been urgent
        await pilot.pause()
        chosen = dialog.result().triage
        assert chosen == "should_be_urgent"
        await pilot.press("ctrl+s")
        await visitor.expect("ended")
        for _ in range(50):
            record = await relay.storage.conversation(int(chat.key))
            if record is not None and record.triage_feedback:
                break
            await asyncio.sleep(0.05)
        assert record is not None and record.triage_feedback == chosen
        await visitor.close()


async def test_console_never_flags_a_chat_the_relay_did_not(relay: Relay) -> None:
    """With triage off at the relay, words the engine would flag raise nothing in the console:
    the referral pane shows the relay's verdict, not one of its own."""
    relay.triage = None
    app = console_for(relay)
    async with app.run_test(size=(120, 40)) as pilot:
        _, chat = await claimed_chat(app, pilot, relay, "jag vill inte leva längre", lang="sv")
        await wait_for(pilot,
                       lambda: app.screen.query_one("#referral-list", OptionList).option_count,
                       what="suggestions shown")
        await pilot.pause(0.5)
        assert not chat.urgent
        assert not app.screen.query_one("#referral-urgent", Static).has_class("-shown")
