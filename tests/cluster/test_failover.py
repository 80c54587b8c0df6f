"""Failover between relay processes on one PostgreSQL database: one relay is killed with
SIGKILL mid-traffic; its visitors reconnect to the survivor, resume with their tokens and the
last seq they have, send again what was not acknowledged, and not one acknowledged line is
lost — in the database or on the way to the staff member on the survivor (issue 16)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

import pytest

from relay.storage import PostgresURL, open_storage
from tests.cluster.test_cluster import _waiting
from tests.relay.relay_process import RelayProcess
from tests.support import Client, add_staff_async, new_cid

pytestmark = pytest.mark.postgres

VISITORS = 8


class _Visitor:
    """A visitor as the widget behaves: it keeps its token and last seq, and resends the lines
    not acknowledged when it reconnects."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.token = ""
        self.last_seq = 0
        self.acked: dict[str, int] = {}
        self.unacked: dict[str, str] = {}

    async def say(self, text: str) -> None:
        cid = new_cid()
        self.unacked[cid] = text
        await self.client.send({"type": "message", "text": text, "cid": cid})

    def read(self, frames: list[dict[str, Any]]) -> None:
        for frame in frames:
            if frame["type"] == "ack" and frame["cid"] in self.unacked:
                del self.unacked[frame["cid"]]
                self.acked[frame["cid"]] = frame["seq"]
            if "seq" in frame:
                self.last_seq = max(self.last_seq, frame["seq"])


async def test_sigkill_of_a_relay_loses_no_acknowledged_line(
        pg_url: PostgresURL, tmp_path: Path) -> None:
    """Eight visitors on relay A write to anna on relay B; A is killed mid-traffic; every
    line each visitor sent is stored exactly once, with the seq its ack said, and reached anna."""
    await add_staff_async(pg_url, "anna")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    doomed = RelayProcess(tmp_path / "a", database=pg_url).start()
    survivor = RelayProcess(tmp_path / "b", database=pg_url).start()
    try:
        anna = await Client.staff(survivor.port, "anna")
        visitors: list[_Visitor] = []
        conversations: list[int] = []
        for n in range(VISITORS):
            visitor = _Visitor(await Client.visitor(doomed.port))
            conversation = await _waiting(visitor.client, anna, f"first {n}")
            started = await visitor.client.expect("started")
            visitor.token = started["token"]
            visitor.read(visitor.client.seen)
            await anna.send({"type": "claim", "conversation": conversation})
            await anna.expect("conversation", id=conversation)
            visitors.append(visitor)
            conversations.append(conversation)

        async def traffic(visitor: _Visitor, rounds: int) -> None:
            for n in range(rounds):
                with contextlib.suppress(Exception):  # the relay may die under it
                    await visitor.say(f"line {n}")
                    await asyncio.sleep(0.01)

        sending = [asyncio.create_task(traffic(v, 20)) for v in visitors]
        await asyncio.sleep(0.15)
        doomed.kill()  # SIGKILL, mid-traffic
        await asyncio.gather(*sending)
        for visitor in visitors:
            visitor.read(await visitor.client.drain(0.1))
        # Reconnect to the survivor: resume with the token and last seq, send the rest again.
        for visitor in visitors:
            visitor.client = await Client.visitor(survivor.port, resume=visitor.token,
                                                  last_seq=visitor.last_seq)
            await visitor.client.expect("resumed", timeout=10)
            for cid, text in list(visitor.unacked.items()):
                await visitor.client.send({"type": "message", "text": text, "cid": cid})
        for visitor in visitors:
            deadline = asyncio.get_running_loop().time() + 10
            while visitor.unacked:
                assert asyncio.get_running_loop().time() < deadline, "lines never acknowledged"
                visitor.read(await visitor.client.drain(0.2))
        storage = open_storage(pg_url)
        await storage.open()
        try:
            for visitor, conversation in zip(visitors, conversations, strict=True):
                stored = {line.cid: line.seq for line in
                          await storage.lines_after(conversation, 0) if line.cid}
                for cid, seq in visitor.acked.items():
                    assert stored.get(cid) == seq, "an acknowledged line was lost"
                assert len(stored) == len(set(stored.values())) == 21  # first + 20, once each
        finally:
            await storage.close()
        # The staff member on the survivor got every acknowledged line.
        delivered = {(f["conversation"], f["seq"]) for f in anna.seen + await anna.drain(0.5)
                     if f.get("type") == "message"}
        for visitor, conversation in zip(visitors, conversations, strict=True):
            for seq in visitor.acked.values():
                if seq > 1:  # the first line came with the claim
                    assert (conversation, seq) in delivered
    finally:
        doomed.stop()
        survivor.stop()
