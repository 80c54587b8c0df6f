"""``lotsen staff``: add, list, disable staff accounts and change passwords."""

from __future__ import annotations

import re
import secrets
import sys
import time
from pathlib import Path

import typer

from lotsen.cli.common import ConfigOption, DbOption, OrgOption, fail, for_org, load, with_storage
from lotsen.cli.words import t
from relay import auth
from relay.config import RelayConfig
from relay.storage import StaffAccount, StorageError
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible

app = typer.Typer(help=t("help.staff"),
                  no_args_is_help=True)

# Login names: ASCII letters, digits, '.', '-', '_' (no look-alike letters from other scripts).
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# Actors of the audit log that are not accounts.
RESERVED_NAMES = frozenset({"cli", "system"})
# A generated name shown to visitors, in the relay's default language, when none is given.
NAME_WORD = {"sv": "Rådgivare", "en": "Counsellor", "nb": "Rådgiver"}
MAX_NAME_CHARS = 60


def username_problem(username: str) -> str | None:
    """Why a new login name is not acceptable, or None."""
    if not USERNAME.fullmatch(username):
        return t("staff.bad_username")
    if username.casefold() in RESERVED_NAMES:
        return t("staff.reserved", username=username)
    return None


def display_name_problem(name: str) -> str | None:
    """Why a name shown to visitors is not acceptable, or None."""
    if not name.strip():
        return t("staff.name_empty")
    if len(name) > MAX_NAME_CHARS:
        return t("staff.name_long", count=MAX_NAME_CHARS)
    if visible(name) != name:
        return t("staff.name_invisible")
    return None


def generated_name(language: str) -> str:
    """A neutral name for visitors to see, never derived from the login name."""
    return f"{NAME_WORD.get(language, NAME_WORD['sv'])} {secrets.randbelow(900) + 100}"


def _no_account(cfg: RelayConfig, username: str) -> str:
    """No such account, naming the organisation when the relay serves several."""
    if cfg.organisations:
        return t("staff.no_account_org", username=username, org=cfg.org)
    return t("staff.no_account", username=username)


PasswordStdin = typer.Option(False, "--password-stdin",
                             help=t("help.staff.password_stdin"))


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt(t("staff.password_prompt"), hide_input=True,
                                confirmation_prompt=t("staff.password_repeat"))
    problem = auth.password_problem(password)
    if problem:
        fail(t("staff.password_rejected", problem=problem))
    return password


