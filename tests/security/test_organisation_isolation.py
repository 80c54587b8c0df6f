"""Isolation between organisations on one relay, with real websockets clients.

A relay serving three organisations (kommun-a, kommun-b, kommun-c): staff of one never see
another's queue, chats, questions, statistics, audit entries or staff presence; a supervisor's
powers stop at their organisation; every staff frame that names another organisation's
conversation (or question) is answered ``forbidden``. Visitors reach their organisation by
``data-org`` (``?org=``) from one of its origins only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from relay.hours import OpeningHours
from relay.organisations import CannedReply, Organisation
from relay.shared_relay import SharedRelay
from relay.storage import Database
from tests.ops.http import http_get
from tests.ops.test_metrics import samples
from tests.support import Client, add_staff_async, make_config, new_cid

ORGS = ("kommun-a", "kommun-b", "kommun-c")
ORIGIN = {org: f"https://{org}.se" for org in ORGS}


@pytest.fixture
async def relay(tmp_path: Path, database: Database) -> AsyncIterator[SharedRelay]:
    """Three organisations, each with a staff member and a supervisor of its own; A and B
    always open, C never (it takes questions instead)."""
    hours = {org: OpeningHours(always_open=True) for org in ORGS}
    hours["kommun-c"] = OpeningHours(weekly={})
    canned = {"kommun-a": (CannedReply("hej", "Hälsning", "Hej från kommun A!"),)}
    config = make_config(tmp_path, database=database, organisations=tuple(
        Organisation(org, org.replace("-", " ").title(), origins=(ORIGIN[org],),
                     hours=hours[org], canned=canned.get(org, ())) for org in ORGS))
    for org in ORGS:
        letter = org[-1]
        await add_staff_async(config.database, f"staff-{letter}", org=org)
        await add_staff_async(config.database, f"boss-{letter}", org=org, supervisor=True)
    async with SharedRelay(config) as running:
        yield running


async def _visitor_chat(port: int, org: str, text: str) -> tuple[Client, int]:
    """A visitor of ``org`` starts a chat; returns the client and the conversation id."""
    visitor = await Client.visitor(port, org=org, origin=ORIGIN[org])
    await visitor.expect("status")
    await visitor.say(text)
    return visitor, -1


async def _queued_id(staff: Client) -> int:
    frame = await staff.expect("queued")
    return int(frame["entry"]["conversation"])


def _names_conversation(frame: dict[str, Any], conversation: int) -> bool:
    return conversation in (frame.get("conversation"), (frame.get("entry") or {}).get(
        "conversation")) or any(e.get("conversation") == conversation
                                for e in frame.get("entries") or [] if isinstance(e, dict))


async def test_each_organisation_sees_only_its_own_queue_presence_and_room(
        relay: SharedRelay) -> None:
    """A's waiting chat reaches A's staff only; presence and the staff room stay inside."""
    port = relay.port
    staff = {org: await Client.staff(port, f"staff-{org[-1]}") for org in ORGS}
    visitor, _ = await _visitor_chat(port, "kommun-a", "hej, jag behöver prata")
    conversation = await _queued_id(staff["kommun-a"])
    for org in ("kommun-b", "kommun-c"):
        frames = await staff[org].drain(0.5)
        assert not any(_names_conversation(f, conversation) for f in frames), frames
        assert all(f.get("type") != "queued" for f in frames), frames
    # The staff room and presence stay inside the organisation.
    await staff["kommun-b"].send({"type": "room", "text": "kaffe i B?", "cid": new_cid()})
    await staff["kommun-b"].expect("room", text="kaffe i B?")
    for org in ("kommun-a", "kommun-c"):
        frames = await staff[org].drain(0.5)
        assert not any(f.get("type") == "room" for f in frames), frames
    for org in ORGS:
        presence = [f for f in staff[org].seen if f.get("type") == "presence"]
        assert presence, org
        assert all({s["user"] for s in f["staff"]} == {f"staff-{org[-1]}"}
                   for f in presence[-1:]), (org, presence)
    # A's own staff claims it as usual.
    await staff["kommun-a"].send({"type": "claim", "conversation": conversation})
    await staff["kommun-a"].expect("conversation", id=conversation)
    await visitor.expect("claimed")
    for client in (*staff.values(), visitor):
        await client.close()


ATTACKS: list[tuple[str, dict[str, Any]]] = [
    ("claim", {"type": "claim"}),
    ("sync", {"type": "sync", "after": 0}),
    ("view", {"type": "view"}),
    ("whisper", {"type": "whisper", "text": "psst"}),
    ("transfer", {"type": "transfer", "to": "staff-b"}),
    ("transfer back to the queue", {"type": "transfer"}),
    ("send", {"type": "message", "text": "hej"}),
    ("note", {"type": "note", "text": "anteckning"}),
    ("close", {"type": "close"}),
    ("help", {"type": "help"}),
    ("mark", {"type": "mark", "urgent": True}),
    ("block", {"type": "block"}),
]


@pytest.mark.parametrize("state", ["queued", "active"])
async def test_every_frame_naming_another_organisations_chat_is_forbidden(
        relay: SharedRelay, state: str) -> None:
    """Staff and supervisors of B naming A's conversation (waiting, or held by A's staff):
    every frame is answered forbidden, and A's chat and its visitor notice nothing."""
    port = relay.port
    holder = await Client.staff(port, "staff-a")
    visitor, _ = await _visitor_chat(port, "kommun-a", "det här är A:s samtal")
    conversation = await _queued_id(holder)
    if state == "active":
        await holder.send({"type": "claim", "conversation": conversation})
        await holder.expect("conversation", id=conversation)
    for attacker_name in ("staff-b", "boss-b"):
        attacker = await Client.staff(port, attacker_name)
        for what, frame in ATTACKS:
            cid = new_cid()
            await attacker.send({**frame, "conversation": conversation,
                                 **({"cid": cid} if frame["type"] in ("message", "note",
                                                                      "whisper") else {})})
            error = await attacker.expect("error")
            assert error["code"] == "forbidden", (attacker_name, what, error)
            frames = await attacker.drain(0.1)
            assert not any(_names_conversation(f, conversation) for f in frames), (what, frames)
        await attacker.close()
    # Nothing happened to A's chat.
    record = await relay.relays["kommun-a"].storage.conversation(conversation)
    assert record is not None and record.state == state and not record.urgent
    assert not any(f.get("type") in ("message", "ended", "claimed") and state == "queued"
                   for f in await visitor.drain(0.2))
    b_audit = await relay.relays["kommun-b"].storage.audit_entries()
    assert all(entry.conversation is None for entry in b_audit), b_audit
    await holder.close()
    await visitor.close()


