"""Assessment to Advice contract: the one place where the typed result becomes output.

Rendering happens once, at the end. The summary leaves out the proof trees (the bulk of
an advice); ``full`` builds them from the evaluator, only then, so a summary costs nothing
for trees nobody reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import engine
from engine.case.flatten import Facts
from engine.contract import (
    Advice,
    Combination,
    ConcernOut,
    ConditionResult,
    DesirabilityOut,
    EscalationOut,
    FamilyLensOut,
    HumanMeasureOut,
    InterventionAdvice,
    LegalBasisOut,
    MissingFact,
    PersonGoalsOut,
    Reason,
    RulesetInfo,
    SearchOutcome,
    SelectionGroundOut,
    StepPartnersOut,
    TargetResult,
)
from engine.explain.family import (
    family_goals_text,
    family_words,
    ground_text,
    person_goals_text,
)
from engine.explain.order import why_this_order
from engine.explain.proof import entity_name, tree
from engine.explain.text import (
    BODY_SUBJECT,
    BODY_TEXT,
    DOMAIN_TEXT,
    GOAL_TEXT,
    basis_sentence,
    citation_out,
    citation_text,
)
from engine.inference.evaluate import Evaluator
from engine.inference.status import Status
from engine.ruleset.bundle import Bundle
from engine.weigh import assessment as a
from engine.weigh.combine import DOMAINS, points

Detail = Literal["summary", "full"]

NOT_EXACT = (
    "Het zoeken naar combinaties is binnen de rekentijd afgebroken: de getoonde combinaties "
    "zijn de beste die gevonden zijn, niet gegarandeerd de beste."
)


def ruleset_info(bundle: Bundle, full: bool) -> RulesetInfo:
    """The bundle; its files (ids, versions, hashes) only in full, the sha256 pins them."""
    return RulesetInfo(
        id=bundle.id,
        version=bundle.version,
        sha256=bundle.sha256,
        municipality=bundle.municipality,
        files=[
            {"id": r.id, "version": r.version, "path": r.path, "sha256": r.sha256}
            for r in bundle.rulesets
        ]
        if full
        else [],
        overrides=[
            f"{o.ruleset} zet parameter '{o.parameter}' op {o.value} (landelijk: {o.national_value})"
            for o in bundle.overrides
        ],
    )


def reason_text(r: a.Reason) -> str:
    return r.text + (f" (doel: {GOAL_TEXT[r.goal]})" if r.goal is not None else "")


def missing_out(m: a.MissingFact, facts: Facts, affects: str | None = None) -> MissingFact:
    if affects is None:
        affects = (
            m.intervention_id
            if m.concern_id is None
            else f"{m.intervention_id} (menselijke maat: {m.concern_id})"
        )
    name = entity_name(m.ref, facts)
    return MissingFact(
        fact=m.fact, question=m.question, subject=name, subjects=[name], affects=[affects]
    )


def grouped(missing: Iterable[MissingFact]) -> list[MissingFact]:
    """One entry per question and what it affects, its subjects joined: the summary asks a
    question once, not once for every person of a large family."""
    merged: dict[tuple[str, str, tuple[str, ...]], MissingFact] = {}
    for m in missing:
        key = (m.fact, m.question, tuple(m.affects))
        if key not in merged:
            merged[key] = m.model_copy(update={"subjects": list(m.subjects)})
        else:
            merged[key].subjects.extend(s for s in m.subjects if s not in merged[key].subjects)
    return list(merged.values())


def conditions(
    item: a.InterventionAssessment, ref: str, evaluator: Evaluator, facts: Facts
) -> list[ConditionResult]:
    condition = item.intervention.legal_basis.condition
    return [] if condition is None else [tree(evaluator.evaluate(condition, ref), facts)]


def _escalation(esc: a.EscalationStep) -> EscalationOut:
    return EscalationOut(
        ladder=esc.ladder,
        label=esc.label,
        step=esc.step,
        measure=esc.measure,
        duration_months=esc.duration_months,
        prior=list(esc.prior),
        source=esc.source,
        step_intervention=esc.step_intervention,
        earlier_steps=list(esc.earlier_steps),
        text=esc.text,
    )


def _concern(c: a.Concern) -> ConcernOut:
    return ConcernOut(
        id=c.id,
        severity=c.severity,
        status=c.status,
        text=c.text,
        mitigations=list(c.mitigations),
        mitigating_interventions=list(c.mitigating_interventions),
        target=c.target,
    )


def _concerns(item: a.InterventionAssessment, full: bool) -> list[ConcernOut]:
    """All raised concerns in full; the summary gives one per concern and status (the
    first subject it was raised for stands for the others)."""
    if full:
        return [_concern(c) for c in item.concerns]
    seen: set[tuple[str, Status]] = set()
    out = []
    for c in item.concerns:
        if (c.id, c.status) not in seen:
            seen.add((c.id, c.status))
            out.append(_concern(c))
    return out


def intervention_notes(item: a.InterventionAssessment, detailed: bool) -> list[str]:
    """What the reader must know beside the verdict: what in the law is not verified and
    what competence says, always; the ruleset's safety note in full and for members of a
    combination."""
    itv = item.intervention
    notes = list(itv.uncertain)
    if not item.targets:
        notes.append(
            f"De casus noemt geen onderwerp van de soort '{itv.target}' voor deze interventie."
        )
    if detailed and itv.safety_note:
        notes.append(itv.safety_note)
    notes.extend(competence_text(n) for n in item.competence)
    return notes


def competence_text(note: a.CompetenceNote) -> str:
    match note:
        case a.Elsewhere(ref=ref, municipality=place):
            where = place or "een andere gemeente"
            return (
                f"Pand {ref.partition(':')[2]} ligt in {where}, "
                "buiten de gemeente van deze burgemeester: "
                f"stem af met de burgemeester van {where} via het RIEC; "
                "die is bevoegd voor dit pand."
            )
        case a.CareInformation(findings=findings):
            names = ", ".join(f.partition(":")[2] for f in findings)
            return (
                f"Bevinding {names} komt uit de zorg (bron: zorg) "
                "en mag een handhavingsbesluit niet dragen "
                "(doelbinding, art. 5 lid 1 sub b AVG); laat die informatie buiten de motivering."
            )


def intervention(
    item: a.InterventionAssessment,
    facts: Facts,
    evaluator: Evaluator,
    full: bool,
    weighed: bool,
) -> InterventionAdvice:
    """One intervention. ``weighed``: it is in a combination, so the summary keeps its
    proportionality and subsidiarity sentences as well. Without a legal basis, the summary
    keeps the verdict, citations, explanation and notes (who else is competent, what may not
    carry it): its reasons, concerns and questions cannot change what may be done, so they
    are in the full form only."""
    itv = item.intervention
    open_ = full or item.status is not Status.NOT_SATISFIED
    targets = [
        TargetResult(
            target=t.ref,
            status=t.status,
            conditions=conditions(item, t.ref, evaluator, facts) if full else [],
        )
        for t in item.targets
        if full or t.status is not Status.NOT_SATISFIED
    ]
    satisfied = [entity_name(t.ref, facts) for t in item.targets if t.status is Status.SATISFIED]
    basis_missing = [
        (m.question, entity_name(m.ref, facts)) for m in item.missing if m.concern_id is None
    ]
    explanation = basis_sentence(itv, item.status, satisfied, basis_missing, full or weighed)
    if item.escalation is not None and item.escalation.text:
        explanation += " " + item.escalation.text
    return InterventionAdvice(
        id=itv.id,
        name=itv.name,
        domain=item.domain,
        formal=itv.formal,
        supporting=itv.supporting,
        authority=itv.authority,
        competent_body=item.body,
        target=str(itv.target),
        legal_basis=LegalBasisOut(
            status=item.status,
            citations=[citation_out(c) for c in itv.legal_basis.citations],
            conditions=targets[0].conditions if targets else [],
            targets=targets,
            case_law=[f"{c.ecli}: {c.summary}" for c in itv.legal_basis.case_law] if full else [],
        ),
        desirability=DesirabilityOut(
            score=item.desirability.score,
            reasons=[
                Reason(weight=r.weight, goal=r.goal, text=reason_text(r))
                for r in item.desirability.reasons
            ]
            if open_
            else [],
        ),
        human_measure=HumanMeasureOut(
            concerns=_concerns(item, full) if open_ else [],
            proportionality=item.proportionality if full or weighed else None,
            subsidiarity=item.subsidiarity if full or weighed else None,
        ),
        missing_facts=(
            [missing_out(m, facts) for m in item.missing]
            if full
            else grouped(missing_out(m, facts) for m in item.missing)
            if open_
            else []
        ),
        escalation=_escalation(item.escalation) if item.escalation is not None else None,
        intrusiveness=itv.intrusiveness,
        lighter_alternatives=list(itv.lighter_alternatives),
        incompatible_with=list(itv.incompatible_with),
        already_taken=list(item.already_taken),
        procedure=[
            s.text
            + (f" ({citation_text(s.citation)})" if s.citation else "")
            + (f" {s.urgent_exception}" if s.urgent_exception else "")
            for s in itv.procedure
        ]
        if full
        else [],
        partners=list(itv.partners) if full else [],
        notes=intervention_notes(item, full or weighed),
        explanation=explanation,
    )


def excluded_text(item: a.InterventionAssessment, why: a.Excluded) -> str:
    ids = ", ".join(why.ids)
    match why.reason:
        case a.Exclusion.third_party:
            after = f" na {', '.join(item.follows)}" if item.follows else ""
            return (
                f"een handeling van {BODY_SUBJECT[item.body]} zelf, geen gemeentelijke maatregel; "
                f"weeg het als mogelijk gevolg{after}"
            )
        case a.Exclusion.basis_unknown:
            return "de grondslag is nog onzeker"
        case a.Exclusion.basis_missing:
            return "de grondslag ontbreekt"
        case a.Exclusion.supporting:
            return "informatieroute: draagt de aanpak, is zelf geen maatregel"
        case a.Exclusion.blocked:
            return "geblokkeerd door zorgpunt " + ids
        case a.Exclusion.already_taken:
            return f"al eerder ingezet ({ids})"
        case a.Exclusion.deferred:
            return f"het beleid schrijft op deze trede eerst {ids} voor"
        case a.Exclusion.lighter_first:
            return f"eerst het lichtere middel {ids} (subsidiariteit)"
        case a.Exclusion.mitigation_unavailable:
            return f"vereiste mitigatie {ids} (zorgpunt '{why.concern}') is niet inzetbaar"


def conflict_text(c: a.Conflict) -> str:
    match c.kind:
        case a.Clash.incompatible:
            return f"{c.a} en {c.b} sluiten elkaar uit"
        case a.Clash.lighter_alternative:
            return f"{c.b} is het lichtere repressieve alternatief van {c.a}: een keuze, geen paar"
        case a.Clash.earlier_step:
            return f"{c.b} is een eerdere trede van ladder {c.ladder} en is al gezet"


def member_reason(item: a.InterventionAssessment, member: a.Member) -> str:
    why = [
        f"{reason_text(r)} ({r.weight:+g})"
        for r in sorted(item.desirability.reasons, key=lambda r: -r.weight)[:2]
        if r.weight > 0
    ]
    why += [
        f"vereist als mitigatie van zorgpunt '{c}' bij {by}"
        if c is not None
        else f"lichter middel dat vóór {by} komt (subsidiariteit)"
        for by, c in member.required_by
    ]
    if item.escalation is not None:
        why.append(
            item.escalation.text
            or f"trede {item.escalation.step} van ladder {item.escalation.ladder}"
        )
    return "; ".join(w.rstrip(".") for w in why) or "past bij de doelen van de casus"


def alternatives(
    combo: a.CombinationAssessment, items: dict[str, a.InterventionAssessment], options: a.Options
) -> list[str]:
    members = set(combo.ids)
    out = []
    for i in sorted(items):
        if i in members:
            continue
        item = items[i]
        why = options.excluded.get(i)
        if why is not None:
            if why.reason is a.Exclusion.basis_missing and not item.formal:
                continue
            out.append(f"{i}: {excluded_text(item, why)}.")
            continue
        clashes = [
            conflict_text(c) for m, c in options.conflicts.get(i, {}).items() if m in members
        ]
        if clashes:
            out.append(f"{i}: {sorted(clashes)[0]}.")
        elif points(item) <= 0:
            out.append(f"{i}: draagt niet bij aan de doelen van deze casus.")
        else:
            out.append(f"{i}: past, maar de combinatie zonder scoort hoger of is kleiner.")
    return out


def question_reason(q: a.OpenQuestion) -> str:
    m = q.fact
    if q.stake is a.Stake.concern:
        return f"{m.intervention_id}: zorgpunt '{m.concern_id}' kan de afweging veranderen"
    return f"{m.intervention_id} kan in de combinatie komen als dit bekend is"


def consequence_text(c: a.Consequence, items: dict[str, a.InterventionAssessment]) -> str:
    third, after = items[c.intervention_id], items[c.after]
    cites = "; ".join(citation_text(x) for x in third.intervention.legal_basis.citations)
    text = (
        f"Na {after.name} kan {BODY_SUBJECT[c.body]} zelf optreden: {third.name}"
        + (f" ({cites})" if cites else "")
        + "; dat is geen gemeentelijke maatregel maar een gevolg om mee te wegen."
    )
    weigh = sorted(
        {
            x.text
            for x in third.concerns
            if x.status is not Status.NOT_SATISFIED and (x.target is None or x.target in after.refs)
        }
    )
    if weigh:
        text += " Weeg mee: " + " ".join(weigh)
    return text


def combination(
    combo: a.CombinationAssessment,
    items: dict[str, a.InterventionAssessment],
    options: a.Options,
    facts: Facts,
    full: bool = True,
    why: list[str] | None = None,
) -> Combination:
    """One combination, with why each member is in and each other intervention is not.

    The summary keeps the why-not and the open questions for the first combination only
    and leaves the questions out of the explanation text, where the list already has them.
    """
    detailed = full or combo.rank == 1
    rows: list[dict[str, Any]] = [
        {
            "id": m.id,
            "reason": member_reason(items[m.id], m),
            "carrier": BODY_TEXT[m.body],
            "competent_body": m.body.value,
            "order": m.order,
        }
        for m in combo.members
    ]
    concerns: list[dict[str, Any]] = [
        {
            "intervention": c.intervention_id,
            "id": c.concern.id,
            "severity": c.concern.severity.value,
            "status": c.concern.status.value,
            "text": c.concern.text,
            "mitigated_by": list(c.mitigated_by),
        }
        for c in combo.concerns
    ]
    missing = (
        sorted(
            (missing_out(q.fact, facts, question_reason(q)) for q in combo.questions),
            key=lambda m: (m.fact, m.subject or ""),
        )
        if detailed
        else []
    )
    consequences: list[dict[str, Any]] = [
        {
            "intervention": c.intervention_id,
            "after": c.after,
            "competent_body": c.body.value,
            "text": consequence_text(c, items),
        }
        for c in combo.consequences
    ]
    score = combo.points / 1000
    text = [f"Combinatie {combo.rank}, in deze volgorde:"]
    text += [
        f"{r['order']}. {items[str(r['id'])].name} — drager: {r['carrier']}. {r['reason']}."
        for r in rows
    ]
    absent = [DOMAIN_TEXT[d] for d in DOMAINS if d not in combo.domains]
    if absent:
        text.append(
            "Niet gedekt: "
            + ", ".join(absent)
            + " (geen passende interventie met grondslag en meerwaarde)."
        )
    if concerns:
        text.append(
            "Meegedragen zorgpunten: "
            + "; ".join(
                f"{c['id']} ({c['intervention']}"
                + (f", opgevangen door {', '.join(c['mitigated_by'])}" if c["mitigated_by"] else "")
                + ")"
                for c in concerns
            )
            + "."
        )
    text += [f"Gevolg om mee te wegen: {c['text']}" for c in consequences]
    if why:
        text.append("Waarom deze volgorde: " + " ".join(why))
    if full and missing:
        text.append(
            "Kan de rangschikking veranderen: "
            + "; ".join(f"{m.question} ({m.subject})" for m in missing)
            + "."
        )
    return Combination(
        rank=combo.rank,
        interventions=list(combo.ids),
        domains=[d.value for d in combo.domains],
        score=round(score, 3),
        explanation="\n".join(text),
        members=rows,
        alternatives=alternatives(combo, items, options) if detailed else [],
        concerns=concerns,
        missing_facts=missing,
        consequences=consequences,
        why_this_order=why or [],
    )


def all_missing(items: Iterable[a.InterventionAssessment], facts: Facts) -> list[MissingFact]:
    """Every open question once per subject, with everything its answer could change."""
    merged: dict[tuple[str, str | None], MissingFact] = {}
    for item in items:
        for m in item.missing:
            out = missing_out(m, facts)
            key = (out.fact, out.subject)
            if key in merged:
                merged[key].affects.extend(x for x in out.affects if x not in merged[key].affects)
            else:
                merged[key] = out
    return sorted(merged.values(), key=lambda m: (m.fact, m.subject or ""))


def family_out(assessment: a.Assessment) -> FamilyLensOut | None:
    """The family lens in the contract, in the same words as the memo's."""
    lens = assessment.family
    if lens is None:
        return None
    facts = assessment.facts
    words = family_words(lens, facts)
    names = {i.id: i.name for i in assessment.interventions}
    return FamilyLensOut(
        persons=[
            PersonGoalsOut(
                person=p.ref.partition(":")[2],
                standing=p.standing.value,
                goals=[g.value for g in p.goals],
                text=person_goals_text(p, facts),
            )
            for p in lens.persons
        ],
        family_goals=[g.value for g in lens.family_goals],
        family_goals_text=family_goals_text(lens),
        selection_grounds=[
            SelectionGroundOut(text=g.text, names_family=g.names_family, assessment=ground_text(g))
            for g in lens.grounds
        ],
        selection_grounds_text=None if lens.grounds else words.grounds[0],
        coordinator_assigned=lens.coordinator_assigned,
        coordinator_recommended=lens.coordinator_recommended,
        coordinator=words.regie,
        covered=[d.value for d in lens.covered],
        uncovered=[d.value for d in lens.uncovered],
        coverage=words.coverage,
        safety=words.safety,
        steps=[
            StepPartnersOut(
                intervention=s.intervention_id,
                partners=[p.value for p in s.partners],
                text=f"{names[s.intervention_id]}: {words.steps[s.intervention_id]}",
            )
            for s in lens.steps
        ],
    )


