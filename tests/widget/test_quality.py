"""Accessibility (axe-core), the size budget, no requests before opening, and the mobile layout."""

from __future__ import annotations

import gzip
import urllib.request
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.widget.conftest import TIMEZONE, LoopThread, Relays, Staff
from tests.widget.helpers import filter_relay_frames, open_chat, panel, storage_key, write
from tests.widget.test_help_reach import REFERRAL, add_help_to_queue_frames
from tests.widget.test_hours import closed_today_open_tomorrow

pytestmark = pytest.mark.browser

SIZE_BUDGET = 8 * 1024  # gzipped bytes a visitor downloads before opening the chat
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_script() -> str:
    """axe-core's own script, as shipped by the axe-playwright-python test dependency."""
    try:
        return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.fail("axe-playwright-python is missing: pip install -e '.[test]'")


def axe(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.2 A/AA rules) on the page, Shadow DOM included; return violations."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", WCAG_22_AA)
    return list(result["violations"])


def serious(violations: list[dict[str, Any]]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violations_in_any_state(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """axe-core finds no serious or critical WCAG 2.2 AA violation: launcher, open, chat,
    hidden mid-chat (launcher and quick exit), ended."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    found = {"launcher": axe(page)}
    box = open_chat(page)
    expect(box).to_contain_text("Chatten är öppen")
    found["open"] = axe(page)
    write(page, "Hej")
    conversation = anna.claim()
    anna.say(conversation, "Hej, jag heter Anna.", "s1")
    expect(box).to_contain_text("jag heter Anna")
    found["chatting"] = axe(page)
    page.get_by_role("button", name="Dölj").click()
    expect(page.get_by_role("button", name="Lämna snabbt")).to_be_visible()
    found["minimised"] = axe(page)
    open_chat(page)
    anna.send({"type": "close", "conversation": conversation})
    expect(box).to_contain_text("Behandlaren har avslutat chatten.")
    found["ended"] = axe(page)
    problems = {state: serious(v) for state, v in found.items() if serious(v)}
    assert problems == {}


def test_closed_state_is_accessible(page: Page, relays: Relays) -> None:
    """The closed card with its help links has no serious or critical axe-core violation."""
    relay = relays.start(hours=closed_today_open_tomorrow())
    page.goto(relay.url + "/")
    expect(open_chat(page)).to_contain_text("Chatten öppnar")
    assert serious(axe(page)) == []


def test_keyboard_only_visitor_can_open_write_and_hide(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Tab reaches the launcher; Enter opens with focus in the message box; Hide returns focus."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    launcher = page.get_by_role("button", name="Chatta anonymt")
    for _ in range(10):
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el.matches(':focus-visible')"):
            break
    expect(launcher).to_be_focused()
    outline = launcher.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid", "keyboard focus must be visible"
    page.keyboard.press("Enter")
    box = page.get_by_label("Ditt meddelande")
    expect(box).to_be_focused()
    page.keyboard.type("Hej via tangentbordet")
    page.keyboard.press("Enter")
    anna.expect("queued")
    page.get_by_role("button", name="Dölj").focus()
    page.keyboard.press("Enter")
    expect(panel(page)).to_be_hidden()
    expect(launcher).to_be_focused()


def test_size_budget_and_nothing_contacted_before_opening(page: Page, relays: Relays) -> None:
    """Before the chat opens only widget.js (≤ 8 KB gzipped) loads: no socket, no third party."""
    relay = relays.start()
    requests: list[str] = []
    sockets: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(relay.url + "/")
    page.wait_for_load_state("networkidle")
    loaded = [url for url in requests if not url.endswith("/favicon.ico")]
    assert loaded == [relay.url + "/", relay.url + "/widget.js"]
    assert sockets == [], "no connection may be made before the visitor opens the chat"

    request = urllib.request.Request(relay.url + "/widget.js", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        zipped = response.read()
    assert len(zipped) <= SIZE_BUDGET, f"widget.js is {len(zipped)} bytes gzipped"
    print(f"widget.js: {len(gzip.decompress(zipped))} bytes, {len(zipped)} gzipped")

    open_chat(page)
    page.wait_for_load_state("networkidle")
    after = [url for url in requests if not url.endswith("/favicon.ico")]
    assert after[2:] == [relay.url + "/widget-panel.js"]
    assert sockets == [relay.url.replace("http", "ws") + "/ws/visitor"]
    assert all(url.startswith(relay.url) for url in requests), "no third-party requests"


def test_mobile_panel_is_full_screen_without_zoom_on_input(
    browser: Browser, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """Under the width breakpoint the panel fills the screen, and inputs are 16px (no zoom jump)."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2, timezone_id=TIMEZONE)
    try:
        page = context.new_page()
        page.goto(relay.url + "/")
        box = open_chat(page)
        assert box.bounding_box() == {"x": 0, "y": 0, "width": 390, "height": 844}
        for label in ("Ditt meddelande", "Vem skriver du om? (frivilligt)", "Språk"):
            size = page.get_by_label(label).evaluate("el => getComputedStyle(el).fontSize")
            assert float(size.removesuffix("px")) >= 16, f"{label}: {size}"
        write(page, "Hej från mobilen. Jag vet inte riktigt hur jag ska börja.")
        conversation = anna.claim()
        anna.say(conversation, "Hej! Ta den tid du behöver.", "s1")
        expect(box).to_contain_text("Ta den tid du behöver")
        shoot(page, "mobile")
        assert serious(axe(page)) == []
    finally:
        context.close()


def test_help_links_hint_and_moved_states_are_accessible(
    page: Page, context: BrowserContext, relays: Relays, staff_loop: LoopThread
) -> None:
    """No serious axe-core violation with the help list unfolded at the foot while queued, a
    referral's links in a staff line, and a window whose chat went on in another tab."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    filter_relay_frames(page, add_help_to_queue_frames({"on": True}))
    page.goto(relay.url + "/")
    box = open_chat(page)
    found = {"hint": axe(page)}
    write(page, "Jag orkar inte mer")
    anna.wait_queued()
    expect(box.locator("details")).to_have_attribute("open", "")
    found["queued-help"] = axe(page)
    conversation = anna.claim()
    anna.say(conversation, REFERRAL, "s1")
    expect(box.locator(".m:not(.v):not(.s) a")).to_have_count(4)
    found["links"] = axe(page)

    key = storage_key(relay.url)
    saved = page.evaluate("key => sessionStorage.getItem(key)", key)
    other = context.new_page()
    other.goto(relay.url + "/healthz")
    other.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [key, saved])
    other.goto(relay.url + "/")
    expect(page.get_by_role("button", name="Fortsätt chatten här")).to_be_visible()
    found["moved"] = axe(page)
    problems = {state: serious(v) for state, v in found.items() if serious(v)}
    assert problems == {}
