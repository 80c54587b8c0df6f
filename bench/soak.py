"""Soak: 2,000 connections with churn for 60 s against a relay subprocess; nothing acked is lost.

    python bench/soak.py [--seconds 60] [--visitors 1800] [--staff 200] [--drain 60]

Starts ``python -m relay serve`` on a fresh database in a temporary directory and drives it
over loopback from this process (uvloop if installed):

* ``--staff`` staff members log in, claim whoever waits and answer every visitor line; every
  15-30 s each one drops its connection and comes back with its session token, then asks for
  what it missed with ``sync`` (also for chats that ended meanwhile).
* ``--visitors`` visitors each write a line every 2-6 s. After a line, a visitor sometimes
  drops its connection without a close (a phone losing signal) and resumes 0.2-2 s later
  with its token and last ``seq``, resending what was not acknowledged with the same ``cid``;
  sometimes it ends the chat and starts a new one on a fresh connection.

After ``--seconds`` the writing stops and the run drains for up to ``--drain`` seconds: every
line in flight must be acknowledged or refused with an error, and every acknowledged line must
reach its reader (visitor lines: a staff member; staff lines: the visitor). The script prints
messages sent / acknowledged / delivered / lost, errors by kind, and the relay's RSS when the
soak window starts and ends. It exits 1 if a line was lost or RSS grew by more than 10%.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import re
import resource
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import psutil  # noqa: E402
from websockets.asyncio.client import ClientConnection, connect  # noqa: E402
from websockets.exceptions import ConnectionClosed, InvalidHandshake  # noqa: E402

from relay import auth  # noqa: E402
from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH  # noqa: E402

PASSWORD = "soak password 1234"
CONFIG = """[hours]
always_open = true
[limits]
max_visitors = 10000
# Simulated staff answer every line of ~100 chats each: far above a person's typing speed.
staff_rate = 1000
staff_burst = 5000
# Every simulated console logs in at the same moment: lift the login-flood limits, which would
# (rightly) tell most of them "busy"; the soak measures the chat, not the logins.
max_unauthenticated_staff = 10000
# Every visitor starts a chat at once, and churn starts new ones: above the flooding limits.
[queue]
max_waiting = 100000
chats_per_minute = 100000
[auth]
login_queue = 10000
login_queue_wait_s = 600
"""
# Claim races between staff members are expected answers, not failures.
EXPECTED_ERRORS = {"staff:queue_empty", "staff:already_claimed"}
# Replies to a chat that ended a moment earlier (its visitor left) are refused: expected too.
EXPECTED_ERRORS |= {"staff:forbidden", "staff:ended"}


class Tally:
    """Counts shared by every simulated client."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()


