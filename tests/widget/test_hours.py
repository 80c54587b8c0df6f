"""Outside opening hours the widget says when the chat opens and where to get help now."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from relay.hours import OpeningHours
from tests.support import Client
from tests.widget.conftest import TIMEZONE, LoopThread, Relays, Staff, in_thread
from tests.widget.helpers import filter_relay_frames, open_chat, storage, write

pytestmark = pytest.mark.browser

ZONE = ZoneInfo(TIMEZONE)


def closed_today_open_tomorrow() -> OpeningHours:
    today = datetime.now(ZONE).date()
    return OpeningHours(weekly={}, timezone=ZONE,
                        exceptions={today: (), today + timedelta(days=1): ((time(12), time(14)),)})


def test_closed_card_names_next_opening_and_help_now(
    page: Page, relays: Relays, shoot: Callable[[Page, str], Path]
) -> None:
    """Closed: 'öppnar i morgon kl. 12', the relay's emergency contacts, and no message form."""
    relay = relays.start(hours=closed_today_open_tomorrow())
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Chatten är stängd i dag.")
    expect(box).to_contain_text("Chatten öppnar i morgon kl. 12.")
    help_card = box.locator("details")
    expect(help_card).to_have_attribute("open", "")
    expect(help_card.get_by_role("link", name="112")).to_have_attribute("href", "tel:112")
    expect(help_card.get_by_role("link", name="90101")).to_be_visible()
    expect(help_card.get_by_role("link", name="1177.se")).to_have_attribute(
        "href", "https://www.1177.se")
    expect(page.get_by_label("Ditt meddelande")).to_be_hidden()  # never an unmonitored form
    expect(box.get_by_text(re.compile("Om .* min"))).to_have_count(0)  # not close enough
    expect(box).to_contain_text("Du är anonym")
    assert storage(page) == {"session": {}, "local": [], "cookie": ""}
    shoot(page, "closed")


def zone_with_time_left_today(needed: timedelta) -> ZoneInfo:
    """The service's zone for a test whose hours must stay within today for ``needed``.

    Stockholm, unless Stockholm's day is nearly over (CI runs at any hour): then a zone where
    the day has hours left, so the test reads the same and cannot fail at midnight.
    """
    for name in (TIMEZONE, "Asia/Tokyo", "America/New_York"):
        zone = ZoneInfo(name)
        now = datetime.now(zone)
        if (now + needed).date() == now.date():
            return zone
    raise AssertionError("no zone has the time left today")  # the three span 14 hours


def test_countdown_when_opening_is_close(page: Page, relays: Relays) -> None:
    """Within the hour before opening, the card counts down the minutes."""
    zone = zone_with_time_left_today(timedelta(hours=1))
    opens = (datetime.now(zone) + timedelta(minutes=31)).replace(second=0, microsecond=0)
    hours = OpeningHours(weekly={}, timezone=zone, exceptions={
        opens.date(): ((opens.time(), time(23, 59)),)})
    relay = relays.start(hours=hours)
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Chatten är stängd just nu.")
    clock = f"kl. {opens.hour}" + (f".{opens.minute:02d}" if opens.minute else "")
    expect(box).to_contain_text(clock)
    expect(box.get_by_text(re.compile(r"^Om (29|30|31) min\.$"))).to_be_visible()


