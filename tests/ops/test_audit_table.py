"""``lotsen audit`` as a table: its times stay whole in an 80-column terminal."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from relay.storage.sqlite import SQLiteStorage
from tests.ops.conftest import Cli
from tests.support import add_staff


def test_audit_times_are_whole_at_80_columns(tmp_path: Path, cli: Cli,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns every time in the table reads whole ("2026-12-05 14:03:12"), never cut
    to "2026-12-05T1…"; long details wrap instead."""
    monkeypatch.setenv("COLUMNS", "80")
    database = tmp_path / "lotsen.db"
    add_staff(database, "anna")

    async def act() -> None:
        storage = SQLiteStorage(database)
        await storage.open()
        try:
            await storage.audit("anna", "export", 12, "to=/srv/lotsen/" + "q" * 60)
        finally:
            await storage.close()

    asyncio.run(act())
    table = cli("audit", "--db", database)
    assert table.exit_code == 0, table.output
    assert "…" not in table.output, table.output
    times = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", table.output)
    assert len(times) == 1, table.output
    assert table.output.count("q") == 60  # the long detail folded over lines, all of it
    assert max(len(line) for line in table.output.splitlines()) <= 80
