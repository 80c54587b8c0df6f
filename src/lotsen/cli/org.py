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
from collections.abc import Iterable
from pathlib import Path

import typer

from lotsen.cli.common import ConfigOption, DbOption, fail, load, with_storage
from lotsen.cli.words import t
from relay.config import ConfigError, RelayConfig, load_config
from relay.cover import CoverAgreement
from relay.hours import OpeningHours
from relay.organisations import DEFAULT_ORG, MAX_NAME_CHARS, Organisation, org_id_problem
from relay.protocol import WEEKDAYS
from relay.storage import AuditEntry, PostgresURL
from relay.storage.network import JOIN
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible

app = typer.Typer(help=t("help.org"),
                  no_args_is_help=True)


def organisation_table(org_id: str, name: str, origins: list[str]) -> str:
    """The TOML text of a new ``[[organisation]]`` table (values as TOML basic strings)."""
    lines = ["", "[[organisation]]", f"id = {json.dumps(org_id)}",
             f"name = {json.dumps(name, ensure_ascii=False)}",
             f"origins = [{', '.join(json.dumps(o) for o in origins)}]"]
    return "\n".join(lines) + "\n"


@app.command("add", help=t("help.org.add"))
def add(
    org_id: str = typer.Argument(..., metavar="ID", help=t("help.org.id")),
    name: str = typer.Option(..., "--name", help=t("help.org.name")),
    origin: list[str] = typer.Option([], "--origin", help=t("help.org.origin")),
    config: Path = typer.Option(..., "--config", "-c", dir_okay=False,
                                help=t("help.org.config")),
) -> None:
    """Add an organisation to the config file; restart the relay to serve it."""
    problem = org_id_problem(org_id)
    if problem:
        fail(problem)
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS or visible(name) != name:
        fail(t("org.bad_name", max=MAX_NAME_CHARS))
    before = config.read_text(encoding="utf-8") if config.exists() else ""
    if before:
        try:  # a problem already in the file is reported as such, at its own line
            load_config(config)
        except ConfigError as exc:
            fail(exc)
    first = "[[organisation]]" not in before
    text = before + ("" if not before or before.endswith("\n") else "\n") + \
        organisation_table(org_id, name, origin)
    staged = config.with_name(config.name + ".new")
    try:
        staged.write_text(text, encoding="utf-8")
        try:
            load_config(staged)  # the whole file, as the relay will read it
        except ConfigError as exc:
            # The file was fine, so the problem is in the table this command wrote: name the
            # option, not a line of a draft that is never written.
            args = exc.phrase.args
            fail(t("org.add_refused", id=org_id, name=args.get("name", ""),
                   problem=args.get("problem", exc)))
        os.replace(staged, config)
    except OSError as exc:
        fail(t("common.cannot_write", path=config, reason=exc.strerror or exc))
    finally:
        staged.unlink(missing_ok=True)
    typer.echo(t("org.added", id=org_id, name=name, config=config))
    if first and org_id != DEFAULT_ORG:
        typer.echo(t("org.note_default", default=DEFAULT_ORG))


@app.command("network", help=t("help.org.network"))
def network(
    org_id: str = typer.Argument(..., metavar="ID", help=t("help.org.id")),
    state: str = typer.Argument(..., metavar="on|off", help=t("help.org.network_state")),
    config: Path = typer.Option(..., "--config", "-c", dir_okay=False, exists=True,
                                help=t("help.org.config")),
) -> None:
    """Let an organisation's staff take part in the professionals' network, or stop.

    Sets ``network`` in its [[organisation]] table (the rest of the file is left as it is);
    the relay applies it at its next start and writes the change to the organisation's audit
    log, which ``lotsen org show`` prints.
    """
    if state not in ("on", "off"):
        fail(t("org.network_on_off"))
    before = config.read_text(encoding="utf-8")
    try:
        current = load_config(config)
    except ConfigError as exc:
        fail(str(exc))
    ids = [org.id for org in current.organisations]
    if org_id not in ids:
        fail(t("org.network_unknown", org=org_id, config=config)
             + (t("org.network_lists", ids=", ".join(ids)) if ids else t("org.network_add")))
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
        fail(t("common.cannot_write", path=config, reason=exc.strerror or exc))
    finally:
        staged.unlink(missing_ok=True)
    rooms = checked.network.rooms
    typer.echo(t("org.network_joined" if state == "on" else "org.network_left", org=org_id,
                 config=config))
    if state == "on" and not rooms:
        typer.echo(t("org.network_no_rooms"))


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


