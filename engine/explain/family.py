"""The family lens in Dutch: the words the Advice contract and the memo share.

The lens is decided in ``engine.weigh.family``; this module only says it, once, so the JSON
advice and the memo cannot tell a different story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from engine.case.flatten import Facts
from engine.explain.text import DOMAIN_TEXT, GOAL_TEXT, VALUE_TEXT
from engine.weigh.assessment import Affected, Bears
from engine.weigh.family import FamilyLens, Partner, PersonGoals, SelectionGround

PARTNER_TEXT = {
    Partner.mayor: "burgemeester",
    Partner.police: "politie",
    Partner.prosecutor: "officier van justitie",
    Partner.alderman: "wethouder sociaal domein",
}
#: The risk assessment every plan starts with, before the members' own safety notes.
SAFETY_STEP = (
    "Veilig interveniëren: maak vóór elk huisbezoek, gesprek of besluit een "
    "risico-inschatting met de politie en leg vast wie wat doet."
)
GROUNDLESS = (
    "Onzeker: er zijn geen selectiegronden vastgelegd; leg vast waarom dit gezin in de "
    "aanpak komt en hoe dat met de doelen samenhangt."
)
ASSIGNED = "Er is een regisseur aangewezen."
RECOMMENDED = (
    "Wijs een regisseur aan (gezinsregisseur of projectleider): de regie moet belegd, "
    "geborgd en erkend zijn, anders komt er geen één plan."
)


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def person_name(facts: Facts, ref: str, detail: bool = False) -> str:
    """A person as the memo says them: the alias, with age and role when asked."""
    attrs = facts.entities.get(ref, {})
    name = str(attrs.get("alias") or f"persoon {ref.partition(':')[2]}")
    if not detail:
        return name
    bits = [f"{attrs['age']} jaar"] if "age" in attrs else []
    role = attrs.get("role")
    if role is not None:
        bits.append(VALUE_TEXT.get(str(role), str(role)))
    return f"{name} ({', '.join(bits)})" if bits else name


BEARS_TEXT = {
    Bears.minor: "minderjarig",
    Bears.elderly: "oudere bewoner (bereikt de leeftijdsgrens van het gemeentelijk beleid)",
    Bears.dependent: "door zorg of beperking op deze woning aangewezen",
    Bears.victim: "slachtoffer in de bevindingen, geen dader",
    Bears.no_role: "geen rol in de bevindingen",
}
#: The case's ``culpable`` as the balance asks it (ECLI:NL:RVS:2019:2912).
CULPABLE_TEXT = {
    True: "wist van de overtreding of had die redelijkerwijs kunnen weten",
    False: "wist niet van de overtreding en had die ook niet redelijkerwijs kunnen weten",
    None: "onzeker: of deze bewoner van de overtreding wist of die redelijkerwijs had "
    "kunnen weten, staat niet in de stukken",
}


def affected_text(facts: Facts, affected: Sequence[Affected], said: set[str] | None = None) -> str:
    """The residents a concern weighs by name, each with why and what they knew:
    "Oma (78 jaar): oudere bewoner ..., geen rol in de bevindingen; wist niet ...".
    Whoever is in ``said`` was described before in the same balance and is only named;
    those described here are added to it."""
    parts = []
    for p in affected:
        name = person_name(facts, p.ref)
        if said is not None and p.ref in said:
            parts.append(f"{name} (zie hierboven)")
            continue
        age = facts.entities.get(p.ref, {}).get("age")
        who = name + (f" ({age} jaar)" if age is not None else "")
        why = ", ".join(BEARS_TEXT[b] for b in p.bears)
        # What a child knew is asked only where the case states it.
        knew = "" if p.culpable is None and Bears.minor in p.bears else CULPABLE_TEXT[p.culpable]
        parts.append(f"{who}: {why}; {knew}" if knew else f"{who}: {why}")
        if said is not None:
            said.add(p.ref)
    return "Dit raakt met naam: " + "; ".join(parts) + "." if parts else ""


def partners_text(partners: Sequence[Partner]) -> str:
    return ", ".join(PARTNER_TEXT[p] for p in partners)


def person_goals_text(person: PersonGoals, facts: Facts) -> str:
    who = person_name(facts, person.ref, detail=True)
    if person.goals:
        return f"{who}: {'; '.join(GOAL_TEXT[g] for g in person.goals)}."
    return (
        f"{who}: geen doel van de aanpak gericht op deze persoon; overweeg of die in de "
        "aanpak hoort."
    )


def ground_text(ground: SelectionGround) -> str:
    if ground.names_family:
        return (
            f"'{ground.text}' noemt de familienaam: een familienaam is nooit een selectiegrond "
            "(gelijke behandeling en verbod van discriminatie, art. 1 Grondwet, BWBR0001840); "
            "leg de feiten vast die de keuze dragen."
        )
    return f"{ground.text[:1].upper()}{ground.text[1:]}."


def family_goals_text(lens: FamilyLens) -> str | None:
    if not lens.family_goals:
        return None
    return f"Het gezin als geheel: {'; '.join(GOAL_TEXT[g] for g in lens.family_goals)}."


def coverage_text(lens: FamilyLens) -> str:
    have = [DOMAIN_TEXT[d] for d in lens.covered]
    lack = [DOMAIN_TEXT[d] for d in lens.uncovered]
    return (f"gedekt: {_join(have)}" if have else "niets gedekt") + (
        f"; niet gedekt: {_join(lack)}" if lack else ""
    )


def regie_text(lens: FamilyLens) -> str:
    return RECOMMENDED if lens.coordinator_recommended else ASSIGNED


def safety_steps(lens: FamilyLens) -> list[str]:
    """The risk assessment every plan starts with, then the members' own safety notes."""
    return [SAFETY_STEP, *(n for n in lens.safety_notes if n != SAFETY_STEP)]


@dataclass(frozen=True)
class FamilyWords:
    """The lens as the memo lays it out."""

    goals: list[str]
    grounds: list[str]
    regie: str
    coverage: str
    safety: list[str]
    steps: dict[str, str]


def family_words(lens: FamilyLens, facts: Facts) -> FamilyWords:
    goals = [person_goals_text(p, facts) for p in lens.persons]
    whole = family_goals_text(lens)
    if whole:
        goals.append(whole)
    return FamilyWords(
        goals=goals,
        grounds=[ground_text(g) for g in lens.grounds] or [GROUNDLESS],
        regie=regie_text(lens),
        coverage=coverage_text(lens),
        safety=safety_steps(lens),
        steps={s.intervention_id: partners_text(s.partners) for s in lens.steps},
    )