@app.command("add", help=t("help.staff.add"))
def add(
    username: str = typer.Argument(..., help=t("help.staff.username")),
    name: str = typer.Option(None, help=t("help.staff.name")),
    supervisor: bool = typer.Option(False, help=t("help.staff.supervisor")),
    password_stdin: bool = PasswordStdin,
    org: str = OrgOption,
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Create a staff account (of one organisation: --org, when the relay serves several)."""
    problem = username_problem(username)
    if problem:
        fail(problem)
    cfg = for_org(load(config, db), org)
    if name is None:
        suggested = generated_name(cfg.default_language)
        name = suggested if password_stdin else typer.prompt(
            t("staff.name_prompt"), default=suggested)
    name = name.strip()
    problem = display_name_problem(name)
    if problem:
        fail(problem)
    password = _password(password_stdin)
    account = StaffAccount(0, username, name, auth.hash_password(password),
                           supervisor=supervisor, created_at=time.time())

    async def act(storage: SQLiteStorage) -> None:
        try:
            await storage.add_staff(account)
        except StorageError as exc:
            fail(exc)
        await storage.audit("cli", "staff_add", None, f"user={username}")

    with_storage(cfg, act)
    added = "staff.added_supervisor" if supervisor else "staff.added_staff"
    typer.echo(t(added + "_org", username=username, org=cfg.org, name=name) if cfg.organisations
               else t(added, username=username, name=name))


@app.command("list", help=t("help.staff.list"))
def list_(org: str = OrgOption, db: str | None = DbOption, config: Path = ConfigOption) -> None:
    """List staff accounts (of one organisation)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cfg = for_org(load(config, db), org)
    accounts = with_storage(cfg, lambda storage: storage.list_staff())
    table = Table(t("staff.col.username"), t("staff.col.name"), t("staff.col.role"),
                  t("staff.col.status"), t("staff.col.2fa"))
    for a in accounts:
        table.add_row(Text(visible(a.username)), Text(visible(a.display_name)),
                      t("staff.supervisor") if a.supervisor else t("staff.staff"),
                      t("staff.disabled") if a.disabled else t("staff.active"),
                      t("staff.yes") if a.totp_secret else t("staff.no"))
    Console(highlight=False).print(table)


@app.command(help=t("help.staff.disable"))
def disable(username: str, org: str = OrgOption, db: str | None = DbOption,
            config: Path = ConfigOption) -> None:
    """Disable an account and end its sessions."""
    cfg = for_org(load(config, db), org)

    async def act(storage: SQLiteStorage) -> None:
        account = await storage.staff(username)
        if account is None:
            fail(_no_account(cfg, username))
        await storage.update_staff(username, disabled=True)
        await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_disable", None, f"user={username}")

    with_storage(cfg, act)
    typer.echo(t("staff.disabled_done", username=username))


@app.command(help=t("help.staff.passwd"))
def passwd(username: str, password_stdin: bool = PasswordStdin, org: str = OrgOption,
           db: str | None = DbOption, config: Path = ConfigOption) -> None:
    """Set a new password (ends the account's sessions)."""
    cfg = for_org(load(config, db), org)
    password = _password(password_stdin)

    async def act(storage: SQLiteStorage) -> None:
        account = await storage.staff(username)
        if account is None:
            fail(_no_account(cfg, username))
        await storage.update_staff(username, password_hash=auth.hash_password(password))
        await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_passwd", None, f"user={username}")

    with_storage(cfg, act)
    typer.echo(t("staff.password_changed", username=username))


@app.command(help=t("help.staff.totp"))
def totp(
    username: str = typer.Argument(..., help=t("help.staff.totp_user")),
    remove: bool = typer.Option(False, "--remove", help=t("help.staff.totp_remove")),
    confirm: bool = typer.Option(True, "--confirm/--no-confirm",
                                 help=t("help.staff.totp_confirm")),
    org: str = OrgOption,
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Enrol a TOTP second factor: scan the QR code with an authenticator app.

    The secret is stored in the database (protect its backups like the database itself) and is
    never logged. Enrolling ends the account's sessions, so the next login asks for a code.
    """
    cfg = for_org(load(config, db), org)
    account = with_storage(cfg, lambda storage: storage.staff(username))
    if account is None:
        fail(_no_account(cfg, username))
    if remove:
        secret: str | None = None
    else:
        secret = auth.new_totp_secret()
        _show_enrolment(secret, username)
        if confirm:
            code = typer.prompt(t("staff.code_prompt"))
            if auth.totp_step(secret, code, time.time()) is None:
                fail(t("staff.code_mismatch"))

    async def act(storage: SQLiteStorage) -> None:
        await storage.update_staff(username, totp_secret=secret)
        if secret is not None:
            await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_totp_remove" if remove else "staff_totp", None,
                            f"user={username}")

    with_storage(cfg, act)
    if remove:
        typer.echo(t("staff.totp_removed", username=username))
    else:
        typer.echo(t("staff.totp_enrolled", username=username))


def _show_enrolment(secret: str, username: str) -> None:
    """The QR code for an authenticator app, and the same secret for typing in by hand."""
    import segno

    uri = auth.totp_uri(secret, username)
    typer.echo(t("staff.scan", username=username))
    segno.make(uri, error="m").terminal(out=sys.stdout, compact=True)
    typer.echo(t("staff.open_uri", uri=uri))
    grouped = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    typer.echo(t("staff.type_key", key=grouped))
