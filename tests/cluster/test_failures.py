"""Two relays on one PostgreSQL database when connections fail: a relay whose LISTEN
connection drops says so on /healthz, listens again and catches up by seq, so nothing another
relay stored is missed; a database that stops answering gives ``storage`` errors and 503 on
both relays, and both recover by themselves (issue 16)."""

from __future__ import annotations

import asyncio
import contextlib
import time

import psycopg
import pytest

from relay.server import Relay
from tests import postgres
from tests.cluster.test_cluster import _waiting
from tests.ops.http import http_get
from tests.relay.test_postgres import database_down
from tests.support import Client

pytestmark = pytest.mark.postgres


async def _healthy(relay: Relay, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while (await http_get(relay.port, "/healthz"))[0] != 200:
        assert time.monotonic() < deadline, "the relay did not recover"
        await asyncio.sleep(0.1)


async def test_a_dropped_listener_listens_again_and_catches_up(
        two: tuple[Relay, Relay]) -> None:
    """B's LISTEN connection is cut while the visitor on A keeps writing: B listens again,
    catches up from the table, and the staff member on B gets every line A acknowledged."""
    a, b = two
    anna = await Client.staff(b.port, "anna")
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    assert b.cluster is not None and b.cluster._listener is not None
    pid = b.cluster._listener.info.backend_pid
    with psycopg.connect(postgres.server_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    acked = [await visitor.say(f"line {n}") for n in range(10)]
    for ack in acked:
        await anna.expect("message", conversation=conversation, seq=ack["seq"], timeout=10)
    assert b.cluster.catch_ups >= 1
    await _healthy(b)


async def test_a_database_outage_is_survived_by_both_relays(
        two: tuple[Relay, Relay], cluster_config: object) -> None:
    """While the database refuses connections: both relays answer /healthz 503 and a line
    gets a ``storage`` error, not an ack. After: both say 200 again, and lines cross relays."""
    a, b = two
    anna = await Client.staff(b.port, "anna")
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    with database_down(a.storage.url):  # type: ignore[attr-defined]
        for relay in (a, b):
            assert (await http_get(relay.port, "/healthz"))[0] == 503
        await visitor.send({"type": "message", "text": "during", "cid": "during-1"})
        error = await visitor.expect("error", timeout=15, cid="during-1")
        assert error["code"] == "storage"
    await _healthy(a)
    await _healthy(b)
    after = await visitor.say("after")
    line = await anna.expect("message", conversation=conversation, seq=after["seq"], timeout=10)
    assert line["text"] == "after"
    await anna.send({"type": "message", "conversation": conversation, "text": "back",
                     "cid": "s1"})
    ack = await anna.expect("ack", cid="s1", timeout=10)
    assert (await visitor.expect("message", seq=ack["seq"], timeout=10))["text"] == "back"


async def test_a_resume_on_a_relay_that_has_not_heard_yet_recognises_resends(
        two: tuple[Relay, Relay]) -> None:
    """B has heard nothing of A's last lines (its LISTEN task is stopped) when the visitor
    moves to B and sends them again with their client ids: B reads the chat from the table
    first, so it acknowledges each with the number A stored it under and stores none twice."""
    a, b = two
    anna = await Client.staff(b.port, "anna")
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    started = await visitor.expect("started")
    assert b.cluster is not None
    listening = b.cluster._tasks[0]
    listening.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await listening
    acks = {}
    for n in range(3):
        await visitor.send({"type": "message", "text": f"line {n}", "cid": f"late-{n}"})
        acks[f"late-{n}"] = (await visitor.expect("ack", cid=f"late-{n}"))["seq"]
    await visitor.close()
    moved = await Client.visitor(b.port, resume=started["token"], last_seq=1)
    await moved.expect("resumed")
    for n in range(3):
        await moved.send({"type": "message", "text": f"line {n}", "cid": f"late-{n}"})
        assert (await moved.expect("ack", cid=f"late-{n}"))["seq"] == acks[f"late-{n}"]
    stored = [line.cid for line in await a.storage.lines_after(conversation, 0)]
    assert stored.count("late-0") == stored.count("late-1") == stored.count("late-2") == 1
    assert len(stored) == 4
