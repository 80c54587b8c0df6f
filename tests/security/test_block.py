"""Blocking an abusive conversation: a polite end for the visitor, and its token stays refused."""

from __future__ import annotations

import asyncio
import contextlib

from relay import protocol
from tests.security.conftest import StartRelay
from tests.security.test_limits import closed_with
from tests.support import Client, sql_connection


async def claimed_chat(port: int, staff: Client, text: str = "Du är värdelös") -> tuple[
        Client, str, int]:
    """A visitor who wrote once, claimed by ``staff``: (visitor, resume token, conversation)."""
    visitor = await Client.visitor(port)
    await visitor.say(text)
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    await staff.send({"type": "claim"})
    conversation = (await staff.expect("conversation"))["id"]
    await visitor.expect("claimed")
    return visitor, token, conversation


async def test_block_ends_the_chat_politely_and_the_token_cannot_come_back(
        start_relay: StartRelay) -> None:
    """The visitor gets ended/blocked and close 4006 with a polite reason; resuming with the
    token is refused the same way without replaying the transcript; it is audited."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    visitor, token, conversation = await claimed_chat(relay.port, anna)
    await anna.send({"type": "block", "conversation": conversation})
    ended = await visitor.expect("ended")
    assert ended == {"type": "ended", "by": "staff", "reason": "blocked"}
    assert await closed_with(visitor) == (protocol.CLOSE_BLOCKED, "This chat has been closed.")
    staff_side = await anna.expect("ended", conversation=conversation)
    assert staff_side["reason"] == "blocked"

    back = await Client.visitor(relay.port, resume=token, last_seq=0)
    assert await closed_with(back) == (protocol.CLOSE_BLOCKED, "This chat has been closed.")
    assert [f["type"] for f in back.seen] == ["ended"]  # no transcript, no status, no queue

    await relay.storage.flush()
    with contextlib.closing(sql_connection(relay.config.database)) as db:
        row = db.execute("SELECT state, closed_by, blocked FROM conversations "
                         f"WHERE id = {int(conversation)}").fetchone()
    assert row == ("closed", "staff", 1)
    actions = [(e.actor, e.action, e.conversation) for e in await relay.storage.audit_entries()]
    assert ("anna", "block", conversation) in actions


async def test_only_the_holder_or_a_supervisor_can_block(start_relay: StartRelay) -> None:
    """Another staff member's block is forbidden; a supervisor may block a waiting chat, which
    leaves the queue."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    sara = await Client.staff(relay.port, "sara")
    visitor, _, conversation = await claimed_chat(relay.port, anna)
    await bo.send({"type": "block", "conversation": conversation})
    assert (await bo.expect("error"))["code"] == "forbidden"
    await visitor.say("Jag är kvar")

    waiting = await Client.visitor(relay.port)
    await waiting.say("spam spam spam")
    waiting_id = conversation + 1
    assert relay.queue.get(waiting_id) is not None
    await sara.send({"type": "block", "conversation": waiting_id})
    await sara.expect("dequeued", conversation=waiting_id)
    assert (await waiting.expect("ended"))["reason"] == "blocked"
    assert waiting_id not in relay.live and relay.queue.get(waiting_id) is None
    await asyncio.sleep(0.1)
    assert visitor.ws.close_code is None  # anna's chat is untouched