async def test_questions_statistics_and_audit_stay_with_their_organisation(
        relay: SharedRelay) -> None:
    """A question asked in C is in C's inbox only and B cannot open it; B's supervisor's
    statistics count none of A's chats; A's claim is in A's audit log only."""
    port = relay.port
    staff_a, staff_b = await Client.staff(port, "staff-a"), await Client.staff(port, "staff-b")
    staff_c = await Client.staff(port, "staff-c")
    asker = await Client.visitor(port, org="kommun-c", origin=ORIGIN["kommun-c"],
                                 purpose="questions")
    await asker.send({"type": "ask", "text": "en fråga till C", "cid": new_cid()})
    await asker.expect("asked")
    question = await staff_c.expect("question")
    question_id = question["entry"]["id"]
    assert question_id is not None, question
    assert not any(f.get("type") == "question" for f in await staff_b.drain(0.5))
    await staff_b.send({"type": "question_open", "question": question_id})
    assert (await staff_b.expect("error"))["code"] == "forbidden"
    await staff_c.send({"type": "question_open", "question": question_id})
    await staff_c.expect("question_thread")

    visitor, _ = await _visitor_chat(port, "kommun-a", "ett samtal i A")
    conversation = await _queued_id(staff_a)
    await staff_a.send({"type": "claim", "conversation": conversation})
    await staff_a.expect("conversation", id=conversation)
    figures = {}
    for org in ("kommun-a", "kommun-b"):
        boss = await Client.staff(port, f"boss-{org[-1]}")
        await boss.send({"type": "stats"})
        figures[org] = (await boss.expect("stats"))["report"]["totals"]["conversations"]
        await boss.close()
    assert figures == {"kommun-a": 1, "kommun-b": 0}
    a_audit = await relay.relays["kommun-a"].storage.audit_entries()
    b_audit = await relay.relays["kommun-b"].storage.audit_entries()
    assert ("staff-a", "claim", conversation) in {(e.actor, e.action, e.conversation)
                                                  for e in a_audit}
    assert all(e.conversation != conversation and e.actor != "staff-a" for e in b_audit)
    for client in (staff_a, staff_b, staff_c, asker, visitor):
        await client.close()


