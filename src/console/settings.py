"""Console settings: the config file (language, alerts, canned replies, topic tags) and the
server and user remembered from the last login.

The config file is TOML, by default ``console.toml`` in the user's config directory
(platformdirs); its keys may also sit under a ``[console]`` table, so one file can serve both
the relay and the console. docs/console.md describes the format. The remembered login holds
the server address and the user name only, never a password or a session token.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path, user_state_path

from relay.protocol import LANGUAGES
from vocabulary.phrases import PhrasedError, phrase

APP_NAME = "lotsen"
DEFAULT_SERVER = "127.0.0.1:8765"


class ConsoleConfigError(PhrasedError):
    """A console config file that cannot be used; the message names the file and line (a
    phrase of vocabulary.phrases, said by ``lotsen console`` in the CLI's language)."""


@dataclass(frozen=True, slots=True)
class CannedReply:
    """A snippet staff can insert with ``/key`` or from the command palette."""

    key: str
    title: str
    text: str

    def expand(self, *, name: str | None, alias: str | None) -> str:
        """The text with ``{name}`` (my name) and ``{alias}`` (the visitor's) filled in."""
        return self.text.replace("{name}", name or "").replace("{alias}", alias or "")


# Built-in replies, used when the config file has none. Staff edit their own in console.toml.
DEFAULT_CANNED: dict[str, tuple[tuple[str, str, str], ...]] = {
    "sv": (
        ("hej", "Hälsning", "Hej, jag heter {name} och arbetar här. Vad bra att du skriver. "
                            "Berätta gärna vad du funderar på."),
        ("vanta", "Ta tid", "Ta den tid du behöver, jag finns kvar här."),
        ("saker", "Är du säker nu?", "Jag vill fråga: är du i säkerhet just nu?"),
        ("akut", "Akut hjälp", "Om det är akut fara, ring 112. Vill du prata med någon dygnet "
                               "runt kan du ringa Mind Självmordslinjen på 90101."),
        ("tack", "Avslut", "Tack för att du skrev till oss. Du är välkommen tillbaka när du vill."),
    ),
    "en": (
        ("hi", "Greeting", "Hello, my name is {name} and I work here. I'm glad you wrote. "
                           "Tell me what's on your mind."),
        ("wait", "Take your time", "Take the time you need, I'm still here."),
        ("safe", "Are you safe?", "I'd like to ask: are you safe right now?"),
        ("urgent", "Urgent help", "If you are in immediate danger, call 112."),
        ("thanks", "Closing", "Thank you for writing to us. You're welcome back any time."),
    ),
    "nb": (
        ("hei", "Hilsen", "Hei, jeg heter {name} og jobber her. Så bra at du skriver. "
                          "Fortell gjerne hva du tenker på."),
        ("vent", "Ta tid", "Ta den tiden du trenger, jeg er her fortsatt."),
        ("trygg", "Er du trygg?", "Jeg vil spørre: er du trygg akkurat nå?"),
        ("akutt", "Akutt hjelp",
         "Hvis det er akutt fare, ring 113 (medisinsk) eller 112 (politi)."),
        ("takk", "Avslutning", "Takk for at du skrev til oss. Du er velkommen tilbake."),
    ),
}

DEFAULT_TAGS = ("alcohol", "drugs", "gambling", "medication", "mental_health", "relationships",
                "violence", "suicide", "parenting", "money", "other")
_DEFAULT_TAG_CHOICES: tuple[tuple[str, str | None], ...] = tuple((t, None) for t in DEFAULT_TAGS)


@dataclass(frozen=True, slots=True)
class ConsoleConfig:
    """Everything configurable in the console; defaults work with no file at all."""

    lang: str = "sv"
    bell: bool = True
    alert_repeat_s: float = 30.0
    canned: tuple[CannedReply, ...] = ()
    tags: tuple[tuple[str, str | None], ...] = _DEFAULT_TAG_CHOICES
    """Topic tags for the close dialog: id and label (None: the built-in label)."""
    source: Path | None = None

    def canned_replies(self, lang: str, organisation: tuple[CannedReply, ...] = ()
                       ) -> tuple[CannedReply, ...]:
        """This console's own replies; else the organisation's (sent by the relay at login);
        else the built-in ones in ``lang``."""
        if self.canned:
            return self.canned
        if organisation:
            return organisation
        return tuple(CannedReply(k, title, text) for k, title, text in DEFAULT_CANNED[lang])


def default_config_path() -> Path:
    return user_config_path(APP_NAME) / "console.toml"


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*(\[+[^\]]*\b{re.escape(key)}\b[^\]]*\]+|{re.escape(key)}\s*=)")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def load_console_config(path: Path | None) -> ConsoleConfig:
    """Read the console config; a missing default file means defaults, errors name the line."""
    explicit = path is not None
    path = path or default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if explicit:
            raise ConsoleConfigError("config.file", where=path,
                                     problem=phrase("config.no_file")) from None
        return ConsoleConfig()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConsoleConfigError("config.file", where=path,
                                 problem=phrase("config.cannot_read", reason=exc)) from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConsoleConfigError("config.file", where=path,
                                 problem=phrase("config.not_toml", reason=exc)) from None
    root = data.get("console", data)
    if not isinstance(root, dict):
        raise ConsoleConfigError("config.file", where=path,
                                 problem=phrase("config.console_table"))

    def fail(key: str, problem: str, /, **args: Any) -> ConsoleConfigError:
        """The error for ``key``: ``problem`` is a key of vocabulary.phrases.PHRASES."""
        line = _line_of(text, key)
        return ConsoleConfigError("config.at", where=f"{path}:{line}" if line else path,
                                  name=key, problem=phrase(problem, **args))

    known = {"lang", "bell", "alert_repeat_seconds", "canned", "tags"}
    for key in root:
        if key not in known and not (root is data and key == "console"):
            raise fail(key, "config.unknown_key_of", known=", ".join(sorted(known)))
    lang = root.get("lang", "sv")
    if lang not in LANGUAGES:
        raise fail("lang", "config.one_of", choices=phrase("config.choices.language"))
    bell = root.get("bell", True)
    if not isinstance(bell, bool):
        raise fail("bell", "config.true_or_false")
    repeat = root.get("alert_repeat_seconds", 30)
    if isinstance(repeat, bool) or not isinstance(repeat, (int, float)) or repeat < 5:
        raise fail("alert_repeat_seconds", "config.alert_repeat", least=5)
    canned: list[CannedReply] = []
    for key, value in (root.get("canned") or {}).items():
        if isinstance(value, str):
            canned.append(CannedReply(key, key, value))
        elif isinstance(value, dict) and isinstance(value.get("text"), str):
            canned.append(CannedReply(key, str(value.get("title") or key), value["text"]))
        else:
            raise fail(key, "config.canned_value")
        if not re.fullmatch(r"[\wåäöæøÅÄÖÆØ-]+", key):
            raise fail(key, "config.canned_name")
    tags_value = root.get("tags")
    tags = _DEFAULT_TAG_CHOICES
    if tags_value is not None:
        if isinstance(tags_value, list) and all(isinstance(t, str) for t in tags_value):
            tags = tuple((t, None) for t in tags_value)
        elif isinstance(tags_value, dict) and all(isinstance(v, str) for v in tags_value.values()):
            tags = tuple((k, v) for k, v in tags_value.items())
        else:
            raise fail("tags", "config.tag_choices")
    return ConsoleConfig(lang=lang, bell=bell, alert_repeat_s=float(repeat),
                         canned=tuple(canned), tags=tags, source=path)


@dataclass(slots=True)
class RememberedLogin:
    """What the login screen pre-fills: never the password."""

    server: str = DEFAULT_SERVER
    user: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def remembered_path() -> Path:
    return user_state_path(APP_NAME) / "console-login.json"


def load_remembered() -> RememberedLogin:
    try:
        data = json.loads(remembered_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return RememberedLogin()
    if not isinstance(data, dict):
        return RememberedLogin()
    return RememberedLogin(server=str(data.get("server") or DEFAULT_SERVER),
                           user=str(data.get("user") or ""))


def remember_login(server: str, user: str) -> None:
    """Store the server and user for next time (best effort: a read-only home is fine)."""
    path = remembered_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"server": server, "user": user}), encoding="utf-8")
    except OSError:
        pass
