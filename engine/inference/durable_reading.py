"""durable-rules' independent second reading of a case, compared with the evaluator.

The same bundle is compiled for durable (``compile``) and run in it (``rete``), which
re-derives derived facts and satisfied legal bases by a different algorithm (Rete joins
over the flat facts instead of closures over an index). Agreement on every case is the
evidence that the compiled evaluator reads the rulesets as written; a disagreement is a
defect to show a person, never an outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.case import vocabulary
from engine.case.flatten import Facts
from engine.inference import rete
from engine.inference.compile import ROOT, compile_bundle
from engine.inference.verification import Verification, VerificationStatus
from engine.ruleset.bundle import Bundle


@dataclass
class Trace:
    """What durable derived for one case: derived facts and satisfied legal bases."""

    derived: set[tuple[str, str]]
    satisfied: set[tuple[str, str]]
    firings: list[rete.Firing]


class DurableReading:
    """A bundle compiled into durable-rules once, run for many cases."""

    def __init__(self, bundle: Bundle):
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


def compare(
    bundle: Bundle,
    trace: Trace,
    derived: set[tuple[str, str]],
    satisfied: set[tuple[str, str]],
) -> Verification:
    """durable's trace against the evaluator's derived facts and satisfied legal bases.

    Each difference is a Dutch sentence a person can act on: the intervention id or the
    begrip's own label, and the subject by its Dutch kind and id ("pand W1").
    """
    labels = {f"{f.subject}.{f.id}": f"begrip '{f.label}'" for f in bundle.facts}
    differences = [
        *_differ(lambda key: labels.get(key, key), "afgeleid", trace.derived, derived),
        *_differ(lambda key: f"grondslag {key}", "vervuld", trace.satisfied, satisfied),
    ]
    status = VerificationStatus.mismatch if differences else VerificationStatus.agreed
    return Verification(status=status, differences=tuple(differences))


def _subject_name(ref: str) -> str:
    kind, _, ident = ref.partition(":")
    return f"{vocabulary.SUBJECT_TEXT.get(kind, kind)} {ident}"


def _differ(
    name: Callable[[str], str],
    word: str,
    durable: set[tuple[str, str]],
    evaluator: set[tuple[str, str]],
) -> list[str]:
    only_durable = [
        f"{name(key)} voor {_subject_name(ref)}: volgens durable-rules {word}, "
        "volgens de evaluator niet"
        for key, ref in sorted(durable - evaluator)
    ]
    only_evaluator = [
        f"{name(key)} voor {_subject_name(ref)}: volgens de evaluator {word}, "
        "volgens durable-rules niet"
        for key, ref in sorted(evaluator - durable)
    ]
    return only_durable + only_evaluator
