"""Issue 10, findings 4, 5, 9: nobody without an account can lock staff out or starve logins,
and a TOTP code cannot be replayed after a restart. Real relays on port 0, real sockets."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from relay import auth, protocol
from relay.server import UNAUTHENTICATED, Relay
from tests.security.conftest import StartRelay
from tests.security.test_auth import login, login_frame, refused
from tests.support import PASSWORD, Client


async def device_of(relay: Relay, user: str) -> str:
    """Log ``user`` in with the password once, as a console does, and return its device token."""
    client = await Client.staff(relay.port, user)
    device = client.session["device"]
    assert isinstance(device, str) and len(device) >= 40
    await client.close()
    return device


async def test_a_stranger_cannot_lock_out_a_console_that_logged_in_before(
        start_relay: StartRelay) -> None:
    """Failed guesses lock the account name only for clients without its device token: the
    console that logged in before still gets in with the right password at once."""
    relay = await start_relay(login_free_failures=2)
    device = await device_of(relay, "anna")
    for _ in range(3):
        await refused(await login(relay, "anna", "a wrong guess!"), "auth_failed")
    await refused(await login(relay, "anna"), "throttled")  # the stranger's side is locked

    console = await login_frame(relay, {"user": "anna", "password": PASSWORD, "device": device})
    session = await console.expect("session")
    assert session["user"] == "anna" and session["device"] == device
    # Another account's device token is no key to anna's record.
    bo_device = await device_of(relay, "bo")
    await refused(await login_frame(relay, {"user": "anna", "password": PASSWORD,
                                            "device": bo_device}), "throttled")


async def test_a_device_token_is_throttled_on_its_own(start_relay: StartRelay) -> None:
    """A stolen device token is no way around the back-off: its own failures lock it."""
    relay = await start_relay(login_free_failures=1)
    device = await device_of(relay, "anna")
    for _ in range(2):
        await refused(await login_frame(relay, {"user": "anna", "password": "wrong guess!",
                                                "device": device}), "auth_failed")
    await refused(await login_frame(relay, {"user": "anna", "password": PASSWORD,
                                            "device": device}), "throttled")
    assert (await Client.staff(relay.port, "anna")).session["user"] == "anna"


async def test_a_look_alike_name_does_not_lock_the_account(start_relay: StartRelay) -> None:
    """"ANNA " is not anna (names are exact): failures for it leave anna's logins alone."""
    relay = await start_relay(login_free_failures=2)
    for _ in range(3):
        await refused(await login(relay, "ANNA ", "a wrong guess!"), "auth_failed")
    await refused(await login(relay, "ANNA ", "a wrong guess!"), "throttled")
    assert (await Client.staff(relay.port, "anna")).session["user"] == "anna"


async def test_staff_endpoint_refuses_browsers(start_relay: StartRelay) -> None:
    """Any Origin header on /ws/staff gets 403, so no web page can make browsers guess."""
    relay = await start_relay()
    for origin in ("https://evil.example", f"http://127.0.0.1:{relay.port}", "null"):
        with pytest.raises(InvalidStatus) as refused_handshake:
            await connect(f"ws://127.0.0.1:{relay.port}{protocol.STAFF_PATH}",
                          additional_headers={"Origin": origin}, open_timeout=5)
        assert refused_handshake.value.response.status_code == 403, origin
    assert (await Client.staff(relay.port, "anna")).session["user"] == "anna"  # no Origin


async def test_a_lockout_is_told_to_supervisors_and_in_the_audit_log(
        start_relay: StartRelay) -> None:
    """When a real account gets locked, logged-in supervisors are told once and the audit log
    has a login_locked row; invented names bother nobody."""
    relay = await start_relay(login_free_failures=2)
    sara = await Client.staff(relay.port, "sara")
    bo = await Client.staff(relay.port, "bo")
    for _ in range(3):
        await refused(await login(relay, "anna", "a wrong guess!"), "auth_failed")
    notice = await sara.expect("error", code="login_locked")
    assert "anna" in notice["message"] and "lotsen audit" in notice["message"]
    for _ in range(3):
        await refused(await login(relay, "nobody-here", "a wrong guess!"), "auth_failed")
    assert not [f for f in await sara.drain(0.5) if f.get("code") == "login_locked"]
    assert not [f for f in await bo.drain(0.2) if f.get("code") == "login_locked"]
    await relay.storage.flush()
    rows = [(e.actor, e.action, e.detail) for e in await relay.storage.audit_entries()]
    assert (UNAUTHENTICATED, "login_locked", "user=anna source=unknown") in rows


