"""The Dutch advice memo (``--format text``): a decision document a mayor can sign.

First one page with the verdict (what to do, who decides, on what basis, what must still
be weighed, which facts are missing); then, per recommended formal measure, a motivation
in the shape of a besluit (facts, competence and basis, necessity, balance of interests,
conclusion, draft decision with the remedies clause of art. 3:45 Awb); then what else was
considered; the rulesets go to an annex. The memo is built here as plain Dutch sentences
and laid out by the Jinja2 templates in ``templates/``, which the review pages share.

Facts are told from the flattened case (names, dates, Dutch labels), never from proof
leaves, so no field name, id path or English value reaches the reader.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined

from engine.case.flatten import Facts
from engine.case.models import Case
from engine.explain.family import FamilyWords, affected_text, family_words, person_name
from engine.explain.order import why_this_order
from engine.explain.text import (
    BODY_SUBJECT,
    DOMAIN_TEXT,
    GOAL_TEXT,
    SOURCE_TEXT,
    TENURE_TEXT,
    VALUE_TEXT,
    citation_text,
)
from engine.inference.status import Status
from engine.ruleset.models import Body, Domain, Severity
from engine.weigh.assessment import (
    Assessment,
    Clash,
    CombinationAssessment,
    Concern,
    Exclusion,
    InterventionAssessment,
)
from engine.weigh.proportionality import SERIOUSNESS_TEXT, seriousness

_ENV = Environment(
    loader=PackageLoader("engine.explain", "templates"),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    autoescape=False,  # Markdown for a person, not HTML; the review pages escape themselves.
)

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
UNITS = {"gram": "gram", "plants": "planten", "pills": "pillen", "pieces": "stuks"}
#: How heavy a concern weighs in the balance, in words (the severity is the ruleset's).
WEIGHT_TEXT = {
    Severity.blocking: "doorslaggevend",
    Severity.warning: "zwaar",
    Severity.info: "beperkt",
}
#: Bodies whose decisions are taken for one municipality ("de burgemeester van ...").
LOCAL = {Body.mayor, Body.municipal_executive, Body.municipal_council}
#: Administrative bodies whose formal measure is a besluit (art. 1:3 Awb) with bezwaar; a
#: professional's report or a third party's act is not.
ADMINISTRATIVE = LOCAL | {Body.permit_authority, Body.enforcing_authority}
#: The order in which the memo shows the domains: what decides the case first.
DOMAIN_ORDER_MEMO = (Domain.repression, Domain.prevention, Domain.care, Domain.resilience)
#: How many questions the first page lists; the rest follow in the motivations.
FIRST_PAGE_QUESTIONS = 6


@dataclass(frozen=True)
class Weighed:
    """One interest in the balance: what it is, how heavy, and what it does to the measure."""

    interest: str
    weight: str
    outcome: str


@dataclass(frozen=True)
class Decision:
    """The motivation of one formal measure in the shape of a besluit (art. 3:46 Awb)."""

    title: str
    body: str
    addressees: str
    facts: list[str]
    basis: str
    necessity: list[str]
    balance: list[Weighed]
    conclusion: str
    ready: bool
    operative: list[str]
    remedies: str


@dataclass(frozen=True)
class Step:
    order: int
    name: str
    carrier: str
    why: str
    #: For a letter or conversation: to whom, and why that person (never a victim).
    to: str | None = None
    #: The partners of the gezagsvierhoek this step needs (seed study: the social domain
    #: at the table with mayor, police and prosecutor).
    square: str = ""


@dataclass(frozen=True)
class Group:
    """The members of one domain: one lead measure, the others beside it."""

    domain: str
    lead: Step
    others: list[Step]


@dataclass
class Memo:
    title: str
    subtitle: str
    todo: list[Group]
    lead: str
    deciders: list[str]
    bases: list[str]
    children: str | None
    to_weigh: list[str]
    missing: list[str]
    more_missing: int
    uncertain: list[str]
    people: list[str]
    goals: str
    order_why: list[str]
    decisions: list[Decision]
    considered: list[str]
    family: FamilyWords | None
    notes: list[str]
    annex: list[str] = field(default_factory=list)
    bundle: str = ""


def date_text(value: object) -> str:
    """An ISO date as a Dutch date ("10 februari 2026"); anything else as is."""
    try:
        d = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


class _Names:
    """Names of the case's subjects as a person says them: aliases, kinds, Dutch dates."""

    def __init__(self, facts: Facts, a: Assessment) -> None:
        self.facts = facts
        self.names = {i.id: i.name for i in a.interventions}

    def person(self, ref: str, detail: bool = False) -> str:
        return person_name(self.facts, ref, detail)

    def premises(self, ref: str) -> str:
        attrs = self.facts.entities.get(ref, {})
        return f"{attrs.get('kind') or 'pand'} {ref.partition(':')[2]}"

    def subject(self, ref: str) -> str:
        kind, _, ident = ref.partition(":")
        if kind == "person":
            return self.person(ref)
        if kind == "premises":
            return self.premises(ref)
        if kind == "case":
            return "de casus als geheel"
        if kind == "business":
            return f"bedrijf {ident}"
        if kind == "finding":
            return f"bevinding van {date_text(self.facts.entities.get(ref, {}).get('date'))}"
        return ident

    def intervention(self, ident: object) -> str:
        return self.names.get(str(ident), "een eerdere interventie")

    def minors(self, refs: tuple[str, ...]) -> list[str]:
        """The minors living at the premises this measure is about."""
        out: list[str] = []
        for ref in refs:
            for p in self.facts.linked(ref, "residents"):
                if self.facts.entities.get(p, {}).get("minor") is True:
                    name = self.person(p)
                    age = self.facts.entities[p].get("age")
                    text = f"{name} ({age} jaar)" if age is not None else name
                    if text not in out:
                        out.append(text)
        return out


