"""The command palette in the person's language.

Textual's palette has two English texts of its own, the search placeholder and "No matches
found"; ``LotsenPalette`` replaces both with catalog texts. ``palette_commands`` lists what the
main screen offers: each action once (a binding with two keys used to be listed twice, and
Textual's own "Copy selected text" four times), named from the catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from console import i18n
from console.i18n import t
from console.keys import describe, text_key


class LotsenPalette(CommandPalette):
    """Textual's command palette, speaking Swedish, English or Norwegian."""

    def __init__(self) -> None:
        super().__init__(placeholder=t("palette.search"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual builds its "No matches found" option inside this method (textual 1-8), so the
        # translated one is built here the same way: after a short pause, only for a search.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(Align.center(Text(t("palette.no_matches"), style="not bold")),
                       disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def screen_commands(screen: Screen[Any],
                    possible: Callable[[str], bool]) -> Iterator[SystemCommand]:
    """The screen's own actions that are possible now, each once, named from the catalog.

    Bindings without a catalog text (Textual's own, such as copying selected text) are left
    out: they are keys, not commands anyone looks for by name.
    """
    seen: set[str] = set()
    for _key, binding in screen._bindings:
        action = binding.action
        if action in seen or action.startswith("app.") or not binding.id or \
                not i18n.has(text_key(binding.id)):
            continue
        seen.add(action)
        if not possible(action.partition("(")[0]):
            continue
        description, tooltip = describe(binding)
        yield SystemCommand(description, tooltip or description, partial(screen.run_action, action))
