"""The relay's plain HTTP, answered before any websocket handshake: ``/healthz``,
``/metrics``, the widget's files and the demo page, and the origin checks of the two
websocket endpoints.

Widget assets are read once and kept with their gzip form and an ETag, so a page load costs
a dictionary lookup; ``If-None-Match`` gets a 304. ``/metrics`` answers only on loopback.
"""

from __future__ import annotations

import gzip
import hashlib
import http
import ipaddress
import json
from collections.abc import Mapping

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from relay import protocol
from relay.hub import Hub
from relay.protocol import STAFF_PATH, VISITOR_PATH


class HttpEndpoints:
    """``process_request`` for the relay's websocket server: an answer, or None to go on
    with the websocket handshake."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.config = hub.config
        self.storage = hub.storage
        self.counters = hub.counters
        self._widget_cache: dict[str, tuple[bytes, bytes, str]] = {}
        # The hubs /metrics reads, by organisation: this hub alone, unless a relay serving
        # several organisations hands over all of them (relay/shared_relay.py).
        self.metric_hubs: Mapping[str, Hub] = {hub.config.org: hub}

    async def __call__(self, connection: ServerConnection, request: Request
                       ) -> Response | None:
        path = request.path.split("?", 1)[0]
        if path in (VISITOR_PATH, STAFF_PATH):
            if path == VISITOR_PATH and not self._origin_allowed(request.headers):
                self.counters.count("error_origin")
                return _response(403, b"This site may not embed the chat.\n", "text/plain")
            if path == STAFF_PATH:
                return self._staff_handshake(request.headers)
            return None
        if path == "/healthz":
            healthy = await self.storage.healthy()
            body = json.dumps({"status": "ok" if healthy else "degraded",
                               "storage": "ok" if healthy else "failing",
                               "version": protocol.PROTOCOL_VERSION}).encode()
            return _response(200 if healthy else 503, body, "application/json")
        if path == "/metrics":  # read at scrape time (relay/metrics.py)
            if not _from_loopback(connection):
                # Only for a scraper on this machine (or a proxy that adds its own access
                # rules); the peer address is checked here and never kept.
                return _response(404, b"Not found\n", "text/plain")
            from relay.metrics import exposition

            healthy = await self.storage.healthy()
            metrics, content_type = exposition(self.metric_hubs, storage_up=healthy)
            return _response(200, metrics, content_type)
        if path in ("/widget.js", "/widget-panel.js", "/widget-questions.js", "/", "/index.html"):
            # widget.js is the small loader; it fetches widget-panel.js when the chat is opened.
            name = path[1:] if path.endswith(".js") else "demo.html"
            return self._static(name, request)
        if path in ("/widget-selftest.js", "/widget-selftest.json"):
            # The self-tests, fetched by the panel on "Test yourself", and the services their
            # results name (relay/selftest.py).
            return self._static(path[1:], request)
        if path.startswith("/widget-selftest/done/"):
            return self._selftest_done(path.rsplit("/", 1)[1])
        return _response(404, b"Not found\n", "text/plain")

    def _selftest_done(self, instrument: str) -> Response:
        """A visitor completed a self-test: counted per instrument (in memory, shown by
        /metrics) when ``selftest_counts`` is on. Nothing else is known or kept about it."""
        from relay.selftest import instrument_ids

        if not self.config.selftest_counts or instrument not in instrument_ids():
            return _response(404, b"Not found\n", "text/plain")
        self.counters.count(f"selftest_completed_{instrument}")
        return _response(204, None, None, [("Cache-Control", "no-store"),
                                           ("Access-Control-Allow-Origin", "*")])

    def _origin_allowed(self, headers: Headers) -> bool:
        """Browsers send Origin: allow the relay's own pages and the configured embedding sites."""
        origin = headers.get("Origin")
        if origin is None:
            return True  # not a browser; browsers always send Origin on websocket handshakes
        if origin in self.config.allowed_origins:
            return True
        host = headers.get("Host", "")
        return origin in (f"http://{host}", f"https://{host}")

    def _static(self, name: str, request: Request) -> Response:
        cached = self._widget_cache.get(name)
        if cached is None:
            from relay.selftest import services_json
            from widget import asset

            try:
                body = (services_json(self.config.referral_directory, self.config.selftest_counts)
                        if name == "widget-selftest.json" else asset(name).read_bytes())
            except OSError:
                return _response(404, b"Not found\n", "text/plain")
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            cached = (body, gzip.compress(body, 9, mtime=0), etag)
            self._widget_cache[name] = cached
        body, zipped, etag = cached
        kind = "text/javascript; charset=utf-8" if name.endswith(".js") else \
            "application/json" if name.endswith(".json") else "text/html; charset=utf-8"
        headers = [("ETag", etag), ("Cache-Control", "public, max-age=300, must-revalidate"),
                   ("Vary", "Accept-Encoding"), ("X-Content-Type-Options", "nosniff"),
                   ("Referrer-Policy", "no-referrer")]
        if not name.endswith(".html"):
            headers.append(("Cross-Origin-Resource-Policy", "cross-origin"))
            headers.append(("Access-Control-Allow-Origin", "*"))
        else:
            headers.append(("Content-Security-Policy",
                            "default-src 'self'; connect-src 'self' ws: wss:; "
                            "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
        if _accepts_gzip(request.headers.get("Accept-Encoding", "")):
            # Each representation its own validator, so no cache mixes gzip and plain bytes.
            body, etag = zipped, etag[:-1] + '-gz"'
            headers.append(("Content-Encoding", "gzip"))
        headers[0] = ("ETag", etag)
        if _etag_matches(request.headers.get("If-None-Match", ""), etag):
            return _response(304, None, None, headers)
        return _response(200, body, kind, headers)

    def _staff_handshake(self, headers: Headers) -> Response | None:
        """The staff endpoint is for the console only: browsers (any Origin) are refused, so
        no web page can make its visitors' browsers guess passwords."""
        if "Origin" in headers:
            self.counters.count("error_origin")
            return _response(403, b"The staff endpoint is not for browsers.\n", "text/plain")
        return None


def _from_loopback(connection: ServerConnection) -> bool:
    try:
        host = connection.remote_address[0]
        return ipaddress.ip_address(host).is_loopback
    except (TypeError, ValueError, IndexError):
        return False



def _accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header allows gzip (``gzip;q=0`` forbids it)."""
    qualities: dict[str, float] = {}
    for item in accept_encoding.lower().split(","):
        coding, _, params = item.strip().partition(";")
        try:
            qualities[coding.strip()] = float(params.strip().removeprefix("q=") or 1)
        except ValueError:
            qualities[coding.strip()] = 0.0
    return qualities.get("gzip", qualities.get("*", 0.0)) > 0


def _etag_matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match's weak comparison: ``*``, or any listed tag, ``W/`` or not."""
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


def _response(status: int, body: bytes | None, content_type: str | None,
              extra: list[tuple[str, str]] | None = None) -> Response:
    """``body=None``: a response with no body and no Content-Length (a 304)."""
    headers = Headers()
    if content_type:
        headers["Content-Type"] = content_type
    if body is not None:
        headers["Content-Length"] = str(len(body))
    else:
        body = b""
    for name, value in extra or ():
        headers[name] = value
    return Response(status, http.HTTPStatus(status).phrase, headers, body)


# A full collection once this many connections have closed, at most once a minute (_guard).
GC_AFTER_CLOSED = 1000
GC_MIN_INTERVAL_S = 60.0
