"""The Dutch advice memo (``--format text``): what a mayor reads in five minutes.

Order: the family network at a glance, the goals, the recommended combination, per
intervention the three questions (grondslag, wenselijkheid, menselijke maat) in one or
two lines each, the missing facts, and for every formal intervention in the recommended
combination a draft motivation paragraph (art. 3:46 Awb) with the legal basis, the facts
from the proof and the balance of interests (art. 3:4 Awb). The full proof tree is
printed only for the recommended interventions; the JSON holds all of them.
"""

from __future__ import annotations

from engine.advice import Advice, Combination, ConditionResult, InterventionAdvice
from engine.case.models import Case
from engine.explain.proof import lines
from engine.explain.text import STATUS_TEXT
from engine.weigh.assess import GOAL_TEXT

ROLE_TEXT = {
    "key_figure": "sleutelfiguur",
    "member": "lid van het netwerk",
    "partner": "partner",
    "child": "kind",
    "associate": "relatie",
}
SEVERITY_TEXT = {"info": "info", "warning": "let op", "blocking": "blokkerend"}
CHILD_CONCERNS = ("minderjarig", "kind")


def _network(case: Case) -> list[str]:
    out = ["## Het gezin in één oogopslag"]
    for p in case.persons:
        bits = [ROLE_TEXT.get(str(p.role), str(p.role)) if p.role else "rol onbekend"]
        bits.append(f"{p.age} jaar" if p.age is not None else "leeftijd onbekend")
        if p.age is not None and p.age < 18:
            bits.append("minderjarig")
        out.append(f"- {p.alias or p.id} ({p.id}): {', '.join(bits)}")
    for w in case.premises:
        residents = ", ".join(w.residents) or "bewoners onbekend"
        out.append(
            f"- Pand {w.id}: {w.kind or 'soort onbekend'}, {w.tenure or 'eigendom onbekend'}, "
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
            f"- Bevinding {f.id} ({date}): {f.kind} bij {where}; bron {f.source or '?'}, {proven}"
        )
    for prior in case.prior_interventions:
        date = prior.date.isoformat() if prior.date else "datum onbekend"
        out.append(
            f"- Eerder: {prior.kind} ({date}) bij {prior.target or '?'}, "
            f"uitkomst {prior.outcome or 'onbekend'}"
        )
    goals = [GOAL_TEXT.get(str(g), str(g)) for g in case.case.goals]
    out += ["", "## Doelen", "- " + ("; ".join(goals) if goals else "geen doelen opgegeven"), ""]
    return out


def _facts(node: ConditionResult) -> list[str]:
    """The satisfied leaf conditions of a proof, with what was found and where."""
    if str(node.status) != "satisfied":
        return []
    if node.fact is not None and not node.children:
        return [node.text]
    out: list[str] = []
    for child in node.children:
        out.extend(f for f in _facts(child) if f not in out)
    return out


def _summary(item: InterventionAdvice, recommended: bool) -> list[str]:
    head = f"### {item.name} [{STATUS_TEXT[item.legal_basis.status]}]"
    cites = (
        "; ".join(c.text for c in item.legal_basis.citations)
        or "geen wettelijke drempel (informeel)"
    )
    out = [head, f"- Grondslag: {cites} — {STATUS_TEXT[item.legal_basis.status]}."]
    reasons = "; ".join(f"{r.text} ({r.weight:+g})" for r in item.desirability.reasons)
    out.append(
        f"- Wenselijkheid: {item.desirability.score:g}" + (f" — {reasons}" if reasons else "")
    )
    shown = []
    for c in item.human_measure.concerns:
        key = (c.id, c.status)
        if key in shown:
            continue
        shown.append(key)
        mark = "" if c.status == "satisfied" else " (onzeker)"
        out.append(
            f"- Menselijke maat [{SEVERITY_TEXT.get(c.severity, c.severity)}]{mark}: {c.text}"
        )
    if item.escalation is not None and item.escalation.text:
        out.append(f"- Escalatie ({item.escalation.source}): {item.escalation.text}")
    if recommended:
        for text in (item.human_measure.proportionality, item.human_measure.subsidiarity):
            if text:
                out.append(f"- {text}")
        out.extend(f"- Let op: {n}" for n in item.notes)
        if item.legal_basis.conditions:
            out.append("- Onderbouwing:")
            for condition in item.legal_basis.conditions:
                out.extend(lines(condition, 2))
    return out


