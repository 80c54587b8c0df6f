"""Embedded SQLite storage (WAL, group commit) through aiosqlite.

Writes go through ``_Journal`` (a ``GroupCommit``): callers await their own write, concurrent
writes are committed together in one transaction, and a failed commit fails every write in
it, so the relay never acknowledges a line that is not on disk. A single write SQLite refuses
(a bad value, a broken constraint) fails alone: the rest of its group is committed without it.
Reads use the same connection between commits.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import copy
import json
import logging
import os
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from relay.organisations import DEFAULT_ORG
from relay.storage import (
    AuditEntry,
    CommitFigures,
    ConversationRecord,
    Line,
    PurgeResult,
    Renumbered,
    RoomLine,
    StaffAccount,
    StorageError,
)
from relay.storage.network import NetworkStore
from relay.storage.questions import QuestionStore
from vocabulary.phrases import Phrase, phrase

_T = TypeVar("_T")

_CONVERSATION_COLUMNS = (
    "c.id, c.token_hash, c.alias, c.lang, c.role, c.state, c.urgent, s.username, c.created_at, "
    "c.claimed_at, c.closed_at, c.closed_by, c.outcome_role, c.tags, c.referrals, c.feedback, "
    "c.visitor_lines, c.staff_lines, c.purged, c.triage_override, c.triage_feedback"
)
# Upper bounds (seconds) of the commit latency histogram exported on /metrics.
COMMIT_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                    float("inf"))
_UPDATABLE = {
    "state", "urgent", "staff", "claimed_at", "closed_at", "closed_by", "outcome_role", "tags",
    "referrals", "feedback", "visitor_lines", "staff_lines", "lang", "role",
    "triage_override", "triage_feedback",
}


def migrations(folder_name: str = "migrations") -> list[tuple[int, str]]:
    """The numbered schema migrations shipped with the relay, in order (SQLite's, or with
    ``"postgres_migrations"`` PostgreSQL's, which carry the same numbers)."""
    folder = resources.files("relay.storage") / folder_name
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    numbers = [number for number, _ in found]
    if len(set(numbers)) != len(numbers):
        # Two files with one number: the second would be skipped silently on upgrade.
        raise RuntimeError(f"two schema migrations share a number: {sorted(numbers)}")
    return sorted(found)


log = logging.getLogger("lotsen.storage")


def keep_private(path: Path) -> None:
    """Make the database readable by its owner only, whatever the umask: it holds transcripts,
    password hashes and TOTP secrets. A new file is created 0600 (SQLite gives its -wal and
    -shm files the database file's mode); an existing one open to others is tightened, with a
    warning, and so are its -wal and -shm."""
    with contextlib.suppress(OSError):  # a folder we cannot write: SQLite says so next
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = stat.S_IMODE(file.stat().st_mode)
            if mode & 0o077:
                file.chmod(mode & 0o700)
        except OSError:
            continue  # absent, or not ours to change
        if mode & 0o077:
            log.warning("database file was readable by others; now by its owner only "
                        f"(mode {mode:o} -> {mode & 0o700:o})",
                        extra={"event": "database_private", "path": str(file)})

# The schema version from which every table carries the organisation (007_organisations.sql).
ORGANISATIONS_SCHEMA = 7


class GroupCommit:
    """Group commit: writes submitted while a commit runs are committed together after it.

    An engine's journal says how to commit a group (``_commit``), which exceptions fail a
    whole group (``failures``) and how they read (``describe``).
    """

    failures: tuple[type[BaseException], ...] = (sqlite3.Error, ValueError, OverflowError)

    def __init__(self) -> None:
        # Held for a whole transaction; anything else using ``db`` takes it too.
        self.lock = asyncio.Lock()
        # Writes waiting for the next commit, and their futures (kept apart: the commit takes
        # the writes as they are, with no per-write repacking on the event loop's thread).
        self._pending: list[tuple[str, Sequence[Any]]] = []
        self._waiters: list[asyncio.Future[None] | Done] = []  # one per pending write
        self._barriers: list[Done] = []  # flush() calls, settled after the next commit
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.commits = 0
        self.last_commit_s = 0.0
        # Commit latency for /metrics: counts per upper bound in COMMIT_BUCKETS_S, and the sum.
        self.commit_buckets = [0] * len(COMMIT_BUCKETS_S)
        self.commit_seconds_total = 0.0
        self.failed_commits = 0
        # Single writes SQLite refused while the rest of their group was committed.
        self.refused_writes = 0

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="lotsen-journal")

    def submit(self, sql: str, params: Sequence[Any]) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((sql, params))
        self._waiters.append(future)
        self._wake.set()
        return future

    def submit_together(self, writes: Sequence[tuple[str, Sequence[Any]]]
                        ) -> asyncio.Future[None]:
        """Journal several statements as one write: committed all together or refused all
        together (a row and the row that belongs to it, e.g. a question and its first line),
        so the future never completes while only some of them are stored."""
        return self.submit(TOGETHER, tuple(writes))

    def submit_then(self, sql: str, params: Sequence[Any], done: Done) -> None:
        """Like ``submit``, but call ``done(None)`` once committed, or ``done(error)``.

        The journal calls ``done`` itself, in submission order, straight after the commit:
        no future and no event-loop callback per write (one of these per chat line).
        """
        self._pending.append((sql, params))
        self._waiters.append(done)
        self._wake.set()

    async def flush(self) -> None:
        """Wait until everything submitted so far, and any commit running now, has finished."""
        if self._task is None or self._task.done():
            return
        barrier: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def passed(_: BaseException | None) -> None:  # settles even after a failed commit
            if not barrier.done():
                barrier.set_result(None)

        self._barriers.append(passed)
        self._wake.set()
        await asyncio.shield(barrier)

    async def stop(self) -> None:
        await self.flush()
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, []
            waiters, self._waiters = self._waiters, []
            barriers, self._barriers = self._barriers, []
            error: StorageError | None = None
            refused: dict[int, StorageError | Renumbered] = {}
            if batch:
                started = time.perf_counter()
                try:
                    failed = await self._commit(batch)
                except self.failures as exc:
                    error = StorageError(self.describe(exc))
                    self.failed_commits += 1
                else:
                    refused = {index: exc if isinstance(exc, Renumbered)
                               else StorageError(_describe(exc))
                               for index, exc in failed.items()}
                    self.refused_writes += sum(not isinstance(exc, Renumbered)
                                               for exc in refused.values())
                    self.commits += 1
                    self.last_commit_s = time.perf_counter() - started
                    self.commit_seconds_total += self.last_commit_s
                    self.commit_buckets[
                        bisect.bisect_left(COMMIT_BUCKETS_S, self.last_commit_s)] += 1
            _settle(waiters, error, refused)
            _settle(barriers, None)

    def describe(self, exc: BaseException) -> Phrase:
        return _describe(exc)

    async def _commit(self, writes: list[tuple[str, Sequence[Any]]]
                      ) -> dict[int, BaseException]:
        """Commit ``writes`` in one transaction; return the single writes refused (by index)
        or raise one of ``failures`` if the whole group failed."""
        raise NotImplementedError


