"""Several relays on one PostgreSQL database (issue 16), side by side in one run.

1. One relay on SQLite, one on PostgreSQL, and two relays on PostgreSQL with every pair split
   (visitor on relay A, staff on relay B: every line crosses relays, woken by LISTEN/NOTIFY
   and read by seq): burst msg/s and p50/p99 one-way latency at 2,000 msg/s offered, with
   bench/relay_bench.py's load (same client, pairs and schedule), delivered = acknowledged.
2. Failover: N visitors with a chat on relay A (a staff member online on relay B); relay A is
   killed with SIGKILL; every visitor reconnects to relay B with its resume token and last
   seq. Time from the kill until every visitor has ``resumed``, and acknowledged lines lost.

    python bench/cluster_bench.py                   # 1,000 pairs, a few minutes
    python bench/cluster_bench.py --pairs 300 --failover-visitors 300 --rate-seconds 3

Loopback only; the PostgreSQL server must let the user create databases (one per run, dropped
after). The machine's load average is printed with the figures: on a shared machine they move
by several times between runs, so compare within a run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import relay_bench  # noqa: E402
from peers.wsclient import Peer, open_peer  # noqa: E402

TARGETS = {"throughput_ratio": 0.5, "p99_one": 25.0, "p99_two": 30.0, "failover_s": 5.0}


class LotsenClusterTarget(relay_bench.LotsenPostgresTarget):
    """Two relays on one PostgreSQL database: visitors on the first (the measured server
    process), staff on a second one started beside it, so every line crosses relays."""

    name, label = "lotsen-pg2", "two Lotsen relays on PostgreSQL"

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        super().__init__(args, workdir)
        self.port2 = relay_bench.free_port()
        self.second: subprocess.Popen[bytes] | None = None

    def _second_command(self) -> list[str]:
        cmd = self.command()
        cmd[cmd.index("--port") + 1] = str(self.port2)
        return cmd

    async def _start_second(self) -> None:
        log = (self.workdir / "lotsen-pg2-second.log").open("wb")
        self.second = subprocess.Popen(self._second_command(), stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True,
                                       cwd=str(HERE.parent))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                _, writer = await asyncio.open_connection(relay_bench.HOST, self.port2)
            except OSError:
                await asyncio.sleep(0.1)
                continue
            writer.close()
            return
        raise RuntimeError("the second relay did not listen")

    async def login_staff(self, index: int, pair: relay_bench.Pair) -> Peer:
        session = asyncio.get_running_loop().create_future()
        peer = await open_peer(relay_bench.HOST, self.port2, "/ws/staff",
                               self._staff_handler(pair, session))
        peer.send_text(relay_bench.dumps({"type": "login", "v": 1, "user": f"staff{index}",
                                          "password": relay_bench.PASSWORD}))
        await asyncio.wait_for(session, 30)
        return peer

    async def open_pairs(self, pairs: list[relay_bench.Pair], concurrency: int) -> None:
        if self.second is None:
            await self._start_second()
        original = self.login_staff

        async def login_then_wait(index: int, pair: relay_bench.Pair) -> Peer:
            peer = await original(index, pair)
            if index == 0:
                await asyncio.sleep(2.0)  # relay A sees staff 0 online (presence rows)
            return peer

        self.login_staff = login_then_wait  # type: ignore[method-assign]
        try:
            await super().open_pairs(pairs, concurrency)
        finally:
            self.login_staff = original  # type: ignore[method-assign]

    def stored_lines(self) -> int | None:
        if self.second is not None and self.second.poll() is None:
            self.second.send_signal(signal.SIGTERM)
            try:
                self.second.wait(20)
            except subprocess.TimeoutExpired:
                self.second.kill()
        return super().stored_lines()


relay_bench.TARGET_CLASSES["lotsen-pg2"] = LotsenClusterTarget


# -- failover ------------------------------------------------------------------------------------


async def failover(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """SIGKILL one of two relays under N visitors; time until each resumed on the other."""
    import psycopg

    name = f"lotsen_failover_{os.getpid()}"
    with psycopg.connect(args.pg, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())
        admin.execute(f'CREATE DATABASE "{name}"'.encode())
    from urllib.parse import urlsplit, urlunsplit
    parts = urlsplit(args.pg)
    url = urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))
    config = workdir / "failover.toml"
    config.write_text(relay_bench.bench_config(), encoding="utf-8")
    ports = [relay_bench.free_port(), relay_bench.free_port()]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        from relay.storage import PostgresURL
        target = relay_bench.LotsenPostgresTarget(args, workdir)
        target.database = PostgresURL(url)  # type: ignore[assignment]
        await relay_bench.LotsenTarget.prepare(target, 1)
        for port in ports:
            log = (workdir / f"failover-{port}.log").open("wb")
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "relay", "serve", "--host", relay_bench.HOST, "--port",
                 str(port), "--db", url, "--config", str(config), "--log-level", "warning"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                cwd=str(HERE.parent)))
        for port in ports:
            await _listening(port)
        staff_session = asyncio.get_running_loop().create_future()

        def on_staff(peer: Peer, data: bytes) -> None:
            if data.startswith(b'{"type":"session"') and not staff_session.done():
                staff_session.set_result(None)

        staff = await open_peer(relay_bench.HOST, ports[1], "/ws/staff", on_staff)
        staff.send_text(relay_bench.dumps({"type": "login", "v": 1, "user": "staff0",
                                           "password": relay_bench.PASSWORD}))
        await asyncio.wait_for(staff_session, 30)
        await asyncio.sleep(2.0)  # relay A sees staff0 online
        visitors = [_Visitor(i) for i in range(args.failover_visitors)]
        await relay_bench.gather_limited(
            [lambda v=v: v.start(ports[0]) for v in visitors], args.connect_concurrency)
        for n in range(args.failover_lines):
            for visitor in visitors:
                visitor.say(f"line {n}")
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)
        killed = time.perf_counter()
        procs[0].send_signal(signal.SIGKILL)  # mid-conversation, nothing flushed or closed
        procs[0].wait(10)
        await relay_bench.gather_limited(
            [lambda v=v: v.resume(ports[1], killed) for v in visitors], args.connect_concurrency)
        resumed_s = max(v.resumed_at for v in visitors)
        for visitor in visitors:  # what was never acknowledged is sent again, as the widget does
            visitor.resend()
        deadline = time.monotonic() + 30
        while any(v.unacked for v in visitors) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        acked = {(v.conversation_token, cid): seq for v in visitors for cid, seq in v.acked.items()}
        lost = 0
        with psycopg.connect(url) as conn:
            rows = conn.execute(
                "SELECT c.token_hash, m.cid, m.seq FROM messages m JOIN conversations c "
                "ON c.org = m.org AND c.id = m.conversation_id WHERE m.cid IS NOT NULL").fetchall()
        from relay import auth
        stored = {(token, cid): seq for token, cid, seq in rows}
        for (token, cid), seq in acked.items():
            if stored.get((auth.token_hash(token), cid)) != seq:
                lost += 1
        for visitor in visitors:
            visitor.close()
        staff.close()
        return {"visitors": len(visitors), "resumed_s": resumed_s, "acked": len(acked),
                "lost": lost, "unacked": sum(len(v.unacked) for v in visitors)}
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())


async def resume_reference(args: argparse.Namespace, workdir: Path) -> float:
    """The same N visitors resuming on one SQLite relay that did not fail (they reconnect
    after closing): what a reconnection wave costs on this machine without any failover."""
    database = workdir / "reference.db"
    config = workdir / "reference.toml"
    config.write_text(relay_bench.bench_config(), encoding="utf-8")
    target = relay_bench.LotsenTarget(args, workdir)
    target.database = database
    await relay_bench.LotsenTarget.prepare(target, 1)
    port = relay_bench.free_port()
    log = (workdir / "reference.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "relay", "serve", "--host", relay_bench.HOST, "--port", str(port),
         "--db", str(database), "--config", str(config), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=str(HERE.parent))
    try:
        await _listening(port)
        staff_session = asyncio.get_running_loop().create_future()

        def on_staff(peer: Peer, data: bytes) -> None:
            if data.startswith(b'{"type":"session"') and not staff_session.done():
                staff_session.set_result(None)

        staff = await open_peer(relay_bench.HOST, port, "/ws/staff", on_staff)
        staff.send_text(relay_bench.dumps({"type": "login", "v": 1, "user": "staff0",
                                           "password": relay_bench.PASSWORD}))
        await asyncio.wait_for(staff_session, 30)
        visitors = [_Visitor(i) for i in range(args.failover_visitors)]
        await relay_bench.gather_limited(
            [lambda v=v: v.start(port) for v in visitors], args.connect_concurrency)
        for visitor in visitors:
            visitor.close()
        await asyncio.sleep(0.5)
        started = time.perf_counter()
        await relay_bench.gather_limited(
            [lambda v=v: v.resume(port, started) for v in visitors], args.connect_concurrency)
        for visitor in visitors:
            visitor.close()
        staff.close()
        return max(v.resumed_at for v in visitors)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


async def _listening(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection(relay_bench.HOST, port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        return
    raise RuntimeError(f"no relay listening on {port}")


class _Visitor:
    """A widget-like visitor: keeps its token, the last seq, and its unacknowledged lines."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.peer: Peer | None = None
        self.conversation_token = ""
        self.last_seq = 0
        self.acked: dict[str, int] = {}
        self.unacked: dict[str, str] = {}
        self.numbers = 0
        self.ready: asyncio.Future[None] | None = None
        self.resumed_at = 0.0
        self._killed = 0.0

    def _on_text(self, peer: Peer, data: bytes) -> None:
        frame = json.loads(data)
        kind = frame.get("type")
        if kind == "started":
            self.conversation_token = frame["token"]
        elif kind == "ack":
            if self.unacked.pop(frame["cid"], None) is not None:
                self.acked[frame["cid"]] = frame["seq"]
            self.last_seq = max(self.last_seq, frame["seq"])
            if self.ready is not None and not self.ready.done():
                self.ready.set_result(None)
        elif kind == "message":
            self.last_seq = max(self.last_seq, frame["seq"])
        elif kind == "resumed":
            self.resumed_at = time.perf_counter() - self._killed
            if self.ready is not None and not self.ready.done():
                self.ready.set_result(None)

    async def start(self, port: int) -> None:
        self.ready = asyncio.get_running_loop().create_future()
        self.peer = await open_peer(relay_bench.HOST, port, "/ws/visitor", self._on_text)
        self.peer.send_text(b'{"type":"hello","v":1,"lang":"sv"}')
        await asyncio.sleep(0.05)
        self.say(f"[visitor {self.index}] hej")
        await asyncio.wait_for(self.ready, 60)

    def say(self, text: str) -> None:
        self.numbers += 1
        cid = f"v{self.index}-{self.numbers}"
        self.unacked[cid] = text
        if self.peer is not None and self.peer.is_open:
            self.peer.send_text(relay_bench.dumps({"type": "message", "text": text, "cid": cid}))

    async def resume(self, port: int, killed: float) -> None:
        self._killed = killed
        self.ready = asyncio.get_running_loop().create_future()
        for _ in range(50):  # the widget retries while the load balancer finds a relay
            try:
                self.peer = await open_peer(relay_bench.HOST, port, "/ws/visitor", self._on_text)
                break
            except OSError:
                await asyncio.sleep(0.1)
        assert self.peer is not None
        self.peer.send_text(relay_bench.dumps({"type": "hello", "v": 1, "lang": "sv",
                                               "resume": self.conversation_token,
                                               "last_seq": self.last_seq}))
        await asyncio.wait_for(self.ready, 60)

    def resend(self) -> None:
        assert self.peer is not None
        for cid, text in list(self.unacked.items()):
            self.peer.send_text(relay_bench.dumps({"type": "message", "text": text,
                                                   "cid": cid}))

    def close(self) -> None:
        if self.peer is not None:
            with contextlib.suppress(Exception):
                self.peer.close()


