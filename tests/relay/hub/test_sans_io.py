"""The hub is the relay's core without I/O: importing it loads no websocket or database
library, so its rules can be used (and tested) without either."""

from __future__ import annotations

import subprocess
import sys


def test_the_hub_and_the_memory_storage_load_no_network_or_database_library() -> None:
    """``relay.hub`` (with its question desk) and ``relay.storage.memory`` import neither
    websockets, nor aiosqlite/sqlite3, nor the metrics client."""
    code = ("import sys, relay.hub, relay.storage.memory; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'websockets', 'aiosqlite', 'sqlite3', '_sqlite3', 'prometheus_client', "
            "'textual'}))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"
