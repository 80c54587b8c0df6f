"""Questions outside opening hours in a real browser: ask while closed, get a code, staff answer,
read and reply with the code in a new browser context; an urgent question shows help first."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from relay.triage import default_triage
from tests.support import RelayThread
from tests.widget.conftest import TIMEZONE, LoopThread, Relays, Staff
from tests.widget.helpers import open_chat, storage
from tests.widget.test_hours import closed_today_open_tomorrow
from widget import asset

pytestmark = pytest.mark.browser

QUESTION = "Hur pratar jag med min pappa om hans drickande?"


def closed_relay(relays: Relays) -> RelayThread:
    """A relay closed today and open tomorrow 12-14, with the shipped triage."""
    config = relays.config(hours=closed_today_open_tomorrow())
    return relays.start(config, triage=default_triage(config))


def ask(page: Page, text: str, *, remember: bool = False) -> str:
    """Open the widget, write a question and return the code it shows."""
    box = open_chat(page)
    expect(box).to_contain_text("Skriv din fråga – en behandlare svarar under nästa öppettid.")
    box.get_by_role("button", name="Skriv din fråga").click()
    expect(box).to_contain_text("Den är det enda sättet att läsa svaret")
    box.get_by_label("Din fråga").fill(text)
    if remember:
        box.get_by_label("Kom ihåg koden på den här enheten").check()
    box.get_by_role("button", name="Skicka frågan").click()
    code = box.locator(".cd")
    expect(code).to_be_visible()
    return code.inner_text()


def test_ask_while_closed_then_read_the_answer_with_the_code(
    browser: Browser, page: Page, relays: Relays, staff_loop: LoopThread,
    shoot: Callable[[Page, str], Path],
) -> None:
    """Closed: the visitor asks and sees a code once, nothing stored; staff answer; in a new
    browser context the code opens the thread with the answer, the visitor replies and staff
    see the reply."""
    relay = closed_relay(relays)
    page.goto(relay.url + "/")
    code = ask(page, QUESTION)
    assert len(code.split("-")) == 6
    box = page.locator("[data-lotsen] .p")
    expect(box).to_contain_text("den visas bara en gång")
    expect(box).to_contain_text("Texten raderas 14 dagar efter")
    expect(box).to_contain_text("En behandlare svarar i morgon kl. 12.")
    assert storage(page) == {"session": {}, "local": [], "cookie": ""}, "nothing stored"
    shoot(page, "question-code")

    staff = Staff.login(staff_loop, relay.port)
    (entry,) = staff.expect("inbox")["entries"]
    assert entry["preview"] == QUESTION and entry["urgent"] is False
    staff.send({"type": "question_open", "question": entry["id"]})
    staff.expect("question_thread")
    staff.send({"type": "question_answer", "question": entry["id"], "cid": "a1",
                "text": "Hej! Bra att du skriver.\nVill du berätta mer?"})
    staff.expect("question_ack", cid="a1")

    later = browser.new_context(timezone_id=TIMEZONE, locale="sv-SE")
    try:
        other = later.new_page()
        other.goto(relay.url + "/")
        again = open_chat(other)
        again.get_by_role("button", name="Jag har en kod").click()
        again.get_by_label("Din kod").fill("wrong-code-here-now-12345-67890")
        again.get_by_role("button", name="Öppna").click()
        expect(again).to_contain_text("Ingen fråga har den koden.")
        again.get_by_label("Din kod").fill(code.upper().replace("-", " "))
        again.get_by_role("button", name="Öppna").click()
        expect(again).to_contain_text("Vill du berätta mer?")
        expect(again).to_contain_text(QUESTION)
        expect(again.locator(".au")).to_have_text("Anna")
        shoot(other, "question-thread")
        again.get_by_label("Ditt svar").fill("Tack, han dricker mest på helgerna.")
        again.get_by_role("button", name="Skicka", exact=True).click()
        expect(again).to_contain_text("Tack, han dricker mest på helgerna.")
        line = staff.expect("question_line", text="Tack, han dricker mest på helgerna.")
        assert line["kind"] == "visitor" and line["question"] == entry["id"]
    finally:
        later.close()


def test_urgent_question_shows_emergency_help_before_the_code(
    page: Page, relays: Relays, shoot: Callable[[Page, str], Path]
) -> None:
    """Triage finds acute risk in the question: the visitor first sees that nobody reads it
    until the next opening and the emergency numbers, and only below that the code."""
    relay = closed_relay(relays)
    page.goto(relay.url + "/")
    ask(page, "Jag orkar inte mer, jag vill ta mitt liv i natt", remember=True)
    box = page.locator("[data-lotsen] .p")
    urgent = box.locator(".ur")
    expect(urgent).to_be_visible()
    expect(urgent).to_contain_text("Ingen läser din fråga förrän i morgon kl. 12.")
    expect(urgent.get_by_role("link", name="112")).to_have_attribute("href", "tel:112")
    expect(urgent).to_be_focused()
    order = page.evaluate("""() => {
      const root = document.querySelector('[data-lotsen]').shadowRoot;
      const u = root.querySelector('.ur'), c = root.querySelector('.cd');
      return !!(u.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    assert order, "the emergency card comes before the code"
    assert storage(page)["local"] == ["lotsen-code"], "remembered only because it was ticked"
    shoot(page, "question-urgent")


def test_question_bundle_is_lazy_and_its_size(page: Page, relays: Relays) -> None:
    """widget-questions.js is fetched only when the visitor chooses to ask; the loader stays
    within its budget. Prints the bundle's gzipped size."""
    relay = closed_relay(relays)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box.get_by_role("button", name="Jag har en kod")).to_be_visible()
    assert not any("widget-questions.js" in url for url in fetched)
    box.get_by_role("button", name="Jag har en kod").click()
    expect(box.get_by_label("Din kod")).to_be_visible()
    assert any("widget-questions.js" in url for url in fetched)
    sizes = {name: len(gzip.compress(asset(name).read_bytes(), 9))
             for name in ("widget.js", "widget-questions.js")}
    assert sizes["widget.js"] <= 8 * 1024
    print(f"widget-questions.js: {sizes['widget-questions.js']} bytes gzipped")


def test_question_views_are_accessible(page: Page, relays: Relays) -> None:
    """axe-core finds no serious or critical violation in the question form, the urgent card
    with the code, and the code entry."""
    from tests.widget.test_quality import axe, serious

    relay = closed_relay(relays)
    page.goto(relay.url + "/")
    box = open_chat(page)
    box.get_by_role("button", name="Skriv din fråga").click()
    expect(box.get_by_label("Din fråga")).to_be_visible()
    found = {"ask": serious(axe(page))}
    box.get_by_label("Din fråga").fill("Jag vill ta mitt liv")
    box.get_by_role("button", name="Skicka frågan").click()
    expect(box.locator(".cd")).to_be_visible()
    found["code"] = serious(axe(page))
    box.get_by_role("button", name="Stäng").click()
    box.get_by_role("button", name="Jag har en kod").click()
    expect(box.get_by_label("Din kod")).to_be_visible()
    found["read"] = serious(axe(page))
    assert found == {"ask": [], "code": [], "read": []}
