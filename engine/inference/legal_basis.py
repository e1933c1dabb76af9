"""Legal basis per intervention: durable-rules decides what holds, the reading explains it.

The engine runs the compiled bundle once per case; the three-valued reading then
supplies "not satisfied" versus "unknown" and the reasons. Where the two disagree on
what is satisfied, that is a defect in the compiler or the reading, never a legal
outcome, so it raises instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.case.flatten import Facts
from engine.inference import rete
from engine.inference.compile import ROOT, compile_bundle
from engine.inference.evaluate import FALSE, TRUE, UNKNOWN, Evaluator, Outcome
from engine.ruleset.bundle import Bundle
from engine.ruleset.models import Intervention


class EngineMismatch(RuntimeError):
    """durable-rules and the three-valued reading disagree: a defect, not an outcome."""


@dataclass
class TargetVerdict:
    ref: str
    status: str
    outcome: Outcome | None


@dataclass
class LegalVerdict:
    intervention: Intervention
    status: str
    targets: list[TargetVerdict]


@dataclass
class Trace:
    """What the engine derived for one case: derived facts and satisfied legal bases."""

    derived: set[tuple[str, str]]
    satisfied: set[tuple[str, str]]
    firings: list[rete.Firing]


class Inference:
    """A bundle compiled once into durable-rules, evaluated for many cases."""

    def __init__(self, bundle: Bundle):
        self.bundle = bundle
        self.compiled = compile_bundle(bundle)
        # Only the root binding is read back; converting the others costs per firing.
        bindings: dict[str, tuple[str, ...]] = {rule: (ROOT,) for rule in self.compiled.meta}
        self.session = rete.Session(self.compiled.rules, bindings, self._react)

    def _react(self, rule: str, bound: rete.Bindings) -> list[dict[str, object]]:
        meta = self.compiled.meta[rule]
        if meta.kind in ("derived", "aux"):
            return [{"t": "derived", "name": meta.key, "of": bound[ROOT]["ref"]}]
        return []

    def trace(self, facts: Facts) -> Trace:
        firings = self.session.run(facts.records())
        derived, satisfied = set(), set()
        for firing in firings:
            meta = self.compiled.meta[firing.rule]
            pair = (meta.key, str(firing.bindings[ROOT]["ref"]))
            if meta.kind == "derived":
                derived.add(pair)
            elif meta.kind == "legal":
                satisfied.add(pair)
        return Trace(derived, satisfied, firings)

    def assess(self, facts: Facts) -> tuple[list[LegalVerdict], Evaluator, Trace]:
        trace = self.trace(facts)
        reading = Evaluator(
            facts, self.bundle.facts, {k: p.value for k, p in self.bundle.parameters.items()}
        )
        verdicts = []
        for itv in self.bundle.interventions:
            targets = [ref for ref, attrs in facts.entities.items() if attrs["t"] == itv.target]
            results = []
            for ref in targets:
                condition = itv.legal_basis.condition
                outcome = reading.evaluate(condition, ref) if condition is not None else None
                status = outcome.status if outcome is not None else TRUE
                fired = condition is None or (itv.id, ref) in trace.satisfied
                if fired != (status == TRUE):
                    raise EngineMismatch(f"{itv.id} voor {ref}: durable={fired}, lezing={status}")
                results.append(TargetVerdict(ref, status, outcome))
            statuses = {r.status for r in results}
            overall = TRUE if TRUE in statuses else (UNKNOWN if UNKNOWN in statuses else FALSE)
            verdicts.append(LegalVerdict(itv, overall, results))
        return verdicts, reading, trace
