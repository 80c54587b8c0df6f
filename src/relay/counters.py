"""The relay's event counters: one object every part counts into, read by ``/metrics``.

Counting is a dict increment on the hot path; nothing is exported until Prometheus scrapes
(relay/metrics.py reads ``snapshot()``). Names are code constants (``claims``,
``error_<code>``, ``messages_<kind>``): never a username, alias, token, address or text.
"""

from __future__ import annotations


class Counters(dict[str, int]):
    """Event name -> how often it happened since the relay started."""

    __slots__ = ()

    def count(self, name: str, by: int = 1) -> None:
        self[name] = self.get(name, 0) + by

    def snapshot(self) -> dict[str, int]:
        """A copy to read from while counting goes on."""
        return dict(self)
