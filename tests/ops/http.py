"""A minimal HTTP/1.1 GET over a real socket, for the relay's plain-HTTP endpoints."""

from __future__ import annotations

import asyncio


async def http_get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, dict[str, str],
                                                                             bytes]:
    """Status, headers (lower-case names) and body of ``GET path``."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
                 .encode())
    await writer.drain()
    raw = await asyncio.wait_for(reader.read(), timeout=10)
    writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, body
