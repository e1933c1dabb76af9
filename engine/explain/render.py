"""Assessment to Advice contract: the one place where the typed result becomes output.

Rendering happens once, at the end, into plain data in the contract's shape. The summary
leaves out the proof trees and what the ruleset fixes (ADR 0014) and is serialised from
that data as it is, without a model object per node; ``full`` builds the proof trees from
the evaluator, only then, and is validated into the ``Advice`` model.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from enum import StrEnum
from operator import itemgetter
from typing import Any, Literal, TypeVar

from pydantic import TypeAdapter

import engine
from engine.case import vocabulary
from engine.case.flatten import Facts
from engine.case.models import Goal
from engine.contract import (
    Advice,
    SearchOutcome,
)
from engine.explain.family import (
    GROUNDLESS,
    affected_text,
    coverage_text,
    family_goals_text,
    ground_text,
    partners_text,
    person_goals_text,
    regie_text,
    safety_steps,
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
from engine.inference.status import FALSE, TRUE, Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.models import Body, Domain, Intervention, Severity
from engine.weigh import assessment as a
from engine.weigh.combine import DOMAINS, points
from engine.weigh.family import Partner, Standing

Detail = Literal["summary", "full"]
Key = TypeVar("Key", bound=Hashable)

#: The value of each enum member an advice writes, looked up: ``member.value`` is a property
#: written in Python (CPython 3.11), and a summary writes a few hundred of them.
_VALUE: dict[StrEnum, str] = {
    m: m.value for kind in (Status, Severity, Domain, Body, Goal, Standing, Partner) for m in kind
}

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
    if not full and r.factor is not None:
        return {"factor": r.factor}
    out: dict[str, Any] = {"weight": r.weight, "text": reason_text(r)}
    if r.goal is not None:
        out["goal"] = _VALUE[r.goal]
    if r.factor is not None:
        out["factor"] = r.factor
    return out


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without nulls and empty lists or objects, at any depth: the summary's
    rule, so a client reads an absent key as the contract's default. The summary's
    builders follow it as they go, rather than building empties to drop them."""
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


class _Names(dict[str, str]):
    """Entity names of one case by ref, each made once: an advice names the same few
    subjects hundreds of times (a dict, so that a name made before costs one lookup)."""

    __slots__ = ("facts",)

    def __init__(self, facts: Facts):
        super().__init__()
        self.facts = facts

    def __missing__(self, ref: str) -> str:
        name = self[ref] = entity_name(ref, self.facts)
        return name


class _Fixed:
    """What the summary reads from a bundle alone, made once per bundle and reused across
    cases: its ruleset entry (the sha256 hashes every file's) and the ids of the concerns
    each intervention's ruleset defines."""

    __slots__ = ("bundle", "defined", "ruleset")

    def __init__(self, bundle: Bundle):
        self.bundle = bundle  # kept alive, so its id is not reused while cached
        self.ruleset = compact(ruleset_info(bundle, False))
        # By identity; each entry keeps its intervention, so that id is not reused either.
        self.defined: dict[int, tuple[Intervention, frozenset[str]]] = {}

    def own(self, itv: Intervention) -> frozenset[str]:
        """The ids of the concerns ``itv``'s ruleset defines (its texts are the catalog's)."""
        found = self.defined.get(id(itv))
        if found is None:
            found = self.defined[id(itv)] = (itv, frozenset(c.id for c in itv.human_measure))
        return found[1]


_FIXED: dict[int, _Fixed] = {}
_MAX_FIXED = 64


def _fixed(bundle: Bundle) -> _Fixed:
    found = _FIXED.get(id(bundle))
    if found is None:
        if len(_FIXED) >= _MAX_FIXED:
            _FIXED.clear()
        found = _FIXED[id(bundle)] = _Fixed(bundle)
    return found


def affected(m: a.MissingFact) -> str:
    """What the answer to an open question may change, as a list of missing facts says it:
    the intervention, and the concern if that is what it may change."""
    if m.concern_id is None:
        return m.intervention_id
    return f"{m.intervention_id} (menselijke maat: {m.concern_id})"


def missing_out(m: a.MissingFact, name: _Names, affects: str | None = None) -> dict[str, Any]:
    """One open question in full."""
    subject = name[m.ref]
    return {
        "fact": m.fact,
        "question": m.question,
        "subject": subject,
        "subjects": [subject],
        "affects": [affected(m) if affects is None else affects],
    }


