"""Authorization: nobody reaches a conversation that is not theirs, by guessing or by replay."""

from __future__ import annotations

import asyncio
import secrets

from relay import auth, protocol
from tests.security.conftest import StartRelay, staff_on_duty
from tests.security.test_block import claimed_chat
from tests.security.test_limits import closed_with
from tests.support import Client


async def test_visitor_cannot_resume_another_chat_by_guessing(start_relay: StartRelay) -> None:
    """Random tokens, the stored hash of a real token, a truncated token or a staff session
    token all answer unknown_token; nothing of the real chat is sent."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    victim, token, _ = await claimed_chat(relay.port, anna, "Min hemlighet")
    guesses = [secrets.token_urlsafe(32), auth.token_hash(token), token[:-1], token + "A",
               anna.session["token"], "", "1"]
    for guess in guesses:
        intruder = await Client.visitor(relay.port, resume=guess or None, last_seq=0)
        frames = await intruder.drain(0.3)
        if guess:
            assert any(f.get("code") == "unknown_token" for f in frames), guess
        assert not any(f["type"] in ("resumed", "message", "claimed") for f in frames), guess
        assert "Min hemlighet" not in str(frames)
        await intruder.close()
    assert (await victim.say("Fortfarande min chatt"))["seq"] == 2
    assert victim.ws.close_code is None


async def test_visitor_cannot_write_into_another_conversation(start_relay: StartRelay) -> None:
    """A visitor frame naming another conversation id is ignored: the line starts the
    visitor's own chat, and the other staff member sees nothing."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    _, _, conversation = await claimed_chat(relay.port, anna)
    intruder = await Client.visitor(relay.port)
    await intruder.send({"type": "message", "text": "injected", "cid": "x1",
                         "conversation": conversation, "seq": 99})
    await intruder.expect("ack", cid="x1")
    assert next(f for f in intruder.seen if f["type"] == "started")
    assert relay.live[conversation].last_seq == 1
    assert not any(f.get("conversation") == conversation and f.get("type") == "message"
                   for f in await anna.drain(0.3))


async def test_staff_cannot_touch_a_colleagues_conversation(start_relay: StartRelay) -> None:
    """bo's sync, message, note, close, transfer, help, block and view on anna's chat are all
    forbidden; his typing does not reach the visitor; the chat is unchanged."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    visitor, _, conversation = await claimed_chat(relay.port, anna, "Bara till Anna")
    attempts = [
        {"type": "sync", "conversation": conversation},
        {"type": "message", "conversation": conversation, "text": "hej", "cid": "b1"},
        {"type": "note", "conversation": conversation, "text": "hej", "cid": "b2"},
        {"type": "whisper", "conversation": conversation, "text": "hej", "cid": "b3"},
        {"type": "close", "conversation": conversation},
        {"type": "transfer", "conversation": conversation, "to": "bo"},
        {"type": "transfer", "conversation": conversation},
        {"type": "help", "conversation": conversation},
        {"type": "block", "conversation": conversation},
        {"type": "view", "conversation": conversation},
    ]
    for frame in attempts:
        await bo.send(frame)
        error = await bo.expect("error")
        assert error["code"] == "forbidden", (frame, error)
    await bo.send({"type": "typing", "conversation": conversation, "active": True})
    # bo sees the queue preview every staff member sees before a claim, never the transcript.
    transcript = [f for f in bo.seen + await bo.drain(0.3)
                  if f["type"] in ("message", "conversation")]
    assert "Bara till Anna" not in str(transcript)
    assert not any(f["type"] == "typing" for f in await visitor.drain(0.2))
    live = relay.live[conversation]
    assert live.record.staff == "anna" and live.record.state == "active" and live.last_seq == 1


async def test_supervisor_reading_a_colleagues_chat_is_audited(start_relay: StartRelay) -> None:
    """A supervisor may read any conversation, and each read is written to the audit log."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    sara = await Client.staff(relay.port, "sara")
    _, _, conversation = await claimed_chat(relay.port, anna, "Läs mig")
    await sara.send({"type": "sync", "conversation": conversation})
    line = await sara.expect("message", conversation=conversation)
    assert line["text"] == "Läs mig"
    await asyncio.sleep(0.05)
    actions = [(e.actor, e.action, e.conversation) for e in await relay.storage.audit_entries()]
    assert ("sara", "view", conversation) in actions


async def test_nothing_before_login_and_no_visitor_token_as_a_session(
        start_relay: StartRelay) -> None:
    """Frames before login close the socket; a visitor's resume token does not log in."""
    relay = await start_relay()
    staff = await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    for first in ({"type": "sync", "conversation": 1}, {"type": "claim"},
                  {"type": "login", "v": protocol.PROTOCOL_VERSION, "session": token}):
        from websockets.asyncio.client import connect

        ws = await connect(f"ws://127.0.0.1:{relay.port}{protocol.STAFF_PATH}")
        client = Client(ws)
        await client.send(first)
        code, _ = await closed_with(client)
        assert code in (protocol.CLOSE_POLICY, protocol.CLOSE_AUTH_FAILED)
        assert not any(f["type"] in ("session", "message", "queue") for f in client.seen)
    assert set(relay.staff) == {staff.session["user"]}


async def test_a_purged_conversation_cannot_be_resumed(start_relay: StartRelay) -> None:
    """Once a closed chat is purged its token matches nothing (the hash is deleted too)."""
    offset = [0.0]
    import time

    relay = await start_relay(clock=lambda: time.time() + offset[0])
    anna = await Client.staff(relay.port, "anna")
    visitor, token, conversation = await claimed_chat(relay.port, anna)
    await anna.send({"type": "close", "conversation": conversation})
    await visitor.expect("ended")
    offset[0] = (relay.config.retention_days + 1) * 86400
    assert (await relay.purge()).conversations == 1
    back = await Client.visitor(relay.port, resume=token)
    assert (await back.expect("error"))["code"] == "unknown_token"
