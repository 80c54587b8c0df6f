"""Claiming, transferring and requeueing chats, on the hub alone (no sockets, no SQLite)."""

from __future__ import annotations

import asyncio

from relay import protocol
from tests.relay.hub.desk import Desk


async def test_two_claims_of_one_chat_give_it_to_exactly_one(desk: Desk) -> None:
    """Two staff claiming the same waiting chat at the same moment: one holds it, the other
    is told it was already answered, and it leaves the queue once."""
    anna, bo = await desk.staff("anna"), await desk.staff("bo")
    visitor, conversation = await desk.start_chat()
    await asyncio.gather(desk.frame(anna, protocol.Claim(conversation)),
                         desk.frame(bo, protocol.Claim(conversation)))
    holders = [conn for conn in (anna, bo)
               if any(f["id"] == conversation and not f["readonly"]
                      for f in desk.all(conn, "conversation"))]
    assert holders == [anna]
    assert desk.errors(bo) == ["already_claimed"]
    assert conversation not in desk.hub.queue
    assert [f["staff"] for f in desk.all(visitor, "claimed")] == ["Anna"]
    stored = await desk.storage.conversation(conversation)
    assert stored is not None and stored.state == "active" and stored.staff == "anna"
    assert sum(1 for f in desk.all(bo, "dequeued") if f["conversation"] == conversation) == 1


async def test_claiming_the_next_takes_the_oldest_and_an_empty_queue_says_so(desk: Desk) -> None:
    """``claim`` without a conversation takes the head of the queue; with nobody waiting the
    staff member is told so."""
    anna = await desk.staff("anna")
    _, first = await desk.start_chat("först")
    _, second = await desk.start_chat("sen")
    await desk.frame(anna, protocol.Claim())
    await desk.frame(anna, protocol.Claim())
    await desk.frame(anna, protocol.Claim())
    claimed = [f["id"] for f in desk.all(anna, "conversation") if not f["readonly"]]
    assert claimed == [first, second]
    assert desk.errors(anna) == ["queue_empty"]


async def test_a_claim_the_database_refuses_puts_the_chat_back(desk: Desk) -> None:
    """A claim whose write fails is undone: the chat waits again, unheld, and staff get an
    error instead of the chat."""
    anna = await desk.staff("anna")
    _, conversation = await desk.start_chat()
    desk.storage.fail_commits = "disk full"
    await desk.frame(anna, protocol.Claim(conversation))
    desk.storage.fail_commits = None
    assert desk.errors(anna) == ["storage"]
    assert conversation in desk.hub.queue
    assert desk.hub.live[conversation].record.state == "queued"
    assert desk.hub.live[conversation].record.staff is None


async def test_transfer_hands_the_chat_and_its_note_to_a_colleague(desk: Desk) -> None:
    """A transfer moves the chat to an online colleague with its note stored: the giver is
    released, the colleague gets the whole transcript, the visitor sees the new name."""
    anna, bo = await desk.staff("anna"), await desk.staff("bo")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(anna, protocol.Transfer(conversation, "bo", "Hon vill prata om skolan"))
    assert desk.all(anna, "released") == [
        {"type": "released", "conversation": conversation, "to": "bo"}]
    given = [f for f in desk.all(bo, "conversation") if f["id"] == conversation]
    assert given and given[-1]["staff"] == "bo" and not given[-1]["readonly"]
    assert [(m["kind"], m["text"]) for m in given[-1]["messages"]] == [
        ("visitor", "hej"), ("note", "Hon vill prata om skolan")]
    assert desk.all(visitor, "claimed")[-1]["staff"] == "Bo"
    stored = await desk.storage.conversation(conversation)
    assert stored is not None and stored.staff == "bo"
    assert ("anna", "transfer") in [(e.actor, e.action)
                                    for e in await desk.storage.audit_entries()]


async def test_transfer_refuses_offline_colleagues_oneself_and_chats_not_held(desk: Desk) -> None:
    """Only the holder transfers, and only to someone else who is logged in."""
    anna, bo = await desk.staff("anna"), await desk.staff("bo")
    _, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(anna, protocol.Transfer(conversation, "sara"))  # not logged in
    await desk.frame(anna, protocol.Transfer(conversation, "anna"))
    await desk.frame(bo, protocol.Transfer(conversation, "bo"))
    assert desk.errors(anna) == ["not_online", "bad_frame"]
    assert desk.errors(bo) == ["forbidden"]
    assert desk.hub.live[conversation].record.staff == "anna"


async def test_requeue_puts_the_chat_first_in_line(desk: Desk) -> None:
    """Back to the queue: the chat waits again before every chat that was waiting already,
    and the visitor is told it waits again."""
    anna = await desk.staff("anna")
    visitor, held = await desk.start_chat("först")
    await desk.frame(anna, protocol.Claim(held))
    _, waiting = await desk.start_chat("sen")
    desk.new(visitor)
    await desk.frame(anna, protocol.Transfer(held, None, "tillbaka"))
    assert [e.conversation for e in desk.hub.queue.ordered()] == [held, waiting]
    assert desk.hub.live[held].record.state == "queued"
    assert desk.all(anna, "released")[-1] == {"type": "released", "conversation": held,
                                              "to": None}
    assert [f["type"] for f in desk.new(visitor)][:1] == ["status"]
    stored = await desk.storage.conversation(held)
    assert stored is not None and stored.state == "queued" and stored.staff is None


async def test_a_staff_member_gone_past_the_grace_period_releases_their_chats(
        desk: Desk) -> None:
    """Chats held by someone whose last connection closed go back to the queue once the grace
    period has passed (the timer's callback, run here without waiting for it)."""
    anna = await desk.staff("anna")
    _, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    desk.leave(anna)
    assert "anna" in desk.hub._offline_timers
    desk.hub._release_abandoned("anna")
    await desk.settle()
    await desk.settle()
    assert conversation in desk.hub.queue
    assert desk.hub.live[conversation].record.staff is None
