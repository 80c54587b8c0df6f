"""What a new visitor stumbles on (issue 12, widget points): help in reach in every state,
counsellors' numbers and addresses as links, a labelled message box, the first-time hint, and
texts that fit the state."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from relay.triage import default_triage
from tests.support import Client
from tests.widget.conftest import LoopThread, Relays, Staff
from tests.widget.helpers import RelayFrame, filter_relay_frames, open_chat, panel, write
from tests.widget.test_embed import HostSite, snippet_from_cli

pytestmark = pytest.mark.browser

HELP = "Behöver du hjälp nu?"
REFERRAL = ("Alkoholhjälpen 020-84 44 48, alkoholhjalpen.se. Läs mer på "
            "https://www.alkoholhjalpen.se/om?x=1 eller ring Jourhavande 08-702 16 80.")


def test_help_list_is_one_tap_away_while_queued_chatting_hidden_and_ended(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """The help list stays reachable in one tap in every state of a chat: in the panel while
    queued, chatting (even under a long transcript) and ended; beside the launcher when hidden."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Jag vill inte leva längre")
    anna.wait_queued()
    expect(box).to_contain_text("Du står först i kön.")
    summary = box.locator("summary", has_text=HELP)
    expect(summary).to_be_in_viewport()
    summary.click()
    expect(box.get_by_role("link", name="90101")).to_be_visible()
    summary.click()  # folded again

    conversation = anna.claim()
    for n in range(25):
        anna.say(conversation, f"Rad {n} av ett långt svar.", f"s{n}")
    expect(box).to_contain_text("Rad 24 av ett långt svar.")
    expect(summary).to_be_in_viewport()  # not scrolled away with the transcript
    expect(box.get_by_role("link", name="90101")).to_be_hidden()

    page.get_by_role("button", name="Dölj").click()
    expect(box).to_be_hidden()
    beside = page.get_by_role("button", name=HELP)
    expect(beside).to_be_visible()
    launcher = page.get_by_role("button", name="Chatta anonymt")
    beside_box, launch_box = beside.bounding_box(), launcher.bounding_box()
    assert beside_box is not None and launch_box is not None
    assert beside_box["y"] + beside_box["height"] <= launch_box["y"], "must not cover the launcher"
    beside.click()  # one tap: the panel opens with the list unfolded
    expect(box).to_be_visible()
    expect(box.get_by_role("link", name="90101")).to_be_visible()
    expect(summary).to_be_focused()

    anna.send({"type": "close", "conversation": conversation})
    expect(box).to_contain_text("Behandlaren har avslutat chatten.")
    expect(summary).to_be_visible()
    page.get_by_role("button", name="Dölj").click()
    expect(beside).to_be_visible()


def add_help_to_queue_frames(urgent: dict[str, bool]) -> Callable[..., bool]:
    """A frame filter that stages the relay's urgent flag: while ``urgent["on"]``, each
    ``queue`` frame reaches the page with ``"help": true``."""

    def keep(message: RelayFrame, ws: WebSocketRoute, _: WebSocketRoute) -> bool:
        frame = json.loads(message)
        if frame.get("type") != "queue" or not urgent["on"]:
            return True
        ws.send(json.dumps({**frame, "help": True}))
        return False

    return keep


def test_help_list_opens_while_queued_when_the_relay_flags_the_chat(
    page: Page, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """A queue frame with help=true unfolds the help list once, saying nothing about a flag;
    folded again by the visitor, it stays folded."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    urgent = {"on": True}
    filter_relay_frames(page, add_help_to_queue_frames(urgent))
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Jag vill inte leva längre")
    anna.wait_queued()
    expect(box).to_contain_text("Du står först i kön.")
    help_card = box.locator("details")
    expect(help_card).to_have_attribute("open", "")
    expect(box.get_by_role("link", name="112")).to_be_visible()
    shown = box.inner_text().lower()
    assert not any(word in shown for word in ("brådskande", "flagg", "prioriter", "urgent"))
    shoot(page, "waiting-help")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(box.get_by_role("link", name="112")).to_be_in_viewport()
    expect(page.get_by_label("Ditt meddelande")).to_be_in_viewport()
    shoot(page, "waiting-help-mobile")
    page.set_viewport_size({"width": 1280, "height": 800})

    box.locator("summary", has_text=HELP).click()
    expect(help_card).not_to_have_attribute("open", "")
    staff_loop.run(anna.client.drain(0.2))
    other = staff_loop.run(Client.visitor(relay.port))
    staff_loop.clients.append(other)
    staff_loop.run(other.say("Jag kom efter"))  # the queue changes: a new queue frame
    page.wait_for_timeout(500)
    expect(help_card).not_to_have_attribute("open", "")


def test_help_list_opens_for_a_first_line_the_relays_triage_finds_urgent(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """End to end with the relay's own triage: a worried first line unfolds the help list
    while the visitor waits."""
    config = relays.config()
    relay = relays.start(config, triage=default_triage(config))
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Jag orkar inte mer. Jag vill inte leva längre och har tabletter hemma.")
    assert anna.wait_queued()["entry"]["urgent"] is True
    expect(box).to_contain_text("Du står först i kön.")
    expect(box.locator("details")).to_have_attribute("open", "")
    expect(box.get_by_role("link", name="90101")).to_be_visible()


def test_help_list_stays_folded_while_queued_without_the_flag(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """An ordinary chat in the queue shows the help list folded (one tap away)."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Hej, jag undrar över öppettiderna")
    anna.wait_queued()
    expect(box).to_contain_text("Du står först i kön.")
    expect(box.locator("summary", has_text=HELP)).to_be_visible()
    expect(box.locator("details")).not_to_have_attribute("open", "")


