"""What only PostgreSQL does: its migrations stay numbered like SQLite's, line numbers are given
in the line's own transaction (also by the database, for several writers), a database that
stops answering shows as ``storage`` errors and /healthz 503 and the relay recovers by itself,
and the CLI takes a ``postgresql://`` URL everywhere ``--db`` is taken, never printing its
password."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from typer.testing import CliRunner

from lotsen.cli import _register, app
from relay.config import RelayConfig, config_from_env, load_config
from relay.server import Relay
from relay.storage import (
    ConversationRecord,
    Line,
    PostgresURL,
    StorageError,
    database_target,
    open_storage,
)
from relay.storage.postgres import PostgresStorage, postgres_migrations, stored_schema_version
from relay.storage.sqlite import migrations
from tests import postgres
from tests.ops.http import http_get
from tests.support import Client, add_staff_async, make_config

pytestmark = pytest.mark.postgres


def _database_name(url: PostgresURL) -> str:
    return urlsplit(url.url).path.lstrip("/")


@contextlib.contextmanager
def database_down(url: PostgresURL) -> Iterator[None]:
    """The database refuses every connection and its open ones are cut, as when its server
    stops; afterwards it takes connections again. Only this test session's database is
    touched (the server itself keeps running)."""
    name = _database_name(url)
    with psycopg.connect(postgres.server_url(), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'.encode())
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        try:
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'.encode())


def test_postgres_migrations_carry_the_same_numbers_as_sqlite() -> None:
    """Every SQLite migration has a PostgreSQL one with its number (and no other), so
    ``lotsen migrate`` reports one schema version for both; a new SQLite migration without
    its PostgreSQL twin fails here — add src/relay/storage/postgres_migrations/NNN_*.sql."""
    assert [n for n, _ in postgres_migrations()] == [n for n, _ in migrations()]


async def test_the_database_numbers_lines_without_gaps_for_several_writers(
        pg_url: PostgresURL) -> None:
    """Eight connections (as eight relays) store 25 lines each in one conversation, letting the
    database number them: 200 lines, numbered 1 to 200, none twice, none missing."""
    storage = PostgresStorage(pg_url)
    await storage.open()
    try:
        await storage.create_conversation(_record(1))
    finally:
        await storage.close()

    async def writer(index: int) -> list[int]:
        numbers = []
        async with await psycopg.AsyncConnection.connect(pg_url.url, autocommit=True) as conn:
            for n in range(25):
                async with conn.transaction():
                    cur = await conn.execute(
                        "SELECT lotsen_append_line('default', 1, NULL, 'visitor', NULL, "
                        "%s, %s, NULL)",
                        (f"w{index}-{n}", time.time()))
                    row = await cur.fetchone()
                    assert row is not None
                    numbers.append(int(row[0]))
        return numbers

    given = [n for numbers in await asyncio.gather(*(writer(i) for i in range(8)))
             for n in numbers]
    assert sorted(given) == list(range(1, 201))
    async with await psycopg.AsyncConnection.connect(pg_url.url) as conn:
        cur = await conn.execute("SELECT seq FROM messages ORDER BY seq")
        assert [row[0] for row in await cur.fetchall()] == list(range(1, 201))
        cur = await conn.execute("SELECT last_seq FROM conversations WHERE id = 1")
        assert await cur.fetchone() == (200,)


async def test_a_line_numbered_below_the_stored_one_is_refused(pg_url: PostgresURL) -> None:
    """A relay's number must be above every stored one: a line numbered lower (a second relay
    behind the first) is refused with StorageError instead of being stored out of order."""
    storage = PostgresStorage(pg_url)
    await storage.open()
    try:
        await storage.create_conversation(_record(1))
        await storage.append_line(_line(1, 5))
        with pytest.raises(StorageError, match="numbered already"):
            await storage.append_line(_line(1, 4))
        with pytest.raises(StorageError, match="no such conversation"):
            await storage.append_line(_line(2, 1))
        assert [line.seq for line in await storage.lines_after(1, 0)] == [5]
        assert await storage.last_seq(1) == 5
    finally:
        await storage.close()


async def test_a_newer_schema_is_refused_clearly(pg_url: PostgresURL) -> None:
    """A database migrated by a newer Lotsen is not written to by this one."""
    storage = PostgresStorage(pg_url)
    await storage.open()
    await storage.close()
    with psycopg.connect(pg_url.url, autocommit=True) as conn:
        conn.execute("UPDATE lotsen_schema SET version = 999")
    with pytest.raises(StorageError, match="newer than this Lotsen"):
        await PostgresStorage(pg_url).open()


async def test_an_unreachable_server_is_a_clear_storage_error(pg_url: PostgresURL) -> None:
    """Nothing listening: opening fails with a short reason, not a driver traceback, and the
    password in the URL is not in it."""
    with socket_free_port() as port:
        url = PostgresURL(f"postgresql://lotsen:s3cret-pw@127.0.0.1:{port}/lotsen")
        with pytest.raises(StorageError) as caught:
            await PostgresStorage(url, timeout_s=1).open()
    assert "unreachable" in str(caught.value)
    assert "s3cret-pw" not in str(caught.value)


async def test_connections_cut_by_a_server_restart_are_replaced_before_use(
        pg_url: PostgresURL) -> None:
    """After the server cut every connection (as a restart does) while storage was idle, the
    next read and the next line succeed: pooled connections are checked when taken, and the
    journal's own one when it was idle, so nobody gets an error for a connection that died
    while nothing was happening."""
    storage = PostgresStorage(pg_url, recheck_idle_s=0.0)
    await storage.open()
    try:
        await storage.create_conversation(_record(1))
        await storage.append_line(_line(1, 1))
        with psycopg.connect(postgres.server_url(), autocommit=True) as admin:
            cur = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                "WHERE datname = %s AND pid <> pg_backend_pid()",
                                (_database_name(pg_url),))
            row = cur.fetchone()
            assert row is not None and row[0] >= 2  # the journal's and the pool's at least
        assert [line.seq for line in await storage.lines_after(1, 0)] == [1]
        await storage.append_line(_line(1, 2))
        assert await storage.last_seq(1) == 2
    finally:
        await storage.close()


async def test_a_missing_database_is_named_as_such(pg_url: PostgresURL) -> None:
    """A URL naming a database that does not exist says so (Lotsen never creates one)."""
    missing = PostgresURL(postgres.with_database(postgres.server_url(), "lotsen_no_such_db"))
    with pytest.raises(StorageError, match="does not exist"):
        await PostgresStorage(missing, timeout_s=2).open()


async def test_relay_on_a_database_that_stops_answering_says_so_and_recovers(
        pg_url: PostgresURL, tmp_path: Path) -> None:
    """While the database refuses connections: /healthz says 503, a visitor's line gets a
    ``storage`` error instead of an ack (nothing is acknowledged that was not stored). When
    it answers again: /healthz 200 and the next lines are stored and acknowledged."""
    config = make_config(tmp_path, database=pg_url)
    await add_staff_async(pg_url, "anna")
    async with Relay(config) as relay:
        staff = await Client.staff(relay.port, "anna")
        visitor = await Client.visitor(relay.port)
        first = await visitor.say("before")
        assert first["seq"] == 1
        with database_down(pg_url):
            status, _, _ = await http_get(relay.port, "/healthz")
            assert status == 503
            await visitor.send({"type": "message", "text": "during", "cid": "during-1"})
            error = await visitor.expect("error", timeout=15, cid="during-1")
            assert error["code"] == "storage"
        deadline = time.monotonic() + 15
        while (await http_get(relay.port, "/healthz"))[0] != 200:
            assert time.monotonic() < deadline, "the relay did not recover"
            await asyncio.sleep(0.2)
        after = await visitor.say("after")
        assert after["seq"] > first["seq"]
        lines = await relay.storage.lines_after(1, 0)
        assert [line.text for line in lines] == ["before", "after"]
        _, _, body = await http_get(relay.port, "/metrics")
        metrics = body.decode()
        assert "lotsen_storage_up 1.0" in metrics
        failures = next(line for line in metrics.splitlines()
                        if line.startswith("lotsen_storage_commit_failures_total "))
        assert float(failures.split()[1]) >= 1  # the commit of "during" failed, and counted
        await staff.close()
        await visitor.close()


async def test_several_relays_per_database_and_the_cli_beside_them(
        pg_url: PostgresURL, tmp_path: Path) -> None:
    """A second relay starts on a database a relay already uses (they share it: issue 16,
    tests/cluster/), and CLI commands still work beside the running relays."""
    config = make_config(tmp_path, database=pg_url)
    async with Relay(config) as first, Relay(config) as second:
        await add_staff_async(pg_url, "anna")  # what `lotsen staff add` does
        for relay in (first, second):
            assert (await http_get(relay.port, "/healthz"))[0] == 200


def test_config_takes_a_postgres_url_from_toml_and_environment(tmp_path: Path) -> None:
    """``[server] database`` and ``LOTSEN_DB`` take a URL (kept whole, not made a path)."""
    url = "postgresql://lotsen:pw@db.internal:5432/lotsen"
    toml = tmp_path / "lotsen.toml"
    toml.write_text(f'[server]\ndatabase = "{url}"\n', encoding="utf-8")
    assert load_config(toml).database == PostgresURL(url)
    assert config_from_env(RelayConfig(), {"LOTSEN_DB": url}).database == PostgresURL(url)
    assert database_target("lotsen.db") == Path("lotsen.db")
    assert str(PostgresURL(url)) == "postgresql://lotsen:***@db.internal:5432/lotsen"
    assert "pw" not in repr(PostgresURL(url)).replace("postgresql", "")


def _invoke(*args: str) -> tuple[int, str]:
    _register()
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_every_db_command_takes_the_url(pg_url: PostgresURL, tmp_path: Path) -> None:
    """migrate, staff, stats, purge, export, audit and report work on a PostgreSQL URL."""
    db = pg_url.url
    code, out = _invoke("migrate", "--check", "--db", db)
    assert code == 1 and "schema version 0" in out and "Pending" in out
    code, out = _invoke("migrate", "--no-backup", "--db", db)
    assert code == 0, out
    assert f"schema version {postgres_migrations()[-1][0]}" in out
    code, out = _invoke("migrate", "--check", "--db", db)
    assert code == 0 and "Up to date" in out
    result = CliRunner().invoke(app, ["staff", "add", "anna", "--name", "Anna L",
                                      "--password-stdin", "--db", db],
                                input="a long enough secret\n")
    assert result.exit_code == 0, result.output
    code, out = _invoke("staff", "list", "--db", db)
    assert code == 0 and "Anna L" in out
    asyncio.run(_conversation_with_lines(pg_url))
    code, out = _invoke("export", "1", "--out", "-", "--db", db)
    assert code == 0 and "hello from the visitor" in out
    code, out = _invoke("stats", "--format", "json", "--db", db)
    assert code == 0, out
    code, out = _invoke("purge", "--older-than-days", "1", "--db", db)
    assert code == 0 and "Purged the text of" in out
    code, out = _invoke("audit", "--db", db)
    assert code == 0 and "export" in out
    code, out = _invoke("report", "--output", str(tmp_path / "r.html"), "--db", db)
    assert code == 0, out


def test_migrate_upgrades_an_older_postgres_schema_after_a_dump(
        pg_url: PostgresURL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database at an older schema version: ``migrate --check`` names what is pending and
    exits 1; ``migrate`` dumps the database with pg_dump first, then applies the rest."""
    shipped = postgres_migrations()

    async def at_older_version() -> None:
        storage = PostgresStorage(pg_url, migration_set=shipped[:-1])
        await storage.open()
        await storage.close()

    asyncio.run(at_older_version())
    monkeypatch.chdir(tmp_path)
    older, latest = shipped[-2][0], shipped[-1][0]
    code, out = _invoke("migrate", "--check", "--db", pg_url.url)
    assert code == 1 and f"schema version {older};" in out and f"{latest:03d}" in out
    code, out = _invoke("migrate", "--db", pg_url.url)
    assert code == 0, out
    dumps = list(tmp_path.glob(f"lotsen-before-v{latest}-*.dump"))
    assert len(dumps) == 1 and "Backed up to" in out
    restored = subprocess.run(["pg_restore", "--data-only", "--table=lotsen_schema", "--file=-",
                               str(dumps[0])], capture_output=True, text=True, check=True)
    assert f"\n{older}\n" in restored.stdout  # the dump is of the database before migrating
    assert f"to schema version {latest}" in out
    assert asyncio.run(stored_schema_version(pg_url)) == latest


