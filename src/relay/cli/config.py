"""``lotsen config``: check a config file before the relay uses it."""

from __future__ import annotations

from pathlib import Path

import typer

from relay.cli.common import fail
from relay.config import ConfigError, load_config
from relay.hours import WEEKDAYS

app = typer.Typer(help="Check configuration files.", no_args_is_help=True)


@app.command()
def check(file: Path = typer.Argument(..., help="The TOML config file to check.")) -> None:
    """Validate a config file; errors name the file and line."""
    try:
        cfg = load_config(file)
    except ConfigError as exc:
        fail(str(exc))
    hours = cfg.hours
    typer.echo(f"{file}: OK")
    typer.echo(f"  listens on {cfg.host}:{cfg.port}, database {cfg.database}")
    if hours.always_open:
        typer.echo("  opening hours: always open")
    else:
        for index, day in enumerate(WEEKDAYS):
            ranges = ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in hours.weekly.get(index, ()))
            typer.echo(f"  {day:9} {ranges or 'closed'}")
        typer.echo(f"  time zone {hours.timezone.key}, last entry "
                   f"{int(hours.last_entry.total_seconds() // 60)} min before closing, "
                   f"{len(hours.exceptions)} exception date(s)")
    typer.echo(f"  transcripts kept {cfg.retention_days} days; "
               f"{len(cfg.emergency)} emergency contact(s)")
