"""``/metrics`` in Prometheus text format, read from the relay's state at scrape time.

A custom collector reads what the relay already keeps (connections, the queue, live
conversations, the ``Counters``, the storage's commit figures), so the hot path
gains no metric calls at all. Labels only ever carry values from small fixed sets defined in
code (connection kind, line kind, error code, who ended a conversation, counter name): never a
username, alias, token, address or text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    InfoMetricFamily,
    Metric,
)
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

import relay
from relay import protocol

if TYPE_CHECKING:
    from relay.hub import Hub

# Counters with a metric of their own; every other counter is lotsen_events_total{event=...}.
NAMED_COUNTERS = {
    "conversations_started": "Conversations started (a visitor's first message).",
    "conversations_urgent": "Waiting conversations raised to urgent by triage.",
    "claims": "Conversations claimed by staff.",
    "transfers": "Conversations handed to a colleague.",
    "logins": "Successful staff logins.",
    "logins_failed": "Failed staff logins.",
    "closed_visits": "Widget openings while the chat was closed.",
}
_LABEL_SAFE = re.compile(r"[^a-z0-9_]")


def _label(value: str) -> str:
    """Counter-name suffixes are code constants; this keeps a label tame if one ever is not."""
    return _LABEL_SAFE.sub("_", value.lower())[:48]


class RelayCollector:
    """Builds every Lotsen metric from one relay's live state when Prometheus scrapes."""

    def __init__(self, hub: Hub, *, storage_up: bool) -> None:
        self.hub = hub
        self.storage_up = storage_up

    def collect(self) -> Iterator[Metric]:
        r = self.hub
        info = InfoMetricFamily("lotsen", "Lotsen relay version and protocol version.")
        info.add_metric([], {"version": relay.__version__,
                             "protocol": str(protocol.PROTOCOL_VERSION)})
        yield info

        connections = GaugeMetricFamily("lotsen_connections", "Open websocket connections.",
                                        labels=["kind"])
        connections.add_metric(["visitor"], len(r.visitors))
        connections.add_metric(["staff"], sum(len(conns) for conns in r.staff.values()))
        yield connections
        yield GaugeMetricFamily("lotsen_staff_online", "Staff members logged in now.",
                                value=r.staff_online())
        yield GaugeMetricFamily("lotsen_chat_open",
                                "1 when a visitor can start a chat now (hours and staff).",
                                value=1 if r.status().open else 0)

        waiting = r.queue.ordered()
        yield GaugeMetricFamily("lotsen_queue_length", "Visitors waiting for an answer.",
                                value=len(waiting))
        oldest = min((entry.since for entry in waiting), default=None)
        yield GaugeMetricFamily(
            "lotsen_queue_oldest_wait_seconds",
            "How long the longest-waiting visitor has waited (0 when nobody waits).",
            value=0.0 if oldest is None else max(0.0, r.clock() - oldest))
        live = GaugeMetricFamily("lotsen_conversations_live",
                                 "Conversations not yet closed, by state.", labels=["state"])
        states = {"queued": 0, "active": 0}
        for conversation in r.live.values():
            if conversation.record.state in states:
                states[conversation.record.state] += 1
        for state, count in states.items():
            live.add_metric([state], count)
        yield live

        yield from self._counters()
        yield from self._storage()

    def _counters(self) -> Iterator[Metric]:
        counters = self.hub.counters.snapshot()
        messages = CounterMetricFamily("lotsen_messages", "Transcript lines stored, by kind.",
                                       labels=["kind"])
        for kind in protocol.KINDS:
            messages.add_metric([kind], counters.pop(f"messages_{kind}", 0))
        errors = CounterMetricFamily("lotsen_errors",
                                     "Frames refused and connections turned away, by error code.",
                                     labels=["code"])
        closed = CounterMetricFamily("lotsen_conversations_closed",
                                     "Conversations closed, by who ended them.", labels=["by"])
        for by in ("visitor", "staff", "system"):
            closed.add_metric([by], counters.pop(f"conversations_closed_{by}", 0))
        named = {name: counters.pop(name, 0) for name in NAMED_COUNTERS}
        events = CounterMetricFamily("lotsen_events", "Other relay events, by name.",
                                     labels=["event"])
        for name, value in sorted(counters.items()):
            if name.startswith("error_"):
                errors.add_metric([_label(name[len("error_"):])], value)
            elif name.startswith("conversations_closed_"):
                closed.add_metric([_label(name[len("conversations_closed_"):])], value)
            else:
                events.add_metric([_label(name)], value)
        yield messages
        yield errors
        yield closed
        for name, doc in NAMED_COUNTERS.items():
            yield CounterMetricFamily(f"lotsen_{name}", doc, value=named[name])
        yield events

    def _storage(self) -> Iterator[Metric]:
        yield GaugeMetricFamily("lotsen_storage_up",
                                "1 when the database answered the health query of this scrape.",
                                value=1 if self.storage_up else 0)
        figures = self.hub.storage.commit_figures()
        if figures is None:  # a storage that does not measure its commits, or not open
            return
        yield CounterMetricFamily("lotsen_storage_commit_failures",
                                  "Group commits the database refused.",
                                  value=figures.failed_commits)
        yield CounterMetricFamily("lotsen_storage_refused_writes",
                                  "Single writes the database refused; the rest of their group "
                                  "commit was stored.", value=figures.refused_writes)
        buckets, running = [], 0
        for bound, count in figures.buckets:
            running += count
            buckets.append(("+Inf" if bound == float("inf") else repr(bound), running))
        yield HistogramMetricFamily(
            "lotsen_storage_commit_seconds",
            "Time from starting a group commit to its durable COMMIT.",
            buckets=buckets, sum_value=figures.seconds_total)


def exposition(hub: Hub, *, storage_up: bool) -> tuple[bytes, str]:
    """The body and content type of one ``/metrics`` answer."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(RelayCollector(hub, storage_up=storage_up))
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    return generate_latest(registry), CONTENT_TYPE_LATEST
