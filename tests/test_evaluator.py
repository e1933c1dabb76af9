"""The compiled evaluator: Kleene logic with unknowns, memoised derived facts, linear growth.

A legal basis must never read "unknown" as "satisfied" or as "not satisfied"; these tests
pin the three-valued truth tables the lawyer's advice rests on, and show that the work
per case grows with the case, not with its square.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from itertools import count
from typing import Any

import pytest

from engine.case.flatten import Facts, flatten
from engine.case.read import parse_case
from engine.inference.evaluate import CompiledBundle, Evaluator, Missing
from engine.inference.legal_basis import Inference
from engine.inference.status import FALSE, TRUE, UNKNOWN, Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import AllOf, AnyOf, Compare, Condition, NotOf, Some
from engine.ruleset.models import DerivedFact
from tests.casegen import REFERENCE, generate_case

T, F, U = TRUE, FALSE, UNKNOWN
AS_VALUE: dict[Status, bool | None] = {T: True, F: False, U: None}

#: Kleene's strong three-valued logic, written out rather than computed.
AND = {
    (T, T): T, (T, F): F, (T, U): U,
    (F, T): F, (F, F): F, (F, U): F,
    (U, T): U, (U, F): F, (U, U): U,
}  # fmt: skip
OR = {
    (T, T): T, (T, F): T, (T, U): T,
    (F, T): T, (F, F): F, (F, U): U,
    (U, T): T, (U, F): U, (U, U): U,
}  # fmt: skip
NOT = {T: F, F: T, U: U}


def _bundle(facts: list[DerivedFact] | None = None) -> Bundle:
    return Bundle(None, dt.date(2026, 3, 1), [], {}, {}, facts or [], [], [], [])


def _case(**persons: dict[str, Any]) -> Facts:
    facts = Facts()
    case = facts.add("case", "C", "case", {})
    for ident, attrs in persons.items():
        facts.link(case, "persons", facts.add("person", ident, ident, attrs))
    return facts


def _person(a: Status, b: Status) -> dict[str, Any]:
    attrs = {"culpable": AS_VALUE[a], "vulnerable": AS_VALUE[b]}
    return {k: v for k, v in attrs.items() if v is not None}


CULPABLE = Compare(fact="person.culpable")
VULNERABLE = Compare(fact="person.vulnerable")


def _both(ev: Evaluator, condition: Condition, ref: str) -> Status:
    """The fast status and the explained tree must say the same; return it."""
    fast = ev.status(condition, ref)
    assert ev.evaluate(condition, ref).status == fast
    return fast


@pytest.mark.parametrize(("a", "b"), list(AND))
def test_all_any_not_follow_kleene(a: Status, b: Status) -> None:
    compiled = CompiledBundle(_bundle())
    ev = compiled.evaluator(_case(P1=_person(a, b)))
    assert _both(ev, AllOf(all=[CULPABLE, VULNERABLE]), "person:P1") == AND[(a, b)]
    assert _both(ev, AnyOf(any=[CULPABLE, VULNERABLE]), "person:P1") == OR[(a, b)]
    assert _both(ev, NotOf.model_validate({"not": CULPABLE}), "person:P1") == NOT[a]


def test_an_unknown_names_the_fact_that_would_decide_it() -> None:
    ev = CompiledBundle(_bundle()).evaluator(_case(P1={"culpable": True}))
    outcome = ev.evaluate(AllOf(all=[CULPABLE, VULNERABLE]), "person:P1")
    assert outcome.status == UNKNOWN
    assert [m.fact for m in outcome.missing()] == ["person.vulnerable"]
    assert outcome.missing()[0].ref == "person:P1"
    assert isinstance(outcome.missing()[0], Missing)


def test_known_is_decided_even_when_the_fact_is_absent() -> None:
    ev = CompiledBundle(_bundle()).evaluator(_case(P1={}))
    assert _both(ev, Compare(fact="person.culpable", known=True), "person:P1") == FALSE
    assert _both(ev, Compare(fact="person.culpable", known=False), "person:P1") == TRUE


@pytest.mark.parametrize(
    ("residents", "expected", "hits"),
    [
        ([T, T, F], T, 2),
        ([T, U, F], U, 1),
        ([U, U, F], U, 0),
        ([T, F, F], F, 1),
        ([F, F, F], F, 0),
        ([], F, 0),
    ],
)
def test_some_counts_hits_and_maybes(residents: list[Status], expected: Status, hits: int) -> None:
    facts = _case(**{f"P{i}": _person(s, U) for i, s in enumerate(residents)})
    home = facts.add("premises", "W1", "W1", {})
    for i in range(len(residents)):
        facts.link(home, "residents", f"person:P{i}")
    ev = CompiledBundle(_bundle()).evaluator(facts)
    two_culpable = Some(some="residents", minimum=2, where=CULPABLE)
    assert _both(ev, two_culpable, home) == expected
    outcome = ev.evaluate(two_culpable, home)
    assert (outcome.found, outcome.required) == (hits, 2)
    culprits = [f"person:P{i}" for i, s in enumerate(residents) if s == T]
    assert outcome.evidence() == (culprits if expected == T else [])
    assert _both(ev, NotOf.model_validate({"not": two_culpable}), home) == NOT[expected]


def test_some_without_where_counts_related_entities() -> None:
    facts = _case(P1={}, P2={})
    home = facts.add("premises", "W1", "W1", {})
    facts.link(home, "residents", "person:P1")
    ev = CompiledBundle(_bundle()).evaluator(facts)
    assert _both(ev, Some(some="residents"), home) == TRUE
    assert _both(ev, Some(some="residents", minimum=2), home) == FALSE


def test_a_derived_fact_is_evaluated_once_per_subject() -> None:
    guilty = DerivedFact(
        id="schuldig",
        subject="person",
        label="schuldig",
        question="Is de persoon verwijtbaar?",
        condition=AllOf(all=[CULPABLE, NotOf.model_validate({"not": VULNERABLE})]),
    )
    ticks = count()
    compiled = CompiledBundle(_bundle([guilty]), count=lambda: next(ticks))
    uses = Compare(fact="person.schuldig")
    facts = _case(P1={"culpable": True, "vulnerable": False})

    def evaluations(ev: Evaluator) -> int:
        before = next(ticks)
        assert ev.status(uses, "person:P1") == TRUE
        return next(ticks) - before - 1

    ev = compiled.evaluator(facts)
    # First: the reference, the body's all, its two comparisons and the not.
    assert evaluations(ev) == 5
    # Then only the reference: the body is memoised for this subject.
    assert evaluations(ev) == 1
    # A new case starts afresh.
    assert evaluations(compiled.evaluator(facts)) == 5
    explained = compiled.evaluator(facts).evaluate(uses, "person:P1")
    assert explained.derived == guilty
    assert explained.missing() == []
    assert [c.status for c in explained.children] == [TRUE]


def _replicate(case: dict[str, Any], copies: int) -> dict[str, Any]:
    """``copies`` disjoint copies of a case's people, places, findings and history."""
    out: dict[str, Any] = {
        "case": case["case"],
        "persons": [],
        "premises": [],
        "findings": [],
        "prior_interventions": [],
    }
    for n in range(copies):

        def rid(ident: str, n: int = n) -> str:
            return f"{ident}x{n}"

        out["persons"] += [{**p, "id": rid(p["id"])} for p in case["persons"]]
        out["premises"] += [
            {**w, "id": rid(w["id"]), "residents": [rid(r) for r in w["residents"]]}
            for w in case["premises"]
        ]
        for f in case["findings"]:
            copy = {**f, "id": rid(f["id"]), "persons": [rid(p) for p in f["persons"]]}
            if "premises" in f:
                copy["premises"] = rid(f["premises"])
            out["findings"].append(copy)
        out["prior_interventions"] += [
            {**b, "id": rid(b["id"]), "target": rid(b["target"])}
            for b in case["prior_interventions"]
        ]
    return out


