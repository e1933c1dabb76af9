"""The durable-rules path and the plain three-valued reading find the same things true.

This is what lets the explanation (from the reading) stand for the decision (from the
engine): any disagreement on a generated case is a compiler or reading defect.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.case.flatten import flatten
from engine.case.read import parse_case
from engine.inference.evaluate import TRUE, Evaluator
from tests.casegen import REFERENCE, generate_case


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), persons=st.integers(1, 12))
def test_durable_and_reading_agree(inference, seed: int, persons: int) -> None:
    case = parse_case(generate_case(random.Random(seed), persons))
    facts = flatten(case, REFERENCE, "voorbeeldstad")
    trace = inference.trace(facts)
    reading = Evaluator(
        facts, inference.bundle.facts, {k: p.value for k, p in inference.bundle.parameters.items()}
    )
    by_reading_derived = set()
    for fact in inference.bundle.facts:
        for ref, attrs in facts.entities.items():
            if attrs["t"] == fact.subject and reading.evaluate(fact.condition, ref).status == TRUE:
                by_reading_derived.add((f"{fact.subject}.{fact.id}", ref))
    assert trace.derived == by_reading_derived
    by_reading_legal = set()
    for itv in inference.bundle.interventions:
        if itv.legal_basis.condition is None:
            continue
        for ref, attrs in facts.entities.items():
            if (
                attrs["t"] == itv.target
                and reading.evaluate(itv.legal_basis.condition, ref).status == TRUE
            ):
                by_reading_legal.add((itv.id, ref))
    assert trace.satisfied == by_reading_legal
