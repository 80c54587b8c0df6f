"""PostgreSQL storage (the ``postgres`` extra): psycopg 3, a writer thread and an async pool.

The same storage as ``SQLiteStorage`` on another engine: the same tables and numbered
migrations (``postgres_migrations/``, numbered like SQLite's), the same queries, and the same
journal — writes submitted while a commit runs are committed together in one transaction, each
write is acknowledged only after that commit, a failed commit fails every write in it (their
senders get a ``storage`` error) and a single write the database refuses fails alone.

What differs is only what must:

- A chat line is stored by ``lotsen_append_line`` (001_initial.sql), which bumps the
  conversation's ``last_seq`` and inserts the line in the same transaction, so line numbers
  stay unique and in order whichever process writes; a line whose number is not above the
  stored one is refused. A group's lines go in one set-based ``lotsen_append_lines`` call.
- A relay's lines go through ``lotsen_place_lines`` (009_cluster.sql) instead: several relays
  may share the database (relay/cluster.py), so a line whose number another relay took gets
  the next free one (the journal reports it as ``Renumbered``), and the same transaction
  NOTIFYs the other relays. Conversation changes NOTIFY them after their commit
  (``notify_changed``).
- The queue has one order for every relay (010_queue_order.sql): a chat's ``arrival`` number
  comes from a sequence in the statement that queues it — the INSERT of a new chat, the
  UPDATE that puts one back first in line — which therefore go straight to the database
  (one round trip, as a claim) rather than through the journal, to read the number back.
- The journal has a connection and a thread of its own (``_PgWriter``); reads take pooled
  connections (psycopg_pool). A connection the server dropped is thrown away and the next use
  gets a new one, so the relay recovers by itself when the database comes back (meanwhile
  writes fail with ``storage`` errors and /healthz says 503).
- A purge runs ``VACUUM`` on the tables it deleted text from, so the space is reused soon
  (PostgreSQL has no ``secure_delete``: see docs/operations.md, "Using PostgreSQL").

``PostgresStorage`` subclasses ``SQLiteStorage`` to share its queries, which are plain SQL
with ``?`` placeholders; the journal and reads turn them into psycopg's ``%s``.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import AsyncConnectionPool

from relay.organisations import DEFAULT_ORG
from relay.storage import (
    AuditEntry,
    ConversationRecord,
    Line,
    PostgresURL,
    PurgeResult,
    Renumbered,
    RoomLine,
    StorageError,
)
from relay.storage.questions import UNANSWERED, QuestionRecord, QuestionRefused
from relay.storage.sqlite import (
    _CONVERSATION_COLUMNS,
    TOGETHER,
    Done,
    GroupCommit,
    SQLiteStorage,
    _Connections,
    _record,
    migrations,
)
from vocabulary.phrases import Phrase, phrase

log = logging.getLogger("lotsen.storage")
_T = TypeVar("_T")

MIGRATIONS_FOLDER = "postgres_migrations"
# pg_advisory_xact_lock key: relays starting at once on one database migrate one at a time.
_MIGRATION_LOCK = 0x4C6F7473656E  # "Lotsen"
_APPEND_LINE = "SELECT lotsen_append_line(?, ?, ?, ?, ?, ?, ?, ?)"  # 007_organisations.sql
_APPEND_LINES = ("SELECT lotsen_append_lines(%s::text[], %s::bigint[], %s::bigint[], "
                 "%s::text[], %s::text[], %s::text[], %s::float8[], %s::text[])")
# A relay's lines (009_cluster.sql): numbered by the database, and the other relays woken.
_PLACE_LINE = "SELECT lotsen_place_line(?, ?, ?, ?, ?, ?, ?, ?, ?)"  # a marker, never sent
_PLACE_LINES = ("SELECT lotsen_place_lines(%s, %s::text[], %s::bigint[], %s::bigint[], "
                "%s::text[], %s::text[], %s::text[], %s::float8[], %s::text[])")
_PLACE_ONE = ("SELECT (lotsen_place_lines(%s, ARRAY[%s]::text[], ARRAY[%s]::bigint[], "
              "ARRAY[%s]::bigint[], ARRAY[%s]::text[], ARRAY[%s]::text[], ARRAY[%s]::text[], "
              "ARRAY[%s]::float8[], ARRAY[%s]::text[]))[1]")
# A reply or an answer to a question on a relay (011_cluster_questions.sql): numbered by the
# database, refused when the question was closed or taken meanwhile, the other relays woken.
_PLACE_QUESTION_LINE = ("SELECT lotsen_place_question_line(%s, %s, %s, %s, %s, %s, %s, %s, "
                        "%s, %s)")
_NOTIFY = "SELECT pg_notify(?, ?)"
# pg_advisory_xact_lock(key, hashtext(org)) while a relay counts and stores a new question.
_QUESTIONS_LOCK = 0x4C6F7471  # "Lotq"
# The NOTIFY channel of the relays on one database (its schema, to be exact).
CHANNEL = "SELECT 'lotsen:' || current_schema()"

Pool = AsyncConnectionPool[psycopg.AsyncConnection[tuple[Any, ...]]]


def postgres_migrations() -> list[tuple[int, str]]:
    """PostgreSQL's numbered schema migrations, in order (the same numbers as SQLite's)."""
    return migrations(MIGRATIONS_FOLDER)


@lru_cache(maxsize=1024)
def _pg(sql: str) -> str:
    """The relay's SQL with psycopg's placeholders (the queries hold no literal ``%`` or ``?``
    besides the placeholders; a ``%`` would be read as one, so it is refused here)."""
    if "%" in sql:
        raise ValueError("a query with a literal % cannot be translated")
    return sql.replace("?", "%s")


def _line_params(org: str, line: Line) -> tuple[Any, ...]:
    return (org, line.conversation, line.seq, line.kind, line.author, line.text, line.ts,
            line.cid)


def _placed_params(relay: str, org: str, line: Line) -> tuple[Any, ...]:
    return (relay, org, line.conversation, line.seq, line.kind, line.author, line.text,
            line.ts, line.cid)


# What PostgreSQL (or psycopg, before sending) refuses in one write while the rest of its group
# is fine: a broken constraint (a line numbered already included), a value it cannot store
# (a NUL character, a number beyond bigint, text that is not valid Unicode).
_REFUSED: tuple[type[BaseException], ...] = (
    pg_errors.IntegrityError, pg_errors.DataError, ValueError, OverflowError)


def describe(exc: BaseException) -> Phrase:
    """A short reason a person can act on; never the connection URL, a value or a password."""
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        sqlstate = getattr(exc, "sqlstate", None) or ""
        if sqlstate.startswith("53"):
            return phrase("storage.out_of_resources")
        if sqlstate == "25006":
            return phrase("storage.read_only")
        # libpq's connection errors name the host; only what they say about it is kept.
        text = str(exc)
        if sqlstate == "3D000" or "does not exist" in text:
            return phrase("storage.no_such_database")
        if sqlstate.startswith("28") or "authentication failed" in text or "password" in text:
            return phrase("storage.login_refused")
        return phrase("storage.unreachable")
    if isinstance(exc, psycopg.Error):
        sqlstate = exc.sqlstate or ""
        if sqlstate.startswith("53"):
            return phrase("storage.out_of_resources")
        if sqlstate == "25006":
            return phrase("storage.read_only")
        # The server's primary message never quotes a value (its DETAIL line may: left out);
        # an error psycopg raised before sending has no diagnostics, only its own message.
        primary = exc.diag.message_primary or (
            str(exc).splitlines()[0] if exc.sqlstate is None else type(exc).__name__)
        return phrase("storage.database_error", detail=primary)
    if isinstance(exc, UnicodeError):
        return phrase("storage.not_unicode")
    return phrase("storage.database_error", detail=exc)


def _queued_record(row: Sequence[Any]) -> ConversationRecord:
    """A conversation's row read with its last seq (``row[21]``) and arrival (``row[22]``)."""
    record = _record(row)
    record.arrival = None if row[22] is None else int(row[22])
    return record


