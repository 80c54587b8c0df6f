"""Relay benchmark: Lotsen against a bare websockets forwarder and python-socketio, same load.

Each server under test runs in its own process (pinned to CPU 0); this process is the load
generator (pinned to CPU 1). N visitor/staff pairs talk on loopback; every server gets exactly
the same connections, frames and schedule from the same client (bench/peers/wsclient.py).

Steps (``--steps``):

* ``burst``     every visitor sends ``--burst`` lines back to back; staff answer each line on
                arrival. Messages/s end to end (both directions) = the throughput figure.
* ``pingpong``  one line in flight per pair: visitor writes, staff answers, visitor answers...
                for ``--pingpong-seconds``. Messages/s and p50/p99 one-way latency under load.
* ``rate``      open loop: ``--rates`` messages/s offered in total (half visitor->staff, half
                staff->visitor, spread evenly over the pairs) for ``--rate-seconds``; one-way
                p50/p99 latency measured from send to delivery.
* ``memory``    a fresh server, then ``--idle`` visitor connections that said hello and stay
                idle; server RSS growth per connection.

For Lotsen a line counts as delivered when the other side receives it, which the relay only
does after the line is committed to SQLite (WAL, synchronous=FULL, group commit); the sender's
``ack`` is counted and timed too, and at the end the stored rows are counted in the database.

    python bench/relay_bench.py            # the full default run (~5-8 minutes)
    python bench/relay_bench.py --quick    # smoke run, < 1 minute
    python bench/relay_bench.py --servers lotsen --steps rate --rates 1000,2000,4000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import os
import platform
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from array import array
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from peers.wsclient import Peer, open_peer

HERE = Path(__file__).resolve().parent
HOST = "127.0.0.1"
PASSWORD = "bench password 1"
# A chat-like line; the send time in microseconds goes in front of it.
FILLER = "Hej, jag undrar hur jag kan prata med någon om min pappa som dricker för mycket."
SERVER_CPU, CLIENT_CPU = 0, 1

TARGETS = {
    "throughput_vs_bare": 0.5,
    "throughput_vs_socketio": 2.0,
    "p99_ms_at_2000": 25.0,
    "idle_bytes_per_conn": 25_000,
}


def now_us() -> int:
    return time.perf_counter_ns() // 1000


def stamp_of(data: bytes) -> int:
    """The send time carried at the start of a line's text (``"text":"<µs> ...``)."""
    start = data.find(b'"text":"')
    if start < 0:
        return -1
    start += 8
    try:
        return int(data[start:data.index(b" ", start)])
    except ValueError:  # not a bench line (e.g. the first line of a pair)
        return -1


def cid_stamp(data: bytes) -> int:
    """The send time carried in an ack's ``cid`` (``"cid":"<µs>.<n>"``)."""
    start = data.find(b'"cid":"')
    if start < 0:
        return -1
    start += 7
    try:
        return int(data[start:data.index(b".", start)])
    except ValueError:  # not a bench line (e.g. the first line of a pair)
        return -1


# ---------------------------------------------------------------------------------------------
# Measurement


@dataclass
class StepStats:
    """What one step measured on the client side."""

    name: str
    latencies: array = field(default_factory=lambda: array("q"))  # µs, one per delivery
    ack_latencies: array = field(default_factory=lambda: array("q"))
    lags: array = field(default_factory=lambda: array("q"))  # open loop: send lateness, µs
    sent: int = 0
    delivered: int = 0
    acks: int = 0
    expected: int | None = None
    done: asyncio.Future[None] | None = None
    window_start: float = 0.0
    window_end: float = 0.0
    delivered_in_window: int = 0

    def check_done(self) -> None:
        if (self.expected is not None and self.delivered >= self.expected
                and self.done is not None and not self.done.done()):
            self.done.set_result(None)


def percentile(values: array | list[int], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))
    return float(ordered[index])


def ms(us: float) -> str:
    if us != us:  # NaN
        return "-"
    return f"{us / 1000:.2f}" if us < 100_000 else f"{us / 1000:.0f}"


class CpuMeter:
    """CPU seconds used by the server process (all threads) and by this process over a step."""

    def __init__(self, server: psutil.Process) -> None:
        self.server = server
        self.start()

    def start(self) -> None:
        self.t0 = time.perf_counter()
        self.s0 = self._server_cpu()
        self.c0 = self._client_cpu()

    def _server_cpu(self) -> float:
        try:
            times = self.server.cpu_times()
        except psutil.Error:
            return 0.0
        return times.user + times.system

    @staticmethod
    def _client_cpu() -> float:
        times = os.times()
        return times.user + times.system

    def stop(self) -> tuple[float, float, float]:
        """(wall seconds, server CPU seconds, client CPU seconds) since start()."""
        return (time.perf_counter() - self.t0, self._server_cpu() - self.s0,
                self._client_cpu() - self.c0)


# ---------------------------------------------------------------------------------------------
# Pairs and load


@dataclass(eq=False)
class Pair:
    index: int
    visitor: Peer | None = None
    staff: Peer | None = None
    conversation: int | None = None
    ready: asyncio.Future[None] | None = None
    step_ready: asyncio.Future[None] | None = None


