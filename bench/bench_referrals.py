"""Benchmark the referral engine on a realistic 200-line conversation.

    python bench/bench_referrals.py [--lines 200] [--rounds 300] [--without-topic-model]

Prints the median and p95 time of one ``suggest()`` and one ``urgency()`` call in three
situations:

- ``new message``: the conversation grows by one line per call (the earlier lines' analysis
  is cached);
- ``repeat``: the same conversation again (the console redrawing);
- ``unseen``: the line cache is emptied before every call, so all 200 lines are analysed
  afresh (only the per-word cache is warm, as it is after the first minutes of service).

Two rows are the calls the running service makes on every message:

- ``console update``: the console's own call after a new message
  (``console.referrals.ReferralSource.suggest``: its engine has no learnt urgency model and is
  given the relay's verdict, so it ranks services and decides no urgency of its own);
- ``relay triage``: the relay's call on a queued conversation's new visitor line, ``urgency()``
  on its last 50 visitor lines (``relay.hub.TRIAGE_LINES``).

The other ``suggest()`` rows decide urgency as well (as ``lotsen referrals eval`` does).

The target (issues 5 and 11) is at most 2 ms per console update on a 200-line conversation.
Wall-clock time includes waiting for the CPU when other processes compete for it; CPU time does
not, so on a shared machine compare both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable

from console.referrals import ReferralSource
from console.state import Chat
from console.state import Line as ChatLine
from referrals import Conversation, Line, SuggestionEngine, load_directory

VISITOR_LINES = (
    "hej, jag vet inte riktigt var jag ska börja",
    "det gäller min sambo, han dricker nästan varje kväll och blir arg",
    "jag orkar inte mer, jag sover dåligt och har ångest på morgnarna",
    "vi har två barn och jag vill inte att de ska se honom full",
    "han säger att han kan sluta när han vill men det har han sagt i flera år",
    "ibland spelar han också på nätcasino och vi har fått skulder",
    "min mamma säger att jag borde lämna honom men jag vet inte",
    "jag har inte berättat för någon på jobbet",
    "finns det någon grupp för anhöriga här i kommunen?",
    "han har aldrig slagit mig men han skriker och smäller i dörrar",
    "förra veckan var han borta en hel natt och svarade inte i telefon",
    "jag är rädd att barnen märker mer än jag tror",
    "vår dotter är 14 och har börjat stänga in sig på rummet",
    "okej, det låter bra. kan man vara anonym där?",
    "tack, jag ska tänka på det",
    "jag har själv börjat dricka mer vin än förut för att klara kvällarna",
    "ja kanske, jag vet inte om jag vågar ringa",
    "vad händer om socialtjänsten får veta?",
)
STAFF_LINES = (
    "Hej och välkommen! Du kan vara anonym här. Vad vill du prata om?",
    "Det låter tungt. Hur länge har det varit så?",
    "Hur mår du själv i det här?",
    "Vi har anhörigstöd i kommunen, både samtal och grupper.",
    "Det är vanligt att känna så när någon nära dricker för mycket.",
    "Har du någon du kan prata med i din närhet?",
    "Du är inte ensam om det här, och det finns hjälp att få.",
    "Vill du att jag berättar mer om hur en första träff går till?",
    "Alkoholhjälpen har också stöd för anhöriga, anonymt.",
    "Hur har barnen det, tror du?",
)


def build_conversation(line_count: int, seed: int = 7) -> list[Line]:
    """Alternating visitor and staff lines, each made distinct so no two lines are equal."""
    rng = random.Random(seed)
    lines = []
    for number in range(line_count):
        visitor = number % 2 == 0
        text = rng.choice(VISITOR_LINES if visitor else STAFF_LINES)
        lines.append(Line("visitor" if visitor else "staff", f"{text} ({number})"))
    return lines


Timings = tuple[list[float], list[float]]


def measure(
    call: Callable[[], object], rounds: int, before: Callable[[], object] | None = None
) -> Timings:
    """Wall-clock and CPU milliseconds per call, ``before`` run untimed ahead of each call."""
    wall, cpu = [], []
    for _ in range(rounds):
        if before:
            before()
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def summary(name: str, timings: Timings) -> str:
    wall, cpu = timings
    wall_text = f"median {statistics.median(wall):7.3f} ms  p95 {percentile(wall, 0.95):7.3f} ms"
    cpu_text = f"median {statistics.median(cpu):7.3f} ms  p95 {percentile(cpu, 0.95):7.3f} ms"
    return f"{name:<24} wall {wall_text}   cpu {cpu_text}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument(
        "--without-topic-model",
        action="store_true",
        help="suggestions from the words alone, to see what the learnt topic reader costs",
    )
    args = parser.parse_args()

    start = time.perf_counter()
    engine = SuggestionEngine(
        load_directory(), topic_model=None if args.without_topic_model else "shipped"
    )
    print(f"engine built in {(time.perf_counter() - start) * 1000:.0f} ms (once, at startup)")
    if hasattr(os, "getloadavg"):
        print(
            "load average: "
            + " ".join(f"{x:.2f}" for x in os.getloadavg())
            + f" on {os.cpu_count()} cores"
        )

    base = build_conversation(args.lines)
    conversation = Conversation("sv", "relative", list(base))
    engine.suggest(conversation)  # warm the per-word cache, as a running relay would have it

    growing = Conversation("sv", "relative", list(base[:-1]))
    extra = iter(build_conversation(args.rounds * 3 + 10, seed=11))

    def grow() -> None:
        line = next(extra)
        growing.lines.append(Line(line.sender, line.text + " new"))
        del growing.lines[0]

    print(f"{args.lines}-line conversation, {args.rounds} rounds each")
    console = ReferralSource(lang="sv")
    console.load()
    chat = Chat(key=1, alias="bench", lang="sv", role="relative", lines=[
        ChatLine(line.sender, None, line.text, 0.0) for line in base
    ])
    console.suggest(chat)
    shown = iter(build_conversation(args.rounds + 10, seed=17))

    def chat_grows() -> None:
        line = next(shown)
        chat.lines.append(ChatLine(line.sender, None, line.text + " shown", 0.0))
        del chat.lines[0]

    update = measure(lambda: console.suggest(chat), args.rounds, chat_grows)
    print(summary("console update", update))
    queued = Conversation("sv", "relative", [ln for ln in base if ln.sender == "visitor"][-50:])
    written = (
        ln for ln in build_conversation(args.rounds * 2 + 10, seed=13) if ln.sender == "visitor"
    )

    def visitor_writes() -> None:
        line = next(written)
        queued.lines.append(Line("visitor", line.text + " queued"))
        del queued.lines[0]

    print(
        summary(
            "urgency()  relay triage",
            measure(lambda: engine.urgency(queued), args.rounds, visitor_writes),
        )
    )
    print(
        summary(
            "suggest()  new message", measure(lambda: engine.suggest(growing), args.rounds, grow)
        )
    )
    print(summary("suggest()  repeat", measure(lambda: engine.suggest(conversation), args.rounds)))
    print(
        summary(
            "suggest()  unseen",
            measure(lambda: engine.suggest(conversation), args.rounds, engine.clear_cache),
        )
    )
    print(
        summary(
            "urgency()  new message", measure(lambda: engine.urgency(growing), args.rounds, grow)
        )
    )
    print(summary("urgency()  repeat", measure(lambda: engine.urgency(conversation), args.rounds)))
    print(
        summary(
            "urgency()  unseen",
            measure(lambda: engine.urgency(conversation), args.rounds, engine.clear_cache),
        )
    )


if __name__ == "__main__":
    main()
