"""The relay's chat rules, without I/O: the hub every frame goes through.

``Hub`` holds the live state (conversations in progress, the waiting queue, who is connected
and who follows which chat) and applies the rules: starting and resuming chats, queue
positions, claim, transfer, requeue, close and block, who may see and write what (whisper,
view), resend de-duplication, the opening status and the triage hook. It takes decoded frames
from connections it knows by a ``ConnectionId`` and writes encoded frames to an ``Outbox``;
it awaits a ``Storage``. It never touches a socket: relay/sessions.py reads and decodes
frames, relay/delivery.py writes them to websockets, and tests drive the hub with an
in-memory storage and a list outbox (tests/relay/hub/).

Two seams, both ``typing.Protocol``s checked by mypy: ``Storage`` (relay/storage) and
``Outbox`` (below). SQLite and in-process websocket delivery are the embedded defaults; a
deployment of several relays replaces both (a shared database; delivery to connections held
by another relay) without the hub changing.

A line is acknowledged to its sender, and delivered to anyone else, only after storage has
committed it (``_journal`` and the ``*_stored`` callbacks).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import re
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any, Literal, NewType, Protocol

from relay import auth, protocol
from relay.config import RelayConfig
from relay.counters import Counters
from relay.limits import Budget, RateLimiter
from relay.organisations import RelayIds
from relay.protocol import PROTOCOL_VERSION, VISIBLE_TO_VISITOR, Frame
from relay.question_desk import QuestionDesk, VisitorQuestions
from relay.queue import QueueEntry, WaitingQueue, estimate_wait
from relay.storage import (
    ConversationRecord,
    Line,
    PurgeResult,
    Renumbered,
    RoomLine,
    StaffAccount,
    Storage,
    StorageError,
)
from relay.terminal_text import visible
from vocabulary import WORDS

log = logging.getLogger("lotsen.relay")

ConnectionId = NewType("ConnectionId", int)
"""A connection the hub can write to; numbered by whoever accepts connections."""

Triage = Callable[[list[str], str | None, str | None], tuple[bool, list[str]]]
"""The queue's urgency hook: (a waiting visitor's lines, lang, role) -> (urgent, reasons)."""


class Outbox(Protocol):
    """Where the hub's frames go. Every method returns at once: the hub never waits for a
    connection (a slow one is the outbox's problem, not the other conversations')."""

    def send(self, to: ConnectionId, frame: str) -> None:
        """Queue one encoded frame for a connection, after those queued before it; a frame
        for a connection that is gone (or closing) is dropped."""
        ...

    def send_many(self, to: Iterable[ConnectionId], frame: str) -> None:
        """The same encoded frame to many connections (encoded once by the caller)."""
        ...

    def close(self, to: ConnectionId, code: int, reason: str) -> Awaitable[None]:
        """Close a connection with a websocket close code and reason, after the frames
        queued for it. Returns at once; await the result to wait until it is closed."""
        ...

    def is_open(self, to: ConnectionId) -> bool:
        """Whether frames sent to this connection can still arrive."""
        ...


class Peers(Protocol):
    """The other relays on the same database (relay/cluster.py); None on a relay alone."""

    def staff(self) -> dict[str, tuple[str, bool]]:
        """Staff logged in on another relay only: username -> (display name, supervisor)."""
        ...

    def presence_changed(self) -> None:
        """This relay's staff changed (a first connection, or a last one closed)."""
        ...

    def refresh(self, conversation: int) -> Awaitable[None]:
        """Bring a conversation's live state and lines in step with the database (after a
        lost race, before a resume)."""
        ...

    def visitor_here(self, conversation: int) -> None:
        """A chat's visitor connected to this relay (the others stop counting it gone)."""
        ...


ALIAS_WORD = dict(zip(protocol.LANGUAGES, WORDS["alias.visitor"], strict=True))
# cids remembered per live conversation to recognise resends. A client resends only the few
# lines still unacknowledged, and a restart reloads this many from storage; at 200 the map was
# the largest part of a long chat's memory (~40 KB of ~2,000 live chats' RSS in bench/soak.py).
REMEMBERED_CIDS = 50
# A resume token a widget proposes with its first line: base64url, at least 128 bits.
VISITOR_TOKEN = re.compile(r"[A-Za-z0-9_-]{22,86}")
# Fewest distinct characters a random token has: the widget's 22 characters (16 random bytes)
# have fewer than 8 with a chance of 3.5e-13, the relay's 43 far less; "QQQ…" has one.
TOKEN_MIN_DISTINCT = 8


def could_be_a_token(token: str) -> bool:
    """Whether ``token`` can be a resume token the widget or the relay made: base64url of the
    right length with as many distinct characters as random bits give. One that cannot is
    unknown without asking the database."""
    return VISITOR_TOKEN.fullmatch(token) is not None and len(set(token)) >= TOKEN_MIN_DISTINCT

# What a visitor is told when the database refused their first line (never its own words).
VISITOR_NOT_SAVED = "Your message could not be saved. Please try again."
# A referral directory id in a close (relay/referrals/directory.py ids: se-1177, local.x).
REFERRAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
# How many of a waiting visitor's latest lines triage reads.
TRIAGE_LINES = 50
# A console that reconnects is told again which of its chats ended this recently: the first
# "ended" (or even the claim) may have gone to a connection that was already dead.
RECENT_ENDS_S = 600.0
# Staff are told the queue's length (queue_total) at most this often: it changes with nearly
# every chat that starts or is claimed, and every staff connection gets it.
QUEUE_TOTAL_INTERVAL_S = 1.0
# Staff logging in or out within this window share one presence update. Presence lists every
# staff member and goes to every staff connection, so one update per login is quadratic.
PRESENCE_DELAY_S = 0.5
# Widget openings while closed are added up in memory and written this often, in one write.
CLOSED_VISITS_FLUSH_S = 1.0
# Audit actions of a staff member's triage verdict (urgent, not urgent); the last one names
# who marked a chat, also after a restart.
MARK_ACTIONS = ("mark_urgent", "mark_not_urgent")


@dataclass(eq=False, slots=True)
class VisitorConn:
    """A visitor's connection, from its hello until it closes."""

    connection: ConnectionId
    lang: str | None = None
    role: str | None = None
    live: Live | None = None
    last_status: tuple[Any, ...] | None = None
    last_position: tuple[int, int | None, bool] | None = None
    limiter: RateLimiter | None = None
    chat_starts: list[float] | None = None
    """When this connection started its recent chats (monotonic), for chats_per_connection;
    made on the first chat, so an idle connection carries no list."""
    questions: VisitorQuestions | None = None
    """Its question state (relay/question_desk.py), once it asks or reads one."""


@dataclass(eq=False, slots=True)
class StaffConn:
    """A logged-in staff connection (a staff member may have several)."""

    connection: ConnectionId
    account: StaffAccount
    token_hash: str
    viewing: set[int] = field(default_factory=set)
    guest: bool = False
    """A covering organisation's staff member (relay/cover_relay.py): their own
    organisation's hub checks their session; here they see the queue and their chats only."""


@dataclass(eq=False, slots=True)
class Live:
    """A conversation that is not closed (or was closed while its visitor is still here)."""

    record: ConversationRecord
    last_seq: int
    arrival: int
    visitor: VisitorConn | None = None
    viewers: set[StaffConn] = field(default_factory=set)
    cids: OrderedDict[str, tuple[int, float]] = field(default_factory=OrderedDict)
    pending: dict[str, list[ConnectionId]] = field(default_factory=dict)
    """Client ids of lines in the journal, with the connections waiting for their ack."""
    visitor_texts: list[str] = field(default_factory=list)
    """The visitor's recent lines while the chat waits in the queue (what triage reads)."""
    reasons: list[str] = field(default_factory=list)
    preview: str = ""
    gone_since: float | None = None
    """While waiting: when its visitor's last connection closed (None while connected)."""
    marked_by: str | None = None
    """Username of the staff member whose urgent / not urgent verdict overrides triage."""
    elsewhere: bool = False
    """Its visitor is connected to another relay on the database (relay/cluster.py)."""

    @property
    def id(self) -> int:
        return self.record.id

    def remember(self, cid: str | None, seq: int, ts: float) -> None:
        if cid is None:
            return
        self.cids[cid] = (seq, ts)
        if len(self.cids) > REMEMBERED_CIDS:
            self.cids.popitem(last=False)


