"""``lotsen serve`` (run the relay) and ``lotsen purge`` (apply the retention rule now)."""

from __future__ import annotations

import asyncio
import errno
import time
from pathlib import Path

import typer

from lotsen.cli import app
from lotsen.cli.common import ConfigOption, DbOption, fail, for_org, load, with_storage
from relay.config import DEFAULT_PORT, ConfigError, RelayConfig
from relay.logs import LOG_LEVELS, setup_logging
from relay.storage import PostgresURL, StorageError
from relay.storage.sqlite import SQLiteStorage


@app.command()
def serve(
    host: str = typer.Option(None, help="Address to listen on (default: 127.0.0.1)."),
    port: int = typer.Option(None, help=f"Port to listen on (default: {DEFAULT_PORT})."),
    db: str | None = DbOption,
    config: Path = ConfigOption,
    log_level: str = typer.Option(None, help="debug, info, warning or error (default: "
                                              "LOTSEN_LOG_LEVEL, else the config's log level, "
                                              "else info)."),
    log_json: bool = typer.Option(None, "--log-json/--no-log-json",
                                  help="One JSON object per log line, or plain text (default: "
                                       "LOTSEN_LOG_JSON, else the config's log json, else "
                                       "plain)."),
    certfile: Path = typer.Option(None, "--certfile", dir_okay=False,
                                  help="TLS certificate chain (PEM): serve https:// and wss:// "
                                       "directly (default: plain; a reverse proxy does TLS)."),
    keyfile: Path = typer.Option(None, "--keyfile", dir_okay=False,
                                 help="The private key (PEM) of --certfile."),
) -> None:
    """Run the relay: the visitor and staff endpoints, the widget and its demo page."""
    if log_level is not None and log_level.lower() not in LOG_LEVELS:
        fail(f"unknown log level {log_level!r} — use debug, info, warning or error")
    # Command-line options win over LOTSEN_* variables, which win over the file.
    cfg = load(config, db).with_overrides(host=host, port=port, certfile=certfile,
                                          keyfile=keyfile, log_json=log_json,
                                          log_level=log_level and log_level.lower())
    if (cfg.certfile is None) != (cfg.keyfile is None):
        fail("TLS needs both --certfile and --keyfile")
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
        typer.echo(f"Lotsen relay on {where}  (demo page {where}/, widget {where}/widget.js)")
        if isinstance(relay, SharedRelay):
            typer.echo(f"Serving {len(relay.relays)} organisations: "
                       f"{', '.join(relay.relays)} (data-org on the widget's script tag).")
            if relay.network.members:
                typer.echo(f"Professionals' network: {len(cfg.network.rooms)} room(s), "
                           f"organisations {', '.join(sorted(relay.network.members))}.")
        where_stored = (cfg.database if isinstance(cfg.database, PostgresURL)
                        else cfg.database.resolve())  # a URL prints without its password
        typer.echo(f"Database {where_stored}. Stop with Ctrl+C.")

    try:  # each organisation's triage reads its own referral directory
        triages: dict[str, Triage | None] = {
            org.id: default_triage(cfg.for_organisation(org)) for org in cfg.served()}
    except ConfigError as exc:
        fail(str(exc))
    try:
        if cfg.served().implicit:
            asyncio.run(run(cfg, triage=triages[cfg.org], ready=ready))
        else:
            asyncio.run(run_shared(cfg, triage_for=lambda seen: triages[seen.org],
                                   ready=ready))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            fail(f"port {cfg.port} is in use — pass --port, or stop the other program")
        if exc.errno == errno.EACCES:
            fail(f"not allowed to listen on port {cfg.port} — pass --port above 1024")
        if exc.errno == errno.EADDRNOTAVAIL:
            fail(f"cannot listen on {cfg.host} — pass --host with an address of this machine")
        fail(f"cannot start the relay: {exc.strerror or exc}")
    except StorageError as exc:
        if isinstance(cfg.database, PostgresURL):
            fail(f"{exc} — check that the PostgreSQL server runs and the database exists "
                 "(lotsen never creates one), or pass another --db URL")
        fail(f"{exc} — pass --db with a writable file")
    except KeyboardInterrupt:
        pass


def tls_problem(certfile: Path, keyfile: Path) -> str | None:
    """Why the relay cannot serve TLS with these files, in words ops can act on, or None."""
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(certfile, keyfile)
    except FileNotFoundError as exc:
        return (f"cannot find {exc.filename or f'{certfile} or {keyfile}'} — check --certfile "
                "and --keyfile")
    except PermissionError as exc:
        return f"not allowed to read {exc.filename or keyfile} — run as a user who may"
    except ssl.SSLError as exc:
        return (f"cannot use {certfile} with {keyfile} ({exc.reason or exc}) — both must be PEM "
                "files and the key must belong to the certificate")
    return None


@app.command()
def purge(
    db: str | None = DbOption,
    config: Path = ConfigOption,
    older_than_days: int = typer.Option(None, help="Override retention_days for this run."),
    org: str = typer.Option(None, "--org", help="Only this organisation (default: every "
                                                "organisation, each with its own retention)."),
) -> None:
    """Delete the text of conversations closed longer ago than the retention period.

    A statistics-only record of each conversation stays (times, waits, role, outcome).
    """
    relay_wide = load(config, db)
    served = relay_wide.served()
    for organisation in ([for_org(relay_wide, org)] if org is not None else
                         [relay_wide.for_organisation(o) for o in served]):
        if not served.implicit:
            typer.echo(f"Organisation {organisation.org}:")
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
        typer.echo(f"Purged the text of {result.conversations} conversation(s) closed more than "
                   f"{days} day(s) ago ({result.messages} lines, {result.room_messages} staff-room "
                   "lines). Statistics records are kept.")
        # Questions outside opening hours keep their own period ([questions] retention_days).
        now = time.time()
        asked = await storage.purge_questions(now - cfg.questions.retention_days * 86400, now)
        if asked:
            await storage.audit("cli", "purge", None, f"questions={len(asked)}")
        typer.echo(f"Purged the text of {len(asked)} question(s) closed, or answered and left "
                   f"unread, more than {cfg.questions.retention_days} day(s) ago.")

    with_storage(cfg, act)


def _purge_network(cfg: RelayConfig, older_than_days: int | None) -> None:
    """Apply the professionals' network's own retention ([network] retention_days)."""
    days = older_than_days if older_than_days is not None else cfg.network.retention_days

    async def act(storage: SQLiteStorage) -> None:
        purged = await storage.purge_network(time.time() - days * 86400)
        typer.echo(f"Professionals' network: purged {purged} line(s) written more than "
                   f"{days} day(s) ago.")

    with_storage(cfg, act)
