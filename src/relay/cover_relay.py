"""Cover agreements at run time: a covering organisation's staff in the covered one's hub.

A ``SharedRelay`` runs one ``Relay`` per organisation (relay/shared_relay.py). While a cover
window is open (relay/cover.py: A offers, B accepts, the hours are now), each connected staff
member of B is also a *guest* in A's hub: a ``StaffConn`` with ``guest=True`` and no
supervisor powers, over the same websocket registered in A's outbox. A's hub then treats them
as one of its staff for what its rules allow anyone (see the queue, claim, write, close,
transfer back to the queue, ask for help), counts them as online (A's visitors see the chat
open), and keeps every chat where it belongs: A's rows, A's statistics, A's audit log.

Three parts keep B's staff to A's queue and the chats they take, and nothing else of A:

- ``CoverOutbox`` (A's outbox) passes a guest only the frames about the queue and chats
  (never presence, the staff room, questions, help calls or statistics) and labels the queue
  entries and chats with A's id and name, so B's console shows whose they are;
- ``CoverRouter`` (B's sessions' router) hands B's staff frames about a conversation of A's
  to A's hub as the guest, while the window is open; every other frame goes to B's hub, which
  answers ``forbidden`` for a conversation it does not have, so outside the window a frame
  naming A's chat is refused as any other organisation's is;
- ``CoverDesk`` opens and closes windows on the relay's clock (every second, and at each
  login), writes ``cover_open`` / ``cover_close`` to both organisations' audit logs and
  ``cover_claim`` for each chat B's staff take from A, and tells B's consoles (``cover``).

When a window closes, B's staff leave A's hub as a staff member who disconnects does: the chats
they still hold go back to the front of A's queue after the grace period (``staff_grace_s``,
relay/hub.py ``_release_abandoned``), and until then only A's staff could take them over.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from typing import Any

from websockets.asyncio.server import ServerConnection

from relay import protocol
from relay.counters import Counters
from relay.cover import open_windows
from relay.delivery import WebSocketOutbox
from relay.hub import ConnectionId, StaffConn
from relay.organisations import Organisation, Organisations, session_fields
from relay.protocol import Frame
from relay.server import Relay
from relay.staff_login import directory_text
from relay.storage import StorageError

log = logging.getLogger("lotsen.relay")

# How often the desk looks at the clock. A window opens at most this late.
CHECK_EVERY_S = 1.0

# What a guest is sent of the covered organisation: its queue and the chats it takes.
GUEST_FRAMES = frozenset({"queue", "queued", "dequeued", "conversation", "message", "ack",
                          "typing", "moment", "ended", "released", "error"})

# Staff frames about one conversation, which go to the hub that has it.
CONVERSATION_FRAMES = (protocol.Claim, protocol.StaffSend, protocol.Note, protocol.Whisper,
                       protocol.StaffTyping, protocol.Transfer, protocol.Close, protocol.Sync,
                       protocol.View, protocol.Unview, protocol.HelpRequest, protocol.Block,
                       protocol.Mark)


def _compact(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class CoverOutbox(WebSocketOutbox):
    """An organisation's outbox that also writes to guests (covering staff): only the frames
    about its queue and chats, labelled with its id and name."""

    def __init__(self, counters: Counters, *, org: Organisation) -> None:
        super().__init__(counters)
        self.org = org
        self.guests: set[ConnectionId] = set()

    def send(self, to: ConnectionId, frame: str) -> None:
        if to in self.guests:
            labelled = self._for_guest(frame)
            if labelled is None:
                return
            frame = labelled
        super().send(to, frame)

    def send_many(self, to: Iterable[ConnectionId], frame: str) -> None:
        if not self.guests:
            super().send_many(to, frame)
            return
        targets = list(to)
        super().send_many((c for c in targets if c not in self.guests), frame)
        guests = [c for c in targets if c in self.guests]
        if guests and (labelled := self._for_guest(frame)) is not None:
            super().send_many(guests, labelled)

    def _for_guest(self, frame: str) -> str | None:
        """The frame as a guest gets it, or None when it is none of their business."""
        data = json.loads(frame)
        kind = data.get("type")
        if kind not in GUEST_FRAMES:
            return None
        if kind == "queue":
            data["org"] = self.org.id
            data.pop("total", None)  # the console counts its own queue's total
            for entry in data.get("entries", ()):
                self._label(entry)
        elif kind == "queued":
            self._label(data["entry"])
        elif kind == "conversation":
            self._label(data)
        else:
            return frame
        return _compact(data)

    def _label(self, data: dict[str, Any]) -> None:
        data["org"], data["org_name"] = self.org.id, self.org.name


class CoverDesk:
    """Opens and closes the cover windows of a SharedRelay and keeps its guests."""

    def __init__(self, organisations: Organisations, relays: dict[str, Relay], *,
                 clock: Callable[[], float] = time.time) -> None:
        self.organisations = organisations
        self.relays = relays
        self.clock = clock
        self.open: frozenset[tuple[str, str]] = frozenset()
        """The (covered, covering) pairs whose window is open now."""
        # Staff connections of covering organisations: conn -> (its organisation, its socket).
        self.staff: dict[StaffConn, tuple[str, ServerConnection]] = {}
        # conn -> covered organisation -> the guest connection in that organisation's hub.
        self.guests: dict[StaffConn, dict[str, StaffConn]] = {}
        # (covered organisation, username) -> chats that staff member took from it.
        self.taken: dict[tuple[str, str], set[int]] = {}
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None

    def router(self, org_id: str) -> CoverRouter:
        return CoverRouter(self, org_id)

    # -- the clock -------------------------------------------------------------------------------

    def start(self) -> None:
        """Look at the clock from now on. Chats a covering counsellor held when the relay
        stopped go back to their queue after the grace period unless they log in again
        within it (in a window), as if their connection had just closed."""
        for covered in {a.covered for a in self.organisations.cover}:
            hub, outsiders = self.relays[covered].hub, self._outsiders(covered)
            for live in hub.live.values():
                holder = live.record.staff
                if live.record.state == "active" and holder in outsiders:
                    hub.release_later(holder)
        self._task = asyncio.create_task(self._run(), name="lotsen-cover")

    def _outsiders(self, covered: str) -> set[str]:
        """Staff of the organisations covering ``covered`` (their usernames, as stored)."""
        return {username for a in self.organisations.cover if a.covered == covered
                for username in self.relays[a.covering].hub.names}

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                await self.check()
            except Exception:  # a window must never take the relay down
                log.exception("cover check failed", extra={"event": "cover_failed"})
            await asyncio.sleep(CHECK_EVERY_S)

    async def check(self) -> None:
        """Open the windows that are due and close those that are over (audited)."""
        async with self._lock:
            now_open = open_windows(self.organisations.cover, self.clock())
            opening, closing = sorted(now_open - self.open), sorted(self.open - now_open)
            self.open = now_open
            for covered, covering in closing:
                await self._closed(covered, covering)
            for covered, covering in opening:
                await self._opened(covered, covering)

    async def _audit(self, org: str, actor: str, action: str, conversation: int | None,
                     detail: str) -> None:
        with contextlib.suppress(StorageError):
            await self.relays[org].storage.audit(actor, action, conversation, detail)

    async def _opened(self, covered: str, covering: str) -> None:
        await self._audit(covered, "system", "cover_open", None, f"by={covering}")
        await self._audit(covering, "system", "cover_open", None, f"for={covered}")
        log.info("cover window opened", extra={"event": "cover_open",
                                               "by": f"{covering} for {covered}"})
        for conn, (org, _) in list(self.staff.items()):
            if org == covering:
                await self._attach(conn, covered)

    async def _closed(self, covered: str, covering: str) -> None:
        await self._audit(covered, "system", "cover_close", None, f"by={covering}")
        await self._audit(covering, "system", "cover_close", None, f"for={covered}")
        log.info("cover window closed", extra={"event": "cover_close",
                                               "by": f"{covering} for {covered}"})
        for conn, (org, _) in list(self.staff.items()):
            if org == covering:
                self._detach(conn, covered)
        for key in [key for key in self.taken if key[0] == covered]:
            del self.taken[key]  # the next window starts afresh

    # -- guests ----------------------------------------------------------------------------------

    async def _attach(self, conn: StaffConn, covered: str) -> None:
        """Make a covering staff member a guest in ``covered``'s hub: their console is told
        (``cover``), then gets the queue and the chats they hold there, labelled."""
        org_id, ws = self.staff[conn]
        if covered in self.guests.get(conn, {}):
            return
        relay, org = self.relays[covered], self.organisations.get(covered)
        home = self.organisations.get(org_id)
        outbox = relay.delivery
        assert isinstance(outbox, CoverOutbox) and org is not None and home is not None
        connection = outbox.register(ws)
        outbox.guests.add(connection)
        guest = StaffConn(connection, replace(conn.account, supervisor=False),
                          conn.token_hash, guest=True)
        self.guests.setdefault(conn, {})[covered] = guest
        username = conn.account.username
        relay.hub.cover_names[username] = home.name
        for live in relay.hub.live.values():
            if live.record.staff == username:
                self.taken.setdefault((covered, username), set()).add(live.id)
        _, canned = session_fields(org)
        self.relays[org_id].hub.send(conn.connection, protocol.Cover(
            org.id, org.name, True, canned, directory_text(org.referral_directory)))
        first = relay.hub.staff_joined(guest, None)
        await relay.hub.welcome_staff(guest, first_conn=first)

    def _detach(self, conn: StaffConn, covered: str) -> None:
        """The guest leaves ``covered``'s hub as a staff member who disconnects does."""
        guest = self.guests.get(conn, {}).pop(covered, None)
        if guest is None:
            return
        relay, org = self.relays[covered], self.organisations.get(covered)
        relay.hub.staff_left(guest)
        outbox = relay.delivery
        assert isinstance(outbox, CoverOutbox)
        outbox.guests.discard(guest.connection)
        outbox.forget(guest.connection)
        if org is not None and conn in self.staff:
            home = self.staff[conn][0]
            self.relays[home].hub.send(conn.connection,
                                       protocol.Cover(org.id, org.name, False))

    async def joined(self, org_id: str, conn: StaffConn, ws: ServerConnection) -> None:
        self.staff[conn] = (org_id, ws)
        await self.check()
        async with self._lock:
            for covered, covering in sorted(self.open):
                if covering == org_id:
                    await self._attach(conn, covered)

    def left(self, conn: StaffConn) -> None:
        for covered in list(self.guests.get(conn, {})):
            self._detach(conn, covered)
        self.guests.pop(conn, None)
        self.staff.pop(conn, None)

    # -- frames ----------------------------------------------------------------------------------

    def route(self, org_id: str, conn: StaffConn, frame: Frame) -> Awaitable[None] | None:
        """Hand a covering staff member's frame to the hub whose conversation it names."""
        own = self.relays[org_id].hub
        guests = self.guests.get(conn)
        if guests and isinstance(frame, CONVERSATION_FRAMES):
            conversation = frame.conversation
            if conversation is None and isinstance(frame, protocol.Claim):
                if len(own.queue) == 0:  # claim the next: one's own queue first
                    for covered, guest in guests.items():
                        if len(self.relays[covered].hub.queue):
                            return self._claim(org_id, covered, guest, frame)
            elif conversation is not None:
                for covered, guest in guests.items():
                    hub = self.relays[covered].hub
                    taken = self.taken.get((covered, conn.account.username), ())
                    if conversation in hub.live or conversation in taken:
                        if isinstance(frame, protocol.Claim):
                            return self._claim(org_id, covered, guest, frame)
                        return hub.staff_frame(guest, frame)
        return own.staff_frame(conn, frame)

    async def _claim(self, org_id: str, covered: str, guest: StaffConn,
                     frame: protocol.Claim) -> None:
        """A claim of the covered organisation's chat, audited on both sides if it is taken."""
        hub = self.relays[covered].hub
        wanted = frame.conversation
        if wanted is None:
            first = hub.queue.first()
            wanted = first.conversation if first is not None else None
        pending = hub.staff_frame(guest, frame)
        if pending is not None:
            await pending
        username = guest.account.username
        live = hub.live.get(wanted) if wanted is not None else None
        if live is None or live.record.staff != username or live.record.state != "active":
            return
        self.taken.setdefault((covered, username), set()).add(live.id)
        await self._audit(covered, username, "cover_claim", live.id, f"by={org_id}")
        await self._audit(org_id, username, "cover_claim", live.id, f"for={covered}")


class CoverRouter:
    """One covering organisation's side of the desk, as its Sessions' ``staff_router``."""

    def __init__(self, desk: CoverDesk, org_id: str) -> None:
        self.desk, self.org_id = desk, org_id

    async def joined(self, conn: StaffConn, ws: ServerConnection) -> None:
        await self.desk.joined(self.org_id, conn, ws)

    def frame(self, conn: StaffConn, frame: Frame) -> Awaitable[None] | None:
        return self.desk.route(self.org_id, conn, frame)

    def left(self, conn: StaffConn) -> None:
        self.desk.left(conn)
