"""``/metrics`` parses as Prometheus text, tracks the relay's state and carries no personal data."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from relay.config import RelayConfig
from relay.server import Relay
from relay.storage.sqlite import SQLiteStorage
from tests.ops.http import http_get
from tests.support import Client, add_staff_async


class Clock:
    """A wall clock the test moves by hand (the relay takes ``clock=`` for this)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def timed_relay(config: RelayConfig) -> AsyncIterator[tuple[Relay, Clock]]:
    await add_staff_async(config.database, "anna", name="Anna Andersson")
    clock = Clock(1_772_000_000.0)
    async with Relay(config, clock=clock) as running:
        yield running, clock


def samples(body: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample by (name, sorted labels), parsed by prometheus_client's own parser."""
    out = {}
    for family in text_string_to_metric_families(body.decode()):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


async def _metrics(port: int) -> tuple[dict[tuple[str, tuple[tuple[str, str], ...]], float],
                                       bytes]:
    status, headers, body = await http_get(port, "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain; version=")
    return samples(body), body


async def test_metrics_follow_connections_queue_messages_and_errors(
        timed_relay: tuple[Relay, Clock]) -> None:
    """Connections, queue length, oldest wait, lines, errors and commit latency are exported."""
    relay, clock = timed_relay
    staff = await Client.staff(relay.port, "anna")
    visitor = await Client.visitor(relay.port, lang="sv")
    await visitor.say("Hej, jag heter Kim och mitt nummer är 0701234567")
    await visitor.send({"type": "no-such-frame"})
    await visitor.expect("error", code="unknown_type")
    clock.now += 95
    m, body = await _metrics(relay.port)
    assert m[("lotsen_connections", (("kind", "visitor"),))] == 1
    assert m[("lotsen_connections", (("kind", "staff"),))] == 1
    assert m[("lotsen_staff_online", ())] == 1 and m[("lotsen_chat_open", ())] == 1
    assert m[("lotsen_queue_length", ())] == 1
    assert m[("lotsen_queue_oldest_wait_seconds", ())] == 95
    assert m[("lotsen_conversations_live", (("state", "queued"),))] == 1
    assert m[("lotsen_messages_total", (("kind", "visitor"),))] == 1
    assert m[("lotsen_errors_total", (("code", "unknown_type"),))] == 1
    assert m[("lotsen_conversations_started_total", ())] == 1
    assert m[("lotsen_logins_total", ())] == 1
    assert m[("lotsen_storage_up", ())] == 1
    assert m[("lotsen_storage_commit_seconds_count", ())] >= 2
    assert m[("lotsen_storage_commit_seconds_bucket", (("le", "+Inf"),))] == \
        m[("lotsen_storage_commit_seconds_count", ())]
    assert ("process_resident_memory_bytes", ()) in m

    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    await staff.send({"type": "message", "conversation": info["id"], "text": "Hej Kim",
                      "cid": "s1"})
    await staff.expect("ack", cid="s1")
    await staff.send({"type": "close", "conversation": info["id"]})
    await staff.expect("ended")
    m, body = await _metrics(relay.port)
    assert m[("lotsen_queue_length", ())] == 0 and m[("lotsen_queue_oldest_wait_seconds", ())] == 0
    assert m[("lotsen_messages_total", (("kind", "staff"),))] == 1
    assert m[("lotsen_conversations_closed_total", (("by", "staff"),))] == 1
    assert m[("lotsen_claims_total", ())] == 1
    alias = next(f for f in visitor.seen if f["type"] == "started")["alias"]
    token = next(f for f in visitor.seen if f["type"] == "started")["token"]
    for personal in ("anna", "Anna", "Kim", "0701234567", alias, token, "127.0.0.1"):
        assert personal.encode() not in body, personal
    await visitor.close()
    await staff.close()


async def test_metrics_report_a_failing_database(timed_relay: tuple[Relay, Clock]) -> None:
    """When the database stops answering, lotsen_storage_up is 0 and /healthz says 503."""
    relay, _ = timed_relay
    assert isinstance(relay.storage, SQLiteStorage)
    await relay.storage.db.close()  # the connection is gone, as after a crashed disk
    m, _ = await _metrics(relay.port)
    assert m[("lotsen_storage_up", ())] == 0
    status, _, _ = await http_get(relay.port, "/healthz")
    assert status == 503
