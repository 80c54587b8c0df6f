"""Several relays on one PostgreSQL database: what keeps their hubs in step (issue 16).

Every relay on the database keeps the whole live state of its organisations in memory (the
hub's waiting queue, live chats, who holds which), as a relay alone does; the database is the
one truth, and this module brings each hub in step with what the others wrote:

- **Lines.** A relay stores a line with ``lotsen_place_lines`` (postgres_migrations/009), which
  numbers it in the line's transaction and NOTIFYs ``l <relay> <org> <conversation>:<lo>:<hi>
  ...`` (up to 300 chats of a group commit in one) on commit. The other relays read lines
  ``lo..hi`` from the table and deliver them to the visitor and staff connected to them; the
  NOTIFY is only a wake-up, so its payload stays small (numbers, never text).
- **Conversation changes** (claim, transfer, requeue, close, block, mark): the relay that
  wrote the row NOTIFYs ``c <relay> <org> <conversation>`` after the commit; the others read
  the row and apply the difference to their hub (queue, holder, whom to tell).
- **Queue order.** A chat's place in the queue is the number the database gave it in the
  write that queued it (``conversations.arrival``, postgres_migrations/010): the next of one
  sequence for a new chat, the next of one counting down from -1 for a chat put back first
  in line. Every relay's waiting queue orders by it (urgent chats first, as always), so staff
  see one order and a visitor the same position whichever relay they are on; a relay that
  starts reads the numbers with the rows.
- **Presence.** A heartbeat row per relay (``relays``, with an expiry) and one row per staff
  member logged in on it (``staff_presence``); a relay whose heartbeat expired is dead and its
  rows no longer count. ``p <relay>`` says a relay's staff changed.
- **Questions** asked outside opening hours: every write about one (asked, answered, replied
  to, taken, read, closed, purged) NOTIFYs ``q <relay> <org> <question>`` in its transaction
  (postgres_migrations/011 for replies and answers, which the database numbers); every relay,
  this one too, reads the question from the table and tells its staff what changed
  (``QuestionDesk.refresh``). Takes and closes are conditional UPDATEs. Wrong case codes
  count service-wide: each heartbeat NOTIFYs ``g <relay> <org> <count>`` of the new ones, and
  the other relays add them to their guessing throttle's minute.
- **Ids.** Conversation and question ids come in blocks from the ``conversation_id_blocks``
  sequence, so two relays never number two chats alike.

Delivery is at least once: when the LISTEN connection drops, the relay says so on /healthz
(503, so a load balancer sends new connections elsewhere), connects again, LISTENs again, and
only then catches up from the table by sequence number; what it delivers twice, clients drop
by ``seq``. Claims are one conditional UPDATE (``Storage.claim_conversation``): of two claims
from two relays exactly one wins, and the other hub is told ``already_claimed``.

A relay on SQLite, or alone, never loads this module: its hub delivers in-process as always.
The hub stays sans-I/O; this module is the I/O beside it and reaches into the hub's state the
way its own handlers do.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql

from relay import protocol
from relay.hub import MARK_ACTIONS, REMEMBERED_CIDS, TRIAGE_LINES, Hub, Live
from relay.organisations import IdCounter
from relay.protocol import VISIBLE_TO_VISITOR
from relay.storage import ConversationRecord, Line, StorageError
from relay.storage.postgres import PostgresStorage, describe

log = logging.getLogger("lotsen.cluster")

# A relay writes its heartbeat this often; a heartbeat older than EXPIRY_S is a dead relay.
HEARTBEAT_S = 1.0
EXPIRY_S = 4.0
# Ids per block of conversation_id_blocks; a new block is fetched when one is half used.
ID_BLOCK = 1000
# Waits between attempts to connect the LISTEN connection again (seconds, the last repeats).
RECONNECT_S = (0.1, 0.25, 0.5, 1.0, 2.0)
# pg_advisory_xact_lock key while the first id block is set above the stored ids.
_ID_LOCK = 0x4C6F7473656F  # "Lotseo"


class IdBlocks(IdCounter):
    """Ids from blocks of ``ID_BLOCK`` the database hands out, one block per relay at a time:
    ``take()`` never waits; the next block is fetched while half of one is left."""

    def __init__(self, fetch: Callable[[], Awaitable[int]]) -> None:
        """``fetch``: the next block number (from 1); block ``b`` is ids
        ``(b - 1) * ID_BLOCK + 1`` to ``b * ID_BLOCK``."""
        super().__init__()
        self._fetch = fetch
        self._blocks: list[range] = []
        self._current: range = range(0)
        self._index = 0
        self._refill: asyncio.Task[None] | None = None

    async def fill(self) -> None:
        while len(self._blocks) < 1:
            self._blocks.append(_block(await self._fetch()))
        if self._index >= len(self._current):
            self._current, self._index = self._blocks.pop(0), 0

    def at_least(self, value: int) -> None:
        """Blocks start above every stored id already (``Cluster._first_block``)."""

    def take(self) -> int:
        if self._index >= len(self._current):
            if not self._blocks:
                raise StorageError("storage.no_ids_left")
            self._current, self._index = self._blocks.pop(0), 0
        value = self._current[self._index]
        self._index += 1
        if (self._index > len(self._current) // 2 and not self._blocks
                and (self._refill is None or self._refill.done())):
            self._refill = asyncio.ensure_future(self._fill_quietly())
        return value

    async def _fill_quietly(self) -> None:
        try:
            block = await self._fetch()
        except StorageError as exc:
            log.warning("id block not fetched", extra={"event": "id_block_failed",
                                                       "error": str(exc)})
            return
        self._blocks.append(_block(block))


def _block(number: int) -> range:
    return range((number - 1) * ID_BLOCK + 1, number * ID_BLOCK + 1)


@dataclass(slots=True)
class _Seen:
    """Which of a conversation's line numbers this relay has handled (delivered, or written
    itself): all up to ``floor``, and those in ``ahead``. A catch-up delivers from ``floor``."""

    floor: int
    ahead: set[int] = field(default_factory=set)

    def mark(self, lo: int, hi: int) -> None:
        if hi <= self.floor:
            return
        self.ahead.update(range(max(lo, self.floor + 1), hi + 1))
        while self.floor + 1 in self.ahead:
            self.floor += 1
            self.ahead.discard(self.floor)


@dataclass(slots=True)
class _Wake:
    """What a batch of wake-ups said about one conversation."""

    changed: bool = False
    ranges: list[tuple[int, int]] = field(default_factory=list)  # other relays' lines
    own: list[tuple[int, int]] = field(default_factory=list)  # this relay's lines
    visitor: bool = False  # its visitor connected to another relay


class _Unread:
    """A chat's row not read yet (``Cluster._sync``)."""


