"""``lotsen export``, ``lotsen backup`` and ``lotsen migrate``: running Lotsen for real.

- ``export`` writes one conversation's transcript to a text file for the case record (the
  documentation duty when a visitor becomes a client), before the retention purge deletes it.
  Every export is written to the audit log with actor ``cli``; the file path and the text are
  not, since a path may name the client.
- ``backup`` copies the database with SQLite's online backup API: a consistent snapshot taken
  while the relay keeps running, checked with ``PRAGMA integrity_check``, written atomically.
  On PostgreSQL it runs ``pg_dump`` (custom format, a consistent snapshot too) if it is
  installed, and otherwise says so; it never writes anything that only looks like a backup.
- ``migrate`` reports the schema version and applies pending migrations, after a backup.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
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
from relay.config import RelayConfig
from relay.storage import ConversationRecord, Line, PostgresURL, StorageError
from relay.storage.sqlite import SQLiteStorage, migrations
from relay.terminal_text import visible

BACKUP_PREFIX = "lotsen-"
BACKUP_SUFFIX = ".db"
PG_BACKUP_SUFFIX = ".dump"  # pg_dump's custom format, restored with pg_restore
# Lines shown in an export by default; internal notes and whispers need --notes.
CASE_KINDS = frozenset({"visitor", "staff", "system"})


def sqlite_file(cfg: RelayConfig) -> Path:
    """The configured SQLite file, or a clear error instead of creating an empty one."""
    require_database(cfg)
    assert isinstance(cfg.database, Path)
    return cfg.database


# ---------------------------------------------------------------------------------------------
# export


def _stamp(ts: float | None, tz: ZoneInfo) -> str:
    return "–" if ts is None else datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d %H:%M:%S")


def transcript_text(record: ConversationRecord, lines: list[Line], names: dict[str, str],
                    tz: ZoneInfo, exported_at: float) -> str:
    """The case-record text of one conversation: a header of facts, then every line.

    A visitor's text may carry terminal escapes (set the clipboard, retitle the window, erase
    the indent so a forged line looks like a staff statement): every control, format and
    separator character is written out visibly (``\x1b``), in the file and on a terminal alike.
    """
    staff = names.get(record.staff or "", record.staff) if record.staff else None
    facts = [
        ("Conversation", f"{record.id} ({record.alias})"),
        ("Started", _stamp(record.created_at, tz)),
        ("Answered", _stamp(record.claimed_at, tz) + (f" by {visible(staff)}" if staff else "")),
        ("Ended", _stamp(record.closed_at, tz) +
         (f" by {record.closed_by}" if record.closed_by else "")),
        ("Language", record.lang or "not given"),
        ("Who writes", record.outcome_role or record.role or "not given"),
        ("Topics", visible(", ".join(record.tags)) or "–"),
        ("Referrals", visible(", ".join(record.referrals)) or "–"),
        ("Urgent", "yes" if record.urgent else "no"),
    ]
    out = [f"Lotsen conversation transcript, exported {_stamp(exported_at, tz)} ({tz.key})",
           "For the case record. Handle under secrecy (OSL 26 kap.).", ""]
    out += [f"{label + ':':14}{value}" for label, value in facts]
    if record.state != "closed":
        out.append(f"{'State:':14}{record.state} — later lines are not in this export")
    out.append("")
    for line in lines:
        if line.kind == "visitor":
            who = record.alias
        elif line.kind == "system":
            who = "System"
        else:
            who = names.get(line.author or "", line.author or "staff")
            if line.kind == "note":
                who += " (internal note)"
            elif line.kind == "whisper":
                who += " (supervisor, staff only)"
        # Only \n starts a new (indented) line; \r, \x1c, \u2028 and the like are shown.
        first, *rest = visible(line.text, keep_newlines=True).split("\n")
        out.append(f"[{_stamp(line.ts, tz)}] {visible(who)}: {first}")
        out.extend(f"    {more}" for more in rest)
    return "\n".join(out) + "\n"


def _open_new(path: Path, force: bool) -> int:
    """Open ``path`` for writing, readable by its owner only; refuse to overwrite unless forced."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        return os.open(path, flags, 0o600)
    except FileExistsError:
        fail(f"{path} exists — choose another --out, or pass --force to overwrite it")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")


