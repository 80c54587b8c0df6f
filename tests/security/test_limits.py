"""Limits against abuse, end to end: sizes, compression, rates, visitor cap, timeouts, origin."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from relay import protocol
from relay.config import load_config
from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH
from tests.security.conftest import StartRelay, staff_on_duty
from tests.support import Client


async def closed_with(client: Client, timeout: float = 5) -> tuple[int | None, str | None]:
    """Read until the relay closes the connection; return its close code and reason."""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            raw = await asyncio.wait_for(client.ws.recv(), deadline - time.monotonic())
            client.seen.append(json.loads(raw))
    except ConnectionClosed:
        return client.ws.close_code, client.ws.close_reason
    raise AssertionError("the relay did not close the connection")


def frames_of(client: Client, kind: str) -> list[dict[str, object]]:
    return [f for f in client.seen if f.get("type") == kind]


async def test_text_over_the_limit_gets_a_clear_error_and_is_not_stored(
        start_relay: StartRelay) -> None:
    """A visitor line longer than MAX_TEXT_CHARS is refused with text_too_long naming its cid."""
    relay = await start_relay()
    await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    await visitor.send({"type": "message", "text": "a" * (protocol.MAX_TEXT_CHARS + 1),
                        "cid": "long"})
    error = await visitor.expect("error", cid="long")
    assert error["code"] == "text_too_long"
    assert str(protocol.MAX_TEXT_CHARS) in error["message"]
    assert relay.live == {} and await relay.storage.max_ids() == (0, 0)
    # The connection stays usable, and the longest allowed line of 4-byte characters fits a
    # frame when sent as UTF-8 JSON (as the widget's JSON.stringify and protocol.encode do).
    await visitor.ws.send(json.dumps({"type": "message", "text": "😀" * protocol.MAX_TEXT_CHARS,
                                      "cid": "max"}, ensure_ascii=False))
    assert (await visitor.expect("ack", cid="max"))["seq"] == 1


async def test_configured_max_text_chars_is_enforced(start_relay: StartRelay) -> None:
    """[chat] max_text_chars below the protocol maximum is enforced by the relay too."""
    relay = await start_relay(max_text_chars=100)
    await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    await visitor.send({"type": "message", "text": "b" * 101, "cid": "x"})
    assert (await visitor.expect("error", cid="x"))["code"] == "text_too_long"
    assert (await visitor.say("b" * 100))["seq"] == 1


async def test_oversized_frame_closes_with_1009_and_a_reason(start_relay: StartRelay) -> None:
    """A frame above MAX_FRAME_BYTES is not read into memory: the relay closes with 1009."""
    relay = await start_relay()
    visitor = await Client.visitor(relay.port)
    await visitor.send({"type": "message", "text": "x" * (protocol.MAX_FRAME_BYTES + 10),
                        "cid": "big"})
    code, reason = await closed_with(visitor)
    assert code == protocol.CLOSE_TOO_BIG and reason


async def test_compression_is_never_negotiated(start_relay: StartRelay) -> None:
    """A client offering permessage-deflate gets no extension back (CRIME/BREACH, memory)."""
    relay = await start_relay()
    for path in (VISITOR_PATH, STAFF_PATH):
        async with connect(f"ws://127.0.0.1:{relay.port}{path}",
                           compression="deflate") as ws:
            assert ws.request is not None and "permessage-deflate" in str(
                ws.request.headers.get("Sec-WebSocket-Extensions"))
            assert ws.response is not None
            assert "Sec-WebSocket-Extensions" not in ws.response.headers


async def test_flooding_visitor_gets_errors_then_is_closed(start_relay: StartRelay) -> None:
    """Past the burst every frame is refused with rate_limited; a client that keeps flooding
    is closed with 1008 and a reason."""
    relay = await start_relay(visitor_rate=1.0, visitor_burst=3)
    await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    await visitor.expect("status")
    for n in range(6):
        await visitor.send({"type": "typing", "active": n % 2 == 0})
    await visitor.send({"type": "message", "text": "hej", "cid": "m1"})
    refused = await visitor.expect("error", cid="m1")
    assert refused["code"] == "rate_limited" and "too fast" in refused["message"]
    errors = [f for f in visitor.seen if f.get("type") == "error"]
    assert 3 <= len(errors) <= 5
    # One frame a second is within the rate again.
    await asyncio.sleep(1.1)
    assert (await visitor.say("nu lugnare"))["seq"] == 1
    # Keep flooding: the strikes run out and the relay closes the connection.
    for _ in range(60):
        try:
            await visitor.send({"type": "typing", "active": True})
        except ConnectionClosed:
            break
    code, reason = await closed_with(visitor)
    assert code == protocol.CLOSE_POLICY and reason and "Too many" in reason
    assert relay.counters.get("rate_limit_closed") == 1


async def test_visitor_cap_answers_busy_but_lets_a_live_chat_resume(
        start_relay: StartRelay) -> None:
    """Beyond max_visitors a new visitor gets status reason busy and a 1013 close; a visitor
    resuming a chat in progress is still let in."""
    relay = await start_relay(max_visitors=2)
    await staff_on_duty(relay)
    first = await Client.visitor(relay.port)
    await first.say("Hej, jag vill prata")
    token = frames_of(first, "started")[0]["token"]
    second = await Client.visitor(relay.port)
    await second.expect("status")

    third = await Client.visitor(relay.port)
    busy = await third.expect("status")
    assert busy["open"] is False and busy["reason"] == "busy" and busy["emergency"]
    assert await closed_with(third) == (protocol.CLOSE_TRY_AGAIN, "busy")

    again = await Client.visitor(relay.port, resume=str(token), last_seq=1)
    resumed = await again.expect("resumed")
    assert resumed["state"] == "queued"
    assert (await again.say("Jag är kvar"))["seq"] == 2
    assert (await closed_with(first))[0] == protocol.CLOSE_REPLACED


async def test_idle_visitor_without_a_chat_is_closed(start_relay: StartRelay) -> None:
    """A visitor socket with no conversation and no traffic is closed with 4005 "idle"; one
    with a conversation in progress is kept."""
    relay = await start_relay(idle_timeout_s=0.6, session_check_s=0.2)
    await staff_on_duty(relay)
    chatting = await Client.visitor(relay.port)
    await chatting.say("Hej")
    idle = await Client.visitor(relay.port)
    started = time.monotonic()
    assert await closed_with(idle) == (protocol.CLOSE_IDLE, "idle")
    assert time.monotonic() - started < 5
    await asyncio.sleep(0.8)
    assert (await chatting.say("Fortfarande här"))["seq"] == 2
    assert len(relay.visitors) == 1


@pytest.mark.parametrize("path", [VISITOR_PATH, STAFF_PATH])
async def test_silent_client_is_closed_after_the_handshake_timeout(
        start_relay: StartRelay, path: str) -> None:
    """A client that opens a socket and sends no first frame is closed with 1008 and says why."""
    relay = await start_relay(handshake_timeout=0.5)
    started = time.monotonic()
    async with connect(f"ws://127.0.0.1:{relay.port}{path}") as ws:
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == protocol.CLOSE_POLICY
        expected = "hello" if path == VISITOR_PATH else "login"
        assert ws.close_reason == f"send {expected} first"
    assert time.monotonic() - started < 4


async def test_staff_endpoint_refuses_anything_but_login_first(start_relay: StartRelay) -> None:
    """On the staff endpoint a first frame other than login closes the connection (1008)."""
    relay = await start_relay()
    async with connect(f"ws://127.0.0.1:{relay.port}{STAFF_PATH}") as ws:
        await ws.send(json.dumps({"type": "claim"}))
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == protocol.CLOSE_POLICY
        assert ws.close_reason == "the first frame must be login"
    assert relay.staff == {}


async def test_client_that_stops_answering_pings_is_dropped(start_relay: StartRelay) -> None:
    """Keepalive: a peer that no longer reads (so never answers pings) is dropped, while a
    quiet peer that answers pings stays connected."""
    relay = await start_relay(ping_interval_s=0.2, ping_timeout_s=0.2, idle_timeout_s=60)
    await staff_on_duty(relay)
    quiet = await Client.visitor(relay.port)
    await quiet.say("Hej")
    gone = await Client.visitor(relay.port)
    await gone.expect("status")
    assert len(relay.visitors) == 2
    assert gone.ws.transport is not None
    gone.ws.transport.pause_reading()  # the peer's process hangs: no reads, no pongs
    deadline = time.monotonic() + 8
    while len(relay.visitors) > 1 and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    assert len(relay.visitors) == 1
    assert (await quiet.say("Fortfarande här"))["seq"] == 2
    gone.ws.transport.abort()


async def test_cross_site_visitor_is_refused_with_an_origin_error(
        start_relay: StartRelay) -> None:
    """The visitor endpoint refuses an Origin that is neither the relay itself nor allowed:
    its hello gets an ``origin`` error (which a browser can read, unlike a 403 handshake)
    and a policy close, never a status or a chat."""
    relay = await start_relay(allowed_origins=("https://www.kommun.example.se",))
    await staff_on_duty(relay)
    for origin in ("https://evil.example", "null", "https://www.kommun.example.se.evil.example",
                   "http://www.kommun.example.se"):
        refused = await Client.visitor(relay.port, origin=origin)
        error = json.loads(await asyncio.wait_for(refused.ws.recv(), 5))
        assert (error["type"], error["code"]) == ("error", "origin"), origin
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(refused.ws.recv(), 5)
        assert refused.ws.close_code == protocol.CLOSE_POLICY, origin
    assert not relay.visitors
    for origin in ("https://www.kommun.example.se", f"http://127.0.0.1:{relay.port}"):
        visitor = await Client.visitor(relay.port, origin=origin)
        assert (await visitor.expect("status"))["open"] is True
        await visitor.close()
    assert relay.counters["error_origin"] == 4


def test_allowed_origins_come_from_the_config_file(tmp_path: Path) -> None:
    """[server] allowed_origins in the TOML file sets the visitor endpoint's allowlist."""
    path = tmp_path / "lotsen.toml"
    path.write_text('[server]\nallowed_origins = ["https://www.kommun.example.se"]\n'
                    '[limits]\nmax_visitors = 50\nvisitor_rate = 0.5\n'
                    '[auth]\nrequire_totp = "supervisors"\n', encoding="utf-8")
    config = load_config(path)
    assert config.allowed_origins == ("https://www.kommun.example.se",)
    assert (config.max_visitors, config.visitor_rate, config.require_totp) == (
        50, 0.5, "supervisors")


async def test_login_frame_version_mismatch_is_refused(start_relay: StartRelay) -> None:
    """A client speaking another protocol version gets an error and close 4004."""
    relay = await start_relay()
    async with connect(f"ws://127.0.0.1:{relay.port}{STAFF_PATH}") as ws:
        await ws.send(json.dumps({"type": "login", "v": PROTOCOL_VERSION + 1, "user": "anna",
                                  "password": "x"}))
        error = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert error["type"] == "error" and error["code"] == "version"
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == protocol.CLOSE_VERSION
