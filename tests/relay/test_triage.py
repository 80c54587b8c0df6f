"""Triage: a waiting visitor at acute risk is lifted to the top of the queue, reasons to staff."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.config import ConfigError, RelayConfig
from relay.server import Relay
from relay.triage import default_triage
from tests.support import Client, add_staff_async


async def test_urgent_visitor_jumps_the_queue_with_reasons_for_staff_only(relay: Relay,
                                                                          config: RelayConfig
                                                                          ) -> None:
    """A later visitor who writes about wanting to die goes first; reasons reach staff only."""
    relay.triage = default_triage(config)
    anna = await Client.staff(relay.port, "anna")
    calm = await Client.visitor(relay.port, lang="sv")
    await calm.say("Hej, jag undrar hur man bokar tid hos er för anhörigstöd.")
    await anna.expect("queued")
    worried = await Client.visitor(relay.port, lang="sv")
    await worried.say("Jag orkar inte mer. Jag vill inte leva längre och har tabletter hemma.")
    queued = await anna.expect("queued", index=0)
    assert queued["entry"]["urgent"] is True and queued["entry"]["reasons"]
    assert [e.urgent for e in relay.queue.ordered()] == [True, False]
    await worried.drain(0.3)
    assert not any("reasons" in f or f.get("urgent") for f in worried.seen)
    assert [f["position"] for f in worried.seen if f["type"] == "queue"][-1] == 1
    await anna.send({"type": "claim"})
    info = await anna.expect("conversation")
    assert info["urgent"] is True and info["reasons"]


async def test_a_later_message_can_make_a_waiting_visitor_urgent(relay: Relay,
                                                                 config: RelayConfig) -> None:
    """Urgency is re-checked on every line while the visitor waits."""
    relay.triage = default_triage(config)
    anna = await Client.staff(relay.port, "anna")
    first = await Client.visitor(relay.port, lang="sv")
    await first.say("Hej")
    second = await Client.visitor(relay.port, lang="sv")
    await second.say("Hej, min mamma")
    await anna.expect("queued")
    await anna.expect("queued")
    await second.say("Hon har tagit en överdos och svarar inte, jag är ensam hemma med henne")
    updated = await anna.expect("queued", index=0)
    assert updated["entry"]["urgent"] is True


def test_a_broken_directory_file_stops_the_relay_with_file_and_line(tmp_path: Path) -> None:
    """A municipality directory with an error is refused with its file and line."""
    path = tmp_path / "dir.toml"
    path.write_text('[[service]]\nid = "x"\ncategories = ["nonsense-category"]\n',
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=str(path)):
        default_triage(RelayConfig(referral_directory=path))


async def test_staff_mark_a_waiting_chat_urgent_colleagues_see_it_and_it_is_audited(
        relay: Relay, config: RelayConfig) -> None:
    """One staff member's "urgent" lifts a waiting chat for everyone, with the marker's name."""
    relay.triage = default_triage(config)
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    first = await Client.visitor(relay.port, lang="sv")
    await first.say("Hej, när har ni öppet?")
    second = await Client.visitor(relay.port, lang="sv")
    await second.say("hej. det känns konstigt hemma idag")
    await anna.expect("queued")
    queued = await anna.expect("queued")
    conversation = queued["entry"]["conversation"]
    assert queued["entry"]["urgent"] is False and queued["index"] == 1
    await bo.expect("queued")
    await bo.expect("queued")
    await anna.send({"type": "mark", "conversation": conversation, "urgent": True})
    seen = await bo.expect("queued", index=0)
    assert seen["entry"]["urgent"] is True and seen["entry"]["marked_by"] == "Anna"
    assert [e.conversation for e in relay.queue.ordered()][0] == conversation
    entries = await relay.storage.audit_entries()
    assert any(e.action == "mark_urgent" and e.actor == "anna"
               and e.conversation == conversation for e in entries)


async def test_staff_not_urgent_stands_over_the_engine(relay: Relay, config: RelayConfig) -> None:
    """After "not urgent", later alarming lines do not lift the chat again; it stays stored."""
    relay.triage = default_triage(config)
    anna = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port, lang="sv")
    await visitor.say("Jag vill inte leva längre")
    queued = await anna.expect("queued")
    conversation = queued["entry"]["conversation"]
    assert queued["entry"]["urgent"] is True
    await anna.send({"type": "mark", "conversation": conversation, "urgent": False})
    lowered = await anna.expect("queued")
    assert lowered["entry"]["urgent"] is False and lowered["entry"]["marked_by"] == "Anna"
    await visitor.say("jag har tagit massa tabletter")
    await visitor.drain(0.3)
    assert relay.queue.get(conversation).urgent is False  # type: ignore[union-attr]
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.triage_override == "not_urgent"
    assert record.urgent is False


async def test_a_held_chat_is_marked_only_by_its_holder(relay: Relay) -> None:
    """A colleague cannot mark a chat someone else holds; the holder can, and sees it."""
    anna = await Client.staff(relay.port, "anna")
    bo = await Client.staff(relay.port, "bo")
    visitor = await Client.visitor(relay.port, lang="sv")
    await visitor.say("hej")
    conversation = (await anna.expect("queued"))["entry"]["conversation"]
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation")
    await bo.send({"type": "mark", "conversation": conversation, "urgent": True})
    assert (await bo.expect("error"))["code"] == "forbidden"
    await anna.send({"type": "mark", "conversation": conversation, "urgent": True})
    info = await anna.expect("conversation")
    assert info["urgent"] is True and info["marked_by"] == "Anna"


async def test_close_records_whether_the_triage_was_right(relay: Relay) -> None:
    """The close dialog's answer is stored as a bare value for the statistics."""
    anna = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port, lang="sv")
    await visitor.say("hej")
    conversation = (await anna.expect("queued"))["entry"]["conversation"]
    await anna.send({"type": "claim", "conversation": conversation})
    await anna.expect("conversation")
    await anna.send({"type": "close", "conversation": conversation, "role": "self",
                     "triage": "should_be_urgent"})
    await anna.expect("ended")
    record = await relay.storage.conversation(conversation)
    assert record is not None and record.triage_feedback == "should_be_urgent"


async def test_who_marked_a_chat_is_still_shown_after_a_restart(config: RelayConfig) -> None:
    """A restarted relay names the staff member who marked a waiting chat, not "?"."""
    await add_staff_async(config.database, "anna")
    async with Relay(config) as relay:
        anna = await Client.staff(relay.port, "anna")
        visitor = await Client.visitor(relay.port, lang="sv")
        await visitor.say("hej")
        conversation = (await anna.expect("queued"))["entry"]["conversation"]
        await anna.send({"type": "mark", "conversation": conversation, "urgent": True})
        await anna.expect("queued", index=0)
        await relay.storage.flush()
    async with Relay(config) as relay:
        entry = relay.queue.get(conversation)
        assert entry is not None and entry.urgent is True
        assert entry.marked_by == "Anna"


def test_the_relay_triage_reads_with_the_learnt_model_too(config: RelayConfig) -> None:
    """A wording none of the concept classes pairs is still lifted, with words as reasons."""
    triage = default_triage(config)
    text = "jag står på balkongen och tänker hur tyst det skulle bli"
    urgent, reasons = triage([text], "sv", "self")
    assert urgent and reasons[0].startswith("suicide: ")
    assert triage(["hej, när har ni öppet?"], "sv", "self") == (False, [])