class Load:
    """Drives pairs: sends lines, answers them, records delivery latency and acks."""

    IDLE, BURST, PINGPONG, RATE = range(4)

    def __init__(self, target: Target) -> None:
        self.target = target
        self.pairs: list[Pair] = []
        self.mode = Load.IDLE
        self.step: StepStats | None = None
        self.sending = False
        self._numbers = itertools.count(1)
        self.errors: list[str] = []

    # -- sending ---------------------------------------------------------------------------

    def send_visitor(self, pair: Pair) -> None:
        assert pair.visitor is not None
        pair.visitor.send_text(self.target.visitor_line(pair, now_us(), next(self._numbers)))
        if self.step is not None:
            self.step.sent += 1

    def send_staff(self, pair: Pair) -> None:
        assert pair.staff is not None
        pair.staff.send_text(self.target.staff_line(pair, now_us(), next(self._numbers)))
        if self.step is not None:
            self.step.sent += 1

    # -- receiving (called by the targets' frame handlers) -----------------------------------

    def _record(self, stamp: int) -> StepStats | None:
        step = self.step
        if step is None or stamp < 0:
            return None
        step.latencies.append(now_us() - stamp)
        step.delivered += 1
        if step.window_start <= time.perf_counter() <= step.window_end:
            step.delivered_in_window += 1
        return step

    def staff_got_line(self, pair: Pair, stamp: int) -> None:
        step = self._record(stamp)
        if step is None:
            return
        if self.mode == Load.BURST or (self.mode == Load.PINGPONG and self.sending):
            self.send_staff(pair)
        step.check_done()

    def visitor_got_line(self, pair: Pair, stamp: int) -> None:
        step = self._record(stamp)
        if step is None:
            return
        if self.mode == Load.PINGPONG and self.sending:
            self.send_visitor(pair)
        step.check_done()

    def got_ack(self, stamp: int) -> None:
        step = self.step
        if step is not None and stamp >= 0:
            step.acks += 1
            step.ack_latencies.append(now_us() - stamp)

    def error(self, text: str) -> None:
        if len(self.errors) < 1000:
            self.errors.append(text)

    # -- steps --------------------------------------------------------------------------------

    def _begin(self, name: str, mode: int) -> StepStats:
        step = StepStats(name, done=asyncio.get_running_loop().create_future())
        self.step, self.mode = step, mode
        return step

    async def _drain(self, step: StepStats, timeout: float) -> bool:
        """Wait until every sent line was delivered (or the timeout passes)."""
        step.expected = step.sent
        step.check_done()
        assert step.done is not None
        try:
            await asyncio.wait_for(asyncio.shield(step.done), timeout)
            return True
        except TimeoutError:
            return False

    async def burst(self, per_visitor: int, timeout: float) -> StepStats:
        step = self._begin("burst", Load.BURST)
        step.expected = 2 * per_visitor * len(self.pairs)
        step.window_start, step.window_end = time.perf_counter(), float("inf")
        for _ in range(per_visitor):
            for pair in self.pairs:
                self.send_visitor(pair)
        assert step.done is not None
        try:
            await asyncio.wait_for(asyncio.shield(step.done), timeout)
        except TimeoutError:
            self.error(f"burst: only {step.delivered} of {step.expected} lines arrived "
                       f"within {timeout:.0f} s")
        step.window_end = time.perf_counter()
        step.delivered_in_window = step.delivered
        self.mode = Load.IDLE
        return step

    async def pingpong(self, seconds: float, timeout: float) -> StepStats:
        step = self._begin("pingpong", Load.PINGPONG)
        self.sending = True
        for pair in self.pairs:
            self.send_visitor(pair)
        await asyncio.sleep(min(1.0, seconds / 4))  # warm-up: every pair has a line in flight
        step.latencies = array("q")
        step.window_start = time.perf_counter()
        step.window_end = step.window_start + seconds
        await asyncio.sleep(seconds)
        self.sending = False
        if not await self._drain(step, timeout):
            self.error(f"pingpong: {step.sent - step.delivered} lines still missing after "
                       f"{timeout:.0f} s")
        self.mode = Load.IDLE
        return step

    async def rate(self, rate: float, seconds: float, timeout: float) -> StepStats:
        """Open loop: ``rate`` lines/s in total, alternating direction per pair."""
        step = self._begin(f"rate {rate:g}", Load.RATE)
        loop = asyncio.get_running_loop()
        order = list(self.pairs)
        random.Random(7).shuffle(order)
        total = int(rate * seconds)
        start = loop.time() + 0.05
        step.window_start = time.perf_counter() + 0.05
        step.window_end = step.window_start + seconds
        sent = 0
        count = len(order)
        while sent < total:
            now = loop.time()
            due = min(total, int((now - start) * rate) + 1)
            while sent < due:
                lag = now - (start + sent / rate)
                step.lags.append(int(lag * 1e6))
                pair = order[sent % count]
                if (sent // count) % 2 == 0:
                    self.send_visitor(pair)
                else:
                    self.send_staff(pair)
                sent += 1
            await asyncio.sleep(max(0.0, start + sent / rate - loop.time()))
        if not await self._drain(step, timeout):
            self.error(f"{step.name}: {step.sent - step.delivered} lines still missing after "
                       f"{timeout:.0f} s")
        self.mode = Load.IDLE
        return step


# ---------------------------------------------------------------------------------------------
# Servers under test


class Target:
    """One server under test: how to start it, connect a pair, and write and read lines."""

    name = "?"
    label = "?"

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self.args = args
        self.workdir = workdir
        self.port = free_port()
        self.load = Load(self)

    def command(self) -> list[str]:
        raise NotImplementedError

    async def prepare(self, staff_accounts: int) -> None:
        """Anything to do before the server starts (e.g. create staff accounts)."""

    async def open_pair(self, pair: Pair) -> None:
        raise NotImplementedError

    async def open_pairs(self, pairs: list[Pair], concurrency: int) -> None:
        await gather_limited([lambda p=p: self.open_pair(p) for p in pairs], concurrency)

    async def open_idle_visitor(self, index: int) -> Peer:
        raise NotImplementedError

    def visitor_line(self, pair: Pair, stamp: int, number: int) -> bytes:
        raise NotImplementedError

    def staff_line(self, pair: Pair, stamp: int, number: int) -> bytes:
        raise NotImplementedError

    def after_stop(self) -> dict[str, Any]:
        return {}


def chat_line(stamp: int, number: int) -> dict[str, Any]:
    return {"type": "message", "text": f"{stamp} {FILLER}", "cid": f"{stamp}.{number}"}


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


class BareTarget(Target):
    name, label = "bare", "bare websockets forwarder"

    def command(self) -> list[str]:
        cmd = [sys.executable, str(HERE / "peers" / "bare_ws.py"), "--port", str(self.port)]
        return cmd + (["--uvloop"] if self.args.uvloop else [])

    def _handler(self, pair: Pair, side: str) -> Callable[[Peer, bytes], None]:
        got = self.load.staff_got_line if side == "staff" else self.load.visitor_got_line

        def on_text(peer: Peer, data: bytes) -> None:
            got(pair, stamp_of(data))

        return on_text

    async def open_pair(self, pair: Pair) -> None:
        pair.staff = await open_peer(HOST, self.port, f"/staff/{pair.index}",
                                     self._handler(pair, "staff"))
        pair.visitor = await open_peer(HOST, self.port, f"/visitor/{pair.index}",
                                       self._handler(pair, "visitor"))

    async def open_idle_visitor(self, index: int) -> Peer:
        peer = await open_peer(HOST, self.port, f"/visitor/{index}", lambda p, d: None)
        peer.send_text(b'{"type":"hello","v":1}')  # forwarded to nobody
        return peer

    def visitor_line(self, pair: Pair, stamp: int, number: int) -> bytes:
        return dumps(chat_line(stamp, number))

    staff_line = visitor_line


class SocketIOTarget(Target):
    """Speaks Engine.IO 4 / Socket.IO 5 over a plain websocket (what socket.io-client does)."""

    name, label = "socketio", "python-socketio forwarder (aiohttp)"
    PATH = "/socket.io/?EIO=4&transport=websocket"

    def command(self) -> list[str]:
        cmd = [sys.executable, str(HERE / "peers" / "socketio_forwarder.py"),
               "--port", str(self.port)]
        return cmd + (["--uvloop"] if self.args.uvloop else [])

    def _handler(self, pair: Pair | None, side: str, joined: asyncio.Future[None]
                 ) -> Callable[[Peer, bytes], None]:
        got = self.load.staff_got_line if side == "staff" else self.load.visitor_got_line
        index = pair.index if pair is not None else -1

        def on_text(peer: Peer, data: bytes) -> None:
            if data.startswith(b"42"):
                if pair is not None:
                    got(pair, stamp_of(data))
            elif data == b"2":  # Engine.IO ping: answer with pong
                peer.send_text(b"3")
            elif data.startswith(b"0{"):  # Engine.IO open: connect to the namespace
                peer.send_text(b"40" + dumps({"pair": index, "role": side}))
            elif data.startswith(b"40") and not joined.done():
                joined.set_result(None)
            elif data.startswith(b"44") and not joined.done():
                joined.set_exception(ConnectionError(data.decode()))

        return on_text

    async def _open(self, pair: Pair | None, side: str, index: int) -> Peer:
        joined = asyncio.get_running_loop().create_future()
        peer = await open_peer(HOST, self.port, self.PATH, self._handler(pair, side, joined))
        await asyncio.wait_for(joined, 15)
        return peer

    async def open_pair(self, pair: Pair) -> None:
        pair.staff = await self._open(pair, "staff", pair.index)
        pair.visitor = await self._open(pair, "visitor", pair.index)

    async def open_idle_visitor(self, index: int) -> Peer:
        return await self._open(None, "visitor", index)

    def visitor_line(self, pair: Pair, stamp: int, number: int) -> bytes:
        return b'42["message",' + dumps(chat_line(stamp, number)) + b"]"

    staff_line = visitor_line


class LotsenTarget(Target):
    """The real relay, started as ``python -m relay serve`` with durable SQLite storage."""

    name, label = "lotsen", "Lotsen relay"

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        super().__init__(args, workdir)
        self.database = workdir / f"lotsen-{self.port}.db"
        self.config = workdir / "lotsen-bench.toml"
        # --orgs N: one relay serving N organisations; pair i belongs to organisation i % N.
        self.orgs = max(1, getattr(args, "orgs", 1))
        self.config.write_text(bench_config(self.orgs), encoding="utf-8")
        self.waiting: dict[int, asyncio.Future[int]] = {}

    def db_arg(self) -> str:
        return str(self.database)

    def use_fresh_database(self, tag: str) -> None:
        self.database = self.workdir / f"lotsen-{tag}-{self.port}.db"

    def drop_database(self) -> None:
        """Nothing to do for a file in the work directory (deleted with it)."""

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "relay", "serve", "--host", HOST, "--port", str(self.port),
               "--db", self.db_arg(), "--config", str(self.config),
               "--log-level", "warning"]
        prelude = ""
        if self.args.uvloop:  # the CLI has no uvloop switch: install it, then run the CLI
            prelude += "import uvloop; uvloop.install(); "
        if self.args.lotsen_prelude:  # experiments: e.g. instrument the relay before it runs
            prelude += f"exec(open({str(self.args.lotsen_prelude.resolve())!r}).read()); "
        if prelude:
            cmd = [sys.executable, "-c", "import sys; sys.argv[0] = 'lotsen'; " + prelude
                   + "from lotsen.cli import main; main()"] + cmd[3:]
        return cmd

    async def prepare(self, staff_accounts: int) -> None:
        """Staff accounts straight into the database, with a cheap Argon2 hash for the bench."""
        from argon2 import PasswordHasher

        from relay.storage import StaffAccount, open_storage

        encoded = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)
        storage = open_storage(self.database, org=self.org_of(0) or "default")
        await storage.open()
        try:
            for start in range(0, staff_accounts, 200):
                await asyncio.gather(*(
                    storage.scoped(self.org_of(i) or "default").add_staff(StaffAccount(
                        0, f"staff{i}", f"Staff {i}", encoded, created_at=time.time()))
                    for i in range(start, min(staff_accounts, start + 200))))
        finally:
            await storage.close()

    def org_of(self, index: int) -> str | None:
        """The organisation of pair ``index`` (None: a relay of one organisation)."""
        return f"org{index % self.orgs}" if self.orgs > 1 else None

    def visitor_path(self, index: int) -> str:
        org = self.org_of(index)
        return "/ws/visitor" + (f"?org={org}" if org else "")

    # -- frames --------------------------------------------------------------------------------

    def _staff_handler(self, pair: Pair, session: asyncio.Future[None]
                       ) -> Callable[[Peer, bytes], None]:
        load = self.load

        def on_text(peer: Peer, data: bytes) -> None:
            head = data[:24]
            if head.startswith(b'{"type":"message"'):
                load.staff_got_line(pair, stamp_of(data))
            elif head.startswith(b'{"type":"ack"'):
                load.got_ack(cid_stamp(data))
            elif head.startswith(b'{"type":"queued"'):
                if self.waiting:  # during setup: learn which conversation is whose
                    entry = json.loads(data)["entry"]
                    preview = entry["preview"]
                    if preview.startswith("[pair "):
                        index = int(preview[6:preview.index("]")])
                        found = self.waiting.pop(index, None)
                        if found is not None and not found.done():
                            found.set_result(entry["conversation"])
            elif head.startswith(b'{"type":"conversation"'):
                frame = json.loads(data)
                if not frame["readonly"] and pair.ready is not None and not pair.ready.done():
                    pair.conversation = frame["id"]
                    pair.ready.set_result(None)
            elif head.startswith(b'{"type":"session"'):
                if not session.done():
                    session.set_result(None)
            elif head.startswith(b'{"type":"error"'):
                load.error(f"staff {pair.index}: {data[:200].decode(errors='replace')}")

        return on_text

    def _visitor_handler(self, pair: Pair | None, status: asyncio.Future[None]
                         ) -> Callable[[Peer, bytes], None]:
        load = self.load

        def on_text(peer: Peer, data: bytes) -> None:
            head = data[:24]
            if head.startswith(b'{"type":"message"'):
                if pair is not None:
                    load.visitor_got_line(pair, stamp_of(data))
            elif head.startswith(b'{"type":"ack"'):
                load.got_ack(cid_stamp(data))
            elif head.startswith(b'{"type":"status"'):
                if not status.done():
                    status.set_result(None)
            elif head.startswith((b'{"type":"error"', b'{"type":"closed"')):
                who = pair.index if pair is not None else "idle"
                load.error(f"visitor {who}: {data[:200].decode(errors='replace')}")

        return on_text

    async def login_staff(self, index: int, pair: Pair) -> Peer:
        session = asyncio.get_running_loop().create_future()
        peer = await open_peer(HOST, self.port, "/ws/staff", self._staff_handler(pair, session))
        peer.send_text(dumps({"type": "login", "v": 1, "user": f"staff{index}",
                              "password": PASSWORD}))
        await asyncio.wait_for(session, 30)
        return peer

    async def open_pairs(self, pairs: list[Pair], concurrency: int) -> None:
        """Queue every visitor with one staff member online, then log staff in to claim.

        Every queue change goes to every staff connection; queueing first and letting staff
        i claim as soon as it logs in keeps that fan-out to about N²/2 frames instead of 2N².
        """
        loop = asyncio.get_running_loop()
        for pair in pairs:
            pair.ready = loop.create_future()
        conversations: dict[int, asyncio.Future[int]] = {
            pair.index: loop.create_future() for pair in pairs}
        self.waiting = dict(conversations)
        for pair in pairs[:self.orgs]:  # each organisation's chat is open from now on
            pair.staff = await self.login_staff(pair.index, pair)

        async def queue_visitor(pair: Pair) -> None:
            status = loop.create_future()
            pair.visitor = await open_peer(HOST, self.port, self.visitor_path(pair.index),
                                           self._visitor_handler(pair, status))
            pair.visitor.send_text(b'{"type":"hello","v":1,"lang":"sv","role":"self"}')
            await asyncio.wait_for(status, 30)
            pair.visitor.send_text(dumps({"type": "message", "cid": f"first-{pair.index}",
                                          "text": f"[pair {pair.index}] {FILLER}"}))
            try:
                await asyncio.wait_for(conversations[pair.index], 60)
            except TimeoutError:
                first_staff = pairs[0].staff
                raise RuntimeError(
                    f"visitor {pair.index} was not queued within 60 s (visitor open "
                    f"{pair.visitor.is_open}, close code {pair.visitor.close_code}; staff 0 "
                    f"open {first_staff is not None and first_staff.is_open}; "
                    f"{sum(f.done() for f in conversations.values())} queued; "
                    f"errors {self.load.errors[:3]})") from None

        async def claim(pair: Pair) -> None:
            if pair.staff is None:
                pair.staff = await self.login_staff(pair.index, pair)
            pair.staff.send_text(dumps({"type": "claim",
                                        "conversation": conversations[pair.index].result()}))
            assert pair.ready is not None
            await asyncio.wait_for(pair.ready, 60)

        started = time.perf_counter()
        await gather_limited([lambda p=p: queue_visitor(p) for p in pairs], concurrency)
        queued = time.perf_counter()
        self.waiting = {}
        await gather_limited([lambda p=p: claim(p) for p in pairs], concurrency)
        say(f"[lotsen] setup: {len(pairs):,} visitors queued in {queued - started:.1f} s, "
            f"staff logged in and claimed in {time.perf_counter() - queued:.1f} s")

    async def open_idle_visitor(self, index: int) -> Peer:
        status = asyncio.get_running_loop().create_future()
        peer = await open_peer(HOST, self.port, self.visitor_path(index),
                               self._visitor_handler(None, status))
        peer.send_text(b'{"type":"hello","v":1}')
        await asyncio.wait_for(status, 30)
        return peer

    def visitor_line(self, pair: Pair, stamp: int, number: int) -> bytes:
        return dumps(chat_line(stamp, number))

    def staff_line(self, pair: Pair, stamp: int, number: int) -> bytes:
        line = chat_line(stamp, number)
        return dumps({"type": "message", "conversation": pair.conversation,
                      "text": line["text"], "cid": line["cid"]})

    async def commit_figures(self) -> tuple[float, float] | None:
        """(group commits so far, seconds spent in them) from the relay's /metrics, if served."""
        try:
            reader, writer = await asyncio.open_connection(HOST, self.port)
            writer.write(f"GET /metrics HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n"
                         .encode())
            body = (await asyncio.wait_for(reader.read(), 10)).decode(errors="replace")
            writer.close()
        except (TimeoutError, OSError):
            return None
        values: dict[str, float] = {}
        for line in body.splitlines():
            name, _, value = line.partition(" ")
            if name in ("lotsen_storage_commit_seconds_count", "lotsen_storage_commit_seconds_sum"):
                values[name] = float(value)
        if len(values) != 2:
            return None
        return (values["lotsen_storage_commit_seconds_count"],
                values["lotsen_storage_commit_seconds_sum"])

    def stored_lines(self) -> int | None:
        """Transcript lines in the database file (read after the relay has stopped)."""
        if not self.database.exists():
            return None
        with contextlib.closing(sqlite3.connect(self.database)) as db:
            return int(db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])


