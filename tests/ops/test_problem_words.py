"""Problems found deep inside Lotsen (config, database, referral directory) reach a person in
the CLI's language, from one catalog (vocabulary.phrases), and stay English in str() for logs."""

from __future__ import annotations

import ast
import os
import re
import sqlite3
import string
import subprocess
import sys
from pathlib import Path

import pytest

from lotsen.cli.words import TEXT
from referrals import DirectoryError, load_directory
from relay.config import ConfigError, load_config
from relay.storage.sqlite import migrations
from vocabulary.phrases import PHRASES, Phrase, phrase

SRC = Path(__file__).resolve().parents[2] / "src"
# The modules whose errors a person reads through the CLI or the console.
SOURCES = sorted([
    SRC / "relay" / "config.py", SRC / "relay" / "hours.py", SRC / "relay" / "auth.py",
    SRC / "relay" / "organisations.py", SRC / "relay" / "triage.py",
    SRC / "relay" / "network_rooms.py",
    *(SRC / "relay" / "storage").glob("*.py"), SRC / "referrals" / "directory.py",
    SRC / "referrals" / "engine.py", SRC / "referrals" / "evaluation.py",
    SRC / "figures" / "stats.py", SRC / "console" / "settings.py",
])
# Calls that carry a phrase, and which positional argument holds its key: the first of an
# error or phrase(), the third of DirectoryProblem(file, line, message), the last of the
# readers' fail(table, key, problem), bad(name, wanted) and problem(field, message).
FIRST = {"ConfigError", "StorageError", "ConsoleConfigError", "DirectoryError", "IntervalError",
         "PeriodError", "ConversationError", "PhrasedError", "phrase"}
LAST = {"fail", "bad", "problem"}
WORD = re.compile(r"[A-Za-z]{3}")


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_phrase_exists_in_all_three_languages_with_the_same_placeholders() -> None:
    """No phrase lacks a Swedish, English or Norwegian text, and the three fill in the same
    arguments (a missing one would raise KeyError when the error is shown)."""
    assert len(PHRASES) > 100
    for key, texts in PHRASES.items():
        assert len(texts) == 3 and all(text.strip() for text in texts), key
        sv, en, nb = (_placeholders(text) for text in texts)
        assert sv == en == nb, f"{key}: placeholders differ: {sv} / {en} / {nb}"


def _message(node: ast.Call, name: str) -> ast.expr | None:
    if name == "DirectoryProblem":
        return node.args[2] if len(node.args) > 2 else None
    if name in FIRST:
        return node.args[0] if node.args else None
    return node.args[-1] if node.args else None


