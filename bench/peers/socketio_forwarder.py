"""Baseline (b): the usual Python chat relay — python-socketio on aiohttp, one room per pair.

A client connects with ``auth={"pair": i, "role": "visitor"|"staff"}`` and joins room ``pair-i``;
every ``message`` event is emitted to the room, skipping the sender. No storage, no validation:
this is what a typical Socket.IO chat backend does before it does anything useful.

    python bench/peers/socketio_forwarder.py --port 8802 [--uvloop]
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

import socketio
from aiohttp import web


def build_app() -> web.Application:
    sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*",
                               logger=False, engineio_logger=False)
    app = web.Application()
    sio.attach(app)
    rooms: dict[str, str] = {}

    @sio.event
    async def connect(sid: str, environ: dict[str, Any], auth: dict[str, Any] | None) -> bool:
        if not isinstance(auth, dict) or "pair" not in auth:
            return False
        room = f"pair-{auth['pair']}"
        rooms[sid] = room
        await sio.enter_room(sid, room)
        return True

    @sio.event
    async def disconnect(sid: str, *args: Any) -> None:
        rooms.pop(sid, None)

    @sio.event
    async def message(sid: str, data: Any) -> None:
        room = rooms.get(sid)
        if room is not None:
            await sio.emit("message", data, room=room, skip_sid=sid)

    return app


async def main(port: int) -> None:
    runner = web.AppRunner(build_app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port, backlog=4096)
    await site.start()
    print(f"socket.io forwarder on {port}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8802)
    parser.add_argument("--uvloop", action="store_true", help="run on uvloop")
    args = parser.parse_args()
    if args.uvloop:
        import uvloop

        uvloop.install()
    try:
        asyncio.run(main(args.port))
    except KeyboardInterrupt:
        pass