class LotsenPostgresTarget(LotsenTarget):
    """The real relay on PostgreSQL (``--pg``): a database made for the run, dropped after."""

    name, label = "lotsen-pg", "Lotsen relay on PostgreSQL"

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        super().__init__(args, workdir)
        self.use_fresh_database("run")

    def use_fresh_database(self, tag: str) -> None:
        from urllib.parse import urlsplit, urlunsplit

        from relay.storage import PostgresURL

        self.database_name = f"lotsen_bench_{tag}_{self.port}_{os.getpid()}"
        parts = urlsplit(self.args.pg)
        self.database = PostgresURL(urlunsplit(  # type: ignore[assignment]
            (parts.scheme, parts.netloc, "/" + self.database_name, parts.query, "")))

    def db_arg(self) -> str:
        return self.database.url  # type: ignore[attr-defined,no-any-return]

    def drop_database(self) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.database_name}" WITH (FORCE)')

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.args.pg, autocommit=True) as conn:
            conn.execute(sql.encode())

    async def prepare(self, staff_accounts: int) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.database_name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{self.database_name}"')
        await super().prepare(staff_accounts)

    def stored_lines(self) -> int | None:
        """Transcript lines in the database (read after the relay has stopped), then drop it."""
        import psycopg

        try:
            with psycopg.connect(self.db_arg()) as conn:
                row = conn.execute("SELECT COUNT(*) FROM messages").fetchone()
                return int(row[0]) if row else None
        finally:
            self.drop_database()


