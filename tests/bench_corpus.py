"""`make bench`: 10,000 different cases through the same rulesets, on every core.

The cases are generated first (not timed); the figure is the wall time of
``engine.batch.assess_many`` from starting the worker processes to the last result,
so it includes each worker loading and compiling the rulesets once. Each case is
assessed and rendered to the summary advice the service stores (in the worker; only the
top combination and the size come back).
"""

from __future__ import annotations

import os
import random
import time

from engine.batch import Failed, assess_many
from engine.explain.render import render_json
from engine.weigh.assessment import Assessment
from tests.casegen import generate_case
from tests.conftest import RULESETS

CASES = 10_000


def summary(assessment: Assessment) -> tuple[tuple[str, ...], int]:
    """The advice in summary form as the service stores it, rendered in the worker; only
    its top combination and size travel back."""
    top = assessment.combinations[0].ids if assessment.combinations else ()
    return top, len(render_json(assessment))


def section() -> list[str]:
    rng = random.Random(10_000)
    cases = [generate_case(rng, rng.randint(3, 15), f"K{n}") for n in range(CASES)]
    start = time.perf_counter()
    results = list(assess_many(RULESETS, cases, summary))
    seconds = time.perf_counter() - start
    failed = sum(isinstance(r, Failed) for _, r in results)
    return [
        "## A corpus on every core",
        "",
        f"{CASES:,} different generated cases (3–15 persons) through the same rulesets on "
        f"{os.cpu_count()} processes: {seconds:.1f} s wall time "
        f"({CASES / seconds:,.0f} advices/s, summary form), {failed} refused. "
        "Aim: ≤ 20 s.",
    ]


if __name__ == "__main__":
    print("\n".join(section()))
