"""Storage of the professionals' network (schema: migrations/008_network.sql).

``NetworkStore`` is mixed into ``SQLiteStorage`` (and so ``PostgresStorage``): a line goes
through their journal, so it is acknowledged and delivered only after it is committed, like a
chat line. Its queries are plain SQL both engines take.

The network is the one part of the schema shared across organisations: its lines are keyed by
room and number and carry their author's organisation; ``scoped(org)`` does not narrow them.
Only relay/network.py reads them, for staff of organisations that opt in. A membership change
is also written to the organisation's own audit log (``network_join`` / ``network_leave``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from relay.storage import AuditEntry

if TYPE_CHECKING:
    from relay.storage.sqlite import GroupCommit

JOIN, LEAVE = "network_join", "network_leave"
"""The audit actions of an organisation joining and leaving the network."""


@dataclass(frozen=True, slots=True)
class NetworkLine:
    """One stored line of a topic room."""

    room: str
    seq: int
    org: str
    author: str
    """The author's login name: stored to know who wrote, never sent to a client."""
    name: str
    text: str
    ts: float


class NetworkStorage(Protocol):
    """What the network needs of a storage (``SQLiteStorage`` and ``PostgresStorage``)."""

    async def append_network_line(self, line: NetworkLine) -> None: ...
    async def network_lines(self, room: str, limit: int) -> list[NetworkLine]: ...
    async def network_last_seqs(self) -> dict[str, int]: ...
    async def purge_network(self, before: float) -> int: ...
    async def network_members(self) -> dict[str, float]: ...
    async def set_network_member(self, org: str, member: bool, ts: float) -> None: ...


class NetworkStore:
    """Network reads and writes; needs ``journal``, ``_rows``, ``_one`` and ``flush`` of the
    storage it is mixed into (SQL with ``?`` placeholders)."""

    @property
    def journal(self) -> GroupCommit:
        raise NotImplementedError

    async def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Sequence[Any]]:
        raise NotImplementedError

    async def _one(self, sql: str, params: Iterable[Any] = ()) -> Sequence[Any] | None:
        raise NotImplementedError

    async def flush(self) -> None:
        raise NotImplementedError

    async def append_network_line(self, line: NetworkLine) -> None:
        """Store a line; returns once it is committed (raises StorageError if it was not)."""
        await self.journal.submit(
            "INSERT INTO network_messages (room, seq, org, author, name, text, ts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (line.room, line.seq, line.org, line.author, line.name, line.text, line.ts))

    async def network_lines(self, room: str, limit: int) -> list[NetworkLine]:
        """The newest ``limit`` lines of a room, oldest first."""
        rows = await self._rows(
            "SELECT room, seq, org, author, name, text, ts FROM network_messages "
            "WHERE room = ? ORDER BY seq DESC LIMIT ?", (room, limit))
        return [NetworkLine(*row) for row in reversed(rows)]

    async def network_last_seqs(self) -> dict[str, int]:
        """The highest number stored per room (rooms without lines are left out)."""
        rows = await self._rows("SELECT room, MAX(seq) FROM network_messages GROUP BY room")
        return {str(row[0]): int(row[1]) for row in rows}

    async def purge_network(self, before: float) -> int:
        """Delete the lines written before ``before`` (the network's retention); how many."""
        await self.flush()
        count = await self._one("SELECT COUNT(*) FROM network_messages WHERE ts < ?", (before,))
        await self.journal.submit("DELETE FROM network_messages WHERE ts < ?", (before,))
        return int(count[0]) if count else 0

    async def network_members(self) -> dict[str, float]:
        """The organisations in the network, each with when it joined."""
        rows = await self._rows("SELECT org, since FROM network_members")
        return {str(row[0]): float(row[1]) for row in rows}

    async def set_network_member(self, org: str, member: bool, ts: float) -> None:
        """Record that ``org`` joined (``member``) or left the network at ``ts``, in the
        membership table and in the organisation's audit log, in one commit."""
        if member:
            state = self.journal.submit("INSERT INTO network_members (org, since) "
                                        "VALUES (?, ?) ON CONFLICT (org) DO NOTHING", (org, ts))
        else:
            state = self.journal.submit("DELETE FROM network_members WHERE org = ?", (org,))
        audit = self.journal.submit(
            "INSERT INTO audit (org, ts, actor, action, conversation_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)", (org, ts, "system", JOIN if member else LEAVE, None,
                                          None))
        await asyncio.gather(state, audit)

    async def network_changes(self, org: str, limit: int = 10) -> list[AuditEntry]:
        """An organisation's latest joins and leaves of the network, oldest first."""
        rows = await self._rows(
            "SELECT ts, actor, action, conversation_id, detail FROM audit WHERE org = ? "
            "AND action IN (?, ?) ORDER BY id DESC LIMIT ?", (org, JOIN, LEAVE, limit))
        return [AuditEntry(*row) for row in reversed(rows)]
