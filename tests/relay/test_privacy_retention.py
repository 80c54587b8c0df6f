"""Anonymous by design: nothing identifying in the database, and transcripts purged on time."""

from __future__ import annotations

import asyncio

from relay.config import RelayConfig
from relay.server import Relay
from relay.storage.sqlite import SQLiteStorage
from tests.support import Client, database_dump


async def test_database_holds_no_ip_user_agent_or_clear_token(relay: Relay,
                                                              config: RelayConfig) -> None:
    """After a whole conversation the database file has no IP, user agent or token in clear."""
    from websockets.asyncio.client import connect

    staff = await Client.staff(relay.port, "anna")
    agent = "Mozilla/5.0 (LotsenPrivacyProbe 7.7)"
    ws = await connect(f"ws://127.0.0.1:{relay.port}/ws/visitor", user_agent_header=agent)
    visitor = Client(ws)
    await visitor.send({"type": "hello", "v": 1})
    await visitor.say("Jag behöver prata med någon")
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    await staff.send({"type": "claim"})
    conversation = (await staff.expect("conversation"))["id"]
    await staff.send({"type": "close", "conversation": conversation})
    await visitor.expect("ended")
    await relay.storage.flush()
    assert isinstance(relay.storage, SQLiteStorage)
    await relay.storage.checkpoint()
    blob = database_dump(config.database)
    for secret in ("127.0.0.1", agent, "LotsenPrivacyProbe", token,
                   staff.session["token"]):
        assert secret.encode() not in blob, f"{secret!r} found in the database"


async def test_purge_deletes_old_transcripts_and_keeps_statistics(relay: Relay) -> None:
    """Closed conversations older than retention lose their text; the statistics row stays."""
    staff = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port, role="child", lang="sv")
    await visitor.say("Min mamma dricker mycket")
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    await staff.send({"type": "claim"})
    conversation = (await staff.expect("conversation"))["id"]
    await staff.send({"type": "close", "conversation": conversation, "tags": ["alcohol"],
                      "referrals": ["se-bris"]})
    await visitor.expect("ended")
    await asyncio.sleep(0.1)
    # Not yet old enough: nothing happens.
    assert (await relay.purge()).conversations == 0
    relay.clock = lambda: __import__("time").time() + 31 * 86400
    result = await relay.purge()
    assert result.conversations == 1 and result.messages == 1
    assert await relay.storage.lines_after(conversation, 0) == []
    record = await relay.storage.conversation(conversation)
    assert record is not None
    assert record.purged and record.token_hash is None
    assert record.role == "child" and record.tags == ["alcohol"]
    assert record.referrals == ["se-bris"]
    again = await Client.visitor(relay.port, resume=token)
    assert (await again.expect("error"))["code"] == "unknown_token"
    audit = await relay.storage.audit_entries()
    assert any(e.action == "purge" for e in audit)