# -- the run -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--burst", type=int, default=15)
    parser.add_argument("--rate-seconds", type=float, default=5.0)
    parser.add_argument("--failover-visitors", type=int, default=1000)
    parser.add_argument("--failover-lines", type=int, default=3)
    parser.add_argument("--connect-concurrency", type=int, default=100)
    parser.add_argument("--skip-traffic", action="store_true", help="only the failover part")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="lotsen-cluster-bench-") as folder:
        if not args.skip_traffic:
            out = Path(folder) / "results.json"
            relay_bench.main(["--servers", "lotsen,lotsen-pg,lotsen-pg2", "--steps",
                              "burst,rate", "--rates", "2000", "--pairs", str(args.pairs),
                              "--burst", str(args.burst), "--rate-seconds",
                              str(args.rate_seconds), "--pause", "0.5", "--pg", args.pg,
                              "--json", str(out), "--no-pin"])
            results = json.loads(out.read_text(encoding="utf-8"))["results"]
        failed_over = asyncio.run(failover(args, Path(folder)))
        reference_s = asyncio.run(resume_reference(args, Path(folder)))
    load_after = os.getloadavg()

    def step(server: str, name: str) -> dict[str, Any]:
        for item in results[server]["traffic"]["steps"]:
            if item["step"] == name:
                return dict(item)
        raise SystemExit(f"no {name} step for {server}")

    print(f"\n== Several relays on PostgreSQL (load average {load_before[0]:.1f} before, "
          f"{load_after[0]:.1f} after; 2,000 msg/s offered, {args.pairs:,} pairs) " + "=" * 20)
    verdict = relay_bench.verdict
    if results:
        print(f"{'setup':<34} {'burst msg/s':>12} {'p50 @2000 ms':>13} {'p99 @2000 ms':>13} "
              f"{'delivered/acked @2000':>22} {'acked stored':>13}")
        for server, label in (("lotsen", "one relay, SQLite"),
                              ("lotsen-pg", "one relay, PostgreSQL"),
                              ("lotsen-pg2", "two relays, every line crosses")):
            burst, rate = step(server, "burst"), step(server, "rate 2000")
            traffic = results[server]["traffic"]
            print(f"{label:<34} {burst['msgs_per_s']:>12,.0f} {rate['p50_ms']:>13.2f} "
                  f"{rate['p99_ms']:>13.1f} {rate['delivered']:>10,}/{rate['acks']:<11,} "
                  f"{'yes' if traffic.get('durable_ok') else 'NO':>13}")
        ratio = step("lotsen-pg", "burst")["msgs_per_s"] / step("lotsen", "burst")["msgs_per_s"]
        p99_one = step("lotsen-pg", "rate 2000")["p99_ms"]
        two = step("lotsen-pg2", "rate 2000")
        print(f"{verdict(ratio >= TARGETS['throughput_ratio'])}  one relay: PostgreSQL / SQLite "
              f"burst = {ratio:.2f} (target >= {TARGETS['throughput_ratio']})")
        print(f"{verdict(p99_one <= TARGETS['p99_one'])}  one relay on PostgreSQL: p99 "
              f"{p99_one:.1f} ms (target <= {TARGETS['p99_one']:.0f} ms)")
        print(f"{verdict(two['p99_ms'] <= TARGETS['p99_two'] and two['delivered'] >= two['acks'])}"
              f"  two relays: p99 {two['p99_ms']:.1f} ms (target <= {TARGETS['p99_two']:.0f} ms), "
              f"delivered {two['delivered']:,} of {two['acks']:,} acknowledged")
    print(f"{verdict(failed_over['resumed_s'] <= TARGETS['failover_s'])}  failover: "
          f"{failed_over['visitors']:,} visitors resumed on the survivor "
          f"{failed_over['resumed_s']:.2f} s after SIGKILL (target <= "
          f"{TARGETS['failover_s']:.0f} s)")
    print(f"      for reference: the same {failed_over['visitors']:,} visitors resuming on one "
          f"SQLite relay that did not fail: {reference_s:.2f} s")
    print(f"{verdict(failed_over['lost'] == 0 and failed_over['unacked'] == 0)}  failover: "
          f"{failed_over['acked']:,} lines acknowledged, {failed_over['lost']} lost, "
          f"{failed_over['unacked']} never acknowledged")


if __name__ == "__main__":
    main()
