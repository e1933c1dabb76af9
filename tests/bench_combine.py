"""Benchmark for the combination search (not a test): ``python -m tests.bench_combine``."""

from __future__ import annotations

import random
import time

from engine.advice import (
    ConcernOut,
    DesirabilityOut,
    HumanMeasureOut,
    InterventionAdvice,
    LegalBasisOut,
)
from engine.weigh.combine import DOMAINS, combine


def candidates(n: int = 40, seed: int = 1) -> list[InterventionAdvice]:
    rnd = random.Random(seed)
    ids = [f"X{i:02d}" for i in range(n)]
    out = []
    for i, ident in enumerate(ids):
        others = [x for x in ids if x != ident]
        concerns = []
        if rnd.random() < 0.2:
            concerns.append(
                ConcernOut(
                    id=f"c{i}",
                    severity="warning",
                    text="z",
                    mitigating_interventions=[rnd.choice(others)],
                )
            )
        out.append(
            InterventionAdvice(
                id=ident,
                name=ident,
                domain=rnd.choice(DOMAINS),
                formal=False,
                authority="burgemeester",
                target="case",
                legal_basis=LegalBasisOut(status="satisfied", citations=[]),
                desirability=DesirabilityOut(score=round(rnd.random(), 2)),
                human_measure=HumanMeasureOut(concerns=concerns),
                incompatible_with=rnd.sample(others, 2),
                explanation="",
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
