"""The compiled three-valued evaluator (Kleene logic): what decides a legal basis.

Each condition of a bundle is compiled once into a Python closure over the flattened
facts. Per case, ``Evaluator.status`` runs only those closures, with derived facts
memoised per (fact, subject), so the work grows with the size of the case and nothing
else. A lawyer also needs "this failed, on this value" and "this cannot be decided until
you tell me X": ``Evaluator.evaluate`` builds that tree of reasons from the same compiled
nodes, on request only, so the fast path never pays for explanations.

Inside a closure the three values are the integers 0 (not satisfied), 1 (unknown) and
2 (satisfied): ``all`` is then the minimum, ``any`` the maximum and ``not`` is ``2 - x``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from engine.case import vocabulary
from engine.case.flatten import Facts
from engine.inference.status import FALSE, TRUE, UNKNOWN, Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import (
    OPERATOR_TABLE,
    AllOf,
    AnyOf,
    Compare,
    Condition,
    Fold,
    NotOf,
    Param,
    Some,
)
from engine.ruleset.models import DerivedFact

__all__ = [
    "FALSE",
    "STATUSES",
    "TRUE",
    "UNKNOWN",
    "CompiledBundle",
    "Evaluator",
    "Missing",
    "Outcome",
    "Status",
    "operand",
    "resolve",
]

_F, _U, _T = 0, 1, 2
#: A compiled node's value (0, 1, 2) as the Status it stands for.
STATUSES = _STATUS = (FALSE, UNKNOWN, TRUE)
_VALUE: tuple[bool | None, ...] = (False, None, True)
_EMPTY: dict[str, Any] = {}


class Missing(NamedTuple):
    """A question that could still decide a condition: a tuple, since weighing makes tens
    per case and a frozen dataclass costs several times as much to make."""

    fact: str
    ref: str
    question: str


@dataclass
class Outcome:
    status: Status
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
        if isinstance(self.node, Compare):
            if self.derived is not None:
                return [Missing(self.node.fact, self.ref, self.derived.question)]
            attr = vocabulary.ATTRIBUTES.get((self.node.subject, self.node.attribute))
            question = attr.question if attr else self.node.fact
            return [Missing(self.node.fact, self.ref, question)]
        # An ordered set: a large family has thousands of leaves, so no list scans.
        found: dict[Missing, None] = {}
        for child in self.children:
            found.update(dict.fromkeys(child.missing()))
        return list(found)

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


def resolve(value: Any, parameters: dict[str, Any]) -> Any:
    """Parameters by name; dates as ISO text, as the flattener stores them."""
    if isinstance(value, Param):
        value = parameters[value.param]
    if isinstance(value, list):
        return [resolve(v, parameters) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def operand(node: Compare, parameters: dict[str, Any]) -> Any:
    """What a comparison compares with, as both readings use it: parameters resolved,
    dates as text, and for ``known`` its flag."""
    return node.known if node.operator == "known" else resolve(node.operand, parameters)


Run = Callable[["Evaluator", str], int]


class Node:
    """One compiled condition: ``run`` gives its value fast, ``explain`` its reasons.

    ``count`` is the compiler's: ``missing`` calls it for a node whose value it combines
    from its children itself, where ``run`` (which counts its own) is not called."""

    __slots__ = ("condition", "count", "run")

    def __init__(self, condition: Condition, run: Run, count: Callable[[], object] | None):
        self.condition = condition
        self.run = run
        self.count = count

    def explain(self, ev: Evaluator, ref: str) -> Outcome:
        raise NotImplementedError

    def missing(self, ev: Evaluator, ref: str, found: list[Missing]) -> int:
        """This node's value for ``ref``; if it is unknown, ``found`` ends with what
        ``Outcome.missing`` would list for it (repeats included), else whatever was added
        may be cut off. Read from the compiled values alone, in one pass (every node run
        once), since weighing asks it of every undecided basis and concern and needs no
        tree for it."""
        raise NotImplementedError

    def evidence(self, ev: Evaluator, ref: str, found: set[str]) -> None:
        """Adds to ``found`` the case entities this node, which holds for ``ref``, rests
        on: those ``Outcome.evidence`` lists for it. Read from the compiled values without
        a tree, since competence asks it of every basis that holds in a case with care
        findings."""
        raise NotImplementedError


class _Leaf(Node):
    __slots__ = ("fact", "on_case", "question", "required")

    def __init__(self, node: Compare, run: Run, count: Callable[[], object] | None, required: Any):
        super().__init__(node, run, count)
        self.fact = node.fact
        self.required = required
        self.on_case = node.subject == "case"
        attr = vocabulary.ATTRIBUTES.get((node.subject, node.attribute))
        #: What to ask when this comparison is unknown: read once, not per open question.
        self.question = attr.question if attr else node.fact

    def explain(self, ev: Evaluator, ref: str) -> Outcome:
        node = self.condition
        assert isinstance(node, Compare)
        subject = ev.case_ref if self.on_case else ref
        value = ev.entities.get(subject, _EMPTY).get(node.attribute)
        status = _STATUS[self.run(ev, ref)]
        if node.operator == "known":
            return Outcome(status, node, subject, found=value, required=node.known)
        if value is None:
            return Outcome(status, node, subject, required=self.required)
        return Outcome(status, node, subject, found=value, required=self.required)

    def missing(self, ev: Evaluator, ref: str, found: list[Missing]) -> int:
        value = self.run(ev, ref)
        if value == _U:
            found.append(Missing(self.fact, ev.case_ref if self.on_case else ref, self.question))
        return value

    def evidence(self, ev: Evaluator, ref: str, found: set[str]) -> None:
        found.add(ev.case_ref if self.on_case else ref)


class _Derived(Node):
    __slots__ = ("body", "fact", "name", "on_case", "plain")

    def __init__(
        self,
        node: Compare,
        run: Run,
        count: Callable[[], object] | None,
        fact: DerivedFact,
        body: Node,
        plain: bool,
    ):
        super().__init__(node, run, count)
        self.fact = fact
        self.name = node.fact
        self.body = body
        self.on_case = node.subject == "case"
        #: Read as "holds" (``equals: true``), the only way a compiled condition may.
        self.plain = plain

    def explain(self, ev: Evaluator, ref: str) -> Outcome:
        node = self.condition
        assert isinstance(node, Compare)
        subject = ev.case_ref if self.on_case else ref
        key = (node.fact, subject)
        inner = ev.explained.get(key)
        if inner is None:
            inner = ev.explained[key] = self.body.explain(ev, subject)
        # Read from the explained body, so a tree can never disagree with its own reasons.
        status = inner.status if self.plain else _STATUS[self.run(ev, ref)]
        return Outcome(status, node, subject, derived=self.fact, children=[inner])

    def missing(self, ev: Evaluator, ref: str, found: list[Missing]) -> int:
        value = self.run(ev, ref)
        if value == _U:
            subject = ev.case_ref if self.on_case else ref
            found.append(Missing(self.name, subject, self.fact.question))
        return value

    def evidence(self, ev: Evaluator, ref: str, found: set[str]) -> None:
        subject = ev.case_ref if self.on_case else ref
        found.add(subject)
        # What the fact rests on, where it holds (read as ``equals: false`` it does not).
        if self.body.run(ev, subject) == _T:
            self.body.evidence(ev, subject, found)


class _Junction(Node):
    __slots__ = ("conjunction", "kids")

    def __init__(
        self, node: AllOf | AnyOf, run: Run, count: Callable[[], object] | None, kids: list[Node]
    ):
        super().__init__(node, run, count)
        self.kids = kids
        self.conjunction = isinstance(node, AllOf)

    def explain(self, ev: Evaluator, ref: str) -> Outcome:
        kids = [k.explain(ev, ref) for k in self.kids]
        values = [_STATUS.index(k.status) for k in kids]
        value = min(values) if self.conjunction else max(values)
        return Outcome(_STATUS[value], self.condition, ref, children=kids)

    def missing(self, ev: Evaluator, ref: str, found: list[Missing]) -> int:
        if self.count is not None:
            self.count()
        # Kleene: ``all`` is the minimum and stops at "no", ``any`` the maximum and stops
        # at "yes"; only an unknown child's questions are kept.
        conjunction = self.conjunction
        decisive = _F if conjunction else _T
        result = _T if conjunction else _F
        for kid in self.kids:
            mark = len(found)
            value = kid.missing(ev, ref, found)
            if value == decisive:
                return value
            if value == _U:
                result = _U
            else:
                del found[mark:]
        return result

    def evidence(self, ev: Evaluator, ref: str, found: set[str]) -> None:
        for kid in self.kids:
            if kid.run(ev, ref) == _T:
                kid.evidence(ev, ref, found)


class _Not(Node):
    __slots__ = ("kid",)

    def __init__(self, node: NotOf, run: Run, count: Callable[[], object] | None, kid: Node):
        super().__init__(node, run, count)
        self.kid = kid

    def explain(self, ev: Evaluator, ref: str) -> Outcome:
        kid = self.kid.explain(ev, ref)
        return Outcome(_STATUS[_T - _STATUS.index(kid.status)], self.condition, ref, children=[kid])

    def missing(self, ev: Evaluator, ref: str, found: list[Missing]) -> int:
        if self.count is not None:
            self.count()
        return _T - self.kid.missing(ev, ref, found)

    def evidence(self, ev: Evaluator, ref: str, found: set[str]) -> None:
        """A "not" that holds rests on nothing that holds."""


class _Some(Node):
    __slots__ = ("where",)

    def __init__(
        self, node: Some, run: Run, count: Callable[[], object] | None, where: Node | None
    ):
        super().__init__(node, run, count)
        self.where = where

    def explain(self, ev: Evaluator, ref: str) -> Outcome:
        node = self.condition
        assert isinstance(node, Some)
        targets = ev.links.get((ref, node.some), ())
        where = self.where
        kids = [
            where.explain(ev, t) if where is not None else Outcome(TRUE, node, t) for t in targets
        ]
        hits = sum(k.status == TRUE for k in kids)
        maybe = sum(k.status == UNKNOWN for k in kids)
        value = _T if hits >= node.minimum else (_U if hits + maybe >= node.minimum else _F)
        return Outcome(_STATUS[value], node, ref, found=hits, required=node.minimum, children=kids)

    def missing(self, ev: Evaluator, ref: str, found: list[Missing]) -> int:
        where, node = self.where, self.condition
        if where is None:  # never unknown
            return self.run(ev, ref)
        assert isinstance(node, Some)
        if self.count is not None:
            self.count()
        minimum = node.minimum
        hits = maybe = 0
        for target in ev.links.get((ref, node.some), ()):
            mark = len(found)
            value = where.missing(ev, target, found)
            if value == _U:
                maybe += 1
                continue
            del found[mark:]
            if value == _T:
                hits += 1
                if hits >= minimum:
                    return _T
        return _U if hits + maybe >= minimum else _F

    def evidence(self, ev: Evaluator, ref: str, found: set[str]) -> None:
        where, node = self.where, self.condition
        if where is None:  # the linked entities themselves are no comparison
            return
        assert isinstance(node, Some)
        for target in ev.links.get((ref, node.some), ()):
            if where.run(ev, target) == _T:
                where.evidence(ev, target, found)


class _Compiler(Fold[Node]):
    """Condition trees into ``Node``s; derived facts are compiled once and shared."""

    def __init__(self, bundle: Bundle, count: Callable[[], object] | None):
        self.parameters = {k: p.value for k, p in bundle.parameters.items()}
        self.facts = {(d.subject, d.id): d for d in bundle.facts}
        self.bodies: dict[tuple[str, str], Node] = {}
        self.count = count

    def _counted(self, run: Run) -> Run:
        count = self.count
        if count is None:
            return run

        def counted(ev: Evaluator, ref: str) -> int:
            count()
            return run(ev, ref)

        return counted

    def body(self, key: tuple[str, str]) -> Node:
        if key not in self.bodies:
            self.bodies[key] = self(self.facts[key].condition)
        return self.bodies[key]

    def compare(self, node: Compare) -> Node:
        key = (node.subject, node.attribute)
        if key in self.facts:
            return self._derived(node, key)
        spec = OPERATOR_TABLE[node.operator]
        required = operand(node, self.parameters)
        attribute, holds = node.attribute, spec.holds
        absent = spec.on_absent(required)
        when_absent = _U if absent is None else (_T if absent else _F)
        on_case = node.subject == "case"

        def run(ev: Evaluator, ref: str) -> int:
            value = ev.entities.get(ev.case_ref if on_case else ref, _EMPTY).get(attribute)
            if value is None:
                return when_absent
            try:
                return _T if holds(value, required) else _F
            except TypeError:
                return _F

        return _Leaf(node, self._counted(run), self.count, required)

    def _derived(self, node: Compare, key: tuple[str, str]) -> Node:
        body = self.body(key)
        inner, name, on_case = body.run, node.fact, node.subject == "case"
        spec = OPERATOR_TABLE[node.operator]
        required = operand(node, self.parameters)
        plain = node.operator == "equals" and required is True

        def held(ev: Evaluator, ref: str) -> int:
            subject = ev.case_ref if on_case else ref
            memo = ev.memo
            value = memo.get((name, subject))
            if value is None:
                value = memo[(name, subject)] = inner(ev, subject)
            return value

        def run(ev: Evaluator, ref: str) -> int:
            # A derived fact read with another operator: its value is yes, no or absent.
            known = _VALUE[held(ev, ref)]
            if known is None:
                absent = spec.on_absent(required)
                return _U if absent is None else (_T if absent else _F)
            try:
                return _T if spec.holds(known, required) else _F
            except TypeError:
                return _F

        return _Derived(
            node, self._counted(held if plain else run), self.count, self.facts[key], body, plain
        )

    def all_of(self, node: AllOf, items: list[Node]) -> Node:
        runs = tuple(k.run for k in items)

        def run(ev: Evaluator, ref: str) -> int:
            result = _T
            for part in runs:
                value = part(ev, ref)
                if value == _F:
                    return _F
                if value < result:
                    result = value
            return result

        return _Junction(node, self._counted(run), self.count, items)

    def any_of(self, node: AnyOf, items: list[Node]) -> Node:
        runs = tuple(k.run for k in items)

        def run(ev: Evaluator, ref: str) -> int:
            result = _F
            for part in runs:
                value = part(ev, ref)
                if value == _T:
                    return _T
                if value > result:
                    result = value
            return result

        return _Junction(node, self._counted(run), self.count, items)

    def not_of(self, node: NotOf, item: Node) -> Node:
        inner = item.run

        def run(ev: Evaluator, ref: str) -> int:
            return _T - inner(ev, ref)

        return _Not(node, self._counted(run), self.count, item)

    def some(self, node: Some, where: Node | None) -> Node:
        link, minimum = node.some, node.minimum

        if where is None:

            def run(ev: Evaluator, ref: str) -> int:
                return _T if len(ev.links.get((ref, link), ())) >= minimum else _F

        else:
            inner = where.run

            def run(ev: Evaluator, ref: str) -> int:
                hits = maybe = 0
                for target in ev.links.get((ref, link), ()):
                    value = inner(ev, target)
                    if value == _T:
                        hits += 1
                        if hits >= minimum:
                            return _T
                    elif value == _U:
                        maybe += 1
                return _U if hits + maybe >= minimum else _F

        return _Some(node, self._counted(run), self.count, where)


#: How many compiled conditions a bundle keeps; its own are a few hundred.
MAX_CACHED = 10_000


class CompiledBundle:
    """Every condition of a bundle compiled once; shared by all cases and threads.

    Legal bases, derived facts, desirability factors, concerns and ladder conditions are
    compiled up front; any other condition object is compiled on first use and kept.
    ``count`` is called once per evaluated node: how tests and the benchmark show that
    the work grows linearly with the case.
    """

    def __init__(self, bundle: Bundle, count: Callable[[], object] | None = None):
        self.bundle = bundle
        self._compiler = _Compiler(bundle, count)
        #: Compiled conditions by the id of their condition object.
        self.nodes: dict[int, Node] = {}
        self._lock = threading.Lock()
        for condition in conditions(bundle):
            self.node(condition)
        #: Every derived fact with its compiled body, to list what holds for a case.
        self.derived: list[tuple[DerivedFact, Node]] = [
            (fact, self._compiler.body((fact.subject, fact.id))) for fact in bundle.facts
        ]

    def node(self, condition: Condition) -> Node:
        # Keyed by identity: the bundle's condition objects live as long as the bundle,
        # and the node keeps its condition alive so an id is never reused while cached.
        found = self.nodes.get(id(condition))
        if found is None:
            with self._lock:
                found = self.nodes.get(id(condition))
                if found is None:
                    found = self._compiler(condition)
                    # A caller that builds new condition objects per case must not grow
                    # the cache without end; past the bound they are compiled per call.
                    if len(self.nodes) < MAX_CACHED:
                        self.nodes[id(condition)] = found
        return found

    def evaluator(self, facts: Facts) -> Evaluator:
        return Evaluator(self, facts)


def conditions(bundle: Bundle) -> Iterator[Condition]:
    """Every condition the engine evaluates, in the bundle's order: derived facts, legal
    bases, desirability factors, concerns and the ladders' scope."""
    for fact in bundle.facts:
        yield fact.condition
    for itv in bundle.interventions:
        if itv.legal_basis.condition is not None:
            yield itv.legal_basis.condition
        for factor in itv.desirability:
            if factor.condition is not None:
                yield factor.condition
        for concern in itv.human_measure:
            yield concern.condition
    for ladder in bundle.ladders:
        if ladder.applies_when is not None:
            yield ladder.applies_when


