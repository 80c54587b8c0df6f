"""More of the console's work against a real relay: login, choosing, drafts, typing, canned
replies, staff room, supervision, alerts, and what the keys allow."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from console import session as console_session
from console.app import LotsenConsole
from console.screens.login import LoginScreen
from console.screens.main import MainScreen
from console.settings import ConsoleConfig, remembered_path
from console.state import ROOM, STORED
from console.widgets.composer import Composer
from console.widgets.queue import QueuePane
from relay.server import Relay
from tests.console.conftest import console_for, wait_for
from tests.support import PASSWORD, Client


async def _logged_in(app: LotsenConsole, pilot: Pilot[Any]) -> MainScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def _visitor(relay: Relay, text: str, **hello: Any) -> Client:
    visitor = await Client.visitor(relay.port, **hello)
    await visitor.say(text)
    return visitor


async def test_password_is_asked_in_the_app_and_only_server_and_user_are_remembered(
        relay: Relay) -> None:
    """Login screen: a wrong password is refused with a clear message; the right one logs in,
    and what is remembered is the server and user name, never the password."""
    app = LotsenConsole(server=f"127.0.0.1:{relay.port}", user="anna", lang="en",
                        backoff_min=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen), what="login screen")
        assert app.screen.query_one("#login-password", Input).password
        await pilot.press(*"wrong password", "enter")
        error = app.screen.query_one("#login-error")
        await wait_for(pilot, lambda: "Wrong user name or password" in str(error.render()),
                       what="refusal")
        assert isinstance(app.screen, LoginScreen)
        await pilot.press(*PASSWORD, "enter")
        await _logged_in(app, pilot)
    saved = json.loads(remembered_path().read_text())
    assert saved == {"server": f"127.0.0.1:{relay.port}", "user": "anna"}
    assert PASSWORD not in remembered_path().read_text()


async def test_unreachable_server_is_a_clear_message_not_a_traceback(relay: Relay) -> None:
    """A server nobody answers on gives a one-line explanation on the login screen."""
    port = relay.port
    await relay.stop()
    app = LotsenConsole(server=f"127.0.0.1:{port}", user="anna", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*PASSWORD, "enter")
        error = app.screen.query_one("#login-error")
        await wait_for(pilot, lambda: "Cannot reach the server" in str(error.render()),
                       what="unreachable message")


async def test_claim_chosen_with_the_mouse_and_drafts_survive_switching(relay: Relay) -> None:
    """Double-clicking a queued visitor claims that one; each chat keeps its own draft, and a
    line in the chat not shown marks it unread."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        first = await _visitor(relay, "Första")
        second = await _visitor(relay, "Andra")
        await wait_for(pilot, lambda: len(app.state.queue) == 2, what="two waiting")
        second_id = app.state.queue[1].conversation
        await pilot.click(QueuePane, offset=(3, 2), times=2)  # second entry: rows 2-3
        await wait_for(pilot, lambda: app.state.active == second_id, what="chosen claimed")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: len(app.state.my_chats()) == 2, what="second claim")
        first_id = next(c.key for c in app.state.my_chats() if c.key != second_id)

        screen.activate(first_id)
        composer = screen.query_one(Composer)
        composer.focus()
        await pilot.press(*"utkast ett")
        screen.activate(second_id)
        assert composer.text == ""
        await pilot.press(*"utkast två")
        await pilot.press("alt+up")  # previous chat: the first one again
        assert app.state.active == first_id and composer.text == "utkast ett"
        await second.say("Hallå?")
        await wait_for(pilot, lambda: app.state.chats[second_id].unread == 1, what="unread")
        screen.activate(second_id)
        assert composer.text == "utkast två" and app.state.chats[second_id].unread == 0
        await first.close()
        await second.close()


