"""Reading the widget's state out of its Shadow DOM, for the browser tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page

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


def write(page: Page, text: str, label: str = "Ditt meddelande") -> None:
    """Type a line in the composer and send it with Enter."""
    box = page.get_by_label(label)
    box.fill(text)
    box.press("Enter")
