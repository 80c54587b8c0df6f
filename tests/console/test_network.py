"""The console on a real relay of three organisations (A and B in the network, C not): the
network screen (rooms, history, live lines from another organisation, posting) and a
supervisor's statistics screen (their organisation's figures only)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual.widgets import Label, OptionList, Static

from console.screens.main import MainScreen
from console.screens.network import NetworkScreen
from relay.hours import OpeningHours
from relay.network_rooms import NetworkConfig, NetworkRoom
from relay.organisations import Organisation
from relay.shared_relay import SharedRelay
from tests.console.conftest import console_for, wait_for
from tests.support import Client, add_staff_async, make_config, new_cid

ROOMS = NetworkConfig(rooms=(
    NetworkRoom.named("rus", {"sv": "Rus – erfarenheter", "en": "Substance use – experiences",
                              "nb": "Rus – erfaringer"}),
    NetworkRoom.named("anhorig", {"sv": "Anhörigstöd", "en": "Supporting relatives",
                                  "nb": "Pårørendestøtte"}),
))


async def _relay(tmp_path: Path) -> SharedRelay:
    always = OpeningHours(always_open=True)
    config = make_config(tmp_path, network=ROOMS, organisations=(
        Organisation("kommun-a", "Kommun A", hours=always, network=True),
        Organisation("kommun-b", "Kommun B", hours=always, network=True),
        Organisation("kommun-c", "Kommun C", hours=always)))
    await add_staff_async(config.database, "anna", org="kommun-a", name="Anna")
    await add_staff_async(config.database, "bo", org="kommun-b", name="Bo")
    await add_staff_async(config.database, "cia", org="kommun-c", name="Cia")
    return SharedRelay(config)


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_network_screen_shows_rooms_history_and_live_lines(tmp_path: Path) -> None:
    """Anna (A) is told of B's earlier line in the status bar, opens the network with Alt+N:
    the rooms in her language, that line as history, her own line stored and seen by B, B's
    new line live with B's organisation."""
    async with await _relay(tmp_path) as relay:
        bo = await Client.staff(relay.port, "bo")
        cid = new_cid()
        await bo.send({"type": "network", "room": "rus", "text": "[b]Finns det[/b] erfarenhet?",
                       "cid": cid})
        await bo.expect("network", cid=cid)
        app = console_for(relay, "anna", lang="sv")  # type: ignore[arg-type]
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
            await wait_for(pilot, lambda: app.state.network.member, what="network rooms")
            await wait_for(pilot, lambda: "Nätverket 1 nya" in str(
                app.screen.query_one("#statusbar", Static).render()), what="unread in status")
            await pilot.press("alt+n")
            await wait_for(pilot, lambda: isinstance(app.screen, NetworkScreen),
                           what="network screen")
            screen: Any = app.screen
            await pilot.pause(0.1)
            rooms = screen.query_one("#network-rooms", OptionList)
            assert [str(rooms.get_option_at_index(i).prompt) for i in range(
                rooms.option_count)] == ["Rus – erfarenheter", "Anhörigstöd"]
            assert "aldrig synligt för besökare" in str(
                screen.query_one("#network-title").render())
            lines = _text(screen, "#network-lines")
            assert "Bo · Kommun B" in lines and "[b]Finns det[/b] erfarenhet?" in lines
            await pilot.click("#network-input")
            for key in "Ja, vi har":
                await pilot.press("space" if key == " " else key)
            await pilot.press("enter")
            seen = await bo.expect("network", room="rus", text="Ja, vi har")
            assert (seen["name"], seen["organisation"]) == ("Anna", "Kommun A")
            await wait_for(pilot, lambda: "skickas" not in _text(screen, "#network-lines"),
                           what="stored")
            assert "Anna · Kommun A" in _text(screen, "#network-lines")
            await bo.send({"type": "network", "room": "anhorig", "text": "Ny tråd",
                           "cid": new_cid()})
            await wait_for(pilot, lambda: "1 nya" in str(
                rooms.get_option_at_index(1).prompt), what="unread count")
            rooms.highlighted = 1
            await wait_for(pilot, lambda: "Ny tråd" in _text(screen, "#network-lines"),
                           what="the other room")
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="back")
            assert "Nätverket" not in str(app.screen.query_one("#statusbar", Static).render())
        await bo.close()


async def test_an_organisation_outside_the_network_cannot_open_it(tmp_path: Path) -> None:
    """Cia (C, not in the network): Alt+N says so in her language and opens nothing."""
    async with await _relay(tmp_path) as relay:
        app = console_for(relay, "cia", lang="en")  # type: ignore[arg-type]
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
            await pilot.pause(0.3)
            await pilot.press("alt+n")
            await pilot.pause(0.2)
            assert isinstance(app.screen, MainScreen)
            assert not app.state.network.member
            assert any("not in the network" in str(n.message) for n in app._notifications)


async def test_a_supervisors_statistics_screen_shows_their_organisation_only(
        tmp_path: Path) -> None:
    """B's supervisor opens the statistics (F5) on a relay where A has two chats and B one:
    the screen is titled with B's name and counts B's one chat."""
    from console.screens.stats import StatsScreen
    from relay.storage import ConversationRecord, open_storage

    relay = await _relay(tmp_path)
    database = relay.config.database
    await add_staff_async(database, "boss-b", org="kommun-b", supervisor=True)
    storage = open_storage(database)
    await storage.open()
    try:
        now = time.time()
        for conversation, org in ((1, "kommun-a"), (2, "kommun-a"), (3, "kommun-b")):
            await storage.scoped(org).create_conversation(ConversationRecord(
                id=conversation, token_hash=f"t{conversation}", alias=f"Besökare {conversation}",
                lang="sv", role="self", state="queued", created_at=now - 60))
    finally:
        await storage.close()
    async with relay:
        app = console_for(relay, "boss-b", lang="en")  # type: ignore[arg-type]
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
            await pilot.press("f5")
            await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen), what="statistics")
            screen = app.screen
            assert isinstance(screen, StatsScreen)
            await wait_for(pilot, lambda: screen.figures is not None, what="figures")
            assert screen.figures is not None and screen.figures.conversations == 1
            assert str(screen.query_one("#stats-title", Label).render()).startswith(
                "Kommun B · Statistics")
