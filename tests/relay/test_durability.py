"""Nothing acknowledged is ever lost: SIGKILL the relay mid-traffic, restart, resume."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from relay.storage import Database
from tests.relay.relay_process import RelayProcess
from tests.support import Client, add_staff_async


@pytest.mark.slow
async def test_sigkill_mid_traffic_loses_no_acknowledged_line(tmp_path: Path,
                                                               database: Database) -> None:
    """Every line acknowledged before a SIGKILL is there after restart, and each side gets
    exactly what it missed when it resumes."""
    relay = RelayProcess(tmp_path, database=database)
    await add_staff_async(relay.database, "anna")
    relay.start()
    try:
        staff = await Client.staff(relay.port, "anna")
        session = staff.session["token"]
        visitor = await Client.visitor(relay.port)
        await visitor.say("start")
        token = next(f for f in visitor.seen if f["type"] == "started")["token"]
        await staff.send({"type": "claim"})
        conversation = (await staff.expect("conversation"))["id"]

        acked: dict[str, int] = {}  # cid -> seq, for both sides
        sent = 0

        async def visitor_traffic() -> None:
            nonlocal sent
            with contextlib.suppress(ConnectionClosed, AssertionError):
                for n in range(100_000):
                    cid = f"v{n}"
                    sent += 1
                    await visitor.send({"type": "message", "text": f"visitor line {n}",
                                        "cid": cid})
                    acked[cid] = (await visitor.expect("ack", cid=cid, timeout=3))["seq"]

        async def staff_traffic() -> None:
            nonlocal sent
            with contextlib.suppress(ConnectionClosed, AssertionError):
                for n in range(100_000):
                    cid = f"s{n}"
                    sent += 1
                    await staff.send({"type": "message", "conversation": conversation,
                                      "text": f"staff line {n}", "cid": cid})
                    acked[cid] = (await staff.expect("ack", cid=cid, timeout=3))["seq"]

        tasks = [asyncio.create_task(visitor_traffic()), asyncio.create_task(staff_traffic())]
        while len(acked) < 150:
            await asyncio.sleep(0.01)
        relay.kill()
        await asyncio.wait_for(asyncio.gather(*tasks), 10)
        assert len(acked) >= 150

        # What the visitor had received before the crash: its own acks and staff lines.
        visitor_seen = {f["seq"] for f in visitor.seen if f["type"] in ("ack", "message")}
        last_seen = max(visitor_seen)

        relay.start()
        again = await Client.visitor(relay.port, resume=token, last_seq=last_seen)
        resumed = await again.expect("resumed")
        await again.drain(0.5)
        replay = [f for f in again.seen if f["type"] == "message"]
        seqs = [f["seq"] for f in replay]
        assert seqs == sorted(set(seqs)), "no duplicates, in order"
        assert all(seq > last_seen for seq in seqs), "only what was missed"
        assert resumed["last_seq"] >= max(acked.values())

        staff_again = await Client.staff(relay.port, session=session)
        await staff_again.expect("conversation", id=conversation)
        await staff_again.send({"type": "sync", "conversation": conversation, "after": 0})
        await staff_again.expect("message", seq=resumed["last_seq"], timeout=10)
        stored = {f["cid"]: f["seq"] for f in staff_again.seen if f["type"] == "message"}
        missing = {cid for cid in acked if stored.get(cid) != acked[cid]}
        assert not missing, f"acknowledged but lost: {sorted(missing)[:10]}"
        # And the chat goes on after the restart.
        await again.say("still here")
        await staff_again.expect("message", text="still here")
    finally:
        relay.stop()


@pytest.mark.slow
async def test_sigterm_closes_clients_with_a_reason_and_keeps_everything(
        tmp_path: Path, database: Database) -> None:
    """SIGTERM shuts down gracefully: clients get a close frame with a reason, exit code 0."""
    relay = RelayProcess(tmp_path, database=database)
    await add_staff_async(relay.database, "anna")
    relay.start()
    try:
        staff = await Client.staff(relay.port, "anna")
        visitor = await Client.visitor(relay.port)
        await visitor.say("hej")
        assert relay.terminate() == 0
        await asyncio.wait_for(visitor.ws.wait_closed(), 5)
        assert visitor.ws.close_code == 1012
        assert "restarting" in (visitor.ws.close_reason or "")
        await asyncio.wait_for(staff.ws.wait_closed(), 5)
        assert staff.ws.close_code == 1012
        relay.start()
        again = await Client.visitor(relay.port, resume=next(
            f for f in visitor.seen if f["type"] == "started")["token"])
        await again.expect("message", text="hej")
    finally:
        relay.stop()


@pytest.mark.slow
async def test_sigkill_after_a_question_is_acknowledged_loses_nothing(
        tmp_path: Path, database: Database) -> None:
    """A question, its answer and a reply, each acknowledged, survive a SIGKILL straight after
    the acknowledgement: the code still opens the thread, and the inbox comes back."""
    relay = RelayProcess(tmp_path, config="[hours]\nmonday = []\n",  # closed all week
                         database=database)
    await add_staff_async(relay.database, "anna")
    relay.start()
    try:
        visitor = await Client.visitor(relay.port, purpose="questions")
        await visitor.send({"type": "ask", "text": "Min fråga", "cid": "q1"})
        code = (await visitor.expect("asked", cid="q1"))["code"]
        relay.kill()

        relay.start()
        anna = await Client.staff(relay.port, "anna")
        (entry,) = (await anna.expect("inbox"))["entries"]
        assert entry["preview"] == "Min fråga" and entry["unread"] == 1
        await anna.send({"type": "question_open", "question": entry["id"]})
        await anna.expect("question_thread")
        await anna.send({"type": "question_answer", "question": entry["id"], "text": "Svar",
                         "cid": "a1"})
        await anna.expect("question_ack", cid="a1")
        relay.kill()

        relay.start()
        reader = await Client.visitor(relay.port, purpose="questions")
        await reader.send({"type": "read", "code": code})
        thread = await reader.expect("thread")
        assert [line["text"] for line in thread["lines"]] == ["Min fråga", "Svar"]
        await reader.send({"type": "reply", "text": "Tack", "cid": "r1"})
        await reader.expect("ack", cid="r1")
        relay.kill()

        relay.start()
        again = await Client.visitor(relay.port, purpose="questions")
        await again.send({"type": "read", "code": code})
        assert [line["text"] for line in (await again.expect("thread"))["lines"]] == [
            "Min fråga", "Svar", "Tack"]
    finally:
        relay.stop()