_UNREAD = _Unread()


class _OrgPeers:
    """The hub's view of the other relays (``relay.hub.Peers``), for one organisation."""

    def __init__(self, cluster: Cluster, org: str) -> None:
        self._cluster = cluster
        self._org = org

    def staff(self) -> dict[str, tuple[str, bool]]:
        return self._cluster.remote_staff.get(self._org, {})

    def presence_changed(self) -> None:
        self._cluster.presence_changed(self._org)

    def refresh(self, conversation: int) -> Awaitable[None]:
        return self._cluster.refresh(self._org, conversation)

    def visitor_here(self, conversation: int) -> None:
        self._cluster.visitor_here(self._org, conversation)


class Cluster:
    """This relay's part in a group of relays on one database: LISTEN, heartbeat, presence,
    ids, and applying what the other relays wrote to this relay's hubs (one per organisation)."""

    def __init__(self, storage: PostgresStorage, hubs: dict[str, Hub], *,
                 clock: Callable[[], float] = time.time) -> None:
        if storage.relay_id is None:
            raise StorageError("storage.not_a_relay")
        self.storage = storage
        self.relay = storage.relay_id
        self.hubs = hubs
        self.clock = clock
        self.remote_staff: dict[str, dict[str, tuple[str, bool]]] = {org: {} for org in hubs}
        self._remote_relay: dict[tuple[str, str], str] = {}  # (org, username) -> relay
        self._written: dict[str, dict[str, tuple[str, bool]]] = {org: {} for org in hubs}
        self._live_relays: set[str] = set()
        self._seen: dict[tuple[str, int], _Seen] = {}
        self._locks: dict[tuple[str, int], asyncio.Lock] = {}
        self._wakes: dict[tuple[str, int], _Wake] = {}
        self._presence_wake = asyncio.Event()
        self._room_wakes: set[str] = set()  # organisations whose staff room got a line
        self._question_wakes: dict[str, set[int]] = {}  # questions written, by organisation
        self._wrong_codes: dict[str, int] = {}  # each hub's wrong case codes, as last shared
        self._work = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._listener: psycopg.AsyncConnection[Any] | None = None
        self._presence_dirty: set[str] = set()
        self._refreshes: dict[tuple[str, int], list[asyncio.Future[None]]] = {}
        self._refreshing: asyncio.Future[None] | None = None
        self._presence_task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()
        """Set while the LISTEN connection is up (tests wait on it)."""
        self._behind = False  # a batch failed; the next heartbeat catches up
        self.catch_ups = 0
        """How many times the relay caught up after its LISTEN connection came back."""

    # -- lifecycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        """Join the relays on the database (after the hubs loaded their live state)."""
        await self._heartbeat()
        others = self._live_relays - {self.relay}
        await self._first_blocks()
        ids = IdBlocks(lambda: self._next_block("conversation_id_blocks"))
        await ids.fill()
        questions = IdBlocks(lambda: self._next_block("question_id_blocks"))
        await questions.fill()
        for org, hub in self.hubs.items():
            self._wrong_codes[org] = hub.questions.throttle.failures
            hub.ids.conversations = ids
            hub.ids.questions = questions
            hub.peers = _OrgPeers(self, org)
            for live in hub.live.values():
                self._seen[(org, live.id)] = _Seen(live.last_seq)
            if others:
                # The visitors of waiting chats may well be on another relay: none is "gone".
                for live in list(hub._gone.values()):
                    live.elsewhere = True
                    hub._visitor_presence(live)
        await self._read_presence()
        self.storage.set_listening(False)
        self._tasks = [
            asyncio.create_task(self._listen(), name="lotsen-cluster-listen"),
            asyncio.create_task(self._apply_wakes(), name="lotsen-cluster-apply"),
            asyncio.create_task(self._beat(), name="lotsen-cluster-heartbeat"),
        ]
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self.connected.wait(), timeout=5)
        log.info("joined relays on the database", extra={"event": "cluster_joined",
                                                         "relays": len(self._live_relays)})

    async def stop(self) -> None:
        """Leave: the other relays see this relay's staff go at once (not after the expiry)."""
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._presence_task is not None:
            self._presence_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._presence_task
        if self._listener is not None:
            await self._listener.close()
        with contextlib.suppress(StorageError):
            await self._execute("DELETE FROM staff_presence WHERE relay = %s", (self.relay,))
            await self._execute("DELETE FROM relays WHERE relay = %s", (self.relay,))
            await self.storage.notify(f"p {self.relay}")

    # -- small SQL helpers ---------------------------------------------------------------------

    async def _execute(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            async with self.storage.pool.connection() as conn:
                cur = await conn.execute(query.encode() if not params else query, params)
                return list(await cur.fetchall()) if cur.description else []
        except psycopg.Error as exc:
            raise StorageError(describe(exc)) from None

    async def _first_blocks(self) -> None:
        """Move the id blocks above every id stored (relays starting at once take turns): the
        next block of a sequence whose last value is ``v`` starts at ``v * ID_BLOCK + 1``."""
        try:
            async with self.storage.pool.connection() as conn, conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock(%s)", (_ID_LOCK,))
                for sequence, table in (("conversation_id_blocks", "conversations"),
                                        ("question_id_blocks", "questions")):
                    await conn.execute(sql.SQL(
                        "SELECT setval({seq}, m.v) FROM (SELECT (coalesce(max(id), 0) + {n} "
                        "- 1) / {n} AS v FROM {table}) m, {seqname} s WHERE m.v > 0 AND "
                        "(NOT s.is_called OR m.v > s.last_value)").format(
                            seq=sequence, n=ID_BLOCK, table=sql.Identifier(table),
                            seqname=sql.Identifier(sequence)))
        except psycopg.Error as exc:
            raise StorageError(describe(exc)) from None

    async def _next_block(self, sequence: str) -> int:
        rows = await self._execute("SELECT nextval(%s)", (sequence,))
        return int(rows[0][0])

    # -- heartbeat and presence ------------------------------------------------------------------

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_S)
            try:
                await self._heartbeat()
                await self._read_presence()
                await self._share_wrong_codes()
                if self._behind:  # a batch of wake-ups failed: read what it missed
                    self._behind = False
                    try:
                        await self._catch_up(after_drop=False)
                    except StorageError:
                        self._behind = True
                        raise
            except StorageError as exc:
                log.warning("heartbeat failed", extra={"event": "heartbeat_failed",
                                                       "error": str(exc)})
            except Exception:  # the heartbeat must outlive any one failure
                log.exception("heartbeat failed", extra={"event": "heartbeat_failed"})

    async def _heartbeat(self) -> None:
        now = self.clock()
        rows = await self._execute(
            "WITH beat AS (INSERT INTO relays (relay, expires_at) VALUES (%s, %s) "
            "ON CONFLICT (relay) DO UPDATE SET expires_at = excluded.expires_at) "
            "SELECT relay FROM relays WHERE expires_at > %s",
            (self.relay, now + EXPIRY_S, now))
        before = self._live_relays
        self._live_relays = {str(row[0]) for row in rows} | {self.relay}
        if before - {self.relay} and self._live_relays == {self.relay}:
            self._alone()

    def _alone(self) -> None:
        """The other relays died: a waiting visitor not connected here is nowhere, and counts
        as gone from now on (its chat ends after the grace period unless it comes back)."""
        for hub in self.hubs.values():
            for live in list(hub.live.values()):
                if live.elsewhere and live.visitor is None:
                    live.elsewhere = False
                    hub._visitor_presence(live)

    async def _share_wrong_codes(self) -> None:
        """Tell the other relays how many wrong case codes this one counted since the last
        heartbeat: a flood of guesses spread over several relays slows every code check."""
        for org, hub in self.hubs.items():
            failures = hub.questions.throttle.failures
            new = failures - self._wrong_codes.get(org, failures)
            if new > 0 and self._live_relays != {self.relay}:
                await self.storage.notify(f"g {self.relay} {org} {new}")
            self._wrong_codes[org] = failures

    def visitor_here(self, org: str, conversation: int) -> None:
        """Tell the other relays a chat's visitor is on this one now (best effort; nobody to
        tell while this relay is alone)."""
        if self._live_relays == {self.relay}:
            return
        task = asyncio.ensure_future(self.storage.notify(f"v {self.relay} {org} {conversation}"))
        task.add_done_callback(lambda done: done.cancelled() or done.exception())

    def presence_changed(self, org: str) -> None:
        """A hub's staff changed: write this relay's presence rows soon (coalesced)."""
        self._presence_dirty.add(org)
        if self._presence_task is None or self._presence_task.done():
            self._presence_task = asyncio.ensure_future(self._write_presence())

    async def _write_presence(self) -> None:
        await asyncio.sleep(0)  # the staff changes of this turn of the loop go together
        changed = False
        while self._presence_dirty:
            org = self._presence_dirty.pop()
            hub = self.hubs[org]
            here = {user: (hub.names.get(user, user), any(c.account.supervisor for c in conns))
                    for user, conns in hub.staff.items() if conns}
            written = self._written[org]
            try:
                for user in set(written) - set(here):
                    await self._execute("DELETE FROM staff_presence WHERE relay = %s AND "
                                        "org = %s AND username = %s", (self.relay, org, user))
                    del written[user]
                    changed = True
                for user, (name, supervisor) in here.items():
                    if written.get(user) != (name, supervisor):
                        await self._execute(
                            "INSERT INTO staff_presence (relay, org, username, display_name, "
                            "supervisor) VALUES (%s, %s, %s, %s, %s) ON CONFLICT (relay, org, "
                            "username) DO UPDATE SET display_name = excluded.display_name, "
                            "supervisor = excluded.supervisor",
                            (self.relay, org, user, name, int(supervisor)))
                        written[user] = (name, supervisor)
                        changed = True
            except StorageError as exc:
                log.warning("presence not written", extra={"event": "presence_failed",
                                                           "error": str(exc)})
                return
        if changed:
            with contextlib.suppress(StorageError):
                await self.storage.notify(f"p {self.relay}")

    async def _read_presence(self) -> None:
        """Staff on the other live relays; tell the hubs when it changed. Staff of a relay
        that died are released after the grace period by one survivor (the lowest id)."""
        rows = await self._execute(
            "SELECT p.org, p.username, p.display_name, p.supervisor, p.relay "
            "FROM staff_presence p JOIN relays r ON r.relay = p.relay "
            "WHERE r.expires_at > %s AND p.relay <> %s", (self.clock(), self.relay))
        seen: dict[str, dict[str, tuple[str, bool]]] = {org: {} for org in self.hubs}
        where: dict[tuple[str, str], str] = {}
        for org, user, name, supervisor, relay in rows:
            if org in seen:
                seen[org][user] = (name, bool(supervisor))
                where[(org, user)] = relay
        leader = min(self._live_relays) == self.relay
        for org, hub in self.hubs.items():
            before = self.remote_staff.get(org, {})
            if seen[org] == before:
                continue
            self.remote_staff[org] = seen[org]
            for user, (name, _) in seen[org].items():
                hub.names.setdefault(user, name)
            for user in set(before) - set(seen[org]):
                relay = self._remote_relay.get((org, user))
                dead = relay is not None and relay not in self._live_relays
                if dead and leader and not hub.staff.get(user) and not hub.stopping \
                        and user not in hub._offline_timers:
                    hub._offline_timers[user] = asyncio.get_running_loop().call_later(
                        hub.config.staff_grace_s, hub._release_abandoned, user)
            if hub._presence_timer is None:  # as Hub._presence_changed, without writing ours
                hub._presence_timer = asyncio.get_running_loop().call_later(
                    0.05, hub._send_presence)
            hub.broadcast_status()
            hub._queue_changed()
        self._remote_relay = where

    # -- listening --------------------------------------------------------------------------------

    async def _listen(self) -> None:
        """LISTEN on a connection of its own (never a pooled one), again after it drops."""
        attempt = 0
        dropped, first = False, True
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(
                    self.storage.url.url, autocommit=True, application_name="lotsen-listen",
                    connect_timeout=5)
                self._listener = conn
                await conn.execute(sql.SQL("LISTEN {}").format(
                    sql.Identifier(self.storage.channel)))
                if dropped or first:  # listening (again) first, so nothing falls between
                    await self._catch_up(after_drop=dropped)
                attempt, dropped, first = 0, False, False
                self.connected.set()
                self.storage.set_listening(True)
                async for note in conn.notifies():
                    self._wake(note.payload)
                raise psycopg.OperationalError("the LISTEN connection ended")
            except (psycopg.Error, OSError, StorageError) as exc:
                if not dropped:
                    log.warning("lost the other relays' wake-ups; reconnecting",
                                extra={"event": "listen_lost", "error": describe(exc)})
                dropped = True
                self.connected.clear()
                self.storage.set_listening(False)
                if self._listener is not None:
                    with contextlib.suppress(psycopg.Error):
                        await self._listener.close()
                    self._listener = None
                await asyncio.sleep(RECONNECT_S[min(attempt, len(RECONNECT_S) - 1)])
                attempt += 1

    def _wake(self, payload: str) -> None:
        parts = payload.split()
        if not parts:
            return
        if parts[0] == "p":
            if len(parts) > 1 and parts[1] != self.relay:
                self._presence_wake.set()
                self._work.set()
            return
        if parts[0] == "r" and len(parts) == 4 and parts[1] != self.relay \
                and parts[2] in self.hubs:
            self._room_wakes.add(parts[2])
            self._work.set()
            return
        if len(parts) < 4 or parts[2] not in self.hubs:
            return
        if parts[0] == "g":  # g relay org count: wrong case codes on another relay
            if parts[1] != self.relay and parts[3].isdigit():
                self.hubs[parts[2]].questions.throttle.failed_elsewhere(int(parts[3]))
            return
        if parts[0] == "q":  # q relay org question: this relay's own too (see _apply_batch)
            with contextlib.suppress(ValueError):
                self._question_wakes.setdefault(parts[2], set()).add(int(parts[3]))
                self._work.set()
            return
        try:
            if parts[0] == "l":  # l relay org conversation:lo:hi ...
                for item in parts[3:]:
                    conversation, lo, hi = (int(number) for number in item.split(":"))
                    wake = self._wakes.setdefault((parts[2], conversation), _Wake())
                    (wake.own if parts[1] == self.relay else wake.ranges).append((lo, hi))
                self._work.set()
                return
            key = (parts[2], int(parts[3]))
            wake = self._wakes.setdefault(key, _Wake())
            if parts[0] == "c" and parts[1] != self.relay:
                wake.changed = True
            elif parts[0] == "v" and parts[1] != self.relay:
                wake.visitor = True
        except ValueError:
            return
        self._work.set()

    async def _apply_wakes(self) -> None:
        """Apply the wake-ups that came in, a batch at a time (one per conversation); a batch
        that fails is logged and the next one applied (a catch-up reads what it missed)."""
        while True:
            await self._work.wait()
            self._work.clear()
            try:
                await self._apply_batch()
            except Exception:
                self._behind = True
                log.exception("applying other relays' changes failed",
                              extra={"event": "cluster_apply_failed"})

    async def _apply_batch(self) -> None:
        """One batch: presence, staff room, then each chat's lines and changes."""
        if self._presence_wake.is_set():
            self._presence_wake.clear()
            with contextlib.suppress(StorageError):
                await self._heartbeat()  # which relays are alive, as of now
                await self._read_presence()
        rooms, self._room_wakes = self._room_wakes, set()
        for org in rooms:
            with contextlib.suppress(StorageError):
                await self._room(org)
        # Questions: read from the table, on this relay's own wake-ups too, so a read of a row
        # a moment before this relay's own commit is put right by the commit's wake-up.
        questions, self._question_wakes = self._question_wakes, {}
        for org, ids in questions.items():
            try:
                await self.hubs[org].questions.refresh(ids)
            except StorageError as exc:
                self._behind = True  # the next heartbeat catches up from the table
                log.warning("could not read other relays' questions",
                            extra={"event": "cluster_apply_failed", "error": str(exc)})
        wakes, self._wakes = self._wakes, {}
        if not wakes:
            return
        # Lines of chats this relay knows, and nothing else: one query for the batch.
        plain = {key: wake for key, wake in wakes.items()
                 if not wake.changed and not wake.visitor and key in self._seen
                 and key[1] in self.hubs[key[0]].live}
        try:
            await self._deliver_batch(plain)
        except StorageError as exc:
            log.warning("could not read other relays' lines",
                        extra={"event": "cluster_apply_failed", "error": str(exc)})
            plain = {}  # one conversation at a time below
        results = await asyncio.gather(
            *(self._sync(org, conversation, wake) for (org, conversation), wake
              in wakes.items() if (org, conversation) not in plain),
            return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                self._behind = True  # the next heartbeat catches up from the table
            if isinstance(result, StorageError):
                log.warning("could not apply another relay's change",
                            extra={"event": "cluster_apply_failed", "error": str(result)})
            elif isinstance(result, BaseException):
                log.error("applying another relay's change failed", exc_info=result,
                          extra={"event": "cluster_apply_failed"})

    async def _deliver_batch(self, wakes: dict[tuple[str, int], _Wake]) -> None:
        """Other relays' lines of chats this relay knows: read in one query per organisation
        and delivered in seq order per chat; this relay's own lines are only marked."""
        for org, hub in self.hubs.items():
            ranges = [(conversation, lo, hi) for (o, conversation), wake in wakes.items()
                      if o == org for lo, hi in wake.ranges]
            lines = await hub.storage.lines_in(ranges) if ranges else []  # type: ignore[attr-defined]
            for (o, conversation), wake in wakes.items():
                seen = self._seen.get((o, conversation))
                if o == org and seen is not None:
                    for lo, hi in wake.own:
                        seen.mark(lo, hi)
            for line in lines:
                seen = self._seen.get((org, line.conversation))
                live = hub.live.get(line.conversation)
                if seen is None or live is None:
                    continue
                if line.seq > seen.floor and line.seq not in seen.ahead:
                    self._deliver(hub, live, line)
                seen.mark(line.seq, line.seq)

    async def _room(self, org: str) -> None:
        """Staff room lines another relay stored: to this relay's staff, and the next number
        this relay gives one is above them."""
        hub = self.hubs[org]
        known = hub._next_room_seq - 1
        for line in await hub.storage.room_lines(50):
            if line.seq <= known:
                continue
            hub._next_room_seq = max(hub._next_room_seq, line.seq + 1)
            frame = protocol.RoomLine(line.seq, line.author,
                                      hub.display(line.author) or line.author, line.text, line.ts)
            for conns in hub.staff.values():
                for conn in conns:
                    hub.send(conn.connection, frame)

    async def _catch_up(self, *, after_drop: bool) -> None:
        """Once listening (at start, and after the LISTEN connection came back): every live
        chat from the table, and every line this relay has not handled (some twice: clients
        drop those by seq)."""
        self.catch_ups += after_drop
        for org, hub in self.hubs.items():
            await self._room(org)
            if hub.questions.config.enabled:
                await hub.questions.catch_up()
            stored = {record.id for record, _ in await hub.storage.live_conversations()}
            for conversation in stored | set(hub.live):
                await self._sync(org, conversation, _Wake(changed=True), catch_up=True)
        if after_drop:
            log.info("caught up after reconnecting", extra={"event": "cluster_caught_up"})

    async def refresh(self, org: str, conversation: int) -> None:
        """Bring one chat in step with the table now. The refreshes asked for in one turn of
        the event loop (a wave of visitors resuming after a relay died) share one query."""
        done = asyncio.get_running_loop().create_future()
        self._refreshes.setdefault((org, conversation), []).append(done)
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.ensure_future(self._refresh_wanted())
        await done

    async def _refresh_wanted(self) -> None:
        await asyncio.sleep(0)
        while self._refreshes:
            wanted, self._refreshes = self._refreshes, {}
            for org in self.hubs:
                ids = [conversation for o, conversation in wanted if o == org]
                if not ids:
                    continue
                try:
                    found = await self.hubs[org].storage.conversations_and_seqs(ids)  # type: ignore[attr-defined]
                except StorageError as exc:
                    for (o, _), futures in wanted.items():
                        for future in futures:
                            if o == org and not future.done():
                                future.set_exception(exc)
                    continue
                results = await asyncio.gather(
                    *(self._sync(org, conversation, _Wake(changed=True), catch_up=True,
                                 found=found.get(conversation)) for conversation in ids),
                    return_exceptions=True)
                for conversation, result in zip(ids, results, strict=True):
                    for future in wanted[(org, conversation)]:
                        if future.done():
                            continue
                        if isinstance(result, BaseException):
                            future.set_exception(result)
                        else:
                            future.set_result(None)

    # -- applying another relay's writes ---------------------------------------------------------

    async def _sync(self, org: str, conversation: int, wake: _Wake, *,
                    catch_up: bool = False,
                    found: tuple[ConversationRecord, int] | None | _Unread = _UNREAD) -> None:
        """Apply a batch's wake-ups for one chat; ``found``: its row and last seq if read
        already (None: no such chat)."""
        key = (org, conversation)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            hub = self.hubs[org]
            seen = self._seen.get(key)
            for lo, hi in wake.own:
                if seen is not None:
                    seen.mark(lo, hi)
            live = hub.live.get(conversation)
            if live is not None and wake.visitor and live.visitor is None:
                live.elsewhere = True
                hub._visitor_presence(live)
            if live is None and not wake.changed and not wake.ranges:
                return
            record, stored_seq = None, None
            if wake.changed or live is None:
                row: tuple[ConversationRecord, int] | None = (
                    await hub.storage.conversation_and_seq(conversation)  # type: ignore[attr-defined]
                    if isinstance(found, _Unread) else found)
                if row is None:
                    return
                record, stored_seq = row
                if live is None:
                    if record.state == "closed":
                        return
                    live = await self._mirror(org, hub, record)
                    seen = self._seen[key]
            if seen is None:  # one of this relay's own chats, first woken about now
                seen = self._seen.setdefault(key, _Seen(live.last_seq))
            if catch_up and stored_seq is not None and stored_seq <= seen.floor:
                lines = []  # nothing this relay has not handled
            elif catch_up:
                lines = await hub.storage.lines_after(conversation, seen.floor)
            elif wake.ranges:
                low = min(lo for lo, _ in wake.ranges)
                lines = [line for line in await hub.storage.lines_after(conversation, low - 1)
                         if any(lo <= line.seq <= hi for lo, hi in wake.ranges)]
            else:
                lines = []
            for line in lines:
                if line.seq > seen.floor and line.seq not in seen.ahead:
                    self._deliver(hub, live, line)
                seen.mark(line.seq, line.seq)
            if record is not None:
                await self._apply(hub, live, record)
            if conversation not in hub.live:
                self._seen.pop(key, None)
                self._locks.pop(key, None)

    async def _mirror(self, org: str, hub: Hub, record: ConversationRecord) -> Live:
        """Another relay's chat, new to this one: live here too, with no connection yet."""
        last_seq = await hub.storage.last_seq(record.id)
        live = Live(record, last_seq, hub.arrival(record), elsewhere=True)
        visitor_lines = await hub.storage.lines_after(record.id, 0, frozenset({"visitor"}))
        live.preview = visitor_lines[0].text[:200] if visitor_lines else ""
        for cid, seq, ts in reversed(await hub.storage.recent_cids(record.id, REMEMBERED_CIDS)):
            live.remember(cid, seq, ts)
        if record.triage_override is not None:
            live.marked_by = await hub.storage.last_actor(record.id, MARK_ACTIONS)
        self._seen[(org, record.id)] = _Seen(last_seq)
        hub.live[record.id] = live
        hub._aliases.add(record.alias)
        if record.token_hash:
            hub.by_token[record.token_hash] = live
        if record.state == "queued":
            live.visitor_texts = [line.text for line in visitor_lines[-TRIAGE_LINES:]]
            if visitor_lines:
                self._enqueue(hub, live)
        elif record.state == "active":
            await self._tell_holder(hub, live)
            hub._tell_supervisors(live)
        return live

    @staticmethod
    def _enqueue(hub: Hub, live: Live) -> None:
        index = hub.queue.add(hub._entry(live))
        entry = hub.queue.get(live.id)
        if entry is not None:
            hub._announce_queued(entry, index)
        hub._queue_changed(index)

    async def _tell_holder(self, hub: Hub, live: Live) -> None:
        """The holder's connections on this relay (if any) get the chat with its lines."""
        if hub.staff.get(live.record.staff or ""):
            lines = await hub.storage.lines_after(live.id, 0)
            hub._send_staff(live.record.staff, hub._info(live, lines, readonly=False))

    def _deliver(self, hub: Hub, live: Live, line: Line) -> None:
        """Another relay's line, to the visitor and staff connected here."""
        live.last_seq = max(live.last_seq, line.seq)
        live.remember(line.cid, line.seq, line.ts)
        text = protocol.encode_line(live.id, line.seq, line.kind, hub.display(line.author),
                                    line.text, line.ts, line.cid)
        hub._text_to_watchers(live, text)
        if line.kind == "visitor":
            live.record.visitor_lines += 1
        elif line.kind == "staff":
            live.record.staff_lines += 1
        if line.kind in VISIBLE_TO_VISITOR and live.visitor is not None:
            hub.outbox.send(live.visitor.connection, protocol.encode(hub._visitor_line(line)))
        if line.kind != "visitor" or live.record.state != "queued":
            return
        live.visitor_texts.append(line.text)
        del live.visitor_texts[:-TRIAGE_LINES]
        if not live.preview:
            live.preview = line.text[:200]
        if live.id not in hub.queue:
            self._enqueue(hub, live)
            hub._triage(live)
            return
        before = live.record.urgent
        hub._triage(live)
        entry = hub.queue.get(live.id)
        if live.record.urgent != before and entry is not None:
            index = hub.queue.index(live.id)
            hub._announce_queued(entry, index)
            hub._queue_changed(index)

    async def _apply(self, hub: Hub, live: Live, record: ConversationRecord) -> None:
        """Bring a live chat in step with its row as another relay left it."""
        mine = live.record
        if record.state == "closed":
            if mine.state != "closed" or live.id in hub.live:
                await self._ended(hub, live, record)
            return
        if mine.state == "closed":
            return
        if (record.urgent, record.triage_override) != (mine.urgent, mine.triage_override):
            mine.urgent, mine.triage_override = record.urgent, record.triage_override
            if record.triage_override is not None:
                live.marked_by = await hub.storage.last_actor(live.id, MARK_ACTIONS)
            if live.id in hub.queue:
                old = hub.queue.index(live.id)
                if record.triage_override is not None:
                    hub.queue.set_verdict(live.id, record.urgent, hub._marker(live))
                elif record.urgent:
                    hub.queue.mark_urgent(live.id, list(live.reasons))
                entry = hub.queue.get(live.id)
                if entry is not None:
                    index = hub.queue.index(live.id)
                    hub._announce_queued(entry, index)
                    hub._queue_changed(min(old, index))
        if mine.state == "queued" and record.state == "active":
            self._claimed(hub, live, record)
            await self._tell_holder(hub, live)
            hub._tell_supervisors(live)
        elif mine.state == "active" and record.state == "queued":
            await self._requeued(hub, live, record)
        elif record.state == "queued" and record.arrival is not None \
                and record.arrival != live.arrival and live.id in hub.queue:
            # Claimed and put back first in line in one batch of wake-ups: the same chat,
            # waiting, at the front now as on the relay that requeued it.
            self._moved(hub, live, record.arrival)
        elif mine.state == "active" and record.staff != mine.staff:
            previous, mine.staff = mine.staff, record.staff
            hub._send_staff(previous, protocol.Released(live.id, record.staff))
            await self._tell_holder(hub, live)
            hub._tell_supervisors(live)
            if live.visitor is not None:
                hub.send(live.visitor.connection,
                         protocol.Claimed(hub.display(record.staff) or ""))

    @staticmethod
    def _claimed(hub: Hub, live: Live, record: ConversationRecord) -> None:
        index = hub.queue.index(live.id) if live.id in hub.queue else None
        hub.queue.remove(live.id)
        live.record.state, live.record.staff = "active", record.staff
        live.record.claimed_at = record.claimed_at
        hub._visitor_presence(live)
        hub._gone.pop(live.id, None)
        live.gone_since = None
        hub._announce_dequeued(live.id, index, "claimed")
        live.visitor_texts = []
        if live.visitor is not None:
            hub.send(live.visitor.connection, protocol.Claimed(hub.display(record.staff) or ""))

    @staticmethod
    def _moved(hub: Hub, live: Live, arrival: int) -> None:
        old = hub.queue.index(live.id)
        entry = hub.queue.remove(live.id)
        if entry is None:
            return
        live.arrival = live.record.arrival = entry.arrival = arrival
        index = hub.queue.add(entry)
        hub._announce_queued(entry, index)
        hub._queue_changed(min(old, index))

    @staticmethod
    async def _requeued(hub: Hub, live: Live, record: ConversationRecord) -> None:
        previous = live.record.staff
        with contextlib.suppress(StorageError):
            written = await hub.storage.lines_after(live.id, 0, frozenset({"visitor"}))
            live.visitor_texts = [line.text for line in written[-TRIAGE_LINES:]]
        live.record.state, live.record.staff, live.record.claimed_at = "queued", None, None
        live.record.arrival = record.arrival  # the requeuing relay's place: first in line
        live.arrival = (record.arrival if record.arrival is not None
                        else hub.queue.front_arrival())
        hub._visitor_presence(live)
        hub._send_staff(previous, protocol.Released(live.id, None))
        Cluster._enqueue(hub, live)
        if live.visitor is not None:
            live.visitor.last_position = None
            hub.send(live.visitor.connection, hub.status())

    @staticmethod
    async def _ended(hub: Hub, live: Live, record: ConversationRecord) -> None:
        """Another relay ended the chat: tell whoever is connected here; nothing to store."""
        mine = live.record
        by = record.closed_by or "system"
        mine.state, mine.closed_at, mine.closed_by = "closed", record.closed_at, by
        blocked = bool(record.token_hash) and await hub.storage.is_blocked(record.token_hash or "")
        reason = "blocked" if blocked else None
        if live.id in hub.queue:
            index = hub.queue.index(live.id)
            hub.queue.remove(live.id)
            hub._announce_dequeued(live.id, index, "left")
        hub.forget(live)
        hub.tell_ended(live, by, reason)
        if blocked and live.visitor is not None:
            hub.outbox.close(live.visitor.connection, protocol.CLOSE_BLOCKED,
                             "This chat has been closed.")
