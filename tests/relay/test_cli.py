"""The ``lotsen`` CLI as ops use it: clear one-line errors, never a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path


def lotsen(*args: str, stdin: str | None = None, timeout: float = 60
           ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "relay", *args], input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def test_staff_add_list_disable_with_password_from_stdin(tmp_path: Path) -> None:
    """Staff accounts are created with a prompted/stdin password and listed without secrets."""
    db = str(tmp_path / "l.db")
    added = lotsen("staff", "add", "anna", "--name", "Anna L", "--password-stdin", "--db", db,
                   stdin="a long enough secret\n")
    assert added.returncode == 0, added.stderr
    again = lotsen("staff", "add", "anna", "--password-stdin", "--db", db,
                   stdin="a long enough secret\n")
    assert again.returncode == 2 and "already exists" in again.stderr
    assert "Traceback" not in again.stderr
    short = lotsen("staff", "add", "bo", "--password-stdin", "--db", db, stdin="short\n")
    assert short.returncode == 2 and "at least 10 characters" in short.stderr
    listed = lotsen("staff", "list", "--db", db)
    assert "anna" in listed.stdout and "Anna L" in listed.stdout
    assert "argon2" not in listed.stdout
    disabled = lotsen("staff", "disable", "anna", "--db", db)
    assert disabled.returncode == 0
    assert "disabled" in lotsen("staff", "list", "--db", db).stdout
    missing = lotsen("staff", "disable", "nobody", "--db", db)
    assert missing.returncode == 2 and "no staff account" in missing.stderr


def test_serve_reports_port_in_use_clearly(tmp_path: Path) -> None:
    """A taken port gives one line that says so and what to do, and exit code 2."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = lotsen("serve", "--port", str(port), "--db", str(tmp_path / "l.db"))
    assert result.returncode == 2
    assert f"port {port} is in use" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_reports_unwritable_database(tmp_path: Path) -> None:
    """A database path that cannot be created is a clear error, not a traceback."""
    result = lotsen("serve", "--port", "0", "--db", str(tmp_path / "missing" / "dir" / "l.db"))
    assert result.returncode == 2
    assert "cannot open database" in result.stderr and "--db" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_config_names_file_and_line(tmp_path: Path) -> None:
    """Both `config check` and `serve` refuse a broken config with file and line."""
    path = tmp_path / "bad.toml"
    path.write_text("[chat]\nretention_days = -4\n", encoding="utf-8")
    for args in (("config", "check", str(path)), ("serve", "--config", str(path))):
        result = lotsen(*args)
        assert result.returncode == 2
        assert f"{path}:2:" in result.stderr and "retention_days" in result.stderr
        assert "Traceback" not in result.stderr


def test_config_check_summarises_a_good_file(tmp_path: Path) -> None:
    """A valid config is confirmed with the opening hours it sets."""
    path = tmp_path / "ok.toml"
    path.write_text('[hours]\nmonday = ["12:00-14:00"]\n', encoding="utf-8")
    result = lotsen("config", "check", str(path))
    assert result.returncode == 0
    assert "OK" in result.stdout and "monday    12:00-14:00" in result.stdout


def test_purge_runs_on_an_empty_database(tmp_path: Path) -> None:
    """`lotsen purge` reports what it removed and that statistics are kept."""
    result = lotsen("purge", "--db", str(tmp_path / "l.db"))
    assert result.returncode == 0, result.stderr
    assert "Purged the text of 0 conversation(s)" in result.stdout
