"""Relays on one PostgreSQL database keep one queue order (issue 16): the database numbers a
chat's place when it is queued (``conversations.arrival``, postgres_migrations/010), so staff
on every relay see the same order and visitors the same positions, a requeue "first in line"
is first everywhere, urgent chats still come first, and a restarted relay reads the order."""

from __future__ import annotations

import asyncio

import pytest

from relay.config import RelayConfig
from relay.server import Relay
from tests.support import Client, add_staff_async

pytestmark = pytest.mark.postgres


def _order(relay: Relay) -> list[int]:
    return [entry.conversation for entry in relay.queue.ordered()]


async def _queued_everywhere(relays: tuple[Relay, ...], count: int) -> list[int]:
    """The queue order once every relay has ``count`` chats waiting; it must be one order."""
    deadline = asyncio.get_running_loop().time() + 10
    while any(len(relay.queue) != count for relay in relays):
        assert asyncio.get_running_loop().time() < deadline, \
            f"queues never reached {count}: {[_order(relay) for relay in relays]}"
        await asyncio.sleep(0.05)
    orders = [_order(relay) for relay in relays]
    assert all(order == orders[0] for order in orders), orders
    return orders[0]


async def _until(relays: tuple[Relay, ...], wanted: list[int]) -> None:
    """Wait until every relay's queue is ``wanted``, in that order."""
    deadline = asyncio.get_running_loop().time() + 10
    while any(_order(relay) != wanted for relay in relays):
        assert asyncio.get_running_loop().time() < deadline, \
            f"wanted {wanted}, got {[_order(relay) for relay in relays]}"
        await asyncio.sleep(0.05)


async def _stored_order(relay: Relay) -> list[int]:
    """The waiting chats as the database orders them: urgent first, then by arrival."""
    rows = await relay.storage.live_conversations()
    waiting = [record for record, _ in rows if record.state == "queued"]
    assert all(record.arrival is not None for record in waiting)
    waiting.sort(key=lambda record: (not record.urgent, record.arrival))
    return [record.id for record in waiting]


async def _positions_agree(visitors: dict[int, Client], order: list[int]) -> None:
    """Each visitor's latest ``queue`` frame says its place in ``order`` (1 = next)."""
    deadline = asyncio.get_running_loop().time() + 10
    while True:
        told = {}
        for conversation, visitor in visitors.items():
            await visitor.drain(0.05)
            positions = [f["position"] for f in visitor.seen if f.get("type") == "queue"]
            told[conversation] = positions[-1] if positions else None
        wanted = {conversation: order.index(conversation) + 1 for conversation in visitors}
        if told == wanted:
            return
        assert asyncio.get_running_loop().time() < deadline, f"told {told}, wanted {wanted}"
        await asyncio.sleep(0.1)


async def _staff_snapshot(port: int, user: str) -> list[int]:
    """The queue a staff member logging in on this relay is shown."""
    client = await Client.staff(port, user)
    try:
        snapshot = await client.expect("queue")
        return [entry["conversation"] for entry in snapshot["entries"]]
    finally:
        await client.close()


async def _start_chats(relays: tuple[Relay, ...], count: int) -> dict[int, Client]:
    """``count`` visitors, alternately on each relay, write their first line at one instant;
    their chats by id."""
    visitors = [await Client.visitor(relays[i % len(relays)].port) for i in range(count)]
    for visitor in visitors:
        await visitor.expect("status", open=True, timeout=5)
    await asyncio.gather(*(visitor.say(f"Hej {i}") for i, visitor in enumerate(visitors)))
    chats = {}
    for i, visitor in enumerate(visitors):
        relay = relays[i % len(relays)]
        conversation = next(live.id for live in relay.live.values() if live.preview == f"Hej {i}")
        chats[conversation] = visitor
    return chats


async def test_chats_started_at_once_on_two_relays_wait_in_one_order(
        two: tuple[Relay, Relay]) -> None:
    """Six visitors, alternately on A and B, start chats at the same instant: both relays
    queue them in one order (the database's), staff logging in on either see it, and every
    visitor is told the place it has in it."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    bo = await Client.staff(b.port, "bo")
    chats = await _start_chats(two, 6)
    order = await _queued_everywhere(two, 6)
    assert sorted(order) == sorted(chats)
    assert order == await _stored_order(a)
    assert await _staff_snapshot(a.port, "sara") == order
    assert await _staff_snapshot(b.port, "sara") == order
    await _positions_agree(chats, order)
    await anna.close()
    await bo.close()


async def test_requeue_first_in_line_and_urgent_marks_hold_on_every_relay(
        two: tuple[Relay, Relay]) -> None:
    """anna on A puts a chat back first in line: it is first on B too, and a later requeue
    on B comes before it on both; bo's urgent mark on B lifts a chat above both on A; the
    visitors' places agree throughout."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    bo = await Client.staff(b.port, "bo")
    chats = await _start_chats(two, 4)
    order = await _queued_everywhere(two, 4)

    last = order[-1]
    await anna.send({"type": "claim", "conversation": last})
    await anna.expect("conversation", id=last)
    await _until(two, order[:-1])
    await anna.send({"type": "transfer", "conversation": last})
    await anna.expect("released", conversation=last, to=None)
    order = [last, *order[:-1]]
    await _until(two, order)
    assert order == await _stored_order(b)
    await _positions_agree(chats, order)

    third = order[2]
    await bo.send({"type": "claim", "conversation": third})
    await bo.expect("conversation", id=third)
    await _until(two, [c for c in order if c != third])
    await bo.send({"type": "transfer", "conversation": third})
    await bo.expect("released", conversation=third, to=None)
    order = [third, *(c for c in order if c != third)]
    await _until(two, order)

    lifted = order[-1]
    await bo.send({"type": "mark", "conversation": lifted, "urgent": True})
    order = [lifted, *order[:-1]]
    await _until(two, order)
    assert a.queue.get(lifted) is not None and a.queue.get(lifted).urgent  # type: ignore[union-attr]
    assert order == await _stored_order(a)
    assert await _staff_snapshot(a.port, "sara") == order
    assert await _staff_snapshot(b.port, "sara") == order
    await _positions_agree(chats, order)


