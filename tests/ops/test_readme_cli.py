"""README's CLI table names every command of ``lotsen`` (it lacked ``lotsen org``)."""

from __future__ import annotations

from pathlib import Path

import typer.core
import typer.main

from lotsen.cli import _register, app

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_cli_table_lists_every_command_and_demo_orgs() -> None:
    """Every top-level command (and every subcommand of ``lotsen org``) is in the table,
    and so is ``demo --orgs``."""
    _register()
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## CLI"):].split("\n\n")[1]
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    missing = [name for name in root.commands if f"`lotsen {name}" not in table and
               f"/ `{name}" not in table and f"`lotsen backup FILE` / `lotsen {name}" not in table]
    assert missing == []
    org = root.commands["org"]
    assert isinstance(org, typer.core.TyperGroup)
    for name in org.commands:
        assert f"org {name}" in table, name
    assert "`lotsen demo [" in table and "--orgs N" in table
