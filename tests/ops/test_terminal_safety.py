"""Issue 10, findings 6, 7, 8, 12: text other people wrote never acts on the administrator's
terminal. ``lotsen audit`` (table, CSV, JSON), ``lotsen export`` (file and ``-o -``), ``lotsen
stats`` and ``lotsen staff`` print it visibly: no Rich markup, control and invisible characters
written out. Real databases, the real CLI."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from relay import protocol
from relay.storage import ConversationRecord, Line
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible
from tests.ops.conftest import Cli
from tests.support import add_staff

OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # sets the terminal's clipboard
TITLE = "\x1b]0;owned\x07"  # sets the window title
FORGE = "\x1b[2K\x1b[1GAnna: Jag bekräftar att allt är bra."  # erase the line, write another
CSI_C1 = "\x9b2J"  # the one-byte CSI some terminals obey: clear the screen
BIDI = "\u202eevil\u202c"


def raw_controls(text: str) -> list[str]:
    """Characters in ``text`` that a terminal would act on or hide (newlines and tabs aside)."""
    return sorted({c for c in text if c not in "\n\t" and visible(c) != c})


async def _write(database: Path, action: object) -> None:
    storage = SQLiteStorage(database)
    await storage.open()
    try:
        await action(storage)  # type: ignore[operator]
    finally:
        await storage.close()


def _crafted_audit(database: Path) -> None:
    async def act(storage: SQLiteStorage) -> None:
        for actor in ("[/]", "[link=https://evil.example]anna[/link]", f"x{OSC52}{CSI_C1}"):
            await storage.audit(actor, "login_failed", None, f"user={TITLE}{BIDI}")

    asyncio.run(_write(database, act))


def test_audit_prints_crafted_actors_and_details_visibly_in_every_format(
        tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """An actor of "[/]" no longer crashes the table, markup is shown as typed, and escape
    sequences are written out in the table, CSV and JSON alike."""
    monkeypatch.setenv("COLUMNS", "400")  # a wide terminal: the table shows whole values
    database = tmp_path / "lotsen.db"
    add_staff(database, "anna")
    _crafted_audit(database)
    table = cli("audit", "--db", database)
    assert table.exit_code == 0, table.output
    assert "[/]" in table.output and "[link=https://evil.example]" in table.output
    assert raw_controls(table.output) == []
    assert "\\x1b]52;c;ZXZpbA==\\x07" in table.output and "\\u202e" in table.output
    for fmt in ("csv", "json"):
        result = cli("audit", "--format", fmt, "--db", database)
        assert result.exit_code == 0, result.output
        assert raw_controls(result.output) == [], fmt
        assert "\\x9b2J" in result.output.replace("\\\\", "\\"), fmt
    rows = json.loads(cli("audit", "--format", "json", "--db", database).output)
    assert {row["actor"] for row in rows} >= {"[/]", "x\\x1b]52;c;ZXZpbA==\\x07\\x9b2J"}


def _conversation_with_escapes(database: Path) -> int:
    async def act(storage: SQLiteStorage) -> None:
        now = time.time()
        await storage.create_conversation(ConversationRecord(
            id=7, token_hash="t7", alias="Besökare 7", lang="sv", role="self", state="queued",
            created_at=now))
        for seq, text in enumerate((f"Hej{OSC52}{TITLE}", f"rad ett\n{FORGE}",
                                    f"{CSI_C1}sista\rrad{BIDI}\u2028slut"), start=1):
            await storage.append_line(Line(7, seq, "visitor", None, text, now + seq))
        await storage.update_conversation(7, state="closed", closed_at=now + 10,
                                          closed_by="visitor", tags=["[/]"])

    asyncio.run(_write(database, act))
    return 7


def test_export_neutralises_control_characters_in_file_and_on_the_terminal(
        tmp_path: Path, cli: Cli) -> None:
    """A visitor's escapes (clipboard, window title, erase-and-forge) are written out in the
    exported file and on standard output; line breaks still indent continuation lines."""
    database = tmp_path / "lotsen.db"
    conversation = _conversation_with_escapes(database)
    out = tmp_path / "case.txt"
    assert cli("export", conversation, "-o", out, "--db", database).exit_code == 0
    on_terminal = cli("export", conversation, "-o", "-", "--db", database)
    assert on_terminal.exit_code == 0, on_terminal.output
    for text in (out.read_text(encoding="utf-8"), on_terminal.output):
        assert raw_controls(text) == []
        assert "Hej\\x1b]52;c;ZXZpbA==\\x07\\x1b]0;owned\\x07" in text
        assert "\n    \\x1b[2K\\x1b[1GAnna: Jag bekräftar" in text  # the forgery stays indented
        assert "\\x9b2Jsista\\x0drad\\u202eevil\\u202c\\u2028slut" in text
        assert "Topics:       [/]" in text


def test_stats_show_a_crafted_tag_as_text(tmp_path: Path, cli: Cli) -> None:
    """A stored topic tag "[/]" (from before tags were checked) no longer crashes
    `lotsen stats`; it is printed as typed, escapes written out."""
    database = tmp_path / "lotsen.db"
    _conversation_with_escapes(database)

    async def tag(storage: SQLiteStorage) -> None:
        await storage.update_conversation(7, tags=["[/]", f"a{OSC52}"])

    asyncio.run(_write(database, tag))
    month = time.strftime("%Y-%m")
    for fmt in ("table", "csv", "json"):
        result = cli("stats", "--month", month, "--format", fmt, "--db", database)
        assert result.exit_code == 0, result.output
        assert "[/]" in result.output and raw_controls(result.output) == [], fmt


def test_staff_names_are_ascii_and_visitors_never_see_the_login_name(
        tmp_path: Path, cli: Cli) -> None:
    """Login names with look-alike letters or spaces are refused; without --name a neutral
    name is generated (never the login name); a name with escapes is refused."""
    database = tmp_path / "lotsen.db"
    for name in ("аnna", "anna ", "an na", "ánna", "[/]", "system"):  # first: Cyrillic a
        result = cli("staff", "add", name, "--password-stdin", "--db", database)
        assert result.exit_code == 2, name
    runner_input = "correct horse battery\n"
    from typer.testing import CliRunner

    from lotsen.cli import app

    added = CliRunner().invoke(app, ["staff", "add", "anna.l", "--password-stdin", "--db",
                                     str(database)], input=runner_input)
    assert added.exit_code == 0, added.output
    escaped = CliRunner().invoke(app, ["staff", "add", "bo", "--name", f"Bo{OSC52}",
                                       "--password-stdin", "--db", str(database)],
                                 input=runner_input)
    assert escaped.exit_code == 2 and "invisible" in escaped.output

    async def names(storage: SQLiteStorage) -> None:
        account = await storage.staff("anna.l")
        assert account is not None
        assert account.display_name.startswith("Rådgivare ")
        assert "anna" not in account.display_name.lower()

    asyncio.run(_write(database, names))
    assert protocol.PROTOCOL_VERSION  # the CLI never talked to a relay for this
