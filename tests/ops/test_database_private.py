"""The live database holds transcripts, password hashes and TOTP secrets: it and its -wal and
-shm files are readable by their owner only, whatever the umask."""

from __future__ import annotations

import asyncio
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from relay.storage.sqlite import SQLiteStorage
from tests.support import PASSWORD, add_staff_async

LOTSEN = [sys.executable, "-m", "relay"]


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common default umask (022), under which new files are world-readable."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_staff_add_in_an_empty_folder_makes_a_private_database(tmp_path: Path) -> None:
    """`lotsen staff add` under umask 022 creates lotsen.db readable by its owner only."""
    database = tmp_path / "lotsen.db"
    subprocess.run([*LOTSEN, "staff", "add", "anna", "--password-stdin", "--db", str(database)],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True,
                   timeout=60, preexec_fn=lambda: os.umask(0o022))
    assert _mode(database) == 0o600


def test_an_open_database_and_its_wal_and_shm_are_private(tmp_path: Path,
                                                          open_umask: None) -> None:
    """While the relay's storage is open, lotsen.db, -wal and -shm are all 0600."""
    database = tmp_path / "lotsen.db"

    async def check() -> None:
        storage = SQLiteStorage(database)
        await storage.open()
        try:
            await add_staff_async(database, "anna")  # a second connection writes too
            files = [database, tmp_path / "lotsen.db-wal", tmp_path / "lotsen.db-shm"]
            assert all(file.exists() for file in files), sorted(os.listdir(tmp_path))
            assert {file.name: _mode(file) for file in files} == {
                file.name: 0o600 for file in files}
        finally:
            await storage.close()

    asyncio.run(check())


def test_an_existing_readable_database_is_tightened_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A database left world-readable by an older Lotsen is made 0600 on open, and the log
    says so (with its path, never its contents)."""
    database = tmp_path / "lotsen.db"
    asyncio.run(add_staff_async(database, "anna"))
    database.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="lotsen.storage"):
        asyncio.run(add_staff_async(database, "bo"))
    assert _mode(database) == 0o600
    warned = [r for r in caplog.records if getattr(r, "event", None) == "database_private"]
    assert [getattr(r, "path", None) for r in warned] == [str(database)]
