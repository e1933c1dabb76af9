"""`make bench`: 10,000 different cases through the same rulesets, on every core.

The cases are generated first (not timed); the figure is the wall time of
``engine.batch.advise_many`` from starting the worker processes to the last result,
so it includes each worker loading and compiling the rulesets once.
"""

from __future__ import annotations

import os
import random
import time

from engine.batch import Failed, advise_many
from engine.contract import Advice
from tests.casegen import generate_case
from tests.conftest import RULESETS

CASES = 10_000


def top_combination(advice: Advice) -> tuple[str, ...]:
    return tuple(advice.combinations[0].interventions) if advice.combinations else ()


def section() -> list[str]:
    rng = random.Random(10_000)
    cases = [generate_case(rng, rng.randint(3, 15), f"K{n}") for n in range(CASES)]
    start = time.perf_counter()
    results = list(advise_many(RULESETS, cases, top_combination))
    seconds = time.perf_counter() - start
    failed = sum(isinstance(r, Failed) for _, r in results)
    return [
        "## A corpus on every core",
        "",
        f"{CASES:,} different generated cases (3–15 persons) through the same rulesets on "
        f"{os.cpu_count()} processes: {seconds:.1f} s wall time "
        f"({CASES / seconds:,.0f} advices/s, summary form), {failed} refused. Aim: ≤ 20 s.",
    ]


if __name__ == "__main__":
    print("\n".join(section()))
