"""Console responsiveness with a big queue and a long transcript, against a real relay.

    python bench/bench_console.py [--waiting 1000] [--lines 5000] [--samples 200]

Sets up a relay (a ``python -m relay serve`` subprocess on a temporary database) holding
``--waiting`` visitors in the queue and a conversation of ``--lines`` lines claimed by the
bench account, then runs the real console headless in this process, logged in over real
websockets, and prints:

* start to logged in: a fresh ``python`` process that imports the console, logs in and has
  painted the queue (target < 1.5 s);
* message latency: from the moment a ``message`` frame's text arrives at the console's client
  (before decoding) to the moment the transcript renders that line's row (p50/p95/max;
  target p95 < 50 ms). A second connection of the same account writes the lines, so the relay
  forwards them as it does between a person's two windows;
* chat switching: from activating a chat to its first row being rendered: the first switch
  to the 5,000-line chat since login, then p95 over repeated switches (target < 100 ms).

"Rendered" is when Textual asks the transcript widget for the row (``render_line``), which is
the step right before the frame is written to the terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

PASSWORD = "bench password 1234"
BIG, SMALL = 1, 2
SAMPLE_TEXT = ("Jag har funderat mycket på det vi pratade om förra gången, och jag tror att "
               "det är dags att göra något åt det. Hur gör man för att få komma dit?")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def populate(database: Path, waiting: int, lines: int) -> None:
    """Write the queue and the long conversation straight into the relay's database."""
    from relay import auth
    from relay.storage import ConversationRecord, Line, StaffAccount
    from relay.storage.sqlite import SQLiteStorage

    storage = SQLiteStorage(database)
    await storage.open()
    try:
        await storage.add_staff(StaffAccount(0, "bench", "Bench", auth.hash_password(PASSWORD),
                                             created_at=time.time()))
        now = time.time()
        for conversation, count in ((BIG, lines), (SMALL, 20)):
            await storage.create_conversation(ConversationRecord(
                conversation, auth.token_hash(auth.new_token()), f"Besökare {conversation}",
                "sv", "relative", "active", now - 3600))
            await storage.update_conversation(conversation, staff="bench", claimed_at=now)
            writes = [storage.append_line(Line(
                conversation, seq, "visitor" if seq % 2 else "staff",
                None if seq % 2 else "bench", f"{seq}: {SAMPLE_TEXT}", now - 3600 + seq, None))
                for seq in range(1, count + 1)]
            for start in range(0, len(writes), 500):
                await asyncio.gather(*writes[start:start + 500])
        creates = []
        for index in range(waiting):
            conversation = 100 + index
            record = ConversationRecord(conversation, auth.token_hash(auth.new_token()),
                                        f"Besökare {conversation}", "sv", "self", "queued",
                                        now - 600 + index * 0.5)
            creates.append((record, Line(conversation, 1, "visitor", None,
                                         "Hej, jag undrar över min alkoholkonsumtion.",
                                         record.created_at, None)))
        for start in range(0, len(creates), 250):
            batch = creates[start:start + 250]
            await asyncio.gather(*(storage.create_conversation(r) for r, _ in batch))
            await asyncio.gather(*(storage.append_line(line) for _, line in batch))
    finally:
        await storage.close()


def start_relay(workdir: Path, port: int) -> subprocess.Popen[bytes]:
    config = workdir / "relay.toml"
    config.write_text("[hours]\nalways_open = true\n[limits]\nstaff_rate = 1000.0\n"
                      "staff_burst = 5000\n", encoding="utf-8")
    log = (workdir / "relay.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "relay", "serve", "--port", str(port), "--db",
         str(workdir / "lotsen.db"), "--config", str(config)],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("relay did not start: " + (workdir / "relay.log").read_text())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("relay did not answer within 60 s")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


START_SCRIPT = textwrap.dedent("""
    import time
    started = time.perf_counter()
    import asyncio, json, sys
    from console.app import LotsenConsole
    from console.widgets.queue import QueuePane

    painted = []
    original = QueuePane.render_line

    def render_line(self, y):
        if self.entries and not painted:
            painted.append(time.perf_counter())
            painted.append(time.process_time())
        return original(self, y)

    QueuePane.render_line = render_line

    async def main():
        app = LotsenConsole(server=sys.argv[1], user="bench", password=sys.argv[2],
                            remember=False, alerts=False)
        async with app.run_test(size=(160, 50)) as pilot:
            while not painted:
                await pilot.pause(0.005)
            print(json.dumps({"session": app.logged_in_at - started,
                              "queue_painted": painted[0] - started,
                              "cpu": painted[1],
                              "queue": len(app.state.queue)}))

    asyncio.run(main())
""")


def measure_start(port: int, runs: int) -> list[dict[str, float]]:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", START_SCRIPT, f"127.0.0.1:{port}", PASSWORD],
            capture_output=True, text=True, timeout=120, cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
        if out.returncode != 0:
            raise SystemExit("start measurement failed:\n" + out.stderr[-2000:])
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


