"""Test support shared by every test package: a real relay on a loopback port, and clients.

Nothing here fakes a part of Lotsen. ``RelayThread`` runs the real ``Relay`` (real websockets,
a real SQLite file or PostgreSQL schema) on port 0 in a background thread for synchronous tests
(Playwright, Pilot in another loop); async tests can use ``Relay`` directly. ``Client`` is a
plain websockets client that speaks the protocol the way the widget and console do.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.client import ClientConnection, connect

from relay import auth
from relay.config import RelayConfig
from relay.hours import OpeningHours
from relay.organisations import DEFAULT_ORG
from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH
from relay.server import Relay, Triage
from relay.storage import Database, PostgresURL, StaffAccount, open_storage

PASSWORD = "correct horse battery"


def make_config(tmp_path: Path, **overrides: Any) -> RelayConfig:
    """A relay config on a free loopback port with a fresh database, always open by default."""
    base = RelayConfig(host="127.0.0.1", port=0, database=tmp_path / "lotsen.db",
                       hours=OpeningHours(always_open=True))
    return replace(base, **overrides)


_HASHES: dict[str, str] = {}


def password_hash(password: str) -> str:
    """An Argon2id hash of ``password``, computed once per test session per password (hashing
    is deliberately slow; every account sharing one encoded hash changes nothing it proves)."""
    if password not in _HASHES:
        _HASHES[password] = auth.hash_password(password)
    return _HASHES[password]


async def add_staff_async(database: Database, username: str, *, password: str = PASSWORD,
                          supervisor: bool = False, name: str | None = None,
                          org: str = DEFAULT_ORG) -> None:
    storage = open_storage(database, org=org)
    await storage.open()
    try:
        await storage.add_staff(StaffAccount(0, username, name or username.title(),
                                             password_hash(password),
                                             supervisor=supervisor, created_at=time.time()))
    finally:
        await storage.close()


def add_staff(database: Database, username: str, **kwargs: Any) -> None:
    """Create a staff account in the database file (works while a relay uses it)."""
    asyncio.run(add_staff_async(database, username, **kwargs))


class RelayThread:
    """A real relay serving from a background thread, for tests that own their own loop."""

    def __init__(self, config: RelayConfig, *, triage: Triage | None = None,
                 shared: bool = False, clock: Callable[[], float] | None = None) -> None:
        """``shared``: a relay of several organisations (relay.shared_relay.SharedRelay);
        ``clock`` replaces its wall clock."""
        self.config = config
        self.clock = clock
        self.triage = triage
        self.shared = shared
        self.relay: Any = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None

    @property
    def port(self) -> int:
        assert self.relay is not None
        return int(self.relay.port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RelayThread:
        self._thread = threading.Thread(target=self._main, daemon=True, name="relay")
        self._thread.start()
        if not self._ready.wait(15):
            raise RuntimeError("relay did not start")
        if self._error is not None:
            raise self._error
        return self

    def _main(self) -> None:
        async def run() -> None:
            self.loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            try:
                if self.shared:
                    from relay.shared_relay import SharedRelay

                    self.relay = SharedRelay(self.config, clock=self.clock or time.time)
                else:
                    self.relay = Relay(self.config, triage=self.triage)
                await self.relay.start()
            except BaseException as exc:  # surfaced to the test in start()
                self._error = exc
                self._ready.set()
                return
            self._ready.set()
            await self._stop.wait()
            await self.relay.stop()

        asyncio.run(run())

    def call(self, coro_fn: Any, timeout: float = 10) -> Any:
        """Run ``coro_fn(relay)`` in the relay's loop and return its result."""
        assert self.loop is not None
        future = asyncio.run_coroutine_threadsafe(coro_fn(self.relay), self.loop)
        return future.result(timeout)

    def stop(self) -> None:
        """Stop the relay and wait for its thread (again: nothing to do)."""
        if self.loop is not None and self._stop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(20)

    def __enter__(self) -> RelayThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


_cids = itertools.count(1)


def new_cid() -> str:
    return f"c{next(_cids)}"


