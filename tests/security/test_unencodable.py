"""Issue 10, findings 1 and 2: text that cannot be encoded, and writes that fail one by one.

A lone surrogate (JSON's ``"\\ud800"`` written raw, not by ``json.dumps``) decodes to a Python
string no database, socket or terminal can take. The relay refuses it at decode in every string
field of every frame, on both endpoints; and a single write SQLite refuses never fails the
other writes committed with it. All on a real relay with a real SQLite file.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from relay import protocol
from relay.storage import ConversationRecord, Line, StorageError
from relay.storage.sqlite import SQLiteStorage
from tests.security.conftest import StartRelay, staff_on_duty
from tests.support import Client, sqlite_file

LONE = "\\ud800"  # the six characters of a JSON escape, sent as they are


def raw_line(text_json: str, cid: str) -> str:
    """A visitor message frame whose text is ``text_json`` as written (an escape stays raw)."""
    return '{"type":"message","text":"' + text_json + '","cid":"' + cid + '"}'


async def test_lone_surrogate_line_is_refused_and_staff_can_still_log_in(
        start_relay: StartRelay) -> None:
    """Finding 1: a first line holding a lone surrogate is refused as ``bad_frame``; the
    ordinary line after it queues the chat with that line as preview; staff logins keep
    working and see the chat."""
    relay = await start_relay()
    duty = await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    await visitor.expect("status", open=True)
    await visitor.ws.send(raw_line("Hej " + LONE, "bad"))
    refused = await visitor.expect("error", cid="bad")
    assert refused["code"] == "bad_frame"
    await visitor.say("En vanlig rad")
    await visitor.send({"type": "leave", "reason": "ended"})
    await visitor.expect("ended")
    await visitor.close()

    for _ in range(3):  # password logins and a session login all get their snapshot
        staff = await Client.staff(relay.port, "anna")
        await staff.expect("queue")
        again = await Client.staff(relay.port, session=staff.session["token"])
        await again.expect("queue")
        await again.close()
        await staff.close()
    seen = [f for f in duty.seen + await duty.drain(0.3) if f.get("type") == "queued"]
    assert seen and seen[0]["entry"]["preview"] == "En vanlig rad"
    await duty.close()


@pytest.mark.parametrize("frame", [
    '{"type":"login","v":1,"session":"x","user":"' + LONE + '"}',
    '{"type":"login","v":1,"user":"anna","password":"' + LONE + '"}',
])
async def test_staff_login_with_a_lone_surrogate_is_refused_before_any_write(
        start_relay: StartRelay, frame: str) -> None:
    """Finding 2: the staff endpoint refuses a lone surrogate in ``login`` at decode, so it
    never reaches the audit log or a commit; a real login works right after."""
    relay = await start_relay()
    async with connect(f"ws://127.0.0.1:{relay.port}{protocol.STAFF_PATH}") as ws:
        await ws.send(frame)
        answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert answer["type"] == "error" and answer["code"] == "bad_frame"
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == protocol.CLOSE_POLICY and ws.close_reason
    staff = await Client.staff(relay.port, "anna")
    await staff.close()
    await relay.storage.flush()
    entries = await relay.storage.audit_entries()
    assert all(protocol.encodable(e.actor) for e in entries)


async def test_one_refused_write_does_not_fail_the_rest_of_its_group(tmp_path: Path) -> None:
    """Finding 2: writes committed together are isolated; the one SQLite refuses fails alone
    (its caller gets a StorageError) and every other write of the group is on disk."""
    storage = SQLiteStorage(tmp_path / "journal.db")
    await storage.open()
    try:
        await storage.create_conversation(ConversationRecord(
            id=1, token_hash="t", alias="Besökare 1", lang="sv", role=None, state="queued",
            created_at=1.0))
        outcomes: list[BaseException | None] = []
        futures = []
        for seq in range(1, 21):
            text = "bad \ud800" if seq == 7 else f"line {seq}"
            storage.append_line_then(Line(1, seq, "visitor", None, text, 2.0, f"c{seq}"),
                                     outcomes.append)
        futures.append(storage.append_line(Line(1, 21, "visitor", None, "last", 2.0, "c21")))
        futures.append(asyncio.ensure_future(storage.update_conversation(1, state="closed")))
        futures.append(asyncio.ensure_future(storage.audit("\udfff", "login_failed")))
        results = await asyncio.gather(*futures, return_exceptions=True)
        assert results[0] is None and results[1] is None
        assert isinstance(results[2], StorageError)
        assert [o is None for o in outcomes] == [seq != 7 for seq in range(1, 21)]
        assert isinstance(outcomes[6], StorageError)
        stored = await storage.lines_after(1, 0)
        assert [line.seq for line in stored] == [s for s in range(1, 22) if s != 7]
        record = await storage.conversation(1)
        assert record is not None and record.state == "closed"
        assert storage.journal.refused_writes == 2
    finally:
        await storage.close()
    with sqlite3.connect(tmp_path / "journal.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


async def test_visitor_leave_in_a_group_with_a_refused_write_is_stored(
        start_relay: StartRelay, tmp_path: Path) -> None:
    """Finding 2: a visitor's ``leave`` committed in the same group as a write SQLite refuses
    still closes the chat on disk (it is not left ``active`` after both sides were told
    ``ended``), and a restart does not bring it back."""
    relay = await start_relay()
    staff = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    conversation = info["id"]
    await relay.storage.flush()

    # A refused write queued into the same group as the leave: while the journal waits to
    # commit an earlier write, both are submitted, so they are committed together next.
    assert isinstance(relay.storage, SQLiteStorage)
    async with relay.storage.journal.lock:
        earlier = asyncio.ensure_future(relay.storage.audit("system", "test"))
        await asyncio.sleep(0.05)  # the journal took it and waits for the lock
        poison = asyncio.ensure_future(relay.storage.audit("\ud800", "login_failed"))
        await visitor.send({"type": "leave", "reason": "ended"})
        await asyncio.sleep(0.2)  # the leave is now waiting in the journal too
    await visitor.expect("ended")
    await staff.expect("ended", conversation=conversation)
    await earlier
    with pytest.raises(StorageError):
        await poison
    await relay.storage.flush()
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.state == "closed" and record.closed_by == "visitor"
    await staff.close()
    await visitor.close()
    await relay.stop()
    again = await start_relay()
    assert conversation not in again.live


async def test_refused_frames_carry_back_only_sendable_cids(start_relay: StartRelay) -> None:
    """An error for a frame whose cid holds a lone surrogate is still sent (without the cid),
    rather than crashing the connection while encoding the answer."""
    relay = await start_relay()
    await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    await visitor.ws.send('{"type":"message","text":"Hej","cid":"' + LONE + '"}')
    refused = await visitor.expect("error")
    assert refused["code"] == "bad_frame" and refused["cid"] is None
    await visitor.say("Fortfarande här")


@pytest.mark.sqlite_only  # a SQLite trigger refuses the write
async def test_a_refused_closing_write_is_stored_again(start_relay: StartRelay) -> None:
    """Finding 2: when the write that closes a chat is refused (here by a trigger in the real
    database), both sides are still told it ended, and the relay keeps storing the end until it
    is on disk: the row does not stay ``active`` to be revived by a restart."""
    relay = await start_relay()
    staff = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await staff.send({"type": "claim"})
    conversation = (await staff.expect("conversation"))["id"]
    await relay.storage.flush()
    database = sqlite_file(relay.config.database)
    with sqlite3.connect(database) as db:
        db.execute("CREATE TRIGGER refuse_close BEFORE UPDATE OF state ON conversations "
                   "WHEN NEW.state = 'closed' BEGIN SELECT RAISE(ABORT, 'refused'); END")
    await visitor.send({"type": "leave", "reason": "ended"})
    await visitor.expect("ended")
    await staff.expect("ended", conversation=conversation)
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.state == "active"
    with sqlite3.connect(database) as db:
        db.execute("DROP TRIGGER refuse_close")
    for _ in range(80):  # the relay's periodic task stores it again (every 5 s)
        record = await relay.storage.conversation(conversation)
        if record is not None and record.state == "closed":
            break
        await asyncio.sleep(0.1)
    assert record is not None and record.state == "closed" and record.closed_by == "visitor"
    await staff.close()
    await visitor.close()


def refuse(database: Path, name: str, when: str) -> None:
    """A trigger in the real database that refuses conversation updates matching ``when``."""
    with sqlite3.connect(database) as db:
        db.execute(f"CREATE TRIGGER {name} BEFORE UPDATE ON conversations WHEN {when} "
                   "BEGIN SELECT RAISE(ABORT, 'refused'); END")


def allow(database: Path, name: str) -> None:
    with sqlite3.connect(database) as db:
        db.execute(f"DROP TRIGGER {name}")


@pytest.mark.sqlite_only  # a SQLite trigger refuses the write
async def test_refused_transfer_and_feedback_change_nothing(start_relay: StartRelay) -> None:
    """State changes only after the store succeeds: a transfer the database refuses leaves the
    chat with its holder (who can still write in it), and refused feedback can be given again."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    visitor = await Client.visitor(relay.port)
    await visitor.say("Hej")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    await relay.storage.flush()
    database = sqlite_file(relay.config.database)
    refuse(database, "refuse_transfer", "NEW.staff_id IS NOT OLD.staff_id")
    await anna.send({"type": "transfer", "conversation": conversation, "to": "bo"})
    assert (await anna.expect("error"))["code"] == "storage"
    assert relay.live[conversation].record.staff == "anna"
    await anna.send({"type": "message", "conversation": conversation, "text": "Jag är kvar",
                     "cid": "still"})
    await anna.expect("ack", cid="still")
    await visitor.expect("message", text="Jag är kvar")
    allow(database, "refuse_transfer")

    await anna.send({"type": "close", "conversation": conversation})
    await visitor.expect("ended")
    refuse(database, "refuse_feedback", "NEW.feedback IS NOT NULL")
    await visitor.send({"type": "feedback", "answer": "yes"})
    assert (await visitor.expect("error"))["code"] == "storage"
    allow(database, "refuse_feedback")
    await visitor.send({"type": "feedback", "answer": "yes"})
    await visitor.drain(0.3)
    await relay.storage.flush()
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.feedback == "yes"
    for client in (anna, bo, visitor):
        await client.close()


