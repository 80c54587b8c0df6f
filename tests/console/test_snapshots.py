"""How the console looks: the main screen, the close dialog and the help screen.

The app is fed fixed frames (tests/console/snapshot_app.py) with a frozen clock, a fixed time
zone, a small fixed referral directory and no cursor blink, so the pictures are stable.
Regenerate after an intended change with:
    pytest tests/console/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.console.snapshot_app import make_app

SnapCompare = Callable[..., bool]


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause(0.2)


def test_main_screen_with_queue_and_open_chat(snap_compare: SnapCompare) -> None:
    """Queue (urgent first, ticking waits), an open chat with distinct lines, referrals."""
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_settle)


def test_main_screen_at_100_by_30(snap_compare: SnapCompare) -> None:
    """The three panes still fit a 100×30 terminal."""
    assert snap_compare(make_app(), terminal_size=(100, 30), run_before=_settle)


def test_close_dialog(snap_compare: SnapCompare) -> None:
    """The close dialog: who wrote (preselected), topic tags, referrals."""

    async def open_dialog(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=open_dialog)


def test_help_screen_in_english(snap_compare: SnapCompare) -> None:
    """The help screen lists every key with what it does, in the chosen language."""

    async def open_help(pilot: Pilot[Any]) -> None:
        await _settle(pilot)
        await pilot.press("f1")
        await pilot.pause(0.2)

    assert snap_compare(make_app("en"), terminal_size=(120, 36), run_before=open_help)
