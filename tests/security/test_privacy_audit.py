"""Nothing identifying is kept or logged, and every staff action is in the audit log."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH
from tests.relay.relay_process import RelayProcess
from tests.security.conftest import StartRelay
from tests.security.test_block import claimed_chat
from tests.support import PASSWORD, Client, add_staff_async, sqlite_file

VISITOR_IP, STAFF_IP = "127.0.0.7", "127.0.0.8"
VISITOR_AGENT = "Mozilla/5.0 (LotsenProbe; VisitorPhone 9.9) PrivacyCheck/7"
STAFF_AGENT = "LotsenConsoleProbe/3.1 (StaffLaptop)"
TEXTS = ["Jag heter Kim och min pappa dricker varje kväll, Hjälpsökande-42",
         "Svar från Anna om anhörigstöd, Personal-43",
         "Intern anteckning om Kim, Anteckning-44",
         "Svar från Bo efter överlämning, Personal-45"]


async def visitor(port: int, **hello: object) -> Client:
    ws = await connect(f"ws://127.0.0.1:{port}{VISITOR_PATH}", local_addr=(VISITOR_IP, 0),
                       user_agent_header=VISITOR_AGENT,
                       additional_headers={"Origin": f"http://127.0.0.1:{port}"})
    client = Client(ws)
    await client.send({"type": "hello", "v": PROTOCOL_VERSION, **hello})
    return client


async def staff(port: int, user: str | None = None, session: str | None = None) -> Client:
    ws = await connect(f"ws://127.0.0.1:{port}{STAFF_PATH}", local_addr=(STAFF_IP, 0),
                       user_agent_header=STAFF_AGENT)
    client = Client(ws)
    login = {"session": session} if session else {"user": user, "password": PASSWORD}
    await client.send({"type": "login", "v": PROTOCOL_VERSION, **login})
    client.session = await client.expect("session")
    return client


def stored_bytes(database: Path) -> bytes:
    """The database file and its -wal and -shm companions, byte for byte."""
    return b"".join(p.read_bytes() for p in sorted(database.parent.glob(database.name + "*")))


@pytest.mark.slow
async def test_no_ip_user_agent_or_token_in_database_or_debug_logs(tmp_path: Path) -> None:
    """A whole conversation (resume, transfer, notes, supervisor view, reconnects) through a
    relay logging at debug leaves no client IP, user agent or token in clear in the database
    files or any log line, and no message text in the logs."""
    process = RelayProcess(tmp_path, log_level="debug")
    for user, supervisor in (("anna", False), ("bo", False), ("sara", True)):
        await add_staff_async(process.database, user, supervisor=supervisor)
    process.start()
    try:
        anna, bo = await staff(process.port, "anna"), await staff(process.port, "bo")
        sara = await staff(process.port, "sara")
        kim = await visitor(process.port, lang="sv", role="relative")
        await kim.say(TEXTS[0])
        token = next(f for f in kim.seen if f["type"] == "started")["token"]
        await anna.send({"type": "claim"})
        conversation = (await anna.expect("conversation"))["id"]
        await anna.send({"type": "message", "conversation": conversation, "text": TEXTS[1],
                         "cid": "a1"})
        await anna.send({"type": "note", "conversation": conversation, "text": TEXTS[2],
                         "cid": "a2"})
        await anna.expect("ack", cid="a2")
        await sara.send({"type": "view", "conversation": conversation})
        await sara.expect("conversation", id=conversation)
        await kim.close()
        kim = await visitor(process.port, resume=token, last_seq=1)
        await kim.expect("resumed")
        await anna.send({"type": "transfer", "conversation": conversation, "to": "bo"})
        await bo.expect("conversation", id=conversation)
        await bo.close()
        bo = await staff(process.port, session=bo.session["token"])
        await bo.send({"type": "message", "conversation": conversation, "text": TEXTS[3],
                       "cid": "b1"})
        await kim.expect("message", text=TEXTS[3])
        await bo.send({"type": "close", "conversation": conversation, "role": "relative",
                       "tags": ["alcohol"]})
        await kim.expect("ended")
        await kim.send({"type": "feedback", "answer": "yes"})
        await bo.send({"type": "logout"})
        await asyncio.sleep(0.3)
        secrets = [VISITOR_IP, STAFF_IP, VISITOR_AGENT, STAFF_AGENT, "LotsenProbe",
                   "LotsenConsoleProbe", token, anna.session["token"], bo.session["token"],
                   sara.session["token"], PASSWORD]
        running = stored_bytes(sqlite_file(process.database))
        for client in (anna, sara, kim):
            await client.close()
        assert await asyncio.to_thread(process.terminate) == 0
    finally:
        process.stop()
    after = stored_bytes(sqlite_file(process.database))
    log = process.log_path.read_text(encoding="utf-8")
    assert "conversation started" in log and "relay stopped" in log
    for secret in secrets:
        for where, blob in (("running database", running), ("stopped database", after),
                            ("log", log.encode())):
            assert secret.encode() not in blob, f"{secret!r} found in the {where}"
    for text in TEXTS:
        assert text not in log and text.split(", ")[1] not in log, f"message text in log: {text}"


def lotsen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "relay", *args], capture_output=True,
                          text=True, timeout=60)


async def test_audit_log_covers_staff_actions_and_lotsen_audit_prints_it(
        start_relay: StartRelay, tmp_path: Path) -> None:
    """login, claim, view, transfer, close, block, export and purge are audited with actor and
    conversation, never text; `lotsen audit` filters by --user/--since and prints json/csv."""
    relay = await start_relay()
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    sara = await Client.staff(relay.port, "sara")
    kim, _, first = await claimed_chat(relay.port, anna, "Hemlig text i chatten")
    await sara.send({"type": "view", "conversation": first})
    await sara.expect("conversation", id=first)
    await anna.send({"type": "transfer", "conversation": first, "to": "bo"})
    await bo.expect("conversation", id=first)
    await bo.send({"type": "close", "conversation": first})
    await kim.expect("ended")
    _, _, second = await claimed_chat(relay.port, anna, "Elak text")
    await anna.send({"type": "block", "conversation": second})
    await anna.expect("ended", conversation=second)
    await relay.storage.flush()
    database = str(relay.config.database)
    exported = await asyncio.to_thread(lotsen, "export", str(first), "--out",
                                       str(tmp_path / "case.txt"), "--db", database)
    assert exported.returncode == 0, exported.stderr
    purged = await asyncio.to_thread(lotsen, "purge", "--older-than-days", "0", "--db",
                                     database)
    assert purged.returncode == 0, purged.stderr

    result = await asyncio.to_thread(lotsen, "audit", "--format", "json", "--db", database)
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    done = {(e["actor"], e["action"], e["conversation"]) for e in entries}
    for expected in [("anna", "login", None), ("anna", "claim", first), ("sara", "view", first),
                     ("anna", "transfer", first), ("bo", "close", first),
                     ("anna", "block", second), ("cli", "export", first)]:
        assert expected in done, expected
    assert any(e["action"] == "purge" for e in entries)
    assert "Hemlig text" not in result.stdout and "Elak text" not in result.stdout

    only_sara = json.loads((await asyncio.to_thread(
        lotsen, "audit", "--user", "sara", "--format", "json", "--db", database)).stdout)
    assert {e["action"] for e in only_sara} == {"login", "view"}
    csv_out = (await asyncio.to_thread(lotsen, "audit", "--since", "1h", "--format", "csv",
                                       "--db", database)).stdout
    assert csv_out.splitlines()[0] == "time,actor,action,conversation,detail"
    assert len(csv_out.splitlines()) == len(entries) + 1
    future = time.strftime("%Y-%m-%d", time.localtime(time.time() + 2 * 86400))
    nothing = await asyncio.to_thread(lotsen, "audit", "--since", future, "--db", database)
    assert "No audit entries" in nothing.stdout
