"""The relay's side of questions outside opening hours: frames in, storage, frames out.

``QuestionDesk`` belongs to a ``Relay`` and uses its plumbing (sending, storage, triage, staff
connections); the rules it applies (codes, guessing limits, order) are in ``relay.questions``.
A question, an answer and a reply are acknowledged only after they are committed, as chat lines
are. Staff see the questions they took and the unassigned ones; supervisors see all, and
reading one that is not theirs is written to the audit log.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from websockets.protocol import State

from relay import auth, protocol
from relay.questions import BUSY_WAIT_S, GuessThrottle, code_hash, inbox_order, new_code
from relay.storage import Line, StorageError
from relay.storage.questions import QuestionRecord

if TYPE_CHECKING:
    from relay.server import Relay, StaffConn, VisitorConn

log = logging.getLogger("lotsen.relay")

# A resend key a widget proposes with its question: base64url, at least 128 bits.
ASK_KEY = re.compile(r"[A-Za-z0-9_-]{22,86}")
PREVIEW_CHARS = 120
VISIBLE = frozenset({"visitor", "staff"})
REMEMBERED_CIDS = 50


@dataclass(slots=True)
class VisitorQuestions:
    """A visitor connection's question state: the thread it opened, its wrong codes."""

    question: int | None = None
    failures: int = 0


@dataclass(eq=False, slots=True)
class OpenQuestion:
    """A question in the inbox (open and not purged), kept in memory like a live chat."""

    record: QuestionRecord
    last_seq: int
    preview: str
    last_visitor_at: float
    unread: int = 0
    cids: OrderedDict[str, tuple[int, float]] = field(default_factory=OrderedDict)
    readers: set[StaffConn] = field(default_factory=set)  # supervisors reading it

    def remember(self, cid: str | None, seq: int, ts: float) -> None:
        if cid is not None:
            self.cids[cid] = (seq, ts)
            if len(self.cids) > REMEMBERED_CIDS:
                self.cids.popitem(last=False)