async def test_a_restarted_relay_reads_the_same_order(cluster_config: RelayConfig) -> None:
    """Relay B stops and starts again while chats wait, one of them put back first in line
    on A: B loads the queue in the order A has (the stored arrival numbers), not in the order
    the chats were started."""
    await add_staff_async(cluster_config.database, "anna")
    await add_staff_async(cluster_config.database, "bo")
    async with Relay(cluster_config) as a:
        b = Relay(cluster_config)
        await b.start()
        try:
            anna = await Client.staff(a.port, "anna")
            bo = await Client.staff(b.port, "bo")
            chats = await _start_chats((a,), 3)  # visitors on A: B can go away
            order = await _queued_everywhere((a, b), 3)
            back = order[-1]
            await anna.send({"type": "claim", "conversation": back})
            await anna.expect("conversation", id=back)
            await anna.send({"type": "transfer", "conversation": back})
            await anna.expect("released", conversation=back, to=None)
            order = [back, *order[:-1]]
            await _until((a, b), order)
            await bo.close()
        finally:
            await b.stop()
        b = Relay(cluster_config)
        await b.start()
        try:
            assert _order(b) == order == _order(a)
            assert await _staff_snapshot(b.port, "bo") == order
            await _positions_agree(chats, order)
        finally:
            await b.stop()


async def test_a_claim_and_requeue_seen_at_once_still_move_the_chat_to_the_front(
        two: tuple[Relay, Relay]) -> None:
    """Relay B reads a chat's row only after anna on A has claimed it and put it back first
    in line (both wake-ups in one batch): B never saw it held, and still moves it to the
    front, where A has it."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    await _start_chats((a,), 2)
    order = await _queued_everywhere(two, 2)
    last = order[-1]
    assert b.cluster is not None
    held = b.cluster._locks.setdefault(("default", last), asyncio.Lock())
    async with held:  # B's cluster waits for this chat's row until A is done
        await anna.send({"type": "claim", "conversation": last})
        await anna.expect("conversation", id=last)
        await anna.send({"type": "transfer", "conversation": last})
        await anna.expect("released", conversation=last, to=None)
        assert _order(a) == [last, order[0]] and _order(b) == order
    await _until(two, [last, order[0]])


async def test_a_requeue_of_a_chat_ended_on_another_relay_does_not_queue_it(
        two: tuple[Relay, Relay]) -> None:
    """anna holds a chat on A whose visitor is on B; the visitor leaves through B and, before
    A has heard of it, anna puts the chat back in the queue on A: the database refuses the
    requeue (the chat is not held any more), so A reads the chat as it is — ended — instead
    of queueing it by a number of its own, and no requeue is audited."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    visitor = await Client.visitor(b.port)
    await visitor.expect("status", open=True)
    await visitor.say("Hej")
    conversation = int((await anna.expect("queued", timeout=5))["entry"]["conversation"])
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    assert a.cluster is not None
    listening = a.cluster._tasks[0]
    listening.cancel()  # A hears nothing of B's close until it listens again below
    await asyncio.gather(listening, return_exceptions=True)
    try:
        await visitor.send({"type": "leave"})
        deadline = asyncio.get_running_loop().time() + 5
        while (stored := await b.storage.conversation(conversation)) is None \
                or stored.state != "closed":
            assert asyncio.get_running_loop().time() < deadline
            await asyncio.sleep(0.05)
        assert a.live[conversation].record.state == "active"  # A has not heard
        await anna.send({"type": "transfer", "conversation": conversation})
        await anna.drain(0.5)
        assert conversation not in a.queue, "A queued a chat that ended on B"
        assert conversation not in a.live
        audit = await a.storage.audit_entries()
        assert "requeue" not in [entry.action for entry in audit
                                 if entry.conversation == conversation]
    finally:
        if a.cluster._listener is not None:  # the cancelled task's connection
            await a.cluster._listener.close()
        a.cluster._tasks[0] = asyncio.create_task(a.cluster._listen())
        await asyncio.wait_for(a.cluster.connected.wait(), 5)
