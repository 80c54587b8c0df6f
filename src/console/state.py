"""What the console knows, kept apart from how it is shown: the sans-I/O core of the console.

``ConsoleState.apply(frame)`` folds one relay frame (a ``relay.protocol`` dataclass) into the
queue, the chats and the staff room, and returns an ``Update`` that says what changed and which
frames to send back (``sync`` requests after a reconnect). Widgets read the state; they never
change it. Nothing here touches a socket or the screen, so the merge rules (dedupe by ``seq``,
match our own lines by ``cid``, unread counts) are tested without either.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from console.settings import CannedReply
from relay import protocol

if TYPE_CHECKING:
    from console.network import NetworkState

ROOM = "room"
"""The chat key of the staff room; conversations are keyed by their integer id."""

ChatKey = int | str

# Delivery state of a line this console wrote.
PENDING = "pending"  # waiting in the outbox (not connected)
SENT = "sent"  # written to the socket, no ack yet
STORED = "stored"  # acknowledged: durably stored by the relay
FAILED = "failed"  # refused by the relay (the error says why)

TYPING_EXPIRES_S = 15.0
"""A visitor typing flag with no update for this long is dropped (a lost ``active: false``)."""

CLAIM_REFUSALS = frozenset({"queue_empty", "already_claimed"})
"""Error codes that end a pending claim without a chat."""

_cid_counter = itertools.count(1)
_cid_prefix = os.urandom(4).hex()


def new_cid() -> str:
    """A client id for an outgoing line, unique across reconnects and console restarts."""
    return f"k{_cid_prefix}-{next(_cid_counter)}"


@dataclass(slots=True, eq=False)
class Line:
    """One transcript line as the console shows it."""

    kind: str
    """visitor, staff, note, whisper, system (local notices) or room."""
    author: str | None
    text: str
    ts: float
    seq: int | None = None
    cid: str | None = None
    mine: bool = False
    delivery: str | None = None
    """For lines this console wrote: pending, sent, stored or failed."""
    args: dict[str, str] | None = None
    """For system lines: ``text`` is an i18n key and these are its arguments."""


@dataclass(slots=True)
class Waiting:
    """A visitor in the queue, in the order the relay sends."""

    conversation: int
    alias: str
    since: float
    lang: str | None = None
    role: str | None = None
    preview: str = ""
    urgent: bool = False
    reasons: list[str] = field(default_factory=list)
    marked_by: str | None = None
    """A staff member whose urgent / not urgent verdict the relay keeps over triage's."""
    gone_since: float | None = None
    """When the visitor's connection went (epoch seconds), while the relay keeps the place."""
    returned: bool = False
    """Answered before and back in the queue (transferred back), not a new visitor."""
    org: str | None = None
    """Another organisation's visitor this console's organisation covers (``cover``)."""
    org_name: str | None = None
    """...that organisation's name, the label shown with the entry."""

    @classmethod
    def from_entry(cls, entry: protocol.QueueEntry) -> Waiting:
        """A queue entry as ``protocol.decode`` checked it (every field has its type)."""
        return cls(
            conversation=entry["conversation"],
            alias=entry["alias"] or "?",
            since=entry["since"],
            lang=entry["lang"],
            role=entry["role"],
            preview=entry["preview"],
            urgent=entry["urgent"],
            reasons=list(entry["reasons"]),
            marked_by=entry.get("marked_by") or None,
            gone_since=entry.get("gone_since"),
            org=entry.get("org") or None,
            org_name=entry.get("org_name") or None,
        )