def _finding(ref: str, n: _Names) -> str:
    f = n.facts.entities[ref]
    kind = VALUE_TEXT.get(str(f.get("kind")), "een bevinding") if f.get("kind") else "een bevinding"
    what = [kind]
    if f.get("amount") is not None:
        unit = UNITS.get(str(f.get("unit")), str(f.get("unit", "")))
        amount = f["amount"]
        amount_text = (
            str(int(amount)) if isinstance(amount, float) and amount.is_integer() else str(amount)
        )
        what.append(" ".join(p for p in (amount_text, unit, str(f.get("substance") or "")) if p))
    elif f.get("substance"):
        what.append(str(f["substance"]))
    if f.get("drug_list"):
        what.append(f"lijst {f['drug_list']} van de Opiumwet")
    where = [n.premises(p) for p in n.facts.linked(ref, "premises")]
    who = [n.person(p) for p in n.facts.linked(ref, "persons")]
    text = f"Op {date_text(f['date'])}" if f.get("date") else "Op een onbekende datum"
    text += " is " + ("in " + _join(where) + " " if where else "")
    text += "aangetroffen: " + ", ".join(what)
    if who:
        text += f" (betrokken: {_join(who)})"
    source = f.get("source")
    if source is not None:
        text += f"; bron: {SOURCE_TEXT.get(source, str(source))}"  # type: ignore[call-overload]
    proven = f.get("proven")
    text += (
        "; vastgesteld."
        if proven is True
        else "; niet bewezen."
        if proven is False
        else "; onzeker: of dit bewezen is, staat niet in de stukken."
    )
    return text


