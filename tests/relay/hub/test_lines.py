"""Lines: acknowledged only once stored, and a resend is never stored twice."""

from __future__ import annotations

from relay import protocol
from tests.relay.hub.desk import Desk


async def test_a_resend_of_a_stored_line_gets_the_same_ack_and_is_stored_once(
        desk: Desk) -> None:
    """A widget that did not see its ack sends the line again: same seq, one stored line."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat("hej")
    await desk.say(visitor, "är du där?", cid="x1")
    await desk.say(visitor, "är du där?", cid="x1")
    acks = [f for f in desk.all(visitor, "ack") if f["cid"] == "x1"]
    assert len(acks) == 2 and acks[0]["seq"] == acks[1]["seq"] == 2
    lines = await desk.storage.lines_after(conversation, 0)
    assert [line.text for line in lines] == ["hej", "är du där?"]
    assert not desk.errors(anna)


async def test_a_resend_while_the_line_is_being_stored_is_acknowledged_once_stored(
        desk: Desk) -> None:
    """The same line again before its commit: no second line, and both copies are
    acknowledged after the commit, not before."""
    await desk.staff("anna")
    visitor, conversation = await desk.start_chat("hej")
    first = desk.hub.visitor_frame(visitor, protocol.VisitorSend("igen", "x2"))
    again = desk.hub.visitor_frame(visitor, protocol.VisitorSend("igen", "x2"))
    assert first is None and again is None  # journalled; the loop reads on
    assert not [f for f in desk.all(visitor, "ack") if f["cid"] == "x2"], "acked before stored"
    await desk.settle()
    acks = [f for f in desk.all(visitor, "ack") if f["cid"] == "x2"]
    assert [a["seq"] for a in acks] == [2, 2]
    assert [line.text for line in await desk.storage.lines_after(conversation, 0)] == [
        "hej", "igen"]


async def test_a_line_that_is_not_stored_is_not_acknowledged_or_delivered(desk: Desk) -> None:
    """A failed commit: the sender gets a storage error for the line, the holder gets
    nothing, and the same line sent again later is stored and acknowledged."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    desk.new(anna)
    desk.storage.fail_commits = "disk full"
    await desk.say(visitor, "viktigt", cid="x3")
    desk.storage.fail_commits = None
    assert [f["cid"] for f in desk.all(visitor, "error")] == ["x3"]
    assert not [f for f in desk.all(visitor, "ack") if f["cid"] == "x3"]
    assert not desk.new(anna, "message")
    await desk.say(visitor, "viktigt", cid="x3")
    assert [f["cid"] for f in desk.all(visitor, "ack")][-1] == "x3"
    assert [f["text"] for f in desk.new(anna, "message")] == ["viktigt"]


async def test_a_staff_resend_is_acknowledged_again_not_stored_again(desk: Desk) -> None:
    """The console's resend after a reconnect: the staff ack repeats, the visitor sees the
    line once."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    for _ in range(2):
        await desk.frame(anna, protocol.StaffSend(conversation, "Hej!", "a1"))
    assert [(f["cid"], f["seq"]) for f in desk.all(anna, "ack")] == [("a1", 2), ("a1", 2)]
    assert [f["text"] for f in desk.all(visitor, "message")] == ["Hej!"]


async def test_a_visitor_resuming_gets_what_it_missed_and_keeps_its_place(desk: Desk) -> None:
    """A visitor who reconnects with its token gets the lines after the one it has, and the
    chat's new connection replaces the old one."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat()
    token = desk.all(visitor, "started")[0]["token"]
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(anna, protocol.StaffSend(conversation, "Hej", "a1"))
    again = await desk.visitor(resume=token, last_seq=1)
    assert desk.all(again, "resumed")[0]["last_seq"] == 2
    assert [f["text"] for f in desk.all(again, "message")] == ["Hej"]
    assert desk.outbox.closed[visitor.connection][0] == protocol.CLOSE_REPLACED
    assert desk.hub.live[conversation].visitor is again
