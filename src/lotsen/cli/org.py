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
from lotsen.cli.words import t
from relay.config import ConfigError, RelayConfig, load_config
from relay.cover import CoverAgreement
from relay.hours import OpeningHours
from relay.organisations import DEFAULT_ORG, MAX_NAME_CHARS, Organisation, org_id_problem
from relay.protocol import WEEKDAYS
from relay.storage import PostgresURL
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
        fail(t("common.cannot_write", path=config, reason=exc.strerror or exc))
    finally:
        staged.unlink(missing_ok=True)
    typer.echo(t("org.added", id=org_id, name=name, config=config))
    if first and org_id != DEFAULT_ORG:
        typer.echo(t("org.note_default", default=DEFAULT_ORG))


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
