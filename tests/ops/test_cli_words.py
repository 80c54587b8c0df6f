"""The ``lotsen`` command speaks Swedish, English or Norwegian, all from one catalog."""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from lotsen.cli.words import TEXT, cli_language

CLI_SOURCES = sorted((Path(__file__).parents[2] / "src" / "lotsen" / "cli").glob("*.py"))
# The calls whose text a person reads, and the keyword that holds a command's help.
SHOWN = {"echo", "secho", "fail", "_fail", "prompt", "OSError"}
WORD = re.compile(r"[A-Za-z]{3}")


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_cli_word_exists_in_all_three_languages_with_the_same_placeholders() -> None:
    """No catalog entry lacks a Swedish, English or Norwegian text, and the three fill in the
    same arguments (a missing one would raise KeyError when the message is printed)."""
    for key, texts in TEXT.items():
        assert len(texts) == 3 and all(text.strip() for text in texts), key
        sv, en, nb = (_placeholders(text) for text in texts)
        assert sv == en == nb, f"{key}: placeholders differ: {sv} / {en} / {nb}"


def _literal_words(node: ast.expr) -> list[str]:
    """The string literals with words in ``node`` itself, not inside a call such as t()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if WORD.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [part for value in node.values for part in _literal_words(value)]
    if isinstance(node, (ast.BinOp, ast.BoolOp, ast.IfExp)):
        return [text for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr)
                for text in _literal_words(child)]
    return []


@pytest.mark.parametrize("source", CLI_SOURCES, ids=lambda path: path.name)
def test_cli_shows_no_text_outside_the_catalog(source: Path) -> None:
    """Messages, prompts, errors and help texts of the CLI are catalog lookups, and every key
    looked up exists."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    literals: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name in SHOWN:
            literals += [text for arg in node.args for text in _literal_words(arg)]
        literals += [text for keyword in node.keywords if keyword.arg == "help"
                     for text in _literal_words(keyword.value)]
        if name == "t" and node.args and isinstance(node.args[0], ast.Constant):
            key = str(node.args[0].value)
            assert key in TEXT, f"{source.name}: no catalog key {key}"
    assert not literals, f"{source.name} shows text outside lotsen.cli.words: {literals}"


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "sv"),
    ({"LANG": "C.UTF-8"}, "sv"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "nb_NO.UTF-8"}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nb"),
    ({"LANG": "no_NO"}, "nb"),
    ({"LANG": "sv_SE.UTF-8"}, "sv"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "nb_NO.UTF-8"}, "nb"),
    ({"LC_ALL": "sv_FI.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "sv"),
    ({"LOTSEN_LANG": "en", "LC_ALL": "sv_SE.UTF-8"}, "en"),
    ({"LOTSEN_LANG": "NB", "LANG": "en_US.UTF-8"}, "nb"),
    ({"LOTSEN_LANG": "de", "LANG": "en_US.UTF-8"}, "en"),
])
def test_language_is_lotsen_lang_else_the_locale_else_swedish(environ: dict[str, str],
                                                              expected: str) -> None:
    """LOTSEN_LANG wins when it names one of our languages; then the locale as the C library
    reads it (LC_ALL, LC_MESSAGES, LANG); then Swedish."""
    assert cli_language(environ) == expected


def _lotsen(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m lotsen ARGS`` with only these language variables set."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("LOTSEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "lotsen", *args], capture_output=True,
                          input=stdin, text=True, timeout=60,
                          env={**clean, "COLUMNS": "200", **env}, check=False)


@pytest.mark.parametrize(("env", "lang"), [
    ({}, 0),
    ({"LOTSEN_LANG": "sv"}, 0),
    ({"LOTSEN_LANG": "nb"}, 2),
    ({"LANG": "nb_NO.UTF-8"}, 2),
    ({"LOTSEN_LANG": "en", "LANG": "sv_SE.UTF-8"}, 1),
])
def test_help_speaks_the_chosen_language(env: dict[str, str], lang: int) -> None:
    """``lotsen --help`` and a command's help are in the language of LOTSEN_LANG or the
    locale, Swedish when neither says, down to Typer's own panel titles."""
    top = _lotsen("--help", **env)
    assert top.returncode == 0, top.stderr
    assert TEXT["help.app"][lang] in top.stdout
    assert TEXT["typer.commands"][lang] in top.stdout
    assert TEXT["typer.options"][lang] in top.stdout
    migrate = _lotsen("migrate", "--help", **env)
    assert migrate.returncode == 0, migrate.stderr
    assert TEXT["help.migrate.check"][lang] in " ".join(migrate.stdout.split())


def test_help_keeps_the_config_sections_it_names() -> None:
    """Help texts name config sections in brackets ("[chat] default_language"); Rich must print
    them, not read them as style tags and drop them."""
    stats = _lotsen("stats", "--help", LOTSEN_LANG="en")
    assert stats.returncode == 0, stats.stderr
    assert TEXT["help.stats.lang"][1] in " ".join(stats.stdout.split())
    assert "[chat] default_language" in stats.stdout


@pytest.mark.parametrize(("lang", "index"), [("sv", 0), ("en", 1), ("nb", 2)])
def test_an_error_speaks_the_chosen_language(tmp_path: Path, lang: str, index: int) -> None:
    """An error of ``lotsen migrate`` comes out in the chosen language, prefix and all, with
    its arguments filled in."""
    missing = tmp_path / "missing.db"
    done = _lotsen("migrate", "--db", str(missing), LOTSEN_LANG=lang)
    assert done.returncode == 2
    expected = TEXT["error"][index].format(
        message=TEXT["common.no_database"][index].format(path=missing))
    assert done.stderr.strip() == expected
    assert not missing.exists()


def test_migrate_reports_in_norwegian(tmp_path: Path) -> None:
    """``lotsen migrate`` on an up-to-date database says so in bokmål when asked to."""
    from relay.storage.sqlite import migrations

    database = tmp_path / "lotsen.db"
    assert _lotsen("migrate", "--db", str(database), LOTSEN_LANG="en").returncode == 2
    made = _lotsen("staff", "add", "anna", "--password-stdin", "--db", str(database),
                   stdin="a long enough passphrase 42\n")
    assert made.returncode == 0, made.stderr
    latest = max(number for number, _ in migrations())
    done = _lotsen("migrate", "--db", str(database), LOTSEN_LANG="nb")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"{database}: skjemaversjon {latest}; denne Lotsen leveres med versjon {latest}.",
        "Databasen er oppdatert: ingenting å migrere."]
