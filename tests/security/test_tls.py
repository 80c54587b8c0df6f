"""Optional TLS straight from the relay (`lotsen serve --certfile/--keyfile`).

The usual setup is a reverse proxy in front of a plain relay; that one (deploy/nginx.conf, with
Debian's nginx) is tested in tests/ops/test_deploy.py.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import signal
import ssl
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidHandshake

from relay.protocol import PROTOCOL_VERSION, VISITOR_PATH
from tests.security.conftest import StartRelay
from tests.support import Client, add_staff_async, make_config


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, made with the openssl tool."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def trusting(cert: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cert))


async def test_relay_serves_wss_and_https_with_a_certificate(
        start_relay: StartRelay, certificate: tuple[Path, Path]) -> None:
    """With certfile/keyfile configured, visitors and staff talk over wss://, the health check
    answers over https://, and a plain ws:// handshake gets nowhere."""
    cert, key = certificate
    relay = await start_relay(certfile=cert, keyfile=key)
    context = trusting(cert)
    ws = await connect(f"wss://127.0.0.1:{relay.port}{VISITOR_PATH}", ssl=context)
    visitor = Client(ws)
    await visitor.send({"type": "hello", "v": PROTOCOL_VERSION})
    status = await visitor.expect("status")
    assert status["reason"] == "no_staff"
    assert ws.transport is not None and ws.transport.get_extra_info("ssl_object").version() in (
        "TLSv1.2", "TLSv1.3")
    body = await asyncio.to_thread(
        lambda: urllib.request.urlopen(f"https://127.0.0.1:{relay.port}/healthz",
                                       context=context, timeout=5).read())
    assert b'"ok"' in body
    with pytest.raises((InvalidHandshake, OSError, TimeoutError)):
        await connect(f"ws://127.0.0.1:{relay.port}{VISITOR_PATH}", open_timeout=3)
    await visitor.close()


async def test_lotsen_serve_with_certfile_and_keyfile(tmp_path: Path,
                                                      certificate: tuple[Path, Path]) -> None:
    """`lotsen serve --certfile --keyfile` announces an https:// address, serves wss:// to staff,
    and stops cleanly on SIGTERM."""
    cert, key = certificate
    config = make_config(tmp_path)
    await add_staff_async(config.database, "anna")
    (tmp_path / "lotsen.toml").write_text("[hours]\nalways_open = true\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "relay", "serve", "--port", "0", "--db", str(config.database),
         "--config", str(tmp_path / "lotsen.toml"), "--certfile", str(cert), "--keyfile",
         str(key)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = await asyncio.to_thread(process.stdout.readline)
        match = re.search(r"https://127\.0\.0\.1:(\d+)", line)
        assert match, line
        port = int(match.group(1))
        ws = await connect(f"wss://127.0.0.1:{port}/ws/staff", ssl=trusting(cert))
        staff = Client(ws)
        await staff.send({"type": "login", "v": PROTOCOL_VERSION, "user": "anna",
                          "password": "correct horse battery"})
        assert (await staff.expect("session"))["user"] == "anna"
        await staff.close()
        process.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(process.wait, 20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_serve_explains_a_certificate_problem(tmp_path: Path,
                                              certificate: tuple[Path, Path]) -> None:
    """A missing file, a lone --certfile or a key that does not match is one clear line."""
    cert, _ = certificate
    other_key = tmp_path / "other.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(other_key), "2048"], check=True,
                   capture_output=True)
    cases = [(["--certfile", str(cert)], "TLS needs both --certfile and --keyfile"),
             (["--certfile", str(tmp_path / "missing.pem"), "--keyfile", str(other_key)],
              "cannot find"),
             (["--certfile", str(cert), "--keyfile", str(other_key)],
              "the key must belong to the certificate")]
    for args, expected in cases:
        result = subprocess.run([sys.executable, "-m", "relay", "serve", "--port", "0", "--db",
                                 str(tmp_path / "l.db"), *args], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 2 and expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
