"""The console against a real relay on loopback: queue, claim, reply, notes, transfer, close."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot

from console.screens.dialogs import CloseDialog, TransferDialog
from console.screens.main import MainScreen
from console.state import STORED
from console.widgets.composer import Composer
from relay.server import Relay
from tests.console.conftest import claimed_chat, console_for, wait_for
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


async def _write(pilot: Pilot[None], text: str) -> None:
    app = pilot.app
    app.screen.query_one(Composer).focus()
    await pilot.press(*text)
    await pilot.press("enter")


async def test_notes_never_reach_the_visitor(relay: Relay) -> None:
    """A note written in note mode is stored and shown to staff, but never sent to the visitor."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        visitor, chat = await claimed_chat(app, pilot, relay)
        await pilot.press("ctrl+g")
        assert chat.note_mode
        await _write(pilot, "HEMLIG")
        await wait_for(pilot, lambda: chat.lines[-1].delivery == STORED, what="note stored")
        assert chat.lines[-1].kind == "note"
        await pilot.press("ctrl+g")
        await _write(pilot, "Synligt")
        await visitor.expect("message", kind="staff", text="Synligt")
        frames = visitor.seen + await visitor.drain(0.3)
        assert not any("HEMLIG" in str(frame) for frame in frames)
        stored = await relay.storage.lines_after(int(chat.key), 0)
        assert [(line.kind, line.text) for line in stored] == [
            ("visitor", "Hej"), ("note", "HEMLIG"), ("staff", "Synligt")]
        await visitor.close()


async def test_transfer_to_a_colleague_with_a_note(relay: Relay) -> None:
    """Transfer hands the chat and a note to a logged-in colleague and takes it off this console."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        visitor, chat = await claimed_chat(app, pilot, relay)
        bo = await Client.staff(relay.port, "bo")
        await wait_for(pilot, lambda: app.state.colleagues(), what="bo online")
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, TransferDialog), what="dialog")
        await pilot.press("enter")  # Bo, the only colleague, is highlighted
        await pilot.press(*"Orolig anhörig")
        await pilot.press("enter")
        info = await bo.expect("conversation", id=chat.key)
        assert info["readonly"] is False and info["staff"] == "bo"
        assert ("note", "Orolig anhörig") in [(m["kind"], m["text"]) for m in info["messages"]]
        claimed = await visitor.expect("claimed", staff="Bo")
        assert claimed
        await wait_for(pilot, lambda: chat.key not in app.state.chats, what="released")
        await bo.close()
        await visitor.close()


async def test_close_with_outcome_is_stored(relay: Relay) -> None:
    """Closing records who wrote, topics and the referral inserted during the chat."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        visitor, chat = await claimed_chat(
            app, pilot, relay, "Min pappa dricker varje kväll, jag är 14", lang="sv",
            role="child")
        await pilot.press("ctrl+r")  # the highlighted (top) referral goes into the reply
        composer = app.screen.query_one(Composer)
        await wait_for(pilot, lambda: composer.text, what="referral inserted")
        assert chat.referrals, "the inserted referral is remembered for the close dialog"
        inserted = chat.referrals[0]
        await pilot.press("enter")
        await visitor.expect("message", kind="staff")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseDialog), what="close dialog")
        dialog = app.screen
        assert isinstance(dialog, CloseDialog)
        assert dialog.result().role == "child", "the visitor's own choice is preselected"
        assert dialog.result().referrals == [inserted]
        await pilot.press("tab", "space")  # the first topic tag
        await pilot.press("ctrl+s")
        ended = await visitor.expect("ended")
        assert ended["by"] == "staff"
        await wait_for(pilot, lambda: chat.key not in app.state.chats, what="chat closed")
        await asyncio.sleep(0.1)
        record = await relay.storage.conversation(int(chat.key))
        assert record is not None and record.state == "closed"
        assert record.outcome_role == "child"
        assert record.tags == [app.config.tags[0][0]]
        assert record.referrals == [inserted]
        await visitor.close()


async def test_visitor_leaving_is_shown_and_outcome_still_recorded(relay: Relay) -> None:
    """When the visitor ends the chat, the console says so clearly and still takes the outcome."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        visitor, chat = await claimed_chat(app, pilot, relay, role="self")
        await visitor.send({"type": "leave", "reason": "ended"})
        await wait_for(pilot, lambda: chat.ended, what="visitor left")
        status = app.screen.query_one("#chat-status")
        assert status.has_class("-left")
        assert app.screen.query_one(Composer).read_only
        assert chat.lines[-1].kind == "system" and chat.lines[-1].text == "line.ended.visitor"
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, CloseDialog), what="close dialog")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: chat.key not in app.state.chats, what="dismissed")
        for _ in range(50):
            record = await relay.storage.conversation(int(chat.key))
            if record is not None and record.outcome_role:
                break
            await asyncio.sleep(0.05)
        assert record is not None and record.closed_by == "visitor"
        assert record.outcome_role == "self"
        await visitor.close()


async def test_transfer_back_to_the_queue_keeps_the_visitors_place(relay: Relay) -> None:
    """'Back to the queue' returns the visitor to the queue (with the note stored) and the
    chat leaves this console."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        visitor, chat = await claimed_chat(app, pilot, relay)
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, TransferDialog), what="dialog")
        await pilot.press("end", "enter")  # the last option: back to the queue
        await pilot.press(*"Behöver någon med spelkunskap", "enter")
        await wait_for(pilot, lambda: chat.key not in app.state.chats, what="released")
        await wait_for(pilot, lambda: [w.conversation for w in app.state.queue] == [chat.key],
                       what="back in the queue")
        stored = await relay.storage.lines_after(int(chat.key), 0)
        assert ("note", "Behöver någon med spelkunskap") in [(ln.kind, ln.text) for ln in stored]
        await visitor.close()
