"""Faults: SIGKILL and SIGTERM under load, a database locked by another process, a full disk.

In every case the rule is the same: a line is acknowledged only once it is durably stored, so
an acknowledged line is never lost, and a line that could not be stored is answered with an
error (never an ack) while the relay keeps serving everyone else.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from relay.server import Relay
from relay.storage.sqlite import SQLiteStorage, _Journal
from tests.relay.relay_process import RelayProcess
from tests.security.conftest import StartRelay, staff_on_duty
from tests.security.resuming import ResumingStaff, ResumingVisitor
from tests.security.test_block import claimed_chat
from tests.support import Client, add_staff_async, sqlite_file

LOAD_CONFIG = """[hours]
always_open = true
[limits]
visitor_rate = 200
visitor_burst = 400
staff_rate = 5000
staff_burst = 5000
"""


async def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


class Load:
    """One resuming staff member answering many resuming visitors who keep writing."""

    def __init__(self, port: int, visitors: int) -> None:
        self.staff = ResumingStaff(port, "anna")
        self.visitors = [ResumingVisitor(port, f"v{n}") for n in range(visitors)]
        self._writing = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        self.staff.start()
        await asyncio.wait_for(self.staff.logged_in.wait(), 10)  # else the chat is closed
        for visitor in self.visitors:
            visitor.start()
        self._writing.set()
        self._tasks = [asyncio.create_task(self._write(v)) for v in self.visitors]

    async def _write(self, visitor: ResumingVisitor) -> None:
        while self._writing.is_set():
            if visitor.connected.is_set() and len(visitor.pending) < 2:
                await visitor.say()
            await asyncio.sleep(0.05)

    def acked(self) -> int:
        return sum(len(v.acked) for v in self.visitors)

    async def stop_writing(self) -> None:
        self._writing.clear()
        await asyncio.gather(*self._tasks)

    def undelivered(self) -> list[str]:
        """Acknowledged lines that have not reached their reader (yet)."""
        missing = [cid for v in self.visitors for cid in v.acked if cid not in self.staff.received]
        replies = {cid: text for cid, (_, text) in self.staff.pending.items()}
        for visitor in self.visitors:
            for cid in visitor.acked:
                reply = f"reply to {cid}"
                if f"re-{cid}" in self.staff.acked and reply not in visitor.received:
                    missing.append(reply)
        return missing + list(replies)

    async def settle(self, timeout: float = 60) -> None:
        """Wait until every line was acknowledged and every acknowledged line was delivered."""
        await wait_for(lambda: not any(v.pending for v in self.visitors), timeout,
                       "visitor lines to be acknowledged")
        await wait_for(lambda: not self.undelivered(), timeout, "every line to reach its reader")

    async def close(self) -> None:
        for client in [self.staff, *self.visitors]:
            await client.stop()


def assert_stored_once(database: Path, load: Load) -> None:
    """Every acknowledged line is in the database with its sequence number, exactly once."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        for visitor in load.visitors:
            for cid, seq in visitor.acked.items():
                rows = db.execute("SELECT conversation_id, seq, text FROM messages WHERE cid = ?",
                                  (cid,)).fetchall()
                acked_rows = [r for r in rows if r[1] == seq]
                assert acked_rows, f"acknowledged line {cid} is not stored"
                same = [r for r in rows if r[0] == acked_rows[0][0]]
                assert len(same) == 1, f"{cid} stored {len(same)} times"
        for cid, seq in load.staff.acked.items():
            rows = db.execute("SELECT seq FROM messages WHERE cid = ?", (cid,)).fetchall()
            assert rows == [(seq,)], f"staff line {cid}: {rows}"
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.fixture
def relay_process(tmp_path: Path) -> Iterator[RelayProcess]:
    process = RelayProcess(tmp_path, config=LOAD_CONFIG)
    asyncio.run(add_staff_async(process.database, "anna"))
    yield process
    process.stop()


