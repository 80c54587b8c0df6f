"""The console on a relay of several organisations: whose staff it is, and its canned replies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static

from console.screens.main import MainScreen
from relay.hours import OpeningHours
from relay.organisations import CannedReply, Organisation
from relay.shared_relay import SharedRelay
from tests.console.conftest import console_for, wait_for
from tests.support import add_staff_async, make_config


async def test_the_status_bar_names_the_organisation_and_its_replies_are_offered(
        tmp_path: Path) -> None:
    """Logged in to kommun-a: the status bar says so, and /hej offers kommun-a's reply."""
    always = OpeningHours(always_open=True)
    config = make_config(tmp_path, organisations=(
        Organisation("kommun-a", "Kommun A", hours=always,
                     canned=(CannedReply("hej", "Hälsning från A", "Hej från kommun A!"),)),
        Organisation("kommun-b", "Kommun B", hours=always)))
    await add_staff_async(config.database, "anna", org="kommun-a")
    async with SharedRelay(config) as relay:
        app = console_for(relay)  # type: ignore[arg-type]
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
            screen: Any = app.screen
            await pilot.pause(0.1)
            assert "Anna, Kommun A" in str(screen.query_one("#statusbar", Static).render())
            assert [r.key for r in screen._canned()] == ["hej"]
