"""Cover agreements on a relay of three organisations, with real websockets clients.

Kommun A offers Kommun B its Thursday evenings (17:00-21:00, Europe/Stockholm) and B accepts;
Kommun C is no part of it. The relay's clock is injected, so the window opens and closes at
the second, in the weeks daylight saving starts and ends too. While it is open B's staff see
A's queue, labelled with A, and may take A's visitors, who are told who answers on whose
behalf; the chats stay A's (statistics, audit). Outside it B's staff see nothing of A.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from relay.cover import CoverTerm
from relay.hours import OpeningHours
from relay.organisations import CannedReply, Organisation
from relay.shared_relay import SharedRelay
from relay.storage import Database
from tests.ops.http import http_get
from tests.ops.test_metrics import samples
from tests.support import Client, add_staff_async, make_config, new_cid

ORGS = ("kommun-a", "kommun-b", "kommun-c")
ORIGIN = {org: f"https://{org}.se" for org in ORGS}
STOCKHOLM = ZoneInfo("Europe/Stockholm")
THURSDAY_EVENINGS = ((3, ((time(17), time(21)),)),)
GRACE_S = 0.5


def local(text: str) -> float:
    """An epoch time from a Stockholm wall-clock time."""
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM).timestamp()


class Clock:
    """The relay's clock, set by the test."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(local("2026-10-29T16:59:59"))  # the Thursday after summer time ended


@pytest.fixture
async def relay(tmp_path: Path, database: Database, clock: Clock
                ) -> AsyncIterator[SharedRelay]:
    """A covered by B on Thursday evenings; every organisation always open; a staff member
    and a supervisor each."""
    cover = {
        "kommun-a": (CoverTerm("offer", "kommun-b", THURSDAY_EVENINGS),),
        "kommun-b": (CoverTerm("accept", "kommun-a", THURSDAY_EVENINGS),),
    }
    canned = {"kommun-a": (CannedReply("hej", "Hälsning", "Hej från kommun A!"),)}
    config = make_config(tmp_path, database=database, staff_grace_s=GRACE_S,
                         organisations=tuple(
        Organisation(org, org.replace("-", " ").title(), origins=(ORIGIN[org],),
                     hours=OpeningHours(always_open=True), canned=canned.get(org, ()),
                     cover=cover.get(org, ())) for org in ORGS))
    for org in ORGS:
        letter = org[-1]
        await add_staff_async(config.database, f"staff-{letter}", org=org)
        await add_staff_async(config.database, f"boss-{letter}", org=org, supervisor=True)
    async with SharedRelay(config, clock=clock) as running:
        yield running


async def _set(relay: SharedRelay, clock: Clock, when: str) -> None:
    clock.now = local(when)
    assert relay.cover is not None
    await relay.cover.check()


def _names(frame: dict[str, Any], conversation: int) -> bool:
    return conversation in (frame.get("conversation"), frame.get("id"), (
        frame.get("entry") or {}).get("conversation")) or any(
        e.get("conversation") == conversation for e in frame.get("entries") or []
        if isinstance(e, dict))


async def _a_visitor(port: int, text: str) -> Client:
    visitor = await Client.visitor(port, org="kommun-a", origin=ORIGIN["kommun-a"])
    await visitor.expect("status")
    await visitor.say(text)
    return visitor


@pytest.mark.parametrize("thursday", ["2026-10-29", "2026-04-02", "2026-12-03"],
                         ids=["summer time ended", "summer time started", "winter"])
