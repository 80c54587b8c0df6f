"""Widget openings while the chat is closed are counted per local hour, anonymously."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from figures.stats import Period, load_statistics
from relay.config import RelayConfig
from relay.hours import OpeningHours
from relay.server import Relay
from relay.storage import Storage
from tests.ops.http import http_get
from tests.ops.test_metrics import samples
from tests.support import Client, add_staff_async

TZ = ZoneInfo("Europe/Stockholm")
SATURDAY_EVENING = datetime(2026, 3, 7, 22, 15, tzinfo=TZ).timestamp()  # default hours: closed
TUESDAY_NOON = datetime(2026, 3, 10, 12, 30, tzinfo=TZ).timestamp()  # default hours: open


async def _counted(storage: Storage, hour: str, expected: int) -> int:
    """The stored count for ``hour`` once it reaches ``expected`` (writes are asynchronous)."""
    for _ in range(100):
        rows = dict(await storage.closed_visits(hour, hour))
        if rows.get(hour, 0) >= expected:
            return rows[hour]
        await asyncio.sleep(0.02)
    return dict(await storage.closed_visits(hour, hour)).get(hour, 0)


async def _hello(port: int) -> dict[str, object]:
    visitor = await Client.visitor(port, lang="sv")
    status = await visitor.expect("status")
    await visitor.close()
    return status


async def test_closed_hours_counter_increases_per_widget_opening(config: RelayConfig) -> None:
    """Each hello outside opening hours adds one to that local hour, and shows in stats."""
    config = replace(config, hours=OpeningHours())  # weekdays 12-14, Europe/Stockholm
    async with Relay(config, clock=lambda: SATURDAY_EVENING) as relay:
        for expected in (1, 2, 3):
            status = await _hello(relay.port)
            assert status["open"] is False and status["reason"] == "hours"
            assert await _counted(relay.storage, "2026-03-07T22", expected) == expected
        assert relay.live == {}, "opening the widget must store no conversation"
        _, _, body = await http_get(relay.port, "/metrics")
        assert samples(body)[("lotsen_closed_visits_total", ())] == 3
        figures = await load_statistics(relay.storage, Period(date(2026, 3, 7),
                                                              date(2026, 3, 7), TZ))
    assert figures.closed_visits == 3 and figures.conversations == 0
    assert figures.by_hour[22].closed_visits == 3 and figures.by_weekday[5].closed_visits == 3


async def test_open_hours_count_only_when_nobody_is_online(config: RelayConfig) -> None:
    """Inside opening hours a widget opening counts only when no staff member is logged in."""
    config = replace(config, hours=OpeningHours())
    await add_staff_async(config.database, "anna")
    async with Relay(config, clock=lambda: TUESDAY_NOON) as relay:
        status = await _hello(relay.port)
        assert status["open"] is False and status["reason"] == "no_staff"
        assert await _counted(relay.storage, "2026-03-10T12", 1) == 1
        staff = await Client.staff(relay.port, "anna")
        status = await _hello(relay.port)
        assert status["open"] is True
        await asyncio.sleep(0.2)
        assert await _counted(relay.storage, "2026-03-10T12", 2) == 1
        await staff.close()
