"""The Lotsen wire protocol: every frame type, in both directions, and its JSON codec.

This is a leaf module shared by the relay and the console. It imports only the standard
library, so that the console never pulls in the server and the relay never pulls in a UI
(``tests/test_import_hygiene.py`` proves it). docs/protocol.md describes the same frames for
people; the widget's copy of the frame names is checked against ``frame_types()`` by a test.

Frames are flat JSON objects with a ``type`` field. Each direction has its own registry,
because the same name (``message``, ``typing``) carries different fields one way and the
other. ``decode()`` validates a raw frame against its registry and raises ``ProtocolError``,
which the relay turns into an error frame or a close code, never a traceback.
"""

from __future__ import annotations

import json
import types
import typing
import unicodedata
from dataclasses import MISSING, dataclass, field, fields
from typing import (
    Any,
    ClassVar,
    Literal,
    NotRequired,
    TypedDict,
    Union,
    cast,
    get_args,
    get_origin,
    is_typeddict,
)

PROTOCOL_VERSION = 1

VISITOR_PATH = "/ws/visitor"
STAFF_PATH = "/ws/staff"

# Limits that both sides must agree on.
MAX_FRAME_BYTES = 16 * 1024
MAX_TEXT_CHARS = 4000
MAX_CID_CHARS = 64

LANGUAGES = ("sv", "en", "nb")
ROLES = ("self", "relative", "child", "professional")
# Weekday keys of the statistics (``by_weekday``), Monday first as ``date.weekday()`` counts.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FEEDBACK_ANSWERS = ("yes", "partly", "no")
TRIAGE_ANSWERS = ("right", "should_be_urgent", "should_not_be_urgent")
"""The close dialog's "was the triage right?": yes / should have been urgent / should not."""
# Who wrote a transcript line. Visitors only ever see "visitor" and "staff" lines.
KINDS = ("visitor", "staff", "note", "whisper", "system")
VISIBLE_TO_VISITOR = frozenset({"visitor", "staff"})

Lang = Literal["sv", "en", "nb"]
Role = Literal["self", "relative", "child", "professional"]


