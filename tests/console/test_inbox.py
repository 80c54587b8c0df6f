"""The console's Inbox of questions asked outside opening hours, against a real relay: listed
beside the queue with unread counts, opened (taken), answered in several lines with a canned
reply, noted, closed with the close dialog; the visitor reads the answer with the code."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.pilot import Pilot

from console.app import LotsenConsole
from console.screens.dialogs import CloseDialog
from console.screens.main import MainScreen
from console.widgets.composer import Composer
from console.widgets.inbox import InboxPane
from relay.config import RelayConfig
from relay.hours import OpeningHours
from relay.server import Relay
from tests.console.conftest import console_for, wait_for
from tests.support import Client, add_staff_async


async def _ask(relay: Relay, text: str) -> str:
    visitor = await Client.visitor(relay.port, purpose="questions", lang="sv")
    await visitor.send({"type": "ask", "text": text, "cid": "q1", "role": "relative"})
    code = str((await visitor.expect("asked", cid="q1"))["code"])
    await visitor.close()
    return code


async def _main(app: LotsenConsole, pilot: Pilot[Any]) -> MainScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
    screen = app.screen
    assert isinstance(screen, MainScreen)
    await wait_for(pilot, lambda: screen.ready, what="panes mounted")
    return screen


async def test_inbox_answer_note_and_close(config: RelayConfig) -> None:
    """Two questions wait (the urgent one first); opening one takes it and shows its thread;
    a multi-line answer with a canned reply and a note are stored; the visitor's reply shows
    up live; closing records the outcome and the question leaves the inbox."""
    await add_staff_async(config.database, "anna")
    closed = replace(config, hours=OpeningHours(weekly={}))

    def triage(texts: list[str], lang: str | None, role: str | None) -> tuple[bool, list[str]]:
        return any("ta mitt liv" in x for x in texts), ["ta mitt liv"]

    async with Relay(closed, triage=triage) as relay:
        code = await _ask(relay, "Hur pratar jag med min pappa?")
        await _ask(relay, "Jag vill ta mitt liv")
        app = console_for(relay)
        async with app.run_test(size=(140, 40)) as pilot:
            screen = await _main(app, pilot)
            inbox = screen.query_one(InboxPane)
            await wait_for(pilot, lambda: len(inbox.questions) == 2, what="inbox")
            assert inbox.questions == [2, 1], "urgent first, then oldest"
            title = str(screen.query_one("#inbox-title").render())
            assert "Inbox" in title and "2 unread" in title

            await pilot.press("alt+i")
            await wait_for(pilot, lambda: inbox.has_focus, what="inbox focused")
            await pilot.press("home", "down", "enter")
            await wait_for(pilot, lambda: app.state.active == "q1", what="question opened")
            chat = app.state.active_chat()
            assert chat is not None and [line.text for line in chat.lines] == [
                "Hur pratar jag med min pappa?"]
            assert app.state.inbox[1]["staff"] == "anna"
            composer = screen.query_one(Composer)
            assert composer.has_focus and "read with the code" in str(composer.border_title)
            await wait_for(pilot, lambda: app.state.inbox[1]["unread"] == 0, what="seen")

            await pilot.press(*"/wai", "enter")  # a canned reply, expanded, not sent
            await pilot.press("ctrl+j", *"/Anna")  # and a second line
            assert composer.text.startswith("Take the time you need"), composer.text
            await pilot.press("enter")
            await wait_for(pilot, lambda: any(line.seq == 2 for line in chat.lines),
                           what="answer stored")
            await pilot.press("ctrl+g")  # note mode
            composer.load_text("Ring tillbaka om han vill")
            await pilot.press("enter")
            await wait_for(pilot, lambda: any(line.seq == 3 for line in chat.lines),
                           what="note stored")
            assert [line.kind for line in chat.lines if line.seq] == ["visitor", "staff", "note"]

            reader = await Client.visitor(relay.port, purpose="questions")
            await reader.send({"type": "read", "code": code})
            thread = await reader.expect("thread")
            texts = [line["text"] for line in thread["lines"]]
            assert texts[0] == "Hur pratar jag med min pappa?" and len(texts) == 2
            assert texts[1].startswith("Take the time") and texts[1].endswith("\n/Anna")
            await reader.send({"type": "reply", "text": "Tack!", "cid": "r1"})
            await reader.expect("ack", cid="r1")
            await wait_for(pilot, lambda: chat.lines[-1].text == "Tack!", what="reply shown")

            await pilot.press("ctrl+o")
            await wait_for(pilot, lambda: isinstance(app.screen, CloseDialog), what="dialog")
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: 1 not in app.state.inbox and "q1" not in
                           app.state.chats, what="closed")
            assert inbox.questions == [2]
            record = await relay.storage.question(1)
            assert record is not None and record.state == "closed"
            assert record.first_answer_at is not None and record.answer_read


async def test_supervisor_reads_a_colleagues_question_read_only(config: RelayConfig) -> None:
    """A supervisor's inbox lists a question a colleague took; opening it shows the thread
    read-only (the composer takes no answer) and the relay writes the look to the audit log."""
    await add_staff_async(config.database, "anna")
    await add_staff_async(config.database, "sara", supervisor=True)
    async with Relay(replace(config, hours=OpeningHours(weekly={}))) as relay:
        await _ask(relay, "En fråga")
        anna = await Client.staff(relay.port, "anna")
        await anna.send({"type": "question_open", "question": 1})
        await anna.expect("question_thread")
        app = console_for(relay, user="sara")
        async with app.run_test(size=(140, 40)) as pilot:
            screen = await _main(app, pilot)
            inbox = screen.query_one(InboxPane)
            await wait_for(pilot, lambda: inbox.questions == [1], what="inbox")
            assert app.state.inbox[1]["staff"] == "anna"
            await pilot.press("alt+i", "home", "enter")
            await wait_for(pilot, lambda: app.state.active == "q1", what="opened")
            chat = app.state.active_chat()
            assert chat is not None and chat.readonly
            assert [line.text for line in chat.lines] == ["En fråga"]
            assert screen.query_one(Composer).read_only
            assert not screen.check_action("transfer", ())
        audit = await relay.storage.audit_entries()
        assert ("sara", "question_view") in {(a.actor, a.action) for a in audit}
