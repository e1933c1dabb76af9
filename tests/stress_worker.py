"""Stress run of the durable adapter, meant to run in its own process.

A segfault in durable kills the process; run from tests/test_stress.py through a
subprocess, it then fails that test instead of killing pytest. A long run says how far
it is on stderr every ``progress`` cases, so a hang shows where it stopped; the result is
one JSON line on stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import threading
import time
from pathlib import Path

from engine.advise import Advisor
from engine.case.flatten import flatten
from engine.case.read import parse_case
from tests.casegen import REFERENCE, generate_case


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1_048_576


class Progress:
    """Counts cases across threads and prints a line every ``every`` of them."""

    def __init__(self, total: int, every: int):
        self.total = total
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self.lock = threading.Lock()

    def tick(self) -> None:
        with self.lock:
            self.done += 1
            if self.every and (self.done % self.every == 0 or self.done == self.total):
                elapsed = time.monotonic() - self.started
                print(
                    f"voortgang: {self.done}/{self.total} casussen, {elapsed:.0f} s, "
                    f"{self.done / elapsed:.0f}/s, geheugen {rss_mb():.0f} MB",
                    file=sys.stderr,
                    flush=True,
                )


def main(
    rulesets: str, sequential: int, threads: int, per_thread: int, every: int
) -> dict[str, object]:
    advisor = Advisor.from_directory(Path(rulesets))
    inference = advisor.inference(advisor.bundle("voorbeeldstad", dt.date(2026, 3, 1)))
    rng = random.Random(20261122)
    pool = [
        flatten(
            parse_case(generate_case(rng, rng.randint(1, 12), f"S{i}")), REFERENCE, "voorbeeldstad"
        )
        for i in range(per_thread)
    ]
    expected = [sorted(inference.trace(f).satisfied) for f in pool]
    progress = Progress(sequential + threads * per_thread, every)
    warm = rss_mb()
    for i in range(sequential):
        result = sorted(inference.trace(pool[i % len(pool)]).satisfied)
        if result != expected[i % len(pool)]:
            return {"ok": False, "error": f"sequential case {i} differs"}
        progress.tick()
    grown = rss_mb() - warm
    mismatches: list[str] = []

    def work(n: int) -> None:
        for i, f in enumerate(pool):
            if sorted(inference.trace(f).satisfied) != expected[i]:
                mismatches.append(f"thread {n} case {i}")
            progress.tick()

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return {
        "ok": not mismatches,
        "sequential": sequential,
        "threaded": threads * per_thread,
        "rss_growth_mb": round(grown, 1),
        "mismatches": mismatches[:5],
    }


if __name__ == "__main__":
    rulesets, sequential, threads, per_thread, every = sys.argv[1], *map(int, sys.argv[2:6])
    print(json.dumps(main(rulesets, sequential, threads, per_thread, every)))