@dataclass(slots=True, eq=False)
class Chat:
    """A conversation this console holds or follows, or the staff room."""

    key: ChatKey
    alias: str
    lang: str | None = None
    role: str | None = None
    state: str = "active"
    staff: str | None = None
    staff_name: str | None = None
    urgent: bool = False
    reasons: list[str] = field(default_factory=list)
    marked_by: str | None = None
    """A staff member whose urgent / not urgent verdict the relay keeps over triage's."""
    created_at: float = 0.0
    readonly: bool = False
    """A supervisor's view of someone else's conversation."""
    following: bool = False
    """Readonly chats only: the supervisor follows it, so lines arrive live."""
    lines: list[Line] = field(default_factory=list)
    by_seq: dict[int, Line] = field(default_factory=dict)
    by_cid: dict[str, Line] = field(default_factory=dict)
    last_seq: int = 0
    unread: int = 0
    draft: str = ""
    note_mode: bool = False
    typing_until: float = 0.0
    ended_by: str | None = None
    help_wanted: bool = False
    referrals: list[str] = field(default_factory=list)
    """Ids of referrals inserted into the composer, preselected in the close dialog."""
    version: int = 0
    """Bumped whenever lines change, so views know their layout is stale."""
    org: str | None = None
    """Another organisation's chat taken while covering it (``cover``): its id..."""
    org_name: str | None = None
    """...and its name, shown with the chat."""

    @property
    def is_room(self) -> bool:
        return self.key == ROOM

    @property
    def has_transcript(self) -> bool:
        return not self.readonly or self.following

    @property
    def ended(self) -> bool:
        return self.ended_by is not None or self.state == "closed"

    def visitor_typing(self, now: float) -> bool:
        return self.typing_until > now

    def pending_count(self) -> int:
        return sum(1 for line in self.by_cid.values() if line.delivery in (PENDING, SENT))

    def insert(self, line: Line) -> int:
        """Place a line in seq order (own unacked lines stay last); return its index."""
        lines = self.lines
        index = len(lines)
        if line.seq is not None:
            self.by_seq[line.seq] = line
            self.last_seq = max(self.last_seq, line.seq)
            while index > 0 and _goes_after(lines[index - 1], line.seq):
                index -= 1
        lines.insert(index, line)
        self.version += 1
        return index

    def index_of(self, line: Line) -> int:
        for index in range(len(self.lines) - 1, -1, -1):
            if self.lines[index] is line:
                return index
        return -1


def _goes_after(earlier: Line, seq: int) -> bool:
    """Whether ``earlier`` belongs after a stored line numbered ``seq``."""
    if earlier.seq is None:
        return earlier.mine  # our unacknowledged lines stay at the end
    return earlier.seq > seq


@dataclass(frozen=True, slots=True)
class CoveredOrganisation:
    """An organisation this console's organisation answers for now (a ``cover`` frame)."""

    name: str
    canned: tuple[CannedReply, ...]
    directory: str | None
    """Its referral directory file, for its chats' referral pane."""


@dataclass(slots=True)
class Update:
    """What one frame changed, so the screen refreshes only that."""

    queue: bool = False
    new_waiting: list[Waiting] = field(default_factory=list)
    chats: bool = False
    """The list of chats (added, removed, unread counts, flags) changed."""
    lines_from: dict[ChatKey, int] = field(default_factory=dict)
    """Per chat, the first line index whose layout changed."""
    chat_meta: set[ChatKey] = field(default_factory=set)
    """Chats whose header (state, typing, ended) changed."""
    presence: bool = False
    session: bool = False
    removed: list[tuple[ChatKey, str]] = field(default_factory=list)
    """Chats taken out of this console, with the reason (transferred, closed)."""
    added: list[ChatKey] = field(default_factory=list)
    send: list[protocol.Frame] = field(default_factory=list)
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """Things to tell the person: an i18n key and its arguments."""
    error: protocol.Error | None = None
    stats: protocol.StatsReport | None = None
    """A supervisor's statistics report arrived (figures and the report settings with them)."""
    claimed: ChatKey | None = None
    """A chat this console just claimed: the screen switches to it."""
    inbox: bool = False
    """The inbox of questions changed (console/questions.py)."""
    show: ChatKey | None = None
    """A chat the person asked to open arrived: make it the active one."""
    network: bool = False
    """The professionals' network changed: its rooms or lines (console/network.py)."""

    def touch(self, key: ChatKey, index: int) -> None:
        current = self.lines_from.get(key)
        self.lines_from[key] = index if current is None else min(current, index)

    def merge(self, later: Update) -> None:
        """Fold a later update into this one (a burst of frames repaints once)."""
        self.queue = self.queue or later.queue
        self.new_waiting.extend(later.new_waiting)
        self.chats = self.chats or later.chats
        for key, index in later.lines_from.items():
            self.touch(key, index)
        self.chat_meta |= later.chat_meta
        self.presence = self.presence or later.presence
        self.session = self.session or later.session
        self.removed.extend(later.removed)
        self.added.extend(later.added)
        self.send.extend(later.send)
        self.notices.extend(later.notices)
        self.error = later.error or self.error
        self.stats = later.stats or self.stats
        self.claimed = later.claimed if later.claimed is not None else self.claimed
        self.inbox = self.inbox or later.inbox
        self.show = later.show if later.show is not None else self.show
        self.network = self.network or later.network


