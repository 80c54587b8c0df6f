"""Organisations on one relay: the plain model and its rules, with no I/O.

One relay can serve several organisations (municipalities sharing a service). Each has its own
name, widget origins, opening hours, emergency contacts, referral directory overlay, retention,
canned replies and staff; every stored row carries its organisation's id in its key
(migrations/007_organisations.sql), and ``SQLiteStorage.scoped(org)`` is the only way to read
or write one organisation's rows.

A relay with no ``[[organisation]]`` in its config serves exactly one, implicit organisation
with the id ``"default"``, built from the relay-wide settings; that is how every relay ran
before organisations existed, and where migration 007 put their data.

The rules here answer two questions, both without a socket or a database:

- which organisation a widget belongs to (``Organisations.for_widget``: its ``data-org``,
  checked against that organisation's allowed origins), and
- whether a staff member may see a conversation (``may_see``: only their own organisation's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from relay import protocol
from relay.cover import CoverAgreement, CoverTerm, Party, agreements
from relay.hours import OpeningHours
from relay.protocol import EmergencyContact
from vocabulary.phrases import Phrase, phrase

DEFAULT_ORG = "default"
"""The id of the implicit organisation of a relay with none configured (and of data stored
before organisations existed)."""

# Organisation ids appear in config files, on the command line and in data-org attributes:
# short, lower-case ASCII, so they never need quoting or escaping anywhere.
ORG_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
CANNED_KEY = re.compile(r"[\wåäöæøÅÄÖÆØ-]+")
MAX_NAME_CHARS = 80


def org_id_problem(org_id: str) -> Phrase | None:
    """Why a text cannot be an organisation id (said in the reader's language), or None."""
    if not ORG_ID.fullmatch(org_id):
        return phrase("org.bad_id")
    return None


@dataclass(frozen=True, slots=True)
class CannedReply:
    """A reply staff insert with ``/key`` in the console's composer."""

    key: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Organisation:
    """One organisation the relay serves. Settings it leaves out are the relay-wide ones."""

    id: str
    name: str
    origins: tuple[str, ...] = ()
    """Web origins whose pages may open this organisation's chat, e.g. https://kommun-a.se."""
    hours: OpeningHours = field(default_factory=OpeningHours)
    emergency: tuple[EmergencyContact, ...] = ()
    referral_directory: Path | None = None
    """Its own local services, laid over the shipped national and regional directory."""
    retention_days: int = 30
    canned: tuple[CannedReply, ...] = ()
    default_language: str = "sv"
    cover: tuple[CoverTerm, ...] = ()
    """Its side of cover agreements (``[[organisation.cover]]``, relay/cover.py)."""
    network: bool = False
    """Whether its staff take part in the professionals' network (relay/network.py)."""

    def allows_origin(self, origin: str | None, host: str = "") -> bool:
        """Whether a page at ``origin`` may open this organisation's chat.

        No Origin header is not a browser (browsers always send one on a websocket
        handshake); the relay's own pages (the demo at /) are always allowed.
        """
        if origin is None:
            return True
        if origin in self.origins:
            return True
        return bool(host) and origin in (f"http://{host}", f"https://{host}")


@dataclass(frozen=True, slots=True)
class WidgetRefusal:
    """Why a widget's page may not open a chat: ``unknown_org``, ``origin`` or ``which_org``."""

    reason: str


class Organisations:
    """The organisations one relay serves, in config order; never empty."""

    def __init__(self, organisations: tuple[Organisation, ...], *, implicit: bool) -> None:
        if not organisations:
            raise ValueError("a relay serves at least one organisation")
        self._by_id = {org.id: org for org in organisations}
        if len(self._by_id) != len(organisations):
            raise ValueError("two organisations share an id")
        self.implicit = implicit
        """True when the config names none and the relay serves the implicit one."""
        self.cover: tuple[CoverAgreement, ...] = agreements(
            Party(org.id, org.hours.timezone, org.cover) for org in organisations)
        """The cover agreements both sides make (relay/cover.py)."""

    def __iter__(self) -> Iterator[Organisation]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, org_id: object) -> bool:
        return org_id in self._by_id

    def get(self, org_id: str) -> Organisation | None:
        return self._by_id.get(org_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def for_widget(self, org_id: str | None, origin: str | None,
                   host: str = "") -> Organisation | WidgetRefusal:
        """The organisation a widget opens a chat with, or why it may not.

        ``org_id`` is the script tag's ``data-org`` (None when absent). Without it, the page's
        origin decides when exactly one organisation allows it (or when the relay serves one
        organisation), so a single-organisation embed needs no new attribute.
        """
        if org_id:
            org = self._by_id.get(org_id)
            if org is None:
                return WidgetRefusal("unknown_org")
            return org if org.allows_origin(origin, host) else WidgetRefusal("origin")
        if len(self._by_id) == 1:
            only = next(iter(self._by_id.values()))
            return only if only.allows_origin(origin, host) else WidgetRefusal("origin")
        if origin is None:
            return WidgetRefusal("which_org")
        fitting = [org for org in self._by_id.values() if origin in org.origins]
        if len(fitting) == 1:
            return fitting[0]
        return WidgetRefusal("which_org" if fitting else "origin")


def may_see(staff_org: str, conversation_org: str) -> bool:
    """Whether staff of ``staff_org`` may see anything of a conversation of
    ``conversation_org``: isolation is the rule, so only their own organisation's."""
    return staff_org == conversation_org


class IdCounter:
    """Hands out ids from one sequence. Conversation and question ids are unique relay-wide
    (an id never names two chats, whichever organisation asks), so every organisation's part
    of a relay takes them from the same counter."""

    def __init__(self, start: int = 1) -> None:
        self._next = start

    def at_least(self, value: int) -> None:
        """Never hand out an id below ``value`` (the highest stored plus one, at start)."""
        self._next = max(self._next, value)

    def take(self) -> int:
        value = self._next
        self._next += 1
        return value


@dataclass(slots=True)
class RelayIds:
    """The relay-wide id counters one relay's organisations share."""

    conversations: IdCounter = field(default_factory=IdCounter)
    questions: IdCounter = field(default_factory=IdCounter)


def session_fields(org: Organisation | None
                   ) -> tuple[str | None, list[protocol.CannedText] | None]:
    """What a staff ``session`` frame says of the account's organisation (relay.protocol):
    its name and canned replies, on a relay of several; nothing on a relay of one."""
    if org is None:
        return None, None
    canned = [protocol.CannedText(key=c.key, title=c.title, text=c.text) for c in org.canned]
    return org.name, canned or None
