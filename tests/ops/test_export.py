"""``lotsen export`` writes one conversation for the case record, and the audit log says so."""

from __future__ import annotations

import asyncio
import stat
from pathlib import Path

from relay.storage.sqlite import SQLiteStorage
from tests.ops.conftest import Cli
from tests.support import Client, RelayThread, sqlite_file


async def _conversation(port: int) -> tuple[int, str]:
    """A visitor and anna talk; anna writes an internal note and closes with an outcome."""
    staff = await Client.staff(port, "anna")
    visitor = await Client.visitor(port, lang="sv", role="relative")
    await visitor.say("Hej, jag är orolig för min mamma.\nHon dricker varje kväll.")
    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    conversation = info["id"]
    await staff.send({"type": "message", "conversation": conversation,
                      "text": "Hej! Berätta gärna mer.", "cid": "s1"})
    await staff.expect("ack", cid="s1")
    await staff.send({"type": "note", "conversation": conversation,
                      "text": "INTERN anteckning", "cid": "n1"})
    await staff.expect("ack", cid="n1")
    await staff.send({"type": "close", "conversation": conversation, "role": "relative",
                      "tags": ["alcohol"], "referrals": ["local-anhorigstod"]})
    await staff.expect("ended", conversation=conversation)
    alias = next(f for f in visitor.seen if f["type"] == "started")["alias"]
    await visitor.close()
    await staff.close()
    return conversation, alias


async def _audit(database: Path) -> list[tuple[str, str, int | None, str | None]]:
    storage = SQLiteStorage(database)
    await storage.open()
    try:
        return [(e.actor, e.action, e.conversation, e.detail)
                for e in await storage.audit_entries()]
    finally:
        await storage.close()


def test_export_writes_transcript_and_audit_row(relay_thread: RelayThread, cli: Cli,
                                                tmp_path: Path) -> None:
    """The file holds the header and every visible line, owner-only; the audit log names it."""
    conversation, alias = asyncio.run(_conversation(relay_thread.port))
    database = relay_thread.config.database
    out = tmp_path / "case.txt"
    result = cli("export", conversation, "--out", out, "--db", database)  # relay still running
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert f"Conversation: {conversation} ({alias})" in text
    assert "Who writes:   relative" in text and "Referrals:    local-anhorigstod" in text
    assert f"] {alias}: Hej, jag är orolig för min mamma." in text
    assert "\n    Hon dricker varje kväll." in text  # continuation lines are indented
    assert "] Anna: Hej! Berätta gärna mer." in text
    assert "INTERN" not in text  # internal notes only with --notes
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = [row for row in asyncio.run(_audit(sqlite_file(database))) if row[1] == "export"]
    assert rows == [("cli", "export", conversation, "lines=2")]

    with_notes = tmp_path / "with-notes.txt"
    assert cli("export", conversation, "--notes", "-o", with_notes, "--db", database
               ).exit_code == 0
    assert "Anna (internal note): INTERN anteckning" in with_notes.read_text(encoding="utf-8")


def test_export_refuses_overwrite_unknown_and_purged(relay_thread: RelayThread, cli: Cli,
                                                      tmp_path: Path) -> None:
    """Existing files, unknown numbers and purged transcripts give one-line errors, no file."""
    conversation, _ = asyncio.run(_conversation(relay_thread.port))
    database = relay_thread.config.database
    out = tmp_path / "case.txt"
    out.write_text("keep me")
    exists = cli("export", conversation, "--out", out, "--db", database)
    assert exists.exit_code == 2 and "exists" in exists.output
    assert out.read_text() == "keep me"
    unknown = cli("export", 999, "--out", tmp_path / "x.txt", "--db", database)
    assert unknown.exit_code == 2 and "no conversation 999" in unknown.output
    assert cli("purge", "--older-than-days", "0", "--db", database).exit_code == 0
    purged = cli("export", conversation, "--out", tmp_path / "y.txt", "--db", database)
    assert purged.exit_code == 2 and "retention purge" in purged.output
    assert not (tmp_path / "x.txt").exists() and not (tmp_path / "y.txt").exists()
    assert not [row for row in asyncio.run(_audit(sqlite_file(database))) if row[1] == "export"]
