"""Visitor and staff connection loops: the websocket side of a connection, up to the hub.

A connection is numbered by the outbox (relay/delivery.py), must send its first frame
(``hello`` or ``login``) within ``handshake_timeout`` in the protocol version this relay
speaks, and is then read frame by frame: rate-limited, decoded (a bad frame gets an error
frame or a close code, never a traceback), length-checked and handed to the hub
(relay/hub.py). Staff log in first (relay/staff_login.py); at most
``max_unauthenticated_staff`` may be connected without having logged in.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, Protocol

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from relay import protocol
from relay.config import RelayConfig
from relay.delivery import WebSocketOutbox
from relay.hub import ConnectionId, Hub, StaffConn, VisitorConn
from relay.limits import RateLimiter, Verdict, describe_wait
from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH, Frame, ProtocolError
from relay.staff_login import Refused, StaffLogin


class StaffRouter(Protocol):
    """Where a logged-in staff connection's frames go when not all go to this hub."""

    async def joined(self, conn: StaffConn, ws: ServerConnection) -> None: ...

    def frame(self, conn: StaffConn, frame: Frame) -> Awaitable[None] | None: ...

    def left(self, conn: StaffConn) -> None: ...


class Sessions:
    """The websocket server's connection handler."""

    def __init__(self, config: RelayConfig, hub: Hub, outbox: WebSocketOutbox,
                 staff_login: StaffLogin) -> None:
        self.config = config
        self.hub = hub
        self.outbox = outbox
        self.staff_login = staff_login
        # Staff connections that have not sent their login yet, oldest first.
        self.silent_staff: OrderedDict[ConnectionId, None] = OrderedDict()
        self.closed_connections = 0
        """Connections closed since the relay last collected garbage (relay/server.py)."""
        self.extra_staff_frames: dict[
            type[Frame], Callable[[StaffConn, Any], Awaitable[None] | None]] = {}
        """Staff frames handled outside the hub, by type (the professionals' network,
        relay/network.py, which a SharedRelay attaches)."""
        self.staff_welcomes: list[Callable[[StaffConn], Awaitable[None]]] = []
        """What else a console is sent after the hub's welcome (relay/network.py)."""
        self.staff_router: StaffRouter | None = None
        """Set by a SharedRelay with cover agreements (relay/cover_relay.py): takes each
        logged-in staff frame, and hands those about another organisation's chats there."""

    async def __call__(self, ws: ServerConnection) -> None:
        path = ws.request.path.split("?", 1)[0] if ws.request else ""
        connection = self.outbox.register(ws)
        try:
            if path == VISITOR_PATH:
                await self._visitor_session(ws, connection)
            elif path == STAFF_PATH:
                await self._staff_session(ws, connection)
            else:
                await ws.close(protocol.CLOSE_POLICY, "unknown endpoint")
        except ConnectionClosed:
            pass
        finally:
            self.outbox.forget(connection)
            self.closed_connections += 1

    # -- visitors ------------------------------------------------------------------------------

    async def _visitor_session(self, ws: ServerConnection, connection: ConnectionId) -> None:
        hello = await self._first_frame(ws, connection, protocol.VISITOR_TO_RELAY,
                                        protocol.Hello)
        if not isinstance(hello, protocol.Hello):
            return
        refused = await self.hub.admit_visitor(connection, hello)
        if refused is not None:
            await ws.close(*refused)
            return
        conn = VisitorConn(connection, hello.lang, hello.role, limiter=RateLimiter(
            self.config.visitor_rate, self.config.visitor_burst))
        try:
            await self.hub.visitor_joined(conn, hello)
            await self._frames(ws, connection, protocol.VISITOR_TO_RELAY,
                               partial(self.hub.visitor_frame, conn), conn.limiter)
        finally:
            self.hub.visitor_left(conn)

    # -- staff -----------------------------------------------------------------------------------

    async def read_login(self, ws: ServerConnection) -> protocol.Login | None:
        """A staff connection's first frame, under the limits on silent logins (a
        SharedRelay reads it here, then hands it to the account's organisation)."""
        connection = self.outbox.register(ws)
        try:
            return await self._login(ws, connection)
        finally:
            self.outbox.forget(connection)

    async def staff_with_login(self, ws: ServerConnection, login: protocol.Login) -> None:
        """A staff connection whose login another part read (SharedRelay)."""
        connection = self.outbox.register(ws)
        try:
            await self._logged_in(ws, connection, login)
        except ConnectionClosed:
            pass
        finally:
            self.outbox.forget(connection)
            self.closed_connections += 1

    async def _login(self, ws: ServerConnection, connection: ConnectionId
                     ) -> protocol.Login | None:
        self._wait_for_login(connection)
        try:
            login = await self._first_frame(ws, connection, protocol.STAFF_TO_RELAY,
                                            protocol.Login)
        finally:
            self.silent_staff.pop(connection, None)
        return login if isinstance(login, protocol.Login) else None

    async def _staff_session(self, ws: ServerConnection, connection: ConnectionId) -> None:
        login = await self._login(ws, connection)
        if login is not None:
            await self._logged_in(ws, connection, login)

    async def _logged_in(self, ws: ServerConnection, connection: ConnectionId,
                         login: protocol.Login) -> None:
        checked = await self.staff_login.authenticate(login)
        if isinstance(checked, Refused):
            self.hub.error(connection, checked.code, checked.message)
            await ws.close(checked.close_code, checked.close_reason)
            return
        conn = StaffConn(connection, checked.account, checked.token_hash)
        first_conn = self.hub.staff_joined(conn, checked.session)
        router = self.staff_router
        try:
            await self.hub.welcome_staff(conn, first_conn=first_conn)
            for welcome in self.staff_welcomes:
                await welcome(conn)
            if router is not None:
                await router.joined(conn, ws)
            handle = (partial(self._staff_frame, conn)
                      if self.extra_staff_frames or router is not None
                      else partial(self.hub.staff_frame, conn))
            await self._frames(ws, connection, protocol.STAFF_TO_RELAY, handle,
                               RateLimiter(self.config.staff_rate, self.config.staff_burst))
        finally:
            if router is not None:
                router.left(conn)
            self.hub.staff_left(conn)

    def _staff_frame(self, conn: StaffConn, frame: Frame) -> Awaitable[None] | None:
        extra = self.extra_staff_frames.get(type(frame))
        if extra is not None:
            return extra(conn, frame)
        if self.staff_router is not None:  # cover agreements: maybe another hub's chat
            return self.staff_router.frame(conn, frame)
        return self.hub.staff_frame(conn, frame)

    def _wait_for_login(self, connection: ConnectionId) -> None:
        """At most ``max_unauthenticated_staff`` staff connections may be silent (not logged
        in yet): beyond, the oldest silent one is closed (1013 busy) to make room. A console
        sends its login right after connecting, so someone holding many silent sockets only
        pushes out their own, never keeps a console out (as refusing new ones would); the
        logins that did arrive are bounded by the password queue."""
        self.silent_staff[connection] = None
        while len(self.silent_staff) > self.config.max_unauthenticated_staff:
            oldest, _ = self.silent_staff.popitem(last=False)
            self.hub.counters.count("staff_silent_dropped")
            self.outbox.close(oldest, protocol.CLOSE_TRY_AGAIN, "busy")

    # -- frames ----------------------------------------------------------------------------------

    async def _first_frame(self, ws: ServerConnection, connection: ConnectionId,
                           registry: dict[str, type[Frame]], expected: type[Frame]
                           ) -> Frame | None:
        try:
            raw = await asyncio.wait_for(ws.recv(), timeout=self.config.handshake_timeout)
        except TimeoutError:
            await ws.close(protocol.CLOSE_POLICY, f"send {expected.type} first")
            return None
        try:
            frame = protocol.decode(raw, registry)
        except ProtocolError as exc:
            await self._refuse(ws, connection, exc)
            return None
        if not isinstance(frame, expected):
            await ws.close(protocol.CLOSE_POLICY, f"the first frame must be {expected.type}")
            return None
        if getattr(frame, "v", None) != PROTOCOL_VERSION:
            self.hub.error(connection, "version",
                           f"this relay speaks protocol version {PROTOCOL_VERSION}")
            await ws.close(protocol.CLOSE_VERSION, "unsupported protocol version")
            return None
        return frame

    async def _refuse(self, ws: ServerConnection, connection: ConnectionId,
                      exc: ProtocolError) -> None:
        self.hub.error(connection, exc.code, exc.message)
        await self.outbox.hang_up(ws, exc.close_code or protocol.CLOSE_POLICY,
                                  exc.message[:120])

    async def _frames(self, ws: ServerConnection, connection: ConnectionId,
                      registry: dict[str, type[Frame]],
                      handle: Callable[[Frame], Awaitable[None] | None],
                      limiter: RateLimiter | None = None) -> None:
        """Decode and handle frames until the client goes; bad frames get an error, not a crash.

        ``handle`` deals with a frame at once (chat lines: journalled, acknowledged later) or
        returns an awaitable for work that must finish before the next frame is read.
        """
        hub = self.hub
        async for raw in ws:
            if limiter is not None and (verdict := limiter.allow()) is not Verdict.ALLOW:
                if verdict is Verdict.CLOSE:
                    hub.counters.count("rate_limit_closed")
                    await self.outbox.hang_up(ws, protocol.CLOSE_POLICY, "Too many messages too "
                                              "fast; wait a minute, then reconnect.")
                    return
                hub.error(connection, "rate_limited", "You are sending too fast; wait "
                          f"{describe_wait(limiter.retry_after())} and send again.",
                          _cid_of(raw))
                continue
            try:
                frame = protocol.decode(raw, registry)
            except ProtocolError as exc:
                if exc.close_code is not None:
                    await self._refuse(ws, connection, exc)
                    return
                hub.error(connection, exc.code, exc.message, _cid_of(raw))
                continue
            text = getattr(frame, "text", None)
            if isinstance(text, str) and len(text) > self.config.max_text_chars:
                hub.error(connection, "text_too_long", "message is longer than "
                          f"{self.config.max_text_chars} characters", getattr(frame, "cid", None))
                continue
            pending = handle(frame)
            if pending is not None:
                await pending


def _cid_of(raw: str | bytes) -> str | None:
    """Best effort: the ``cid`` of a refused frame, so the client can mark that line failed."""
    if not isinstance(raw, str) or len(raw) > protocol.MAX_FRAME_BYTES:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    cid = data.get("cid") if isinstance(data, dict) else None
    if not isinstance(cid, str) or len(cid) > protocol.MAX_CID_CHARS:
        return None
    return cid if protocol.encodable(cid) else None  # an error frame must be sendable
