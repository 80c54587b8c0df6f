"""The widget's share of the hardening round (issue 10): a window whose chat was resumed
elsewhere says so and stays quiet, the resume token is kept per relay, and quick exit goes only
to a web address."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, WebSocket, expect

from tests.widget.conftest import LoopThread, Relays, Staff
from tests.widget.helpers import (
    neutral_exit_page,
    open_chat,
    panel,
    storage,
    storage_key,
    write,
)

pytestmark = pytest.mark.browser

MOVED = "Chatten har öppnats i ett annat fönster eller en annan flik och fortsätter där."


def test_a_window_whose_chat_was_resumed_elsewhere_says_so_and_does_not_take_it_back(
    page: Page, context: BrowserContext, relays: Relays, staff_loop: LoopThread,
    shoot: Callable[[Page, str], Path],
) -> None:
    """Resumed in a second tab (the relay closes the first with 4003): the first says where the
    chat went, hides the form, does not reconnect on its own when looked at again, and takes the
    chat back only when the visitor asks."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Hej")
    conversation = anna.claim()
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna")

    key = storage_key(relay.url)
    saved = page.evaluate("key => sessionStorage.getItem(key)", key)
    other = context.new_page()  # a duplicated tab: same sessionStorage, same token
    other.goto(relay.url + "/healthz")
    other.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [key, saved])
    other.goto(relay.url + "/")
    other_box = panel(other)
    expect(other_box.locator(".sub")).to_have_text("Du chattar med Anna")

    expect(box.locator(".n", has_text=MOVED)).to_be_visible()
    expect(page.get_by_label("Ditt meddelande")).to_be_hidden()
    expect(page.get_by_role("button", name="Avsluta chatten")).to_be_hidden()
    expect(box.locator(".sub")).to_have_text("")
    expect(page.get_by_role("status")).to_contain_text("Chatten har öppnats")  # read out
    shoot(page, "moved")

    # Looking at the old tab again (or the network coming back) does not take the chat back.
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_timeout(1500)
    anna.say(conversation, "Är du kvar?", "s1")
    expect(other_box).to_contain_text("Är du kvar?")
    expect(box).not_to_contain_text("Är du kvar?")
    expect(other_box.locator(".n", has_text=MOVED)).to_be_hidden()

    page.get_by_role("button", name="Fortsätt chatten här").click()
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna")
    expect(box).to_contain_text("Är du kvar?")  # the missed line is replayed
    expect(page.get_by_label("Ditt meddelande")).to_be_visible()
    expect(other_box.locator(".n", has_text=MOVED)).to_be_visible()
    expect(box.locator(".n", has_text=MOVED)).to_be_hidden()


def test_resume_token_is_kept_per_relay_and_never_sent_to_another(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """The token lives under a key naming its relay: one stored for another relay (or under the
    old shared key) is never sent in this relay's hello."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    sent: list[str | bytes] = []

    def watch(ws: WebSocket) -> None:
        ws.on("framesent", lambda payload: sent.append(payload))

    page.on("websocket", watch)
    page.goto(relay.url + "/healthz")
    page.evaluate("""() => {
      const other = JSON.stringify({t: 'token-of-another-relay', o: true, l: 'sv'});
      sessionStorage.setItem('lotsen', other);
      sessionStorage.setItem('lotsen:https://chat.other.example', other);
    }""")
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box).to_contain_text("Chatten är öppen")
    hellos = [json.loads(frame) for frame in sent if '"hello"' in str(frame)]
    assert hellos and all(hello["resume"] is None for hello in hellos)

    write(page, "Hej")
    anna.wait_queued()
    page.wait_for_function("key => sessionStorage.getItem(key) !== null",
                           arg=storage_key(relay.url))
    stored = json.loads(storage(page)["session"][storage_key(relay.url)])
    assert stored["t"] not in (None, "token-of-another-relay")


@pytest.mark.parametrize("exit_url", [
    "javascript:window.pwned=1",
    " JaVaScRiPt:window.pwned=2",
    "java\tscript:window.pwned=3",
    "data:text/html,<title>x</title>",
    "vbscript:msgbox(1)",
    "ftp://files.example.se/",
])
def test_quick_exit_goes_only_to_a_web_address(page: Page, relays: Relays, exit_url: str) -> None:
    """A data-exit-url that is not http(s) is ignored: quick exit goes to the default page."""
    relay = relays.start()
    neutral_exit_page(page)
    tag = f'<script src="/widget.js" data-exit-url="{html.escape(exit_url)}" async></script>'
    page.route(relay.url + "/embedded", lambda route: route.fulfill(
        body=f'<!doctype html><html lang="sv"><title>Sida</title><body>{tag}</body></html>',
        content_type="text/html"))
    page.goto(relay.url + "/embedded")
    open_chat(page)
    page.get_by_role("button", name="Lämna snabbt").click()
    page.wait_for_url("https://www.google.com/")
    assert page.title() == "neutral"
