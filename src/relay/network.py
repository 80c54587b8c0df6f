"""The professionals' network: topic rooms shared by the staff of several organisations.

On a relay of several organisations (relay/shared_relay.py), the organisations that opt in
(``network = true``) share a closed channel with the topic rooms of ``[[network.room]]``, next
to each organisation's own staff room (which stays as it is, inside the organisation). What
holds, and where:

- **Staff only.** The frames are staff frames (``network`` both ways, ``network_rooms``); the
  visitor endpoint's registry has none of them, and lines go only to staff connections of
  member organisations (each organisation's ``Hub.staff``), never to a visitor connection.
- **Opt-in.** Staff of an organisation that is not a member are sent nothing of the network
  and their ``network`` frames are answered ``forbidden``. Joining and leaving are written to
  the organisation's audit log when the relay starts with a changed config
  (``record_membership``), and ``lotsen org show`` prints them.
- **Durable.** A line is delivered (and so acknowledged: the sender's copy carries its
  ``cid``) only after storage committed it, through the same journal as chat lines.
- **Its own retention.** ``[network] retention_days``: purged hourly here and by ``lotsen
  purge``.
- **Names and organisations, not logins.** A line shows its author's display name and
  organisation; the login name is stored but never sent to another organisation's staff.

The staff connection loop (relay/sessions.py) applies the staff rate limit and the text
limits before a frame gets here; the hub's rules are not involved.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING

from relay import protocol
from relay.hub import Hub, StaffConn
from relay.network_rooms import HISTORY_LINES, NetworkConfig
from relay.organisations import Organisations
from relay.storage import StorageError
from relay.storage.network import NetworkLine, NetworkStorage

if TYPE_CHECKING:
    from relay.server import Relay

log = logging.getLogger("lotsen.relay")

# How often the network's retention purge runs (like the relay's own, relay/server.py).
PURGE_EVERY_S = 3600.0


class Network:
    """The network of one relay: who is in it, its rooms' numbering, delivery and purge."""

    def __init__(self, config: NetworkConfig, organisations: Organisations,
                 storage: NetworkStorage, *, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.organisations = organisations
        self.storage = storage
        self.clock = clock
        self.members = frozenset(org.id for org in organisations
                                 if org.network and config.enabled)
        """The organisations in the network (none when no room is configured)."""
        self.hubs: dict[str, Hub] = {}
        self._next_seq: dict[str, int] = {}
        self._purging: asyncio.Task[None] | None = None

    def attach(self, org_id: str, relay: Relay) -> None:
        """Take an organisation's relay part: its staff's ``network`` frames come here, and
        its consoles are sent the rooms after their welcome (if it is a member)."""
        self.hubs[org_id] = relay.hub
        relay.sessions.extra_staff_frames[protocol.NetworkSend] = partial(
            self.staff_frame, org_id, relay.hub)
        relay.sessions.staff_welcomes.append(partial(self.welcome, org_id, relay.hub))

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self, *, purge_every_s: float = PURGE_EVERY_S) -> None:
        """Load the rooms' numbering, record membership changes, start the hourly purge."""
        for room, seq in (await self.storage.network_last_seqs()).items():
            self._next_seq[room] = seq + 1
        await self.record_membership()
        self._purging = asyncio.create_task(self._purge_every(purge_every_s),
                                            name="lotsen-network-purge")

    async def stop(self) -> None:
        if self._purging is not None:
            self._purging.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._purging
            self._purging = None

    async def record_membership(self) -> None:
        """Bring the stored membership in line with the config, auditing each change."""
        stored = await self.storage.network_members()
        now = self.clock()
        for org in self.organisations:
            member = org.id in self.members
            if member != (org.id in stored):
                await self.storage.set_network_member(org.id, member, now)
                log.info("network membership changed", extra={
                    "event": "network_join" if member else "network_leave", "org": org.id})
        for org_id in stored:
            if org_id not in self.organisations:  # no longer served at all
                await self.storage.set_network_member(org_id, False, now)

    async def purge(self) -> int:
        """Delete lines older than the network's retention; how many went."""
        purged = await self.storage.purge_network(
            self.clock() - self.config.retention_days * 86400)
        if purged:
            log.info("network retention purge", extra={"event": "purge_network",
                                                       "count": purged})
        return purged

    async def _purge_every(self, interval: float) -> None:
        while True:
            try:
                await self.purge()
            except StorageError as exc:
                log.warning("network purge failed", extra={"event": "tick_failed",
                                                           "error": str(exc)})
            await asyncio.sleep(interval)

    # -- staff -------------------------------------------------------------------------------

    async def welcome(self, org_id: str, hub: Hub, conn: StaffConn) -> None:
        """A console of ``org_id`` logged in: the rooms and each room's latest lines."""
        if org_id not in self.members:
            return
        to = conn.connection
        hub.send(to, protocol.NetworkRooms(
            [{"id": room.id, "names": room.names_dict()} for room in self.config.rooms],
            self.config.retention_days))
        try:
            for room in self.config.rooms:
                for line in await self.storage.network_lines(room.id, HISTORY_LINES):
                    hub.send(to, self._frame(line))
        except StorageError as exc:  # the console works on; new lines still reach it
            log.warning("network history unreadable", extra={"event": "network_history_failed",
                                                             "error": str(exc)})

    def staff_frame(self, org_id: str, hub: Hub, conn: StaffConn,
                    frame: protocol.Frame) -> Awaitable[None] | None:
        if not isinstance(frame, protocol.NetworkSend):
            return None
        return self._post(org_id, hub, conn, frame)

    async def _post(self, org_id: str, hub: Hub, conn: StaffConn,
                    frame: protocol.NetworkSend) -> None:
        """Store a line, then deliver it to every member's staff (its ack: the sender's copy)."""
        if org_id not in self.members:
            hub.error(conn.connection, "forbidden",
                      "Your organisation is not in the professionals' network.", frame.cid)
            return
        room = self.config.room(frame.room)
        if room is None:
            hub.error(conn.connection, "bad_frame", "There is no such network room.", frame.cid)
            return
        seq = self._next_seq.get(room.id, 1)
        self._next_seq[room.id] = seq + 1
        line = NetworkLine(room.id, seq, org_id, conn.account.username,
                           conn.account.display_name, frame.text, self.clock())
        try:
            await self.storage.append_network_line(line)
        except StorageError as exc:
            hub.error(conn.connection, "storage",
                      f"The database refused the line ({exc}).", frame.cid)
            return
        hub.counters.count("network_lines")
        self._deliver(line, conn, frame.cid)

    def _frame(self, line: NetworkLine, cid: str | None = None) -> protocol.NetworkLine:
        org = self.organisations.get(line.org)
        return protocol.NetworkLine(line.room, line.seq, line.org,
                                    org.name if org is not None else line.org, line.name,
                                    line.text, line.ts, cid)

    def _deliver(self, line: NetworkLine, sender: StaffConn, cid: str) -> None:
        shared = protocol.encode(self._frame(line))
        for org_id in self.members:
            hub = self.hubs.get(org_id)
            if hub is None:
                continue
            others = [conn.connection for conns in hub.staff.values() for conn in conns
                      if conn is not sender]
            if others:
                hub.outbox.send_many(others, shared)
        self.hubs[line.org].outbox.send(sender.connection,
                                        protocol.encode(self._frame(line, cid)))