class _PgWriter:
    """The journal's own connection, used from one thread of its own (as SQLite's _Writer).

    A group commit is one call into that thread (BEGIN, the writes, COMMIT), so it waits for
    the event loop once, not once per round trip to the server: under load every wait on the
    loop queues behind all the frames that are ready, and a commit made of three such waits
    took several times as long (measured with bench/pg_bench.py). A connection the server
    dropped is replaced at the next commit, so writes work again once the database is back.
    """

    def __init__(self, url: PostgresURL, connect_timeout_s: int, recheck_idle_s: float) -> None:
        self._url = url
        self._connect_timeout_s = connect_timeout_s
        self._recheck_idle_s = recheck_idle_s
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lotsen-journal")
        self._conn: psycopg.Connection[tuple[Any, ...]] | None = None
        self._used = 0.0

    def _connection(self) -> psycopg.Connection[tuple[Any, ...]]:
        conn = self._conn
        now = time.monotonic()
        if (conn is not None and not conn.closed and not conn.broken
                and now - self._used > self._recheck_idle_s):
            # Idle a while: the server may have restarted meanwhile, which the connection
            # only finds out when used. An empty query finds out now, so the lines of the
            # next commit are not the ones refused for it.
            try:
                conn.execute("")
            except psycopg.Error:
                pass  # broken now: replaced below
        self._used = now
        if conn is None or conn.closed or conn.broken:
            if conn is not None:
                conn.close()
            self._conn = None
            conn = psycopg.connect(self._url.url, autocommit=True, application_name="lotsen",
                                   connect_timeout=self._connect_timeout_s)
            self._conn = conn
        return conn

    async def call(self, function: Callable[..., _T], *args: Any) -> _T:
        """Run ``function(connection, *args)`` on the writer's thread."""
        return await asyncio.get_running_loop().run_in_executor(
            self._thread, lambda: function(self._connection(), *args))

    async def close(self) -> None:
        def close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        await asyncio.get_running_loop().run_in_executor(self._thread, close)
        self._thread.shutdown(wait=False)


