"""Helpers shared by the CLI command modules: loading config, opening storage, clean errors."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import typer

from relay.config import ConfigError, RelayConfig, config_from_env, load_config
from relay.storage import StorageError
from relay.storage.sqlite import SQLiteStorage

T = TypeVar("T")

ConfigOption = typer.Option(None, "--config", "-c", help="TOML config file (optional).",
                            dir_okay=False)
DbOption = typer.Option(None, "--db", help="SQLite database file (default: ./lotsen.db).",
                        dir_okay=False)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error for a person (never a traceback) and exit."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def load(config: Path | None, db: Path | None = None) -> RelayConfig:
    try:
        cfg = load_config(config) if config else RelayConfig()
        cfg = config_from_env(cfg)
    except ConfigError as exc:
        fail(str(exc))
    return cfg.with_overrides(database=db)


def with_storage(cfg: RelayConfig, action: Callable[[SQLiteStorage], Awaitable[T]]) -> T:
    """Open the configured database, run ``action`` on it, close it; errors end the command."""

    async def run() -> T:
        storage = SQLiteStorage(cfg.database)
        await storage.open()
        try:
            return await action(storage)
        finally:
            await storage.close()

    try:
        return asyncio.run(run())
    except StorageError as exc:
        fail(str(exc))
