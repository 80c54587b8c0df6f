"""Layering you can see: what each package may and may not pull in when imported."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def loaded_after(statement: str) -> set[str]:
    code = (f"import sys, json\n{statement}\n"
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def loaded_modules(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_protocol_module_is_a_leaf() -> None:
    """relay.protocol imports no server, storage, network or UI library."""
    loaded = loaded_after("import relay.protocol")
    assert not loaded & {"websockets", "aiosqlite", "sqlite3", "textual", "rich", "typer",
                         "argon2"}


def test_relay_server_never_imports_textual() -> None:
    """The relay runs without the console's UI toolkit."""
    assert "textual" not in loaded_after("import relay.server, lotsen.cli.serve")


@pytest.mark.parametrize("module", ["console.app", "console"])
def test_console_never_imports_the_server(module: str) -> None:
    """The console talks to the relay only through the protocol module, never its server."""
    try:
        modules = loaded_modules(f"import {module}")
    except subprocess.CalledProcessError as exc:
        if "No module named 'console.app'" in exc.stderr:
            pytest.fail("console.app is missing")
        raise
    assert not {"relay.server", "relay.storage", "relay.storage.sqlite"} & modules
    assert "aiosqlite" not in {m.split(".")[0] for m in modules}