def joined(rows: Iterable[tuple[Key, str]]) -> dict[Key, list[str]]:
    """The subjects of each key, in order, each once: the summary asks a question once per
    what its answer affects, not once for every person of a large family."""
    out: dict[Key, list[str]] = {}
    for key, subject in rows:
        subjects = out.get(key)
        if subjects is None:
            out[key] = [subject]
        elif subject not in subjects:
            subjects.append(subject)
    return out


def conditions(
    item: a.InterventionAssessment, ref: str, evaluator: Evaluator, facts: Facts
) -> list[dict[str, Any]]:
    condition = item.intervention.legal_basis.condition
    if condition is None:
        return []
    return [tree(evaluator.evaluate(condition, ref), facts).model_dump(mode="json")]


def _escalation(esc: a.EscalationStep) -> dict[str, Any]:
    """The escalation step without empties: the contract's defaults are the same."""
    out: dict[str, Any] = {
        "ladder": esc.ladder,
        "label": esc.label,
        "step": esc.step,
        "measure": esc.measure,
    }
    if esc.duration_months is not None:
        out["duration_months"] = esc.duration_months
    if esc.prior:
        out["prior"] = list(esc.prior)
    out["source"] = esc.source
    if esc.step_intervention is not None:
        out["step_intervention"] = esc.step_intervention
    if esc.earlier_steps:
        out["earlier_steps"] = list(esc.earlier_steps)
    out["text"] = esc.text
    return out


def _concern(c: a.Concern, fixed: bool, facts: Facts) -> dict[str, Any]:
    """A raised concern, without empties (the contract's defaults are the same). ``fixed``:
    the ruleset defines it, so the summary gives its id, status, subject and the residents
    it weighs by name (ids), and leaves its severity, text and mitigations to
    ``GET /v1/interventions``; in full ``persons_text`` says who they are, why they weigh
    and what they knew (the text stays the ruleset's)."""
    out: dict[str, Any] = {"id": c.id, "status": _VALUE[c.status]}
    if c.target is not None:
        out["target"] = c.target
    if c.persons:
        out["persons"] = [p.ref for p in c.persons]
    if not fixed:
        out["severity"] = _VALUE[c.severity]
        out["text"] = c.text
        if c.persons:
            out["persons_text"] = affected_text(facts, c.persons)
        if c.mitigations:
            out["mitigations"] = list(c.mitigations)
        if c.mitigating_interventions:
            out["mitigating_interventions"] = list(c.mitigating_interventions)
    return out


def _concerns(
    item: a.InterventionAssessment, own: frozenset[str], facts: Facts
) -> list[dict[str, Any]]:
    """The summary's concerns: one per concern and status (the first subject it was raised
    for stands for the others; the persons of all are kept). ``own``: the ids the ruleset
    defines."""
    seen: dict[tuple[str, Status], dict[str, Any]] = {}
    for c in item.concerns:
        key = (c.id, c.status)
        first = seen.get(key)
        if first is None:
            seen[key] = _concern(c, c.id in own, facts)
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
    if item.competence:
        # The summary says once, among the advice's notes, which findings no enforcement
        # decision may rest on (``care_notes``), rather than again for every intervention.
        notes.extend(
            competence_text(n)
            for n in item.competence
            if full or not isinstance(n, a.CareInformation)
        )
    return notes