def _legal_basis_evaluations(compiled: CompiledBundle, ticks: Any, facts: Facts) -> int:
    ev = compiled.evaluator(facts)
    before = next(ticks)
    for itv in compiled.bundle.interventions:
        condition = itv.legal_basis.condition
        if condition is None:
            continue
        for ref, attrs in facts.entities.items():
            if attrs["t"] == itv.target:
                ev.status(condition, ref)
    return next(ticks) - before - 1


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_work_grows_linearly_with_the_case(inference: Inference, seed: int) -> None:
    ticks = count()
    compiled = CompiledBundle(inference.bundle, count=lambda: next(ticks))
    small = generate_case(random.Random(seed), 10)
    n = _legal_basis_evaluations(compiled, ticks, flatten(parse_case(small), REFERENCE))
    four = _legal_basis_evaluations(
        compiled, ticks, flatten(parse_case(_replicate(small, 4)), REFERENCE)
    )
    assert n > 0
    # Four disjoint copies cost about four times the work (a little less where a case-wide
    # `some` stops at its first hit); a join over all pairs would cost sixteen times.
    assert 3 * n <= four <= 4.5 * n, (n, four)


def test_explained_trees_agree_with_the_fast_path(inference: Inference) -> None:
    rng = random.Random(7)
    for i in range(150):
        facts = flatten(parse_case(generate_case(rng, rng.randint(1, 12), f"X{i}")), REFERENCE)
        fast, slow = inference.evaluator(facts), inference.evaluator(facts)
        for itv in inference.bundle.interventions:
            condition = itv.legal_basis.condition
            if condition is None:
                continue
            for ref, attrs in facts.entities.items():
                if attrs["t"] == itv.target:
                    assert slow.evaluate(condition, ref).status == fast.status(condition, ref)


