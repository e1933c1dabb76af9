"""The one operator table: its Python test, its negation and its durable-rules constraint agree.

The evaluator decides with ``holds``, the durable compiler pushes ``not`` down with
``negation`` and matches with ``durable``; if any of the three drifted, the second reading
would disagree with the first on real cases. Here every operator is checked on values of
every kind the case model produces (numbers, texts, ISO dates, yes/no) and on an absent fact.
"""

from __future__ import annotations

from typing import Any

import pytest

from engine.inference import rete
from engine.ruleset.conditions import (
    OPERATOR_TABLE,
    OPERATOR_TEXT,
    OPERATORS,
    Compare,
    NotOf,
    negation_normal_form,
)

#: Per kind of value: the values a case may hold, and operands to compare them with.
SAMPLES: dict[str, tuple[list[Any], list[Any]]] = {
    "number": ([0.3, 1, 5, 7.5, 120], [5, 1]),
    "text": (["drugs", "nuisance", "weapons"], ["nuisance"]),
    "date": (["2023-05-01", "2024-01-01", "2025-02-03"], ["2024-01-01"]),
    "yes/no": ([True, False], [True, False]),
}
LIST_OPERATORS = ("one_of", "none_of")


def _operands(op: str, kind: str) -> list[Any]:
    if op == "known":
        return [True, False]
    values, operands = SAMPLES[kind]
    if op in LIST_OPERATORS:
        return [operands, values[:2]]
    return operands


def _cases() -> list[tuple[str, str, Any]]:
    out = []
    for op in OPERATORS:
        for kind in SAMPLES:
            if op in ("greater_than", "at_least", "less_than", "at_most") and kind == "yes/no":
                continue
            out.extend((op, kind, operand) for operand in _operands(op, kind))
    return out


def test_every_operator_has_one_entry_with_dutch_wording() -> None:
    assert set(OPERATOR_TABLE) == set(OPERATORS)
    assert {op: spec.text for op, spec in OPERATOR_TABLE.items()} == OPERATOR_TEXT
    assert all(text and text.isascii() and "_" not in text for text in OPERATOR_TEXT.values())


@pytest.mark.parametrize(("op", "kind", "operand"), _cases())
def test_negation_is_the_complement_and_undoes_itself(op: str, kind: str, operand: Any) -> None:
    spec = OPERATOR_TABLE[op]
    negation, flipped = spec.negated(operand)
    opposite = OPERATOR_TABLE[negation]
    assert opposite.negated(flipped) == (op, operand)
    for value in SAMPLES[kind][0]:
        assert spec.holds(value, operand) is not opposite.holds(value, flipped), value
    absent, opposite_absent = spec.on_absent(operand), opposite.on_absent(flipped)
    # An absent fact stays unknown under negation, except for `known`, which it decides.
    assert (absent is None and opposite_absent is None) or absent is not opposite_absent


@pytest.mark.parametrize(("op", "kind", "operand"), _cases())
def test_not_around_a_comparison_becomes_its_negation(op: str, kind: str, operand: Any) -> None:
    node = Compare.model_validate({"fact": "finding.amount", op: operand})
    assert negation_normal_form(node) == node
    pushed = negation_normal_form(NotOf.model_validate({"not": node}))
    assert isinstance(pushed, Compare)
    assert pushed.fact == node.fact
    assert (pushed.operator, pushed.operand) == OPERATOR_TABLE[op].negated(node.operand)


def test_durable_matches_exactly_where_the_python_test_holds() -> None:
    cases = _cases()
    rules = {
        f"r{i}": {
            "all": [{"x0": {"$and": [{"t": "probe"}, OPERATOR_TABLE[op].durable("a", operand)]}}]
        }
        for i, (op, _, operand) in enumerate(cases)
    }
    session = rete.Session(rules, {rule: ("x0",) for rule in rules}, lambda _rule, _bound: [])
    facts: list[dict[str, Any]] = [{"t": "probe", "ref": "absent"}]
    for kind, (values, _) in SAMPLES.items():
        facts.extend({"t": "probe", "ref": f"{kind}:{v}", "kind": kind, "a": v} for v in values)
    fired = {(f.rule, f.bindings["x0"]["ref"]) for f in session.run(facts)}
    for i, (op, kind, operand) in enumerate(cases):
        spec = OPERATOR_TABLE[op]
        expected_absent = spec.on_absent(operand) is True
        assert ((f"r{i}", "absent") in fired) == expected_absent, (op, operand)
        for value in SAMPLES[kind][0]:
            assert ((f"r{i}", f"{kind}:{value}") in fired) == spec.holds(value, operand), (
                op,
                operand,
                value,
            )
