"""The professionals' network: its configured topic rooms and settings, with no I/O.

Staff of the organisations on one relay that opt in (``network = true`` in their
``[[organisation]]`` table) share a closed channel with topic rooms (``[[network.room]]``,
e.g. "Rus – erfarenheter", "Anhörigstöd"), next to each organisation's own staff room. The
relay side is relay/network.py; this module is the plain model the config loader builds.

A room's name is shown to staff in their console's language: one name for every language, or
one per language (sv, en, nb), the first given standing in for a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relay.protocol import LANGUAGES
from vocabulary.phrases import Phrase, phrase

ROOM_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
MAX_ROOM_NAME_CHARS = 80
DEFAULT_RETENTION_DAYS = 90
# Lines of each room a console is sent when it logs in (and again after a reconnect).
HISTORY_LINES = 50


@dataclass(frozen=True, slots=True)
class NetworkRoom:
    """One topic room of the network."""

    id: str
    names: tuple[tuple[str, str], ...]
    """(language, name) pairs, one for each of sv, en and nb."""

    def name(self, lang: str) -> str:
        return dict(self.names).get(lang) or self.names[0][1]

    def names_dict(self) -> dict[str, str]:
        return dict(self.names)

    @staticmethod
    def named(room_id: str, given: dict[str, str]) -> NetworkRoom:
        """A room from the names given per language; a missing language takes the first."""
        first = next(iter(given.values()))
        return NetworkRoom(room_id, tuple((lang, given.get(lang) or first)
                                          for lang in LANGUAGES))


@dataclass(frozen=True, slots=True)
class NetworkConfig:
    """``[network]``: the topic rooms and how long their lines are kept. No rooms: no network."""

    rooms: tuple[NetworkRoom, ...] = ()
    retention_days: int = DEFAULT_RETENTION_DAYS

    @property
    def enabled(self) -> bool:
        return bool(self.rooms)

    def room(self, room_id: str) -> NetworkRoom | None:
        return next((room for room in self.rooms if room.id == room_id), None)


def room_id_problem(room_id: str) -> Phrase | None:
    """Why a text cannot be a room id (said in the reader's language), or None."""
    if not ROOM_ID.fullmatch(room_id):
        return phrase("network.bad_room_id")
    return None
