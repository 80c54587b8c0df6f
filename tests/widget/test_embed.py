"""Embedding on a municipality's own site: the snippet, SRI, data-* options, host CSS, languages."""

from __future__ import annotations

import http.server
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from lotsen.cli import _register, app
from lotsen.cli.widget import embed_tag, widget_source
from tests.widget.conftest import LoopThread, Relays, Staff, add_staff
from tests.widget.helpers import open_chat, write
from widget.build import sri

HOSTILE_CSS = """<style>
  * { font-size: 40px !important; letter-spacing: 6px !important; color: red !important;
      text-transform: uppercase !important; font-family: serif !important; }
  div { display: none !important; }
  button { background: yellow !important; }
</style>"""


class HostSite:
    """A second origin serving one page: the municipality's site that embeds the widget."""

    def __init__(self) -> None:
        self.page = b""
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                body = site.page if self.path == "/" else b"not found"
                self.send_response(200 if self.path == "/" else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def serve(self, snippet: str, *, lang: str = "en", head: str = "") -> None:
        self.page = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                     '<meta name="viewport" content="width=device-width, initial-scale=1">'
                     f"<title>Municipality</title>{head}</head><body><h1>Welcome</h1>"
                     f"{snippet}</body></html>").encode()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[HostSite]:
    host = HostSite()
    yield host
    host.close()


def snippet_from_cli(*args: str) -> str:
    _register()
    result = CliRunner().invoke(app, ["widget", "snippet", *args])
    assert result.exit_code == 0, result.output
    tag: str = result.stdout.strip()
    return tag


def test_snippet_pins_the_served_widget_by_sri_hash(relays: Relays) -> None:
    """`lotsen widget snippet` prints a tag whose sha384 matches the bytes the relay serves."""
    relay = relays.start()
    tag = snippet_from_cli("--url", relay.url + "/", "--lang", "nb", "--title", 'Chat "oss"',
                           "--verify")
    with urllib.request.urlopen(relay.url + "/widget.js") as response:
        served = response.read()
        assert response.headers["Access-Control-Allow-Origin"] == "*"  # SRI needs CORS
    assert f'src="{relay.url}/widget.js"' in tag
    assert f'integrity="{sri(served)}"' in tag
    assert 'crossorigin="anonymous"' in tag and " async " in tag
    assert 'data-lang="nb"' in tag and 'data-title="Chat &quot;oss&quot;"' in tag


@pytest.mark.parametrize("args, message", [
    (["--url", "chat.example.se"], "is not a web address"),
    (["--lang", "de"], "--lang must be one of sv, en, nb"),
    (["--accent", "blue"], "--accent must be a hex colour"),
])
def test_snippet_refuses_bad_options_in_one_line(args: list[str], message: str) -> None:
    """Wrong options end with a one-line error naming the option, never a traceback."""
    _register()
    result = CliRunner().invoke(app, ["widget", "snippet", *args])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.browser
def test_embedded_on_another_origin_with_sri_options_and_hostile_css(
    page: Page, relays: Relays, site: HostSite, staff_loop: LoopThread
) -> None:
    """The CLI's tag works cross-origin with SRI; data-* options apply; host CSS cannot break it."""
    relay = relays.start(allowed_origins=(site.url,))
    anna = Staff.login(staff_loop, relay.port, "anna")
    tag = snippet_from_cli("--url", relay.url, "--lang", "en", "--position", "left",
                           "--accent", "#5a2d82")
    site.serve(tag, head=HOSTILE_CSS)
    page.goto(site.url + "/")
    launcher = page.get_by_role("button", name="Chat anonymously")
    expect(launcher).to_be_visible()
    style = launcher.evaluate("""el => { const s = getComputedStyle(el);
        return [s.fontSize, s.letterSpacing, s.textTransform, s.backgroundColor, s.left]; }""")
    assert style == ["16px", "normal", "none", "rgb(90, 45, 130)", "20px"]

    box = open_chat(page, "Chat anonymously")
    expect(box).to_contain_text("The chat is open.")
    write(page, "Hello from the municipality's page", label="Your message")
    assert anna.wait_queued()["entry"]["lang"] == "en"
    expect(box).to_contain_text("You are first in the queue.")
    page.get_by_role("button", name="Hide").click()
    quick_exit = page.get_by_role("button", name="Quick exit")  # beside the launcher now
    expect(quick_exit).to_be_visible()
    assert quick_exit.evaluate("el => getComputedStyle(el).left") == "20px"
    help_now = page.get_by_role("button", name="Need help now?")  # above it, same side
    expect(help_now).to_be_visible()
    assert help_now.evaluate("el => getComputedStyle(el).left") == "20px"


