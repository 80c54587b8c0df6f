"""Keyboard and palette paths of the console against a real relay: resizing and hiding panes,
asking a supervisor, canned replies from the command palette, and the referral pane."""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList

from console.app import LotsenConsole
from console.screens.main import MainScreen
from console.state import Chat
from console.widgets.composer import Composer
from console.widgets.referrals import ReferralPane
from relay.server import Relay
from tests.console.conftest import claimed_chat, console_for, wait_for
from tests.support import Client


async def _logged_in(app: LotsenConsole, pilot: Pilot[Any]) -> MainScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def _claimed(app: LotsenConsole, pilot: Pilot[Any], relay: Relay, text: str,
                   **hello: Any) -> tuple[MainScreen, Client, Chat]:
    """A visitor who wrote ``text``, claimed with Ctrl+N; the screen, the visitor, the chat."""
    screen = await _logged_in(app, pilot)
    visitor, chat = await claimed_chat(app, pilot, relay, text, **hello)
    return screen, visitor, chat


def _messages(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if f.get("type") == "message"]


def _width(screen: MainScreen, selector: str) -> int:
    widget = screen.query_one(selector, Widget)
    return widget.region.width


async def test_panes_resize_and_the_referral_pane_hides_from_the_keyboard(
        relay: Relay) -> None:
    """Alt+Shift+Left/Right widen and narrow the referral pane, Alt+Right/Left the queue, F4
    hides and shows the referral pane, and the three panes still fit at 100x30."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        await pilot.pause()
        left, right, center = (_width(screen, s) for s in ("#left", "#right", "#center"))
        assert (left, right) == (32, 36)

        await pilot.press("alt+shift+left")
        await pilot.pause()
        assert _width(screen, "#right") == right + 4
        assert _width(screen, "#center") == center - 4
        await pilot.press("alt+shift+right", "alt+shift+right")
        await pilot.pause()
        assert _width(screen, "#right") == right - 4
        await pilot.press("alt+right")
        await pilot.pause()
        assert _width(screen, "#left") == left + 4
        await pilot.press("alt+left", "alt+left")
        await pilot.pause()
        assert _width(screen, "#left") == left - 4

        center = _width(screen, "#center")
        right = _width(screen, "#right")
        divider = _width(screen, "#divider-right")
        await pilot.press("f4")
        await pilot.pause()
        assert not screen.referral_pane.display
        assert _width(screen, "#right") == 0
        assert _width(screen, "#center") == center + right + divider
        await pilot.press("f4")
        await pilot.pause()
        assert screen.referral_pane.display
        assert _width(screen, "#right") == right and _width(screen, "#center") == center

    app = console_for(relay)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _logged_in(app, pilot)
        await pilot.pause()
        widths = {s: _width(screen, s) for s in
                  ("#left", "#divider-left", "#center", "#divider-right", "#right")}
        assert widths["#left"] == 27 and widths["#right"] == 28, widths
        assert sum(widths.values()) == 100 and widths["#center"] >= 40, widths
        composer = screen.query_one(Composer)
        assert composer.region.width > 0 and composer.region.bottom <= 30
        await pilot.press("alt+shift+left")
        await pilot.pause()
        assert _width(screen, "#right") == 32
        assert sum(_width(screen, s) for s in widths) == 100


async def test_ctrl_b_asks_the_supervisors_for_help_with_the_open_chat(relay: Relay) -> None:
    """Ctrl+B in an open chat sends a call for help that a supervisor receives (naming the
    chat and the colleague) and a colleague who is not a supervisor does not."""
    sara = await Client.staff(relay.port, "sara")
    bo = await Client.staff(relay.port, "bo")
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        assert screen.check_action("ask_supervisor", ()) is None
        _, visitor, chat = await _claimed(app, pilot, relay, "Jag vet inte vad jag ska göra")
        assert screen.check_action("ask_supervisor", ()) is True
        await pilot.press("ctrl+b")
        wanted = await sara.expect("help", conversation=chat.key)
        assert wanted["user"] == "anna" and wanted["name"] == "Anna"
        await wait_for(pilot, lambda: any("supervisors have been asked" in n.message
                                          for n in app._notifications), what="confirmation")
        assert not [f for f in await bo.drain(0.3) if f.get("type") == "help"]
        await visitor.close()
    await sara.close()
    await bo.close()


async def test_canned_reply_from_the_command_palette_is_a_draft_until_enter(
        relay: Relay) -> None:
    """Choosing a canned reply in the command palette puts its text in the composer and sends
    nothing; Enter then sends it to the visitor."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, visitor, _ = await _claimed(app, pilot, relay, "Hej")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        await pilot.press(*"Take your")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen, what="palette closed")
        composer = screen.query_one(Composer)
        await wait_for(pilot, lambda: composer.text == "Take the time you need, I'm still here.",
                       what=f"snippet in composer (got {composer.text!r})")
        assert not _messages(await visitor.drain(0.5))
        composer.focus()
        await pilot.press("enter")
        sent = await visitor.expect("message", kind="staff")
        assert sent["text"] == "Take the time you need, I'm still here."
        await visitor.close()


async def test_referral_pane_suggests_filters_and_inserts_a_draft(relay: Relay) -> None:
    """Once the engine has loaded, a visitor worried about a drinking father gets alcohol and
    relatives' services suggested; Ctrl+F searches the directory, Ctrl+R puts the found
    service's name and phone in the composer, and the visitor gets nothing before Enter."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        await wait_for(pilot, lambda: app.referrals.loaded, timeout=30, what="engine loaded")
        assert app.referrals.has_engine and app.referrals.error is None
        _, visitor, chat = await _claimed(app, pilot, relay, "min pappa dricker varje kväll",
                                          lang="sv")
        pane = screen.query_one(ReferralPane)
        await wait_for(pilot, lambda: pane.suggestions is not None and pane.suggestions.items,
                       what="suggestions")
        assert pane.suggestions is not None
        suggested = {item.referral.id for item in pane.suggestions.items}
        assert {"se-alkoholhjalpen", "local-anhorigstod"} <= suggested, suggested
        listing = pane.query_one("#referral-list", OptionList)
        shown = {str(listing.get_option_at_index(i).id) for i in range(listing.option_count)}
        assert "sug-se-alkoholhjalpen" in shown and len(shown) > 20

        await pilot.press("ctrl+f")
        search = pane.query_one("#referral-search", Input)
        assert search.has_focus
        await pilot.press(*"anhöriglinjen")
        await wait_for(pilot, lambda: listing.option_count == 1, what="filtered list")
        assert listing.get_option_at_index(0).id == "dir-se-anhoriglinjen"
        found = pane.highlighted()
        assert found is not None and found.id == "se-anhoriglinjen"

        await pilot.press("ctrl+r")
        composer = screen.query_one(Composer)
        await wait_for(pilot, lambda: "0200-239 500" in composer.text, what="inserted")
        assert composer.text.startswith("Anhöriglinjen")
        assert chat.referrals == ["se-anhoriglinjen"]
        assert not _messages(await visitor.drain(0.5))
        composer.focus()
        await pilot.press("enter")
        sent = await visitor.expect("message", kind="staff")
        assert "Anhöriglinjen" in sent["text"] and "0200-239 500" in sent["text"]
        await visitor.close()
