"""Fixtures shared across the suite: a real relay on a loopback port with a real database.

``database`` is a SQLite file here; tests/relay and tests/security override it with the
parameters ``sqlite`` and ``postgres``, so their relays run on both engines. The PostgreSQL
database is made for the session (tests/postgres.py) and dropped at its end.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import psycopg
import pytest

from relay.config import RelayConfig
from relay.server import Relay
from relay.storage import Database, PostgresURL
from tests import postgres
from tests.support import add_staff_async, make_config

# The CLI speaks Swedish unless told otherwise (lotsen.cli.words); the tests read its English,
# in this process and in the ``lotsen`` subprocesses they start. Set before any test module
# imports lotsen.cli, since the help texts are looked up then. The tests of its other
# languages set LOTSEN_LANG themselves.
os.environ["LOTSEN_LANG"] = "en"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the PostgreSQL variant of a test marked ``sqlite_only`` (it reads the SQLite
    file itself), and every PostgreSQL variant when asked to (LOTSEN_TEST_PG=none)."""

    def left_out(item: pytest.Item) -> bool:
        if item.get_closest_marker("postgres") is None:
            return False
        return postgres.disabled() or item.get_closest_marker("sqlite_only") is not None

    deselected = [item for item in items if left_out(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not left_out(item)]


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database with a random name on the LOTSEN_TEST_PG server, dropped after the session.

    An unreachable server fails the test (scripts/test starts one), it never skips."""
    server = postgres.server_url()
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        pytest.fail(f"PostgreSQL at {PostgresURL(server)} is unreachable ({exc}) — run "
                    "scripts/test, which starts a throwaway server, or set LOTSEN_TEST_PG "
                    "(LOTSEN_TEST_PG=none leaves the PostgreSQL tests out)", pytrace=False)
    name = postgres.new_database_name()
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"'.encode())
        try:
            yield postgres.with_database(server, name)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())


@pytest.fixture
def pg_url(pg_database: str) -> PostgresURL:
    """A fresh, empty schema in the session's database, as the URL a relay is given."""
    schema = postgres.new_schema_name()
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"'.encode())
    return PostgresURL(postgres.with_database(pg_database, pg_database.rsplit("/", 1)[1],
                                              schema=schema))


@pytest.fixture
def database(tmp_path: Path) -> Database:
    return tmp_path / "lotsen.db"


@pytest.fixture
def config(tmp_path: Path, database: Database) -> RelayConfig:
    return make_config(tmp_path, database=database)


@pytest.fixture
async def relay(config: RelayConfig) -> AsyncIterator[Relay]:
    """A running relay (port 0, always open) with staff 'anna', 'bo' and supervisor 'sara'."""
    await add_staff_async(config.database, "anna")
    await add_staff_async(config.database, "bo")
    await add_staff_async(config.database, "sara", supervisor=True)
    async with Relay(config) as running:
        yield running
