"""The self-tests in real headless Chromium against a real relay: the flow, sharing and not
sharing (the visitor's socket is routed through Playwright and every frame the page sends is
recorded), quick exit mid-test, the JavaScript's scoring against widget.selftest's, and
accessibility (axe-core, keyboard, 390 px phones, 200 % zoom)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, WebSocketRoute, expect

from tests.widget.conftest import TIMEZONE, LoopThread, Relays, Staff
from tests.widget.helpers import neutral_exit_page, open_chat, panel, storage
from tests.widget.test_hours import closed_today_open_tomorrow
from tests.widget.test_quality import axe, serious
from tests.widget.test_selftest_scoring import answers_for
from widget.selftest import instruments, score

pytestmark = pytest.mark.browser

TESTS = instruments()
GROUP_LABELS = {"women": "Kvinna under 65 år", "men": "Man under 65 år",
                "over65": "65 år eller äldre", "unsaid": "Vill inte säga (lägsta gränsen)"}


def record_sent(page: Page) -> list[dict[str, Any]]:
    """Route the visitor socket through Playwright to the real relay and keep every frame the
    page sends, in order."""
    sent: list[dict[str, Any]] = []

    def route(ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()

        def from_page(message: str | bytes) -> None:
            sent.append(json.loads(message))
            server.send(message)

        ws.on_message(from_page)
        server.on_message(ws.send)

    page.route_web_socket(lambda url: "/ws/visitor" in url, route)
    return sent


def selftest_view(page: Page) -> Locator:
    return page.locator("[data-lotsen] .st")


def start_tests(page: Page) -> Locator:
    """Open the chat panel (unless open), then 'Testa dig själv'; returns the self-test view."""
    if not panel(page).is_visible():
        open_chat(page)
    page.get_by_role("button", name="Testa dig själv").click()
    box = selftest_view(page)
    expect(box.get_by_role("heading", name="Testa dig själv")).to_be_focused()
    return box


def answer(page: Page, test_id: str, answers: list[int]) -> None:
    """Answer the first questions (each by the option with that score), pressing Next."""
    box = selftest_view(page)
    items = TESTS[test_id]["items"]
    for number, (item, value) in enumerate(zip(items, answers, strict=False), 1):
        expect(box).to_contain_text(f"Fråga {number} av {len(items)}")
        expect(box.locator("legend")).to_have_text(item["text"]["sv"])
        index = [o["score"] for o in item["options"]].index(value)
        box.get_by_role("radio", name=item["options"][index]["text"]["sv"], exact=True).check()
        box.get_by_role("button", name="Nästa").click()


def choose(page: Page, test_id: str) -> None:
    name = {"audit": "Alkohol (AUDIT)", "pgsi": "Spel om pengar (PGSI)"}[test_id]
    selftest_view(page).get_by_role("button", name=name).click()


def test_the_bundle_scores_exactly_like_the_python_scorer(page: Page, relays: Relays) -> None:
    """For every possible total of both instruments, and every group for AUDIT, the browser's
    score, band and subscores equal widget.selftest.score's."""
    relay = relays.start()
    page.goto(relay.url + "/")
    start_tests(page)
    cases = []
    for test_id, test in TESTS.items():
        top = sum(max(o["score"] for o in item["options"]) for item in test["items"])
        groups = [g["id"] for g in test["groups"]["options"]] if "groups" in test else [None]
        cases += [(test_id, answers_for(test, total), group)
                  for total in range(top + 1) for group in groups]
    found = page.evaluate(
        "cases => cases.map(([id, answers, group]) =>"
        " window.lotsenWidget.selftest.score(id, answers, group))", cases)
    expected = [score(TESTS[test_id], answers, group) for test_id, answers, group in cases]
    assert len(found) == len(cases) == 41 * 4 + 28
    for case, js, py in zip(cases, found, expected, strict=True):
        assert (js["score"], js["max"], js["band"], js["subscores"]) == \
            (py.score, py.max_score, py.band, py.subscores), case


