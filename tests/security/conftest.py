"""Fixtures for the security tests: a real relay started with the limits a test needs."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from relay.server import Relay
from relay.storage import Database, PostgresURL
from tests.postgres import BACKENDS, backend_database
from tests.support import Client, add_staff_async, make_config

StartRelay = Callable[..., Awaitable[Relay]]


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return backend_database(request, tmp_path)


@pytest.fixture
async def start_relay(tmp_path: Path, database: Database) -> AsyncIterator[StartRelay]:
    """Start a real relay (port 0, always open, staff anna/bo, supervisor sara) with config
    overrides; ``clock=`` replaces the relay's wall clock. Every relay is stopped afterwards.
    It runs on SQLite and on PostgreSQL (the ``database`` fixture, tests/postgres.py)."""
    started: list[Relay] = []
    staffed: set[str] = set()
    async with contextlib.AsyncExitStack() as stack:

        async def start(*, clock: Callable[[], float] | None = None,
                        **overrides: Any) -> Relay:
            config = make_config(tmp_path, **{"database": database, **overrides})
            if str(config.database) not in staffed and (
                    isinstance(config.database, PostgresURL) or not config.database.exists()):
                staffed.add(str(config.database))
                await add_staff_async(config.database, "anna")
                await add_staff_async(config.database, "bo")
                await add_staff_async(config.database, "sara", supervisor=True)
            relay = Relay(config, clock=clock) if clock else Relay(config)
            await stack.enter_async_context(relay)
            started.append(relay)
            return relay

        yield start


async def staff_on_duty(relay: Relay, user: str = "bo") -> Client:
    """Log a staff member in, so the chat is open for visitors (it is closed with nobody on)."""
    return await Client.staff(relay.port, user)
