"""Desirability and human measure per intervention, from the ruleset's own factors.

Nothing here is learned or tuned: a factor counts when the case names its goal (and its
condition holds), a concern is raised when its condition holds, and an undecidable
concern becomes a question, because an unknown culpability or an unknown child can
change the balance (ECLI:NL:RVS:2019:2912).
"""

from __future__ import annotations

from engine.advice import (
    Combination,
    ConcernOut,
    DesirabilityOut,
    HumanMeasureOut,
    InterventionAdvice,
    MissingFact,
    Reason,
)
from engine.case.flatten import Facts
from engine.case.models import Case
from engine.explain.proof import entity_name
from engine.inference.evaluate import FALSE, TRUE, UNKNOWN, Evaluator
from engine.inference.legal_basis import LegalVerdict
from engine.ruleset.bundle import Bundle
from engine.ruleset.models import Intervention

GOAL_TEXT = {
    "stop_criminal_activity": "criminele activiteiten stoppen",
    "undermine_status": "status van sleutelfiguren aantasten",
    "liveable_street": "leefbaarheid van de straat",
    "prevent_recruitment": "nieuwe aanwas voorkomen",
    "help_exit": "uitstappen mogelijk maken",
    "protect_children": "kinderen beschermen",
}


def _targets(verdict: LegalVerdict) -> list[str]:
    """The subjects the weighing is about: where the basis holds, else where it may."""
    for wanted in (TRUE, UNKNOWN):
        refs = [t.ref for t in verdict.targets if t.status == wanted]
        if refs:
            return refs
    return [t.ref for t in verdict.targets]


def desirability(itv: Intervention, goals: list[str], refs: list[str], reading: Evaluator) -> DesirabilityOut:
    reasons = []
    for factor in itv.desirability:
        if factor.goal is not None and factor.goal not in goals:
            continue
        if factor.condition is not None and not any(
            reading.evaluate(factor.condition, ref).status == TRUE for ref in refs
        ):
            continue
        goal = f" (doel: {GOAL_TEXT.get(factor.goal, factor.goal)})" if factor.goal else ""
        reasons.append(Reason(weight=factor.weight, goal=factor.goal, text=factor.reason + goal))
    score = round(min(1.0, max(0.0, sum(r.weight for r in reasons))), 3)
    return DesirabilityOut(score=score, reasons=reasons)


def concerns(itv: Intervention, refs: list[str], reading: Evaluator, facts: Facts) -> tuple[list[ConcernOut], list[MissingFact]]:
    raised, missing = [], []
    for concern in itv.human_measure:
        for ref in refs:
            outcome = reading.evaluate(concern.condition, ref)
            if outcome.status == FALSE:
                continue
            text = concern.text
            if outcome.status == UNKNOWN:
                text = f"Mogelijk: {text} Dit is nog niet vast te stellen."
                for m in outcome.missing():
                    item = MissingFact(
                        fact=m.fact,
                        question=m.question,
                        subject=entity_name(m.ref, facts),
                        affects=[f"{itv.id} (menselijke maat: {concern.id})"],
                    )
                    if item not in missing:
                        missing.append(item)
            raised.append(
                ConcernOut(
                    id=concern.id,
                    severity=str(concern.severity),
                    status=outcome.status,  # type: ignore[arg-type]
                    text=text,
                    mitigations=[m.text for m in concern.mitigations],
                    mitigating_interventions=[m.intervention for m in concern.mitigations if m.intervention],
                    target=ref,
                )
            )
    return raised, missing


def weigh(
    items: list[InterventionAdvice],
    verdicts: list[LegalVerdict],
    bundle: Bundle,
    case: Case,
    facts: Facts,
    reading: Evaluator,
) -> tuple[list[InterventionAdvice], list[Combination]]:
    goals = [str(g) for g in case.case.goals]
    weighed = []
    for item, verdict in zip(items, verdicts, strict=True):
        refs = _targets(verdict)
        raised, missing = concerns(verdict.intervention, refs, reading, facts)
        weighed.append(
            item.model_copy(
                update={
                    "desirability": desirability(verdict.intervention, goals, refs, reading),
                    "human_measure": HumanMeasureOut(concerns=raised),
                    "missing_facts": [*item.missing_facts, *(m for m in missing if m not in item.missing_facts)],
                }
            )
        )
    return weighed, []