class Visitor:
    """A widget: chats, drops and resumes, sometimes ends and starts over."""

    def __init__(self, number: int, port: int, tally: Tally, rng: random.Random) -> None:
        self.name = f"v{number}"
        self.port = port
        self.tally = tally
        self.rng = rng
        self.token: str | None = None
        self.key: str | None = None  # the token proposed with the first line, as the widget does
        self.tokens: list[str] = []  # every chat this visitor started
        self.last_seq = 0
        self.claimed = False
        self.ended = asyncio.Event()
        self.pending: dict[str, str] = {}
        self.acked: dict[str, int] = {}
        self.received: set[str] = set()
        self.ws: ClientConnection | None = None
        self._lines = 0
        self._dropping = False  # we cut the connection ourselves: its close is no error

    async def _connect(self) -> ClientConnection | None:
        try:
            ws = await connect(f"ws://127.0.0.1:{self.port}{VISITOR_PATH}", open_timeout=20,
                               close_timeout=2)
        except (OSError, InvalidHandshake, TimeoutError) as exc:
            self.tally.errors[f"visitor_connect:{type(exc).__name__} {str(exc)[:60]}"] += 1
            return None
        await ws.send(json.dumps({"type": "hello", "v": PROTOCOL_VERSION, "resume": self.token,
                                  "last_seq": self.last_seq}))
        for cid, text in list(self.pending.items()):
            await ws.send(json.dumps(self._line(cid, text), ensure_ascii=False))
        return ws

    def _line(self, cid: str, text: str) -> dict[str, Any]:
        """A line; until ``started`` confirms the chat, with the token this visitor made for it
        (sent again after a drop, it rejoins the chat instead of starting another)."""
        frame: dict[str, Any] = {"type": "message", "text": text, "cid": cid}
        if self.token is None:
            if self.key is None:
                self.key = secrets.token_urlsafe(16)
                self.tokens.append(self.key)
            frame["token"] = self.key
        return frame

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                self._frame(json.loads(raw))
        except ConnectionClosed:
            pass
        if ws.close_code not in (None, 1000, 1006) and not self._dropping:
            self.tally.errors[f"visitor_close:{ws.close_code} {ws.close_reason}"] += 1

    def _frame(self, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if kind == "started":
            self.token, self.key = frame["token"], None
            if frame["token"] not in self.tokens:
                self.tokens.append(frame["token"])
        elif kind == "ack":
            if self.pending.pop(frame["cid"], None) is not None:
                self.acked[frame["cid"]] = frame["seq"]
                self.tally.counts["acked_visitor"] += 1
        elif kind == "message":
            self.last_seq = max(self.last_seq, frame["seq"])
            if frame["kind"] == "staff" and frame["text"] not in self.received:
                self.received.add(frame["text"])
        elif kind == "claimed":
            self.claimed = True
        elif kind == "ended":
            self.ended.set()
        elif kind == "error":
            self.tally.errors[f"visitor:{frame['code']}"] += 1
            if frame.get("cid") in self.pending and frame["code"] in ("ended",):
                del self.pending[frame["cid"]]
                self.tally.counts["refused_visitor"] += 1
        elif kind == "closed":
            self.tally.errors[f"visitor_chat_closed:{frame['reason']}"] += 1

    async def run(self, writing: Callable[[], bool], draining: Callable[[], bool]) -> None:
        """Chat while ``writing()``; then stay connected while ``draining()``."""
        while writing() or draining():
            self._dropping = False
            ws = await self._connect()
            if ws is None:
                await asyncio.sleep(self.rng.uniform(0.5, 2))
                continue
            self.ws = ws
            reader = asyncio.create_task(self._read(ws))
            try:
                await self._chat(ws, writing)
                while not writing() and draining() and not reader.done():
                    await asyncio.sleep(0.2)
            finally:
                if not reader.done():
                    self._dropping = True
                    if ws.transport is not None:
                        ws.transport.abort()
                with contextlib.suppress(asyncio.CancelledError):
                    await reader
                self.ws = None
            if not writing() and not draining():
                break
            await asyncio.sleep(self.rng.uniform(0.2, 2))

    async def _chat(self, ws: ClientConnection, writing: Callable[[], bool]) -> None:
        while writing():
            await asyncio.sleep(self.rng.uniform(2, 6))
            if not writing() or ws.close_code is not None:
                return
            if self.rng.random() < 1 / 40 and self.claimed and not self.pending and self.token:
                self.ended.clear()  # end this chat; the next connection starts a new one
                with contextlib.suppress(ConnectionClosed):
                    await ws.send(json.dumps({"type": "leave", "reason": "ended"}))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.ended.wait(), 10)
                if self.ended.is_set():
                    self.tally.counts["chats_ended"] += 1
                    self.token, self.key, self.last_seq, self.claimed = None, None, 0, False
                return
            if len(self.pending) < 3:
                self._lines += 1
                cid = f"{self.name}-{self._lines}"
                text = f"line {self._lines} from {self.name}"
                self.pending[cid] = text
                self.tally.counts["sent_visitor"] += 1
                with contextlib.suppress(ConnectionClosed):
                    await ws.send(json.dumps(self._line(cid, text)))
            if self.rng.random() < 1 / 15:  # signal lost, maybe with a line in flight
                self.tally.counts["visitor_drops"] += 1
                return