async def test_a_page_reaches_only_the_organisation_whose_origin_it_is(
        relay: SharedRelay) -> None:
    """data-org with one of its origins opens that organisation's chat; another origin, an
    unknown id or an ambiguous page gets an error the widget words, and no chat."""
    port = relay.port
    refused = await Client.visitor(port, org="kommun-a", origin=ORIGIN["kommun-b"])
    assert (await refused.expect("error"))["code"] == "origin"
    unknown = await Client.visitor(port, org="kommun-x", origin=ORIGIN["kommun-a"])
    assert (await unknown.expect("error"))["code"] == "unknown_org"
    elsewhere = await Client.visitor(port, origin="https://elsewhere.se")
    assert (await elsewhere.expect("error"))["code"] == "origin"
    # Without data-org, the one organisation owning the origin (an embed from before).
    staff_b = await Client.staff(port, "staff-b")
    plain = await Client.visitor(port, origin=ORIGIN["kommun-b"])
    await plain.expect("status")
    await plain.say("hej B")
    await _queued_id(staff_b)
    for client in (refused, unknown, elsewhere, staff_b, plain):
        await client.close()


async def test_conversation_ids_are_unique_across_organisations(relay: SharedRelay) -> None:
    """Chats in different organisations never share an id (one relay-wide counter)."""
    port = relay.port
    ids = []
    for org in ("kommun-a", "kommun-b", "kommun-a"):
        staff = await Client.staff(port, f"staff-{org[-1]}")
        visitor, _ = await _visitor_chat(port, org, f"hej {org}")
        ids.append(await _queued_id(staff))
        await staff.close()
        await visitor.close()
    assert len(set(ids)) == 3, ids


async def test_metrics_count_every_organisation_and_split_them_by_id(
        relay: SharedRelay) -> None:
    """/metrics (loopback only) sums the organisations and splits the queue by id; before,
    it read the first organisation's hub alone and a waiting visitor of B was invisible."""
    staff_b = await Client.staff(relay.port, "staff-b")
    staff_a = await Client.staff(relay.port, "staff-a")
    visitors = [await _visitor_chat(relay.port, org, f"hej {org}")
                for org in ("kommun-b", "kommun-b", "kommun-a")]
    await _queued_id(staff_b)
    await _queued_id(staff_b)
    status, _, body = await http_get(relay.port, "/metrics")
    assert status == 200
    m = samples(body)
    assert m[("lotsen_queue_length", ())] == 3
    assert {org: m[("lotsen_organisation_queue_length", (("org", org),))] for org in ORGS} == {
        "kommun-a": 1, "kommun-b": 2, "kommun-c": 0}
    assert m[("lotsen_organisation_staff_online", (("org", "kommun-b"),))] == 1
    assert m[("lotsen_organisation_staff_online", (("org", "kommun-c"),))] == 0
    assert m[("lotsen_staff_online", ())] == 2
    assert m[("lotsen_conversations_started_total", ())] == 3
    for visitor, _ in visitors:
        await visitor.close()
    await staff_b.close()
    await staff_a.close()


async def test_staff_learn_their_organisation_and_its_canned_replies_at_login(
        relay: SharedRelay) -> None:
    """The session frame names the account's organisation and carries its canned replies."""
    a = await Client.staff(relay.port, "staff-a")
    b = await Client.staff(relay.port, "boss-b")
    assert a.session["organisation"] == "Kommun A"
    assert a.session["canned"] == [{"key": "hej", "title": "Hälsning",
                                    "text": "Hej från kommun A!"}]
    assert (b.session["organisation"], b.session.get("canned")) == ("Kommun B", None)
    await a.close()
    await b.close()


def test_a_relay_without_organisations_is_unchanged(tmp_path: Path) -> None:
    """No [[organisation]]: serve runs the plain relay (same storage scope, same origin rule)."""
    config = make_config(tmp_path)
    assert config.served().implicit and replace(config).org == "default"
