"""The professionals' network on a relay of three organisations, with real websockets clients.

Kommun A and Kommun B opt in (``network = true``), Kommun C does not. The network's topic
rooms reach the staff of A and B, never C's and never a visitor; lines are stored before they
are delivered, come back as history after a reconnect and a restart, keep to their own
retention, and hostile text is treated like a chat line's. Every test runs on SQLite and on
PostgreSQL (the ``database`` fixture of tests/relay).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from relay.config import RelayConfig
from relay.network_rooms import NetworkConfig, NetworkRoom
from relay.organisations import Organisation
from relay.shared_relay import SharedRelay
from relay.storage import Database
from relay.storage.network import JOIN, LEAVE
from tests.support import Client, add_staff_async, make_config, new_cid

ORGS = ("kommun-a", "kommun-b", "kommun-c")
ORIGIN = {org: f"https://{org}.se" for org in ORGS}
ROOMS = NetworkConfig(rooms=(
    NetworkRoom.named("rus", {"sv": "Rus – erfarenheter", "en": "Substance use – experiences",
                              "nb": "Rus – erfaringer"}),
    NetworkRoom.named("anhorig", {"sv": "Anhörigstöd"}),
), retention_days=60)


def network_config(tmp_path: Path, database: Database, members: tuple[str, ...] = ORGS[:2],
                   **overrides: Any) -> RelayConfig:
    return make_config(tmp_path, database=database, network=ROOMS, organisations=tuple(
        Organisation(org, org.replace("-", " ").title(), origins=(ORIGIN[org],),
                     network=org in members) for org in ORGS), **overrides)


@asynccontextmanager
async def running(config: RelayConfig, clock: Callable[[], float] = time.time
                  ) -> AsyncIterator[SharedRelay]:
    async with SharedRelay(config, clock=clock) as relay:
        yield relay


@pytest.fixture
async def config(tmp_path: Path, database: Database) -> RelayConfig:
    """Three organisations with a staff member each (A's and B's in the network)."""
    config = network_config(tmp_path, database)
    for org in ORGS:
        await add_staff_async(config.database, f"staff-{org[-1]}", org=org,
                              name=f"Staff {org[-1].upper()}")
    await add_staff_async(config.database, "boss-b", org="kommun-b", supervisor=True)
    return config


def _network_frames(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in frames if str(f.get("type", "")).startswith("network")]


async def test_a_line_reaches_both_members_staff_and_no_one_else(config: RelayConfig) -> None:
    """A's line in a topic room reaches A's and B's staff with the author's name and
    organisation (never the login name), not C's staff and not a visitor; C cannot post."""
    async with running(config) as relay:
        port = relay.port
        staff = {org: await Client.staff(port, f"staff-{org[-1]}") for org in ORGS}
        visitor = await Client.visitor(port, org="kommun-a", origin=ORIGIN["kommun-a"])
        await visitor.expect("status")
        for org in ORGS[:2]:
            rooms = await staff[org].expect("network_rooms")
            assert [r["id"] for r in rooms["rooms"]] == ["rus", "anhorig"]
            assert rooms["rooms"][0]["names"] == {"sv": "Rus – erfarenheter",
                                                  "en": "Substance use – experiences",
                                                  "nb": "Rus – erfaringer"}
            assert rooms["rooms"][1]["names"]["en"] == "Anhörigstöd"
            assert rooms["retention_days"] == 60
        cid = new_cid()
        await staff["kommun-a"].send({"type": "network", "room": "rus", "cid": cid,
                                      "text": "Hur gör ni med anhöriga som ringer?"})
        own = await staff["kommun-a"].expect("network", cid=cid)
        seen = await staff["kommun-b"].expect("network", room="rus")
        for line in (own, seen):
            assert (line["seq"], line["org"], line["organisation"], line["name"]) == (
                1, "kommun-a", "Kommun A", "Staff A")
            assert "staff-a" not in str(line.values())
        assert seen["cid"] is None
        # B's supervisor, logged in now, gets the room's history.
        boss = await Client.staff(port, "boss-b")
        assert (await boss.expect("network", room="rus"))["text"].startswith("Hur gör ni")
        # C: nothing of the network, and its post is refused.
        assert _network_frames(await staff["kommun-c"].drain(0.5)) == []
        assert not any(f.get("type") == "network_rooms" for f in staff["kommun-c"].seen)
        refused = new_cid()
        await staff["kommun-c"].send({"type": "network", "room": "rus", "text": "hej",
                                      "cid": refused})
        assert (await staff["kommun-c"].expect("error", cid=refused))["code"] == "forbidden"
        assert _network_frames(await staff["kommun-a"].drain(0.3)) == []
        # The visitor saw none of it, and cannot send into it.
        await visitor.send({"type": "network", "room": "rus", "text": "hallå", "cid": new_cid()})
        assert (await visitor.expect("error"))["code"] == "unknown_type"
        assert _network_frames(visitor.seen) == []
        assert _network_frames(await staff["kommun-b"].drain(0.3)) == []
        stored = await relay.network.storage.network_lines("rus", 10)
        assert [(line.org, line.author, line.name) for line in stored] == [
            ("kommun-a", "staff-a", "Staff A")]
        for client in (*staff.values(), boss, visitor):
            await client.close()


