"""``lotsen staff``: add, list, disable staff accounts and change passwords."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer

from relay import auth
from relay.cli.common import ConfigOption, DbOption, fail, load, with_storage
from relay.storage import StaffAccount, StorageError
from relay.storage.sqlite import SQLiteStorage

app = typer.Typer(help="Manage staff accounts (passwords are prompted, never arguments).",
                  no_args_is_help=True)

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
    name: str = typer.Option(None, help="Name shown to visitors [default: the username]."),
    supervisor: bool = typer.Option(False, help="May follow every conversation (audited)."),
    password_stdin: bool = PasswordStdin,
    db: Path = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Create a staff account."""
    if not username.isidentifier() and not username.replace("-", "_").replace(".", "_").isalnum():
        fail("a username may use letters, digits, '.', '-' and '_'")
    cfg = load(config, db)
    password = _password(password_stdin)
    account = StaffAccount(0, username, name or username, auth.hash_password(password),
                           supervisor=supervisor, created_at=time.time())

    async def act(storage: SQLiteStorage) -> None:
        try:
            await storage.add_staff(account)
        except StorageError as exc:
            fail(str(exc))
        await storage.audit("cli", "staff_add", None, f"user={username}")

    with_storage(cfg, act)
    typer.echo(f"Added {'supervisor' if supervisor else 'staff member'} {username}.")


@app.command("list")
def list_(db: Path = DbOption, config: Path = ConfigOption) -> None:
    """List staff accounts."""
    from rich.console import Console
    from rich.table import Table

    cfg = load(config, db)
    accounts = with_storage(cfg, lambda storage: storage.list_staff())
    table = Table("username", "name", "role", "status", "2FA")
    for a in accounts:
        table.add_row(a.username, a.display_name, "supervisor" if a.supervisor else "staff",
                      "disabled" if a.disabled else "active", "yes" if a.totp_secret else "no")
    Console().print(table)


@app.command()
def disable(username: str, db: Path = DbOption, config: Path = ConfigOption) -> None:
    """Disable an account and end its sessions."""
    cfg = load(config, db)

    async def act(storage: SQLiteStorage) -> None:
        account = await storage.staff(username)
        if account is None:
            fail(f"no staff account {username!r}")
        await storage.update_staff(username, disabled=True)
        await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_disable", None, f"user={username}")

    with_storage(cfg, act)
    typer.echo(f"Disabled {username}; their sessions are ended.")


@app.command()
def passwd(username: str, password_stdin: bool = PasswordStdin, db: Path = DbOption,
           config: Path = ConfigOption) -> None:
    """Set a new password (ends the account's sessions)."""
    cfg = load(config, db)
    password = _password(password_stdin)

    async def act(storage: SQLiteStorage) -> None:
        account = await storage.staff(username)
        if account is None:
            fail(f"no staff account {username!r}")
        await storage.update_staff(username, password_hash=auth.hash_password(password))
        await storage.delete_sessions(staff_id=account.id)
        await storage.audit("cli", "staff_passwd", None, f"user={username}")

    with_storage(cfg, act)
    typer.echo(f"Password changed for {username}.")