def bench_config(orgs: int = 1) -> str:
    """Always open; abuse limits (where this relay has them) raised above the bench's load.
    ``orgs`` > 1: that many [[organisation]] tables (the relay-wide settings, always open).

    The per-connection rate limits are meant for people typing, not for a load generator that
    sends a connection's lines back to back; the limiter still runs on every frame.
    """
    from dataclasses import fields

    from relay.config import RelayConfig

    text = "[hours]\nalways_open = true\n"
    names = {f.name for f in fields(RelayConfig)}
    limits = {"max_visitors": 20_000, "visitor_rate": 100_000.0, "visitor_burst": 100_000,
              "staff_rate": 100_000.0, "staff_burst": 100_000}
    if set(limits) <= names:
        text += "[limits]\n" + "".join(f"{key} = {value}\n" for key, value in limits.items())
    # Staff of many pairs log in at once: lift the login-flood limits the bench does not measure.
    if "login_queue" in names:
        text += "max_unauthenticated_staff = 100000\n[auth]\nlogin_queue = 100000\n" \
                "login_queue_wait_s = 600\n"
    # Setup queues every visitor at once, and learns each pair's conversation from staff 0's
    # `queued` frames: the flooding limits of [queue] and the staff queue head raised above it.
    if "max_waiting" in names:
        text += ("[queue]\nmax_waiting = 100000\nchats_per_minute = 100000\n"
                 "chats_per_connection = 100000\nsnapshot_entries = 100000\n")
    if orgs > 1:
        text += "".join(f'[[organisation]]\nid = "org{i}"\nname = "Organisation {i}"\n'
                        f"[organisation.hours]\nalways_open = true\n" for i in range(orgs))
    return text


