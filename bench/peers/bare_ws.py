"""Baseline (a): a bare ``websockets`` forwarder — no auth, no storage, no JSON parsing.

Visitor ``i`` connects to ``/visitor/i``, staff ``i`` to ``/staff/i``; every text frame one side
sends is forwarded as is to the other side of the pair. Same server settings as the Lotsen relay
(websockets asyncio server, ``compression=None``, pings every 20 s, backlog 4096), so the gap
between the two is what Lotsen's protocol, validation and durable storage cost.

    python bench/peers/bare_ws.py --port 8801 [--uvloop]
"""

from __future__ import annotations

import argparse
import asyncio

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

OTHER_SIDE = {"visitor": "staff", "staff": "visitor"}


async def main(port: int) -> None:
    peers: dict[tuple[str, str], ServerConnection] = {}

    async def forward(ws: ServerConnection) -> None:
        path = ws.request.path if ws.request else ""
        _, side, pair = (path.split("/") + ["", ""])[:3]
        if side not in OTHER_SIDE or not pair:
            await ws.close(1008, "connect to /visitor/N or /staff/N")
            return
        me, other = (side, pair), (OTHER_SIDE[side], pair)
        peers[me] = ws
        try:
            async for message in ws:
                peer = peers.get(other)
                if peer is not None:
                    await peer.send(message)
        except ConnectionClosed:
            pass
        finally:
            if peers.get(me) is ws:
                del peers[me]

    async with serve(forward, "127.0.0.1", port, compression=None, ping_interval=20,
                     ping_timeout=20, max_size=16 * 1024, backlog=4096) as server:
        print(f"bare forwarder on {port}", flush=True)
        await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8801)
    parser.add_argument("--uvloop", action="store_true", help="run on uvloop")
    args = parser.parse_args()
    if args.uvloop:
        import uvloop

        uvloop.install()
    try:
        asyncio.run(main(args.port))
    except KeyboardInterrupt:
        pass
