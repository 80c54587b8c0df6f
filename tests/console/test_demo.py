"""``lotsen demo``: one command starts a relay, visitors and the console, and stops them all."""

from __future__ import annotations

import asyncio
import fcntl
import os
import re
import select
import socket
import struct
import subprocess
import sys
import termios
import time
import urllib.request

import pytest

from relay.demo_visitors import run_visitors
from relay.server import Relay
from tests.support import Client

CONNECTED = "● connected".encode()
"""The console's status bar once it is logged in (``status.online`` in English)."""
VISITOR_ALIAS = re.compile("Besökare [0-9]+".encode())
"""A visitor's alias as the demo relay (Swedish by default) names them."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _read(fd: int, seconds: float) -> bytes:
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.slow
def test_demo_runs_relay_visitors_and_console_then_stops_everything() -> None:
    """The demo page answers while the console runs logged in with a simulated visitor on
    screen; Ctrl+Q stops the relay and exits cleanly."""
    port = _free_port()
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    process = subprocess.Popen([sys.executable, "-m", "relay", "demo", "--port", str(port),
                                "--visitors", "2", "--lang", "en"],
                               stdin=slave, stdout=slave, stderr=slave, env=env,
                               start_new_session=True)
    os.close(slave)
    try:
        output = b""
        deadline = time.monotonic() + 40
        page = b""
        while time.monotonic() < deadline and not page:
            output += _read(master, 0.5)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as reply:
                    page = reply.read()
            except OSError:
                continue
        assert page, output.decode(errors="replace")[-2000:]
        # The console logs in (its status bar says so) and a simulated visitor reaches the
        # queue under the relay's alias ("Besökare 42"): read until both are on the screen.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (
                CONNECTED in output and VISITOR_ALIAS.search(output)):
            output += _read(master, 0.5)
        assert b"Lotsen demo: relay on" in output
        assert CONNECTED in output, output.decode(errors="replace")[-2000:]
        assert VISITOR_ALIAS.search(output), output.decode(errors="replace")[-2000:]
        os.write(master, b"\x11")  # Ctrl+Q
        output += _read(master, 3)
        assert process.wait(30) == 0
        output += _read(master, 1)
        assert b"Traceback" not in output
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        os.close(master)


def test_demo_on_a_busy_port_is_a_one_line_error() -> None:
    """A port that is taken gives one clear line and a non-zero exit, no traceback."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "relay", "demo", "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert result.stderr.strip() == (f"error: port {port} is in use — pass --port, or stop "
                                     "the other program")


async def test_simulated_visitors_write_in_and_answer_back(relay: Relay) -> None:
    """Demo visitors arrive with realistic openings in several languages and reply to staff."""
    staff = await Client.staff(relay.port, "anna")
    stop = asyncio.Event()
    visitors = asyncio.create_task(run_visitors(relay.port, 3, spacing=0.2, pace=0.02,
                                                stop=stop))
    try:
        queued = [(await staff.expect("queued", timeout=10))["entry"] for _ in range(3)]
        assert {entry["lang"] for entry in queued} >= {"sv", "en"}
        assert all(len(entry["preview"]) > 40 for entry in queued)
        await staff.send({"type": "claim"})
        info = await staff.expect("conversation")
        await staff.send({"type": "message", "conversation": info["id"],
                          "text": "Hej, berätta mer.", "cid": "s1"})
        answer = await staff.expect("message", kind="visitor", timeout=10)
        assert answer["conversation"] == info["id"] and answer["text"]
    finally:
        stop.set()
        await visitors
        await staff.close()
