"""Abuse limits as plain objects: a per-connection rate limiter, login back-off per account
and source, the queue for password checks, and relay-wide budgets per minute.

They take the current time from a clock you pass (``time.monotonic`` by default), so tests
drive them without sleeping and the relay only asks them for a verdict. Nothing here knows who
a visitor is: the rate limiter lives and dies with one connection, and the login throttle is
keyed by the account name that was typed and the console's device token (or none), never by
an address.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass


class Verdict(enum.Enum):
    """What to do with one incoming frame."""

    ALLOW = "allow"
    REFUSE = "refuse"  # answer with an error frame, keep the connection
    CLOSE = "close"  # the client keeps flooding: close the connection with a reason


class RateLimiter:
    """A token bucket per connection, plus strikes that end a connection that keeps flooding.

    ``rate`` frames per second are allowed on average, with bursts of up to ``burst``. Each
    refused frame adds a strike; strikes drain at one per second, so a client that keeps
    sending faster than the rate collects them and is closed once it has more than
    ``max_strikes``, while a single burst over the limit only earns error frames.
    """

    __slots__ = ("rate", "burst", "max_strikes", "_clock", "_tokens", "_strikes", "_last",
                 "last_seen")

    def __init__(self, rate: float, burst: float, *, max_strikes: float = 20.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate = rate
        self.burst = burst
        self.max_strikes = max_strikes
        self._clock = clock
        self._tokens = burst
        self._strikes = 0.0
        self._last = clock()
        self.last_seen = self._last  # when the client last sent anything (for idle checks)

    def allow(self) -> Verdict:
        """Take one token for an incoming frame and say whether to handle it."""
        now = self._clock()
        elapsed = max(0.0, now - self._last)
        self._last = self.last_seen = now
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate)
        self._strikes = max(0.0, self._strikes - elapsed)
        if self._tokens >= 1:
            self._tokens -= 1
            return Verdict.ALLOW
        self._strikes += 1
        return Verdict.CLOSE if self._strikes > self.max_strikes else Verdict.REFUSE

    def retry_after(self) -> float:
        """Seconds until the next frame would be allowed."""
        return max(0.0, (1 - self._tokens) / self.rate)


@dataclass(slots=True)
class _Failures:
    count: int = 0
    locked_until: float = 0.0


ANONYMOUS = ""
"""The login source of a client that shows no device token of the account: every stranger."""


class LoginThrottle:
    """Exponential back-off per (account name, source) after repeated failed logins.

    The source is the hash of a device token the relay gave a console after a successful
    login to that account, or ``ANONYMOUS``. A stranger's failures lock only the anonymous
    source of the name, so a console that has logged in before keeps its own record and is
    never refused the right password because someone else guessed (issue 10, finding 4).

    The first ``free_failures`` failures of a source cost nothing; each one after that locks
    it for ``base_delay_s`` doubled per extra failure, up to ``max_delay_s``. A success clears
    the record. The name is used exactly as typed (account names are case-sensitive ASCII), so
    ``"ANNA "`` is a name of its own, not anna. Unknown names are throttled exactly like real
    ones, so the answers do not tell which accounts exist. At most ``max_names`` records are
    kept (least recently failed dropped first), so a flood of invented names cannot grow
    memory without bound. Nothing about the client (no address) is kept.
    """

    def __init__(self, *, free_failures: int = 5, base_delay_s: float = 2.0,
                 max_delay_s: float = 900.0, max_names: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.free_failures = free_failures
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.max_names = max_names
        self._clock = clock
        self._failures: OrderedDict[tuple[str, str], _Failures] = OrderedDict()

    @staticmethod
    def _key(username: str, source: str) -> tuple[str, str]:
        return username[:200], source

    def wait_s(self, username: str, source: str = ANONYMOUS) -> float:
        """Seconds this name must wait from this source before the next attempt (0: now)."""
        record = self._failures.get(self._key(username, source))
        if record is None:
            return 0.0
        return max(0.0, record.locked_until - self._clock())

    def failed(self, username: str, source: str = ANONYMOUS) -> float:
        """Record a failed attempt; returns the wait it imposes from now on (0 if none)."""
        key = self._key(username, source)
        record = self._failures.pop(key, None) or _Failures()
        self._failures[key] = record
        while len(self._failures) > self.max_names:
            self._failures.popitem(last=False)
        record.count += 1
        extra = record.count - self.free_failures
        if extra <= 0:
            return 0.0
        delay = min(self.max_delay_s, self.base_delay_s * 2.0 ** min(extra - 1, 30))
        record.locked_until = self._clock() + delay
        return delay

    def just_locked(self, username: str, source: str = ANONYMOUS) -> bool:
        """Whether the last failure was the one that started the lock (to tell people once)."""
        record = self._failures.get(self._key(username, source))
        return record is not None and record.count == self.free_failures + 1

    def succeeded(self, username: str, source: str = ANONYMOUS) -> None:
        self._failures.pop(self._key(username, source), None)


class Budget:
    """At most ``per_minute`` events in any sliding minute, relay-wide; the rest are refused
    (and counted in ``refused``, so what was dropped can be reported once)."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._times: deque[float] = deque()
        self.refused = 0

    def take(self) -> bool:
        now = self._clock()
        while self._times and self._times[0] <= now - 60.0:
            self._times.popleft()
        if len(self._times) >= self.per_minute:
            self.refused += 1
            return False
        self._times.append(now)
        return True


class Busy(Exception):
    """No password-check slot within the time allowed, or too many logins already waiting."""


class PasswordSlots:
    """The few slots in which Argon2 password checks run, with a short, bounded queue.

    Argon2id is costly on purpose, so only ``slots`` checks run at once. Logins waiting for a
    slot are bounded twice: at most ``max_waiting`` wait (more are refused at once) and none
    waits longer than ``max_wait_s``. Logins from a console with a device token of the account
    go before strangers' (``priority``), so a flood of invented names cannot make the real
    staff member wait (issue 10, finding 5). Session-token logins never come here.
    """

    def __init__(self, slots: int = 2, *, max_waiting: int = 16, max_wait_s: float = 3.0) -> None:
        self.free = slots
        self.max_waiting = max_waiting
        self.max_wait_s = max_wait_s
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._priority: deque[asyncio.Future[None]] = deque()

    @property
    def waiting(self) -> int:
        return len(self._waiting) + len(self._priority)

    async def acquire(self, *, priority: bool = False) -> None:
        """Wait for a slot; raises ``Busy`` when the queue is full or the wait too long."""
        if self.free > 0 and not self.waiting:
            self.free -= 1
            return
        if not priority and len(self._waiting) >= self.max_waiting:
            raise Busy
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue = self._priority if priority else self._waiting
        queue.append(future)
        try:
            await asyncio.wait_for(asyncio.shield(future), self.max_wait_s)
        except (TimeoutError, asyncio.CancelledError) as exc:
            if future.done() and not future.cancelled():
                self.release()  # the slot came just as the wait ended: hand it on
            else:
                future.cancel()
                with contextlib.suppress(ValueError):
                    queue.remove(future)
            if isinstance(exc, asyncio.CancelledError):
                raise
            raise Busy from None

    def release(self) -> None:
        for queue in (self._priority, self._waiting):
            while queue:
                future = queue.popleft()
                if not future.done():
                    future.set_result(None)
                    return
        self.free += 1


def describe_wait(seconds: float) -> str:
    """A wait as people read it: 'about 40 seconds', 'about 3 minutes'."""
    if seconds < 90:
        return f"about {max(1, round(seconds))} seconds"
    return f"about {round(seconds / 60)} minutes"
