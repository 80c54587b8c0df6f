"""The same behaviour from every ``Storage`` implementation: SQLite (what runs by default),
PostgreSQL (what runs on a database server) and memory (what the hub tests run on). Each test
runs on all three, so none can drift from the rules the hub relies on."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from relay.storage import ConversationRecord, Line, StaffAccount, Storage, StorageError
from relay.storage.memory import MemoryStorage
from relay.storage.postgres import PostgresStorage
from relay.storage.questions import QuestionRecord
from relay.storage.sqlite import SQLiteStorage


@pytest.fixture(params=["sqlite", "memory",
                        pytest.param("postgres", marks=pytest.mark.postgres)])
async def storage(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Storage]:
    made: Storage
    if request.param == "postgres":
        made = PostgresStorage(request.getfixturevalue("pg_url"))
    else:
        made = SQLiteStorage(tmp_path / "contract.db") if request.param == "sqlite" \
            else MemoryStorage()
    await made.open()
    yield made
    await made.close()


def record(conversation: int, token: str | None = None, created_at: float = 100.0,
           state: str = "queued") -> ConversationRecord:
    return ConversationRecord(conversation, token or f"token-{conversation}",
                              f"Besökare {conversation}", "sv", None, state, created_at)


async def test_a_refused_line_fails_alone_and_the_rest_of_its_commit_is_stored(
        storage: Storage) -> None:
    """A line whose sequence number is taken is refused; the lines journalled with it are
    stored, and reads return them in order, by kind, with the newest client ids first."""
    await storage.create_conversation(record(1))
    first = storage.append_line(Line(1, 1, "visitor", None, "hej", 1.0, "a"))
    again = storage.append_line(Line(1, 1, "visitor", None, "dubblett", 1.5, "x"))
    done: list[BaseException | None] = []
    storage.append_line_then(Line(1, 2, "staff", "anna", "hej hej", 2.0, "b"), done.append)
    storage.append_line_then(Line(1, 3, "note", "anna", "notering", 3.0, None), done.append)
    results = await asyncio.gather(first, again, return_exceptions=True)
    await storage.flush()
    assert results[0] is None and isinstance(results[1], StorageError)
    assert done == [None, None]
    assert [line.text for line in await storage.lines_after(1, 0)] == [
        "hej", "hej hej", "notering"]
    assert [line.seq for line in await storage.lines_after(1, 1, frozenset({"note"}))] == [3]
    assert await storage.last_seq(1) == 3 and await storage.last_seq(2) == 0
    assert await storage.recent_cids(1, 5) == [("b", 2, 2.0), ("a", 1, 1.0)]
    assert await storage.recent_cids(1, 1) == [("b", 2, 2.0)]


async def test_conversations_keep_their_fields_and_unique_tokens(storage: Storage) -> None:
    """Records come back as stored and updated (an unknown staff name is no staff); a second
    conversation with a token in use is refused; closed ones are not live."""
    await storage.add_staff(StaffAccount(0, "anna", "Anna", "-"))
    await storage.create_conversation(record(1, created_at=200.0))
    await storage.create_conversation(record(2, created_at=100.0))
    with pytest.raises(StorageError):
        await storage.create_conversation(record(3, token="token-1"))
    await storage.update_conversation(1, state="active", staff="anna", claimed_at=210.0,
                                      tags=["skola"], urgent=True)
    await storage.update_conversation(2, staff="nobody")
    with pytest.raises(ValueError):
        await storage.update_conversation(1, alias="x")
    one = await storage.conversation(1)
    assert one is not None
    assert (one.state, one.staff, one.claimed_at, one.tags, one.urgent) == (
        "active", "anna", 210.0, ["skola"], True)
    one.tags.append("changed outside")  # a copy: the stored record does not change
    assert (await storage.conversation(1) or one).tags == ["skola"]
    assert (await storage.conversation(2) or one).staff is None
    assert [r.id for r, _ in await storage.live_conversations()] == [2, 1]
    await storage.update_conversation(2, state="closed", closed_at=300.0)
    assert [r.id for r, _ in await storage.live_conversations()] == [1]
    found = await storage.conversation_by_token("token-2")
    assert found is not None and found.id == 2
    assert await storage.max_ids() == (2, 0)


async def test_purge_drops_old_closed_text_and_keeps_the_records(storage: Storage) -> None:
    """Only conversations closed before the cut-off lose their lines and token; the record
    stays for statistics, and a block is found by token until then."""
    for conversation in (1, 2):
        await storage.create_conversation(record(conversation))
        await storage.append_line(Line(conversation, 1, "visitor", None, "hej", 1.0, None))
    await storage.update_conversation(1, state="closed", closed_at=50.0)
    await storage.block_conversation(1)
    assert await storage.is_blocked("token-1") and not await storage.is_blocked("token-2")
    result = await storage.purge(60.0)
    assert (result.conversations, result.messages) == (1, 1)
    purged = await storage.conversation(1)
    assert purged is not None and purged.purged and purged.token_hash is None
    assert await storage.lines_after(1, 0) == []
    assert len(await storage.lines_after(2, 0)) == 1
    assert (await storage.purge(60.0)).conversations == 0


async def test_sessions_end_with_expiry_disabling_and_logout(storage: Storage) -> None:
    """A session is valid until it expires, its account is disabled or it is deleted."""
    anna = await storage.add_staff(StaffAccount(0, "anna", "Anna", "-"))
    bo = await storage.add_staff(StaffAccount(0, "bo", "Bo", "-"))
    with pytest.raises(StorageError, match="already exists"):
        await storage.add_staff(StaffAccount(0, "anna", "Anna 2", "-"))
    await storage.create_session("s-anna", anna.id, 0.0, 100.0)
    await storage.create_session("s-bo", bo.id, 0.0, 100.0)
    assert (await storage.session("s-anna", 50.0) or anna).username == "anna"
    assert await storage.session("s-anna", 100.0) is None
    assert await storage.valid_sessions(["s-anna", "s-bo", "nope"], 50.0) == {"s-anna", "s-bo"}
    await storage.update_staff("bo", disabled=True)
    assert await storage.valid_sessions(["s-anna", "s-bo"], 50.0) == {"s-anna"}
    await storage.delete_sessions(token_hash="s-anna")
    assert await storage.session("s-anna", 50.0) is None
    assert await storage.session_expires("s-bo") == 100.0
    assert await storage.update_staff("nobody", disabled=True) is False
    await storage.update_staff("anna", totp_last_step=7)
    assert await storage.totp_last_step("anna") == 7
    assert (await storage.staff("anna") or anna).totp_last_step is None  # read apart
    await storage.create_device("d-anna", anna.id, 0.0, 100.0)
    assert await storage.device_owner("d-anna", 50.0) == anna.id
    assert await storage.device_owner("d-anna", 150.0) is None
    assert [a.username for a in await storage.list_staff()] == ["anna", "bo"]


async def test_audit_entries_come_oldest_first_limited_to_the_newest(storage: Storage) -> None:
    """``audit_entries`` returns the newest ``limit`` rows, oldest first, of one actor if
    asked; ``purge_audit`` deletes rows older than its cut-off and says how many."""
    for n in range(5):
        await storage.audit("anna" if n % 2 else "bo", "view", n, None, ts=10.0 + n)
    assert [e.conversation for e in await storage.audit_entries(limit=3)] == [2, 3, 4]
    assert [e.conversation for e in await storage.audit_entries(actor="anna")] == [1, 3]
    assert [e.conversation for e in await storage.audit_entries(since=12.0)] == [2, 3, 4]
    assert await storage.purge_audit(12.0) == 2
    assert [e.conversation for e in await storage.audit_entries()] == [2, 3, 4]


async def test_questions_are_found_by_code_until_purged(storage: Storage) -> None:
    """A question is found by its code and key while kept; the purge removes its text and
    both, and it no longer counts as unanswered."""
    question = QuestionRecord(1, "code-1", "key-1", "sv", None, "open", 10.0)
    await storage.create_question(question, Line(1, 1, "visitor", None, "fråga", 10.0, "q"))
    assert await storage.max_question_id() == 1
    assert await storage.unanswered_questions() == 1
    assert (await storage.question_by_code("code-1") or question).id == 1
    assert [(q.id, [line.text for line in lines])
            for q, lines in await storage.open_questions()] == [(1, ["fråga"])]
    await storage.update_question(1, state="closed", closed_at=20.0)
    assert await storage.purge_questions(30.0, time.time()) == [1]
    assert await storage.question_by_code("code-1") is None
    assert await storage.question_by_key("key-1") is None
    assert await storage.question_lines(1) == []
    assert await storage.unanswered_questions() == 0
    assert [q.id for q in await storage.questions_asked(0.0, 100.0)] == [1]


async def test_a_question_and_its_first_line_are_stored_both_or_neither(
        storage: Storage) -> None:
    """A question refused (its key taken) stores no line either, even in a commit shared with
    writes that succeed; an answer whose line is refused leaves the question unchanged."""
    await storage.create_question(QuestionRecord(1, "code-1", "key-1", "sv", None, "open", 1.0),
                                  Line(1, 1, "visitor", None, "först", 1.0, "q1"))
    taken = storage.create_question(
        QuestionRecord(2, "code-2", "key-1", "sv", None, "open", 2.0),
        Line(2, 1, "visitor", None, "halvt sparad", 2.0, "q2"))
    fine = storage.create_question(QuestionRecord(3, "code-3", "key-3", "sv", None, "open", 3.0),
                                   Line(3, 1, "visitor", None, "tredje", 3.0, "q3"))
    results = await asyncio.gather(taken, fine, return_exceptions=True)
    assert isinstance(results[0], StorageError) and results[1] is None, results
    assert await storage.question(2) is None
    assert await storage.question_lines(2) == []
    assert [line.text for line in await storage.question_lines(3)] == ["tredje"]
    # An answer numbered like a line that exists: refused, and the question is not answered.
    answer = storage.answer_question(Line(1, 1, "staff", "anna", "svar", 4.0, "a1"),
                                     first_answer_at=4.0, last_answer_at=4.0)
    other = storage.append_question_line(Line(3, 2, "visitor", None, "mer", 4.0, "q4"))
    results = await asyncio.gather(answer, other, return_exceptions=True)
    assert isinstance(results[0], StorageError) and results[1] is None, results
    unchanged = await storage.question(1)
    assert unchanged is not None and unchanged.first_answer_at is None
    assert await storage.unanswered_questions() == 2
    await storage.answer_question(Line(1, 2, "staff", "anna", "svar", 5.0, "a2"),
                                  first_answer_at=5.0, last_answer_at=5.0)
    answered = await storage.question(1)
    assert answered is not None and answered.first_answer_at == 5.0
    assert [line.text for line in await storage.question_lines(1)] == ["först", "svar"]


async def test_a_waiting_conversation_is_claimed_once(storage: Storage) -> None:
    """The first claim of a waiting conversation wins and sets its holder; a second claim,
    or a claim of a closed conversation, is refused and changes nothing."""
    await storage.add_staff(StaffAccount(0, "anna", "Anna", "-"))
    await storage.add_staff(StaffAccount(0, "bo", "Bo", "-"))
    await storage.create_conversation(record(1))
    await storage.create_conversation(record(2, state="closed"))
    assert await storage.claim_conversation(1, "anna", 200.0)
    assert not await storage.claim_conversation(1, "bo", 201.0)
    assert not await storage.claim_conversation(2, "bo", 202.0)
    claimed = await storage.conversation(1)
    assert claimed is not None
    assert (claimed.state, claimed.staff, claimed.claimed_at) == ("active", "anna", 200.0)
    closed = await storage.conversation(2)
    assert closed is not None and closed.staff is None and closed.state == "closed"


async def test_a_held_conversation_goes_back_to_the_queue_first_in_line(
        storage: Storage) -> None:
    """A requeue makes a held chat wait again with no holder. PostgreSQL numbers its place
    before every other (the relays share that order) and new chats after every other;
    SQLite and memory leave the numbering to the relay (None)."""
    await storage.add_staff(StaffAccount(0, "anna", "Anna", "-"))
    first, second = record(1), record(2)
    await storage.create_conversation(first)
    await storage.create_conversation(second)
    assert await storage.claim_conversation(1, "anna", 200.0)
    back = await storage.requeue_conversation(1)
    stored = await storage.conversation(1)
    assert stored is not None
    assert (stored.state, stored.staff, stored.claimed_at) == ("queued", None, None)
    if isinstance(storage, PostgresStorage):
        assert first.arrival is not None and second.arrival is not None and back is not None
        assert back < first.arrival < second.arrival
    else:
        assert first.arrival is None and second.arrival is None and back is None


async def test_the_last_actor_of_an_audited_action_is_found(storage: Storage) -> None:
    """Who last marked a conversation comes from the audit log (the relay shows it after a
    restart); other conversations and other actions do not count."""
    await storage.audit("anna", "mark_urgent", 1)
    await storage.audit("bo", "mark_not_urgent", 1)
    await storage.audit("sara", "mark_urgent", 2)
    await storage.audit("sara", "claim", 1)
    await storage.flush()
    marks = ("mark_urgent", "mark_not_urgent")
    assert await storage.last_actor(1, marks) == "bo"
    assert await storage.last_actor(2, marks) == "sara"
    assert await storage.last_actor(3, marks) is None
    assert await storage.last_actor(1, ()) is None
