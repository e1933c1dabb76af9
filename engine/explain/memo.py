"""The Dutch advice memo (``--format text``): what a mayor reads in five minutes.

Order: the family network at a glance, the goals, the recommended combination, per
intervention the three questions (grondslag, wenselijkheid, menselijke maat) in one or
two lines each, the missing facts, and for every formal intervention in the recommended
combination a draft motivation paragraph (art. 3:46 Awb) with the legal basis, the facts
from the proof and the balance of interests (art. 3:4 Awb). The full proof tree is
printed only for the recommended interventions; the JSON holds all of them.
"""

from __future__ import annotations

from engine.case.models import Case
from engine.contract import ConditionResult
from engine.explain.proof import entity_name, lines, tree
from engine.explain.render import (
    NOT_EXACT,
    alternatives,
    combination,
    intervention_notes,
    reason_text,
)
from engine.explain.text import (
    BODY_SUBJECT,
    BODY_TEXT,
    FINDING_TEXT,
    GOAL_TEXT,
    ROLE_TEXT,
    SEVERITY_TEXT,
    SOURCE_TEXT,
    STATUS_TEXT,
    TENURE_TEXT,
    citation_text,
)
from engine.inference.status import Status
from engine.ruleset.models import Body, Severity
from engine.weigh.assessment import (
    Assessment,
    CombinationAssessment,
    InterventionAssessment,
)


def _network(case: Case) -> list[str]:
    out = ["## Het gezin in één oogopslag"]
    for p in case.persons:
        bits = [ROLE_TEXT[p.role] if p.role else "rol onbekend"]
        bits.append(f"{p.age} jaar" if p.age is not None else "leeftijd onbekend")
        if p.age is not None and p.age < 18:
            bits.append("minderjarig")
        out.append(f"- {p.alias or p.id} ({p.id}): {', '.join(bits)}")
    for w in case.premises:
        residents = ", ".join(w.residents) or "bewoners onbekend"
        out.append(
            f"- Pand {w.id}: {w.kind or 'soort onbekend'}, "
            f"{TENURE_TEXT[w.tenure] if w.tenure else 'eigendom onbekend'}, "
            f"{w.municipality or 'gemeente onbekend'}; bewoners: {residents}"
        )
    for f in case.findings:
        where = f.premises or f.place or ", ".join(f.persons) or "?"
        date = f.date.isoformat() if f.date else "datum onbekend"
        proven = (
            "vastgesteld"
            if f.proven
            else "niet bewezen"
            if f.proven is False
            else "bewijs onbekend"
        )
        out.append(
            f"- Bevinding {f.id} ({date}): {FINDING_TEXT[f.kind] if f.kind else 'soort onbekend'} "
            f"bij {where}; bron {SOURCE_TEXT[f.source] if f.source else 'onbekend'}, {proven}"
        )
    for prior in case.prior_interventions:
        date = prior.date.isoformat() if prior.date else "datum onbekend"
        out.append(
            f"- Eerder: {prior.kind} ({date}) bij {prior.target or '?'}, "
            f"uitkomst {prior.outcome or 'onbekend'}"
        )
    goals = [GOAL_TEXT[g] for g in case.case.goals]
    out += ["", "## Doelen", "- " + ("; ".join(goals) if goals else "geen doelen opgegeven"), ""]
    return out


def _facts(node: ConditionResult) -> list[str]:
    """The satisfied leaf conditions of a proof, with what was found and where."""
    if Status(node.status) is not Status.SATISFIED:
        return []
    if node.fact is not None and not node.children:
        return [node.text]
    out: list[str] = []
    for child in node.children:
        out.extend(f for f in _facts(child) if f not in out)
    return out


def _proof(item: InterventionAssessment, a: Assessment) -> list[ConditionResult]:
    """The proof of the first target, built here because only the memo's reader needs it."""
    condition = item.intervention.legal_basis.condition
    if condition is None or not item.targets:
        return []
    return [tree(a.evaluator.evaluate(condition, item.targets[0].ref), a.facts)]