@pytest.mark.browser
def test_wrong_integrity_hash_blocks_the_widget(page: Page, relays: Relays, site: HostSite) -> None:
    """A tampered widget (hash mismatch) is refused by the browser: nothing of it runs."""
    relay = relays.start(allowed_origins=(site.url,))
    tag = embed_tag(relay.url, widget_source() + b"\n// tampered")
    site.serve(tag)
    page.goto(site.url + "/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.querySelector('[data-lotsen]')") is None


@pytest.mark.browser
def test_language_picker_switches_the_whole_panel(page: Page, relays: Relays, site: HostSite,
                                                  staff_loop: LoopThread) -> None:
    """Swedish by default; picking Norsk relabels everything, and the chat starts in nb."""
    relay = relays.start(allowed_origins=(site.url,))
    anna = Staff.login(staff_loop, relay.port, "anna")
    site.serve(snippet_from_cli("--url", relay.url), lang="de")  # unsupported page language
    page.goto(site.url + "/")
    box = open_chat(page, "Chatta anonymt")
    page.get_by_label("Språk").select_option("nb")
    expect(box).to_contain_text("Chatten er åpen.")
    expect(page.get_by_role("button", name="Forlat raskt")).to_be_visible()
    expect(box.locator("h2")).to_have_text("Chat anonymt")
    expect(page.get_by_label("Hvem skriver du om? (valgfritt)")).to_be_visible()
    write(page, "Hei", label="Din melding")
    assert anna.wait_queued()["entry"]["lang"] == "nb"
    expect(box).to_contain_text(re.compile("Du er først i køen."))
    page.get_by_role("button", name="Skjul").click()
    expect(page.get_by_role("button", name="Forlat raskt")).to_be_visible()


@pytest.mark.browser
def test_title_exit_url_and_relay_options_apply_in_the_browser(
    page: Page, relays: Relays, site: HostSite, staff_loop: LoopThread, tmp_path: Path
) -> None:
    """data-title labels launcher and panel, data-relay picks the chat relay, data-exit-url is
    where quick exit goes."""
    scripts = relays.start(allowed_origins=(site.url,))  # serves widget.js and the panel only
    chat = relays.start(allowed_origins=(site.url,), database=tmp_path / "chat.db")
    add_staff(chat.config.database, "anna")
    at_scripts = Staff.login(staff_loop, scripts.port, "anna")
    at_chat = Staff.login(staff_loop, chat.port, "anna")
    page.route("https://exit.example/**",
               lambda route: route.fulfill(body="<title>neutral</title>", content_type="text/html"))
    site.serve(snippet_from_cli("--url", scripts.url, "--lang", "sv", "--title", "Prata med oss",
                                "--exit-url", "https://exit.example/weather", "--relay", chat.url))
    page.goto(site.url + "/")

    expect(page.get_by_role("button", name="Chatta anonymt")).to_have_count(0)
    box = open_chat(page, "Prata med oss")
    expect(box.locator("h2")).to_have_text("Prata med oss")
    write(page, "Hej via det andra reläet")
    queued = at_chat.wait_queued()
    assert queued["entry"]["lang"] == "sv"
    expect(box.locator(".m.v")).to_have_attribute("data-t", "got")
    assert [f["type"] for f in staff_loop.run(at_scripts.client.drain(0.5))
            if f["type"] in ("queued", "message")] == [], "the chat went to the relay in data-relay"

    page.get_by_role("button", name="Dölj").click()
    expect(page.get_by_role("button", name="Prata med oss")).to_be_visible()
    page.get_by_role("button", name="Lämna snabbt").click()
    page.wait_for_url("https://exit.example/weather")
    assert page.title() == "neutral"
    at_chat.expect("dequeued", conversation=queued["entry"]["conversation"])  # and it was told
