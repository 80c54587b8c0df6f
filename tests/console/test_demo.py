"""``lotsen demo``: one command starts a relay, visitors and the console, and stops them all."""

from __future__ import annotations

import asyncio
import fcntl
import os
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
import urllib.request
from pathlib import Path

import pytest

from relay.demo_visitors import run_visitors
from relay.server import Relay
from tests.support import Client

CONNECTED = "● connected".encode()
"""The console's status bar once it is logged in (``status.online`` in English)."""
VISITOR_ALIAS = re.compile(b"Visitor [0-9]+")
"""A visitor's alias as the English console names them (the relay's is Swedish)."""


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
        # queue, named in the console's language ("Visitor 42", though the relay says
        # "Besökare 42"): read until both are on the screen.
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


def _start_demo(*args: str, env: dict[str, str] | None = None
                ) -> tuple[subprocess.Popen[bytes], int]:
    """``lotsen demo ARGS`` on a free port in a 36x120 pseudo-terminal: the process and the
    terminal's master side."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "relay", "demo", "--port", str(_free_port()), *args],
        stdin=slave, stdout=slave, stderr=slave,
        env=dict(os.environ, TERM="xterm-256color", **(env or {})), start_new_session=True)
    os.close(slave)
    return process, master


def _until_connected(master: int) -> bytes:
    output = b""
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline and CONNECTED not in output:
        output += _read(master, 0.5)
    assert CONNECTED in output, output.decode(errors="replace")[-2000:]
    return output


@pytest.mark.slow
def test_demo_with_two_organisations_shows_the_second_login_in_the_console() -> None:
    """``--orgs 2``: the second organisation's login, printed before the console starts, is
    also on the console's screen, where the full screen no longer hides it."""
    process, master = _start_demo("--orgs", "2", "--visitors", "0", "--lang", "en")
    try:
        output = _until_connected(master)
        output += _read(master, 2)
        before, _, screen = output.partition(b"\x1b[?1049h")  # the console's full screen
        assert b"--user demo-b" in before
        assert b"--user demo-b" in screen, screen.decode(errors="replace")[-3000:]
        assert b"start another console" in screen
        os.write(master, b"\x11")  # Ctrl+Q
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        os.close(master)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_demo_stopped_by_a_signal_deletes_its_temporary_database(
        tmp_path: Path, signum: int) -> None:
    """A demo whose terminal closes (SIGHUP) or that is killed (SIGTERM) stops like Ctrl+Q:
    the relay stops and the temporary folder with its database is deleted."""
    process, master = _start_demo("--visitors", "1", "--lang", "en",
                                  env={"TMPDIR": str(tmp_path)})
    try:
        _until_connected(master)
        assert [p.name for p in tmp_path.glob("lotsen-demo-*/lotsen.db")] == ["lotsen.db"]
        os.killpg(process.pid, signum)  # as a closing terminal does: the whole group
        if signum == signal.SIGHUP:
            os.close(master)
            master = -1
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if master >= 0:
                _read(master, 0.5)  # a full terminal buffer would block the demo's last lines
            else:
                time.sleep(0.2)
        assert process.poll() is not None
        assert list(tmp_path.glob("lotsen-demo-*")) == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        if master >= 0:
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


def test_the_demo_directory_flags_no_example_entry_but_still_flags_real_stale_ones(
        tmp_path: Path) -> None:
    """The demo's directory moves the example entries' review dates on (a first demo flagged
    every one "⚠ inaktuell"); real entries keep theirs and are flagged once due."""
    import datetime as dt

    from lotsen.cli.console import demo_directory
    from referrals import load_directory

    today = dt.date(2026, 12, 5)
    shipped = load_directory(None)
    assert [s for s in shipped.stale(today) if s.is_example], "examples ship stale"
    path = tmp_path / "referrals.toml"
    path.write_text(demo_directory(today), encoding="utf-8")
    demo = load_directory(path)
    assert demo.stale(today) == [s for s in shipped.stale(today) if not s.is_example] == []
    later = dt.date(2027, 6, 1)  # past the real entries' review date, not the demo's
    stale = demo.stale(later)
    assert stale and not any(s.is_example for s in stale)
    assert {s.id for s in stale} == {s.id for s in shipped.stale(later) if not s.is_example}
