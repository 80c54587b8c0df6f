"""``lotsen serve --log-json`` writes one JSON event per line with no personal data in it."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from relay.logs import SAFE_FIELDS
from tests.support import PASSWORD, Client

SECRET_TEXT = "HEMLIGT jag heter Kim 0701234567"


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
    lotsen = [sys.executable, "-m", "relay"]
    subprocess.run([*lotsen, "staff", "add", "anna", "--password-stdin", "--db", str(database)],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True, timeout=60)
    env = {**os.environ, "LOTSEN_ALWAYS_OPEN": "true"}  # also proves the override reaches serve
    process = subprocess.Popen(
        [*lotsen, "serve", "--port", "0", "--db", str(database), "--log-json",
         "--log-level", "debug"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None and process.stderr is not None
        banner = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", banner)
        assert match, banner
        token = asyncio.run(_conversation(int(match.group(1))))
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
        err = process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    lines = [line for line in err.splitlines() if line.strip()]
    events = []
    for line in lines:
        record = json.loads(line)  # every line is one JSON object
        assert set(record) <= {"ts", "level", "logger", "msg", *SAFE_FIELDS}, record
        events.append(record.get("event"))
    for expected in ("listening", "conversation_started", "conversation_closed", "shutdown",
                     "stopped"):
        assert expected in events, events
    for personal in (SECRET_TEXT, "Kim", "0701234567", token, "127.0.0.1", PASSWORD):
        assert personal not in err, personal
