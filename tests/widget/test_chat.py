"""The visitor's chat in real headless Chromium against a real relay and a staff protocol client."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from tests.support import Client, sqlite_file
from tests.widget.conftest import LoopThread, Relays, Staff, add_staff
from tests.widget.helpers import (
    RelayFrame,
    chat_lines,
    filter_relay_frames,
    lines,
    neutral_exit_page,
    open_chat,
    panel,
    storage,
    storage_key,
    write,
)

pytestmark = pytest.mark.browser


def left_quickly(page: Page, staff: Staff, conversation: int) -> None:
    """The page went to the quick-exit address and staff saw the chat end as a quick exit."""
    page.wait_for_url("https://www.google.com/")
    ended = staff.expect("ended", conversation=conversation)
    assert ended["by"] == "visitor" and ended["reason"] == "quick_exit"


def test_visitor_writes_staff_claims_and_answers(
    page: Page, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """Open, say who you write about, write, wait, get claimed, see typing, ticks and the answer."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    shoot(page, "launcher")
    box = open_chat(page)
    expect(box).to_contain_text("Chatten är öppen")
    assert storage(page) == {"session": {}, "local": [], "cookie": ""}, "nothing stored yet"
    shoot(page, "open")

    page.get_by_label("Vem skriver du om? (frivilligt)").select_option("relative")
    write(page, "Hej, jag är orolig för min pappa som dricker.")
    queued = anna.wait_queued()
    assert queued["entry"]["role"] == "relative"
    assert queued["entry"]["lang"] == "sv"
    expect(box).to_contain_text("Du står först i kön.")
    expect(box.locator(".m.v")).to_have_attribute("data-t", "got")  # stored: two ticks
    assert storage_key(relay.url) in storage(page)["session"], "the token is kept once it started"
    shoot(page, "waiting")

    conversation = anna.claim()
    expect(box).to_contain_text("Anna har anslutit till chatten.")
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna")

    anna.send({"type": "typing", "conversation": conversation, "active": True})
    expect(box).to_contain_text("Anna skriver…")
    anna.say(conversation, "Hej! Vad bra att du skriver. Berätta gärna mer.", "s1")
    expect(box.locator(".m:not(.v):not(.s)")).to_contain_text("Vad bra att du skriver")
    expect(box.get_by_text("Anna skriver…")).to_be_hidden()
    assert lines(page)[-1]["author"] == "Anna"

    page.get_by_label("Ditt meddelande").press_sequentially("Han", delay=20)
    assert anna.expect("typing", conversation=conversation)["active"] is True
    write(page, "Han dricker varje kväll.")
    assert anna.expect("message", kind="visitor", text="Han dricker varje kväll.")["seq"] == 3
    expect(box.locator(".m.v").last).to_have_attribute("data-t", "got")
    shoot(page, "chatting")

    page.get_by_role("button", name="Jag behöver en stund").click()
    anna.expect("moment", conversation=conversation)
    expect(box).to_contain_text("Behandlaren vet att du behöver en stund.")
    assert chat_lines(page) == [
        ("visitor", "Hej, jag är orolig för min pappa som dricker."),
        ("staff", "Hej! Vad bra att du skriver. Berätta gärna mer."),
        ("visitor", "Han dricker varje kväll."),
    ]


