"""The referral directory and suggestion engine, as the console's referral pane uses them.

``ReferralSource`` wraps ``referrals`` (pure Python, no I/O beyond reading the directory
file once): directory search, suggestions for a chat with the words that matched, an urgency
verdict, stale entries. Until the directory has loaded (or when it does not load) the pane
shows the emergency numbers the relay ships, so it is never empty. Staff decide: nothing here
sends anything.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from console.state import Chat
from vocabulary.phrases import PhrasedError

if TYPE_CHECKING:  # imported when the directory loads: the console paints first
    from referrals import Service, SuggestionEngine


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


def _any_language(texts: Mapping[str, str], lang: str) -> str | None:
    """A per-language text in ``lang``, else Swedish, English, Norwegian, else any."""
    for key in (lang, "sv", "en", "nb", *texts.keys()):
        if texts.get(key):
            return texts[key]
    return None


def referral_from_service(service: Service, lang: str) -> Referral:
    """A directory service as the referral pane shows it and inserts it into a reply."""
    name = service.name(lang) or service.id
    summary = service.note or None
    hours = service.hours_text(lang) or _any_language(service.hours, lang)
    phone = service.phone or None
    extra = " ".join(filter(None, [summary, " ".join(service.names.values()),
                                   ", ".join(service.categories), ", ".join(service.audience)]))
    return Referral(id=service.id, name=name, phone=phone, url=service.url or None,
                    hours=hours, summary=summary, review_due=service.review_due,
                    search_text=_fold(" ".join(filter(None, [service.id, name, phone, extra]))))


class ReferralSource:
    """Directory search and suggestions for the referral pane.

    Building the engine takes a few hundred milliseconds, so ``load()`` is meant for a worker
    thread after the console is up; until then the relay's emergency numbers are shown.
    """

    def __init__(self, directory: Path | None = None, *, lang: str = "sv",
                 extend: bool = True, overlay: str | None = None) -> None:
        self.lang = lang
        self.directory = directory
        self.extend = extend
        self.overlay = overlay
        """An organisation's directory file as the relay sends it (``session``, ``cover``),
        laid over the shipped one; a directory in the console's own settings wins."""
        self.engine: SuggestionEngine | None = None
        self.error: str | None = None
        self.loaded = False
        self.referrals: list[Referral] = list(_fallback())
        self.by_id = {r.id: r for r in self.referrals}

    def load(self) -> None:
        """Load the directory and build the engine (safe to run in a worker thread)."""
        from referrals import SuggestionEngine, load_directory, parse_directory

        try:
            # A municipality's file extends the shipped one unless told to replace it.
            if self.directory:
                directory = load_directory(self.directory, extend=self.extend)
            elif self.overlay:
                directory = parse_directory(self.overlay, filename="(the relay's directory)",
                                            extend=True)
            else:
                directory = load_directory(None)
            # No learnt urgency model: the console ranks by the relay's verdict, never its own.
            engine = SuggestionEngine(directory, model=None)
        except Exception as exc:  # a bad directory file must not take the console down
            self.error = exc.text(self.lang) if isinstance(exc, PhrasedError) else str(exc)
            self.loaded = True
            return
        referrals = [referral_from_service(s, self.lang) for s in directory]
        # Swap everything at once: readers on the UI thread see old or new, never half.
        self.by_id = {r.id: r for r in referrals}
        self.referrals = referrals
        self.engine = engine
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
        if self.engine is None or chat.is_room:
            return None
        from referrals import Conversation, Line  # loaded with the engine, so this is cheap

        # The engine weighs recent lines most; the last 200 are plenty and keep it fast.
        lines = [Line("visitor" if ln.kind == "visitor" else "staff", ln.text)
                 for ln in chat.lines[-400:] if ln.kind in ("visitor", "staff")][-200:]
        if not lines:
            return None
        try:
            # Ranked by the relay's verdict (or a colleague's override), never one of our own.
            result = self.engine.suggest(Conversation(chat.lang or self.lang, chat.role, lines),
                                         top=top, verdict=(chat.urgent, tuple(chat.reasons)))
        except Exception:  # one odd conversation must not take the pane down
            return None
        # "matched" shows staff the visitor's words: a word only the counsellor used (a question
        # such as "dricker du?") is not evidence about the visitor, so it is not listed.
        visitor_text = _fold(" ".join(ln.text for ln in chat.lines[-400:]
                                      if ln.kind == "visitor"))
        items = []
        for item in result.suggestions:
            referral = self.by_id.get(item.id) or referral_from_service(item.service, self.lang)
            matched = tuple(w for w in item.matched if _fold(w) in visitor_text)
            items.append(Suggestion(referral, item.score, matched))
        return Suggestions(tuple(items))


def _fallback() -> Iterable[Referral]:
    """The relay's emergency contacts, so the pane works before the directory exists."""
    from relay.protocol import DEFAULT_EMERGENCY

    for entry in DEFAULT_EMERGENCY:
        name = entry["name"]
        ident = "se-" + "".join(c if c.isalnum() else "-" for c in name.casefold()).strip("-")
        yield Referral(id=ident, name=name, phone=entry.get("phone"), url=entry.get("url"),
                       search_text=_fold(f"{ident} {name} {entry.get('phone', '')}"))