def _conditions_read_twice(
    inference: Inference, seed: int, prefix: str
) -> Iterator[tuple[Evaluator, Evaluator, Condition, str]]:
    """Every basis and concern condition of the bundle, for every subject it weighs in 120
    generated cases, with two evaluators of the case: one to read from the compiled nodes,
    one to build the tree."""
    rng = random.Random(seed)
    for i in range(120):
        case = parse_case(generate_case(rng, rng.randint(1, 12), f"{prefix}{i}"))
        facts = flatten(case, REFERENCE)
        fast, slow = inference.evaluator(facts), inference.evaluator(facts)
        for itv in inference.bundle.interventions:
            conditions = [c.condition for c in itv.human_measure]
            if itv.legal_basis.condition is not None:
                conditions.append(itv.legal_basis.condition)
            for condition in conditions:
                for ref, attrs in facts.entities.items():
                    if attrs["t"] == itv.target:
                        yield fast, slow, condition, ref


def test_open_questions_read_from_the_compiled_nodes_match_the_tree(inference: Inference) -> None:
    """Weighing asks the open questions of every undecided basis and concern without a
    tree; they must be exactly the tree's, in the same order (the advice lists them)."""
    asked = 0
    for fast, slow, condition, ref in _conditions_read_twice(inference, 11, "Q"):
        expected = slow.evaluate(condition, ref).missing()
        assert fast.missing(condition, ref) == expected
        asked += len(expected)
    assert asked > 1000


def test_evidence_read_from_the_compiled_nodes_matches_the_tree(inference: Inference) -> None:
    """Competence reads what a holding basis rests on without a tree (a care finding may
    not carry it); it must be exactly the tree's."""
    rested = 0
    for fast, slow, condition, ref in _conditions_read_twice(inference, 13, "E"):
        expected = set(slow.evaluate(condition, ref).evidence())
        assert fast.evidence(condition, ref) == expected
        rested += len(expected)
    assert rested > 1000