@app.command("list", help=t("help.org.list"))
def list_(db: str | None = DbOption, config: Path = ConfigOption) -> None:
    """List the organisations with their origins, staff and conversations."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cfg = load(config, db)
    counts = _counts_of(cfg)
    table = Table(t("org.col.id"), t("org.col.name"), t("org.col.staff"),
                  t("org.col.conversations"), t("org.col.retention"))
    table.add_column(t("org.col.origins"), overflow="fold")  # an address is worth reading whole
    for org in cfg.served():
        staff, conversations = counts[org.id]
        table.add_row(Text(org.id), Text(visible(org.name)), str(staff), str(conversations),
                      t("org.days", days=org.retention_days),
                      Text(", ".join(org.origins) or t("org.own_pages")))
    Console(highlight=False).print(table)
    if cfg.served().implicit:
        typer.echo(t("org.implicit", default=DEFAULT_ORG))


def _hours_text(hours: OpeningHours) -> list[str]:
    if hours.always_open:
        return [t("org.always_open")]
    rows = []
    for index, day in enumerate(WEEKDAYS):
        spans = hours.weekly.get(index, ())
        if spans:
            rows.append(f"{day}: " + ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in spans))
    closed = sorted(day for day, spans in hours.exceptions.items() if not spans)
    if closed:
        rows.append(t("org.closed_dates", dates=", ".join(day.isoformat() for day in closed)))
    return rows or [t("org.never_open")]


def describe(org: Organisation, staff: int, conversations: int,
             cover: Iterable[CoverAgreement] = ()) -> list[str]:
    """What ``org show`` prints: every setting of one organisation, one per line, with the
    cover agreements it is part of (relay/cover.py)."""
    out = [_row("id", org.id), _row("name", visible(org.name)),
           _row("origins", ", ".join(org.origins) or t("org.own_pages_only")),
           _row("timezone", org.hours.timezone.key)]
    out += [_row("hours", row) for row in _hours_text(org.hours)]
    out += [_row("emergency", f"{visible(e['name'])} {e.get('phone') or e.get('url', '')}")
            for e in org.emergency]
    out += [_row("directory", org.referral_directory or t("org.shipped_directory")),
            _row("retention", t("org.days", days=org.retention_days)),
            _row("language", org.default_language),
            _row("canned", ", ".join(c.key for c in org.canned) or t("org.none")),
            _row("staff", staff), _row("conversations", conversations)]
    for agreement in cover:
        if agreement.covered == org.id:
            out.append(_row("covered_by", f"{agreement.covering}, {agreement.describe()}"))
        elif agreement.covering == org.id:
            out.append(_row("covers", f"{agreement.covered}, {agreement.describe()}"))
    return out


def _row(label: str, value: object) -> str:
    """One line of ``org show``: the label in words, the values lined up after it."""
    return f"{t(f'org.label.{label}') + ':':20}{value}"


@app.command("show", help=t("help.org.show"))
def show(org_id: str = typer.Argument(..., metavar="ID"), db: str | None = DbOption,
         config: Path = ConfigOption) -> None:
    """Show one organisation's settings, staff and conversation counts."""
    cfg = load(config, db)
    org = cfg.served().get(org_id)
    if org is None:
        fail(t("org.no_such", org=org_id, ids=", ".join(cfg.served().ids)))
    staff, conversations = _counts_of(cfg)[org_id]
    for row in describe(org, staff, conversations, cfg.served().cover):
        typer.echo(row)
    for row in _network_rows(cfg, org):
        typer.echo(row)


def _network_rows(cfg: RelayConfig, org: Organisation) -> list[str]:
    """Whether ``org`` is in the professionals' network, by the config and as the relay last
    recorded it (with the joins and leaves in its audit log)."""
    wanted = org.network and cfg.network.enabled
    rows = [_row("network", t("org.network_yes" if wanted else "org.network_no")
                 + (t("org.network_config") if cfg.network.enabled or not org.network
                    else t("org.network_config_no_rooms")))]
    later = " " * 20 + t("org.network_at_restart")
    if not isinstance(cfg.database, PostgresURL) and not cfg.database.is_file():
        return rows + ([later] if wanted else [])

    async def read(storage: SQLiteStorage) -> tuple[dict[str, float], list[AuditEntry]]:
        return await storage.network_members(), await storage.network_changes(org.id)

    members, changes = with_storage(cfg, read)
    if wanted != (org.id in members):
        rows.append(later)
    for entry in changes:
        what = t("org.network_joined_at" if entry.action == JOIN else "org.network_left_at")
        rows.append(_row("network_change", f"{_when(entry.ts)} {what}"))
    return rows


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))