def _competent(item: InterventionAssessment) -> str:
    """The body the law names, with the ruleset's own words where they add something."""
    body, words = BODY_TEXT[item.body], item.intervention.authority
    return words if words.startswith(body) else f"{body} ({words})"


def _summary(item: InterventionAssessment, a: Assessment, recommended: bool) -> list[str]:
    status = STATUS_TEXT[item.status]
    head = f"### {item.name} [{status}]"
    cites = (
        "; ".join(citation_text(c) for c in item.intervention.legal_basis.citations)
        or "geen wettelijke drempel (informeel)"
    )
    out = [
        head,
        f"- Bevoegd: {_competent(item)}.",
        f"- Grondslag: {cites} — {status}.",
    ]
    reasons = "; ".join(f"{reason_text(r)} ({r.weight:+g})" for r in item.desirability.reasons)
    out.append(
        f"- Wenselijkheid: {item.desirability.score:g}" + (f" — {reasons}" if reasons else "")
    )
    shown = []
    for c in item.concerns:
        key = (c.id, c.status)
        if key in shown:
            continue
        shown.append(key)
        mark = "" if c.status is Status.SATISFIED else " (onzeker)"
        out.append(f"- Menselijke maat [{SEVERITY_TEXT[c.severity]}]{mark}: {c.text}")
    if item.escalation is not None and item.escalation.text:
        out.append(f"- Escalatie ({item.escalation.source}): {item.escalation.text}")
    if recommended:
        for text in (item.proportionality, item.subsidiarity):
            if text:
                out.append(f"- {text}")
        out.extend(f"- Let op: {n}" for n in intervention_notes(item, detailed=True))
        proof = _proof(item, a)
        if proof:
            out.append("- Onderbouwing:")
            for condition in proof:
                out.extend(lines(condition, 2))
    return out


def motivation(item: InterventionAssessment, a: Assessment) -> list[str]:
    """A draft motivation paragraph for a formal decision (art. 3:46 Awb)."""
    cites = "; ".join(citation_text(c) for c in item.intervention.legal_basis.citations)
    facts: list[str] = []
    for condition in _proof(item, a):
        facts.extend(f for f in _facts(condition) if f not in facts)
    out = [f"### Conceptmotivering: {item.name}"]
    who = BODY_SUBJECT[item.body]
    verb = "zijn" if item.body is Body.partnership else "is"
    text = f"Bevoegdheid en grondslag. {who[:1].upper()}{who[1:]} {verb} bevoegd op grond van {cites}. "
    if facts:
        text += "Uit de stukken blijkt: " + "; ".join(facts) + ". "
    text += "Daarmee is aan de voorwaarden van de grondslag voldaan. "
    if item.escalation is not None:
        esc = item.escalation
        dur = f" voor {esc.duration_months:g} maanden" if esc.duration_months else ""
        text += (
            f"Volgens het beleid ({esc.label}; {esc.source}) is dit trede {esc.step}: "
            f"{esc.measure}{dur}, "
            f"gelet op eerdere interventie(s) {', '.join(esc.prior) or 'geen'}. "
            "Het beleid wordt gevolgd tenzij bijzondere omstandigheden dat onevenredig maken "
            "(art. 4:84 Awb). "
        )
    out.append(text.strip())
    balance = (
        "Belangenafweging. Het besluit moet berusten op een deugdelijke motivering (art. 3:46 Awb) "
        "en de nadelige gevolgen mogen niet onevenredig zijn in verhouding tot de te dienen doelen "
        "(art. 3:4 lid 2 Awb): geschiktheid, noodzakelijkheid en evenwichtigheid. "
    )
    if item.proportionality:
        balance += item.proportionality + " "
    if item.subsidiarity:
        balance += item.subsidiarity + " "
    weighed: list[str] = []
    for c in item.concerns:
        if c.severity is Severity.info or c.text in weighed:
            continue
        weighed.append(c.text + (" " + " ".join(c.mitigations) if c.mitigations else ""))
    if weighed:
        balance += "Betrokken belangen: " + " ".join(weighed) + " "
    if _minors(item, a):
        balance += (
            "Omdat er minderjarigen op het adres wonen, is een kindimpactnotitie vereist "
            "(art. 3 IVRK); "
            "het belang van het kind is een eerste overweging. "
        )
    balance += "[In te vullen: de afweging in dit concrete geval en de gekozen duur.]"
    out.append(balance)
    return out