def test_backup_on_postgres_runs_pg_dump_or_says_it_cannot(
        pg_url: PostgresURL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With pg_dump installed: a custom-format dump pg_restore can read, audited. Without it:
    a clear error naming pg_dump, and no file that only looks like a backup."""
    asyncio.run(_conversation_with_lines(pg_url))
    target = tmp_path / "b.dump"
    code, out = _invoke("backup", str(target), "--db", pg_url.url)
    assert code == 0, out
    assert "pg_dump" in out
    listing = subprocess.run(["pg_restore", "--list", str(target)], capture_output=True,
                             text=True, check=True).stdout
    assert "TABLE DATA" in listing and "messages" in listing
    assert os.stat(target).st_mode & 0o077 == 0
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    missing = tmp_path / "c.dump"
    code, out = _invoke("backup", str(missing), "--db", pg_url.url)
    assert code == 2 and "pg_dump is not installed" in out
    assert not missing.exists()


def test_serve_never_prints_the_password(tmp_path: Path) -> None:
    """``lotsen serve`` on a server that does not answer: one clear line, exit 2, and the
    password in the URL appears nowhere in what it prints."""
    with socket_free_port() as port:
        url = f"postgresql://lotsen:s3cret-pw@127.0.0.1:{port}/lotsen"
        done = subprocess.run([sys.executable, "-m", "relay", "serve", "--port", "0",
                               "--db", url], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "unreachable" in done.stderr and "Traceback" not in done.stderr
    assert "s3cret-pw" not in done.stdout + done.stderr
    _register()
    shown = CliRunner().invoke(app, ["config", "show", "--db", url])
    assert "s3cret-pw" not in shown.output and "lotsen:***@" in shown.output


@contextlib.contextmanager
def socket_free_port() -> Iterator[int]:
    """A loopback port nothing listens on (held closed for the test's duration)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def _record(conversation: int) -> ConversationRecord:
    return ConversationRecord(conversation, f"token-{conversation}", "Fox", "sv", None,
                              "queued", time.time())


def _line(conversation: int, seq: int) -> Line:
    return Line(conversation, seq, "visitor", None, "hi", time.time(), None)


async def _conversation_with_lines(url: PostgresURL) -> None:
    storage = open_storage(url)
    await storage.open()
    try:
        await storage.create_conversation(_record(1))
        await storage.append_line(Line(1, 1, "visitor", None, "hello from the visitor",
                                       time.time(), "c1"))
    finally:
        await storage.close()


async def test_migration_007_carries_existing_rows_into_the_implicit_organisation(
        pg_url: PostgresURL) -> None:
    """As on SQLite (tests/relay/test_organisations.py): a version-6 database keeps every row,
    now under "default", which reads it as before and keeps numbering its lines; another
    organisation sees none of it. Every table then has a unique key that starts with org."""
    older = PostgresStorage(pg_url, migration_set=postgres_migrations()[:6])
    await older.open()
    await older.close()
    async with await psycopg.AsyncConnection.connect(pg_url.url, autocommit=True) as conn:
        await conn.execute("INSERT INTO staff (id, username, display_name, password_hash, "
                           "created_at) VALUES (1, 'anna', 'Anna', 'h', 1.0)")
        await conn.execute("INSERT INTO conversations (id, token_hash, alias, state, staff_id, "
                           "created_at) VALUES (5, 't5', 'Besökare 5', 'active', 1, 10.0)")
        await conn.execute("SELECT lotsen_append_line(5, 1, 'visitor', NULL, 'hej', 10.0, "
                           "'c1')")
        await conn.execute("INSERT INTO closed_visits VALUES ('2026-03-01T20', 4)")
        await conn.execute("INSERT INTO audit (ts, actor, action) VALUES (10.0, 'anna', 'login')")
    default = PostgresStorage(pg_url)
    await default.open()
    try:
        other = default.scoped("kommun-b")
        record = await default.conversation(5)
        assert record is not None and record.staff == "anna"
        await default.append_line(_line(5, 2))
        assert [line.seq for line in await default.lines_after(5, 0)] == [1, 2]
        await default.count_closed_visit("2026-03-01T20")
        assert await default.closed_visits("2026-03-01T00", "2026-03-01T23") == [
            ("2026-03-01T20", 5)]
        assert [entry.action for entry in await default.audit_entries()] == ["login"]
        assert await default.organisation_of_login(username="anna") == "default"
        assert await default.organisation_counts() == (1, 1)
        assert await other.conversation(5) is None and await other.lines_after(5, 0) == []
        assert await other.audit_entries() == [] and await other.organisation_counts() == (0, 0)
        with pytest.raises(StorageError, match="no such conversation"):
            await other.append_line(_line(5, 3))  # B cannot add a line to A's chat
    finally:
        await default.close()
    async with await psycopg.AsyncConnection.connect(pg_url.url, autocommit=True) as conn:
        cur = await conn.execute(
            "SELECT tablename FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexdef LIKE %s", ("CREATE UNIQUE INDEX % (org, %",))
        keyed = {str(row[0]) for row in await cur.fetchall()}
    assert keyed == {"staff", "sessions", "conversations", "messages", "room_messages",
                     "closed_visits", "audit", "questions", "question_lines", "devices"}


async def test_migration_010_numbers_the_chats_in_the_order_a_relay_loaded_them(
        pg_url: PostgresURL) -> None:
    """A version-9 database with chats waiting and held: migration 010 numbers them in the
    order a relay loaded them until then (by when they started), a closed one not at all; a
    new chat comes after them, one put back first in line before them all, and a chat that is
    not held is not put back (None)."""
    older = PostgresStorage(pg_url, migration_set=postgres_migrations()[:9])
    await older.open()
    await older.close()
    async with await psycopg.AsyncConnection.connect(pg_url.url, autocommit=True) as conn:
        for conversation, state, created in ((3, "queued", 30.0), (1, "closed", 1.0),
                                             (2, "active", 20.0), (4, "queued", 5.0)):
            await conn.execute("INSERT INTO conversations (org, id, token_hash, alias, state, "
                               "created_at) VALUES ('default', %s, %s, 'Fox', %s, %s)",
                               (conversation, f"t{conversation}", state, created))
    storage = PostgresStorage(pg_url)
    await storage.open()
    try:
        loaded = {record.id: record.arrival for record, _ in await storage.live_conversations()}
        assert loaded == {4: 1, 2: 2, 3: 3}
        record = _record(5)
        await storage.create_conversation(record)
        assert record.arrival == 4
        assert await storage.requeue_conversation(2) == -1
        assert await storage.requeue_conversation(3) is None  # waiting already
        found = await storage.conversation_and_seq(2)
        assert found is not None and found[0].state == "queued" and found[0].arrival == -1
        assert found[0].staff is None and found[0].claimed_at is None
    finally:
        await storage.close()
    async with await psycopg.AsyncConnection.connect(pg_url.url, autocommit=True) as conn:
        cur = await conn.execute("SELECT arrival FROM conversations WHERE id = 1")
        assert await cur.fetchone() == (None,)
