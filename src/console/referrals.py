"""The referral directory and suggestion engine, as the console's referral pane uses them.

``ReferralSource`` wraps ``referrals`` (pure Python, no I/O beyond reading the directory
file once): directory search, suggestions for a chat with the words that matched, an urgency
verdict, stale entries. When the engine is not installed it falls back to the emergency
numbers the relay ships, so the pane is never empty. Staff decide: nothing here sends anything.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.state import Chat


@dataclass(frozen=True, slots=True)
class Referral:
    """One service as the console shows it and inserts it into a reply."""

    id: str
    name: str
    phone: str | None = None
    url: str | None = None
    hours: str | None = None
    summary: str | None = None
    review_due: dt.date | None = None
    search_text: str = ""

    def stale(self, today: dt.date) -> bool:
        return self.review_due is not None and self.review_due < today

    def as_text(self, labels: dict[str, str]) -> str:
        """What goes into the composer: name, phone, hours and link, one per line."""
        parts = [self.name]
        if self.phone:
            parts.append(f"{labels['phone']}: {self.phone}")
        if self.hours:
            parts.append(f"{labels['hours']}: {self.hours}")
        if self.url:
            parts.append(self.url)
        return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class Suggestion:
    referral: Referral
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suggestions:
    """Ranked services for a chat. No urgency verdict: the console shows the relay's only."""

    items: tuple[Suggestion, ...] = field(default_factory=tuple)


def _fold(text: str) -> str:
    """Case- and accent-insensitive text for search (å→a would be wrong for sv: keep letters)."""
    return unicodedata.normalize("NFC", text).casefold()


def _text(value: Any, lang: str) -> str | None:
    """A per-language field (dict of lang → text) or a plain one, as text."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        for key in (lang, "sv", "en", "nb", *value.keys()):
            if value.get(key):
                return str(value[key])
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or None
    return str(value)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def referral_from_service(service: Any, lang: str) -> Referral:
    """Adapt a directory service object (whatever its exact shape) to a Referral."""

    def get(*names: str) -> Any:
        for name in names:
            value = service.get(name) if isinstance(service, dict) else getattr(service, name,
                                                                                   None)
            if callable(value):  # Service.name(lang), Service.hours_text(lang)
                value = value(lang)
            if value not in (None, "", [], {}, ()):
                return value
        return None

    name = _text(get("name", "names", "title"), lang) or str(get("id"))
    summary = _text(get("description", "summary", "note"), lang)
    hours = _text(get("hours_text", "hours", "opening_hours"), lang)
    phone = _text(get("phone", "phones"), lang)
    url = _text(get("url", "urls", "web", "link"), lang)
    names = get("names")
    other_names = " ".join(str(v) for v in names.values()) if isinstance(names, Mapping) else ""
    extra = " ".join(filter(None, [summary, other_names, _text(get("categories"), lang),
                                   _text(get("audience"), lang)]))
    return Referral(id=str(get("id")), name=name, phone=phone, url=url, hours=hours,
                    summary=summary, review_due=_date(get("review_due")),
                    search_text=_fold(" ".join(filter(None, [str(get("id")), name, phone, extra]))))


class ReferralSource:
    """Directory search and suggestions for the referral pane.

    Building the engine takes a few hundred milliseconds, so ``load()`` is meant for a worker
    thread after the console is up; until then the relay's emergency numbers are shown.
    """

    def __init__(self, directory: Path | None = None, *, lang: str = "sv",
                 extend: bool = True) -> None:
        self.lang = lang
        self.directory = directory
        self.extend = extend
        self.engine: Any = None
        self.error: str | None = None
        self.loaded = False
        self._engine_api: Any = None
        self.referrals: list[Referral] = list(_fallback())
        self.by_id = {r.id: r for r in self.referrals}

    def load(self) -> None:
        """Load the directory and build the engine (safe to run in a worker thread)."""
        try:
            import referrals as api
        except ImportError:
            self.loaded = True
            return
        try:
            # A municipality's file extends the shipped one unless told to replace it.
            directory = api.load_directory(self.directory, extend=self.extend) \
                if self.directory else api.load_directory(None)
            # No learnt urgency model: the console ranks by the relay's verdict, never its own.
            engine = api.SuggestionEngine(directory, model=None)
        except Exception as exc:  # a bad directory file must not take the console down
            self.error = str(exc)
            self.loaded = True
            return
        referrals = [referral_from_service(s, self.lang) for s in _services(directory)]
        # Swap everything at once: readers on the UI thread see old or new, never half.
        self.by_id = {r.id: r for r in referrals}
        self.referrals = referrals
        self._engine_api, self.engine = api, engine
        self.loaded = True

    @property
    def has_engine(self) -> bool:
        return self.engine is not None

    def search(self, query: str) -> list[Referral]:
        words = _fold(query).split()
        if not words:
            return list(self.referrals)
        return [r for r in self.referrals if all(w in r.search_text for w in words)]

    def suggest(self, chat: Chat, *, top: int = 5) -> Suggestions | None:
        """Suggestions for a conversation from its visitor and staff lines, or None."""
        if self.engine is None or self._engine_api is None or chat.is_room:
            return None
        api = self._engine_api
        # The engine weighs recent lines most; the last 200 are plenty and keep it fast.
        lines = [api.Line("visitor" if ln.kind == "visitor" else "staff", ln.text)
                 for ln in chat.lines[-400:] if ln.kind in ("visitor", "staff")][-200:]
        if not lines:
            return None
        try:
            # Ranked by the relay's verdict (or a colleague's override), never one of our own.
            result = self.engine.suggest(
                api.Conversation(chat.lang or self.lang, chat.role, lines), top=top,
                verdict=(chat.urgent, tuple(chat.reasons)))
        except Exception:
            return None
        # "matched" shows staff the visitor's words: a word only the counsellor used (a question
        # such as "dricker du?") is not evidence about the visitor, so it is not listed.
        visitor_text = _fold(" ".join(ln.text for ln in chat.lines[-400:]
                                      if ln.kind == "visitor"))
        items = []
        for item in getattr(result, "suggestions", ()):
            referral = self.by_id.get(str(getattr(item, "id", "")))
            service = getattr(item, "service", None)
            if referral is None and service is not None:
                referral = referral_from_service(service, self.lang)
            if referral is None:
                continue
            matched = tuple(str(w) for w in getattr(item, "matched", ())
                            if _fold(str(w)) in visitor_text)
            items.append(Suggestion(referral, float(getattr(item, "score", 0.0)), matched))
        return Suggestions(tuple(items))


def _services(directory: Any) -> Sequence[Any]:
    services = getattr(directory, "services", directory)
    if isinstance(services, dict):
        return list(services.values())
    if isinstance(services, Iterable):
        return list(services)
    return []


def _fallback() -> Iterable[Referral]:
    """The relay's emergency contacts, so the pane works before the directory exists."""
    from relay.protocol import DEFAULT_EMERGENCY

    for entry in DEFAULT_EMERGENCY:
        name = entry["name"]
        ident = "se-" + "".join(c if c.isalnum() else "-" for c in name.casefold()).strip("-")
        yield Referral(id=ident, name=name, phone=entry.get("phone"), url=entry.get("url"),
                       search_text=_fold(f"{ident} {name} {entry.get('phone', '')}"))
