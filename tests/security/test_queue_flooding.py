"""Issue 10, finding 3: one client must not be able to flood the waiting queue.

A cap on waiting chats and per-minute limits on new chats (relay-wide and per connection),
answered with ``queue_closed`` and the help card; waiting chats whose visitor is gone show
``gone_since`` and leave the queue after a grace period; bounded, incremental staff queue
snapshots; aliases unique among live chats. Also issue 12: "back to the queue (first in
line)" puts the chat first in its class, and a waiting visitor flagged urgent gets
``help: true`` in its queue frame. All on a real relay (port 0, websockets, SQLite file).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed

from relay.questions import QuestionsConfig
from relay.server import Relay
from relay.triage import default_triage
from tests.security.conftest import StartRelay, staff_on_duty
from tests.support import Client

CALM = "Hej, jag undrar hur man bokar tid hos er för anhörigstöd."
URGENT = "Jag orkar inte mer. Jag vill inte leva längre och har tabletter hemma."


@pytest.fixture(autouse=True)
async def close_clients(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """Every client a test opens is closed afterwards (these tests open many)."""
    opened: list[Client] = []
    for name in ("visitor", "staff"):
        make = getattr(Client, name)

        async def tracked(*args: Any, _make: Any = make, **kwargs: Any) -> Client:
            client = await _make(*args, **kwargs)
            opened.append(client)
            return client  # type: ignore[no-any-return]

        monkeypatch.setattr(Client, name, tracked)
    yield
    for client in opened:
        with contextlib.suppress(ConnectionClosed, OSError):
            await client.close()


async def waiting(relay: Relay, text: str = CALM) -> Client:
    """A visitor whose chat is in the queue (its first line stored)."""
    visitor = await Client.visitor(relay.port)
    await visitor.say(text)
    return visitor


async def refused_with_queue_closed(visitor: Client) -> None:
    await visitor.send({"type": "message", "text": CALM, "cid": "over"})
    closed = await visitor.expect("closed", cid="over")
    assert closed["reason"] == "queue_closed" and closed["emergency"]


async def test_full_queue_refuses_new_chats_with_queue_closed(start_relay: StartRelay) -> None:
    """Past ``max_waiting`` a new chat is refused with ``queue_closed`` and the help list, and
    a visitor who opens the widget is told the queue is closed before writing (and told when
    it opens again); chats already waiting are not affected."""
    relay = await start_relay(max_waiting=3)
    await staff_on_duty(relay)
    first = [await waiting(relay) for _ in range(3)]
    late = await Client.visitor(relay.port)
    await refused_with_queue_closed(late)
    assert len(relay.queue) == 3
    newcomer = await Client.visitor(relay.port)
    status = await newcomer.expect("status")
    assert status["open"] is False and status["reason"] == "queue_closed" and status["emergency"]
    await first[0].say("Jag väntar fortfarande")  # a waiting visitor still writes
    await first[0].send({"type": "leave", "reason": "ended"})
    await first[0].expect("ended")
    await late.say("Nu finns det plats")  # room again: the same connection can start a chat
    assert len(relay.queue) == 3
    await late.send({"type": "leave", "reason": "ended"})
    await late.expect("ended")
    reopened = await newcomer.expect("status", timeout=8)  # the next periodic status update
    assert reopened["open"] is True and reopened["reason"] is None


async def test_chats_per_minute_are_limited_relay_wide(start_relay: StartRelay) -> None:
    """More than ``chats_per_minute`` new chats in a minute (from any connections) are
    refused with ``queue_closed``."""
    relay = await start_relay(chats_per_minute=2)
    await staff_on_duty(relay)
    await waiting(relay)
    await waiting(relay)
    await refused_with_queue_closed(await Client.visitor(relay.port))
    assert len(relay.queue) == 2


async def test_chats_per_connection_are_limited(start_relay: StartRelay) -> None:
    """One connection that keeps starting chats (quick exit, start again) is refused after
    ``chats_per_connection`` in a minute; another connection still gets in."""
    relay = await start_relay(chats_per_connection=2)
    await staff_on_duty(relay)
    visitor = await Client.visitor(relay.port)
    for _ in range(2):
        await visitor.say(CALM)
        await visitor.send({"type": "leave", "reason": "quick_exit"})
        await visitor.expect("ended")
    await refused_with_queue_closed(visitor)
    await waiting(relay)


async def test_a_gone_visitor_is_shown_then_leaves_the_queue(start_relay: StartRelay) -> None:
    """When a waiting visitor's connection closes, staff get ``queued`` with ``gone_since``;
    coming back clears it; gone past ``visitor_gone_s`` the chat leaves the queue with
    ``dequeued`` reason ``visitor_gone`` and is closed in the database."""
    relay = await start_relay(visitor_gone_s=1.0)
    staff = await staff_on_duty(relay)
    visitor = await waiting(relay)
    started = next(f for f in visitor.seen if f["type"] == "started")
    conversation = (await staff.expect("queued"))["entry"]["conversation"]
    assert (await staff.expect("queue_total"))["total"] == 1
    before = time.time()
    await visitor.close()
    gone = await staff.expect("queued")
    assert gone["entry"]["conversation"] == conversation
    assert before - 1 <= gone["entry"]["gone_since"] <= time.time() + 1

    back = await Client.visitor(relay.port, resume=started["token"])
    await back.expect("resumed", state="queued")
    assert (await back.expect("queue"))["position"] == 1
    returned = await staff.expect("queued")
    assert returned["entry"]["gone_since"] is None
    await back.close()
    assert (await staff.expect("queued"))["entry"]["gone_since"] is not None

    dequeued = await staff.expect("dequeued", timeout=12, conversation=conversation)
    assert dequeued["reason"] == "visitor_gone"
    assert (await staff.expect("queue_total"))["total"] == 0
    await relay.storage.flush()
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.state == "closed" and record.closed_by == "system"
    again = await Client.visitor(relay.port, resume=started["token"])
    await again.expect("resumed", state="closed")
    await again.expect("ended")


async def test_waiting_chats_without_visitor_leave_after_a_restart(
        start_relay: StartRelay) -> None:
    """A restart does not keep a gone visitor's chat waiting for ever: reloaded, it is gone
    since the start and leaves after the grace period."""
    relay = await start_relay(visitor_gone_s=1.0)
    await staff_on_duty(relay)
    visitor = await waiting(relay)
    await visitor.close()
    await relay.stop()
    relay = await start_relay(visitor_gone_s=1.0)
    entry = relay.queue.first()
    assert entry is not None and entry.gone_since is not None
    staff = await staff_on_duty(relay)
    snapshot = await staff.expect("queue")
    assert snapshot["entries"][0]["gone_since"] is not None
    dequeued = await staff.expect("dequeued", timeout=12)
    assert dequeued["reason"] == "visitor_gone" and len(relay.queue) == 0


async def test_staff_snapshot_is_bounded_and_updates_are_incremental(
        start_relay: StartRelay) -> None:
    """A staff member gets the first ``queue_snapshot_entries`` entries plus the total; when
    one of them is claimed, the entry that moves into view comes as ``queued``."""
    relay = await start_relay(queue_snapshot_entries=2)
    duty = await staff_on_duty(relay)
    for _ in range(4):
        await waiting(relay)
    anna = await Client.staff(relay.port, "anna")
    snapshot = await anna.expect("queue")
    assert len(snapshot["entries"]) == 2 and snapshot["total"] == 4
    ids = [e.conversation for e in relay.queue.ordered()]
    assert [e["conversation"] for e in snapshot["entries"]] == ids[:2]
    await duty.send({"type": "claim"})
    assert (await anna.expect("dequeued"))["conversation"] == ids[0]
    moved = await anna.expect("queued", index=1)
    assert moved["entry"]["conversation"] == ids[2]
    assert (await anna.expect("queue_total"))["total"] == 3
    await anna.drain(0.3)
    assert not any(f.get("type") == "queued" and f["entry"]["conversation"] == ids[3]
                   for f in anna.seen)


async def test_aliases_are_unique_among_live_chats(start_relay: StartRelay) -> None:
    """Beyond 99 live chats no alias repeats (they used to, from 100 chats on)."""
    count = 220
    relay = await start_relay(max_waiting=1000, chats_per_minute=1000, max_visitors=1000)
    await staff_on_duty(relay)
    visitors = await asyncio.gather(*(waiting(relay) for _ in range(count)))
    aliases = [f["alias"] for v in visitors for f in v.seen if f["type"] == "started"]
    assert len(aliases) == count and len(set(aliases)) == count
    await asyncio.gather(*(v.close() for v in visitors))


async def test_back_to_the_queue_first_in_line_goes_first(start_relay: StartRelay) -> None:
    """Issue 12 point 10: a chat put back with "back to the queue (first in line)" (transfer
    without ``to``) is first in line, before chats that arrived earlier than it; its visitor
    is told position 1."""
    relay = await start_relay()
    anna = await staff_on_duty(relay, "anna")
    early = [await waiting(relay) for _ in range(2)]
    latest = await waiting(relay)
    ids = [e.conversation for e in relay.queue.ordered()]
    await anna.send({"type": "claim", "conversation": ids[2]})
    await anna.expect("conversation", id=ids[2])
    await anna.drain(0.2)
    await latest.drain(0.2)
    await anna.send({"type": "transfer", "conversation": ids[2]})
    back = await anna.expect("queued", index=0)
    assert back["entry"]["conversation"] == ids[2]
    assert [e.conversation for e in relay.queue.ordered()] == [ids[2], ids[0], ids[1]]
    assert (await latest.expect("queue"))["position"] == 1
    await anna.send({"type": "claim"})
    assert (await anna.expect("conversation"))["id"] == ids[2]
    del early


async def test_first_in_line_stays_behind_urgent_chats(start_relay: StartRelay) -> None:
    """Decided: first in line means first among chats of its class; a chat triage flagged
    urgent still comes before a requeued chat that is not."""
    relay = await start_relay()
    relay.triage = default_triage(relay.config)
    anna = await staff_on_duty(relay, "anna")
    calm = await waiting(relay)
    ids = [e.conversation for e in relay.queue.ordered()]
    await anna.send({"type": "claim", "conversation": ids[0]})
    await anna.expect("conversation", id=ids[0])
    urgent = await waiting(relay, URGENT)
    await anna.drain(0.2)
    await anna.send({"type": "transfer", "conversation": ids[0]})
    await anna.expect("queued", index=1)
    assert [e.urgent for e in relay.queue.ordered()] == [True, False]
    del calm, urgent


async def test_waiting_visitor_flagged_urgent_gets_help_not_urgent(
        start_relay: StartRelay) -> None:
    """Issue 12 point 1: the queue frame of a visitor the relay flagged urgent says
    ``help: true`` (so the widget opens the help list), and nothing on the wire to the
    visitor says urgent; a calm visitor gets ``help: false``."""
    relay = await start_relay()
    relay.triage = default_triage(relay.config)
    await staff_on_duty(relay)
    calm = await waiting(relay)
    worried = await waiting(relay, URGENT)
    helped = await worried.expect("queue", help=True)
    assert helped["position"] == 1
    await calm.drain(0.3)
    calm_positions = [f for f in calm.seen if f["type"] == "queue"]
    assert calm_positions and all(f["help"] is False for f in calm_positions)
    await worried.drain(0.2)
    assert not any("urgent" in str(frame) for frame in worried.seen)


async def _ask_many(port: int, count: int) -> list[str]:
    """One questions connection sends ``count`` questions; what each was answered."""
    asker = await Client.visitor(port, purpose="questions")
    for n in range(count):
        await asker.send({"type": "ask", "text": f"Fråga {n}: {CALM}", "cid": f"q{n}"})
    answers = []
    for n in range(count):
        while True:
            frame = await asker._next(5)
            if frame.get("cid") == f"q{n}" and frame["type"] in ("asked", "error"):
                answers.append(frame["type"] if frame["type"] == "asked" else frame["code"])
                break
    return answers


async def test_a_script_cannot_fill_the_question_inbox(start_relay: StartRelay) -> None:
    """Questions are limited like new chats: one connection takes ``asks_per_connection``
    per minute and the relay ``asks_per_minute``; the rest are answered ``questions_full``
    (the widget's "try later, or call for help now") and nothing of them is stored. The
    inbox's own ``max_open`` still answers the same way."""
    relay = await start_relay(questions=QuestionsConfig(asks_per_minute=5))  # nobody on duty
    assert await _ask_many(relay.port, 6) == ["asked"] * 3 + ["questions_full"] * 3
    assert await _ask_many(relay.port, 3) == ["asked", "asked", "questions_full"]
    assert await _ask_many(relay.port, 1) == ["questions_full"]  # the relay's minute is used
    assert await relay.storage.unanswered_questions() == 5
    assert relay.counters.get("questions_refused_rate") == 5


async def test_the_default_limits_stop_one_connection_asking_fifteen(
        start_relay: StartRelay) -> None:
    """With the default config, one connection sending fifteen questions (within its frame
    rate) gets three in."""
    relay = await start_relay()
    answers = await _ask_many(relay.port, 15)
    assert answers.count("asked") == 3 and answers.count("questions_full") == 12, answers
    assert await relay.storage.unanswered_questions() == 3