def test_counsellors_numbers_and_addresses_are_links_that_never_wrap(
    page: Page, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """A referral's phone numbers become tel: links kept on one line, its web addresses links
    opening a new tab with rel=noopener noreferrer; the text reads exactly as sent."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Min pappa dricker, ring mig inte på 070-123 45 67")
    conversation = anna.claim()
    anna.say(conversation, REFERRAL, "s1")
    line = box.locator(".m:not(.v):not(.s) p")
    expect(line).to_have_text(REFERRAL)

    links = line.locator("a")
    assert links.evaluate_all("els => els.map(a => [a.textContent, a.getAttribute('href')])") == [
        ["020-84 44 48", "tel:020844448"],
        ["alkoholhjalpen.se", "https://alkoholhjalpen.se/"],
        ["https://www.alkoholhjalpen.se/om?x=1", "https://www.alkoholhjalpen.se/om?x=1"],
        ["08-702 16 80", "tel:087021680"],
    ]
    for web in line.locator("a[href^='https:']").all():
        assert web.get_attribute("target") == "_blank"
        assert web.get_attribute("rel") == "noopener noreferrer"
    for number in box.locator("a[href^='tel:']").all():  # the help list's numbers too
        assert number.evaluate("a => getComputedStyle(a).whiteSpace") == "nowrap"
        assert number.evaluate("a => a.getClientRects().length") == 1, number.text_content()
    expect(box.locator(".m.v a")).to_have_count(0)  # the visitor's own words stay text
    shoot(page, "links-mobile")


# Lines a modified relay (or a bug) could send: markup, script URLs, lone surrogates (sent as
# JSON escapes, as a raw socket would), control and invisible characters, and huge lines.
HOSTILE = [
    '<img src=x onerror="window.pwned=1"> https://a.se/"><script>window.pwned=2</script>',
    "javascript:window.pwned=3 JaVaScRiPt:alert(1) data:text/html,<b>x</b> vbscript:x",
    "ring 08-702 16 80 \ud800 https://x.se/\udfff och \udc00\ud800 070-123 45 67",
    "https://evil.se/\u202e\u0000\u0007\u001b[2J\u200b\ufeff gpj.exe 112\u0000112",
    "x" * 200_000 + " 0701234567 https://" + "a" * 100_000 + ".se",
    "1 " * 50_000 + "a." * 50_000,
]


def test_hostile_staff_lines_are_text_and_only_safe_links(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Lines with markup, javascript: URLs, lone surrogates, control characters or 100 KB of
    text render as the exact text sent; the only elements made are <a> with http(s) or tel:."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    sides: list[WebSocketRoute] = []

    def keep(_: RelayFrame, ws: WebSocketRoute, __: WebSocketRoute) -> bool:
        if not sides:
            sides.append(ws)
        return True

    filter_relay_frames(page, keep)
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Hej")
    anna.claim()
    expect(box).to_contain_text("Anna har anslutit till chatten.")
    frames = [json.dumps({"type": "message", "seq": 100 + n, "kind": "staff", "author": "Anna",
                          "text": text, "ts": 0}) for n, text in enumerate(HOSTILE)]
    assert all(frame.isascii() for frame in frames)  # lone surrogates travel as JSON escapes
    for frame in frames:
        sides[0].send(frame)
    expect(box.locator(".m:not(.v):not(.s)")).to_have_count(len(HOSTILE), timeout=20_000)

    report = page.evaluate("""frames => {
      const root = document.querySelector('[data-lotsen]').shadowRoot;
      const shown = [...root.querySelectorAll('.m:not(.v):not(.s) p')];
      return {
        same: frames.map((f, i) => shown[i].textContent === JSON.parse(f).text),
        tags: [...new Set(shown.flatMap(p => [...p.querySelectorAll('*')].map(e => e.tagName)))],
        hrefs: shown.flatMap(p => [...p.querySelectorAll('a')].map(a => a.getAttribute('href'))),
        targets: shown.flatMap(p => [...p.querySelectorAll('a[href^="https:"]')]
          .map(a => a.target + ' ' + a.rel)),
        pwned: window.pwned ?? null,
        extra: root.querySelectorAll('img,script,b').length,
      };
    }""", frames)
    assert report["same"] == [True] * len(HOSTILE), "every line reads exactly as sent"
    assert report["tags"] == ["A"]
    assert report["hrefs"] and all(
        href.startswith(("https://", "tel:")) for href in report["hrefs"]), report["hrefs"]
    assert "https://a.se/" in report["hrefs"]  # the quote ends the address
    assert not any("script" in href.lower() or "data:" in href for href in report["hrefs"])
    assert "https://evil.se/" in report["hrefs"]  # the invisible characters are not part of it
    assert "tel:0701234567" in report["hrefs"] and "tel:087021680" in report["hrefs"]
    assert set(report["targets"]) == {"_blank noopener noreferrer"}
    assert report["pwned"] is None and report["extra"] == 0


def test_moment_says_the_right_thing_queued_and_chatting(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """'Jag behöver en stund' while queued says nobody has joined yet and the place is kept;
    in a chat it says the counsellor knows."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    write(page, "Hej")
    anna.wait_queued()
    expect(box).to_contain_text("Du står först i kön.")
    page.get_by_role("button", name="Jag behöver en stund").click()
    queued_note = ("Ingen behandlare har anslutit ännu. Du behåller din plats i kön – "
                   "ta den tid du behöver.")
    expect(box.locator(".m.s")).to_have_text([queued_note])
    expect(box).not_to_contain_text("Behandlaren vet att du behöver en stund.")

    conversation = anna.claim()
    expect(box).to_contain_text("Anna har anslutit till chatten.")
    page.get_by_role("button", name="Jag behöver en stund").click()
    anna.expect("moment", conversation=conversation)
    expect(box.locator(".m.s").last).to_have_text("Behandlaren vet att du behöver en stund.")


@pytest.mark.parametrize("lang, label, hint, ok", [
    ("sv", "Ditt meddelande", "”Dölj” gömmer chatten", "Jag förstår"),
    ("en", "Your message", "“Hide” tucks the chat away", "Got it"),
    ("nb", "Din melding", "«Skjul» gjemmer chatten", "Skjønner"),
])
def test_message_box_has_a_visible_label_and_a_first_time_hint(
    page: Page, relays: Relays, staff_loop: LoopThread, lang: str, label: str, hint: str, ok: str,
    shoot: Callable[[Page, str], Path],
) -> None:
    """The message box's label is visible; a hint explains Hide and Quick exit until the
    visitor dismisses it, and it stays dismissed after a reload mid-chat."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    box = open_chat(page)
    page.get_by_label("Språk").select_option(lang)
    shown = box.locator("label[for=m]")
    expect(shown).to_have_text(label)
    size = shown.bounding_box()
    assert size is not None and size["width"] > 40 and size["height"] > 12, size
    assert shown.evaluate("el => getComputedStyle(el).position") != "absolute"
    tip = box.locator(".n", has_text=hint)
    expect(tip).to_be_visible()
    if lang == "sv":
        shoot(page, "first-time-hint")
    write(page, "Hej", label=label)
    anna.wait_queued()
    expect(tip).to_be_visible()  # until dismissed
    box.get_by_role("button", name=ok).click()
    expect(tip).to_be_hidden()
    expect(page.get_by_label(label)).to_be_focused()
    page.reload()
    expect(panel(page)).to_be_visible()
    expect(panel(page).locator("label[for=m]")).to_have_text(label)
    expect(panel(page).locator(".n", has_text=hint)).to_be_hidden()


@pytest.fixture
def site() -> Iterator[HostSite]:
    host = HostSite()
    yield host
    host.close()


def test_a_page_outside_allowed_origins_is_refused_with_help_numbers(
    page: Page, relays: Relays, site: HostSite
) -> None:
    """A one-organisation relay embedded on a page it does not allow: the panel says the chat
    cannot open here and where to get help now, instead of retrying a connection for ever."""
    relay = relays.start(allowed_origins=("https://www.example.se",))
    site.serve(snippet_from_cli("--url", relay.url, "--lang", "en"))
    page.goto(site.url + "/")
    box = open_chat(page, "Chat anonymously")
    refusal = box.get_by_text("The chat cannot be opened from this page.")
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("Call 112")
    expect(page.get_by_label("Your message")).to_be_hidden()
    page.wait_for_timeout(1500)  # a retrying widget would say so by now
    expect(box.get_by_text("No connection")).to_have_count(0)


def test_help_numbers_show_while_the_relay_cannot_be_reached(page: Page, relays: Relays) -> None:
    """A widget that never reached the relay (so no help list came) still says where to get
    help now while it tries again."""
    relay = relays.start()
    page.route_web_socket(lambda url: "/ws/visitor" in url, lambda ws: ws.close())
    page.goto(relay.url + "/")
    box = open_chat(page)
    expect(box.get_by_text("Ingen anslutning")).to_be_visible()
    expect(box.get_by_text("Behöver du hjälp nu? Ring 112 vid akut fara, eller 1177 Vårdguiden.",
                           exact=True)).to_be_visible()