class ProtocolError(Exception):
    """A frame that does not follow the protocol.

    ``code`` is the machine-readable error code sent back in an ``error`` frame;
    ``close_code`` is set when the connection must be closed rather than answered.
    """

    def __init__(self, code: str, message: str, *, close_code: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.close_code = close_code


# ---------------------------------------------------------------------------------------------
# Nested payloads: the objects frames carry inside lists and fields. They are TypedDicts, so
# the wire format is exactly the JSON object (nothing to convert on the relay's hot path) and
# mypy checks every place that builds or reads one; ``decode()`` validates them field by field
# like the frames themselves. Keys marked NotRequired were added later: a frame without them
# still decodes.


class EmergencyContact(TypedDict):
    """Where to get help now: a name and a phone number, a web address or both."""

    name: str
    phone: NotRequired[str]
    url: NotRequired[str]
    note: NotRequired[str]


# Where to get help now, shown whenever the chat cannot answer. Numbers and addresses as
# verified in shared/research/domain_and_security.md section 1.1 (review before each release);
# a municipality replaces the list with [[emergency]] tables in its config. It lives here, in
# the shared leaf, because the console shows the same list before its referral directory loads.
DEFAULT_EMERGENCY: tuple[EmergencyContact, ...] = (
    {"name": "112 – vid akut fara", "phone": "112"},
    {"name": "Mind Självmordslinjen (dygnet runt)", "phone": "90101", "url": "https://mind.se"},
    {"name": "Hjälplinjen, psykisk ohälsa (dygnet runt)", "phone": "90 390"},
    {"name": "1177 Vårdguiden (dygnet runt)", "phone": "1177", "url": "https://www.1177.se"},
    {"name": "Bris, för dig under 18 (dygnet runt)", "phone": "116 111",
     "url": "https://www.bris.se"},
    {"name": "Jourhavande medmänniska (kl. 21–06)", "phone": "08-702 16 80"},
)


class QueueEntry(TypedDict):
    """One waiting visitor as staff see it in the queue (``queue`` and ``queued`` frames)."""

    conversation: int
    alias: str
    since: float
    lang: str | None
    role: str | None
    preview: str
    urgent: bool
    reasons: list[str]
    gone_since: NotRequired[float | None]
    """When the visitor's last connection closed (epoch seconds); None while connected."""
    marked_by: NotRequired[str | None]
    """Display name of the staff member whose urgent / not urgent verdict overrides triage."""
    org: NotRequired[str]
    """Set for another organisation's chat a covering staff member sees (``cover``): its id."""
    org_name: NotRequired[str]
    """...and its name, the label the console shows."""


class PresenceEntry(TypedDict):
    """One logged-in staff member (``presence`` frame)."""

    user: str
    name: str
    supervisor: bool


class QuestionOffer(TypedDict):
    """The ``questions`` field of ``status`` when questions outside opening hours are on."""

    offer: bool
    """Whether the widget offers asking a question now (closed, nobody online, or busy)."""
    retention_days: int
    """How long a question's text is kept."""


class CannedText(TypedDict):
    """One of an organisation's canned replies (``session`` frame on a relay of several)."""

    key: str
    title: str
    text: str


class InboxEntry(TypedDict):
    """One question outside opening hours as staff see it (``inbox`` and ``question``)."""

    id: int
    urgent: bool
    reasons: list[str]
    lang: str | None
    role: str | None
    state: str
    """``open`` or ``closed``."""
    staff: str | None
    staff_name: str | None
    asked_at: float
    last_visitor_at: float | None
    unread: int
    """Visitor lines after the last one staff saw."""
    answered: bool
    read: bool
    """Whether the visitor has read the answer."""
    preview: str


class AnswerTimes(TypedDict):
    median: float | None
    p90: float | None


class QuestionFigures(TypedDict):
    """The ``questions`` part of a statistics report (``relay.questions.QuestionStats``)."""

    asked: int
    answered: int
    read: int
    share_read: float | None
    first_answer_s: AnswerTimes
    by_weekday: list[int]
    by_hour: list[int]
    who: dict[str, int]
    language: dict[str, int]
    tags: dict[str, int]


class TranscriptLine(TypedDict):
    """One stored line of a conversation sent with it (``conversation`` frame's ``messages``):
    a ``message`` frame to staff without its ``type`` and ``conversation``."""

    seq: int
    kind: str
    author: str | None
    text: str
    ts: float
    cid: NotRequired[str | None]


class PeriodFigures(TypedDict):
    since: str
    until: str
    timezone: str


class Totals(TypedDict):
    conversations: int
    answered: int
    abandoned: int
    in_progress: int
    urgent: int
    closed_visits: int


class SpreadFigures(TypedDict):
    """How many values, their median and p90 (None without values)."""

    count: int
    median: float | None
    p90: float | None


class WeekdayFigures(TypedDict):
    weekday: str
    days: int
    conversations: int
    closed_visits: int


class HourFigures(TypedDict):
    hour: int
    conversations: int
    closed_visits: int


class WeekdayHourFigures(TypedDict):
    """Seven rows (Monday first) of 24 local hours."""

    conversations: list[list[int]]
    closed_visits: list[list[int]]


class WeekTrend(TypedDict):
    week: str
    conversations: int
    answered: int
    abandoned: int
    closed_visits: int


class HourWaitFigures(TypedDict):
    hour: int
    answered: int
    abandoned: int
    median: float | None
    p90: float | None


class StatsFigures(TypedDict):
    """Every figure of one period (``figures.stats.Statistics``; ``lotsen stats --format
    json`` prints the same object). Counts by key are cut to the most frequent keys."""

    period: PeriodFigures
    totals: Totals
    closed_by: dict[str, int]
    wait_s: SpreadFigures
    abandoned_wait_s: SpreadFigures
    duration_s: SpreadFigures
    lines: SpreadFigures
    by_weekday: list[WeekdayFigures]
    by_hour: list[HourFigures]
    by_weekday_hour: WeekdayHourFigures
    who: dict[str, int]
    language: dict[str, int]
    tags: dict[str, int]
    referrals: dict[str, int]
    feedback: dict[str, int]
    triage: NotRequired[dict[str, int]]
    weeks: list[WeekTrend]
    waits_by_hour: NotRequired[list[HourWaitFigures]]
    questions: NotRequired[QuestionFigures]
    """Questions outside opening hours (``relay.questions.QuestionStats.to_dict()``)."""


class ReportSettings(TypedDict):
    """What a saved evaluation report states beside the figures (``figures.report.
    ReportContext``): its language, weekly opening hours, retention, small-number threshold."""

    lang: str
    min_count: int
    retention_days: int
    open: list[str]
    """Seven strings of 24 characters, "1" where the weekly schedule is open in that hour."""
    referral_names: dict[str, str]


def transcript_line(frame: StaffLine) -> TranscriptLine:
    """The stored line a ``message`` frame to staff carries, as a conversation's history."""
    return {"seq": frame.seq, "kind": frame.kind, "author": frame.author, "text": frame.text,
            "ts": frame.ts, "cid": frame.cid}


# Close codes (RFC 6455 and the 4000-4999 private range).
CLOSE_NORMAL = 1000
CLOSE_GOING_AWAY = 1001
CLOSE_UNSUPPORTED = 1003
CLOSE_POLICY = 1008
CLOSE_TOO_BIG = 1009
CLOSE_TRY_AGAIN = 1013
CLOSE_AUTH_FAILED = 4001
CLOSE_SESSION_ENDED = 4002
CLOSE_REPLACED = 4003
CLOSE_VERSION = 4004
CLOSE_IDLE = 4005  # a visitor socket with no chat and no traffic; reconnect when needed
CLOSE_BLOCKED = 4006  # staff blocked this chat; do not offer to start a new one


class Frame:
    """Base of every frame; subclasses are frozen dataclasses with a ``type`` ClassVar."""

    type: ClassVar[str]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        for name in _field_names(type(self)):
            out[name] = getattr(self, name)
        return out


# ---------------------------------------------------------------------------------------------
# Visitor -> relay


@dataclass(frozen=True, slots=True)
class Hello(Frame):
    """First frame on the visitor endpoint. ``resume`` carries the token of a started chat."""

    type: ClassVar[str] = "hello"
    v: int
    lang: Lang | None = None
    role: Role | None = None
    resume: str | None = None
    last_seq: int = 0
    purpose: Literal["chat", "questions"] = "chat"  # "questions": the question bundle's socket


@dataclass(frozen=True, slots=True)
class VisitorSend(Frame):
    """A line the visitor writes. The first one creates the conversation.

    ``token`` (first line only, optional): a resume token the widget made itself (at least
    128 random bits, base64url). The relay uses it for the new conversation, so a widget
    whose ``started`` frame was lost can send the same first line again and rejoin the chat
    it already started instead of starting a second one.
    """

    type: ClassVar[str] = "message"
    text: str
    cid: str
    lang: Lang | None = None
    role: Role | None = None
    token: str | None = None


@dataclass(frozen=True, slots=True)
class VisitorTyping(Frame):
    type: ClassVar[str] = "typing"
    active: bool


@dataclass(frozen=True, slots=True)
class Moment(Frame):
    """'I need a moment': tells staff the visitor is still there."""

    type: ClassVar[str] = "moment"


@dataclass(frozen=True, slots=True)
class Leave(Frame):
    """The visitor ends the chat, or leaves by quick exit."""

    type: ClassVar[str] = "leave"
    reason: Literal["ended", "quick_exit"] = "ended"


@dataclass(frozen=True, slots=True)
class Feedback(Frame):
    """The one-question feedback after a chat ended; kept only as an aggregate."""

    type: ClassVar[str] = "feedback"
    answer: Literal["yes", "partly", "no"]


# ---------------------------------------------------------------------------------------------
# Staff -> relay


@dataclass(frozen=True, slots=True)
class Login(Frame):
    """First frame on the staff endpoint: a password, or the session token of a reconnect.

    ``device``: the device token a console got in an earlier ``session`` for this account; it
    keeps that console's failed logins apart from strangers' (docs/security.md).
    """

    type: ClassVar[str] = "login"
    v: int
    user: str | None = None
    password: str | None = None
    session: str | None = None
    totp: str | None = None
    device: str | None = None


@dataclass(frozen=True, slots=True)
class Claim(Frame):
    """Claim a waiting visitor: a chosen one, or the first in queue order when omitted."""

    type: ClassVar[str] = "claim"
    conversation: int | None = None


@dataclass(frozen=True, slots=True)
class StaffSend(Frame):
    type: ClassVar[str] = "message"
    conversation: int
    text: str
    cid: str


@dataclass(frozen=True, slots=True)
class Note(Frame):
    """An internal note in a conversation. Never sent to the visitor."""

    type: ClassVar[str] = "note"
    conversation: int
    text: str
    cid: str


@dataclass(frozen=True, slots=True)
class StaffTyping(Frame):
    type: ClassVar[str] = "typing"
    conversation: int
    active: bool


@dataclass(frozen=True, slots=True)
class Transfer(Frame):
    """Hand a conversation to a colleague (``to``) or back to the queue (``to`` omitted)."""

    type: ClassVar[str] = "transfer"
    conversation: int
    to: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Close(Frame):
    """Close a conversation with its outcome: who wrote, topic tags, referral ids given."""

    type: ClassVar[str] = "close"
    conversation: int
    role: Role | None = None
    tags: list[str] = field(default_factory=list)
    referrals: list[str] = field(default_factory=list)
    triage: Literal["right", "should_be_urgent", "should_not_be_urgent"] | None = None
    """Was the triage right? Counted in the statistics, never stored with any text."""


@dataclass(frozen=True, slots=True)
class Sync(Frame):
    """Ask for every line of a conversation after ``after`` (a sequence number)."""

    type: ClassVar[str] = "sync"
    conversation: int
    after: int = 0


@dataclass(frozen=True, slots=True)
class RoomSend(Frame):
    """A line in the staff room, the closed channel where colleagues consult each other."""

    type: ClassVar[str] = "room"
    text: str
    cid: str


@dataclass(frozen=True, slots=True)
class View(Frame):
    """Supervisor: follow a conversation read-only. Written to the audit log."""

    type: ClassVar[str] = "view"
    conversation: int


@dataclass(frozen=True, slots=True)
class Unview(Frame):
    type: ClassVar[str] = "unview"
    conversation: int


@dataclass(frozen=True, slots=True)
class Whisper(Frame):
    """Supervisor: a note in a conversation that only staff see."""

    type: ClassVar[str] = "whisper"
    conversation: int
    text: str
    cid: str


@dataclass(frozen=True, slots=True)
class HelpRequest(Frame):
    """Staff asks a supervisor to look at a conversation."""

    type: ClassVar[str] = "help"
    conversation: int


@dataclass(frozen=True, slots=True)
class Logout(Frame):
    """End the session: its token stops working."""

    type: ClassVar[str] = "logout"


@dataclass(frozen=True, slots=True)
class StatsRequest(Frame):
    """Supervisor: the anonymous statistics of local days ``since``..``until`` (ISO dates,
    both included; default: the current month to date). Answered with a ``stats`` frame."""

    type: ClassVar[str] = "stats"
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Mark(Frame):
    """Staff's own verdict on a queued or held chat: urgent or not. The relay keeps it over the
    triage engine's, shows it to colleagues in the queue, and writes it to the audit log."""

    type: ClassVar[str] = "mark"
    conversation: int
    urgent: bool


@dataclass(frozen=True, slots=True)
class Block(Frame):
    """End an abusive conversation for good: the visitor is told politely, and the chat's
    token can neither resume it nor start a new chat. Written to the audit log."""

    type: ClassVar[str] = "block"
    conversation: int


# ---------------------------------------------------------------------------------------------
# Relay -> visitor


@dataclass(frozen=True, slots=True)
class Status(Frame):
    """Whether the chat is open now, sent after ``hello`` and whenever it changes.

    ``reason`` is None when open, else ``hours``, ``cutoff``, ``holiday``, ``no_staff``,
    ``queue_closed`` or ``busy`` (too many visitors connected: the relay closes with 1013
    right after; try again in a while). ``next_open`` and ``closes_at`` are ISO 8601 with offset.
    ``retention_days``: how long transcript text is kept, for the widget's privacy line.
    ``tz``: the service's IANA time zone (``[hours] timezone``), so the widget shows opening
    times in the service's clock whatever the visitor's device is set to.
    """

    type: ClassVar[str] = "status"
    open: bool
    reason: str | None
    next_open: str | None
    closes_at: str | None
    emergency: list[EmergencyContact]
    retention_days: int | None = None
    tz: str | None = None
    # Questions outside opening hours: None when switched off, else {"offer": whether to offer
    # asking one now, "retention_days": how long a question's text is kept}.
    questions: QuestionOffer | None = None


@dataclass(frozen=True, slots=True)
class Closed(Frame):
    """The chat cannot take a new conversation now: when it opens next, where to get help."""

    type: ClassVar[str] = "closed"
    reason: str
    next_open: str | None
    emergency: list[EmergencyContact]
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class Started(Frame):
    """The first message created the conversation; ``token`` resumes it (keep it secret)."""

    type: ClassVar[str] = "started"
    alias: str
    token: str


@dataclass(frozen=True, slots=True)
class Resumed(Frame):
    type: ClassVar[str] = "resumed"
    alias: str
    state: Literal["queued", "active", "closed"]
    staff: str | None
    last_seq: int


@dataclass(frozen=True, slots=True)
class VisitorAck(Frame):
    """The line ``cid`` is durably stored as ``seq``."""

    type: ClassVar[str] = "ack"
    cid: str
    seq: int
    ts: float


@dataclass(frozen=True, slots=True)
class VisitorLine(Frame):
    """A transcript line as the visitor sees it (own lines are replayed on resume)."""

    type: ClassVar[str] = "message"
    seq: int
    kind: Literal["visitor", "staff"]
    author: str | None
    text: str
    ts: float
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class QueuePosition(Frame):
    """Place in the queue (1 = next) and an estimated wait in seconds, when one can be given.

    ``help``: show the help list open while waiting. True when the relay flagged the chat as
    needing help soon; the visitor is never told that it was flagged, so the wire says
    ``help``, not ``urgent``.
    """

    type: ClassVar[str] = "queue"
    position: int
    wait_s: int | None
    help: bool = False


@dataclass(frozen=True, slots=True)
class Claimed(Frame):
    """A counsellor answers. ``organisation`` and ``on_behalf_of`` are set when a counsellor
    of another organisation covers this one's hours (``[[organisation.cover]]``): the widget
    says "a counsellor from {organisation} answers on behalf of {on_behalf_of}"."""

    type: ClassVar[str] = "claimed"
    staff: str
    organisation: str | None = None
    on_behalf_of: str | None = None


@dataclass(frozen=True, slots=True)
class PeerTyping(Frame):
    type: ClassVar[str] = "typing"
    active: bool


@dataclass(frozen=True, slots=True)
class VisitorEnded(Frame):
    """The conversation is over. ``by`` is ``staff``, ``visitor`` or ``system``.

    ``reason`` ``blocked``: staff blocked the chat; keep its token so that it cannot start again.
    """

    type: ClassVar[str] = "ended"
    by: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Error(Frame):
    """Something the client sent was refused; ``cid`` names the refused line, if any."""

    type: ClassVar[str] = "error"
    code: str
    message: str
    cid: str | None = None


# ---------------------------------------------------------------------------------------------
# Relay -> staff


@dataclass(frozen=True, slots=True)
class Session(Frame):
    """Login succeeded. ``token`` logs in again after a reconnect until ``expires_at``.

    ``device`` (after a password login): a token for the console to keep and send with later
    password logins of this account, so a stranger's failed guesses never lock it out.
    ``organisation`` (a relay serving several): the name of the account's organisation;
    ``canned``: its canned replies, ``{"key", "title", "text"}`` each, offered when the
    console's own settings have none.
    """

    type: ClassVar[str] = "session"
    v: int
    token: str
    user: str
    name: str
    supervisor: bool
    expires_at: float
    device: str | None = None
    organisation: str | None = None
    canned: list[CannedText] | None = None
    directory: str | None = None
    """The relay's referral directory file (TOML, docs/referrals.md), which the console's
    referral pane lays over the shipped directory, so staff see their organisation's own
    local services; None when the relay has none."""


@dataclass(frozen=True, slots=True)
class QueueSnapshot(Frame):
    """The head of the queue in relay order (urgent first, then oldest first).

    ``entries`` holds at most the first ``[queue] snapshot_entries`` (default 100) entries;
    ``total`` is how many are waiting in all. After the snapshot the relay sends ``queued``
    and ``dequeued`` for changes within that head (an entry moving into it is ``queued``) and
    ``queue_total`` when the count changes.
    """

    type: ClassVar[str] = "queue"
    entries: list[QueueEntry]
    total: int | None = None
    org: str | None = None
    """Set for another organisation's queue a covering staff member sees (``cover``): the
    snapshot replaces that organisation's entries only."""


@dataclass(frozen=True, slots=True)
class Queued(Frame):
    """A queue entry was added or changed (e.g. became urgent); ``index`` is its place."""

    type: ClassVar[str] = "queued"
    entry: QueueEntry
    index: int


@dataclass(frozen=True, slots=True)
class Dequeued(Frame):
    """A chat left the queue: ``claimed``, ``left`` (the visitor ended it, or it was closed)
    or ``visitor_gone`` (its visitor was disconnected longer than the grace period)."""

    type: ClassVar[str] = "dequeued"
    conversation: int
    reason: str


@dataclass(frozen=True, slots=True)
class QueueTotal(Frame):
    """How many chats are waiting, sent when the count changes (at most once a second)."""

    type: ClassVar[str] = "queue_total"
    total: int


@dataclass(frozen=True, slots=True)
class ConversationInfo(Frame):
    """A conversation this staff member now holds or follows, with lines if any were asked."""

    type: ClassVar[str] = "conversation"
    id: int
    alias: str
    lang: str | None
    role: str | None
    state: str
    staff: str | None
    staff_name: str | None
    urgent: bool
    reasons: list[str]
    created_at: float
    last_seq: int
    readonly: bool
    messages: list[TranscriptLine]
    marked_by: str | None = None
    """Display name of the staff member whose verdict (``urgent``) overrides triage, if any."""
    org: str | None = None
    """Set for another organisation's chat a covering staff member holds (``cover``): its id;
    ``org_name`` its name, the label the console shows."""
    org_name: str | None = None


@dataclass(frozen=True, slots=True)
class Cover(Frame):
    """To staff: a cover window (``[[organisation.cover]]``) opened or closed. While ``open``,
    organisation ``org`` (named ``name``) has this staff member's organisation answer its
    visitors: its waiting chats and the chats taken from it carry ``org``; ``canned`` are its
    canned replies (as in ``session``). When it closes, that organisation's entries leave the
    queue; chats still held go back to its queue after the grace period (``staff_grace_s``)."""

    type: ClassVar[str] = "cover"
    org: str
    name: str
    open: bool
    canned: list[CannedText] | None = None
    directory: str | None = None
    """Its referral directory file (as in ``session``), for its chats' referral pane."""


@dataclass(frozen=True, slots=True)
class StaffLine(Frame):
    type: ClassVar[str] = "message"
    conversation: int
    seq: int
    kind: str
    author: str | None
    text: str
    ts: float
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class StaffAck(Frame):
    type: ClassVar[str] = "ack"
    cid: str
    conversation: int
    seq: int
    ts: float


@dataclass(frozen=True, slots=True)
class VisitorIsTyping(Frame):
    type: ClassVar[str] = "typing"
    conversation: int
    active: bool


@dataclass(frozen=True, slots=True)
class VisitorMoment(Frame):
    type: ClassVar[str] = "moment"
    conversation: int


@dataclass(frozen=True, slots=True)
class StaffEnded(Frame):
    """A conversation ended: ``by`` is ``visitor``, ``staff`` or ``system``."""

    type: ClassVar[str] = "ended"
    conversation: int
    by: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Released(Frame):
    """A conversation left this staff member's hands (transferred, or returned to queue)."""

    type: ClassVar[str] = "released"
    conversation: int
    to: str | None


@dataclass(frozen=True, slots=True)
class RoomLine(Frame):
    type: ClassVar[str] = "room"
    seq: int
    author: str
    name: str
    text: str
    ts: float
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class Presence(Frame):
    """Who of the staff is logged in now."""

    type: ClassVar[str] = "presence"
    staff: list[PresenceEntry]


@dataclass(frozen=True, slots=True)
class HelpWanted(Frame):
    """To supervisors: a colleague asks for help with a conversation."""

    type: ClassVar[str] = "help"
    conversation: int
    user: str
    name: str


@dataclass(frozen=True, slots=True)
class StatsReport(Frame):
    """To a supervisor: aggregate figures in the shape of ``lotsen stats --format json``
    (``figures.stats.Statistics.to_dict()``; ``Statistics.from_dict()`` reads it back).
    ``context``: what a saved report states beside the figures (``figures.report.ReportContext``:
    language, weekly opening hours, retention, the small-number threshold)."""

    type: ClassVar[str] = "stats"
    report: StatsFigures
    context: ReportSettings | None = None


# ---------------------------------------------------------------------------------------------
# Questions outside opening hours (docs/protocol.md "Questions"): a visitor asks, gets a case
# code shown once, and reads the answer later with it. The widget's question bundle speaks these
# on a socket of its own (``hello`` with ``purpose: "questions"``).


@dataclass(frozen=True, slots=True)
class Ask(Frame):
    """Visitor: a question for staff to answer later. ``key`` (optional, 22-86 base64url
    characters the widget made) lets a resend after a lost ``asked`` get a fresh code for the
    same question instead of asking it twice."""

    type: ClassVar[str] = "ask"
    text: str
    cid: str
    lang: Lang | None = None
    role: Role | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class ReadThread(Frame):
    """Visitor: open a question's thread with its case code."""

    type: ClassVar[str] = "read"
    code: str


@dataclass(frozen=True, slots=True)
class Reply(Frame):
    """Visitor: write back in the thread this connection opened with ``read``."""

    type: ClassVar[str] = "reply"
    text: str
    cid: str


@dataclass(frozen=True, slots=True)
class Asked(Frame):
    """The question ``cid`` is stored. ``code`` is shown once and is the only way back.

    ``urgent``: triage found acute risk in it; the widget shows ``emergency`` first and says
    nobody reads the question before ``next_open`` (None: during today's opening hours)."""

    type: ClassVar[str] = "asked"
    cid: str
    code: str
    urgent: bool
    next_open: str | None
    retention_days: int
    emergency: list[EmergencyContact]


@dataclass(frozen=True, slots=True)
class Thread(Frame):
    """A question's thread as the visitor sees it: their lines and the answers, oldest first.

    ``state`` is ``open`` (replies taken) or ``closed``; ``lines`` hold ``seq``, ``kind``
    (``visitor`` or ``staff``), ``author``, ``text`` and ``ts``."""

    type: ClassVar[str] = "thread"
    state: Literal["open", "closed"]
    asked_at: float
    lines: list[TranscriptLine]
    next_open: str | None
    retention_days: int


@dataclass(frozen=True, slots=True)
class QuestionOpen(Frame):
    """Staff: open a question (taking it when unassigned; a supervisor reads any, audited)."""

    type: ClassVar[str] = "question_open"
    question: int


@dataclass(frozen=True, slots=True)
class QuestionAnswer(Frame):
    """Staff: an answer the visitor reads with their code (``note``: staff only)."""

    type: ClassVar[str] = "question_answer"
    question: int
    text: str
    cid: str
    note: bool = False


@dataclass(frozen=True, slots=True)
class QuestionClose(Frame):
    """Staff: close a question with its outcome, as ``close`` does for a chat."""

    type: ClassVar[str] = "question_close"
    question: int
    role: Role | None = None
    tags: list[str] = field(default_factory=list)
    referrals: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Inbox(Frame):
    """To staff: every question they may see, urgent first, then oldest (see ``question``)."""

    type: ClassVar[str] = "inbox"
    entries: list[InboxEntry]


@dataclass(frozen=True, slots=True)
class QuestionEntry(Frame):
    """To staff: a question was added to the inbox or changed (unread count, holder, answer)."""

    type: ClassVar[str] = "question"
    entry: InboxEntry


@dataclass(frozen=True, slots=True)
class QuestionGone(Frame):
    """To staff: a question left this inbox (``closed``, ``taken`` by a colleague, ``purged``)."""

    type: ClassVar[str] = "question_gone"
    question: int
    reason: str


@dataclass(frozen=True, slots=True)
class QuestionThread(Frame):
    """To staff: an opened question with every line (notes included)."""

    type: ClassVar[str] = "question_thread"
    entry: InboxEntry
    lines: list[TranscriptLine]
    readonly: bool


@dataclass(frozen=True, slots=True)
class QuestionLine(Frame):
    """To staff: a new line in a question they hold or read."""

    type: ClassVar[str] = "question_line"
    question: int
    seq: int
    kind: str
    author: str | None
    text: str
    ts: float
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class QuestionAck(Frame):
    """To staff: the answer or note ``cid`` is durably stored as ``seq``."""

    type: ClassVar[str] = "question_ack"
    cid: str
    question: int
    seq: int
    ts: float


# ---------------------------------------------------------------------------------------------
# The professionals' network (issue 15): topic rooms shared by the staff of the organisations
# on one relay that opt in. Never on the visitor endpoint.


class NetworkRoomEntry(TypedDict):
    """One topic room of the network (``network_rooms`` frame): its id and its name per
    language (sv, en, nb)."""

    id: str
    names: dict[str, str]


@dataclass(frozen=True, slots=True)
class NetworkSend(Frame):
    """Staff: a line in one of the network's topic rooms. Answered, once stored, by the
    ``network`` line itself carrying this ``cid``; ``forbidden`` when the staff member's
    organisation is not in the network."""

    type: ClassVar[str] = "network"
    room: str
    text: str
    cid: str


@dataclass(frozen=True, slots=True)
class NetworkRooms(Frame):
    """To staff of an organisation in the network, after login: the topic rooms, and how many
    days their lines are kept. Staff of other organisations never get it."""

    type: ClassVar[str] = "network_rooms"
    rooms: list[NetworkRoomEntry]
    retention_days: int


@dataclass(frozen=True, slots=True)
class NetworkLine(Frame):
    """To staff of every organisation in the network: a stored line of a topic room, with
    its author's name and organisation (``org`` its id, ``organisation`` its name). ``cid``
    only to the connection that wrote it (its acknowledgement)."""

    type: ClassVar[str] = "network"
    room: str
    seq: int
    org: str
    organisation: str
    name: str
    text: str
    ts: float
    cid: str | None = None


# ---------------------------------------------------------------------------------------------
# Registries and codec

VisitorFrame = Hello | VisitorSend | VisitorTyping | Moment | Leave | Feedback
StaffFrame = (
    Login | Claim | StaffSend | Note | StaffTyping | Transfer | Close | Sync | RoomSend | View
    | Unview | Whisper | HelpRequest | Logout | Block
    | StatsRequest | Mark
)


def _registry(*classes: type[Frame]) -> dict[str, type[Frame]]:
    return {cls.type: cls for cls in classes}


VISITOR_TO_RELAY = _registry(Hello, VisitorSend, VisitorTyping, Moment, Leave, Feedback)
STAFF_TO_RELAY = _registry(
    Login, Claim, StaffSend, Note, StaffTyping, Transfer, Close, Sync, RoomSend, View, Unview,
    Whisper, HelpRequest, Logout, Block,
    StatsRequest, Mark,
)
RELAY_TO_VISITOR = _registry(
    Status, Closed, Started, Resumed, VisitorAck, VisitorLine, QueuePosition, Claimed,
    PeerTyping, VisitorEnded, Error,
)
RELAY_TO_STAFF = _registry(
    Session, QueueSnapshot, Queued, Dequeued, QueueTotal, ConversationInfo, StaffLine, StaffAck,
    VisitorIsTyping, VisitorMoment, StaffEnded, Released, RoomLine, Presence, HelpWanted, Error,
    StatsReport, Cover,
)

# Questions outside opening hours (issue 14), kept apart so the lists above stay as they were.
VISITOR_TO_RELAY.update(_registry(Ask, ReadThread, Reply))
STAFF_TO_RELAY.update(_registry(QuestionOpen, QuestionAnswer, QuestionClose))
RELAY_TO_VISITOR.update(_registry(Asked, Thread))
RELAY_TO_STAFF.update(_registry(Inbox, QuestionEntry, QuestionGone, QuestionThread, QuestionLine,
                                QuestionAck))
QUESTION_VISITOR_FRAMES = (Ask, ReadThread, Reply)
QUESTION_STAFF_FRAMES = (QuestionOpen, QuestionAnswer, QuestionClose)

# The professionals' network (issue 15), likewise: staff only, never a visitor's.
STAFF_TO_RELAY.update(_registry(NetworkSend))
RELAY_TO_STAFF.update(_registry(NetworkRooms, NetworkLine))
NETWORK_STAFF_FRAMES = (NetworkSend,)

DIRECTIONS: dict[str, dict[str, type[Frame]]] = {
    "visitor_to_relay": VISITOR_TO_RELAY,
    "staff_to_relay": STAFF_TO_RELAY,
    "relay_to_visitor": RELAY_TO_VISITOR,
    "relay_to_staff": RELAY_TO_STAFF,
}


def frame_types() -> dict[str, list[str]]:
    """Frame type names per direction, as the widget and docs/protocol.md list them."""
    return {direction: sorted(registry) for direction, registry in DIRECTIONS.items()}


_FIELD_CACHE: dict[type, tuple[str, ...]] = {}
_HINT_CACHE: dict[type, dict[str, Any]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_CACHE.get(cls)
    if names is None:
        names = tuple(f.name for f in fields(cls))
        _FIELD_CACHE[cls] = names
    return names


_TYPED_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _typed_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, type hint) of each field of a frame class, in order (cached)."""
    typed = _TYPED_FIELDS.get(cls)
    if typed is None:
        hints = _hints(cls)
        typed = tuple((name, hints[name]) for name in _field_names(cls))
        _TYPED_FIELDS[cls] = typed
    return typed


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINT_CACHE.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        hints.pop("type", None)
        _HINT_CACHE[cls] = hints
    return hints


def _compact_json() -> typing.Callable[[Any], str]:
    """``json.dumps(obj, ensure_ascii=False, separators=(",", ":"))`` without its set-up cost.

    json.dumps() with options builds a new encoder on every call; the relay encodes two frames
    per message, so the encoder is built once. Frames hold plain data, so the check for
    circular references (a dict of markers per call) is left out.
    """
    options = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator (e.g. PyPy): the plain encoder, built once
        return options.encode
    encoder = make(None, options.default, json.encoder.encode_basestring, None, ":", ",",
                   False, False, True)
    return lambda data: "".join(encoder(data, 0))


_to_json = _compact_json()


def encode(frame: Frame) -> str:
    """Serialise a frame to compact JSON text."""
    return _to_json(frame.to_dict())


_json_text = json.encoder.encode_basestring
"""A str as a JSON string (the C function behind ``ensure_ascii=False`` when it is there)."""


_last_ts: tuple[float, str] = (0.0, "0.0")


def _ts_text(ts: float) -> str:
    """``repr(ts)``, kept for the last ``ts`` object: a line's ack and its copies carry the
    same float object, and repr of a float is the dearest part of writing them."""
    global _last_ts
    last = _last_ts
    if last[0] is ts:
        return last[1]
    text = repr(ts)
    _last_ts = (ts, text)
    return text


def encode_line(conversation: int | None, seq: int, kind: str, author: str | None, text: str,
                ts: float, cid: str | None) -> str:
    """``encode(StaffLine(conversation, ...))``, or of ``VisitorLine(seq, ...)`` when
    ``conversation`` is None, without building the frame: every stored line goes out so.

    The text is put together directly (each string through the encoder's own string
    function, numbers as ``repr``, exactly what the encoder writes for them), which costs a
    third of a dict through the encoder; anything but the plain types goes the long way.
    """
    if (type(seq) is int and type(ts) is float and ts - ts == 0.0  # finite: no NaN/Infinity
            and type(kind) is str and type(text) is str
            and (author is None or type(author) is str) and (cid is None or type(cid) is str)):
        who = "null" if author is None else _json_text(author)
        tail = "null" if cid is None else _json_text(cid)
        if conversation is None:
            return (f'{{"type":"message","seq":{seq},"kind":{_json_text(kind)},"author":{who},'
                    f'"text":{_json_text(text)},"ts":{_ts_text(ts)},"cid":{tail}}}')
        if type(conversation) is int:
            return (f'{{"type":"message","conversation":{conversation},"seq":{seq},'
                    f'"kind":{_json_text(kind)},"author":{who},"text":{_json_text(text)},'
                    f'"ts":{_ts_text(ts)},"cid":{tail}}}')
    if conversation is None:
        return _to_json({"type": "message", "seq": seq, "kind": kind, "author": author,
                         "text": text, "ts": ts, "cid": cid})
    return _to_json({"type": "message", "conversation": conversation, "seq": seq, "kind": kind,
                     "author": author, "text": text, "ts": ts, "cid": cid})


def encode_ack(cid: str, seq: int, ts: float, conversation: int | None = None) -> str:
    """``encode(VisitorAck(cid, seq, ts))``, or of ``StaffAck`` with a conversation, without
    building the frame (put together as in ``encode_line``): one goes out for every stored line.
    """
    if type(cid) is str and type(seq) is int and type(ts) is float and ts - ts == 0.0:
        if conversation is None:
            return f'{{"type":"ack","cid":{_json_text(cid)},"seq":{seq},"ts":{_ts_text(ts)}}}'
        if type(conversation) is int:
            return (f'{{"type":"ack","cid":{_json_text(cid)},"conversation":{conversation},'
                    f'"seq":{seq},"ts":{_ts_text(ts)}}}')
    if conversation is None:
        return _to_json({"type": "ack", "cid": cid, "seq": seq, "ts": ts})
    return _to_json({"type": "ack", "cid": cid, "conversation": conversation, "seq": seq,
                     "ts": ts})


def _check(value: Any, hint: Any, name: str, max_items: int | None = 100) -> Any:
    """Return ``value`` if it matches ``hint``, else raise ProtocolError naming the field.

    Lists in frames to the relay are short (``max_items``); frames from the relay may carry a
    whole queue or transcript (``max_items=None``), bounded by the client's ``max_size``.
    """
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        if isinstance(value, str):
            _text(value, name)  # say why, rather than "wrong type" for every option
        for option in get_args(hint):
            if option is type(None):
                if value is None:
                    return None
                continue
            try:
                return _check(value, option, name, max_items)
            except ProtocolError:
                pass
        raise ProtocolError("bad_frame", f"field '{name}' has the wrong type")
    if origin is Literal:
        if value in get_args(hint):
            return value
        allowed = ", ".join(repr(a) for a in get_args(hint))
        raise ProtocolError("bad_frame", f"field '{name}' must be one of {allowed}")
    if origin is list:
        (item,) = get_args(hint)
        if not isinstance(value, list) or max_items is not None and len(value) > max_items:
            raise ProtocolError("bad_frame", f"field '{name}' must be a short list")
        return [_check(v, item, name, max_items) for v in value]
    if is_typeddict(hint):
        return _check_object(value, hint, name, max_items)
    if origin is dict:
        if not isinstance(value, dict):
            raise ProtocolError("bad_frame", f"field '{name}' must be an object")
        return value
    if hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool) and -(2**53) < value < 2**53:
            return value
    elif hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif hint is str:
        if isinstance(value, str):
            return _text(value, name)
    elif hint is Any:
        return value
    raise ProtocolError("bad_frame", f"field '{name}' has the wrong type")


_PLAIN = (str, int, float, bool, type(None))
# Per payload type: its required keys and, per key, its type hint and the plain types a value
# may have as it is (the common case, decided without _check's generic walk).
_OBJECT_FIELDS: dict[Any, tuple[frozenset[str], dict[str, tuple[Any, frozenset[type]]]]] = {}


def _object_fields(hint: Any) -> tuple[frozenset[str], dict[str, tuple[Any, frozenset[type]]]]:
    spec = _OBJECT_FIELDS.get(hint)
    if spec is None:
        # Not ``__required_keys__``: under ``from __future__ import annotations`` Python 3.11
        # cannot see NotRequired in a string annotation and counts every key as required.
        marked = typing.get_type_hints(hint, include_extras=True)
        required = frozenset(k for k, h in marked.items() if get_origin(h) is not NotRequired)
        keys = {}
        for key, key_hint in typing.get_type_hints(hint).items():
            options = get_args(key_hint) if get_origin(key_hint) in (Union, types.UnionType) \
                else (key_hint,)
            plain = {o for o in options if o in _PLAIN}
            if any(get_origin(o) is list for o in options):
                plain.add(list)  # an empty list is valid as it is
            keys[key] = (key_hint, frozenset(plain))
        spec = (required, keys)
        _OBJECT_FIELDS[hint] = spec
    return spec


def _check_object(value: Any, hint: Any, name: str, max_items: int | None) -> dict[str, Any]:
    """A nested payload (a TypedDict): an object with its required keys, each key of the right
    type. Keys the payload does not name are kept, so a newer relay may add some."""
    if not isinstance(value, dict):
        raise ProtocolError("bad_frame", f"field '{name}' must be an object")
    required, keys = _object_fields(hint)
    if not required <= value.keys():
        missing = ", ".join(sorted(required - value.keys()))
        raise ProtocolError("bad_frame", f"field '{name}' lacks {missing}")
    out = dict(value)
    for key, item in value.items():
        known = keys.get(key)
        if known is None:
            continue
        kind = type(item)
        if kind in known[1] and (kind is not int or -(2**53) < item < 2**53) \
                and (kind is not list or not item):
            if kind is str:
                _text(item, f"{name}.{key}")
            continue
        out[key] = _check(item, known[0], f"{name}.{key}", max_items)
    return out


def encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8: JSON's ``\\ud800`` escapes decode to lone
    surrogates, which no database, socket or terminal can take."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# Characters that show nothing but are not whitespace to str.strip(): fillers of the Hangul
# and braille blocks (format characters, category Cf, are found by their category).
_INVISIBLE = frozenset("\u115f\u1160\u2800\u3164\uffa0")


def blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only whitespace, format characters (zero-width space
    and joiners, direction marks, the BOM) and blank fillers. Stops at the first visible
    character, so ordinary text costs one look."""
    for char in text:
        if not (char.isspace() or char in _INVISIBLE or unicodedata.category(char) == "Cf"):
            return False
    return True


def _storable(value: str) -> bool:
    """Whether ``value`` passes ``_text``: no NUL, and valid Unicode."""
    return "\x00" not in value and (value.isascii() or encodable(value))


def _text(value: str, name: str) -> str:
    """Text every engine stores as it is: valid Unicode without NUL characters (PostgreSQL
    refuses NUL in text, SQLite keeps it), so one rule holds on both and nothing of a frame
    is half-stored. Other control characters are kept and made safe where they are shown."""
    if "\x00" in value:
        raise ProtocolError("bad_frame", f"field '{name}' holds a NUL character (U+0000), "
                            "which is not taken")
    if not encodable(value):
        raise ProtocolError("bad_frame", f"field '{name}' is not valid Unicode text "
                            "(it holds a lone surrogate)")
    return value


# The scanner json.loads uses (the C one when it is there), untyped in typeshed.
_scan_json: typing.Callable[[str, int], tuple[Any, int]] = (
    json.JSONDecoder().scan_once)  # type: ignore[attr-defined]


def _loads(raw: str) -> Any:
    """``json.loads(raw)``. A frame that is a JSON object with nothing around it (every frame
    a client sends) goes straight to the decoder's scanner, as json.loads itself does after
    matching the whitespace around it; anything else, and any error, goes through json.loads.
    """
    if raw.startswith("{") and raw.endswith("}"):
        try:
            data, end = _scan_json(raw, 0)
        except (StopIteration, ValueError, RecursionError):
            pass
        else:
            if end == len(raw):
                return data
    return json.loads(raw)


def parse(raw: str | bytes, max_bytes: int | None = MAX_FRAME_BYTES) -> dict[str, Any]:
    """Parse raw frame text into a JSON object, refusing anything that is not one."""
    if isinstance(raw, (bytes, bytearray, memoryview)):
        raise ProtocolError("bad_frame", "frames must be JSON text, not binary",
                            close_code=CLOSE_UNSUPPORTED)
    if max_bytes is not None and len(raw) > max_bytes:
        raise ProtocolError("too_large", "frame too large", close_code=CLOSE_TOO_BIG)
    try:
        data = _loads(raw)
    except (ValueError, RecursionError):
        raise ProtocolError("bad_frame", "frame is not valid JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("bad_frame", "frame must be a JSON object")
    return data


def from_dict(data: dict[str, Any], registry: dict[str, type[Frame]]) -> Frame:
    """Build the frame ``data`` describes from one direction's registry, validating every field."""
    kind = data.get("type")
    cls = registry.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ProtocolError("unknown_type", f"unknown frame type {str(kind)[:32]!r}")
    frame = _from_plain_dict(data, cls)
    return frame if frame is not None else _from_dict_checked(data, cls, registry)


def _from_dict_checked(data: dict[str, Any], cls: type[Frame], registry: dict[str, type[Frame]]
                       ) -> Frame:
    """``from_dict`` the long way: every field of ``cls`` in order, each through ``_check``
    unless it is plainly of its type; errors name the first field in that order."""
    max_items = None if _from_relay(registry) else 100
    kwargs: dict[str, Any] = {}
    for name, hint in _typed_fields(cls):
        if name in data:
            value = data[name]
            # The common cases, exactly as _check decides them, without its generic walk.
            kind = type(value)
            if kind is hint and (kind is not int or -(2**53) < value < 2**53):
                kwargs[name] = _text(value, name) if kind is str else value
            else:
                kwargs[name] = _check(value, hint, name, max_items)
    try:
        frame = cls(**kwargs)
    except TypeError:
        missing = [
            f.name for f in fields(cast(Any, cls))
            if f.name not in kwargs and f.default is MISSING and f.default_factory is MISSING
        ]
        raise ProtocolError("bad_frame", f"missing field(s): {', '.join(missing)}") from None
    _check_limits(frame)
    return frame


# Per frame class: the fields typed exactly str, int, float or bool (name -> type), and the
# names of all its fields.
_PLAIN_FIELDS: dict[type, tuple[dict[str, type], frozenset[str]]] = {}


def _plain_fields(cls: type) -> tuple[dict[str, type], frozenset[str]]:
    spec = _PLAIN_FIELDS.get(cls)
    if spec is None:
        typed = _typed_fields(cls)
        spec = ({name: hint for name, hint in typed if hint in (str, int, float, bool)},
                frozenset(name for name, _ in typed))
        _PLAIN_FIELDS[cls] = spec
    return spec


def _from_plain_dict(data: dict[str, Any], cls: type[Frame]) -> Frame | None:
    """``from_dict`` for the common frame whose every field is a plain value of exactly its
    field's type (a chat line: text and cid), or None to take the full walk. Checks what
    from_dict checks (text is valid Unicode without NUL, ints within JSON's exact range, the
    limits), but only the keys the frame has rather than every field of its class."""
    plain, names = _plain_fields(cls)
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        hint = plain.get(key)
        if hint is None:
            if key in names:
                return None  # a field that needs _check (null, a list, a union, a Literal)
            continue  # "type", and keys this frame does not have (ignored, as from_dict does)
        kind = type(value)
        if kind is not hint:
            return None
        if kind is str:
            if not _storable(value):
                return None  # the full walk words the refusal (_text)
        elif kind is int and not -(2**53) < value < 2**53:
            return None
        kwargs[key] = value
    try:
        frame = cls(**kwargs)
    except TypeError:  # a required field is missing: from_dict names it
        return None
    _check_limits(frame)
    return frame


def _from_relay(registry: dict[str, type[Frame]]) -> bool:
    return registry is RELAY_TO_STAFF or registry is RELAY_TO_VISITOR


def decode(raw: str | bytes, registry: dict[str, type[Frame]]) -> Frame:
    """Parse and validate one raw frame from the direction ``registry`` describes.

    Frames to the relay are limited to ``MAX_FRAME_BYTES``; frames from it (a queue of a
    thousand, a long transcript) only by the receiving client's websocket ``max_size``.
    """
    return from_dict(parse(raw, None if _from_relay(registry) else MAX_FRAME_BYTES), registry)


# Fields with a length limit; which of them a frame class has is looked up once per class.
_LONG_FIELDS = ("user", "password", "session", "resume", "totp", "to", "note", "code",
                "key", "room")
_LIMITED: dict[type, tuple[bool, bool, tuple[str, ...]]] = {}


def _check_limits(frame: Frame) -> None:
    limited = _LIMITED.get(type(frame))
    if limited is None:
        names = _field_names(type(frame))
        limited = ("text" in names, "cid" in names,
                   tuple(name for name in _LONG_FIELDS if name in names))
        _LIMITED[type(frame)] = limited
    has_text, has_cid, long_fields = limited
    if has_text:
        text = getattr(frame, "text", None)
        if isinstance(text, str):
            if len(text) > MAX_TEXT_CHARS:
                raise ProtocolError(
                    "text_too_long", f"message is longer than {MAX_TEXT_CHARS} characters"
                )
            if blank(text):
                raise ProtocolError("bad_frame", "message is empty")
    if has_cid:
        cid = getattr(frame, "cid", None)
        if isinstance(cid, str) and not 0 < len(cid) <= MAX_CID_CHARS:
            raise ProtocolError("bad_frame", f"cid must be 1-{MAX_CID_CHARS} characters")
    for name in long_fields:
        value = getattr(frame, name, None)
        if isinstance(value, str) and len(value) > 1024:
            raise ProtocolError("bad_frame", f"field '{name}' is too long")