def test_visitor_ends_chat_and_answers_feedback(
    page: Page, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """End chat asks once, staff are told, storage is cleared, and one feedback answer is kept."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Hej")
    conversation = anna.claim()
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna")

    page.get_by_role("button", name="Avsluta chatten").click()
    expect(page.get_by_role("button", name="Nej, fortsätt")).to_be_focused()
    page.get_by_role("button", name="Ja, avsluta").click()
    ended = anna.expect("ended", conversation=conversation)
    assert ended["by"] == "visitor"
    expect(box).to_contain_text("Du har avslutat chatten.")
    assert storage(page)["session"] == {}, "an ended chat leaves nothing in storage"
    expect(page.get_by_label("Ditt meddelande")).to_be_hidden()
    shoot(page, "ended")

    page.get_by_role("button", name="Delvis").click()
    expect(box).to_contain_text("Tack för ditt svar!")
    expect(page.get_by_role("button", name="Delvis")).to_be_hidden()

    async def feedback() -> str | None:
        assert relay.relay is not None
        record = await relay.relay.storage.conversation(conversation)
        return None if record is None else record.feedback

    def stored_feedback() -> str | None:
        value: str | None = relay.call(lambda _relay: feedback())
        return value

    page.wait_for_timeout(300)
    assert stored_feedback() == "partly"

    page.get_by_role("button", name="Starta en ny chatt").click()
    expect(box).to_contain_text("Chatten är öppen")
    assert chat_lines(page) == []


def test_reload_resumes_with_nothing_lost_or_duplicated(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """A reload mid-chat reopens the panel with every line exactly once, and the chat goes on."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Första raden")
    conversation = anna.claim()
    anna.say(conversation, "Svar ett", "s1")
    write(page, "Andra raden")
    anna.expect("message", kind="visitor", text="Andra raden")
    anna.say(conversation, "Svar två", "s2")
    expect(box).to_contain_text("Svar två")
    before = chat_lines(page)

    page.reload()
    box = panel(page)
    expect(box).to_be_visible()
    expect(box).to_contain_text("Svar två")
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna")
    page.wait_for_timeout(300)  # any duplicate would have arrived by now
    assert chat_lines(page) == before
    assert all(line["tick"] == "got" for line in lines(page) if line["kind"] == "visitor")

    anna.say(conversation, "Är du kvar?", "s3")
    expect(box).to_contain_text("Är du kvar?")
    write(page, "Ja")
    anna.expect("message", kind="visitor", text="Ja")
    assert [text for _, text in chat_lines(page)] == [
        "Första raden", "Svar ett", "Andra raden", "Svar två", "Är du kvar?", "Ja"]


def test_relay_restart_mid_chat_reconnects_on_its_own(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """The relay restarts on the same port and database; the widget reconnects, nothing is lost."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Före omstarten")
    conversation = anna.claim()
    anna.say(conversation, "Hej från Anna", "s1")
    expect(box).to_contain_text("Hej från Anna")

    relay = relays.restart(relay)
    anna = Staff.login(staff_loop, relay.port, "anna")
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna", timeout=15_000)
    anna.say(conversation, "Efter omstarten", "s2")
    expect(box).to_contain_text("Efter omstarten")
    write(page, "Jag är kvar")
    line = anna.expect("message", kind="visitor", text="Jag är kvar")
    assert line["conversation"] == conversation
    expect(box.locator(".m.v").last).to_have_attribute("data-t", "got")
    page.wait_for_timeout(300)
    assert [text for _, text in chat_lines(page)] == [
        "Före omstarten", "Hej från Anna", "Efter omstarten", "Jag är kvar"]


def test_line_written_while_relay_is_down_is_delivered_once(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """A line sent while disconnected waits, then is delivered exactly once after reconnecting."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Hej")
    conversation = anna.claim()
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna")

    port, config = relay.port, relay.config
    relay.stop()
    relays.running.remove(relay)
    expect(box.locator(".sub")).to_have_text("Ingen anslutning – försöker igen…")
    write(page, "Skrivet medan reläet var nere")
    expect(box.locator(".m.v").last).to_have_attribute("data-t", "wait0")

    from dataclasses import replace

    relay = relays.start(replace(config, port=port))
    anna = Staff.login(staff_loop, relay.port, "anna")
    expect(box.locator(".m.v").last).to_have_attribute("data-t", "got", timeout=15_000)
    anna.send({"type": "sync", "conversation": conversation})
    texts = []
    while True:
        line = anna.expect("message", conversation=conversation)
        texts.append(line["text"])
        if line["text"] == "Skrivet medan reläet var nere":
            break
    assert texts.count("Skrivet medan reläet var nere") == 1