def motivation(item: InterventionAdvice) -> list[str]:
    """A draft motivation paragraph for a formal decision (art. 3:46 Awb)."""
    cites = "; ".join(c.text for c in item.legal_basis.citations)
    facts: list[str] = []
    for condition in item.legal_basis.conditions:
        facts.extend(f for f in _facts(condition) if f not in facts)
    out = [f"### Conceptmotivering: {item.name}"]
    text = f"Bevoegdheid en grondslag. De {item.authority} is bevoegd op grond van {cites}. "
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
    if item.human_measure.proportionality:
        balance += item.human_measure.proportionality + " "
    if item.human_measure.subsidiarity:
        balance += item.human_measure.subsidiarity + " "
    weighed = []
    for c in item.human_measure.concerns:
        if c.severity == "info" or c.text in weighed:
            continue
        weighed.append(c.text + (" " + " ".join(c.mitigations) if c.mitigations else ""))
    if weighed:
        balance += "Betrokken belangen: " + " ".join(weighed) + " "
    if _minors(item):
        balance += (
            "Omdat er minderjarigen op het adres wonen, is een kindimpactnotitie vereist "
            "(art. 3 IVRK); "
            "het belang van het kind is een eerste overweging. "
        )
    balance += "[In te vullen: de afweging in dit concrete geval en de gekozen duur.]"
    out.append(balance)
    return out


def _minors(item: InterventionAdvice) -> bool:
    return any(
        c.status == "satisfied" and any(k in c.id for k in CHILD_CONCERNS)
        for c in item.human_measure.concerns
    )


def _combination(combo: Combination) -> list[str]:
    out = [f"## Aanbevolen combinatie (wenselijkheid {combo.score:g})"]
    out.extend(combo.explanation.splitlines()[1:])
    if combo.alternatives:
        out.append("Waarom niet:")
        out.extend(f"- {a}" for a in combo.alternatives)
    return out


def memo(advice: Advice, case: Case | None = None) -> str:
    out = [
        f"# Advies casus {advice.case_id} (peildatum {advice.reference_date.isoformat()}, "
        f"gemeente {advice.municipality})",
        f"Regels: {advice.ruleset.version} (sha256 {advice.ruleset.sha256[:12]})",
        "",
    ]
    if case is not None:
        out.extend(_network(case))
    by_id = {i.id: i for i in advice.interventions}
    best = advice.combinations[0] if advice.combinations else None
    recommended = set(best.interventions) if best else set()
    if best is not None:
        out.extend(_combination(best))
        for other in advice.combinations[1:]:
            out.append(
                f"Alternatief {other.rank} (wenselijkheid {other.score:g}): "
                + ", ".join(other.interventions)
            )
    else:
        out.append("## Geen combinatie aan te bevelen")
        out.append("Geen interventie heeft een vervulde grondslag zonder blokkerend zorgpunt.")
    if any(_minors(by_id[i]) for i in recommended):
        out.append(
            "Er wonen minderjarigen op het adres: een kindimpactnotitie is vereist (art. 3 IVRK) "
            "voordat de burgemeester besluit."
        )
    out.append("")
    out.append("## Interventies")
    ordered = [by_id[i] for i in (best.interventions if best else [])] + [
        i for i in advice.interventions if i.id not in recommended
    ]
    for item in ordered:
        out.extend(_summary(item, item.id in recommended))
        out.append("")
    if advice.missing_facts:
        out.append("## Ontbrekende feiten")
        changing = {(m.fact, m.subject) for m in (best.missing_facts if best else [])}
        for m in advice.missing_facts:
            flag = " — kan de afweging veranderen" if (m.fact, m.subject) in changing else ""
            out.append(f"- {m.question} ({m.subject}){flag}")
        out.append("")
    formal = [by_id[i] for i in (best.interventions if best else []) if by_id[i].formal]
    if formal:
        out.append("## Conceptmotivering")
        for item in formal:
            out.extend(motivation(item))
            out.append("")
    for note in advice.notes:
        out.append(f"Opmerking: {note}")
    return "\n".join(out).rstrip() + "\n"
