"""A conversation from first message to close, over real websockets and a real SQLite file."""

from __future__ import annotations

import asyncio

from relay.server import Relay
from tests.support import Client


async def test_first_message_creates_conversation_and_staff_answers(relay: Relay) -> None:
    """Visitor writes, is queued with alias and token, staff claims and both sides talk."""
    staff = await Client.staff(relay.port, "anna")
    await staff.expect("queue", entries=[])
    visitor = await Client.visitor(relay.port, lang="sv", role="relative")
    status = await visitor.expect("status")
    assert status["open"] is True
    assert relay.live == {}, "opening the widget must store nothing"
    ack = await visitor.say("Hej, jag är orolig för min pappa som dricker.")
    started = next(f for f in visitor.seen if f["type"] == "started")
    assert started["alias"].startswith("Besökare ")
    assert len(started["token"]) >= 40
    assert ack["seq"] == 1
    queued = await staff.expect("queued")
    assert queued["entry"]["role"] == "relative"
    assert queued["entry"]["preview"].startswith("Hej, jag är orolig")
    position = await visitor.expect("queue")
    assert position["position"] == 1

    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    assert info["state"] == "active" and info["staff"] == "anna"
    assert [m["text"] for m in info["messages"]] == [
        "Hej, jag är orolig för min pappa som dricker."]
    claimed = await visitor.expect("claimed")
    assert claimed["staff"] == "Anna"

    conversation = info["id"]
    await staff.send({"type": "message", "conversation": conversation,
                      "text": "Hej! Vad bra att du skriver.", "cid": "s1"})
    staff_ack = await staff.expect("ack", cid="s1")
    line = await visitor.expect("message", kind="staff")
    assert line["text"] == "Hej! Vad bra att du skriver." and line["author"] == "Anna"
    assert line["seq"] == staff_ack["seq"] == 2

    await visitor.say("Tack. Vad kan jag göra?")
    got = await staff.expect("message", kind="visitor")
    assert got["text"] == "Tack. Vad kan jag göra?" and got["seq"] == 3

    await staff.send({"type": "close", "conversation": conversation, "role": "relative",
                      "tags": ["alcohol"], "referrals": ["local-anhorigstod"]})
    ended = await visitor.expect("ended")
    assert ended["by"] == "staff"
    await staff.expect("ended", conversation=conversation)
    await visitor.send({"type": "feedback", "answer": "yes"})
    await asyncio.sleep(0.2)
    record = await relay.storage.conversation(conversation)
    assert record is not None
    assert record.state == "closed" and record.tags == ["alcohol"]
    assert record.referrals == ["local-anhorigstod"] and record.feedback == "yes"
    assert record.visitor_lines == 2 and record.staff_lines == 1
    await visitor.close()
    await staff.close()


async def test_notes_never_reach_the_visitor(relay: Relay) -> None:
    """An internal note is stored and shown to staff but never sent to the visitor."""
    staff = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    await staff.send({"type": "note", "conversation": info["id"], "text": "HEMLIG anteckning",
                      "cid": "n1"})
    await staff.expect("ack", cid="n1")
    await staff.send({"type": "message", "conversation": info["id"], "text": "Synligt svar",
                      "cid": "m1"})
    await visitor.expect("message", kind="staff", text="Synligt svar")
    await visitor.drain(0.3)
    assert not any("HEMLIG" in str(f) for f in visitor.seen)
    # Resuming replays the transcript, still without the note.
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    await visitor.close()
    again = await Client.visitor(relay.port, resume=token, last_seq=0)
    await again.expect("resumed")
    await again.expect("message", text="Synligt svar")
    await again.drain(0.3)
    assert not any("HEMLIG" in str(f) for f in again.seen)