class _PgJournal(GroupCommit):
    """PostgreSQL's group commit: one transaction per group, on the writer's thread."""

    failures = (psycopg.Error, ValueError, OverflowError)

    def __init__(self, writer: _PgWriter) -> None:
        super().__init__()
        self.writer = writer

    def describe(self, exc: BaseException) -> Phrase:
        return describe(exc)

    async def _commit(self, writes: list[tuple[str, Sequence[Any]]]
                      ) -> dict[int, BaseException]:
        async with self.lock:
            return await self.writer.call(_write_transaction, writes)


def _write_transaction(conn: psycopg.Connection[Any], writes: list[tuple[str, Sequence[Any]]]
                       ) -> dict[int, BaseException]:
    """One group commit; returns the writes PostgreSQL refused (by index; usually none), and
    the lines stored under another number than they were given (``Renumbered``).

    As with SQLite, one refused write must not fail the others in its group: the group is
    then rolled back and written again with a savepoint per write. A failed BEGIN or COMMIT
    (the server gone, out of disk) still fails them all.
    """
    try:
        return _write_all(conn, writes)
    except _REFUSED:
        if len(writes) == 1:
            raise
        return _write_each(conn, writes)


def _renumbered(writes: list[tuple[str, Sequence[Any]]], first: int, placed: list[int]
                ) -> dict[int, BaseException]:
    """The lines of a run (its writes from index ``first``) whose stored number differs."""
    return {first + offset: Renumbered(seq) for offset, seq in enumerate(placed)
            if writes[first + offset][1][3] != seq}


def _write_all(conn: psycopg.Connection[Any], writes: list[tuple[str, Sequence[Any]]]
               ) -> dict[int, BaseException]:
    """The whole group in one transaction. Consecutive writes of one statement go as one
    call: a run of lines as one set-based ``lotsen_append_lines``, others as ``executemany``
    (pipelined by psycopg). A group that is one such call alone — the usual group, lines and
    nothing else — is sent without BEGIN and COMMIT: a single statement is its own transaction
    in PostgreSQL, and the two round trips saved each wait for the GIL on a busy relay."""
    runs: list[tuple[str, list[Sequence[Any]]]] = []
    for sql, params in writes:
        if runs and runs[-1][0] == sql:
            runs[-1][1].append(params)
        else:
            runs.append((sql, [params]))
    renumbered: dict[int, BaseException] = {}
    with conn.cursor() as cur:
        if len(runs) == 1 and runs[0][0] != TOGETHER and (
                len(runs[0][1]) == 1 or runs[0][0] in (_APPEND_LINE, _PLACE_LINE)):
            placed = _execute_run(cur, *runs[0])
            return _renumbered(writes, 0, placed) if placed else renumbered
        with conn.transaction():
            first = 0
            for sql, rows in runs:
                placed = _execute_run(cur, sql, rows)
                if placed:
                    renumbered.update(_renumbered(writes, first, placed))
                first += len(rows)
    return renumbered


def _execute_run(cur: psycopg.Cursor[Any], sql: str, rows: list[Sequence[Any]]
                 ) -> list[int] | None:
    """Execute a run of one statement; for a relay's lines, the numbers they were stored as."""
    if sql == TOGETHER:  # statements that stand or fall together (submit_together)
        for statements in rows:
            for one_sql, one_params in statements:
                cur.execute(_pg(one_sql), one_params)
        return None
    if sql == _PLACE_LINE:  # columns as arrays; the relay's id once
        columns = [list(column) for column in zip(*rows, strict=True)]
        cur.execute(_PLACE_LINES, [rows[0][0], *columns[1:]])
        row = cur.fetchone()
        return [int(seq) for seq in row[0]] if row else None
    if len(rows) == 1:
        cur.execute(_pg(sql), rows[0])
    elif sql == _APPEND_LINE:  # columns as arrays
        cur.execute(_APPEND_LINES, [list(column) for column in zip(*rows, strict=True)])
    else:
        cur.executemany(_pg(sql), rows)
    return None


def _write_each(conn: psycopg.Connection[Any], writes: list[tuple[str, Sequence[Any]]]
                ) -> dict[int, BaseException]:
    """The group again, each write in a savepoint of its own: refused ones are rolled back."""
    refused: dict[int, BaseException] = {}
    with conn.transaction(), conn.cursor() as cur:
        for index, (sql, params) in enumerate(writes):
            try:
                with conn.transaction():  # a savepoint
                    if sql == TOGETHER:
                        for one_sql, one_params in params:
                            cur.execute(_pg(one_sql), one_params)
                    elif sql == _PLACE_LINE:
                        cur.execute(_PLACE_ONE, params)
                        row = cur.fetchone()
                        if row and row[0] != params[3]:
                            refused[index] = Renumbered(int(row[0]))
                    else:
                        cur.execute(_pg(sql), params)
            except _REFUSED as exc:
                refused[index] = exc
    return refused


