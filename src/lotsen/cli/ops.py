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
from lotsen.cli.words import t
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
    not_given = t("transcript.not_given")
    facts = [
        (t("transcript.conversation"), f"{record.id} ({record.alias})"),
        (t("transcript.started"), _stamp(record.created_at, tz)),
        (t("transcript.answered"), _stamp(record.claimed_at, tz)
         + (t("transcript.by", who=visible(staff)) if staff else "")),
        (t("transcript.ended"), _stamp(record.closed_at, tz)
         + (t("transcript.by", who=record.closed_by) if record.closed_by else "")),
        (t("transcript.language"), record.lang or not_given),
        (t("transcript.who"), record.outcome_role or record.role or not_given),
        (t("transcript.topics"), visible(", ".join(record.tags)) or "–"),
        (t("transcript.referrals"), visible(", ".join(record.referrals)) or "–"),
        (t("transcript.urgent"), t("transcript.yes") if record.urgent else t("transcript.no")),
    ]
    out = [t("transcript.title", when=_stamp(exported_at, tz), zone=tz.key),
           t("transcript.secrecy"), ""]
    out += [f"{label + ':':14}{value}" for label, value in facts]
    if record.state != "closed":
        out.append(f"{t('transcript.state') + ':':14}"
                   + t("transcript.open", state=record.state))
    out.append("")
    for line in lines:
        if line.kind == "visitor":
            who = record.alias
        elif line.kind == "system":
            who = t("transcript.system")
        else:
            who = names.get(line.author or "", line.author or t("transcript.staff"))
            if line.kind == "note":
                who += t("transcript.note")
            elif line.kind == "whisper":
                who += t("transcript.whisper")
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
        fail(t("export.exists", path=path))
    except OSError as exc:
        fail(t("common.cannot_write", path=path, reason=exc.strerror or exc))


