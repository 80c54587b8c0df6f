"""The relay's tests run on both storage engines: every test that takes the ``database``
fixture (through ``config`` or ``relay``) runs once on SQLite and once on PostgreSQL.

A test that reads the SQLite file itself carries ``@pytest.mark.sqlite_only``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.storage import Database

BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    if request.param == "sqlite":
        return tmp_path / "lotsen.db"
    if request.node.get_closest_marker("sqlite_only") is not None:
        pytest.skip("reads the SQLite file itself")
    url: Database = request.getfixturevalue("pg_url")
    return url
