"""``lotsen serve`` (run the relay) and ``lotsen purge`` (apply the retention rule now)."""

from __future__ import annotations

import asyncio
import errno
import time
from pathlib import Path

import typer

from lotsen.cli import app
from lotsen.cli.common import ConfigOption, DbOption, fail, for_org, load, with_storage
from lotsen.cli.words import t
from relay.config import DEFAULT_PORT, ConfigError, RelayConfig
from relay.logs import LOG_LEVELS, setup_logging
from relay.storage import PostgresURL, StorageError
from relay.storage.sqlite import SQLiteStorage


@app.command(help=t("help.serve"))
def serve(
    host: str = typer.Option(None, help=t("help.serve.host")),
    port: int = typer.Option(None, help=t("help.serve.port", port=DEFAULT_PORT)),
    db: str | None = DbOption,
    config: Path = ConfigOption,
    log_level: str = typer.Option(None, help=t("help.serve.log_level")),
    log_json: bool = typer.Option(None, "--log-json/--no-log-json",
                                  help=t("help.serve.log_json")),
    certfile: Path = typer.Option(None, "--certfile", dir_okay=False,
                                  help=t("help.serve.certfile")),
    keyfile: Path = typer.Option(None, "--keyfile", dir_okay=False,
                                 help=t("help.serve.keyfile")),
) -> None:
    """Run the relay: the visitor and staff endpoints, the widget and its demo page."""
    if log_level is not None and log_level.lower() not in LOG_LEVELS:
        fail(t("serve.bad_log_level", level=log_level))
    # Command-line options win over LOTSEN_* variables, which win over the file.
    cfg = load(config, db).with_overrides(host=host, port=port, certfile=certfile,
                                          keyfile=keyfile, log_json=log_json,
                                          log_level=log_level and log_level.lower())
    if (cfg.certfile is None) != (cfg.keyfile is None):
        fail(t("serve.tls_pair"))
    if cfg.certfile is not None and cfg.keyfile is not None:
        problem = tls_problem(cfg.certfile, cfg.keyfile)
        if problem:
            fail(problem)
    setup_logging(cfg.log_level, as_json=cfg.log_json)
    from relay.server import Relay, Triage, run
    from relay.shared_relay import SharedRelay, run_shared
    from relay.triage import default_triage

    def ready(relay: Relay | SharedRelay) -> None:
        where = f"{'https' if cfg.certfile else 'http'}://{cfg.host}:{relay.port}"
        typer.echo(t("serve.ready", where=where))
        if isinstance(relay, SharedRelay):
            typer.echo(t("serve.serving_orgs", count=len(relay.relays),
                         ids=", ".join(relay.relays)))
            if relay.network.members:
                typer.echo(t("serve.network", rooms=len(cfg.network.rooms),
                             orgs=", ".join(sorted(relay.network.members))))
        where_stored = (cfg.database if isinstance(cfg.database, PostgresURL)
                        else cfg.database.resolve())  # a URL prints without its password
        typer.echo(t("serve.database", database=where_stored))

    try:  # each organisation's triage reads its own referral directory
        triages: dict[str, Triage | None] = {
            org.id: default_triage(cfg.for_organisation(org)) for org in cfg.served()}
    except ConfigError as exc:
        fail(exc)
    try:
        if cfg.served().implicit:
            asyncio.run(run(cfg, triage=triages[cfg.org], ready=ready))
        else:
            asyncio.run(run_shared(cfg, triage_for=lambda seen: triages[seen.org],
                                   ready=ready))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            fail(t("serve.port_in_use", port=cfg.port))
        if exc.errno == errno.EACCES:
            fail(t("serve.port_denied", port=cfg.port))
        if exc.errno == errno.EADDRNOTAVAIL:
            fail(t("serve.bad_host", host=cfg.host))
        fail(t("serve.cannot_start", reason=exc.strerror or exc))
    except StorageError as exc:
        if isinstance(cfg.database, PostgresURL):
            fail(t("serve.storage_postgres", problem=exc))
        fail(t("serve.storage_sqlite", problem=exc))
    except KeyboardInterrupt:
        pass


def tls_problem(certfile: Path, keyfile: Path) -> str | None:
    """Why the relay cannot serve TLS with these files, in words ops can act on, or None."""
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(certfile, keyfile)
    except FileNotFoundError as exc:
        return t("serve.tls_missing", path=exc.filename
                 or t("serve.tls_either", certfile=certfile, keyfile=keyfile))
    except PermissionError as exc:
        return t("serve.tls_denied", path=exc.filename or keyfile)
    except ssl.SSLError as exc:
        return t("serve.tls_bad", certfile=certfile, keyfile=keyfile, reason=exc.reason or exc)
    return None


@app.command(help=t("help.purge"))
def purge(
    db: str | None = DbOption,
    config: Path = ConfigOption,
    older_than_days: int = typer.Option(None, help=t("help.purge.older_than_days")),
    org: str = typer.Option(None, "--org", help=t("help.purge.org")),
) -> None:
    """Delete the text of conversations closed longer ago than the retention period.

    A statistics-only record of each conversation stays (times, waits, role, outcome).
    """
    relay_wide = load(config, db)
    served = relay_wide.served()
    for organisation in ([for_org(relay_wide, org)] if org is not None else
                         [relay_wide.for_organisation(o) for o in served]):
        if not served.implicit:
            typer.echo(t("purge.organisation", org=organisation.org))
        _purge(organisation, older_than_days)
    if org is None and not served.implicit:
        _purge_network(relay_wide, older_than_days)


def _purge(cfg: RelayConfig, older_than_days: int | None) -> None:
    """Apply one organisation's retention to its rows (``cfg`` as that organisation)."""
    days = older_than_days if older_than_days is not None else cfg.retention_days

    async def act(storage: SQLiteStorage) -> None:
        result = await storage.purge(time.time() - days * 86400)
        audit_entries = await storage.purge_audit(time.time() - cfg.audit_retention_days * 86400)
        await storage.audit("cli", "purge", None, f"conversations={result.conversations}"
                            + (f" audit={audit_entries}" if audit_entries else ""))
        typer.echo(t("purge.conversations", count=result.conversations, days=days,
                     lines=result.messages, room_lines=result.room_messages))
        # Questions outside opening hours keep their own period ([questions] retention_days).
        now = time.time()
        asked = await storage.purge_questions(now - cfg.questions.retention_days * 86400, now)
        if asked:
            await storage.audit("cli", "purge", None, f"questions={len(asked)}")
        typer.echo(t("purge.questions", count=len(asked), days=cfg.questions.retention_days))

    with_storage(cfg, act)


def _purge_network(cfg: RelayConfig, older_than_days: int | None) -> None:
    """Apply the professionals' network's own retention ([network] retention_days)."""
    days = older_than_days if older_than_days is not None else cfg.network.retention_days

    async def act(storage: SQLiteStorage) -> None:
        purged = await storage.purge_network(time.time() - days * 86400)
        typer.echo(t("purge.network", count=purged, days=days))

    with_storage(cfg, act)
