"""Helpers for the referral tests."""

from __future__ import annotations

import gzip
import hashlib
import json
from importlib import resources
from pathlib import Path

from referrals import Conversation, Directory, Line, SuggestionEngine

DATA = Path(__file__).parent / "data"

_RULES_ONLY: dict[int, tuple[Directory, SuggestionEngine]] = {}


def rules_engine(directory: Directory) -> SuggestionEngine:
    """An engine with the concept rules alone (no learnt model) for ``directory``, built once.

    Building an engine takes about half a second, so one per parametrised case was several
    minutes of the suite. The engine's caches are keyed by text, so sharing it changes no
    verdict; the directory is kept with it so its ``id`` is never reused."""
    kept = _RULES_ONLY.get(id(directory))
    if kept is None:
        kept = _RULES_ONLY[id(directory)] = (directory, SuggestionEngine(directory, model=None))
    return kept[1]


def trained_on(model_file: str) -> tuple[list[str], list[str]]:
    """What a shipped model file says it learnt from, and what it should have: every labelled
    file in tests/referrals/data as it is now (name and checksum), never blind_test.jsonl."""
    raw = resources.files("referrals").joinpath(model_file).read_bytes()
    expected = [
        f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()[:16]}"
        for path in sorted(DATA.glob("*.jsonl"))
        if path.name != "blind_test.jsonl"
    ]
    return json.loads(gzip.decompress(raw))["trained_on"], expected


def chat(lang: str | None, role: str | None, *texts: str) -> Conversation:
    """A conversation from texts; a text starting with "staff:" is a staff line."""
    lines = [
        Line("staff", text.removeprefix("staff:").strip())
        if text.startswith("staff:")
        else Line("visitor", text)
        for text in texts
    ]
    return Conversation(lang, role, lines)


def chat_text(lang: str | None, role: str | None, text: str) -> Conversation:
    """``chat`` from one text with a line per newline (the round test files' table form)."""
    return chat(lang, role, *text.split("\n"))


def top(
    engine: SuggestionEngine, lang: str | None, role: str | None, *texts: str, n: int = 3
) -> list[str]:
    """The ids of the engine's first ``n`` suggestions for a conversation made by ``chat``."""
    return engine.suggest(chat(lang, role, *texts), top=n).ids


LANG_INDEX = {None: 0, "sv": 1, "nb": 2, "en": 3}
"""Where a language's weight stands in a contribution's weights (the engine's order)."""


def topic_weight(
    engine: SuggestionEngine, text: str, topic: str, lang: str | None = None
) -> float:
    """The strongest weight a line gives a topic in a chat of that language, 0 if none."""
    return max(
        (w[LANG_INDEX[lang]] for for_service, name, _, w in engine._analyse(text).contributions
         if not for_service and name == topic),
        default=0.0,
    )
