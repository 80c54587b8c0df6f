"""Statistics on a relay of several organisations: a supervisor's figures are their own
organisation's, whatever a ``stats`` frame claims, and no staff frame carries another
organisation's totals (the network-wide total is the relay administrator's, on the server:
``lotsen stats --all-organisations``, tests/ops/test_organisations_cli.py)."""

from __future__ import annotations

from pathlib import Path

from relay.hours import OpeningHours
from relay.organisations import Organisation
from relay.shared_relay import SharedRelay
from relay.storage import Database
from tests.support import Client, add_staff_async, make_config

ORGS = ("kommun-a", "kommun-b", "kommun-c")
ORIGIN = {org: f"https://{org}.se" for org in ORGS}


async def test_a_supervisor_sees_only_their_organisations_figures(tmp_path: Path,
                                                                  database: Database) -> None:
    """Two chats in A, one in B: B's supervisor gets B's one, also when the frame names A or
    asks for every organisation; B's staff are told B's queue length only."""
    always = OpeningHours(always_open=True)
    config = make_config(tmp_path, database=database, organisations=tuple(
        Organisation(org, org.title(), origins=(ORIGIN[org],), hours=always) for org in ORGS))
    for org in ORGS:
        await add_staff_async(database, f"boss-{org[-1]}", org=org, supervisor=True)
    async with SharedRelay(config) as relay:
        bosses = {user: await Client.staff(relay.port, user)
                   for user in ("boss-a", "boss-b", "boss-c")}  # someone answers: open
        boss_b = bosses["boss-b"]
        visitors = []
        for org in ("kommun-a", "kommun-a", "kommun-b"):
            visitor = await Client.visitor(relay.port, org=org, origin=ORIGIN[org])
            await visitor.expect("status")
            await visitor.say(f"hej {org}")
            visitors.append(visitor)
        figures = {}
        for user, boss in bosses.items():
            await boss.send({"type": "stats"})
            figures[user] = (await boss.expect("stats"))["report"]["totals"]["conversations"]
        assert figures == {"boss-a": 2, "boss-b": 1, "boss-c": 0}
        for widened in ({"org": "kommun-a"}, {"all_organisations": True},
                        {"organisations": list(ORGS)}, {"organisation": "kommun-a"}):
            await boss_b.send({"type": "stats", **widened})
            answer = await boss_b.expect("stats")
            assert answer["report"]["totals"]["conversations"] == 1, widened
        frames = await boss_b.drain(1.5)  # the queue length is sent at most once a second
        totals = [f["total"] for f in boss_b.seen if f.get("type") == "queue_total"]
        snapshots = [f["total"] for f in boss_b.seen if f.get("type") == "queue"]
        assert all(total <= 1 for total in totals + snapshots), (totals, snapshots, frames)
        for client in (*bosses.values(), *visitors):
            await client.close()