@app.command()
def export(
    conversation: int = typer.Argument(..., help="The conversation number staff see."),
    out: Path = typer.Option(None, "--out", "-o", dir_okay=False,
                             help="Text file to write ('-' for standard output) "
                                  "(default: lotsen-conversation-N.txt)."),
    notes: bool = typer.Option(False, "--notes",
                               help="Include internal notes and supervisor whispers."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    org: str = OrgOption,
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Write one conversation's transcript to a text file for the case record (audited)."""
    cfg = for_org(load(config, db), org)
    require_database(cfg)
    target = out or Path(f"lotsen-conversation-{conversation}.txt")
    to_stdout = str(target) == "-"

    async def act(storage: SQLiteStorage) -> tuple[str, int]:
        record = await storage.conversation(conversation)
        if record is None:
            fail(f"no conversation {conversation} in {cfg.database}"
                 + (f" for organisation {cfg.org}" if cfg.organisations else ""))
        if record.purged:
            fail(f"the text of conversation {conversation} was deleted by the retention purge "
                 f"(closed {_stamp(record.closed_at, cfg.hours.timezone)}); only its "
                 "statistics record remains")
        kinds = None if notes else CASE_KINDS
        lines = await storage.lines_after(conversation, 0, kinds)
        names = {a.username: a.display_name for a in await storage.list_staff()}
        text = transcript_text(record, lines, names, cfg.hours.timezone, time.time())
        handle = -1 if to_stdout else _open_new(target, force)
        # Audited before the text leaves the database: an export is never unrecorded.
        try:
            await storage.audit("cli", "export", conversation,
                                f"lines={len(lines)}" + (" notes=yes" if notes else ""))
        except BaseException:
            if not to_stdout:
                os.close(handle)
                target.unlink()
            raise
        if to_stdout:
            sys.stdout.write(text)
        else:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
        return text, len(lines)

    _, count = with_storage(cfg, act)
    if not to_stdout:
        typer.echo(f"Wrote conversation {conversation} ({count} lines) to {target}. "
                   "The export is recorded in the audit log; file it in the case record and "
                   "delete this copy.", err=False)


# ---------------------------------------------------------------------------------------------
# backup


def schema_version(path: Path) -> int:
    """``PRAGMA user_version`` of a database file (0 for a new or foreign file)."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def backup_database(source: Path, target: Path, *, audit: bool = True) -> dict[str, int]:
    """Copy ``source`` to ``target`` consistently while other processes may write to it.

    SQLite's online backup API copies a snapshot in one read transaction; in WAL mode that
    never blocks the relay's writes. The copy is written to a temporary name, checked with
    ``PRAGMA integrity_check``, switched to a single self-contained file (no -wal), made
    readable by its owner only, synced to disk and then renamed into place.
    """
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    with contextlib.closing(sqlite3.connect(source, timeout=10)) as src:
        version = int(src.execute("PRAGMA user_version").fetchone()[0])
        if audit and version >= 1:  # audited first, so the copy holds the record of its making
            asyncio.run(_audit_backup(source))
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        with contextlib.closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            check = dst.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"the copy failed its integrity check: {check}")
            conversations = _count(dst, "conversations") if version >= 1 else 0
    with open(partial, "rb+") as file:
        os.fsync(file.fileno())
    os.replace(partial, target)
    with contextlib.suppress(OSError):
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return {"version": version, "conversations": conversations,
            "bytes": target.stat().st_size}


async def _audit_backup(source: Path) -> None:
    """Write the backup's audit row through ``Storage``, leaving the schema as it is (a
    backup before ``migrate`` must copy the database unmigrated)."""
    storage = SQLiteStorage(source, migrate=False)
    await storage.open()
    try:
        await storage.audit("cli", "backup")
    finally:
        await storage.close()


def _count(db: sqlite3.Connection, table: str) -> int:
    return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def pg_backup(url: PostgresURL, target: Path, *, audit: bool = True) -> dict[str, int]:
    """Dump a PostgreSQL database to ``target`` with ``pg_dump`` (a consistent snapshot while
    the relays keep running), written to a temporary name, synced, then renamed into place.

    Raises ``OSError`` if ``pg_dump`` is missing or fails (with its own one-line reason).
    """
    from relay.storage.postgres import pg_dump_command, record_backup, stored_schema_version

    if shutil.which("pg_dump") is None:
        raise OSError("pg_dump is not installed — install PostgreSQL's client tools (Debian: "
                      "apt-get install postgresql-client, the same major version as the server "
                      "or newer), or back up with your own pg_dump/pg_basebackup setup")
    version = asyncio.run(stored_schema_version(url))
    if audit and version >= 1:
        # Audited first, so the dump holds the record of its own making; written directly,
        # since opening the storage would apply pending migrations before the dump.
        asyncio.run(record_backup(url))
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    command, env = pg_dump_command(url, str(partial))
    done = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        reason = (done.stderr.strip().splitlines() or ["no reason given"])[-1]
        raise OSError(f"pg_dump failed: {reason}")
    with open(partial, "rb+") as file:
        os.fsync(file.fileno())
    os.replace(partial, target)
    return {"version": version, "bytes": target.stat().st_size}


def prune_backups(folder: Path, keep: int, suffix: str = BACKUP_SUFFIX) -> list[Path]:
    """Delete all but the newest ``keep`` backups this command made in ``folder``."""
    made = sorted(p for p in folder.iterdir()
                  if p.name.startswith(BACKUP_PREFIX) and p.name.endswith(suffix))
    doomed = made[:-keep] if keep > 0 else made
    for path in doomed:
        path.unlink()
    return doomed


@app.command()
def backup(
    dest: Path = typer.Argument(..., help="A file to write, or a folder to put a dated "
                                          "lotsen-YYYYMMDD-HHMMSS.db file in."),
    keep: int = typer.Option(None, min=1, help="With a folder: keep only the newest N backups "
                                               "there (match them to the retention period)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing backup file."),
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Copy the database safely while the relay runs (SQLite online backup; pg_dump)."""
    cfg = load(config, db)
    require_database(cfg)
    suffix = PG_BACKUP_SUFFIX if isinstance(cfg.database, PostgresURL) else BACKUP_SUFFIX
    folder = dest.is_dir()
    if folder:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = dest / f"{BACKUP_PREFIX}{stamp}{suffix}"
    else:
        target = dest
        if keep is not None:
            fail("--keep needs DEST to be a folder")
        if not target.parent.is_dir():
            fail(f"no folder {target.parent} — create it first")
    if target.exists() and not force:
        fail(f"{target} exists — pass --force to overwrite it, or give a folder")
    if isinstance(cfg.database, PostgresURL):
        try:
            dumped = pg_backup(cfg.database, target)
        except (StorageError, OSError) as exc:
            fail(f"backup failed: {exc}")
        pruned = prune_backups(dest, keep, suffix) if folder and keep else []
        typer.echo(f"Dumped {cfg.database} to {target} with pg_dump "
                   f"({dumped['bytes'] // 1024} KiB, schema version {dumped['version']}; "
                   f"restore into an empty database with pg_restore).")
        if pruned:
            typer.echo(f"Deleted {len(pruned)} older backup(s); kept the newest {keep}.")
        typer.echo("The backup holds transcripts not yet purged: keep it as protected as the "
                   "database and no longer than the retention period.")
        return
    source = sqlite_file(cfg)
    if target.resolve() == source.resolve():
        fail("the backup must not be the database itself")
    try:
        result = backup_database(source, target)
    except (sqlite3.Error, OSError, StorageError) as exc:
        fail(f"backup failed: {exc}")
    pruned = prune_backups(dest, keep) if folder and keep else []
    typer.echo(f"Backed up {source} to {target} ({result['bytes'] // 1024} KiB, schema version "
               f"{result['version']}, {result['conversations']} conversation record(s)).")
    if pruned:
        typer.echo(f"Deleted {len(pruned)} older backup(s); kept the newest {keep}.")
    typer.echo("The backup holds transcripts not yet purged: keep it as protected as the "
               "database and no longer than the retention period.")


# ---------------------------------------------------------------------------------------------
# migrate


@app.command()
def migrate(
    check: bool = typer.Option(False, "--check",
                               help="Only report; exit with status 1 if migrations are pending."),
    backup_first: bool = typer.Option(True, "--backup/--no-backup",
                                      help="Back up the database before migrating."),
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Show the database schema version and apply pending migrations (stop the relay first)."""
    cfg = load(config, db)
    require_database(cfg)
    if isinstance(cfg.database, PostgresURL):
        _migrate_postgres(cfg, cfg.database, check=check, backup_first=backup_first)
        return
    source = sqlite_file(cfg)
    try:
        version = schema_version(source)
    except sqlite3.Error as exc:
        fail(f"cannot read {source}: {exc}")
    shipped = [number for number, _ in migrations()]
    latest = max(shipped, default=0)
    pending = [number for number in shipped if number > version]
    typer.echo(f"{source}: schema version {version}; this Lotsen ships version {latest}.")
    if version > latest:
        fail("the database is newer than this Lotsen — upgrade Lotsen, or restore the backup "
             "taken before the upgrade")
    if not pending:
        typer.echo("Up to date: nothing to migrate.")
        return
    typer.echo(f"Pending migration(s): {', '.join(f'{n:03d}' for n in pending)}.")
    if check:
        raise typer.Exit(1)
    if backup_first:
        target = source.with_name(f"{source.name}.before-v{latest}-"
                                  f"{datetime.now():%Y%m%d-%H%M%S}.bak")
        try:
            backup_database(source, target)
        except (sqlite3.Error, OSError, StorageError) as exc:
            fail(f"backup before migrating failed, nothing changed: {exc}")
        typer.echo(f"Backed up to {target}.")

    async def act(storage: SQLiteStorage) -> None:  # opening applies the migrations
        await storage.audit("cli", "migrate", None, f"from={version} to={latest}")

    with_storage(cfg, act)
    typer.echo(f"Migrated {source} to schema version {schema_version(source)}.")


def _migrate_postgres(cfg: RelayConfig, url: PostgresURL, *, check: bool,
                      backup_first: bool) -> None:
    """``lotsen migrate`` on PostgreSQL: the same report, a pg_dump first, then the steps.

    Relays starting at once on one database migrate one at a time (an advisory lock), so
    this may also run while relays are up; stopping them first is still the safe order.
    """
    from relay.storage.postgres import postgres_migrations, stored_schema_version

    try:
        version = asyncio.run(stored_schema_version(url))
    except StorageError as exc:
        fail(str(exc))
    shipped = [number for number, _ in postgres_migrations()]
    latest = max(shipped, default=0)
    pending = [number for number in shipped if number > version]
    typer.echo(f"{url}: schema version {version}; this Lotsen ships version {latest}.")
    if version > latest:
        fail("the database is newer than this Lotsen — upgrade Lotsen, or restore the backup "
             "taken before the upgrade")
    if not pending:
        typer.echo("Up to date: nothing to migrate.")
        return
    typer.echo(f"Pending migration(s): {', '.join(f'{n:03d}' for n in pending)}.")
    if check:
        raise typer.Exit(1)
    if backup_first and version >= 1:
        target = Path(f"lotsen-before-v{latest}-{datetime.now():%Y%m%d-%H%M%S}"
                      f"{PG_BACKUP_SUFFIX}")
        try:
            pg_backup(url, target)
        except (StorageError, OSError) as exc:
            fail(f"backup before migrating failed, nothing changed: {exc} "
                 "(or pass --no-backup after taking your own)")
        typer.echo(f"Backed up to {target} (pg_dump).")

    async def act(storage: SQLiteStorage) -> None:  # opening applies the migrations
        await storage.audit("cli", "migrate", None, f"from={version} to={latest}")

    with_storage(cfg, act)
    typer.echo(f"Migrated {url} to schema version "
               f"{asyncio.run(stored_schema_version(url))}.")
