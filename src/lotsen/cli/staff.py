"""``lotsen staff``: add, list, disable staff accounts and change passwords."""

from __future__ import annotations

import re
import secrets
import sys
import time
from pathlib import Path

import typer

from lotsen.cli.common import ConfigOption, DbOption, OrgOption, fail, for_org, load, with_storage
from relay import auth
from relay.config import RelayConfig
from relay.storage import StaffAccount, StorageError
from relay.storage.sqlite import SQLiteStorage
from relay.terminal_text import visible

app = typer.Typer(help="Manage staff accounts (passwords are prompted, never arguments).",
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
        return ("a username may use only ASCII letters, digits, '.', '-' and '_' (1-64 "
                "characters, starting with a letter or digit)")
    if username.casefold() in RESERVED_NAMES:
        return f"{username!r} is reserved for the audit log"
    return None


def display_name_problem(name: str) -> str | None:
    """Why a name shown to visitors is not acceptable, or None."""
    if not name.strip():
        return "the name shown to visitors must not be empty"
    if len(name) > MAX_NAME_CHARS:
        return f"the name shown to visitors may have at most {MAX_NAME_CHARS} characters"
    if visible(name) != name:
        return "the name shown to visitors may not contain control or invisible characters"
    return None


def generated_name(language: str) -> str:
    """A neutral name for visitors to see, never derived from the login name."""
    return f"{NAME_WORD.get(language, NAME_WORD['sv'])} {secrets.randbelow(900) + 100}"


def _in(cfg: RelayConfig) -> str:
    """" in organisation X" when the relay serves several, for messages."""
    return f" in organisation {cfg.org}" if cfg.organisations else ""


PasswordStdin = typer.Option(False, "--password-stdin",
                             help="Read the password from the first line of standard input.")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    problem = auth.password_problem(password)
    if problem:
        fail(f"password not accepted: {problem}")
    return password


@app.command("add")
def add(
    username: str = typer.Argument(..., help="Login name, e.g. anna."),
    name: str = typer.Option(None, help="Name shown to visitors, e.g. a first name (asked "
                                        "for when not given; generated with "
                                        "--password-stdin). Never the login name by default: "
                                        "visitors would learn half of a login."),
    supervisor: bool = typer.Option(False, help="May follow every conversation (audited)."),
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
            "Name shown to visitors (a first name, or keep this one)", default=suggested)
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
            fail(str(exc))
        await storage.audit("cli", "staff_add", None, f"user={username}")

    with_storage(cfg, act)
    of = f" of organisation {cfg.org}" if cfg.organisations else ""
    typer.echo(f"Added {'supervisor' if supervisor else 'staff member'} {username}{of}; "
               f"visitors see the name {name!r}.")


@app.command("list")
def list_(org: str = OrgOption, db: str | None = DbOption, config: Path = ConfigOption) -> None:
    """List staff accounts (of one organisation)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cfg = for_org(load(config, db), org)
    accounts = with_storage(cfg, lambda storage: storage.list_staff())
    table = Table("username", "name", "role", "status", "2FA")
    for a in accounts:
        table.add_row(Text(visible(a.username)), Text(visible(a.display_name)),
                      "supervisor" if a.supervisor else "staff",
                      "disabled" if a.disabled else "active", "yes" if a.totp_secret else "no")
    Console(highlight=False).print(table)


@app.command()
def disable(username: str, org: str = OrgOption, db: str | None = DbOption,
            config: Path = ConfigOption) -> None:
    """Disable an account and end its sessions."""
    cfg = for_org(load(config, db), org)

    async def act(storage: SQLiteStorage) -> None:
        account = await storage.staff(username)
        if account is None:
            fail(f"no staff account {username!r}{_in(cfg)}")
        await storage.update_staff(username, disabled=True)
        await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_disable", None, f"user={username}")

    with_storage(cfg, act)
    typer.echo(f"Disabled {username}; their sessions are ended (a running relay closes their "
               "open consoles within a few seconds).")


@app.command()
def passwd(username: str, password_stdin: bool = PasswordStdin, org: str = OrgOption,
           db: str | None = DbOption, config: Path = ConfigOption) -> None:
    """Set a new password (ends the account's sessions)."""
    cfg = for_org(load(config, db), org)
    password = _password(password_stdin)

    async def act(storage: SQLiteStorage) -> None:
        account = await storage.staff(username)
        if account is None:
            fail(f"no staff account {username!r}{_in(cfg)}")
        await storage.update_staff(username, password_hash=auth.hash_password(password))
        await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_passwd", None, f"user={username}")

    with_storage(cfg, act)
    typer.echo(f"Password changed for {username}.")


@app.command()
def totp(
    username: str = typer.Argument(..., help="The staff account to enrol."),
    remove: bool = typer.Option(False, "--remove", help="Turn the second factor off instead."),
    confirm: bool = typer.Option(True, "--confirm/--no-confirm",
                                 help="Ask for a code from the app before saving (default: on)."),
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
        fail(f"no staff account {username!r}{_in(cfg)}")
    if remove:
        secret: str | None = None
    else:
        secret = auth.new_totp_secret()
        _show_enrolment(secret, username)
        if confirm:
            code = typer.prompt("Code shown by the app now")
            if auth.totp_step(secret, code, time.time()) is None:
                fail("that code does not match; nothing was saved — run the command again")

    async def act(storage: SQLiteStorage) -> None:
        await storage.update_staff(username, totp_secret=secret)
        if secret is not None:
            await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_totp_remove" if remove else "staff_totp", None,
                            f"user={username}")

    with_storage(cfg, act)
    if remove:
        typer.echo(f"Second factor removed for {username}.")
    else:
        typer.echo(f"Second factor enrolled for {username}; the console asks for a code at the "
                   "next login.")


def _show_enrolment(secret: str, username: str) -> None:
    """The QR code for an authenticator app, and the same secret for typing in by hand."""
    import segno

    uri = auth.totp_uri(secret, username)
    typer.echo(f"Scan this with an authenticator app (for {username}):")
    segno.make(uri, error="m").terminal(out=sys.stdout, compact=True)
    typer.echo(f"Or open: {uri}")
    grouped = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    typer.echo(f"Or type the key by hand: {grouped}  (time-based, 6 digits, 30 seconds)")