async def test_a_login_flood_does_not_hold_up_known_consoles(start_relay: StartRelay) -> None:
    """300 password logins with fresh names at once: the queue for Argon2 is bounded (the rest
    hear "busy" at once), a session reconnect never queues, and a console with its device token
    goes first; without those the real login waited for every check before it."""
    relay = await start_relay(login_queue=8, login_queue_wait_s=2.0,
                              max_unauthenticated_staff=400)
    device = await device_of(relay, "anna")
    session = (await Client.staff(relay.port, "bo")).session["token"]

    async def stranger(index: int) -> str:
        client = await login(relay, f"flood{index}", "a wrong guess!")
        return str((await client.expect("error", timeout=30))["code"])

    flood = [asyncio.create_task(stranger(i)) for i in range(300)]
    await asyncio.sleep(0.5)  # the flood is queued and being checked
    started = time.monotonic()
    again = await Client.staff(relay.port, session=session)
    session_s = time.monotonic() - started
    started = time.monotonic()
    known = await login_frame(relay, {"user": "anna", "password": PASSWORD, "device": device})
    assert (await known.expect("session", timeout=10))["user"] == "anna"
    device_s = time.monotonic() - started
    codes = await asyncio.gather(*flood)
    assert again.session["user"] == "bo"
    assert session_s < 2.0, session_s
    assert device_s < 4.0, device_s  # the console gives up after 5 s
    assert codes.count("busy") > 200, codes.count("busy")
    assert set(codes) <= {"busy", "auth_failed"}


async def test_silent_staff_connections_are_capped_without_keeping_consoles_out(
        start_relay: StartRelay) -> None:
    """At most max_unauthenticated_staff staff connections may sit without logging in: each
    new one pushes out the oldest silent one (1013 busy), so someone holding many silent
    sockets never keeps a console out, and memory stays bounded."""
    relay = await start_relay(max_unauthenticated_staff=3)
    session = (await Client.staff(relay.port, "bo")).session["token"]
    silent = [await connect(f"ws://127.0.0.1:{relay.port}{protocol.STAFF_PATH}",
                            open_timeout=5) for _ in range(3)]
    await asyncio.sleep(0.1)
    assert len(relay.sessions.silent_staff) == 3
    again = await Client.staff(relay.port, session=session)  # one more connection: in it goes
    assert again.session["user"] == "bo"
    await asyncio.wait_for(silent[0].wait_closed(), 5)
    assert silent[0].close_code == protocol.CLOSE_TRY_AGAIN and silent[0].close_reason == "busy"
    more = [await connect(f"ws://127.0.0.1:{relay.port}{protocol.STAFF_PATH}",
                          open_timeout=5) for _ in range(10)]
    for _ in range(100):  # until the relay has seen every handshake
        if relay.counters.get("staff_silent_dropped") == 10:
            break
        await asyncio.sleep(0.05)
    assert relay.counters["staff_silent_dropped"] == 10  # 1 for bo's, 2 + 10 - 3 for these
    assert len(relay.sessions.silent_staff) == 3
    for ws in silent + more:
        await ws.close()


async def test_a_totp_code_cannot_be_replayed_after_a_restart(start_relay: StartRelay) -> None:
    """The last used TOTP step is stored per account: the same code after a restart is
    refused (in memory only it was accepted again)."""
    relay = await start_relay()
    secret = auth.new_totp_secret()
    await relay.storage.update_staff("anna", totp_secret=secret)
    code = auth.totp_now(secret, time.time())
    first = await login_frame(relay, {"user": "anna", "password": PASSWORD, "totp": code})
    await first.expect("session")
    await first.close()
    await relay.stop()

    again = Relay(replace(relay.config))
    async with again:
        await refused(await login_frame(again, {"user": "anna", "password": PASSWORD,
                                                "totp": code}), "totp_invalid")
