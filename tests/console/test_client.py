"""The client's pure parts: server addresses, and frames from the relay that are large."""

from __future__ import annotations

import json

import pytest

from console.client import page_url, staff_url
from relay import protocol


def test_server_addresses_become_staff_urls() -> None:
    """host:port, http(s):// and ws(s):// all lead to the staff endpoint; junk is refused."""
    assert staff_url("127.0.0.1:8765") == "ws://127.0.0.1:8765/ws/staff"
    assert staff_url("https://chat.example.se") == "wss://chat.example.se/ws/staff"
    assert staff_url("ws://10.0.0.2:9000/anything") == "ws://10.0.0.2:9000/ws/staff"
    assert page_url("wss://chat.example.se") == "https://chat.example.se/"
    with pytest.raises(ValueError):
        staff_url("ftp://example.se")


def test_a_queue_of_a_thousand_and_a_long_transcript_decode() -> None:
    """Frames from the relay may hold a whole queue or transcript; frames to it stay small."""
    entries = [{"conversation": i, "alias": f"B{i}", "since": 1.0, "lang": "sv", "role": None,
                "preview": "hej " * 40, "urgent": False, "reasons": []} for i in range(1000)]
    raw = json.dumps({"type": "queue", "entries": entries})
    assert len(raw) > protocol.MAX_FRAME_BYTES
    frame = protocol.decode(raw, protocol.RELAY_TO_STAFF)
    assert isinstance(frame, protocol.QueueSnapshot) and len(frame.entries) == 1000
    too_many = json.dumps({"type": "close", "conversation": 1, "tags": ["x"] * 101})
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(too_many, protocol.STAFF_TO_RELAY)
