"""The help screen: every key, grouped by where it works, in the person's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from console.i18n import t
from console.keys import describe


def key_names(binding: Binding) -> str:
    """All keys of a binding, readable: "Ctrl+N", "Alt+↓ / Ctrl+PgDn"."""
    names = []
    for key in binding.key.split(","):
        parts = key.strip().split("+")
        pretty = [p.capitalize() if len(p) > 1 else p.upper() for p in parts]
        names.append("+".join(pretty).replace("Pagedown", "PgDn").replace("Pageup", "PgUp"))
    return " / ".join(names)


class HelpScreen(ModalScreen[None]):
    """Lists every binding with its keys and what it does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss(None)", "Close", show=False),
    ]

    def __init__(self, groups: Iterable[tuple[str, Iterable[Binding]]]) -> None:
        super().__init__(id="help-screen")
        self.groups = [(title, list(bindings)) for title, bindings in groups]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(t("help.title"), classes="dialog-title")
            yield Label(t("help.intro"), classes="dialog-hint")
            with VerticalScroll():
                for title, bindings in self.groups:
                    yield Label(t(f"help.group.{title}"), classes="dialog-label")
                    yield Static(self._table(bindings))
            yield Label(t("help.close"), classes="dialog-hint")

    @staticmethod
    def _table(bindings: list[Binding]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=16)
        table.add_column()
        for binding in bindings:
            description, tooltip = describe(binding)
            row = Text(description, style="bold")
            if tooltip and tooltip != description:
                row.append(f" — {tooltip}", style="not bold")
            table.add_row(key_names(binding), row)
        return table