async def test_the_window_opens_and_closes_on_time(relay: SharedRelay, clock: Clock,
                                                   thursday: str) -> None:
    """At 16:59:59 B's staff see nothing of A; at 17:00:00 local time they get A's queue
    (labelled); at 20:59:59 they still have it; at 21:00:00 it is gone, whichever UTC offset
    Stockholm has that week."""
    await _set(relay, clock, f"{thursday}T16:59:59")
    staff_a = await Client.staff(relay.port, "staff-a")
    staff_b = await Client.staff(relay.port, "staff-b")
    visitor = await _a_visitor(relay.port, "hej, är det någon där?")
    assert not any(f.get("type") in ("cover", "queued") for f in await staff_b.drain(0.3))

    await _set(relay, clock, f"{thursday}T17:00:00")
    opened = await staff_b.expect("cover")
    assert (opened["org"], opened["name"], opened["open"]) == ("kommun-a", "Kommun A", True)
    snapshot = await staff_b.expect("queue", org="kommun-a")
    (entry,) = snapshot["entries"]
    assert (entry["org"], entry["org_name"]) == ("kommun-a", "Kommun A")

    await _set(relay, clock, f"{thursday}T20:59:59")
    assert not any(f.get("type") == "cover" for f in await staff_b.drain(0.2))
    await _set(relay, clock, f"{thursday}T21:00:00")
    closed = await staff_b.expect("cover")
    assert (closed["org"], closed["open"]) == ("kommun-a", False)
    await staff_b.send({"type": "claim", "conversation": entry["conversation"]})
    assert (await staff_b.expect("error"))["code"] == "forbidden"
    for client in (staff_a, staff_b, visitor):
        await client.close()


async def test_b_answers_a_visitor_in_the_window_and_the_chat_stays_a_s(
        relay: SharedRelay, clock: Clock) -> None:
    """B's staff claim A's visitor, who is told a counsellor from B answers on behalf of A;
    C sees nothing; A's statistics count the chat and B's do not; both audit logs say when
    the window opened and closed and which chat B took; when the window closes the chat B
    still holds goes back to A's queue after the grace period."""
    port = relay.port
    staff = {org: await Client.staff(port, f"staff-{org[-1]}") for org in ORGS}
    visitor = await _a_visitor(port, "jag behöver prata med någon")
    conversation = int((await staff["kommun-a"].expect("queued"))["entry"]["conversation"])

    # Before the window: B's staff naming A's chat is forbidden, like any other organisation's.
    await staff["kommun-b"].send({"type": "claim", "conversation": conversation})
    assert (await staff["kommun-b"].expect("error"))["code"] == "forbidden"

    await _set(relay, clock, "2026-10-29T17:00:00")
    await staff["kommun-b"].expect("cover", open=True)
    await staff["kommun-b"].expect("queue", org="kommun-a")
    # "Claim next" with B's own queue empty takes A's waiting visitor.
    await staff["kommun-b"].send({"type": "claim"})
    info = await staff["kommun-b"].expect("conversation", id=conversation)
    assert (info["org"], info["org_name"], info["readonly"]) == ("kommun-a", "Kommun A", False)
    assert [m["text"] for m in info["messages"]] == ["jag behöver prata med någon"]
    claimed = await visitor.expect("claimed")
    assert (claimed["organisation"], claimed["on_behalf_of"]) == ("Kommun B", "Kommun A")
    await staff["kommun-a"].expect("dequeued", conversation=conversation)

    cid = new_cid()
    await staff["kommun-b"].send({"type": "message", "conversation": conversation,
                                  "text": "Hej, jag heter Staff B", "cid": cid})
    await staff["kommun-b"].expect("ack", cid=cid)
    await visitor.expect("message", text="Hej, jag heter Staff B")
    await visitor.say("tack")
    await staff["kommun-b"].expect("message", conversation=conversation, text="tack")

    # C sees nothing of it, and neither presence nor A's staff room reaches B.
    c_frames = await staff["kommun-c"].drain(0.3)
    assert not any(_names(f, conversation) or f.get("type") == "cover" for f in c_frames)
    await staff["kommun-a"].send({"type": "room", "text": "bara för A", "cid": new_cid()})
    await staff["kommun-a"].expect("room", text="bara för A")
    b_frames = await staff["kommun-b"].drain(0.3)
    assert not any(f.get("type") == "room" for f in b_frames), b_frames
    assert all({s["user"] for s in f["staff"]} == {"staff-b"}
               for f in staff["kommun-b"].seen if f.get("type") == "presence")

    # The window closes: B's frames about A's chat are refused; after the grace period the
    # chat is first in A's queue again.
    await _set(relay, clock, "2026-10-29T21:00:00")
    await staff["kommun-b"].expect("cover", open=False)
    await staff["kommun-b"].send({"type": "message", "conversation": conversation,
                                  "text": "hinner jag?", "cid": new_cid()})
    assert (await staff["kommun-b"].expect("error"))["code"] == "forbidden"
    requeued = await staff["kommun-a"].expect("queued", timeout=GRACE_S + 5)
    assert requeued["entry"]["conversation"] == conversation and requeued["index"] == 0
    assert not any(_names(f, conversation) for f in await staff["kommun-b"].drain(0.3))

    # Statistics stay with A.
    figures = {}
    for org in ("kommun-a", "kommun-b"):
        boss = await Client.staff(port, f"boss-{org[-1]}")
        await boss.send({"type": "stats"})
        figures[org] = (await boss.expect("stats"))["report"]["totals"]["conversations"]
        await boss.close()
    assert figures == {"kommun-a": 1, "kommun-b": 0}

    # Audit: the window and the claim in both organisations' logs, nothing in C's.
    audit = {org: [(e.actor, e.action, e.conversation, e.detail)
                   for e in await relay.relays[org].storage.audit_entries()] for org in ORGS}
    assert ("system", "cover_open", None, "by=kommun-b") in audit["kommun-a"]
    assert ("system", "cover_close", None, "by=kommun-b") in audit["kommun-a"]
    assert ("staff-b", "cover_claim", conversation, "by=kommun-b") in audit["kommun-a"]
    assert ("system", "cover_open", None, "for=kommun-a") in audit["kommun-b"]
    assert ("system", "cover_close", None, "for=kommun-a") in audit["kommun-b"]
    assert ("staff-b", "cover_claim", conversation, "for=kommun-a") in audit["kommun-b"]
    assert not any(e[1].startswith("cover") for e in audit["kommun-c"]), audit["kommun-c"]
    for client in (*staff.values(), visitor):
        await client.close()


