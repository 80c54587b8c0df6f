"""``lotsen stats`` and the console's statistics screen print stored text safely and in the
configured language, and never file a chat answered while open under closed hours.

Issue 10 finding 8 (a tag ``[/]`` crashed both as Rich markup) and issue 12 point 18 (English
only; demo chats on a Saturday shown under "Saturday (closed)"). A real SQLite file; the
console test runs against a real relay.
"""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from console.app import LotsenConsole
from console.screens.main import MainScreen
from console.screens.stats import StatsScreen
from lotsen.cli import _register, app
from relay.server import Relay
from relay.storage.sqlite import SQLiteStorage
from tests.console.conftest import console_for, wait_for
from tests.ops.month import _at, _store
from tests.support import add_staff_async, make_config, sqlite_file

HOSTILE_TAGS = ["[/]", "[bold red]fet[/bold red]", "\x1b]52;c;aGVq\x07rensa\x1b[2J"]
HOSTILE_REFERRAL = "[link=https://evil.example]klicka[/link]"
SATURDAY = date(2026, 3, 7)


async def _write(database: Path) -> None:
    storage = SQLiteStorage(database)
    await storage.open()
    try:
        # A demo relay (always open) answered a chat on Saturday morning.
        await _store(storage, 1, _at(SATURDAY, 10, 15), wait=20, length=300, lines=(3, 3),
                     lang="sv", role="self", tags=HOSTILE_TAGS, referrals=[HOSTILE_REFERRAL],
                     by="staff")
        await _store(storage, 2, _at(date(2026, 3, 9), 12, 5), wait=60, length=600,
                     lines=(4, 4), lang="de", role="self", tags=["alcohol"], by="staff")
    finally:
        await storage.close()


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    database = tmp_path / "lotsen.db"
    asyncio.run(_write(database))
    return database


def _stats(*args: str) -> str:
    _register()
    result = CliRunner().invoke(app, ["stats", "--month", "2026-03", *args],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def test_cli_prints_tags_literally_without_terminal_escapes(hostile_db: Path) -> None:
    """A tag "[/]" or "[bold red]…" is printed as typed, not read as markup (it crashed the
    command); escape sequences in stored text never reach the terminal, in table or CSV."""
    out = _stats("--db", str(hostile_db), "--lang", "en")
    assert "[/]" in out and "[bold red]fet[/bold red]" in out and HOSTILE_REFERRAL in out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]52;c;aGVq" in out
    rows = _stats("--db", str(hostile_db), "--format", "csv")
    assert "\x1b" not in rows and "\x07" not in rows
    keys = {r["key"] for r in csv.DictReader(io.StringIO(rows)) if r["section"] == "tags"}
    assert "[/]" in keys


def test_cli_speaks_the_configured_language(hostile_db: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Swedish by default, Norwegian when the relay is configured so, English on request."""
    swedish = _stats("--db", str(hostile_db))
    for words in ("Påbörjade samtal", "Per veckodag", "Vem skriver", "Språk", "Ämnen",
                  "Återkoppling efter samtalet", "Per vecka", "Lördag", "själv"):
        assert words in swedish, words
    assert "Conversations started" not in swedish and "Who writes" not in swedish
    config = tmp_path / "lotsen.toml"
    config.write_text('[chat]\ndefault_language = "nb"\n')
    norwegian = _stats("--db", str(hostile_db), "--config", str(config))
    assert "Påbegynte samtaler" in norwegian and "Per ukedag" in norwegian
    english = _stats("--db", str(hostile_db), "--config", str(config), "--lang", "en")
    assert "Conversations started" in english and "Per weekday" in english
    assert "de" in english  # a language without a name is shown as stored


def test_a_chat_answered_on_a_closed_day_is_not_filed_under_closed_hours(
        hostile_db: Path) -> None:
    """The schedule is weekdays 12-14, but the relay was open on Saturday (a chat was
    answered): Saturday is not marked closed and 10-11 counts as open; Sunday, with nothing,
    still is closed."""
    out = _stats("--db", str(hostile_db), "--lang", "en")
    lines = out.splitlines()
    saturday = next(line for line in lines if line.strip().startswith("Saturday"))
    assert "(closed)" not in saturday
    sunday = next(line for line in lines if line.strip().startswith("Sunday"))
    assert "(closed)" in sunday
    assert any(line.strip().startswith("10–11 open") for line in lines), out


async def test_console_statistics_screen_shows_stored_text_literally(tmp_path: Path) -> None:
    """The supervisor's statistics screen, fed by a real relay, shows the tags "[/]" and
    "[bold red]…" as text (they crashed the screen) and no escape sequences."""
    config = make_config(tmp_path)
    await _write(sqlite_file(config.database))
    await add_staff_async(config.database, "sara", supervisor=True)
    async with Relay(config) as relay:
        console: LotsenConsole = console_for(relay, user="sara", lang="sv")
        async with console.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(console.screen, MainScreen), what="login")
            screen = StatsScreen(console.session.send, month=(2026, 3),
                                 today=date(2026, 4, 15))
            await console.push_screen(screen)
            await wait_for(pilot, lambda: screen.figures is not None, what="figures")
            await pilot.pause(0.2)
            text = screen.text()
            assert "[/]" in text and "[bold red]fet[/bold red]" in text
            assert HOSTILE_REFERRAL in text and "\x1b" not in text


def test_every_stats_word_exists_in_all_three_languages() -> None:
    """No word of ``lotsen stats`` lacks a Swedish, English or Norwegian version, and the three
    use the same placeholders."""
    import string

    from lotsen.cli.stats_text import TEXT

    for key, texts in TEXT.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key
        names = [{field for _, field, _, _ in string.Formatter().parse(text) if field}
                 for text in texts]
        assert names[0] == names[1] == names[2], f"{key}: placeholders differ"
