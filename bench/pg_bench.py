"""One relay on PostgreSQL against one on SQLite, side by side in one run (issue 16).

Runs bench/relay_bench.py's ``burst`` and ``rate`` steps on both engines with the same load
(same client, same pairs, same schedule) and prints the figures the issue sets targets for:
burst msg/s end to end, p99 one-way latency at 2,000 msg/s offered, and the throughput ratio.
Each relay also has every acknowledged line counted in its database afterwards.

    python bench/pg_bench.py                       # 1,000 pairs, under 2 minutes
    python bench/pg_bench.py --pg postgresql://user@host:5432/postgres --pairs 500

The PostgreSQL server must let the user create a database (one is made for the run and
dropped after). Loopback only, like every bench here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relay_bench  # noqa: E402

TARGETS = {"throughput_ratio": 0.5, "p99_ms_at_2000": 25.0}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--burst", type=int, default=15)
    parser.add_argument("--rate-seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lotsen-pg-bench-") as folder:
        out = Path(folder) / "results.json"
        relay_bench.main(["--servers", "lotsen,lotsen-pg", "--steps", "burst,rate",
                          "--rates", "2000", "--pairs", str(args.pairs),
                          "--burst", str(args.burst), "--rate-seconds", str(args.rate_seconds),
                          "--pause", "0.5", "--pg", args.pg, "--json", str(out)])
        results = json.loads(out.read_text(encoding="utf-8"))["results"]

    def step(server: str, name: str) -> dict[str, Any]:
        for item in results[server]["traffic"]["steps"]:
            if item["step"] == name:
                return dict(item)
        raise SystemExit(f"no {name} step for {server}")

    print("\n== PostgreSQL vs SQLite, one relay " + "=" * 60)
    print(f"{'engine':<12} {'burst msg/s':>12} {'p50 @2000 ms':>13} {'p99 @2000 ms':>13} "
          f"{'delivered/sent @2000':>21} {'acked lines stored':>19}")
    for server, label in (("lotsen", "SQLite"), ("lotsen-pg", "PostgreSQL")):
        burst, rate = step(server, "burst"), step(server, "rate 2000")
        traffic = results[server]["traffic"]
        print(f"{label:<12} {burst['msgs_per_s']:>12,.0f} {rate['p50_ms']:>13.2f} "
              f"{rate['p99_ms']:>13.1f} {rate['delivered']:>10,}/{rate['sent']:<10,} "
              f"{'yes' if traffic.get('durable_ok') else 'NO':>19}")
    ratio = step("lotsen-pg", "burst")["msgs_per_s"] / step("lotsen", "burst")["msgs_per_s"]
    p99 = step("lotsen-pg", "rate 2000")["p99_ms"]
    complete = step("lotsen-pg", "rate 2000")["delivered"] == step("lotsen-pg", "rate 2000")["sent"]
    print(f"\n{relay_bench.verdict(ratio >= TARGETS['throughput_ratio'])}  burst throughput "
          f"PostgreSQL / SQLite = {ratio:.2f} (target >= {TARGETS['throughput_ratio']})")
    print(f"{relay_bench.verdict(p99 <= TARGETS['p99_ms_at_2000'] and complete)}  PostgreSQL p99 "
          f"at 2,000 msg/s offered ({args.pairs:,} conversations) = {p99:.1f} ms "
          f"(target <= {TARGETS['p99_ms_at_2000']:.0f} ms)")
    print(f"{relay_bench.verdict(bool(results['lotsen-pg']['traffic'].get('durable_ok')))}  "
          "every line PostgreSQL acknowledged is in its database")


if __name__ == "__main__":
    main()