def test_a_lost_started_frame_rejoins_the_same_chat(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """The socket drops between the first line and its "started": the widget reconnects and
    sends the line again with the token it made, and the relay gives back the same chat."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    cut = {"done": False}

    def cut_first_started(message: RelayFrame, ws: WebSocketRoute,
                          server: WebSocketRoute) -> bool:
        if not cut["done"] and '"type":"started"' in str(message):
            cut["done"] = True  # the phone loses signal before "started" arrives
            ws.close()
            server.close()
            return False
        return True

    filter_relay_frames(page, cut_first_started)
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Jag vet inte vem jag ska prata med")
    first = anna.wait_queued()
    expect(box.locator(".m.v")).to_have_attribute("data-t", "got", timeout=15_000)
    assert cut["done"], "the first started frame was cut"
    assert storage_key(relay.url) in storage(page)["session"]
    conversation = anna.claim()
    assert conversation == first["entry"]["conversation"]
    expect(box).to_contain_text("Anna har anslutit till chatten.")
    anna.say(conversation, "Hej, jag finns här.", "s1")
    expect(box.locator(".m:not(.v):not(.s)")).to_contain_text("Hej, jag finns här.")
    assert chat_lines(page).count(("visitor", "Jag vet inte vem jag ska prata med")) == 1
    anna.send({"type": "sync", "conversation": conversation})
    line = anna.expect("message", conversation=conversation, seq=1)
    assert line["text"] == "Jag vet inte vem jag ska prata med"
    with contextlib.closing(sqlite3.connect(sqlite_file(relay.config.database))) as db:
        assert db.execute("SELECT COUNT(*) FROM conversations").fetchone() == (1,)


def test_quick_exit_by_escape_clears_storage_and_replaces_history(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Esc three times tells staff, clears storage and replaces the page so Back skips the chat."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    neutral_exit_page(page)
    page.goto(relay.url + "/healthz")  # the page before the chat page
    page.goto(relay.url + "/")
    open_chat(page)
    write(page, "Någon kommer")
    conversation = anna.claim()
    # The page handles its socket's frames on its own schedule: wait until it has the token.
    page.wait_for_function("key => sessionStorage.getItem(key) !== null",
                           arg=storage_key(relay.url))

    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    left_quickly(page, anna, conversation)

    page.go_back()
    assert page.url == relay.url + "/healthz", "Back must not return to the chat page"
    assert storage(page)["session"] == {}


def test_quick_exit_stays_reachable_while_the_panel_is_hidden(
    page: Page, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """Panel hidden mid-chat: a quick exit beside the launcher ends the chat the same way."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    neutral_exit_page(page)
    page.goto(relay.url + "/healthz")  # the page before the chat page
    page.goto(relay.url + "/")
    launcher = page.get_by_role("button", name="Chatta anonymt")
    exit_button = page.get_by_role("button", name="Lämna snabbt")
    box = open_chat(page)
    page.get_by_role("button", name="Dölj").click()
    expect(launcher).to_be_visible()
    expect(exit_button).to_be_hidden()  # no chat yet: the launcher alone, as on any page view

    launcher.click()
    write(page, "Någon kommer")
    conversation = anna.claim()
    expect(box.locator(".sub")).to_have_text("Du chattar med Anna")
    expect(exit_button).to_have_count(1)  # the panel's own; the one beside the launcher is hidden
    page.get_by_role("button", name="Dölj").click()
    expect(box).to_be_hidden()
    expect(exit_button).to_be_visible()
    assert exit_button.get_attribute("title") == (
        "Lämnar sidan direkt. Du kan också trycka Esc tre gånger.")

    exit_box, launch_box = exit_button.bounding_box(), launcher.bounding_box()
    assert exit_box is not None and launch_box is not None
    assert exit_box["width"] >= 24 and exit_box["height"] >= 24, "WCAG 2.2 target size"
    assert exit_box["y"] + exit_box["height"] <= launch_box["y"], "it must not cover the launcher"
    colours = exit_button.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    assert colours == ["rgb(164, 22, 26)", "rgb(255, 255, 255)"]  # #a4161a on white: 7.0:1
    launcher.focus()
    page.keyboard.press("Shift+Tab")  # just before the launcher in the tab order
    expect(exit_button).to_be_focused()
    assert exit_button.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    shoot(page, "minimised-focus")
    exit_button.blur()
    shoot(page, "minimised")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "minimised-mobile")

    exit_button.click()
    left_quickly(page, anna, conversation)
    page.go_back()
    assert page.url == relay.url + "/healthz", "Back must not return to the chat page"
    assert storage(page)["session"] == {}


