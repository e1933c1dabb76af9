"""`make bench`: engine throughput and latency on generated cases, written to docs/performance.md.

Speed goals live here, not in timed tests. Cases come from the same generator as the
differential and stress tests, so the figures describe the cases the suite checks.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import statistics
import time
from pathlib import Path

from engine.advise import Advisor
from engine.case.flatten import flatten
from engine.case.read import parse_case
from tests.casegen import REFERENCE, generate_case

ROOT = Path(__file__).resolve().parent.parent


def measure(fn, cases):  # type: ignore[no-untyped-def]
    times = []
    start = time.perf_counter()
    for case in cases:
        t = time.perf_counter()
        fn(case)
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    times.sort()
    return (
        len(cases) / total,
        statistics.median(times) * 1000,
        times[int(len(times) * 0.99) - 1] * 1000,
    )


def machine() -> str:
    cpu = "onbekend"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    import os

    return f"{platform.python_implementation()} {platform.python_version()}, {cpu}, {os.cpu_count()} cores"


def main() -> None:
    t = time.perf_counter()
    advisor = Advisor.from_directory(ROOT / "rulesets")
    load = time.perf_counter() - t
    t = time.perf_counter()
    bundle = advisor.bundle("voorbeeldstad", dt.date(2026, 3, 1))
    inference = advisor.inference(bundle)
    compile_time = time.perf_counter() - t
    rows = []
    for persons in (5, 10, 20, 100):
        rng = random.Random(persons)
        n = 2000 if persons <= 20 else 300
        cases = [parse_case(generate_case(rng, persons, f"B{i}")) for i in range(n)]
        flat = [flatten(c, REFERENCE, "voorbeeldstad") for c in cases]
        facts = sum(len(f.records()) for f in flat) / n
        legal = measure(inference.trace, flat)
        full = measure(lambda c: advisor.advise(c), cases[: n // 4])
        rows.append((persons, facts, legal, full))
    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` on {dt.date.today().isoformat()}: {machine()}, one process, one thread.",
        f"Rulesets: {len(bundle.interventions)} interventions, {len(inference.compiled.rules)} compiled rules.",
        f"Load and validate rulesets: {load * 1000:.0f} ms; bundle and compile into durable-rules: {compile_time * 1000:.0f} ms.",
        "",
        "| persons | facts/case | legal-basis evals/s | median ms | p99 ms | full advices/s | median ms | p99 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for persons, facts, legal, full in rows:
        lines.append(
            f"| {persons} | {facts:.0f} | {legal[0]:.0f} | {legal[1]:.2f} | {legal[2]:.2f} "
            f"| {full[0]:.0f} | {full[1]:.2f} | {full[2]:.2f} |"
        )
    lines += [
        "",
        "Legal-basis evaluation is the durable-rules run (derived facts and legal bases);",
        "a full advice adds the three-valued reading, explanations and weighing.",
    ]
    text = "\n".join(lines) + "\n"
    (ROOT / "docs" / "performance.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
