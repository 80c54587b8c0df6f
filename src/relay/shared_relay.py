"""A relay that serves several organisations: one listener, one database, one ``Relay`` each.

Isolation by construction: every organisation gets a ``Relay`` of its own (its own waiting
queue, live chats, staff presence, staff room, questions inbox, statistics) over storage
scoped to its organisation (``scoped``, on SQLite or PostgreSQL), so staff of one
organisation have no path to another's conversations: a frame naming another organisation's
conversation finds nothing and is answered ``forbidden``. What is shared is what must be: the
port, the database with its group commit, the relay-wide id counters (an id never names
two chats), and the professionals' network of the organisations that opt in
(relay/network.py).

This module only routes connections:

- a visitor's socket names its organisation in the URL (``/ws/visitor?org=ID``, the widget's
  ``data-org``), checked against that organisation's origins at the handshake
  (``Organisations.for_widget``); a refused page gets an ``error`` frame whose code the widget
  words in the visitor's language, never a chat;
- a staff connection's login names an account (a login name, or a session token), and the
  account belongs to one organisation: the login is handed to that organisation's ``Relay``.

A relay without ``[[organisation]]`` tables runs a plain ``Relay`` (``relay.server.run``).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import http
import logging
import re
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from relay import auth, protocol
from relay.config import RelayConfig
from relay.cover_relay import CoverDesk, CoverOutbox
from relay.http import refuse_widget
from relay.network import Network
from relay.organisations import Organisation, RelayIds, WidgetRefusal
from relay.protocol import STAFF_PATH, VISITOR_PATH
from relay.server import Relay, Triage, join_cluster
from relay.storage import open_storage

if TYPE_CHECKING:
    from relay.cluster import Cluster

log = logging.getLogger("lotsen.relay")

# The demo page of one organisation (``lotsen demo --orgs N``); / leads to the first one's.
DEMO_PAGE = re.compile(r"/org/([a-z0-9][a-z0-9_-]{0,39})/?")

# What a refused widget is told (the widget words it in the visitor's language from the code).
REFUSALS = {
    "origin": "This page may not open this organisation's chat.",
    "unknown_org": "This relay serves no organisation with that id (check data-org).",
    "which_org": "Several organisations use this page: name one with data-org.",
}


class SharedRelay:
    """One relay process serving several organisations; the same lifecycle as ``Relay``."""

    def __init__(self, config: RelayConfig, *,
                 triage_for: Callable[[RelayConfig], Triage | None] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.organisations = config.served()
        first = next(iter(self.organisations))
        self.storage = open_storage(config.database, org=first.id, relay=True)
        ids = RelayIds()
        self.relays: dict[str, Relay] = {}
        covered = {a.covered for a in self.organisations.cover}
        for org in self.organisations:
            seen = config.for_organisation(org)
            self.relays[org.id] = Relay(
                seen, storage=self.storage.scoped(org.id), clock=clock, ids=ids,
                triage=triage_for(seen) if triage_for is not None else None,
                # A covered organisation's outbox also writes to covering staff (guests).
                **({"delivery": partial(CoverOutbox, org=org)} if org.id in covered else {}))
        # Cover agreements (relay/cover_relay.py): covering staff's frames go through the desk.
        self.cover: CoverDesk | None = None
        if self.organisations.cover:
            self.cover = CoverDesk(self.organisations, self.relays, clock=clock)
            for covering in {a.covering for a in self.organisations.cover}:
                self.relays[covering].sessions.staff_router = self.cover.router(covering)
        # The professionals' network across the organisations that opt in (relay/network.py).
        self.network = Network(config.network, self.organisations, self.storage, clock=clock)
        for org_id, relay in self.relays.items():
            self.network.attach(org_id, relay)
        # Logins and unknown names are handled by the first organisation's relay until the
        # account is known; it keeps the limits on silent and failed logins.
        self.gate = self.relays[first.id]
        # /metrics (answered by the gate) reads every organisation's hub.
        self.gate.http.metric_hubs = {org_id: relay.hub for org_id, relay in self.relays.items()}
        self._server: Server | None = None
        self.cluster: Cluster | None = None  # other relays on the same PostgreSQL database
        self._stopping = False

    async def __aenter__(self) -> SharedRelay:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "relay not started"
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        await self.storage.open()
        started: list[Relay] = []
        try:
            for relay in self.relays.values():
                await relay.start(listen=False)
                started.append(relay)
            self.cluster = await join_cluster(
                self.storage, {org: relay.hub for org, relay in self.relays.items()})
            await self.network.start()
            if self.cover is not None:
                await self.cover.check()
                self.cover.start()
            cfg = self.config
            self._server = await serve(
                self._connection, cfg.host, cfg.port, process_request=self._http,
                compression=None, max_size=protocol.MAX_FRAME_BYTES, max_queue=16,
                ping_interval=cfg.ping_interval_s, ping_timeout=cfg.ping_timeout_s,
                close_timeout=5, ssl=self.gate._tls_context(),
                open_timeout=cfg.handshake_timeout, server_header="Lotsen",
                logger=logging.getLogger("lotsen.ws"), backlog=4096)
        except BaseException:
            await self.network.stop()
            for relay in started:
                await relay.stop()
            if self.cluster is not None:
                await self.cluster.stop()
            await self.storage.close()
            raise
        log.info("relay listening", extra={"event": "listening", "port": self.port,
                                           "organisations": len(self.relays)})

    async def serve_forever(self) -> None:
        assert self._server is not None
        with contextlib.suppress(asyncio.CancelledError):
            await self._server.serve_forever()

    async def stop(self, reason: str = "The chat service is restarting. Reconnecting...") -> None:
        """Stop accepting, let every organisation flush and stop, then close every client."""
        if self._stopping:
            return
        self._stopping = True
        if self._server is not None:
            self._server.server.close()
        if self.cover is not None:
            await self.cover.stop()
        await self.network.stop()
        for relay in self.relays.values():
            await relay.stop(reason)
        if self._server is not None:
            self._server.close(code=1012, reason=reason[:120])
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._server.wait_closed(), timeout=10)
        if self.cluster is not None:
            await self.cluster.stop()
        await self.storage.close()
        log.info("relay stopped", extra={"event": "stopped"})

    # -- routing ---------------------------------------------------------------------------------

    async def _http(self, connection: ServerConnection, request: Request) -> Response | None:
        path = request.path.split("?", 1)[0]
        if path == VISITOR_PATH:
            return None  # a page that may not open the chat is told so after the handshake
        if path in ("/", "/index.html"):  # the demo: the first organisation's page
            first = next(iter(self.organisations)).id
            return _response(302, b"", None, [("Location", f"/org/{first}/")])
        match = DEMO_PAGE.fullmatch(path)
        if match:
            return self._demo_page(match.group(1))
        return await self.gate.http(connection, request)

    def _demo_page(self, org_id: str) -> Response:
        """The demo page as organisation ``org_id``'s own: its name, and data-org on the tag."""
        org = self.organisations.get(org_id)
        if org is None:
            return _response(404, b"Not found\n", "text/plain")
        from widget import asset

        page = asset("demo.html").read_text(encoding="utf-8")
        page = page.replace("Exempelkommun", html.escape(org.name)).replace(
            '<script src="/widget.js" async>',
            f'<script src="/widget.js" data-org="{html.escape(org.id)}" async>')
        return _response(200, page.encode(), "text/html; charset=utf-8", [
            ("Cache-Control", "no-cache"), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; "
                                        "style-src 'self' 'unsafe-inline'; "
                                        "frame-ancestors 'none'")])

    def _visitor_organisation(self, request: Request) -> Organisation | WidgetRefusal:
        """The organisation a visitor's socket opens (``?org=``, checked against Origin)."""
        wanted = parse_qs(urlsplit(request.path).query).get("org", [None])[0]
        return self.organisations.for_widget(wanted, request.headers.get("Origin"),
                                             request.headers.get("Host", ""))

    async def _connection(self, ws: ServerConnection) -> None:
        path = ws.request.path.split("?", 1)[0] if ws.request else ""
        if path == VISITOR_PATH and ws.request is not None:
            org = self._visitor_organisation(ws.request)
            if isinstance(org, Organisation):
                await self.relays[org.id].sessions(ws)
                return
            await refuse_widget(ws, org.reason, REFUSALS[org.reason],
                                timeout=self.config.handshake_timeout)
            return
        if path != STAFF_PATH:
            await self.gate.sessions(ws)  # refuses unknown endpoints
            return
        try:
            login = await self.gate.sessions.read_login(ws)
        except ConnectionClosed:
            return
        if login is None:
            return
        relay = self.relays.get(await self._organisation_of(login) or "", self.gate)
        await relay.sessions.staff_with_login(ws, login)

    async def _organisation_of(self, login: protocol.Login) -> str | None:
        """The organisation of the account a login names (None: no such account)."""
        if login.session:
            return await self.storage.organisation_of_login(
                session_hash=auth.token_hash(login.session))
        if login.user:
            return await self.storage.organisation_of_login(username=login.user)
        return None


def _response(status: int, body: bytes, content_type: str | None,
              extra: list[tuple[str, str]] | None = None) -> Response:
    headers = Headers([("Content-Length", str(len(body)))])
    if content_type:
        headers["Content-Type"] = content_type
    for name, value in extra or ():
        headers[name] = value
    return Response(status, http.HTTPStatus(status).phrase, headers, body)


async def run_shared(config: RelayConfig, *, triage_for: Callable[[RelayConfig], Triage | None]
                     | None = None, ready: Callable[[SharedRelay], None] | None = None) -> None:
    """Run a relay serving several organisations until SIGTERM/SIGINT, then stop gracefully."""
    import signal

    from relay.server import _tune_gc, _tune_switch_interval

    relay = SharedRelay(config, triage_for=triage_for)
    async with relay:
        _tune_gc()  # the process tuning of relay.server.run
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
        await relay.stop()
        serving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await serving
