"""Supervisors' statistics: the relay's anonymous figures for this month, as tables.

The report has the shape of ``lotsen stats --format json``; sections are shown generically
(a table of figures, or a table per list of rows) so new figures appear without a change here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from console.i18n import t


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    if value is None:
        return "–"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_cell(v)}" for k, v in value.items())
    return str(value)


def section_table(name: str, value: Any) -> Table:
    """One section of the report as a table."""
    table = Table(title=name.replace("_", " "), title_justify="left", title_style="bold",
                  show_edge=False, pad_edge=False, expand=False)
    if isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
        columns = list(value[0])
        for column in columns:
            table.add_column(column.replace("_", " "), justify="right")
        for row in value:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        return table
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    items = value.items() if isinstance(value, dict) else [("", value)]
    for key, item in items:
        table.add_row(str(key).replace("_", " "), _cell(item))
    return table


class StatsScreen(ModalScreen[None]):
    """This month's figures, for supervisors."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f5,q", "dismiss(None)", "Close", show=False),
    ]

    def __init__(self, report: dict[str, Any]) -> None:
        super().__init__(id="stats-screen")
        self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("", id="stats-title", classes="dialog-title")
            yield Label(t("stats.hint"), classes="dialog-hint")
            yield VerticalScroll(id="stats-body")
            yield Label(t("help.close"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.show(self.report)

    def show(self, report: dict[str, Any]) -> None:
        self.report = report
        period = report.get("period") or {}
        self.query_one("#stats-title", Label).update(
            t("stats.title", since=period.get("since", "?"), until=period.get("until", "?")))
        body = self.query_one("#stats-body", VerticalScroll)
        body.remove_children()
        body.mount_all(Static(section_table(name, value)) for name, value in report.items()
                       if name != "period")