async def test_typing_both_ways_multiline_and_canned_replies(
        relay: Relay, monkeypatch: pytest.MonkeyPatch) -> None:
    """Staff typing reaches the visitor (and stops after sending); the visitor's typing shows;
    Ctrl+J makes a new line; /name expands a canned reply that is sent only on Enter."""
    # "typing" is repeated while staff type (every TYPING_REPEAT_S): on a loaded machine the
    # keystrokes below took longer than that and a second "typing: true" came, which the test
    # took for one sent after the message. Repeat on every keystroke, so it always happens.
    monkeypatch.setattr(console_session, "TYPING_REPEAT_S", 0.0)
    config = ConsoleConfig(lang="en")
    app = console_for(relay, config=config)
    async with app.run_test(size=(120, 36)) as pilot:
        await _logged_in(app, pilot)
        visitor = await _visitor(relay, "Hello")
        await wait_for(pilot, lambda: app.state.queue, what="queued")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
        chat = app.state.active_chat()
        assert chat is not None
        await visitor.expect("claimed")

        composer = app.screen.query_one(Composer)
        composer.focus()
        await pilot.press(*"Two", "ctrl+j", *"lines")
        assert composer.text == "Two\nlines"
        assert (await visitor.expect("typing"))["active"] is True
        await pilot.press("enter")
        line = await visitor.expect("message", kind="staff")
        assert line["text"] == "Two\nlines"
        await visitor.drain(0.3)
        # Whatever was repeated while typing, the last word before and after the line is "stopped".
        typing = [(f["type"], f.get("active")) for f in visitor.seen
                  if f["type"] == "typing" or f is line]
        assert typing[-2:] == [("typing", False), ("message", None)], typing

        await visitor.send({"type": "typing", "active": True})
        status = app.screen.query_one("#chat-status")
        await wait_for(pilot, lambda: "is typing" in str(status.render()), what="typing shown")

        await pilot.press(*"/wai", "enter")
        assert composer.text.startswith("Take the time you need"), composer.text
        assert not [f for f in await visitor.drain(0.3) if f.get("type") == "message"]
        await pilot.press("enter")
        sent = await visitor.expect("message", kind="staff")
        assert sent["text"].startswith("Take the time you need")
        await visitor.close()


async def test_staff_room_between_colleagues(relay: Relay) -> None:
    """The staff room carries lines between logged-in staff and marks unread for the other."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        bo = await Client.staff(relay.port, "bo")
        await bo.send({"type": "room", "text": "Någon som vet numret till socialjouren?",
                       "cid": "b1"})
        await wait_for(pilot, lambda: app.state.room.unread == 1, what="room unread")
        await pilot.press("f2")
        assert app.state.active == ROOM and app.state.room.unread == 0
        screen.query_one(Composer).focus()
        await pilot.press(*"Ja, 020-123", "enter")
        got = await bo.expect("room", text="Ja, 020-123")
        assert got["name"] == "Anna"
        await wait_for(pilot, lambda: app.state.room.lines[-1].delivery == STORED,
                       what="own room line confirmed")
        await bo.close()


async def test_supervisor_follows_whispers_and_answers_a_call_for_help(relay: Relay) -> None:
    """A supervisor sees a colleague's chat read-only, is called for help, follows it (audited)
    and whispers a note the colleague gets and the visitor never does."""
    sara = console_for(relay, user="sara")
    async with sara.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(sara, pilot)
        anna = await Client.staff(relay.port, "anna")
        visitor = await _visitor(relay, "Hej, jag mår dåligt")
        await anna.expect("queued")
        await anna.send({"type": "claim"})
        info = await anna.expect("conversation")
        chat_id = info["id"]
        await wait_for(pilot, lambda: chat_id in sara.state.chats, what="read-only copy")
        chat = sara.state.chats[chat_id]
        assert chat.readonly and not chat.lines

        await anna.send({"type": "help", "conversation": chat_id})
        await wait_for(pilot, lambda: chat.help_wanted, what="call for help")
        screen.activate(chat_id)
        assert screen.check_action("follow", ()) is True
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: chat.following and chat.lines, what="following")
        assert chat.lines[0].text == "Hej, jag mår dåligt"
        screen.query_one(Composer).focus()
        await pilot.press(*"Fråga om sömnen", "enter")
        whisper = await anna.expect("message", kind="whisper")
        assert whisper["text"] == "Fråga om sömnen"
        assert not any("Fråga om sömnen" in str(f) for f in await visitor.drain(0.3))
        await asyncio.sleep(0.1)
        actions = [(e.actor, e.action) for e in await relay.storage.audit_entries()]
        assert ("sara", "view") in actions and ("anna", "help") in actions
        await anna.close()
        await visitor.close()


async def test_alerts_ring_and_repeat_while_someone_waits(relay: Relay) -> None:
    """A new visitor rings the bell with a notification, and it repeats while they wait."""
    bells: list[float] = []

    class CountingConsole(LotsenConsole):
        def bell(self) -> None:
            bells.append(asyncio.get_running_loop().time())

    app = CountingConsole(server=f"127.0.0.1:{relay.port}", user="anna", password=PASSWORD,
                          lang="en", config=ConsoleConfig(lang="en", alert_repeat_s=0.5))
    async with app.run_test(size=(120, 36)) as pilot:
        await _logged_in(app, pilot)
        visitor = await _visitor(relay, "Hej")
        await wait_for(pilot, lambda: bells, what="first bell")
        await wait_for(pilot, lambda: any("waiting" in n.message for n in app._notifications),
                       what="notification")
        await wait_for(pilot, lambda: len(bells) >= 3, what="repeated bells")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: not app.state.queue, what="claimed")
        await pilot.pause(0.3)
        rung = len(bells)
        await pilot.pause(1.2)
        assert len(bells) == rung, "no more alerts once nobody waits"
        await visitor.close()


async def test_keys_are_greyed_when_not_possible_and_listed_in_the_palette(
        relay: Relay) -> None:
    """With nobody waiting 'take next' is greyed and absent from the command palette; with a
    visitor waiting it is possible and there."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        assert screen.check_action("claim_next", ()) is None
        assert screen.check_action("transfer", ()) is None
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Take next" not in titles and "Help" in titles
        visitor = await _visitor(relay, "Hej")
        await wait_for(pilot, lambda: app.state.queue, what="queued")
        assert screen.check_action("claim_next", ()) is True
        assert "Take next" in [c.title for c in app.get_system_commands(screen)]
        await visitor.close()


