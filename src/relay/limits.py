"""Abuse limits as plain objects: a per-connection rate limiter and per-account login back-off.

Both are sans-I/O: they take the current time from a clock you pass (``time.monotonic`` by
default), so tests drive them without sleeping and the relay only asks them for a verdict.
Nothing here knows who a visitor is: the rate limiter lives and dies with one connection, and
the login throttle is keyed by the account name that was typed, never by an address.
"""

from __future__ import annotations

import enum
import time
from collections import OrderedDict
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


class LoginThrottle:
    """Exponential back-off per account name after repeated failed logins.

    The first ``free_failures`` failures cost nothing; each one after that locks the account
    name for ``base_delay_s`` doubled per extra failure, up to ``max_delay_s``. A success
    clears the record. Unknown names are throttled exactly like real ones, so the answers do
    not tell which accounts exist. At most ``max_names`` names are remembered (least recently
    failed dropped first), so a flood of invented names cannot grow memory without bound.
    Nothing about the client (no address) is kept.
    """

    def __init__(self, *, free_failures: int = 5, base_delay_s: float = 2.0,
                 max_delay_s: float = 900.0, max_names: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.free_failures = free_failures
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.max_names = max_names
        self._clock = clock
        self._failures: OrderedDict[str, _Failures] = OrderedDict()

    @staticmethod
    def _key(username: str) -> str:
        return username.strip().casefold()[:200]

    def wait_s(self, username: str) -> float:
        """Seconds this account name must wait before the next attempt (0: may try now)."""
        record = self._failures.get(self._key(username))
        if record is None:
            return 0.0
        return max(0.0, record.locked_until - self._clock())

    def failed(self, username: str) -> float:
        """Record a failed attempt; returns the wait it imposes from now on (0 if none)."""
        key = self._key(username)
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

    def succeeded(self, username: str) -> None:
        self._failures.pop(self._key(username), None)


def describe_wait(seconds: float) -> str:
    """A wait as people read it: 'about 40 seconds', 'about 3 minutes'."""
    if seconds < 90:
        return f"about {max(1, round(seconds))} seconds"
    return f"about {round(seconds / 60)} minutes"