def _facts_of(item: InterventionAssessment, n: _Names) -> list[str]:
    facts = n.facts
    out: list[str] = []
    findings: list[str] = []
    priors: list[str] = []
    for ref in item.refs:
        attrs = facts.entities.get(ref, {})
        if ref.startswith("premises:"):
            residents = [n.person(p, detail=True) for p in facts.linked(ref, "residents")]
            tenure = attrs.get("tenure")
            text = f"De {n.premises(ref)} ligt in {attrs.get('municipality', 'een onbekende gemeente')}"
            if tenure is not None:
                text += f" en is {TENURE_TEXT.get(tenure, str(tenure))}"  # type: ignore[call-overload]
            if attrs.get("owner"):
                text += f" (eigenaar: {attrs['owner']})"
            text += (
                f". Er wonen {_join(residents)}."
                if residents
                else ". Wie er wonen, staat niet in de stukken (onzeker)."
            )
            out.append(text)
        elif ref.startswith("person:"):
            out.append(f"Het gaat om {n.person(ref, detail=True)}.")
        findings.extend(f for f in facts.linked(ref, "findings") if f not in findings)
        priors.extend(p for p in facts.linked(ref, "prior_interventions") if p not in priors)
    for f in findings:
        if facts.entities[f].get("source") == "care":
            out.append(
                "Er is ook informatie uit de zorg; die mag dit besluit niet dragen "
                "(doelbinding, art. 5 lid 1 sub b AVG) en blijft buiten de motivering."
            )
            continue
        out.append(_finding(f, n))
    for p in priors:
        prior = facts.entities[p]
        when = f" op {date_text(prior['date'])}" if prior.get("date") else ""
        outcome = f"; uitkomst: {prior['outcome']}" if prior.get("outcome") else ""
        out.append(f"Eerder is ingezet: {n.intervention(prior.get('kind'))}{when}{outcome}.")
    return out


def _cites(item: InterventionAssessment) -> str:
    return "; ".join(citation_text(c) for c in item.intervention.legal_basis.citations)


def body_text(item: InterventionAssessment, a: Assessment) -> str:
    """The competent body as the subject of a sentence, of this municipality where local."""
    who = BODY_SUBJECT[item.body]
    return f"{who} van {a.municipality}" if item.body in LOCAL else who


def _questions(item: InterventionAssessment, concern: str | None, n: _Names) -> list[str]:
    out: list[str] = []
    for m in item.missing:
        if m.concern_id == concern:
            text = f"{m.question} ({n.subject(m.ref)})"
            if text not in out:
                out.append(text)
    return out


def _weighed(
    c: Concern,
    item: InterventionAssessment,
    combo: CombinationAssessment,
    n: _Names,
    said: set[str],
) -> Weighed:
    about = f" Dit betreft {n.subject(c.target)}." if c.target else ""
    if c.persons:
        about += " " + affected_text(n.facts, c.persons, said)
    members = set(combo.ids)
    helpers = [n.intervention(i) for i in c.mitigating_interventions if i in members]
    if c.status is Status.UNKNOWN:
        asks = _questions(item, c.id, n)
        outcome = "Onzeker: nog niet vast te stellen" + (
            f", want onbekend is: {'; '.join(asks)}." if asks else "."
        )
        outcome += " Stel dit vast vóór het besluit; als het geldt, weegt het tegen de maatregel."
    elif c.blocks:
        outcome = "Staat aan de maatregel in de weg; die kan zo niet worden genomen."
    elif helpers:
        outcome = (
            f"Weegt tegen de maatregel, maar wordt opgevangen door {_join(helpers)}, "
            "dat in de aanpak is opgenomen."
        )
    elif c.mitigations:
        outcome = "Weegt tegen de maatregel; neem op in het besluit: " + " ".join(c.mitigations)
    elif c.severity is Severity.warning:
        outcome = (
            "Weegt tegen de maatregel; het besluit moet kenbaar maken waarom de maatregel "
            "toch evenwichtig is, of kiest een kortere duur of een lichter middel."
        )
    else:
        outcome = "Weegt mee, maar verandert de keuze niet."
    return Weighed(interest=c.text + about, weight=WEIGHT_TEXT[c.severity], outcome=outcome)


def _lighter(item: InterventionAssessment, a: Assessment, n: _Names) -> list[str]:
    """What the lighter means did or could do, from the typed verdicts (subsidiarity)."""
    out = []
    items = {i.id: i for i in a.interventions}
    for alt in item.lighter_alternatives:
        other = items.get(alt)
        if other is None:
            continue
        why = a.options.excluded.get(alt)
        if other.already_taken:
            out.append(f"{other.name} is al ingezet en volstond niet.")
        elif why is not None and why.reason is Exclusion.basis_missing:
            out.append(f"{other.name} kan hier niet: de grondslag ontbreekt.")
        elif why is not None and why.reason is Exclusion.basis_unknown:
            out.append(f"{other.name}: onzeker, de grondslag is nog niet vast te stellen.")
        elif why is not None and why.reason is Exclusion.blocked:
            out.append(
                f"{other.name} kan hier niet: een zwaarwegend bezwaar staat eraan in de weg."
            )
        elif item.escalation is not None and item.escalation.step > 1:
            out.append(
                f"{other.name} is lichter, maar het beleid schrijft bij deze voorgeschiedenis "
                f"trede {item.escalation.step} voor."
            )
        else:
            out.append(
                f"{other.name} is lichter en mogelijk; motiveer waarom dat niet volstaat, "
                "anders gaat dat voor."
            )
    return out


