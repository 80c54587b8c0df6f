"""Relay configuration: one dataclass with sensible defaults, loaded from an optional TOML file.

No config file is needed to run Lotsen. When one is given, every error names the file and the
line, so ops can fix it without reading code (``lotsen config check FILE``). ``LOTSEN_*``
environment variables then override single options; they are checked by the same code as the
file, and their errors name the variable.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from relay.cover import CoverProblem, CoverTerm, Party, agreements, parse_term
from relay.hours import Interval, IntervalError, OpeningHours, parse_interval
from relay.logs import LOG_LEVELS
from relay.network_rooms import MAX_ROOM_NAME_CHARS, NetworkConfig, NetworkRoom, room_id_problem
from relay.organisations import (
    CANNED_KEY,
    DEFAULT_ORG,
    MAX_NAME_CHARS,
    CannedReply,
    Organisation,
    Organisations,
    org_id_problem,
)
from relay.protocol import DEFAULT_EMERGENCY, LANGUAGES, WEEKDAYS, EmergencyContact
from relay.questions import OFFER_WHEN, QuestionsConfig
from relay.storage import Database, database_target
from relay.terminal_text import visible
from vocabulary.phrases import Phrase, PhrasedError, phrase

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_DATABASE = "lotsen.db"

# Topic tags a close may carry unless [chat] topic_tags says otherwise: the console's defaults.
DEFAULT_TOPIC_TAGS = ("alcohol", "drugs", "gambling", "medication", "mental_health",
                      "relationships", "violence", "suicide", "parenting", "money", "other")
TAG_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,39}")


class ConfigError(PhrasedError):
    """A config file that cannot be used; the message names the file and line.

    Raised with a key of ``vocabulary.phrases.PHRASES`` and its arguments (or a ``Phrase``),
    so the CLI says it in its own language; ``str()`` is English."""


@dataclass(frozen=True, slots=True)
class RelayConfig:
    """Everything the relay needs to run. Defaults run a local relay with no file at all."""

    # Network
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allowed_origins: tuple[str, ...] = ()
    # TLS directly in the relay (optional; usually a reverse proxy terminates TLS).
    certfile: Path | None = None
    keyfile: Path | None = None
    # Storage
    database: Database = Path(DEFAULT_DATABASE)  # a SQLite file or a postgresql:// URL
    retention_days: int = 30
    audit_retention_days: int = 365  # the audit log's own retention (the hourly purge)
    # Conversations
    default_language: str = "sv"
    hours: OpeningHours = field(default_factory=OpeningHours)
    emergency: tuple[EmergencyContact, ...] = DEFAULT_EMERGENCY
    default_handle_minutes: float = 10.0
    session_hours: float = 12.0
    # A staff member gone this long has their conversations returned to the queue.
    staff_grace_s: float = 120.0
    referral_directory: Path | None = None
    # Topic tags a close may carry (the consoles' close dialog offers these ids).
    topic_tags: tuple[str, ...] = DEFAULT_TOPIC_TAGS
    # Count completed self-tests per instrument (anonymous, no score): off unless asked for.
    selftest_counts: bool = False
    # Limits
    max_text_chars: int = 4000
    handshake_timeout: float = 5.0
    max_visitors: int = 2000  # concurrent visitor connections; more get a "busy" answer
    visitor_rate: float = 2.0  # frames per second per visitor connection, on average
    visitor_burst: int = 20
    staff_rate: float = 20.0
    staff_burst: int = 200
    idle_timeout_s: float = 900.0  # a visitor socket with no chat and no traffic is closed
    ping_interval_s: float = 20.0
    ping_timeout_s: float = 20.0
    max_unauthenticated_staff: int = 64  # silent staff connections; beyond, the oldest goes
    unauthenticated_audit_per_minute: int = 60  # audit rows anyone can cause (failed logins)
    closed_visits_per_minute: int = 120  # widget openings while closed counted per minute
    # The waiting queue (docs/security.md, "Queue flooding")
    max_waiting: int = 200  # chats waiting at once; beyond it new chats get "queue_closed"
    chats_per_minute: int = 60  # new chats relay-wide per minute; beyond it "queue_closed"
    chats_per_connection: int = 3  # new chats one visitor connection may start per minute
    visitor_gone_s: float = 300.0  # a waiting chat whose visitor left this long leaves the queue
    queue_snapshot_entries: int = 100  # entries in a staff queue snapshot (plus the total)
    # Staff authentication
    require_totp: str = "none"  # "none", "supervisors" or "all"
    login_free_failures: int = 5  # failed logins per account before back-off starts
    login_max_delay_s: float = 900.0
    session_check_s: float = 2.0  # how often live staff sessions are re-checked (disable, expiry)
    login_queue: int = 16  # password logins that may wait for an Argon2 slot; more are "busy"
    login_queue_wait_s: float = 3.0  # longest wait for an Argon2 slot before "busy"
    # Logs
    log_level: str = "info"  # one of relay.logs.LOG_LEVELS
    log_json: bool = False  # one JSON object per line instead of plain text
    # Reports: a figure below this count shows as "< N" and gets no percentage (lotsen report).
    report_min_count: int = 5
    # Questions outside opening hours ([questions], relay/questions.py)
    questions: QuestionsConfig = field(default_factory=QuestionsConfig)
    # The organisations this relay serves ([[organisation]], relay/organisations.py); none
    # configured: one implicit organisation made of the settings above.
    organisations: tuple[Organisation, ...] = ()
    # The professionals' network across the organisations ([network], relay/network_rooms.py).
    network: NetworkConfig = field(default_factory=NetworkConfig)
    # The organisation this config is seen as (for_organisation): whose rows storage reads
    # and writes, and whose hours, contacts, directory and retention the fields above hold.
    org: str = DEFAULT_ORG
    # The organisation itself, when this is one of several a relay serves (for_organisation).
    organisation: Organisation | None = None
    # Where the config came from, for messages.
    source: Path | None = None

    def served(self) -> Organisations:
        """The organisations this relay serves: the configured ones, or the implicit one."""
        if self.organisations:
            return Organisations(self.organisations, implicit=False)
        return Organisations((self.implicit_organisation(),), implicit=True)

    def for_organisation(self, org: Organisation) -> RelayConfig:
        """This config as organisation ``org`` sees it: its own hours, emergency contacts,
        referral directory, retention, language and origins in place of the relay-wide ones."""
        return replace(self, org=org.id, allowed_origins=org.origins, hours=org.hours,
                       emergency=org.emergency, referral_directory=org.referral_directory,
                       retention_days=org.retention_days, default_language=org.default_language,
                       organisation=org if self.organisations else None)

    def implicit_organisation(self) -> Organisation:
        """The one organisation of a relay with none configured, made of relay-wide settings."""
        return Organisation(
            id=DEFAULT_ORG, name=DEFAULT_ORG, origins=self.allowed_origins, hours=self.hours,
            emergency=self.emergency, referral_directory=self.referral_directory,
            retention_days=self.retention_days, default_language=self.default_language)

    def with_overrides(self, **changes: Any) -> RelayConfig:
        """A copy with the given fields replaced, skipping those whose value is None."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _problem(problem: str | Phrase, args: dict[str, Any]) -> Phrase:
    """A fail() call's problem as a Phrase: a key of PHRASES with its arguments, or ready."""
    return problem if isinstance(problem, Phrase) else phrase(problem, **args)


