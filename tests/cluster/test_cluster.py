"""Two relays on one PostgreSQL database: a visitor on one and staff on the other see each
other's lines at once, and claims, transfers, following, whispers, requeues, closes and
blocks work across them (issue 16, relay/cluster.py)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from relay.config import RelayConfig
from relay.server import Relay
from tests.support import Client, add_staff_async

pytestmark = pytest.mark.postgres


async def _waiting(visitor: Client, staff: Client, text: str = "Hej") -> int:
    """The visitor writes a first line once the chat is open (the staff member may be online
    on the other relay, which takes a moment to show); the staff member sees it queued."""
    await visitor.expect("status", open=True)
    await visitor.say(text)
    while True:
        queued = await staff.expect("queued", timeout=5)
        if queued["entry"]["preview"] == text:
            return int(queued["entry"]["conversation"])


async def test_lines_cross_relays_both_ways(two: tuple[Relay, Relay]) -> None:
    """Visitor on relay A, staff on relay B: the queue, the claim and every line reach the
    other relay's client at once, with the sequence numbers the acks gave."""
    a, b = two
    anna = await Client.staff(b.port, "anna")
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    await anna.send({"type": "claim", "conversation": conversation})
    info = await anna.expect("conversation", id=conversation)
    assert [m["text"] for m in info["messages"]] == ["Hej"]
    assert (await visitor.expect("claimed"))["staff"] == "Anna"
    await anna.send({"type": "message", "conversation": conversation, "text": "Hej, jag heter Anna",
                     "cid": "s1"})
    ack = await anna.expect("ack", cid="s1")
    line = await visitor.expect("message", seq=ack["seq"])
    assert line["text"] == "Hej, jag heter Anna" and line["kind"] == "staff"
    reply = await visitor.say("Tack")
    seen = await anna.expect("message", conversation=conversation, seq=reply["seq"])
    assert seen["text"] == "Tack"
    assert reply["seq"] == ack["seq"] + 1 == 3


async def test_a_claim_race_across_relays_has_exactly_one_winner(
        two: tuple[Relay, Relay]) -> None:
    """anna on A and bo on B claim the same chat at once: the database lets one win; the
    other is told ``already_claimed`` and both relays agree who holds it."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    bo = await Client.staff(b.port, "bo")
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    await bo.expect("queued")
    await asyncio.gather(anna.send({"type": "claim", "conversation": conversation}),
                         bo.send({"type": "claim", "conversation": conversation}))
    outcomes: dict[str, str] = {}
    for name, client in (("anna", anna), ("bo", bo)):
        frames = await client.drain(1.0)
        if any(f["type"] == "conversation" and f["id"] == conversation and not f["readonly"]
               for f in frames):
            outcomes[name] = "won"
        else:
            error = next(f for f in frames if f["type"] == "error")
            assert error["code"] == "already_claimed"
            outcomes[name] = "lost"
    assert sorted(outcomes.values()) == ["lost", "won"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "won")
    for relay in (a, b):
        assert relay.live[conversation].record.staff == winner
        assert conversation not in relay.queue
    stored = await a.storage.conversation(conversation)
    assert stored is not None and stored.staff == winner


async def test_transfer_to_a_colleague_on_another_relay(two: tuple[Relay, Relay]) -> None:
    """anna on A hands the chat to bo, logged in on B only: bo gets it with its lines and the
    note, the visitor sees bo's name, and bo's lines reach the visitor on A."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    bo = await Client.staff(b.port, "bo")
    await anna.expect("presence", timeout=5)
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    deadline = asyncio.get_running_loop().time() + 5
    while "bo" not in a.hub.peers.staff():  # type: ignore[union-attr]
        assert asyncio.get_running_loop().time() < deadline, "bo never showed up on A"
        await asyncio.sleep(0.05)
    await anna.send({"type": "transfer", "conversation": conversation, "to": "bo",
                     "note": "Vill prata om spel"})
    await anna.expect("released", conversation=conversation, to="bo")
    info = await bo.expect("conversation", id=conversation)
    assert info["staff"] == "bo" and info["readonly"] is False
    assert [m["kind"] for m in info["messages"]] == ["visitor", "note"]
    assert await visitor.expect("claimed", staff="Bo")
    await bo.send({"type": "message", "conversation": conversation, "text": "Hej, Bo här",
                   "cid": "b1"})
    ack = await bo.expect("ack", cid="b1")
    assert (await visitor.expect("message", seq=ack["seq"]))["text"] == "Hej, Bo här"


