"""The relay's queue triage hook: which waiting conversations are urgent, and why.

The relay calls the hook with a waiting visitor's lines; an urgent verdict lifts the
conversation to the top of the queue and shows the reasons to staff only. The verdict comes
from the referral engine (``relay.referrals``) and is never stored as a profile.
"""

from __future__ import annotations

from relay.config import RelayConfig
from relay.server import Triage


def default_triage(config: RelayConfig) -> Triage | None:
    """The referral engine's urgency check, or None while no engine is installed."""
    try:
        from relay.referrals import engine_for_triage
    except ImportError:
        return None
    return engine_for_triage(config.referral_directory)
