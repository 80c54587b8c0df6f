"""The triage hook: urgent chats go first, staff have the last word, a failing hook harms
nothing."""

from __future__ import annotations

from relay import protocol
from relay.config import RelayConfig
from tests.relay.hub.conftest import STAFF
from tests.relay.hub.desk import Desk


def urgent_on_alarm(texts: list[str], lang: str | None, role: str | None
                    ) -> tuple[bool, list[str]]:
    """A stand-in engine: urgent when a line says "larm" (the hook's contract, not the
    referral engine's rules, is what these tests are about)."""
    hits = [text for text in texts if "larm" in text]
    return bool(hits), [f'test: "{hits[0]}"'] if hits else []


async def test_an_urgent_chat_goes_before_those_waiting_and_staff_see_why(
        hub_config: RelayConfig) -> None:
    """A waiting chat the hook calls urgent moves to the head of the queue; staff get the
    reasons, the visitor only a help hint."""
    desk = Desk(hub_config, triage=urgent_on_alarm)
    await desk.start(*STAFF)
    try:
        anna = await desk.staff("anna")
        await desk.start_chat("hej")
        visitor, urgent = await desk.start_chat("hej igen")
        await desk.say(visitor, "det är larm här")
        assert [e.conversation for e in desk.hub.queue.ordered()][0] == urgent
        queued = [f for f in desk.all(anna, "queued") if f["entry"]["conversation"] == urgent]
        assert queued[-1]["entry"]["urgent"] is True and queued[-1]["index"] == 0
        assert queued[-1]["entry"]["reasons"] == ['test: "det är larm här"']
        place = desk.all(visitor, "queue")[-1]
        assert (place["position"], place["help"]) == (1, True)
        stored = await desk.storage.conversation(urgent)
        assert stored is not None and stored.urgent
        desk.check_wire()
    finally:
        desk.hub.stop_timers()


async def test_a_staff_verdict_stands_over_the_hook(hub_config: RelayConfig) -> None:
    """Marked not urgent by staff, a chat stays so whatever its visitor writes next."""
    desk = Desk(hub_config, triage=urgent_on_alarm)
    await desk.start(*STAFF)
    try:
        anna = await desk.staff("anna")
        visitor, conversation = await desk.start_chat("larm")
        await desk.frame(anna, protocol.Mark(conversation, False))
        await desk.say(visitor, "larm larm")
        entry = desk.hub.queue.get(conversation)
        assert entry is not None and entry.urgent is False and entry.marked_by == "Anna"
        assert ("anna", "mark_not_urgent") in [
            (e.actor, e.action) for e in await desk.storage.audit_entries()]
        desk.check_wire()
    finally:
        desk.hub.stop_timers()


async def test_a_failing_hook_never_takes_a_line_down(hub_config: RelayConfig) -> None:
    """The hook raising is logged; the line is stored, acknowledged and queued as usual."""
    def broken(texts: list[str], lang: str | None, role: str | None) -> tuple[bool, list[str]]:
        raise RuntimeError("engine broke")

    desk = Desk(hub_config, triage=broken)
    await desk.start(*STAFF)
    try:
        await desk.staff("anna")
        visitor, conversation = await desk.start_chat("hej")
        assert [f["cid"] for f in desk.all(visitor, "ack")] == ["c-hej"]
        assert conversation in desk.hub.queue
        desk.check_wire()
    finally:
        desk.hub.stop_timers()