TARGET_CLASSES: dict[str, type[Target]] = {
    "lotsen": LotsenTarget, "lotsen-pg": LotsenPostgresTarget, "bare": BareTarget,
    "socketio": SocketIOTarget}


# ---------------------------------------------------------------------------------------------
# Processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def pin(cpu: int) -> Callable[[], None] | None:
    if os.cpu_count() in (None, 1):
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


class ServerProcess:
    """A server under test in its own process group, pinned to the server CPU."""

    def __init__(self, target: Target, args: argparse.Namespace, log: Path) -> None:
        self.target = target
        self.log = log
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self._log_file = log.open("wb")
        self.popen = subprocess.Popen(
            target.command(), stdout=self._log_file, stderr=subprocess.STDOUT, env=env,
            preexec_fn=None if args.no_pin else pin(SERVER_CPU), start_new_session=True,
            cwd=str(HERE.parent))
        self.process = psutil.Process(self.popen.pid)
        self.profiler: subprocess.Popen[bytes] | None = None

    def start_profiler(self) -> None:
        """Sample the server with py-spy until stop() (collapsed stacks next to the log)."""
        # py-spy is started from this process, so it runs on the load CPU, not the server's.
        out = self.log.with_suffix(".py-spy.txt")
        self.profiler = subprocess.Popen(
            ["py-spy", "record", "--pid", str(self.popen.pid), "--rate", "250",
             "--nonblocking", "--threads", "--format", "raw", "--output", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    async def wait_listening(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.target.name} server exited: "
                                   f"{self.log.read_text(errors='replace')[-2000:]}")
            try:
                _, writer = await asyncio.open_connection(HOST, self.target.port)
            except OSError:
                await asyncio.sleep(0.1)
                continue
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
            return
        raise RuntimeError(f"{self.target.name} server did not listen within {timeout:.0f} s")

    def rss(self) -> int:
        return int(self.process.memory_info().rss)

    def stop(self) -> None:
        """SIGTERM (Lotsen shuts down gracefully and flushes), SIGKILL after 20 s."""
        if self.profiler is not None:
            self.profiler.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.profiler.wait(10)
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(5)
        self._log_file.close()


async def gather_limited(factories: Iterable[Callable[[], Awaitable[Any]]], limit: int
                         ) -> list[Any]:
    """Run coroutine factories with at most ``limit`` at once; results in order."""
    semaphore = asyncio.Semaphore(limit)

    async def run(factory: Callable[[], Awaitable[Any]]) -> Any:
        async with semaphore:
            return await factory()

    return await asyncio.gather(*(run(f) for f in factories))


def close_all(peers: Iterable[Peer | None]) -> None:
    for peer in peers:
        if peer is not None:
            peer.close()


# ---------------------------------------------------------------------------------------------
# Steps per server


def step_result(step: StepStats, cpu: tuple[float, float, float], *, seconds: float | None = None
                ) -> dict[str, Any]:
    wall, server_cpu, client_cpu = cpu
    window = seconds if seconds is not None else (step.window_end - step.window_start)
    rate = step.delivered_in_window / window if window > 0 else 0.0
    return {
        "step": step.name,
        "sent": step.sent,
        "delivered": step.delivered,
        "acks": step.acks,
        "msgs_per_s": rate,
        "p50_ms": percentile(step.latencies, 0.50) / 1000,
        "p90_ms": percentile(step.latencies, 0.90) / 1000,
        "p99_ms": percentile(step.latencies, 0.99) / 1000,
        "max_ms": (max(step.latencies) / 1000) if step.latencies else float("nan"),
        "ack_p50_ms": percentile(step.ack_latencies, 0.50) / 1000,
        "ack_p99_ms": percentile(step.ack_latencies, 0.99) / 1000,
        "client_lag_p99_ms": percentile(step.lags, 0.99) / 1000,
        "server_cpu": server_cpu / wall if wall else 0.0,
        "client_cpu": client_cpu / wall if wall else 0.0,
        "server_us_per_msg": server_cpu * 1e6 / step.delivered if step.delivered else 0.0,
    }


def say(text: str) -> None:
    print(text, flush=True)


def describe(name: str, result: dict[str, Any]) -> str:
    parts = [f"[{name}] {result['step']:<10} {result['msgs_per_s']:>9,.0f} msg/s",
             f"p50 {result['p50_ms']:.2f} ms  p99 {result['p99_ms']:.2f} ms  "
             f"max {result['max_ms']:.0f} ms",
             f"delivered {result['delivered']:,}/{result['sent']:,}"]
    if result["acks"]:
        parts.append(f"acks {result['acks']:,} (p99 {result['ack_p99_ms']:.1f} ms)")
    parts.append(f"server CPU {result['server_cpu']:.2f} ({result['server_us_per_msg']:.0f} "
                 f"µs/msg), client CPU {result['client_cpu']:.2f}")
    if result.get("commits"):
        parts.append(f"{result['commits']:,.0f} commits ({result['sent'] / result['commits']:.0f} "
                     f"lines, {result['commit_ms_mean']:.1f} ms each)")
    if result["client_lag_p99_ms"] == result["client_lag_p99_ms"]:
        parts.append(f"client lag p99 {result['client_lag_p99_ms']:.1f} ms")
    return "  ".join(parts)


async def traffic_steps(target: Target, args: argparse.Namespace, workdir: Path
                        ) -> dict[str, Any]:
    """Start the server, open the pairs, run burst / ping-pong / open-loop steps on them."""
    out: dict[str, Any] = {"steps": []}
    await target.prepare(args.pairs)
    server = ServerProcess(target, args, workdir / f"{target.name}-traffic.log")
    load = target.load
    try:
        await server.wait_listening()
        await asyncio.sleep(0.5)
        rss_start = server.rss()
        if args.profile == "setup":
            server.start_profiler()
        load.pairs = [Pair(i) for i in range(args.pairs)]
        started = time.perf_counter()
        await target.open_pairs(load.pairs, args.connect_concurrency)
        setup_s = time.perf_counter() - started
        await asyncio.sleep(1.0)
        rss_connected = server.rss()
        out["setup_s"] = setup_s
        out["rss_start"], out["rss_connected"] = rss_start, rss_connected
        say(f"[{target.name}] {2 * args.pairs:,} connections, {args.pairs:,} pairs ready in "
            f"{setup_s:.1f} s; server RSS {rss_start / 2**20:.0f} -> "
            f"{rss_connected / 2**20:.0f} MiB")
        gc.collect()
        gc.freeze()
        meter = CpuMeter(server.process)
        if args.profile == "steps":
            server.start_profiler()

        async def measured(run: Callable[[], Awaitable[StepStats]],
                           seconds: float | None = None) -> dict[str, Any]:
            commits_before = (await target.commit_figures()
                              if isinstance(target, LotsenTarget) else None)
            gc.disable()
            meter.start()
            try:
                step = await run()
            finally:
                gc.enable()
            result = step_result(step, meter.stop(), seconds=seconds)
            if commits_before is not None and isinstance(target, LotsenTarget):
                commits_after = await target.commit_figures()
                if commits_after is not None:
                    commits = commits_after[0] - commits_before[0]
                    result["commits"] = commits
                    result["commit_ms_mean"] = ((commits_after[1] - commits_before[1]) * 1000
                                                / commits if commits else 0.0)
            out["steps"].append(result)
            say(describe(target.name, result))
            await asyncio.sleep(args.pause)
            return result

        if "burst" in args.steps:
            await measured(lambda: load.burst(args.burst, args.step_timeout))
        if "pingpong" in args.steps:
            await measured(lambda: load.pingpong(args.pingpong_seconds, args.step_timeout),
                           seconds=args.pingpong_seconds)
        if "rate" in args.steps:
            for rate in args.rates:
                await measured(lambda r=rate: load.rate(r, args.rate_seconds, args.step_timeout),
                               seconds=args.rate_seconds)
        out["rss_after"] = server.rss()
        out["errors"] = list(load.errors)
        for error in load.errors[:5]:
            say(f"[{target.name}] error: {error}")
        if len(load.errors) > 5:
            say(f"[{target.name}] ... {len(load.errors) - 5} more errors")
    finally:
        close_all(p.visitor for p in load.pairs)
        close_all(p.staff for p in load.pairs)
        await asyncio.sleep(0.3)
        server.stop()
        gc.unfreeze()
        load.pairs = []
    if isinstance(target, LotsenTarget):
        acked = sum(step["acks"] for step in out["steps"])
        stored = target.stored_lines()
        out["acked"], out["stored_lines"] = acked, stored
        # Stored lines = the first line of each pair + every acknowledged line (+ any line
        # sent but still unacknowledged when a step timed out, which may or may not be stored).
        ok = stored is not None and stored >= acked + args.pairs
        out["durable_ok"] = ok
        say(f"[{target.name}] durability: {acked:,} lines acknowledged during the steps, "
            f"{stored:,} lines in the database -> "
            f"{'every acknowledged line is stored' if ok else 'MISSING LINES'}")
    return out


async def memory_step(target: Target, args: argparse.Namespace, workdir: Path
                      ) -> dict[str, Any]:
    """Fresh server; ``--idle`` visitor connections that said hello; RSS growth per connection."""
    if isinstance(target, LotsenTarget):
        target.use_fresh_database("idle")
        await target.prepare(1)
    server = ServerProcess(target, args, workdir / f"{target.name}-memory.log")
    peers: list[Peer] = []
    staff: Peer | None = None
    try:
        await server.wait_listening()
        if isinstance(target, LotsenTarget):  # one staff member online, so the chat is open
            staff = await target.login_staff(0, Pair(-1))
        await asyncio.sleep(1.0)
        before = server.rss()
        started = time.perf_counter()
        peers = await gather_limited(
            [lambda i=i: target.open_idle_visitor(i) for i in range(args.idle)],
            args.connect_concurrency)
        connect_s = time.perf_counter() - started
        await asyncio.sleep(2.0)
        after = server.rss()
        per_conn = (after - before) / args.idle
        say(f"[{target.name}] memory    {args.idle:,} idle visitors (hello sent) in "
            f"{connect_s:.1f} s: RSS {before / 2**20:.1f} -> {after / 2**20:.1f} MiB = "
            f"{per_conn / 1024:.1f} KiB ({per_conn / 1000:.1f} kB) per connection")
        return {"idle": args.idle, "rss_before": before, "rss_after": after,
                "bytes_per_conn": per_conn, "connect_s": connect_s,
                "errors": list(target.load.errors)}
    finally:
        close_all(peers)
        close_all([staff])
        await asyncio.sleep(0.3)
        server.stop()
        if isinstance(target, LotsenTarget):
            target.drop_database()


# ---------------------------------------------------------------------------------------------
# Report


def verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "FAIL")


