"""Ending chats: visitors leaving, staff closing with an outcome, blocking, gone visitors."""

from __future__ import annotations

from relay import protocol
from tests.relay.hub.desk import Desk


async def test_a_staff_close_records_the_outcome_and_tells_both_sides(desk: Desk) -> None:
    """Closing stores the statistics record (role, tags, referrals), tells the visitor and the
    holder, and drops the live chat."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    tag = desk.hub.config.topic_tags[0]
    await desk.frame(anna, protocol.Close(conversation, "relative", [tag], ["se-1177"]))
    assert desk.all(visitor, "ended") == [{"type": "ended", "by": "staff", "reason": None}]
    assert desk.all(anna, "ended")[-1]["conversation"] == conversation
    assert conversation not in desk.hub.live
    stored = await desk.storage.conversation(conversation)
    assert stored is not None and stored.state == "closed" and stored.closed_by == "staff"
    assert (stored.outcome_role, stored.tags, stored.referrals) == ("relative", [tag], ["se-1177"])
    assert stored.visitor_lines == 1


async def test_a_close_with_an_unknown_tag_changes_nothing(desk: Desk) -> None:
    """Topic tags must be configured ones: a modified console cannot put other text into the
    statistics, and the chat stays open."""
    anna = await desk.staff("anna")
    _, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Close(conversation, None, ["<script>"]))
    await desk.frame(anna, protocol.Close(conversation, None, [], ["not an id!"]))
    assert desk.errors(anna) == ["unknown_tag", "bad_frame"]
    assert desk.hub.live[conversation].record.state == "queued"


async def test_a_visitor_leaving_ends_the_chat_and_the_holder_records_the_outcome_after(
        desk: Desk) -> None:
    """The visitor leaves first: staff are told, and the holder may still record the
    outcome of the closed chat (once, and only the holder)."""
    anna, bo = await desk.staff("anna"), await desk.staff("bo")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(visitor, protocol.Leave())
    assert desk.all(anna, "ended")[-1] == {"type": "ended", "conversation": conversation,
                                           "by": "visitor", "reason": "ended"}
    await desk.frame(bo, protocol.Close(conversation, "self"))
    assert desk.errors(bo) == ["forbidden"]
    await desk.frame(anna, protocol.Close(conversation, "self"))
    stored = await desk.storage.conversation(conversation)
    assert stored is not None and stored.closed_by == "visitor" and stored.outcome_role == "self"


async def test_block_ends_the_chat_cuts_the_visitor_off_and_refuses_its_token(
        desk: Desk) -> None:
    """A blocked chat: the visitor is told and disconnected (1008-class close), and its token
    can neither resume nor start again."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat()
    token = desk.all(visitor, "started")[0]["token"]
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(anna, protocol.Block(conversation))
    assert desk.all(visitor, "ended")[-1] == {"type": "ended", "by": "staff",
                                              "reason": "blocked"}
    assert desk.outbox.closed[visitor.connection][0] == protocol.CLOSE_BLOCKED
    stored = await desk.storage.conversation(conversation)
    assert stored is not None and stored.state == "closed"
    refused = await desk.hub.admit_visitor(visitor.connection,
                                           protocol.Hello(protocol.PROTOCOL_VERSION,
                                                          resume=token))
    assert refused == (protocol.CLOSE_BLOCKED, "This chat has been closed.")


async def test_only_the_holder_or_a_supervisor_blocks(desk: Desk) -> None:
    """A colleague cannot block a chat that is not theirs."""
    anna, bo = await desk.staff("anna"), await desk.staff("bo")
    _, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(bo, protocol.Block(conversation))
    assert desk.errors(bo) == ["forbidden"]
    assert conversation in desk.hub.live


async def test_a_waiting_visitor_gone_past_the_grace_period_leaves_the_queue(
        desk: Desk) -> None:
    """A waiting chat whose visitor closed the page is ended by the periodic pass once the
    visitor has been gone longer than ``visitor_gone_s``; staff see why it left."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat()
    desk.leave(visitor)
    assert desk.hub.queue.get(conversation) is not None
    now = desk.hub.clock()
    desk.hub.clock = lambda: now + desk.hub.config.visitor_gone_s + 1
    await desk.hub.tick()
    await desk.settle()
    assert conversation not in desk.hub.queue
    assert {"type": "dequeued", "conversation": conversation,
            "reason": "visitor_gone"} in desk.all(anna, "dequeued")
