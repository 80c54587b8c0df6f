"""The referral pane outside a running chat: torn down before it was shown."""

from __future__ import annotations

from textual.app import App, ComposeResult

from console.referrals import ReferralSource
from console.widgets.referrals import ReferralPane


class _PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ReferralPane(ReferralSource(), id="right")


async def test_a_pane_whose_parts_are_gone_shows_nothing_and_raises_nothing() -> None:
    """The console closing while the main screen is still being built removes the pane's parts
    before the pane's Mount is handled; showing a verdict then must not raise (it did, under
    load: NoMatches for #referral-urgent)."""
    app = _PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(ReferralPane)
        await pane.remove_children()
        await pilot.pause()
        pane.on_mount()
        pane.set_verdict(True, ['suicide: "vill" + "dö"'], None)
        assert pane.verdict[0] and not pane.children
