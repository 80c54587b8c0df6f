"""The ``lotsen`` command line: one Typer app, one module per command group."""

from __future__ import annotations

import typer
import typer.rich_utils

from lotsen.cli.words import t


def _typer_words() -> None:
    """Typer's own words in help and errors (panel titles, [default: …]) in the CLI's language."""
    rich = typer.rich_utils
    rich.ARGUMENTS_PANEL_TITLE = t("typer.arguments")
    rich.OPTIONS_PANEL_TITLE = t("typer.options")
    rich.COMMANDS_PANEL_TITLE = t("typer.commands")
    rich.ERRORS_PANEL_TITLE = t("typer.error")
    rich.ABORTED_TEXT = t("typer.aborted")
    rich.RICH_HELP = t("typer.try_help")
    rich.DEFAULT_STRING = t("typer.default")
    rich.REQUIRED_LONG_STRING = t("typer.required")


_typer_words()

app = typer.Typer(
    name="lotsen",
    help=t("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    """Import every command module; each registers its commands or group on ``app``."""
    # Modules marked F401 add top-level commands when imported; the others are groups.
    from lotsen.cli import audit as _audit  # noqa: F401  audit
    from lotsen.cli import config as _config
    from lotsen.cli import console as _console  # noqa: F401  console, demo
    from lotsen.cli import ops as _ops  # noqa: F401  export, backup, migrate
    from lotsen.cli import org as _org
    from lotsen.cli import referrals as _referrals
    from lotsen.cli import report as _report  # noqa: F401  report
    from lotsen.cli import serve as _serve  # noqa: F401  serve, purge
    from lotsen.cli import staff as _staff
    from lotsen.cli import stats as _stats  # noqa: F401  stats
    from lotsen.cli import widget as _widget

    # `lotsen --help` lists what ops do most first, whatever order the modules loaded in.
    order = ["serve", "demo", "console", "purge", "stats", "report", "export", "backup", "migrate",
             "audit"]

    def place(command: typer.models.CommandInfo) -> int:
        name = command.name or getattr(command.callback, "__name__", "")
        return order.index(name) if name in order else len(order)

    app.registered_commands.sort(key=place)
    app.add_typer(_staff.app, name="staff")
    app.add_typer(_org.app, name="org")
    app.add_typer(_config.app, name="config")
    app.add_typer(_referrals.app, name="referrals")
    app.add_typer(_widget.app, name="widget")


def main() -> None:
    _register()
    app()
