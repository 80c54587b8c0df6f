"""The outbox writes text frames itself: byte for byte what websockets would have written."""

from __future__ import annotations

import pytest
from websockets.frames import Frame, Opcode
from websockets.protocol import State
from websockets.server import ServerProtocol

from relay.delivery import _queue_text, text_frame


@pytest.mark.parametrize("length", [0, 1, 125, 126, 127, 65535, 65536, 70_000])
def test_text_frames_are_what_websockets_serialises(length: int) -> None:
    """text_frame gives the bytes of websockets' own unmasked text frame at every header
    size (7-bit, 16-bit and 64-bit lengths)."""
    data = ("å" * length).encode()[:length]
    assert text_frame(data) == Frame(Opcode.TEXT, data).serialize(mask=False, extensions=[])


@pytest.mark.parametrize("debug", [False, True])
def test_a_queued_frame_goes_out_as_send_text_sends_it(debug: bool) -> None:
    """A frame queued on an open connection comes out of data_to_send() exactly as after
    send_text (also on a connection logging at debug level, which goes through send_text)."""
    ours, theirs = ServerProtocol(), ServerProtocol()
    for connection in (ours, theirs):
        connection.state = State.OPEN
        connection.debug = debug
    frames = [b'{"type":"ack","cid":"c1","seq":1,"ts":1.5}', "ä".encode() * 200]
    for data in frames:
        _queue_text(ours, data, text_frame(data))
        theirs.send_text(data)
    assert ours.data_to_send() == theirs.data_to_send()
    assert ours.data_to_send() == []