def care_notes(items: Iterable[a.InterventionAssessment]) -> list[str]:
    """The care-information notes of all interventions, each once, in order. Most
    repressive interventions carry the same note: each is worded once."""
    notes = dict.fromkeys(
        n for item in items for n in item.competence if isinstance(n, a.CareInformation)
    )
    return list(dict.fromkeys(competence_text(n) for n in notes))


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
    item: a.InterventionAssessment, name: _Names, evaluator: Evaluator
) -> dict[str, Any]:
    """One intervention in full: what this case decided, with its proof trees, and what the
    ruleset fixes (name, authority, citations, texts of concerns, procedure, ...)."""
    itv = item.intervention
    targets = [
        {
            "target": t.ref,
            "status": _VALUE[t.status],
            "conditions": conditions(item, t.ref, evaluator, name.facts),
        }
        for t in item.targets
    ]
    satisfied = [name[t.ref] for t in item.targets if t.status is TRUE]
    basis_missing = [(m.question, name[m.ref]) for m in item.missing if m.concern_id is None]
    explanation = basis_sentence(itv, item.status, satisfied, basis_missing, True)
    if item.escalation is not None and item.escalation.text:
        explanation += " " + item.escalation.text
    return {
        "id": itv.id,
        "name": itv.name,
        "domain": item.domain.value,
        "formal": itv.formal,
        "supporting": itv.supporting,
        "authority": itv.authority,
        "competent_body": item.body.value,
        "target": str(itv.target),
        "legal_basis": {
            "status": _VALUE[item.status],
            "citations": [citation_data(c) for c in itv.legal_basis.citations],
            "conditions": targets[0]["conditions"] if targets else [],
            "targets": targets,
            "case_law": case_law_text(itv),
        },
        "desirability": {
            "score": item.desirability.score,
            "reasons": [reason(r, True) for r in item.desirability.reasons],
        },
        "human_measure": {
            "concerns": [_concern(c, False, name.facts) for c in item.concerns],
            "proportionality": item.proportionality,
            "subsidiarity": item.subsidiarity,
        },
        "missing_facts": [missing_out(m, name) for m in item.missing],
        "escalation": _escalation(item.escalation) if item.escalation is not None else None,
        "intrusiveness": itv.intrusiveness,
        "lighter_alternatives": list(itv.lighter_alternatives),
        "incompatible_with": list(itv.incompatible_with),
        "already_taken": list(item.already_taken),
        "procedure": procedure_text(itv),
        "partners": list(itv.partners),
        "notes": intervention_notes(item, True),
        "explanation": explanation,
    }


def summary_intervention(
    item: a.InterventionAssessment, fixed: _Fixed, facts: Facts, weighed: bool
) -> dict[str, Any]:
    """One intervention in the summary, without empties. ``weighed``: it is in a
    combination, so the summary keeps its proportionality and subsidiarity sentences as
    well. Without a legal basis, the summary keeps the verdict and the notes of this case
    (who else is competent, what may not carry it): its desirability and concerns cannot
    change what may be done, so they are in the full form only. What the ruleset fixes is in
    the full form and in ``GET /v1/interventions``, once. Each open question is in the
    advice's own missing facts, once, with every intervention and concern its answer
    affects."""
    status = item.status
    basis: dict[str, Any] = {"status": _VALUE[status]}
    if status is not FALSE:  # else no subject has a basis (half the interventions)
        targets = [
            {"target": t.ref, "status": _VALUE[t.status]}
            for t in item.targets
            if t.status is not FALSE
        ]
        if targets:
            basis["targets"] = targets
    out: dict[str, Any] = {"id": item.intervention.id, "legal_basis": basis}
    measure: dict[str, Any] = {}
    if status is not FALSE:
        wanted = item.desirability
        out["desirability"] = (
            {"score": wanted.score, "reasons": [reason(r, False) for r in wanted.reasons]}
            if wanted.reasons
            else {"score": wanted.score}
        )
        if item.concerns:
            measure["concerns"] = _concerns(item, fixed.own(item.intervention), facts)
    if weighed:
        if item.proportionality is not None:
            measure["proportionality"] = item.proportionality
        if item.subsidiarity is not None:
            measure["subsidiarity"] = item.subsidiarity
    if measure:
        out["human_measure"] = measure
    if item.escalation is not None:
        out["escalation"] = _escalation(item.escalation)
    if item.already_taken:
        out["already_taken"] = list(item.already_taken)
    if item.competence or not item.targets:  # what the summary's notes come from
        notes = intervention_notes(item, False)
        if notes:
            out["notes"] = notes
    return out


def excluded_text(item: a.InterventionAssessment, why: a.Excluded) -> str:
    # The commonest first: each case looks its member up on the enum, which is slow on 3.11.
    # The ids are joined only where they are named: the commonest name none.
    match why.reason:
        case a.Exclusion.basis_unknown:
            return "de grondslag is nog onzeker"
        case a.Exclusion.basis_missing:
            return "de grondslag ontbreekt"
        case a.Exclusion.third_party:
            after = f" na {', '.join(item.follows)}" if item.follows else ""
            return (
                f"een handeling van {BODY_SUBJECT[item.body]} zelf, geen gemeentelijke maatregel; "
                f"weeg het als mogelijk gevolg{after}"
            )
        case a.Exclusion.supporting:
            return "informatieroute: draagt de aanpak, is zelf geen maatregel"
        case a.Exclusion.blocked:
            return "geblokkeerd door zorgpunt " + ", ".join(why.ids)
        case a.Exclusion.already_taken:
            return f"al eerder ingezet ({', '.join(why.ids)})"
        case a.Exclusion.deferred:
            return f"het beleid schrijft op deze trede eerst {', '.join(why.ids)} voor"
        case a.Exclusion.lighter_first:
            return f"eerst het lichtere middel {', '.join(why.ids)} (subsidiariteit)"
        case a.Exclusion.mitigation_unavailable:
            return (
                f"vereiste mitigatie {', '.join(why.ids)} (zorgpunt '{why.concern}') "
                "is niet inzetbaar"
            )


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
            # The reason first: ``formal`` is a property.
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
            if x.status is not FALSE and (x.target is None or x.target in after.refs)
        }
    )
    if weigh:
        text += " Weeg mee: " + " ".join(weigh)
    return text


