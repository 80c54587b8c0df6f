"""``lotsen org``: the organisations one relay serves (add, list, show).

Organisations live in the config file as ``[[organisation]]`` tables (relay/organisations.py),
so the file stays the one place ops read and review. ``org add`` appends a table to it and
checks the whole file again before anything is written; ``org network`` sets one key of a
table the same way; ``list`` and ``show`` read the file, and the database for each
organisation's staff and conversation counts (and its part in the professionals' network).
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import typer

from lotsen.cli.common import ConfigOption, DbOption, fail, load, with_storage
from relay.config import ConfigError, RelayConfig, load_config
from relay.hours import OpeningHours
from relay.organisations import DEFAULT_ORG, MAX_NAME_CHARS, Organisation, org_id_problem
from relay.protocol import WEEKDAYS
from relay.storage import AuditEntry, PostgresURL
from relay.storage.network import JOIN
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


@app.command("network")
def network(
    org_id: str = typer.Argument(..., metavar="ID"),
    state: str = typer.Argument(..., metavar="on|off", help="Take part in the professionals' "
                                                            "network, or stop."),
    config: Path = typer.Option(..., "--config", "-c", dir_okay=False, exists=True,
                                help="The relay's TOML config file."),
) -> None:
    """Let an organisation's staff take part in the professionals' network, or stop.

    Sets ``network`` in its [[organisation]] table (the rest of the file is left as it is);
    the relay applies it at its next start and writes the change to the organisation's audit
    log, which ``lotsen org show`` prints.
    """
    if state not in ("on", "off"):
        fail("say on or off, e.g. lotsen org network kommun-a on -c lotsen.toml")
    before = config.read_text(encoding="utf-8")
    try:
        current = load_config(config)
    except ConfigError as exc:
        fail(str(exc))
    ids = [org.id for org in current.organisations]
    if org_id not in ids:
        fail(f"no organisation {org_id!r} in {config}"
             + (f" — it lists {', '.join(ids)}" if ids else " (lotsen org add)"))
    text = set_network_key(before, ids.index(org_id), state == "on")
    staged = config.with_name(config.name + ".new")
    try:
        staged.write_text(text, encoding="utf-8")
        try:
            checked = load_config(staged)
        except ConfigError as exc:
            fail(str(exc).replace(str(staged), str(config)))
        os.replace(staged, config)
    except OSError as exc:
        fail(f"cannot write {config}: {exc.strerror or exc}")
    finally:
        staged.unlink(missing_ok=True)
    rooms = checked.network.rooms
    typer.echo(f"Organisation {org_id} {'takes part in' if state == 'on' else 'leaves'} the "
               f"professionals' network in {config}; restart the relay to apply it.")
    if state == "on" and not rooms:
        typer.echo("Note: the config has no [[network.room]] yet, so there is no network to "
                   "take part in (docs/operations.md).")


def set_network_key(text: str, index: int, on: bool) -> str:
    """``text`` with ``network = true|false`` in its ``index``-th [[organisation]] table:
    the key's line replaced, or added after the table's ``id``; every other line kept."""
    lines = text.splitlines(keepends=True)
    headers = [n for n, line in enumerate(lines) if re.match(r"^\s*\[\[\s*organisation\s*\]\]",
                                                             line)]
    start = headers[index] + 1
    end = next((n for n in range(start, len(lines)) if re.match(r"^\s*\[", lines[n])),
               len(lines))
    value = f"network = {'true' if on else 'false'}\n"
    for n in range(start, end):
        if re.match(r"^\s*network\s*=", lines[n]):
            lines[n] = value
            return "".join(lines)
    after = next((n + 1 for n in range(start, end) if re.match(r"^\s*id\s*=", lines[n])), start)
    if after > 0 and not lines[after - 1].endswith("\n"):
        lines[after - 1] += "\n"
    lines.insert(after, value)
    return "".join(lines)


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


def describe(org: Organisation, staff: int, conversations: int) -> list[str]:
    """What ``org show`` prints: every setting of one organisation, one per line."""
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
    for row in describe(org, staff, conversations):
        typer.echo(row)
    for row in _network_rows(cfg, org):
        typer.echo(row)


def _network_rows(cfg: RelayConfig, org: Organisation) -> list[str]:
    """Whether ``org`` is in the professionals' network, by the config and as the relay last
    recorded it (with the joins and leaves in its audit log)."""
    wanted = org.network and cfg.network.enabled
    rows = [f"network:            {'yes' if wanted else 'no'} (config"
            + ("" if cfg.network.enabled or not org.network else "; no [[network.room]]")
            + ")"]
    later = "                    the relay applies the change when it restarts"
    if not isinstance(cfg.database, PostgresURL) and not cfg.database.is_file():
        return rows + ([later] if wanted else [])

    async def read(storage: SQLiteStorage) -> tuple[dict[str, float], list[AuditEntry]]:
        return await storage.network_members(), await storage.network_changes(org.id)

    members, changes = with_storage(cfg, read)
    if wanted != (org.id in members):
        rows.append(later)
    for entry in changes:
        what = "joined" if entry.action == JOIN else "left"
        rows.append(f"network change:     {_when(entry.ts)} {what}")
    return rows


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))