async def test_history_comes_back_after_a_reconnect_and_a_restart(config: RelayConfig) -> None:
    """Lines are stored before delivery: a console that reconnects, and one that logs in
    after the relay restarted, gets each room's lines in order, and numbering continues."""
    async with running(config) as relay:
        a = await Client.staff(relay.port, "staff-a")
        b = await Client.staff(relay.port, "staff-b")
        for index, (who, room) in enumerate([(a, "rus"), (b, "rus"), (b, "anhorig")]):
            cid = new_cid()
            await who.send({"type": "network", "room": room, "text": f"rad {index}",
                            "cid": cid})
            await who.expect("network", cid=cid)
        await a.close()
        again = await Client.staff(relay.port, "staff-a")
        history = [f for f in await again.drain(0.5) if f.get("type") == "network"]
        assert [(f["room"], f["seq"], f["text"], f["organisation"]) for f in history] == [
            ("rus", 1, "rad 0", "Kommun A"), ("rus", 2, "rad 1", "Kommun B"),
            ("anhorig", 1, "rad 2", "Kommun B")]
        assert all(f["cid"] is None for f in history)
        await again.close()
        await b.close()
    async with running(config) as relay:
        a = await Client.staff(relay.port, "staff-a")
        history = [f for f in await a.drain(0.5) if f.get("type") == "network"]
        assert [(f["room"], f["seq"]) for f in history] == [("rus", 1), ("rus", 2),
                                                              ("anhorig", 1)]
        cid = new_cid()
        await a.send({"type": "network", "room": "rus", "text": "efter omstart", "cid": cid})
        assert (await a.expect("network", cid=cid))["seq"] == 3
        await a.close()


async def test_hostile_text_is_handled_like_a_chat_line(tmp_path: Path,
                                                         config: RelayConfig) -> None:
    """Control characters and markup are stored and delivered as written (the console shows
    them literally); a lone surrogate, an empty or too long line, an unknown room are refused
    with the line's cid; a flood is rate-limited like any staff frame."""
    config = replace(config, staff_rate=1.0, staff_burst=12, max_text_chars=200)
    async with running(config) as relay:
        a = await Client.staff(relay.port, "staff-a")
        b = await Client.staff(relay.port, "staff-b")
        hostile = "[bold red]x[/] <script>alert(1)</script> \x1b]52;c;aGk=\x07 \u202e"
        cid = new_cid()
        await a.send({"type": "network", "room": "rus", "text": hostile, "cid": cid})
        await a.expect("network", cid=cid)
        assert (await b.expect("network"))["text"] == hostile
        for text, room, code in [("\ud800", "rus", "bad_frame"), ("   ", "rus", "bad_frame"),
                                 ("x" * 201, "rus", "text_too_long"),
                                 ("x" * 4001, "rus", "text_too_long"),
                                 ("hej", "nope", "bad_frame"), ("hej", "x" * 2000, "bad_frame")]:
            refused = new_cid()
            await a.send({"type": "network", "room": room, "text": text, "cid": refused})
            error = await a.expect("error", cid=refused)
            assert error["code"] == code, (text[:10], room[:10], error)
        codes = []
        for _ in range(12):
            flood = new_cid()
            await a.send({"type": "network", "room": "rus", "text": "spam", "cid": flood})
        for frame in await a.drain(1.0):
            if frame.get("type") == "error":
                codes.append(frame["code"])
        assert "rate_limited" in codes
        stored = await relay.network.storage.network_lines("rus", 100)
        assert stored[0].text == hostile and len(stored) < 1 + 12
        await a.close()
        await b.close()