def _carried(c: a.CarriedConcern, full: bool, own: frozenset[str]) -> dict[str, Any]:
    """A concern a combination carries; the summary leaves out its text where the ruleset
    defines it (``own``), and its empty list of mitigating members."""
    concern = c.concern
    out: dict[str, Any] = {
        "intervention": c.intervention_id,
        "id": concern.id,
        "severity": _VALUE[concern.severity],
        "status": _VALUE[concern.status],
    }
    if full or concern.id not in own:
        out["text"] = concern.text
    if full or c.mitigated_by:
        out["mitigated_by"] = list(c.mitigated_by)
    if concern.persons:
        out["persons"] = [p.ref for p in concern.persons]
    return out


def consequences(
    combo: a.CombinationAssessment, items: dict[str, a.InterventionAssessment]
) -> list[dict[str, Any]]:
    return [
        {
            "intervention": c.intervention_id,
            "after": c.after,
            "competent_body": _VALUE[c.body],
            "text": consequence_text(c, items),
        }
        for c in combo.consequences
    ]


def combination(
    combo: a.CombinationAssessment,
    items: dict[str, a.InterventionAssessment],
    options: a.Options,
    name: _Names,
    why: list[str],
) -> dict[str, Any]:
    """One combination in full, with why each member is in, why in this place, and why
    each other intervention is not."""
    rows: list[dict[str, Any]] = [
        {
            "id": m.id,
            "reason": member_reason(items[m.id], m),
            "carrier": BODY_TEXT[m.body],
            "competent_body": _VALUE[m.body],
            "order": m.order,
        }
        for m in combo.members
    ]
    concerns = [_carried(c, True, frozenset()) for c in combo.concerns]
    missing = sorted(
        (missing_out(q.fact, name, question_reason(q)) for q in combo.questions),
        key=lambda m: (m["fact"], m["subjects"][0]),
    )
    after = consequences(combo, items)
    return {
        "rank": combo.rank,
        "interventions": list(combo.ids),
        "domains": [_VALUE[d] for d in combo.domains],
        "score": round(combo.points / 1000, 3),
        "why_this_order": why,
        "explanation": combination_text(combo, items, rows, concerns, after, missing, why),
        "members": rows,
        "alternatives": alternatives(combo, items, options),
        "concerns": concerns,
        "missing_facts": missing,
        "consequences": after,
    }


#: A question's fact and subject, as ``sorted`` orders the first combination's questions by.
_FACT_SUBJECT = itemgetter(0, 1)


def summary_combination(
    combo: a.CombinationAssessment,
    items: dict[str, a.InterventionAssessment],
    options: a.Options,
    name: _Names,
    fixed: _Fixed,
    why: list[str] | None,
) -> dict[str, Any]:
    """One combination in the summary, without empties. It details the first only (``why``
    is needed only there): its why (members with their reasons), why-not, the concerns
    carried and the open questions; the others repeat them for the members they share, and
    their order is that of ``interventions``. It leaves out what it carries elsewhere: the
    explanation (the members' reasons say it), each member's body and place (fixed by the
    ruleset; ``interventions`` is in order), the questions' wording and what their answers
    affect (the advice's own list of missing facts has both) and the texts of the ruleset's
    concerns."""
    out: dict[str, Any] = {"rank": combo.rank}
    ids = combo.ids
    if ids:
        out["interventions"] = list(ids)
    if combo.domains:
        out["domains"] = [_VALUE[d] for d in combo.domains]
    out["score"] = round(combo.points / 1000, 3)
    if combo.rank == 1:
        if why:
            out["why_this_order"] = why
        if combo.members:
            out["members"] = [
                {"id": m.id, "reason": member_reason(items[m.id], m)} for m in combo.members
            ]
        others = alternatives(combo, items, options)
        if others:
            out["alternatives"] = others
        if combo.concerns:
            out["concerns"] = [
                _carried(c, False, fixed.own(items[c.intervention_id].intervention))
                for c in combo.concerns
            ]
        asked = sorted(
            [(m.fact, name[m.ref], affected(m)) for m, _ in combo.questions], key=_FACT_SUBJECT
        )
        if asked:
            # Asked once per what the answer affects, as in the advice's own list.
            out["missing_facts"] = [
                {"fact": fact, "subjects": subjects}
                for (fact, _), subjects in joined(
                    ((fact, affects), subject) for fact, subject, affects in asked
                ).items()
            ]
    if combo.consequences:
        out["consequences"] = consequences(combo, items)
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
            subject = name[m.ref]
            key = (m.fact, subject)
            found = merged.get(key)
            affects = affected(m)
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