def report(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    def step(server: str, name: str) -> dict[str, Any] | None:
        for item in results.get(server, {}).get("traffic", {}).get("steps", []):
            if item["step"] == name:
                return item
        return None

    say("\n== Summary " + "=" * 80)
    say(f"{'server':<10} {'burst msg/s':>12} {'ping-pong msg/s':>16} {'ping-pong p50/p99 ms':>21}"
        + "".join(f" {'p50/p99 @' + format(r, 'g'):>16}" for r in args.rates)
        + f" {'idle KiB/conn':>14}")
    for server in args.servers:
        burst, pong = step(server, "burst"), step(server, "pingpong")
        row = f"{server:<10} {burst['msgs_per_s'] if burst else float('nan'):>12,.0f} "
        row += f"{pong['msgs_per_s'] if pong else float('nan'):>16,.0f} "
        pong_latency = f"{pong['p50_ms']:.1f} / {pong['p99_ms']:.1f}" if pong else "-"
        row += f"{pong_latency:>21}"
        for rate in args.rates:
            item = step(server, f"rate {rate:g}")
            text = f"{item['p50_ms']:.2f} / {item['p99_ms']:.1f}" if item else "-"
            row += f" {text:>16}"
        memory = results.get(server, {}).get("memory")
        row += f" {memory['bytes_per_conn'] / 1024 if memory else float('nan'):>14.1f}"
        say(row)

    checks: dict[str, Any] = {}
    lotsen_burst, bare_burst, sio_burst = (step("lotsen", "burst"), step("bare", "burst"),
                                           step("socketio", "burst"))
    say("")
    if lotsen_burst and bare_burst:
        ratio = lotsen_burst["msgs_per_s"] / bare_burst["msgs_per_s"]
        checks["throughput_vs_bare"] = ratio
        say(f"{verdict(ratio >= TARGETS['throughput_vs_bare'])}  burst throughput Lotsen / bare "
            f"= {ratio:.2f} (target >= {TARGETS['throughput_vs_bare']})")
    if lotsen_burst and sio_burst:
        ratio = lotsen_burst["msgs_per_s"] / sio_burst["msgs_per_s"]
        checks["throughput_vs_socketio"] = ratio
        say(f"{verdict(ratio >= TARGETS['throughput_vs_socketio'])}  burst throughput Lotsen / "
            f"python-socketio = {ratio:.2f} (target >= {TARGETS['throughput_vs_socketio']})")
    pongs = {s: step(s, "pingpong") for s in args.servers}
    if pongs.get("lotsen"):
        for other in ("bare", "socketio"):
            if pongs.get(other):
                say(f"info  ping-pong throughput Lotsen / {other} = "
                    f"{pongs['lotsen']['msgs_per_s'] / pongs[other]['msgs_per_s']:.2f}")
    rate_2000 = step("lotsen", "rate 2000")
    if rate_2000:
        p99 = rate_2000["p99_ms"]
        checks["p99_ms_at_2000"] = p99
        complete = rate_2000["delivered"] == rate_2000["sent"]
        say(f"{verdict(p99 <= TARGETS['p99_ms_at_2000'] and complete)}  Lotsen p99 at 2,000 "
            f"msg/s offered ({args.pairs:,} conversations) = {p99:.1f} ms "
            f"(target <= {TARGETS['p99_ms_at_2000']:.0f} ms)")
    memory = results.get("lotsen", {}).get("memory")
    if memory:
        per_conn = memory["bytes_per_conn"]
        checks["idle_bytes_per_conn"] = per_conn
        scale = "" if memory["idle"] == 10_000 else f" (measured at {memory['idle']:,})"
        say(f"{verdict(per_conn <= TARGETS['idle_bytes_per_conn'])}  Lotsen RSS per idle visitor "
            f"connection at {memory['idle']:,} = {per_conn / 1000:.1f} kB "
            f"(target <= {TARGETS['idle_bytes_per_conn'] / 1000:.0f} kB){scale}")
    traffic = results.get("lotsen", {}).get("traffic", {})
    if "durable_ok" in traffic:
        say(f"{verdict(traffic['durable_ok'])}  every acknowledged Lotsen line is in the database "
            f"({traffic['stored_lines']:,} stored, {traffic['acked']:,} acked + "
            f"{args.pairs:,} first lines)")
    if args.pairs != 1000:
        say(f"note: {args.pairs:,} pairs, not the 1,000 the targets are defined for")
    return checks


# ---------------------------------------------------------------------------------------------
# Main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Lotsen relay benchmark against a bare websockets forwarder and "
                    "python-socketio (prints figures and PASS/FAIL per target).")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 100 pairs, short steps, 1,000 idle connections (<1 min)")
    parser.add_argument("--servers", default="lotsen,bare,socketio",
                        help="comma-separated: lotsen, bare, socketio [%(default)s]")
    parser.add_argument("--steps", default="burst,pingpong,rate,memory",
                        help="comma-separated: burst, pingpong, rate, memory [%(default)s]")
    parser.add_argument("--pairs", type=int, default=None, help="conversations [1000]")
    parser.add_argument("--burst", type=int, default=None, help="lines per visitor in burst [30]")
    parser.add_argument("--pingpong-seconds", type=float, default=None, help="[8]")
    parser.add_argument("--rates", default=None,
                        help="open-loop rates in msg/s, comma-separated [2000]")
    parser.add_argument("--rate-seconds", type=float, default=None, help="per rate [8]")
    parser.add_argument("--idle", type=int, default=None,
                        help="idle visitor connections for the memory step [10000]")
    parser.add_argument("--uvloop", action="store_true", help="run every server on uvloop")
    parser.add_argument("--client-loop", choices=("uvloop", "asyncio"), default="uvloop",
                        help="event loop of the load generator [%(default)s]")
    parser.add_argument("--no-pin", action="store_true", help="do not pin server/client to CPUs")
    parser.add_argument("--connect-concurrency", type=int, default=100)
    parser.add_argument("--step-timeout", type=float, default=60.0,
                        help="give up waiting for a step's lines after this many seconds")
    parser.add_argument("--pause", type=float, default=None, help="seconds between steps [1]")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where databases and server logs go [a fresh temp dir]")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--orgs", type=int, default=1,
                        help="Lotsen: serve this many organisations, pairs spread over them "
                             "(issue 15: within 10%% of one organisation) [%(default)s]")
    parser.add_argument("--lotsen-prelude", type=Path, default=None,
                        help="Python file run in the Lotsen server process before the CLI "
                             "(for experiments; the figures then are not plain Lotsen's)")
    parser.add_argument("--profile", choices=("steps", "setup"), default=None,
                        help="sample each server with py-spy during the measured steps, or "
                             "during connection setup (collapsed stacks in the work dir)")
    parser.add_argument("--json", type=Path, default=None, help="also write results as JSON")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="PostgreSQL server for --servers lotsen-pg (a database is created "
                             "on it for the run and dropped after) [%(default)s]")
    args = parser.parse_args(argv)
    defaults = ({"pairs": 100, "burst": 20, "pingpong_seconds": 2.0, "rates": "1000",
                 "rate_seconds": 2.0, "idle": 1000, "pause": 0.3} if args.quick else
                {"pairs": 1000, "burst": 30, "pingpong_seconds": 8.0, "rates": "2000",
                 "rate_seconds": 8.0, "idle": 10_000, "pause": 1.0})
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    args.servers = [s.strip() for s in args.servers.split(",") if s.strip()]
    args.steps = {s.strip() for s in args.steps.split(",") if s.strip()}
    args.rates = [float(r) for r in str(args.rates).split(",") if r.strip()]
    unknown = set(args.servers) - set(TARGET_CLASSES)
    if unknown:
        parser.error(f"unknown server(s): {', '.join(sorted(unknown))}")
    bad_steps = args.steps - {"burst", "pingpong", "rate", "memory"}
    if bad_steps:
        parser.error(f"unknown step(s): {', '.join(sorted(bad_steps))}")
    return args


