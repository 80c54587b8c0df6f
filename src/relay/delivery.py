"""The hub's ``Outbox`` over websockets, in this process: batched writes, slow consumers cut
off, closes with a grace period.

``WebSocketOutbox`` numbers the connections relay/sessions.py accepts (``register``) and
writes the hub's frames to them. Frames are queued in each connection's sans-I/O protocol
object and written once per turn of the event loop, so a connection that gets its ack and its
peer's line in the same turn gets them in one ``send()``. A connection whose write buffer
passes ``MAX_PENDING_BYTES`` has stopped reading and is closed (it resumes when it
reconnects) rather than let the relay's memory grow.

A deployment of several relays puts another ``Outbox`` in front of this one, delivering to
connections another relay holds; the hub does not change.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import struct
from collections.abc import Awaitable, Iterable

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed
from websockets.protocol import Protocol, State

from relay import protocol
from relay.counters import Counters
from relay.hub import ConnectionId

# A write buffer above this means the client stopped reading: drop it rather than stall.
MAX_PENDING_BYTES = 512 * 1024
# How long a connection being closed may take to finish the closing handshake before it is cut.
CLOSE_GRACE_S = 5.0


class WebSocketOutbox:
    """The embedded ``Outbox``: connections of this process, written to directly."""

    def __init__(self, counters: Counters) -> None:
        self.counters = counters
        self._sockets: dict[ConnectionId, ServerConnection] = {}
        self._numbers = itertools.count(1)
        self._unflushed: dict[ServerConnection, None] = {}  # frames queued, see _written
        self._closing: dict[ServerConnection, asyncio.Future[None]] = {}  # see close

    def register(self, ws: ServerConnection) -> ConnectionId:
        """Number a new connection; frames for it can be sent from now on."""
        connection = ConnectionId(next(self._numbers))
        self._sockets[connection] = ws
        return connection

    def forget(self, connection: ConnectionId) -> None:
        """The connection's handler ended: frames for it are dropped from now on."""
        self._sockets.pop(connection, None)

    def socket(self, connection: ConnectionId) -> ServerConnection | None:
        """The websocket behind a connection id, while its handler runs."""
        return self._sockets.get(connection)

    def __len__(self) -> int:
        return len(self._sockets)

    # -- Outbox ------------------------------------------------------------------------------

    def send(self, to: ConnectionId, frame: str) -> None:
        ws = self._sockets.get(to)
        if ws is not None and ws.protocol.state is State.OPEN:
            data = frame.encode()
            _queue_text(ws.protocol, data, text_frame(data))
            self._written(ws)

    def send_many(self, to: Iterable[ConnectionId], frame: str) -> None:
        data = frame.encode()  # encoded and framed once, queued for each (closed ones skipped)
        whole = text_frame(data)
        sockets = self._sockets
        for connection in to:
            ws = sockets.get(connection)
            if ws is not None and ws.protocol.state is State.OPEN:
                _queue_text(ws.protocol, data, whole)
                self._written(ws)

    def close(self, to: ConnectionId, code: int, reason: str) -> Awaitable[None]:
        ws = self._sockets.get(to)
        if ws is None:  # already gone
            done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        return self.close_socket(ws, code, reason)

    def is_open(self, to: ConnectionId) -> bool:
        ws = self._sockets.get(to)
        return ws is not None and ws.state is State.OPEN

    # -- websockets ---------------------------------------------------------------------------

    def close_socket(self, ws: ServerConnection, code: int, reason: str) -> asyncio.Future[None]:
        """Close a connection without waiting: a peer that stopped reading must not hold up
        the task that decided to close it. websockets' close() first waits for the send
        buffer to drain, with no time limit, so a peer that never reads is cut off after
        CLOSE_GRACE_S: its socket and buffer are freed and it can resume."""
        closing = self._closing.get(ws)
        if closing is not None:
            return closing
        task = asyncio.ensure_future(ws.close(code, reason))
        self._closing[ws] = task
        task.add_done_callback(lambda _: self._closing.pop(ws, None))
        asyncio.get_running_loop().call_later(CLOSE_GRACE_S, _abort_if_open, ws)
        return task

    async def hang_up(self, ws: ServerConnection, code: int, reason: str) -> None:
        """Close this connection from its own handler, reading and dropping what the client
        still sends meanwhile: with unread frames queued, its close reply would not be seen."""
        self.close_socket(ws, code, reason)
        with contextlib.suppress(ConnectionClosed):
            async for _ in ws:
                pass

    def _written(self, ws: ServerConnection) -> None:
        # Frames are queued in the connection's sans-I/O protocol and written once per turn of
        # the event loop: a commit acknowledges a whole batch of lines at once, and a
        # connection then often gets its ack and its peer's line together, one send() instead
        # of two. websockets flushes the same queue first whenever it writes itself (close,
        # ping, pong), so frames never overtake each other or a close.
        if not self._unflushed:
            asyncio.get_running_loop().call_soon(self._flush_writes)
        self._unflushed[ws] = None

    def _flush_writes(self) -> None:
        sockets, self._unflushed = self._unflushed, {}
        for ws in sockets:
            chunks = ws.protocol.data_to_send()
            transport = ws.transport
            if not chunks or transport is None or transport.is_closing():
                continue
            if all(chunks):
                transport.write(b"".join(chunks))
            else:  # an end-of-stream marker, as websockets' own send_data() handles it
                for chunk in chunks:
                    if chunk:
                        transport.write(chunk)
                    elif transport.can_write_eof():
                        transport.write_eof()
                    else:
                        transport.close()
            self._drop_if_backlogged(ws)

    def _drop_if_backlogged(self, ws: ServerConnection) -> None:
        transport = ws.transport
        if transport is not None and transport.get_write_buffer_size() > MAX_PENDING_BYTES:
            if ws not in self._closing:
                self.counters.count("slow_client_dropped")
            self.close_socket(ws, protocol.CLOSE_TRY_AGAIN,
                              "Connection too slow; reconnect to resume")


_HEAD_16 = struct.Struct("!BBH")
_HEAD_64 = struct.Struct("!BBQ")


def text_frame(data: bytes) -> bytes:
    """A whole, unmasked text frame carrying ``data`` (UTF-8), as a server writes it: what
    websockets' ``Frame(TEXT, data).serialize(mask=False)`` makes, without the frame object,
    its checks and a BytesIO per frame (two frames go out per chat line)."""
    length = len(data)
    if length < 126:
        return bytes((0x81, length)) + data
    if length < 65536:
        return _HEAD_16.pack(0x81, 126, length) + data
    return _HEAD_64.pack(0x81, 127, length) + data


def _queue_text(protocol: Protocol, data: bytes, frame: bytes) -> None:
    """``protocol.send_text(data)`` for an open connection, ``frame`` being its text frame.

    The frame joins the protocol's own queue of writes, which ``data_to_send()`` hands out
    (``_flush_writes``), as ``send_text`` does. A connection with an extension (the relay
    serves without compression), debug logging, or a fragmented message in progress (the
    relay sends none) goes through ``send_text``.
    """
    if protocol.extensions or protocol.debug or protocol.expect_continuation_frame:
        protocol.send_text(data)
    else:
        protocol.writes.append(frame)


def _abort_if_open(ws: ServerConnection) -> None:
    if ws.state is not State.CLOSED and ws.transport is not None:
        ws.transport.abort()
