"""Helpers for the referral tests."""

from __future__ import annotations

from pathlib import Path

from referrals import Conversation, Line, SuggestionEngine

DATA = Path(__file__).parent / "data"


def chat(lang: str | None, role: str | None, *texts: str) -> Conversation:
    """A conversation from texts; a text starting with "staff:" is a staff line."""
    lines = [
        Line("staff", text.removeprefix("staff:").strip())
        if text.startswith("staff:")
        else Line("visitor", text)
        for text in texts
    ]
    return Conversation(lang, role, lines)


def top(
    engine: SuggestionEngine, lang: str | None, role: str | None, *texts: str, n: int = 3
) -> list[str]:
    """The ids of the engine's first ``n`` suggestions for a conversation made by ``chat``."""
    return engine.suggest(chat(lang, role, *texts), top=n).ids
