"""``lotsen audit``: who did what and when, from the audit log in the database.

Staff actions (login, claim, view of another's conversation, transfer, close, block, help) and
operations (export, purge, staff changes, backups) are written to the ``audit`` table with the
actor's username, the conversation number and a short detail. The log never holds message
text, tokens or anything about a visitor beyond the conversation number.

Some rows anyone can cause (a failed login types any name): their actor is
``(unauthenticated)`` and the typed name is in the detail. Every value is printed through
``terminal_text.visible`` (escape sequences and invisible characters written out) and the
table without Rich markup, in every format, so a crafted name cannot act on the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import typer

from lotsen.cli import app
from lotsen.cli.common import (
    ConfigOption,
    DbOption,
    OrgOption,
    fail,
    for_org,
    load,
    require_database,
    with_storage,
)
from lotsen.cli.words import t
from relay.storage import AuditEntry
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible_value

FORMATS = ("table", "json", "csv")
_UNITS = {"m": 60, "h": 3600, "d": 86400}


def parse_since(text: str, timezone: ZoneInfo, now: float) -> float:
    """``--since`` as Unix time: a duration back from now (90m, 24h, 7d) or a local date/time."""
    relative = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", text)
    if relative:
        return now - int(relative.group(1)) * _UNITS[relative.group(2)]
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        fail(t("audit.bad_since", text=text))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone)
    return moment.timestamp()


def _row(entry: AuditEntry, timezone: ZoneInfo) -> dict[str, object]:
    return {
        "time": datetime.fromtimestamp(entry.ts, timezone).isoformat(timespec="seconds"),
        "actor": visible_value(entry.actor),
        "action": visible_value(entry.action),
        "conversation": entry.conversation,
        "detail": visible_value(entry.detail),
    }


@app.command(help=t("help.audit"))
def audit(
    since: str = typer.Option(None, "--since", help=t("help.audit.since")),
    user: str = typer.Option(None, "--user", help=t("help.audit.user")),
    output: str = typer.Option("table", "--format", help=t("help.format")),
    limit: int = typer.Option(1000, "--limit", min=1, help=t("help.audit.limit")),
    org: str = OrgOption,
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Print the audit log: who logged in, claimed, read, transferred, closed, exported, purged.

    Message text is never in the audit log. A relay serving several organisations keeps one
    log per organisation (--org).
    """
    if output not in FORMATS:
        fail(t("audit.bad_format", output=output))
    cfg = for_org(load(config, db), org)
    require_database(cfg)
    timezone = cfg.hours.timezone
    start = parse_since(since, timezone, time.time()) if since else None

    async def read(storage: SQLiteStorage) -> list[AuditEntry]:
        return await storage.audit_entries(since=start, limit=limit, actor=user)

    rows = [_row(entry, timezone) for entry in with_storage(cfg, read)]
    if output == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif output == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["time", "actor", "action", "conversation",
                                                    "detail"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        typer.echo(buffer.getvalue(), nl=False)
    else:
        _print_table(rows, since, user)


def _print_table(rows: list[dict[str, object]], since: str | None, user: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if not rows:
        key = "audit.none" + ("_by" if user else "") + ("_since" if since else "")
        typer.echo(t(key, user=user, since=since))
        return
    # The columns are the JSON and CSV keys, in words.
    table = Table(*(t(f"audit.col.{column}") for column in rows[0]))
    for row in rows:
        table.add_row(*(Text("" if value is None else str(value)) for value in row.values()))
    Console(highlight=False).print(table)
