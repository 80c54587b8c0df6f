"""Fixtures shared across the suite: a real relay on a loopback port with a real SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from relay.config import RelayConfig
from relay.server import Relay
from tests.support import add_staff_async, make_config


@pytest.fixture
def config(tmp_path: Path) -> RelayConfig:
    return make_config(tmp_path)


@pytest.fixture
async def relay(config: RelayConfig) -> AsyncIterator[Relay]:
    """A running relay (port 0, always open) with staff 'anna', 'bo' and supervisor 'sara'."""
    await add_staff_async(config.database, "anna")
    await add_staff_async(config.database, "bo")
    await add_staff_async(config.database, "sara", supervisor=True)
    async with Relay(config) as running:
        yield running
