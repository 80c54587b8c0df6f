"""Reading the widget's state out of its Shadow DOM, for the browser tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page, WebSocketRoute

LINES_JS = """() => {
  const root = document.querySelector('[data-lotsen]')?.shadowRoot;
  if (!root) return null;
  return [...root.querySelectorAll('[role=log] .m')].map(li => ({
    kind: li.classList.contains('s') ? 'note' : li.classList.contains('v') ? 'visitor' : 'staff',
    text: li.querySelector('p') ? li.querySelector('p').textContent : li.textContent,
    author: li.querySelector('.au')?.textContent ?? null,
    tick: li.dataset.t ?? null,
    elements: li.querySelector('p') ? li.querySelector('p').children.length : 0,
  }));
}"""

STORAGE_JS = """() => ({
  session: Object.fromEntries(Object.keys(sessionStorage).map(k => [k, sessionStorage.getItem(k)])),
  local: Object.keys(localStorage),
  cookie: document.cookie,
})"""


def storage_key(relay_url: str) -> str:
    """The sessionStorage key of a chat with the relay at ``relay_url``: one key per relay."""
    return "lotsen:" + relay_url.rstrip("/")


def lines(page: Page) -> list[dict[str, Any]]:
    """Every line in the widget's transcript: kind (visitor/staff/note), text, author, tick."""
    found: list[dict[str, Any]] | None = page.evaluate(LINES_JS)
    return found or []


def chat_lines(page: Page) -> list[tuple[str, str]]:
    """(kind, text) of visitor and staff lines only, in the order shown."""
    return [(line["kind"], line["text"]) for line in lines(page) if line["kind"] != "note"]


def storage(page: Page) -> dict[str, Any]:
    """What this origin keeps in sessionStorage, localStorage and cookies."""
    found: dict[str, Any] = page.evaluate(STORAGE_JS)
    return found


def panel(page: Page) -> Locator:
    return page.locator("[data-lotsen] .p")


def open_chat(page: Page, title: str = "Chatta anonymt") -> Locator:
    """Click the launcher and return the panel once it shows."""
    page.get_by_role("button", name=title).click()
    found = panel(page)
    found.wait_for(state="visible")
    return found


def neutral_exit_page(page: Page) -> None:
    """Answer the default quick-exit address with a neutral page (no request leaves the host)."""
    page.route("https://www.google.com/**",
               lambda route: route.fulfill(body="<title>neutral</title>", content_type="text/html"))


def write(page: Page, text: str, label: str = "Ditt meddelande") -> None:
    """Type a line in the composer and send it with Enter."""
    box = page.get_by_label(label)
    box.fill(text)
    box.press("Enter")


RelayFrame = str | bytes
# Given a frame from the relay, the page's side of the socket and the relay's side: whether to
# pass the frame on to the page.
FrameFilter = Callable[[RelayFrame, WebSocketRoute, WebSocketRoute], bool]


def filter_relay_frames(page: Page, keep: FrameFilter) -> None:
    """Route the widget's visitor socket through Playwright to the real relay: everything the
    page sends goes through, and each frame from the relay reaches the page only if ``keep``
    says so (it may also hold the frame back, or close either side, to stage a fault)."""

    def route(ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()
        ws.on_message(server.send)
        server.on_message(lambda message: ws.send(message) if keep(message, ws, server) else None)

    page.route_web_socket(lambda url: "/ws/visitor" in url, route)
