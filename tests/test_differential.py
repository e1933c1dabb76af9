"""durable-rules, reading the same rulesets independently, agrees with the compiled evaluator.

The evaluator decides every legal basis; this is what lets a person trust it: on thousands
of generated cases durable's Rete joins find exactly the same derived facts and satisfied
legal bases, through ``Inference.verify``, the same check the service records on each
evaluation. The cases use every part of the case model, with values next to the
thresholds the rulesets name and every attribute absent now and then, so that nearly
every legal basis is met, missed and undecided somewhere in the run.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.case.flatten import flatten
from engine.case.read import parse_case
from engine.inference.legal_basis import Inference
from engine.inference.verification import VerificationStatus
from tests.casegen import REFERENCE, Pool, generate_case, operand_pool, vary_case


@pytest.fixture(scope="module")
def pool(inference: Inference) -> Pool:
    return operand_pool(inference.bundle)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), persons=st.integers(1, 12))
def test_durable_agrees_with_the_evaluator(
    inference: Inference, pool: Pool, seed: int, persons: int
) -> None:
    rng = random.Random(seed)
    case = parse_case(vary_case(rng, generate_case(rng, persons), pool))
    facts = flatten(case, REFERENCE, "voorbeeldstad")
    verdicts, _ = inference.assess(facts)
    verification = inference.verify(facts, verdicts)
    assert verification.differences == ()
    assert verification.status == VerificationStatus.agreed


def test_generated_cases_reach_every_outcome_of_most_legal_bases(
    inference: Inference, pool: Pool
) -> None:
    """The differential test is only as strong as its cases: most legal bases must come
    out satisfied in some of them and not satisfied in others."""
    rng = random.Random(2026)
    seen: dict[str, set[str]] = {itv.id: set() for itv in inference.bundle.interventions}
    for _ in range(300):
        case = parse_case(vary_case(rng, generate_case(rng, rng.randint(1, 12)), pool))
        for verdict in inference.assess(flatten(case, REFERENCE, "voorbeeldstad"))[0]:
            seen[verdict.intervention.id].add(verdict.status)
    conditional = [i.id for i in inference.bundle.interventions if i.legal_basis.condition]
    both = [i for i in conditional if {"satisfied", "not_satisfied"} <= seen[i]]
    assert len(both) >= 0.8 * len(conditional), sorted(set(conditional) - set(both))
