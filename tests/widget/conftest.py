"""Browser test support: headless Chromium (the system one), a real relay, a staff client.

Each test gets a fresh relay (``RelayThread`` on a loopback port with its own SQLite file) that
serves the demo page and the widget, a new browser context (Stockholm time, Swedish locale),
and ``Staff``: the protocol client from tests.support driven from a background event loop, so
the synchronous Playwright test can act as the counsellor too.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from relay.config import RelayConfig
from relay.server import Triage
from relay.storage import Database
from tests.support import Client, RelayThread, add_staff_async, make_config

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "widget"
TIMEZONE = "Europe/Stockholm"


class LoopThread:
    """An asyncio loop in a daemon thread; ``run(coro)`` waits for the result."""

    def __init__(self) -> None:
        self.clients: list[Client] = []
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                        name="staff-loop")
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = 15) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        async def shutdown() -> None:
            for client in self.clients:
                await client.ws.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        self.run(shutdown())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


class Staff:
    """A counsellor logged in over the staff protocol, with blocking calls for sync tests."""

    def __init__(self, loop: LoopThread, client: Client) -> None:
        self.loop, self.client = loop, client
        self._queued: dict[str, Any] | None = None

    @classmethod
    def login(cls, loop: LoopThread, port: int, user: str = "anna") -> Staff:
        client = loop.run(Client.staff(port, user))
        loop.clients.append(client)
        return cls(loop, client)

    def send(self, frame: dict[str, Any]) -> None:
        self.loop.run(self.client.send(frame))

    def expect(self, type_: str, timeout: float = 10, **fields: Any) -> dict[str, Any]:
        frame: dict[str, Any] = self.loop.run(self.client.expect(type_, timeout, **fields),
                                              timeout + 5)
        return frame

    def wait_queued(self) -> dict[str, Any]:
        """The queue entry of a visitor who just started a chat."""
        self._queued = self.expect("queued")
        return self._queued

    def claim(self) -> int:
        """Claim the visitor who just started a chat; returns the conversation id."""
        if self._queued is None:
            self.wait_queued()
        self._queued = None
        self.send({"type": "claim"})
        info = self.expect("conversation", state="active")
        return int(info["id"])

    def say(self, conversation: int, text: str, cid: str) -> None:
        self.send({"type": "message", "conversation": conversation, "text": text, "cid": cid})
        self.expect("ack", cid=cid)


def in_thread(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine to completion in a fresh thread: Playwright's sync API owns this one."""
    result: list[Any] = []
    errors: list[BaseException] = []

    def main() -> None:
        try:
            result.append(asyncio.run(coro))
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=main)
    thread.start()
    thread.join(30)
    if errors:
        raise errors[0]
    return result[0] if result else None


def add_staff(database: Database, username: str, **kwargs: Any) -> None:
    """Create a staff account (tests.support.add_staff, safe to call under Playwright)."""
    in_thread(add_staff_async(database, username, **kwargs))


class Relays:
    """Starts relays for a test (each with staff anna, bo) and stops them all afterwards."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.running: list[RelayThread] = []
        self._staff_added = False

    def config(self, **overrides: Any) -> RelayConfig:
        return make_config(self.tmp_path, **overrides)

    def start(self, config: RelayConfig | None = None, *, triage: Triage | None = None,
              **overrides: Any) -> RelayThread:
        config = config or self.config(**overrides)
        if not self._staff_added:
            add_staff(config.database, "anna")
            add_staff(config.database, "bo", name="Bo")
            self._staff_added = True
        relay = RelayThread(config, triage=triage).start()
        self.running.append(relay)
        return relay

    def restart(self, relay: RelayThread) -> RelayThread:
        """Stop ``relay`` and start a new one on the same port and database."""
        port = relay.port
        relay.stop()
        self.running.remove(relay)
        return self.start(replace(relay.config, port=port))

    def stop_all(self) -> None:
        for relay in self.running:
            relay.stop()
        self.running.clear()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(timezone_id=TIMEZONE, locale="sv-SE",
                                  viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page that fails the test if any script error reaches the page (the widget never throws)."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert errors == [], f"uncaught errors in the page: {errors}"


@pytest.fixture
def relays(tmp_path: Path) -> Iterator[Relays]:
    started = Relays(tmp_path)
    yield started
    started.stop_all()


@pytest.fixture
def staff_loop() -> Iterator[LoopThread]:
    loop = LoopThread()
    yield loop
    loop.close()


@pytest.fixture
def shoot() -> Callable[[Page, str], Path]:
    """Save a screenshot of the page into artifacts/widget/NAME.png (for review by eye)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page: Page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return take
