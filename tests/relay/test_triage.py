"""Triage: a waiting visitor at acute risk is lifted to the top of the queue, reasons to staff."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.config import ConfigError, RelayConfig
from relay.server import Relay
from relay.triage import default_triage
from tests.support import Client


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
