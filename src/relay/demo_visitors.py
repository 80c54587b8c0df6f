"""Simulated visitors for ``lotsen demo``: protocol clients that write and answer back.

Each visitor speaks the visitor protocol the way the widget does (``hello``, ``message`` with a
cid, ``typing``, ``moment``, ``leave``), so the demo exercises the real relay. Their opening
messages are written to resemble the people who actually write to a municipal chat: worried
relatives, people asking about their own drinking, young people, professionals. Nothing here
imports Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import threading
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from relay import protocol


@dataclass(frozen=True, slots=True)
class Persona:
    """Someone who writes to the chat: what they say first, and what they answer."""

    lang: str
    role: str
    opening: str
    replies: tuple[str, ...]
    goodbye: str
    moment_after: int | None = None
    """After this many replies, the visitor presses "I need a moment"."""


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "sv", "relative",
        "Hej. Jag är orolig för min pappa. Han dricker varje kväll och blir arg när "
        "någon säger något. Mamma låtsas som ingenting. Vad kan jag göra?",
        ("Jag är 19 och bor fortfarande hemma. Det har hållit på i några år men blivit värre.",
         "Nej, jag har inte pratat med någon om det förut. Det känns skönt att skriva.",
         "Finns det någon grupp för anhöriga, eller är det bara för barn?"),
        "Tack, jag ska ringa dit. Hej då.", moment_after=1),
    Persona(
        "en", "self",
        "Hi. I think I drink too much. It started as a glass of wine after work and now "
        "it's most of a bottle every night. I don't want anyone at work to know.",
        ("About a year. I tried stopping for a week in January but couldn't sleep.",
         "No, I haven't told my doctor. Is this anonymous?",
         "OK. What would the first step be?"),
        "Thank you, that helps. I'll think about calling tomorrow."),
    Persona(
        "sv", "child",
        "hej jag är 14 och min mamma tar massa tabletter och sover hela dagarna. "
        "jag vet inte vem jag ska säga till",
        ("nej pappa bor inte med oss. jag har en lillebror som är 8",
         "vi har mat men det är jag som lagar den oftast",
         "får ni berätta för socialtjänsten? jag vill inte att mamma ska bli arg"),
        "ok. tack för att du lyssnade"),
    Persona(
        "sv", "professional",
        "Hej, jag är mentor på en gymnasieskola. En elev har berättat att hen röker "
        "cannabis nästan varje dag och har slutat komma på lektionerna. Hur går jag vidare?",
        ("Eleven är 17. Hen vill inte att föräldrarna ska få veta.",
         "Har vi anmälningsplikt i det här läget?"),
        "Tack, det var tydligt. Jag tar det med elevhälsan."),
    Persona(
        "nb", "relative",
        "Hei. Broren min spiller bort alle pengene sine på nettcasino. Han har lånt penger "
        "av hele familien og lyver om det. Hva kan vi gjøre?",
        ("Han er 32. Han sier selv at han har kontroll.",
         "Finnes det hjelp for oss som pårørende også?"),
        "Takk skal du ha. Ha det."),
    Persona(
        "sv", "self",
        "Jag har spelat bort hela lönen igen. Skulderna växer och jag ljuger för min sambo. "
        "Jag orkar inte mer.",
        ("Det har hållit på i två år ungefär.",
         "Nej, jag tänker inte göra mig illa. Jag vill bara att det ska sluta."),
        "Tack. Jag ska ringa Stödlinjen i morgon."),
)

_cid = itertools.count(1)


class DemoVisitor:
    """One simulated visitor on the relay's visitor endpoint."""

    def __init__(self, url: str, persona: Persona, *, pace: float = 1.0,
                 rng: random.Random | None = None) -> None:
        self.url = url
        self.persona = persona
        self.pace = pace
        self.rng = rng or random.Random()
        self.replies = list(persona.replies)
        self.answered = 0
        self.done = False

    async def _send(self, ws: ClientConnection, frame: dict[str, Any]) -> None:
        await ws.send(json.dumps(frame, ensure_ascii=False))

    async def _say(self, ws: ClientConnection, text: str) -> None:
        # Type for a while first, as a person does.
        await self._send(ws, {"type": "typing", "active": True})
        await asyncio.sleep(min(6.0, 1.0 + len(text) / 40) * self.pace)
        await self._send(ws, {"type": "message", "text": text, "cid": f"demo{next(_cid)}",
                              "lang": self.persona.lang, "role": self.persona.role})

    async def run(self, delay: float = 0.0) -> None:
        """Arrive after ``delay`` seconds, write, answer each staff line, then say goodbye."""
        await asyncio.sleep(delay)
        persona = self.persona
        async with connect(self.url, open_timeout=5, compression=None, proxy=None) as ws:
            await self._send(ws, {"type": "hello", "v": protocol.PROTOCOL_VERSION,
                                  "lang": persona.lang, "role": persona.role})
            await self._say(ws, persona.opening)
            pending: asyncio.Task[None] | None = None
            async for raw in ws:
                frame = json.loads(raw)
                kind = frame.get("type")
                if kind == "ended" or kind == "closed":
                    break
                if kind != "message" or frame.get("kind") != "staff":
                    continue
                if pending is not None and not pending.done():
                    continue  # already answering; one answer per turn
                pending = asyncio.create_task(self._answer(ws))
            if pending is not None:
                pending.cancel()
        self.done = True

    async def _answer(self, ws: ClientConnection) -> None:
        await asyncio.sleep(self.rng.uniform(2.0, 5.0) * self.pace)
        persona = self.persona
        if persona.moment_after is not None and self.answered == persona.moment_after:
            await self._send(ws, {"type": "moment"})
            await asyncio.sleep(8.0 * self.pace)
        if self.replies:
            await self._say(ws, self.replies.pop(0))
            self.answered += 1
            return
        await self._say(ws, persona.goodbye)
        await asyncio.sleep(2.0 * self.pace)
        await self._send(ws, {"type": "leave", "reason": "ended"})