def _necessity(item: InterventionAssessment, a: Assessment, n: _Names) -> list[str]:
    level, _ = seriousness(item.refs, a.facts)
    out = [
        f"Ernst van de feiten: {SERIOUSNESS_TEXT[level]} (gelet op de vastgestelde "
        "bevindingen en de voorgeschiedenis hierboven)."
    ]
    esc = item.escalation
    if esc is not None:
        dur = f" voor {esc.duration_months:g} maanden" if esc.duration_months else ""
        out.append(
            f"Het gemeentelijk beleid ({esc.label}) schrijft bij deze voorgeschiedenis "
            f"trede {esc.step} voor: {esc.measure}{dur}. Het beleid wordt gevolgd, tenzij "
            "bijzondere omstandigheden dat onevenredig maken (art. 4:84 Awb)."
        )
    out.extend(_lighter(item, a, n))
    return out


def _decision(
    item: InterventionAssessment, a: Assessment, combo: CombinationAssessment, n: _Names
) -> Decision:
    who = body_text(item, a)
    verb = "zijn" if item.body is Body.partnership else "is"
    basis = f"{who[:1].upper()}{who[1:]} {verb} bevoegd op grond van {_cites(item)}."
    if item.intervention.uncertain:
        basis += " Onzeker, nog niet geverifieerd: " + " ".join(item.intervention.uncertain)
    seen: set[tuple[str, str | None]] = set()
    said: set[str] = set()  # residents already described by name in this balance
    balance = []
    for c in item.concerns:
        if c.status is Status.NOT_SATISFIED or (c.id, c.target) in seen:
            continue
        seen.add((c.id, c.target))
        balance.append(_weighed(c, item, combo, n, said))
    children = n.minors(item.refs)
    if children:
        balance.append(
            Weighed(
                interest=f"Het belang van de kinderen {_join(children)}: een eerste overweging "
                "(art. 3 IVRK).",
                weight="zwaar",
                outcome="Leg het advies van de jeugdbescherming of het sociaal team vast in een "
                "kindimpactnotitie vóór het besluit en motiveer het als u ervan afwijkt.",
            )
        )
    for after in combo.consequences:
        if after.after == item.id:
            balance.append(
                Weighed(
                    interest=f"Na dit besluit kan {BODY_SUBJECT[after.body]} zelf optreden: "
                    f"{n.intervention(after.intervention_id)}.",
                    weight="zwaar",
                    outcome="Geen gemeentelijke maatregel, maar een gevolg dat in de "
                    "evenwichtigheid meeweegt (ECLI:NL:RVS:2019:2912).",
                )
            )
    basis_open = _questions(item, None, n)
    open_points = [
        c for c in item.concerns if c.status is Status.UNKNOWN and c.severity is not Severity.info
    ]
    ready = not basis_open and not open_points and item.status is Status.SATISFIED
    esc = item.escalation
    measure = item.name
    if esc is not None and esc.duration_months:
        measure += f", voor de duur van {esc.duration_months:g} maanden"
    if ready:
        conclusion = (
            f"{who[:1].upper()}{who[1:]} {verb} bevoegd, de maatregel is noodzakelijk en "
            "met de genoemde waarborgen niet onevenredig. Advies: neem het besluit."
        )
    else:
        todo = basis_open + [
            q
            for c in item.concerns
            if c.status is Status.UNKNOWN and c.severity is not Severity.info
            for q in _questions(item, c.id, n)
        ]
        conclusion = (
            "Onzeker: nog niet rijp voor een besluit. Stel eerst vast: "
            + "; ".join(dict.fromkeys(todo))
            + "."
        )
    targets = [n.subject(t.ref) for t in item.targets if t.status is Status.SATISFIED]
    operative = [f"{measure}, voor {_join(targets)}." if targets else f"{measure}."]
    if children:
        operative.append(
            "De uitvoering houdt rekening met de kinderen; de kindimpactnotitie is bij dit "
            "besluit gevoegd."
        )
    adults = [
        n.person(p)
        for t in targets
        for ref in item.refs
        for p in a.facts.linked(ref, "residents")
        if a.facts.entities.get(p, {}).get("minor") is False
    ]
    addressees = _join(sorted(set(adults))) if adults else _join(targets or ["de betrokkene"])
    # Checked against the text of the Awb (BWBR0005537): art. 3:45 lid 1 and 2 (who, within
    # which term, with which body), 6:5 lid 1, 6:7, 6:8 lid 1 and 8:81 lid 1 (ADR 0011).
    remedies = (
        "Bent u het niet eens met dit besluit, dan kunt u binnen zes weken na de dag waarop "
        f"het is bekendgemaakt bezwaar maken bij {who} (art. 6:7 en 6:8 lid 1 Awb). Het "
        "bezwaarschrift is ondertekend en vermeldt ten minste uw naam en adres, de datum, een "
        "omschrijving van het besluit waartegen het is gericht en de gronden van het bezwaar "
        "(art. 6:5 lid 1 Awb). Heeft u bezwaar gemaakt, dan kunt u de voorzieningenrechter van "
        "de rechtbank vragen een voorlopige voorziening te treffen als onverwijlde spoed, gelet "
        "op de betrokken belangen, dat vereist (art. 8:81 lid 1 Awb). Deze vermelding volgt uit "
        "art. 3:45 Awb, lid 1 en 2 (Algemene wet bestuursrecht, BWBR0005537)."
    )
    return Decision(
        title=item.name,
        body=who,
        addressees=addressees,
        facts=_facts_of(item, n),
        basis=basis,
        necessity=_necessity(item, a, n) if item.intrusiveness >= 2 else [],
        balance=balance,
        conclusion=conclusion,
        ready=ready,
        operative=operative,
        remedies=remedies,
    )


