"""``lotsen serve`` logs: whitelisted JSON events, at the level the command line, the
environment or the config chose."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from relay.logs import SAFE_FIELDS
from tests.support import PASSWORD, Client

SECRET_TEXT = "HEMLIGT jag heter Kim 0701234567"
LOTSEN = [sys.executable, "-m", "relay"]


@contextmanager
def _serve(database: Path, *args: str, env: dict[str, str]) -> Iterator[tuple[int, list[str]]]:
    """A real ``lotsen serve`` on a free port with these options and LOTSEN_* variables only.

    Yields its port and a list that holds its log lines (stderr) once it has stopped on SIGTERM
    with exit code 0.
    """
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LOTSEN_")} | env
    process = subprocess.Popen([*LOTSEN, "serve", "--port", "0", "--db", str(database), *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=environ)
    lines: list[str] = []
    try:
        assert process.stdout is not None and process.stderr is not None
        banner = process.stdout.readline()
        match = re.search(r"https?://127\.0\.0\.1:(\d+)", banner)
        assert match, banner + process.stderr.read()
        yield int(match.group(1)), lines
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
        lines += [line for line in process.stderr.read().splitlines() if line.strip()]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _records(lines: list[str]) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    for record in records:
        assert set(record) <= {"ts", "level", "logger", "msg", *SAFE_FIELDS}, record
    return records


async def _conversation(port: int) -> str:
    staff = await Client.staff(port, "anna")
    visitor = await Client.visitor(port, lang="sv")
    await visitor.say(SECRET_TEXT)
    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    await staff.send({"type": "close", "conversation": info["id"]})
    await visitor.expect("ended")
    token = str(next(f for f in visitor.seen if f["type"] == "started")["token"])
    await visitor.close()
    await staff.close()
    return token


def test_json_logs_are_whitelisted_events_without_personal_data(tmp_path: Path) -> None:
    """A real relay process logs start, chats and shutdown as JSON; no text, token or address."""
    database = tmp_path / "lotsen.db"
    subprocess.run([*LOTSEN, "staff", "add", "anna", "--password-stdin", "--db", str(database)],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True, timeout=60)
    # LOTSEN_ALWAYS_OPEN also proves that the override reaches serve.
    with _serve(database, "--log-json", "--log-level", "debug",
                env={"LOTSEN_ALWAYS_OPEN": "true"}) as (port, lines):
        token = asyncio.run(_conversation(port))
    events = [record.get("event") for record in _records(lines)]
    for expected in ("listening", "conversation_started", "conversation_closed", "shutdown",
                     "stopped"):
        assert expected in events, events
    err = "\n".join(lines)
    for personal in (SECRET_TEXT, "Kim", "0701234567", token, "127.0.0.1", PASSWORD):
        assert personal not in err, personal


def test_log_level_and_format_come_from_the_environment_unless_the_command_line_says(
        tmp_path: Path) -> None:
    """LOTSEN_LOG_JSON and LOTSEN_LOG_LEVEL reach serve (warning drops the info events);
    ``--log-level`` wins over the variable."""
    runs = {
        "default": ((), {}),
        "warning": ((), {"LOTSEN_LOG_LEVEL": "warning"}),
        "cli wins": (("--log-level", "debug"), {"LOTSEN_LOG_LEVEL": "error"}),
    }
    levels: dict[str, list[str]] = {}
    for name, (args, env) in runs.items():
        with _serve(tmp_path / f"{name}.db", *args,
                    env={"LOTSEN_LOG_JSON": "yes", **env}) as (_, lines):
            pass
        levels[name] = [record["level"] for record in _records(lines)]
    assert "info" in levels["default"] and "debug" not in levels["default"], levels
    assert "info" not in levels["warning"], levels
    assert "info" in levels["cli wins"], levels


def test_a_relay_of_several_organisations_says_it_stopped_once(tmp_path: Path) -> None:
    """SIGTERM to a relay serving two organisations logs one "stopped", not one per
    organisation and one more for the relay."""
    config = tmp_path / "relay.toml"
    config.write_text("".join(
        f'[[organisation]]\nid = "{org}"\nname = "{org}"\n'
        "[organisation.hours]\nalways_open = true\n" for org in ("kommun-a", "kommun-b")),
        encoding="utf-8")
    with _serve(tmp_path / "lotsen.db", "--log-json", "--config", str(config),
                env={}) as (_, lines):
        pass
    events = [record.get("event") for record in _records(lines)]
    assert events.count("stopped") == 1, events
