"""Staff login: session tokens, passwords (Argon2id), TOTP, and the throttles around them.

``StaffLogin.authenticate`` checks a ``login`` frame and says who logged in (``LoggedIn``) or
why not (``Refused``, with the error and close code the connection gets); relay/sessions.py
applies it. No address is kept: failed logins back off per account and per console device
token (relay/limits.py), Argon2 checks wait in a short bounded queue, and audit rows anyone
can cause without an account are marked ``UNAUTHENTICATED`` and rate-limited.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from relay import auth, protocol
from relay.config import RelayConfig
from relay.counters import Counters
from relay.limits import ANONYMOUS, Budget, Busy, LoginThrottle, PasswordSlots, describe_wait
from relay.organisations import session_fields
from relay.protocol import PROTOCOL_VERSION, Frame
from relay.storage import StaffAccount, Storage, StorageError
from relay.terminal_text import visible

log = logging.getLogger("lotsen.relay")

# The actor of audit rows anyone can cause without an account (failed logins, lockouts). Not a
# possible username (those are ASCII letters, digits, '.', '-', '_'), so never a real actor.
UNAUTHENTICATED = "(unauthenticated)"
# How long a console's device token keeps its failed logins apart from strangers'.
DEVICE_DAYS = 180


@dataclass(frozen=True, slots=True)
class LoggedIn:
    """A login that succeeded: the account, and the ``session`` frame that tells the console."""

    account: StaffAccount
    token_hash: str
    session: protocol.Session


@dataclass(frozen=True, slots=True)
class Refused:
    """A login that did not: the error frame's code and message, and how to close."""

    code: str
    message: str
    close_code: int
    close_reason: str


# A referral directory larger than this is not sent to consoles (they show the shipped one).
MAX_DIRECTORY_BYTES = 512 * 1024