def _addressed(item: InterventionAssessment, n: _Names) -> str | None:
    """Who an informal step speaks to and why: the adults living at a premises it is about,
    the person it is about, or for the case as a whole everyone a finding names as involved.
    A victim or target of a finding is never addressed as an offender."""
    if not item.intervention.speaks_to_person:
        return None
    facts = n.facts
    named: dict[str, str] = {}
    for ref in item.refs:
        kind = ref.partition(":")[0]
        if kind == "premises":
            for p in facts.linked(ref, "residents"):
                if facts.entities.get(p, {}).get("minor") is not True:
                    named.setdefault(p, f"bewoner van {n.premises(ref)}")
            continue
        people = [ref] if kind == "person" else facts.linked(ref, "persons")
        for p in people:
            for f in facts.linked(p, "findings"):
                attrs = facts.entities[f]
                if attrs.get("source") == "care" or f in facts.linked(p, "victim_of"):
                    continue
                what = VALUE_TEXT.get(str(attrs.get("kind")), "een bevinding")
                when = f" op {date_text(attrs['date'])}" if attrs.get("date") else ""
                named.setdefault(p, f"betrokken bij {what}{when}")
    if not named:
        return None
    return "; ".join(f"{n.person(p)}, {why}" for p, why in named.items())


def _groups(
    combo: CombinationAssessment, items: dict[str, InterventionAssessment], steps: list[Step]
) -> list[Group]:
    """Per domain one lead measure (a decision before an informal step, then the most
    intrusive, then the most desirable), so a mayor sees the structure, not a flat list."""
    by_order = {s.order: s for s in steps}
    out = []
    for domain in DOMAIN_ORDER_MEMO:
        members = [m for m in combo.members if items[m.id].domain is domain]
        if not members:
            continue
        lead = max(
            members,
            key=lambda m: (
                items[m.id].formal,
                items[m.id].intrusiveness,
                items[m.id].desirability.score,
            ),
        )
        out.append(
            Group(
                DOMAIN_TEXT[domain],
                by_order[lead.order],
                [by_order[m.order] for m in members if m.id != lead.id],
            )
        )
    return out


