"""Staff authentication: login back-off, session expiry, ending sessions from the CLI, TOTP."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Mapping

import pytest
from websockets.asyncio.client import connect

from relay import auth, protocol
from relay.server import Relay
from relay.storage import Database, open_storage
from tests.security.conftest import StartRelay
from tests.security.test_limits import closed_with
from tests.support import PASSWORD, Client


def lotsen(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the `lotsen` CLI in another process, as ops would while the relay runs."""
    return subprocess.run([sys.executable, "-m", "relay", *args], input=stdin,
                          capture_output=True, text=True, timeout=60)


async def login(relay: Relay, user: str, password: str = PASSWORD) -> Client:
    """Send a password login and return the client without waiting for a session."""
    return await Client.staff(relay.port, user, password, expect_session=False)


async def login_frame(relay: Relay, frame: Mapping[str, object]) -> Client:
    """Send a login frame with exactly these fields (session token, TOTP code...)."""
    ws = await connect(f"ws://127.0.0.1:{relay.port}{protocol.STAFF_PATH}", open_timeout=5)
    client = Client(ws)
    await client.send({"type": "login", "v": protocol.PROTOCOL_VERSION, **frame})
    return client


async def refused(client: Client, code: str) -> str:
    """Assert the login was refused with ``code`` and a 4001 close; return the message."""
    error = await client.expect("error")
    assert error["code"] == code, error
    close_code, _ = await closed_with(client)
    assert close_code == protocol.CLOSE_AUTH_FAILED
    return str(error["message"])


async def test_failed_logins_back_off_per_account_with_a_clear_message(
        start_relay: StartRelay) -> None:
    """After the free failures an account name must wait, even with the right password; other
    accounts are not affected, and invented names are throttled the same way."""
    relay = await start_relay(login_free_failures=2)
    for _ in range(3):
        await refused(await login(relay, "anna", "wrong password!"), "auth_failed")
    message = await refused(await login(relay, "anna"), "throttled")
    assert "Too many failed logins" in message and "wait about 2 seconds" in message
    bo = await Client.staff(relay.port, "bo")
    assert bo.session["user"] == "bo"
    for _ in range(3):
        await refused(await login(relay, "nobody", "guess guess"), "auth_failed")
    await refused(await login(relay, "nobody", "guess guess"), "throttled")
    await asyncio.sleep(2.1)
    anna = await Client.staff(relay.port, "anna")
    assert anna.session["user"] == "anna"
    assert relay.staff_login.throttle.wait_s("anna") == 0


async def test_session_tokens_expire_with_the_clock(start_relay: StartRelay) -> None:
    """When a session's time is up its open connection is closed with a reason, and the token
    no longer logs in."""
    offset = [0.0]
    relay = await start_relay(clock=lambda: time.time() + offset[0], session_hours=1.0,
                              session_check_s=0.2)
    anna = await Client.staff(relay.port, "anna")
    token = anna.session["token"]
    assert anna.session["expires_at"] == pytest.approx(time.time() + 3600, abs=5)
    offset[0] = 600.0
    again = await Client.staff(relay.port, session=token)
    assert again.session["user"] == "anna"
    assert again.session["expires_at"] == anna.session["expires_at"]  # not extended
    offset[0] = 3601.0
    assert await closed_with(anna) == (protocol.CLOSE_SESSION_ENDED,
                                       "Your session has ended; log in again.")
    assert (await closed_with(again))[0] == protocol.CLOSE_SESSION_ENDED
    message = await refused(await login_frame(relay, {"session": token}), "auth_failed")
    assert message == "Your session has ended; log in again."


async def test_disabling_an_account_in_another_process_ends_its_connections(
        start_relay: StartRelay) -> None:
    """`lotsen staff disable` (another process) closes every open console of that account within
    seconds, with a reason; its password and session token stop working; others stay."""
    relay = await start_relay(session_check_s=0.3)
    first = await Client.staff(relay.port, "anna")
    second = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    result = await asyncio.to_thread(lotsen, "staff", "disable", "anna", "--db",
                                     str(relay.config.database))
    assert result.returncode == 0, result.stderr
    started = time.monotonic()
    for client in (first, second):
        assert await closed_with(client) == (protocol.CLOSE_SESSION_ENDED,
                                             "Your account was disabled.")
    assert time.monotonic() - started < 5
    await refused(await login(relay, "anna"), "auth_failed")
    await refused(await login_frame(relay, {"session": first.session["token"]}), "auth_failed")
    await bo.send({"type": "room", "text": "still here", "cid": "r1"})
    await bo.expect("room", cid="r1")
    assert set(relay.staff) == {"bo"}