async def test_b_staff_logging_in_during_the_window_see_a_s_queue_and_c_never(
        relay: SharedRelay, clock: Clock) -> None:
    """A console of B opened while the window is open gets A's queue at login; C's staff
    never get a cover frame, and A's visitors see the chat open on B's staff alone."""
    await _set(relay, clock, "2026-10-29T18:30:00")
    staff_b = await Client.staff(relay.port, "staff-b")
    cover = await staff_b.expect("cover")
    assert cover["canned"] == [{"key": "hej", "title": "Hälsning",
                                "text": "Hej från kommun A!"}]
    visitor = await Client.visitor(relay.port, org="kommun-a", origin=ORIGIN["kommun-a"])
    status = await visitor.expect("status")
    assert status["open"] is True, status  # nobody of A is logged in: B's staff answer
    await visitor.say("hallå")
    queued = await staff_b.expect("queued")
    assert queued["entry"]["org_name"] == "Kommun A"
    # /metrics counts B's counsellor once relay-wide, and as online for A too (A is answered).
    _, _, body = await http_get(relay.port, "/metrics")
    figures = samples(body)
    assert figures[("lotsen_staff_online", ())] == 1
    assert figures[("lotsen_connections", (("kind", "staff"),))] == 1
    assert figures[("lotsen_organisation_staff_online", (("org", "kommun-a"),))] == 1
    staff_c = await Client.staff(relay.port, "staff-c")
    frames = await staff_c.drain(0.3)
    assert not any(f.get("type") in ("cover", "queued") for f in frames), frames
    # B's supervisor is a plain staff member in A: A's chat held by A's staff stays closed.
    staff_a = await Client.staff(relay.port, "staff-a")
    conversation = queued["entry"]["conversation"]
    await staff_a.send({"type": "claim", "conversation": conversation})
    await staff_a.expect("conversation", id=conversation)
    boss_b = await Client.staff(relay.port, "boss-b")
    await boss_b.expect("cover", open=True)
    for frame in ({"type": "view"}, {"type": "sync", "after": 0},
                  {"type": "whisper", "text": "psst", "cid": new_cid()},
                  {"type": "block"}, {"type": "claim"}):
        await boss_b.send({**frame, "conversation": conversation})
        error = await boss_b.expect("error")
        assert error["code"] in ("forbidden", "already_claimed"), (frame, error)
    assert not any(f.get("type") == "message" for f in await boss_b.drain(0.3))
    for client in (staff_a, staff_b, staff_c, boss_b, visitor):
        await client.close()