def asked_once(items: Iterable[a.InterventionAssessment], name: _Names) -> list[dict[str, Any]]:
    """The summary's missing facts: one entry per fact and everything its answer could
    change, its subjects joined; the question's wording is the bundle's (``questions``)."""
    merged: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for item in items:
        for m in item.missing:
            key = (m.fact, name[m.ref])
            found = merged.get(key)
            if found is None:
                merged[key] = (m.question, [affected(m)])
            elif (affects := affected(m)) not in found[1]:
                found[1].append(affects)
    asked: dict[tuple[str, str, tuple[str, ...]], dict[str, Any]] = {}
    # By key (each is there once), so the entries come sorted without a lookup per key.
    for (fact, subject), (question, changes) in sorted(merged.items()):
        group = (fact, question, tuple(changes))
        entry = asked.get(group)
        if entry is None:
            asked[group] = {"fact": fact, "subjects": [subject], "affects": changes}
        else:
            # Once: a subject is in ``merged`` once per fact.
            entry["subjects"].append(subject)
    return list(asked.values())


def _family_data(assessment: a.Assessment, full: bool) -> dict[str, Any] | None:
    """The family lens as the contract's data (``FamilyLensOut``), in the same words as the
    memo's, without empties (the contract's defaults are the same). The summary leaves out
    the sentences per person and per step that its fields already say, and so does not
    word them at all: it words only what it shows, not the memo's whole ``family_words``
    (whose sentences per person were a third of the lens's rendering)."""
    lens = assessment.family
    if lens is None:
        return None
    facts = assessment.facts
    names = {i.id: i.name for i in assessment.interventions} if full else {}
    persons = []
    for p in lens.persons:
        person: dict[str, Any] = {
            "person": p.ref.partition(":")[2],
            "standing": _VALUE[p.standing],
        }
        if p.goals:
            person["goals"] = [_VALUE[g] for g in p.goals]
        if full:
            person["text"] = person_goals_text(p, facts)
        persons.append(person)
    steps = []
    for s in lens.steps:
        step: dict[str, Any] = {"intervention": s.intervention_id}
        # The contract requires a step's partners: only the summary leaves out an empty list.
        if full or s.partners:
            step["partners"] = [_VALUE[p] for p in s.partners]
        if full:
            step["text"] = f"{names[s.intervention_id]}: {partners_text(s.partners)}"
        steps.append(step)
    out: dict[str, Any] = {}
    if persons:
        out["persons"] = persons
    if lens.family_goals:
        out["family_goals"] = [_VALUE[g] for g in lens.family_goals]
    goals_text = family_goals_text(lens)
    if goals_text is not None:
        out["family_goals_text"] = goals_text
    if lens.grounds:
        out["selection_grounds"] = [
            {"text": g.text, "names_family": g.names_family, "assessment": ground_text(g)}
            for g in lens.grounds
        ]
    else:
        out["selection_grounds_text"] = GROUNDLESS
    if lens.coordinator_assigned is not None:
        out["coordinator_assigned"] = lens.coordinator_assigned
    out["coordinator_recommended"] = lens.coordinator_recommended
    out["coordinator"] = regie_text(lens)
    if lens.covered:
        out["covered"] = [_VALUE[d] for d in lens.covered]
    if lens.uncovered:
        out["uncovered"] = [_VALUE[d] for d in lens.uncovered]
    out["coverage"] = coverage_text(lens)
    out["safety"] = safety_steps(lens)
    if steps:
        out["steps"] = steps
    return out