def test_no_staff_online_is_never_a_dead_end(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Open hours but nobody logged in: say so and show help; once staff log in, the form shows."""
    relay = relays.start()
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Ingen behandlare är ledig just nu.")
    expect(box.locator("details")).to_have_attribute("open", "")
    expect(page.get_by_label("Ditt meddelande")).to_be_hidden()
    # Its own advice ("Försök igen om en stund."), not the same advice twice.
    expect(box).not_to_contain_text("Försök igen senare.")
    Staff.login(staff_loop, relay.port, "anna")
    expect(box).to_contain_text("Chatten är öppen", timeout=15_000)  # pushed by the relay
    expect(page.get_by_label("Ditt meddelande")).to_be_visible()


def test_a_first_line_refused_as_closed_leaves_no_chat_behind(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """The last counsellor logs out just before the visitor sends: the line is refused as
    closed, nothing stays in sessionStorage, and a reload shows the help, not a dead chat."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    hold = {"status": False}

    # The relay's "closed" status arrives late: held back while the counsellor logs out.
    filter_relay_frames(page, lambda message, *_: not (
        hold["status"] and '"type":"status"' in str(message)))
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Chatten är öppen")
    hold["status"] = True
    anna.send({"type": "logout"})
    page.wait_for_timeout(800)  # the relay has seen nobody online (presence settles in 0.5 s)
    write(page, "Hinner någon svara?")
    expect(box.locator(".m.v")).to_have_attribute("data-t", "fail", timeout=10_000)
    assert storage(page)["session"] == {}, "a refused first line leaves nothing stored"
    hold["status"] = False
    page.reload()
    box = open_chat(page)
    expect(box).to_contain_text("Ingen behandlare är ledig just nu.")
    expect(box.locator("details")).to_have_attribute("open", "")


@pytest.mark.parametrize("device_zone", ["UTC", "America/Los_Angeles", "Pacific/Auckland"])
def test_opening_time_is_in_the_services_clock_whatever_the_device_says(
    browser: Browser, relays: Relays, device_zone: str, shoot: Callable[[Page, str], Path]
) -> None:
    """A device set to another zone still reads 'i morgon kl. 12': the service's clock (the
    relay sends its zone), not the device's; and nothing technical sits beside the closed card."""
    relay = relays.start(hours=closed_today_open_tomorrow())
    context = browser.new_context(timezone_id=device_zone, locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(relay.url + "/")
        box = open_chat(page)
        expect(box).to_contain_text("Chatten öppnar i morgon kl. 12.")
        expect(box.locator(".sub")).to_have_text("")  # no "Ansluten" next to "stängd"
        if device_zone == "UTC":
            shoot(page, "closed-utc-device")
    finally:
        context.close()


def test_opening_time_follows_the_relays_configured_zone(page: Page, relays: Relays) -> None:
    """A relay whose hours are kept in New York time shows New York's clock in a Stockholm
    browser, and says which zone in its status frame."""
    zone = ZoneInfo("America/New_York")
    today = datetime.now(zone).date()
    hours = OpeningHours(weekly={}, timezone=zone, exceptions={
        today: (), today + timedelta(days=1): ((time(12), time(14)),)})
    relay = relays.start(hours=hours)
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Chatten öppnar i morgon kl. 12.")

    async def first_status() -> dict[str, object]:
        visitor = await Client.visitor(relay.port)
        try:
            status: dict[str, object] = await visitor.expect("status")
            return status
        finally:
            await visitor.ws.close()

    assert in_thread(first_status())["tz"] == "America/New_York"


def test_closed_card_says_nothing_technical(page: Page, relays: Relays) -> None:
    """While closed, the header carries no connection word ("Ansluten"), only the card."""
    relay = relays.start(hours=closed_today_open_tomorrow())
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Chatten öppnar i morgon kl. 12.")
    page.wait_for_timeout(300)
    expect(box).not_to_contain_text("Ansluten")


def test_closing_time_is_in_the_services_clock_too(
    browser: Browser, relays: Relays, staff_loop: LoopThread
) -> None:
    """Open: 'Öppen till kl. 23.59' in the service's clock on a device set to UTC."""
    # An hour left today: the last 10 minutes before closing take no new chats.
    zone = zone_with_time_left_today(timedelta(hours=1))
    today = datetime.now(zone).date()
    relay = relays.start(hours=OpeningHours(weekly={}, timezone=zone, exceptions={
        today: ((time(0), time(23, 59)),)}))
    Staff.login(staff_loop, relay.port, "anna")
    context = browser.new_context(timezone_id="UTC", locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(relay.url + "/")
        box = open_chat(page)
        expect(box).to_contain_text("Chatten är öppen. Du behöver inte säga vem du är. "
                                    "Öppen till kl. 23.59.")
    finally:
        context.close()