class QuestionDesk:
    """Questions for one relay: asked by visitors, answered by staff in their inbox."""

    def __init__(self, relay: Relay) -> None:
        self.relay = relay
        self.config = relay.config.questions
        self.open: dict[int, OpenQuestion] = {}
        self.throttle = GuessThrottle()
        self._next_id = 1

    # -- lifecycle -------------------------------------------------------------------------

    async def load(self) -> None:
        """Rebuild the inbox from storage after a start or a restart."""
        storage = self.relay.storage
        self._next_id = await storage.max_question_id() + 1
        for record, lines in await storage.open_questions():
            self.open[record.id] = self._open_question(record, lines)

    def _open_question(self, record: QuestionRecord, lines: list[Line]) -> OpenQuestion:
        visitor = [line for line in lines if line.kind == "visitor"]
        item = OpenQuestion(record, lines[-1].seq if lines else 0,
                            visitor[0].text[:PREVIEW_CHARS] if visitor else "",
                            visitor[-1].ts if visitor else record.asked_at)
        item.unread = sum(1 for line in visitor if line.seq > record.staff_seen_seq)
        for line in lines[-REMEMBERED_CIDS:]:
            item.remember(line.cid, line.seq, line.ts)
        return item

    def offer(self) -> dict[str, Any] | None:
        """The ``questions`` field of ``status``: None when switched off."""
        if not self.config.enabled:
            return None
        return {"offer": self._offered(), "retention_days": self.config.retention_days}

    def _offered(self) -> bool:
        relay = self.relay
        hours = relay.config.hours.state(relay._now_local())
        if not hours.open or relay.staff_online() == 0:
            return True
        if len(relay.queue) >= relay.config.max_waiting:  # the queue is closed: it is full
            return True
        if self.config.offer_when != "closed_or_busy":
            return False
        from relay.queue import estimate_wait

        wait = estimate_wait(len(relay.queue) + 1, relay.staff_online(), relay._mean_handle_s())
        return wait is not None and wait >= BUSY_WAIT_S

    def _next_open(self) -> str | None:
        relay = self.relay
        now = relay._now_local()
        if relay.config.hours.state(now).open and relay.staff_online():
            return None
        upcoming = relay.config.hours.next_open(now)
        return upcoming.isoformat() if upcoming else None

    # -- visitors ----------------------------------------------------------------------------

    def visitor_frame(self, conn: VisitorConn, frame: protocol.Frame) -> Any:
        if not self.config.enabled:
            self.relay._error(conn.ws, "questions_off", "Questions are not taken here.",
                              getattr(frame, "cid", None))
            return None
        if conn.questions is None:
            conn.questions = VisitorQuestions()
        if isinstance(frame, protocol.Ask):
            return self._ask(conn, frame)
        if isinstance(frame, protocol.ReadThread):
            return self._read(conn, frame)
        if isinstance(frame, protocol.Reply):
            return self._reply(conn, frame)
        return None

    async def _ask(self, conn: VisitorConn, frame: protocol.Ask) -> None:
        relay, ws = self.relay, conn.ws
        if frame.key is not None and not ASK_KEY.fullmatch(frame.key):
            relay._error(ws, "bad_frame", "key must be 22-86 base64url characters", frame.cid)
            return
        key_hash = auth.token_hash(frame.key) if frame.key else None
        try:
            if key_hash is not None and await self._asked_again(conn, frame, key_hash):
                return
            if not self._offered():
                relay._error(ws, "questions_not_now", "The chat is open now: write in the chat "
                             "instead.", frame.cid)
                return
            if await relay.storage.unanswered_questions() >= self.config.max_open:
                relay._count("questions_refused_full")
                relay._error(ws, "questions_full", "We cannot take more questions right now; "
                             "please try again later, or use the numbers for help now.",
                             frame.cid)
                return
        except StorageError as exc:
            relay._error(ws, "storage", f"Your question could not be saved ({exc}). Please "
                                        "try again.", frame.cid)
            return
        now = relay.clock()
        lang = frame.lang or conn.lang
        urgent, reasons = self._triage([frame.text], lang, frame.role or conn.role)
        code = new_code(lang)
        record = QuestionRecord(self._next_id, code_hash(code), key_hash, lang,
                                frame.role or conn.role, "open", now, urgent, reasons)
        self._next_id += 1
        first = Line(record.id, 1, "visitor", None, frame.text, now, frame.cid)
        try:
            await relay.storage.create_question(record, first)
        except StorageError as exc:
            relay._error(ws, "storage", f"Your question could not be saved ({exc}). Please "
                                        "try again.", frame.cid)
            return
        item = self._open_question(record, [first])
        self.open[record.id] = item
        relay._count("questions_asked")
        if urgent:
            relay._count("questions_urgent")
        log.info("question asked", extra={"event": "question_asked", "question": record.id})
        self._send_asked(conn, frame.cid, code, urgent)
        self._announce(item)

    async def _asked_again(self, conn: VisitorConn, frame: protocol.Ask, key_hash: str) -> bool:
        """A resend of a question whose ``asked`` was lost: it gets a new code (the old one
        was never shown) instead of being asked twice."""
        record = await self.relay.storage.question_by_key(key_hash)
        if record is None:
            return False
        if record.state != "open":
            self.relay._error(conn.ws, "ended", "This question is closed.", frame.cid)
            return True
        code = new_code(record.lang)
        record.code_hash = code_hash(code)
        await self.relay.storage.update_question(record.id, code_hash=record.code_hash)
        item = self.open.get(record.id)
        if item is not None:
            item.record.code_hash = record.code_hash
        self._send_asked(conn, frame.cid, code, record.urgent)
        return True

    def _send_asked(self, conn: VisitorConn, cid: str, code: str, urgent: bool) -> None:
        relay = self.relay
        relay._send(conn.ws, protocol.Asked(
            cid, code, urgent, self._next_open(), self.config.retention_days,
            [e.copy() for e in relay.config.emergency]))

    def _triage(self, texts: list[str], lang: str | None, role: str | None
                ) -> tuple[bool, list[str]]:
        """The relay's own triage, run on the question at once."""
        if self.relay.triage is None:
            return False, []
        try:
            return self.relay.triage(texts, lang, role)
        except Exception:  # triage must never take a visitor's question down with it
            log.exception("triage failed", extra={"event": "triage_failed"})
            return False, []

    async def _read(self, conn: VisitorConn, frame: protocol.ReadThread) -> None:
        relay, state = self.relay, conn.questions
        assert state is not None
        wait = self.throttle.delay_s(state.failures)
        if wait > 0:
            relay._count("question_code_delayed")
            await asyncio.sleep(wait)
        digest = code_hash(frame.code)
        try:
            record = await relay.storage.question_by_code(digest) if digest else None
        except StorageError as exc:
            relay._error(conn.ws, "storage", f"The question could not be read ({exc}). "
                                             "Please try again.")
            return
        if record is None or record.code_hash is None or digest is None or \
                not hmac.compare_digest(record.code_hash, digest):
            state.failures += 1
            self.throttle.failed()
            relay._count("question_code_wrong")
            if state.failures >= self.throttle.close_after:
                relay._drop(conn.ws, protocol.CLOSE_POLICY, "Too many wrong codes.")
                return
            relay._error(conn.ws, "bad_code", "No question has that code. Check it and "
                                              "try again.")
            return
        state.question = record.id
        live = self.open.get(record.id)
        if live is not None:
            record = live.record  # the inbox's copy is current; the row may be a commit behind
        now = relay.clock()
        lines = await relay.storage.question_lines(record.id, VISIBLE)
        if record.last_answer_at is not None and (record.read_at is None
                                                  or record.read_at < record.last_answer_at):
            record.read_at, record.answer_read = now, True
            await relay._store_quietly(relay.storage.update_question(
                record.id, read_at=now, answer_read=True))
            if live is not None:
                self._announce(live)
        relay._count("question_threads_read")
        relay._send(conn.ws, protocol.Thread(
            "open" if record.state == "open" else "closed", record.asked_at,
            [self._visitor_line(line) for line in lines], self._next_open(),
            self.config.retention_days))

    def _visitor_line(self, line: Line) -> protocol.TranscriptLine:
        return {"seq": line.seq, "kind": line.kind, "ts": line.ts, "text": line.text,
                "author": None if line.kind == "visitor" else self.relay._display(line.author)}

    def _reply(self, conn: VisitorConn, frame: protocol.Reply) -> None:
        relay, state = self.relay, conn.questions
        assert state is not None
        item = self.open.get(state.question) if state.question is not None else None
        if item is None:
            code, message = (("no_thread", "Enter your code first.") if state.question is None
                             else ("ended", "This question is closed."))
            relay._error(conn.ws, code, message, frame.cid)
            return
        known = item.cids.get(frame.cid)
        if known is not None:
            relay._push(conn.ws, protocol.encode_ack(frame.cid, *known))
            return
        item.last_seq += 1
        line = Line(item.record.id, item.last_seq, "visitor", None, frame.text, relay.clock(),
                    frame.cid)
        stored = relay.storage.append_question_line(line)
        stored.add_done_callback(lambda done: self._reply_stored(conn, item, line, done))

    def _reply_stored(self, conn: VisitorConn, item: OpenQuestion, line: Line,
                      done: asyncio.Future[None]) -> None:
        relay = self.relay
        error = done.exception()
        if error is not None:
            relay._error(conn.ws, "storage", f"Your message could not be saved ({error}). "
                                             "Please send it again.", line.cid)
            return
        item.remember(line.cid, line.seq, line.ts)
        relay._count("question_replies")
        relay._push(conn.ws, protocol.encode_ack(line.cid or "", line.seq, line.ts))
        item.unread += 1
        item.last_visitor_at = line.ts
        if not item.record.urgent:
            urgent, reasons = self._triage([line.text], item.record.lang, item.record.role)
            if urgent:
                item.record.urgent, item.record.reasons = True, reasons
                asyncio.ensure_future(relay._store_quietly(relay.storage.update_question(
                    item.record.id, urgent=True, reasons=reasons)))
        self._line_to_staff(item, line, None)
        self._announce(item)

    # -- staff ---------------------------------------------------------------------------------

    def _may_see(self, conn: StaffConn, record: QuestionRecord) -> bool:
        return conn.account.supervisor or record.staff in (None, conn.account.username)

    def entry(self, item: OpenQuestion) -> dict[str, Any]:
        r = item.record
        return {"id": r.id, "urgent": r.urgent, "reasons": list(r.reasons), "lang": r.lang,
                "role": r.role, "state": r.state, "staff": r.staff,
                "staff_name": self.relay._display(r.staff), "asked_at": r.asked_at,
                "last_visitor_at": item.last_visitor_at, "unread": item.unread,
                "answered": r.first_answer_at is not None, "read": r.answer_read,
                "preview": item.preview}

    def _staff_conns(self) -> list[StaffConn]:
        return [conn for conns in self.relay.staff.values() for conn in conns]

    def welcome(self, conn: StaffConn) -> None:
        """A staff connection's inbox snapshot, sent at login."""
        if not self.config.enabled:
            return
        entries = sorted((self.entry(item) for item in self.open.values()
                          if self._may_see(conn, item.record)), key=inbox_order)
        self.relay._send(conn.ws, protocol.Inbox(entries))

    def _announce(self, item: OpenQuestion) -> None:
        """Tell every staff connection that may see the question how it stands now."""
        text = protocol.encode(protocol.QuestionEntry(self.entry(item)))
        for conn in self._staff_conns():
            if self._may_see(conn, item.record):
                self.relay._push(conn.ws, text)

    def _gone(self, item: OpenQuestion, reason: str, *, keep: str | None = None) -> None:
        """Tell staff the question left the inbox (all but supervisors and ``keep``, when
        a colleague took it)."""
        text = protocol.encode(protocol.QuestionGone(item.record.id, reason))
        for conn in self._staff_conns():
            if reason == "taken" and (conn.account.supervisor
                                      or conn.account.username == keep):
                continue
            self.relay._push(conn.ws, text)

    def _line_to_staff(self, item: OpenQuestion, line: Line, sender: StaffConn | None) -> None:
        frame = protocol.QuestionLine(line.conversation, line.seq, line.kind,
                                      self.relay._display(line.author), line.text, line.ts,
                                      line.cid)
        text = protocol.encode(frame)
        targets = set(self.relay.staff.get(item.record.staff or "", ()))
        targets |= {conn for conn in item.readers if conn.ws.state is State.OPEN}
        for conn in targets:
            if conn is not sender:
                self.relay._push(conn.ws, text)

    def staff_frame(self, conn: StaffConn, frame: protocol.Frame) -> Any:
        if not self.config.enabled:
            self.relay._error(conn.ws, "questions_off", "Questions are switched off.",
                              getattr(frame, "cid", None))
            return None
        if isinstance(frame, protocol.QuestionAnswer):
            return self._answer(conn, frame)
        handler = self._open_frame if isinstance(frame, protocol.QuestionOpen) else self._close
        return self.relay._staff_action(handler, conn, frame)

    @staticmethod
    async def _open_frame(relay: Relay, conn: StaffConn, frame: protocol.QuestionOpen) -> None:
        await relay.questions._open_question_for(conn, frame.question)

    async def _open_question_for(self, conn: StaffConn, question: int) -> None:
        relay, username = self.relay, conn.account.username
        item = self.open.get(question)
        record = item.record if item else await relay.storage.question(question)
        if record is None or record.purged or not self._may_see(conn, record):
            relay._error(conn.ws, "forbidden", "That question is not yours.")
            return
        readonly = record.staff not in (None, username) or record.state != "open"
        if item is not None and record.staff is None:
            record.staff = username  # taking it: atomic up to the first await
            await relay.storage.update_question(record.id, staff=username)
            await relay.storage.audit(username, "question_take", None, f"question={record.id}")
            relay._count("questions_taken")
            self._gone(item, "taken", keep=username)
        elif record.staff != username:
            await relay.storage.audit(username, "question_view", None, f"question={record.id}")
            if item is not None:
                item.readers.add(conn)
        if item is not None and not readonly:
            record.staff_seen_seq, item.unread = item.last_seq, 0
            await relay._store_quietly(relay.storage.update_question(
                record.id, staff_seen_seq=item.last_seq))
            self._announce(item)
        lines = await relay.storage.question_lines(record.id)
        entry = self.entry(item) if item is not None else {
            "id": record.id, "urgent": record.urgent, "reasons": record.reasons,
            "lang": record.lang, "role": record.role, "state": record.state,
            "staff": record.staff, "staff_name": relay._display(record.staff),
            "asked_at": record.asked_at, "last_visitor_at": record.asked_at, "unread": 0,
            "answered": record.first_answer_at is not None, "read": record.answer_read,
            "preview": ""}
        relay._send(conn.ws, protocol.QuestionThread(entry, [
            {"seq": line.seq, "kind": line.kind, "author": relay._display(line.author),
             "text": line.text, "ts": line.ts, "cid": line.cid} for line in lines], readonly))

    def _answer(self, conn: StaffConn, frame: protocol.QuestionAnswer) -> None:
        relay, username = self.relay, conn.account.username
        item = self.open.get(frame.question)
        if item is None or item.record.staff != username:
            relay._error(conn.ws, "forbidden", "Open the question to take it before you "
                                               "answer.", frame.cid)
            return
        known = item.cids.get(frame.cid)
        if known is not None:
            relay._send(conn.ws, protocol.QuestionAck(frame.cid, item.record.id, *known))
            return
        item.last_seq += 1
        kind = "note" if frame.note else "staff"
        line = Line(item.record.id, item.last_seq, kind, username, frame.text, relay.clock(),
                    frame.cid)
        # The line and the question's new state go into one commit: once the answer is
        # acknowledged, a visitor reading it is sure to find it marked as answered.
        changes: dict[str, object] = {"staff_seen_seq": line.seq}
        if kind == "staff":
            changes["last_answer_at"] = line.ts
            if item.record.first_answer_at is None:
                changes["first_answer_at"] = line.ts
        relay.storage.append_question_line(line)
        stored = relay.storage.update_question_now(item.record.id, **changes)
        stored.add_done_callback(lambda done: self._answer_stored(conn, item, line, done))

    def _answer_stored(self, conn: StaffConn, item: OpenQuestion, line: Line,
                       done: asyncio.Future[None]) -> None:
        relay = self.relay
        error = done.exception()
        if error is not None:
            relay._error(conn.ws, "storage", f"The answer could not be saved ({error}). Please "
                                             "send it again.", line.cid)
            return
        item.remember(line.cid, line.seq, line.ts)
        relay._send(conn.ws, protocol.QuestionAck(line.cid or "", item.record.id, line.seq,
                                                  line.ts))
        self._line_to_staff(item, line, conn)
        record = item.record
        record.staff_seen_seq, item.unread = line.seq, 0
        if line.kind == "staff":
            relay._count("question_answers")
            record.last_answer_at = line.ts
            if record.first_answer_at is None:
                record.first_answer_at = line.ts
        self._announce(item)

    @staticmethod
    async def _close(relay: Relay, conn: StaffConn, frame: protocol.QuestionClose) -> None:
        desk = relay.questions
        item = desk.open.get(frame.question)
        username = conn.account.username
        if item is None or item.record.staff != username:
            relay._error(conn.ws, "forbidden", "That question is not yours to close.")
            return
        record = item.record
        del desk.open[record.id]
        record.state, record.closed_at = "closed", relay.clock()
        record.outcome_role = frame.role
        record.tags, record.referrals = sorted(set(frame.tags)), sorted(set(frame.referrals))
        with contextlib.suppress(StorageError):
            await relay.storage.flush()  # answers still in the journal are counted first
        await relay.storage.update_question(
            record.id, state="closed", closed_at=record.closed_at, outcome_role=frame.role,
            tags=record.tags, referrals=record.referrals)
        await relay.storage.audit(username, "question_close", None, f"question={record.id}")
        relay._count("questions_closed")
        desk._gone(item, "closed")

    # -- retention -------------------------------------------------------------------------------

    async def purge(self) -> int:
        """Delete the text of questions past ``retention_days`` (closed, or answered and left
        unread); their statistics rows stay."""
        relay = self.relay
        now = relay.clock()
        ids = await relay.storage.purge_questions(now - self.config.retention_days * 86400, now)
        for question in ids:
            item = self.open.pop(question, None)
            if item is not None:
                self._gone(item, "purged")
        if ids:
            await relay.storage.audit("system", "purge", None, f"questions={len(ids)}")
            log.info("question purge", extra={"event": "purge", "conversations": len(ids)})
        return len(ids)
