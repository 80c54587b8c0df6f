"""A hub with no sockets: ``MemoryStorage``, a list outbox, and helpers that speak for the
visitors and staff the way relay/sessions.py does (decoded frames in, frames out)."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass, field
from typing import Any

from relay import protocol
from relay.config import RelayConfig
from relay.hub import ConnectionId, Hub, StaffConn, Triage, VisitorConn
from relay.limits import RateLimiter
from relay.protocol import PROTOCOL_VERSION, Frame
from relay.storage import StaffAccount
from relay.storage.memory import MemoryStorage


@dataclass
class ListOutbox:
    """Every frame the hub sends, decoded, in order; closes are recorded, and a closed
    connection gets nothing more (as a websocket would)."""

    sent: list[tuple[ConnectionId, dict[str, Any]]] = field(default_factory=list)
    closed: dict[ConnectionId, tuple[int, str]] = field(default_factory=dict)

    def send(self, to: ConnectionId, frame: str) -> None:
        if to not in self.closed:
            self.sent.append((to, json.loads(frame)))

    def send_many(self, to: Iterable[ConnectionId], frame: str) -> None:
        for connection in to:
            self.send(connection, frame)

    def close(self, to: ConnectionId, code: int, reason: str) -> Awaitable[None]:
        self.closed.setdefault(to, (code, reason))
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done

    def is_open(self, to: ConnectionId) -> bool:
        return to not in self.closed


class Desk:
    """One hub and the people connected to it."""

    def __init__(self, config: RelayConfig, *, triage: Triage | None = None) -> None:
        self.storage = MemoryStorage()
        self.outbox = ListOutbox()
        self.hub = Hub(config, self.storage, self.outbox, triage=triage)
        self._numbers = itertools.count(1)
        self._read: dict[ConnectionId, int] = {}
        self._registries: dict[ConnectionId, dict[str, type[Frame]]] = {}

    async def start(self, *staff: tuple[str, bool]) -> None:
        await self.storage.open()
        for username, supervisor in staff:
            await self.storage.add_staff(StaffAccount(0, username, username.title(), "-",
                                                      supervisor=supervisor))
        await self.hub.load()

    async def settle(self) -> None:
        """Let journalled writes commit and coalesced updates go out (no timers waited)."""
        for _ in range(3):
            await self.storage.flush()
            await asyncio.sleep(0)

    # -- people ----------------------------------------------------------------------------

    async def visitor(self, resume: str | None = None, last_seq: int = 0) -> VisitorConn:
        connection = ConnectionId(next(self._numbers))
        self._registries[connection] = protocol.RELAY_TO_VISITOR
        hello = protocol.Hello(PROTOCOL_VERSION, lang="sv", resume=resume, last_seq=last_seq)
        refused = await self.hub.admit_visitor(connection, hello)
        assert refused is None, refused
        conn = VisitorConn(connection, hello.lang, hello.role,
                           limiter=RateLimiter(1000, 1000))
        await self.hub.visitor_joined(conn, hello)
        await self.settle()
        return conn

    async def staff(self, username: str) -> StaffConn:
        account = await self.storage.staff(username)
        assert account is not None
        conn = StaffConn(ConnectionId(next(self._numbers)), account, f"hash-{username}")
        self._registries[conn.connection] = protocol.RELAY_TO_STAFF
        session = protocol.Session(PROTOCOL_VERSION, "token", username, account.display_name,
                                   account.supervisor, time.time() + 3600)
        first = self.hub.staff_joined(conn, session)
        await self.hub.welcome_staff(conn, first_conn=first)
        await self.settle()
        return conn

    def leave(self, conn: VisitorConn | StaffConn) -> None:
        """The connection closed (the session loop's ``finally``)."""
        if isinstance(conn, VisitorConn):
            self.hub.visitor_left(conn)
        else:
            self.hub.staff_left(conn)

    async def frame(self, conn: VisitorConn | StaffConn, frame: Frame) -> None:
        """Hand a decoded frame to the hub as the session loop does, and let it commit."""
        pending = (self.hub.visitor_frame(conn, frame) if isinstance(conn, VisitorConn)
                   else self.hub.staff_frame(conn, frame))
        if pending is not None:
            await pending
        await self.settle()

    async def say(self, conn: VisitorConn, text: str, cid: str | None = None) -> None:
        await self.frame(conn, protocol.VisitorSend(text, cid or f"c-{text}"))

    async def start_chat(self, text: str = "hej") -> tuple[VisitorConn, int]:
        """A visitor who wrote a first line; returns it and its conversation id."""
        visitor = await self.visitor()
        await self.say(visitor, text)
        assert visitor.live is not None
        return visitor, visitor.live.id

    # -- what was sent -----------------------------------------------------------------------

    def new(self, conn: VisitorConn | StaffConn, kind: str | None = None
            ) -> list[dict[str, Any]]:
        """Frames sent to ``conn`` since the last call (of one ``type`` if given)."""
        start = self._read.get(conn.connection, 0)
        mine = [frame for to, frame in self.outbox.sent if to == conn.connection]
        self._read[conn.connection] = len(mine)
        return [f for f in mine[start:] if kind is None or f["type"] == kind]

    def all(self, conn: VisitorConn | StaffConn, kind: str) -> list[dict[str, Any]]:
        return [f for to, f in self.outbox.sent if to == conn.connection and f["type"] == kind]

    def check_wire(self) -> None:
        """Every frame sent is one its receiver's side of the protocol accepts (the wire
        protocol did not change with the hub: the clients' decoders still take it all)."""
        for to, frame in self.outbox.sent:
            protocol.decode(json.dumps(frame), self._registries[to])

    def errors(self, conn: VisitorConn | StaffConn) -> list[str]:
        return [f["code"] for f in self.all(conn, "error")]