class Staff:
    """A console: claims, answers every visitor line, drops and resumes with its session."""

    def __init__(self, user: str, port: int, tally: Tally, rng: random.Random,
                 quota: Callable[[], int], index: int, team: int) -> None:
        self.user = user
        self.index, self.team = index, team  # who answers first: conversation % team
        self.port = port
        self.tally = tally
        self.rng = rng
        self.quota = quota
        self.session: str | None = None
        self.held: set[int] = set()
        self.waiting: dict[int, float] = {}  # conversation -> when we saw it queued
        self.have: dict[int, set[int]] = {}  # conversation -> sequence numbers we hold
        self.received: set[str] = set()
        self.pending: dict[str, tuple[int, str]] = {}
        self.acked: dict[str, int] = {}  # our cid -> conversation
        self.claiming = False
        self.logged_in = asyncio.Event()

    async def _connect(self) -> ClientConnection | None:
        try:
            ws = await connect(f"ws://127.0.0.1:{self.port}{STAFF_PATH}", open_timeout=20,
                               close_timeout=2, max_queue=None)
        except (OSError, InvalidHandshake, TimeoutError) as exc:
            self.tally.errors[f"staff_connect:{type(exc).__name__}"] += 1
            return None
        login: dict[str, Any] = {"type": "login", "v": PROTOCOL_VERSION}
        if self.session:
            login["session"] = self.session
        else:
            login.update(user=self.user, password=PASSWORD)
        await ws.send(json.dumps(login))
        return ws

    async def _send(self, ws: ClientConnection, frame: dict[str, Any]) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(json.dumps(frame, ensure_ascii=False))

    async def _frame(self, ws: ClientConnection, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if kind == "session":
            self.session = frame["token"]
            self.logged_in.set()
            self.held.clear()  # the relay lists what we hold (and what ended) right after this
            for cid, (conversation, text) in list(self.pending.items()):
                await self._send(ws, {"type": "message", "conversation": conversation,
                                      "text": text, "cid": cid})
        elif kind == "queue":
            self.waiting = {entry["conversation"]: time.monotonic() for entry in frame["entries"]}
        elif kind == "queued":
            self.waiting.setdefault(frame["entry"]["conversation"], time.monotonic())
        elif kind == "dequeued":
            self.waiting.pop(frame["conversation"], None)
        elif kind == "conversation" and not frame["readonly"]:
            conversation = frame["id"]
            self.claiming = False
            self.held.add(conversation)
            for line in frame["messages"]:
                await self._line(ws, conversation, line)
            # Lines can reach us before the claim's own frame (and that frame can be lost in
            # a drop), so ask from the first line we lack, not after the highest we saw.
            have = self.have.setdefault(conversation, set())
            missing = next((seq for seq in range(1, frame["last_seq"] + 1) if seq not in have),
                           None)
            if missing is not None:
                await self._send(ws, {"type": "sync", "conversation": conversation,
                                      "after": missing - 1})
        elif kind == "message" and "conversation" in frame:
            await self._line(ws, frame["conversation"], frame)
        elif kind == "ack":
            if self.pending.pop(frame["cid"], None) is not None:
                self.acked[frame["cid"]] = frame["conversation"]
                self.tally.counts["acked_staff"] += 1
        elif kind in ("ended", "released"):
            self.held.discard(frame["conversation"])
        elif kind == "error":
            self.tally.errors[f"staff:{frame['code']}"] += 1
            if frame["code"] in ("queue_empty", "already_claimed"):
                self.claiming = False
            cid = frame.get("cid")
            if cid in self.pending and frame["code"] in ("ended", "forbidden"):
                del self.pending[cid]
                self.tally.counts["refused_staff"] += 1

    async def _line(self, ws: ClientConnection, conversation: int, line: dict[str, Any]) -> None:
        self.have.setdefault(conversation, set()).add(line["seq"])
        if line["kind"] != "visitor" or line["cid"] in self.received:
            return
        self.received.add(line["cid"])
        if conversation not in self.held:
            return  # read after the chat ended: delivered, nothing to answer
        cid = f"r-{line['cid']}"
        text = f"re {line['cid']}"
        self.pending[cid] = (conversation, text)
        self.tally.counts["sent_staff"] += 1
        await self._send(ws, {"type": "message", "conversation": conversation, "text": text,
                              "cid": cid})

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                await self._frame(ws, json.loads(raw))
        except ConnectionClosed:
            pass

    async def _claims(self, ws: ClientConnection) -> None:
        """Claim waiting chats: each is first offered to one staff member (as a team would
        split the queue), and after a second to anyone, so claims seldom collide."""
        while ws.close_code is None:
            if self.waiting and not self.claiming and len(self.held) < self.quota():
                now = time.monotonic()
                late = self.rng.random() < 3 / self.team  # a few colleagues step in
                mine = [c for c, seen in self.waiting.items()
                        if c % self.team == self.index or (late and now - seen > 1)]
                if mine:
                    self.claiming = True
                    self.waiting.pop(mine[0], None)
                    await self._send(ws, {"type": "claim", "conversation": mine[0]})
            await asyncio.sleep(0.05)
            if self.claiming and self.rng.random() < 0.02:
                self.claiming = False  # an answer got lost in a drop: try again

    async def run(self, running: Callable[[], bool], churn: Callable[[], bool]) -> None:
        while running():
            ws = await self._connect()
            if ws is None:
                await asyncio.sleep(1)
                continue
            reader = asyncio.create_task(self._read(ws))
            claims = asyncio.create_task(self._claims(ws))
            self.logged_in.clear()
            while running() and not reader.done() and not self.logged_in.is_set():
                await asyncio.sleep(0.2)  # the churn clock starts once logged in
            deadline = time.monotonic() + self.rng.uniform(15, 30)
            while running() and not reader.done() and (time.monotonic() < deadline
                                                        or not churn()):
                await asyncio.sleep(0.2)
            if not reader.done():
                self.tally.counts["staff_drops"] += 1
                if ws.transport is not None:
                    ws.transport.abort()
            claims.cancel()
            for task in (reader, claims):
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            self.claiming = False
            await asyncio.sleep(self.rng.uniform(0.2, 1))


def start_relay(workdir: Path) -> tuple[subprocess.Popen[str], int]:
    config = workdir / "soak.toml"
    config.write_text(CONFIG, encoding="utf-8")
    log = (workdir / "relay.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "relay", "serve", "--port", "0", "--db", str(workdir / "soak.db"),
         "--config", str(config), "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=log, text=True, cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
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


async def add_staff(database: Path, count: int) -> list[str]:
    from relay.storage import StaffAccount
    from relay.storage.sqlite import SQLiteStorage

    storage = SQLiteStorage(database)
    await storage.open()
    names = [f"staff{n}" for n in range(count)]
    try:
        hashed = auth.hash_password(PASSWORD)
        for name in names:
            await storage.add_staff(StaffAccount(0, name, name.title(), hashed,
                                                 created_at=time.time()))
    finally:
        await storage.close()
    return names


def orphan_chats(database: Path, visitors: list[Visitor]) -> set[int]:
    """Chats no simulated visitor holds the token of.

    A visitor whose connection dropped after its first line was stored but before ``started``
    arrived used to resend that line and so start a second chat, leaving the first with no
    visitor. The first line now carries the visitor's own token, so this should stay empty.
    """
    owned = {auth.token_hash(token) for v in visitors for token in v.tokens}
    with contextlib.closing(sqlite3.connect(database)) as db:
        return {row[0] for row in db.execute("SELECT id, token_hash FROM conversations")
                if row[1] not in owned}


def rss_mib(process: psutil.Process) -> float:
    return float(process.memory_info().rss) / 2**20


async def soak(args: argparse.Namespace, workdir: Path) -> int:
    names = await add_staff(workdir / "soak.db", args.staff)
    relay, port = start_relay(workdir)
    probe = psutil.Process(relay.pid)
    me = psutil.Process()
    tally = Tally()
    rng = random.Random(args.seed)
    phase = {"writing": True, "draining": True, "staff_churn": False}
    visitors = [Visitor(n, port, tally, random.Random(rng.random()))
                for n in range(args.visitors)]

    def quota() -> int:
        if not phase["writing"]:
            return 10**9  # draining: claim whatever still waits
        return -(-args.visitors // args.staff) + 10

    staff = [Staff(name, port, tally, random.Random(rng.random()), quota, index, len(names))
             for index, name in enumerate(names)]
    lag = [0.0]

    async def watch_lag() -> None:  # this process's own stalls distort what the relay sees
        while True:
            started = time.monotonic()
            await asyncio.sleep(0.1)
            lag[0] = max(lag[0], time.monotonic() - started - 0.1)

    lag_task = asyncio.create_task(watch_lag())
    tasks = [asyncio.create_task(s.run(lambda: phase["draining"],
                                       lambda: phase["staff_churn"])) for s in staff]
    try:
        logins_started = time.monotonic()
        try:  # each first login costs an Argon2 verification (~0.25 s here), two at a time
            await asyncio.wait_for(asyncio.gather(*(s.logged_in.wait() for s in staff)),
                                   30 + args.staff * 1.0)
            phase["staff_churn"] = True
        except TimeoutError:
            raise SystemExit(f"only {sum(s.logged_in.is_set() for s in staff)} of {args.staff} "
                             "staff members could log in") from None
        print(f"{args.staff} staff logged in in {time.monotonic() - logins_started:.1f} s",
              flush=True)
        # This process keeps every line's bookkeeping; full collections over it stalled the
        # load generator for seconds, which the relay then saw as clients that stopped talking.
        gc.collect()
        gc.freeze()
        gc.set_threshold(100_000, 50, 1000)
        ramp_started = time.monotonic()
        for number, visitor in enumerate(visitors):
            tasks.append(asyncio.create_task(visitor.run(lambda: phase["writing"],
                                                         lambda: phase["draining"])))
            if number % 100 == 99:
                await asyncio.sleep(0.25)
        await asyncio.sleep(3)
        rss_cold = rss_mib(probe)
        print(f"ramp-up: {args.visitors} visitors + {args.staff} staff in "
              f"{time.monotonic() - ramp_started:.1f} s; "
              f"{sum(v.ws is not None for v in visitors) + args.staff} connections open; "
              f"relay RSS {rss_cold:.1f} MiB", flush=True)
        if args.warmup:  # let each chat's bounded state (cids, triage text) fill up first
            print(f"warm-up {args.warmup:.0f} s (chatting with churn, not counted)", flush=True)
            await asyncio.sleep(args.warmup)
        counted = tally.counts.copy()
        connected = sum(v.ws is not None for v in visitors) + args.staff
        rss_start = rss_mib(probe)
        print(f"soak window starts: relay RSS {rss_start:.1f} MiB", flush=True)
        window_start = time.monotonic()
        peak = rss_start
        while time.monotonic() - window_start < args.seconds:
            await asyncio.sleep(5)
            peak = max(peak, rss_mib(probe))
            print(f"  {time.monotonic() - window_start:4.0f} s: sent {tally.counts['sent_visitor']}"
                  f"+{tally.counts['sent_staff']}, acked {tally.counts['acked_visitor']}"
                  f"+{tally.counts['acked_staff']}, open "
                  f"{sum(v.ws is not None for v in visitors) + args.staff}, RSS "
                  f"{rss_mib(probe):.1f} MiB, CPU relay {probe.cpu_percent():.0f}% "
                  f"load {me.cpu_percent():.0f}%, held {sum(len(x.held) for x in staff)}, "
                  f"waiting {len(staff[0].waiting)}, staff got "
                  f"{sum(len(x.received) for x in staff)}, load-generator lag max "
                  f"{lag[0] * 1000:.0f} ms", flush=True)
            lag[0] = 0.0
        rss_end = rss_mib(probe)
        connected_end = sum(v.ws is not None for v in visitors) + args.staff

        phase["writing"] = False  # stop writing; keep everyone connected and reading
        phase["staff_churn"] = False
        drain_start = time.monotonic()

        def undelivered() -> tuple[list[str], list[str], list[str], int]:
            """Acknowledged visitor lines and staff lines that have not reached their reader,
            staff lines in chats without a visitor, and lines not acknowledged yet."""
            staff_got = set().union(*(s.received for s in staff))
            visitor_lines = [cid for v in visitors for cid in v.acked if cid not in staff_got]
            by_cid = {cid: v for v in visitors for cid in v.acked}
            replies = [cid for s in staff for cid in s.acked
                       if cid[2:] not in by_cid or f"re {cid[2:]}" not in by_cid[cid[2:]].received]
            orphans = orphan_chats(workdir / "soak.db", visitors)
            conversation_of = {cid: c for s in staff for cid, c in s.acked.items()}
            to_orphans = [cid for cid in replies if conversation_of[cid] in orphans]
            replies = [cid for cid in replies if conversation_of[cid] not in orphans]
            in_flight = sum(len(v.pending) for v in visitors) + sum(len(s.pending)
                                                                   for s in staff)
            return visitor_lines, replies, to_orphans, in_flight

        while time.monotonic() - drain_start < args.drain:
            lines, replies, _, in_flight = undelivered()
            if not lines and not replies and not in_flight:
                break
            await asyncio.sleep(1)
        drained = time.monotonic() - drain_start
        lines, replies, to_orphans, in_flight = undelivered()
        orphans = orphan_chats(workdir / "soak.db", visitors)
    finally:
        phase["writing"] = phase["draining"] = False
        lag_task.cancel()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        relay.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            relay.wait(30)
        if relay.poll() is None:
            relay.kill()

    sent = tally.counts["sent_visitor"] + tally.counts["sent_staff"]
    acked = tally.counts["acked_visitor"] + tally.counts["acked_staff"]
    lost = len(lines) + len(replies)
    refused = tally.counts["refused_visitor"] + tally.counts["refused_staff"]
    growth = (rss_end - rss_start) / rss_start * 100
    print()
    print(f"soak window {args.seconds:.0f} s after {args.warmup:.0f} s warm-up, {connected} "
          f"connections at start, {connected_end} at end (totals below include the warm-up)")
    print(f"churn: {tally.counts['visitor_drops']} visitor drops and resumes, "
          f"{tally.counts['chats_ended']} chats ended and restarted, "
          f"{tally.counts['staff_drops']} staff drops and resumes")
    print(f"messages sent {sent} (visitor {tally.counts['sent_visitor']}, staff "
          f"{tally.counts['sent_staff']}), acknowledged {acked}, delivered "
          f"{acked - lost - len(to_orphans)}, refused with an error {refused}, still in flight "
          f"{in_flight}, lost {lost}")
    print(f"  {len(orphans)} chat(s) that no visitor holds the token of (a second chat started "
          f"by a resent first line); {len(to_orphans)} acknowledged staff line(s) there have "
          "no reader")
    print(f"drained in {drained:.1f} s")
    if lost:
        print(f"lost: {(lines + replies)[:10]}")
    if in_flight:
        stuck = [cid for v in visitors for cid in v.pending] + [cid for s in staff
                                                                for cid in s.pending]
        print(f"in flight: {stuck[:10]}")
    print("errors by kind:" + ("" if tally.errors else " none"))
    for kind, count in sorted(tally.errors.items()):
        note = "  (expected)" if kind in EXPECTED_ERRORS else ""
        print(f"  {kind}: {count}{note}")
    print(f"relay RSS: {rss_start:.1f} MiB at start, {rss_end:.1f} MiB at end "
          f"({growth:+.1f}%), peak {peak:.1f} MiB; right after ramp-up {rss_cold:.1f} MiB")
    window = {k: tally.counts[k] - counted[k] for k in ("sent_visitor", "sent_staff")}
    print(f"in the window alone: {window['sent_visitor'] + window['sent_staff']} messages sent "
          f"({(window['sent_visitor'] + window['sent_staff']) / args.seconds:.0f}/s)")
    log = (workdir / "relay.log").read_text(encoding="utf-8").strip()
    if log:
        print("relay log (warnings and errors):")
        print("\n".join("  " + line for line in log.splitlines()[-20:]))
    failed = lost > 0 or in_flight > 0 or growth > 10
    print("RESULT:", "FAIL" if failed else "ok (lost 0, RSS growth within 10%)")
    return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="soak window")
    parser.add_argument("--warmup", type=float, default=60.0,
                        help="chat this long before the window starts (RSS is compared from "
                             "its end)")
    parser.add_argument("--visitors", type=int, default=1800)
    parser.add_argument("--staff", type=int, default=200)
    parser.add_argument("--drain", type=float, default=60.0,
                        help="at most this long to settle after the window")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR",
                        help="run in DIR and keep the database and relay log there")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < args.visitors + args.staff + 100:
        raise SystemExit(f"open-file limit {hard} is too low for {args.visitors} visitors")
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    with contextlib.ExitStack() as stack:
        tmp = args.keep or stack.enter_context(tempfile.TemporaryDirectory(prefix="lotsen-soak-"))
        Path(tmp).mkdir(parents=True, exist_ok=True)
        budget = args.warmup + args.seconds + args.drain + 240 + args.staff * 1.0
        try:
            code = asyncio.run(asyncio.wait_for(soak(args, Path(tmp)), budget))
        except TimeoutError:
            print(f"RESULT: FAIL (did not finish within {budget:.0f} s)")
            code = 1
    raise SystemExit(code)


if __name__ == "__main__":
    main()