class Client:
    """A protocol client: send frames as dicts, wait for frames by type and fields."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.seen: list[dict[str, Any]] = []
        self._unread: list[dict[str, Any]] = []

    @classmethod
    async def visitor(cls, port: int, *, resume: str | None = None, last_seq: int = 0,
                      origin: str | None = None, org: str | None = None,
                      **hello: Any) -> Client:
        """A visitor's socket; ``org``: the widget's data-org (a relay of organisations)."""
        headers = {"Origin": origin} if origin else None
        query = f"?org={org}" if org else ""
        ws = await connect(f"ws://127.0.0.1:{port}{VISITOR_PATH}{query}",
                           additional_headers=headers, open_timeout=5)
        client = cls(ws)
        await client.send({"type": "hello", "v": PROTOCOL_VERSION, "resume": resume,
                           "last_seq": last_seq, **hello})
        return client

    @classmethod
    async def staff(cls, port: int, user: str | None = None, password: str = PASSWORD, *,
                    session: str | None = None, expect_session: bool = True) -> Client:
        ws = await connect(f"ws://127.0.0.1:{port}{STAFF_PATH}", open_timeout=5)
        client = cls(ws)
        frame: dict[str, Any] = {"type": "login", "v": PROTOCOL_VERSION}
        if session:
            frame["session"] = session
        else:
            frame.update(user=user, password=password)
        await client.send(frame)
        if expect_session:
            client.session = await client.expect("session")
        return client

    session: dict[str, Any]

    async def send(self, frame: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(frame))

    async def say(self, text: str, **extra: Any) -> dict[str, Any]:
        """Send a visitor line and return its ack."""
        cid = new_cid()
        await self.send({"type": "message", "text": text, "cid": cid, **extra})
        return await self.expect("ack", cid=cid)

    async def _next(self, timeout: float) -> dict[str, Any]:
        raw = await asyncio.wait_for(self.ws.recv(), timeout)
        frame = json.loads(raw)
        self.seen.append(frame)
        return frame  # type: ignore[no-any-return]

    async def expect(self, type_: str, timeout: float = 5, **fields: Any) -> dict[str, Any]:
        """The first frame (unread first) of this type whose fields match; others are kept."""

        def matches(frame: dict[str, Any]) -> bool:
            return frame.get("type") == type_ and all(frame.get(k) == v for k, v in fields.items())

        for index, frame in enumerate(self._unread):
            if matches(frame):
                return self._unread.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {type_} frame matching {fields}; got "
                                     f"{[f.get('type') for f in self._unread][-20:]}")
            try:
                frame = await self._next(remaining)
            except TimeoutError:
                continue
            if matches(frame):
                return frame
            self._unread.append(frame)

    async def drain(self, seconds: float = 0.2) -> list[dict[str, Any]]:
        """Collect frames arriving within ``seconds`` (to assert that something did NOT come)."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                self._unread.append(await self._next(remaining))
            except (TimeoutError, Exception):
                break
        out, self._unread = self._unread, []
        return out

    async def close(self) -> None:
        await self.ws.close()


def db_arg(database: Database) -> str:
    """The ``--db`` value for a database (a URL with its password, unlike ``str()``)."""
    return database.url if isinstance(database, PostgresURL) else str(database)


def sql_connection(database: Database) -> Any:
    """A plain DB-API connection to a test's database, for tests that check what is stored
    (sqlite3 for a file, psycopg for a PostgreSQL schema; both take ``execute(sql)``)."""
    if isinstance(database, PostgresURL):
        import psycopg

        return psycopg.connect(database.url, autocommit=True)
    return sqlite3.connect(database)


def _pg_dump(database: PostgresURL) -> str:
    """The test schema's data as SQL INSERT statements (values quoted as in SQLite's dump)."""
    schema = parse_qs(urlsplit(database.url).query)["options"][0].split("=", 1)[1]
    plain = database.url.split("?", 1)[0]
    return subprocess.run(["pg_dump", "--data-only", "--inserts", f"--schema={schema}", plain],
                          capture_output=True, check=True, text=True).stdout


def database_dump(database: Database) -> bytes:
    """Everything the database holds, to search for what must never be stored: a SQLite
    file's raw bytes (with its -wal, so freed pages count too), or ``pg_dump`` of the test's
    schema."""
    if isinstance(database, PostgresURL):
        return _pg_dump(database).encode()
    return b"".join(p.read_bytes() for p in sorted(database.parent.glob(database.name + "*")))


def database_text(database: Database) -> str:
    """The database's contents as SQL text (SQLite's iterdump, or pg_dump --inserts)."""
    if isinstance(database, PostgresURL):
        return _pg_dump(database)
    with contextlib.closing(sqlite3.connect(database)) as db:
        return "\n".join(db.iterdump())


def sqlite_file(database: Database) -> Path:
    """The SQLite file of a test that drives SQLite itself (its locks, triggers, pages)."""
    assert isinstance(database, Path), "this test runs on SQLite only"
    return database
