"""Supervisors get the month's statistics over the staff socket; other staff are refused."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from figures.stats import Statistics
from relay import protocol
from relay.config import RelayConfig
from relay.hours import OpeningHours
from relay.server import Relay
from tests.ops.month import TZ, write_month
from tests.support import Client, add_staff_async, sqlite_file

# 20 March 2026 12:30, a Friday inside the default opening hours.
MID_MARCH = datetime(2026, 3, 20, 12, 30, tzinfo=TZ).timestamp()


async def test_supervisor_gets_current_month_and_a_chosen_period(config: RelayConfig) -> None:
    """A ``stats`` request answers with this month to date by default, or the asked days."""
    config = replace(config, hours=OpeningHours())
    await write_month(sqlite_file(config.database))
    await add_staff_async(config.database, "sara", supervisor=True)
    async with Relay(config, clock=lambda: MID_MARCH) as relay:
        sara = await Client.staff(relay.port, "sara")
        await sara.send({"type": "stats"})
        frame = await sara.expect("stats")
        assert len(json.dumps(frame)) < protocol.MAX_FRAME_BYTES
        month_to_date = Statistics.from_dict(frame["report"])
        assert (month_to_date.since.isoformat(), month_to_date.until.isoformat()) == (
            "2026-03-01", "2026-03-20")
        # 1 March + weeks 10-12 (3 x 8) minus nothing after the 20th except Friday 20th itself:
        # 1 + 8 + 8 + (Mon 16 .. Fri 20 = 8) = 25.
        assert month_to_date.conversations == 25
        await sara.send({"type": "stats", "since": "2026-03-01", "until": "2026-03-31"})
        whole = (await sara.expect("stats"))["report"]
        assert whole["totals"]["conversations"] == 38 and whole["totals"]["closed_visits"] == 11
        assert "Besökare" not in json.dumps(whole)
        await sara.send({"type": "stats", "since": "March"})
        assert (await sara.expect("error"))["code"] == "bad_frame"
        await sara.close()


async def test_staff_who_are_not_supervisors_are_refused(relay: Relay) -> None:
    """A therapist without the supervisor role gets ``forbidden`` and no figures."""
    anna = await Client.staff(relay.port, "anna")
    await anna.send({"type": "stats"})
    error = await anna.expect("error")
    assert error["code"] == "forbidden"
    assert not [f for f in await anna.drain(0.3) if f.get("type") == "stats"]
    await anna.close()