async def test_norwegian_console(relay: Relay) -> None:
    """--lang nb shows the console in Norwegian."""
    app = console_for(relay, lang="nb")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        status = screen.query_one("#statusbar")
        await wait_for(pilot, lambda: "tilkoblet" in str(status.render()), what="status")
        assert "Kø" in str(screen.query_one("#queue-title").render())


async def test_block_ends_an_abusive_chat_after_confirmation(relay: Relay) -> None:
    """F9 asks first; confirmed, the relay ends the chat for good and it leaves the list."""
    from console.screens.dialogs import ConfirmDialog

    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        await _logged_in(app, pilot)
        visitor = await _visitor(relay, "spam spam")
        await wait_for(pilot, lambda: app.state.queue, what="queued")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
        chat = app.state.active_chat()
        assert chat is not None
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="confirm")
        await pilot.press("escape")
        assert chat.key in app.state.chats
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="confirm")
        await pilot.click("#confirm-yes")
        await wait_for(pilot, lambda: chat.key not in app.state.chats, what="blocked")
        ended = await visitor.expect("ended")
        assert ended["by"] == "staff"
        actions = [(e.actor, e.action) for e in await relay.storage.audit_entries()]
        assert ("anna", "block") in actions


async def test_supervisor_sees_the_month_in_figures(relay: Relay) -> None:
    """F5 (supervisors only) fetches the anonymous statistics and shows them as tables."""
    from console.screens.stats import StatsScreen

    anna = console_for(relay)
    async with anna.run_test(size=(120, 36)) as pilot:
        await _logged_in(anna, pilot)
        await pilot.press("f5")  # not a supervisor: told why, no figures
        await pilot.pause(0.1)
        assert not isinstance(anna.screen, StatsScreen)
    sara = console_for(relay, user="sara")
    async with sara.run_test(size=(120, 36)) as pilot:
        await _logged_in(sara, pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(sara.screen, StatsScreen), what="statistics")
        screen = sara.screen
        assert isinstance(screen, StatsScreen)
        await wait_for(pilot, lambda: screen.figures is not None, what="figures")
        assert screen.figures is not None and screen.figures.conversations == 0
        assert "Conversations started" in screen.text()
        assert "Was the triage right?" in screen.text()
        await pilot.press("escape")
        assert isinstance(sara.screen, MainScreen)
