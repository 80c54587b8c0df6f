"""Cover agreements between organisations: the plain model and its rules, with no I/O.

Organisation A may let organisation B's staff answer A's visitors in given hours (B covers
A's Thursday evenings, say). Both sides say so in their config, each in an
``[[organisation.cover]]`` table: A ``offer_to = "b"``, B ``accept_from = "a"``, with the same
weekly hours. An agreement is in force only when both sides name each other with the same
hours in the same time zone; a table without its counterpart, or two that disagree, is a
config error naming both lines (``agreements``), so a half-made agreement never loads.

The hours are wall-clock times in the covered organisation's time zone (its
``[organisation.hours] timezone``, unless the tables name one), resolved with zoneinfo, so a
window of Thursday 17:00-21:00 is 17:00-21:00 local time in the week daylight saving starts
or ends as in every other.

What a window means at run time (relay/cover_relay.py): while it is open, B's staff see A's
waiting chats and may claim them; the chats stay A's (A's statistics, A's audit log, A's
retention). Outside it B's staff see nothing of A.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from relay.hours import Interval, IntervalError, parse_interval
from relay.protocol import WEEKDAYS
from vocabulary.phrases import Phrase, PhrasedError

Side = Literal["offer", "accept"]
KNOWN_KEYS = frozenset({"offer_to", "accept_from", "timezone", *WEEKDAYS})


class CoverProblem(PhrasedError, ValueError):
    """A cover table that cannot be used: ``key`` names the key at fault (or None); the
    phrase (vocabulary.phrases, ``cover.*``) says what is wrong in any language."""

    def __init__(self, key: str | None, problem: str | Phrase, /, **args: Any) -> None:
        super().__init__(problem, **args)
        self.key = key


@dataclass(frozen=True, slots=True)
class CoverTerm:
    """One side's word on an agreement: one ``[[organisation.cover]]`` table."""

    side: Side
    partner: str
    """The other organisation's id."""
    weekly: tuple[tuple[int, tuple[Interval, ...]], ...]
    """(weekday 0-6, intervals) for each day the table names, Monday first."""
    timezone: ZoneInfo | None = None
    """The table's own time zone, if it names one (else the covered organisation's)."""
    where: str = ""
    """Where the table is (``file:line``), for messages."""


def parse_term(entry: Mapping[str, Any], where: str = "") -> CoverTerm:
    """Read one ``[[organisation.cover]]`` table, or raise CoverProblem."""
    for key in entry:
        if key not in KNOWN_KEYS:
            raise CoverProblem(key, "cover.unknown_key", known=", ".join(sorted(KNOWN_KEYS)))
    offer, accept = entry.get("offer_to"), entry.get("accept_from")
    if (offer is None) == (accept is None):
        raise CoverProblem(None, "cover.which_side")
    side: Side = "offer" if offer is not None else "accept"
    key = "offer_to" if side == "offer" else "accept_from"
    partner = offer if offer is not None else accept
    if not isinstance(partner, str) or not partner:
        raise CoverProblem(key, "cover.org_id")
    weekly: list[tuple[int, tuple[Interval, ...]]] = []
    for index, day in enumerate(WEEKDAYS):
        if day not in entry:
            continue
        value = entry[day]
        if not isinstance(value, list) or not value or not all(isinstance(v, str)
                                                               for v in value):
            raise CoverProblem(day, "cover.ranges")
        try:
            weekly.append((index, tuple(sorted(parse_interval(v) for v in value))))
        except IntervalError as exc:
            raise CoverProblem(day, exc.phrase) from None
    if not weekly:
        raise CoverProblem(None, "cover.no_hours")
    timezone = None
    if "timezone" in entry:
        try:
            timezone = ZoneInfo(str(entry["timezone"]))
        except (ZoneInfoNotFoundError, ValueError):
            raise CoverProblem("timezone", "config.unknown_timezone",
                               name=str(entry["timezone"])) from None
    return CoverTerm(side, partner, tuple(weekly), timezone, where)


