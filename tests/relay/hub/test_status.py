"""The opening status a visitor sees, and the queue positions of those waiting."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from relay import protocol
from relay.config import RelayConfig
from relay.hours import OpeningHours
from tests.relay.hub.desk import Desk


async def test_with_nobody_online_the_chat_is_closed_and_opens_when_staff_log_in(
        desk: Desk) -> None:
    """No staff online: the widget is told ``no_staff``; a login opens it for the visitor
    already looking."""
    visitor = await desk.visitor()
    assert desk.new(visitor, "status")[-1]["reason"] == "no_staff"
    await desk.staff("anna")
    shown = desk.new(visitor, "status")
    assert shown and shown[-1]["open"] is True


async def test_a_first_line_while_closed_starts_nothing(desk: Desk) -> None:
    """Writing while nobody is online: the visitor is told it is closed, nothing is stored."""
    visitor = await desk.visitor()
    await desk.say(visitor, "hallå?")
    closed = desk.all(visitor, "closed")
    assert closed and closed[0]["reason"] == "no_staff"
    assert desk.hub.live == {} and await desk.storage.max_ids() == (0, 0)


async def test_a_full_queue_is_closed_to_newcomers_but_not_to_those_waiting(
        hub_config: RelayConfig) -> None:
    """At ``max_waiting`` a visitor without a chat sees ``queue_closed``; those waiting keep
    their places."""
    desk = Desk(replace(hub_config, max_waiting=2))
    await desk.start(("anna", False))
    try:
        await desk.staff("anna")
        first, _ = await desk.start_chat("ett")
        await desk.start_chat("två")
        late = await desk.visitor()
        assert desk.all(late, "status")[-1]["reason"] == "queue_closed"
        await desk.say(late, "tre")
        assert desk.all(late, "closed")[-1]["reason"] == "queue_closed"
        assert len(desk.hub.queue) == 2
        assert desk.all(first, "queue")[-1]["position"] == 1
        desk.check_wire()
    finally:
        desk.hub.stop_timers()


async def test_positions_move_up_when_the_head_is_claimed(desk: Desk) -> None:
    """Every waiting visitor learns its new place when someone ahead is answered."""
    anna = await desk.staff("anna")
    first, head = await desk.start_chat("ett")
    second, _ = await desk.start_chat("två")
    assert desk.all(second, "queue")[-1]["position"] == 2
    await desk.frame(anna, protocol.Claim(head))
    assert desk.all(second, "queue")[-1]["position"] == 1
    assert desk.all(first, "claimed")


async def test_outside_opening_hours_the_status_says_when_it_opens(
        hub_config: RelayConfig) -> None:
    """Closed by the schedule: the status carries the reason and the next opening."""
    hours = OpeningHours(weekly={0: ((time(9), time(10)),)})  # Mondays 9-10, Stockholm
    desk = Desk(replace(hub_config, hours=hours))
    await desk.start(("anna", False))
    sunday_noon = datetime(2026, 12, 6, 12, tzinfo=hours.timezone).timestamp()
    desk.hub.clock = lambda: sunday_noon
    try:
        await desk.staff("anna")
        status = desk.hub.status()
        assert (status.open, status.reason) == (False, "hours")
        assert status.next_open == "2026-12-07T09:00:00+01:00"
        desk.check_wire()
    finally:
        desk.hub.stop_timers()
