"""``/metrics`` in Prometheus text format, read from the relay's state at scrape time.

A custom collector reads what the relay already keeps (connections, the queue, live
conversations, the ``Counters``, the storage's commit figures), so the hot path
gains no metric calls at all. Labels only ever carry values from small fixed sets defined in
code (connection kind, line kind, error code, who ended a conversation, counter name): never a
username, alias, token, address or text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
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
    """Builds every Lotsen metric from the relay's live state when Prometheus scrapes.

    A relay serving several organisations has one hub each: the relay-wide metrics are their
    sums, and a few ``lotsen_organisation_*`` gauges split the queue, the live conversations,
    the staff online and the conversations started by organisation (``org`` label: ids from
    the relay's own config, a small fixed set).
    """

    def __init__(self, hubs: Mapping[str, Hub], *, storage_up: bool) -> None:
        self.hubs = hubs
        self.storage_up = storage_up

    def collect(self) -> Iterator[Metric]:
        hubs = list(self.hubs.values())
        info = InfoMetricFamily("lotsen", "Lotsen relay version and protocol version.")
        info.add_metric([], {"version": relay.__version__,
                             "protocol": str(protocol.PROTOCOL_VERSION)})
        yield info

        connections = GaugeMetricFamily("lotsen_connections", "Open websocket connections.",
                                        labels=["kind"])
        connections.add_metric(["visitor"], sum(len(r.visitors) for r in hubs))
        # Covering staff are guests in the covered organisation's hub too (relay/cover_relay.py):
        # the relay-wide figures count them once, in their own organisation.
        connections.add_metric(["staff"], sum(1 for r in hubs for conns in r.staff.values()
                                              for conn in conns if not conn.guest))
        yield connections
        yield GaugeMetricFamily("lotsen_staff_online", "Staff members logged in now.",
                                value=sum(1 for r in hubs for conns in r.staff.values()
                                          if any(not conn.guest for conn in conns)))
        yield GaugeMetricFamily("lotsen_chat_open",
                                "1 when a visitor can start a chat now (hours and staff).",
                                value=1 if any(r.status().open for r in hubs) else 0)

        waiting = [entry for r in hubs for entry in r.queue.ordered()]
        yield GaugeMetricFamily("lotsen_queue_length", "Visitors waiting for an answer.",
                                value=len(waiting))
        oldest = min((entry.since for entry in waiting), default=None)
        now = hubs[0].clock() if hubs else 0.0
        yield GaugeMetricFamily(
            "lotsen_queue_oldest_wait_seconds",
            "How long the longest-waiting visitor has waited (0 when nobody waits).",
            value=0.0 if oldest is None else max(0.0, now - oldest))
        live = GaugeMetricFamily("lotsen_conversations_live",
                                 "Conversations not yet closed, by state.", labels=["state"])
        states = {"queued": 0, "active": 0}
        for r in hubs:
            for state, count in _live_states(r).items():
                states[state] += count
        for state, count in states.items():
            live.add_metric([state], count)
        yield live

        if len(self.hubs) > 1:
            yield from self._organisations()
        yield from self._counters()
        yield from self._storage()

    def _organisations(self) -> Iterator[Metric]:
        queue = GaugeMetricFamily("lotsen_organisation_queue_length",
                                  "Visitors waiting for an answer, by organisation.",
                                  labels=["org"])
        staff = GaugeMetricFamily("lotsen_organisation_staff_online",
                                  "Staff members logged in now, by organisation.",
                                  labels=["org"])
        live = GaugeMetricFamily("lotsen_organisation_conversations_live",
                                 "Conversations not yet closed, by organisation and state.",
                                 labels=["org", "state"])
        started = CounterMetricFamily("lotsen_organisation_conversations_started",
                                      "Conversations started, by organisation.",
                                      labels=["org"])
        for org, r in self.hubs.items():
            label = org  # checked by organisations.org_id_problem: [a-z0-9-], short
            queue.add_metric([label], len(r.queue.ordered()))
            staff.add_metric([label], r.staff_online())
            for state, count in _live_states(r).items():
                live.add_metric([label, state], count)
            started.add_metric([label], r.counters.snapshot().get("conversations_started", 0))
        yield queue
        yield staff
        yield live
        yield started

    def _counters(self) -> Iterator[Metric]:
        counters: dict[str, int] = {}
        for r in self.hubs.values():
            for name, value in r.counters.snapshot().items():
                counters[name] = counters.get(name, 0) + value
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
        # Organisations share one database and its group commit: the figures are the same
        # from every hub.
        hub = next(iter(self.hubs.values()), None)
        figures = hub.storage.commit_figures() if hub is not None else None
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


def _live_states(hub: Hub) -> dict[str, int]:
    states = {"queued": 0, "active": 0}
    for conversation in hub.live.values():
        if conversation.record.state in states:
            states[conversation.record.state] += 1
    return states


def exposition(hubs: Mapping[str, Hub], *, storage_up: bool) -> tuple[bytes, str]:
    """The body and content type of one ``/metrics`` answer over the relay's hubs, by
    organisation id (one for a relay without ``[[organisation]]`` tables)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(RelayCollector(hubs, storage_up=storage_up))
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    return generate_latest(registry), CONTENT_TYPE_LATEST
