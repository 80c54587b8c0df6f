"""deploy/nginx-several-relays.conf in front of two relays on one PostgreSQL database: a chat
goes through it, and when one relay stops, new connections and /healthz go to the other."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import ssl
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH
from relay.storage import PostgresURL
from tests.ops.test_deploy import NGINX, _free_port, _self_signed, render_site
from tests.support import PASSWORD, Client, RelayThread, add_staff, make_config, new_cid

pytestmark = pytest.mark.postgres


def _site(tmp: Path, https_port: int, http_port: int, relays: list[int], cert: Path,
          key: Path) -> str:
    servers = "".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;\n"
                      for port in relays)
    return render_site(tmp, https_port, http_port, cert, key, {
        "    server 10.0.0.11:8765 max_fails=1 fail_timeout=5s;\n": servers,
        "    server 10.0.0.12:8765 max_fails=1 fail_timeout=5s;\n": "",
        "    server 10.0.0.13:8765 max_fails=1 fail_timeout=5s;\n": "",
    }, name="nginx-several-relays.conf")


@pytest.fixture
def relays(pg_url: PostgresURL, tmp_path: Path) -> Iterator[list[RelayThread]]:
    add_staff(pg_url, "anna")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with RelayThread(make_config(tmp_path / "a", database=pg_url)) as a, \
            RelayThread(make_config(tmp_path / "b", database=pg_url)) as b:
        yield [a, b]


@pytest.fixture
def proxy(relays: list[RelayThread], tmp_path: Path) -> Iterator[tuple[int, Path]]:
    if not os.access(NGINX, os.X_OK) or shutil.which("openssl") is None:
        pytest.skip("nginx or openssl is not installed (CI installs both)")
    cert, key = _self_signed(tmp_path)
    https_port, http_port = _free_port(), _free_port()
    site = tmp_path / "lotsen.conf"
    site.write_text(_site(tmp_path, https_port, http_port, [r.port for r in relays], cert, key))
    temp = "\n".join(f"    {kind}_temp_path {tmp_path / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = tmp_path / "nginx.conf"
    main.write_text(f"""
daemon off;
master_process on;
worker_processes 1;
pid {tmp_path / 'nginx.pid'};
error_log {tmp_path / 'main-error.log'} warn;
events {{ worker_connections 128; }}
http {{
{temp}
    access_log off;
    include {site};
}}
""")
    command = [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "startup.log"), "-c", str(main)]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start listening"
                time.sleep(0.05)
        yield https_port, cert
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


async def _chat(port: int, cert: Path) -> str:
    context = ssl.create_default_context(cafile=str(cert))
    base = f"wss://127.0.0.1:{port}"
    staff = Client(await connect(base + STAFF_PATH, ssl=context, open_timeout=10))
    await staff.send({"type": "login", "v": PROTOCOL_VERSION, "user": "anna",
                      "password": PASSWORD})
    await staff.expect("session")
    origin = {"Origin": f"https://127.0.0.1:{port}"}
    visitor = Client(await connect(base + VISITOR_PATH, ssl=context, open_timeout=10,
                                   additional_headers=origin))
    await visitor.send({"type": "hello", "v": PROTOCOL_VERSION, "lang": "sv"})
    await visitor.expect("status", open=True, timeout=10)
    await visitor.say("Hej genom proxyn")
    queued = await staff.expect("queued", timeout=10)
    conversation = queued["entry"]["conversation"]
    await staff.send({"type": "claim", "conversation": conversation})
    await staff.expect("conversation", id=conversation, timeout=10)
    cid = new_cid()
    await staff.send({"type": "message", "conversation": conversation, "text": "Hej tillbaka",
                      "cid": cid})
    await staff.expect("ack", cid=cid)
    reply = await visitor.expect("message", kind="staff", timeout=10)
    await visitor.close()
    await staff.close()
    return str(reply["text"])


def _healthz(port: int, cert: Path) -> int:
    context = ssl.create_default_context(cafile=str(cert))
    with urllib.request.urlopen(f"https://127.0.0.1:{port}/healthz", context=context,
                                timeout=10) as response:
        return int(response.status)


def test_nginx_spreads_chats_over_relays_and_skips_a_stopped_one(
        proxy: tuple[int, Path], relays: list[RelayThread]) -> None:
    """Chats through nginx work whichever relay each socket lands on; with one relay stopped,
    /healthz and new chats through nginx still work (on the other)."""
    port, cert = proxy
    for _ in range(2):  # least_conn: the two sockets of a chat may land on different relays
        assert asyncio.run(_chat(port, cert)) == "Hej tillbaka"
    relays[0].stop()
    assert [_healthz(port, cert) for _ in range(4)] == [200] * 4
    assert asyncio.run(_chat(port, cert)) == "Hej tillbaka"