class ConsoleState:
    """The queue, the chats, the staff room and who is online, as the relay last told us."""

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.user: str | None = None
        self.name: str | None = None
        self.supervisor = False
        self.token: str | None = None
        # On a relay of several organisations: the account's, and its canned replies.
        self.organisation: str | None = None
        self.organisation_canned: tuple[CannedReply, ...] = ()
        self.organisation_directory: str | None = None
        """The relay's referral directory file (``session``), for the referral pane."""
        self.cover: dict[str, CoveredOrganisation] = {}
        """Organisations this one covers now (``cover`` frames), by id."""
        self.queue: list[Waiting] = []
        self.queue_total: int | None = None
        """How many wait in all, when the relay sends only the head of a long queue."""
        self.chats: dict[ChatKey, Chat] = {ROOM: Chat(ROOM, "room", state="active")}
        self.presence: list[protocol.PresenceEntry] = []
        self.active: ChatKey | None = None
        self.room_seen_seq = 0
        self.claim_pending = False
        """A claim is on its way: the chat the relay hands us next is the one to show."""
        self.aliases: dict[int, str] = {}
        """The alias of every conversation seen, so a notice names a chat the same way even
        after it left this console."""
        self.answered: set[int] = set()
        """Conversations seen claimed: one that comes back to the queue was transferred back."""
        self.inbox: dict[int, protocol.InboxEntry] = {}
        """Questions outside opening hours this person may see, by id (console/questions.py)."""
        self.opening: int | None = None
        """A question asked to open; its thread becomes the active chat when it arrives."""
        from console.network import NetworkState

        self.network: NetworkState = NetworkState()
        """The professionals' network's rooms and lines (empty unless the organisation is in
        it)."""

    # -- queries ----------------------------------------------------------------------------

    @property
    def room(self) -> Chat:
        return self.chats[ROOM]

    def chat(self, key: ChatKey | None) -> Chat | None:
        return None if key is None else self.chats.get(key)

    def active_chat(self) -> Chat | None:
        return self.chat(self.active)

    def my_chats(self) -> list[Chat]:
        """Conversations in the order the chat list shows them: own first, then followed."""
        convs = [c for c in self.chats.values() if not c.is_room]
        own = sorted((c for c in convs if not c.readonly), key=lambda c: c.created_at)
        watched = sorted((c for c in convs if c.readonly), key=lambda c: c.created_at)
        return own + watched

    @property
    def waiting_count(self) -> int:
        """How many visitors wait: the relay's total, or the entries we have."""
        return max(self.queue_total or 0, len(self.queue))

    def alias_of(self, key: ChatKey) -> str:
        """The one name a chat goes by in every notice (its alias, as the queue showed it)."""
        chat = self.chats.get(key)
        if chat is not None:
            return chat.alias
        return self.aliases.get(key, "?") if isinstance(key, int) else "?"

    def canned_for(self, chat: Chat | None) -> tuple[CannedReply, ...]:
        """The organisation's canned replies for a chat: a covered organisation's for its
        chats, the account's own for the rest."""
        if chat is not None and chat.org is not None and chat.org in self.cover:
            return self.cover[chat.org].canned
        return self.organisation_canned

    def waiting(self, conversation: int) -> Waiting | None:
        for entry in self.queue:
            if entry.conversation == conversation:
                return entry
        return None

    def colleagues(self) -> list[protocol.PresenceEntry]:
        """Logged-in staff other than me, for the transfer dialog."""
        return [p for p in self.presence if p["user"] != self.user]

    # -- local actions --------------------------------------------------------------------------

    def activate(self, key: ChatKey | None) -> Update:
        update = Update(chats=True)
        self.active = key
        chat = self.chat(key)
        if chat is not None:
            chat.unread = 0
            if chat.is_room and chat.lines:
                self.room_seen_seq = max((ln.seq or 0) for ln in chat.lines)
        return update

    def add_own_line(self, key: ChatKey, kind: str, text: str) -> tuple[Line, Update]:
        """A line this console is about to send: shown at once as pending."""
        chat = self.chats[key]
        line = Line(kind, self.name, text, self.clock(), cid=new_cid(), mine=True,
                    delivery=PENDING)
        assert line.cid is not None
        chat.by_cid[line.cid] = line
        update = Update()
        update.touch(key, chat.insert(line))
        return line, update

    def set_delivery(self, cid: str, delivery: str) -> Update:
        update = Update()
        for chat in self.chats.values():
            line = chat.by_cid.get(cid)
            if line is not None and line.delivery != STORED:
                line.delivery = delivery
                chat.version += 1
                update.touch(chat.key, chat.index_of(line))
        return update

    def remove_chat(self, key: ChatKey) -> Update:
        update = Update(chats=True)
        if key != ROOM and self.chats.pop(key, None) is not None:
            update.removed.append((key, "dismissed"))
            if self.active == key:
                self.active = None
        return update

    def expire_typing(self) -> Update:
        """Drop visitor typing flags that were never switched off."""
        update = Update()
        now = self.clock()
        for chat in self.chats.values():
            if chat.typing_until and chat.typing_until <= now:
                chat.typing_until = 0.0
                update.chat_meta.add(chat.key)
        return update

    # -- relay frames ------------------------------------------------------------------------

    def apply(self, frame: protocol.Frame) -> Update:
        """Fold one frame from the relay into the state."""
        handler = _HANDLERS.get(type(frame))
        update = Update()
        if handler is not None:
            handler(self, frame, update)
        return update

    def _session(self, frame: protocol.Session, update: Update) -> None:
        self.user, self.name, self.supervisor = frame.user, frame.name, frame.supervisor
        self.token = frame.token
        self.organisation = frame.organisation
        self.organisation_canned = _canned(frame.canned)
        self.organisation_directory = frame.directory
        update.session = True

    def _cover(self, frame: protocol.Cover, update: Update) -> None:
        """A cover window opened (its organisation's entries follow) or closed (they go)."""
        if frame.open:
            self.cover[frame.org] = CoveredOrganisation(frame.name, _canned(frame.canned),
                                                        frame.directory)
            update.notices.append(("notice.cover_open", {"org": frame.name}))
            return
        self.cover.pop(frame.org, None)
        self.queue = [w for w in self.queue if w.org != frame.org]
        update.queue = True
        # Its chats held here go back to its queue after the grace period (relay/cover_relay.py).
        for chat in [c for c in self.chats.values() if c.org == frame.org]:
            del self.chats[chat.key]
            update.removed.append((chat.key, "cover_closed"))
            update.chats = True
            if self.active == chat.key:
                self.active = None
        update.notices.append(("notice.cover_closed", {"org": frame.name}))

    def _queue_snapshot(self, frame: protocol.QueueSnapshot, update: Update) -> None:
        known = {w.conversation for w in self.queue}
        fresh = [self._remember(Waiting.from_entry(e)) for e in frame.entries]
        if frame.org is None:  # one's own queue first, then the covered organisations'
            self.queue = fresh + [w for w in self.queue if w.org is not None]
            self.queue_total = frame.total  # the snapshot holds the head of a long queue
        else:
            self.queue = [w for w in self.queue if w.org != frame.org] + fresh
        update.queue = True
        update.new_waiting = [w for w in fresh if w.conversation not in known]

    def _queued(self, frame: protocol.Queued, update: Update) -> None:
        entry = self._remember(Waiting.from_entry(frame.entry))
        existing = next((i for i, w in enumerate(self.queue)
                         if w.conversation == entry.conversation), None)
        if existing is not None:
            del self.queue[existing]
        else:
            update.new_waiting.append(entry)
        # ``index`` is the place in its organisation's queue: among that organisation's entries.
        places = [i for i, w in enumerate(self.queue) if w.org == entry.org]
        if frame.index < len(places):
            at = places[frame.index]
        elif places:
            at = places[-1] + 1
        else:
            at = len(self.queue) if entry.org is not None else next(
                (i for i, w in enumerate(self.queue) if w.org is not None), len(self.queue))
        self.queue.insert(at, entry)
        update.queue = True
        chat = self.chats.get(entry.conversation)
        if chat is not None and chat.readonly:  # a followed conversation went back to queue
            chat.state = "queued"
            update.chat_meta.add(chat.key)
            update.chats = True

    def _remember(self, entry: Waiting) -> Waiting:
        self.aliases[entry.conversation] = entry.alias
        entry.returned = entry.conversation in self.answered
        return entry

    def _dequeued(self, frame: protocol.Dequeued, update: Update) -> None:
        if frame.reason == "claimed":
            self.answered.add(frame.conversation)
        before = len(self.queue)
        self.queue = [w for w in self.queue if w.conversation != frame.conversation]
        update.queue = len(self.queue) != before
        if frame.reason == "visitor_gone" and update.queue:
            update.notices.append(("notice.visitor_gone",
                                   {"alias": self.alias_of(frame.conversation)}))

    def _queue_total(self, frame: protocol.QueueTotal, update: Update) -> None:
        self.queue_total = frame.total
        update.queue = True

    def _conversation(self, frame: protocol.ConversationInfo, update: Update) -> None:
        chat = self.chats.get(frame.id)
        if chat is None:
            chat = Chat(frame.id, frame.alias, created_at=frame.created_at)
            self.chats[frame.id] = chat
            update.added.append(frame.id)
        was_readonly = chat.readonly
        self.aliases[frame.id] = frame.alias
        self.answered.add(frame.id)
        if self.claim_pending and not frame.readonly and frame.state == "active" and (
                frame.id in update.added or was_readonly):
            self.claim_pending = False
            update.claimed = frame.id
        chat.alias, chat.lang, chat.role = frame.alias, frame.lang, frame.role
        chat.state, chat.staff, chat.staff_name = frame.state, frame.staff, frame.staff_name
        chat.urgent, chat.reasons = frame.urgent, list(frame.reasons)
        chat.marked_by = frame.marked_by
        chat.readonly = frame.readonly
        chat.org, chat.org_name = frame.org, frame.org_name
        if frame.state != "closed":
            chat.ended_by = None
        if not frame.readonly:
            chat.following = False
            chat.help_wanted = chat.help_wanted and was_readonly
        elif frame.messages:
            chat.following = True
        update.chats = True
        update.chat_meta.add(chat.key)
        first_changed: int | None = None
        for data in frame.messages:
            index = self._merge_line(chat, data)
            if index is not None:
                first_changed = index if first_changed is None else min(first_changed, index)
        if first_changed is not None:
            update.touch(chat.key, first_changed)
        if frame.messages or frame.last_seq <= chat.last_seq:
            return
        if not frame.readonly:
            # Reconnected (or restarted): ask for what we missed; duplicates are dropped by seq.
            update.send.append(protocol.Sync(frame.id, chat.last_seq))
        elif chat.following:
            # A new connection follows nothing yet: follow again (the relay audits it).
            update.send.append(protocol.View(frame.id))

    def _merge_line(self, chat: Chat, data: protocol.TranscriptLine) -> int | None:
        """Add a line from the relay unless we have it; return the index it took."""
        seq = data["seq"]
        if seq in chat.by_seq:
            return None
        cid = data.get("cid")
        mine = chat.by_cid.get(cid) if cid is not None else None
        if mine is not None:  # our own line, seen back (sync after reconnect, second window)
            index = chat.index_of(mine)
            if index >= 0:
                del chat.lines[index]
            mine.seq, mine.ts, mine.delivery = seq, data["ts"], STORED
            return min(index if index >= 0 else len(chat.lines), chat.insert(mine))
        line = Line(data["kind"] or "system", data["author"], data["text"], data["ts"], seq, cid)
        return chat.insert(line)

    def _line(self, frame: protocol.StaffLine, update: Update) -> None:
        chat = self.chats.get(frame.conversation)
        if chat is None or not chat.has_transcript:
            return
        index = self._merge_line(chat, protocol.transcript_line(frame))
        if index is None:
            return
        update.touch(chat.key, index)
        if frame.kind == "visitor":
            chat.typing_until = 0.0
            update.chat_meta.add(chat.key)
        if self.active != chat.key and frame.kind in ("visitor", "staff", "whisper"):
            chat.unread += 1
            update.chats = True

    def _ack(self, frame: protocol.StaffAck, update: Update) -> None:
        chat = self.chats.get(frame.conversation)
        if chat is None:
            return
        line = chat.by_cid.get(frame.cid)
        if line is None:
            return
        if frame.seq in chat.by_seq and chat.by_seq[frame.seq] is not line:
            # The same line already came back through sync: keep that one.
            index = chat.index_of(line)
            if index >= 0:
                del chat.lines[index]
                chat.version += 1
                update.touch(chat.key, index)
            chat.by_seq[frame.seq].delivery = STORED
            chat.by_seq[frame.seq].mine = True
            chat.by_cid[frame.cid] = chat.by_seq[frame.seq]
            return
        if line.seq is None:
            index = chat.index_of(line)
            if index >= 0:
                del chat.lines[index]
            line.seq, line.ts = frame.seq, frame.ts
            line.delivery = STORED
            new_index = chat.insert(line)
            update.touch(chat.key, min(new_index, index if index >= 0 else new_index))
        else:
            line.delivery = STORED
            chat.version += 1
            update.touch(chat.key, chat.index_of(line))

    def _room(self, frame: protocol.RoomLine, update: Update) -> None:
        room = self.room
        if frame.seq in room.by_seq:
            return
        mine = room.by_cid.get(frame.cid) if frame.cid else None
        if mine is not None:
            index = room.index_of(mine)
            if index >= 0:
                del room.lines[index]
            mine.seq, mine.ts, mine.delivery = frame.seq, frame.ts, STORED
            update.touch(ROOM, min(room.insert(mine), index if index >= 0 else len(room.lines)))
            return
        line = Line("room", frame.name, frame.text, frame.ts, frame.seq,
                    mine=frame.author == self.user)
        update.touch(ROOM, room.insert(line))
        if self.active != ROOM and frame.seq > self.room_seen_seq and frame.author != self.user:
            room.unread += 1
            update.chats = True
        if self.active == ROOM:
            self.room_seen_seq = max(self.room_seen_seq, frame.seq)

    def _typing(self, frame: protocol.VisitorIsTyping, update: Update) -> None:
        chat = self.chats.get(frame.conversation)
        if chat is not None:
            chat.typing_until = self.clock() + TYPING_EXPIRES_S if frame.active else 0.0
            update.chat_meta.add(chat.key)

    def _system_line(self, chat: Chat, text_key: str, update: Update, **args: str) -> None:
        line = Line("system", None, text_key, self.clock(), args=args or None)
        update.touch(chat.key, chat.insert(line))

    def _moment(self, frame: protocol.VisitorMoment, update: Update) -> None:
        chat = self.chats.get(frame.conversation)
        if chat is not None and chat.has_transcript:
            self._system_line(chat, "line.moment", update)
            update.chat_meta.add(chat.key)
            if self.active != chat.key:
                chat.unread += 1
                update.chats = True

    def _ended(self, frame: protocol.StaffEnded, update: Update) -> None:
        chat = self.chats.get(frame.conversation)
        if chat is None:
            return
        if frame.by == "staff" and not chat.readonly:
            # We closed it (here or in another window): it leaves the list.
            del self.chats[chat.key]
            if self.active == chat.key:
                self.active = None
            update.removed.append((chat.key, "closed"))
            update.chats = True
            return
        chat.state, chat.ended_by, chat.typing_until = "closed", frame.by, 0.0
        if chat.readonly and not chat.following:
            del self.chats[chat.key]
            update.removed.append((chat.key, "closed"))
            update.chats = True
            return
        reason = "quick_exit" if frame.reason == "quick_exit" else frame.by
        self._system_line(chat, f"line.ended.{reason}", update)
        update.chat_meta.add(chat.key)
        update.chats = True
        if not chat.readonly:
            update.notices.append(("notice.visitor_left", {"alias": chat.alias}))

    def _released(self, frame: protocol.Released, update: Update) -> None:
        chat = self.chats.pop(frame.conversation, None)
        if chat is None:
            return
        if self.active == chat.key:
            self.active = None
        update.removed.append((chat.key, "transferred"))
        update.chats = True
        if self.supervisor and frame.to is not None:
            # Supervisors still see every live conversation, read-only.
            self.chats[chat.key] = chat
            chat.readonly, chat.following, chat.staff = True, False, frame.to
            chat.lines.clear()
            chat.by_seq.clear()
            chat.by_cid.clear()
            chat.last_seq = 0
            chat.version += 1

    def _presence(self, frame: protocol.Presence, update: Update) -> None:
        self.presence = list(frame.staff)
        update.presence = True

    def _help(self, frame: protocol.HelpWanted, update: Update) -> None:
        chat = self.chats.get(frame.conversation)
        alias = self.alias_of(frame.conversation)
        if chat is not None:
            chat.help_wanted = True
            update.chats = True
            update.chat_meta.add(chat.key)
        update.notices.append(("notice.help_wanted", {"name": frame.name, "alias": alias}))

    def _stats(self, frame: protocol.StatsReport, update: Update) -> None:
        update.stats = frame

    def _error(self, frame: protocol.Error, update: Update) -> None:
        update.error = frame
        if frame.code in CLAIM_REFUSALS or (frame.code == "storage" and not frame.cid):
            self.claim_pending = False
        if frame.cid and self.network.failed(frame.cid):
            update.network = True
        if frame.cid:
            for chat in self.chats.values():
                line = chat.by_cid.get(frame.cid)
                if line is not None and line.delivery != STORED:
                    line.delivery = FAILED
                    chat.version += 1
                    update.touch(chat.key, chat.index_of(line))


