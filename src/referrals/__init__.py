"""Referral directory and triage: suggest where to guide each visitor, and flag acute risk.

Pure Python (standard library and snowballstemmer). The only I/O is ``load_directory``.

    from referrals import Conversation, Line, SuggestionEngine, load_directory

    engine = SuggestionEngine(load_directory())        # once, at startup
    urgent, reasons = engine.urgency(conversation)     # relay: every visitor message
    result = engine.suggest(conversation, top=5)       # console: every message
"""

from referrals.directory import (
    AUDIENCES,
    CATEGORIES,
    CHANNELS,
    Directory,
    DirectoryError,
    DirectoryProblem,
    Service,
    load_directory,
    parse_directory,
)
from referrals.engine import Conversation, Line, Suggestion, SuggestionEngine, Suggestions

__all__ = [
    "AUDIENCES",
    "CATEGORIES",
    "CHANNELS",
    "Conversation",
    "Directory",
    "DirectoryError",
    "DirectoryProblem",
    "Line",
    "Service",
    "Suggestion",
    "SuggestionEngine",
    "Suggestions",
    "load_directory",
    "parse_directory",
]
