"""The relay's side of questions outside opening hours: frames in, storage, frames out.

``QuestionDesk`` belongs to a ``Hub`` (relay/hub.py) and sits on its seams: it writes to the
hub's ``Outbox``, awaits its ``Storage`` and reads its staff connections and triage hook; the
rules it applies (codes, guessing limits, order) are in ``relay.questions``. A question, an
answer and a reply are acknowledged only after they are committed, as chat lines are. Staff
see the questions they took and the unassigned ones; supervisors see all, and reading one that
is not theirs is written to the audit log.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from relay import auth, protocol
from relay.questions import BUSY_WAIT_S, GuessThrottle, code_hash, inbox_order, new_code
from relay.storage import Line, StorageError
from relay.storage.questions import QuestionRecord

if TYPE_CHECKING:
    from relay.hub import Hub, StaffConn, VisitorConn

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

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.config = hub.config.questions
        self.open: dict[int, OpenQuestion] = {}
        self.throttle = GuessThrottle()

    # -- lifecycle -------------------------------------------------------------------------

    async def load(self) -> None:
        """Rebuild the inbox from storage after a start or a restart."""
        storage = self.hub.storage
        self.hub.ids.questions.at_least(await storage.max_question_id() + 1)
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

    def offer(self) -> protocol.QuestionOffer | None:
        """The ``questions`` field of ``status``: None when switched off."""
        if not self.config.enabled:
            return None
        return protocol.QuestionOffer(offer=self._offered(),
                                      retention_days=self.config.retention_days)

    def _offered(self) -> bool:
        hub = self.hub
        hours = hub.config.hours.state(hub.now_local())
        if not hours.open or hub.staff_online() == 0:
            return True
        if len(hub.queue) >= hub.config.max_waiting:  # the queue is closed: it is full
            return True
        if self.config.offer_when != "closed_or_busy":
            return False
        from relay.queue import estimate_wait

        wait = estimate_wait(len(hub.queue) + 1, hub.staff_online(), hub.mean_handle_s())
        return wait is not None and wait >= BUSY_WAIT_S

    def _next_open(self) -> str | None:
        hub = self.hub
        now = hub.now_local()
        if hub.config.hours.state(now).open and hub.staff_online():
            return None
        upcoming = hub.config.hours.next_open(now)
        return upcoming.isoformat() if upcoming else None

    # -- visitors ----------------------------------------------------------------------------

    def visitor_frame(self, conn: VisitorConn, frame: protocol.Frame
                      ) -> Awaitable[None] | None:
        if not self.config.enabled:
            self.hub.error(conn.connection, "questions_off", "Questions are not taken here.",
                           getattr(frame, "cid", None))
            return None
        if conn.questions is None:
            conn.questions = VisitorQuestions()
        if isinstance(frame, protocol.Ask):
            return self._ask(conn, frame)
        if isinstance(frame, protocol.ReadThread):
            return self._read(conn, frame)
        if isinstance(frame, protocol.Reply):
            self._reply(conn, frame)  # acknowledged once committed
        return None

    async def _ask(self, conn: VisitorConn, frame: protocol.Ask) -> None:
        hub, to = self.hub, conn.connection
        if frame.key is not None and not ASK_KEY.fullmatch(frame.key):
            hub.error(to, "bad_frame", "key must be 22-86 base64url characters", frame.cid)
            return
        key_hash = auth.token_hash(frame.key) if frame.key else None
        try:
            if key_hash is not None and await self._asked_again(conn, frame, key_hash):
                return
            if not self._offered():
                hub.error(to, "questions_not_now", "The chat is open now: write in the chat "
                          "instead.", frame.cid)
                return
            if await hub.storage.unanswered_questions() >= self.config.max_open:
                hub.counters.count("questions_refused_full")
                hub.error(to, "questions_full", "We cannot take more questions right now; "
                          "please try again later, or use the numbers for help now.",
                          frame.cid)
                return
        except StorageError as exc:
            hub.error(to, "storage", f"Your question could not be saved ({exc}). Please "
                                     "try again.", frame.cid)
            return
        now = hub.clock()
        lang = frame.lang or conn.lang
        urgent, reasons = self._triage([frame.text], lang, frame.role or conn.role)
        code = new_code(lang)
        record = QuestionRecord(hub.ids.questions.take(), code_hash(code), key_hash, lang,
                                frame.role or conn.role, "open", now, urgent, reasons)
        first = Line(record.id, 1, "visitor", None, frame.text, now, frame.cid)
        try:
            await hub.storage.create_question(record, first)
        except StorageError as exc:
            hub.error(to, "storage", f"Your question could not be saved ({exc}). Please "
                                     "try again.", frame.cid)
            return
        item = self._open_question(record, [first])
        self.open[record.id] = item
        hub.counters.count("questions_asked")
        if urgent:
            hub.counters.count("questions_urgent")
        log.info("question asked", extra={"event": "question_asked", "question": record.id})
        self._send_asked(conn, frame.cid, code, urgent)
        self._announce(item)

    async def _asked_again(self, conn: VisitorConn, frame: protocol.Ask, key_hash: str) -> bool:
        """A resend of a question whose ``asked`` was lost: it gets a new code (the old one
        was never shown) instead of being asked twice."""
        record = await self.hub.storage.question_by_key(key_hash)
        if record is None:
            return False
        if record.state != "open":
            self.hub.error(conn.connection, "ended", "This question is closed.", frame.cid)
            return True
        code = new_code(record.lang)
        record.code_hash = code_hash(code)
        await self.hub.storage.update_question(record.id, code_hash=record.code_hash)
        item = self.open.get(record.id)
        if item is not None:
            item.record.code_hash = record.code_hash
        self._send_asked(conn, frame.cid, code, record.urgent)
        return True

    def _send_asked(self, conn: VisitorConn, cid: str, code: str, urgent: bool) -> None:
        hub = self.hub
        hub.send(conn.connection, protocol.Asked(
            cid, code, urgent, self._next_open(), self.config.retention_days,
            [e.copy() for e in hub.config.emergency]))

    def _triage(self, texts: list[str], lang: str | None, role: str | None
                ) -> tuple[bool, list[str]]:
        """The relay's own triage, run on the question at once."""
        if self.hub.triage is None:
            return False, []
        try:
            return self.hub.triage(texts, lang, role)
        except Exception:  # triage must never take a visitor's question down with it
            log.exception("triage failed", extra={"event": "triage_failed"})
            return False, []

    async def _read(self, conn: VisitorConn, frame: protocol.ReadThread) -> None:
        hub, state = self.hub, conn.questions
        assert state is not None
        wait = self.throttle.delay_s(state.failures)
        if wait > 0:
            hub.counters.count("question_code_delayed")
            await asyncio.sleep(wait)
        digest = code_hash(frame.code)
        try:
            record = await hub.storage.question_by_code(digest) if digest else None
        except StorageError as exc:
            hub.error(conn.connection, "storage", f"The question could not be read ({exc}). "
                                                  "Please try again.")
            return
        if record is None or record.code_hash is None or digest is None or \
                not hmac.compare_digest(record.code_hash, digest):
            state.failures += 1
            self.throttle.failed()
            hub.counters.count("question_code_wrong")
            if state.failures >= self.throttle.close_after:
                hub.outbox.close(conn.connection, protocol.CLOSE_POLICY, "Too many wrong codes.")
                return
            hub.error(conn.connection, "bad_code", "No question has that code. Check it and "
                                                   "try again.")
            return
        state.question = record.id
        live = self.open.get(record.id)
        if live is not None:
            record = live.record  # the inbox's copy is current; the row may be a commit behind
        now = hub.clock()
        lines = await hub.storage.question_lines(record.id, VISIBLE)
        if record.last_answer_at is not None and (record.read_at is None
                                                  or record.read_at < record.last_answer_at):
            record.read_at, record.answer_read = now, True
            await hub.store_quietly(hub.storage.update_question(
                record.id, read_at=now, answer_read=True))
            if live is not None:
                self._announce(live)
        hub.counters.count("question_threads_read")
        hub.send(conn.connection, protocol.Thread(
            "open" if record.state == "open" else "closed", record.asked_at,
            [self._visitor_line(line) for line in lines], self._next_open(),
            self.config.retention_days))

    def _visitor_line(self, line: Line) -> protocol.TranscriptLine:
        return {"seq": line.seq, "kind": line.kind, "ts": line.ts, "text": line.text,
                "author": None if line.kind == "visitor" else self.hub.display(line.author)}

    def _reply(self, conn: VisitorConn, frame: protocol.Reply) -> None:
        hub, state = self.hub, conn.questions
        assert state is not None
        item = self.open.get(state.question) if state.question is not None else None
        if item is None:
            code, message = (("no_thread", "Enter your code first.") if state.question is None
                             else ("ended", "This question is closed."))
            hub.error(conn.connection, code, message, frame.cid)
            return
        known = item.cids.get(frame.cid)
        if known is not None:
            hub.outbox.send(conn.connection, protocol.encode_ack(frame.cid, *known))
            return
        item.last_seq += 1
        line = Line(item.record.id, item.last_seq, "visitor", None, frame.text, hub.clock(),
                    frame.cid)
        stored = hub.storage.append_question_line(line)
        stored.add_done_callback(lambda done: self._reply_stored(conn, item, line, done))

    def _reply_stored(self, conn: VisitorConn, item: OpenQuestion, line: Line,
                      done: asyncio.Future[None]) -> None:
        hub = self.hub
        error = done.exception()
        if error is not None:
            hub.error(conn.connection, "storage", f"Your message could not be saved ({error}). "
                                                  "Please send it again.", line.cid)
            return
        item.remember(line.cid, line.seq, line.ts)
        hub.counters.count("question_replies")
        hub.outbox.send(conn.connection, protocol.encode_ack(line.cid or "", line.seq, line.ts))
        item.unread += 1
        item.last_visitor_at = line.ts
        if not item.record.urgent:
            urgent, reasons = self._triage([line.text], item.record.lang, item.record.role)
            if urgent:
                item.record.urgent, item.record.reasons = True, reasons
                asyncio.ensure_future(hub.store_quietly(hub.storage.update_question(
                    item.record.id, urgent=True, reasons=reasons)))
        self._line_to_staff(item, line, None)
        self._announce(item)

    # -- staff ---------------------------------------------------------------------------------

    def _may_see(self, conn: StaffConn, record: QuestionRecord) -> bool:
        return conn.account.supervisor or record.staff in (None, conn.account.username)

    def entry(self, item: OpenQuestion) -> protocol.InboxEntry:
        r = item.record
        return protocol.InboxEntry(
            id=r.id, urgent=r.urgent, reasons=list(r.reasons), lang=r.lang, role=r.role,
            state=r.state, staff=r.staff, staff_name=self.hub.display(r.staff),
            asked_at=r.asked_at, last_visitor_at=item.last_visitor_at, unread=item.unread,
            answered=r.first_answer_at is not None, read=r.answer_read, preview=item.preview)

    def _staff_conns(self) -> list[StaffConn]:
        return [conn for conns in self.hub.staff.values() for conn in conns]

    def welcome(self, conn: StaffConn) -> None:
        """A staff connection's inbox snapshot, sent at login."""
        if not self.config.enabled:
            return
        entries = sorted((self.entry(item) for item in self.open.values()
                          if self._may_see(conn, item.record)), key=inbox_order)
        self.hub.send(conn.connection, protocol.Inbox(entries))

    def _announce(self, item: OpenQuestion) -> None:
        """Tell every staff connection that may see the question how it stands now."""
        text = protocol.encode(protocol.QuestionEntry(self.entry(item)))
        for conn in self._staff_conns():
            if self._may_see(conn, item.record):
                self.hub.outbox.send(conn.connection, text)

    def _gone(self, item: OpenQuestion, reason: str, *, keep: str | None = None) -> None:
        """Tell staff the question left the inbox (all but supervisors and ``keep``, when
        a colleague took it)."""
        text = protocol.encode(protocol.QuestionGone(item.record.id, reason))
        for conn in self._staff_conns():
            if reason == "taken" and (conn.account.supervisor
                                      or conn.account.username == keep):
                continue
            self.hub.outbox.send(conn.connection, text)

    def _line_to_staff(self, item: OpenQuestion, line: Line, sender: StaffConn | None) -> None:
        frame = protocol.QuestionLine(line.conversation, line.seq, line.kind,
                                      self.hub.display(line.author), line.text, line.ts,
                                      line.cid)
        text = protocol.encode(frame)
        targets = set(self.hub.staff.get(item.record.staff or "", ()))
        targets |= {conn for conn in item.readers if self.hub.outbox.is_open(conn.connection)}
        for conn in targets:
            if conn is not sender:
                self.hub.outbox.send(conn.connection, text)

    def staff_frame(self, conn: StaffConn, frame: protocol.Frame) -> Awaitable[None] | None:
        if not self.config.enabled:
            self.hub.error(conn.connection, "questions_off", "Questions are switched off.",
                           getattr(frame, "cid", None))
            return None
        if isinstance(frame, protocol.QuestionAnswer):
            self._answer(conn, frame)  # acknowledged once committed
            return None
        handler = self._open_frame if isinstance(frame, protocol.QuestionOpen) else self._close
        return self.hub.staff_action(handler, conn, frame)

    @staticmethod
    async def _open_frame(hub: Hub, conn: StaffConn, frame: protocol.QuestionOpen) -> None:
        await hub.questions._open_question_for(conn, frame.question)

    async def _open_question_for(self, conn: StaffConn, question: int) -> None:
        hub, username = self.hub, conn.account.username
        item = self.open.get(question)
        record = item.record if item else await hub.storage.question(question)
        if record is None or record.purged or not self._may_see(conn, record):
            hub.error(conn.connection, "forbidden", "That question is not yours.")
            return
        readonly = record.staff not in (None, username) or record.state != "open"
        if item is not None and record.staff is None:
            record.staff = username  # taking it: atomic up to the first await
            await hub.storage.update_question(record.id, staff=username)
            await hub.storage.audit(username, "question_take", None, f"question={record.id}")
            hub.counters.count("questions_taken")
            self._gone(item, "taken", keep=username)
        elif record.staff != username:
            await hub.storage.audit(username, "question_view", None, f"question={record.id}")
            if item is not None:
                item.readers.add(conn)
        if item is not None and not readonly:
            record.staff_seen_seq, item.unread = item.last_seq, 0
            await hub.store_quietly(hub.storage.update_question(
                record.id, staff_seen_seq=item.last_seq))
            self._announce(item)
        lines = await hub.storage.question_lines(record.id)
        entry = self.entry(item) if item is not None else {
            "id": record.id, "urgent": record.urgent, "reasons": record.reasons,
            "lang": record.lang, "role": record.role, "state": record.state,
            "staff": record.staff, "staff_name": hub.display(record.staff),
            "asked_at": record.asked_at, "last_visitor_at": record.asked_at, "unread": 0,
            "answered": record.first_answer_at is not None, "read": record.answer_read,
            "preview": ""}
        hub.send(conn.connection, protocol.QuestionThread(entry, [
            {"seq": line.seq, "kind": line.kind, "author": hub.display(line.author),
             "text": line.text, "ts": line.ts, "cid": line.cid} for line in lines], readonly))

    def _answer(self, conn: StaffConn, frame: protocol.QuestionAnswer) -> None:
        hub, username = self.hub, conn.account.username
        item = self.open.get(frame.question)
        if item is None or item.record.staff != username:
            hub.error(conn.connection, "forbidden", "Open the question to take it before you "
                                                    "answer.", frame.cid)
            return
        known = item.cids.get(frame.cid)
        if known is not None:
            hub.send(conn.connection, protocol.QuestionAck(frame.cid, item.record.id, *known))
            return
        item.last_seq += 1
        kind = "note" if frame.note else "staff"
        line = Line(item.record.id, item.last_seq, kind, username, frame.text, hub.clock(),
                    frame.cid)
        # The line and the question's new state go into one commit: once the answer is
        # acknowledged, a visitor reading it is sure to find it marked as answered.
        changes: dict[str, object] = {"staff_seen_seq": line.seq}
        if kind == "staff":
            changes["last_answer_at"] = line.ts
            if item.record.first_answer_at is None:
                changes["first_answer_at"] = line.ts
        hub.storage.append_question_line(line)
        stored = hub.storage.update_question_now(item.record.id, **changes)
        stored.add_done_callback(lambda done: self._answer_stored(conn, item, line, done))

    def _answer_stored(self, conn: StaffConn, item: OpenQuestion, line: Line,
                       done: asyncio.Future[None]) -> None:
        hub = self.hub
        error = done.exception()
        if error is not None:
            hub.error(conn.connection, "storage",
                      f"The answer could not be saved ({error}). Please send it again.", line.cid)
            return
        item.remember(line.cid, line.seq, line.ts)
        hub.send(conn.connection, protocol.QuestionAck(line.cid or "", item.record.id, line.seq,
                                                       line.ts))
        self._line_to_staff(item, line, conn)
        record = item.record
        record.staff_seen_seq, item.unread = line.seq, 0
        if line.kind == "staff":
            hub.counters.count("question_answers")
            record.last_answer_at = line.ts
            if record.first_answer_at is None:
                record.first_answer_at = line.ts
        self._announce(item)

    @staticmethod
    async def _close(hub: Hub, conn: StaffConn, frame: protocol.QuestionClose) -> None:
        desk = hub.questions
        item = desk.open.get(frame.question)
        username = conn.account.username
        if item is None or item.record.staff != username:
            hub.error(conn.connection, "forbidden", "That question is not yours to close.")
            return
        record = item.record
        del desk.open[record.id]
        record.state, record.closed_at = "closed", hub.clock()
        record.outcome_role = frame.role
        record.tags, record.referrals = sorted(set(frame.tags)), sorted(set(frame.referrals))
        with contextlib.suppress(StorageError):
            await hub.storage.flush()  # answers still in the journal are counted first
        await hub.storage.update_question(
            record.id, state="closed", closed_at=record.closed_at, outcome_role=frame.role,
            tags=record.tags, referrals=record.referrals)
        await hub.storage.audit(username, "question_close", None, f"question={record.id}")
        hub.counters.count("questions_closed")
        desk._gone(item, "closed")

    # -- retention -------------------------------------------------------------------------------

    async def purge(self) -> int:
        """Delete the text of questions past ``retention_days`` (closed, or answered and left
        unread); their statistics rows stay."""
        hub = self.hub
        now = hub.clock()
        ids = await hub.storage.purge_questions(now - self.config.retention_days * 86400, now)
        for question in ids:
            item = self.open.pop(question, None)
            if item is not None:
                self._gone(item, "purged")
        if ids:
            await hub.storage.audit("system", "purge", None, f"questions={len(ids)}")
            log.info("question purge", extra={"event": "purge", "conversations": len(ids)})
        return len(ids)