def order_reasons(assessment: a.Assessment, combo: a.CombinationAssessment) -> list[str]:
    """Why this combination ranks where it does, naming interventions by their names."""
    items = {i.id: i for i in assessment.interventions}
    return why_this_order(
        combo, assessment.combinations, items, assessment.options, lambda i: items[i].name
    )


def render(assessment: a.Assessment, detail: Detail = "summary") -> Advice:
    facts = assessment.facts
    items = {i.id: i for i in assessment.interventions}
    full = detail == "full"
    weighed = {i for c in assessment.combinations for i in c.ids}
    out = [
        intervention(i, facts, assessment.evaluator, full, i.id in weighed)
        for i in assessment.interventions
    ]
    notes = list(assessment.notes)
    if not assessment.exact:
        notes.append(NOT_EXACT)
    return Advice(
        case_id=assessment.case_id,
        reference_date=assessment.reference_date,
        municipality=assessment.municipality,
        ruleset=ruleset_info(assessment.bundle, full),
        engine_version=engine.__version__,
        interventions=out,
        combinations=[
            combination(c, items, assessment.options, facts, full, order_reasons(assessment, c))
            for c in assessment.combinations
        ],
        missing_facts=all_missing(assessment.interventions, facts)
        if full
        else grouped(
            all_missing(
                (i for i in assessment.interventions if i.status is not Status.NOT_SATISFIED),
                facts,
            )
        ),
        notes=notes,
        combination_search=SearchOutcome.exact if assessment.exact else SearchOutcome.best_found,
        family=family_out(assessment),
    )