@pytest.mark.slow
async def test_sigkill_under_load_loses_nothing_acknowledged(relay_process: RelayProcess) -> None:
    """SIGKILL while 20 visitors and a staff member chat; after a restart on the same port every
    client resumes on its own, every acknowledged line is stored once and reaches its reader."""
    relay_process.start()
    load = Load(relay_process.port, visitors=20)
    try:
        await load.start()
        await wait_for(lambda: load.acked() >= 300, 60, "300 acknowledged lines")
        relay_process.kill()
        acked_at_kill = load.acked()
        await asyncio.sleep(0.5)
        await asyncio.to_thread(relay_process.start)
        await wait_for(lambda: load.acked() >= acked_at_kill + 200, 60, "traffic after restart")
        await load.stop_writing()
        await load.settle()
        assert all(v.connects >= 2 for v in load.visitors) and load.staff.connects >= 2
        assert load.staff.errors == []
    finally:
        await load.close()
    relay_process.stop()
    assert_stored_once(sqlite_file(relay_process.database), load)


@pytest.mark.slow
async def test_sigterm_closes_with_a_reason_and_loses_nothing(
        relay_process: RelayProcess) -> None:
    """SIGTERM under load: every client gets close 1012 with a reason, the relay exits 0, and
    after a restart the lines that were in flight are acknowledged exactly once."""
    relay_process.start()
    load = Load(relay_process.port, visitors=10)
    try:
        await load.start()
        await wait_for(lambda: load.acked() >= 150, 60, "150 acknowledged lines")
        returncode = await asyncio.to_thread(relay_process.terminate)
        assert returncode == 0
        await wait_for(lambda: all(v.close_codes for v in load.visitors), 10, "closes")
        reason = "The chat service is restarting. Reconnecting..."
        for client in [load.staff, *load.visitors]:
            assert client.close_codes[0] == (1012, reason), client.close_codes
        assert "relay stopped" in relay_process.log_path.read_text(encoding="utf-8")
        # Before any restart: what was acknowledged is already on disk.
        with contextlib.closing(sqlite3.connect(sqlite_file(relay_process.database))) as db:
            stored = {row[0] for row in db.execute("SELECT cid FROM messages")}
        assert all(cid in stored for v in load.visitors for cid in v.acked)
        await asyncio.to_thread(relay_process.start)
        await load.stop_writing()
        await load.settle()
    finally:
        await load.close()
    relay_process.stop()
    assert_stored_once(sqlite_file(relay_process.database), load)


LOCKER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
"""


@contextlib.contextmanager
def locked_by_another_process(database: Path) -> Iterator[None]:
    """Another process holds SQLite's write lock on ``database`` until the block ends."""
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        yield
    finally:
        assert locker.stdin is not None
        locker.stdin.write("\n")
        locker.stdin.close()
        locker.wait(10)
        if locker.stdout is not None:
            locker.stdout.close()