async def run_visitors(port: int, count: int, *, host: str = "127.0.0.1", spacing: float = 4.0,
                       pace: float = 1.0, stop: asyncio.Event | None = None,
                       orgs: tuple[str, ...] = ()) -> None:
    """Start ``count`` visitors a few seconds apart; return when all are done or on ``stop``.
    ``orgs``: a relay of organisations; visitors take turns writing to each one."""
    url = f"ws://{host}:{port}{protocol.VISITOR_PATH}"
    urls = [f"{url}?org={org}" for org in orgs] or [url]
    rng = random.Random()
    visitors = [DemoVisitor(urls[i % len(urls)], persona, pace=pace, rng=rng)
                for i, persona in enumerate(itertools.islice(itertools.cycle(PERSONAS), count))]
    tasks = [asyncio.create_task(_quietly(v.run(delay=1.0 + i * spacing)))
             for i, v in enumerate(visitors)]
    everyone: asyncio.Future[Any] = asyncio.gather(*tasks)
    waiters: list[asyncio.Future[Any]] = [everyone]
    if stop is not None:
        waiters.append(asyncio.ensure_future(stop.wait()))
    await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    for waiter in waiters:
        waiter.cancel()
    for waiter in waiters:
        with contextlib.suppress(asyncio.CancelledError):
            await waiter


async def _quietly(work: Any) -> None:
    """A demo visitor that cannot connect, or is cut off, simply stops."""
    with contextlib.suppress(OSError, ConnectionClosed, TimeoutError):
        await work


class VisitorThread:
    """Demo visitors on their own event loop, so the console's loop stays free."""

    def __init__(self, port: int, count: int, **options: Any) -> None:
        self.port, self.count, self.options = port, count, options
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._main, name="demo-visitors", daemon=True)
        self._ready = threading.Event()

    def _main(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            self._ready.set()
            await run_visitors(self.port, self.count, stop=self._stop, **self.options)

        asyncio.run(main())

    def start(self) -> VisitorThread:
        self._thread.start()
        self._ready.wait(5)
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(5)