def _member_why(item: InterventionAssessment, combo: CombinationAssessment, n: _Names) -> str:
    why = [r.text.rstrip(".") for r in item.desirability.reasons if r.weight > 0][:1]
    if not why:
        why = ["Draagt bij aan de doelen van de aanpak"]
    member = next(m for m in combo.members if m.id == item.id)
    why += [
        f"nodig om het bezwaar bij {n.intervention(by)} op te vangen"
        if concern is not None
        else f"lichter middel dat eerst komt, vóór {n.intervention(by)}"
        for by, concern in member.required_by
    ]
    if item.escalation is not None:
        why.append(f"het beleid schrijft trede {item.escalation.step} voor")
    return "; ".join(why)


def _order_why(combo: CombinationAssessment, a: Assessment, n: _Names) -> list[str]:
    """Why this combination ranks first, in words instead of a score: the same sentences
    as the Advice's ``why_this_order``, plus how the steps are ordered."""
    items = {i.id: i for i in a.interventions}
    return [
        *why_this_order(combo, a.combinations, items, a.options, n.intervention),
        "De lichtste stappen staan voorop; wat een bezwaar van een zwaardere maatregel "
        "opvangt, gaat aan die maatregel vooraf.",
    ]


def _considered(a: Assessment, combo: CombinationAssessment | None, n: _Names) -> list[str]:
    members = set(combo.ids) if combo else set()
    out = []
    for item in a.interventions:
        if item.id in members:
            continue
        why = a.options.excluded.get(item.id)
        if why is not None:
            if why.reason is Exclusion.basis_missing and not item.formal:
                continue
            text = {
                Exclusion.basis_unknown: "onzeker: de grondslag is nog niet vast te stellen",
                Exclusion.basis_missing: "de grondslag ontbreekt",
                Exclusion.third_party: f"een handeling van {BODY_SUBJECT[item.body]} zelf, "
                "geen gemeentelijke maatregel",
                Exclusion.supporting: "draagt de aanpak als informatieroute, is zelf geen maatregel",
                Exclusion.blocked: "een zwaarwegend bezwaar staat eraan in de weg",
                Exclusion.already_taken: "al eerder ingezet",
                Exclusion.deferred: "het beleid schrijft op deze trede eerst "
                + _join([n.intervention(i) for i in why.ids] or ["een andere stap"])
                + " voor",
                Exclusion.lighter_first: "eerst het lichtere middel "
                + _join([n.intervention(i) for i in why.ids] or ["een lichter middel"])
                + " (subsidiariteit)",
                Exclusion.mitigation_unavailable: "wat een bezwaar ervan moet opvangen, is hier "
                "niet inzetbaar",
            }[why.reason]
        else:
            clash = next(
                (c for m, c in a.options.conflicts.get(item.id, {}).items() if m in members), None
            )
            if clash is not None and clash.kind is Clash.lighter_alternative:
                text = f"een keuze tegenover {n.intervention(clash.a if clash.b == item.id else clash.b)}"
            elif clash is not None:
                text = "past niet naast de gekozen maatregelen"
            elif item.desirability.score <= 0:
                text = "draagt niet bij aan de doelen van deze casus"
            else:
                text = "past, maar voegt aan de gekozen aanpak te weinig toe"
        out.append(f"{item.name}: {text}.")
    return out


def _people(a: Assessment, n: _Names) -> list[str]:
    out = []
    for ref, attrs in a.facts.entities.items():
        if attrs["t"] == "person":
            out.append(n.person(ref, detail=True))
        elif attrs["t"] == "premises":
            residents = [n.person(p) for p in a.facts.linked(ref, "residents")]
            tenure = attrs.get("tenure")
            out.append(
                f"{n.premises(ref)} in {attrs.get('municipality', 'onbekende gemeente')}"
                + (f", {TENURE_TEXT.get(tenure, str(tenure))}" if tenure else "")  # type: ignore[call-overload]
                + (f"; bewoners: {_join(residents)}" if residents else "")
            )
    return out