class _Journal(GroupCommit):
    """SQLite's group commit, on the writer's own connection and thread."""

    def __init__(self, db: _Writer) -> None:
        super().__init__()
        self.db = db

    async def _commit(self, writes: list[tuple[str, Sequence[Any]]]
                      ) -> dict[int, BaseException]:
        async with self.lock:
            return await self.db.call(_write_transaction, writes)


Done = Callable[[BaseException | None], None]
"""Called once a journalled write is committed (``None``) or failed (the error)."""

TOGETHER = "-- together"
"""The ``sql`` of a journal write made of several statements (``GroupCommit.submit_together``):
its params are the ``(sql, params)`` pairs, executed in one savepoint when written one by one."""


def _settle(waiters: Sequence[asyncio.Future[None] | Done], error: StorageError | None,
            refused: dict[int, StorageError | Renumbered] | None = None) -> None:
    """Resolve a commit's futures and call its callbacks, in the order they were submitted.

    ``error`` fails them all (the commit failed); ``refused`` fails single writes by index
    (or, a ``Renumbered``, tells a callback the number its line was stored under).
    """
    for index, waiter in enumerate(waiters):
        outcome: BaseException | None = refused.get(index) if refused else error
        if isinstance(waiter, asyncio.Future):
            if not waiter.done():
                if outcome is None or isinstance(outcome, Renumbered):
                    waiter.set_result(None)
                else:
                    waiter.set_exception(outcome)
            continue
        try:
            waiter(outcome)
        except Exception:  # one broken callback must not strand the others' acks
            log.exception("journal callback failed", extra={"event": "journal_callback_failed"})


# What SQLite raises for one write it will not take (the rest of the group is fine): a value
# it cannot encode or bind (a lone surrogate, an int beyond 64 bits), a broken constraint.
_REFUSED = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError,
            sqlite3.ProgrammingError, ValueError, OverflowError)


def _write_transaction(conn: sqlite3.Connection, writes: list[tuple[str, Sequence[Any]]]
                       ) -> dict[int, BaseException]:
    """One group commit, run on the writer's thread: BEGIN, the writes, COMMIT (or ROLLBACK).

    Returns the writes SQLite refused (by index; usually none). One refused write (a value
    SQLite cannot take, a broken constraint) must not fail the others in its group: the group
    is then rolled back and written again with a savepoint per write, so exactly the refused
    writes are left out. A failed BEGIN or COMMIT (disk full, locked) still fails them all.
    """
    try:
        _write_all(conn, writes)
    except _REFUSED:
        if len(writes) == 1:
            raise
        return _write_each(conn, writes)
    return {}


def _write_each(conn: sqlite3.Connection, writes: list[tuple[str, Sequence[Any]]]
                ) -> dict[int, BaseException]:
    """The group again, each write in a savepoint of its own: refused ones are rolled back."""
    refused: dict[int, BaseException] = {}
    try:
        conn.execute("BEGIN IMMEDIATE")
        for index, (sql, params) in enumerate(writes):
            conn.execute("SAVEPOINT journal_write")
            try:
                for one_sql, one_params in (params if sql == TOGETHER else ((sql, params),)):
                    conn.execute(one_sql, one_params)
            except _REFUSED as exc:
                conn.execute("ROLLBACK TO journal_write")
                refused[index] = exc
            conn.execute("RELEASE journal_write")
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise
    return refused


