"""Legal basis per intervention: the compiled evaluator decides, durable-rules re-derives.

``assess`` is the request path: only closures over the case's facts, with the proof tree
of a target built when someone reads ``TargetVerdict.outcome``. ``verify`` is the second
reading: the same bundle run in durable-rules, compared with what ``assess`` found; where
and when to run it is the service's choice (it costs several times the assessment).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property

from engine.case.flatten import Facts
from engine.deadline import UNLIMITED, Deadline
from engine.inference.durable_reading import DurableReading, Trace, compare
from engine.inference.evaluate import CompiledBundle, Evaluator, Outcome
from engine.inference.status import FALSE, TRUE, UNKNOWN, Status
from engine.inference.verification import Verification
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import Condition
from engine.ruleset.models import Intervention


@dataclass
class TargetVerdict:
    ref: str
    status: Status
    condition: Condition | None = field(default=None, repr=False, compare=False)
    evaluator: Evaluator | None = field(default=None, repr=False, compare=False)

    @cached_property
    def outcome(self) -> Outcome | None:
        """The tree of reasons, built from the same compiled nodes on first use."""
        if self.condition is None or self.evaluator is None:
            return None
        return self.evaluator.evaluate(self.condition, self.ref)


@dataclass
class LegalVerdict:
    intervention: Intervention
    status: Status
    targets: list[TargetVerdict]


class Inference:
    """A bundle compiled once for the evaluator and, on first need, for durable-rules."""

    def __init__(self, bundle: Bundle):
        self.bundle = bundle
        self.compiled = CompiledBundle(bundle)
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
        for itv in self.bundle.interventions:
            deadline.check()
            condition = itv.legal_basis.condition
            results = [
                TargetVerdict(
                    ref,
                    reading.status(condition, ref) if condition is not None else TRUE,
                    condition,
                    reading,
                )
                for ref in of_kind.get(str(itv.target), ())
            ]
            statuses = {r.status for r in results}
            overall = TRUE if TRUE in statuses else (UNKNOWN if UNKNOWN in statuses else FALSE)
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
        return compare(trace, self.compiled.evaluator(facts).derived_facts(), satisfied)