async def measure_console(port: int, samples: int, switches: int) -> dict[str, Any]:
    from websockets.asyncio.client import connect

    import console.client as client_module
    from console.app import LotsenConsole
    from console.screens.main import MainScreen
    from console.widgets.transcript import TranscriptView
    from relay import protocol

    arrived: dict[str, float] = {}
    shown: dict[str, float] = {}
    decode = client_module.protocol.decode

    def timed_decode(raw: str | bytes, registry: Any) -> Any:
        if isinstance(raw, str) and '"bench-' in raw:
            start = raw.index('"bench-') + 1
            arrived.setdefault(raw[start:raw.index(" ", start)], time.perf_counter())
        return decode(raw, registry)

    client_module.protocol = type(sys)("timed_protocol")  # the client's view of protocol
    client_module.protocol.__dict__.update(protocol.__dict__)
    client_module.protocol.decode = timed_decode  # type: ignore[attr-defined]

    first_rows: dict[int, float] = {}
    render_line = TranscriptView.render_line

    def timed_render_line(self: TranscriptView, y: int) -> Any:
        strip = render_line(self, y)
        chat = self.chat
        if chat is not None:
            first_rows.setdefault(id(chat), time.perf_counter())
            layout = self._layouts.get(chat.key)
            row = int(self.scroll_y) + y
            if layout is not None and row < len(layout.rows):
                text = layout.rows[row][0].text
                if text.startswith("bench-"):
                    shown.setdefault(text.split(" ", 1)[0], time.perf_counter())
        return strip

    TranscriptView.render_line = timed_render_line  # type: ignore[method-assign]

    app = LotsenConsole(server=f"127.0.0.1:{port}", user="bench", password=PASSWORD,
                        remember=False, alerts=False)
    result: dict[str, Any] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        async def until(condition: Any, timeout: float = 60.0) -> None:
            deadline = time.monotonic() + timeout
            while not condition():
                if time.monotonic() > deadline:
                    raise SystemExit("timed out")
                await pilot.pause(0.01)

        await until(lambda: isinstance(app.screen, MainScreen) and len(app.state.queue) > 0)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await until(lambda: BIG in app.state.chats and SMALL in app.state.chats
                    and app.state.chats[BIG].last_seq >= 1 and app.state.chats[SMALL].last_seq)
        big = app.state.chats[BIG]
        expected = app.state.chats[BIG].last_seq
        await until(lambda: len(big.lines) >= expected)
        result["queue"] = len(app.state.queue)
        result["transcript"] = len(big.lines)

        # Switching: the first time the long chat is shown it is laid out (cold).
        screen.activate(SMALL)
        await pilot.pause(0.2)
        cold: list[float] = []
        warm: list[float] = []
        for index in range(switches):
            key = BIG if index % 2 == 0 else SMALL
            first_rows.clear()
            started = time.perf_counter()
            screen.activate(key)
            target = id(app.state.chats[key])
            await until(lambda target=target: target in first_rows, timeout=10)
            (cold if index == 0 else warm).append(first_rows[target] - started)
            await pilot.pause(0.05)
        result["switch_cold_ms"] = cold[0] * 1000
        result["switch_warm_ms"] = [w * 1000 for w in warm]

        # Message latency: the long chat is active and scrolled to the end.
        screen.activate(BIG)
        await pilot.pause(0.2)
        async with connect(f"ws://127.0.0.1:{port}{protocol.STAFF_PATH}", compression=None,
                           max_size=2**24) as writer:
            await writer.send(json.dumps({"type": "login", "v": 1, "user": "bench",
                                          "password": PASSWORD}))

            async def drain() -> None:
                async for _ in writer:
                    pass

            reader = asyncio.create_task(drain())
            for index in range(samples):
                label = f"bench-{index}"
                await writer.send(json.dumps({"type": "message", "conversation": BIG,
                                              "text": f"{label} {SAMPLE_TEXT}",
                                              "cid": f"c{index}-{time.time()}"}))
                await until(lambda label=label: label in shown, timeout=10)
                await pilot.pause(0.03)
            reader.cancel()
        latencies = [(shown[k] - arrived[k]) * 1000 for k in shown if k in arrived]
        result["latency_ms"] = latencies
        result["transcript_after"] = len(big.lines)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waiting", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--switches", type=int, default=21)
    parser.add_argument("--start-runs", type=int, default=5)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="lotsen-bench-console-"))
    port = free_port()
    process = None
    try:
        setup = time.perf_counter()
        asyncio.run(populate(workdir / "lotsen.db", args.waiting, args.lines))
        process = start_relay(workdir, port)
        print(f"setup: {args.waiting} waiting, a {args.lines}-line chat "
              f"({time.perf_counter() - setup:.1f} s)")
        starts = measure_start(port, args.start_runs)
        result = asyncio.run(measure_console(port, args.samples, args.switches))
    finally:
        if process is not None:
            process.terminate()
            process.wait(20)
        shutil.rmtree(workdir, ignore_errors=True)

    session = [s["session"] * 1000 for s in starts]
    painted = [s["queue_painted"] * 1000 for s in starts]
    cpu = [s["cpu"] * 1000 for s in starts]
    latency = result["latency_ms"]
    warm = result["switch_warm_ms"]
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (figures are wall-clock)")
    print(f"queue {result['queue']} waiting, transcript {result['transcript']} lines "
          f"(+{result['transcript_after'] - result['transcript']} during the run)")
    print(f"start to logged in (session) ms: median {statistics.median(session):.0f}, "
          f"max {max(session):.0f}")
    print(f"start to queue painted ms:       median {statistics.median(painted):.0f}, "
          f"max {max(painted):.0f}   (target < 1500)")
    print(f"  CPU used by the console until then: median {statistics.median(cpu):.0f} ms "
          "(the part that does not grow with the machine's load)")
    print(f"message frame -> on screen ms:   p50 {percentile(latency, 0.5):.1f}, "
          f"p95 {percentile(latency, 0.95):.1f}, max {max(latency):.1f} "
          f"over {len(latency)} lines   (target p95 < 50)")
    print(f"switch chats ms: first to the long chat {result['switch_cold_ms']:.1f}; "
          f"warm p50 {percentile(warm, 0.5):.1f}, p95 {percentile(warm, 0.95):.1f}, "
          f"max {max(warm):.1f}   (target < 100)")


if __name__ == "__main__":
    main()
