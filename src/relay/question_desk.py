"""The relay's side of questions outside opening hours: frames in, storage, frames out.

``QuestionDesk`` belongs to a ``Hub`` (relay/hub.py) and sits on its seams: it writes to the
hub's ``Outbox``, awaits its ``Storage`` and reads its staff connections and triage hook; the
rules it applies (codes, guessing limits, order) are in ``relay.questions``. A question, an
answer and a reply are acknowledged only after they are committed, as chat lines are. Staff
see the questions they took and the unassigned ones; supervisors see all, and reading one that
is not theirs is written to the audit log.

On PostgreSQL several relays may share the database (relay/cluster.py); each keeps the whole
inbox in memory, and the database decides between them. Every write about a question wakes the
other relays (``q <relay> <org> <question>``: numbers only), which read the question from the
table (``refresh``) and tell their staff; after a LISTEN drop ``catch_up`` reads every open
question. A take and a close are conditional UPDATEs (``Storage.take_question``,
``close_question``): of two staff members on two relays, one wins and the other is told
``question_taken`` or ``question_closed``. Replies and answers are numbered by the database, so
two written at once on two relays both get a number (``Renumbered``), and a line to a question
closed or taken meanwhile is refused (``QuestionRefused``).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING

from relay import auth, protocol
from relay.limits import Budget
from relay.questions import BUSY_WAIT_S, GuessThrottle, code_hash, inbox_order, new_code
from relay.storage import Line, Renumbered, StorageError
from relay.storage.questions import QuestionRecord, QuestionRefused

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
    asks: Budget | None = None  # the questions it may still ask this minute


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
    known: set[int] = field(default_factory=set)  # line numbers staff here were told of
    pending: set[tuple[str, str | None]] = field(default_factory=set)  # (kind, cid) unstored

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
        self.asks = Budget(self.config.asks_per_minute)  # new questions, relay-wide
        # Another relay's change is applied, and a take or close decided, one at a time.
        self._lock = asyncio.Lock()
        self._asking: set[int] = set()  # questions being stored by this relay's _ask

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
        item.known = {line.seq for line in lines}
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
                refused = "full"
            elif not self._ask_allowed(conn):
                refused = "rate"
            else:
                refused = None
            if refused is not None:
                hub.counters.count(f"questions_refused_{refused}")
                hub.error(to, "questions_full", "We cannot take more questions right now; "
                          "please try again later, or use the numbers for help now.",
                          frame.cid)
                return
        except StorageError as exc:
            hub.not_stored(to, exc, "Your question could not be saved. Please try again.",
                           frame.cid)
            return
        now = hub.clock()
        lang = frame.lang or conn.lang
        urgent, reasons = self._triage([frame.text], lang, frame.role or conn.role)
        code = new_code(lang)
        record = QuestionRecord(hub.ids.questions.take(), code_hash(code), key_hash, lang,
                                frame.role or conn.role, "open", now, urgent, reasons)
        first = Line(record.id, 1, "visitor", None, frame.text, now, frame.cid)
        self._asking.add(record.id)  # its own wake-up may come first: not another relay's
        try:
            await hub.storage.create_question(record, first, max_open=self.config.max_open)
        except QuestionRefused:  # full: questions asked meanwhile through other relays
            hub.counters.count("questions_refused_full")
            hub.error(to, "questions_full", "We cannot take more questions right now; "
                      "please try again later, or use the numbers for help now.", frame.cid)
            return
        except StorageError as exc:
            hub.not_stored(to, exc, "Your question could not be saved. Please try again.",
                           frame.cid)
            return
        finally:
            self._asking.discard(record.id)
        item = self._open_question(record, [first])
        self.open[record.id] = item
        hub.counters.count("questions_asked")
        if urgent:
            hub.counters.count("questions_urgent")
        log.info("question asked", extra={"event": "question_asked", "question": record.id})
        self._send_asked(conn, frame.cid, code, urgent)
        self._announce(item)

    def _ask_allowed(self, conn: VisitorConn) -> bool:
        """Whether a new question may be taken: this connection asked fewer than
        ``asks_per_connection``, and the relay took fewer than ``asks_per_minute``, in the
        last minute. The inbox's own limit (``max_open``) is checked before."""
        state = conn.questions
        assert state is not None
        if state.asks is None:
            state.asks = Budget(self.config.asks_per_connection)
        return state.asks.take() and self.asks.take()

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
            hub.not_stored(conn.connection, exc, "The question could not be read. Please try "
                                                 "again.")
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
        item.pending.add((line.kind, line.cid))
        stored = hub.storage.append_question_line(line)
        stored.add_done_callback(lambda done: self._reply_stored(conn, item, line, done))

    def _reply_stored(self, conn: VisitorConn, item: OpenQuestion, line: Line,
                      done: asyncio.Future[None]) -> None:
        hub = self.hub
        line, error = self._stored(item, line, done)
        if isinstance(error, QuestionRefused):
            hub.error(conn.connection, "ended", "This question is closed.", line.cid)
            return
        if error is not None:
            hub.not_stored(conn.connection, error, "Your message could not be saved. Please "
                                                   "send it again.", line.cid)
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

    def _stored(self, item: OpenQuestion, line: Line, done: asyncio.Future[None]
                ) -> tuple[Line, BaseException | None]:
        """A reply or an answer's outcome: the line as stored (the database may have given it
        another number) and the error, if it was not stored."""
        item.pending.discard((line.kind, line.cid))
        error = done.exception()
        if isinstance(error, Renumbered):
            line, error = replace(line, seq=error.seq), None
        if error is None:
            item.known.add(line.seq)
            item.last_seq = max(item.last_seq, line.seq)
        elif isinstance(error, QuestionRefused):
            self.refresh_soon(item.record.id)
        return line, error

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
        taken = False
        if item is not None and record.staff is None:
            taken = await self._take(item, username)
            if not taken and not conn.account.supervisor:  # a supervisor reads it instead
                hub.error(conn.connection, "question_taken",
                          "A colleague took that question first.")
                return
        readonly = record.staff not in (None, username) or record.state != "open"
        if taken and item is not None:
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

    async def _take(self, item: OpenQuestion, username: str) -> bool:
        """Take an unassigned question; False if a colleague (on any relay) took it first,
        and then this relay's copy says who did."""
        record = item.record
        async with self._lock:  # no other relay's change is applied halfway through
            if record.staff is not None:
                return False
            record.staff = username  # atomic up to the first await
            taken = False
            try:
                taken = await self.hub.storage.take_question(record.id, username)
            finally:
                if not taken and record.staff == username:
                    record.staff = None
            if not taken:
                await self._refresh_one(record.id)
        return taken

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
        item.pending.add((line.kind, line.cid))
        # The line and the question's new state go into one commit: once the answer is
        # acknowledged, a visitor reading it is sure to find it marked as answered.
        changes: dict[str, object] = {"staff_seen_seq": line.seq}
        if kind == "staff":
            changes["last_answer_at"] = line.ts
            if item.record.first_answer_at is None:
                changes["first_answer_at"] = line.ts
        stored = hub.storage.answer_question(line, **changes)
        stored.add_done_callback(lambda done: self._answer_stored(conn, item, line, done))

    def _answer_stored(self, conn: StaffConn, item: OpenQuestion, line: Line,
                       done: asyncio.Future[None]) -> None:
        hub = self.hub
        line, error = self._stored(item, line, done)
        if isinstance(error, QuestionRefused):
            if error.reason == "taken":
                hub.error(conn.connection, "question_taken", "A colleague holds that question "
                          "now; the answer was not sent.", line.cid)
            else:
                hub.error(conn.connection, "question_closed", "That question is closed; the "
                          "answer was not sent.", line.cid)
            return
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
        async with desk._lock:  # no other relay's change is applied halfway through
            if desk.open.get(record.id) is not item or record.staff != username:
                closed = False  # changed by another relay while this close waited
            else:
                closed = await desk._close_now(item, username, frame)
            if not closed:
                await desk._refresh_one(record.id)
        if not closed:
            if record.id in desk.open and desk.open[record.id].record.staff != username:
                hub.error(conn.connection, "question_taken",
                          "A colleague holds that question now.")
            else:
                hub.error(conn.connection, "question_closed", "That question is closed already.")
            return
        await hub.storage.audit(username, "question_close", None, f"question={record.id}")
        hub.counters.count("questions_closed")
        desk._gone(item, "closed")

    async def _close_now(self, item: OpenQuestion, username: str,
                         frame: protocol.QuestionClose) -> bool:
        """Store the close; False (and the question as it was) if it was closed already."""
        hub, record = self.hub, item.record
        before = replace(record)
        del self.open[record.id]
        record.state, record.closed_at = "closed", hub.clock()
        record.outcome_role = frame.role
        record.tags, record.referrals = sorted(set(frame.tags)), sorted(set(frame.referrals))
        closed = False
        try:
            with contextlib.suppress(StorageError):
                await hub.storage.flush()  # answers still in the journal are counted first
            closed = await hub.storage.close_question(
                record.id, username, closed_at=record.closed_at, outcome_role=frame.role,
                tags=record.tags, referrals=record.referrals)
        finally:
            if not closed:
                _copy_record(record, before)
                self.open[record.id] = item
        return closed

    # -- other relays (relay/cluster.py) ---------------------------------------------------------

    async def refresh(self, questions: Iterable[int]) -> None:
        """Bring these questions in step with the table: another relay (or this one) asked,
        answered, took, read, closed or purged them. Staff here are told what changed."""
        async with self._lock:
            for question in sorted(set(questions)):
                await self._refresh_one(question)

    def refresh_soon(self, question: int) -> None:
        """``refresh`` without waiting for it (a failed read is caught up later)."""
        task = asyncio.ensure_future(self.refresh([question]))
        task.add_done_callback(lambda done: done.cancelled() or done.exception())

    async def catch_up(self) -> None:
        """Every open question from the table, and those this relay holds that are not open
        any more (after the LISTEN connection came back: wake-ups may have been missed)."""
        stored = {record.id for record, _ in await self.hub.storage.open_questions()}
        await self.refresh(stored | set(self.open))

    async def _refresh_one(self, question: int) -> None:
        hub = self.hub
        if question in self._asking:
            return  # this relay's _ask adds it once stored
        record = await hub.storage.question(question)
        item = self.open.get(question)
        if record is None or record.state != "open" or record.purged:
            if item is not None:
                del self.open[question]
                if record is not None:
                    _copy_record(item.record, record)
                self._gone(item, "purged" if record is None or record.purged else "closed")
            return
        lines = await hub.storage.question_lines(question)
        if item is None:
            item = self._open_question(record, lines)
            self.open[question] = item
            if record.asked_at > hub.clock() - 60:
                self.asks.take()  # asks_per_minute counts the questions of every relay
            self._announce(item)
            return
        before = self.entry(item)
        holder = item.record.staff
        _copy_record(item.record, record)
        new = [line for line in lines
               if line.seq not in item.known and (line.kind, line.cid) not in item.pending]
        for line in new:
            item.known.add(line.seq)
            item.remember(line.cid, line.seq, line.ts)
        item.last_seq = max([item.last_seq, *(line.seq for line in lines)])
        visitor = [line for line in lines if line.kind == "visitor"]
        item.unread = sum(1 for line in visitor if line.seq > record.staff_seen_seq)
        if visitor:
            item.last_visitor_at = visitor[-1].ts
            item.preview = item.preview or visitor[0].text[:PREVIEW_CHARS]
        if record.staff is not None and record.staff != holder:
            self._gone(item, "taken", keep=record.staff)
        for line in new:
            self._line_to_staff(item, line, None)
        if self.entry(item) != before:
            self._announce(item)

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


def _copy_record(target: QuestionRecord, source: QuestionRecord) -> None:
    """Every field of ``source`` into ``target`` (the inbox's record object stays the same)."""
    for column in fields(QuestionRecord):
        setattr(target, column.name, getattr(source, column.name))