@functools.lru_cache(maxsize=64)
def directory_text(path: Path | None) -> str | None:
    """The text of a referral directory file, for consoles' referral panes (read once; None
    when there is none, or it cannot be read: the relay's own triage says why at start)."""
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_DIRECTORY_BYTES:
            return None
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class StaffLogin:
    """One relay's login checks and their throttles."""

    def __init__(self, config: RelayConfig, storage: Storage, counters: Counters, *,
                 tell_supervisors: Callable[[Frame], None],
                 clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.storage = storage
        self.counters = counters
        self.tell_supervisors = tell_supervisors
        self.clock = clock
        # Per-account login back-off, no address kept (relay/limits.py).
        self.throttle = LoginThrottle(free_failures=config.login_free_failures,
                                      max_delay_s=config.login_max_delay_s)
        self._totp_used: dict[str, int] = {}  # username -> last accepted TOTP time step
        # Argon2 is costly: two checks at a time, a short bounded queue (relay/limits.py).
        self._password_slots = PasswordSlots(2, max_waiting=config.login_queue,
                                             max_wait_s=config.login_queue_wait_s)
        self.unauthenticated_audit = Budget(config.unauthenticated_audit_per_minute)
        self._audit_summary_at = -60.0  # when the last row summing up dropped ones was written

    async def authenticate(self, login: protocol.Login) -> LoggedIn | Refused:
        now = self.clock()
        account: StaffAccount | None = None
        token: str | None = None
        device: str | None = None
        if login.session:  # one indexed query: never waits behind password checks
            digest = auth.token_hash(login.session)
            account = await self.storage.session(digest, now)
            token = login.session if account else None
            if account is None:
                self.counters.count("logins_failed")
                await self.audit_unauthenticated("login_failed", "session token")
        elif login.user and login.password:
            checked = await self._password_login(login, now)
            if isinstance(checked, Refused):
                return checked
            account, token, device = checked
        else:
            self.counters.count("logins_failed")
            await self.audit_unauthenticated("login_failed", "no password or session")
        if account is None or token is None:
            message = ("Your session has ended; log in again." if login.session
                       else "Wrong username or password.")
            return Refused("auth_failed", message, protocol.CLOSE_AUTH_FAILED, message)
        await self.storage.audit(account.username, "login")
        self.counters.count("logins")
        token_hash = auth.token_hash(token)
        expires = now + self.config.session_hours * 3600
        if login.session:  # a reconnect does not extend the session: tell its real end
            expires = await self.storage.session_expires(token_hash) or expires
        return LoggedIn(account, token_hash, protocol.Session(
            PROTOCOL_VERSION, token, account.username, account.display_name, account.supervisor,
            expires, device, *session_fields(self.config.organisation),
            directory_text(self.config.referral_directory)))

    async def _password_login(self, login: protocol.Login, now: float
                              ) -> tuple[StaffAccount | None, str | None, str | None] | Refused:
        """Check a password login: (account, session token, device token), (None, None, None)
        for a wrong one, or Refused when it was refused without a check (throttled, busy)."""
        assert login.user is not None and login.password is not None
        candidate = await self.storage.staff(login.user)
        source = ANONYMOUS
        if login.device and candidate is not None:
            owner = await self.storage.device_owner(auth.token_hash(login.device), now)
            if owner == candidate.id:
                source = auth.token_hash(login.device)
        wait = self.throttle.wait_s(login.user, source)
        if wait > 0:
            self.counters.count("logins_throttled")
            return _refused("throttled", "Too many failed logins for this account; wait "
                            f"{describe_wait(wait)} and try again.")
        try:
            await self._password_slots.acquire(priority=source != ANONYMOUS)
        except Busy:
            self.counters.count("logins_busy")
            return Refused("busy", "Many logins are being checked right now; try again in a "
                           "few seconds.", protocol.CLOSE_TRY_AGAIN, "busy")
        try:
            ok = await asyncio.get_running_loop().run_in_executor(
                None, auth.verify_password,
                candidate.password_hash if candidate else None, login.password)
        finally:
            self._password_slots.release()
        if not ok or candidate is None or candidate.disabled:
            await self._login_failed(login.user, source, candidate)
            return None, None, None
        if candidate.totp_secret is not None:
            candidate.totp_last_step = await self.storage.totp_last_step(candidate.username)
        refused = self._second_factor(candidate, login.totp)
        if refused is not None:
            if refused[0] == "totp_invalid":
                await self._login_failed(login.user, source, candidate, password_right=True)
            return _refused(*refused)
        if candidate.totp_secret is not None:  # remember the step used, across restarts
            await self.storage.update_staff(candidate.username,
                                            totp_last_step=self._totp_used[candidate.username])
        self.throttle.succeeded(login.user, source)
        token = auth.new_token()
        await self.storage.create_session(auth.token_hash(token), candidate.id, now,
                                          now + self.config.session_hours * 3600)
        device = login.device if source != ANONYMOUS else None
        if device is None:
            device = auth.new_token()
            await self.storage.create_device(auth.token_hash(device), candidate.id, now,
                                             now + DEVICE_DAYS * 86400)
        return candidate, token, device

    async def _login_failed(self, typed: str, source: str, account: StaffAccount | None, *,
                            password_right: bool = False) -> None:
        """Count a failed login towards the back-off; audit it, and tell supervisors when it
        locks a real account."""
        self.counters.count("logins_failed")
        delay = self.throttle.failed(typed, source)
        if password_right and account is not None:  # only a wrong second factor: a real actor
            await self.storage.audit(account.username, "login_failed", None, "second factor")
        else:
            await self.audit_unauthenticated("login_failed", f"user={typed[:64]}")
        if delay <= 0 or not self.throttle.just_locked(typed, source):
            return
        self.counters.count("logins_locked")
        origin = "a console of theirs" if source != ANONYMOUS else "consoles without a device token"
        await self.audit_unauthenticated(
            "login_locked", f"user={typed[:64]} source={'device' if source else 'unknown'}")
        if account is not None:
            self.tell_supervisors(protocol.Error(
                "login_locked", f"Password logins to {account.username} from {origin} are "
                f"locked for {describe_wait(delay)} after repeated failures; consoles that "
                "logged in to it before are not affected. See lotsen audit."))

    def _second_factor(self, account: StaffAccount, code: str | None) -> tuple[str, str] | None:
        """Why a correct password is not enough yet (error code and message), or None."""
        policy = self.config.require_totp
        required = policy == "all" or (policy == "supervisors" and account.supervisor)
        if account.totp_secret is None:
            if required:
                return ("totp_not_enrolled", "Your account needs a second login factor that is "
                        f"not set up; ask an administrator to run: lotsen staff totp "
                        f"{account.username}")
            return None
        if not code:
            return ("totp_required", "Enter the 6-digit code from your authenticator app.")
        step = auth.totp_step(account.totp_secret, code, self.clock())
        last = max(self._totp_used.get(account.username, -1),
                   -1 if account.totp_last_step is None else account.totp_last_step)
        if step is None or step <= last:
            return ("totp_invalid", "That code is wrong or was already used; "
                    "enter the code your authenticator app shows now.")
        self._totp_used[account.username] = step
        return None

    async def audit_unauthenticated(self, action: str, detail: str) -> None:
        """An audit row anyone can cause without an account: marked, short, rate-limited."""
        if not self.unauthenticated_audit.take():
            self.counters.count("audit_unauthenticated_dropped")
            return
        await self._store_quietly(UNAUTHENTICATED, action, visible(detail)[:200])

    async def audit_dropped_summary(self) -> None:
        """Rows refused by the per-minute budget are summed up in one row, at most one such
        row a minute (the relay calls this every few seconds)."""
        budget = self.unauthenticated_audit
        if budget.refused and time.monotonic() - self._audit_summary_at >= 60.0:
            self._audit_summary_at = time.monotonic()
            dropped, budget.refused = budget.refused, 0
            await self._store_quietly(UNAUTHENTICATED, "audit_dropped", f"count={dropped}")

    async def _store_quietly(self, actor: str, action: str, detail: str) -> None:
        try:
            await self.storage.audit(actor, action, None, detail)
        except StorageError as exc:
            log.warning("write failed", extra={"event": "write_failed", "error": str(exc)})


def _refused(code: str, message: str) -> Refused:
    return Refused(code, message, protocol.CLOSE_AUTH_FAILED, message[:120])