def check_fd_limit(args: argparse.Namespace) -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        soft = hard
    needed = max(2 * args.pairs, args.idle if "memory" in args.steps else 0) + 100
    if needed > soft:
        sys.exit(f"error: this run needs ~{needed} open files but the limit is {soft}; "
                 "lower --pairs / --idle")


async def main_async(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    results: dict[str, dict[str, Any]] = {}
    for name in args.servers:
        results[name] = {}
        if args.steps & {"burst", "pingpong", "rate"}:
            target = TARGET_CLASSES[name](args, workdir)
            results[name]["traffic"] = await traffic_steps(target, args, workdir)
        if "memory" in args.steps:
            target = TARGET_CLASSES[name](args, workdir)
            results[name]["memory"] = await memory_step(target, args, workdir)
    checks = report(results, args)
    return {"results": results, "checks": checks}


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    check_fd_limit(args)
    if not args.no_pin and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {CLIENT_CPU})
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lotsen-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    import websockets

    say(f"Lotsen relay benchmark {time.strftime('%Y-%m-%d %H:%M')}  {platform.node()}  "
        f"{os.cpu_count()} CPUs ({'unpinned' if args.no_pin else 'server CPU0, load CPU1'})  "
        f"CPython {platform.python_version()}  websockets {websockets.__version__}  "
        f"servers on {'uvloop' if args.uvloop else 'asyncio'}, client on {args.client_loop}")
    say(f"pairs {args.pairs:,} ({2 * args.pairs:,} connections); steps "
        f"{', '.join(s for s in ('burst', 'pingpong', 'rate', 'memory') if s in args.steps)}; "
        f"burst {args.burst}/visitor; ping-pong {args.pingpong_seconds:g} s; open loop "
        f"{', '.join(f'{r:g}' for r in args.rates)} msg/s x {args.rate_seconds:g} s; "
        f"idle {args.idle:,}; work dir {workdir}")
    runner: Callable[[Awaitable[dict[str, Any]]], dict[str, Any]] = asyncio.run  # type: ignore[assignment]
    if args.client_loop == "uvloop":
        try:
            import uvloop
        except ImportError:
            say("note: uvloop is not installed; the load client runs on asyncio")
        else:
            runner = uvloop.run
    started = time.perf_counter()
    try:
        outcome = runner(main_async(args, workdir))
    finally:
        if not args.keep and args.workdir is None:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    say(f"\nwhole run {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps({"args": {k: (sorted(v) if isinstance(v, set) else
                                                      str(v) if isinstance(v, Path) else v)
                                                  for k, v in vars(args).items()},
                                         **outcome}, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
