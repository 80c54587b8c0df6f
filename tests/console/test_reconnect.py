"""Losing the relay: a banner, automatic reconnect, drafts kept, nothing lost or duplicated."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from console.screens.main import MainScreen
from console.state import STORED
from console.widgets.composer import Composer
from relay.server import Relay
from tests.console.conftest import console_for, wait_for
from tests.support import Client


async def test_relay_restart_keeps_draft_and_fills_missed_lines(relay: Relay) -> None:
    """After the relay restarts: the draft is intact, a line written offline is delivered once,
    and what the visitor wrote meanwhile is filled in from the relay without duplicates."""
    app = console_for(relay, backoff_min=1.5, backoff_max=2.0)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
        visitor = await Client.visitor(relay.port, lang="sv")
        await visitor.say("Hej, är det någon där?")
        token = next(f for f in visitor.seen if f["type"] == "started")["token"]
        await wait_for(pilot, lambda: app.state.queue, what="queued visitor")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
        chat = app.state.active_chat()
        assert chat is not None

        port, config = relay.port, relay.config
        await relay.stop()
        banner = app.screen.query_one("#banner")
        await wait_for(pilot, lambda: banner.has_class("-shown"), what="connection banner")
        assert not app.session.connected

        composer = app.screen.query_one(Composer)
        composer.focus()
        await pilot.press(*"Skrivet offline")
        await pilot.press("enter")
        offline_line = chat.lines[-1]
        assert offline_line.text == "Skrivet offline" and offline_line.delivery == "pending"
        await pilot.press(*"utkast")
        assert chat.draft == "utkast"

        restarted = Relay(replace(config, port=port))
        await restarted.start()
        try:
            again = await Client.visitor(port, resume=token, last_seq=1)
            await again.expect("resumed")
            await again.say("Missade du det här?")
            assert not app.session.connected, "the visitor must write while the console is away"
            await wait_for(pilot, lambda: app.session.connected, timeout=10, what="reconnect")
            await wait_for(pilot, lambda: not banner.has_class("-shown"), what="banner gone")
            await wait_for(pilot, lambda: offline_line.delivery == STORED, what="outbox sent")
            await wait_for(pilot, lambda: any(ln.text == "Missade du det här?"
                                              for ln in chat.lines), what="missed line")
            await again.expect("message", kind="staff", text="Skrivet offline")

            assert composer.text == "utkast" and chat.draft == "utkast"
            seqs = [ln.seq for ln in chat.lines if ln.seq is not None]
            assert seqs == sorted(set(seqs)), f"duplicated or unordered lines: {seqs}"
            texts = [ln.text for ln in chat.lines if ln.kind != "system"]
            assert texts.count("Skrivet offline") == 1
            assert texts.count("Missade du det här?") == 1
            assert isinstance(chat.key, int)
            stored = await restarted.storage.lines_after(chat.key, 0)
            assert [line.text for line in stored].count("Skrivet offline") == 1
            await asyncio.sleep(0.3)
            frames = again.seen + await again.drain(0.3)
            assert [f.get("text") for f in frames].count("Skrivet offline") == 1
            await again.close()
        finally:
            await restarted.stop()


async def test_ended_session_asks_to_log_in_again_and_keeps_the_chats(relay: Relay) -> None:
    """When the relay ends the session, the login screen says why; logging in again brings
    back the same chats and drafts."""
    from console.screens.login import LoginScreen
    from tests.support import PASSWORD

    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
        visitor = await Client.visitor(relay.port)
        await visitor.say("Hej")
        await wait_for(pilot, lambda: app.state.queue, what="queued")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
        chat = app.state.active_chat()
        assert chat is not None
        app.screen.query_one(Composer).focus()
        await pilot.press(*"halvskrivet")

        await relay.end_sessions("anna", "Your account was disabled.")
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen), what="login screen")
        await wait_for(pilot, lambda: any("session has ended" in str(error.render())
                                          for error in app.screen.query("#login-error")),
                       what="reason shown")
        await pilot.press(*PASSWORD, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and app.main is not None
                       and app.main.ready, what="back in")
        assert app.state.active_chat() is chat and chat.draft == "halvskrivet"
        assert app.screen.query_one(Composer).text == "halvskrivet"
        await visitor.close()
