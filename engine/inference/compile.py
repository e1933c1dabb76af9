"""Compile a bundle's derived facts and legal bases into durable-rules rule definitions.

Pure data in, pure data out; the adapter in ``rete`` is what talks to durable. A
condition is pushed into negation normal form (``not`` moves onto the comparisons,
which durable can match positively) and then spread into disjuncts; each disjunct
becomes one rule whose patterns join the subject, its linked entities and the derived
facts it needs. A rule fires exactly when the compiled evaluator says *satisfied*:
absent attributes never match, so "unknown" never passes for "satisfied". This is the
second reading's own path from the condition trees (ADR 0005); it shares only the trees
and the operator table with the evaluator.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.case import vocabulary
from engine.inference.evaluate import operand
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import (
    OPERATOR_TABLE,
    AllOf,
    AnyOf,
    Compare,
    Condition,
    Fold,
    NotOf,
    Some,
    negation_normal_form,
)

ROOT = "x0"
CASE = "xc"

#: durable reserves ``id`` for fact identity (joins on it never fire) and ``s``/``m``
#: for its own state: entity keys therefore travel as ``ref`` and bindings as ``x<n>``.


@dataclass
class Conjunct:
    patterns: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def merged(self, other: Conjunct) -> Conjunct:
        out = Conjunct({k: list(v) for k, v in self.patterns.items()})
        for binding, constraints in other.patterns.items():
            out.patterns.setdefault(binding, []).extend(constraints)
        return out


@dataclass(frozen=True)
class RuleMeta:
    """What a rule means when it fires: which derived fact or legal basis, for whom."""

    kind: str  # "derived" or "legal"
    key: str  # "finding.handelshoeveelheid" or an intervention id
    bindings: tuple[str, ...]


@dataclass
class Compiled:
    rules: dict[str, dict[str, Any]]
    meta: dict[str, RuleMeta]


class _Compiler:
    def __init__(self, bundle: Bundle):
        self.parameters = {k: p.value for k, p in bundle.parameters.items()}
        self.derived = {(d.subject, d.id) for d in bundle.facts}
        self.counter = itertools.count(1)
        self.aux = itertools.count(1)
        self.pending: list[tuple[str, str, list[Conjunct]]] = []

    def fresh(self) -> str:
        return f"x{next(self.counter)}"

    def dnf(self, node: Condition, binding: str, subject: str) -> list[Conjunct]:
        return _Disjuncts(self)(negation_normal_form(node))(binding, subject)

    def some(self, node: Some, where: Build | None, binding: str, subject: str) -> list[Conjunct]:
        """Each ``some`` becomes its own auxiliary derived fact on the scope entity.

        durable never binds one fact to two patterns of a rule, so two ``some``s that
        the same finding satisfies could not both match inline; as separate derived
        facts they can. The same rule of durable makes the ``minimum`` copies distinct.
        """
        target = vocabulary.LINKS_BY_KEY[(subject, node.some)].target
        rel = f"{subject}.{node.some}"
        name = f"aux{next(self.aux)}:{rel}"
        body = [Conjunct()]
        for _ in range(node.minimum):
            link, entity = self.fresh(), self.fresh()
            join = Conjunct(
                {
                    link: [{"t": "link"}, {"rel": rel}, {"src": {ROOT: "ref"}}],
                    entity: [{"t": target}, {"ref": {link: "dst"}}],
                }
            )
            inner = where(entity, target) if where is not None else [Conjunct()]
            body = [a.merged(join).merged(b) for a in body for b in inner]
        self.pending.append((name, subject, body))
        derived = self.fresh()
        return [
            Conjunct(
                {binding: [], derived: [{"t": "derived"}, {"name": name}, {"of": {binding: "ref"}}]}
            )
        ]

    def leaf(self, node: Compare, binding: str, subject: str) -> Conjunct:
        if node.subject == "case" and subject != "case":
            binding = CASE
        if (node.subject, node.attribute) in self.derived:
            derived = self.fresh()
            return Conjunct(
                {
                    binding: [],
                    derived: [{"t": "derived"}, {"name": node.fact}, {"of": {binding: "ref"}}],
                }
            )
        durable = OPERATOR_TABLE[node.operator].durable
        return Conjunct({binding: [durable(node.attribute, operand(node, self.parameters))]})

    def rules(self, name: str, condition: Condition, subject: str, kind: str, key: str) -> Compiled:
        compiled = Compiled({}, {})
        self._emit(compiled, name, subject, kind, key, self.dnf(condition, ROOT, subject))
        while self.pending:
            aux, aux_subject, body = self.pending.pop(0)
            self._emit(compiled, f"d:{aux}", aux_subject, "aux", aux, body)
        return compiled

    def _emit(
        self,
        compiled: Compiled,
        name: str,
        subject: str,
        kind: str,
        key: str,
        conjuncts: list[Conjunct],
    ) -> None:
        for n, conj in enumerate(conjuncts):
            patterns: dict[str, list[dict[str, Any]]] = {ROOT: [{"t": subject}]}
            seen: dict[str, str] = {}
            for binding, constraints in conj.patterns.items():
                if binding == ROOT:
                    patterns[ROOT].extend(constraints)
                    continue
                # Two references to one derived fact must share a pattern: durable
                # would otherwise need the same fact twice.
                signature = repr(constraints)
                if constraints and constraints[0] == {"t": "derived"} and signature in seen:
                    continue
                seen[signature] = binding
                patterns[binding] = list(constraints)
            if CASE in patterns:
                patterns[CASE] = [{"t": "case"}, *patterns[CASE]]
            # A pattern may only join on bindings before it: root, case, then creation order.
            ordered = sorted(
                patterns, key=lambda b: (b != ROOT, b != CASE, int(b[1:]) if b[1:].isdigit() else 0)
            )
            body = [{b: _and(patterns[b])} for b in ordered]
            rule = f"{name}#{n}"
            compiled.rules[rule] = {"all": body, "run": rule}
            compiled.meta[rule] = RuleMeta(kind, key, tuple(ordered))


#: A condition's disjuncts for a binding and the subject kind it is bound to.
Build = Callable[[str, str], list[Conjunct]]


class _Disjuncts(Fold[Build]):
    """A condition in negation normal form as the disjuncts of its rules."""

    def __init__(self, compiler: _Compiler):
        self.compiler = compiler

    def compare(self, node: Compare) -> Build:
        return lambda binding, subject: [self.compiler.leaf(node, binding, subject)]

    def all_of(self, node: AllOf, items: list[Build]) -> Build:
        def build(binding: str, subject: str) -> list[Conjunct]:
            result = [Conjunct()]
            for item in items:
                result = [a.merged(b) for a in result for b in item(binding, subject)]
            return result

        return build

    def any_of(self, node: AnyOf, items: list[Build]) -> Build:
        return lambda binding, subject: [c for item in items for c in item(binding, subject)]

    def not_of(self, node: NotOf, item: Build) -> Build:
        raise ValueError("in negatienormaalvorm staat 'not' alleen bij een vergelijking")

    def some(self, node: Some, where: Build | None) -> Build:
        return lambda binding, subject: self.compiler.some(node, where, binding, subject)


def _and(constraints: list[dict[str, Any]]) -> dict[str, Any]:
    return constraints[0] if len(constraints) == 1 else {"$and": constraints}


def compile_bundle(bundle: Bundle) -> Compiled:
    compiler = _Compiler(bundle)
    out = Compiled({}, {})
    for fact in bundle.facts:
        part = compiler.rules(
            f"d:{fact.subject}.{fact.id}",
            fact.condition,
            fact.subject,
            "derived",
            f"{fact.subject}.{fact.id}",
        )
        out.rules.update(part.rules)
        out.meta.update(part.meta)
    for itv in bundle.interventions:
        if itv.legal_basis.condition is None:
            continue
        part = compiler.rules(
            f"l:{itv.id}", itv.legal_basis.condition, str(itv.target), "legal", itv.id
        )
        out.rules.update(part.rules)
        out.meta.update(part.meta)
    return out
