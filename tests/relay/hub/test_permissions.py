"""Who may read and write what: holders, colleagues, supervisors following a chat."""

from __future__ import annotations

from relay import protocol
from tests.relay.hub.desk import Desk


async def test_only_the_holder_writes_and_only_a_supervisor_follows(desk: Desk) -> None:
    """A colleague may neither write in, nor read, nor follow a chat someone else holds."""
    anna, bo = await desk.staff("anna"), await desk.staff("bo")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(bo, protocol.StaffSend(conversation, "hej från bo", "b1"))
    await desk.frame(bo, protocol.Note(conversation, "anteckning", "b2"))
    await desk.frame(bo, protocol.Sync(conversation))
    await desk.frame(bo, protocol.View(conversation))
    await desk.frame(bo, protocol.Whisper(conversation, "psst", "b3"))
    assert desk.errors(bo) == ["forbidden"] * 5
    assert [line.kind for line in await desk.storage.lines_after(conversation, 0)] == ["visitor"]
    assert not desk.all(visitor, "message")


async def test_whisper_needs_a_supervisor_who_follows_and_never_reaches_the_visitor(
        desk: Desk) -> None:
    """A supervisor must follow (audited) before whispering; the whisper reaches the holder
    and the supervisor, never the visitor."""
    anna, sara = await desk.staff("anna"), await desk.staff("sara")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(sara, protocol.Whisper(conversation, "för tidigt", "s1"))
    assert desk.errors(sara) == ["forbidden"]
    await desk.frame(sara, protocol.View(conversation))
    followed = [f for f in desk.all(sara, "conversation") if f["id"] == conversation]
    assert followed[-1]["readonly"] is True
    assert ("sara", "view", conversation) in [
        (e.actor, e.action, e.conversation) for e in await desk.storage.audit_entries()]
    desk.new(anna)
    await desk.frame(sara, protocol.Whisper(conversation, "fråga om sömnen", "s2"))
    assert [(f["kind"], f["text"]) for f in desk.new(anna, "message")] == [
        ("whisper", "fråga om sömnen")]
    assert [f["cid"] for f in desk.all(sara, "ack")] == ["s2"]
    assert not desk.all(visitor, "message")
    await desk.frame(sara, protocol.Unview(conversation))
    await desk.frame(sara, protocol.Whisper(conversation, "igen", "s3"))
    assert desk.errors(sara) == ["forbidden", "forbidden"]


async def test_a_staff_line_reaches_the_visitor_and_a_note_does_not(desk: Desk) -> None:
    """The holder's line goes to the visitor (with the staff member's name); a note stays
    with staff."""
    anna = await desk.staff("anna")
    visitor, conversation = await desk.start_chat()
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(anna, protocol.StaffSend(conversation, "Hej, jag heter Anna", "a1"))
    await desk.frame(anna, protocol.Note(conversation, "verkar orolig", "a2"))
    assert [(f["kind"], f["author"], f["text"]) for f in desk.all(visitor, "message")] == [
        ("staff", "Anna", "Hej, jag heter Anna")]
    assert [line.kind for line in await desk.storage.lines_after(conversation, 0)] == [
        "visitor", "staff", "note"]


async def test_a_supervisor_may_read_any_transcript_and_that_is_audited(desk: Desk) -> None:
    """``sync`` of someone else's chat: refused for staff, allowed and audited for
    supervisors."""
    anna, sara = await desk.staff("anna"), await desk.staff("sara")
    _, conversation = await desk.start_chat("första raden")
    await desk.frame(anna, protocol.Claim(conversation))
    await desk.frame(sara, protocol.Sync(conversation))
    assert [f["text"] for f in desk.all(sara, "message")] == ["första raden"]
    assert ("sara", "view") in [(e.actor, e.action) for e in await desk.storage.audit_entries()]