def order_reasons(
    assessment: a.Assessment,
    items: dict[str, a.InterventionAssessment],
    combo: a.CombinationAssessment,
) -> list[str]:
    """Why this combination ranks where it does, naming interventions by their names."""
    return why_this_order(
        combo, assessment.combinations, items, assessment.options, lambda i: items[i].name
    )


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
    return full_data(assessment) if detail == "full" else summary_data(assessment)


def _search(assessment: a.Assessment) -> str:
    return (SearchOutcome.exact if assessment.exact else SearchOutcome.best_found).value


def full_data(assessment: a.Assessment) -> dict[str, Any]:
    """The full form, every key present, for ``Advice`` to validate."""
    assessment = assessment.weighed()  # interventions without a basis are shown weighed
    name = _Names(assessment.facts)
    items = {i.id: i for i in assessment.interventions}
    notes = list(assessment.notes)
    if not assessment.exact:
        notes.append(NOT_EXACT)
    return {
        "case_id": assessment.case_id,
        "reference_date": assessment.reference_date.isoformat(),
        "municipality": assessment.municipality,
        "ruleset": ruleset_info(assessment.bundle, True),
        "engine_version": engine.__version__,
        "interventions": [
            intervention(i, name, assessment.evaluator) for i in assessment.interventions
        ],
        "combinations": [
            combination(c, items, assessment.options, name, order_reasons(assessment, items, c))
            for c in assessment.combinations
        ],
        "missing_facts": all_missing(assessment.interventions, name),
        "notes": notes,
        "combination_search": _search(assessment),
        "family": _family_data(assessment, True),
    }


def summary_data(assessment: a.Assessment) -> dict[str, Any]:
    """The summary, built without nulls and empty lists (``compact``'s rule) rather than
    built whole and compacted: it is what the service stores and serves, and building
    empties to drop them again cost a fifth of rendering."""
    fixed = _fixed(assessment.bundle)
    facts = assessment.facts
    name = _Names(facts)
    items = {i.intervention.id: i for i in assessment.interventions}  # ``id`` is a property
    weighed = {i for c in assessment.combinations for i in c.ids}
    data: dict[str, Any] = {
        "case_id": assessment.case_id,
        "reference_date": assessment.reference_date.isoformat(),
        "municipality": assessment.municipality,
        "ruleset": dict(fixed.ruleset),  # a copy: the bundle's entry is shared
        "engine_version": engine.__version__,
    }
    if assessment.interventions:
        data["interventions"] = [
            summary_intervention(i, fixed, facts, i.id in weighed) for i in assessment.interventions
        ]
    if assessment.combinations:
        data["combinations"] = [
            summary_combination(
                c,
                items,
                assessment.options,
                name,
                fixed,
                order_reasons(assessment, items, c) if c.rank == 1 else None,
            )
            for c in assessment.combinations
        ]
    missing = asked_once((i for i in assessment.interventions if i.status is not FALSE), name)
    if missing:
        data["missing_facts"] = missing
    notes = [*assessment.notes, *([] if assessment.exact else [NOT_EXACT])]
    notes.extend(care_notes(assessment.interventions))
    if notes:
        data["notes"] = notes
    data["combination_search"] = _search(assessment)
    family = _family_data(assessment, False)
    if family is not None:
        data["family"] = family
    return data


def render(assessment: a.Assessment, detail: Detail = "summary") -> Advice:
    """The advice as the contract's typed model (for the CLI, the memo's callers, tests)."""
    return Advice.model_validate(advice_data(assessment, detail))


#: The summary's serialiser, made once: pydantic's, in Rust, which writes the bytes
#: ``json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()`` writes in under
#: half the instructions (the standard encoder was two fifths of rendering). The two
#: differ only in how they write a float under 1e-4 (``1e-5`` against ``1e-05``); the
#: summary's floats are scores in thousandths and a ladder's months.
_SUMMARY_JSON: TypeAdapter[Any] = TypeAdapter(Any)


def render_json(assessment: a.Assessment, detail: Detail = "summary") -> bytes:
    """The summary as the service stores and serves it: serialised once, straight from
    the data, without building a model per object. The full form goes through ``Advice``
    so that every key is present."""
    if detail == "full":
        return render(assessment, "full").model_dump_json(exclude={"verification"}).encode()
    return _SUMMARY_JSON.dump_json(advice_data(assessment, detail))