def _write_all(conn: sqlite3.Connection, writes: list[tuple[str, Sequence[Any]]]) -> None:
    """The fast path: the whole group in one transaction, like statements batched."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        # Consecutive writes of the same statement go to SQLite in one call.
        index = 0
        while index < len(writes):
            sql = writes[index][0]
            end = index + 1
            while end < len(writes) and writes[end][0] == sql:
                end += 1
            if sql == TOGETHER:
                for _, statements in writes[index:end]:
                    for one_sql, one_params in statements:
                        conn.execute(one_sql, one_params)
            elif end - index == 1:
                conn.execute(sql, writes[index][1])
            elif _PLAIN_INSERT.fullmatch(sql):
                _insert_rows(conn, sql, [params for _, params in writes[index:end]])
            else:
                conn.executemany(sql, [params for _, params in writes[index:end]])
            index = end
        conn.execute("COMMIT")
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise


_INSERT_LINE = ("INSERT INTO messages (org, conversation_id, seq, kind, author, text, ts, cid) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def _line_row(org: str, line: Line) -> tuple[Any, ...]:
    return (org, line.conversation, line.seq, line.kind, line.author, line.text, line.ts,
            line.cid)


# "INSERT INTO t (a, b) VALUES (?, ?)" and nothing more: safe to repeat the VALUES tuple.
_PLAIN_INSERT = re.compile(r"INSERT INTO \w+ \([\w, ]+\) VALUES (\((?:\?, )*\?\))")
# SQLite's default limit on ? parameters per statement (32766 since 3.32) is well above this.
_MAX_PARAMETERS = 30_000


def _insert_rows(conn: sqlite3.Connection, sql: str, rows: list[Sequence[Any]]) -> None:
    """Insert many rows with one multi-row INSERT per chunk instead of one step per row.

    executemany() steps SQLite once per row and releases and retakes the GIL each time; with
    the event loop busy on the same core, every retake waits, and a commit of a few hundred
    lines spent most of its time waiting for the GIL.
    """
    match = _PLAIN_INSERT.fullmatch(sql)
    assert match is not None
    values = ", " + match.group(1)
    per_chunk = max(1, _MAX_PARAMETERS // max(1, len(rows[0])))
    for start in range(0, len(rows), per_chunk):
        chunk = rows[start:start + per_chunk]
        conn.execute(sql + values * (len(chunk) - 1), list(chain.from_iterable(chunk)))


class _Writer:
    """The journal's own SQLite connection, used from one thread of its own.

    A group commit is a single call into that thread (BEGIN, the writes, COMMIT). Each call
    into a worker thread is a round trip through the event loop, and under load every round
    trip waits behind all the frames that are ready; with aiosqlite's one call per statement
    a commit took three such trips, which tripled commit latency and so every ack's latency.
    """

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lotsen-journal")
        self._conn: sqlite3.Connection | None = None

    async def open(self, path: Path, pragmas: Sequence[str]) -> None:
        def connect() -> None:
            conn = sqlite3.connect(path, isolation_level=None)
            try:
                for pragma in pragmas:
                    conn.execute(f"PRAGMA {pragma}").fetchall()
            except BaseException:
                conn.close()
                raise
            self._conn = conn

        await asyncio.get_running_loop().run_in_executor(self._thread, connect)

    async def call(self, function: Callable[..., _T], *args: Any) -> _T:
        """Run ``function(connection, *args)`` on the writer's thread."""
        return await asyncio.get_running_loop().run_in_executor(
            self._thread, self._in_thread, function, args)

    def _in_thread(self, function: Callable[..., _T], args: tuple[Any, ...]) -> _T:
        if self._conn is None:
            raise ValueError("the write connection is closed")
        return function(self._conn, *args)

    async def execute_fetchall(self, sql: str) -> list[Any]:
        return await self.call(lambda conn: conn.execute(sql).fetchall())

    async def close(self) -> None:
        def close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        await asyncio.get_running_loop().run_in_executor(self._thread, close)
        self._thread.shutdown(wait=False)


class _NewerSchema(sqlite3.DatabaseError):
    """A database written by a newer Lotsen, which this one must not touch."""

    def __init__(self, version: int, latest: int) -> None:
        super().__init__(f"schema version {version} is newer than {latest}")
        self.version, self.latest = version, latest


def _describe(exc: BaseException) -> Phrase:
    if isinstance(exc, _NewerSchema):
        return phrase("storage.newer_schema", version=exc.version, latest=exc.latest)
    text = str(exc)
    if "full" in text:
        return phrase("storage.disk_full")
    if "locked" in text or "busy" in text:
        return phrase("storage.locked")
    if "readonly" in text or "read-only" in text:
        return phrase("storage.read_only")
    return phrase("storage.database_error", detail=text)


def _record(row: Sequence[Any]) -> ConversationRecord:
    return ConversationRecord(
        id=row[0], token_hash=row[1], alias=row[2], lang=row[3], role=row[4], state=row[5],
        urgent=bool(row[6]), staff=row[7], created_at=row[8], claimed_at=row[9],
        closed_at=row[10], closed_by=row[11], outcome_role=row[12],
        tags=json.loads(row[13]) if row[13] else [],
        referrals=json.loads(row[14]) if row[14] else [],
        feedback=row[15], visitor_lines=row[16], staff_lines=row[17], purged=bool(row[18]),
        triage_override=row[19], triage_feedback=row[20],
    )


