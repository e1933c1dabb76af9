"""Legal basis per intervention: the compiled evaluator decides, durable-rules re-derives.

``assess`` is the request path: only closures over the case's facts, with the proof tree
of a target built when someone reads ``TargetVerdict.outcome``. ``verify`` is the second
reading: the same bundle run in durable-rules, compared with what ``assess`` found; where
and when to run it is the service's choice (it costs several times the assessment).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from engine.case.flatten import Facts
from engine.deadline import UNLIMITED, Deadline
from engine.inference.durable_reading import DurableReading, Trace, compare
from engine.inference.evaluate import STATUSES, CompiledBundle, Evaluator, Outcome
from engine.inference.status import FALSE, TRUE, Status
from engine.inference.verification import Verification
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import Condition
from engine.ruleset.models import Intervention


class TargetVerdict:
    """One subject's status, with its tree of reasons built from the same compiled nodes
    on first use (most callers only read the status)."""

    __slots__ = ("_outcome", "condition", "evaluator", "ref", "status")

    def __init__(
        self,
        ref: str,
        status: Status,
        condition: Condition | None = None,
        evaluator: Evaluator | None = None,
    ):
        self.ref = ref
        self.status = status
        self.condition = condition
        self.evaluator = evaluator
        self._outcome: Outcome | None = None

    @property
    def outcome(self) -> Outcome | None:
        if self._outcome is None and self.condition is not None and self.evaluator is not None:
            self._outcome = self.evaluator.evaluate(self.condition, self.ref)
        return self._outcome

    def __repr__(self) -> str:
        return f"TargetVerdict({self.ref!r}, {self.status!r})"


@dataclass(slots=True)
class LegalVerdict:
    intervention: Intervention
    status: Status
    targets: list[TargetVerdict]


class Inference:
    """A bundle compiled once for the evaluator and, on first need, for durable-rules."""

    def __init__(self, bundle: Bundle):
        self.bundle = bundle
        self.compiled = CompiledBundle(bundle)
        #: Per intervention what ``assess`` reads: its target kind, condition and run.
        self._legal = [
            (itv, str(itv.target), c, None if c is None else self.compiled.node(c).run)
            for itv in bundle.interventions
            for c in [itv.legal_basis.condition]
        ]
        self._durable: DurableReading | None = None
        self._lock = threading.Lock()

    def evaluator(self, facts: Facts) -> Evaluator:
        return self.compiled.evaluator(facts)

    def assess(
        self, facts: Facts, deadline: Deadline = UNLIMITED
    ) -> tuple[list[LegalVerdict], Evaluator]:
        reading = self.compiled.evaluator(facts)
        of_kind: dict[str, list[str]] = {}
        for ref, attrs in facts.entities.items():
            of_kind.setdefault(str(attrs["t"]), []).append(ref)
        verdicts = []
        for itv, target, condition, run in self._legal:
            deadline.check()
            refs = of_kind.get(target, ())
            if run is None:
                results = [TargetVerdict(ref, TRUE) for ref in refs]
                overall = TRUE if refs else FALSE
            else:
                # Kleene: the intervention has a basis where any subject gives one, may
                # have one where any may; the best of the values (0, 1, 2) says which.
                results = []
                best = 0
                for ref in refs:
                    value = run(reading, ref)
                    if value > best:
                        best = value
                    results.append(TargetVerdict(ref, STATUSES[value], condition, reading))
                overall = STATUSES[best]
            verdicts.append(LegalVerdict(itv, overall, results))
        return verdicts, reading

    @property
    def durable(self) -> DurableReading:
        """durable's compiled bundle, made on first use so the request path never waits."""
        with self._lock:
            if self._durable is None:
                self._durable = DurableReading(self.bundle)
            return self._durable

    def trace(self, facts: Facts) -> Trace:
        return self.durable.trace(facts)

    def verify(self, facts: Facts, verdicts: list[LegalVerdict]) -> Verification:
        """durable-rules' reading of ``facts`` against the evaluator's ``verdicts``.

        Legal bases come from the verdicts as given; derived facts are read by the
        evaluator from the same facts (memoised, so cheap). Interventions without a
        condition have no durable rule and are left out of the comparison.
        """
        trace = self.durable.trace(facts)
        satisfied = {
            (v.intervention.id, t.ref)
            for v in verdicts
            if v.intervention.legal_basis.condition is not None
            for t in v.targets
            if t.status == TRUE
        }
        derived = self.compiled.evaluator(facts).derived_facts()
        return compare(self.bundle, trace, derived, satisfied)
