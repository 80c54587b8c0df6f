"""Logging in from the console to an account with a second factor (TOTP): password, then the
one-time code; wrong codes, throttling and starting over; reconnects never ask again."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

import pyotp
from textual.pilot import Pilot
from textual.widgets import Input, Static

from console.app import LotsenConsole
from console.screens.login import LoginScreen
from console.screens.main import MainScreen
from console.settings import remembered_path
from relay.config import RelayConfig
from relay.server import Relay
from tests.console.conftest import console_for, wait_for
from tests.support import PASSWORD, add_staff_async


async def _enrol(relay: Relay, user: str) -> str:
    """Give ``user`` a TOTP secret (as `lotsen staff totp` does) and return it."""
    secret = pyotp.random_base32()
    assert await relay.storage.update_staff(user, totp_secret=secret)
    return secret


def _wrong_code(secret: str) -> str:
    """A 6-digit code the relay will not accept now (it allows one step of clock drift)."""
    totp, now = pyotp.TOTP(secret), time.time()
    valid = {totp.at(now + drift) for drift in (-30, 0, 30)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)


def _error(app: LotsenConsole) -> str:
    return str(app.screen.query_one("#login-error").render())


async def _code_asked(app: LotsenConsole, pilot: Pilot[Any]) -> Input:
    """Wait until the login screen shows the focused code field instead of the password."""
    # A screen pushed with the code step asked is not composed at once: wait for it to mount.
    await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen) and app.screen.is_mounted
                   and app.screen.asking_code, what="code field")
    code = app.screen.query_one("#login-code", Input)
    await wait_for(pilot, lambda: code.has_focus, what="code field focused")
    assert code.display and not app.screen.query_one("#login-password", Input).display
    return code


async def test_password_then_code_logs_in_and_reconnects_do_not_ask_again(
        relay: Relay) -> None:
    """After the right password the code field appears (labelled, focused); a wrong code is
    refused with a message and may be retried; the right code opens the main screen; a dropped
    connection comes back on the session token without asking; nothing secret is saved."""
    secret = await _enrol(relay, "anna")
    app = LotsenConsole(server=f"127.0.0.1:{relay.port}", user="anna", lang="en",
                        backoff_min=0.2, backoff_max=1.0)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen), what="login screen")
        await pilot.press(*PASSWORD, "enter")
        code = await _code_asked(app, pilot)
        assert "6-digit code" in _error(app)
        labels = [str(label.render()) for label in app.screen.query(".code")]
        assert any("One-time code from your authenticator app" in text for text in labels)

        await pilot.press(*_wrong_code(secret), "enter")
        await wait_for(pilot, lambda: "That code is wrong" in _error(app), what="refusal")
        assert isinstance(app.screen, LoginScreen) and code.has_focus and code.value == ""

        right = pyotp.TOTP(secret).now()
        await pilot.press(*right, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="main screen")
        assert app.client is not None and app.client.connections == 1

        for conn in list(relay.staff["anna"]):
            ws = relay.delivery.socket(conn.connection)
            assert ws is not None
            await ws.close()
        await wait_for(pilot, lambda: app.client is not None and app.client.connections == 2,
                       what="reconnect on the session token")
        assert isinstance(app.screen, MainScreen)
    saved = remembered_path().read_text()
    assert PASSWORD not in saved and right not in saved


async def test_esc_starts_over_and_a_given_password_also_reaches_the_code(
        relay: Relay) -> None:
    """A password handed to the app (as `lotsen demo` does) leads straight to the code step;
    Esc goes back to the password, which must then be typed again."""
    await _enrol(relay, "anna")
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        await _code_asked(app, pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, LoginScreen) and not app.screen.asking_code
        password = app.screen.query_one("#login-password", Input)
        assert password.display and password.has_focus and password.value == ""
        assert app.client is not None and not app.client.awaiting_code
        await pilot.press("enter")
        assert "Fill in server, user name and password" in _error(app)
        await pilot.press(*PASSWORD, "enter")
        await _code_asked(app, pilot)


async def test_too_many_wrong_codes_are_throttled_with_a_clear_message(
        config: RelayConfig) -> None:
    """Guessing codes trips the relay's back-off: the console says so in words and goes back
    to the password step."""
    await add_staff_async(config.database, "anna")
    async with Relay(replace(config, login_free_failures=1)) as relay:
        secret = await _enrol(relay, "anna")
        app = LotsenConsole(server=f"127.0.0.1:{relay.port}", user="anna", lang="sv")
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen), what="login")
            await pilot.press(*PASSWORD, "enter")
            await _code_asked(app, pilot)
            for _ in range(2):
                await pilot.press(*_wrong_code(secret), "enter")
                await wait_for(pilot, lambda: "Koden stämmer inte" in _error(app),
                               what="refused code")
                app.screen.query_one("#login-error", Static).update("")
            await pilot.press(*pyotp.TOTP(secret).now(), "enter")
            await wait_for(pilot, lambda: "För många misslyckade inloggningar" in _error(app),
                           what="throttled")
            assert isinstance(app.screen, LoginScreen) and not app.screen.asking_code
            assert app.client is not None and not app.client.awaiting_code


async def test_a_refusal_arriving_before_the_login_screen_is_drawn_is_shown_on_it(
        relay: Relay) -> None:
    """The relay can answer again while a just-pushed login screen is still being built (the
    code was asked, then the connection dropped): the screen must not fail on fields it does
    not have yet, and shows the last step asked once it is drawn."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="main screen")
        screen = LoginScreen(app.server, app.user, asking_code=True)
        app.push_screen(screen)
        assert app.screen is screen and not screen.is_mounted
        screen.ask_password("Try the password again")
        await wait_for(pilot, lambda: screen.is_mounted, what="login screen drawn")
        await pilot.pause()
        assert not screen.asking_code and not screen.has_class("-asking-code")
        assert screen.query_one("#login-password", Input).has_focus
        assert "Try the password again" in _error(app)
