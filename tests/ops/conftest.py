"""Fixtures for the operations tests: a real relay in a thread and the ``lotsen`` CLI runner."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lotsen.cli import _register, app
from tests.support import RelayThread, add_staff, make_config

Cli = Callable[..., Result]


@pytest.fixture
def cli() -> Cli:
    """Run ``lotsen ARGS...`` in-process and return the result (exit code, output)."""
    _register()
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return invoke


@pytest.fixture
def relay_thread(tmp_path: Path) -> Iterator[RelayThread]:
    """A real relay (always open) in a background thread, with staff anna and supervisor sara."""
    config = make_config(tmp_path)
    add_staff(config.database, "anna")
    add_staff(config.database, "sara", supervisor=True)
    with RelayThread(config) as running:
        yield running


def run(coro: object) -> object:
    """Run a client coroutine to completion in this (test) thread."""
    return asyncio.run(coro)  # type: ignore[arg-type]
