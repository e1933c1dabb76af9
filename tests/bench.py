"""`make bench`: engine throughput and latency on generated cases, written to docs/performance.md.

Speed goals live here, not in timed tests. Cases come from the same generator as the
differential and stress tests, so the figures describe the cases the suite checks. Every
figure is one process, one thread (one core), except the sections that say otherwise;
the machine's load average is printed beside them because other work on the machine
changes them.

``python -m tests.bench engine`` runs only the engine sections and prints them, without
writing docs/performance.md (for a quick look while developing).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from itertools import count
from pathlib import Path
from typing import Any, TypeVar

from engine.advise import Advisor
from engine.case.flatten import Facts, flatten
from engine.case.models import Case
from engine.case.read import parse_case
from engine.explain.render import render_json
from engine.inference.durable_reading import DurableReading
from engine.inference.evaluate import CompiledBundle
from engine.inference.legal_basis import Inference
from engine.ruleset.bundle import Bundle
from tests.casegen import REFERENCE, generate_case

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")

#: Persons per case for the scaling table, and how many cases to time at each size.
SCALING = ((5, 500), (10, 500), (20, 300), (100, 100), (1_000, 10), (5_000, 3))


def measure(fn: Callable[[T], Any], cases: Sequence[T]) -> tuple[float, float, float]:
    """Per second, median ms and p99 ms of ``fn`` over ``cases``."""
    times = []
    start = time.perf_counter()
    for case in cases:
        t = time.perf_counter()
        fn(case)
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    times.sort()
    p99 = times[max(0, int(len(times) * 0.99) - 1)]
    return len(cases) / total, statistics.median(times) * 1000, p99 * 1000


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "onbekend"


def machine() -> str:
    return (
        f"{platform.python_implementation()} {platform.python_version()}, {cpu_model()}, "
        f"{os.cpu_count()} cores"
    )


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def aim(met: bool) -> str:
    return "aim met" if met else "**aim missed**"


def cases(persons: int, n: int, seed: int | None = None) -> list[Facts]:
    rng = random.Random(persons if seed is None else seed)
    return [
        flatten(parse_case(generate_case(rng, persons, f"B{i}")), REFERENCE, "voorbeeldstad")
        for i in range(n)
    ]


def compile_section() -> tuple[Advisor, Bundle, Inference, list[str]]:
    start = time.perf_counter()
    advisor = Advisor.from_directory(ROOT / "rulesets")
    bundle = advisor.bundle("voorbeeldstad", dt.date(2026, 3, 1))
    loaded = time.perf_counter()
    inference = advisor.inference(bundle)
    compiled = time.perf_counter()
    durable = DurableReading(bundle)
    second = time.perf_counter()
    total = (compiled - start) * 1000
    lines = [
        "## Load and compile",
        "",
        f"Rulesets of Voorbeeldstad on 2026-03-01: {len(bundle.interventions)} interventions, "
        f"{len(bundle.facts)} derived facts.",
        "",
        "| step | ms |",
        "|---|---|",
        f"| load and validate all rulesets, bundle them | {(loaded - start) * 1000:.0f} |",
        f"| compile the bundle for the evaluator | {(compiled - loaded) * 1000:.1f} |",
        f"| **load and compile** (aim ≤ 300 ms: {aim(total <= 300)}) | **{total:.0f}** |",
        f"| compile for durable-rules ({len(durable.compiled.rules)} rules; on first "
        f"verification only) | {(second - compiled) * 1000:.0f} |",
    ]
    return advisor, bundle, inference, lines


def legal_basis_section(inference: Inference) -> list[str]:
    flat = cases(10, 4000)
    inference.assess(flat[0])
    rate, median, p99 = measure(inference.assess, flat)
    return [
        "## Legal basis",
        "",
        "Every legal basis of the bundle for every subject of a 10-person case, by the compiled "
        f"evaluator (status only; proof trees are built when an advice shows them); "
        f"{len(flat):,} cases, flattened beforehand.",
        "",
        "| cases per second | per second at the median | median ms | p99 ms | aim ≥ 4,000/s |",
        "|---|---|---|---|---|",
        f"| {rate:,.0f} | {1000 / median:,.0f} | {median:.3f} | {p99:.3f} | {aim(rate >= 4000)} |",
        "",
        "*Per second at the median* is 1,000 / median ms: what one core does when the "
        "process is not pre-empted, which the load average above shows it was if the two "
        "rates differ much.",
    ]


def scaling_section(inference: Inference, bundle: Bundle) -> list[str]:
    ticks = count()
    counting = CompiledBundle(bundle, count=lambda: next(ticks))
    rows = []
    largest = 0.0
    for persons, n in SCALING:
        rng = random.Random(persons)
        raw = [generate_case(rng, persons, f"S{i}") for i in range(n)]
        parsed = [parse_case(c) for c in raw]
        _, flat_ms, _ = measure(lambda c: flatten(c, REFERENCE, "voorbeeldstad"), parsed)
        flat = [flatten(c, REFERENCE, "voorbeeldstad") for c in parsed]
        rate, median, p99 = measure(inference.assess, flat)
        entities = sum(len(f.entities) for f in flat) / n
        before = next(ticks)
        for facts in flat:
            evaluator = counting.evaluator(facts)
            for itv in bundle.interventions:
                condition = itv.legal_basis.condition
                if condition is not None:
                    for ref, attrs in facts.entities.items():
                        if attrs["t"] == itv.target:
                            evaluator.status(condition, ref)
        nodes = (next(ticks) - before - 1) / n
        rows.append(
            f"| {persons:,} | {entities:,.0f} | {nodes / entities:.1f} | {flat_ms:.2f} "
            f"| {median:.2f} | {p99:.2f} | {rate:,.0f} |"
        )
        largest = flat_ms + median
    return [
        "## Growth with the size of a case",
        "",
        "Legal bases for cases of growing size. *Nodes per entity* counts the compiled "
        "condition nodes evaluated per entity of the case: constant means linear growth "
        "(the work itself, free of timing noise). Flattening the case (pydantic model to "
        "indexed facts) is shown apart. Aim: 5,000 persons ≤ 5 s.",
        "",
        "| persons | entities | nodes per entity | flatten ms | legal basis median ms "
        "| p99 ms | cases/s |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"5,000 persons, flatten and legal bases: {largest:,.0f} ms ({aim(largest <= 5000)}).",
    ]


def durable_section(inference: Inference) -> list[str]:
    flat = cases(10, 300, seed=11)
    verdicts = [inference.assess(f)[0] for f in flat]
    pairs = list(zip(flat, verdicts, strict=True))
    inference.verify(*pairs[0])
    rate, median, p99 = measure(lambda p: inference.verify(*p), pairs)
    agreed = sum(inference.verify(f, v).status == "agreed" for f, v in pairs)
    return [
        "## durable-rules second reading",
        "",
        "`Inference.verify` for a 10-person case: durable-rules re-derives every derived "
        "fact and legal basis from the flat facts (asserted one at a time under the "
        "process lock) and the result is compared with the evaluator's.",
        "",
        "| verifications per second | median ms | p99 ms | agreed |",
        "|---|---|---|---|",
        f"| {rate:,.0f} | {median:.2f} | {p99:.2f} | {agreed} of {len(pairs)} |",
    ]


def full_advice_section(advisor: Advisor) -> list[str]:
    """The advice as the service serves it: assessed and serialised once, summary form."""
    rows = []
    for persons in (5, 10, 20, 100):
        rng = random.Random(persons)
        n = 500 if persons <= 20 else 75
        parsed = [parse_case(generate_case(rng, persons, f"B{i}")) for i in range(n)]
        sizes = sorted(len(summary(advisor, case)) for case in parsed)
        rate, median, p99 = measure(lambda case: summary(advisor, case), parsed)
        rows.append(
            f"| {persons} | {rate:,.0f} | {median:.2f} | {p99:.2f} "
            f"| {statistics.median(sizes) / 1024:.1f} | {sizes[-1] / 1024:.1f} |"
        )
    return [
        "## Full advice",
        "",
        "Flatten, legal bases, weighing, combinations and the summary serialised to JSON "
        "(what the service stores and serves; ADR 0014). Aim: ≥ 1,000/s with p99 ≤ 5 ms and "
        "a summary ≤ 30 KB for 10 persons.",
        "",
        "| persons | full advices/s | median ms | p99 ms | summary KB median | max |",
        "|---|---|---|---|---|---|",
        *rows,
    ]


def summary(advisor: Advisor, case: Case) -> bytes:
    return render_json(advisor.assess(case, "voorbeeldstad", REFERENCE))


def stages_section(advisor: Advisor) -> list[str]:
    """Where the time of a summary advice goes, stage by stage, for 10-person cases."""
    from engine.case.flatten import flatten
    from engine.weigh.assess import weigh
    from engine.weigh.combine import combine

    rng = random.Random(42)
    parsed = [parse_case(generate_case(rng, 10, f"S{i}")) for i in range(300)]
    spent = dict.fromkeys(("flatten", "legal basis", "weigh", "combine", "render"), 0.0)
    for case in parsed:
        date, place = REFERENCE, "voorbeeldstad"
        bundle = advisor.bundle(place, date)
        inference = advisor.inference(bundle)
        t0 = time.process_time()
        facts = flatten(case, date, place)
        t1 = time.process_time()
        verdicts, reading = inference.assess(facts)
        t2 = time.process_time()
        items = weigh(verdicts, bundle, case, facts, reading)
        t3 = time.process_time()
        combine(items)
        t4 = time.process_time()
        # The render stage gets the pipeline's own assessment (made again, not timed).
        assessment = advisor.assess(case, place, date)
        t5 = time.process_time()
        render_json(assessment)
        t6 = time.process_time()
        stages = (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t6 - t5)
        for stage, took in zip(spent, stages, strict=True):
            spent[stage] += took
    total = sum(spent.values())
    rows = [
        f"| {stage} | {took / len(parsed) * 1000:.2f} | {took / total:.0%} |"
        for stage, took in spent.items()
    ]
    return [
        "## Where the time of an advice goes",
        "",
        "CPU time per stage of a summary advice (serialised to JSON), 300 generated "
        "10-person cases. Weighing reads the open questions of concerns from the compiled "
        "nodes (no proof trees), rendering serialises the summary from plain data (no "
        "pydantic object per node), and the combination search explores up to its budget.",
        "",
        "| stage | ms per case | share |",
        "|---|---|---|",
        *rows,
    ]


def engine_sections() -> tuple[Advisor, list[str]]:
    advisor, bundle, inference, lines = compile_section()
    lines += ["", *legal_basis_section(inference)]
    lines += ["", *scaling_section(inference, bundle)]
    lines += ["", *durable_section(inference)]
    return advisor, lines


def main(argv: list[str]) -> None:
    header = [
        "# Performance",
        "",
        f"Measured by `make bench` on {dt.date.today().isoformat()}: {machine()}; "
        f"at the start: {load()}.",
        "",
        "Where an aim is missed, where the time goes and what was tried is written by hand "
        "in [performance-analysis.md](performance-analysis.md), with the date of the run it "
        "reads; this file is rewritten by every run.",
        "",
    ]
    advisor, lines = engine_sections()
    if argv[:1] == ["engine"]:
        print("\n".join([*header, *lines, "", f"At the end: {load()}."]))
        return
    from tests import bench_api, bench_combine, bench_corpus, bench_impact

    print("\n".join([*header, *lines]), flush=True)
    # Each section is printed as soon as it is measured, so a failure late in a long run
    # still leaves the figures before it on screen.
    for section in (
        lambda: full_advice_section(advisor),
        lambda: stages_section(advisor),
        bench_combine.section,
        bench_corpus.section,
        bench_impact.section,
        bench_api.section,
    ):
        part = ["", *section()]
        print("\n".join(part), flush=True)
        lines += part
    text = "\n".join([*header, *lines, "", f"At the end: {load()}."]) + "\n"
    (ROOT / "docs" / "performance.md").write_text(text, encoding="utf-8")
    print(f"At the end: {load()}. Written to docs/performance.md.")


if __name__ == "__main__":
    main(sys.argv[1:])
