"""Several relays on one PostgreSQL database (issue 16): each test gets a fresh schema
(tests/conftest.py ``pg_url``) and relays on port 0 sharing it. These tests need PostgreSQL;
``LOTSEN_TEST_PG=none`` leaves them out with the other PostgreSQL variants."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from relay.config import RelayConfig
from relay.server import Relay
from relay.storage import PostgresURL
from tests.support import add_staff_async, make_config


@pytest.fixture
def cluster_config(tmp_path: Path, pg_url: PostgresURL) -> RelayConfig:
    return make_config(tmp_path, database=pg_url)


@pytest.fixture
async def two(cluster_config: RelayConfig) -> AsyncIterator[tuple[Relay, Relay]]:
    """Two running relays on one database, with staff 'anna', 'bo' and supervisor 'sara'."""
    await add_staff_async(cluster_config.database, "anna")
    await add_staff_async(cluster_config.database, "bo")
    await add_staff_async(cluster_config.database, "sara", supervisor=True)
    async with Relay(cluster_config) as a, Relay(cluster_config) as b:
        yield a, b
