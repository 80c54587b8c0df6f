"""Relay configuration: one dataclass with sensible defaults, loaded from an optional TOML file.

No config file is needed to run Lotsen. When one is given, every error names the file and the
line, so ops can fix it without reading code (``lotsen config check FILE``).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from relay.hours import WEEKDAYS, Interval, OpeningHours, parse_interval

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_DATABASE = "lotsen.db"

# Where to get help now, shown whenever the chat cannot answer. Numbers from the national
# services' own pages (see docs/referrals.md for sources and review dates).
DEFAULT_EMERGENCY: tuple[dict[str, str], ...] = (
    {"name": "SOS Alarm (akut fara)", "phone": "112", "url": "https://www.sosalarm.se"},
    {"name": "1177 Vårdguiden", "phone": "1177", "url": "https://www.1177.se"},
    {"name": "Mind Självmordslinjen", "phone": "90101", "url": "https://mind.se/hitta-hjalp/sjalvmordslinjen/"},
    {"name": "Hjälplinjen", "phone": "0771-22 00 60", "url": "https://hjalplinjen.se"},
    {"name": "BRIS (för dig under 18)", "phone": "116 111", "url": "https://www.bris.se"},
)


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class RelayConfig:
    """Everything the relay needs to run. Defaults run a local relay with no file at all."""

    # Network
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allowed_origins: tuple[str, ...] = ()
    # Storage
    database: Path = Path(DEFAULT_DATABASE)
    retention_days: int = 30
    # Conversations
    default_language: str = "sv"
    hours: OpeningHours = field(default_factory=OpeningHours)
    emergency: tuple[dict[str, str], ...] = DEFAULT_EMERGENCY
    default_handle_minutes: float = 10.0
    session_hours: float = 12.0
    # A staff member gone this long has their conversations returned to the queue.
    staff_grace_s: float = 120.0
    referral_directory: Path | None = None
    # Limits
    max_text_chars: int = 4000
    handshake_timeout: float = 5.0
    # Where the config came from, for messages.
    source: Path | None = None

    def with_overrides(self, **changes: Any) -> RelayConfig:
        """A copy with the given fields replaced, skipping those whose value is None."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _line_of(text: str, table: str | None, key: str) -> int | None:
    """The 1-based line where ``key`` is set (inside ``[table]`` if given), for error messages."""
    current: str | None = None
    key_re = re.compile(rf"^\s*{re.escape(key)}\s*=")
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


