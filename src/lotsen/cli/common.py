"""Helpers shared by the CLI command modules: loading config, opening storage, clean errors."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import typer

from lotsen.cli.words import t
from relay.config import ConfigError, RelayConfig, config_from_env, load_config
from relay.organisations import DEFAULT_ORG
from relay.storage import PostgresURL, StorageError, database_target, open_storage
from relay.storage.sqlite import SQLiteStorage
from vocabulary.phrases import Phrase

T = TypeVar("T")

ConfigOption = typer.Option(None, "--config", "-c", help=t("help.option.config"),
                            dir_okay=False)
DbOption = typer.Option(None, "--db", help=t("help.option.db"))
OrgOption = typer.Option(None, "--org", help=t("help.option.org"))


def fail(message: str | Phrase | Exception, code: int = 2) -> NoReturn:
    """Print a one-line error for a person (never a traceback) and exit; a phrase or an
    error made of one (a ConfigError, a StorageError) is said in the CLI's language."""
    typer.secho(t("error", message=message), fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def load(config: Path | None, db: str | Path | None = None) -> RelayConfig:
    try:
        cfg = load_config(config) if config else RelayConfig()
        cfg = config_from_env(cfg)
    except ConfigError as exc:
        fail(exc)
    return cfg.with_overrides(database=database_target(db) if db else None)


def require_database(cfg: RelayConfig) -> None:
    """A clear error instead of creating an empty SQLite file (a PostgreSQL database is
    checked when it is opened: it must exist, ``lotsen`` never creates one)."""
    if not isinstance(cfg.database, PostgresURL) and not cfg.database.is_file():
        fail(t("common.no_database", path=cfg.database))


def for_org(cfg: RelayConfig, org: str | None) -> RelayConfig:
    """``cfg`` as organisation ``org`` sees it (``--org``); the only one when it is left out
    and the relay serves one. Storage opened with the result reads that organisation only."""
    served = cfg.served()
    if org is None:
        if len(served) > 1:
            fail(t("common.several_orgs", ids=", ".join(served.ids)))
        return cfg.for_organisation(next(iter(served)))
    found = served.get(org)
    if found is None:
        if served.implicit:
            fail(t("common.no_org_tables", org=org, default=DEFAULT_ORG))
        fail(t("common.no_such_org", org=org, ids=", ".join(served.ids)))
    return cfg.for_organisation(found)


def with_storage(cfg: RelayConfig, action: Callable[[SQLiteStorage], Awaitable[T]]) -> T:
    """Open the configured database as ``cfg.org``, run ``action`` on it, close it; errors
    end the command.

    ``action`` gets a ``SQLiteStorage`` or a ``PostgresStorage`` (a subclass that shares its
    queries)."""

    async def run() -> T:
        storage = open_storage(cfg.database, org=cfg.org)
        await storage.open()
        try:
            return await action(storage)
        finally:
            await storage.close()

    try:
        return asyncio.run(run())
    except StorageError as exc:
        fail(exc)
