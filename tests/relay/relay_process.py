"""Run ``lotsen serve`` as a real subprocess (for crash, signal and log tests)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

from relay.storage import Database
from tests.support import db_arg


class RelayProcess:
    """``python -m relay serve`` on a loopback port; stderr (the log) is kept in a file."""

    def __init__(self, tmp_path: Path, *, port: int = 0,
                 config: str = "[hours]\nalways_open = true\n",
                 extra_args: list[str] | None = None, log_level: str = "info",
                 database: Database | None = None) -> None:
        self.tmp_path = tmp_path
        self.database: Database = database if database is not None else tmp_path / "lotsen.db"
        self.config_path = tmp_path / "lotsen.toml"
        self.config_path.write_text(config, encoding="utf-8")
        self.port = port
        self.extra_args = extra_args or []
        self.log_level = log_level
        self.log_path = tmp_path / "relay.log"
        self.proc: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 15) -> RelayProcess:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log_path.open("a", encoding="utf-8") as log:
            self.proc = self._spawn(env, log)
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"relay exited: {self.log_path.read_text()}")
            match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match.group(1))
                return self
        raise RuntimeError("relay did not start in time")

    def _spawn(self, env: dict[str, str], log: IO[str]) -> subprocess.Popen[str]:
        if self.proc is not None and self.proc.stdout is not None:
            self.proc.stdout.close()
        return subprocess.Popen(
            [sys.executable, "-m", "relay", "serve", "--port", str(self.port),
             "--db", db_arg(self.database), "--config", str(self.config_path),
             "--log-level", self.log_level, *self.extra_args],
            stdout=subprocess.PIPE, stderr=log, text=True, env=env)

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs at all."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def terminate(self, timeout: float = 20) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        if self.proc is not None and self.proc.stdout is not None:
            self.proc.stdout.close()
