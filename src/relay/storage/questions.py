"""Storage of questions asked outside opening hours (schema: migrations/005_questions.sql).

``QuestionStore`` is mixed into ``SQLiteStorage`` and ``PostgresStorage``: every write goes
through their journal, so a question, an answer or a reply is acknowledged only after it is
committed, like a chat line.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from relay.storage import Line

if TYPE_CHECKING:
    from relay.storage.sqlite import GroupCommit


class QuestionRefused(Exception):
    """The database refused a line to a question: it was closed (``reason`` "closed"), or
    another staff member holds it ("taken") — decided on another relay meanwhile."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class QuestionRecord:
    """A question's row: live while open, the statistics-only record once purged."""

    id: int
    code_hash: str | None
    key_hash: str | None
    lang: str | None
    role: str | None
    state: str  # open | closed
    asked_at: float
    urgent: bool = False
    reasons: list[str] = field(default_factory=list)
    staff: str | None = None
    first_answer_at: float | None = None
    last_answer_at: float | None = None
    read_at: float | None = None
    answer_read: bool = False
    staff_seen_seq: int = 0
    closed_at: float | None = None
    outcome_role: str | None = None
    tags: list[str] = field(default_factory=list)
    referrals: list[str] = field(default_factory=list)
    purged: bool = False


_COLUMNS = ("id, code_hash, key_hash, lang, role, state, asked_at, urgent, reasons, staff, "
            "first_answer_at, last_answer_at, read_at, answer_read, staff_seen_seq, closed_at, "
            "outcome_role, tags, referrals, purged")
_UPDATABLE = {"code_hash", "urgent", "reasons", "state", "staff", "first_answer_at",
              "last_answer_at", "read_at", "answer_read", "staff_seen_seq", "closed_at",
              "outcome_role", "tags", "referrals"}
_JSON = {"reasons", "tags", "referrals"}
UNANSWERED = ("SELECT COUNT(*) FROM questions WHERE org = ? AND state = 'open' "
              "AND first_answer_at IS NULL AND purged = 0")
