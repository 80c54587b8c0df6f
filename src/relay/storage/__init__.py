"""Storage behind one interface that speaks domain objects, not rows.

``Storage`` is what the relay needs from a database. ``SQLiteStorage`` (embedded, the default)
and ``PostgresStorage`` (storage/postgres.py, the ``postgres`` extra) implement it; a database
is named by a file path or a ``postgresql://`` URL (``database_target``, ``open_storage``).
Writes are *journalled*: each write returns once it is durably committed, and concurrent
writes share one commit (group commit), which is what makes "acknowledge only after it is
stored" fast.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from vocabulary.phrases import PhrasedError

if TYPE_CHECKING:
    from relay.storage.postgres import PostgresStorage
    from relay.storage.questions import QuestionRecord
    from relay.storage.sqlite import SQLiteStorage


class StorageError(PhrasedError):
    """The database refused a write or a read (disk full, locked, unwritable, corrupt).

    Raised with a key of ``vocabulary.phrases.PHRASES`` and its arguments (or a ``Phrase``),
    so the CLI says it in its own language; ``str()`` is English, for log lines."""


class Renumbered(Exception):
    """Not a failure: a journalled line was stored, under another sequence number than the
    one it was given, because another relay on the same database numbered a line of that
    conversation meanwhile (PostgreSQL with several relays). ``append_line_then`` hands it to
    ``done`` instead of ``None``; whoever acknowledges the line uses ``seq``."""

    def __init__(self, seq: int) -> None:
        super().__init__(seq)
        self.seq = seq


_PASSWORD = re.compile(r"(?<=://)([^/@:]*):[^/@]*@")


@dataclass(frozen=True, slots=True)
class PostgresURL:
    """A PostgreSQL connection URL (``postgresql://user@host:5432/dbname``).

    ``str()`` and ``repr()`` hide a password in it, so printing a config or logging the
    database never shows one; only ``url`` (handed to the driver) has it.
    """

    url: str = field(repr=False)

    def __str__(self) -> str:
        return _PASSWORD.sub(r"\1:***@", self.url)

    def __repr__(self) -> str:
        return f"PostgresURL({str(self)!r})"


Database = Path | PostgresURL
"""Where the relay stores: a SQLite file, or a PostgreSQL database."""


def database_target(value: str | Path) -> Database:
    """A ``--db`` / ``[server] database`` / ``LOTSEN_DB`` value as a file path or a URL."""
    text = str(value)
    if re.match(r"(?i)postgres(?:ql)?://", text) and not isinstance(value, Path):
        return PostgresURL(text)
    return Path(value)


def open_storage(database: Database, *, org: str = "default", relay: bool = False
                 ) -> SQLiteStorage | PostgresStorage:
    """The storage for a database target (not opened yet), seen as organisation ``org``
    (relay.organisations.DEFAULT_ORG unless given; ``scoped()`` gives the others);
    ``relay``: for a relay, which on PostgreSQL numbers its lines with the database and wakes
    the other relays on it (relay/cluster.py); CLI commands do neither.

    PostgreSQL's driver is an optional extra: without it this raises ``StorageError`` with
    the install command, never an ImportError.
    """
    if isinstance(database, PostgresURL):
        try:
            from relay.storage.postgres import PostgresStorage
        except ImportError as exc:
            if (exc.name or "").split(".")[0] not in ("psycopg", "psycopg_pool"):
                raise
            raise StorageError("storage.needs_postgres_extra") from None
        return PostgresStorage(database, org=org, relay=relay)
    from relay.storage.sqlite import SQLiteStorage
    return SQLiteStorage(database, org=org)


@dataclass(slots=True)
class StaffAccount:
    id: int
    username: str
    display_name: str
    password_hash: str
    supervisor: bool = False
    disabled: bool = False
    totp_secret: str | None = None
    created_at: float = 0.0
    totp_last_step: int | None = None
    """The last TOTP time step used to log in (read at login: ``Storage.totp_last_step``)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One transcript line of a conversation; ``author`` is a staff username or None."""

    conversation: int
    seq: int
    kind: str
    author: str | None
    text: str
    ts: float
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class RoomLine:
    seq: int
    author: str
    text: str
    ts: float


@dataclass(slots=True)
class ConversationRecord:
    """A conversation's row: live state while open, the statistics-only record once closed."""

    id: int
    token_hash: str | None
    alias: str
    lang: str | None
    role: str | None
    state: str
    created_at: float
    urgent: bool = False
    staff: str | None = None
    claimed_at: float | None = None
    closed_at: float | None = None
    closed_by: str | None = None
    outcome_role: str | None = None
    tags: list[str] = field(default_factory=list)
    referrals: list[str] = field(default_factory=list)
    feedback: str | None = None
    visitor_lines: int = 0
    staff_lines: int = 0
    purged: bool = False
    triage_override: str | None = None
    """None (the engine decides), "urgent" or "not_urgent": a staff member's verdict."""
    triage_feedback: str | None = None
    """The close dialog's "was the triage right?" answer (protocol.TRIAGE_ANSWERS)."""
    arrival: int | None = None
    """Its place in the queue among chats of its class, as the database numbered it when it
    was queued (PostgreSQL: the relays on one database share one order); None where the relay
    numbers its queue itself (SQLite, one relay)."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    ts: float
    actor: str
    action: str
    conversation: int | None
    detail: str | None


@dataclass(frozen=True, slots=True)
class PurgeResult:
    conversations: int
    messages: int
    room_messages: int


@dataclass(frozen=True, slots=True)
class CommitFigures:
    """How the storage's commits went since it opened (``/metrics``)."""

    failed_commits: int
    refused_writes: int
    """Single writes refused while the rest of their group commit was stored."""
    buckets: tuple[tuple[float, int], ...]
    """(upper bound in seconds, commits that took at most that and more than the bound
    before), the last bound ``inf``."""
    seconds_total: float


class Storage(Protocol):
    """What the relay needs from a database. Every write returns once it is committed.

    The relay's hub (relay/hub.py), the question desk and the CLI use nothing else: SQLite
    (relay/storage/sqlite.py) is the embedded default, relay/storage/memory.py the in-process
    one the hub tests run on, and a shared database for several relays implements the same.
    """

    async def open(self) -> None: ...
    async def close(self) -> None: ...
    async def healthy(self) -> bool: ...
    async def flush(self) -> None:
        """Wait until every write journalled so far has been committed (or has failed)."""
        ...
    def commit_figures(self) -> CommitFigures | None:
        """Commit counts and latencies, or None when this storage does not measure them."""
        ...

    # Ids the relay hands out itself, so it never waits for the database to number things.
    async def max_ids(self) -> tuple[int, int]:
        """The highest conversation id and room sequence number stored."""
        ...

    # Conversations and lines
    async def create_conversation(self, record: ConversationRecord) -> None:
        """Store a new (waiting) conversation; a database that numbers the queue sets
        ``record.arrival`` to the number it gave it (PostgreSQL)."""
        ...
    async def update_conversation(self, conversation: int, **changes: object) -> None: ...
    async def requeue_conversation(self, conversation: int) -> int | None:
        """Put a held conversation back in the queue, first in line (waiting, no staff);
        return the arrival number the database gave it, before every other one (PostgreSQL;
        None if it was not held any more), or None where the relay numbers its queue itself
        (SQLite, memory)."""
        ...
    def append_line(self, line: Line) -> Awaitable[None]:
        """Journal a line now, in call order; the awaitable completes once it is committed.

        Not a coroutine: the relay journals a connection's lines as they arrive and goes on
        reading while they commit, so their order must be fixed by the call, not by an await.
        """
        ...

    def append_line_then(self, line: Line,
                         done: Callable[[BaseException | None], None]) -> None:
        """Journal a line now, in call order, and call ``done(None)`` once it is committed or
        ``done(error)`` if it is not; calls come in the order the lines were journalled.
        ``done(Renumbered(seq))``: committed, as line ``seq`` (several relays, PostgreSQL)."""
        ...
    async def live_conversations(self) -> list[tuple[ConversationRecord, int]]:
        """Every conversation not closed, with its highest sequence number."""
        ...
    async def conversation_by_token(self, token_hash: str) -> ConversationRecord | None: ...
    async def conversation(self, conversation: int) -> ConversationRecord | None: ...
    async def last_seq(self, conversation: int) -> int:
        """The highest sequence number stored for a conversation (0: none)."""
        ...
    async def lines_after(self, conversation: int, after: int,
                          kinds: frozenset[str] | None = None) -> list[Line]: ...
    async def recent_cids(self, conversation: int, limit: int) -> list[tuple[str, int, float]]: ...
    async def recent_handle_times(self, limit: int) -> list[float]: ...

    # Staff room
    async def append_room_line(self, line: RoomLine) -> None: ...
    async def room_lines(self, limit: int) -> list[RoomLine]: ...

    # Staff and sessions
    async def add_staff(self, account: StaffAccount) -> StaffAccount: ...
    async def staff(self, username: str) -> StaffAccount | None: ...
    async def staff_by_id(self, staff_id: int) -> StaffAccount | None: ...
    async def list_staff(self) -> list[StaffAccount]: ...
    async def update_staff(self, username: str, **changes: object) -> bool: ...
    async def create_session(self, token_hash: str, staff_id: int, created_at: float,
                             expires_at: float) -> None: ...
    async def session(self, token_hash: str, now: float) -> StaffAccount | None: ...
    async def delete_sessions(self, staff_id: int | None = None,
                              token_hash: str | None = None) -> None: ...
    async def session_expires(self, token_hash: str) -> float | None: ...
    async def valid_sessions(self, token_hashes: Iterable[str], now: float) -> set[str]:
        """Which of these session token hashes are unexpired and of an enabled account."""
        ...
    async def totp_last_step(self, username: str) -> int | None:
        """The last TOTP time step this account logged in with (None: none yet)."""
        ...
    async def create_device(self, token_hash: str, staff_id: int, created_at: float,
                            expires_at: float) -> None: ...
    async def device_owner(self, token_hash: str, now: float) -> int | None:
        """The staff id a device token was given to, while it has not expired."""
        ...

    async def claim_conversation(self, conversation: int, staff: str,
                                 claimed_at: float) -> bool:
        """Give a waiting conversation to ``staff`` if it is still waiting (one conditional
        UPDATE: of two claims at once, also from two relays, exactly one wins)."""
        ...

    # Blocking an abusive conversation (no identity beyond the conversation's own token)
    async def block_conversation(self, conversation: int) -> None: ...
    async def is_blocked(self, token_hash: str) -> bool: ...
    async def token_taken(self, token_hash: str) -> bool:
        """Whether any conversation, of any organisation, has this token (tokens are unique
        relay-wide: another's is never ours to start a chat with)."""
        ...

    # Statistics, audit and retention
    async def count_closed_visit(self, hour: str, count: int = 1) -> None: ...
    async def conversations_created(self, since: float, until: float
                                    ) -> list[ConversationRecord]:
        """Records of conversations started in ``[since, until)`` (statistics)."""
        ...
    async def closed_visits(self, first_hour: str, last_hour: str) -> list[tuple[str, int]]:
        """Widget openings while closed per local hour key ``YYYY-MM-DDTHH``, in a range."""
        ...
    async def audit(self, actor: str, action: str, conversation: int | None = None,
                    detail: str | None = None, ts: float | None = None) -> None: ...
    async def audit_entries(self, since: float | None = None, limit: int = 1000,
                            actor: str | None = None) -> list[AuditEntry]: ...
    async def last_actor(self, conversation: int, actions: Iterable[str]) -> str | None:
        """Who last did one of ``actions`` to a conversation, from the audit log (None: no one,
        or the entry is past the audit log's retention)."""
        ...
    async def purge(self, closed_before: float) -> PurgeResult: ...
    async def purge_audit(self, before: float) -> int:
        """Delete audit entries older than ``before``; returns how many."""
        ...

    # Questions outside opening hours (relay/question_desk.py). Lines are ``Line`` with the
    # question id as conversation. The journalled ones return a future completed once the
    # write is committed, fixed in order by the call (as ``append_line``).
    def create_question(self, record: QuestionRecord, first: Line, *,
                        max_open: int | None = None) -> asyncio.Future[None]:
        """The question and its first line, committed together. ``max_open``: refused with
        ``QuestionRefused("full")`` if that many unanswered questions wait already, where
        several relays share the database (the database decides); elsewhere the caller's
        check is the rule."""
        ...
    def append_question_line(self, line: Line) -> asyncio.Future[None]: ...
    def update_question_now(self, question: int, **changes: object) -> asyncio.Future[None]: ...
    def answer_question(self, line: Line, **changes: object) -> asyncio.Future[None]:
        """A line and the question's changes it brings, committed (or refused) together."""
        ...
    async def update_question(self, question: int, **changes: object) -> None: ...
    async def take_question(self, question: int, staff: str) -> bool:
        """Give an unassigned open question to ``staff``; False if another took it first."""
        ...
    async def close_question(self, question: int, staff: str, **changes: object) -> bool:
        """Close an open question ``staff`` holds; False if it was closed already."""
        ...
    async def max_question_id(self) -> int: ...
    async def open_questions(self) -> list[tuple[QuestionRecord, list[Line]]]:
        """Every open question with all its lines (the inbox, rebuilt at start)."""
        ...
    async def question(self, question: int) -> QuestionRecord | None: ...
    async def question_by_code(self, code_hash: str) -> QuestionRecord | None: ...
    async def question_by_key(self, key_hash: str) -> QuestionRecord | None: ...
    async def question_lines(self, question: int,
                             kinds: frozenset[str] | None = None) -> list[Line]: ...
    async def unanswered_questions(self) -> int: ...
    async def questions_asked(self, since: float, until: float) -> list[QuestionRecord]:
        """Records of questions asked in ``[since, until)`` (statistics; no text)."""
        ...
    async def purge_questions(self, cutoff: float, now: float) -> list[int]:
        """Delete the text of questions closed before ``cutoff`` or whose last answer was left
        unread since before it; keep their rows (no text). Returns their ids."""
        ...
