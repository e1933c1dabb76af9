"""Competence and information: care data never carries an enforcement decision."""

from __future__ import annotations

import datetime as dt

from engine.case.flatten import flatten
from engine.case.read import read_case
from engine.inference.legal_basis import TargetVerdict
from engine.inference.status import Status
from engine.ruleset.models import Body, Intervention
from engine.weigh.assessment import CareInformation
from engine.weigh.competence import CARE_BASIS, care_findings, competence
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 3, 1)


def _closure_on_any_drugs_finding() -> Intervention:
    """A repressive measure whose condition does not itself filter the source."""
    return Intervention.model_validate(
        {
            "id": "X-sluiting",
            "name": "Sluiting (test)",
            "domain": "repression",
            "formal": True,
            "authority": "burgemeester",
            "competent_body": Body.mayor,
            "target": "premises",
            "legal_basis": {
                "condition": {
                    "some": "findings",
                    "where": {"fact": "finding.kind", "equals": "drugs"},
                }
            },
        }
    )


def test_a_proof_resting_on_care_information_blocks_the_measure(advisor):
    case = read_case(EXAMPLES / "e1-visser.yaml")
    findings = [case.findings[0].model_copy(update={"source": "care"}), *case.findings[1:]]
    case = case.model_copy(update={"findings": findings})
    facts = flatten(case, DATE, "voorbeeldstad")
    reading = advisor.inference(advisor.bundle("voorbeeldstad", DATE)).evaluator(facts)
    itv = _closure_on_any_drugs_finding()
    ref = "premises:W1"
    assert reading.status(itv.legal_basis.condition, ref) is Status.SATISFIED
    notes, concerns = competence(
        itv, (ref,), (TargetVerdict(ref, Status.SATISFIED),), facts, reading, care_findings(facts)
    )
    assert CareInformation(("finding:F1",)) in notes
    assert [c.id for c in concerns if c.blocks] == [CARE_BASIS]


def test_without_care_information_nothing_is_blocked(advisor):
    case = read_case(EXAMPLES / "e1-visser.yaml")
    facts = flatten(case, DATE, "voorbeeldstad")
    reading = advisor.inference(advisor.bundle("voorbeeldstad", DATE)).evaluator(facts)
    ref = "premises:W1"
    notes, concerns = competence(
        _closure_on_any_drugs_finding(),
        (ref,),
        (TargetVerdict(ref, Status.SATISFIED),),
        facts,
        reading,
        care_findings(facts),
    )
    assert notes == [] and concerns == []
