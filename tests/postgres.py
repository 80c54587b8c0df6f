"""A throwaway PostgreSQL database for the test session, and a fresh schema per test.

The server comes from ``LOTSEN_TEST_PG`` (default: the local one, trust auth). The session
creates a database with a random name there and drops it at the end; each test that runs on
PostgreSQL gets a schema of its own in it (its URL sets ``search_path``), which is as clean as
a new database and much faster to make. scripts/test makes sure a server answers (it starts a
throwaway cluster when none does), so an unreachable server fails these tests loudly.
``LOTSEN_TEST_PG=none`` leaves the PostgreSQL variants out on purpose (they are deselected).
"""

from __future__ import annotations

import itertools
import os
import secrets
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

from relay.storage import Database

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def server_url() -> str:
    return os.environ.get("LOTSEN_TEST_PG", DEFAULT_SERVER)


def disabled() -> bool:
    return server_url().strip().lower() == "none"


def with_database(url: str, database: str, *, schema: str | None = None) -> str:
    """``url`` naming another database (and a ``search_path`` schema, if given)."""
    parts = urlsplit(url)
    query = f"options={quote('-csearch_path=' + schema)}" if schema else ""
    return urlunsplit((parts.scheme, parts.netloc, "/" + database, query, ""))


def new_database_name() -> str:
    return f"lotsen_test_{secrets.token_hex(4)}"


_schemas = itertools.count(1)


def new_schema_name() -> str:
    return f"t{os.getpid()}_{next(_schemas)}"


BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


def backend_database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """A ``database`` fixture parametrised with BACKENDS returns this: a SQLite file, or a
    fresh PostgreSQL schema (so its package's tests run on both engines)."""
    if request.param == "sqlite":
        return tmp_path / "lotsen.db"
    url: Database = request.getfixturevalue("pg_url")
    return url
