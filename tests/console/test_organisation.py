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


async def test_a_covered_organisations_visitor_is_labelled_and_uses_its_replies(
        tmp_path: Path) -> None:
    """Kommun B covers Kommun A now: B's console shows A's waiting visitor labelled "for
    Kommun A", and once taken the chat's header says so and /hej offers A's reply, while
    B's own replies stay B's; when the window closes A's entries leave B's queue."""
    from datetime import time

    from console.widgets.header import ChatHeader
    from console.widgets.queue import QueuePane
    from relay.cover import CoverTerm
    from tests.support import Client

    always = OpeningHours(always_open=True)
    from datetime import datetime
    from time import monotonic
    from zoneinfo import ZoneInfo

    thursday_evenings = ((3, ((time(17), time(21)),)),)  # Thursday evenings
    thursday = datetime(2026, 10, 29, 18, tzinfo=ZoneInfo("Europe/Stockholm")).timestamp()
    started = monotonic()
    clock = {"closed": False}

    def now() -> float:  # a Thursday evening, running; 22:00 and later once "closed"
        return thursday + monotonic() - started + (4 * 3600 if clock["closed"] else 0)

    directories = {org: _local_directory(tmp_path, org) for org in ("a", "b")}
    config = make_config(tmp_path, organisations=(
        Organisation("kommun-a", "Kommun A", hours=always, referral_directory=directories["a"],
                     canned=(CannedReply("hej", "Hälsning från A", "Hej från kommun A!"),),
                     cover=(CoverTerm("offer", "kommun-b", thursday_evenings),)),
        Organisation("kommun-b", "Kommun B", hours=always, referral_directory=directories["b"],
                     canned=(CannedReply("hallo", "Hälsning från B", "Hej från kommun B!"),),
                     cover=(CoverTerm("accept", "kommun-a", thursday_evenings),))))
    await add_staff_async(config.database, "bo", org="kommun-b")
    async with SharedRelay(config, clock=now) as relay:
        app = console_for(relay, "bo")  # type: ignore[arg-type]
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
            await wait_for(pilot, lambda: "kommun-a" in app.state.cover, what="cover")
            visitor = await Client.visitor(relay.port, org="kommun-a")
            await visitor.say("Hej, jag bor i kommun A")
            await wait_for(pilot, lambda: app.state.queue, what="A's visitor")
            pane = app.screen.query_one(QueuePane)
            await pilot.pause(0.1)
            rows = [pane.render_line(y).text for y in range(pane.size.height)]
            assert any("for Kommun A" in row for row in rows), rows
            screen: Any = app.screen
            assert [r.key for r in screen._canned()] == ["hallo"]  # no chat: B's own
            # B's referral pane holds B's own local services (the relay's directory).
            await wait_for(pilot, lambda: app.referrals.loaded, what="directory", timeout=30)
            assert "local-mottagning-b" in app.referrals.by_id
            assert "local-mottagning-a" not in app.referrals.by_id
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
            claimed = await visitor.expect("claimed")
            assert claimed["on_behalf_of"] == "Kommun A"
            await pilot.pause(0.1)
            header = str(screen.query_one(ChatHeader).render())
            assert "for Kommun A" in header, header
            assert [r.key for r in screen._canned()] == ["hej"]
            # ...and A's chat is given A's local services.
            await wait_for(pilot, lambda: "kommun-a" in app.cover_referrals, what="A's list",
                           timeout=30)
            screen._suggest_now()
            pane = screen.referral_pane
            assert "local-mottagning-a" in pane.source.by_id, list(pane.source.by_id)[:5]
            assert "local-mottagning-b" not in pane.source.by_id

            second = await Client.visitor(relay.port, org="kommun-a")
            await second.say("Och jag med")
            await wait_for(pilot, lambda: app.state.queue, what="second visitor")
            clock["closed"] = True
            await wait_for(pilot, lambda: "kommun-a" not in app.state.cover, what="close")
            assert app.state.queue == []
            assert app.state.my_chats() == []  # A's chat goes back to A's queue
            await visitor.close()
            await second.close()


def _local_directory(tmp_path: Path, letter: str) -> Path:
    """A referral directory overlay with one local service of kommun-{letter}."""
    path = tmp_path / f"directory-{letter}.toml"
    path.write_text(f"""format = 1
country = "SE"

[[service]]
id = "local-mottagning-{letter}"
scope = "local"
country = "SE"
name = {{ sv = "Beroendemottagningen i kommun {letter.upper()}" }}
categories = ["alcohol"]
audience = ["adult"]
phone = "08-123 45 6{ord(letter) - 96}"
channels = ["phone"]
anonymous = true
verification = "example"
source = "test data"
verified_at = 2026-01-01
review_due = 2027-01-01
""", encoding="utf-8")
    return path
