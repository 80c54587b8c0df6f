"""``lotsen console`` (the staff console) and ``lotsen demo`` (everything at once, to try it).

The console package is imported inside the commands, so ``lotsen serve`` never loads Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import typer

from lotsen.cli import app
from lotsen.cli.common import fail
from lotsen.cli.words import t
from relay.config import DEFAULT_PORT
from relay.protocol import LANGUAGES

ServerOption = typer.Option(None, "--server", help=t("help.console.server"))
UserOption = typer.Option(None, "--user", help=t("help.console.user"))
LangOption = typer.Option(None, "--lang", help=t("help.console.lang"))


def _language(lang: str | None, configured: str) -> str:
    chosen = lang or configured
    if chosen not in LANGUAGES:
        fail(t("console.bad_lang", lang=chosen))
    return chosen


@app.command("console", help=t("help.console"))
def console_command(
    server: str = ServerOption,
    user: str = UserOption,
    lang: str = LangOption,
    config: Path = typer.Option(None, "--config", help=t("help.console.config"),
                                dir_okay=False),
    directory: Path = typer.Option(None, "--directory", help=t("help.console.directory"),
                                   dir_okay=False),
    insecure: bool = typer.Option(False, "--insecure", help=t("help.console.insecure")),
) -> None:
    """Open the staff console: queue, chats and referrals, from the keyboard."""
    from console.client import PlaintextRefused, staff_url
    from console.settings import ConsoleConfigError, load_console_config, load_remembered

    try:
        cfg = load_console_config(config)
    except ConsoleConfigError as exc:
        fail(exc)
    remembered = load_remembered()
    address = server or remembered.server
    try:
        staff_url(address, insecure=insecure)
    except PlaintextRefused as exc:
        fail(t("console.plaintext", address=address, host=exc.host))
    except ValueError:
        fail(t("console.bad_server", address=address))
    from console.app import LotsenConsole

    LotsenConsole(server=address, user=user or remembered.user, insecure=insecure,
                  lang=_language(lang, cfg.lang), config=cfg, referral_directory=directory).run()


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def demo_organisations(count: int) -> list[tuple[str, str, str]]:
    """(id, name, demo login) of the organisations ``lotsen demo --orgs N`` sets up."""
    return [(f"kommun-{letter}", f"Exempelkommun {letter.upper()}",
             "demo" if index == 0 else f"demo-{letter}")
            for index, letter in enumerate("abcde"[:count])]


def demo_config(orgs: int) -> str:
    """The demo relay's config: always open; with ``orgs`` > 1, that many organisations,
    all in the professionals' network."""
    text = "[hours]\nalways_open = true\n"
    if orgs > 1:
        text += DEMO_NETWORK  # every demo organisation takes part in the network
        text += "".join(f'\n[[organisation]]\nid = "{org_id}"\nname = "{name}"\n'
                        "network = true\n[organisation.hours]\nalways_open = true\n"
                        for org_id, name, _ in demo_organisations(orgs))
    return text


# The professionals' network of ``lotsen demo --orgs N`` (docs/operations.md).
DEMO_NETWORK = """
[[network.room]]
id = "rus"
name = { sv = "Rus – erfarenheter", en = "Substance use – experiences", nb = "Rus – erfaringer" }

[[network.room]]
id = "anhorig"
name = { sv = "Anhörigstöd", en = "Supporting relatives", nb = "Pårørendestøtte" }
"""


def _create_demo_account(database: Path, password: str, orgs: int = 1) -> None:
    from relay import auth
    from relay.organisations import DEFAULT_ORG
    from relay.storage import StaffAccount
    from relay.storage.sqlite import SQLiteStorage

    accounts = ([(org_id, login) for org_id, _, login in demo_organisations(orgs)]
                if orgs > 1 else [(DEFAULT_ORG, "demo")])
    encoded = auth.hash_password(password)

    async def create() -> None:
        storage = SQLiteStorage(database)
        await storage.open()
        try:
            for org_id, login in accounts:
                await storage.scoped(org_id).add_staff(StaffAccount(
                    0, login, "Demo", encoded, supervisor=False, created_at=time.time()))
        finally:
            await storage.close()

    asyncio.run(create())


def _wait_until_ready(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    """Poll the relay's health check; a relay that exits early gives its own error line."""
    deadline = time.monotonic() + 20
    url = f"http://127.0.0.1:{port}/healthz"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
            reason = next((ln.removeprefix("error: ") for ln in reversed(lines)
                           if ln.startswith("error:")), lines[-1] if lines else
                          t("demo.no_output"))
            fail(t("demo.not_started", reason=reason))
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    fail(t("demo.no_answer", port=port, log=log))


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM: the relay shuts down gracefully
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@app.command(help=t("help.demo"))
def demo(
    visitors: int = typer.Option(3, "--visitors", min=0, max=50,
                                 help=t("help.demo.visitors")),
    port: int = typer.Option(DEFAULT_PORT, "--port", help=t("help.demo.port")),
    lang: str = typer.Option("sv", "--lang", help=t("help.demo.lang")),
    orgs: int = typer.Option(1, "--orgs", min=1, max=5, help=t("help.demo.orgs")),
) -> None:
    """Try Lotsen in one command: a relay, visitors who write in, and the console logged in.

    Everything runs on a temporary database and stops when you quit the console (Ctrl+Q).
    """
    lang = _language(lang, "sv")
    if not 1 <= port <= 65535:
        fail(t("demo.bad_port", port=port))
    if not _port_free(port):
        fail(t("serve.port_in_use", port=port))
    workdir = Path(tempfile.mkdtemp(prefix="lotsen-demo-"))
    database = workdir / "lotsen.db"
    config = workdir / "relay.toml"
    log = workdir / "relay.log"
    config.write_text(demo_config(orgs), encoding="utf-8")
    password = secrets.token_urlsafe(18)
    process: subprocess.Popen[bytes] | None = None
    visitor_thread = None
    page = f"http://127.0.0.1:{port}/"
    try:
        _create_demo_account(database, password, orgs)
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "relay", "serve", "--host", "127.0.0.1",
                 "--port", str(port), "--db", str(database), "--config", str(config)],
                stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        _wait_until_ready(process, port, log)
        typer.echo(t("demo.started", page=page))
        organisations = demo_organisations(orgs) if orgs > 1 else []
        for org_id, name, login in organisations:
            typer.echo(t("demo.org_here" if login == "demo" else "demo.org_other", name=name,
                         page=page, org=org_id, login=login, port=port, password=password))
        from relay.demo_visitors import VisitorThread

        if visitors:
            visitor_thread = VisitorThread(
                port, visitors, orgs=tuple(org_id for org_id, _, _ in organisations)).start()
        from console.app import LotsenConsole
        from console.i18n import set_language
        from console.i18n import t as console_text

        set_language(lang)
        console = LotsenConsole(server=f"127.0.0.1:{port}", user="demo", password=password,
                                lang=lang, remember=False,
                                welcome=console_text("demo.welcome", url=page, count=visitors))
        console.run()
    except KeyboardInterrupt:
        pass
    finally:
        if visitor_thread is not None:
            visitor_thread.stop()
        if process is not None:
            _stop(process)
        with contextlib.suppress(OSError):
            shutil.rmtree(workdir)
    typer.echo(t("demo.stopped", page=page))
