"""The console's connection to the relay: log in, keep the connection, never lose a line.

``RelayClient.run()`` is run by the app in a named worker. It connects to the staff endpoint,
logs in (password once, then the session token), and posts every frame to the app as a
``messages.FrameArrived``. When the connection drops it posts ``ConnectionChanged`` and tries
again with exponential backoff; after it is back the relay re-sends the queue and the
conversations, and the state asks for missed lines with ``sync``.

A correct password is not always enough: when the relay asks for the one-time code of an
account's second factor (``totp_required`` or ``totp_invalid``), the client keeps the password
in memory for that retry only; ``second_factor(code)`` sends it again with the code. The code
goes in one login frame and is then dropped; reconnects use the session token and never ask.

After a password login the relay gives the console a device token; it is kept in the user's
state folder (``console-devices.json``, readable by the user only) per server and account, and
sent with later password logins, so strangers guessing the same account's password never lock
this console out (docs/security.md). It opens nothing by itself: the password is still needed.

The address decides the transport: ``ws://`` only to this machine, ``wss://`` to any other host
unless the person explicitly opted out (``lotsen console --insecure``).

Lines (``message``, ``note``, ``whisper``, ``room``) carry a client id (``cid``) and stay in the
outbox until the relay acknowledges them; after a reconnect the outbox is sent again in order.
The relay remembers recent cids, so a line sent twice is stored once and acknowledged again:
nothing is lost, nothing is duplicated.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import random
import ssl
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from textual.message import Message
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from console import messages
from relay import protocol

log = logging.getLogger("lotsen.console")

LINE_FRAMES = (protocol.StaffSend, protocol.Note, protocol.Whisper, protocol.RoomSend,
               protocol.QuestionAnswer)
"""Frames that carry a cid and must reach the relay exactly once."""

MAX_INCOMING_BYTES = 32 * 1024 * 1024
"""The largest frame accepted from the relay: a whole queue or a long transcript."""

# Close codes after which trying again with the same credentials is pointless.
_LOGIN_ENDED = {protocol.CLOSE_AUTH_FAILED, protocol.CLOSE_SESSION_ENDED, protocol.CLOSE_VERSION}

SECOND_FACTOR_ASKED = frozenset({"totp_required", "totp_invalid"})
"""Login refusals that come after a correct password: retry with the one-time code."""


def devices_path() -> Path:
    """Where the console keeps its device tokens (one per server and account)."""
    from platformdirs import user_state_path

    return user_state_path("lotsen") / "console-devices.json"


def _read_devices(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _store_device(path: Path, key: str, token: str) -> None:
    """Keep a device token, readable by this user only (best effort: a read-only home is fine)."""
    devices = _read_devices(path)
    devices[key] = token
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(devices, file)
    except OSError:
        pass


class PlaintextRefused(ValueError):
    """A ``ws://`` or ``http://`` address for a host that is not this machine."""

    def __init__(self, host: str) -> None:
        super().__init__(f"{host} is not this machine: the password and chats would travel "
                         "unencrypted over ws://")
        self.host = host


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine: ``localhost``, 127.0.0.0/8 or ::1."""
    name = host.lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def staff_url(server: str, *, insecure: bool = False) -> str:
    """The staff websocket URL for what a person typed: ``host[:port]``, http(s)://, or ws(s)://.

    Without a scheme this machine is reached over ``ws://`` and any other host over ``wss://``
    (the relay behind its TLS proxy, docs/operations.md). Raises ``PlaintextRefused`` for an
    explicit ``ws://``/``http://`` to another host unless ``insecure``, and ``ValueError`` for
    anything that is not a server address.
    """
    text = server.strip()
    explicit = "://" in text
    parts = urlsplit(text if explicit else "//" + text)
    try:
        host, _ = parts.hostname, parts.port  # .port raises for a port that is not a number
    except ValueError:
        host = None
    if explicit:
        scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    else:
        scheme = "ws" if host and is_loopback(host) else "wss"
    if scheme not in ("ws", "wss") or not host:
        raise ValueError(f"{server!r} is not a server address like chat.example.se or "
                         "127.0.0.1:8765")
    if scheme == "ws" and not insecure and not is_loopback(host):
        raise PlaintextRefused(host)
    return urlunsplit((scheme, parts.netloc, protocol.STAFF_PATH, "", ""))


def page_url(server: str) -> str:
    """The relay's own web address (for the widget demo page) for a staff URL or address."""
    parts = urlsplit(staff_url(server, insecure=True))
    scheme = "https" if parts.scheme == "wss" else "http"
    return urlunsplit((scheme, parts.netloc, "/", "", ""))