class _PgConnections(_Connections):
    """What an opened database and every organisation's view of it share (as SQLite's)."""

    def __init__(self) -> None:
        super().__init__()
        self.pool: Pool | None = None
        self.writer: _PgWriter | None = None
        self.relay_id: str | None = None
        """This relay's id among those on the database (None: a CLI command's storage)."""
        self.channel = ""
        """The NOTIFY channel of the relays on this database (relay/cluster.py)."""
        self.listening = True
        """False while a relay's LISTEN connection is down (/healthz then says 503)."""
        self.question_turns: dict[int, asyncio.Future[None]] = {}
        """Each question's last line written (``_question_line_in_turn``), by question id."""


class PostgresStorage(SQLiteStorage):
    """Storage in a PostgreSQL database named by a ``postgresql://`` URL.

    As ``SQLiteStorage``, an instance reads and writes one organisation's rows (``org``) and
    ``scoped(org)`` gives another's view of the same pool and journal."""

    _shared: _PgConnections

    def __init__(self, url: PostgresURL | str, *, org: str = DEFAULT_ORG,
                 min_connections: int = 2,
                 max_connections: int = 10, timeout_s: float = 5.0, relay: bool = False,
                 recheck_idle_s: float = 5.0,
                 migration_set: Sequence[tuple[int, str]] | None = None) -> None:
        # Not SQLiteStorage.__init__: there is no file. The attributes its queries use are set.
        self.url = url if isinstance(url, PostgresURL) else PostgresURL(url)
        self.org = org
        self._owner = True  # False for a view made by scoped(): it neither opens nor closes
        self._shared = _PgConnections()
        self._migrations = migration_set
        self._min_connections = min_connections
        self._max_connections = max_connections
        self._timeout_s = timeout_s
        # A connection unused this long is checked before use (a restart may have cut it).
        self._recheck_idle_s = recheck_idle_s
        # A relay's storage numbers lines with the database and wakes the other relays on it
        # (relay/cluster.py keeps their live state in step); CLI commands do neither.
        self._relay = relay
        self._staff_ids: dict[str, int] = {}  # relay-wide: login names are unique

    def __repr__(self) -> str:
        return f"PostgresStorage({str(self.url)!r})"

    # -- lifecycle ------------------------------------------------------------------------

    async def open(self) -> None:
        if not self._owner:
            raise StorageError("storage.view_from_owner")
        # One plain connection first: a pool that cannot connect only says it timed out, while
        # this says why (no such database, login refused, nothing listening).
        try:
            probe = await psycopg.AsyncConnection.connect(
                self.url.url, connect_timeout=max(1, int(self._timeout_s)))
        except (psycopg.Error, ValueError) as exc:
            raise StorageError("storage.cannot_open", database=self.url,
                               reason=describe(exc)) from None
        await probe.close()
        pool: Pool = AsyncConnectionPool(
            self.url.url, min_size=self._min_connections, max_size=self._max_connections,
            kwargs={"autocommit": True, "application_name": "lotsen",
                    "connect_timeout": max(1, int(self._timeout_s))},
            timeout=self._timeout_s, open=False, name="lotsen",
            check=AsyncConnectionPool.check_connection)  # an empty query per checkout
        try:
            await pool.open(wait=True, timeout=self._timeout_s * 2)
            self._shared.pool = pool
            await self._migrate()
            self._shared.schema = await self.schema_version()
        except (psycopg.Error, ValueError) as exc:
            self._shared.pool = None
            await pool.close()
            raise StorageError("storage.cannot_open", database=self.url,
                               reason=describe(exc)) from None
        except StorageError:
            self._shared.pool = None
            await pool.close()
            raise
        if self._relay:
            self._shared.relay_id = secrets.token_hex(6)
            row = await self._one(CHANNEL)
            self._shared.channel = str(row[0]) if row else "lotsen:public"
        writer = _PgWriter(self.url, max(1, int(self._timeout_s)), self._recheck_idle_s)
        self._shared.writer = writer
        self._journal = _PgJournal(writer)
        self._journal.start()
        # Relay-wide, as SQLite's (login names are unique), and readable at any schema version.
        for username, staff_id in await self._rows("SELECT username, id FROM staff"):
            self._staff_ids[username] = staff_id

    async def schema_version(self) -> int:
        """The schema version stored in the database (0 for an empty database)."""
        row = await self._one(
            "SELECT version FROM lotsen_schema WHERE to_regclass('lotsen_schema') IS NOT NULL")
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        shipped = (self._migrations if self._migrations is not None
                   else postgres_migrations())
        latest = max((number for number, _ in shipped), default=0)
        async with self.pool.connection() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            await conn.execute("CREATE TABLE IF NOT EXISTS lotsen_schema "
                               "(version integer NOT NULL)")
            cur = await conn.execute("SELECT version FROM lotsen_schema")
            row = await cur.fetchone()
            if row is None:
                await conn.execute("INSERT INTO lotsen_schema (version) VALUES (0)")
            version = int(row[0]) if row else 0
            if version > latest:
                # An older Lotsen must not write to a schema it does not know.
                raise StorageError("storage.cannot_open", database=self.url, reason=phrase(
                    "storage.newer_schema", version=version, latest=latest))
            for number, script in shipped:
                if number > version:
                    await conn.execute(script.encode())  # bytes: no placeholders in it
                    await conn.execute("UPDATE lotsen_schema SET version = %s", (number,))
                    log.info("schema migrated to version %d", number,
                             extra={"event": "schema_migrated"})

    async def close(self) -> None:
        if not self._owner:
            return
        if self._journal is not None:
            await self._journal.stop()
            self._journal = None
        if self._shared.writer is not None:
            await self._shared.writer.close()
            self._shared.writer = None
        if self._shared.pool is not None:
            await self._shared.pool.close()
            self._shared.pool = None

    @property
    def pool(self) -> Pool:
        if self._shared.pool is None:
            raise StorageError("storage.not_open")
        return self._shared.pool

    @property
    def db(self) -> Any:
        raise StorageError("storage.no_sqlite_connection")

    async def healthy(self) -> bool:
        """One ``SELECT 1`` on a pooled connection, waiting at most two seconds for one."""
        if self._shared.pool is None:
            return False
        try:
            async with self._shared.pool.connection(timeout=2.0) as conn:
                cur = await conn.execute("SELECT 1")
                if await cur.fetchone() != (1,):
                    return False
        except (psycopg.Error, OSError):
            return False
        return self._shared.listening

    # -- helpers ----------------------------------------------------------------------------

    async def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Sequence[Any]]:
        try:
            async with self.pool.connection() as conn:
                cur = await conn.execute(_pg(sql), tuple(params))
                return list(await cur.fetchall())
        except (psycopg.Error, ValueError, OverflowError) as exc:
            raise StorageError(describe(exc)) from None

    # -- conversations ------------------------------------------------------------------------

    @property
    def relay_id(self) -> str | None:
        """This relay's id among the relays on the database (None: not a relay's storage)."""
        return self._shared.relay_id

    @property
    def channel(self) -> str:
        return self._shared.channel

    def set_listening(self, listening: bool) -> None:
        """Whether the relay hears the others (relay/cluster.py): /healthz says 503 if not."""
        self._shared.listening = listening

    def append_line(self, line: Line) -> asyncio.Future[None]:
        relay = self._shared.relay_id
        if relay is not None:
            return self.journal.submit(_PLACE_LINE, _placed_params(relay, self.org, line))
        return self.journal.submit(_APPEND_LINE, _line_params(self.org, line))

    def append_line_then(self, line: Line, done: Done) -> None:
        relay = self._shared.relay_id
        if relay is not None:
            self.journal.submit_then(_PLACE_LINE, _placed_params(relay, self.org, line), done)
        else:
            self.journal.submit_then(_APPEND_LINE, _line_params(self.org, line), done)

    # -- waking the other relays (relay/cluster.py) ---------------------------------------------

    async def notify(self, payload: str) -> None:
        """Wake the other relays on this database: a NOTIFY on their channel, committed at once
        (a relay's storage only; a wake-up lost to a dropped listener is caught up by seq)."""
        if self._shared.relay_id is None:
            return
        try:
            async with self.pool.connection() as conn:
                await conn.execute("SELECT pg_notify(%s, %s)", (self._shared.channel, payload))
        except psycopg.Error as exc:
            raise StorageError(describe(exc)) from None

    async def lines_in(self, ranges: Sequence[tuple[int, int, int]]) -> list[Line]:
        """The lines ``lo..hi`` of each ``(conversation, lo, hi)``, in one query, by
        conversation and seq (what other relays' wake-ups name)."""
        rows = await self._rows(
            "SELECT m.conversation_id, m.seq, m.kind, m.author, m.text, m.ts, m.cid "
            "FROM messages m JOIN unnest(?::bigint[], ?::bigint[], ?::bigint[]) "
            "AS r(conversation, lo, hi) ON m.conversation_id = r.conversation "
            "AND m.seq BETWEEN r.lo AND r.hi WHERE m.org = ? "
            "ORDER BY m.conversation_id, m.seq",
            ([r[0] for r in ranges], [r[1] for r in ranges], [r[2] for r in ranges],
             self.org))
        return [Line(*row) for row in rows]

    async def notify_changed(self, conversation: int) -> None:
        """A conversation's row changed (claimed, moved, closed, blocked, marked)."""
        await self.notify(f"c {self._shared.relay_id} {self.org} {conversation}")

    async def update_conversation(self, conversation: int, **changes: object) -> None:
        await super().update_conversation(conversation, **changes)
        await self._notify_quietly(conversation)

    async def create_conversation(self, record: ConversationRecord) -> None:
        """Store a new chat and set ``record.arrival``: the next number of ``queue_arrivals``
        (the column's default), given in its INSERT, so every relay orders it alike."""
        row = await self._change(
            "INSERT INTO conversations (org, id, token_hash, alias, lang, role, state, urgent, "
            "created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING arrival",
            (self.org, record.id, record.token_hash, record.alias, record.lang, record.role,
             record.state, int(record.urgent), record.created_at))
        record.arrival = int(row[0]) if row and row[0] is not None else None

    async def requeue_conversation(self, conversation: int) -> int | None:
        """Back to the queue, first in line: the next number of ``queue_front`` (counting
        down from -1, so before every chat waiting) in the same UPDATE; None if the chat is
        not held any more (another relay closed it meanwhile: its wake-up says so)."""
        await self.flush()  # what was journalled before (a note, say) is committed first
        row = await self._change(
            "UPDATE conversations SET state = 'queued', staff_id = NULL, claimed_at = NULL, "
            "arrival = nextval('queue_front') WHERE org = %s AND id = %s AND state = 'active' "
            "RETURNING arrival", (self.org, conversation))
        if row is None:
            return None
        await self._notify_quietly(conversation)
        return int(row[0])

    async def _change(self, sql: str, params: Sequence[Any]) -> Sequence[Any] | None:
        """One statement committed at once on a pooled connection; the row it returned."""
        try:
            async with self.pool.connection() as conn:
                cur = await conn.execute(sql, params)
                return await cur.fetchone()
        except (psycopg.Error, ValueError, OverflowError) as exc:
            raise StorageError(describe(exc)) from None

    async def append_room_line(self, line: RoomLine) -> None:
        await super().append_room_line(line)
        if self._shared.relay_id is not None:
            try:
                await self.notify(f"r {self._shared.relay_id} {self.org} {line.seq}")
            except StorageError as exc:
                log.warning("wake-up failed", extra={"event": "notify_failed",
                                                     "error": str(exc)})

    async def block_conversation(self, conversation: int) -> None:
        await super().block_conversation(conversation)
        await self._notify_quietly(conversation)

    async def _notify_quietly(self, conversation: int) -> None:
        """The change is committed: a failed wake-up must not make it look failed (the other
        relays catch up when their listener reconnects, or at their next periodic pass)."""
        try:
            await self.notify_changed(conversation)
        except StorageError as exc:
            log.warning("wake-up failed", extra={"event": "notify_failed", "error": str(exc)})

    # -- questions shared by the relays (question_desk.py, 011_cluster_questions.sql) ---------

    def _question_wake(self, question: int) -> tuple[str, tuple[Any, ...]]:
        """The NOTIFY, as one more statement of a write, that wakes the other relays about a
        question when the write commits: ``q <relay> <org> <question>``, numbers only."""
        return (_NOTIFY, (self._shared.channel,
                          f"q {self._shared.relay_id} {self.org} {question}"))

    def create_question(self, record: QuestionRecord, first: Line, *,
                        max_open: int | None = None) -> asyncio.Future[None]:
        if self._shared.relay_id is None:
            return super().create_question(record, first)
        return asyncio.ensure_future(self._create_question(record, first, max_open))

    async def _create_question(self, record: QuestionRecord, first: Line,
                               max_open: int | None) -> None:
        """A new question in a transaction of its own that counts the unanswered ones under
        a lock per organisation, so relays asking at once never take more than ``max_open``
        between them; the same transaction wakes the other relays."""
        full = False
        try:
            async with self.pool.connection() as conn, conn.transaction():
                if max_open is not None:
                    await conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                                       (_QUESTIONS_LOCK, self.org))
                    cur = await conn.execute(_pg(UNANSWERED), (self.org,))
                    row = await cur.fetchone()
                    full = row is not None and int(row[0]) >= max_open
                if not full:
                    for sql, params in (*self._question_insert(record, first),
                                        self._question_wake(record.id)):
                        await conn.execute(_pg(sql), params)
        except (psycopg.Error, ValueError, OverflowError) as exc:
            raise StorageError(describe(exc)) from None
        if full:
            raise QuestionRefused("full")

    def update_question_now(self, question: int, **changes: object) -> asyncio.Future[None]:
        if self._shared.relay_id is None:
            return super().update_question_now(question, **changes)
        return self.journal.submit_together((self._update(question, changes),
                                             self._question_wake(question)))

    def append_question_line(self, line: Line) -> asyncio.Future[None]:
        if self._shared.relay_id is None:
            return super().append_question_line(line)
        return self._question_line_in_turn(line, None, {})

    def answer_question(self, line: Line, **changes: object) -> asyncio.Future[None]:
        if self._shared.relay_id is None:
            return super().answer_question(line, **changes)
        return self._question_line_in_turn(line, line.author, changes)

    def _question_line_in_turn(self, line: Line, holder: str | None,
                               changes: dict[str, object]) -> asyncio.Future[None]:
        """``_place_question_line`` once this relay's earlier lines of the question are done,
        whatever their outcome: in call order, as the journal keeps chat lines. Each takes a
        pooled connection of its own, so without this two replies sent at once could reach
        the database in either order (stored swapped, a number left empty between them)."""
        turns, question = self._shared.question_turns, line.conversation
        before = turns.get(question)

        async def place() -> None:
            if before is not None:
                await asyncio.wait([before])  # its outcome is its own caller's
            await self._place_question_line(line, holder, changes)

        turn = asyncio.ensure_future(place())
        turns[question] = turn
        turn.add_done_callback(
            lambda done: turns.pop(question) if turns.get(question) is done else None)
        return turn

    async def _place_question_line(self, line: Line, holder: str | None,
                                   changes: dict[str, object]) -> None:
        """A question's line (and the question's changes it brings) in one transaction of
        its own, numbered by the database: several relays may write to one question at once.
        Raises ``Renumbered`` if stored under another number, ``QuestionRefused`` if the
        question was closed, or taken by someone else, on another relay meanwhile."""
        await self.flush()  # this question's earlier writes (a take, a read mark) first
        try:
            async with self.pool.connection() as conn, conn.transaction():
                cur = await conn.execute(_PLACE_QUESTION_LINE, (
                    self._shared.relay_id, self.org, line.conversation, line.seq, line.kind,
                    line.author, line.text, line.ts, line.cid, holder))
                row = await cur.fetchone()
                placed = int(row[0]) if row else 0
                if placed > 0 and changes:
                    if "staff_seen_seq" in changes:
                        changes = {**changes, "staff_seen_seq": placed}
                    await conn.execute(*self._pg_update(line.conversation, changes))
        except (psycopg.Error, ValueError, OverflowError) as exc:
            raise StorageError(describe(exc)) from None
        if placed <= 0:
            raise QuestionRefused("closed" if placed == 0 else "taken")
        if placed != line.seq:
            raise Renumbered(placed)

    def _pg_update(self, question: int, changes: dict[str, object]
                   ) -> tuple[str, tuple[object, ...]]:
        sql, params = self._update(question, changes)
        return _pg(sql), params

    async def take_question(self, question: int, staff: str) -> bool:
        """One conditional UPDATE: of two staff members taking a question at once on two
        relays, exactly one gets it."""
        return await self._question_if(
            question, {"staff": staff}, "staff IS NULL AND state = 'open' AND purged = 0", ())

    async def close_question(self, question: int, staff: str, **changes: object) -> bool:
        """One conditional UPDATE: a question closed (or purged) meanwhile, on any relay, is
        not closed again."""
        return await self._question_if(question, {**changes, "state": "closed"},
                                       "state = 'open' AND purged = 0 AND staff = ?", (staff,))

    async def _question_if(self, question: int, changes: dict[str, object], condition: str,
                           params: tuple[object, ...]) -> bool:
        await self.flush()
        if (before := self._shared.question_turns.get(question)) is not None:
            # This relay's lines of it sent before (an answer, then a close at once) go first,
            # as the journal keeps them on one relay: a close must not refuse them.
            await asyncio.wait([before])
        sql, values = self._update(question, changes)
        try:
            async with self.pool.connection() as conn, conn.transaction():
                cur = await conn.execute(_pg(f"{sql} AND {condition}"), (*values, *params))
                done = cur.rowcount == 1
                if done and self._shared.relay_id is not None:
                    await conn.execute(*self._pg_update_wake(question))
        except (psycopg.Error, ValueError, OverflowError) as exc:
            raise StorageError(describe(exc)) from None
        return done

    def _pg_update_wake(self, question: int) -> tuple[str, tuple[Any, ...]]:
        sql, params = self._question_wake(question)
        return _pg(sql), params

    async def live_conversations(self) -> list[tuple[ConversationRecord, int]]:
        rows = await self._rows(
            f"SELECT {_CONVERSATION_COLUMNS}, c.last_seq, c.arrival "
            "FROM conversations c LEFT JOIN staff s ON s.id = c.staff_id "
            "WHERE c.org = ? AND c.state != 'closed' ORDER BY c.created_at, c.id", (self.org,))
        return [(_queued_record(row), int(row[21])) for row in rows]

    async def conversation_and_seq(self, conversation: int
                                   ) -> tuple[ConversationRecord, int] | None:
        """A conversation's row and its highest line number, in one query (relay/cluster.py)."""
        row = await self._one(
            f"SELECT {_CONVERSATION_COLUMNS}, c.last_seq, c.arrival "
            "FROM conversations c LEFT JOIN staff s ON s.id = c.staff_id "
            "WHERE c.org = ? AND c.id = ?", (self.org, conversation))
        return (_queued_record(row), int(row[21])) if row else None

    async def conversations_and_seqs(self, conversations: Sequence[int]
                                     ) -> dict[int, tuple[ConversationRecord, int]]:
        """``conversation_and_seq`` of many conversations, in one query."""
        rows = await self._rows(
            f"SELECT {_CONVERSATION_COLUMNS}, c.last_seq, c.arrival "
            "FROM conversations c LEFT JOIN staff s ON s.id = c.staff_id "
            "WHERE c.org = ? AND c.id = ANY(?::bigint[])", (self.org, list(conversations)))
        return {int(row[0]): (_queued_record(row), int(row[21])) for row in rows}

    async def last_seq(self, conversation: int) -> int:
        row = await self._one("SELECT last_seq FROM conversations WHERE org = ? AND id = ?",
                              (self.org, conversation))
        return int(row[0]) if row else 0

    async def claim_conversation(self, conversation: int, staff: str,
                                 claimed_at: float) -> bool:
        """Give a waiting conversation to ``staff`` if it is still waiting; False if another
        claim (from any relay) came first: one conditional UPDATE, committed at once."""
        await self.flush()
        staff_id = self._staff_id(staff)
        if staff_id is None and (account := await self.staff(staff)) is not None:
            staff_id = account.id
        try:
            async with self.pool.connection() as conn:
                cur = await conn.execute(
                    "UPDATE conversations SET state = 'active', staff_id = %s, claimed_at = %s "
                    "WHERE org = %s AND id = %s AND state = 'queued'",
                    (staff_id, claimed_at, self.org, conversation))
                claimed = cur.rowcount == 1
        except psycopg.Error as exc:
            raise StorageError(describe(exc)) from None
        if claimed:
            await self._notify_quietly(conversation)
        return claimed

    # -- statistics, audit, retention -----------------------------------------------------------

    async def count_closed_visit(self, hour: str, count: int = 1) -> None:
        await self._write(
            "INSERT INTO closed_visits (org, hour, count) VALUES (?, ?, ?) "
            "ON CONFLICT (org, hour) DO UPDATE SET count = closed_visits.count + excluded.count",
            (self.org, hour, count))

    async def audit_entries(self, since: float | None = None, limit: int = 1000,
                            actor: str | None = None) -> list[AuditEntry]:
        """The newest ``limit`` entries since ``since`` (of one actor if given), oldest first.

        SQLite's query tests ``? IS NULL``, a parameter type PostgreSQL cannot infer."""
        rows = await self._rows(
            "SELECT ts, actor, action, conversation_id, detail FROM audit WHERE org = ? "
            "AND ts >= ? AND (?::text IS NULL OR actor = ?) ORDER BY id DESC LIMIT ?",
            (self.org, since or 0.0, actor, actor, limit))
        return [AuditEntry(*row) for row in reversed(rows)]

    async def purge(self, closed_before: float) -> PurgeResult:
        result = await super().purge(closed_before)
        if result.messages or result.room_messages:
            await self._vacuum("messages", "room_messages")
        return result

    async def purge_questions(self, cutoff: float, now: float) -> list[int]:
        ids = await super().purge_questions(cutoff, now)
        if ids:
            await self._vacuum("question_lines", "questions")
        if self._shared.relay_id is not None:  # the other relays' inboxes drop them too
            for question in ids:
                try:
                    await self.notify(f"q {self._shared.relay_id} {self.org} {question}")
                except StorageError as exc:
                    log.warning("wake-up failed", extra={"event": "notify_failed",
                                                         "error": str(exc)})
                    break
        return ids

    async def _vacuum(self, *tables: str) -> None:
        """Let PostgreSQL reclaim the deleted rows now rather than at autovacuum's leisure."""
        try:
            async with self.pool.connection() as conn:
                await conn.execute(f"VACUUM {', '.join(tables)}".encode())
        except psycopg.Error as exc:  # the purge itself is committed; vacuum is a courtesy
            log.warning("vacuum after purge failed", extra={"event": "vacuum_failed",
                                                            "error": str(describe(exc))})

    async def checkpoint(self) -> None:
        """Nothing to do: PostgreSQL has no WAL file beside the database to fold in."""
        await self.flush()


