"""Queue bench: what a flooded queue costs, at up to 5,000 waiting chats (issue 10, finding 3).

    python bench/queue_bench.py [--chats 5000] [--batch 1000] [--snapshot 100]

Starts ``python -m relay serve`` on a fresh database in a temporary directory, with the
flooding limits of ``[queue]`` raised out of the way (the point is to measure the work per
chat, not the limits), and one staff member logged in. Then it starts ``--chats`` chats, one
visitor connection each, in batches of ``--batch``, and prints per batch the wall time and
the relay's CPU time per new chat: if alias and position work grew with the queue, later
batches would cost more per chat than the first. At the end it prints what a staff login
costs with the whole queue waiting (snapshot frame size and entries, time to ``session`` and
to the snapshot), and the position an urgent visitor gets.

In-process figures for ``relay.queue.WaitingQueue`` alone (add, index, remove, head at 500
and 5,000 entries) come first; they need no relay. ``--src DIR`` runs the relay from another
checkout's ``src`` (a before/after comparison; a relay without ``[queue]`` gets no such table).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import psutil  # noqa: E402
from websockets.asyncio.client import ClientConnection, connect  # noqa: E402

from relay import auth  # noqa: E402
from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH  # noqa: E402
from relay.queue import QueueEntry, WaitingQueue  # noqa: E402

PASSWORD = "queue bench password"
URGENT = "Jag orkar inte mer. Jag vill inte leva längre och har tabletter hemma."


def config_text(snapshot: int, with_queue: bool) -> str:
    text = "[hours]\nalways_open = true\n[limits]\nmax_visitors = 19000\n"
    if with_queue:
        text += ("[queue]\nmax_waiting = 100000\nchats_per_minute = 100000\n"
                 f"snapshot_entries = {snapshot}\n")
    return text


def queue_micro() -> None:
    """WaitingQueue operations at two sizes: the cost per operation should barely move."""
    print("WaitingQueue alone (µs per operation)")
    print(f"{'entries':>8} {'add':>8} {'index':>8} {'remove+add':>11} {'head(100)':>10}")
    for size in (500, 5000):
        queue = WaitingQueue()
        started = time.perf_counter()
        for n in range(size):
            queue.add(QueueEntry(n, f"V {n}", 0.0, queue.next_arrival()))
        add = (time.perf_counter() - started) / size * 1e6
        picks = [random.randrange(size) for _ in range(2000)]
        started = time.perf_counter()
        for n in picks:
            queue.index(n)
        index = (time.perf_counter() - started) / len(picks) * 1e6
        started = time.perf_counter()
        for n in picks:
            entry = queue.remove(n)
            if entry is not None:
                queue.add(entry)
        move = (time.perf_counter() - started) / len(picks) * 1e6
        started = time.perf_counter()
        for _ in range(2000):
            queue.head(100)
        head = (time.perf_counter() - started) / 2000 * 1e6
        print(f"{size:>8} {add:>8.2f} {index:>8.2f} {move:>11.2f} {head:>10.2f}")
    print()


def start_relay(workdir: Path, snapshot: int, src: Path) -> tuple[subprocess.Popen[str], int]:
    config = workdir / "bench.toml"
    with_queue = '"queue": {' in (src / "relay" / "config.py").read_text(encoding="utf-8")
    config.write_text(config_text(snapshot, with_queue), encoding="utf-8")
    log = (workdir / "relay.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "relay", "serve", "--port", "0", "--db", str(workdir / "q.db"),
         "--config", str(config), "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=log, text=True, cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(src)})
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise SystemExit(f"the relay did not start: {(workdir / 'relay.log').read_text()}")
        match = re.search(r"https?://127\.0\.0\.1:(\d+)", line)
        if match:
            return process, int(match.group(1))
    raise SystemExit("the relay did not start within 30 s")


async def add_staff(database: Path) -> None:
    from relay.storage import StaffAccount
    from relay.storage.sqlite import SQLiteStorage

    storage = SQLiteStorage(database)
    await storage.open()
    try:
        await storage.add_staff(StaffAccount(0, "anna", "Anna", auth.hash_password(PASSWORD),
                                             created_at=time.time()))
    finally:
        await storage.close()


async def recv_type(ws: ClientConnection, kind: str) -> tuple[dict[str, object], int]:
    while True:
        raw = await asyncio.wait_for(ws.recv(), 60)
        frame = json.loads(raw)
        if frame.get("type") == kind:
            return frame, len(raw)


async def start_chat(port: int, text: str = "Hej, jag vill prata med någon.") -> ClientConnection:
    ws = await connect(f"ws://127.0.0.1:{port}{VISITOR_PATH}", open_timeout=60, max_size=None)
    await ws.send(json.dumps({"type": "hello", "v": PROTOCOL_VERSION}))
    await ws.send(json.dumps({"type": "message", "text": text, "cid": "c1"}))
    await recv_type(ws, "ack")
    return ws


async def staff_login(port: int) -> tuple[ClientConnection, float, float, dict[str, object], int]:
    started = time.perf_counter()
    ws = await connect(f"ws://127.0.0.1:{port}{STAFF_PATH}", open_timeout=60, max_size=None)
    await ws.send(json.dumps({"type": "login", "v": PROTOCOL_VERSION, "user": "anna",
                              "password": PASSWORD}))
    await recv_type(ws, "session")
    session = time.perf_counter() - started
    snapshot, size = await recv_type(ws, "queue")
    return ws, session, time.perf_counter() - started, snapshot, size


async def relay_bench(chats: int, batch: int, snapshot: int, src: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="lotsen-queue-") as tmp:
        workdir = Path(tmp)
        await add_staff(workdir / "q.db")
        process, port = start_relay(workdir, snapshot, src)
        relay = psutil.Process(process.pid)
        sockets: list[ClientConnection] = []
        try:
            duty, *_ = await staff_login(port)  # keeps the chat open
            reader = asyncio.ensure_future(_drain(duty))
            print(f"Relay: {chats} chats in batches of {batch} (one connection each)")
            print(f"{'queued':>8} {'wall s':>8} {'chats/s':>8} {'relay CPU µs/chat':>18}")
            for start in range(0, chats, batch):
                count = min(batch, chats - start)
                cpu = sum(relay.cpu_times()[:2])
                started = time.perf_counter()
                for chunk in range(0, count, 200):
                    sockets += await asyncio.gather(
                        *(start_chat(port) for _ in range(min(200, count - chunk))))
                wall = time.perf_counter() - started
                used = sum(relay.cpu_times()[:2]) - cpu
                print(f"{start + count:>8} {wall:>8.2f} {count / wall:>8.0f} "
                      f"{used / count * 1e6:>18.0f}")
            ws, session, total, frame, size = await staff_login(port)
            entries = frame.get("entries")
            print(f"\nStaff login with {chats} waiting: session after {session * 1000:.0f} ms, "
                  f"snapshot after {total * 1000:.0f} ms, {size:,} bytes, "
                  f"{len(entries) if isinstance(entries, list) else '?'} entries, "
                  f"total {frame.get('total')}")
            await ws.close()
            urgent = await connect(f"ws://127.0.0.1:{port}{VISITOR_PATH}", open_timeout=60)
            await urgent.send(json.dumps({"type": "hello", "v": PROTOCOL_VERSION}))
            await urgent.send(json.dumps({"type": "message", "text": URGENT, "cid": "u"}))
            position, _ = await recv_type(urgent, "queue")
            print(f"Visitor writing '{URGENT[:30]}...': position {position['position']}, "
                  f"wait {position['wait_s']} s, help {position.get('help')} "
                  "(flooding chats are not urgent here)")
            print(f"Relay RSS {relay.memory_info().rss / 2**20:.0f} MiB")
            await urgent.close()
            reader.cancel()
        finally:
            for ws in sockets:
                if ws.transport is not None:
                    ws.transport.abort()
            process.terminate()
            process.wait(30)


async def _drain(ws: ClientConnection) -> None:
    async for _ in ws:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--snapshot", type=int, default=100,
                        help="[queue] snapshot_entries of the relay under test")
    parser.add_argument("--src", type=Path, default=ROOT / "src",
                        help="the src directory of the relay to run (default: this checkout)")
    args = parser.parse_args()
    queue_micro()
    asyncio.run(relay_bench(args.chats, args.batch, args.snapshot, args.src.resolve()))


if __name__ == "__main__":
    main()
