"""``MemoryStorage``: the whole ``Storage`` interface in this process's memory.

It keeps SQLite's rules where the relay can tell the difference, so the hub's tests
(tests/relay/hub/) run on it instead of a file and still mean something:

- writes are journalled in call order and committed together a moment later (on the next
  turn of the event loop), so a line is acknowledged only after its "commit", and reads see
  committed writes only, as with the SQLite journal (storage/sqlite.py);
- the same unique constraints (a conversation's sequence numbers, tokens, usernames, case
  codes), the same updatable fields, the same purge rules, and records handed out as copies;
- ``fail_commits`` makes every commit fail until cleared, as a full disk does.

Nothing survives the process: it is not for running a relay.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from relay.storage import (
    AuditEntry,
    CommitFigures,
    ConversationRecord,
    Line,
    PurgeResult,
    RoomLine,
    StaffAccount,
    StorageError,
)
from relay.storage.questions import QuestionRecord

if TYPE_CHECKING:
    from relay.storage import Storage

Done = Callable[[BaseException | None], None]

_CONVERSATION_FIELDS = {
    "state", "urgent", "staff", "claimed_at", "closed_at", "closed_by", "outcome_role", "tags",
    "referrals", "feedback", "visitor_lines", "staff_lines", "lang", "role",
    "triage_override", "triage_feedback",
}
_STAFF_FIELDS = {"display_name", "password_hash", "supervisor", "disabled", "totp_secret",
                 "totp_last_step"}
_QUESTION_FIELDS = {"code_hash", "urgent", "reasons", "state", "staff", "first_answer_at",
                    "last_answer_at", "read_at", "answer_read", "staff_seen_seq", "closed_at",
                    "outcome_role", "tags", "referrals"}


@dataclass(slots=True)
class _Session:
    staff_id: int
    created_at: float
    expires_at: float


class MemoryStorage:
    """Every ``Storage`` method, on dicts and lists, with a journal like SQLite's."""

    def __init__(self) -> None:
        self.is_open = False
        self.fail_commits: str | None = None
        """While set, every commit fails with this message (a full or unwritable disk)."""
        self.commits = 0
        self._pending: list[tuple[Callable[[], None], asyncio.Future[None] | Done]] = []
        self._scheduled = False
        self._conversations: dict[int, ConversationRecord] = {}
        self._blocked: set[int] = set()
        self._lines: dict[int, dict[int, Line]] = {}  # conversation -> seq -> line
        self._room: list[RoomLine] = []
        self._staff: dict[str, StaffAccount] = {}
        self._totp_steps: dict[str, int] = {}
        self._sessions: dict[str, _Session] = {}
        self._devices: dict[str, _Session] = {}
        self._closed_visits: dict[str, int] = {}
        self._audit: list[AuditEntry] = []
        self._questions: dict[int, QuestionRecord] = {}
        self._question_lines: dict[int, dict[int, Line]] = {}

    # -- lifecycle and the journal ----------------------------------------------------------

    async def open(self) -> None:
        self.is_open = True

    async def close(self) -> None:
        await self.flush()
        self.is_open = False

    async def healthy(self) -> bool:
        return self.is_open and self.fail_commits is None

    def commit_figures(self) -> CommitFigures | None:
        return None

    async def flush(self) -> None:
        if not self._pending:
            return
        barrier: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def passed(_: BaseException | None) -> None:  # settles even after a failed commit
            if not barrier.done():
                barrier.set_result(None)

        self._pending.append((_nothing, passed))
        await asyncio.shield(barrier)

    def _submit(self, apply: Callable[[], None], waiter: asyncio.Future[None] | Done) -> None:
        if not self.is_open:
            raise StorageError("storage.not_open")
        self._pending.append((apply, waiter))
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._commit)

    def _future(self, apply: Callable[[], None]) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._submit(apply, future)
        return future

    async def _write(self, apply: Callable[[], None]) -> None:
        await self._future(apply)

    def _commit(self) -> None:
        """Commit everything journalled since the last commit, in order: one refused write
        fails alone; a failing disk fails them all."""
        self._scheduled = False
        batch, self._pending = self._pending, []
        self.commits += 1
        for apply, waiter in batch:
            error: StorageError | None = None
            if self.fail_commits is not None:
                error = StorageError("storage.database_error", detail=self.fail_commits)
            else:
                try:
                    apply()
                except StorageError as exc:
                    error = exc
            if isinstance(waiter, asyncio.Future):
                if waiter.done():
                    continue
                if error is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(error)
            else:
                waiter(error)

    def _read(self) -> None:
        if not self.is_open:
            raise StorageError("storage.not_open")

    # -- conversations and lines -------------------------------------------------------------

    async def max_ids(self) -> tuple[int, int]:
        self._read()
        return (max(self._conversations, default=0),
                max((line.seq for line in self._room), default=0))

    async def create_conversation(self, record: ConversationRecord) -> None:
        stored = _copy(record)

        def apply() -> None:
            if stored.id in self._conversations:
                raise StorageError("storage.database_error",
                                   detail="UNIQUE constraint failed: conversations.id")
            if stored.token_hash is not None and any(
                    c.token_hash == stored.token_hash for c in self._conversations.values()):
                raise StorageError("storage.database_error",
                                   detail="UNIQUE constraint failed: conversations.token_hash")
            stored.staff = None
            self._conversations[stored.id] = stored

        await self._write(apply)

    async def update_conversation(self, conversation: int, **changes: object) -> None:
        unknown = set(changes) - _CONVERSATION_FIELDS
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        values = copy.deepcopy(changes)

        def apply() -> None:
            record = self._conversations.get(conversation)
            if record is None:
                return  # an UPDATE that matches no row
            for key, value in values.items():
                if key == "staff":  # stored as the account's id: an unknown name is NULL
                    value = value if isinstance(value, str) and value in self._staff else None
                elif key == "urgent":
                    value = bool(value)
                setattr(record, key, value)

        await self._write(apply)

    async def requeue_conversation(self, conversation: int) -> int | None:
        """Back to the queue; the relay numbers its queue itself (None), as on SQLite."""
        await self.update_conversation(conversation, state="queued", staff=None,
                                       claimed_at=None)
        return None

    def append_line(self, line: Line) -> asyncio.Future[None]:
        return self._future(partial_insert(self._lines, line, "messages"))

    def append_line_then(self, line: Line, done: Done) -> None:
        try:
            self._submit(partial_insert(self._lines, line, "messages"), done)
        except StorageError as exc:
            done(exc)

    async def live_conversations(self) -> list[tuple[ConversationRecord, int]]:
        self._read()
        live = [c for c in self._conversations.values() if c.state != "closed"]
        live.sort(key=lambda c: (c.created_at, c.id))
        return [(_copy(c), self._last_seq(c.id)) for c in live]

    async def conversation_by_token(self, token_hash: str) -> ConversationRecord | None:
        self._read()
        for record in self._conversations.values():
            if record.token_hash == token_hash:
                return _copy(record)
        return None

    async def conversation(self, conversation: int) -> ConversationRecord | None:
        self._read()
        record = self._conversations.get(conversation)
        return _copy(record) if record else None

    async def last_seq(self, conversation: int) -> int:
        self._read()
        return self._last_seq(conversation)

    def _last_seq(self, conversation: int) -> int:
        return max(self._lines.get(conversation, {}), default=0)

    async def lines_after(self, conversation: int, after: int,
                          kinds: frozenset[str] | None = None) -> list[Line]:
        self._read()
        lines = self._lines.get(conversation, {})
        return [lines[seq] for seq in sorted(lines) if seq > after
                and (kinds is None or lines[seq].kind in kinds)]

    async def recent_cids(self, conversation: int, limit: int) -> list[tuple[str, int, float]]:
        self._read()
        lines = self._lines.get(conversation, {})
        out = [(line.cid, line.seq, line.ts) for seq in sorted(lines, reverse=True)
               if (line := lines[seq]).cid is not None]
        return [(cid, seq, ts) for cid, seq, ts in out[:limit] if cid is not None]

    async def recent_handle_times(self, limit: int) -> list[float]:
        self._read()
        done = [c for c in self._conversations.values()
                if c.claimed_at is not None and c.closed_at is not None]
        done.sort(key=lambda c: c.closed_at or 0.0, reverse=True)
        times = [(c.closed_at or 0.0) - (c.claimed_at or 0.0) for c in done[:limit]]
        return [t for t in times if t >= 0]

    # -- staff room -------------------------------------------------------------------------------

    async def append_room_line(self, line: RoomLine) -> None:
        def apply() -> None:
            if any(known.seq == line.seq for known in self._room):
                raise StorageError("storage.database_error",
                                   detail="UNIQUE constraint failed: room_messages.seq")
            self._room.append(line)

        await self._write(apply)

    async def room_lines(self, limit: int) -> list[RoomLine]:
        self._read()
        return sorted(self._room, key=lambda line: line.seq)[-limit:] if limit > 0 else []

    # -- staff and sessions -----------------------------------------------------------------------

    async def add_staff(self, account: StaffAccount) -> StaffAccount:
        stored = replace(account, id=max((a.id for a in self._staff.values()), default=0) + 1,
                         created_at=account.created_at or time.time(), totp_last_step=None)

        def apply() -> None:
            if stored.username in self._staff:
                raise StorageError("storage.account_exists", username=stored.username)
            self._staff[stored.username] = stored

        await self._write(apply)
        return replace(stored)

    async def staff(self, username: str) -> StaffAccount | None:
        self._read()
        account = self._staff.get(username)
        return replace(account) if account else None

    async def staff_by_id(self, staff_id: int) -> StaffAccount | None:
        self._read()
        for account in self._staff.values():
            if account.id == staff_id:
                return replace(account)
        return None

    async def list_staff(self) -> list[StaffAccount]:
        self._read()
        return [replace(self._staff[name]) for name in sorted(self._staff)]

    async def update_staff(self, username: str, **changes: object) -> bool:
        if set(changes) - _STAFF_FIELDS:
            raise ValueError(f"cannot update {sorted(set(changes) - _STAFF_FIELDS)}")
        if await self.staff(username) is None:
            return False

        def apply() -> None:
            account = self._staff.get(username)
            if account is None:
                return
            for key, value in changes.items():
                if key == "totp_last_step":  # read with totp_last_step(), not with the account
                    if isinstance(value, int):
                        self._totp_steps[username] = value
                    else:
                        self._totp_steps.pop(username, None)
                else:
                    setattr(account, key, value)

        await self._write(apply)
        return True

    def _staff_id(self, staff_id: int) -> StaffAccount | None:
        return next((a for a in self._staff.values() if a.id == staff_id), None)

    async def create_session(self, token_hash: str, staff_id: int, created_at: float,
                             expires_at: float) -> None:
        await self._write(partial_token(self._sessions, token_hash,
                                        _Session(staff_id, created_at, expires_at), "sessions"))

    async def session(self, token_hash: str, now: float) -> StaffAccount | None:
        self._read()
        found = self._sessions.get(token_hash)
        account = self._staff_id(found.staff_id) if found else None
        if found is None or account is None or found.expires_at <= now or account.disabled:
            return None
        return replace(account)

    async def delete_sessions(self, staff_id: int | None = None,
                              token_hash: str | None = None) -> None:
        def apply() -> None:
            if token_hash is not None:
                self._sessions.pop(token_hash, None)
            elif staff_id is not None:
                for key in [k for k, s in self._sessions.items() if s.staff_id == staff_id]:
                    del self._sessions[key]

        await self._write(apply)

    async def session_expires(self, token_hash: str) -> float | None:
        self._read()
        found = self._sessions.get(token_hash)
        return found.expires_at if found else None

    async def valid_sessions(self, token_hashes: Iterable[str], now: float) -> set[str]:
        self._read()
        valid = set()
        for token_hash in token_hashes:
            found = self._sessions.get(token_hash)
            account = self._staff_id(found.staff_id) if found else None
            if found and account and found.expires_at > now and not account.disabled:
                valid.add(token_hash)
        return valid

    async def totp_last_step(self, username: str) -> int | None:
        self._read()
        return self._totp_steps.get(username)

    async def create_device(self, token_hash: str, staff_id: int, created_at: float,
                            expires_at: float) -> None:
        await self._write(partial_token(self._devices, token_hash,
                                        _Session(staff_id, created_at, expires_at), "devices"))

    async def device_owner(self, token_hash: str, now: float) -> int | None:
        self._read()
        found = self._devices.get(token_hash)
        return found.staff_id if found and found.expires_at > now else None

    # -- claims ---------------------------------------------------------------------------------

    async def claim_conversation(self, conversation: int, staff: str,
                                 claimed_at: float) -> bool:
        """Give a waiting conversation to ``staff`` if it is still waiting (as the SQL
        engines' conditional UPDATE: of two claims, exactly one wins)."""
        won: list[bool] = []

        def apply() -> None:
            record = self._conversations.get(conversation)
            if record is None or record.state != "queued":
                won.append(False)
                return
            record.state, record.claimed_at = "active", claimed_at
            record.staff = staff if staff in self._staff else None
            won.append(True)

        await self._write(apply)
        return won[0]

    # -- blocking -------------------------------------------------------------------------------

    async def block_conversation(self, conversation: int) -> None:
        await self._write(lambda: self._blocked.add(conversation)
                          if conversation in self._conversations else None)

    async def is_blocked(self, token_hash: str) -> bool:
        self._read()
        return any(c.token_hash == token_hash and c.id in self._blocked
                   for c in self._conversations.values())

    async def token_taken(self, token_hash: str) -> bool:
        self._read()
        return any(c.token_hash == token_hash for c in self._conversations.values())

    # -- statistics, audit, retention -----------------------------------------------------------

    async def count_closed_visit(self, hour: str, count: int = 1) -> None:
        def apply() -> None:
            self._closed_visits[hour] = self._closed_visits.get(hour, 0) + count

        await self._write(apply)

    async def conversations_created(self, since: float, until: float
                                    ) -> list[ConversationRecord]:
        self._read()
        found = [c for c in self._conversations.values() if since <= c.created_at < until]
        return [_copy(c) for c in sorted(found, key=lambda c: (c.created_at, c.id))]

    async def closed_visits(self, first_hour: str, last_hour: str) -> list[tuple[str, int]]:
        self._read()
        return [(hour, self._closed_visits[hour]) for hour in sorted(self._closed_visits)
                if first_hour <= hour <= last_hour]

    async def audit(self, actor: str, action: str, conversation: int | None = None,
                    detail: str | None = None, ts: float | None = None) -> None:
        entry = AuditEntry(ts if ts is not None else time.time(), actor, action, conversation,
                           detail)
        await self._write(lambda: self._audit.append(entry))

    async def audit_entries(self, since: float | None = None, limit: int = 1000,
                            actor: str | None = None) -> list[AuditEntry]:
        self._read()
        found = [e for e in self._audit
                 if e.ts >= (since or 0.0) and (actor is None or e.actor == actor)]
        return found[-limit:] if limit > 0 else []

    async def last_actor(self, conversation: int, actions: Iterable[str]) -> str | None:
        self._read()
        wanted = frozenset(actions)
        return next((e.actor for e in reversed(self._audit)
                     if e.conversation == conversation and e.action in wanted), None)

    async def purge_audit(self, before: float) -> int:
        await self.flush()
        count = sum(1 for e in self._audit if e.ts < before)
        now = time.time()

        def apply() -> None:
            self._audit[:] = [e for e in self._audit if e.ts >= before]
            for key in [k for k, d in self._devices.items() if d.expires_at < now]:
                del self._devices[key]

        await self._write(apply)
        return count

    async def purge(self, closed_before: float) -> PurgeResult:
        await self.flush()
        ids = [c.id for c in self._conversations.values() if c.state == "closed"
               and not c.purged and c.closed_at is not None and c.closed_at < closed_before]
        messages = sum(len(self._lines.get(conversation, {})) for conversation in ids)
        room = sum(1 for line in self._room if line.ts < closed_before)

        def apply() -> None:
            for conversation in ids:
                self._lines.pop(conversation, None)
                record = self._conversations[conversation]
                record.token_hash, record.purged = None, True
            self._room[:] = [line for line in self._room if line.ts >= closed_before]

        await self._write(apply)
        return PurgeResult(len(ids), messages, room)

    # -- questions --------------------------------------------------------------------------------

    def create_question(self, record: QuestionRecord, first: Line, *,
                        max_open: int | None = None) -> asyncio.Future[None]:
        stored = copy.deepcopy(record)

        def apply() -> None:
            if stored.id in self._questions:
                raise StorageError("storage.database_error",
                                   detail="UNIQUE constraint failed: questions.id")
            for other in self._questions.values():
                for column in ("code_hash", "key_hash"):
                    if getattr(stored, column) is not None and \
                            getattr(other, column) == getattr(stored, column):
                        raise StorageError("storage.database_error",
                                           detail=f"UNIQUE constraint failed: questions.{column}")
            partial_insert(self._question_lines, first, "question_lines")()
            self._questions[stored.id] = stored  # both or neither, like one journal write

        return self._future(apply)

    def append_question_line(self, line: Line) -> asyncio.Future[None]:
        return self._future(partial_insert(self._question_lines, line, "question_lines"))

    async def update_question(self, question: int, **changes: object) -> None:
        await self.update_question_now(question, **changes)

    def update_question_now(self, question: int, **changes: object) -> asyncio.Future[None]:
        unknown = set(changes) - _QUESTION_FIELDS
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        values = copy.deepcopy(changes)

        def apply() -> None:
            record = self._questions.get(question)
            if record is not None:
                for key, value in values.items():
                    setattr(record, key, value)

        return self._future(apply)

    def answer_question(self, line: Line, **changes: object) -> asyncio.Future[None]:
        unknown = set(changes) - _QUESTION_FIELDS
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        values = copy.deepcopy(changes)

        def apply() -> None:
            partial_insert(self._question_lines, line, "question_lines")()
            record = self._questions.get(line.conversation)
            if record is not None:
                for key, value in values.items():
                    setattr(record, key, value)

        return self._future(apply)

    async def take_question(self, question: int, staff: str) -> bool:
        record = self._questions.get(question)
        if record is None or record.staff is not None or record.state != "open":
            return False
        await self.update_question(question, staff=staff)
        return True

    async def close_question(self, question: int, staff: str, **changes: object) -> bool:
        record = self._questions.get(question)
        if record is None or record.state != "open" or record.staff != staff:
            return False
        await self.update_question(question, state="closed", **changes)
        return True

    async def max_question_id(self) -> int:
        self._read()
        return max(self._questions, default=0)

    async def open_questions(self) -> list[tuple[QuestionRecord, list[Line]]]:
        self._read()
        return [(copy.deepcopy(record), await self.question_lines(record.id))
                for _, record in sorted(self._questions.items())
                if record.state == "open" and not record.purged]

    async def question(self, question: int) -> QuestionRecord | None:
        self._read()
        record = self._questions.get(question)
        return copy.deepcopy(record) if record else None

    async def question_by_code(self, code_hash: str) -> QuestionRecord | None:
        return self._question_where("code_hash", code_hash)

    async def question_by_key(self, key_hash: str) -> QuestionRecord | None:
        return self._question_where("key_hash", key_hash)

    def _question_where(self, column: str, value: str) -> QuestionRecord | None:
        self._read()
        for record in self._questions.values():
            if getattr(record, column) == value and not record.purged:
                return copy.deepcopy(record)
        return None

    async def question_lines(self, question: int,
                             kinds: frozenset[str] | None = None) -> list[Line]:
        self._read()
        lines = self._question_lines.get(question, {})
        return [lines[seq] for seq in sorted(lines)
                if kinds is None or lines[seq].kind in kinds]

    async def unanswered_questions(self) -> int:
        self._read()
        return sum(1 for q in self._questions.values() if q.state == "open"
                   and q.first_answer_at is None and not q.purged)

    async def questions_asked(self, since: float, until: float) -> list[QuestionRecord]:
        self._read()
        found = [q for q in self._questions.values() if since <= q.asked_at < until]
        return [copy.deepcopy(q) for q in sorted(found, key=lambda q: (q.asked_at, q.id))]

    async def purge_questions(self, cutoff: float, now: float) -> list[int]:
        await self.flush()
        ids = sorted(q.id for q in self._questions.values() if not q.purged and (
            (q.state == "closed" and q.closed_at is not None and q.closed_at < cutoff)
            or (q.last_answer_at is not None and q.last_answer_at < cutoff
                and (q.read_at is None or q.read_at < q.last_answer_at))))

        def apply() -> None:
            for question in ids:
                self._question_lines.pop(question, None)
                record = self._questions[question]
                record.code_hash = record.key_hash = None
                record.reasons = []
                record.purged, record.state = True, "closed"
                record.closed_at = record.closed_at if record.closed_at is not None else now

        await self._write(apply)
        return ids


def partial_insert(table: dict[int, dict[int, Line]], line: Line, name: str
                   ) -> Callable[[], None]:
    """The write that inserts a line, refused like SQLite's unique (id, seq) index."""

    def apply() -> None:
        lines = table.setdefault(line.conversation, {})
        if line.seq in lines:
            raise StorageError("storage.database_error",
                               detail=f"UNIQUE constraint failed: {name}.seq")
        lines[line.seq] = line

    return apply


def partial_token(table: dict[str, _Session], token_hash: str, row: _Session, name: str
                  ) -> Callable[[], None]:
    def apply() -> None:
        if token_hash in table:
            raise StorageError("storage.database_error",
                               detail=f"UNIQUE constraint failed: {name}.token_hash")
        table[token_hash] = row

    return apply


def _copy(record: ConversationRecord) -> ConversationRecord:
    return replace(record, tags=list(record.tags), referrals=list(record.referrals))


def _nothing() -> None:
    pass


if TYPE_CHECKING:  # mypy proves MemoryStorage is a complete Storage

    def _is_storage(storage: MemoryStorage) -> Storage:
        return storage
