"""A light websocket client for load generation: one asyncio Protocol per connection, no tasks.

The benchmark must not be limited by its own client, so connections are driven by callbacks on
top of the ``websockets`` sans-I/O ``ClientProtocol``: bytes in, frames out to ``on_text``, no
task, queue or lock per connection. Every server under test (Lotsen, the bare forwarder and the
python-socketio forwarder) is driven by this same client, so client-side cost is the same for
all of them. No compression is offered, so every server runs without permessage-deflate.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, cast

from websockets.client import ClientProtocol
from websockets.frames import Frame, Opcode
from websockets.http11 import Response
from websockets.protocol import State
from websockets.uri import parse_uri

TextHandler = Callable[["Peer", bytes], None]


class Peer(asyncio.Protocol):
    """One client websocket connection; ``on_text(peer, data)`` gets each text frame's bytes."""

    def __init__(self, uri: str, on_text: TextHandler, *, tag: Any = None) -> None:
        loop = asyncio.get_running_loop()
        self.protocol = ClientProtocol(parse_uri(uri), max_size=None)
        self.on_text = on_text
        self.tag = tag
        self.transport: asyncio.Transport | None = None
        self.opened: asyncio.Future[None] = loop.create_future()
        self.lost: asyncio.Future[None] = loop.create_future()
        self.close_code: int | None = None

    # -- asyncio.Protocol ------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's TCPTransport quacks like asyncio.Transport without subclassing it.
        self.transport = cast(asyncio.Transport, transport)
        self.protocol.send_request(self.protocol.connect())
        self._flush()

    def data_received(self, data: bytes) -> None:
        protocol = self.protocol
        protocol.receive_data(data)
        for event in protocol.events_received():
            if isinstance(event, Frame):
                if event.opcode is Opcode.TEXT:
                    self.on_text(self, event.data)  # type: ignore[arg-type]
                elif event.opcode is Opcode.CLOSE and protocol.close_rcvd is not None:
                    self.close_code = protocol.close_rcvd.code
            elif isinstance(event, Response) and not self.opened.done():
                if protocol.handshake_exc is None:
                    self.opened.set_result(None)
                else:
                    self.opened.set_exception(protocol.handshake_exc)
        self._flush()

    def eof_received(self) -> bool | None:
        self.protocol.receive_eof()
        self._flush()
        return None

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(exc or ConnectionError("connection closed in handshake"))
        if not self.lost.done():
            self.lost.set_result(None)

    # -- sending -----------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.protocol.state is State.OPEN

    def send_text(self, data: bytes) -> None:
        """Send one text frame now (already UTF-8 encoded). Dropped if the connection is gone."""
        if self.protocol.state is State.OPEN:
            self.protocol.send_text(data)
            self._flush()

    def close(self) -> None:
        if self.protocol.state is State.OPEN:
            self.protocol.send_close(1000)
            self._flush()
        if self.transport is not None:
            self.transport.close()

    def _flush(self) -> None:
        transport = self.transport
        if transport is None:
            return
        for chunk in self.protocol.data_to_send():
            if chunk:
                transport.write(chunk)
            elif transport.can_write_eof():
                transport.write_eof()


async def open_peer(host: str, port: int, path: str, on_text: TextHandler, *,
                    tag: Any = None, timeout: float = 15.0) -> Peer:
    """Connect and complete the websocket handshake, or raise."""
    loop = asyncio.get_running_loop()
    peer = Peer(f"ws://{host}:{port}{path}", on_text, tag=tag)
    await asyncio.wait_for(loop.create_connection(lambda: peer, host, port), timeout)
    await asyncio.wait_for(peer.opened, timeout)
    return peer
