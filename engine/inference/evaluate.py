"""Three-valued reading of condition trees over a flattened case (Kleene logic).

durable-rules only ever says "this matched"; a lawyer also needs "this failed, on this
value" and "this cannot be decided until you tell me X". This plain reading of the same
trees gives all three, with the tree of reasons. The differential test holds it to the
engine: both must find exactly the same things satisfied.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.case import vocabulary
from engine.case.flatten import Facts
from engine.ruleset.conditions import AllOf, AnyOf, Compare, Condition, NotOf, Param, Some
from engine.ruleset.models import DerivedFact

TRUE, FALSE, UNKNOWN = "satisfied", "not_satisfied", "unknown"
_FLIP = {TRUE: FALSE, FALSE: TRUE, UNKNOWN: UNKNOWN}


@dataclass(frozen=True)
class Missing:
    fact: str
    ref: str
    question: str


@dataclass
class Outcome:
    status: str
    node: Condition
    ref: str
    found: Any = None
    required: Any = None
    derived: DerivedFact | None = None
    children: list[Outcome] = field(default_factory=list)

    def missing(self) -> list[Missing]:
        """The facts whose answers could still decide this outcome."""
        if self.status != UNKNOWN:
            return []
        if isinstance(self.node, Compare) and self.derived is None:
            attr = vocabulary.ATTRIBUTES.get((self.node.subject, self.node.attribute))
            question = attr.question if attr else self.node.fact
            return [Missing(self.node.fact, self.ref, question)]
        if self.derived is not None:
            return [Missing(self.node.fact, self.ref, self.derived.question)]  # type: ignore[union-attr]
        found: list[Missing] = []
        for child in self.children:
            for m in child.missing():
                if m not in found:
                    found.append(m)
        return found

    def evidence(self) -> list[str]:
        """Refs of the case entities that made this outcome true."""
        refs: list[str] = []
        if self.status == TRUE:
            if isinstance(self.node, Compare):
                refs.append(self.ref)
            for child in self.children:
                if child.status == TRUE:
                    refs.extend(r for r in child.evidence() if r not in refs)
        return refs


def _compare(op: str) -> Callable[[Any, Any], bool]:
    table: dict[str, Callable[[Any, Any], bool]] = {
        "equals": operator.eq,
        "not_equals": operator.ne,
        "one_of": lambda a, b: a in b,
        "none_of": lambda a, b: a not in b,
        "greater_than": operator.gt,
        "at_least": operator.ge,
        "less_than": operator.lt,
        "at_most": operator.le,
    }
    return table[op]


def resolve(value: Any, parameters: dict[str, Any]) -> Any:
    """Parameters by name; dates as ISO text, as the flattener stores them."""
    if isinstance(value, Param):
        value = parameters[value.param]
    if isinstance(value, list):
        return [resolve(v, parameters) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class Evaluator:
    def __init__(self, facts: Facts, derived: list[DerivedFact], parameters: dict[str, Any]):
        self.facts = facts
        self.derived_facts = {(d.subject, d.id): d for d in derived}
        self.parameters = parameters
        self._memo: dict[tuple[str, str, str], Outcome] = {}
        self._case_ref = next((r for r, a in facts.entities.items() if a["t"] == "case"), "case:?")

    def derived(self, subject: str, name: str, ref: str, node: Compare) -> Outcome:
        key = (subject, name, ref)
        if key not in self._memo:
            fact = self.derived_facts[(subject, name)]
            inner = self.evaluate(fact.condition, ref)
            self._memo[key] = Outcome(inner.status, node, ref, derived=fact, children=[inner])
        cached = self._memo[key]
        return Outcome(cached.status, node, ref, derived=cached.derived, children=cached.children)

    def evaluate(self, node: Condition, ref: str) -> Outcome:
        if isinstance(node, Compare):
            return self._leaf(node, ref)
        if isinstance(node, AllOf | AnyOf):
            items = node.all if isinstance(node, AllOf) else node.any
            kids = [self.evaluate(c, ref) for c in items]
            statuses = {k.status for k in kids}
            decisive, other = (FALSE, TRUE) if isinstance(node, AllOf) else (TRUE, FALSE)
            status = (
                decisive if decisive in statuses else (UNKNOWN if UNKNOWN in statuses else other)
            )
            return Outcome(status, node, ref, children=kids)
        if isinstance(node, NotOf):
            kid = self.evaluate(node.not_, ref)
            return Outcome(_FLIP[kid.status], node, ref, children=[kid])
        return self._some(node, ref)

    def _some(self, node: Some, ref: str) -> Outcome:
        targets = self.facts.linked(ref, node.some)
        kids = [
            self.evaluate(node.where, t) if node.where is not None else Outcome(TRUE, node, t)
            for t in targets
        ]
        hits = sum(k.status == TRUE for k in kids)
        maybe = sum(k.status == UNKNOWN for k in kids)
        status = (
            TRUE if hits >= node.minimum else (UNKNOWN if hits + maybe >= node.minimum else FALSE)
        )
        return Outcome(status, node, ref, found=hits, required=node.minimum, children=kids)

    def _leaf(self, node: Compare, ref: str) -> Outcome:
        subject_ref = self._case_ref if node.subject == "case" else ref
        if (node.subject, node.attribute) in self.derived_facts:
            return self.derived(node.subject, node.attribute, subject_ref, node)
        value = self.facts.entities.get(subject_ref, {}).get(node.attribute)
        op = node.operator
        if op == "known":
            status = TRUE if (value is not None) == node.known else FALSE
            return Outcome(status, node, subject_ref, found=value, required=node.known)
        required = resolve(node.operand, self.parameters)
        if value is None:
            return Outcome(UNKNOWN, node, subject_ref, required=required)
        try:
            holds = _compare(op)(value, required)
        except TypeError:
            holds = False
        return Outcome(TRUE if holds else FALSE, node, subject_ref, found=value, required=required)