class Evaluator:
    """One case read against one compiled bundle; cheap to make, holds the memo."""

    __slots__ = (
        "case_ref",
        "compiled",
        "entities",
        "explained",
        "facts",
        "links",
        "memo",
        "nodes",
        "outcomes",
    )

    def __init__(self, compiled: CompiledBundle, facts: Facts):
        self.compiled = compiled
        #: The compiled conditions by id, read directly on the fast path (``status``).
        self.nodes = compiled.nodes
        self.facts = facts
        self.entities = facts.entities
        self.links = facts.links
        self.case_ref = next((r for r, a in facts.entities.items() if a["t"] == "case"), "case:?")
        self.memo: dict[tuple[str, str], int] = {}
        self.explained: dict[tuple[str, str], Outcome] = {}
        self.outcomes: dict[tuple[int, str], tuple[Node, Outcome]] = {}

    def status(self, condition: Condition, ref: str) -> Status:
        """The value of ``condition`` for ``ref``, without building any reasons."""
        node = self.nodes.get(id(condition)) or self.compiled.node(condition)
        return _STATUS[node.run(self, ref)]

    def evaluate(self, condition: Condition, ref: str) -> Outcome:
        """The value with its full tree of reasons, for an explanation; built once per
        (condition, subject) for this case, since several renderings read the same tree."""
        node = self.compiled.node(condition)
        key = (id(node), ref)
        found = self.outcomes.get(key)
        if found is None:
            # The node is kept with its outcome, so its id is not reused while cached.
            found = self.outcomes[key] = (node, node.explain(self, ref))
        return found[1]

    def missing(self, condition: Condition, ref: str) -> list[Missing]:
        """The facts whose answers could still decide ``condition`` for ``ref``: the same
        list as ``evaluate(...).missing()``, read from the compiled values without a tree."""
        node = self.nodes.get(id(condition)) or self.compiled.node(condition)
        found: list[Missing] = []
        if node.missing(self, ref, found) != _U:
            return []
        return list(dict.fromkeys(found))

    def evidence(self, condition: Condition, ref: str) -> set[str]:
        """The case entities ``condition`` rests on for ``ref``: the refs of
        ``evaluate(...).evidence()``, read from the compiled values without a tree."""
        node = self.nodes.get(id(condition)) or self.compiled.node(condition)
        found: set[str] = set()
        if node.run(self, ref) == _T:
            node.evidence(self, ref, found)
        return found

    def derived_facts(self) -> set[tuple[str, str]]:
        """Every derived fact that holds, as ("subject.fact", ref)."""
        holding = set()
        for fact, body in self.compiled.derived:
            name = f"{fact.subject}.{fact.id}"
            for ref, attrs in self.entities.items():
                if attrs["t"] != fact.subject:
                    continue
                value = self.memo.get((name, ref))
                if value is None:
                    value = self.memo[(name, ref)] = body.run(self, ref)
                if value == _T:
                    holding.add((name, ref))
        return holding