async def test_a_supervisor_on_another_relay_follows_and_whispers(
        two: tuple[Relay, Relay]) -> None:
    """sara on B follows anna's chat on A: she sees its lines; her whisper reaches anna and
    never the visitor."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    sara = await Client.staff(b.port, "sara")
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    await sara.expect("conversation", id=conversation, readonly=True)
    await sara.send({"type": "view", "conversation": conversation})
    await sara.expect("conversation", id=conversation, readonly=True)
    line = await visitor.say("Det är svårt")
    assert (await sara.expect("message", conversation=conversation,
                              seq=line["seq"]))["text"] == "Det är svårt"
    await sara.send({"type": "whisper", "conversation": conversation, "text": "Fråga om sömn",
                     "cid": "w1"})
    whisper = await sara.expect("ack", cid="w1")
    heard = await anna.expect("message", conversation=conversation, seq=whisper["seq"])
    assert heard["kind"] == "whisper"
    assert not [f for f in await visitor.drain(0.5) if f.get("kind") == "whisper"]


async def test_requeue_close_and_block_across_relays(two: tuple[Relay, Relay]) -> None:
    """Back to the queue on B shows on A; a close on B ends the visitor's chat on A; a block
    on B closes the visitor's socket on A with the blocked code."""
    a, b = two
    anna = await Client.staff(b.port, "anna")
    first = await Client.visitor(a.port)
    conversation = await _waiting(first, anna, "first")
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    await first.expect("claimed")
    await anna.send({"type": "transfer", "conversation": conversation})
    await anna.expect("released", conversation=conversation, to=None)
    await first.expect("status")
    deadline = asyncio.get_running_loop().time() + 5
    while conversation not in a.queue:
        assert asyncio.get_running_loop().time() < deadline, "the requeue never reached A"
        await asyncio.sleep(0.05)
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    await anna.send({"type": "close", "conversation": conversation, "role": None, "tags": [],
                     "referrals": []})
    ended = await first.expect("ended")
    assert ended["by"] == "staff"
    second = await Client.visitor(a.port)
    other = await _waiting(second, anna, "second")
    await anna.send({"type": "claim", "conversation": other})
    await anna.expect("conversation", id=other)
    await anna.send({"type": "block", "conversation": other})
    assert (await second.expect("ended"))["reason"] == "blocked"
    await asyncio.wait_for(second.ws.wait_closed(), 5)
    assert second.ws.close_code == 4006
    assert other not in a.live and conversation not in a.live


