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
from engine.weigh.combine import combine
from engine.weigh.competence import competence
from engine.weigh.escalation import Step, escalation_out, step_for, step_text
from engine.weigh.proportionality import proportionality, subsidiarity, tried

# A municipal policy rule that prescribes this step counts for the step (art. 4:84 Awb).
LADDER_WEIGHT = 0.1

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


def desirability(
    itv: Intervention, goals: list[str], refs: list[str], reading: Evaluator
) -> DesirabilityOut:
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


def concerns(
    itv: Intervention, refs: list[str], reading: Evaluator, facts: Facts
) -> tuple[list[ConcernOut], list[MissingFact]]:
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
                    status=outcome.status,
                    text=text,
                    mitigations=[m.text for m in concern.mitigations],
                    mitigating_interventions=[
                        m.intervention for m in concern.mitigations if m.intervention
                    ],
                    target=ref,
                )
            )
    return raised, missing


def _policy_reason(step: Step) -> Reason:
    rung = step.rung
    measure = rung.measure + (f" {rung.duration_months:g} maanden" if rung.duration_months else "")
    return Reason(
        weight=LADDER_WEIGHT,
        text=(
            f"Het gemeentelijk beleid ({step.ladder.label}) schrijft bij deze voorgeschiedenis "
            f"trede {step.step} voor: {measure} (art. 4:84 Awb)"
        ),
    )


def weigh(
    items: list[InterventionAdvice],
    verdicts: list[LegalVerdict],
    bundle: Bundle,
    case: Case,
    facts: Facts,
    reading: Evaluator,
) -> tuple[list[InterventionAdvice], list[Combination]]:
    """Weigh every intervention, then search the combinations; keeps the input order."""
    goals = [str(g) for g in case.case.goals]
    first: list[tuple[InterventionAdvice, Intervention, list[str], Step | None]] = []
    for item, verdict in zip(items, verdicts, strict=True):
        itv = verdict.intervention
        refs = _targets(verdict)
        raised, missing = concerns(itv, refs, reading, facts)
        wanted = desirability(itv, goals, refs, reading)
        step = step_for(itv, refs, bundle, facts, reading) if verdict.status != FALSE else None
        escalation = None
        notes = list(item.notes)
        if step is not None:
            escalation = escalation_out(step, bundle).model_copy(
                update={
                    "step_intervention": step.rung.intervention
                    if step.rung.intervention and step.rung.intervention != itv.id
                    else None,
                    "earlier_steps": [i for i in step.earlier_interventions if i != itv.id],
                    "text": step_text(step, facts),
                }
            )
            if escalation.step_intervention is None:
                reasons = [*wanted.reasons, _policy_reason(step)]
                score = round(min(1.0, max(0.0, sum(r.weight for r in reasons))), 3)
                wanted = DesirabilityOut(score=score, reasons=reasons)
        own_notes, own_concerns = competence(itv, item, refs, facts)
        notes.extend(n for n in own_notes if n not in notes)
        weighed = item.model_copy(
            update={
                "desirability": wanted,
                "human_measure": HumanMeasureOut(concerns=[*raised, *own_concerns]),
                "missing_facts": [
                    *item.missing_facts,
                    *(m for m in missing if m not in item.missing_facts),
                ],
                "escalation": escalation,
                "intrusiveness": itv.intrusiveness,
                "lighter_alternatives": list(itv.lighter_alternatives),
                "incompatible_with": list(itv.incompatible_with),
                "notes": notes,
                "already_taken": tried(itv.id, refs, facts),
            }
        )
        first.append((weighed, itv, refs, step))
    by_id = {w.id: w for w, _, _, _ in first}
    weighed_items = []
    for item, itv, refs, step in first:
        sub, _ = subsidiarity(itv, refs, facts, by_id, step)
        hm = item.human_measure.model_copy(
            update={"proportionality": proportionality(itv, item, refs, facts), "subsidiarity": sub}
        )
        explanation = item.explanation
        if item.escalation is not None and item.escalation.text:
            explanation += " " + item.escalation.text
        weighed_items.append(
            item.model_copy(update={"human_measure": hm, "explanation": explanation})
        )
    return weighed_items, combine(weighed_items)