def _line_of(text: str, table: str | None, key: str) -> int | None:
    """The 1-based line where ``key`` is set (inside ``[table]`` if given), for error messages."""
    current: str | None = None
    key_re = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            current = header.group(1)
            if table is None and current == key:
                return number
            continue
        if key_re.match(line) and (table is None or current == table or current is None and
                                   table == ""):
            return number
    return None


def _entry_line(text: str, array: str, index: int) -> int | None:
    """The 1-based line of the ``index``-th ``[[array]]`` header, or None."""
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(array)}\s*\]\]")
    found = [number for number, line in enumerate(text.splitlines(), start=1)
             if pattern.match(line)]
    return found[index] if index < len(found) else None


# How a type is named in an error message ops read (a key of PHRASES: config.kind.<name>).
_KIND_NAMES: dict[type, str] = {int: "int", float: "float", str: "str", bool: "bool",
                                list: "list", dict: "dict"}


class _Reader:
    """Reads typed values out of parsed TOML and raises ConfigError with file and line."""

    # False: the data describes whole tables, as a file does (a weekday it leaves out is
    # closed). True: each key replaces one option and the rest stays as it was (variables).
    layered = False

    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path, self.text, self.data = path, text, data

    def fail(self, table: str, key: str, problem: str | Phrase, /, **args: Any) -> ConfigError:
        """The error for ``table.key``: ``problem`` is a key of PHRASES (with ``args``)."""
        return self.fail_at(self.line(table, key), table, key, problem, **args)

    def line(self, table: str, key: str) -> int | None:
        """Where ``table.key`` is: its own line, else its table's header (a top-level table
        when ``table`` is empty, e.g. an unknown ``[srever]``)."""
        return (_line_of(self.text, table, key) or _line_of(self.text, None, table or key))

    def entry_line(self, array: str, index: int) -> int | None:
        """The header line of the ``index``-th ``[[array]]`` table."""
        return _entry_line(self.text, array, index)

    def fail_at(self, line: int | None, table: str, key: str, problem: str | Phrase, /,
                **args: Any) -> ConfigError:
        """The error for ``table.key`` found at ``line`` (the file alone when None)."""
        where = f"{self.path}:{line}" if line else str(self.path)
        name = f"{table}.{key}" if table else key
        return ConfigError("config.at", where=where, name=name, problem=_problem(problem, args))

    def resolve(self, name: str) -> Path:
        """A path given in the file, relative to the file's folder."""
        return (self.path.parent / name).resolve()

    def value(self, table: str, key: str, kinds: tuple[type, ...]) -> Any:
        """The value of a key that is present; TOML has typed it already."""
        return (self.table(table) if table else self.data)[key]

    def table(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail("", name, "config.must_be_table", name=name)
        return value

    def get(self, table: str, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
        section = self.table(table) if table else self.data
        if key not in section:
            return default
        kinds = kind if isinstance(kind, tuple) else (kind,)
        value = self.value(table, key, kinds)
        if isinstance(value, bool) and bool not in kinds:
            value = None
        if not isinstance(value, kinds):
            named = [k for k in kinds if not (k is int and float in kinds)]  # 12 is a number too
            names = phrase(f"config.kind.{_KIND_NAMES[named[0]]}")
            for other in named[1:]:
                names = phrase("config.either", first=names,
                               second=phrase(f"config.kind.{_KIND_NAMES[other]}"))
            raise self.fail(table, key, "config.wrong_kind", kinds=names, value=value)
        return value


_KNOWN = {
    "server": {"host", "port", "database", "allowed_origins", "certfile", "keyfile"},
    "chat": {"default_language", "retention_days", "session_hours", "default_handle_minutes",
             "max_text_chars", "audit_retention_days", "topic_tags", "selftest_counts"},
    "hours": {"timezone", "always_open", "last_entry_minutes", "closed_dates", "special",
              *WEEKDAYS},
    "referrals": {"directory"},
    "emergency": set(),
    "console": {"canned"},
    "limits": {"max_visitors", "visitor_rate", "visitor_burst", "staff_rate", "staff_burst",
               "idle_timeout_s", "handshake_timeout_s", "ping_interval_s", "ping_timeout_s",
               "max_unauthenticated_staff", "unauthenticated_audit_per_minute",
               "closed_visits_per_minute"},
    "auth": {"require_totp", "login_free_failures", "login_max_delay_s", "session_check_s",
             "login_queue", "login_queue_wait_s"},
    "log": {"level", "json"},
    "queue": {"max_waiting", "chats_per_minute", "chats_per_connection", "visitor_gone_s",
              "snapshot_entries"},
    "report": {"min_count"},
    "questions": {"enabled", "retention_days", "max_open", "offer_when"},
    "organisation": set(),  # [[organisation]] tables: _ORG_KNOWN
    "network": {"retention_days", "room"},  # room: [[network.room]] tables
}
# Keys of one [[organisation]] table; hours and emergency are read like the relay-wide ones.
_ORG_KNOWN = {"id", "name", "origins", "hours", "emergency", "referral_directory",
              "retention_days", "canned", "default_language", "network", "cover"}


def load_config(path: Path | str, base: RelayConfig | None = None) -> RelayConfig:
    """Read a TOML config file on top of ``base`` (the defaults), or raise ConfigError."""
    path = Path(path)
    try:
        # utf-8-sig: a byte-order mark some Windows editors write is not a TOML statement.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("config.file", where=path, problem=phrase("config.no_file")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("config.file", where=path,
                          problem=phrase("config.cannot_read", reason=exc)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        where = f"{path}:{match.group(1)}" if match else str(path)
        raise ConfigError("config.file", where=where,
                          problem=phrase("config.not_toml", reason=exc)) from None
    return replace(_from_data(_Reader(path, text, data), base or RelayConfig()), source=path)


def _from_data(r: _Reader, cfg: RelayConfig) -> RelayConfig:
    for name, value in r.data.items():
        if name not in _KNOWN:
            raise r.fail("", name, "config.unknown_section", known=", ".join(sorted(_KNOWN)))
        if name not in ("emergency", "organisation") and isinstance(value, dict):
            for key in value:
                if key not in _KNOWN[name]:
                    raise r.fail(name, key, "config.unknown_key")

    port = r.get("server", "port", int, cfg.port)
    if not 0 <= port <= 65535:
        raise r.fail("server", "port", "config.between", low=0, high=65535)
    origins = r.get("server", "allowed_origins", list, list(cfg.allowed_origins))
    if not all(isinstance(o, str) and re.match(r"^https?://[^/]+$", o) for o in origins):
        raise r.fail("server", "allowed_origins", "config.origins")
    database = r.get("server", "database", str, str(cfg.database))

    language = r.get("chat", "default_language", str, cfg.default_language)
    if language not in LANGUAGES:
        raise r.fail("chat", "default_language", "config.one_of",
                     choices=phrase("config.choices.language"))
    retention = r.get("chat", "retention_days", int, cfg.retention_days)
    if retention < 1:
        raise r.fail("chat", "retention_days", "config.at_least", least=1)
    audit_retention = r.get("chat", "audit_retention_days", int, cfg.audit_retention_days)
    if audit_retention < 1:
        raise r.fail("chat", "audit_retention_days", "config.at_least", least=1)
    tags = r.get("chat", "topic_tags", list, list(cfg.topic_tags))
    if not tags or not all(isinstance(t, str) and TAG_ID.fullmatch(t) for t in tags):
        raise r.fail("chat", "topic_tags", "config.topic_tags")
    session_hours = float(r.get("chat", "session_hours", (int, float), cfg.session_hours))
    handle = float(r.get("chat", "default_handle_minutes", (int, float),
                         cfg.default_handle_minutes))
    max_text = r.get("chat", "max_text_chars", int, cfg.max_text_chars)
    if not 1 <= max_text <= 4000:
        raise r.fail("chat", "max_text_chars", "config.between", low=1, high=4000)

    directory = r.get("referrals", "directory", str, None)
    referral_directory = cfg.referral_directory
    if directory is not None:
        referral_directory = r.resolve(directory)

    log_level = r.get("log", "level", str, cfg.log_level).lower()
    if log_level not in LOG_LEVELS:
        raise r.fail("log", "level", "config.one_of", choices=phrase("config.choices.log_level"))

    relay_wide = replace(
        cfg,
        host=r.get("server", "host", str, cfg.host),
        port=port,
        allowed_origins=tuple(origins),
        database=database_target(database),
        retention_days=retention,
        audit_retention_days=audit_retention,
        topic_tags=tuple(dict.fromkeys(tags)),
        default_language=language,
        session_hours=session_hours,
        default_handle_minutes=handle,
        max_text_chars=max_text,
        hours=_hours(r, cfg.hours),
        emergency=_emergency(r, cfg.emergency),
        referral_directory=referral_directory,
        selftest_counts=r.get("chat", "selftest_counts", bool, cfg.selftest_counts),
        log_level=log_level,
        log_json=r.get("log", "json", bool, cfg.log_json),
        report_min_count=_min_count(r, cfg.report_min_count),
        questions=_questions(r, cfg.questions),
        **_security(r, cfg),
        **_queue(r, cfg),
    )
    return replace(relay_wide, organisations=_organisations(r, relay_wide),
                   network=_network(r, cfg.network))


def _queue(r: _Reader, cfg: RelayConfig) -> dict[str, Any]:
    """The [queue] table: limits against flooding the waiting queue, validated."""
    values: dict[str, Any] = {}
    for key, field_name in (("max_waiting", "max_waiting"),
                            ("chats_per_minute", "chats_per_minute"),
                            ("chats_per_connection", "chats_per_connection"),
                            ("snapshot_entries", "queue_snapshot_entries")):
        value = r.get("queue", key, int, getattr(cfg, field_name))
        if value < 1:
            raise r.fail("queue", key, "config.at_least", least=1)
        values[field_name] = int(value)
    gone = float(r.get("queue", "visitor_gone_s", (int, float), cfg.visitor_gone_s))
    if gone <= 0:
        raise r.fail("queue", "visitor_gone_s", "config.above_zero")
    values["visitor_gone_s"] = gone
    return values


def _min_count(r: _Reader, default: int) -> int:
    value = r.get("report", "min_count", int, default)
    if value < 1:
        raise r.fail("report", "min_count", "config.at_least", least=1)
    return int(value)


def _questions(r: _Reader, base: QuestionsConfig) -> QuestionsConfig:
    """The [questions] table: questions asked outside opening hours, read with a code."""
    retention = r.get("questions", "retention_days", int, base.retention_days)
    if retention < 1:
        raise r.fail("questions", "retention_days", "config.at_least", least=1)
    max_open = r.get("questions", "max_open", int, base.max_open)
    if max_open < 1:
        raise r.fail("questions", "max_open", "config.at_least", least=1)
    offer = r.get("questions", "offer_when", str, base.offer_when)
    if offer not in OFFER_WHEN:
        raise r.fail("questions", "offer_when", "config.one_of",
                     choices=phrase("config.choices.offer_when"))
    return QuestionsConfig(enabled=r.get("questions", "enabled", bool, base.enabled),
                           retention_days=retention, max_open=max_open, offer_when=offer)


def _security(r: _Reader, cfg: RelayConfig) -> dict[str, Any]:
    """The [limits] and [auth] tables and the TLS files of [server], validated."""

    def positive(table: str, key: str, default: float) -> float:
        value = float(r.get(table, key, (int, float), default))
        if value <= 0:
            raise r.fail(table, key, "config.above_zero")
        return value

    def count(table: str, key: str, default: int) -> int:
        value = r.get(table, key, int, default)
        if value < 1:
            raise r.fail(table, key, "config.at_least", least=1)
        return int(value)

    require_totp = r.get("auth", "require_totp", str, cfg.require_totp)
    if require_totp not in ("none", "supervisors", "all"):
        raise r.fail("auth", "require_totp", "config.one_of",
                     choices=phrase("config.choices.require_totp"))
    files: dict[str, Path | None] = {}
    for key in ("certfile", "keyfile"):
        name = r.get("server", key, str, None)
        files[key] = r.resolve(name) if name else getattr(cfg, key)
    if (files["certfile"] is None) != (files["keyfile"] is None):
        raise r.fail("server", "certfile" if files["certfile"] is None else "keyfile",
                     "config.tls_pair")
    free = r.get("auth", "login_free_failures", int, cfg.login_free_failures)
    if free < 0:
        raise r.fail("auth", "login_free_failures", "config.not_negative")
    return {
        **files,
        "max_visitors": count("limits", "max_visitors", cfg.max_visitors),
        "visitor_rate": positive("limits", "visitor_rate", cfg.visitor_rate),
        "visitor_burst": count("limits", "visitor_burst", cfg.visitor_burst),
        "staff_rate": positive("limits", "staff_rate", cfg.staff_rate),
        "staff_burst": count("limits", "staff_burst", cfg.staff_burst),
        "idle_timeout_s": positive("limits", "idle_timeout_s", cfg.idle_timeout_s),
        "handshake_timeout": positive("limits", "handshake_timeout_s", cfg.handshake_timeout),
        "ping_interval_s": positive("limits", "ping_interval_s", cfg.ping_interval_s),
        "ping_timeout_s": positive("limits", "ping_timeout_s", cfg.ping_timeout_s),
        "max_unauthenticated_staff": count("limits", "max_unauthenticated_staff",
                                           cfg.max_unauthenticated_staff),
        "unauthenticated_audit_per_minute": count("limits", "unauthenticated_audit_per_minute",
                                                  cfg.unauthenticated_audit_per_minute),
        "closed_visits_per_minute": count("limits", "closed_visits_per_minute",
                                          cfg.closed_visits_per_minute),
        "login_queue": count("auth", "login_queue", cfg.login_queue),
        "login_queue_wait_s": positive("auth", "login_queue_wait_s", cfg.login_queue_wait_s),
        "require_totp": require_totp,
        "login_free_failures": free,
        "login_max_delay_s": positive("auth", "login_max_delay_s", cfg.login_max_delay_s),
        "session_check_s": positive("auth", "session_check_s", cfg.session_check_s),
    }


def _intervals(r: _Reader, table: str, key: str, value: Any) -> tuple[Interval, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise r.fail(table, key, "config.ranges")
    try:
        return tuple(sorted(parse_interval(v) for v in value))
    except IntervalError as exc:
        raise r.fail(table, key, exc.phrase) from None


def _hours(r: _Reader, base: OpeningHours) -> OpeningHours:
    section = r.table("hours")
    if not section:
        return base
    tz_name = r.get("hours", "timezone", str, base.timezone.key)
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail("hours", "timezone", "config.unknown_timezone", name=tz_name) from None
    weekly = dict(base.weekly)
    if any(day in section for day in WEEKDAYS) and not r.layered:
        weekly = {}  # a file lists the whole week: a day it leaves out is closed
    for index, day in enumerate(WEEKDAYS):
        if day in section:
            weekly[index] = _intervals(r, "hours", day, r.value("hours", day, (list,)))
    # A file lists every exception; a variable replaces the closed dates and keeps the rest.
    exceptions = dict(base.exceptions) if r.layered else {}
    if "closed_dates" in section:
        exceptions = {day: spans for day, spans in exceptions.items() if spans}
        for text in r.get("hours", "closed_dates", list, []):
            exceptions[_date(r, "hours", "closed_dates", text)] = ()
    special = r.get("hours", "special", dict, {})
    for text, ranges in special.items():
        exceptions[_date(r, "hours.special", text, text)] = _intervals(
            r, "hours.special", text, ranges)
    last_entry = r.get("hours", "last_entry_minutes", (int, float),
                       base.last_entry.total_seconds() / 60)
    if last_entry < 0:
        raise r.fail("hours", "last_entry_minutes", "config.not_negative")
    return OpeningHours(
        weekly=weekly,
        exceptions=exceptions,
        timezone=timezone,
        last_entry=timedelta(minutes=last_entry),
        always_open=r.get("hours", "always_open", bool, base.always_open),
    )


def _date(r: _Reader, table: str, key: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise r.fail(table, key, "config.not_a_date", value=value) from None


def _emergency(r: _Reader, base: tuple[EmergencyContact, ...]
               ) -> tuple[EmergencyContact, ...]:
    entries = r.data.get("emergency")
    if entries is None:
        return base
    if not isinstance(entries, list) or not entries:
        raise r.fail("", "emergency", "config.emergency_tables")
    out: list[EmergencyContact] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not (
            isinstance(entry.get("phone"), str) or isinstance(entry.get("url"), str)
        ):
            raise r.fail_at(r.entry_line("emergency", index) or r.line("", "emergency"), "",
                            "emergency", "config.emergency_entry")
        contact: EmergencyContact = {"name": entry["name"]}
        if "phone" in entry:
            contact["phone"] = str(entry["phone"])
        if "url" in entry:
            contact["url"] = str(entry["url"])
        if "note" in entry:
            contact["note"] = str(entry["note"])
        out.append(contact)
    return tuple(out)


# Every single-valued key of the file as LOTSEN_<SECTION>_<KEY>, e.g. LOTSEN_LIMITS_MAX_VISITORS;
# the two keys that hold a table of their own cannot be one variable.
_TABLE_KEYS = {("hours", "special"), ("console", "canned"), ("network", "room")}
ENV_KEYS = {f"LOTSEN_{section}_{key}".upper(): (section, key)
            for section, keys in _KNOWN.items() for key in sorted(keys)
            if (section, key) not in _TABLE_KEYS}

# Short names for the options a deployment commonly sets per machine; each maps to its place in
# the file and wins over the long name. Empty variables are ignored. (lotsen.example.toml lists
# them.)
ENV_OVERRIDES = {
    "LOTSEN_HOST": "server.host",
    "LOTSEN_PORT": "server.port",
    "LOTSEN_DB": "server.database",
    "LOTSEN_ALLOWED_ORIGINS": "server.allowed_origins",
    "LOTSEN_RETENTION_DAYS": "chat.retention_days",
    "LOTSEN_DEFAULT_LANGUAGE": "chat.default_language",
    "LOTSEN_TIMEZONE": "hours.timezone",
    "LOTSEN_ALWAYS_OPEN": "hours.always_open",
    "LOTSEN_REFERRAL_DIRECTORY": "referrals.directory",
}
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def _env_value(raw: str, kinds: tuple[type, ...]) -> Any:
    """A variable's text as the value a file would give a key of these kinds.

    A TOML value is read as one (``9100``, ``2.5``, ``["12:00-14:00"]``, ``"text"``), anything
    else is text; a list may also be written without brackets (``a, b``), a boolean as
    yes/no/on/off/1/0, and a key that wants text keeps the text as written (host ``1234``).
    """
    try:
        value: Any = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    if bool in kinds and raw.lower() in _TRUE | _FALSE:
        return raw.lower() in _TRUE
    if list in kinds and not isinstance(value, list):
        text = value if isinstance(value, str) else raw
        return [item.strip() for item in text.split(",") if item.strip()]
    if str in kinds and not isinstance(value, str):
        return raw
    return value


class _EnvReader(_Reader):
    """``LOTSEN_<SECTION>_<KEY>`` variables read as keys of a file, each changing one option.

    The file's own checks apply; an error names the variable and its value instead of a line.
    """

    layered = True

    def __init__(self, values: Mapping[str, str]) -> None:
        data: dict[str, Any] = {}
        for name, raw in values.items():
            table, key = ENV_KEYS[name]
            data.setdefault(table, {})[key] = raw
        super().__init__(Path(), "", data)

    def fail(self, table: str, key: str, problem: str | Phrase, /, **args: Any) -> ConfigError:
        name = f"LOTSEN_{table}_{key}".upper()
        raw = self.data.get(table, {}).get(key)
        # A rule can involve a key set elsewhere (TLS needs certfile and keyfile).
        if raw is None:
            return ConfigError("config.env_unset", name=name, problem=_problem(problem, args))
        return ConfigError("config.env", name=name, raw=raw, problem=_problem(problem, args))

    def resolve(self, name: str) -> Path:
        """A path given in a variable, relative to the working directory."""
        return Path(name).resolve()

    def value(self, table: str, key: str, kinds: tuple[type, ...]) -> Any:
        return _env_value(self.data[table][key], kinds)


def unknown_env_names(environ: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """Set ``LOTSEN_<SECTION>_<KEY>`` variables of a known section but no known key (typos).

    Each maps to the closest known name, or None. Other ``LOTSEN_*`` names are not Lotsen's
    to judge: other tools may use the prefix.
    """
    env = os.environ if environ is None else environ
    prefixes = tuple({f"LOTSEN_{section.upper()}_" for section, _ in ENV_KEYS.values()})
    known = [*ENV_KEYS, *ENV_OVERRIDES]
    return {
        name: next(iter(difflib.get_close_matches(name, known, n=1)), None)
        for name in sorted(env)
        if name.startswith(prefixes) and name not in known and env[name].strip()
    }


def shadowed_env_names(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """Set long names whose option's short name is set too, each to that short name (it wins)."""
    env = os.environ if environ is None else environ
    return {f"LOTSEN_{option.replace('.', '_')}".upper(): short
            for short, option in ENV_OVERRIDES.items() if env.get(short, "").strip()}


def config_from_env(cfg: RelayConfig, environ: Mapping[str, str] | None = None) -> RelayConfig:
    """Apply the ``LOTSEN_*`` variables on top of ``cfg``.

    First every ``LOTSEN_<SECTION>_<KEY>`` of ``ENV_KEYS``, checked by the file's own rules,
    then the short names of ``ENV_OVERRIDES``, which win over the long name of their option.
    An error names the variable and says what is wanted; unknown names are ignored.
    """
    env = os.environ if environ is None else environ
    shadowed = shadowed_env_names(env)
    generic = {name: env[name].strip() for name in ENV_KEYS
               if env.get(name, "").strip() and name not in shadowed}
    if generic:
        cfg = _from_data(_EnvReader(generic), cfg)
    values = {name: env[name].strip() for name in ENV_OVERRIDES if env.get(name, "").strip()}

    def bad(name: str, wanted: str, /, **args: Any) -> ConfigError:
        """The error for variable ``name``: ``wanted`` is a key of PHRASES (with ``args``)."""
        return ConfigError("config.env", name=name, raw=values[name],
                           problem=phrase(wanted, **args))

    changes: dict[str, Any] = {}
    if "LOTSEN_HOST" in values:
        changes["host"] = values["LOTSEN_HOST"]
    if "LOTSEN_PORT" in values:
        if not values["LOTSEN_PORT"].isdigit() or int(values["LOTSEN_PORT"]) > 65535:
            raise bad("LOTSEN_PORT", "config.env.port")
        changes["port"] = int(values["LOTSEN_PORT"])
    if "LOTSEN_DB" in values:
        changes["database"] = database_target(values["LOTSEN_DB"])
    if "LOTSEN_ALLOWED_ORIGINS" in values:
        origins = tuple(o for o in re.split(r"[\s,]+", values["LOTSEN_ALLOWED_ORIGINS"]) if o)
        if not all(re.match(r"^https?://[^/]+$", o) for o in origins):
            raise bad("LOTSEN_ALLOWED_ORIGINS", "config.env.origins")
        changes["allowed_origins"] = origins
    if "LOTSEN_RETENTION_DAYS" in values:
        if not values["LOTSEN_RETENTION_DAYS"].isdigit() or int(
                values["LOTSEN_RETENTION_DAYS"]) < 1:
            raise bad("LOTSEN_RETENTION_DAYS", "config.env.retention_days")
        changes["retention_days"] = int(values["LOTSEN_RETENTION_DAYS"])
    if "LOTSEN_DEFAULT_LANGUAGE" in values:
        if values["LOTSEN_DEFAULT_LANGUAGE"] not in LANGUAGES:
            raise bad("LOTSEN_DEFAULT_LANGUAGE", "config.one_of",
                      choices=phrase("config.choices.language"))
        changes["default_language"] = values["LOTSEN_DEFAULT_LANGUAGE"]
    hours = cfg.hours
    if "LOTSEN_TIMEZONE" in values:
        try:
            hours = replace(hours, timezone=ZoneInfo(values["LOTSEN_TIMEZONE"]))
        except (ZoneInfoNotFoundError, ValueError):
            raise bad("LOTSEN_TIMEZONE", "config.env.timezone") from None
    if "LOTSEN_ALWAYS_OPEN" in values:
        flag = values["LOTSEN_ALWAYS_OPEN"].lower()
        if flag not in _TRUE | _FALSE:
            raise bad("LOTSEN_ALWAYS_OPEN", "config.true_or_false")
        hours = replace(hours, always_open=flag in _TRUE)
    if hours is not cfg.hours:
        changes["hours"] = hours
    if "LOTSEN_REFERRAL_DIRECTORY" in values:
        changes["referral_directory"] = Path(values["LOTSEN_REFERRAL_DIRECTORY"]).resolve()
    return replace(cfg, **changes)


# ---------------------------------------------------------------------------------------------
# [[organisation]]: several organisations on one relay (relay/organisations.py)

_HEADER = re.compile(r"^(\s*)(\[\[?)\s*([^\]]+?)\s*(\]\]?)(.*)$")


def _organisation_block(text: str, index: int) -> str:
    """The file's text with only the ``index``-th [[organisation]] table left, and its
    sub-tables renamed as if at the top (``[organisation.hours]`` -> ``[hours]``).

    Every other line is blanked, so line numbers stay those of the file and the relay-wide
    readers (hours, emergency) find their keys inside this organisation's block only.
    """
    out: list[str] = []
    seen, inside = -1, False
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header:
            name = header.group(3)
            if name == "organisation" and header.group(2) == "[[":
                seen += 1
                inside = seen == index
                out.append("")
                continue
            if inside and name.startswith("organisation."):
                out.append(f"{header.group(1)}{header.group(2)}{name[len('organisation.'):]}"
                           f"{header.group(4)}{header.group(5)}")
                continue
            inside = inside and name.startswith("organisation.")
        out.append(line if inside else "")
    return "\n".join(out)


class _OrganisationReader(_Reader):
    """One [[organisation]] table read like a file of its own; errors name the file's line
    (the table's header when the key is not there) and the organisation."""

    def __init__(self, outer: _Reader, index: int, data: dict[str, Any]) -> None:
        super().__init__(outer.path, _organisation_block(outer.text, index), data)
        headers = [number for number, line in enumerate(outer.text.splitlines(), start=1)
                   if re.match(r"^\s*\[\[\s*organisation\s*\]\]", line)]
        self.header_line = headers[index] if index < len(headers) else None
        self.label: str | Phrase = (repr(data["id"]) if isinstance(data.get("id"), str)
                                    else phrase("config.org_number", number=index + 1))

    def fail_at(self, line: int | None, table: str, key: str, problem: str | Phrase, /,
                **args: Any) -> ConfigError:
        line = line or self.header_line
        where = f"{self.path}:{line}" if line else str(self.path)
        name = f"{table}.{key}" if table else key
        return ConfigError("config.in_org", where=where, label=self.label, name=name,
                           problem=_problem(problem, args))


def _organisations(r: _Reader, relay_wide: RelayConfig) -> tuple[Organisation, ...]:
    entries = r.data.get("organisation")
    if entries is None:
        return relay_wide.organisations
    if not isinstance(entries, list) or not entries or not all(
            isinstance(entry, dict) for entry in entries):
        raise r.fail("", "organisation", "config.org_tables")
    out: list[Organisation] = []
    for index, entry in enumerate(entries):
        org_reader = _OrganisationReader(r, index, entry)
        org = _organisation(org_reader, relay_wide)
        if any(earlier.id == org.id for earlier in out):
            raise org_reader.fail("", "id", "config.org_duplicate", id=org.id)
        out.append(org)
    try:
        agreements(Party(org.id, org.hours.timezone, org.cover) for org in out)
    except CoverProblem as exc:  # its phrase names the tables' lines (CoverTerm.where)
        raise ConfigError(exc.phrase) from None
    return tuple(out)


def _organisation(r: _OrganisationReader, relay_wide: RelayConfig) -> Organisation:
    for key in r.data:
        if key not in _ORG_KNOWN:
            raise r.fail("", key, "config.unknown_key_of", known=", ".join(sorted(_ORG_KNOWN)))
    if "id" not in r.data:
        raise r.fail("", "id", "config.org_id_missing")
    org_id = r.get("", "id", str, "")
    problem = org_id_problem(org_id)
    if problem:
        raise r.fail("", "id", problem)
    name = r.get("", "name", str, org_id).strip()
    if not name or len(name) > MAX_NAME_CHARS or visible(name) != name:
        raise r.fail("", "name", "config.org_name", most=MAX_NAME_CHARS)
    origins = r.get("", "origins", list, [])
    if not all(isinstance(o, str) and re.match(r"^https?://[^/]+$", o) for o in origins):
        raise r.fail("", "origins", "config.origins")
    retention = r.get("", "retention_days", int, relay_wide.retention_days)
    if retention < 1:
        raise r.fail("", "retention_days", "config.at_least", least=1)
    language = r.get("", "default_language", str, relay_wide.default_language)
    if language not in ("sv", "en", "nb"):
        raise r.fail("", "default_language", "config.one_of",
                     choices=phrase("config.choices.language"))
    directory = r.get("", "referral_directory", str, None)
    return Organisation(
        id=org_id,
        name=name,
        origins=tuple(dict.fromkeys(origins)),
        hours=_hours(r, relay_wide.hours) if "hours" in r.data else relay_wide.hours,
        emergency=_emergency(r, relay_wide.emergency),
        referral_directory=(r.resolve(directory) if directory is not None
                            else relay_wide.referral_directory),
        retention_days=retention,
        canned=_canned(r),
        default_language=language,
        network=r.get("", "network", bool, False),
        cover=_cover(r),
    )


def _cover(r: _OrganisationReader) -> tuple[CoverTerm, ...]:
    """``[[organisation.cover]]``: this organisation's side of cover agreements
    (relay/cover.py); each table's place is kept for messages that name both sides."""
    entries = r.data.get("cover")
    if entries is None:
        return ()
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise r.fail("", "cover", "cover.tables")
    headers = [number for number, line in enumerate(r.text.splitlines(), start=1)
               if re.match(r"^\s*\[\[\s*cover\s*\]\]", line)]
    terms: list[CoverTerm] = []
    for index, entry in enumerate(entries):
        header = headers[index] if index < len(headers) else r.header_line
        key_lines = _cover_key_lines(r.text, header)
        try:
            terms.append(parse_term(entry, f"{r.path}:{header}"))
        except CoverProblem as exc:
            line = key_lines.get(exc.key or "", header)
            name = "[[organisation.cover]]" + (f" {exc.key}" if exc.key else "")
            raise ConfigError("config.in_org", where=f"{r.path}:{line}", label=r.label,
                              name=name, problem=exc.phrase) from None
    return tuple(terms)


def _cover_key_lines(text: str, header: int | None) -> dict[str, int]:
    """The line of each key of the [[cover]] table whose header is on line ``header``."""
    found: dict[str, int] = {}
    if header is None:
        return found
    for number, line in enumerate(text.splitlines()[header:], start=header + 1):
        if re.match(r"^\s*\[", line):
            break
        match = re.match(r"^\s*([A-Za-z_]+)\s*=", line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _canned(r: _Reader) -> tuple[CannedReply, ...]:
    """``[organisation.canned]``: ``key = "text"`` or ``key = {title = "...", text = "..."}``."""
    replies: list[CannedReply] = []
    for key, value in r.get("", "canned", dict, {}).items():
        if not CANNED_KEY.fullmatch(key):
            raise r.fail("canned", key, "config.canned_name")
        if isinstance(value, str) and value.strip():
            replies.append(CannedReply(key, key, value))
        elif isinstance(value, dict) and isinstance(value.get("text"), str):
            replies.append(CannedReply(key, str(value.get("title") or key), value["text"]))
        else:
            raise r.fail("canned", key, "config.canned_value")
    return tuple(replies)


# ---------------------------------------------------------------------------------------------
# [network]: the professionals' network across organisations (relay/network_rooms.py)


def _network(r: _Reader, base: NetworkConfig) -> NetworkConfig:
    retention = r.get("network", "retention_days", int, base.retention_days)
    if retention < 1:
        raise r.fail("network", "retention_days", "config.at_least", least=1)
    entries = r.table("network").get("room") if "network" in r.data else None
    if entries is None:
        return replace(base, retention_days=retention)
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise r.fail("network", "room", "network.rooms_tables")
    rooms: list[NetworkRoom] = []
    for entry in entries:
        room_id = entry.get("id")
        problem = room_id_problem(room_id) if isinstance(room_id, str) \
            else phrase("network.room_id_missing")
        if problem:
            raise r.fail("network", "room", "network.room_id", id=room_id, problem=problem)
        if any(room.id == room_id for room in rooms):
            raise r.fail("network", "room", "network.room_again", id=room_id)
        unknown = set(entry) - {"id", "name"}
        if unknown:
            raise r.fail("network", "room", "network.room_unknown_key", id=room_id,
                         key=sorted(unknown)[0])
        name = entry.get("name")
        given = {lang: name for lang in LANGUAGES} if isinstance(name, str) else name
        if not isinstance(given, dict) or not given or set(given) - set(LANGUAGES) or not all(
                isinstance(text, str) and text.strip() and len(text) <= MAX_ROOM_NAME_CHARS
                and visible(text) == text for text in given.values()):
            raise r.fail("network", "room", "network.room_name", id=room_id,
                         most=MAX_ROOM_NAME_CHARS)
        rooms.append(NetworkRoom.named(room_id, {k: v.strip() for k, v in given.items()}))
    return NetworkConfig(rooms=tuple(rooms), retention_days=retention)