async def test_presence_is_shared_and_a_relay_leaving_is_seen(
        two: tuple[Relay, Relay], ) -> None:
    """Staff on A see a colleague logged in on B in their presence list; when B stops, A's
    presence drops her at once."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    bo = await Client.staff(b.port, "bo")
    deadline = asyncio.get_running_loop().time() + 5
    while True:
        presence = await anna.expect("presence", timeout=5)
        if {p["user"] for p in presence["staff"]} == {"anna", "bo"}:
            break
        assert asyncio.get_running_loop().time() < deadline
    await bo.close()
    await b.stop()
    while True:
        presence = await anna.expect("presence", timeout=5)
        if {p["user"] for p in presence["staff"]} == {"anna"}:
            break


async def test_two_relays_writing_one_chat_at_once_number_it_without_gaps(
        two: tuple[Relay, Relay]) -> None:
    """The visitor (on A) and anna (on B) write 12 lines each at the same moment (within the
    visitor's rate limit): every line is stored once, numbered 2..25 with no gap or repeat,
    each ack says the stored number (the database renumbers a line another relay took the
    number of), and each side gets the other's lines with those numbers."""
    a, b = two
    anna = await Client.staff(b.port, "anna")
    visitor = await Client.visitor(a.port)
    conversation = await _waiting(visitor, anna)
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation", id=conversation)
    await visitor.expect("claimed")

    async def burst(client: Client, who: str, extra: dict[str, object]) -> None:
        for n in range(12):
            await client.send({"type": "message", "text": f"{who} {n}", "cid": f"{who}{n}",
                               **extra})

    await asyncio.gather(burst(visitor, "v", {}), burst(anna, "s", {"conversation": conversation}))
    acks = {}
    for n in range(12):
        acks[f"v{n}"] = (await visitor.expect("ack", cid=f"v{n}", timeout=10))["seq"]
        acks[f"s{n}"] = (await anna.expect("ack", cid=f"s{n}", timeout=10))["seq"]
    assert sorted(acks.values()) == list(range(2, 26))
    stored = {line.cid: line.seq for line in await a.storage.lines_after(conversation, 1)}
    assert stored == acks
    for n in range(12):
        await visitor.expect("message", seq=acks[f"s{n}"], text=f"s {n}", timeout=10)
        await anna.expect("message", conversation=conversation, seq=acks[f"v{n}"],
                          text=f"v {n}", timeout=10)


async def test_the_staff_room_reaches_colleagues_on_the_other_relay(
        two: tuple[Relay, Relay]) -> None:
    """anna on A writes in the staff room: bo on B reads it, and bo's answer from B is
    numbered after it and reaches anna."""
    a, b = two
    anna = await Client.staff(a.port, "anna")
    bo = await Client.staff(b.port, "bo")
    await anna.send({"type": "room", "text": "Fika kl 15?", "cid": "r1"})
    mine = await anna.expect("room", cid="r1")
    heard = await bo.expect("room", text="Fika kl 15?", timeout=5)
    assert heard["seq"] == mine["seq"] and heard["name"] == "Anna"
    await bo.send({"type": "room", "text": "Ja!", "cid": "r2"})
    answer = await bo.expect("room", cid="r2")
    assert answer["seq"] == mine["seq"] + 1
    assert (await anna.expect("room", text="Ja!", timeout=5))["seq"] == answer["seq"]


async def test_chats_of_staff_on_a_relay_that_went_away_go_back_to_the_queue(
        cluster_config: RelayConfig) -> None:
    """anna holds a chat on relay A and A goes away: after the grace period the surviving
    relay puts her chat back in the queue (first in line), where bo on B can claim it."""
    config = replace(cluster_config, staff_grace_s=1.0)
    await add_staff_async(config.database, "anna")
    await add_staff_async(config.database, "bo")
    async with Relay(config) as b:
        a = Relay(config)
        await a.start()
        try:
            anna = await Client.staff(a.port, "anna")
            bo = await Client.staff(b.port, "bo")
            visitor = await Client.visitor(b.port)
            conversation = await _waiting(visitor, bo)
            await anna.expect("queued", timeout=5)  # A knows the chat too
            await anna.send({"type": "claim", "conversation": conversation})
            await anna.expect("conversation", id=conversation)
            await visitor.expect("claimed", staff="Anna")
        finally:
            await a.stop()
        await bo.expect("queued", timeout=10, index=0)
        assert conversation in b.queue
        stored = await b.storage.conversation(conversation)
        assert stored is not None and stored.state == "queued" and stored.staff is None
        await bo.send({"type": "claim", "conversation": conversation})
        await bo.expect("conversation", id=conversation)
        assert (await visitor.expect("claimed", staff="Bo"))