class RelayClient:
    """One staff connection to the relay, reconnecting until stopped."""

    def __init__(
        self,
        server: str,
        post: Callable[[Message], object],
        *,
        insecure: bool = False,
        # Reconnect pacing
        backoff_min: float = 0.5,
        backoff_max: float = 15.0,
        # Timeouts
        open_timeout: float = 5.0,
    ) -> None:
        self.url = staff_url(server, insecure=insecure)
        self._post = post
        self.backoff_min = backoff_min
        self.backoff_max = backoff_max
        self.open_timeout = open_timeout
        self.outbox: OrderedDict[str, protocol.Frame] = OrderedDict()
        """Lines not yet acknowledged, by cid, in the order they were written."""
        self.token: str | None = None
        self._user: str | None = None
        self._password: str | None = None
        self._totp: str | None = None
        self._device: str | None = None
        self.awaiting_code = False
        """The password was right and the relay wants the account's one-time code with it."""
        self._ws: ClientConnection | None = None
        self._writes: asyncio.Queue[protocol.Frame] | None = None
        self._stopping = False
        self.connections = 0
        """How many times a session was established (1 = first login)."""

    @property
    def connected(self) -> bool:
        return self._ws is not None

    def login(self, user: str, password: str) -> None:
        """Credentials for the next connection; the password is dropped once it was answered,
        unless the relay asks for a one-time code to go with it."""
        self._user, self._password, self._totp, self.token = user, password, None, None
        self.awaiting_code = False
        self._device = _read_devices(devices_path()).get(f"{self.url} {user}")

    def second_factor(self, code: str) -> None:
        """The one-time code for the next login; it goes in one frame and is not kept."""
        self._totp = code

    def forget(self) -> None:
        """Drop a password kept for a second-factor retry (the person starts over)."""
        self._password, self._totp, self.awaiting_code = None, None, False

    # -- sending -------------------------------------------------------------------------------

    def send(self, frame: protocol.Frame) -> bool:
        """Send a frame now, or keep it until the connection is back if it is a line.

        Returns whether it went (or will go) to the relay; typing and claims made while
        disconnected are dropped, since they would be stale by then.
        """
        cid = getattr(frame, "cid", None)
        if isinstance(frame, LINE_FRAMES) and cid:
            self.outbox[cid] = frame
        elif self._writes is None:
            return False
        if self._writes is not None:
            self._writes.put_nowait(frame)
        return True

    def acknowledged(self, cid: str) -> None:
        """The relay stored (or refused) the line ``cid``: it leaves the outbox."""
        self.outbox.pop(cid, None)

    async def _writer(self, ws: ClientConnection, writes: asyncio.Queue[protocol.Frame]) -> None:
        while True:
            frame = await writes.get()
            cid = getattr(frame, "cid", None)
            if cid and isinstance(frame, LINE_FRAMES) and cid not in self.outbox:
                continue  # acknowledged meanwhile (a resend raced its ack)
            await ws.send(protocol.encode(frame))
            if cid and isinstance(frame, LINE_FRAMES):
                self._post(messages.DeliveryChanged(cid, "sent"))

    # -- the connection loop ------------------------------------------------------------------

    async def run(self) -> None:
        """Connect, log in and relay frames until stopped or the login is refused."""
        backoff = self.backoff_min
        self._stopping = False
        while not self._stopping:
            outcome = await self._connect_once()
            if outcome == "stop" or self._stopping:
                return
            if outcome == "established":
                backoff = self.backoff_min
            delay = backoff * random.uniform(0.8, 1.2)
            self._post(messages.ConnectionChanged(False, outcome, retry_in=delay))
            await asyncio.sleep(delay)
            backoff = min(backoff * 2, self.backoff_max)

    async def _connect_once(self) -> str:
        """One connection's life; returns "established" (it worked, then dropped),
        "stop", or a short reason why it failed."""
        try:
            ws = await connect(self.url, open_timeout=self.open_timeout, compression=None,
                               max_size=MAX_INCOMING_BYTES, ping_interval=20,
                               ping_timeout=20, close_timeout=2, proxy=None)
        except (OSError, TimeoutError, InvalidHandshake) as exc:
            reason = _describe(exc, opening_tls=self.url.startswith("wss:"))
            if self.connections == 0:
                self._post(messages.LoginFailed("unreachable", reason))
                return "stop"
            return reason
        except InvalidURI as exc:
            self._post(messages.LoginFailed("unreachable", str(exc)))
            return "stop"
        writer: asyncio.Task[None] | None = None
        try:
            session = await self._log_in(ws)
            if session is None:
                return "stop"
            self.connections += 1
            self._ws = ws
            self._writes = asyncio.Queue()
            for frame in self.outbox.values():  # unacknowledged lines first, in order
                self._writes.put_nowait(frame)
            writer = asyncio.create_task(self._writer(ws, self._writes), name="relay-writer")
            self._post(messages.ConnectionChanged(True, "connected"))
            self._post(messages.FrameArrived(session))
            async for raw in ws:
                try:
                    frame = protocol.decode(raw, protocol.RELAY_TO_STAFF)
                except protocol.ProtocolError as exc:
                    log.warning("ignored a frame the console does not understand: %s", exc)
                    continue
                self._post(messages.FrameArrived(frame))
            return self._closed(ws.close_code, ws.close_reason or "")
        except ConnectionClosed as exc:
            return self._closed(exc.rcvd.code if exc.rcvd else None,
                                exc.rcvd.reason if exc.rcvd else "")
        except (OSError, TimeoutError) as exc:
            return _describe(exc)
        finally:
            self._ws, self._writes = None, None
            if writer is not None:
                writer.cancel()
                with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
                    await writer
            with contextlib.suppress(Exception):
                await ws.close()

    async def _log_in(self, ws: ClientConnection) -> protocol.Session | None:
        if self.token:
            login = protocol.Login(protocol.PROTOCOL_VERSION, session=self.token)
        elif self._user and self._password:
            login = protocol.Login(protocol.PROTOCOL_VERSION, user=self._user,
                                   password=self._password, totp=self._totp,
                                   device=self._device)
            self._totp = None  # one code, one attempt
        else:
            self._post(messages.LoginFailed("auth_failed", ""))
            return None
        await ws.send(protocol.encode(login))
        try:
            raw = await asyncio.wait_for(ws.recv(), timeout=self.open_timeout)
            frame = protocol.decode(raw, protocol.RELAY_TO_STAFF)
        except ConnectionClosed as exc:
            reason = exc.rcvd.reason if exc.rcvd else ""
            self._password = None
            # 1013: the relay is busy with many logins (docs/security.md), not a wrong password.
            busy = exc.rcvd is not None and exc.rcvd.code == protocol.CLOSE_TRY_AGAIN
            self._post(messages.LoginFailed("busy" if busy else "auth_failed", reason))
            return None
        except protocol.ProtocolError as exc:
            self._password = None
            self._post(messages.LoginFailed("protocol", exc.message))
            return None
        if isinstance(frame, protocol.Session):
            self.token = frame.token
            self._password, self.awaiting_code = None, False
            if frame.device and frame.device != self._device and self._user:
                self._device = frame.device
                _store_device(devices_path(), f"{self.url} {self._user}", frame.device)
            return frame
        code = frame.code if isinstance(frame, protocol.Error) else "protocol"
        message = frame.message if isinstance(frame, protocol.Error) else ""
        if code == "auth_failed" and login.session:
            code = "session_ended"
        self.token = None
        self.awaiting_code = code in SECOND_FACTOR_ASKED and self._password is not None
        if not self.awaiting_code:
            self._password = None
        self._post(messages.LoginFailed(code, message))
        return None

    def _closed(self, code: int | None, reason: str) -> str:
        if code in _LOGIN_ENDED:
            self.token = None
            self._post(messages.LoginFailed("session_ended", reason))
            return "stop"
        if self._stopping:
            return "stop"
        return "established"

    async def stop(self, *, logout: bool = False) -> None:
        """Close the connection; with ``logout`` the session token stops working."""
        self._stopping = True
        ws = self._ws
        if ws is None:
            return
        with contextlib.suppress(Exception):
            if logout:
                await ws.send(protocol.encode(protocol.Logout()))
            await asyncio.wait_for(ws.close(), timeout=2)


def _describe(exc: BaseException, *, opening_tls: bool = False) -> str:
    """A short, person-readable reason a connection failed (no traceback).

    ``opening_tls``: the error came while opening a wss:// connection, where a reset or a TLS
    error most likely means a relay without TLS (wss:// is the default for another host).
    """
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, InvalidHandshake):
        return "handshake"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "certificate"
    if isinstance(exc, ssl.SSLError) or (opening_tls and isinstance(exc, ConnectionResetError)):
        return "tls"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__
