"""Benchmark the referral engine on a realistic 200-line conversation.

    python bench/bench_referrals.py [--lines 200] [--rounds 300] [--without-topic-model]

Prints the median and p95 time of one ``suggest()`` and one ``urgency()`` call in three
situations:

- ``new message``: the conversation grows by one line per call, as when the console refreshes
  suggestions on every message (the earlier lines' analysis is cached);
- ``repeat``: the same conversation again (the console redrawing);
- ``unseen``: the line cache is emptied before every call, so all 200 lines are analysed
  afresh (only the per-word cache is warm, as it is after the first minutes of service).

The target (issue 5) is at most 2 ms for suggestions on a 200-line conversation. Wall-clock
time includes waiting for the CPU when other processes compete for it; CPU time does not, so
on a shared machine compare both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable

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
    extra = iter(build_conversation(args.rounds * 2 + 10, seed=11))

    def grow() -> None:
        line = next(extra)
        growing.lines.append(Line(line.sender, line.text + " new"))
        del growing.lines[0]

    print(f"{args.lines}-line conversation, {args.rounds} rounds each")
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
