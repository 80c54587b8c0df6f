"""Issue 10, findings 6, 8 (relay side), 10, 11: what anyone can write into the audit log and
the statistics is marked, short and bounded; a closed chat's token reads nothing back."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from relay.hours import OpeningHours
from relay.server import UNAUTHENTICATED
from relay.storage import open_storage
from tests.security.conftest import StartRelay
from tests.security.test_auth import login_frame
from tests.security.test_block import claimed_chat
from tests.security.test_limits import closed_with
from tests.support import Client

TZ = ZoneInfo("Europe/Stockholm")
SATURDAY_EVENING = datetime(2026, 3, 7, 22, 15, tzinfo=TZ).timestamp()  # default hours: closed


async def test_unauthenticated_audit_rows_are_marked_short_and_rate_limited(
        start_relay: StartRelay) -> None:
    """Junk logins naming "anna" with 1,000-character names write rows whose actor is
    (unauthenticated), never anna, with a short detail, at most the budget per minute, and one
    row that sums up the rest."""
    relay = await start_relay(unauthenticated_audit_per_minute=10)
    for index in range(30):
        frame = ({"session": "junk", "user": "anna"} if index % 2 else
                 {"user": "anna" + "x" * 1000, "password": "a wrong guess!"})
        client = await login_frame(relay, frame)
        await closed_with(client)
    await relay.staff_login.audit_dropped_summary()
    await relay.storage.flush()
    rows = await relay.storage.audit_entries()
    assert rows and all(row.actor == UNAUTHENTICATED for row in rows)
    assert all(len(row.detail or "") <= 200 for row in rows)
    assert len([r for r in rows if r.action == "login_failed"]) == 10
    summary = [r for r in rows if r.action == "audit_dropped"]
    assert len(summary) == 1, "one row sums up what was dropped, at most one a minute"
    dropped = relay.counters["audit_unauthenticated_dropped"]
    assert dropped >= 10  # (throttled attempts write nothing at all)
    summed = int((summary[0].detail or "").removeprefix("count="))
    assert summed + relay.staff_login.unauthenticated_audit.refused == dropped


async def test_the_audit_log_has_its_own_retention(start_relay: StartRelay) -> None:
    """The hourly purge deletes audit entries older than audit_retention_days and keeps newer."""
    relay = await start_relay(audit_retention_days=30)
    now = time.time()
    await relay.storage.audit(UNAUTHENTICATED, "login_failed", None, "user=old",
                              ts=now - 31 * 86400)
    await relay.storage.audit("anna", "login", None, None, ts=now - 29 * 86400)
    await relay.purge()
    kept = [(e.actor, e.detail) for e in await relay.storage.audit_entries()]
    assert kept == [("anna", None)]


async def test_close_tags_must_be_configured_ones(start_relay: StartRelay) -> None:
    """A modified client's close with a tag that is not configured (markup "[/]") is refused
    with a clear error and the chat stays open; configured tags close it."""
    relay = await start_relay(topic_tags=("alcohol", "other"))
    anna = await Client.staff(relay.port, "anna")
    visitor, _, conversation = await claimed_chat(relay.port, anna, "Hej")
    await anna.send({"type": "close", "conversation": conversation, "tags": ["[/]"]})
    error = await anna.expect("error", code="unknown_tag")
    assert "'[/]'" in error["message"] and "alcohol, other" in error["message"]
    await anna.send({"type": "close", "conversation": conversation,
                     "tags": ["alcohol"], "referrals": ["[link=x]"]})
    await anna.expect("error", code="bad_frame")
    assert relay.live[conversation].record.state == "active"
    await anna.send({"type": "close", "conversation": conversation, "tags": ["alcohol"]})
    await anna.expect("ended", conversation=conversation)
    await visitor.expect("ended")
    await relay.storage.flush()
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.tags == ["alcohol"]


async def test_widget_openings_while_closed_are_bounded_and_written_in_batches(
        start_relay: StartRelay) -> None:
    """40 bare hellos while closed count at most closed_visits_per_minute, and the count is
    written in one batch (kept through a stop) instead of one write per connection."""
    relay = await start_relay(hours=OpeningHours(), closed_visits_per_minute=15,
                              clock=lambda: SATURDAY_EVENING)
    visitors = [await Client.visitor(relay.port) for _ in range(40)]
    for visitor in visitors:
        assert (await visitor.expect("status"))["open"] is False
    assert relay.counters["closed_visits"] == 15
    assert relay.counters["closed_visits_uncounted"] == 25
    for visitor in visitors:
        await visitor.close()
    await relay.stop()
    storage = open_storage(relay.config.database)
    await storage.open()
    try:
        assert await storage.closed_visits("2026-03-07T22", "2026-03-07T22") == [
            ("2026-03-07T22", 15)]
    finally:
        await storage.close()


async def test_a_closed_chats_token_reads_back_only_that_it_ended(
        start_relay: StartRelay) -> None:
    """Resuming with the token of a closed chat gives "ended" and the help card, and no line
    of the transcript (before, it replayed everything until the purge)."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    visitor, token, conversation = await claimed_chat(relay.port, anna, "Min hemlighet")
    await anna.send({"type": "message", "conversation": conversation,
                     "text": "Svar från Anna", "cid": "s1"})
    await anna.expect("ack", cid="s1")
    await anna.send({"type": "close", "conversation": conversation, "tags": ["other"]})
    await visitor.expect("ended")
    await visitor.close()

    back = await Client.visitor(relay.port, resume=token, last_seq=0)
    resumed = await back.expect("resumed")
    assert resumed["state"] == "closed" and resumed["last_seq"] == 0
    assert resumed["staff"] is None
    await back.expect("ended")
    status = await back.expect("status")
    assert status["emergency"], "the help card comes with it"
    seen = back.seen + await back.drain(0.3)
    assert not [f for f in seen if f.get("type") == "message"]
    assert "Min hemlighet" not in repr(seen) and "Svar från Anna" not in repr(seen)


async def test_closed_hours_are_counted_once_per_connection(start_relay: StartRelay) -> None:
    """A connection that says more than hello while closed is still one opening."""
    relay = await start_relay(hours=OpeningHours(), clock=lambda: SATURDAY_EVENING)
    visitor = await Client.visitor(relay.port)
    await visitor.expect("status")
    for _ in range(5):
        await visitor.send({"type": "hello", "v": 1})
        await visitor.expect("error")
    await visitor.close()
    await asyncio.sleep(0.05)
    assert relay.counters["closed_visits"] == 1