def describe_hours(weekly: Iterable[tuple[int, tuple[Interval, ...]]]) -> str:
    """``thursday 17:00-21:00, saturday 10:00-14:00``: hours as ops wrote them."""
    return ", ".join(
        f"{WEEKDAYS[day]} " + " ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in spans)
        for day, spans in weekly)


@dataclass(frozen=True, slots=True)
class CoverAgreement:
    """Organisation ``covering``'s staff answer organisation ``covered``'s visitors in the
    given weekly hours (wall-clock times in ``timezone``)."""

    covered: str
    covering: str
    weekly: tuple[tuple[int, tuple[Interval, ...]], ...]
    timezone: ZoneInfo

    def in_force(self, at: float) -> bool:
        """Whether the window is open at the epoch time ``at``."""
        local = datetime.fromtimestamp(at, tz=self.timezone)
        moment = local.time().replace(tzinfo=None)
        for day, spans in self.weekly:
            if day == local.weekday() and any(start <= moment < end for start, end in spans):
                return True
        return False

    def describe(self) -> str:
        return f"{describe_hours(self.weekly)} ({self.timezone.key})"


@dataclass(frozen=True, slots=True)
class Party:
    """What ``agreements`` needs of an organisation: its id, time zone and cover tables."""

    id: str
    timezone: ZoneInfo
    terms: tuple[CoverTerm, ...]


def agreements(parties: Iterable[Party]) -> tuple[CoverAgreement, ...]:
    """The agreements both sides make, or CoverProblem naming the lines that disagree.

    Every offer needs the partner's acceptance with the same hours and time zone, and every
    acceptance the partner's offer; an organisation cannot cover itself, and a pair has at
    most one table on each side.
    """
    by_id = {party.id: party for party in parties}
    found: list[CoverAgreement] = []
    for party in by_id.values():
        seen: set[tuple[Side, str]] = set()
        for term in party.terms:
            where = f"{term.where}: " if term.where else ""
            verb = "offer_to" if term.side == "offer" else "accept_from"
            if term.partner == party.id:
                raise CoverProblem(verb, "cover.itself", where=where, org=party.id)
            if (term.side, term.partner) in seen:
                raise CoverProblem(verb, "cover.twice", where=where, org=party.id, verb=verb,
                                   partner=term.partner)
            seen.add((term.side, term.partner))
            partner = by_id.get(term.partner)
            if partner is None:
                raise CoverProblem(verb, "cover.no_partner", where=where, verb=verb,
                                   partner=term.partner)
            if term.side != "offer":
                continue  # each pair is checked once, from the offering side
            answer = next((t for t in partner.terms
                           if t.side == "accept" and t.partner == party.id), None)
            if answer is None:
                raise CoverProblem(verb, "cover.not_accepted", where=where, org=party.id,
                                   partner=partner.id, hours=describe_hours(term.weekly))
            zone = term.timezone or party.timezone
            other_zone = answer.timezone or party.timezone
            if term.weekly != answer.weekly or zone.key != other_zone.key:
                raise CoverProblem(verb, "cover.disagree", where=where, org=party.id,
                                   partner=partner.id, hours=describe_hours(term.weekly),
                                   zone=zone.key, other_hours=describe_hours(answer.weekly),
                                   other_zone=other_zone.key,
                                   other_where=f"{answer.where}: " if answer.where else "")
            found.append(CoverAgreement(party.id, partner.id, term.weekly, zone))
        for term in party.terms:
            if term.side == "accept":
                partner = by_id[term.partner]
                if not any(t.side == "offer" and t.partner == party.id for t in partner.terms):
                    raise CoverProblem("accept_from", "cover.not_offered",
                                       where=f"{term.where}: " if term.where else "",
                                       org=party.id, partner=partner.id)
    return tuple(found)


def open_windows(all_agreements: Iterable[CoverAgreement], at: float
                 ) -> frozenset[tuple[str, str]]:
    """The (covered, covering) pairs whose window is open at ``at``."""
    return frozenset((a.covered, a.covering) for a in all_agreements if a.in_force(at))
