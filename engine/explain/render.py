"""Assessment to Advice contract: the one place where the typed result becomes output.

Rendering happens once, at the end, into plain data in the contract's shape. The summary
leaves out the proof trees and what the ruleset fixes (ADR 0014) and is serialised from
that data as it is, without a model object per node; ``full`` builds the proof trees from
the evaluator, only then, and is validated into the ``Advice`` model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal

import engine
from engine.case import vocabulary
from engine.case.flatten import Facts
from engine.case.models import Goal
from engine.contract import (
    Advice,
    SearchOutcome,
)
from engine.explain.family import (
    affected_text,
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
    citation_data,
    citation_text,
)
from engine.inference.evaluate import Evaluator
from engine.inference.status import Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.models import Intervention
from engine.weigh import assessment as a
from engine.weigh.combine import DOMAINS, points

Detail = Literal["summary", "full"]

NOT_EXACT = (
    "Het zoeken naar combinaties is binnen de rekentijd afgebroken: de getoonde combinaties "
    "zijn de beste die gevonden zijn, niet gegarandeerd de beste."
)


def ruleset_info(bundle: Bundle, full: bool) -> dict[str, Any]:
    """The bundle; in full also its version (the ids and versions of its files, joined),
    its files and the municipal overrides. The sha256 pins them all, and
    ``GET /v1/interventions`` serves them."""
    out: dict[str, Any] = {
        "id": bundle.id,
        "version": bundle.version if full else None,
        "sha256": bundle.sha256,
        "municipality": bundle.municipality,
    }
    if full:
        out["files"] = [
            {"id": r.id, "version": r.version, "path": r.path, "sha256": r.sha256}
            for r in bundle.rulesets
        ]
        out["overrides"] = overrides(bundle)
    return out


def overrides(bundle: Bundle) -> list[str]:
    return [
        f"{o.ruleset} zet parameter '{o.parameter}' op {o.value} (landelijk: {o.national_value})"
        for o in bundle.overrides
    ]


def reason_text(r: a.Reason) -> str:
    return r.text + (f" (doel: {GOAL_TEXT[r.goal]})" if r.goal is not None else "")


def reason(r: a.Reason, full: bool) -> dict[str, Any]:
    """A desirability reason; the summary refers to a ruleset's factor (its weight, goal
    and text) by its number."""
    if full or r.factor is None:
        return {
            "weight": r.weight,
            "text": reason_text(r),
            "goal": r.goal and r.goal.value,
            "factor": r.factor,
        }
    return {"factor": r.factor}


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without nulls and empty lists or objects, at any depth: the summary's
    rule, so a client reads an absent key as the contract's default."""
    out = {}
    for key, value in data.items():
        kind = type(value)
        if kind is dict:
            value = compact(value)
            if not value:
                continue
        elif kind is list:
            if not value:
                continue
            if type(value[0]) is dict:
                value = [compact(v) for v in value]
        elif value is None:
            continue
        out[key] = value
    return out


class _Names:
    """Entity names of one case, each made once: an advice names the same few subjects
    hundreds of times."""

    __slots__ = ("facts", "known")

    def __init__(self, facts: Facts):
        self.facts = facts
        self.known: dict[str, str] = {}

    def __call__(self, ref: str) -> str:
        name = self.known.get(ref)
        if name is None:
            name = self.known[ref] = entity_name(ref, self.facts)
        return name


def missing_out(
    m: a.MissingFact, name: _Names, full: bool, affects: str | None = None
) -> dict[str, Any]:
    """One open question. The summary leaves its question to the advice's own list of
    missing facts, which asks each fact once."""
    if affects is None:
        affects = (
            m.intervention_id
            if m.concern_id is None
            else f"{m.intervention_id} (menselijke maat: {m.concern_id})"
        )
    subject = name(m.ref)
    if full:
        return {
            "fact": m.fact,
            "question": m.question,
            "subject": subject,
            "subjects": [subject],
            "affects": [affects],
        }
    return {"fact": m.fact, "subjects": [subject], "affects": [affects]}