@pytest.mark.sqlite_only  # SQLite's file lock; PostgreSQL's outage: tests/relay/test_postgres.py
async def test_locked_database_refuses_with_an_error_and_no_ack(start_relay: StartRelay) -> None:
    """While another process holds the write lock, senders get a storage error and no ack,
    the relay keeps serving; once the lock is gone the same lines are stored once."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    visitor, _, conversation = await claimed_chat(relay.port, anna, "Första raden")
    with locked_by_another_process(sqlite_file(relay.config.database)):
        await visitor.send({"type": "message", "text": "Under låset", "cid": "locked-1"})
        error = await visitor.expect("error", cid="locked-1")
        # The visitor is told it was not saved, never the database's words (staff are).
        assert error["code"] == "storage" and "locked" not in error["message"], error
        await anna.send({"type": "message", "conversation": conversation,
                         "text": "Svar under låset", "cid": "locked-2"})
        staff_error = await anna.expect("error", cid="locked-2")
        assert staff_error["code"] == "storage" and "locked by another process" in \
            staff_error["message"], staff_error
        assert not any(f["type"] == "ack" for f in await visitor.drain(0.2) + anna.seen
                       if f.get("cid") in ("locked-1", "locked-2"))
        # The relay still serves: a new visitor is told the chat is open, and reading works.
        other = await Client.visitor(relay.port)
        assert (await other.expect("status"))["open"] is True
        await anna.send({"type": "sync", "conversation": conversation})
        assert (await anna.expect("message", conversation=conversation))["seq"] == 1
    await visitor.send({"type": "message", "text": "Under låset", "cid": "locked-1"})
    first = (await visitor.expect("ack", cid="locked-1"))["seq"]
    await anna.send({"type": "message", "conversation": conversation,
                     "text": "Svar under låset", "cid": "locked-2"})
    second = (await anna.expect("ack", cid="locked-2"))["seq"]
    assert 1 < first < second  # refused lines leave gaps in seq, which clients expect
    await relay.storage.flush()
    with contextlib.closing(sqlite3.connect(sqlite_file(relay.config.database))) as db:
        rows = db.execute("SELECT seq, cid FROM messages WHERE conversation_id = ? ORDER BY seq",
                          (conversation,)).fetchall()
    assert rows[1:] == [(first, "locked-1"), (second, "locked-2")] and len(rows) == 3


def fill(directory: Path) -> Path:
    """Write a file until the filesystem holding ``directory`` has no space left."""
    filler = directory / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


@pytest.fixture
def small_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs mounted for the test (needs root; skipped where mounting is not allowed)."""
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


# 6,000 bytes of UTF-8 (12,000 in the JSON frame): more than a database page, so no line
# fits in the free space of a page the database already has.
LONGER_THAN_A_PAGE = "€" * 2000


async def disk_full_scenario(relay: Relay, make_full: Callable[[], Awaitable[object]],
                             make_room: Callable[[], Awaitable[object]]) -> None:
    await staff_on_duty(relay, "bo")
    anna = await Client.staff(relay.port, "anna")
    visitor, _, conversation = await claimed_chat(relay.port, anna, "Innan disken blev full")
    await make_full()
    for n in range(3):
        await visitor.send({"type": "message", "text": f"Full disk {n} " + LONGER_THAN_A_PAGE,
                            "cid": f"full-{n}"})
        error = await visitor.expect("error", cid=f"full-{n}")
        assert error["code"] == "storage" and "disk" not in error["message"], error
    assert not any(f["type"] == "ack" and str(f.get("cid")).startswith("full-")
                   for f in visitor.seen + await visitor.drain(0.2))
    other = await Client.visitor(relay.port)  # still serving
    assert (await other.expect("status"))["open"] is True
    await make_room()
    acks = []
    for n in range(3):
        await visitor.send({"type": "message", "text": f"Full disk {n} " + LONGER_THAN_A_PAGE,
                            "cid": f"full-{n}"})
        acks.append((await visitor.expect("ack", cid=f"full-{n}"))["seq"])
    assert acks == sorted(acks) and acks[0] > 1
    line = await anna.expect("message", conversation=conversation, cid="full-2")
    assert line["seq"] == acks[2]
    await relay.storage.flush()
    with contextlib.closing(sqlite3.connect(sqlite_file(relay.config.database))) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM messages WHERE cid LIKE 'full-%'").fetchone() \
            == (3,)


@pytest.mark.sqlite_only  # a SQLite file on a tiny filesystem
async def test_full_disk_refuses_with_an_error_and_recovers(start_relay: StartRelay,
                                                            small_filesystem: Path) -> None:
    """On a really full filesystem the sender gets "the disk is full" and no ack, the relay
    keeps serving, and once space is freed the same lines are stored once."""
    relay = await start_relay(database=small_filesystem / "lotsen.db")
    filler = small_filesystem / "filler"
    await disk_full_scenario(relay, lambda: asyncio.to_thread(fill, small_filesystem),
                             lambda: asyncio.to_thread(os.unlink, filler))