async def stored_schema_version(url: PostgresURL) -> int:
    """The schema version of a database, read without migrating it (0: no Lotsen schema)."""
    try:
        async with await psycopg.AsyncConnection.connect(url.url, autocommit=True,
                                                         connect_timeout=5) as conn:
            cur = await conn.execute("SELECT to_regclass('lotsen_schema') IS NOT NULL")
            exists = await cur.fetchone()
            if not exists or not exists[0]:
                return 0
            cur = await conn.execute("SELECT version FROM lotsen_schema")
            row = await cur.fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error as exc:
        raise StorageError("storage.cannot_open", database=url, reason=describe(exc)) from None


async def record_backup(url: PostgresURL) -> None:
    """The audit entry of a backup, written without opening (and so migrating) the storage."""
    try:
        async with await psycopg.AsyncConnection.connect(url.url, autocommit=True,
                                                         connect_timeout=5) as conn:
            await conn.execute("INSERT INTO audit (ts, actor, action, conversation_id, detail) "
                               "VALUES (%s, 'cli', 'backup', NULL, NULL)", (time.time(),))
    except psycopg.Error as exc:
        raise StorageError("storage.cannot_write", database=url, reason=describe(exc)) from None


def pg_dump_command(url: PostgresURL, target: str) -> tuple[list[str], dict[str, str]]:
    """The ``pg_dump`` command line that writes ``url``'s database to ``target`` (custom
    format, for ``pg_restore``), and the environment entries it needs.

    The password travels in ``PGPASSWORD``, never on the command line, where other users of
    the machine could read it in the process list.
    """
    params = psycopg.conninfo.conninfo_to_dict(url.url)
    password = params.pop("password", None)
    command = ["pg_dump", "--format=custom", "--no-owner", f"--file={target}",
               f"--dbname={psycopg.conninfo.make_conninfo('', **params)}"]
    return command, ({"PGPASSWORD": str(password)} if password is not None else {})