def _computed_key(node: ast.expr | None) -> bool:
    """f"config.kind.{name}": a key chosen at run time from a family the catalog has."""
    if not isinstance(node, ast.JoinedStr) or not node.values:
        return False
    head = node.values[0]
    return isinstance(head, ast.Constant) and str(head.value).endswith(".") and any(
        key.startswith(str(head.value)) for key in PHRASES)


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_errors_a_person_reads_are_catalog_keys(source: Path) -> None:
    """Each error these modules raise for a person names a phrase that exists; none is written
    out in English (a literal, an f-string or another error's str())."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    written_out: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name not in FIRST | LAST | {"DirectoryProblem"}:
            continue
        message = _message(node, name)
        if isinstance(message, ast.Constant) and isinstance(message.value, str):
            assert message.value in PHRASES, f"{source.name}:{node.lineno}: no phrase " \
                                             f"{message.value!r}"
        elif _computed_key(message):
            continue
        elif isinstance(message, ast.JoinedStr | ast.BinOp) or (
                isinstance(message, ast.Call) and getattr(message.func, "id", "") == "str"):
            written_out.append(f"{source.name}:{node.lineno}: {ast.unparse(message)}")
        # Arguments are names and values, never sentences; ``detail`` is the driver's own text.
        for keyword in node.keywords:
            value = keyword.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and \
                    WORD.search(value.value) and " " in value.value and keyword.arg != "detail":
                written_out.append(f"{source.name}:{node.lineno}: {keyword.arg}=...")
    assert written_out == []


def test_the_check_sees_a_text_written_out(tmp_path: Path) -> None:
    """The check above fails on an English literal and on an f-string (it can fail)."""
    probe = tmp_path / "probe.py"
    probe.write_text('def f(r, x):\n    raise r.fail("server", "port", f"bad {x}")\n',
                     encoding="utf-8")
    with pytest.raises(AssertionError):
        test_errors_a_person_reads_are_catalog_keys(probe)
    probe.write_text('def f():\n    raise ConfigError("must be at least 1")\n',
                     encoding="utf-8")
    with pytest.raises(AssertionError, match="no phrase"):
        test_errors_a_person_reads_are_catalog_keys(probe)


def test_str_of_an_error_stays_english_for_log_lines(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever language a person reads, str() of an error (what a log line records) is
    English, and the error says it in each language on request."""
    monkeypatch.setenv("LOTSEN_LANG", "nb")
    config = tmp_path / "lotsen.toml"
    config.write_text("[chat]\nretention_days = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value) == f"{config}:2: chat.retention_days: must be at least 1"
    assert caught.value.text("sv") == f"{config}:2: chat.retention_days: måste vara minst 1"
    assert caught.value.text("nb") == f"{config}:2: chat.retention_days: må være minst 1"


def test_a_phrase_inside_a_phrase_is_said_in_the_same_language() -> None:
    """A config error wraps the problem it found: both parts come out in one language, and a
    tuple of phrases (a directory's problems) one per line."""
    inner = phrase("config.one_of", choices=phrase("config.choices.language"))
    outer = phrase("config.at", where="x.toml:3", name="chat.default_language", problem=inner)
    assert outer.text("sv") == 'x.toml:3: chat.default_language: måste vara "sv", "en" eller "nb"'
    lines = Phrase("directory.lines", {"lines": (phrase("directory.missing"),
                                                 phrase("directory.text"))})
    assert lines.text("nb") == "mangler\nmå være tekst"


def _lotsen(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    """``python -m lotsen ARGS`` with LOTSEN_LANG=lang and no locale."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("LOTSEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "lotsen", *args], capture_output=True,
                          text=True, timeout=60, env={**clean, "COLUMNS": "200",
                                                      "LOTSEN_LANG": lang}, check=False)


def _error(index: int, said: str) -> str:
    return TEXT["error"][index].format(message=said)


@pytest.mark.parametrize(("lang", "index"), [("sv", 0), ("nb", 2)])
def test_a_config_error_speaks_the_chosen_language(tmp_path: Path, lang: str,
                                                   index: int) -> None:
    """``lotsen config check`` on a broken file says what is wrong in Swedish or Norwegian,
    still naming the file, the line and the key."""
    config = tmp_path / "lotsen.toml"
    config.write_text("[server]\nhost = \"127.0.0.1\"\nport = 70000\n", encoding="utf-8")
    done = _lotsen("config", "check", str(config), lang=lang)
    assert done.returncode == 2
    problem = ("måste vara mellan 0 och 65535", "", "må være mellom 0 og 65535")[index]
    assert done.stderr.strip() == _error(index, f"{config}:3: server.port: {problem}")


@pytest.mark.parametrize(("lang", "index"), [("sv", 0), ("nb", 2)])
def test_a_storage_error_speaks_the_chosen_language(tmp_path: Path, lang: str,
                                                    index: int) -> None:
    """A database written by a newer Lotsen is refused in Swedish or Norwegian, with what to
    do, when a command opens it."""
    database = tmp_path / "future.db"
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA user_version = 99")
    database.chmod(0o600)  # else the relay first notes (in its log) that it made it private
    done = _lotsen("staff", "list", "--db", str(database), lang=lang)
    assert done.returncode == 2
    reason = phrase("storage.newer_schema", version=99,
                    latest=max(number for number, _ in migrations()))
    said = phrase("storage.cannot_open", database=database, reason=reason).text(lang)
    assert done.stderr.strip() == _error(index, said)
    assert ("nyare än denna Lotsens", "", "nyere enn denne Lotsens")[index] in said


@pytest.mark.parametrize(("lang", "index"), [("sv", 0), ("nb", 2)])
def test_a_directory_error_speaks_the_chosen_language(tmp_path: Path, lang: str,
                                                      index: int) -> None:
    """``lotsen referrals check`` lists a directory's problems in Swedish or Norwegian, each
    with its file, line, service and field."""
    directory = tmp_path / "town.toml"
    directory.write_text('[[service]]\nid = "local-x"\nphone = "abc"\n', encoding="utf-8")
    with pytest.raises(DirectoryError) as caught:
        load_directory(directory, extend=False)
    done = _lotsen("referrals", "check", str(directory), "--alone", lang=lang)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        _error(index, problem.phrase.text(lang)) for problem in caught.value.problems]
    phone = ('tjänst "local-x": fält "phone": måste vara ett telefonnummer', "",
             'tjeneste "local-x": felt "phone": må være et telefonnummer')[index]
    assert f"{directory}:3: {phone}" in done.stderr


def test_the_console_says_a_directory_problem_in_the_staff_members_language(
        tmp_path: Path) -> None:
    """A broken referral directory does not take the console down; its problem is kept in the
    console's language, file and line included."""
    from console.referrals import ReferralSource

    directory = tmp_path / "town.toml"
    directory.write_text('[[service]]\nid = "local-x"\nnote = 3\n', encoding="utf-8")
    source = ReferralSource(directory, lang="nb", extend=False)
    source.load()
    assert source.error is not None
    assert f'{directory}:3: tjeneste "local-x": felt "note": må være tekst' in source.error


def test_a_console_config_error_names_the_line_in_each_language(tmp_path: Path) -> None:
    """The console's own config errors are phrases too: line and key, then why."""
    from console.settings import ConsoleConfigError, load_console_config

    config = tmp_path / "console.toml"
    config.write_text("[console]\nbell = 2\n", encoding="utf-8")
    with pytest.raises(ConsoleConfigError) as caught:
        load_console_config(config)
    assert str(caught.value) == f"{config}:2: bell: must be true or false"
    assert caught.value.text("sv") == f"{config}:2: bell: måste vara true eller false"