@pytest.mark.sqlite_only  # SQLite's max_page_count
async def test_database_size_limit_behaves_like_a_full_disk(start_relay: StartRelay) -> None:
    """Where no filesystem can be mounted, SQLite's max_page_count gives the same "full"
    condition on the relay's own write connection; the relay answers it the same way."""
    relay = await start_relay()
    assert isinstance(relay.storage, SQLiteStorage)  # the limit is SQLite's own
    journal = relay.storage.journal
    assert isinstance(journal, _Journal)  # SQLite's
    writer = journal.db

    async def limit(pages: int) -> None:
        await writer.execute_fetchall(f"PRAGMA max_page_count = {pages}")

    async def full() -> None:
        rows = list(await writer.execute_fetchall("PRAGMA page_count"))
        await limit(int(rows[0][0]))

    await disk_full_scenario(relay, full, lambda: limit(1073741823))


@pytest.mark.sqlite_only  # SQLite's max_page_count
async def test_a_first_line_refused_by_a_full_database_queues_once_it_is_stored(
        start_relay: StartRelay) -> None:
    """The conversation row fits but its first line does not: the visitor is told, nobody
    sees a queue entry yet, and the same line sent again once there is room is stored and
    puts the chat in the queue (it used to stay outside the queue for good)."""
    relay = await start_relay()
    bo = await staff_on_duty(relay, "bo")
    assert isinstance(relay.storage, SQLiteStorage)  # the limit is SQLite's own
    journal = relay.storage.journal
    assert isinstance(journal, _Journal)  # SQLite's
    writer = journal.db
    (pages,), = list(await writer.execute_fetchall("PRAGMA page_count"))
    await writer.execute_fetchall(f"PRAGMA max_page_count = {int(pages)}")
    visitor = await Client.visitor(relay.port)
    await visitor.expect("status")
    first = {"type": "message", "text": "Första raden " + LONGER_THAN_A_PAGE, "cid": "first"}
    await visitor.send(first)
    await visitor.expect("started")
    assert (await visitor.expect("error", cid="first"))["code"] == "storage"
    await relay.storage.flush()  # a failed commit is finished with, not an error to flush
    assert not any(f["type"] == "queued" for f in bo.seen + await bo.drain(0.3))
    await writer.execute_fetchall("PRAGMA max_page_count = 1073741823")
    await visitor.send(first)
    assert (await visitor.expect("ack", cid="first"))["seq"] >= 1
    queued = await bo.expect("queued")
    assert queued["entry"]["preview"].startswith("Första raden")
    await bo.send({"type": "claim"})
    info = await bo.expect("conversation")
    assert [m["cid"] for m in info["messages"]] == ["first"]


async def test_console_hears_of_chats_that_ended_while_it_was_away(
        start_relay: StartRelay) -> None:
    """A console that was disconnected when its visitor wrote and left is told on reconnect
    (a closed `conversation`, then `ended`) and can sync the lines it missed."""
    relay = await start_relay()
    await staff_on_duty(relay)
    anna = await Client.staff(relay.port, "anna")
    visitor, _, conversation = await claimed_chat(relay.port, anna, "Hej Anna")
    await anna.close()
    await visitor.say("Jag hann skriva medan du var borta")
    await visitor.send({"type": "leave", "reason": "ended"})
    await visitor.expect("ended")
    back = await Client.staff(relay.port, session=anna.session["token"])
    info = await back.expect("conversation", id=conversation)
    assert info["state"] == "closed" and info["last_seq"] == 2 and not info["readonly"]
    assert (await back.expect("ended", conversation=conversation))["by"] == "visitor"
    await back.send({"type": "sync", "conversation": conversation, "after": 1})
    line = await back.expect("message", conversation=conversation, seq=2)
    assert line["text"] == "Jag hann skriva medan du var borta"
