"""What the relay knows of the widget's self-tests: the services a result names, from the
referral directory, and whether completed tests are counted.

Each instrument file (``widget/selftests/*.json``) lists directory ids under ``services``; the
relay serves the matching entries of its own directory (the shipped one, or the
municipality's file that overrides it) at ``/widget-selftest.json``. Example entries
(``verification = "example"``) and services of another country are left out, so a
municipality's own unit appears once its file replaces the example.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from referrals import DirectoryError, load_directory
from relay.protocol import LANGUAGES
from widget.selftest import SelftestError, instruments


def services(directory_path: Path | None) -> dict[str, list[dict[str, Any]]]:
    """{instrument id: [{name: {lang: text}, phone, url}]} in the instrument file's order."""
    directory = load_directory(directory_path)
    found: dict[str, list[dict[str, Any]]] = {}
    for test_id, data in instruments().items():
        entries = found.setdefault(test_id, [])
        for service_id in data.get("services", []):
            service = directory.get(service_id)
            if service is None or service.is_example or service.country != directory.country:
                continue
            entries.append({"name": {lang: service.name(lang) for lang in LANGUAGES},
                            "phone": service.phone, "url": service.url})
    return found


def services_json(directory_path: Path | None, count: bool = False) -> bytes:
    """The body of ``/widget-selftest.json``: ``{"count": bool, "services": services(...)}``.
    ``count`` tells the widget to report completed tests; services are ``{}`` if a file cannot
    be read (the relay's start-up check reports a broken directory; the tests still work)."""
    try:
        found = services(directory_path)
    except (DirectoryError, SelftestError):
        found = {}
    body = {"count": count, "services": found}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@cache
def instrument_ids() -> frozenset[str]:
    """The ids of the shipped instruments (a completed-test count names one of these)."""
    try:
        return frozenset(instruments())
    except SelftestError:
        return frozenset()
