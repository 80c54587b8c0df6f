"""The relay process: one ``Relay`` puts the parts together and runs them.

- relay/hub.py: the chat rules, without I/O (live chats, the queue, who may do what);
- relay/sessions.py: visitor and staff connection loops (first frame, version, rate limits);
- relay/staff_login.py: passwords, TOTP and their throttles;
- relay/delivery.py: the hub's ``Outbox`` over this process's websockets;
- relay/http.py: ``/healthz``, ``/metrics``, the widget's files;
- relay/counters.py: the event counters ``/metrics`` reads.

This module keeps the lifecycle (open storage, load live chats, listen; stop in order),
the periodic tasks and the process tuning (garbage collector, GIL switch interval).

Lifecycle, as uvicorn does it::

    async with Relay(config) as relay:   # opens storage, loads live chats, listens
        await relay.serve_forever()      # until stop() or a signal
    # leaving the block: stop accepting, flush storage, close clients with a reason
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import ssl
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from websockets.asyncio.server import Server, ServerConnection, serve

from relay import protocol
from relay.config import RelayConfig
from relay.counters import Counters
from relay.delivery import MAX_PENDING_BYTES, WebSocketOutbox
from relay.http import HttpEndpoints, refuse_widget
from relay.hub import Hub, Live, StaffConn, Triage, VisitorConn
from relay.organisations import RelayIds
from relay.queue import WaitingQueue
from relay.sessions import Sessions
from relay.staff_login import UNAUTHENTICATED, StaffLogin
from relay.storage import PurgeResult, Storage, StorageError, open_storage

if TYPE_CHECKING:
    from relay.cluster import Cluster
    from relay.question_desk import QuestionDesk

__all__ = ["MAX_PENDING_BYTES", "UNAUTHENTICATED", "Relay", "Triage", "run"]

log = logging.getLogger("lotsen.relay")

# What a widget on a page outside allowed_origins is told (it words it from the code "origin").
ORIGIN_REFUSAL = "This site may not embed the chat."

# How often the periodic pass runs (Hub.tick), and the retention purge.
TICK_S = 5.0
PURGE_EVERY_S = 3600.0


class Relay:
    """One relay process: storage, the hub, the websocket server and its periodic tasks."""

    def __init__(
        self,
        config: RelayConfig,
        *,
        storage: Storage | None = None,
        triage: Triage | None = None,
        clock: Callable[[], float] = time.time,
        ids: RelayIds | None = None,
        delivery: Callable[[Counters], WebSocketOutbox] = WebSocketOutbox,
    ) -> None:
        self.config = config
        self.storage: Storage = storage or open_storage(config.database, org=config.org,
                                                        relay=True)
        self.counters = Counters()
        # A SharedRelay with cover agreements gives its own (relay/cover_relay.py).
        self.delivery = delivery(self.counters)
        self.hub = Hub(config, self.storage, self.delivery, triage=triage, clock=clock,
                       counters=self.counters, ids=ids)
        self.staff_login = StaffLogin(
            config, self.storage, self.counters, clock=clock,
            tell_supervisors=partial(self.hub.send_all_staff, supervisors_only=True))
        self.sessions = Sessions(config, self.hub, self.delivery, self.staff_login)
        self.http = HttpEndpoints(self.hub)
        self._server: Server | None = None
        self.cluster: Cluster | None = None
        """The other relays on the same PostgreSQL database (None on SQLite)."""
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = False
        self._last_full_gc = time.monotonic()

    # -- the hub's state, for tests and operations -----------------------------------------------

    @property
    def queue(self) -> WaitingQueue:
        return self.hub.queue

    @property
    def live(self) -> dict[int, Live]:
        return self.hub.live

    @property
    def staff(self) -> dict[str, set[StaffConn]]:
        return self.hub.staff

    @property
    def visitors(self) -> set[VisitorConn]:
        return self.hub.visitors

    @property
    def questions(self) -> QuestionDesk:
        return self.hub.questions

    @property
    def triage(self) -> Triage | None:
        return self.hub.triage

    @triage.setter
    def triage(self, triage: Triage | None) -> None:
        self.hub.triage = triage

    @property
    def clock(self) -> Callable[[], float]:
        return self.hub.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self.hub.clock = self.staff_login.clock = clock

    async def purge(self) -> PurgeResult:
        return await self.hub.purge()

    async def end_sessions(self, username: str, reason: str = "Your account was disabled."
                           ) -> None:
        """Close every connection of a staff member at once (after disabling the account)."""
        await self.hub.end_sessions(username, reason)

    # -- lifecycle ----------------------------------------------------------------------------

    async def __aenter__(self) -> Relay:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "relay not started"
        sockets = self._server.sockets
        return int(sockets[0].getsockname()[1])

    async def start(self, *, listen: bool = True) -> None:
        """Open storage, load live state and listen. ``listen=False``: one organisation's part
        of a SharedRelay, which owns the storage and the listener and routes connections."""
        if not listen:
            await self.hub.load()
            self._start_tasks()
            return
        await self.storage.open()
        try:
            await self.hub.load()
            self.cluster = await join_cluster(self.storage, {self.config.org: self.hub})
            self._server = await serve(
                self._connection,
                self.config.host,
                self.config.port,
                process_request=self.http,
                compression=None,
                max_size=protocol.MAX_FRAME_BYTES,
                max_queue=16,
                ping_interval=self.config.ping_interval_s,
                ping_timeout=self.config.ping_timeout_s,
                close_timeout=5,
                ssl=self._tls_context(),
                open_timeout=self.config.handshake_timeout,
                server_header="Lotsen",
                logger=logging.getLogger("lotsen.ws"),
                backlog=4096,
            )
        except BaseException:
            if self.cluster is not None:
                await self.cluster.stop()
            await self.storage.close()
            raise
        self._start_tasks()
        log.info("relay listening", extra={"event": "listening", "port": self.port})

    async def _connection(self, ws: ServerConnection) -> None:
        """A new websocket: a widget on a page that may not embed the chat is told so (the
        handshake went ahead for that, relay/http.py); everything else goes to the sessions."""
        request = ws.request
        if (request is not None and request.path.split("?", 1)[0] == protocol.VISITOR_PATH
                and not self.http.origin_allowed(request.headers)):
            await refuse_widget(ws, "origin", ORIGIN_REFUSAL,
                                timeout=self.config.handshake_timeout)
            return
        await self.sessions(ws)

    def _start_tasks(self) -> None:
        self._tasks.append(asyncio.create_task(self._tick(), name="lotsen-tick"))
        self._tasks.append(asyncio.create_task(self._guard(), name="lotsen-guard"))

    async def serve_forever(self) -> None:
        assert self._server is not None
        with contextlib.suppress(asyncio.CancelledError):
            await self._server.serve_forever()

    async def stop(self, reason: str = "The chat service is restarting. Reconnecting...") -> None:
        """Graceful shutdown: stop accepting, flush storage, close every client with a reason."""
        if self._stopping:
            return
        self._stopping = self.hub.stopping = True
        if self._server is not None:
            self._server.server.close()  # stop accepting new connections first
        with contextlib.suppress(StorageError):
            await self.hub.write_closed_visits()
            await self.storage.flush()
        if self._server is not None:
            self._server.close(code=1012, reason=reason[:120])
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._server.wait_closed(), timeout=10)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.hub.stop_timers()
        if self.cluster is not None:
            await self.cluster.stop()
        await self.storage.close()
        if self._server is not None:  # one organisation's part: the SharedRelay says it once
            log.info("relay stopped", extra={"event": "stopped"})

    # -- periodic tasks ---------------------------------------------------------------------------

    async def _tick(self) -> None:
        """Every few seconds: the hub's periodic pass, the login audit summary, and the
        hourly retention purge."""
        last_purge = 0.0
        while True:
            await asyncio.sleep(TICK_S)
            try:
                await self.hub.tick()
                await self.staff_login.audit_dropped_summary()
                if self.hub.clock() - last_purge > PURGE_EVERY_S:
                    last_purge = self.hub.clock()
                    await self.hub.purge()
                    await self.hub.questions.purge()
            except StorageError as exc:
                log.warning("periodic task failed", extra={"event": "tick_failed",
                                                           "error": str(exc)})

    async def _guard(self) -> None:
        """Every few seconds: close idle visitor sockets, and staff connections whose session
        ended elsewhere (account disabled or password changed by `lotsen staff`, logout,
        expiry). The CLI runs in another process, so the database is the source of truth."""
        interval = min(self.config.session_check_s, self.config.idle_timeout_s / 4)
        while True:
            await asyncio.sleep(interval)
            self.hub.close_idle_visitors()
            self._collect_closed_connections()
            try:
                await self.hub.check_staff_sessions()
            except StorageError as exc:
                log.warning("session check failed", extra={"event": "session_check_failed",
                                                           "error": str(exc)})

    def _collect_closed_connections(self) -> None:
        """Free closed connections' memory after many have closed (at most once a minute).

        A closed websocket connection is a web of reference cycles that lives long enough to
        reach the oldest generation, which Python collects only once it has grown by a quarter
        (and _tune_gc makes collections rarer still). Under churn (phones dropping and
        resuming) RSS then grew ~10 % a minute in bench/soak.py before a collection came. One
        full collection after every GC_AFTER_CLOSED closed connections keeps it flat. It stops
        the loop for as long as it takes to walk the heap: 0.24-0.39 s with 2,000 connections
        in bench/soak.py, once a minute at most and only under heavy churn (Python's own
        thresholds ran such a collection every ~20 s under load, see _tune_gc).
        """
        if (self.sessions.closed_connections < GC_AFTER_CLOSED
                or time.monotonic() - self._last_full_gc < GC_MIN_INTERVAL_S):
            return
        started = time.perf_counter()
        freed = gc.collect()
        self.sessions.closed_connections, self._last_full_gc = 0, time.monotonic()
        log.debug("garbage collected", extra={
            "event": "gc", "count": freed, "seconds": round(time.perf_counter() - started, 4)})

    def _tls_context(self) -> ssl.SSLContext | None:
        """TLS straight from the relay when certfile and keyfile are configured."""
        if self.config.certfile is None or self.config.keyfile is None:
            return None
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.config.certfile, self.config.keyfile)
        return context


async def join_cluster(storage: Storage, hubs: dict[str, Hub]) -> Cluster | None:
    """Join the other relays on a PostgreSQL database (relay/cluster.py), after the hubs
    (one per organisation) loaded their live state; None for a relay on SQLite (or storage
    not opened for a relay), which delivers in-process only."""
    if getattr(storage, "relay_id", None) is None:
        return None
    from relay.cluster import Cluster
    from relay.storage.postgres import PostgresStorage

    assert isinstance(storage, PostgresStorage)
    cluster = Cluster(storage, hubs)
    await cluster.start()
    return cluster


# A full collection once this many connections have closed, at most once a minute (_guard).
GC_AFTER_CLOSED = 1000
GC_MIN_INTERVAL_S = 60.0
# Collect after this many new container objects instead of Python's 700 (see _tune_gc).
GC_THRESHOLDS = (10_000, 10, 10)


def _tune_gc() -> None:
    """Keep the garbage collector out of the way of a long-running relay process.

    With a few thousand connections the heap holds a few hundred thousand objects, and a
    full collection of it stopped the event loop for 0.1-0.3 s on the benchmark VM, often
    enough to land in any minute of traffic (bench/relay_bench.py). Objects that exist once
    the relay listens (modules, config) are frozen out of all collections, and collections
    run after 10,000 new objects rather than 700, so the older generations, and with them
    the long pauses, come round far less often. Reference cycles are still collected.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


