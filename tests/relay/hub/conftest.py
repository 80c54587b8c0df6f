"""A started hub on in-memory storage with staff anna, bo and supervisor sara."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from relay.config import RelayConfig
from relay.hours import OpeningHours
from tests.relay.hub.desk import Desk

STAFF = (("anna", False), ("bo", False), ("sara", True))


@pytest.fixture
def hub_config() -> RelayConfig:
    return replace(RelayConfig(), database=Path("unused.db"),
                   hours=OpeningHours(always_open=True))


@pytest.fixture
async def desk(hub_config: RelayConfig) -> AsyncIterator[Desk]:
    desk = Desk(hub_config)
    await desk.start(*STAFF)
    yield desk
    desk.check_wire()
    desk.hub.stop_timers()
    await desk.storage.close()