def _minors(item: InterventionAssessment, a: Assessment) -> bool:
    """Minors live at a premises this intervention is about (art. 3 IVRK)."""
    return any(a.facts.entities.get(ref, {}).get("minor_residents") is True for ref in item.refs)


def _combination(combo: CombinationAssessment, a: Assessment) -> list[str]:
    items = {i.id: i for i in a.interventions}
    rendered = combination(combo, items, a.options, a.facts)
    out = [f"## Aanbevolen combinatie (wenselijkheid {rendered.score:g})"]
    out.extend(rendered.explanation.splitlines()[1:])
    why_not = alternatives(combo, items, a.options)
    if why_not:
        out.append("Waarom niet:")
        out.extend(f"- {x}" for x in why_not)
    return out


def memo(a: Assessment, case: Case | None = None) -> str:
    out = [
        f"# Advies casus {a.case_id} (peildatum {a.reference_date.isoformat()}, "
        f"gemeente {a.municipality})",
        f"Regels: {a.bundle.version} (sha256 {a.bundle.sha256[:12]})",
        "",
    ]
    if case is not None:
        out.extend(_network(case))
    by_id = {i.id: i for i in a.interventions}
    best = a.combinations[0] if a.combinations else None
    recommended = set(best.ids) if best else set()
    if best is not None:
        out.extend(_combination(best, a))
        for other in a.combinations[1:]:
            out.append(
                f"Alternatief {other.rank} (wenselijkheid {other.points / 1000:g}): "
                + ", ".join(other.ids)
            )
    else:
        out.append("## Geen combinatie aan te bevelen")
        out.append("Geen interventie heeft een vervulde grondslag zonder blokkerend zorgpunt.")
    if any(_minors(by_id[i], a) for i in recommended):
        out.append(
            "Er wonen minderjarigen op het adres: een kindimpactnotitie is vereist (art. 3 IVRK) "
            "voordat de burgemeester besluit."
        )
    out.append("")
    out.append("## Interventies")
    ordered = [by_id[i] for i in (best.ids if best else ())] + [
        i for i in a.interventions if i.id not in recommended
    ]
    for item in ordered:
        out.extend(_summary(item, a, item.id in recommended))
        out.append("")
    missing: dict[tuple[str, str], str] = {}
    for item in a.interventions:
        for m in item.missing:
            missing.setdefault((m.fact, entity_name(m.ref, a.facts)), m.question)
    if missing:
        out.append("## Ontbrekende feiten")
        changing = {
            (q.fact.fact, entity_name(q.fact.ref, a.facts))
            for q in (best.questions if best else ())
        }
        for (fact, subject), question in sorted(missing.items()):
            flag = " — kan de afweging veranderen" if (fact, subject) in changing else ""
            out.append(f"- {question} ({subject}){flag}")
        out.append("")
    formal = [by_id[i] for i in (best.ids if best else ()) if by_id[i].formal]
    if formal:
        out.append("## Conceptmotivering")
        for item in formal:
            out.extend(motivation(item, a))
            out.append("")
    for note in a.notes:
        out.append(f"Opmerking: {note}")
    if not a.exact:
        out.append(f"Opmerking: {NOT_EXACT}")
    return "\n".join(out).rstrip() + "\n"