class Hub:
    """One relay's live conversations and the rules that move frames between them."""

    def __init__(
        self,
        config: RelayConfig,
        storage: Storage,
        outbox: Outbox,
        *,
        triage: Triage | None = None,
        clock: Callable[[], float] = time.time,
        counters: Counters | None = None,
        ids: RelayIds | None = None,
    ) -> None:
        self.config = config
        # Conversation and question ids, shared by the organisations of one relay (SharedRelay).
        self.ids = ids or RelayIds()
        self.storage = storage
        self.outbox = outbox
        self.triage = triage
        self.clock = clock
        self.counters = counters if counters is not None else Counters()
        self.queue = WaitingQueue()
        self.live: dict[int, Live] = {}
        self.by_token: dict[str, Live] = {}
        self.visitors: set[VisitorConn] = set()
        self.staff: dict[str, set[StaffConn]] = {}
        self.names: dict[str, str] = {}
        self.stopping = False
        """Set when the relay shuts down: nobody is released or told of presence any more."""
        self._next_room_seq = 1
        self._offline_timers: dict[str, asyncio.TimerHandle] = {}
        self._presence_timer: asyncio.TimerHandle | None = None
        self._last_staff_seen = clock()
        self._handle_times: list[float] = []
        self._positions_dirty = False
        self._closed_visit_budget = Budget(config.closed_visits_per_minute)
        self._closed_visits: dict[str, int] = {}  # local hour -> openings not yet written
        self._closed_visits_timer: asyncio.TimerHandle | None = None
        self._background: set[asyncio.Future[None]] = set()  # small writes started by timers
        # Tokens of first lines whose conversation is being created (see _visitor_message).
        self._starting: dict[str, asyncio.Future[None]] = {}
        # username -> (closed_at, conversation, by, reason) of chats they held that ended.
        self._recent_ends: dict[str, deque[tuple[float, int, str, str | None]]] = {}
        # Queue flooding limits and bookkeeping (docs/security.md, "Queue flooding").
        self._aliases: set[str] = set()  # aliases of live chats, kept unique
        self._chat_starts: deque[float] = deque()  # relay-wide, monotonic, last minute
        self._gone: dict[int, Live] = {}  # waiting chats whose visitor is not connected
        self._positions_from = 0  # queue index from which visitors' positions may be stale
        self._total_sent = 0  # the queue length staff were last told
        self._total_at = 0.0  # when (monotonic), see _queue_total_changed
        self._total_timer: asyncio.TimerHandle | None = None
        self._unsaved_closes: dict[int, dict[str, object]] = {}  # see _store_unsaved_closes
        self._requeuing: set[int] = set()  # chats whose write back to the queue runs (_requeue)
        self.questions = QuestionDesk(self)  # questions outside opening hours
        self.peers: Peers | None = None  # other relays on the same database (relay/cluster.py)
        # Covering staff (relay/cover_relay.py): username -> their organisation's name, for
        # the visitor's "a counsellor from B answers on behalf of A".
        self.cover_names: dict[str, str] = {}

    # -- start, periodic work, stop ---------------------------------------------------------

    async def load(self) -> None:
        """Rebuild live state from storage after a start or a restart."""
        max_conversation, max_room = await self.storage.max_ids()
        self.ids.conversations.at_least(max_conversation + 1)
        self._next_room_seq = max_room + 1
        for account in await self.storage.list_staff():
            self.names[account.username] = account.display_name
        self._handle_times = await self.storage.recent_handle_times(50)
        await self.questions.load()
        for record, last_seq in await self.storage.live_conversations():
            live = Live(record, last_seq, self.arrival(record))
            if record.triage_override is not None:  # who marked it is in the audit log
                live.marked_by = await self.storage.last_actor(record.id, MARK_ACTIONS)
            recent = await self.storage.recent_cids(record.id, REMEMBERED_CIDS)
            for cid, seq, ts in reversed(recent):
                live.remember(cid, seq, ts)
            visitor_lines = await self.storage.lines_after(record.id, 0, frozenset({"visitor"}))
            if record.state == "queued":
                live.visitor_texts = [line.text for line in visitor_lines[-TRIAGE_LINES:]]
            live.preview = visitor_lines[0].text[:200] if visitor_lines else ""
            self.live[record.id] = live
            self._aliases.add(record.alias)
            if record.token_hash:
                self.by_token[record.token_hash] = live
            if record.state == "queued":  # its visitor reconnects, or leaves after the grace
                live.gone_since = self.clock()
                self._gone[record.id] = live
                self.queue.add(self._entry(live))
        self._total_sent = len(self.queue)
        if self.live:
            log.info("resumed live conversations",
                     extra={"event": "loaded", "conversations": len(self.live)})

    async def tick(self) -> None:
        """The periodic pass (every few seconds): opening state, queue estimates, visitors
        gone past the grace period, closes not stored yet, the queue after hours."""
        self.broadcast_status()
        self._positions_dirty, self._positions_from = True, 0
        self._send_positions()
        await self._drop_gone_visitors()
        await self._store_unsaved_closes()
        await self.close_queue_after_hours()

    def stop_timers(self) -> None:
        """Cancel what is scheduled (offline grace periods, coalesced updates) at shutdown."""
        self.stopping = True
        for timer in self._offline_timers.values():
            timer.cancel()
        for pending in (self._presence_timer, self._total_timer, self._closed_visits_timer):
            if pending is not None:
                pending.cancel()

    # -- sending ---------------------------------------------------------------------------------

    def send(self, to: ConnectionId, frame: Frame) -> None:
        self.outbox.send(to, protocol.encode(frame))

    def _send_staff(self, username: str | None, frame: Frame) -> None:
        if username is None:
            return
        conns = self.staff.get(username)
        if conns:
            text = protocol.encode(frame)
            for conn in conns:
                self.outbox.send(conn.connection, text)

    def send_all_staff(self, frame: Frame, *, supervisors_only: bool = False) -> None:
        # Queue changes go to every staff connection: with many staff online this is the
        # relay's widest fan-out, so the frame is encoded once and written in one broadcast.
        sockets = [conn.connection for conns in self.staff.values() for conn in conns
                   if not supervisors_only or conn.account.supervisor]
        if sockets:
            self.outbox.send_many(sockets, protocol.encode(frame))

    def _to_watchers(self, live: Live, frame: Frame) -> None:
        """Send to the conversation's staff member and to supervisors following it."""
        self._text_to_watchers(live, protocol.encode(frame))

    def _text_to_watchers(self, live: Live, text: str) -> None:
        holders = self.staff.get(live.record.staff or "", ())
        for conn in holders:
            self.outbox.send(conn.connection, text)
        for conn in live.viewers:
            if conn not in holders:
                self.outbox.send(conn.connection, text)

    def error(self, to: ConnectionId, code: str, message: str, cid: str | None = None) -> None:
        self.counters.count(f"error_{code}")
        self.send(to, protocol.Error(code, message, cid))

    def not_stored(self, to: ConnectionId, exc: BaseException, message: str,
                   cid: str | None = None) -> None:
        """A visitor's write the database refused: ``storage`` with ``message`` (a fixed
        sentence, never the database's words, which name tables and constraints); the
        reason goes to the log."""
        log.warning("write refused", extra={"event": "write_refused", "error": str(exc)})
        self.error(to, "storage", message, cid)

    def now_local(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), tz=self.config.hours.timezone)

    def display(self, username: str | None) -> str | None:
        return None if username is None else self.names.get(username, username)

    def _visitor_line(self, line: Line) -> protocol.VisitorLine:
        kind: Literal["visitor", "staff"] = "visitor" if line.kind == "visitor" else "staff"
        author = None if kind == "visitor" else self.display(line.author)
        return protocol.VisitorLine(line.seq, kind, author, line.text, line.ts,
                                    line.cid if kind == "visitor" else None)

    def _staff_line(self, line: Line) -> protocol.StaffLine:
        return protocol.StaffLine(line.conversation, line.seq, line.kind,
                                  self.display(line.author), line.text, line.ts, line.cid)

    @staticmethod
    def _line_dict(frame: protocol.StaffLine) -> protocol.TranscriptLine:
        return protocol.transcript_line(frame)

    def arrival(self, record: ConversationRecord) -> int:
        """A stored chat's arrival number: the database's, or (where the relay numbers its
        queue itself) a fresh one, after every chat known, as when it was loaded."""
        return record.arrival if record.arrival is not None else self.queue.next_arrival()

    def _entry(self, live: Live) -> QueueEntry:
        r = live.record
        return QueueEntry(r.id, r.alias, r.created_at, live.arrival, r.lang, r.role,
                          live.preview, r.urgent, list(live.reasons), live.gone_since,
                          self._marker(live))

    # -- opening state ---------------------------------------------------------------------------

    def status(self) -> protocol.Status:
        """Whether a visitor can start a chat now, and what to show them if not."""
        hours = self.config.hours.state(self.now_local())
        emergency = [e.copy() for e in self.config.emergency]
        closes = hours.closes_at.isoformat() if hours.closes_at else None
        keep = self.config.retention_days  # the widget's privacy line says how long text is kept
        tz = self.config.hours.timezone.key  # the widget shows times in the service's clock
        asks = self.questions.offer()
        if not hours.open:
            next_open = hours.next_open.isoformat() if hours.next_open else None
            return protocol.Status(False, hours.reason, next_open, closes, emergency, keep, tz,
                                   asks)
        if self.staff_online() == 0:
            upcoming = self.config.hours.next_open(self.now_local())
            next_open = upcoming.isoformat() if upcoming else None
            return protocol.Status(False, "no_staff", next_open, closes, emergency, keep, tz,
                                   asks)
        return protocol.Status(True, None, None, closes, emergency, keep, tz, asks)

    def broadcast_status(self) -> None:
        status = self.status()
        key = (status.open, status.reason, status.next_open, status.questions)
        text = protocol.encode(status)
        newcomer = self._status_for_new_chat(status)
        new_key = (newcomer.open, newcomer.reason, newcomer.next_open, newcomer.questions)
        new_text = protocol.encode(newcomer) if newcomer is not status else text
        for conn in self.visitors:
            if conn.live is None:
                if conn.last_status != new_key:
                    conn.last_status = new_key
                    self.outbox.send(conn.connection, new_text)
            elif conn.last_status != key and conn.live.record.state == "queued":
                conn.last_status = key
                self.outbox.send(conn.connection, text)

    def _status_for_new_chat(self, status: protocol.Status) -> protocol.Status:
        """``status`` as a visitor without a chat sees it: closed (``queue_closed``) while
        the queue is full."""
        if status.open and len(self.queue) >= self.config.max_waiting:
            return replace(status, open=False, reason="queue_closed")
        return status

    async def close_queue_after_hours(self) -> None:
        """Outside opening hours with nobody logged in for a while, nobody will answer the
        visitors still waiting: end their chats honestly rather than leave them in a queue
        (they see when the chat opens next and where to get help now)."""
        if self.staff_online() or not len(self.queue):
            self._last_staff_seen = self.clock()
            return
        if self.config.hours.state(self.now_local()).open:
            return
        if self.clock() - self._last_staff_seen < self.config.staff_grace_s:
            return
        for entry in self.queue.ordered():
            live = self.live.get(entry.conversation)
            if live is not None:
                if live.visitor is not None:
                    self.send(live.visitor.connection, self.status())
                await self._close(live, by="system", reason="closed")

    async def purge(self) -> PurgeResult:
        """The retention purge: conversation text past ``retention_days``, audit entries
        past ``audit_retention_days`` (statistics rows stay)."""
        cutoff = self.clock() - self.config.retention_days * 86400
        result = await self.storage.purge(cutoff)
        if result.conversations or result.room_messages:
            await self.storage.audit("system", "purge", None,
                                     f"conversations={result.conversations}")
            log.info("retention purge", extra={"event": "purge",
                                               "conversations": result.conversations})
        audit_entries = await self.storage.purge_audit(
            self.clock() - self.config.audit_retention_days * 86400)
        if audit_entries:
            log.info("audit retention purge", extra={"event": "purge_audit",
                                                     "count": audit_entries})
        return result

    # -- queue positions --------------------------------------------------------------------------

    def mean_handle_s(self) -> float:
        if not self._handle_times:
            return self.config.default_handle_minutes * 60
        recent = self._handle_times[:50]
        return sum(recent) / len(recent)

    def _queue_changed(self, start: int = 0) -> None:
        """Coalesce position updates: many queue changes in one tick send one update each.

        ``start``: the first queue index whose place changed (entries before it kept theirs),
        so a chat joining the end of a long queue costs no walk over everyone before it.
        """
        self._positions_from = min(self._positions_from, start)
        if not self._positions_dirty:
            self._positions_dirty = True
            asyncio.get_running_loop().call_soon(self._send_positions)

    def _send_positions(self) -> None:
        if not self._positions_dirty:
            return
        self._positions_dirty = False
        start, self._positions_from = self._positions_from, len(self.queue)
        self._queue_total_changed()
        online, handle = self.staff_online(), self.mean_handle_s()
        for index, entry in enumerate(self.queue.entries_from(start), start):
            live = self.live.get(entry.conversation)
            conn = live.visitor if live else None
            if conn is None:
                continue
            self._send_position(conn, live, index, online, handle)  # type: ignore[arg-type]

    def _queue_total_changed(self) -> None:
        """Tell staff the queue's length if it changed: at once, or at most once a second
        (each frame goes to every staff connection; a count a second late is fine)."""
        if len(self.queue) == self._total_sent or self._total_timer is not None:
            return
        wait = self._total_at + QUEUE_TOTAL_INTERVAL_S - time.monotonic()
        if wait > 0:
            self._total_timer = asyncio.get_running_loop().call_later(wait, self._send_total)
        else:
            self._send_total()

    def _send_total(self) -> None:
        self._total_timer = None
        self._total_at = time.monotonic()
        if len(self.queue) != self._total_sent and not self.stopping:
            self._total_sent = len(self.queue)
            self.send_all_staff(protocol.QueueTotal(self._total_sent))

    def _send_position(self, conn: VisitorConn, live: Live, index: int, online: int,
                       handle: float) -> None:
        """A waiting visitor's place; ``help`` opens the help list for a chat flagged urgent
        (the visitor is not told it was flagged)."""
        position = (index + 1, estimate_wait(index + 1, online, handle), live.record.urgent)
        if conn.last_position != position:
            conn.last_position = position
            self.send(conn.connection, protocol.QueuePosition(*position))

    # -- connections (relay/sessions.py calls these) ------------------------------------------

    async def admit_visitor(self, to: ConnectionId, hello: protocol.Hello
                            ) -> tuple[int, str] | None:
        """Refuse a blocked chat's token, and new visitors beyond ``max_visitors`` ("busy"):
        the frames that say so are sent, and the close code and reason returned.

        A visitor resuming a live chat is always let in: those are bounded by the number of
        conversations, and a full relay must not cut off someone already talking.
        """
        digest = auth.token_hash(hello.resume) if hello.resume and \
            could_be_a_token(hello.resume) else None
        resuming_live = digest is not None and digest in self.by_token
        if digest is not None and not resuming_live and await self.storage.is_blocked(digest):
            self.counters.count("visitor_blocked_refused")
            self.send(to, protocol.VisitorEnded("staff", "blocked"))
            return protocol.CLOSE_BLOCKED, "This chat has been closed."
        if len(self.visitors) >= self.config.max_visitors and not resuming_live:
            self.counters.count("visitor_busy")
            status = self.status()
            self.send(to, protocol.Status(False, "busy", None, status.closes_at,
                                          status.emergency, tz=status.tz))
            return protocol.CLOSE_TRY_AGAIN, "busy"
        return None

    async def visitor_joined(self, conn: VisitorConn, hello: protocol.Hello) -> None:
        """An admitted visitor's hello: resume its chat if it names one, then tell it the
        status (and its place, while it waits)."""
        self.visitors.add(conn)
        if hello.resume:
            await self._resume_visitor(conn, hello)
        status = self.status()
        shown = self._status_for_new_chat(status) if conn.live is None else status
        conn.last_status = (shown.open, shown.reason, shown.next_open, shown.questions)
        if conn.live is None or conn.live.record.state == "queued":
            self.send(conn.connection, shown)
        if conn.live is None and not status.open and hello.purpose == "chat":
            self._closed_visit()
        if conn.live is not None and conn.live.id in self.queue:
            self._send_position(conn, conn.live, self.queue.index(conn.live.id),
                                self.staff_online(), self.mean_handle_s())

    def visitor_left(self, conn: VisitorConn) -> None:
        """A visitor's connection closed (its chat stays, for a resume)."""
        self.visitors.discard(conn)
        live = conn.live
        if live is not None and live.visitor is conn:
            live.visitor = None
            if live.record.state == "active":
                self._to_watchers(live, protocol.VisitorIsTyping(live.id, False))
            self._visitor_presence(live)

    def staff_joined(self, conn: StaffConn, session: protocol.Session | None) -> bool:
        """A staff connection logged in: it is told its session (a covering organisation's
        staff member has theirs already), and is one of the staff from now on. True if it is
        the staff member's first connection."""
        username = conn.account.username
        self.names[username] = conn.account.display_name
        if session is not None:
            self.send(conn.connection, session)
        first_conn = not self.staff.get(username)
        self.staff.setdefault(username, set()).add(conn)
        timer = self._offline_timers.pop(username, None)
        if timer is not None:
            timer.cancel()
        return first_conn

    async def welcome_staff(self, conn: StaffConn, *, first_conn: bool) -> None:
        """What a console needs after logging in: the queue, presence, its chats."""
        await self._welcome_staff(conn)
        if first_conn:
            self._presence_changed()

    def staff_left(self, conn: StaffConn) -> None:
        """A staff connection closed: after ``staff_grace_s`` without another one, the
        staff member's chats go back to the queue."""
        username = conn.account.username
        conns = self.staff.get(username, set())
        conns.discard(conn)
        for conversation in conn.viewing:
            live = self.live.get(conversation)
            if live is not None:
                live.viewers.discard(conn)
        if not conns:
            self.staff.pop(username, None)
            if not self.stopping:
                self._presence_changed()
                self._offline_timers[username] = asyncio.get_running_loop().call_later(
                    self.config.staff_grace_s, self._release_abandoned, username)

    def release_later(self, username: str) -> None:
        """Return a staff member who is not connected's chats to the queue after
        ``staff_grace_s`` unless they log in again, as when their last connection closes
        (relay/cover_relay.py: a covering counsellor's chats after a restart)."""
        if not self.staff.get(username) and username not in self._offline_timers:
            self._offline_timers[username] = asyncio.get_running_loop().call_later(
                self.config.staff_grace_s, self._release_abandoned, username)

    def staff_online(self) -> int:
        here = sum(1 for conns in self.staff.values() if conns)
        if self.peers is None:
            return here
        return here + sum(1 for user in self.peers.staff() if not self.staff.get(user))

    def online_elsewhere(self, username: str) -> bool:
        """Whether a staff member is logged in on another relay on this database."""
        return self.peers is not None and username in self.peers.staff()

    async def end_sessions(self, username: str, reason: str = "Your account was disabled."
                           ) -> None:
        """Close every connection of a staff member at once (after disabling the account)."""
        closing = [self.outbox.close(conn.connection, protocol.CLOSE_SESSION_ENDED, reason)
                   for conn in list(self.staff.get(username, ()))]
        for closed in closing:
            await closed

    # -- visitors ------------------------------------------------------------------------------

    async def _resume_visitor(self, conn: VisitorConn, hello: protocol.Hello) -> None:
        assert hello.resume is not None
        digest = auth.token_hash(hello.resume)
        live = self.by_token.get(digest)
        record = None if not could_be_a_token(hello.resume) else \
            live.record if live else await self.storage.conversation_by_token(digest)
        if self.peers is not None and record is not None and record.state != "closed":
            # The chat may have been written to on another relay (one that died, say) more
            # recently than this relay heard: catch up first, so resends are recognised.
            await self.peers.refresh(record.id)
            live = self.by_token.get(digest)
            record = live.record if live else record
        if record is None:
            self.counters.count("visitor_resume_unknown")
            self.error(conn.connection, "unknown_token",
                       "That chat cannot be resumed; start a new one.")
            return
        if live is not None:
            if live.visitor is not None and live.visitor is not conn:
                self.outbox.close(live.visitor.connection, protocol.CLOSE_REPLACED,
                                  "resumed in another window")
            live.visitor = conn
            conn.live = live
            live.elsewhere = False
            if self.peers is not None:
                self.peers.visitor_here(live.id)
            self._visitor_presence(live)
            last_seq = live.last_seq
        elif record.state == "closed":
            # The token's read access ends with the chat: whoever holds it (another script on
            # the host page, a shared computer) learns only that it ended, and gets the help
            # card with the status that follows (docs/security.md, "Resume tokens").
            self.counters.count("visitor_resumed_closed")
            self.send(conn.connection, protocol.Resumed(record.alias, "closed", None, 0))
            self.send(conn.connection, protocol.VisitorEnded(record.closed_by or "system", None))
            return
        else:
            last_seq = await self.storage.last_seq(record.id)
        self.send(conn.connection, protocol.Resumed(record.alias, record.state,  # type: ignore[arg-type]
                                                    self.display(record.staff), last_seq))
        for line in await self.storage.lines_after(record.id, hello.last_seq, VISIBLE_TO_VISITOR):
            self.send(conn.connection, self._visitor_line(line))
        if record.state == "closed":
            self.send(conn.connection, protocol.VisitorEnded(record.closed_by or "system", None))
        elif record.state == "active" and live is not None:
            self.send(conn.connection, self._claimed(record.staff))
        self.counters.count("visitor_resumed")

    def visitor_frame(self, conn: VisitorConn, frame: Frame) -> Awaitable[None] | None:
        if isinstance(frame, protocol.VisitorSend):
            if conn.live is None:
                return self._visitor_message(conn, frame)
            self._visitor_says(conn, conn.live, frame)
        elif isinstance(frame, protocol.VisitorTyping):
            if conn.live is not None and conn.live.record.state == "active":
                self._to_watchers(conn.live, protocol.VisitorIsTyping(conn.live.id, frame.active))
        elif isinstance(frame, protocol.Moment):
            if conn.live is not None and conn.live.record.state != "closed":
                self._to_watchers(conn.live, protocol.VisitorMoment(conn.live.id))
        elif isinstance(frame, protocol.Leave):
            return self._visitor_leave(conn, frame.reason)
        elif isinstance(frame, protocol.Feedback):
            return self._feedback(conn, frame.answer)
        elif isinstance(frame, protocol.Hello):
            self.error(conn.connection, "bad_frame", "hello is only allowed as the first frame")
        elif isinstance(frame, protocol.QUESTION_VISITOR_FRAMES):
            return self.questions.visitor_frame(conn, frame)
        return None

    def _new_alias(self, lang: str | None) -> str:
        """A name no other live chat has: a random number from a range at least twice as large
        as the number of live chats, so a free one is found in about two tries at any size."""
        word = ALIAS_WORD.get(self.config.default_language, ALIAS_WORD["sv"])
        top = max(99, 2 * len(self._aliases))
        for _ in range(64):
            alias = f"{word} {random.randint(1, top)}"
            if alias not in self._aliases:
                return alias
        number = top + 1  # (all but impossible) the next free number above the range
        while f"{word} {number}" in self._aliases:
            number += 1
        return f"{word} {number}"

    def _chat_refused(self, conn: VisitorConn) -> bool:
        """Whether a new chat must wait: the queue is full, too many chats were started in the
        last minute (relay-wide), or this connection started too many. A start let through
        is counted against both minute limits."""
        now = time.monotonic()
        while self._chat_starts and self._chat_starts[0] < now - 60:
            self._chat_starts.popleft()
        if conn.chat_starts is None:
            conn.chat_starts = []
        conn.chat_starts[:] = [t for t in conn.chat_starts if t >= now - 60]
        if len(self.queue) >= self.config.max_waiting:
            refused = "queue_full"
        elif len(self._chat_starts) >= self.config.chats_per_minute:
            refused = "chat_rate"
        elif len(conn.chat_starts) >= self.config.chats_per_connection:
            refused = "connection_chats"
        else:
            self._chat_starts.append(now)
            conn.chat_starts.append(now)
            return False
        self.counters.count(f"visitor_refused_{refused}")
        return True

    def _visitor_presence(self, live: Live) -> None:
        """A waiting chat's visitor connected or went: staff see since when it is gone, and
        after ``visitor_gone_s`` it leaves the queue (``_drop_gone_visitors``)."""
        gone = live.visitor is None and live.record.state == "queued" and not live.elsewhere
        if gone == (live.gone_since is not None):
            return
        live.gone_since = self.clock() if gone else None
        if gone:
            self._gone[live.id] = live
        else:
            self._gone.pop(live.id, None)
        entry = self.queue.get(live.id)
        if entry is not None:
            entry.gone_since = live.gone_since
            self._announce_queued(entry)

    async def _drop_gone_visitors(self) -> None:
        """End waiting chats whose visitor has been gone longer than the grace period."""
        cutoff = self.clock() - self.config.visitor_gone_s
        for live in list(self._gone.values()):
            if live.record.state != "queued" or live.visitor is not None:
                self._gone.pop(live.id, None)
            elif live.gone_since is not None and live.gone_since <= cutoff:
                self.counters.count("conversations_visitor_gone")
                await self._close(live, by="system", reason="visitor_gone",
                                  dequeued="visitor_gone")

    async def _store_unsaved_closes(self) -> None:
        """Store again the ends of chats whose closing write failed (a full disk, say): both
        sides were told the chat ended, so its row must not stay open to be revived."""
        for conversation, changes in list(self._unsaved_closes.items()):
            await self.storage.update_conversation(conversation, **changes)
            del self._unsaved_closes[conversation]

    def _announce_queued(self, entry: QueueEntry, index: int | None = None) -> None:
        """Tell staff an entry was added or changed, if it is within the head of the queue
        they are shown (``queue_snapshot_entries``); the total goes out as ``queue_total``."""
        if index is None:
            index = self.queue.index(entry.conversation)
        if index < self.config.queue_snapshot_entries:
            self.send_all_staff(protocol.Queued(entry.to_dict(), index))

    def _announce_dequeued(self, conversation: int, index: int | None, reason: str) -> None:
        """Tell staff a chat left the queue; an entry that moves into the head they are shown
        is sent as ``queued``."""
        self.send_all_staff(protocol.Dequeued(conversation, reason))
        if index is None:
            return
        shown = self.config.queue_snapshot_entries
        if index < shown and (moved_in := self.queue.at(shown - 1)) is not None:
            self.send_all_staff(protocol.Queued(moved_in.to_dict(), shown - 1))
        self._queue_changed(index)

    async def _start_conversation(self, conn: VisitorConn,
                                  frame: protocol.VisitorSend) -> Live | None:
        status = self.status()
        if not status.open:
            self.counters.count("visitor_refused_closed")
            self.send(conn.connection, protocol.Closed(status.reason or "hours", status.next_open,
                                                       status.emergency, frame.cid))
            return None
        if self._chat_refused(conn):
            self.send(conn.connection, protocol.Closed("queue_closed", None, status.emergency,
                                                       frame.cid))
            return None
        token = frame.token or auth.new_token()
        now = self.clock()
        lang = frame.lang or conn.lang
        role = frame.role or conn.role
        record = ConversationRecord(
            id=self.ids.conversations.take(), token_hash=auth.token_hash(token),
            alias=self._new_alias(lang), lang=lang, role=role, state="queued", created_at=now)
        live = Live(record, 0, self.queue.next_arrival(), visitor=conn)
        self.live[record.id] = live
        self._aliases.add(record.alias)
        self.by_token[record.token_hash or ""] = live
        conn.live = live
        try:
            await self.storage.create_conversation(record)
        except StorageError as exc:
            if self.live.get(record.id) is live:
                del self.live[record.id]
                self._aliases.discard(record.alias)
            if self.by_token.get(record.token_hash or "") is live:
                del self.by_token[record.token_hash or ""]
            if live.visitor is not None:  # whoever holds it now, the chat does not exist
                live.visitor.live = None
            conn.live = None
            self.not_stored(conn.connection, exc, VISITOR_NOT_SAVED, frame.cid)
            return None
        if record.arrival is not None:  # the database's number: every relay orders it alike
            live.arrival = record.arrival
        self.counters.count("conversations_started")
        log.info("conversation started", extra={"event": "conversation_started",
                                                "conversation": record.id})
        self.send(conn.connection, protocol.Started(record.alias, token))
        return live

    def _next_line(self, live: Live, kind: str, author: str | None, text: str,
                   cid: str | None) -> Line:
        live.last_seq += 1
        return Line(live.id, live.last_seq, kind, author, text, self.clock(), cid)

    async def _visitor_message(self, conn: VisitorConn, frame: protocol.VisitorSend) -> None:
        """A visitor's first line on this connection: it starts the conversation (stored before
        the line) or, carrying the token of a chat it started whose ``started`` never arrived,
        rejoins that chat (the line itself is then a resend, acknowledged once)."""
        if frame.token is not None:
            if not VISITOR_TOKEN.fullmatch(frame.token):
                self.error(conn.connection, "bad_frame",
                           "token must be 22-86 base64url characters (at least 128 random bits)",
                           frame.cid)
                return
            if not could_be_a_token(frame.token):  # not random: no chat has it, none will
                self.counters.count("visitor_resume_unknown")
                self.error(conn.connection, "unknown_token", "That token cannot be a chat's; "
                           "start a new one.", frame.cid)
                return
            digest = auth.token_hash(frame.token)
            while (starting := self._starting.get(digest)) is not None:
                await asyncio.shield(starting)  # the same first line on another connection
            live = self.by_token.get(digest)
            if live is not None:
                self.send(conn.connection, protocol.Started(live.record.alias, frame.token))
                await self._resume_visitor(conn, protocol.Hello(PROTOCOL_VERSION,
                                                                resume=frame.token))
                if conn.live is live:
                    self._visitor_says(conn, live, frame)
                return
            # Until this chat exists, another connection with the token waits (above) instead
            # of starting a second conversation with the same token.
            self._starting[digest] = asyncio.get_running_loop().create_future()
            try:
                if await self._token_was_used(conn, digest, frame.cid):
                    return
                live = await self._start_conversation(conn, frame)
            finally:
                self._starting.pop(digest).set_result(None)
        else:
            live = await self._start_conversation(conn, frame)
        if live is not None:
            self._visitor_says(conn, live, frame)

    async def _token_was_used(self, conn: VisitorConn, digest: str, cid: str) -> bool:
        """A first line's token that belongs to a chat that ended (or was blocked), or to
        another organisation's chat."""
        try:
            if await self.storage.is_blocked(digest):
                self.counters.count("visitor_blocked_refused")
                self.send(conn.connection, protocol.VisitorEnded("staff", "blocked"))
                self.outbox.close(conn.connection, protocol.CLOSE_BLOCKED,
                                  "This chat has been closed.")
                return True
            # Any organisation's: a token of another's chat is as unknown here as an ended one.
            if not await self.storage.token_taken(digest):
                return False
        except StorageError as exc:
            self.not_stored(conn.connection, exc, VISITOR_NOT_SAVED, cid)
            return True
        self.counters.count("visitor_resume_unknown")
        self.error(conn.connection, "unknown_token", "That chat has ended; start a new one.", cid)
        return True

    def _visitor_says(self, conn: VisitorConn, live: Live, frame: protocol.VisitorSend) -> None:
        if live.record.state == "closed":
            self.error(conn.connection, "ended", "This chat has ended.", frame.cid)
            return
        if self._resent(live, frame.cid, conn.connection,
                        lambda seq, ts: protocol.VisitorAck(frame.cid, seq, ts)):
            return
        line = self._next_line(live, "visitor", None, frame.text, frame.cid)
        self._journal(live, line, conn.connection, partial(self._visitor_line_stored, live, line))

    def _resent(self, live: Live, cid: str | None, to: ConnectionId,
                ack: Callable[[int, float], Frame]) -> bool:
        """A resend of a line the relay has (acknowledge it again) or is storing (ack it then)."""
        if cid is None:
            return False
        known = live.cids.get(cid)
        if known is not None:
            self.send(to, ack(*known))
            return True
        waiting = live.pending.get(cid)
        if waiting is not None:
            waiting.append(to)
            return True
        return False

    def _journal(self, live: Live, line: Line, sender: ConnectionId,
                 stored: Callable[[BaseException | None], None]) -> None:
        """Hand a line to storage and return at once; ``stored`` runs once it is durable.

        The sender's next frames are read while the line is being committed, so a burst of
        lines from one connection shares one group commit instead of one commit each. Lines
        are journalled in arrival order and committed in that order, and ``stored`` is called
        in that order too (by the journal, right after the commit).
        """
        if line.cid is not None:
            live.pending[line.cid] = [sender]
        try:
            self.storage.append_line_then(line, stored)
        except StorageError as exc:
            stored(exc)

    def _stored_for(self, live: Live, line: Line, error: BaseException | None,
                    fallback: ConnectionId | None) -> list[ConnectionId] | None:
        """Who waits for this line's ack, or None after telling them it was not stored."""
        waiting = live.pending.pop(line.cid, None) if line.cid is not None else None
        targets = waiting if waiting is not None else [fallback] if fallback else []
        if error is not None:
            for to in targets:
                if line.kind == "visitor":
                    self.not_stored(to, error, "Your message could not be saved. Please send "
                                               "it again.", line.cid)
                else:  # staff are told the reason (their console shows it)
                    self.error(to, "storage", f"Your message could not be saved ({error}). "
                                              "Please send it again.", line.cid)
            return None
        live.remember(line.cid, line.seq, line.ts)
        return targets

    def _renumbered(self, live: Live, line: Line, error: BaseException | None
                    ) -> tuple[Line, BaseException | None]:
        """A line stored under the number the database gave it (several relays: another
        relay numbered a line of this chat meanwhile) is acknowledged and sent as that."""
        if not isinstance(error, Renumbered):
            return line, error
        self.counters.count("lines_renumbered")
        live.last_seq = max(live.last_seq, error.seq)
        return replace(line, seq=error.seq), None

    def _visitor_line_stored(self, live: Live, line: Line, error: BaseException | None) -> None:
        """A visitor's line is committed: acknowledge it, deliver it, queue or triage."""
        line, error = self._renumbered(live, line, error)
        visitor = live.visitor.connection if live.visitor is not None else None
        targets = self._stored_for(live, line, error, visitor)
        if targets is None:
            return
        live.record.visitor_lines += 1
        self.counters.count("messages_visitor")
        if targets:
            ack = protocol.encode_ack(line.cid or "", line.seq, line.ts)
            for to in targets:
                self.outbox.send(to, ack)
        self._text_to_watchers(live, protocol.encode_line(
            live.id, line.seq, line.kind, None, line.text, line.ts, line.cid))
        if live.record.state != "queued":
            return
        live.visitor_texts.append(line.text)
        del live.visitor_texts[:-TRIAGE_LINES]
        if not live.preview:  # set from a stored line only, never from one that failed
            live.preview = line.text[:200]
        if live.id not in self.queue:  # the conversation's first stored line
            self.queue.add(self._entry(live))
            self._triage(live)
        else:
            before = live.record.urgent
            self._triage(live)
            if live.record.urgent == before:
                return
        entry = self.queue.get(live.id)
        if entry is not None:
            index = self.queue.index(live.id)
            self._announce_queued(entry, index)
            self._queue_changed(index)

    def _triage(self, live: Live) -> None:
        """Raise a waiting conversation to the top of the queue when triage finds acute risk."""
        if self.triage is None or live.record.urgent or live.record.triage_override is not None:
            return  # staff have the last word: their verdict stands over the engine's
        try:
            urgent, reasons = self.triage(live.visitor_texts, live.record.lang, live.record.role)
        except Exception:  # triage must never take a visitor's message down with it
            log.exception("triage failed", extra={"event": "triage_failed"})
            return
        if urgent:
            live.record.urgent = True
            live.reasons = reasons
            self.queue.mark_urgent(live.id, reasons)
            self.counters.count("conversations_urgent")
            asyncio.ensure_future(self.store_quietly(
                self.storage.update_conversation(live.id, urgent=True)))

    async def store_quietly(self, write: Awaitable[None]) -> None:
        try:
            await write
        except StorageError as exc:
            log.warning("write failed", extra={"event": "write_failed", "error": str(exc)})

    async def _visitor_leave(self, conn: VisitorConn, reason: str) -> None:
        live = conn.live
        if live is None:
            return
        if live.record.state != "closed":
            await self._close(live, by="visitor", reason=reason)
        if reason == "quick_exit":
            conn.live = None

    async def _feedback(self, conn: VisitorConn, answer: str) -> None:
        live = conn.live
        if live is None or live.record.state != "closed" or live.record.feedback is not None:
            self.error(conn.connection, "bad_frame",
                       "feedback is only taken once, after a chat ended")
            return
        try:
            await self.storage.update_conversation(live.id, feedback=answer)
        except StorageError as exc:  # not taken: the visitor may answer again
            self.not_stored(conn.connection, exc, "Your answer could not be saved. Please try "
                                                  "again.")
            return
        live.record.feedback = answer

    async def _close(self, live: Live, *, by: str, reason: str | None = None,
                     outcome: protocol.Close | None = None, dequeued: str = "left") -> None:
        """End a conversation: statistics record kept, both sides told, live state dropped.

        ``dequeued``: the reason staff are given if the chat was waiting in the queue.
        """
        record = live.record
        was_queued = record.state == "queued"
        record.state, record.closed_at, record.closed_by = "closed", self.clock(), by
        changes: dict[str, object] = {
            "state": "closed", "closed_at": record.closed_at, "closed_by": by,
            "visitor_lines": record.visitor_lines, "staff_lines": record.staff_lines,
        }
        if outcome is not None:
            record.outcome_role, record.tags, record.referrals = (
                outcome.role, sorted(set(outcome.tags)), sorted(set(outcome.referrals)))
            changes.update(outcome_role=outcome.role, tags=record.tags,
                           referrals=record.referrals)
            if outcome.triage is not None:
                record.triage_feedback = changes["triage_feedback"] = outcome.triage
        if was_queued:
            index = self.queue.index(live.id) if live.id in self.queue else None
            self.queue.remove(live.id)
            self._announce_dequeued(live.id, index, dequeued)
        self.forget(live)
        if record.claimed_at is not None:
            self._handle_times.insert(0, record.closed_at - record.claimed_at)
            del self._handle_times[50:]
        if live.pending:  # lines still in the journal: let them be counted and reach staff
            with contextlib.suppress(StorageError):
                await self.storage.flush()
            changes.update(visitor_lines=record.visitor_lines, staff_lines=record.staff_lines)
        try:
            await self.storage.update_conversation(live.id, **changes)
        except StorageError as exc:  # both sides are told it ended: keep trying to store that
            log.warning("write failed", extra={"event": "write_failed", "error": str(exc)})
            self._unsaved_closes[live.id] = changes
        self.counters.count(f"conversations_closed_{by}")
        log.info("conversation closed", extra={"event": "conversation_closed",
                                               "conversation": live.id, "by": by})
        self.tell_ended(live, by, reason)

    def forget(self, live: Live) -> None:
        """Drop an ended chat from the live maps (its grace timer, alias and token)."""
        record = live.record
        self._gone.pop(live.id, None)
        if self.live.pop(live.id, None) is not None:
            self._aliases.discard(record.alias)
        if record.token_hash:
            self.by_token.pop(record.token_hash, None)

    def tell_ended(self, live: Live, by: str, reason: str | None) -> None:
        """Tell the visitor, the chat's staff, its viewers and every supervisor that the chat
        ended (ended here, or on another relay: relay/cluster.py)."""
        record = live.record
        if live.visitor is not None:
            self.send(live.visitor.connection, protocol.VisitorEnded(by, reason))
        ended = protocol.StaffEnded(live.id, by, reason)
        self._to_watchers(live, ended)
        self._remember_end(record, by, reason)
        # Supervisors list every live chat, so every end reaches them too (once).
        told = set(self.staff.get(record.staff or "", ())) | live.viewers
        text = protocol.encode(ended)
        for conns in self.staff.values():
            for conn in conns:
                if conn.account.supervisor and conn not in told:
                    self.outbox.send(conn.connection, text)
        for viewer in live.viewers:
            viewer.viewing.discard(live.id)

    def _closed_visit(self) -> None:
        """Count a widget opening while closed: in memory, at most ``closed_visits_per_minute``
        relay-wide, written in one batch a second later (issue 10, finding 10)."""
        if not self._closed_visit_budget.take():
            self.counters.count("closed_visits_uncounted")
            return
        self.counters.count("closed_visits")
        hour = self.now_local().strftime("%Y-%m-%dT%H")
        self._closed_visits[hour] = self._closed_visits.get(hour, 0) + 1
        if self._closed_visits_timer is None:
            self._closed_visits_timer = asyncio.get_running_loop().call_later(
                CLOSED_VISITS_FLUSH_S, self._start_closed_visits_write)

    def _start_closed_visits_write(self) -> None:
        self._closed_visits_timer = None
        task = asyncio.ensure_future(self.write_closed_visits())
        self._background.add(task)  # a reference until it is done, so it is not collected
        task.add_done_callback(self._background.discard)

    async def write_closed_visits(self) -> None:
        if self._closed_visits_timer is not None:
            self._closed_visits_timer.cancel()
            self._closed_visits_timer = None
        pending, self._closed_visits = self._closed_visits, {}
        for hour, count in pending.items():
            await self.store_quietly(self.storage.count_closed_visit(hour, count))

    # -- staff -------------------------------------------------------------------------------------

    async def _welcome_staff(self, conn: StaffConn) -> None:
        to, username = conn.connection, conn.account.username
        head = self.queue.head(self.config.queue_snapshot_entries)
        self.send(to, protocol.QueueSnapshot([e.to_dict() for e in head], len(self.queue)))
        self.send(to, self._presence())
        for live in list(self.live.values()):
            if live.record.staff == username:
                self.send(to, self._info(live, [], readonly=False))
            elif conn.account.supervisor and live.record.state == "active":
                self.send(to, self._info(live, [], readonly=True))
        await self._announce_recent_ends(conn)
        self.questions.welcome(conn)
        for line in await self.storage.room_lines(50):
            self.send(to, protocol.RoomLine(line.seq, line.author,
                                            self.display(line.author) or line.author,
                                             line.text, line.ts))

    def _presence(self) -> protocol.Presence:
        online = {user: (self.names.get(user, user), any(c.account.supervisor for c in conns))
                  for user, conns in self.staff.items()
                  if conns and not all(c.guest for c in conns)}  # covering staff: their own list
        for user, seen in (self.peers.staff() if self.peers is not None else {}).items():
            online.setdefault(user, seen)
        return protocol.Presence([{"user": user, "name": name, "supervisor": supervisor}
                                  for user, (name, supervisor) in sorted(online.items())])

    def _presence_changed(self) -> None:
        if self.peers is not None:
            self.peers.presence_changed()
        if self._presence_timer is None:
            self._presence_timer = asyncio.get_running_loop().call_later(
                PRESENCE_DELAY_S, self._send_presence)
        self.broadcast_status()
        self._queue_changed()

    def _send_presence(self) -> None:
        self._presence_timer = None
        self.send_all_staff(self._presence())

    def _release_abandoned(self, username: str) -> None:
        """A staff member gone for longer than the grace period: their visitors go back to queue."""
        self._offline_timers.pop(username, None)
        if self.staff.get(username) or self.online_elsewhere(username) or self.stopping:
            return
        for live in list(self.live.values()):
            if live.record.staff == username and live.record.state == "active":
                asyncio.ensure_future(self._requeue(live, by=username, note=None))

    def _tell_supervisors(self, live: Live) -> None:
        """Supervisors other than the holder see the chat (read-only) in their overview."""
        text = protocol.encode(self._info(live, [], readonly=True))
        for user, conns in self.staff.items():
            if user == live.record.staff:
                continue
            for conn in conns:
                if conn.account.supervisor:
                    self.outbox.send(conn.connection, text)

    def _info(self, live: Live, messages: list[Line], *, readonly: bool
              ) -> protocol.ConversationInfo:
        r = live.record
        return protocol.ConversationInfo(
            r.id, r.alias, r.lang, r.role, r.state, r.staff, self.display(r.staff), r.urgent,
            list(live.reasons), r.created_at, live.last_seq, readonly,
            [self._line_dict(self._staff_line(line)) for line in messages], self._marker(live))

    # -- staff frames ------------------------------------------------------------------------------

    def staff_frame(self, conn: StaffConn, frame: Frame) -> Awaitable[None] | None:
        if isinstance(frame, (protocol.StaffSend, protocol.Note, protocol.Whisper)):
            self._staff_line_frame(conn, frame)
            return None
        if isinstance(frame, protocol.QUESTION_STAFF_FRAMES):
            return self.questions.staff_frame(conn, frame)
        handler = self._staff_handlers.get(type(frame))
        if handler is None:
            self.error(conn.connection, "bad_frame", f"{frame.type} is not allowed now")
            return None
        return self.staff_action(handler, conn, frame)

    async def staff_action(self, handler: Callable[[Hub, StaffConn, Any], Awaitable[None]],
                           conn: StaffConn, frame: Frame) -> None:
        try:
            await handler(self, conn, frame)
        except StorageError as exc:
            self.error(conn.connection, "storage", f"The database refused the change ({exc}).",
                       getattr(frame, "cid", None))

    def _owned(self, conn: StaffConn, conversation: int, *, cid: str | None = None
               ) -> Live | None:
        """The live conversation if this staff member holds it; else an error is sent."""
        live = self.live.get(conversation)
        if (live is None or live.record.staff != conn.account.username
                or conversation in self._requeuing):  # on its way back to the queue
            self.error(conn.connection, "forbidden", "That conversation is not yours.", cid)
            return None
        return live

    async def _claim(self, conn: StaffConn, frame: protocol.Claim) -> None:
        if frame.conversation is None:
            entry = self.queue.first()
            if entry is None:
                self.error(conn.connection, "queue_empty", "Nobody is waiting.")
                return
        else:
            entry = self.queue.get(frame.conversation)
            if entry is None and frame.conversation not in self.live:  # nothing of ours
                self.error(conn.connection, "forbidden", "There is no such conversation waiting.")
                return
            if entry is None:
                self.error(conn.connection, "already_claimed",
                           "Someone else has already answered that visitor.")
                return
        live = self.live[entry.conversation]
        username = conn.account.username
        # Everything up to the first await is atomic: a second claim now finds no entry.
        index = self.queue.index(live.id)
        self.queue.remove(live.id)
        live.record.state, live.record.staff = "active", username
        live.record.claimed_at = self.clock()
        self._visitor_presence(live)  # a held chat is not "gone" from the queue
        self._announce_dequeued(live.id, index, "claimed")
        try:
            if self.peers is None:
                await self.storage.update_conversation(
                    live.id, state="active", staff=username, claimed_at=live.record.claimed_at)
            elif not await self.storage.claim_conversation(live.id, username,
                                                           live.record.claimed_at):
                # Another relay's claim came first: the chat is theirs, as the database says.
                live.record.state, live.record.staff, live.record.claimed_at = "queued", None, None
                self.queue.add(self._entry(live))
                self.error(conn.connection, "already_claimed",
                           "Someone else has already answered that visitor.")
                await self.peers.refresh(live.id)
                return
        except StorageError:
            live.record.state, live.record.staff, live.record.claimed_at = "queued", None, None
            self._visitor_presence(live)
            index = self.queue.add(self._entry(live))
            self._announce_queued(self._entry(live), index)
            self._queue_changed(index)
            raise
        live.visitor_texts = []  # triage reads a waiting chat only; a held one keeps no copies
        await self.storage.audit(username, "claim", live.id)
        self.counters.count("claims")
        lines = await self.storage.lines_after(live.id, 0)
        self._send_staff(username, self._info(live, lines, readonly=False))
        if live.visitor is not None:
            self.send(live.visitor.connection, self._claimed(username))
        self._tell_supervisors(live)

    def _claimed(self, username: str | None) -> protocol.Claimed:
        """What a visitor is told of who answers: a name, and for covering staff the two
        organisations (relay/cover_relay.py)."""
        name = self.display(username) or ""
        covering = self.cover_names.get(username or "")
        if covering is None or self.config.organisation is None:
            return protocol.Claimed(name)
        return protocol.Claimed(name, covering, self.config.organisation.name)

    def _staff_line_frame(self, conn: StaffConn,
                          frame: protocol.StaffSend | protocol.Note | protocol.Whisper
                                ) -> None:
        if isinstance(frame, protocol.Whisper):
            live = self.live.get(frame.conversation)
            if live is None:  # none of this organisation's live chats: as for every frame
                self.error(conn.connection, "forbidden", "That conversation is not yours.",
                           frame.cid)
                return
            if not conn.account.supervisor:
                self.error(conn.connection, "forbidden", "Only supervisors can whisper.", frame.cid)
                return
            if conn not in live.viewers:  # following is what the audit log records
                self.error(conn.connection, "forbidden",
                           "Follow the conversation before whispering.",
                            frame.cid)
                return
            kind = "whisper"
        else:
            live = self._owned(conn, frame.conversation, cid=frame.cid)
            if live is None:
                return
            kind = "staff" if isinstance(frame, protocol.StaffSend) else "note"
        if live.record.state == "closed":
            self.error(conn.connection, "ended", "This conversation has ended.", frame.cid)
            return
        conversation = live.id
        if self._resent(live, frame.cid, conn.connection,
                        lambda seq, ts: protocol.StaffAck(frame.cid, conversation, seq, ts)):
            return
        line = self._next_line(live, kind, conn.account.username, frame.text, frame.cid)
        self._journal(live, line, conn.connection,
                      partial(self._staff_line_stored, live, line, conn))

    def _staff_line_stored(self, live: Live, line: Line, sender: StaffConn,
                           error: BaseException | None) -> None:
        """A staff line, note or whisper is committed: acknowledge it and deliver it."""
        line, error = self._renumbered(live, line, error)
        targets = self._stored_for(live, line, error, sender.connection)
        if targets is None:
            return
        if line.kind == "staff":
            live.record.staff_lines += 1
        self.counters.count(f"messages_{line.kind}")
        ack = protocol.encode_ack(line.cid or "", line.seq, line.ts, live.id)
        for to in targets:
            self.outbox.send(to, ack)
        holders = self.staff.get(live.record.staff or "", ())
        if live.viewers or len(holders) > (sender in holders):  # anyone but the sender?
            text = protocol.encode_line(live.id, line.seq, line.kind, self.display(line.author),
                                        line.text, line.ts, line.cid)
            for other in holders:
                if other is not sender:
                    self.outbox.send(other.connection, text)
            for viewer in live.viewers:
                if viewer is not sender:
                    self.outbox.send(viewer.connection, text)
        if line.kind == "staff" and live.visitor is not None:
            self.outbox.send(live.visitor.connection, protocol.encode_line(
                None, line.seq, "staff", self.display(line.author), line.text, line.ts, None))

    async def _typing(self, conn: StaffConn, frame: protocol.StaffTyping) -> None:
        live = self.live.get(frame.conversation)
        if live is not None and live.record.staff == conn.account.username and live.visitor:
            self.send(live.visitor.connection, protocol.PeerTyping(frame.active))

    async def _transfer(self, conn: StaffConn, frame: protocol.Transfer) -> None:
        live = self._owned(conn, frame.conversation)
        if live is None:
            return
        if frame.to is None:
            await self._requeue(live, by=conn.account.username, note=frame.note or None)
            return
        target = await self.storage.staff(frame.to)
        if target is None or target.disabled or not (self.staff.get(target.username)
                                                     or self.online_elsewhere(target.username)):
            self.error(conn.connection, "not_online",
                       f"{frame.to} is not logged in; transfer to someone who is.")
            return
        if target.username == conn.account.username:
            self.error(conn.connection, "bad_frame", "That conversation is already yours.")
            return
        previous = conn.account.username
        if frame.note.strip():
            note = self._next_line(live, "note", previous, frame.note.strip()[:4000], None)
            await self.storage.append_line(note)
        await self.storage.update_conversation(live.id, staff=target.username)
        live.record.staff = target.username  # only once stored: a refused write changes nothing
        await self.storage.audit(previous, "transfer", live.id, f"to={target.username}")
        self.counters.count("transfers")
        self._send_staff(previous, protocol.Released(live.id, target.username))
        lines = await self.storage.lines_after(live.id, 0)
        self._send_staff(target.username, self._info(live, lines, readonly=False))
        self._tell_supervisors(live)
        if live.visitor is not None:
            self.send(live.visitor.connection, self._claimed(target.username))

    async def _requeue(self, live: Live, *, by: str, note: str | None) -> None:
        """Put a conversation back in the queue, first in line: before every other waiting
        chat of its class (urgent chats, flagged for acute risk, still come before a chat that
        is not; docs/protocol.md, ``transfer``). This is what "back to the queue (first in
        line)" in the console and a colleague gone past the grace period both mean.

        Where the relays on one database share the queue's order (PostgreSQL), the database
        numbers the chat's place in the write that queues it; until that write returns the
        chat is no one's to act on (``_owned``) and not in the queue yet."""
        if live.record.state != "active":
            return
        previous = live.record.staff
        if note:
            line = self._next_line(live, "note", by, note[:4000], None)
            await self.store_quietly(self.storage.append_line(line))
        with contextlib.suppress(StorageError):  # triage reads the chat again while it waits
            written = await self.storage.lines_after(live.id, 0, frozenset({"visitor"}))
            live.visitor_texts = [line.text for line in written[-TRIAGE_LINES:]]
        if live.record.state != "active" or live.id in self._requeuing:  # ended meanwhile
            return
        self._requeuing.add(live.id)
        failed = False
        try:
            arrival = await self.storage.requeue_conversation(live.id)
        except StorageError as exc:  # requeued here all the same, as before the write
            log.warning("write failed", extra={"event": "write_failed", "error": str(exc)})
            arrival, failed = None, True
        finally:
            self._requeuing.discard(live.id)
        if live.record.state != "active":  # ended meanwhile
            return
        if arrival is None and not failed and self.peers is not None:
            # The database did not put it back: it is not held any more (ended or put back
            # on another relay, whose wake-up is on its way). This relay reads it as it is.
            with contextlib.suppress(StorageError):
                await self.peers.refresh(live.id)
            return
        live.record.state, live.record.staff, live.record.claimed_at = "queued", None, None
        live.record.arrival = arrival
        live.arrival = arrival if arrival is not None else self.queue.front_arrival()
        self._visitor_presence(live)
        self.queue.add(self._entry(live))
        await self.store_quietly(self.storage.audit(by, "requeue", live.id))
        self._send_staff(previous, protocol.Released(live.id, None))
        entry = self.queue.get(live.id)
        if entry is not None:
            self._announce_queued(entry)
        if live.visitor is not None:
            live.visitor.last_position = None
            self.send(live.visitor.connection, self.status())
        self._queue_changed()

    def _outcome_refused(self, conn: StaffConn, frame: protocol.Close) -> bool:
        """Topic tags must be ones the relay is configured with, referral ids look like ids:
        a modified client cannot put markup or escapes into the statistics (finding 8)."""
        unknown = [tag for tag in frame.tags if tag not in self.config.topic_tags]
        if unknown:
            self.error(conn.connection, "unknown_tag",
                       f"Unknown topic tag {visible(unknown[0][:40])!r}; "
                        f"this relay takes: {', '.join(self.config.topic_tags)}.")
            return True
        if not all(REFERRAL_ID.fullmatch(ref) for ref in frame.referrals):
            self.error(conn.connection, "bad_frame", "referrals must be directory ids")
            return True
        return False

    async def _close_frame(self, conn: StaffConn, frame: protocol.Close) -> None:
        if self._outcome_refused(conn, frame):
            return
        if frame.conversation not in self.live:
            await self._record_outcome(conn, frame)
            return
        live = self._owned(conn, frame.conversation)
        if live is None:
            return
        await self.storage.audit(conn.account.username, "close", live.id)
        await self._close(live, by="staff", outcome=frame)

    async def _record_outcome(self, conn: StaffConn, frame: protocol.Close) -> None:
        """The visitor left first: the holder still records who wrote, topics and referrals."""
        record = await self.storage.conversation(frame.conversation)
        if record is None or record.staff != conn.account.username or record.state != "closed" \
                or record.closed_by == "staff":
            self.error(conn.connection, "forbidden", "That conversation is not yours to close.")
            return
        await self.storage.update_conversation(
            record.id, outcome_role=frame.role, tags=sorted(set(frame.tags)),
            referrals=sorted(set(frame.referrals)),
            **({"triage_feedback": frame.triage} if frame.triage is not None else {}))
        await self.storage.audit(conn.account.username, "close", record.id)

    async def _sync(self, conn: StaffConn, frame: protocol.Sync) -> None:
        live = self.live.get(frame.conversation)
        owner = live.record.staff if live else None
        if live is None:
            record = await self.storage.conversation(frame.conversation)
            if record is None:  # none of this organisation's (a supervisor's too)
                self.error(conn.connection, "forbidden", "That conversation is not yours.")
                return
            owner = record.staff
        if owner != conn.account.username and not conn.account.supervisor:
            self.error(conn.connection, "forbidden", "That conversation is not yours.")
            return
        if owner != conn.account.username:
            await self.storage.audit(conn.account.username, "view", frame.conversation)
        for line in await self.storage.lines_after(frame.conversation, frame.after):
            self.send(conn.connection, self._staff_line(line))

    async def _view(self, conn: StaffConn, frame: protocol.View) -> None:
        live = self.live.get(frame.conversation)
        if live is None:  # none of this organisation's live chats: as for every frame
            self.error(conn.connection, "forbidden", "That conversation is not yours.")
            return
        if not conn.account.supervisor:
            self.error(conn.connection, "forbidden",
                       "Only supervisors can follow other conversations.")
            return
        await self.storage.audit(conn.account.username, "view", live.id)
        live.viewers.add(conn)
        conn.viewing.add(live.id)
        lines = await self.storage.lines_after(live.id, 0)
        self.send(conn.connection, self._info(live, lines, readonly=True))

    async def _unview(self, conn: StaffConn, frame: protocol.Unview) -> None:
        live = self.live.get(frame.conversation)
        if live is not None:
            live.viewers.discard(conn)
        conn.viewing.discard(frame.conversation)

    async def _help(self, conn: StaffConn, frame: protocol.HelpRequest) -> None:
        if self._owned(conn, frame.conversation) is None:
            return
        await self.storage.audit(conn.account.username, "help", frame.conversation)
        self.send_all_staff(protocol.HelpWanted(frame.conversation, conn.account.username,
                                                conn.account.display_name),
                             supervisors_only=True)

    async def _room(self, conn: StaffConn, frame: protocol.RoomSend) -> None:
        seq = self._next_room_seq
        self._next_room_seq += 1
        line = RoomLine(seq, conn.account.username, frame.text, self.clock())
        await self.storage.append_room_line(line)
        for conns in self.staff.values():
            for other in conns:
                self.send(other.connection, protocol.RoomLine(
                    seq, line.author, conn.account.display_name, line.text, line.ts,
                    frame.cid if other is conn else None))

    async def _logout(self, conn: StaffConn, frame: protocol.Logout) -> None:
        await self.storage.delete_sessions(token_hash=conn.token_hash)
        await self.storage.audit(conn.account.username, "logout")
        await self.outbox.close(conn.connection, protocol.CLOSE_NORMAL, "logged out")

    async def _login_again(self, conn: StaffConn, frame: protocol.Login) -> None:
        self.error(conn.connection, "bad_frame", "already logged in")

    async def _stats(self, conn: StaffConn, frame: protocol.StatsRequest) -> None:
        """Supervisors: anonymous aggregates of a period (figures/stats.py), never a transcript."""
        if not conn.account.supervisor:
            self.error(conn.connection, "forbidden", "Only supervisors can see the statistics.")
            return
        from figures.report import ReportContext
        from figures.stats import Period, load_statistics
        from relay.questions import load_question_figures

        try:
            period = Period.from_strings(frame.since, frame.until, self.config.hours.timezone,
                                         self.now_local())
        except ValueError as exc:
            self.error(conn.connection, "bad_frame", str(exc))
            return
        figures = await load_statistics(self.storage, period)
        # Reading the referral directory for the names takes some milliseconds: off the loop.
        context = await asyncio.to_thread(ReportContext.from_config, self.config,
                                          referral_ids=list(figures.referrals))
        data = figures.to_dict()
        data["questions"] = await load_question_figures(self.storage, period)
        self.send(conn.connection, protocol.StatsReport(data, context.to_dict()))

    # -- ends, idle connections, sessions and blocking (docs/security.md) --------------------------

    def _remember_end(self, record: ConversationRecord, by: str, reason: str | None) -> None:
        if record.staff is None or record.closed_at is None:
            return
        ends = self._recent_ends.setdefault(record.staff, deque(maxlen=1000))
        ends.append((record.closed_at, record.id, by, reason))
        while ends and ends[0][0] < record.closed_at - RECENT_ENDS_S:
            ends.popleft()

    async def _announce_recent_ends(self, conn: StaffConn) -> None:
        """Tell a (re)connecting console about its chats that ended in the last minutes, as
        a closed ``conversation`` followed by ``ended``, so it can ``sync`` what it missed: the
        claim or the end may have been sent to a connection that had silently died."""
        ends = self._recent_ends.get(conn.account.username)
        cutoff = self.clock() - RECENT_ENDS_S
        while ends and ends[0][0] < cutoff:
            ends.popleft()
        for _, conversation, by, reason in list(ends or ()):
            record = await self.storage.conversation(conversation)
            if record is None:
                continue
            record.state = "closed"  # the closing write may still be in the journal
            info = protocol.ConversationInfo(
                record.id, record.alias, record.lang, record.role, record.state,
                conn.account.username, conn.account.display_name, record.urgent, [],
                record.created_at, await self.storage.last_seq(record.id), False, [])
            self.send(conn.connection, info)
            self.send(conn.connection, protocol.StaffEnded(record.id, by, reason))

    def close_idle_visitors(self) -> None:
        deadline = time.monotonic() - self.config.idle_timeout_s
        for conn in list(self.visitors):
            chatting = conn.live is not None and conn.live.record.state != "closed"
            if not chatting and conn.limiter is not None and conn.limiter.last_seen < deadline:
                self.counters.count("visitor_idle_closed")
                self.visitors.discard(conn)
                self.outbox.close(conn.connection, protocol.CLOSE_IDLE, "idle")

    async def check_staff_sessions(self) -> None:
        conns = [conn for group in self.staff.values() for conn in group if not conn.guest]
        if not conns:
            return
        valid = await self.storage.valid_sessions({c.token_hash for c in conns}, self.clock())
        for conn in conns:
            if conn.token_hash in valid or not self.outbox.is_open(conn.connection):
                continue
            account = await self.storage.staff(conn.account.username)
            reason = ("Your account was disabled." if account is None or account.disabled
                      else "Your session has ended; log in again.")
            self.counters.count("sessions_ended")
            log.info("staff session ended", extra={"event": "session_ended",
                                                   "user": conn.account.username})
            self.outbox.close(conn.connection, protocol.CLOSE_SESSION_ENDED, reason)

    async def _block(self, conn: StaffConn, frame: protocol.Block) -> None:
        live = self.live.get(frame.conversation)
        if live is None or (live.record.staff != conn.account.username
                            and not conn.account.supervisor):
            self.error(conn.connection, "forbidden", "That conversation is not yours.")
            return
        await self.storage.block_conversation(live.id)
        await self.storage.audit(conn.account.username, "block", live.id)
        self.counters.count("conversations_blocked")
        visitor = live.visitor
        await self._close(live, by="staff", reason="blocked")
        if visitor is not None:
            self.outbox.close(visitor.connection, protocol.CLOSE_BLOCKED,
                              "This chat has been closed.")

    def _marker(self, live: Live) -> str | None:
        """Who overrode triage, as colleagues see it (a display name; "?" only when the audit
        entry that said so is past its retention)."""
        if live.record.triage_override is None:
            return None
        return self.display(live.marked_by) if live.marked_by else "?"

    async def _mark(self, conn: StaffConn, frame: protocol.Mark) -> None:
        """A staff member marks a queued or held chat urgent or not urgent (issue 11).

        Anyone may mark a waiting chat; a held one only its holder or a supervisor. The verdict
        is kept over the engine's from now on (also after a restart), shown to colleagues in the
        queue with the marker's name, and audited.
        """
        live = self.live.get(frame.conversation)
        username = conn.account.username
        if live is None or live.record.state == "closed" or (
            live.record.state != "queued" and live.record.staff != username
            and not conn.account.supervisor
        ):
            self.error(conn.connection, "forbidden", "That conversation is not yours to mark.")
            return
        record = live.record
        before = (record.urgent, record.triage_override, live.marked_by)
        record.urgent = frame.urgent
        record.triage_override = "urgent" if frame.urgent else "not_urgent"
        live.marked_by = username
        try:
            await self.storage.update_conversation(
                live.id, urgent=frame.urgent, triage_override=record.triage_override)
        except StorageError:
            record.urgent, record.triage_override, live.marked_by = before
            raise
        await self.storage.audit(username, MARK_ACTIONS[0 if frame.urgent else 1], live.id)
        if frame.urgent and not before[0]:
            self.counters.count("conversations_urgent")
        if record.state == "queued" and live.id in self.queue:
            old = self.queue.index(live.id)
            index = self.queue.set_verdict(live.id, frame.urgent, self._marker(live))
            entry = self.queue.get(live.id)
            if entry is not None and index is not None:
                self._announce_queued(entry, index)
                self._queue_changed(min(old, index))
        else:
            info = self._info(live, [], readonly=False)
            if record.staff is not None:
                self._send_staff(record.staff, info)
            for viewer in live.viewers:
                self.send(viewer.connection, self._info(live, [], readonly=True))

    _staff_handlers: dict[type, Callable[[Hub, StaffConn, Any], Awaitable[None]]] = {
        protocol.Claim: _claim,
        protocol.StaffTyping: _typing,
        protocol.Transfer: _transfer,
        protocol.Close: _close_frame,
        protocol.Sync: _sync,
        protocol.View: _view,
        protocol.Unview: _unview,
        protocol.HelpRequest: _help,
        protocol.RoomSend: _room,
        protocol.Logout: _logout,
        protocol.Login: _login_again,
        protocol.StatsRequest: _stats,
        protocol.Block: _block,
        protocol.Mark: _mark,
    }

