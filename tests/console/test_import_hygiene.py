"""The console never loads the server: it talks to the relay only through relay.protocol."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                            text=True, timeout=60).stdout
    return set(json.loads(output.splitlines()[-1]))


def test_console_app_does_not_import_the_server() -> None:
    """Importing the console app (and building its referral engine) pulls in no server code."""
    loaded = _modules_after("import console.app\n"
                            "from console.referrals import ReferralSource\n"
                            "ReferralSource().load()")
    assert "relay.protocol" in loaded
    forbidden = {"relay.server", "relay.storage", "relay.storage.sqlite", "aiosqlite",
                 "relay.auth", "argon2"}
    assert not forbidden & loaded, f"the console loaded {sorted(forbidden & loaded)}"


def test_demo_visitors_do_not_import_textual() -> None:
    """The simulated visitors are protocol clients on the relay side: no Textual."""
    loaded = _modules_after("import relay.demo_visitors")
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}
