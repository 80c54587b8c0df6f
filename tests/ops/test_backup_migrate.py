"""Backups restore to a working relay; upgrades keep every row; old code refuses new schemas."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from pathlib import Path

import pytest

from relay.storage import ConversationRecord, Line, StaffAccount, StorageError
from relay.storage.sqlite import SQLiteStorage, migrations
from tests.ops.conftest import Cli
from tests.support import Client, RelayThread, add_staff_async, make_config

V1 = [(number, sql) for number, sql in migrations() if number == 1]


async def _waiting_visitor(port: int) -> str:
    """A visitor writes twice and stays in the queue; returns the resume token."""
    staff = await Client.staff(port, "anna")  # the chat is open only while staff are online
    visitor = await Client.visitor(port, lang="sv")
    await visitor.say("Första raden")
    await visitor.say("Andra raden")
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    await visitor.close()
    await staff.close()
    return str(token)


async def _resume_and_claim(port: int, token: str) -> tuple[list[str], list[str]]:
    visitor = await Client.visitor(port, resume=token, last_seq=0)
    await visitor.expect("resumed")
    replay = [(await visitor.expect("message"))["text"] for _ in range(2)]
    staff = await Client.staff(port, "anna")
    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    await visitor.close()
    await staff.close()
    return replay, [m["text"] for m in info["messages"]]


def test_backup_while_running_restores_to_a_working_relay(relay_thread: RelayThread, cli: Cli,
                                                          tmp_path: Path) -> None:
    """A backup taken under a live relay starts a new relay with the same queue, staff, text."""
    token = asyncio.run(_waiting_visitor(relay_thread.port))
    folder = tmp_path / "backups"
    folder.mkdir()
    result = cli("backup", folder, "--db", relay_thread.config.database)
    assert result.exit_code == 0, result.output
    (copy,) = folder.glob("lotsen-*.db")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert not list(folder.glob("*.partial")) and not list(folder.glob("*-wal"))
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("SELECT COUNT(*) FROM audit WHERE action = 'backup'").fetchone()[0] == 1

    restored_config = make_config(tmp_path / "restored", database=copy)
    with RelayThread(restored_config) as restored:
        replay, seen_by_staff = asyncio.run(_resume_and_claim(restored.port, token))
    assert replay == ["Första raden", "Andra raden"]
    assert seen_by_staff == ["Första raden", "Andra raden"]


def test_backup_keep_prunes_old_copies_and_refuses_overwrite(tmp_path: Path, cli: Cli) -> None:
    """``--keep N`` leaves the newest N dated copies; a named file is never overwritten silently."""
    database = tmp_path / "lotsen.db"
    asyncio.run(add_staff_async(database, "anna"))
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in ("lotsen-20250101-000000.db", "lotsen-20250102-000000.db", "unrelated.db"):
        (folder / name).write_bytes(b"old")
    assert cli("backup", folder, "--keep", "2", "--db", database).exit_code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "lotsen-20250102-000000.db" and len(names) == 3
    assert "unrelated.db" in names
    target = tmp_path / "one.db"
    assert cli("backup", target, "--db", database).exit_code == 0
    again = cli("backup", target, "--db", database)
    assert again.exit_code == 2 and "exists" in again.output
    missing = cli("backup", folder, "--db", tmp_path / "nope.db")
    assert missing.exit_code == 2 and "no database" in missing.output


async def _version_1_database(path: Path) -> None:
    """What the first release wrote: schema 001 only, with a staff account and a conversation."""
    storage = SQLiteStorage(path, migration_set=V1)
    await storage.open()
    (version,) = await storage._one("PRAGMA user_version") or (0,)
    assert version == 1
    try:
        await storage.add_staff(StaffAccount(0, "anna", "Anna", "not-a-real-hash",
                                             created_at=1_770_000_000.0))
        await storage.create_conversation(ConversationRecord(
            id=1, token_hash="t1", alias="Besökare 7", lang="sv", role="child",
            state="queued", created_at=1_770_000_000.0))
        await storage.append_line(Line(1, 1, "visitor", None, "Hej från version 1", 1.77e9))
        await storage.update_conversation(1, state="closed", closed_at=1.77e9 + 60,
                                          closed_by="visitor", tags=["alcohol"])
        await storage.count_closed_visit("2026-02-01T20")
    finally:
        await storage.close()


async def _rows_after_upgrade(path: Path, migration_set: list[tuple[int, str]] | None
                              ) -> tuple[object, ...]:
    storage = SQLiteStorage(path, migration_set=migration_set)
    await storage.open()
    try:
        record = await storage.conversation(1)
        lines = await storage.lines_after(1, 0)
        staff = await storage.staff("anna")
        visits = await storage.closed_visits("2026-02-01T00", "2026-02-01T23")
        (version,) = await storage._one("PRAGMA user_version") or (0,)
    finally:
        await storage.close()
    assert record is not None and staff is not None
    return (record.alias, record.role, record.tags, record.closed_by,
            [line.text for line in lines], visits, version)


async def test_upgrade_from_version_1_keeps_data(tmp_path: Path) -> None:
    """A version-1 database opened with a newer migration set keeps every row and upgrades."""
    database = tmp_path / "v1.db"
    await _version_1_database(database)
    # The shipped migrations (the code reads their columns), then two more from a future Lotsen.
    shipped = migrations()
    latest = max(number for number, _ in shipped)
    newer = [*shipped, (latest + 1, "ALTER TABLE conversations ADD COLUMN channel TEXT;"),
             (latest + 2, "CREATE TABLE notices (id INTEGER PRIMARY KEY, text TEXT NOT NULL);")]
    kept = await _rows_after_upgrade(database, newer)
    assert kept == ("Besökare 7", "child", ["alcohol"], "visitor", ["Hej från version 1"],
                    [("2026-02-01T20", 1)], latest + 2)


async def test_upgrade_with_the_shipped_migrations_keeps_data(tmp_path: Path) -> None:
    """The migrations this Lotsen ships upgrade a version-1 database without losing a row."""
    database = tmp_path / "v1.db"
    await _version_1_database(database)
    latest = max(number for number, _ in migrations())
    kept = await _rows_after_upgrade(database, None)
    assert kept == ("Besökare 7", "child", ["alcohol"], "visitor", ["Hej från version 1"],
                    [("2026-02-01T20", 1)], latest)


async def test_an_older_lotsen_refuses_a_newer_schema(tmp_path: Path) -> None:
    """Opening a database whose schema is newer than the code fails with advice, writes nothing."""
    database = tmp_path / "future.db"
    await _version_1_database(database)
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA user_version = 99")
    storage = SQLiteStorage(database)
    with pytest.raises(StorageError, match="newer than this Lotsen"):
        await storage.open()


def test_migrate_command_backs_up_then_upgrades(tmp_path: Path, cli: Cli) -> None:
    """``lotsen migrate`` reports pending steps, backs up, upgrades; ``--check`` only reports."""
    database = tmp_path / "lotsen.db"
    asyncio.run(_version_1_database(database))
    latest = max(number for number, _ in migrations())
    check = cli("migrate", "--check", "--db", database)
    if latest == 1:
        assert check.exit_code == 0 and "Up to date" in check.output
        return
    assert check.exit_code == 1 and "Pending" in check.output
    result = cli("migrate", "--db", database)
    assert result.exit_code == 0, result.output
    (backup,) = tmp_path.glob("lotsen.db.before-v*.bak")
    with sqlite3.connect(backup) as db:  # unmigrated, and holding the record of its making
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("SELECT actor FROM audit WHERE action = 'backup'").fetchall() == [
            ("cli",)]
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == latest
        assert db.execute("SELECT alias FROM conversations").fetchall() == [("Besökare 7",)]
    assert "Up to date" in cli("migrate", "--db", database).output
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA user_version = 99")
    newer = cli("migrate", "--db", database)
    assert newer.exit_code == 2 and "newer than this Lotsen" in newer.output


async def test_lines_stay_unique_per_conversation_after_the_arrival_order_migration(
        tmp_path: Path) -> None:
    """Schema 3 moves lines into a rowid table: they read back in seq order, and a second
    line with a stored (conversation, seq) is still refused."""
    database = tmp_path / "v1.db"
    await _version_1_database(database)
    storage = SQLiteStorage(database)
    await storage.open()
    try:
        await storage.append_line(Line(1, 3, "staff", "anna", "Tredje", 1.77e9 + 2))
        await storage.append_line(Line(1, 2, "visitor", None, "Andra", 1.77e9 + 1))
        assert [(line.seq, line.text) for line in await storage.lines_after(1, 0)] == [
            (1, "Hej från version 1"), (2, "Andra"), (3, "Tredje")]
        with pytest.raises(StorageError):
            await storage.append_line(Line(1, 2, "visitor", None, "Igen", 1.77e9 + 3))
        assert [line.text for line in await storage.lines_after(1, 1)] == ["Andra", "Tredje"]
    finally:
        await storage.close()
    with sqlite3.connect(database) as db:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'messages'").fetchone()
    assert "WITHOUT ROWID" not in sql
