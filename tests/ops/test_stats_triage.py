"""`lotsen stats` counts staff's answers to "was the triage right?" (issue 11): counts only."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from lotsen.cli import _register, app
from relay.storage import ConversationRecord
from relay.storage.sqlite import SQLiteStorage
from tests.ops.month import TZ

ANSWERS = ["right", "right", "should_be_urgent", "should_not_be_urgent", None]


async def _write(database: Path) -> None:
    storage = SQLiteStorage(database)
    await storage.open()
    try:
        start = datetime(2026, 3, 10, 12, tzinfo=TZ).timestamp()
        for number, answer in enumerate(ANSWERS, start=1):
            created = start + number * 60
            await storage.create_conversation(ConversationRecord(
                id=number, token_hash=f"hash-{number}", alias=f"Besökare {number}", lang="sv",
                role="self", state="queued", created_at=created))
            changes: dict[str, object] = {"state": "closed", "closed_by": "staff",
                                          "claimed_at": created + 30, "closed_at": created + 600}
            if answer is not None:
                changes["triage_feedback"] = answer
            await storage.update_conversation(number, **changes)
    finally:
        await storage.close()


def test_stats_report_the_triage_answers(tmp_path: Path) -> None:
    """JSON and the table show right / should / should not / none, counted per closed chat."""
    database = tmp_path / "triage.db"
    asyncio.run(_write(database))
    _register()
    runner = CliRunner()
    result = runner.invoke(app, ["stats", "--month", "2026-03", "--format", "json",
                                 "--db", str(database)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["triage"] == {
        "right": 2, "should_be_urgent": 1, "should_not_be_urgent": 1, "none": 1}
    table = runner.invoke(app, ["stats", "--month", "2026-03", "--lang", "en",
                                "--db", str(database)])
    assert table.exit_code == 0, table.output
    assert "Was the triage right?" in table.output
    assert "should have been urgent" in table.output
