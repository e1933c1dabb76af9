"""`make bench`: 10,000 different cases through the same rulesets, on every core.

The cases are generated first (not timed); the figure is the wall time of
``engine.batch.assess_many`` from starting the worker processes to the last result,
so it includes each worker loading and compiling the rulesets once. Each case is
assessed and reduced to its recommended combination, without rendering an advice.
"""

from __future__ import annotations

import os
import random
import time

from engine.batch import Failed, assess_many
from engine.weigh.assessment import Assessment
from tests.casegen import generate_case
from tests.conftest import RULESETS

CASES = 10_000


def top_combination(assessment: Assessment) -> tuple[str, ...]:
    return assessment.combinations[0].ids if assessment.combinations else ()


def section() -> list[str]:
    rng = random.Random(10_000)
    cases = [generate_case(rng, rng.randint(3, 15), f"K{n}") for n in range(CASES)]
    start = time.perf_counter()
    results = list(assess_many(RULESETS, cases, top_combination))
    seconds = time.perf_counter() - start
    failed = sum(isinstance(r, Failed) for _, r in results)
    return [
        "## A corpus on every core",
        "",
        f"{CASES:,} different generated cases (3–15 persons) through the same rulesets on "
        f"{os.cpu_count()} processes: {seconds:.1f} s wall time "
        f"({CASES / seconds:,.0f} cases/s, assessed, not rendered), {failed} refused. "
        "Aim: ≤ 20 s.",
    ]


if __name__ == "__main__":
    print("\n".join(section()))