async def test_the_network_keeps_its_own_retention(config: RelayConfig) -> None:
    """Lines older than [network] retention_days go in the network's purge (which runs at
    start and hourly), whatever the organisations' own retention; newer ones stay."""
    now = [time.time() - 61 * 86400]
    async with running(config, clock=lambda: now[0]) as relay:
        a = await Client.staff(relay.port, "staff-a")
        for text in ("gammal", "också gammal"):
            cid = new_cid()
            await a.send({"type": "network", "room": "anhorig", "text": text, "cid": cid})
            await a.expect("network", cid=cid)
        now[0] = time.time()
        cid = new_cid()
        await a.send({"type": "network", "room": "anhorig", "text": "ny", "cid": cid})
        await a.expect("network", cid=cid)
        assert await relay.network.purge() == 2
        assert [line.text for line in
                await relay.network.storage.network_lines("anhorig", 10)] == ["ny"]
        # A chat-line purge with the organisations' 30 days leaves the network alone.
        await relay.relays["kommun-a"].purge()
        assert len(await relay.network.storage.network_lines("anhorig", 10)) == 1
        await a.close()
        b = await Client.staff(relay.port, "staff-b")
        history = [f["text"] for f in await b.drain(0.5) if f.get("type") == "network"]
        assert history == ["ny"]
        await b.close()


async def test_joining_and_leaving_are_audited_per_organisation(tmp_path: Path,
                                                                config: RelayConfig) -> None:
    """The first start records A and B joining; a restart with C in and B out records those
    two changes in C's and B's own audit logs, and B's staff no longer see the network."""
    async with running(config) as relay:
        assert set(await relay.network.storage.network_members()) == {"kommun-a", "kommun-b"}
    changed = network_config(tmp_path, config.database, members=("kommun-a", "kommun-c"))
    async with running(changed) as relay:
        storage = relay.network.storage
        assert set(await storage.network_members()) == {"kommun-a", "kommun-c"}
        actions = {org: [e.action for e in await relay.relays[org].storage.audit_entries()
                         if e.action in (JOIN, LEAVE)] for org in ORGS}
        assert actions == {"kommun-a": [JOIN], "kommun-b": [JOIN, LEAVE], "kommun-c": [JOIN]}
        b = await Client.staff(relay.port, "staff-b")
        c = await Client.staff(relay.port, "staff-c")
        await c.expect("network_rooms")
        assert _network_frames(await b.drain(0.3)) == []
        await b.close()
        await c.close()


async def test_no_rooms_means_no_network(tmp_path: Path, database: Database) -> None:
    """Organisations that opt in on a relay without [[network.room]] see nothing of a network,
    and a network frame is refused."""
    config = replace(network_config(tmp_path, database), network=NetworkConfig())
    await add_staff_async(database, "staff-a", org="kommun-a")
    async with running(config) as relay:
        a = await Client.staff(relay.port, "staff-a")
        cid = new_cid()
        await a.send({"type": "network", "room": "rus", "text": "hej", "cid": cid})
        assert (await a.expect("error", cid=cid))["code"] == "forbidden"
        assert not any(f.get("type") == "network_rooms" for f in a.seen)
        await a.close()


@pytest.mark.sqlite_only
async def test_a_line_the_database_refuses_reaches_no_one(config: RelayConfig) -> None:
    """While another process holds the write lock, a network line is answered with a storage
    error and delivered to nobody (no copy with its cid either); once the lock is gone the
    same line is stored and delivered."""
    from tests.security.test_faults import locked_by_another_process
    from tests.support import sqlite_file

    async with running(config) as relay:
        a = await Client.staff(relay.port, "staff-a")
        b = await Client.staff(relay.port, "staff-b")
        with locked_by_another_process(sqlite_file(config.database)):
            await a.send({"type": "network", "room": "rus", "text": "under låset",
                          "cid": "locked-n"})
            error = await a.expect("error", cid="locked-n")
            assert error["code"] == "storage"
            assert not any(f.get("type") == "network" and f.get("text") == "under låset"
                           for f in await b.drain(0.3) + a.seen)
        await a.send({"type": "network", "room": "rus", "text": "under låset",
                      "cid": "locked-n"})
        await a.expect("network", cid="locked-n")
        assert (await b.expect("network"))["text"] == "under låset"
        await a.close()
        await b.close()
