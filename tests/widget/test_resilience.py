"""The widget under the relay's protective limits: idle close, a full relay, a blocked chat."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support import Client
from tests.widget.conftest import LoopThread, Relays, Staff
from tests.widget.helpers import open_chat, panel, storage, storage_key, write

pytestmark = pytest.mark.browser


def test_idle_socket_closed_by_relay_reconnects_when_visitor_writes(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """After the relay closes an idle socket (4005), the first line reconnects and is delivered."""
    relay = relays.start(idle_timeout_s=1.0, session_check_s=0.25)
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box.locator(".sub")).to_have_text("Ansluten")
    expect(box.locator(".sub")).to_have_text("", timeout=5_000)  # closed as idle; not retrying
    write(page, "Hej efter en stund")
    assert anna.wait_queued()["entry"]["preview"] == "Hej efter en stund"
    expect(box.locator(".m.v")).to_have_attribute("data-t", "got")
    expect(box).to_contain_text("Du står först i kön.")


def test_full_relay_says_busy_and_gets_in_when_there_is_room(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Beyond max_visitors the widget shows 'busy' with help, and retries on its own."""
    relay = relays.start(max_visitors=1)
    Staff.login(staff_loop, relay.port, "anna")
    other = staff_loop.run(Client.visitor(relay.port))
    staff_loop.clients.append(other)
    staff_loop.run(other.expect("status"))
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Många skriver just nu.")
    expect(box.locator("details")).to_have_attribute("open", "")
    staff_loop.run(other.close())
    expect(box).to_contain_text("Chatten är öppen", timeout=20_000)


def test_blocked_chat_cannot_start_again_after_reload(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Staff block: a calm ending, no 'new chat', and a reload does not reopen it."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "spam")
    conversation = anna.claim()
    anna.send({"type": "block", "conversation": conversation})
    expect(box).to_contain_text("Behandlaren har avslutat chatten.")
    expect(page.get_by_role("button", name="Starta en ny chatt")).to_be_hidden()
    expect(page.get_by_role("button", name="Delvis")).to_be_hidden()
    # The refused token keeps it from starting anew.
    assert storage_key(relay.url) in storage(page)["session"]

    page.reload()
    box = panel(page)
    expect(box).to_contain_text("Behandlaren har avslutat chatten.")
    expect(page.get_by_label("Ditt meddelande")).to_be_hidden()
    expect(page.get_by_role("button", name="Starta en ny chatt")).to_be_hidden()