def test_audit_asks_the_group_only_when_needed_and_shares_only_on_click(
    page: Page, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """A total of 7 asks sex/age group; 'woman' gives risky use. Until 'Share' is clicked the
    page sends the relay nothing but its hello and stores nothing; the click sends one line
    with instrument, score and band (no answers), which reaches the counsellor."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    sent = record_sent(page)
    page.goto(relay.url + "/")
    open_chat(page)
    page.get_by_label("Ditt meddelande").fill("Jag undrar")  # a draft, kept through the test
    box = start_tests(page)
    choose(page, "audit")
    answers = [2, 1, 1, 1, 0, 0, 0, 0, 2, 0]
    answer(page, "audit", answers)
    expect(box.locator("legend")).to_contain_text("Vad stämmer på dig?")
    box.get_by_role("radio", name=GROUP_LABELS["women"]).check()
    box.get_by_role("button", name="Nästa").click()
    result = box.get_by_role("status")
    expect(result.get_by_role("heading")).to_have_text("Riskabla alkoholvanor")
    expect(result.get_by_role("heading")).to_be_focused()
    expect(box).to_contain_text("7 av 40 poäng. AUDIT-C: 4 av 12 poäng.")
    expect(box).to_contain_text("Testet är ingen diagnos")
    expect(box.get_by_role("link", name="alkoholhjalpen.se")).to_be_visible()
    expect(box.get_by_role("button", name="Prata med oss nu")).to_be_visible()
    shoot(page, "selftest-result")

    assert [frame["type"] for frame in sent] == ["hello"], "nothing is sent before the click"
    assert storage(page) == {"session": {}, "local": [], "cookie": ""}

    box.get_by_role("button", name="Dela mitt resultat med behandlaren").click()
    expect(box).to_contain_text("Ditt resultat finns nu i chatten.")
    line = "[AUDIT 7/40] Mitt självtestresultat: Riskabla alkoholvanor"
    anna.wait_queued()
    anna.send({"type": "claim"})
    info = anna.expect("conversation", state="active")
    assert [(m["kind"], m["text"]) for m in info["messages"]] == [("visitor", line)]
    messages = [frame for frame in sent if frame["type"] == "message"]
    assert [frame["text"] for frame in messages] == [line]

    box.get_by_role("button", name="Prata med oss nu").click()
    expect(page.get_by_label("Ditt meddelande")).to_be_focused()
    expect(page.get_by_label("Ditt meddelande")).to_have_value("Jag undrar")
    expect(panel(page).locator("[role=log]")).to_contain_text(line)


def test_pgsi_without_sharing_sends_and_keeps_nothing(page: Page, relays: Relays) -> None:
    """The whole PGSI, with a changed answer via Back: no group question, the band in plain
    words, and nothing sent over the socket, stored, or put in a URL."""
    relay = relays.start()
    sent = record_sent(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(relay.url + "/")
    box = start_tests(page)
    choose(page, "pgsi")
    first = TESTS["pgsi"]["items"][0]
    box.get_by_role("radio", name="Nästan alltid").check()
    box.get_by_role("button", name="Nästa").click()
    expect(box).to_contain_text("Fråga 2 av 9")
    box.get_by_role("button", name="Tillbaka").click()
    expect(box.locator("legend")).to_have_text(first["text"]["sv"])
    expect(box.get_by_role("radio", name="Nästan alltid")).to_be_checked()
    box.get_by_role("button", name="Nästa").click()  # kept: 3
    rest = [1, 1, 1, 1, 1, 0, 0, 0]
    for value in rest:
        box.get_by_role("radio").nth(value).check()
        box.get_by_role("button", name="Nästa").click()
    heading = box.get_by_role("status").get_by_role("heading")
    expect(heading).to_have_text("Spelandet ger troligen problem")  # 3 + 5 = 8
    expect(box).to_contain_text("8 av 27 poäng.")
    expect(box.get_by_role("link", name="stodlinjen.se")).to_be_visible()
    expect(box).not_to_contain_text("kommun.example")  # example entries are never shown

    box.get_by_role("button", name="Tillbaka till chatten").click()
    expect(page.get_by_role("button", name="Testa dig själv")).to_be_focused()
    assert [frame["type"] for frame in sent] == ["hello"]
    assert storage(page) == {"session": {}, "local": [], "cookie": ""}
    fetched = [url for url in requests if "selftest" in url]
    assert fetched == [relay.url + "/widget-selftest.js", relay.url + "/widget-selftest.json"]


def test_next_without_an_answer_says_so_and_keeps_the_question(page: Page, relays: Relays) -> None:
    """Next with nothing chosen asks for an answer and moves focus into the radio group."""
    relay = relays.start()
    page.goto(relay.url + "/")
    box = start_tests(page)
    choose(page, "audit")
    box.get_by_role("button", name="Nästa").click()
    expect(box).to_contain_text("Välj ett svar först.")
    expect(box).to_contain_text("Fråga 1 av 10")
    expect(box.get_by_role("radio").first).to_be_focused()


def test_quick_exit_mid_test_leaves_and_keeps_nothing(page: Page, relays: Relays) -> None:
    """Esc three times in the middle of a test leaves for the neutral page at once; Back does
    not return to the test and nothing was stored."""
    relay = relays.start()
    neutral_exit_page(page)
    page.goto(relay.url + "/healthz")
    page.goto(relay.url + "/")
    box = start_tests(page)
    choose(page, "audit")
    answer(page, "audit", [4, 4, 4])  # three of ten
    expect(box).to_contain_text("Fråga 4 av 10")
    expect(page.get_by_role("button", name="Lämna snabbt")).to_be_visible()
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url("https://www.google.com/")
    page.go_back()
    assert page.url == relay.url + "/healthz"
    assert storage(page)["session"] == {}


def test_quick_exit_button_works_on_the_result(page: Page, relays: Relays) -> None:
    """The header's quick exit stays on screen and works from the result too."""
    relay = relays.start()
    neutral_exit_page(page)
    page.goto(relay.url + "/")
    box = start_tests(page)
    choose(page, "pgsi")
    answer(page, "pgsi", [0] * 9)
    expect(box.get_by_role("status")).to_contain_text("Inga tecken på spelproblem")
    page.get_by_role("button", name="Lämna snabbt").click()
    page.wait_for_url("https://www.google.com/")


def test_while_closed_the_result_says_when_the_chat_opens_and_offers_no_sharing(
    page: Page, relays: Relays, tmp_path: Path
) -> None:
    """Closed: no 'talk to us' or 'share', the next opening instead; the municipality's own
    service (its directory entry replacing the example) is named beside the national ones."""
    directory = tmp_path / "directory.toml"
    directory.write_text('''
[[service]]
id = "local-oppenvard-missbruk"
name = { sv = "Öppenvården i Testby", en = "Outpatient care, Testby" }
url = "https://testby.se/oppenvard"
phone = "08-555 000 00"
verification = "verified"
source = "testby.se/oppenvard, read 2026-11-20"
verified_at = 2026-11-20
review_due = 2027-05-20
''', encoding="utf-8")
    relay = relays.start(hours=closed_today_open_tomorrow(), referral_directory=directory)
    page.goto(relay.url + "/")
    box = start_tests(page)
    choose(page, "audit")
    answer(page, "audit", [4, 4, 4, 4, 4, 0, 0, 0, 0, 0])
    expect(box.get_by_role("status").get_by_role("heading")).to_have_text(
        "Tecken på alkoholberoende")
    expect(box).to_contain_text("Chatten öppnar i morgon kl. 12.")
    expect(box.get_by_role("button", name="Dela mitt resultat med behandlaren")).to_have_count(0)
    expect(box.get_by_role("button", name="Prata med oss nu")).to_have_count(0)
    names = box.locator("li").all_inner_texts()
    assert [name.split(" ")[0] for name in names] == ["Alkoholhjälpen", "Öppenvården", "1177"]
    expect(box.get_by_role("link", name="08-555 000 00")).to_have_attribute(
        "href", "tel:085550000 0".replace(" ", ""))


def test_keyboard_only_visitor_takes_a_test(page: Page, relays: Relays) -> None:
    """Arrow keys choose within the radio group and Enter goes on; no mouse needed."""
    relay = relays.start()
    page.goto(relay.url + "/")
    box = start_tests(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # from the heading to AUDIT, then to PGSI
    expect(box.get_by_role("button", name="Spel om pengar (PGSI)")).to_be_focused()
    page.keyboard.press("Enter")
    for number in range(1, 10):
        expect(box).to_contain_text(f"Fråga {number} av 9")
        page.keyboard.press("Tab")  # into the radio group: the first option
        page.keyboard.press("ArrowDown")  # "Ibland": 1 point
        expect(box.get_by_role("radio", name="Ibland")).to_be_checked()
        page.keyboard.press("Enter")
    expect(box.get_by_role("status").get_by_role("heading")).to_have_text(
        "Spelandet ger troligen problem")  # 9 points


def test_self_test_is_accessible_on_a_phone_and_at_200_percent_zoom(
    browser: Browser, relays: Relays, shoot: Callable[[Page, str], Path]
) -> None:
    """No serious axe-core violation on the menu, a question, the group question and the
    result; on a 390 px phone and at 200 % zoom nothing scrolls sideways and every answer is a
    target at least 48 px high."""
    relay = relays.start()
    # 200 % zoom of a 1280 x 800 window: 640 x 400 CSS pixels at twice the density.
    sizes: list[tuple[str, ViewportSize]] = [("phone", {"width": 390, "height": 844}),
                                             ("zoom200", {"width": 640, "height": 400})]
    for name, viewport in sizes:
        context = browser.new_context(viewport=viewport, device_scale_factor=2,
                                      is_mobile=name == "phone", has_touch=name == "phone",
                                      timezone_id=TIMEZONE, locale="sv-SE")
        try:
            page = context.new_page()
            page.goto(relay.url + "/")
            box = start_tests(page)
            problems = {"menu": serious(axe(page))}
            choose(page, "audit")
            expect(box).to_contain_text("Fråga 1 av 10")
            problems["question"] = serious(axe(page))
            heights = box.locator("label.o").evaluate_all(
                "labels => labels.map(l => l.getBoundingClientRect().height)")
            assert min(heights) >= 48, heights
            wide = box.evaluate("b => b.scrollWidth - b.clientWidth")
            assert wide <= 0, f"{name}: the question scrolls sideways by {wide}px"
            answer(page, "audit", [0, 0, 0, 0, 0, 0, 0, 0, 2, 4])  # 6: the group is asked
            if name == "phone":
                shoot(page, "selftest-group-phone")
            problems["group"] = serious(axe(page))
            box.get_by_role("radio", name=GROUP_LABELS["men"]).check()
            box.get_by_role("button", name="Nästa").click()
            expect(box.get_by_role("status").get_by_role("heading")).to_have_text("Låg risk")
            problems["result"] = serious(axe(page))
            assert box.evaluate("b => b.scrollWidth - b.clientWidth") <= 0
            shoot(page, f"selftest-result-{name}")
            assert {k: v for k, v in problems.items() if v} == {}, name
        finally:
            context.close()


def test_question_screen_for_the_docs(
    page: Page, relays: Relays, staff_loop: LoopThread, shoot: Callable[[Page, str], Path]
) -> None:
    """The entry in the panel, the menu and a question with its hint, as docs/widget.md shows."""
    relay = relays.start()
    Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    expect(open_chat(page)).to_contain_text("Chatten är öppen")
    shoot(page, "selftest-entry")
    box = start_tests(page)
    shoot(page, "selftest-menu")
    choose(page, "audit")
    answer(page, "audit", [2])
    expect(box).to_contain_text("Ett standardglas är till exempel")
    box.get_by_role("radio", name="3–4").check()
    shoot(page, "selftest-question")


def test_a_configured_count_reports_the_instrument_only(page: Page, relays: Relays) -> None:
    """With selftest_counts on, finishing a test makes one GET naming the instrument, with no
    answer or score in it, and still nothing on the chat socket."""
    relay = relays.start(selftest_counts=True)
    sent = record_sent(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(relay.url + "/")
    box = start_tests(page)
    choose(page, "pgsi")
    answer(page, "pgsi", [1] * 9)
    expect(box.get_by_role("status").get_by_role("heading")).to_have_text(
        "Spelandet ger troligen problem")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/done/" in url] == [
        relay.url + "/widget-selftest/done/pgsi"]
    assert relay.relay is not None and relay.relay.counters["selftest_completed_pgsi"] == 1
    assert [frame["type"] for frame in sent] == ["hello"]


@pytest.mark.parametrize(("lang", "label", "entry", "name", "band"), [
    ("en", "English", "Test yourself", "Gambling (PGSI)", "No signs of gambling problems"),
    ("nb", "Norsk (bokmål)", "Test deg selv", "Pengespill (PGSI)",
     "Ingen tegn på spilleproblemer"),
])
def test_the_test_speaks_the_language_the_visitor_chose(
    page: Page, relays: Relays, staff_loop: LoopThread,
    lang: str, label: str, entry: str, name: str, band: str
) -> None:
    """After choosing English or Norwegian in the panel, the menu, the questions, the answers
    and the result are in that language."""
    relay = relays.start()
    Staff.login(staff_loop, relay.port, "anna")  # open: the panel offers its language choice
    page.goto(relay.url + "/")
    open_chat(page)
    page.get_by_label("Språk").select_option(label=label)
    page.get_by_role("button", name=entry).click()
    box = selftest_view(page)
    box.get_by_role("button", name=name).click()
    for item in TESTS["pgsi"]["items"]:
        expect(box.locator("legend")).to_have_text(item["text"][lang])
        box.get_by_role("radio", name=item["options"][0]["text"][lang], exact=True).check()
        box.get_by_role("button", name={"en": "Next", "nb": "Neste"}[lang]).click()
    expect(box.get_by_role("status").get_by_role("heading")).to_have_text(band)
    assert serious(axe(page)) == []


def test_a_counsellors_line_during_a_test_is_not_missed(
    page: Page, relays: Relays, staff_loop: LoopThread
) -> None:
    """Mid-chat, a visitor taking a test sees a notice when the counsellor writes; it leads
    back to the chat and the new line."""
    relay = relays.start()
    anna = Staff.login(staff_loop, relay.port, "anna")
    page.goto(relay.url + "/")
    open_chat(page)
    page.get_by_label("Ditt meddelande").fill("Hej")
    page.get_by_label("Ditt meddelande").press("Enter")
    conversation = anna.claim()
    box = start_tests(page)
    choose(page, "audit")
    notice = page.get_by_role("button", name="Nytt meddelande i chatten – visa")
    expect(notice).to_be_hidden()
    anna.say(conversation, "Ta den tid du behöver.", "s1")
    expect(notice).to_be_visible()
    expect(box).to_contain_text("Fråga 1 av 10")  # the test stays as it was
    notice.click()
    expect(box).to_be_hidden()
    expect(panel(page).locator("[role=log]")).to_contain_text("Ta den tid du behöver.")
    expect(page.get_by_label("Ditt meddelande")).to_be_focused()


def test_a_bundle_that_fails_its_hash_is_refused_and_said_so(page: Page, relays: Relays) -> None:
    """A changed widget-selftest.js (its sha384 no longer matches the panel's pin) does not
    run; the visitor hears that the test could not load, and the chat panel keeps working."""
    relay = relays.start()
    page.route("**/widget-selftest.js", lambda route: route.fulfill(
        body="window.lotsenWidget.selftest={};", content_type="text/javascript",
        headers={"Access-Control-Allow-Origin": "*"}))
    page.goto(relay.url + "/")
    open_chat(page)
    page.get_by_role("button", name="Testa dig själv").click()
    expect(panel(page).get_by_role("status").last).to_have_text(
        "Testet kunde inte laddas – försök igen.")
    assert page.evaluate("window.lotsenWidget.selftest") is None
    expect(selftest_view(page)).to_be_hidden()
    expect(page.get_by_role("button", name="Testa dig själv")).to_be_visible()