# How long a thread may hold the GIL while another waits for it (Python's default: 5 ms).
SWITCH_INTERVAL_S = 0.0005


def _tune_switch_interval() -> None:
    """Let the storage journal's thread have the GIL back soon after each SQLite call.

    SQLite releases the GIL while it works and fsyncs, and the thread needs it back to
    continue; while the event loop is busy that took up to the 5 ms switch interval per
    call, several times per group commit, and every acknowledgement waits for its commit.
    Relay benchmark at 2,000 msg/s: the COMMIT step took 4.5-6.3 ms with the default and
    2.3-3.9 ms with 0.5 ms (4 runs each; fsync alone is ~0.4 ms on that disk).
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)


async def run(config: RelayConfig, *, triage: Triage | None = None,
              ready: Callable[[Relay], None] | None = None) -> None:
    """Run a relay until cancelled or until SIGTERM/SIGINT, then shut down gracefully."""
    import signal

    relay = Relay(config, triage=triage)
    async with relay:
        _tune_gc()
        _tune_switch_interval()
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        if ready is not None:
            ready(relay)
        serving = asyncio.create_task(relay.serve_forever())
        await stop.wait()
        log.info("shutting down", extra={"event": "shutdown"})
        # Our ordered shutdown first; cancelling serve_forever first would close clients
        # with a bare 1001 and no reason before storage is flushed.
        await relay.stop()
        serving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await serving
