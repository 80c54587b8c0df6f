"""Fixtures for console tests: a console logged in to the real relay, and a waiting helper."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from console import i18n
from console.app import LotsenConsole
from console.screens.main import MainScreen
from console.state import Chat
from relay.server import Relay
from tests.support import PASSWORD, Client


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Each test starts in the default language (Swedish), whatever the one before chose: the
    language is process-wide, and a test that asserts Swedish words must not depend on order."""
    i18n.set_language("sv")
    yield
    i18n.set_language("sv")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep remembered logins and config out of the real home directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def console_for(relay: Relay, user: str = "anna", **kwargs: object) -> LotsenConsole:
    """A console that logs in to ``relay`` as ``user`` at once (as ``lotsen demo`` does)."""
    options: dict[str, object] = {"lang": "en", "backoff_min": 0.2, "backoff_max": 1.0}
    options.update(kwargs)
    return LotsenConsole(server=f"127.0.0.1:{relay.port}", user=user, password=PASSWORD,
                         **options)  # type: ignore[arg-type]


async def wait_for(pilot: Pilot[None], condition: Callable[[], object], *,
                   timeout: float = 5.0, what: str = "condition") -> None:
    """Let the app and the relay run until ``condition()`` is true, or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
        await asyncio.sleep(0)


async def claimed_chat(app: LotsenConsole, pilot: Pilot[None], relay: Relay,
                        text: str = "Hej", **hello: Any) -> tuple[Client, Chat]:
    """A visitor who wrote ``text``, claimed by the console; returns the visitor and the chat."""
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
    visitor = await Client.visitor(relay.port, **hello)
    await visitor.say(text)
    await wait_for(pilot, lambda: app.state.queue, what="queued visitor")
    await pilot.press("ctrl+n")
    await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
    chat = app.state.active_chat()
    assert chat is not None
    await visitor.expect("claimed")
    return visitor, chat