def build(a: Assessment, case: Case | None = None) -> Memo:
    """The memo's content as Dutch sentences; the template only lays them out."""
    a = a.weighed()  # the memo weighs interventions without a basis too
    n = _Names(a.facts, a)
    by_id = {i.id: i for i in a.interventions}
    best = a.combinations[0] if a.combinations else None
    family = family_words(a.family, a.facts) if a.family is not None else None
    members = [by_id[i] for i in best.ids] if best else []
    formal = [i for i in members if i.formal and i.body in ADMINISTRATIVE]
    steps = (
        [
            Step(
                m.order,
                by_id[m.id].name,
                body_text(by_id[m.id], a),
                _member_why(by_id[m.id], best, n),
                _addressed(by_id[m.id], n),
                family.steps.get(m.id, "") if family else "",
            )
            for m in best.members
        ]
        if best
        else []
    )
    if formal:
        lead = (
            "Neem "
            + ("dit besluit" if len(formal) == 1 else f"deze {len(formal)} besluiten")
            + ": "
            + _join([i.name for i in formal])
            + ", als onderdeel van de aanpak hieronder."
        )
    elif members:
        lead = "Geen besluit nodig: de aanpak hieronder bestaat uit stappen zonder besluit."
    else:
        lead = (
            "Geen aanpak aan te bevelen: geen interventie heeft een vervulde grondslag zonder "
            "doorslaggevend bezwaar."
        )
    deciders = [f"{body_text(i, a)[:1].upper()}{body_text(i, a)[1:]}: {i.name}." for i in formal]
    bases = [f"{i.name}: {_cites(i)}." for i in formal if _cites(i)]
    kids = sorted({k for i in formal for k in n.minors(i.refs)})
    children = (
        f"Er wonen kinderen op het adres: {_join(kids)}. Hun belang is een eerste overweging "
        "(art. 3 IVRK); een kindimpactnotitie is nodig voordat wordt besloten."
        if kids
        else None
    )
    to_weigh: list[str] = []
    for i in formal:
        for c in i.concerns:
            if c.severity is Severity.info or c.status is Status.NOT_SATISFIED:
                continue
            mark = "Onzeker — " if c.status is Status.UNKNOWN else ""
            text = f"{mark}{c.text}"
            if text not in to_weigh:
                to_weigh.append(text)
    missing: list[str] = []
    for q in best.questions if best else ():
        text = f"{q.fact.question} ({n.subject(q.fact.ref)})"
        if text not in missing:
            missing.append(text)
    for i in formal:
        for text in _questions(i, None, n):
            if text not in missing:
                missing.append(text)
    uncertain = [u for i in members for u in i.intervention.uncertain]
    uncertain += [
        f"{citation_text(c)} ({i.name})"
        for i in formal
        for c in i.intervention.legal_basis.citations
        if not c.verified
    ]
    goals = "; ".join(GOAL_TEXT[g] for g in case.case.goals) if case and case.case.goals else ""
    family_name = f", familie {case.case.family}" if case and case.case.family else ""
    notes = list(a.notes)
    if not a.exact:
        notes.append(
            "Het zoeken naar combinaties is binnen de rekentijd afgebroken: de getoonde aanpak "
            "is de beste die gevonden is, niet gegarandeerd de beste."
        )
    return Memo(
        title=f"Besluitadvies casus {a.case_id}{family_name}",
        subtitle=f"Gemeente {a.municipality}, peildatum {date_text(a.reference_date.isoformat())}. "
        "Dit is een advies; het besluit neemt het bevoegde orgaan.",
        todo=_groups(best, by_id, steps) if best else [],
        lead=lead,
        deciders=deciders,
        bases=bases,
        children=children,
        to_weigh=to_weigh,
        missing=missing[:FIRST_PAGE_QUESTIONS],
        more_missing=max(0, len(missing) - FIRST_PAGE_QUESTIONS),
        uncertain=uncertain,
        people=_people(a, n),
        goals=goals,
        order_why=_order_why(best, a, n) if best else [],
        decisions=[_decision(i, a, best, n) for i in formal] if best else [],
        considered=_considered(a, best, n),
        family=family,
        notes=notes,
        annex=[f"{r.id}, versie {r.version}" for r in a.bundle.rulesets],
        bundle=f"sha256 {a.bundle.sha256[:12]}",
    )


def memo(a: Assessment, case: Case | None = None) -> str:
    text = _ENV.get_template("memo.md.j2").render(memo=build(a, case))
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"