async def test_a_covering_counsellor_who_reconnects_in_the_window_keeps_a_s_chat(
        relay: SharedRelay, clock: Clock) -> None:
    """B's counsellor holding A's chat loses the connection and logs in again with the
    session token within the grace period: the chat comes back, labelled with A, and the
    conversation goes on both ways."""
    await _set(relay, clock, "2026-10-29T19:00:00")
    staff_b = await Client.staff(relay.port, "staff-b")
    await staff_b.expect("cover", open=True)
    visitor = await _a_visitor(relay.port, "är du kvar?")
    conversation = int((await staff_b.expect("queued"))["entry"]["conversation"])
    await staff_b.send({"type": "claim", "conversation": conversation})
    await staff_b.expect("conversation", id=conversation)
    token = staff_b.session["token"]
    await staff_b.close()

    again = await Client.staff(relay.port, session=token)
    info = await again.expect("conversation", id=conversation)
    assert (info["org_name"], info["state"], info["readonly"]) == ("Kommun A", "active", False)
    cid = new_cid()
    await again.send({"type": "message", "conversation": conversation, "text": "Ja, här.",
                      "cid": cid})
    await again.expect("ack", cid=cid)
    await visitor.expect("message", text="Ja, här.")
    await asyncio.sleep(GRACE_S + 0.5)  # the first connection's grace has passed: still held
    record = await relay.relays["kommun-a"].storage.conversation(conversation)
    assert record is not None and record.state == "active" and record.staff == "staff-b"
    for client in (again, visitor):
        await client.close()


async def test_a_chat_a_covering_counsellor_held_goes_back_after_a_restart(
        tmp_path: Path, database: Database, relay: SharedRelay, clock: Clock) -> None:
    """The relay restarts after the window while B's counsellor still holds A's chat: after
    the grace period it is first in A's queue again, not held by someone who cannot reach it."""
    await _set(relay, clock, "2026-10-29T20:58:00")
    staff_b = await Client.staff(relay.port, "staff-b")
    await staff_b.expect("cover", open=True)
    visitor = await _a_visitor(relay.port, "hinner vi?")
    conversation = int((await staff_b.expect("queued"))["entry"]["conversation"])
    await staff_b.send({"type": "claim", "conversation": conversation})
    await staff_b.expect("conversation", id=conversation)
    await relay.stop()  # with the counsellor still connected: no grace starts before it
    await staff_b.close()
    await visitor.close()

    clock.now = local("2026-10-29T21:05:00")
    async with SharedRelay(relay.config, clock=clock) as again:
        hub = again.relays["kommun-a"].hub
        assert hub.live[conversation].record.state == "active"  # for the grace period
        deadline = asyncio.get_running_loop().time() + GRACE_S + 5
        while hub.live[conversation].record.state != "queued":
            assert asyncio.get_running_loop().time() < deadline, "never requeued"
            await asyncio.sleep(0.05)
        staff_a = await Client.staff(again.port, "staff-a")
        snapshot = await staff_a.expect("queue")
        assert [e["conversation"] for e in snapshot["entries"]] == [conversation]
        await staff_a.close()
