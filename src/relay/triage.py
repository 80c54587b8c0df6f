"""The relay's queue triage hook: which waiting conversations are urgent, and why.

The relay calls the hook with a waiting visitor's lines; an urgent verdict lifts the
conversation to the top of the queue and shows the reasons to staff only. The verdict comes
from the referral engine's urgency check (``referrals``) and is never stored as a profile.
"""

from __future__ import annotations

from referrals import Conversation, DirectoryError, Line, SuggestionEngine, load_directory
from relay.config import ConfigError, RelayConfig
from relay.hub import Triage


def default_triage(config: RelayConfig) -> Triage:
    """Urgency from the configured referral directory (the shipped one by default).

    Raises ConfigError when the configured directory file is broken, so ``lotsen serve``
    refuses to start with the file, line and field instead of running without triage.
    """
    try:
        # The relay decides urgency only; the topic reader is for the console's suggestions.
        engine = SuggestionEngine(load_directory(config.referral_directory), topic_model=None)
    except DirectoryError as exc:
        raise ConfigError(exc.phrase) from None

    def triage(texts: list[str], lang: str | None, role: str | None) -> tuple[bool, list[str]]:
        lines = [Line("visitor", text) for text in texts]
        return engine.urgency(Conversation(lang=lang, role=role, lines=lines))

    return triage
