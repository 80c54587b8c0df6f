"""The relay's tests run on both storage engines: every test that takes the ``database``
fixture (through ``config`` or ``relay``) runs once on SQLite and once on PostgreSQL.

A test that reads the SQLite file itself carries ``@pytest.mark.sqlite_only``; its PostgreSQL
variant is left out at collection (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.storage import Database
from tests.postgres import BACKENDS, backend_database


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return backend_database(request, tmp_path)
