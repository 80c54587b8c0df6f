"""The relay's triage verdict as staff read it: kinds in their language, who overrode it.

The console never decides urgency itself: it shows what the relay sent (``urgent``,
``reasons`` and ``marked_by`` in queue entries and ``conversation`` frames). A reason is
``<kind>: "<words>"`` (docs/referrals.md); the kind is shown in the staff member's language and
the words exactly as the visitor wrote them.
"""

from __future__ import annotations

from collections.abc import Iterable

from console import i18n
from console.i18n import t


def format_reason(reason: str) -> str:
    """``suicide: "vill" + "försvinna"`` -> ``självmordsrisk: "vill" + "försvinna"``."""
    kind, sep, words = reason.partition(":")
    key = f"triage.kind.{kind.strip()}"
    if not sep or not i18n.has(key):
        return reason
    return f"{t(key)}:{words}"


def format_reasons(reasons: Iterable[str]) -> str:
    return ", ".join(format_reason(reason) for reason in reasons)


def verdict(urgent: bool, reasons: Iterable[str], marked_by: str | None) -> str:
    """One line for the header or the referral pane; "" when not urgent and nobody marked it."""
    parts = []
    if marked_by:
        key = "triage.marked_urgent" if urgent else "triage.marked_not_urgent"
        parts.append(t(key, name=marked_by))
    if urgent:
        parts.append(format_reasons(reasons))
    return " · ".join(p for p in parts if p)
