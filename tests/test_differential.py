"""durable-rules, reading the same rulesets independently, agrees with the compiled evaluator.

The evaluator decides every legal basis; this is what lets a person trust it: on thousands
of generated cases (every attribute absent now and then) durable's Rete joins find exactly
the same derived facts and satisfied legal bases, through ``Inference.verify``, the same
check the service records on each evaluation.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.case.flatten import flatten
from engine.case.read import parse_case
from engine.inference.legal_basis import Inference
from engine.inference.verification import VerificationStatus
from tests.casegen import REFERENCE, generate_case


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), persons=st.integers(1, 12))
def test_durable_agrees_with_the_evaluator(inference: Inference, seed: int, persons: int) -> None:
    case = parse_case(generate_case(random.Random(seed), persons))
    facts = flatten(case, REFERENCE, "voorbeeldstad")
    verdicts, _ = inference.assess(facts)
    verification = inference.verify(facts, verdicts)
    assert verification.differences == ()
    assert verification.status == VerificationStatus.agreed
