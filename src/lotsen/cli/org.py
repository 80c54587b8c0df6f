"""``lotsen org``: the organisations one relay serves (add, list, show).

Organisations live in the config file as ``[[organisation]]`` tables (relay/organisations.py),
so the file stays the one place ops read and review. ``org add`` appends a table to it and
checks the whole file again before anything is written; ``list`` and ``show`` read the file,
and the database for each organisation's staff and conversation counts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import typer

from lotsen.cli.common import ConfigOption, DbOption, fail, load, with_storage
from relay.config import ConfigError, RelayConfig, load_config
from relay.cover import CoverAgreement
from relay.hours import OpeningHours
from relay.organisations import DEFAULT_ORG, MAX_NAME_CHARS, Organisation, org_id_problem
from relay.protocol import WEEKDAYS
from relay.storage import PostgresURL
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible

app = typer.Typer(help="Organisations served by this relay (kept in the config file).",
                  no_args_is_help=True)


def organisation_table(org_id: str, name: str, origins: list[str]) -> str:
    """The TOML text of a new ``[[organisation]]`` table (values as TOML basic strings)."""
    lines = ["", "[[organisation]]", f"id = {json.dumps(org_id)}",
             f"name = {json.dumps(name, ensure_ascii=False)}",
             f"origins = [{', '.join(json.dumps(o) for o in origins)}]"]
    return "\n".join(lines) + "\n"


@app.command("add")
def add(
    org_id: str = typer.Argument(..., metavar="ID", help="Short id, e.g. vallentuna (a-z, 0-9, "
                                                          "'-', '_'); used in data-org."),
    name: str = typer.Option(..., "--name", help="The organisation's name, shown to visitors "
                                                 "and staff."),
    origin: list[str] = typer.Option([], "--origin", help="A web origin whose pages may open "
                                                          "its chat, e.g. https://kommun-a.se "
                                                          "(repeat for more)."),
    config: Path = typer.Option(..., "--config", "-c", dir_okay=False,
                                help="The relay's TOML config file (created if missing)."),
) -> None:
    """Add an organisation to the config file; restart the relay to serve it."""
    problem = org_id_problem(org_id)
    if problem:
        fail(problem)
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS or visible(name) != name:
        fail(f"--name must be 1-{MAX_NAME_CHARS} visible characters")
    before = config.read_text(encoding="utf-8") if config.exists() else ""
    first = "[[organisation]]" not in before
    text = before + ("" if not before or before.endswith("\n") else "\n") + \
        organisation_table(org_id, name, origin)
    staged = config.with_name(config.name + ".new")
    try:
        staged.write_text(text, encoding="utf-8")
        try:
            load_config(staged)  # the whole file, as the relay will read it
        except ConfigError as exc:
            fail(str(exc).replace(str(staged), str(config)))
        os.replace(staged, config)
    except OSError as exc:
        fail(f"cannot write {config}: {exc.strerror or exc}")
    finally:
        staged.unlink(missing_ok=True)
    typer.echo(f"Added organisation {org_id} ({name}) to {config}. Add its staff with "
               f"`lotsen staff add NAME --org {org_id} -c {config}` and restart the relay.")
    if first and org_id != DEFAULT_ORG:
        typer.echo(f"Note: what this relay stored before it served organisations belongs to "
                   f"organisation {DEFAULT_ORG!r}; add that one too (lotsen org add "
                   f"{DEFAULT_ORG} --name ...) to keep serving it and its staff.")


async def _counts(storage: SQLiteStorage, org_ids: list[str]) -> dict[str, tuple[int, int]]:
    """Per organisation: staff accounts and conversations stored."""
    return {org_id: await storage.scoped(org_id).organisation_counts() for org_id in org_ids}


def _counts_of(cfg: RelayConfig) -> dict[str, tuple[int, int]]:
    ids = list(cfg.served().ids)
    if not isinstance(cfg.database, PostgresURL) and not cfg.database.is_file():
        return {org_id: (0, 0) for org_id in ids}
    return with_storage(cfg, lambda storage: _counts(storage, ids))


@app.command("list")
def list_(db: str | None = DbOption, config: Path = ConfigOption) -> None:
    """List the organisations with their origins, staff and conversations."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cfg = load(config, db)
    counts = _counts_of(cfg)
    table = Table("id", "name", "staff", "conversations", "retention")
    table.add_column("origins", overflow="fold")  # an address is worth reading whole
    for org in cfg.served():
        staff, conversations = counts[org.id]
        table.add_row(Text(org.id), Text(visible(org.name)), str(staff), str(conversations),
                      f"{org.retention_days} days",
                      Text(", ".join(org.origins) or "(the relay's own pages)"))
    Console(highlight=False).print(table)
    if cfg.served().implicit:
        typer.echo("No [[organisation]] in the config: the relay serves one organisation, "
                   f"{DEFAULT_ORG!r}, with its relay-wide settings.")


def _hours_text(hours: OpeningHours) -> list[str]:
    if hours.always_open:
        return ["always open"]
    rows = []
    for index, day in enumerate(WEEKDAYS):
        spans = hours.weekly.get(index, ())
        if spans:
            rows.append(f"{day}: " + ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in spans))
    closed = sorted(day for day, spans in hours.exceptions.items() if not spans)
    if closed:
        rows.append("closed: " + ", ".join(day.isoformat() for day in closed))
    return rows or ["never open (no weekly hours)"]


def describe(org: Organisation, staff: int, conversations: int,
             cover: Iterable[CoverAgreement] = ()) -> list[str]:
    """What ``org show`` prints: every setting of one organisation, one per line, with the
    cover agreements it is part of (relay/cover.py)."""
    out = [f"id:                 {org.id}", f"name:               {visible(org.name)}",
           f"origins:            {', '.join(org.origins) or '(the relay own pages only)'}",
           f"time zone:          {org.hours.timezone.key}"]
    out += [f"hours:              {row}" for row in _hours_text(org.hours)]
    out += [f"emergency:          {visible(e['name'])} {e.get('phone') or e.get('url', '')}"
            for e in org.emergency]
    out += [f"referral directory: {org.referral_directory or '(the shipped directory)'}",
            f"retention:          {org.retention_days} days",
            f"language:           {org.default_language}",
            f"canned replies:     {', '.join(c.key for c in org.canned) or '(none)'}",
            f"staff accounts:     {staff}", f"conversations:      {conversations}"]
    for agreement in cover:
        if agreement.covered == org.id:
            out.append(f"covered by:         {agreement.covering}, {agreement.describe()}")
        elif agreement.covering == org.id:
            out.append(f"covers:             {agreement.covered}, {agreement.describe()}")
    return out


@app.command("show")
def show(org_id: str = typer.Argument(..., metavar="ID"), db: str | None = DbOption,
         config: Path = ConfigOption) -> None:
    """Show one organisation's settings, staff and conversation counts."""
    cfg = load(config, db)
    org = cfg.served().get(org_id)
    if org is None:
        fail(f"no organisation {org_id!r} — this relay serves {', '.join(cfg.served().ids)} "
             "(lotsen org list)")
    staff, conversations = _counts_of(cfg)[org_id]
    for row in describe(org, staff, conversations, cfg.served().cover):
        typer.echo(row)