_INSERT_LINE = ("INSERT INTO question_lines (org, question_id, seq, kind, author, text, ts, "
                "cid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def _question(row: Sequence[Any]) -> QuestionRecord:
    return QuestionRecord(
        id=row[0], code_hash=row[1], key_hash=row[2], lang=row[3], role=row[4], state=row[5],
        asked_at=row[6], urgent=bool(row[7]), reasons=json.loads(row[8]) if row[8] else [],
        staff=row[9], first_answer_at=row[10], last_answer_at=row[11], read_at=row[12],
        answer_read=bool(row[13]), staff_seen_seq=row[14], closed_at=row[15],
        outcome_role=row[16], tags=json.loads(row[17]) if row[17] else [],
        referrals=json.loads(row[18]) if row[18] else [], purged=bool(row[19]))


class QuestionStore:
    """Question reads and writes; needs ``journal``, ``_rows``, ``_one`` and ``flush`` of the
    storage it is mixed into (SQL with ``?`` placeholders, which PostgreSQL's journal turns
    into its own). Lines are ``relay.storage.Line`` with the question id as conversation.
    Every statement names the organisation ``org`` (see ``SQLiteStorage.scoped``)."""

    org: str

    @property
    def journal(self) -> GroupCommit:
        raise NotImplementedError

    async def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Sequence[Any]]:
        raise NotImplementedError

    async def _one(self, sql: str, params: Iterable[Any] = ()) -> Sequence[Any] | None:
        raise NotImplementedError

    async def flush(self) -> None:
        raise NotImplementedError

    def create_question(self, record: QuestionRecord, first: Line, *,
                        max_open: int | None = None) -> asyncio.Future[None]:
        """Journal the question and its first line as one write: the future completes once
        both are committed, and a refused question (a key already taken) stores neither.
        ``max_open`` is the caller's to check on one relay (PostgreSQL's storage checks it)."""
        return self.journal.submit_together(self._question_insert(record, first))

    def _question_insert(self, record: QuestionRecord, first: Line
                         ) -> tuple[tuple[str, tuple[Any, ...]], tuple[str, tuple[Any, ...]]]:
        """The two statements that store a new question and its first line."""
        return (
            ("INSERT INTO questions (org, id, code_hash, key_hash, lang, role, state, "
             "asked_at, urgent, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             (self.org, record.id, record.code_hash, record.key_hash, record.lang, record.role,
              record.state, record.asked_at, int(record.urgent),
              json.dumps(record.reasons, ensure_ascii=False))),
            (_INSERT_LINE, (self.org, first.conversation, first.seq, first.kind, first.author,
                            first.text, first.ts, first.cid)))

    def append_question_line(self, line: Line) -> asyncio.Future[None]:
        return self.journal.submit(_INSERT_LINE, (self.org, line.conversation, line.seq,
                                                  line.kind, line.author, line.text, line.ts,
                                                  line.cid))

    async def update_question(self, question: int, **changes: object) -> None:
        await self.update_question_now(question, **changes)

    def update_question_now(self, question: int, **changes: object) -> asyncio.Future[None]:
        """Journal a change now, in call order; the future completes once it is committed."""
        return self.journal.submit(*self._update(question, changes))

    def answer_question(self, line: Line, **changes: object) -> asyncio.Future[None]:
        """Journal a line and the question's changes it brings as one write: once it is
        acknowledged both are stored (a visitor finds the answer marked as answered), and a
        refused line leaves the question unchanged."""
        return self.journal.submit_together((
            (_INSERT_LINE, (self.org, line.conversation, line.seq, line.kind, line.author,
                            line.text, line.ts, line.cid)),
            self._update(line.conversation, changes)))

    def _update(self, question: int, changes: dict[str, object]
                ) -> tuple[str, tuple[object, ...]]:
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        columns, values = [], []
        for key, value in sorted(changes.items()):
            if key in _JSON:
                value = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, bool):
                value = int(value)
            columns.append(f"{key} = ?")
            values.append(value)
        return (f"UPDATE questions SET {', '.join(columns)} WHERE org = ? AND id = ?",
                (*values, self.org, question))

    async def take_question(self, question: int, staff: str) -> bool:
        """Give an unassigned open question to ``staff``; False if it was not free. One relay
        decides that in memory before calling, so here it is only stored (PostgreSQL, where
        several relays may share the database, lets a conditional UPDATE decide)."""
        await self.update_question(question, staff=staff)
        return True

    async def close_question(self, question: int, staff: str, **changes: object) -> bool:
        """Close an open question ``staff`` holds, with ``changes``; False if it was closed
        already (or is not theirs). Stored as ``take_question`` is."""
        await self.update_question(question, state="closed", **changes)
        return True

    async def max_question_id(self) -> int:
        # Unique relay-wide like conversation ids: the highest of every organisation.
        row = await self._one("SELECT COALESCE(MAX(id), 0) FROM questions")
        return int(row[0]) if row else 0

    async def open_questions(self) -> list[tuple[QuestionRecord, list[Line]]]:
        """Every open question with all its lines (the inbox, rebuilt at start)."""
        rows = await self._rows(f"SELECT {_COLUMNS} FROM questions WHERE org = ? "
                                "AND state = 'open' AND purged = 0 ORDER BY id", (self.org,))
        out = []
        for row in rows:
            record = _question(row)
            out.append((record, await self.question_lines(record.id)))
        return out

    async def question(self, question: int) -> QuestionRecord | None:
        row = await self._one(f"SELECT {_COLUMNS} FROM questions WHERE org = ? AND id = ?",
                              (self.org, question))
        return _question(row) if row else None

    async def question_by_code(self, code_hash: str) -> QuestionRecord | None:
        """By the code's hash, through the unique index: one lookup, whatever the code."""
        row = await self._one(f"SELECT {_COLUMNS} FROM questions WHERE org = ? "
                              "AND code_hash = ? AND purged = 0", (self.org, code_hash))
        return _question(row) if row else None

    async def question_by_key(self, key_hash: str) -> QuestionRecord | None:
        row = await self._one(f"SELECT {_COLUMNS} FROM questions WHERE org = ? "
                              "AND key_hash = ? AND purged = 0", (self.org, key_hash))
        return _question(row) if row else None

    async def question_lines(self, question: int,
                             kinds: frozenset[str] | None = None) -> list[Line]:
        rows = await self._rows(
            "SELECT question_id, seq, kind, author, text, ts, cid FROM question_lines "
            "WHERE org = ? AND question_id = ? ORDER BY seq", (self.org, question))
        lines = [Line(*row) for row in rows]
        return [line for line in lines if kinds is None or line.kind in kinds]

    async def unanswered_questions(self) -> int:
        row = await self._one(UNANSWERED, (self.org,))
        return int(row[0]) if row else 0

    async def questions_asked(self, since: float, until: float) -> list[QuestionRecord]:
        """Records of questions asked in ``[since, until)`` (statistics; no text)."""
        rows = await self._rows(f"SELECT {_COLUMNS} FROM questions WHERE org = ? "
                                "AND asked_at >= ? AND asked_at < ? ORDER BY asked_at, id",
                                (self.org, since, until))
        return [_question(row) for row in rows]

    async def purge_questions(self, cutoff: float, now: float) -> list[int]:
        """Delete the text of questions closed before ``cutoff``, or whose last answer was
        left unread since before it; keep their rows (no text) for the statistics."""
        await self.flush()
        rows = await self._rows(
            "SELECT id FROM questions WHERE org = ? AND purged = 0 AND ("
            "(state = 'closed' AND closed_at < ?) OR "
            "(last_answer_at IS NOT NULL AND last_answer_at < ? "
            " AND (read_at IS NULL OR read_at < last_answer_at)))", (self.org, cutoff, cutoff))
        ids = [int(row[0]) for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            # One write: a question is never marked purged while its text stays.
            await self.journal.submit_together((
                (f"DELETE FROM question_lines WHERE org = ? AND question_id IN ({marks})",
                 (self.org, *chunk)),
                ("UPDATE questions SET code_hash = NULL, key_hash = NULL, reasons = NULL, "
                 "purged = 1, state = 'closed', closed_at = COALESCE(closed_at, ?) "
                 f"WHERE org = ? AND id IN ({marks})", (now, self.org, *chunk))))
        return ids
