"""Clients that resume on their own, the way the widget and the console do.

``ResumingVisitor`` keeps its chat's token and the last sequence number it saw; after any drop
it reconnects, says ``hello`` with ``resume``/``last_seq``, and sends every line that was not
acknowledged again with the same ``cid`` (the relay stores each cid once). ``ResumingStaff``
logs in with a password once, then with its session token, claims whoever waits, answers every
visitor line, and after a reconnect asks for what it missed with ``sync``. Both record what
was acknowledged to them and what reached them, so a test can check that nothing acknowledged
was lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from relay.protocol import PROTOCOL_VERSION, STAFF_PATH, VISITOR_PATH
from tests.support import PASSWORD

RECONNECT_DELAY_S = 0.2


class _Resuming:
    """The reconnect loop shared by both kinds of client."""

    path = ""

    def __init__(self, port: int) -> None:
        self.port = port
        self.ws: ClientConnection | None = None
        self.connected = asyncio.Event()
        self.close_codes: list[tuple[int | None, str | None]] = []
        self.connects = 0
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        self._stopping = True
        if self.ws is not None:
            await self.ws.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while not self._stopping:
            try:
                async with connect(f"ws://127.0.0.1:{self.port}{self.path}",
                                   open_timeout=5) as ws:
                    self.ws = ws
                    self.connects += 1
                    await self._opened(ws)
                    self.connected.set()
                    async for raw in ws:
                        await self._frame(json.loads(raw))
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError):
                pass
            finally:
                self.connected.clear()
                if self.ws is not None:
                    self.close_codes.append((self.ws.close_code, self.ws.close_reason))
                self.ws = None
            await asyncio.sleep(RECONNECT_DELAY_S)

    async def _opened(self, ws: ClientConnection) -> None:
        raise NotImplementedError

    async def _frame(self, frame: dict[str, Any]) -> None:
        raise NotImplementedError

    async def _send(self, frame: dict[str, Any]) -> None:
        ws = self.ws
        if ws is not None:
            with contextlib.suppress(ConnectionClosed):
                await ws.send(json.dumps(frame, ensure_ascii=False))


class ResumingVisitor(_Resuming):
    path = VISITOR_PATH

    def __init__(self, port: int, name: str) -> None:
        super().__init__(port)
        self.name = name
        self.token: str | None = None
        self.last_seq = 0
        self.pending: dict[str, str] = {}  # cid -> text, not acknowledged yet
        self.acked: dict[str, int] = {}  # cid -> seq
        self.received: set[str] = set()  # texts of staff lines that reached this visitor
        self.refusals: list[dict[str, Any]] = []  # error and closed frames
        self._count = 0

    async def _opened(self, ws: ClientConnection) -> None:
        await ws.send(json.dumps({"type": "hello", "v": PROTOCOL_VERSION,
                                  "resume": self.token, "last_seq": self.last_seq}))
        for cid, text in list(self.pending.items()):
            await ws.send(json.dumps({"type": "message", "text": text, "cid": cid},
                                     ensure_ascii=False))

    async def say(self) -> None:
        """Write the next numbered line (sent now if connected, else after reconnecting)."""
        self._count += 1
        cid = f"{self.name}-{self._count}"
        text = f"line {self._count} from {self.name}"
        self.pending[cid] = text
        await self._send({"type": "message", "text": text, "cid": cid})

    async def _frame(self, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if kind == "started":
            self.token = frame["token"]
        elif kind == "ack":
            if self.pending.pop(frame["cid"], None) is not None or frame["cid"] in self.acked:
                self.acked[frame["cid"]] = frame["seq"]
        elif kind == "message":
            self.last_seq = max(self.last_seq, frame["seq"])
            if frame["kind"] == "staff":
                self.received.add(frame["text"])
        elif kind in ("error", "closed"):
            self.refusals.append(frame)


class ResumingStaff(_Resuming):
    path = STAFF_PATH

    def __init__(self, port: int, user: str) -> None:
        super().__init__(port)
        self.user = user
        self.session: str | None = None
        self.have: dict[int, set[int]] = {}  # conversation -> sequence numbers we hold
        self.received: dict[str, str] = {}  # visitor cid -> text, every line that reached us
        self.pending: dict[str, tuple[int, str]] = {}  # our cid -> (conversation, text)
        self.acked: dict[str, int] = {}
        self.errors: list[dict[str, Any]] = []
        self.logged_in = asyncio.Event()

    async def _opened(self, ws: ClientConnection) -> None:
        login: dict[str, Any] = {"type": "login", "v": PROTOCOL_VERSION}
        if self.session:
            login["session"] = self.session
        else:
            login.update(user=self.user, password=PASSWORD)
        await ws.send(json.dumps(login))
        for cid, (conversation, text) in list(self.pending.items()):
            await self._send({"type": "message", "conversation": conversation, "text": text,
                              "cid": cid})

    async def _frame(self, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if kind == "session":
            self.session = frame["token"]
            self.logged_in.set()
        elif kind in ("queue", "queued"):
            await self._send({"type": "claim"})
        elif kind == "conversation" and not frame["readonly"]:
            conversation = frame["id"]
            for line in frame["messages"]:
                await self._line(conversation, line)
            # Lines can reach us before the claim's own frame (which a drop can lose), so ask
            # from the first line we lack rather than after the highest one we saw.
            have = self.have.setdefault(conversation, set())
            missing = next((seq for seq in range(1, frame["last_seq"] + 1) if seq not in have),
                           None)
            if missing is not None:
                await self._send({"type": "sync", "conversation": conversation,
                                  "after": missing - 1})
        elif kind == "message":
            await self._line(frame["conversation"], frame)
        elif kind == "ack":
            if self.pending.pop(frame["cid"], None) is not None or frame["cid"] in self.acked:
                self.acked[frame["cid"]] = frame["seq"]
        elif kind == "error" and frame["code"] not in ("queue_empty", "already_claimed"):
            self.errors.append(frame)

    async def _line(self, conversation: int, line: dict[str, Any]) -> None:
        self.have.setdefault(conversation, set()).add(line["seq"])
        if line["kind"] != "visitor" or line["cid"] in self.received:
            return
        self.received[line["cid"]] = line["text"]
        cid = f"re-{line['cid']}"
        text = f"reply to {line['cid']}"
        self.pending[cid] = (conversation, text)
        await self._send({"type": "message", "conversation": conversation, "text": text,
                          "cid": cid})
