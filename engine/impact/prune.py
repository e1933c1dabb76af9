"""When a proposal only moves thresholds, a case whose comparisons come out the same is
not assessed again.

Most proposals policy staff try change a parameter (an age limit, a number of months).
The assessment is a deterministic function of the facts, the rules and their values; if
two bundles are equal except for the values of parameters that conditions compare with,
every condition evaluates the same on both sides as soon as the comparisons that read a
changed parameter do, for every entity they can be asked about (by induction over the
condition tree: the same tree over the same leaf values). Then the proposal's assessment
equals the basis's and the case has no change to report. Checking those few comparisons
costs a fraction of a second assessment, which is why an impact run over a large corpus
takes about the time of one pass instead of two (ADR 0019).

Anything else that differs (an intervention, a derived fact, a ladder, a text, a
parameter the engine reads by name rather than in a condition) means no shortcut: the
case is assessed under both sides, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from engine.case.flatten import Facts
from engine.inference.evaluate import CompiledBundle, Evaluator, Node, conditions
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import Compare, Param, walk
from engine.weigh.assess import ELDERLY_PARAMETER
from engine.weigh.combine import CAP_PARAMETER, DOMAIN_CAP_PARAMETER

#: Parameters the engine reads by name, outside any condition: a change to one of them
#: can move the advice without any comparison changing, so it never takes the shortcut.
READ_BY_NAME = frozenset({ELDERLY_PARAMETER, CAP_PARAMETER, DOMAIN_CAP_PARAMETER})


@dataclass(frozen=True)
class Comparison:
    """A comparison that reads a changed parameter, compiled on each side."""

    subject: str
    before: Node
    after: Node


@dataclass(frozen=True)
class ThresholdChange:
    """Two bundles that differ only in the values of ``parameters``, each read only as the
    operand of the ``comparisons``."""

    parameters: frozenset[str]
    comparisons: tuple[Comparison, ...]

    def moves(self, facts: Facts, before: Evaluator, after: Evaluator) -> bool:
        """Whether any comparison reading a changed value comes out differently for this
        case, for any entity it could be asked about; if none does, nothing else can."""
        by_subject: dict[str, list[str]] = {}
        for ref, attrs in facts.entities.items():
            by_subject.setdefault(str(attrs["t"]), []).append(ref)
        for c in self.comparisons:
            for ref in by_subject.get(c.subject, ()):
                if c.before.run(before, ref) != c.after.run(after, ref):
                    return True
        return False


def _params(value: Any) -> Iterator[str]:
    """The names of the parameters a dumped value refers to."""
    if isinstance(value, dict):
        if set(value) == {"param"}:
            yield value["param"]
            return
        for v in value.values():
            yield from _params(v)
    elif isinstance(value, list):
        for v in value:
            yield from _params(v)


def _operand_params(node: Compare) -> list[str]:
    operand = node.operand
    values = operand if isinstance(operand, list) else [operand]
    return [v.param for v in values if isinstance(v, Param)]


def _rules(bundle: Bundle) -> list[Any]:
    """Everything a bundle holds apart from its parameter values and its provenance."""
    return [
        bundle.municipality,
        bundle.reference_date,
        [x.model_dump() for x in bundle.interventions],
        [x.model_dump() for x in bundle.facts],
        [x.model_dump() for x in bundle.ladders],
        [x.model_dump() for x in bundle.refinements],
        [(x.parameter, x.ruleset) for x in bundle.overrides],
        {k: p.model_dump(exclude={"value"}) for k, p in bundle.parameters.items()},
    ]


#: Each pair's answer, for as long as both compiled bundles live: a run asks it once per
#: case, and the service compiles a new proposal per run, which must not be kept after it.
_KNOWN: WeakKeyDictionary[
    CompiledBundle, WeakKeyDictionary[CompiledBundle, ThresholdChange | None]
] = WeakKeyDictionary()


def threshold_change(before: CompiledBundle, after: CompiledBundle) -> ThresholdChange | None:
    """The change from ``before`` to ``after`` if it only moves parameter values that
    conditions compare with, else None."""
    pairs = _KNOWN.setdefault(before, WeakKeyDictionary())
    if after not in pairs:
        pairs[after] = _threshold_change(before, after)
    return pairs[after]


def _threshold_change(before: CompiledBundle, after: CompiledBundle) -> ThresholdChange | None:
    old, new = before.bundle, after.bundle
    if old.parameters.keys() != new.parameters.keys():
        return None
    changed = frozenset(k for k, p in old.parameters.items() if p.value != new.parameters[k].value)
    if not changed or changed & READ_BY_NAME:
        return None
    rules = _rules(old)
    if rules != _rules(new):
        return None
    comparisons = []
    in_conditions = 0
    for a, b in zip(conditions(old), conditions(new), strict=True):
        for x, y in zip(walk(a), walk(b), strict=True):
            if isinstance(x, Compare) and isinstance(y, Compare):
                reads = [p for p in _operand_params(x) if p in changed]
                if reads:
                    in_conditions += len(reads)
                    comparisons.append(Comparison(x.subject, before.node(x), after.node(y)))
    # A changed parameter referred to anywhere but a comparison's operand (a refinement,
    # an override) could act in a way the comparisons do not show.
    anywhere = sum(1 for name in _params(rules) if name in changed)
    if anywhere != in_conditions:
        return None
    return ThresholdChange(changed, tuple(comparisons))
