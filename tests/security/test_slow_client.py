"""A console that stops reading is dropped with bounded memory, without stalling anyone else."""

from __future__ import annotations

import asyncio
import socket
import time

from websockets.asyncio.client import connect

from relay import protocol
from relay.server import MAX_PENDING_BYTES
from tests.security.conftest import StartRelay
from tests.security.test_block import claimed_chat
from tests.support import PASSWORD, Client


async def stuck_console(port: int, user: str) -> Client:
    """A staff console that logs in, then never reads again (its socket buffer is tiny)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    ws = await connect(f"ws://127.0.0.1:{port}{protocol.STAFF_PATH}", sock=sock)
    client = Client(ws)
    await client.send({"type": "login", "v": protocol.PROTOCOL_VERSION, "user": user,
                       "password": PASSWORD})
    client.session = await client.expect("session")
    await client.drain(0.2)
    assert ws.transport is not None
    ws.transport.pause_reading()
    return client


async def test_stuck_console_is_dropped_and_nobody_else_waits(start_relay: StartRelay) -> None:
    """Flooding a console that never reads: its send buffer stays bounded, it is dropped with
    close code 1013, the relay keeps answering others quickly, and it resumes afterwards."""
    relay = await start_relay(staff_rate=1000.0, staff_burst=1000)
    anna = await Client.staff(relay.port, "anna")
    visitor, _, conversation = await claimed_chat(relay.port, anna, "Hej Anna")
    await anna.close()
    stuck = await stuck_console(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    bulk = "x" * 3900

    largest_buffer = 0
    worst_round_trip = 0.0

    async def flood() -> None:
        for n in range(1500):
            await bo.send({"type": "room", "text": f"{n} {bulk}", "cid": f"f{n}"})
            if n % 50 == 0:
                await asyncio.sleep(0)

    async def watch() -> None:
        nonlocal largest_buffer
        while True:
            for conn in relay.staff.get("anna", ()):
                ws = relay.delivery.socket(conn.connection)
                if ws is not None and ws.transport is not None:
                    largest_buffer = max(largest_buffer, ws.transport.get_write_buffer_size())
            await asyncio.sleep(0.005)

    watcher = asyncio.create_task(watch())
    flooding = asyncio.create_task(flood())
    # Meanwhile the visitor keeps chatting and is answered promptly.
    for n in range(10):
        started = time.monotonic()
        await visitor.say(f"rad {n}")
        worst_round_trip = max(worst_round_trip, time.monotonic() - started)
        await asyncio.sleep(0.05)
    await flooding
    deadline = time.monotonic() + 15
    while relay.staff.get("anna") and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    watcher.cancel()

    assert relay.counters.get("slow_client_dropped", 0) >= 1
    assert not relay.staff.get("anna"), "the stuck console is still connected"
    assert largest_buffer <= MAX_PENDING_BYTES + 16 * 1024, largest_buffer
    assert worst_round_trip < 2.0, worst_round_trip
    assert len([f for f in await bo.drain(0.5) + bo.seen if f.get("type") == "room"]) > 100

    # The console comes back with its session token and catches up with what it missed.
    assert stuck.ws.transport is not None
    stuck.ws.transport.abort()
    back = await Client.staff(relay.port, session=stuck.session["token"])
    info = await back.expect("conversation", id=conversation)
    await back.send({"type": "sync", "conversation": conversation, "after": 1})
    missed = [await back.expect("message", conversation=conversation, seq=seq)
              for seq in range(2, info["last_seq"] + 1)]
    assert [m["text"] for m in missed] == [f"rad {n}" for n in range(10)]