@app.command(help=t("help.export"))
def export(
    conversation: int = typer.Argument(..., help=t("help.export.conversation")),
    out: Path = typer.Option(None, "--out", "-o", dir_okay=False, help=t("help.export.out")),
    notes: bool = typer.Option(False, "--notes", help=t("help.export.notes")),
    force: bool = typer.Option(False, "--force", help=t("help.export.force")),
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
            fail(t("export.no_conversation_org", number=conversation, database=cfg.database,
                   org=cfg.org) if cfg.organisations else
                 t("export.no_conversation", number=conversation, database=cfg.database))
        if record.purged:
            fail(t("export.purged", number=conversation,
                   closed=_stamp(record.closed_at, cfg.hours.timezone)))
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
        typer.echo(t("export.written", number=conversation, count=count, path=target),
                   err=False)


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
        raise OSError(t("backup.no_pg_dump"))
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
        reason = (done.stderr.strip().splitlines() or [t("backup.no_reason")])[-1]
        raise OSError(t("backup.pg_dump_failed", reason=reason))
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


@app.command(help=t("help.backup"))
def backup(
    dest: Path = typer.Argument(..., help=t("help.backup.dest")),
    keep: int = typer.Option(None, min=1, help=t("help.backup.keep")),
    force: bool = typer.Option(False, "--force", help=t("help.backup.force")),
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
            fail(t("backup.keep_needs_folder"))
        if not target.parent.is_dir():
            fail(t("backup.no_folder", folder=target.parent))
    if target.exists() and not force:
        fail(t("backup.exists", path=target))
    if isinstance(cfg.database, PostgresURL):
        try:
            dumped = pg_backup(cfg.database, target)
        except (StorageError, OSError) as exc:
            fail(t("backup.failed", problem=exc))
        pruned = prune_backups(dest, keep, suffix) if folder and keep else []
        typer.echo(t("backup.dumped", database=cfg.database, path=target,
                     kib=dumped["bytes"] // 1024, version=dumped["version"]))
        if pruned:
            typer.echo(t("backup.pruned", count=len(pruned), keep=keep))
        typer.echo(t("backup.protect"))
        return
    source = sqlite_file(cfg)
    if target.resolve() == source.resolve():
        fail(t("backup.same_file"))
    try:
        result = backup_database(source, target)
    except (sqlite3.Error, OSError, StorageError) as exc:
        fail(t("backup.failed", problem=exc))
    pruned = prune_backups(dest, keep) if folder and keep else []
    typer.echo(t("backup.copied", database=source, path=target, kib=result["bytes"] // 1024,
                 version=result["version"], count=result["conversations"]))
    if pruned:
        typer.echo(t("backup.pruned", count=len(pruned), keep=keep))
    typer.echo(t("backup.protect"))


# ---------------------------------------------------------------------------------------------
# migrate


@app.command(help=t("help.migrate"))
def migrate(
    check: bool = typer.Option(False, "--check", help=t("help.migrate.check")),
    backup_first: bool = typer.Option(True, "--backup/--no-backup",
                                      help=t("help.migrate.backup")),
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Show the database schema version and apply pending migrations (stop the relay first).

    Relays starting at once on one PostgreSQL database migrate one at a time (an advisory
    lock), so there it may also run while relays are up; stopping them first is still the
    safe order.
    """
    cfg = load(config, db)
    require_database(cfg)
    if isinstance(cfg.database, PostgresURL):
        from relay.storage.postgres import postgres_migrations

        url = cfg.database
        version = _postgres_version(url)
        latest = migration_plan(url, [number for number, _ in postgres_migrations()], version,
                                check=check)
        if latest is None:
            return
        if backup_first and version >= 1:
            target = Path(f"lotsen-before-v{latest}-{datetime.now():%Y%m%d-%H%M%S}"
                          f"{PG_BACKUP_SUFFIX}")
            try:
                pg_backup(url, target)
            except (StorageError, OSError) as exc:
                fail(t("migrate.backup_failed_pg", problem=exc))
            typer.echo(t("migrate.backed_up_pg", path=target))
    else:
        source = sqlite_file(cfg)
        try:
            version = schema_version(source)
        except sqlite3.Error as exc:
            fail(t("migrate.cannot_read", path=source, problem=exc))
        latest = migration_plan(source, [number for number, _ in migrations()], version,
                                check=check)
        if latest is None:
            return
        if backup_first:
            target = source.with_name(f"{source.name}.before-v{latest}-"
                                      f"{datetime.now():%Y%m%d-%H%M%S}.bak")
            try:
                backup_database(source, target)
            except (sqlite3.Error, OSError, StorageError) as exc:
                fail(t("migrate.backup_failed", problem=exc))
            typer.echo(t("migrate.backed_up", path=target))

    async def act(storage: SQLiteStorage) -> None:  # opening applies the migrations
        await storage.audit("cli", "migrate", None, f"from={version} to={latest}")

    with_storage(cfg, act)
    now = (_postgres_version(cfg.database) if isinstance(cfg.database, PostgresURL)
           else schema_version(cfg.database))
    typer.echo(t("migrate.done", database=cfg.database, version=now))


def migration_plan(database: Path | PostgresURL, shipped: list[int], version: int, *,
                   check: bool) -> int | None:
    """Report ``database``'s schema ``version`` against the ``shipped`` migration numbers
    (either engine's) and return the version to migrate to, or None when it is up to date.

    Ends the command when the database is newer than this Lotsen, and with status 1 under
    ``--check`` when migrations are pending.
    """
    latest = max(shipped, default=0)
    pending = [number for number in shipped if number > version]
    typer.echo(t("migrate.versions", database=database, version=version, latest=latest))
    if version > latest:
        fail(t("migrate.newer"))
    if not pending:
        typer.echo(t("migrate.up_to_date"))
        return None
    typer.echo(t("migrate.pending", numbers=", ".join(f"{n:03d}" for n in pending)))
    if check:
        raise typer.Exit(1)
    return latest


def _postgres_version(url: PostgresURL) -> int:
    from relay.storage.postgres import stored_schema_version

    try:
        return asyncio.run(stored_schema_version(url))
    except StorageError as exc:
        fail(exc)