def test_quick_exit_by_escape_works_while_the_panel_is_hidden(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Esc three times with the panel hidden mid-chat still ends the chat and leaves the page."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    neutral_exit_page(page)
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Någon kommer")
    conversation = anna.claim()
    page.get_by_role("button", name="Dölj").click()
    expect(box).to_be_hidden()
    page.locator("body").click(position={"x": 10, "y": 10})  # focus back on the host page

    for _ in range(3):
        page.keyboard.press("Escape")
    left_quickly(page, anna, conversation)
    assert storage(page)["session"] == {}


def test_quick_exit_button_works_before_any_chat(page: Page, relays: Relays) -> None:
    """The always-visible quick exit button leaves at once, to the configured neutral page."""
    relay = relays.start()
    neutral_exit_page(page)
    page.goto(relay.url + "/")
    open_chat(page)
    page.get_by_role("button", name="Lämna snabbt").click()
    page.wait_for_url("https://www.google.com/")
    assert page.title() == "neutral"


def test_html_from_staff_and_visitor_is_shown_as_text(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Markup and scripts in any message, or in a staff name, are shown as text and never run."""
    relay = relays.start()
    add_staff(relay.config.database, "mallory", name='<img src=x onerror="window.pwned=3">')
    staff = Staff.login(staff_loop, relay.port, "mallory")
    page.goto(relay.url + "/")
    box = open_chat(page)
    own = '<b>fet</b><img src=x onerror="window.pwned=1">'
    write(page, own)
    conversation = staff.claim()
    evil = '<script>window.pwned=2</script><img src=y onerror="window.pwned=2"><a href="#">x</a>'
    staff.say(conversation, evil, "s1")
    expect(box).to_contain_text("<script>window.pwned=2</script>")
    page.wait_for_timeout(300)

    shown = lines(page)
    assert [(line["kind"], line["text"]) for line in shown if line["kind"] != "note"] == [
        ("visitor", own), ("staff", evil)]
    assert all(line["elements"] == 0 for line in shown), "no element was made from message text"
    assert shown[-1]["author"] == '<img src=x onerror="window.pwned=3">'
    assert page.evaluate("window.pwned") is None
    assert page.evaluate(
        "document.querySelector('[data-lotsen]').shadowRoot.querySelectorAll('img,b,script').length"
    ) == 0


def test_queue_shows_the_wait_and_moves_up_when_the_visitor_ahead_is_claimed(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Second in the queue with staff online: place and estimated wait, then first once the
    visitor ahead is claimed."""
    relay = relays.start(default_handle_minutes=20)  # one counsellor, two chats: about 5 min
    anna = Staff.login(staff_loop, relay.port, "anna")
    ahead = staff_loop.run(Client.visitor(relay.port))
    staff_loop.clients.append(ahead)
    staff_loop.run(ahead.say("Jag var här först"))
    first = anna.expect("queued")["entry"]["conversation"]

    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Jag väntar på min tur")
    anna.expect("queued")
    queue = box.locator(".n", has_text="i kön")
    expect(queue).to_contain_text("Du är nummer 2 i kön. Beräknad väntetid: cirka 5 min.")

    anna.send({"type": "claim"})
    claimed = anna.expect("conversation", state="active")
    assert claimed["id"] == first, "the visitor ahead was claimed"
    expect(queue).to_contain_text("Du står först i kön. Beräknad väntetid: cirka 5 min.")
    expect(page.get_by_role("status")).to_have_text(
        "Du står först i kön. Beräknad väntetid: cirka 5 min.")  # read out, too


def test_own_line_shows_sent_until_the_relay_acknowledges_it(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """A line is marked sent (one tick) while the relay's ack is on its way, delivered after."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    held: list[str | bytes] = []
    routes: list[WebSocketRoute] = []
    hold = {"on": True}

    def hold_acks(message: RelayFrame, ws: WebSocketRoute, _: WebSocketRoute) -> bool:
        if hold["on"] and '"type":"ack"' in str(message):
            held.append(message)
            routes.append(ws)
            return False
        return True

    filter_relay_frames(page, hold_acks)
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Är det någon där?")
    anna.expect("queued")
    line = box.locator(".m.v")
    expect(line).to_have_attribute("data-t", "sent")
    expect(line.locator(".tk")).to_have_text("✓ skickat")
    page.wait_for_timeout(300)  # the relay has queued it (staff saw it); only the ack is held
    assert len(held) == 1
    expect(line).to_have_attribute("data-t", "sent")

    hold["on"] = False
    for message in held:
        routes[-1].send(message)
    expect(line).to_have_attribute("data-t", "got")
    expect(line.locator(".tk")).to_have_text("✓✓ levererat")


@pytest.mark.parametrize("lang, text", [
    ("sv", "Texten raderas efter 7 dagar. "
           "Om ett barn far illa måste personalen anmäla det till socialtjänsten."),
    ("en", "The text is deleted after 7 days. "
           "If a child is at risk, staff must report it to social services."),
    ("nb", "Teksten slettes etter 7 dager. "
           "Hvis et barn ikke har det trygt, må de ansatte melde fra til barnevernet."),
])
def test_privacy_line_states_the_relays_retention_and_the_duty_to_report(
    page: Page, relays: Relays, staff_loop: LoopThread, lang: str, text: str
) -> None:
    """The privacy line names the relay's retention_days and staff's duty to report a child at
    risk, in each language."""
    relay = relays.start(retention_days=7)
    Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    page.get_by_label("Språk").select_option(lang)
    privacy = box.locator("p.sm", has_text=text)
    expect(privacy).to_be_visible()
    expect(privacy).to_have_text(re.compile(re.escape(text) + "$"))  # after the anonymity line