class _Reader:
    """Reads typed values out of parsed TOML and raises ConfigError with file and line."""

    def __init__(self, path: Path, text: str, data: dict[str, Any]) -> None:
        self.path, self.text, self.data = path, text, data

    def fail(self, table: str, key: str, problem: str) -> ConfigError:
        line = _line_of(self.text, table, key) or _line_of(self.text, None, table)
        where = f"{self.path}:{line}" if line else str(self.path)
        name = f"{table}.{key}" if table else key
        return ConfigError(f"{where}: {name}: {problem}")

    def table(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail("", name, "must be a table like [" + name + "]")
        return value

    def get(self, table: str, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
        section = self.table(table) if table else self.data
        if key not in section:
            return default
        value = section[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            value = None
        if not isinstance(value, kinds):
            names = " or ".join(k.__name__ for k in kinds)
            raise self.fail(table, key, f"must be a {names}, not {value!r}")
        return value


_KNOWN = {
    "server": {"host", "port", "database", "allowed_origins"},
    "chat": {"default_language", "retention_days", "session_hours", "default_handle_minutes",
             "max_text_chars"},
    "hours": {"timezone", "always_open", "last_entry_minutes", "closed_dates", "special",
              *WEEKDAYS},
    "referrals": {"directory"},
    "emergency": set(),
    "console": {"canned"},
}


def load_config(path: Path | str, base: RelayConfig | None = None) -> RelayConfig:
    """Read a TOML config file on top of ``base`` (the defaults), or raise ConfigError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        where = f"{path}:{match.group(1)}" if match else str(path)
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None
    return _from_data(_Reader(path, text, data), base or RelayConfig())


def _from_data(r: _Reader, cfg: RelayConfig) -> RelayConfig:
    for name, value in r.data.items():
        if name not in _KNOWN:
            raise r.fail("", name, f"unknown section or key (known: {', '.join(sorted(_KNOWN))})")
        if name != "emergency" and isinstance(value, dict):
            for key in value:
                if key not in _KNOWN[name]:
                    raise r.fail(name, key, "unknown key")

    port = r.get("server", "port", int, cfg.port)
    if not 0 <= port <= 65535:
        raise r.fail("server", "port", "must be between 0 and 65535")
    origins = r.get("server", "allowed_origins", list, list(cfg.allowed_origins))
    if not all(isinstance(o, str) and re.match(r"^https?://[^/]+$", o) for o in origins):
        raise r.fail("server", "allowed_origins",
                     'must be a list of origins like "https://www.example.se" (no path)')
    database = r.get("server", "database", str, str(cfg.database))

    language = r.get("chat", "default_language", str, cfg.default_language)
    if language not in ("sv", "en", "nb"):
        raise r.fail("chat", "default_language", 'must be "sv", "en" or "nb"')
    retention = r.get("chat", "retention_days", int, cfg.retention_days)
    if retention < 1:
        raise r.fail("chat", "retention_days", "must be at least 1")
    session_hours = float(r.get("chat", "session_hours", (int, float), cfg.session_hours))
    handle = float(r.get("chat", "default_handle_minutes", (int, float),
                         cfg.default_handle_minutes))
    max_text = r.get("chat", "max_text_chars", int, cfg.max_text_chars)
    if not 1 <= max_text <= 4000:
        raise r.fail("chat", "max_text_chars", "must be between 1 and 4000")

    directory = r.get("referrals", "directory", str, None)
    referral_directory = cfg.referral_directory
    if directory is not None:
        referral_directory = (r.path.parent / directory).resolve()

    return replace(
        cfg,
        host=r.get("server", "host", str, cfg.host),
        port=port,
        allowed_origins=tuple(origins),
        database=Path(database),
        retention_days=retention,
        default_language=language,
        session_hours=session_hours,
        default_handle_minutes=handle,
        max_text_chars=max_text,
        hours=_hours(r, cfg.hours),
        emergency=_emergency(r, cfg.emergency),
        referral_directory=referral_directory,
        source=r.path,
    )


def _intervals(r: _Reader, table: str, key: str, value: Any) -> tuple[Interval, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise r.fail(table, key, 'must be a list of ranges like ["12:00-14:00"]')
    try:
        return tuple(sorted(parse_interval(v) for v in value))
    except ValueError as exc:
        raise r.fail(table, key, str(exc)) from None


def _hours(r: _Reader, base: OpeningHours) -> OpeningHours:
    section = r.table("hours")
    if not section:
        return base
    tz_name = r.get("hours", "timezone", str, base.timezone.key)
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail("hours", "timezone", f"unknown time zone {tz_name!r}") from None
    weekly = dict(base.weekly)
    if any(day in section for day in WEEKDAYS):
        weekly = {}
        for index, day in enumerate(WEEKDAYS):
            if day in section:
                weekly[index] = _intervals(r, "hours", day, section[day])
    exceptions: dict[date, tuple[Interval, ...]] = {}
    for text in r.get("hours", "closed_dates", list, []):
        exceptions[_date(r, "hours", "closed_dates", text)] = ()
    special = r.get("hours", "special", dict, {})
    for text, ranges in special.items():
        exceptions[_date(r, "hours.special", text, text)] = _intervals(
            r, "hours.special", text, ranges)
    last_entry = r.get("hours", "last_entry_minutes", (int, float),
                       base.last_entry.total_seconds() / 60)
    if last_entry < 0:
        raise r.fail("hours", "last_entry_minutes", "must not be negative")
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
        raise r.fail(table, key, f"{value!r} is not a date like 2026-12-24") from None


def _emergency(r: _Reader, base: tuple[dict[str, str], ...]) -> tuple[dict[str, str], ...]:
    entries = r.data.get("emergency")
    if entries is None:
        return base
    if not isinstance(entries, list) or not entries:
        raise r.fail("", "emergency", "must be one or more [[emergency]] tables")
    out = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not (
            isinstance(entry.get("phone"), str) or isinstance(entry.get("url"), str)
        ):
            raise r.fail("", "emergency", "each [[emergency]] needs a name and a phone or url")
        out.append({k: str(v) for k, v in entry.items() if k in ("name", "phone", "url", "note")})
    return tuple(out)


def config_from_env(cfg: RelayConfig, environ: dict[str, str] | None = None) -> RelayConfig:
    """Apply ``LOTSEN_HOST``, ``LOTSEN_PORT`` and ``LOTSEN_DB`` from the environment."""
    env = os.environ if environ is None else environ
    changes: dict[str, Any] = {}
    if env.get("LOTSEN_HOST"):
        changes["host"] = env["LOTSEN_HOST"]
    if env.get("LOTSEN_PORT"):
        try:
            changes["port"] = int(env["LOTSEN_PORT"])
        except ValueError:
            raise ConfigError(f"LOTSEN_PORT={env['LOTSEN_PORT']!r} is not a port number") from None
    if env.get("LOTSEN_DB"):
        changes["database"] = Path(env["LOTSEN_DB"])
    return replace(cfg, **changes)