async def test_new_password_ends_open_sessions(start_relay: StartRelay) -> None:
    """`lotsen staff passwd` ends the account's sessions, open connections included."""
    relay = await start_relay(session_check_s=0.3)
    anna = await Client.staff(relay.port, "anna")
    result = await asyncio.to_thread(lotsen, "staff", "passwd", "anna", "--password-stdin",
                                     "--db", str(relay.config.database),
                                     stdin="a brand new password\n")
    assert result.returncode == 0, result.stderr
    assert await closed_with(anna) == (protocol.CLOSE_SESSION_ENDED,
                                       "Your session has ended; log in again.")
    assert (await Client.staff(relay.port, "anna", "a brand new password")).session


async def test_logout_invalidates_the_token_everywhere(start_relay: StartRelay) -> None:
    """After logout the session token is refused, and a second console on it is closed too."""
    relay = await start_relay(session_check_s=0.3)
    anna = await Client.staff(relay.port, "anna")
    token = anna.session["token"]
    other = await Client.staff(relay.port, session=token)
    await anna.send({"type": "logout"})
    assert await closed_with(anna) == (protocol.CLOSE_NORMAL, "logged out")
    assert (await closed_with(other))[0] == protocol.CLOSE_SESSION_ENDED
    await refused(await login_frame(relay, {"session": token}), "auth_failed")


async def enrolled_secret(database: Database, user: str) -> str:
    storage = open_storage(database)
    await storage.open()
    try:
        account = await storage.staff(user)
    finally:
        await storage.close()
    assert account is not None and account.totp_secret
    return account.totp_secret


async def test_totp_enrolment_prints_qr_uri_and_key_and_login_asks_for_a_code(
        start_relay: StartRelay) -> None:
    """`lotsen staff totp` stores a secret and shows it three ways; then login without a code
    answers totp_required, a wrong or replayed code totp_invalid, the right code a session."""
    relay = await start_relay()
    database = str(relay.config.database)
    wrong = await asyncio.to_thread(lotsen, "staff", "totp", "anna", "--db", database,
                                    stdin="000000\n")
    assert wrong.returncode == 2 and "nothing was saved" in wrong.stderr
    result = await asyncio.to_thread(lotsen, "staff", "totp", "anna", "--no-confirm",
                                     "--db", database)
    assert result.returncode == 0, result.stderr
    secret = await enrolled_secret(relay.config.database, "anna")
    assert f"otpauth://totp/Lotsen:anna?secret={secret}&issuer=Lotsen" in result.stdout
    assert " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in result.stdout
    assert "▄" in result.stdout or "█" in result.stdout  # the QR code itself

    message = await refused(await login(relay, "anna"), "totp_required")
    assert "6-digit code" in message
    await refused(await login_frame(relay, {"user": "anna", "password": PASSWORD,
                                            "totp": "123456"}), "totp_invalid")
    code = auth.totp_now(secret, time.time())
    ok = await login_frame(relay, {"user": "anna", "password": PASSWORD, "totp": code})
    session = await ok.expect("session")
    replay = await login_frame(relay, {"user": "anna", "password": PASSWORD, "totp": code})
    await refused(replay, "totp_invalid")
    # A reconnect with the session token needs no second code.
    again = await Client.staff(relay.port, session=session["token"])
    assert again.session["user"] == "anna"
    audit = [(e.actor, e.action) for e in await relay.storage.audit_entries()]
    assert ("cli", "staff_totp") in audit and ("anna", "login_failed") in audit


async def test_config_can_require_totp_for_supervisors(start_relay: StartRelay) -> None:
    """With require_totp = "supervisors" a supervisor without TOTP is told to enrol; staff are
    not asked."""
    relay = await start_relay(require_totp="supervisors")
    message = await refused(await login(relay, "sara"), "totp_not_enrolled")
    assert "lotsen staff totp sara" in message
    assert (await Client.staff(relay.port, "anna")).session["user"] == "anna"


async def test_config_can_require_totp_for_all_staff(start_relay: StartRelay) -> None:
    """With require_totp = "all" nobody without a second factor gets a session."""
    relay = await start_relay(require_totp="all")
    await refused(await login(relay, "anna"), "totp_not_enrolled")


async def test_wrong_totp_codes_count_towards_the_back_off(start_relay: StartRelay) -> None:
    """Guessing TOTP codes with a known password is throttled like guessing passwords."""
    relay = await start_relay(login_free_failures=2)
    result = await asyncio.to_thread(lotsen, "staff", "totp", "anna", "--no-confirm", "--db",
                                     str(relay.config.database))
    assert result.returncode == 0
    for guess in ("111111", "222222", "333333"):
        await refused(await login_frame(relay, {"user": "anna", "password": PASSWORD,
                                                "totp": guess}), "totp_invalid")
    await refused(await login_frame(relay, {"user": "anna", "password": PASSWORD,
                                            "totp": "444444"}), "throttled")
