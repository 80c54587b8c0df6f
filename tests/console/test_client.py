"""The client: server addresses and their transport (and what a person is told when TLS or a
plaintext address is wrong), and frames from the relay that are large."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.app import LotsenConsole
from console.client import PlaintextRefused, is_loopback, page_url, staff_url
from relay import protocol
from relay.server import Relay
from tests.console.conftest import wait_for
from tests.support import PASSWORD


def test_server_addresses_become_staff_urls() -> None:
    """host[:port], http(s):// and ws(s):// all lead to the staff endpoint; junk is refused."""
    assert staff_url("127.0.0.1:8765") == "ws://127.0.0.1:8765/ws/staff"
    assert staff_url("https://chat.example.se") == "wss://chat.example.se/ws/staff"
    assert staff_url("wss://10.0.0.2:9000/anything") == "wss://10.0.0.2:9000/ws/staff"
    assert page_url("wss://chat.example.se") == "https://chat.example.se/"
    for junk in ("ftp://example.se", "", "chat.example.se:port", "ws://"):
        with pytest.raises(ValueError):
            staff_url(junk)


def test_without_a_scheme_only_this_machine_is_plaintext() -> None:
    """A bare address is wss:// (through the relay's TLS proxy) unless it is loopback:
    localhost, 127.0.0.0/8 or ::1, which stay ws://."""
    assert staff_url("chat.kommun.se") == "wss://chat.kommun.se/ws/staff"
    assert staff_url("chat.kommun.se:8443") == "wss://chat.kommun.se:8443/ws/staff"
    assert staff_url("10.0.0.2:8765") == "wss://10.0.0.2:8765/ws/staff"
    assert staff_url("127.10.0.1:8765") == "ws://127.10.0.1:8765/ws/staff"
    assert staff_url("localhost:8765") == "ws://localhost:8765/ws/staff"
    assert staff_url("[::1]:8765") == "ws://[::1]:8765/ws/staff"
    assert staff_url("[::ffff:127.0.0.1]:8765") == "ws://[::ffff:127.0.0.1]:8765/ws/staff"
    assert staff_url("localhost.example.se") == "wss://localhost.example.se/ws/staff"
    assert is_loopback("LOCALHOST") and not is_loopback("127.example.se")


def test_plaintext_to_another_host_is_refused_unless_explicitly_allowed() -> None:
    """ws:// or http:// to a host that is not this machine would send the password and chats
    readable over the network: refused with the host named, unless ``insecure``."""
    for address in ("ws://chat.kommun.se", "http://10.0.0.2:8765", "ws://[2001:db8::1]:80"):
        with pytest.raises(PlaintextRefused) as refused:
            staff_url(address)
        assert refused.value.host in address
    assert staff_url("ws://10.0.0.2:9000/x", insecure=True) == "ws://10.0.0.2:9000/ws/staff"
    assert staff_url("http://localhost:8765") == "ws://localhost:8765/ws/staff"
    assert page_url("http://10.0.0.2:8765") == "http://10.0.0.2:8765/"


def test_console_command_explains_a_refused_address_without_a_traceback(
        tmp_path: Path) -> None:
    """`lotsen console --server ws://…` to another host stops with one line naming --insecure;
    junk names the expected form."""
    for address, expected in (("ws://chat.kommun.se", "--insecure"),
                              ("ftp://chat.kommun.se", "is not a server address")):
        result = subprocess.run([sys.executable, "-m", "relay", "console", "--server", address],
                                capture_output=True, text=True, timeout=60,
                                env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)})
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr and "Traceback" not in result.stderr


def test_a_queue_of_a_thousand_and_a_long_transcript_decode() -> None:
    """Frames from the relay may hold a whole queue or transcript; frames to it stay small."""
    entries: list[dict[str, object]] = [
        {"conversation": i, "alias": f"B{i}", "since": 1.0, "lang": "sv", "role": None,
         "preview": "hej " * 40, "urgent": False, "reasons": []} for i in range(1000)]
    raw = json.dumps({"type": "queue", "entries": entries})
    assert len(raw) > protocol.MAX_FRAME_BYTES
    frame = protocol.decode(raw, protocol.RELAY_TO_STAFF)
    assert isinstance(frame, protocol.QueueSnapshot) and len(frame.entries) == 1000
    too_many = json.dumps({"type": "close", "conversation": 1, "tags": ["x"] * 101})
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(too_many, protocol.STAFF_TO_RELAY)


async def test_tls_to_a_plaintext_relay_says_tls_failed(relay: Relay) -> None:
    """wss:// (the default for another host) to a relay without TLS gives a reason a person
    can act on, not an SSL error string."""
    app = LotsenConsole(server=f"wss://127.0.0.1:{relay.port}", user="anna", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*PASSWORD, "enter")
        error = app.screen.query_one("#login-error")
        await wait_for(pilot, lambda: "TLS failed" in str(error.render()), what="TLS reason")
