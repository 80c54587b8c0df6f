"""The waiting queue: urgent first, then strict first-come-first-served by arrival.

Plain object, no I/O. The relay and the console order the queue the same way because the relay
sends its order (``index``) with every change. Each class (urgent, the rest) is a list kept
sorted by arrival number, so finding, adding and removing an entry is a binary search (plus a
memory move), not a walk over the queue: a flooded queue of thousands stays cheap
(bench/queue_bench.py). A chat put back "first in line" gets an arrival number before every
other one (``front_arrival``), so it is first among its class: urgent chats still come first.
Relays sharing a PostgreSQL database take the arrival numbers from it instead, so that they
all keep one order (relay/cluster.py); the queue orders by whichever numbers it is given.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from relay import protocol


def _arrival(entry: QueueEntry) -> int:
    return entry.arrival


@dataclass(slots=True)
class QueueEntry:
    """One waiting visitor, as staff see it in the queue pane."""

    conversation: int
    alias: str
    since: float
    arrival: int
    lang: str | None = None
    role: str | None = None
    preview: str = ""
    urgent: bool = False
    reasons: list[str] = field(default_factory=list)
    gone_since: float | None = None
    """When the visitor's last connection closed (epoch seconds); None while connected."""
    marked_by: str | None = None
    """Display name of the staff member whose urgent / not urgent verdict overrides triage."""

    def to_dict(self) -> protocol.QueueEntry:
        return {
            "conversation": self.conversation,
            "alias": self.alias,
            "since": self.since,
            "lang": self.lang,
            "role": self.role,
            "preview": self.preview,
            "urgent": self.urgent,
            "reasons": list(self.reasons),
            "gone_since": self.gone_since,
            "marked_by": self.marked_by,
        }


class WaitingQueue:
    """Visitors waiting for a staff member, in the order they will be answered."""

    def __init__(self) -> None:
        self._urgent: list[QueueEntry] = []
        self._normal: list[QueueEntry] = []
        self._by_id: dict[int, QueueEntry] = {}
        self._arrivals = 0
        self._front = 0  # arrival numbers handed out for "first in line" count down from here

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, conversation: int) -> bool:
        return conversation in self._by_id

    def get(self, conversation: int) -> QueueEntry | None:
        return self._by_id.get(conversation)

    def add(self, entry: QueueEntry) -> int:
        """Queue an entry by its ``arrival`` order; return its index in queue order."""
        if entry.conversation in self._by_id:
            raise ValueError(f"conversation {entry.conversation} is already queued")
        self._arrivals = max(self._arrivals, entry.arrival + 1)
        self._front = min(self._front, entry.arrival)
        self._by_id[entry.conversation] = entry
        bucket = self._urgent if entry.urgent else self._normal
        index = bisect.bisect_right(bucket, entry.arrival, key=_arrival)
        bucket.insert(index, entry)
        return index if entry.urgent else len(self._urgent) + index

    def next_arrival(self) -> int:
        """A fresh arrival number, later than every one seen."""
        self._arrivals += 1
        return self._arrivals - 1

    def front_arrival(self) -> int:
        """An arrival number earlier than every one seen: first in line within its class."""
        self._front -= 1
        return self._front

    def remove(self, conversation: int) -> QueueEntry | None:
        entry = self._by_id.pop(conversation, None)
        if entry is not None:
            bucket = self._urgent if entry.urgent else self._normal
            del bucket[self._place(bucket, entry)]
        return entry

    @staticmethod
    def _place(bucket: list[QueueEntry], entry: QueueEntry) -> int:
        index = bisect.bisect_left(bucket, entry.arrival, key=_arrival)
        while bucket[index] is not entry:  # equal arrival numbers (never made by the relay)
            index += 1
        return index

    def mark_urgent(self, conversation: int, reasons: list[str]) -> int | None:
        """Raise a waiting conversation above all non-urgent ones; return its new index."""
        entry = self._by_id.get(conversation)
        if entry is None:
            return None
        if entry.urgent:
            entry.reasons = sorted(set(entry.reasons) | set(reasons))
            return self.index(conversation)
        self.remove(conversation)
        entry.urgent, entry.reasons = True, list(reasons)
        return self.add(entry)

    def set_verdict(self, conversation: int, urgent: bool, marked_by: str | None) -> int | None:
        """A staff member's verdict: move the entry among urgent or normal ones by its arrival,
        keeping its reasons; return its new index (None if not queued)."""
        entry = self._by_id.get(conversation)
        if entry is None:
            return None
        self.remove(conversation)
        entry.urgent, entry.marked_by = urgent, marked_by
        return self.add(entry)

    def first(self) -> QueueEntry | None:
        if self._urgent:
            return self._urgent[0]
        return self._normal[0] if self._normal else None

    def ordered(self) -> list[QueueEntry]:
        return [*self._urgent, *self._normal]

    def head(self, count: int) -> list[QueueEntry]:
        """The first ``count`` entries in queue order."""
        urgent = self._urgent[:count]
        return urgent + self._normal[:count - len(urgent)]

    def at(self, index: int) -> QueueEntry | None:
        """The entry at 0-based ``index`` in queue order, if there is one."""
        if index < 0:
            return None
        if index < len(self._urgent):
            return self._urgent[index]
        index -= len(self._urgent)
        return self._normal[index] if 0 <= index < len(self._normal) else None

    def entries_from(self, start: int) -> list[QueueEntry]:
        """The entries from 0-based ``start`` on, in queue order."""
        urgent = len(self._urgent)
        if start < urgent:
            return [*self._urgent[start:], *self._normal]
        return self._normal[start - urgent:]

    def index(self, conversation: int) -> int:
        """0-based place in queue order; raises KeyError if not queued."""
        entry = self._by_id[conversation]
        if entry.urgent:
            return self._place(self._urgent, entry)
        return len(self._urgent) + self._place(self._normal, entry)


def estimate_wait(position: int, staff_online: int, mean_handle_s: float,
                  chats_per_staff: int = 2) -> int | None:
    """Seconds a visitor at 1-based ``position`` can expect to wait, or None with no staff.

    Each staff member is assumed to hold ``chats_per_staff`` chats at once and to finish one every
    ``mean_handle_s / chats_per_staff`` seconds; the estimate is rounded up to whole minutes so a
    visitor is never promised less than is likely.
    """
    if staff_online <= 0:
        return None
    slots = staff_online * chats_per_staff
    seconds = (position - 1) // slots * mean_handle_s + mean_handle_s / (2 * chats_per_staff)
    return int(math.ceil(seconds / 60) * 60)
