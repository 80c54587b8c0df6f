"""Storage on both engines (SQLite and PostgreSQL, from tests/relay/conftest.py's ``database``):
group commit, acknowledgement only after commit, a refused write failing alone, line numbers
that never repeat, and claims of which exactly one wins."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from relay.storage import (
    ConversationRecord,
    Database,
    Line,
    StaffAccount,
    StorageError,
    open_storage,
)
from relay.storage.sqlite import SQLiteStorage


@pytest.fixture
async def storage(database: Database) -> AsyncIterator[SQLiteStorage]:
    opened = open_storage(database)
    await opened.open()
    try:
        yield opened
    finally:
        await opened.close()


async def _conversation(storage: SQLiteStorage, conversation: int = 1) -> None:
    await storage.create_conversation(ConversationRecord(
        conversation, f"token-{conversation}", f"Fox {conversation}", "sv", None, "queued",
        time.time()))


def _line(conversation: int, seq: int, text: str = "hello") -> Line:
    return Line(conversation, seq, "visitor", None, text, time.time(), f"c{conversation}-{seq}")


async def test_lines_written_together_share_commits_and_come_back_in_order(
        storage: SQLiteStorage) -> None:
    """A burst of lines in three conversations, from visitors and staff, is committed in
    fewer transactions than lines, and each conversation reads back whole and in order."""
    for conversation in (1, 2, 3):
        await _conversation(storage, conversation)
    before = storage.journal.commits
    writes = []
    for seq in range(1, 101):
        for conversation in (1, 2, 3):
            staff = (seq + conversation) % 2 == 0
            writes.append(storage.append_line(Line(
                conversation, seq, "staff" if staff else "visitor", "anna" if staff else None,
                f"line {seq}", time.time(), None if seq % 3 == 0 else f"c{seq}")))
    await asyncio.gather(*writes)
    assert storage.journal.commits - before < 300
    for conversation in (1, 2, 3):
        lines = await storage.lines_after(conversation, 0)
        assert [line.seq for line in lines] == list(range(1, 101))
        assert [line.text for line in lines] == [f"line {seq}" for seq in range(1, 101)]
        assert lines[(conversation + 1) % 2].author == "anna" and lines[2].cid is None
    assert [last for _, last in await storage.live_conversations()] == [100, 100, 100]


async def test_a_line_is_acknowledged_only_once_another_reader_can_see_it(
        storage: SQLiteStorage, database: Database) -> None:
    """When a line's write completes, a second connection (another process, a restarted
    relay) already reads it: the ack never runs ahead of the commit."""
    await _conversation(storage)
    other = open_storage(database)
    await other.open()
    try:
        seen: list[int] = []

        def done(error: BaseException | None) -> None:
            assert error is None
            seen.append(1)

        storage.append_line_then(_line(1, 1), done)
        await storage.flush()
        assert seen == [1]
        assert [line.text for line in await other.lines_after(1, 0)] == ["hello"]
    finally:
        await other.close()


async def test_one_refused_line_fails_alone_and_its_group_is_stored(
        storage: SQLiteStorage) -> None:
    """A line the database will not take (its number is taken) gets a StorageError; the
    lines committed in the same group are stored all the same."""
    await _conversation(storage)
    await storage.append_line(_line(1, 1, "first"))
    results = await asyncio.gather(
        storage.append_line(_line(1, 2, "second")),
        storage.append_line(_line(1, 1, "number taken")),
        storage.append_line(_line(1, 3, "third")),
        return_exceptions=True)
    assert results[0] is None and results[2] is None
    assert isinstance(results[1], StorageError)
    assert [line.text for line in await storage.lines_after(1, 0)] == [
        "first", "second", "third"]


async def test_text_the_database_cannot_store_is_refused_not_crashed(
        storage: SQLiteStorage) -> None:
    """A lone surrogate cannot be encoded: that write fails with StorageError, the next works."""
    await _conversation(storage)
    with pytest.raises(StorageError):
        await storage.append_line(_line(1, 1, "broken \udc00"))
    await storage.append_line(_line(1, 2, "fine"))
    assert [line.text for line in await storage.lines_after(1, 0)] == ["fine"]


async def test_of_two_claims_at_once_from_two_processes_exactly_one_wins(
        storage: SQLiteStorage, database: Database) -> None:
    """Two storages on one database (two relays) claim the same waiting chat at once: the
    conditional UPDATE lets exactly one of them have it."""
    for name in ("anna", "bo"):
        await storage.add_staff(StaffAccount(0, name, name.title(), "x", created_at=time.time()))
    await _conversation(storage)
    other = open_storage(database)
    await other.open()
    try:
        wins = await asyncio.gather(storage.claim_conversation(1, "anna", time.time()),
                                    other.claim_conversation(1, "bo", time.time()))
        assert sorted(wins) == [False, True]
        record = await other.conversation(1)
        assert record is not None and record.state == "active"
        assert record.staff == ("anna" if wins[0] else "bo")
        assert not await storage.claim_conversation(1, "anna", time.time())
    finally:
        await other.close()


async def test_a_closed_conversation_cannot_be_claimed(storage: SQLiteStorage) -> None:
    """Only a waiting conversation can be claimed."""
    await storage.add_staff(StaffAccount(0, "anna", "Anna", "x", created_at=time.time()))
    await _conversation(storage)
    await storage.update_conversation(1, state="closed", closed_at=time.time())
    assert not await storage.claim_conversation(1, "anna", time.time())
