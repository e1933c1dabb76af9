"""Benchmark for the combination search (not a test): ``python -m tests.bench_combine``."""

from __future__ import annotations

import random
import time

from engine.inference.status import Status
from engine.ruleset.models import Body, Intervention, Severity
from engine.weigh.assessment import Concern, Desirability, InterventionAssessment
from engine.weigh.combine import DOMAINS, combine


def candidates(n: int = 40, seed: int = 1) -> list[InterventionAssessment]:
    rnd = random.Random(seed)
    ids = [f"X{i:02d}" for i in range(n)]
    out = []
    for i, ident in enumerate(ids):
        others = [x for x in ids if x != ident]
        concerns = []
        if rnd.random() < 0.2:
            concerns.append(
                Concern(
                    id=f"c{i}",
                    severity=Severity.warning,
                    status=Status.SATISFIED,
                    text="z",
                    target=None,
                    mitigating_interventions=(rnd.choice(others),),
                )
            )
        itv = Intervention(
            id=ident,
            name=ident,
            domain=rnd.choice(DOMAINS),
            formal=False,
            authority="burgemeester",
            competent_body=Body.mayor,
            target="case",
            incompatible_with=rnd.sample(others, 2),
        )
        out.append(
            InterventionAssessment(
                intervention=itv,
                status=Status.SATISFIED,
                targets=(),
                refs=(),
                body=Body.mayor,
                desirability=Desirability(score=round(rnd.random(), 2)),
                concerns=tuple(concerns),
            )
        )
    return out


def bench(n: int = 40, repeat: int = 20) -> float:
    """Median milliseconds for ``combine`` over ``n`` candidates."""
    items = candidates(n)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        combine(items)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]


if __name__ == "__main__":
    for n in (10, 20, 40):
        print(f"{n} kandidaten: {bench(n):.2f} ms (mediaan)")