def grouped(missing: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per question and what it affects, its subjects joined: the summary asks a
    question once, not once for every person of a large family."""
    merged: dict[tuple[str, str | None, tuple[str, ...]], dict[str, Any]] = {}
    for m in missing:
        key = (m["fact"], m.get("question"), tuple(m["affects"]))
        found = merged.get(key)
        if found is None:
            merged[key] = {**m, "subjects": list(m["subjects"])}
        else:
            found["subjects"].extend(s for s in m["subjects"] if s not in found["subjects"])
    return list(merged.values())


def conditions(
    item: a.InterventionAssessment, ref: str, evaluator: Evaluator, facts: Facts
) -> list[dict[str, Any]]:
    condition = item.intervention.legal_basis.condition
    if condition is None:
        return []
    return [tree(evaluator.evaluate(condition, ref), facts).model_dump(mode="json")]


def _escalation(esc: a.EscalationStep) -> dict[str, Any]:
    return {
        "ladder": esc.ladder,
        "label": esc.label,
        "step": esc.step,
        "measure": esc.measure,
        "duration_months": esc.duration_months,
        "prior": list(esc.prior),
        "source": esc.source,
        "step_intervention": esc.step_intervention,
        "earlier_steps": list(esc.earlier_steps),
        "text": esc.text,
    }


def _concern(c: a.Concern, fixed: bool, facts: Facts) -> dict[str, Any]:
    """A raised concern. ``fixed``: the ruleset defines it, so the summary gives its id,
    status, subject and the residents it weighs by name (ids), and leaves its severity,
    text and mitigations to ``GET /v1/interventions``; in full ``persons_text`` says who
    they are, why they weigh and what they knew (the text stays the ruleset's)."""
    out: dict[str, Any] = {"id": c.id, "status": c.status.value, "target": c.target}
    if c.persons:
        out["persons"] = [p.ref for p in c.persons]
    if not fixed:
        out["severity"] = c.severity.value
        out["text"] = c.text
        if c.persons:
            out["persons_text"] = affected_text(facts, c.persons)
        out["mitigations"] = list(c.mitigations)
        out["mitigating_interventions"] = list(c.mitigating_interventions)
    return out


def _concerns(item: a.InterventionAssessment, full: bool, facts: Facts) -> list[dict[str, Any]]:
    """All raised concerns in full; the summary gives one per concern and status (the
    first subject it was raised for stands for the others; the persons of all are kept)."""
    if full:
        return [_concern(c, False, facts) for c in item.concerns]
    own = {c.id for c in item.intervention.human_measure}
    seen: dict[tuple[str, Status], dict[str, Any]] = {}
    for c in item.concerns:
        first = seen.get((c.id, c.status))
        if first is None:
            seen[(c.id, c.status)] = _concern(c, c.id in own, facts)
        elif c.persons:
            persons = first.setdefault("persons", [])
            persons.extend(p.ref for p in c.persons if p.ref not in persons)
    return list(seen.values())


def ruleset_notes(itv: Intervention) -> list[str]:
    """What the ruleset itself says beside every verdict: what in the law is not verified,
    and its safety note."""
    return [*itv.uncertain, *([itv.safety_note] if itv.safety_note else [])]


def intervention_notes(item: a.InterventionAssessment, full: bool) -> list[str]:
    """What the reader must know beside the verdict: in full the ruleset's own notes
    (unverified law, safety), always what this case adds (no subject of the right kind,
    what competence says)."""
    itv = item.intervention
    notes = list(itv.uncertain) if full else []
    if not item.targets:
        notes.append(
            f"De casus noemt geen onderwerp van de soort '{itv.target}' voor deze interventie."
        )
    if full and itv.safety_note:
        notes.append(itv.safety_note)
    # The summary says once, among the advice's notes, which findings no enforcement
    # decision may rest on (``care_notes``), rather than again for every intervention.
    notes.extend(
        competence_text(n) for n in item.competence if full or not isinstance(n, a.CareInformation)
    )
    return notes


def care_notes(items: Iterable[a.InterventionAssessment]) -> list[str]:
    """The care-information notes of all interventions, each once, in order."""
    texts = (
        competence_text(n)
        for item in items
        for n in item.competence
        if isinstance(n, a.CareInformation)
    )
    return list(dict.fromkeys(texts))


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


def procedure_text(itv: Intervention) -> list[str]:
    return [
        s.text
        + (f" ({citation_text(s.citation)})" if s.citation else "")
        + (f" {s.urgent_exception}" if s.urgent_exception else "")
        for s in itv.procedure
    ]


def case_law_text(itv: Intervention) -> list[str]:
    return [f"{c.ecli}: {c.summary}" for c in itv.legal_basis.case_law]


def fixed_texts(itv: Intervention) -> dict[str, Any]:
    """What the ruleset fixes for an intervention, whatever the case, in the full form's
    shape: what the summary leaves out and ``GET /v1/interventions`` serves once (ADR 0014).
    ``concerns`` and ``desirability`` are the ruleset's own lists, in its order, so a
    summary's concern id and reason ``factor`` find their text here."""
    return {
        "id": itv.id,
        "name": itv.name,
        "domain": str(itv.domain),
        "formal": itv.formal,
        "supporting": itv.supporting,
        "authority": itv.authority,
        "competent_body": str(itv.competent_body),
        "target": str(itv.target),
        "citations": [citation_data(c) for c in itv.legal_basis.citations],
        "case_law": case_law_text(itv),
        "intrusiveness": itv.intrusiveness,
        "lighter_alternatives": list(itv.lighter_alternatives),
        "incompatible_with": list(itv.incompatible_with),
        "procedure": procedure_text(itv),
        "partners": list(itv.partners),
        "notes": ruleset_notes(itv),
        "concerns": [
            {
                "id": c.id,
                "severity": str(c.severity),
                "text": c.text,
                "mitigations": [m.text for m in c.mitigations],
                "mitigating_interventions": [
                    m.intervention for m in c.mitigations if m.intervention
                ],
            }
            for c in itv.human_measure
        ],
        "desirability": [
            {
                "weight": f.weight,
                "goal": f.goal,
                "text": reason_text(
                    a.Reason(f.weight, f.reason, Goal(f.goal) if f.goal is not None else None)
                ),
            }
            for f in itv.desirability
        ],
    }


def with_ruleset_texts(summary: dict[str, Any], bundle: Bundle) -> dict[str, Any]:
    """A stored summary with the fixed texts of ``bundle`` filled in by id, for a reader
    who has no catalog at hand (the review page of an evaluation whose rulesets changed
    since: the texts are today's). An id the bundle no longer has keeps its id as name."""
    texts = {itv.id: fixed_texts(itv) for itv in bundle.interventions}
    items = []
    for item in summary.get("interventions", []):
        fixed = texts.get(item["id"], {"name": item["id"]})
        concerns = {c["id"]: c for c in fixed.get("concerns", [])}
        factors = fixed.get("desirability", [])
        basis = {
            **item.get("legal_basis", {}),
            "citations": fixed.get("citations", []),
            "case_law": fixed.get("case_law", []),
        }
        measure = dict(item.get("human_measure", {}))
        measure["concerns"] = [
            {**concerns.get(c["id"], {}), **c} for c in measure.get("concerns", [])
        ]
        wanted = dict(item.get("desirability", {}))
        wanted["reasons"] = [
            {**factors[r["factor"]], **r}
            if r.get("factor") is not None and r["factor"] < len(factors)
            else r
            for r in wanted.get("reasons", [])
        ]
        own = {
            k: v
            for k, v in fixed.items()
            if k not in ("citations", "case_law", "concerns", "desirability")
        }
        notes = [*own.pop("notes", []), *item.get("notes", [])]
        items.append(
            {
                **own,
                **item,
                "legal_basis": basis,
                "human_measure": measure,
                "desirability": wanted,
                "notes": notes,
            }
        )
    asked = questions(bundle)
    missing = [
        {"question": asked.get(m["fact"], m["fact"]), **m} for m in summary.get("missing_facts", [])
    ]
    return {**summary, "interventions": items, "missing_facts": missing}


def intervention(
    item: a.InterventionAssessment,
    name: _Names,
    evaluator: Evaluator,
    full: bool,
    weighed: bool,
) -> dict[str, Any]:
    """One intervention. ``weighed``: it is in a combination, so the summary keeps its
    proportionality and subsidiarity sentences as well. Without a legal basis, the summary
    keeps the verdict and the notes of this case (who else is competent, what may not carry
    it): its desirability and concerns cannot change what may be done, so they are in the
    full form only. What the ruleset fixes (name, authority, citations, texts of
    concerns, procedure, ...) is in the full form and in ``GET /v1/interventions``, once."""
    itv = item.intervention
    open_ = full or item.status is not Status.NOT_SATISFIED
    targets = [
        {
            "target": t.ref,
            "status": t.status.value,
            "conditions": conditions(item, t.ref, evaluator, name.facts) if full else [],
        }
        for t in item.targets
        if full or t.status is not Status.NOT_SATISFIED
    ]
    reasons = [reason(r, full) for r in item.desirability.reasons] if open_ else []
    human_measure = {
        "concerns": _concerns(item, full, name.facts) if open_ else [],
        "proportionality": item.proportionality if full or weighed else None,
        "subsidiarity": item.subsidiarity if full or weighed else None,
    }
    # The summary lists each open question once, in the advice's own missing facts, with
    # every intervention and concern its answer affects; here only in full.
    missing = [missing_out(m, name, full) for m in item.missing] if full else []
    out: dict[str, Any] = {"id": itv.id}
    if full:
        satisfied = [name(t.ref) for t in item.targets if t.status is Status.SATISFIED]
        basis_missing = [(m.question, name(m.ref)) for m in item.missing if m.concern_id is None]
        explanation = basis_sentence(itv, item.status, satisfied, basis_missing, True)
        if item.escalation is not None and item.escalation.text:
            explanation += " " + item.escalation.text
        out |= {
            "name": itv.name,
            "domain": item.domain.value,
            "formal": itv.formal,
            "supporting": itv.supporting,
            "authority": itv.authority,
            "competent_body": item.body.value,
            "target": str(itv.target),
        }
    out["legal_basis"] = {
        "status": item.status.value,
        "citations": [citation_data(c) for c in itv.legal_basis.citations] if full else [],
        "conditions": targets[0]["conditions"] if targets else [],
        "targets": targets,
        "case_law": case_law_text(itv) if full else [],
    }
    if open_:
        out["desirability"] = {"score": item.desirability.score, "reasons": reasons}
    out["human_measure"] = human_measure
    out["missing_facts"] = missing
    out["escalation"] = _escalation(item.escalation) if item.escalation is not None else None
    if full:
        out |= {
            "intrusiveness": itv.intrusiveness,
            "lighter_alternatives": list(itv.lighter_alternatives),
            "incompatible_with": list(itv.incompatible_with),
        }
    out["already_taken"] = list(item.already_taken)
    if full:
        out["procedure"] = procedure_text(itv)
        out["partners"] = list(itv.partners)
    out["notes"] = intervention_notes(item, full)
    if full:
        out["explanation"] = explanation
    return out


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
    name: _Names,
    full: bool = True,
    why: list[str] | None = None,
) -> dict[str, Any]:
    """One combination, with why each member is in and each other intervention is not;
    ``why`` is needed only where it is shown (in full, and for the first combination).

    The summary keeps the why (members with their reasons), the why-not, the concerns
    carried and the open questions for the first combination only: the others repeat them
    for the members they share, and their order is that of ``interventions``. It leaves out
    what it carries elsewhere: the explanation (the members' reasons say it), each member's
    body and place (fixed by the ruleset; ``interventions`` is in order), the questions'
    wording and the texts of the ruleset's concerns; what a question affects is written as
    in the advice's own list (the intervention, and the concern if that is what the answer
    may change).
    """
    detailed = full or combo.rank == 1
    # A combination the summary does not detail shows no members' reasons nor concerns, so
    # they are not worded at all.
    rows: list[dict[str, Any]] = [
        {
            "id": m.id,
            "reason": member_reason(items[m.id], m),
            "carrier": BODY_TEXT[m.body],
            "competent_body": m.body.value,
            "order": m.order,
        }
        for m in (combo.members if detailed else ())
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
        | ({"persons": [p.ref for p in c.concern.persons]} if c.concern.persons else {})
        for c in (combo.concerns if detailed else ())
    ]
    missing = (
        sorted(
            (
                missing_out(q.fact, name, full, question_reason(q) if full else None)
                for q in combo.questions
            ),
            key=lambda m: (m["fact"], m["subjects"][0]),
        )
        if detailed
        else []
    )
    if not full:
        # What each question affects is in the advice's own list of missing facts.
        missing = [{"fact": m["fact"], "subjects": m["subjects"]} for m in grouped(missing)]
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
    out: dict[str, Any] = {
        "rank": combo.rank,
        "interventions": list(combo.ids),
        "domains": [d.value for d in combo.domains],
        "score": round(score, 3),
        "why_this_order": (why or []) if detailed else [],
    }
    if full:
        out["explanation"] = combination_text(
            combo, items, rows, concerns, consequences, missing, why or []
        )
    else:
        rows = [{"id": r["id"], "reason": r["reason"]} for r in rows] if detailed else []
        concerns = concerns if detailed else []
        for c in concerns:
            if any(x.id == c["id"] for x in items[c["intervention"]].intervention.human_measure):
                del c["text"]
    out |= {
        "members": rows,
        "alternatives": alternatives(combo, items, options) if detailed else [],
        "concerns": concerns,
        "missing_facts": missing,
        "consequences": consequences,
    }
    return out


def combination_text(
    combo: a.CombinationAssessment,
    items: dict[str, a.InterventionAssessment],
    rows: list[dict[str, Any]],
    concerns: list[dict[str, Any]],
    consequences: list[dict[str, Any]],
    missing: list[dict[str, Any]],
    why: list[str],
) -> str:
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
    if missing:
        text.append(
            "Kan de rangschikking veranderen: "
            + "; ".join(f"{m['question']} ({m['subject']})" for m in missing)
            + "."
        )
    return "\n".join(text)


def all_missing(items: Iterable[a.InterventionAssessment], name: _Names) -> list[dict[str, Any]]:
    """Every open question once per subject, with everything its answer could change."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for item in items:
        for m in item.missing:
            subject = name(m.ref)
            key = (m.fact, subject)
            found = merged.get(key)
            affects = (
                m.intervention_id
                if m.concern_id is None
                else f"{m.intervention_id} (menselijke maat: {m.concern_id})"
            )
            if found is None:
                merged[key] = {
                    "fact": m.fact,
                    "question": m.question,
                    "subject": subject,
                    "subjects": [subject],
                    "affects": [affects],
                }
            elif affects not in found["affects"]:
                found["affects"].append(affects)
    return sorted(merged.values(), key=lambda m: (m["fact"], m["subject"]))


def _family_data(assessment: a.Assessment, full: bool) -> dict[str, Any] | None:
    """The family lens as the contract's data (``FamilyLensOut``), in the same words as the
    memo's. The summary leaves out the sentences per person and per step that its fields
    already say, and so does not word them at all."""
    lens = assessment.family
    if lens is None:
        return None
    facts = assessment.facts
    words = family_words(lens, facts)
    names = {i.id: i.name for i in assessment.interventions} if full else {}
    persons = []
    for p in lens.persons:
        person = {
            "person": p.ref.partition(":")[2],
            "standing": p.standing.value,
            "goals": [g.value for g in p.goals],
        }
        if full:
            person["text"] = person_goals_text(p, facts)
        persons.append(person)
    steps = []
    for s in lens.steps:
        step: dict[str, Any] = {
            "intervention": s.intervention_id,
            "partners": [p.value for p in s.partners],
        }
        if full:
            step["text"] = f"{names[s.intervention_id]}: {words.steps[s.intervention_id]}"
        steps.append(step)
    return {
        "persons": persons,
        "family_goals": [g.value for g in lens.family_goals],
        "family_goals_text": family_goals_text(lens),
        "selection_grounds": [
            {"text": g.text, "names_family": g.names_family, "assessment": ground_text(g)}
            for g in lens.grounds
        ],
        "selection_grounds_text": None if lens.grounds else words.grounds[0],
        "coordinator_assigned": lens.coordinator_assigned,
        "coordinator_recommended": lens.coordinator_recommended,
        "coordinator": words.regie,
        "covered": [d.value for d in lens.covered],
        "uncovered": [d.value for d in lens.uncovered],
        "coverage": words.coverage,
        "safety": list(words.safety),
        "steps": steps,
    }


def order_reasons(assessment: a.Assessment, combo: a.CombinationAssessment) -> list[str]:
    """Why this combination ranks where it does, naming interventions by their names."""
    items = {i.id: i for i in assessment.interventions}
    return why_this_order(
        combo, assessment.combinations, items, assessment.options, lambda i: items[i].name
    )


def asked_once(missing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The summary's missing facts: one entry per fact and what it affects, its subjects
    joined; the question's wording is the bundle's (``questions``)."""
    out = grouped(missing)
    for m in out:
        del m["subject"], m["question"]
    return out


def questions(bundle: Bundle) -> dict[str, str]:
    """Every question a missing fact of ``bundle`` can ask, by fact: the case model's own
    attributes and the bundle's derived facts (the words ``Evaluator.missing`` uses)."""
    asked = {f"{s}.{name}": attr.question for (s, name), attr in vocabulary.ATTRIBUTES.items()}
    asked |= {f"{d.subject}.{d.id}": d.question for d in bundle.facts}
    return dict(sorted(asked.items()))


def advice_data(assessment: a.Assessment, detail: Detail = "summary") -> dict[str, Any]:
    """The Advice contract as plain data, built once. The summary, without nulls and
    empty lists, is served as it is; the full form is validated into ``Advice``.

    The summary keeps what this case decided and refers to what the ruleset fixes by
    intervention id and the bundle's sha256 (``GET /v1/interventions`` serves it once);
    ``full`` has everything, proof trees included (ADR 0014).
    """
    name = _Names(assessment.facts)
    items = {i.id: i for i in assessment.interventions}
    full = detail == "full"
    weighed = {i for c in assessment.combinations for i in c.ids}
    notes = list(assessment.notes)
    if not assessment.exact:
        notes.append(NOT_EXACT)
    if not full:
        notes.extend(care_notes(assessment.interventions))
    data = {
        "case_id": assessment.case_id,
        "reference_date": assessment.reference_date.isoformat(),
        "municipality": assessment.municipality,
        "ruleset": ruleset_info(assessment.bundle, full),
        "engine_version": engine.__version__,
        "interventions": [
            intervention(i, name, assessment.evaluator, full, i.id in weighed)
            for i in assessment.interventions
        ],
        "combinations": [
            combination(
                c,
                items,
                assessment.options,
                name,
                full,
                order_reasons(assessment, c) if full or c.rank == 1 else None,
            )
            for c in assessment.combinations
        ],
        "missing_facts": all_missing(assessment.interventions, name)
        if full
        else asked_once(
            all_missing(
                (i for i in assessment.interventions if i.status is not Status.NOT_SATISFIED),
                name,
            )
        ),
        "notes": notes,
        "combination_search": (
            SearchOutcome.exact if assessment.exact else SearchOutcome.best_found
        ).value,
        "family": _family_data(assessment, full),
    }
    return data if full else compact(data)


def render(assessment: a.Assessment, detail: Detail = "summary") -> Advice:
    """The advice as the contract's typed model (for the CLI, the memo's callers, tests)."""
    return Advice.model_validate(advice_data(assessment, detail))


def render_json(assessment: a.Assessment, detail: Detail = "summary") -> bytes:
    """The summary as the service stores and serves it: serialised once, straight from
    the data, without building a model per object. The full form goes through ``Advice``
    so that every key is present."""
    if detail == "full":
        return render(assessment, "full").model_dump_json(exclude={"verification"}).encode()
    return json.dumps(
        advice_data(assessment, detail), ensure_ascii=False, separators=(",", ":")
    ).encode()
