"""From a case to an advice: the one entry point the CLI and the API call.

Rulesets are validated once and each bundle is compiled into durable-rules once
(compile once, evaluate many); every call then flattens the case, runs the engine,
reads the conditions three-valued and writes the explanation.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import engine
from engine.advice import (
    Advice,
    InterventionAdvice,
    LegalBasisOut,
    MissingFact,
    RulesetInfo,
    TargetResult,
)
from engine.case.flatten import Facts, flatten
from engine.case.models import Case
from engine.explain.proof import entity_name, tree
from engine.explain.text import basis_sentence, citation_out, citation_text
from engine.inference.evaluate import TRUE, UNKNOWN
from engine.inference.legal_basis import Inference, LegalVerdict
from engine.ruleset.bundle import Bundle, Catalog
from engine.weigh.assess import weigh

_STATUS_ORDER = {TRUE: 0, UNKNOWN: 1}


class Advisor:
    """Holds the validated catalog and the compiled bundles; safe to share across threads."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._bundles: dict[tuple[str, dt.date], Bundle] = {}
        self._compiled: dict[str, Inference] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_directory(cls, root: Path) -> Advisor:
        return cls(Catalog(root))

    def bundle(self, municipality: str | None, date: dt.date) -> Bundle:
        key = ((municipality or "").lower(), date)
        with self._lock:
            if key not in self._bundles:
                if len(self._bundles) > 1024:
                    self._bundles.clear()
                self._bundles[key] = self.catalog.bundle(municipality, date)
            return self._bundles[key]

    def inference(self, bundle: Bundle) -> Inference:
        with self._lock:
            if bundle.sha256 not in self._compiled:
                self._compiled[bundle.sha256] = Inference(bundle)
            return self._compiled[bundle.sha256]

    def advise(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
    ) -> Advice:
        notes = []
        date = reference_date or case.case.reference_date
        if date is None:
            date = dt.date.today()
            notes.append(f"Geen peildatum opgegeven; gerekend met vandaag ({date.isoformat()}).")
        place = (municipality or case.case.municipality).lower()
        bundle = self.bundle(place, date)
        if place not in self.catalog.municipalities:
            notes.append(
                f"Geen gemeentelijk beleid voor '{place}' gevonden; alleen landelijke regels."
            )
        facts = flatten(case, date, place)
        verdicts, reading = self.inference(bundle).assess(facts)
        items = [_intervention(v, facts) for v in verdicts]
        items, combinations = weigh(items, verdicts, bundle, case, facts, reading)
        return Advice(
            case_id=case.case.id,
            reference_date=date,
            municipality=place,
            ruleset=_ruleset_info(bundle),
            engine_version=engine.__version__,
            interventions=items,
            combinations=combinations,
            missing_facts=_all_missing(items),
            notes=notes,
        )


def _ruleset_info(bundle: Bundle) -> RulesetInfo:
    return RulesetInfo(
        id=bundle.id,
        version=bundle.version,
        sha256=bundle.sha256,
        municipality=bundle.municipality,
        files=[
            {"id": r.id, "version": r.version, "path": r.path, "sha256": r.sha256}
            for r in bundle.rulesets
        ],
        overrides=[
            f"{o.ruleset} zet parameter '{o.parameter}' op {o.value} (landelijk: {o.national_value})"
            for o in bundle.overrides
        ],
    )


def _intervention(verdict: LegalVerdict, facts: Facts) -> InterventionAdvice:
    itv = verdict.intervention
    ordered = sorted(verdict.targets, key=lambda t: _STATUS_ORDER.get(t.status, 2))
    targets = [
        TargetResult(
            target=t.ref,
            status=t.status,
            conditions=[tree(t.outcome, facts)] if t.outcome is not None else [],
        )
        for t in ordered
    ]
    missing: list[MissingFact] = []
    if verdict.status == UNKNOWN:
        for t in ordered:
            if t.status == UNKNOWN and t.outcome is not None:
                for m in t.outcome.missing():
                    item = MissingFact(
                        fact=m.fact,
                        question=m.question,
                        subject=entity_name(m.ref, facts),
                        affects=[itv.id],
                    )
                    if item not in missing:
                        missing.append(item)
    satisfied = [entity_name(t.ref, facts) for t in ordered if t.status == TRUE]
    notes = list(itv.uncertain)
    if not verdict.targets:
        notes.append(
            f"De casus noemt geen onderwerp van de soort '{itv.target}' voor deze interventie."
        )
    if itv.safety_note:
        notes.append(itv.safety_note)
    return InterventionAdvice(
        id=itv.id,
        name=itv.name,
        domain=str(itv.domain),
        formal=itv.formal,
        supporting=itv.supporting,
        authority=itv.authority,
        target=str(itv.target),
        legal_basis=LegalBasisOut(
            status=verdict.status,
            citations=[citation_out(c) for c in itv.legal_basis.citations],
            conditions=targets[0].conditions if targets else [],
            targets=targets,
            case_law=[f"{c.ecli}: {c.summary}" for c in itv.legal_basis.case_law],
        ),
        missing_facts=missing,
        procedure=[
            s.text
            + (f" ({citation_text(s.citation)})" if s.citation else "")
            + (f" {s.urgent_exception}" if s.urgent_exception else "")
            for s in itv.procedure
        ],
        partners=list(itv.partners),
        notes=notes,
        explanation=basis_sentence(itv, verdict.status, satisfied, missing),
    )


def _all_missing(items: list[InterventionAdvice]) -> list[MissingFact]:
    merged: dict[tuple[str, str | None], MissingFact] = {}
    for item in items:
        for m in item.missing_facts:
            key = (m.fact, m.subject)
            if key in merged:
                merged[key].affects.extend(a for a in m.affects if a not in merged[key].affects)
            else:
                merged[key] = m.model_copy(deep=True)
    return sorted(merged.values(), key=lambda m: (m.fact, m.subject or ""))