async def test_nul_characters_get_one_clear_answer_on_every_engine(
        start_relay: StartRelay) -> None:
    """A NUL character is refused at the protocol boundary, the same on SQLite and
    PostgreSQL (which cannot store it): a staff login is answered ``bad_frame`` and closed
    with a reason (not 1011), a visitor's first line gets ``bad_frame`` before any chat
    starts, a question, a staff line and a transfer note are refused and nothing of them is
    stored; the same frames without NUL work right after."""
    relay = await start_relay()
    asker = await Client.visitor(relay.port, purpose="questions")
    await asker.send({"type": "ask", "text": "fråga \x00", "cid": "q1", "key": "K" * 22})
    refused = await asker.expect("error", cid="q1")
    assert refused["code"] == "bad_frame" and "NUL" in refused["message"], refused
    async with connect(f"ws://127.0.0.1:{relay.port}{protocol.STAFF_PATH}") as ws:
        await ws.send(json.dumps({"type": "login", "v": 1, "user": "pg\x00", "password": "x"}))
        answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert answer["code"] == "bad_frame" and "NUL" in answer["message"], answer
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == protocol.CLOSE_POLICY
    anna, bo = await Client.staff(relay.port, "anna"), await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    await visitor.expect("status", open=True)
    await visitor.send({"type": "message", "text": "hej \x00 nul", "cid": "v1"})
    refused = await visitor.expect("error", cid="v1")
    assert refused["code"] == "bad_frame" and "NUL" in refused["message"], refused
    assert not any(f.get("type") == "started" for f in visitor.seen + await visitor.drain(0.2))
    assert await relay.storage.live_conversations() == []
    await visitor.say("hej utan nul")
    await anna.send({"type": "claim"})
    conversation = (await anna.expect("conversation"))["id"]
    for frame in ({"type": "message", "text": "svar \x00", "cid": "s1"},
                  {"type": "transfer", "to": "bo", "note": "x\x00"}):
        await anna.send({**frame, "conversation": conversation})
        error = await anna.expect("error")
        assert error["code"] == "bad_frame" and "NUL" in error["message"], (frame, error)
    await relay.storage.flush()
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.staff == "anna"
    assert [line.text for line in await relay.storage.lines_after(conversation, 0)] == [
        "hej utan nul"]
    assert await relay.storage.open_questions() == []
    await anna.send({"type": "transfer", "to": "bo", "note": "x", "conversation": conversation})
    await bo.expect("conversation", id=conversation)
    for client in (asker, anna, bo, visitor):
        await client.close()
