"""The professionals' network as the console knows it: its topic rooms and their lines.

The relay sends ``network_rooms`` after login only to staff of an organisation in the network
(relay/network.py), then each room's latest lines as ``network`` frames; a reconnect sends them
again, so lines are kept by their per-room ``seq`` and a repeat changes nothing. A line this
console writes shows at once as pending and becomes stored when the relay's copy with its
``cid`` arrives (sent only after the commit), or failed on an ``error`` with that ``cid``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from console.state import FAILED, PENDING, STORED, ConsoleState, Update, new_cid
from relay import protocol


@dataclass(slots=True, eq=False)
class NetworkEntry:
    """One line of a topic room."""

    seq: int | None
    name: str
    organisation: str
    text: str
    ts: float
    cid: str | None = None
    mine: bool = False
    delivery: str | None = None
    """For lines this console wrote: pending, stored or failed."""


@dataclass(slots=True)
class NetworkRoomView:
    """A topic room: its names per language, its lines in order, and how many are unread."""

    id: str
    names: dict[str, str]
    lines: list[NetworkEntry] = field(default_factory=list)
    unread: int = 0
    seen_seq: int = 0

    def name(self, lang: str) -> str:
        return self.names.get(lang) or next(iter(self.names.values()), self.id)


class NetworkState:
    """The rooms and lines of the network (empty when the organisation is not in it)."""

    def __init__(self) -> None:
        self.rooms: dict[str, NetworkRoomView] = {}
        self.retention_days: int | None = None
        self.open_room: str | None = None
        """The room on screen (its lines are read as they come)."""
        self._pending: dict[str, tuple[str, NetworkEntry]] = {}

    @property
    def member(self) -> bool:
        return bool(self.rooms)

    def add_own(self, room: str, name: str, organisation: str, text: str,
                clock: Callable[[], float] = time.time) -> NetworkEntry | None:
        view = self.rooms.get(room)
        if view is None:
            return None
        entry = NetworkEntry(None, name, organisation, text, clock(), cid=new_cid(), mine=True,
                             delivery=PENDING)
        assert entry.cid is not None
        view.lines.append(entry)
        self._pending[entry.cid] = (room, entry)
        return entry

    def failed(self, cid: str | None) -> bool:
        pending = self._pending.pop(cid, None) if cid else None
        if pending is None:
            return False
        pending[1].delivery = FAILED
        return True

    def rooms_arrived(self, frame: protocol.NetworkRooms) -> None:
        known = self.rooms
        self.rooms = {}
        for room in frame.rooms:
            view = known.get(room["id"]) or NetworkRoomView(room["id"], dict(room["names"]))
            view.names = dict(room["names"])
            self.rooms[room["id"]] = view
        self.retention_days = frame.retention_days

    def line_arrived(self, frame: protocol.NetworkLine) -> None:
        view = self.rooms.get(frame.room)
        if view is None:
            return
        pending = self._pending.pop(frame.cid, None) if frame.cid else None
        if pending is not None:
            view.lines.remove(pending[1])
        if any(line.seq == frame.seq for line in view.lines):
            return
        entry = NetworkEntry(frame.seq, frame.name, frame.organisation, frame.text, frame.ts,
                             frame.cid, mine=pending is not None,
                             delivery=STORED if pending is not None else None)
        index = len(view.lines)
        while index and (view.lines[index - 1].seq or 0) > frame.seq:
            index -= 1
        view.lines.insert(index, entry)
        if self.open_room == frame.room or pending is not None:
            view.seen_seq = max(view.seen_seq, frame.seq)
        elif frame.seq > view.seen_seq:
            view.unread += 1

    def read(self, room: str | None) -> None:
        """``room`` is on screen now: its lines count as read."""
        self.open_room = room
        view = self.rooms.get(room or "")
        if view is not None:
            view.unread = 0
            view.seen_seq = max([view.seen_seq, *(line.seq or 0 for line in view.lines)])

    @property
    def unread(self) -> int:
        return sum(view.unread for view in self.rooms.values())


def _rooms(state: ConsoleState, frame: protocol.NetworkRooms, update: Update) -> None:
    state.network.rooms_arrived(frame)
    update.network = True


def _line(state: ConsoleState, frame: protocol.NetworkLine, update: Update) -> None:
    state.network.line_arrived(frame)
    update.network = True


HANDLERS: dict[type, Callable[[ConsoleState, Any, Update], None]] = {
    protocol.NetworkRooms: _rooms,
    protocol.NetworkLine: _line,
}