def _account(row: Sequence[Any]) -> StaffAccount:
    return StaffAccount(
        id=row[0], username=row[1], display_name=row[2], password_hash=row[3],
        supervisor=bool(row[4]), disabled=bool(row[5]), totp_secret=row[6], created_at=row[7],
    )


_STAFF_COLUMNS = ("id, username, display_name, password_hash, supervisor, disabled, "
                  "totp_secret, created_at")


class _Connections:
    """What an opened database and every organisation's view of it share."""

    def __init__(self) -> None:
        self.db: aiosqlite.Connection | None = None  # reads (and schema migrations)
        self.wdb: _Writer | None = None  # the journal's writes
        self.journal: GroupCommit | None = None
        self.schema = 0  # the schema version the file holds once opened


class SQLiteStorage(QuestionStore, NetworkStore):
    """The embedded default: one SQLite file in WAL mode, durable commits (synchronous=FULL).

    An instance reads and writes the rows of one organisation (``org``, the implicit
    ``"default"`` unless given): every statement names it, so a query cannot reach another
    organisation's rows. ``scoped(org)`` gives another organisation's view of the same open
    database (one connection, one journal, so one group commit for all of them).
    """

    def __init__(self, path: Path | str, *, org: str = DEFAULT_ORG, synchronous: str = "FULL",
                 busy_timeout_ms: int = 2000,
                 migration_set: Sequence[tuple[int, str]] | None = None,
                 migrate: bool = True) -> None:
        self.path = Path(path)
        self.org = org
        self._owner = True  # False for a view made by scoped(): it neither opens nor closes
        self._shared = _Connections()
        # False: open the schema as it is (the CLI audits a backup taken before migrating).
        self._apply_migrations = migrate
        # The shipped migrations unless given (upgrade tests open a database with a newer set).
        self._migrations = migration_set
        self._synchronous = synchronous
        self._busy_timeout_ms = busy_timeout_ms
        self._staff_ids: dict[str, int] = {}  # relay-wide: login names are unique

    def scoped(self, org: str) -> SQLiteStorage:
        """The same database seen as organisation ``org``: its rows only, for reads and
        writes alike. Valid while this storage is open; opening and closing stay with it."""
        view = copy.copy(self)
        view.org = org
        view._owner = False
        return view

    # The connections live in _shared, so every organisation's view uses the same ones.
    @property
    def _db(self) -> aiosqlite.Connection | None:
        return self._shared.db

    @_db.setter
    def _db(self, value: aiosqlite.Connection | None) -> None:
        self._shared.db = value

    @property
    def _wdb(self) -> _Writer | None:
        return self._shared.wdb

    @_wdb.setter
    def _wdb(self, value: _Writer | None) -> None:
        self._shared.wdb = value

    @property
    def _journal(self) -> GroupCommit | None:
        return self._shared.journal

    @_journal.setter
    def _journal(self, value: GroupCommit | None) -> None:
        self._shared.journal = value

    # -- lifecycle ------------------------------------------------------------------------

    async def open(self) -> None:
        if not self._owner:
            raise StorageError("storage.view_from_owner")
        keep_private(self.path)
        # Try the file with plain sqlite3 first: when aiosqlite's connect fails, its worker
        # thread can outlive the event loop and print a traceback at exit (aiosqlite#241).
        try:
            sqlite3.connect(self.path).close()
        except sqlite3.Error as exc:
            raise StorageError("storage.cannot_open", database=self.path,
                               reason=_describe(exc)) from None
        try:
            self._db = await aiosqlite.connect(self.path, isolation_level=None)
            await self._db.execute_fetchall(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
            await self._db.execute_fetchall("PRAGMA journal_mode = WAL")
            await self._db.execute_fetchall(f"PRAGMA synchronous = {self._synchronous}")
            await self._db.execute_fetchall("PRAGMA foreign_keys = ON")
            # Deleted text is overwritten on disk, so a purge really removes it.
            await self._db.execute_fetchall("PRAGMA secure_delete = ON")
            await self._migrate()
        except sqlite3.Error as exc:
            if self._db is not None:
                await self._db.close()
                self._db = None
            raise StorageError("storage.cannot_open", database=self.path,
                               reason=_describe(exc)) from None
        # Writes get a connection (and a thread, see _Writer) of their own: on a shared
        # connection a read could run inside the journal's transaction and see lines that are
        # not committed yet (and may never be).
        try:
            self._wdb = _Writer()
            await self._wdb.open(self.path, (
                f"busy_timeout = {int(self._busy_timeout_ms)}",
                f"synchronous = {self._synchronous}", "foreign_keys = ON", "secure_delete = ON"))
        except sqlite3.Error as exc:
            await self.close()
            raise StorageError("storage.cannot_open", database=self.path,
                               reason=_describe(exc)) from None
        self._journal = _Journal(self._wdb)
        self._journal.start()
        for username, staff_id in await self._rows("SELECT username, id FROM staff"):
            self._staff_ids[username] = staff_id

    async def _migrate(self) -> None:
        db = self.db
        (version,) = await self._one("PRAGMA user_version") or (0,)
        shipped = self._migrations if self._migrations is not None else migrations()
        latest = max((number for number, _ in shipped), default=0)
        if version > latest:
            # An older Lotsen must not write to a schema it does not know.
            raise _NewerSchema(version, latest)
        for number, script in shipped:
            if number > version and self._apply_migrations:
                await db.executescript(
                    f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        # What the file holds now: one opened as it is (migrate=False) may predate 007.
        self._shared.schema = max(version, latest) if self._apply_migrations else version
        (free,) = await self._one("PRAGMA freelist_count") or (0,)
        if latest > version and free and self._apply_migrations:
            # A migration that rebuilt a table left the old one's pages free: give them back,
            # so the file is no larger than its data and a full disk shows up as one.
            await db.execute("VACUUM")

    async def close(self) -> None:
        if not self._owner:
            return
        if self._journal is not None:
            await self._journal.stop()
            self._journal = None
        if self._wdb is not None:
            await self._wdb.close()
            self._wdb = None
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def flush(self) -> None:
        if self._journal is not None:
            await self._journal.flush()

    def commit_figures(self) -> CommitFigures | None:
        journal = self._journal
        if journal is None:
            return None
        return CommitFigures(journal.failed_commits, journal.refused_writes,
                             tuple(zip(COMMIT_BUCKETS_S, journal.commit_buckets, strict=True)),
                             journal.commit_seconds_total)

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError("storage.not_open")
        return self._db

    async def healthy(self) -> bool:
        try:
            return await self._one("SELECT 1") == (1,)
        except (StorageError, sqlite3.Error, ValueError):
            return False

    @property
    def journal(self) -> GroupCommit:
        if self._journal is None:
            raise StorageError("storage.not_open")
        return self._journal

    # -- helpers ----------------------------------------------------------------------------

    async def _write(self, sql: str, params: Sequence[Any]) -> None:
        await self.journal.submit(sql, params)

    async def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Sequence[Any]]:
        try:
            return list(await self.db.execute_fetchall(sql, tuple(params)))
        except sqlite3.Error as exc:
            raise StorageError(_describe(exc)) from None

    async def _one(self, sql: str, params: Iterable[Any] = ()) -> Sequence[Any] | None:
        rows = await self._rows(sql, params)
        return rows[0] if rows else None

    def _staff_id(self, username: str | None) -> int | None:
        return None if username is None else self._staff_ids.get(username)

    # -- conversations ------------------------------------------------------------------------

    async def max_ids(self) -> tuple[int, int]:
        # Conversation ids are unique relay-wide (one counter for every organisation), so
        # this is the highest of all; room lines are numbered per organisation.
        conv = await self._one("SELECT COALESCE(MAX(id), 0) FROM conversations")
        room = await self._one("SELECT COALESCE(MAX(seq), 0) FROM room_messages WHERE org = ?",
                               (self.org,))
        return int(conv[0] if conv else 0), int(room[0] if room else 0)

    async def create_conversation(self, record: ConversationRecord) -> None:
        await self._write(
            "INSERT INTO conversations (org, id, token_hash, alias, lang, role, state, urgent, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.org, record.id, record.token_hash, record.alias, record.lang, record.role,
             record.state, int(record.urgent), record.created_at),
        )

    async def update_conversation(self, conversation: int, **changes: object) -> None:
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        columns, values = [], []
        for key, value in sorted(changes.items()):
            if key == "staff":
                key, value = "staff_id", self._staff_id(value if isinstance(value, str) else None)
            elif key in ("tags", "referrals"):
                value = json.dumps(value, ensure_ascii=False)
            elif key == "urgent":
                value = int(bool(value))
            columns.append(f"{key} = ?")
            values.append(value)
        await self._write(
            f"UPDATE conversations SET {', '.join(columns)} WHERE org = ? AND id = ?",
            (*values, self.org, conversation))

    async def requeue_conversation(self, conversation: int) -> int | None:
        """Back to the queue; one relay on a SQLite file numbers its queue itself (None)."""
        await self.update_conversation(conversation, state="queued", staff=None,
                                       claimed_at=None)
        return None

    def append_line(self, line: Line) -> asyncio.Future[None]:
        return self.journal.submit(_INSERT_LINE, _line_row(self.org, line))

    def append_line_then(self, line: Line, done: Done) -> None:
        self.journal.submit_then(_INSERT_LINE, _line_row(self.org, line), done)

    async def live_conversations(self) -> list[tuple[ConversationRecord, int]]:
        rows = await self._rows(
            f"SELECT {_CONVERSATION_COLUMNS}, "
            "(SELECT COALESCE(MAX(seq), 0) FROM messages m "
            " WHERE m.org = c.org AND m.conversation_id = c.id) "
            "FROM conversations c LEFT JOIN staff s ON s.id = c.staff_id "
            "WHERE c.org = ? AND c.state != 'closed' ORDER BY c.created_at, c.id", (self.org,)
        )
        return [(_record(row), int(row[21])) for row in rows]

    async def conversation_by_token(self, token_hash: str) -> ConversationRecord | None:
        row = await self._one(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c "
            "LEFT JOIN staff s ON s.id = c.staff_id WHERE c.org = ? AND c.token_hash = ?",
            (self.org, token_hash))
        return _record(row) if row else None

    async def conversation(self, conversation: int) -> ConversationRecord | None:
        row = await self._one(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c "
            "LEFT JOIN staff s ON s.id = c.staff_id WHERE c.org = ? AND c.id = ?",
            (self.org, conversation))
        return _record(row) if row else None

    async def last_seq(self, conversation: int) -> int:
        row = await self._one(
            "SELECT COALESCE(MAX(seq), 0) FROM messages WHERE org = ? AND conversation_id = ?",
            (self.org, conversation))
        return int(row[0]) if row else 0

    async def lines_after(self, conversation: int, after: int,
                          kinds: frozenset[str] | None = None) -> list[Line]:
        rows = await self._rows(
            "SELECT conversation_id, seq, kind, author, text, ts, cid FROM messages "
            "WHERE org = ? AND conversation_id = ? AND seq > ? ORDER BY seq",
            (self.org, conversation, after))
        lines = [Line(*row) for row in rows]
        if kinds is not None:
            lines = [line for line in lines if line.kind in kinds]
        return lines

    async def recent_cids(self, conversation: int, limit: int) -> list[tuple[str, int, float]]:
        rows = await self._rows(
            "SELECT cid, seq, ts FROM messages WHERE org = ? AND conversation_id = ? "
            "AND cid IS NOT NULL ORDER BY seq DESC LIMIT ?", (self.org, conversation, limit))
        return [(row[0], row[1], row[2]) for row in rows]

    async def recent_handle_times(self, limit: int) -> list[float]:
        rows = await self._rows(
            "SELECT closed_at - claimed_at FROM conversations WHERE org = ? "
            "AND claimed_at IS NOT NULL AND closed_at IS NOT NULL ORDER BY closed_at DESC "
            "LIMIT ?", (self.org, limit))
        return [float(row[0]) for row in rows if row[0] is not None and row[0] >= 0]

    # -- the one read across organisations ---------------------------------------------------

    async def organisation_of_login(self, *, username: str | None = None,
                                    session_hash: str | None = None) -> str | None:
        """Which organisation the account a login names belongs to (None: no such account).

        Login names and session tokens are unique relay-wide, so a login names one account
        and with it one organisation; the relay then reads that organisation's rows only.
        """
        if session_hash is not None:
            row = await self._one("SELECT org FROM sessions WHERE token_hash = ?",
                                  (session_hash,))
        else:
            row = await self._one("SELECT org FROM staff WHERE username = ?", (username,))
        return str(row[0]) if row else None

    async def organisation_counts(self) -> tuple[int, int]:
        """This organisation's staff accounts and stored conversations (lotsen org list)."""
        staff = await self._one("SELECT COUNT(*) FROM staff WHERE org = ?", (self.org,))
        chats = await self._one("SELECT COUNT(*) FROM conversations WHERE org = ?", (self.org,))
        return int(staff[0] if staff else 0), int(chats[0] if chats else 0)

    # -- staff room ------------------------------------------------------------------------

    async def append_room_line(self, line: RoomLine) -> None:
        await self._write(
            "INSERT INTO room_messages (org, seq, author, text, ts) VALUES (?, ?, ?, ?, ?)",
            (self.org, line.seq, line.author, line.text, line.ts))

    async def room_lines(self, limit: int) -> list[RoomLine]:
        rows = await self._rows(
            "SELECT seq, author, text, ts FROM room_messages WHERE org = ? "
            "ORDER BY seq DESC LIMIT ?", (self.org, limit))
        return [RoomLine(*row) for row in reversed(rows)]

    # -- staff and sessions -------------------------------------------------------------------

    async def add_staff(self, account: StaffAccount) -> StaffAccount:
        try:
            await self._write(
                "INSERT INTO staff (org, username, display_name, password_hash, supervisor, "
                "disabled, totp_secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (self.org, account.username, account.display_name, account.password_hash,
                 int(account.supervisor), int(account.disabled), account.totp_secret,
                 account.created_at or time.time()),
            )
        except StorageError as exc:
            if "unique" in str(exc).lower():  # SQLite's and PostgreSQL's wording
                raise StorageError("storage.account_exists", username=account.username) from None
            raise
        stored = await self.staff(account.username)
        assert stored is not None
        self._staff_ids[stored.username] = stored.id
        return stored

    async def staff(self, username: str) -> StaffAccount | None:
        row = await self._one(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE org = ? "
                              "AND username = ?", (self.org, username))
        if row is None:
            return None
        account = _account(row)
        self._staff_ids[account.username] = account.id
        return account

    async def staff_by_id(self, staff_id: int) -> StaffAccount | None:
        row = await self._one(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE org = ? AND id = ?",
                              (self.org, staff_id))
        return _account(row) if row else None

    async def list_staff(self) -> list[StaffAccount]:
        return [_account(row) for row in
                await self._rows(f"SELECT {_STAFF_COLUMNS} FROM staff WHERE org = ? "
                                 "ORDER BY username", (self.org,))]

    async def update_staff(self, username: str, **changes: object) -> bool:
        allowed = {"display_name", "password_hash", "supervisor", "disabled", "totp_secret",
                   "totp_last_step"}
        if set(changes) - allowed:
            raise ValueError(f"cannot update {sorted(set(changes) - allowed)}")
        if await self.staff(username) is None:
            return False
        columns = ", ".join(f"{key} = ?" for key in sorted(changes))
        values = [int(v) if isinstance(v, bool) else v for _, v in sorted(changes.items())]
        await self._write(f"UPDATE staff SET {columns} WHERE org = ? AND username = ?",
                          (*values, self.org, username))
        return True

    async def create_session(self, token_hash: str, staff_id: int, created_at: float,
                             expires_at: float) -> None:
        await self._write(
            "INSERT INTO sessions (org, token_hash, staff_id, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?)", (self.org, token_hash, staff_id, created_at, expires_at))

    async def session(self, token_hash: str, now: float) -> StaffAccount | None:
        row = await self._one(
            f"SELECT {', '.join('s.' + c.strip() for c in _STAFF_COLUMNS.split(','))} "
            "FROM sessions x JOIN staff s ON s.org = x.org AND s.id = x.staff_id "
            "WHERE x.org = ? AND x.token_hash = ? AND x.expires_at > ? AND s.disabled = 0",
            (self.org, token_hash, now))
        return _account(row) if row else None

    async def session_expires(self, token_hash: str) -> float | None:
        row = await self._one("SELECT expires_at FROM sessions WHERE org = ? AND token_hash = ?",
                              (self.org, token_hash))
        return float(row[0]) if row else None

    async def delete_sessions(self, staff_id: int | None = None,
                              token_hash: str | None = None) -> None:
        if token_hash is not None:
            await self._write("DELETE FROM sessions WHERE org = ? AND token_hash = ?",
                              (self.org, token_hash))
        elif staff_id is not None:
            await self._write("DELETE FROM sessions WHERE org = ? AND staff_id = ?",
                              (self.org, staff_id))

    async def valid_sessions(self, token_hashes: Iterable[str], now: float) -> set[str]:
        """Which of these session token hashes are unexpired and of an enabled account."""
        wanted = list(token_hashes)
        valid: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows = await self._rows(
                "SELECT x.token_hash FROM sessions x "
                "JOIN staff s ON s.org = x.org AND s.id = x.staff_id "
                "WHERE x.org = ? AND x.expires_at > ? AND s.disabled = 0 AND x.token_hash IN "
                f"({','.join('?' * len(chunk))})", (self.org, now, *chunk))
            valid.update(str(row[0]) for row in rows)
        return valid

    async def totp_last_step(self, username: str) -> int | None:
        """The last TOTP time step this account logged in with (None: none yet)."""
        row = await self._one("SELECT totp_last_step FROM staff WHERE org = ? AND username = ?",
                              (self.org, username))
        return None if row is None or row[0] is None else int(row[0])

    async def create_device(self, token_hash: str, staff_id: int, created_at: float,
                            expires_at: float) -> None:
        await self._write(
            "INSERT INTO devices (org, token_hash, staff_id, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?)", (self.org, token_hash, staff_id, created_at, expires_at))

    async def device_owner(self, token_hash: str, now: float) -> int | None:
        """The staff id a device token was given to, while it has not expired."""
        row = await self._one("SELECT staff_id FROM devices WHERE org = ? AND token_hash = ? "
                              "AND expires_at > ?", (self.org, token_hash, now))
        return int(row[0]) if row else None

    # -- claims -------------------------------------------------------------------------------

    async def claim_conversation(self, conversation: int, staff: str,
                                 claimed_at: float) -> bool:
        """Give a waiting conversation to ``staff`` if it is still waiting; False if it was
        claimed (or closed) first. One conditional UPDATE, so of two claims at once, from
        two processes on one database, exactly one wins."""
        await self.flush()  # its earlier writes (its creation, say) are committed first
        staff_id = self._staff_id(staff)
        if staff_id is None and (account := await self.staff(staff)) is not None:
            staff_id = account.id
        journal = self._journal
        if journal is None or self._wdb is None:
            raise StorageError("storage.not_open")

        def claim(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(
                "UPDATE conversations SET state = 'active', staff_id = ?, claimed_at = ? "
                "WHERE org = ? AND id = ? AND state = 'queued'",
                (staff_id, claimed_at, self.org, conversation))
            return cursor.rowcount

        async with journal.lock:
            try:
                return await self._wdb.call(claim) == 1
            except sqlite3.Error as exc:
                raise StorageError(_describe(exc)) from None

    # -- blocking an abusive conversation ----------------------------------------------------

    async def block_conversation(self, conversation: int) -> None:
        """Mark a conversation blocked: its token may neither resume it nor start anew."""
        await self._write("UPDATE conversations SET blocked = 1 WHERE org = ? AND id = ?",
                          (self.org, conversation))

    async def is_blocked(self, token_hash: str) -> bool:
        row = await self._one("SELECT blocked FROM conversations WHERE org = ? "
                              "AND token_hash = ?", (self.org, token_hash))
        return bool(row and row[0])

    async def token_taken(self, token_hash: str) -> bool:
        # Relay-wide on purpose (the unique index is): not scoped to this organisation.
        row = await self._one("SELECT 1 FROM conversations WHERE token_hash = ?", (token_hash,))
        return row is not None

    # -- statistics, audit, retention -----------------------------------------------------------

    async def count_closed_visit(self, hour: str, count: int = 1) -> None:
        await self._write(
            "INSERT INTO closed_visits (org, hour, count) VALUES (?, ?, ?) "
            "ON CONFLICT(org, hour) DO UPDATE SET count = count + excluded.count",
            (self.org, hour, count))

    async def conversations_created(self, since: float, until: float
                                    ) -> list[ConversationRecord]:
        """Records of conversations started in ``[since, until)``, for statistics."""
        rows = await self._rows(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations c "
            "LEFT JOIN staff s ON s.id = c.staff_id "
            "WHERE c.org = ? AND c.created_at >= ? AND c.created_at < ? "
            "ORDER BY c.created_at, c.id", (self.org, since, until))
        return [_record(row) for row in rows]

    async def closed_visits(self, first_hour: str, last_hour: str) -> list[tuple[str, int]]:
        """Closed-hours widget openings per local hour key, from ``first_hour`` to ``last_hour``."""
        rows = await self._rows(
            "SELECT hour, count FROM closed_visits WHERE org = ? AND hour >= ? AND hour <= ? "
            "ORDER BY hour", (self.org, first_hour, last_hour))
        return [(str(row[0]), int(row[1])) for row in rows]

    async def audit(self, actor: str, action: str, conversation: int | None = None,
                    detail: str | None = None, ts: float | None = None) -> None:
        if self._shared.schema < ORGANISATIONS_SCHEMA:
            # A file opened as it is, before migrating (lotsen backup before lotsen migrate):
            # its audit table has no organisation yet, and its rows are all "default"'s.
            await self._write(
                "INSERT INTO audit (ts, actor, action, conversation_id, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                (ts if ts is not None else time.time(), actor, action, conversation, detail))
            return
        await self._write(
            "INSERT INTO audit (org, ts, actor, action, conversation_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (self.org, ts if ts is not None else time.time(), actor, action, conversation,
             detail))

    async def audit_entries(self, since: float | None = None, limit: int = 1000,
                            actor: str | None = None) -> list[AuditEntry]:
        """The newest ``limit`` entries since ``since`` (of one actor if given), oldest first."""
        rows = await self._rows(
            "SELECT ts, actor, action, conversation_id, detail FROM audit WHERE org = ? "
            "AND ts >= ? AND (? IS NULL OR actor = ?) ORDER BY id DESC LIMIT ?",
            (self.org, since or 0.0, actor, actor, limit))
        return [AuditEntry(*row) for row in reversed(rows)]

    async def last_actor(self, conversation: int, actions: Iterable[str]) -> str | None:
        wanted = tuple(actions)
        if not wanted:
            return None
        marks = ", ".join("?" * len(wanted))
        row = await self._one(
            f"SELECT actor FROM audit WHERE org = ? AND conversation_id = ? "
            f"AND action IN ({marks}) ORDER BY id DESC LIMIT 1", (self.org, conversation, *wanted))
        return str(row[0]) if row else None

    async def purge_audit(self, before: float) -> int:
        """Delete audit entries older than ``before`` (the audit log's own retention) and
        expired device tokens; returns how many audit entries went."""
        await self.flush()
        count = await self._one("SELECT COUNT(*) FROM audit WHERE org = ? AND ts < ?",
                                (self.org, before))
        await self._write("DELETE FROM audit WHERE org = ? AND ts < ?", (self.org, before))
        await self._write("DELETE FROM devices WHERE org = ? AND expires_at < ?",
                          (self.org, time.time()))
        return int(count[0]) if count else 0

    async def purge(self, closed_before: float) -> PurgeResult:
        """Delete the text of conversations closed before the cut-off; keep statistics rows."""
        await self.flush()
        rows = await self._rows(
            "SELECT id FROM conversations WHERE org = ? AND state = 'closed' AND purged = 0 "
            "AND closed_at < ?", (self.org, closed_before))
        ids = [row[0] for row in rows]
        messages = 0
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            count = await self._one(
                f"SELECT COUNT(*) FROM messages WHERE org = ? AND conversation_id IN ({marks})",
                (self.org, *chunk))
            messages += int(count[0]) if count else 0
            await self._write(
                f"DELETE FROM messages WHERE org = ? AND conversation_id IN ({marks})",
                (self.org, *chunk))
            await self._write(
                "UPDATE conversations SET token_hash = NULL, purged = 1 "
                f"WHERE org = ? AND id IN ({marks})", (self.org, *chunk))
        room = await self._one("SELECT COUNT(*) FROM room_messages WHERE org = ? AND ts < ?",
                               (self.org, closed_before))
        await self._write("DELETE FROM room_messages WHERE org = ? AND ts < ?",
                          (self.org, closed_before))
        return PurgeResult(len(ids), messages, int(room[0]) if room else 0)

    async def checkpoint(self) -> None:
        """Move committed pages from the WAL into the main file (e.g. before copying it)."""
        journal = self.journal
        assert isinstance(journal, _Journal)  # SQLite's own
        await journal.flush()
        async with journal.lock:
            try:
                await journal.db.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                raise StorageError(_describe(exc)) from None