_HANDLERS: dict[type, Callable[[ConsoleState, Any, Update], None]] = {
    protocol.Session: ConsoleState._session,
    protocol.QueueSnapshot: ConsoleState._queue_snapshot,
    protocol.Queued: ConsoleState._queued,
    protocol.Dequeued: ConsoleState._dequeued,
    protocol.ConversationInfo: ConsoleState._conversation,
    protocol.StaffLine: ConsoleState._line,
    protocol.StaffAck: ConsoleState._ack,
    protocol.RoomLine: ConsoleState._room,
    protocol.VisitorIsTyping: ConsoleState._typing,
    protocol.VisitorMoment: ConsoleState._moment,
    protocol.StaffEnded: ConsoleState._ended,
    protocol.Released: ConsoleState._released,
    protocol.Presence: ConsoleState._presence,
    protocol.HelpWanted: ConsoleState._help,
    protocol.Error: ConsoleState._error,
    protocol.StatsReport: ConsoleState._stats,
    protocol.QueueTotal: ConsoleState._queue_total,
    protocol.Cover: ConsoleState._cover,
}


def _canned(replies: list[protocol.CannedText] | None) -> tuple[CannedReply, ...]:
    """Canned replies as a ``session`` or ``cover`` frame gives them."""
    return tuple(
        CannedReply(str(c.get("key")), str(c.get("title") or c.get("key")), str(c["text"]))
        for c in replies or () if isinstance(c, dict) and isinstance(c.get("text"), str))


def _register_questions() -> None:
    from console.questions import HANDLERS

    _HANDLERS.update(HANDLERS)


_register_questions()


def _register_network() -> None:
    from console.network import HANDLERS

    _HANDLERS.update(HANDLERS)


_register_network()
