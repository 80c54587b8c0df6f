"""The deployment files work: systemd accepts the units, nginx proxies TLS websockets to a relay."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH
from tests.support import PASSWORD, Client, RelayThread

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LOTSEN = Path(sys.executable).with_name("lotsen")


# ---------------------------------------------------------------------------------------------
# systemd


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze missing")
def test_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    """``systemd-analyze verify`` accepts the relay, backup service and timer without warnings."""
    names = ["lotsen.service", "lotsen-backup.service", "lotsen-backup.timer"]
    for name in names:
        text = (DEPLOY / name).read_text(encoding="utf-8")
        # The units point at /opt/lotsen; verify needs the executable to exist, so use ours.
        (tmp_path / name).write_text(text.replace("/opt/lotsen/venv/bin/lotsen", str(LOTSEN)))
    result = subprocess.run(["systemd-analyze", "verify", *names], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_systemd_unit_runs_the_relay_unprivileged_with_json_logs() -> None:
    """The unit runs ``lotsen serve --log-json`` as user lotsen with a private state directory."""
    unit = (DEPLOY / "lotsen.service").read_text(encoding="utf-8")
    lines = {line.split("=", 1)[0]: line.split("=", 1)[1]
             for line in unit.splitlines() if "=" in line and not line.startswith("#")}
    assert lines["User"] == "lotsen" and lines["StateDirectory"] == "lotsen"
    assert "serve" in lines["ExecStart"] and "--log-json" in lines["ExecStart"]
    assert lines["NoNewPrivileges"] == "yes" and lines["ProtectSystem"] == "strict"
    assert lines["UMask"] == "0077" and lines["KillSignal"] == "SIGTERM"


# ---------------------------------------------------------------------------------------------
# nginx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def render_site(tmp: Path, https_port: int, http_port: int, cert: Path, key: Path,
                upstream: dict[str, str], name: str = "nginx.conf") -> str:
    """deploy/``name`` with only addresses and file paths changed for an unprivileged run;
    ``upstream`` replaces its relay lines."""
    text = (DEPLOY / name).read_text(encoding="utf-8")
    replacements = {
        **upstream,
        "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
        "listen [::]:443 ssl;": "",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;": "",
        "/etc/letsencrypt/live/chat.example.se/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/chat.example.se/privkey.pem": str(key),
        "/var/log/nginx/lotsen-error.log": str(tmp / "lotsen-error.log"),
        "/var/www/letsencrypt": str(tmp / "acme"),
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, f"deploy/{name} no longer contains {old!r}"
        text = text.replace(old, new)
    return text


@pytest.fixture
def nginx_proxy(relay_thread: RelayThread, tmp_path: Path) -> Iterator[tuple[int, int, Path]]:
    """Debian's nginx, unprivileged, serving deploy/nginx.conf in front of a real relay."""
    if not os.access(NGINX, os.X_OK):
        pytest.skip("nginx is not installed (CI installs Debian's nginx)")
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed (CI installs it with nginx)")
    cert, key = _self_signed(tmp_path)
    https_port, http_port = _free_port(), _free_port()
    site = tmp_path / "lotsen.conf"
    site.write_text(render_site(tmp_path, https_port, http_port, cert, key, {
        "server 127.0.0.1:8765;": f"server 127.0.0.1:{relay_thread.port};"}))
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
    access_log {tmp_path / 'main-access.log'};
    include {site};
}}
""")
    command = [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "startup.log"), "-c", str(main)]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    output = tmp_path / "nginx-output.log"
    with output.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, output.read_text()
                assert time.monotonic() < deadline, "nginx did not start listening"
                time.sleep(0.05)
        yield https_port, http_port, cert
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: finish requests, then exit
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _https(url: str, cert: Path) -> tuple[int, dict[str, str], bytes]:
    context = ssl.create_default_context(cafile=str(cert))
    try:
        with urllib.request.urlopen(url, context=context, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


async def _chat_over_wss(port: int, cert: Path) -> tuple[str, str]:
    """A visitor and a staff member talk through nginx over wss, as browsers and consoles do."""
    context = ssl.create_default_context(cafile=str(cert))
    base = f"wss://127.0.0.1:{port}"
    staff = Client(await connect(base + STAFF_PATH, ssl=context, open_timeout=10))
    await staff.send({"type": "login", "v": PROTOCOL_VERSION, "user": "anna",
                      "password": PASSWORD})
    await staff.expect("session")
    origin = {"Origin": f"https://127.0.0.1:{port}"}  # the widget's demo page, same origin
    visitor = Client(await connect(base + VISITOR_PATH, ssl=context, open_timeout=10,
                                   additional_headers=origin))
    await visitor.send({"type": "hello", "v": PROTOCOL_VERSION, "lang": "sv"})
    assert (await visitor.expect("status"))["open"] is True
    await visitor.say("Hej genom proxyn")
    await staff.send({"type": "claim"})
    info = await staff.expect("conversation")
    await staff.send({"type": "message", "conversation": info["id"], "text": "Hej tillbaka",
                      "cid": "s1"})
    await staff.expect("ack", cid="s1")
    reply = await visitor.expect("message", kind="staff")
    await visitor.close()
    await staff.close()
    return info["messages"][0]["text"], reply["text"]


def test_nginx_proxies_wss_and_https_to_a_real_relay(
        nginx_proxy: tuple[int, int, Path], tmp_path: Path) -> None:
    """Through deploy/nginx.conf: a wss chat both ways, the widget, /healthz; /metrics hidden."""
    https_port, http_port, cert = nginx_proxy
    assert asyncio.run(_chat_over_wss(https_port, cert)) == ("Hej genom proxyn", "Hej tillbaka")

    status, headers, body = _https(f"https://127.0.0.1:{https_port}/widget.js", cert)
    assert status == 200 and "javascript" in headers["Content-Type"] and body
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    status, _, body = _https(f"https://127.0.0.1:{https_port}/healthz", cert)
    assert status == 200 and json.loads(body)["storage"] == "ok"
    status, _, _ = _https(f"https://127.0.0.1:{https_port}/metrics", cert)
    assert status == 404

    request = urllib.request.Request(f"http://127.0.0.1:{http_port}/widget.js")
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=10)
    with redirect.value as answer:
        assert answer.code == 301
        assert answer.headers["Location"] == "https://127.0.0.1/widget.js"

    # Anonymous by design: the Lotsen site keeps no access log and logged no client address.
    error_log = tmp_path / "lotsen-error.log"
    assert not error_log.exists() or "127.0.0.1" not in error_log.read_text()
    assert not (tmp_path / "main-access.log").exists() or \
        (tmp_path / "main-access.log").read_text() == ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
