"""Benchmark staff logins under a flood of password guesses (issue 10, finding 5).

    python bench/login_flood.py [--flood 300] [--rounds 3]

A real relay (port 0, a fresh SQLite file, the shipped limits) with staff anna and bo. Each
round opens ``--flood`` password logins with fresh, invented names at once, then half a second
later measures how long (1) a console reconnecting with its session token and (2) a console
logging in with the password and its device token wait for their ``session`` frame, and how
the flood was answered (``busy`` at once, ``auth_failed`` after a check, or closed while silent
beyond ``max_unauthenticated_staff``). The console gives up after 5 s.
Before the login hardening, a plain password login waited for every check queued before it
(the relay took two Argon2 checks at a time with an unbounded queue).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from websockets.asyncio.client import connect

from relay import auth
from relay.config import RelayConfig
from relay.hours import OpeningHours
from relay.protocol import PROTOCOL_VERSION, STAFF_PATH
from relay.server import Relay
from relay.storage import StaffAccount
from relay.storage.sqlite import SQLiteStorage

PASSWORD = "bench password 1"


async def _login(port: int, frame: dict[str, object], timeout: float = 120) -> dict[str, object]:
    """Send one login frame; return the first answer (or what ended the connection)."""
    try:
        async with connect(f"ws://127.0.0.1:{port}{STAFF_PATH}", open_timeout=30) as ws:
            await ws.send(json.dumps({"type": "login", "v": PROTOCOL_VERSION, **frame}))
            answer: dict[str, object] = json.loads(await asyncio.wait_for(ws.recv(), timeout))
            return answer
    except Exception as exc:  # the flood's own connections may be closed: count how
        return {"type": "closed", "code": type(exc).__name__}


async def _round(relay: Relay, flood: int) -> tuple[float, float, Counter[str]]:
    port = relay.port
    device = (await _login(port, {"user": "anna", "password": PASSWORD}))["device"]
    session = (await _login(port, {"user": "bo", "password": PASSWORD}))["token"]
    guesses = [asyncio.create_task(_login(port, {"user": f"flood{i}", "password": "guess!"}))
               for i in range(flood)]
    await asyncio.sleep(0.5)
    started = time.perf_counter()
    assert (await _login(port, {"session": session}))["type"] == "session"
    session_s = time.perf_counter() - started
    started = time.perf_counter()
    answer = await _login(port, {"user": "anna", "password": PASSWORD, "device": device})
    assert answer["type"] == "session", answer
    device_s = time.perf_counter() - started
    answers = Counter(str(a.get("code", a["type"])) for a in await asyncio.gather(*guesses))
    return session_s, device_s, answers


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flood", type=int, default=300, help="password guesses at once")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        config = RelayConfig(host="127.0.0.1", port=0, database=Path(folder) / "bench.db",
                             hours=OpeningHours(always_open=True))
        storage = SQLiteStorage(config.database)
        await storage.open()
        hashed = auth.hash_password(PASSWORD)
        for name in ("anna", "bo"):
            await storage.add_staff(StaffAccount(0, name, name.title(), hashed))
        await storage.close()
        async with Relay(config) as relay:
            for index in range(args.rounds):
                session_s, device_s, answers = await _round(relay, args.flood)
                print(f"round {index + 1}: {args.flood} guesses at once; session reconnect "
                      f"{session_s:.2f} s, password login with device token {device_s:.2f} s; "
                      f"guesses answered {dict(sorted(answers.items()))}", flush=True)
                await asyncio.sleep(2)  # let the previous round's connections close


if __name__ == "__main__":
    asyncio.run(main())
