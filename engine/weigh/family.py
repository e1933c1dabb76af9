"""The family lens of the seed studies, typed (issue 11, item 4).

One family, one plan: a goal per person and for the family, the selection grounds tested
(a family name is never a ground, art. 1 Grondwet), a coordinator (regie) where none is
assigned, the coverage of repression, prevention and resilience, professional safety as a
step of the plan, and per step the partners of the gezagsvierhoek. It is decided here,
once, from the case and the best combination; the Advice contract and the memo only put
it into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from engine.case.flatten import Facts
from engine.case.models import Case, Goal, Role
from engine.ruleset.models import Body, Domain
from engine.weigh.assessment import CombinationAssessment, InterventionAssessment


class Partner(StrEnum):
    """The partners of the gezagsvierhoek (seed study: the social domain at the table)."""

    mayor = "mayor"
    police = "police"
    prosecutor = "prosecutor"
    alderman = "alderman"


class Standing(StrEnum):
    """Where a person stands in the approach, which decides the goals that concern them."""

    minor = "minor"
    key_figure = "key_figure"
    involved = "involved"
    other = "other"


#: Which partner of the gezagsvierhoek a body brings to the table.
BODY_PARTNERS: Mapping[Body, tuple[Partner, ...]] = {
    Body.mayor: (Partner.mayor,),
    Body.municipal_executive: (Partner.alderman,),
    Body.municipal_council: (Partner.mayor, Partner.alderman),
    Body.permit_authority: (Partner.mayor,),
    Body.enforcing_authority: (Partner.mayor,),
    Body.police: (Partner.police,),
    Body.public_prosecutor: (Partner.prosecutor,),
    Body.halt: (Partner.prosecutor, Partner.police),
    Body.partnership: (Partner.mayor, Partner.police, Partner.prosecutor, Partner.alderman),
    Body.professional: (Partner.alderman,),
    Body.landlord: (),
}
#: Words in a ruleset's list of partners that name a partner of the vierhoek.
_LISTED = (
    ("politie", Partner.police),
    ("openbaar ministerie", Partner.prosecutor),
    ("officier", Partner.prosecutor),
    ("wethouder", Partner.alderman),
    ("sociaal", Partner.alderman),
)
#: Which of the case's goals concern a person, by where they stand.
STANDING_GOALS: Mapping[Standing, tuple[Goal, ...]] = {
    Standing.minor: (Goal.protect_children, Goal.prevent_recruitment),
    Standing.key_figure: (Goal.stop_criminal_activity, Goal.undermine_status),
    Standing.involved: (Goal.stop_criminal_activity, Goal.help_exit),
    Standing.other: (Goal.help_exit,),
}
#: Goals that concern the family (its street) rather than one person.
FAMILY_GOALS = (Goal.liveable_street,)
#: The domains whose coverage the seed studies ask to show (care supports them).
COVERED = (Domain.repression, Domain.prevention, Domain.resilience)


class PersonGoals(NamedTuple):
    """A person's standing and the case's goals that concern them. A tuple, as weighing's
    value objects made per person are: a frozen dataclass sets each field by a call, and the
    lens makes one for every member of the family."""

    ref: str
    standing: Standing
    goals: tuple[Goal, ...]


@dataclass(frozen=True, slots=True)
class SelectionGround:
    text: str
    #: The ground names the family: never a ground by itself (art. 1 Grondwet).
    names_family: bool


class StepPartners(NamedTuple):
    """The vierhoek partners of one step of the plan (a tuple, as ``PersonGoals`` is)."""

    intervention_id: str
    partners: tuple[Partner, ...]


@dataclass(frozen=True, slots=True)
class FamilyLens:
    persons: tuple[PersonGoals, ...]
    family_goals: tuple[Goal, ...]
    grounds: tuple[SelectionGround, ...]
    coordinator_assigned: bool | None
    covered: tuple[Domain, ...]
    uncovered: tuple[Domain, ...]
    #: The safety notes of the plan's members, after the general risk assessment.
    safety_notes: tuple[str, ...]
    steps: tuple[StepPartners, ...]

    @property
    def coordinator_recommended(self) -> bool:
        """A coordinator is recommended unless one is known to be assigned."""
        return self.coordinator_assigned is not True


def partners(item: InterventionAssessment) -> tuple[Partner, ...]:
    """The vierhoek partners of a step: its body's, those the ruleset lists as partners,
    and the police for a repressive step, which is carried out with them."""
    out = list(BODY_PARTNERS[item.body])
    if item.intervention.partners:
        listed = " ".join(item.intervention.partners).lower()
        for word, partner in _LISTED:
            if word in listed and partner not in out:
                out.append(partner)
    # The ruleset's domain as it is: making the Domain of ``item.domain`` costs more.
    if item.intervention.domain == Domain.repression and Partner.police not in out:
        out.append(Partner.police)
    return tuple(out)


def _standing(case_role: Role | str | None, ref: str, facts: Facts) -> Standing:
    if facts.entities.get(ref, {}).get("minor") is True:
        return Standing.minor
    if case_role == Role.key_figure:
        return Standing.key_figure
    if facts.linked(ref, "findings"):
        return Standing.involved
    return Standing.other


def family_lens(
    case: Case,
    facts: Facts,
    items: Mapping[str, InterventionAssessment],
    best: CombinationAssessment | None,
) -> FamilyLens:
    goals = set(case.case.goals)
    # Per standing once, not per person: a family has many members and four standings.
    wanted = {s: tuple(g for g in of if g in goals) for s, of in STANDING_GOALS.items()}
    persons = []
    for p in case.persons:
        ref = f"person:{p.id}"
        standing = _standing(p.role, ref, facts)
        persons.append(PersonGoals(ref, standing, wanted[standing]))
    name = (case.case.family or "").strip().lower()
    grounds = tuple(
        SelectionGround(g, bool(name) and name in g.lower()) for g in case.case.selection_grounds
    )
    members = best.ids if best is not None else ()
    covered = set(best.domains) if best is not None else set()
    notes: dict[str, None] = {}
    for i in members:
        note = items[i].intervention.safety_note
        if note:
            notes[note] = None
    return FamilyLens(
        persons=tuple(persons),
        family_goals=tuple(Goal(g) for g in case.case.goals if g in FAMILY_GOALS),
        grounds=grounds,
        coordinator_assigned=case.case.coordinator_assigned,
        covered=tuple(d for d in COVERED if d in covered),
        uncovered=tuple(d for d in COVERED if d not in covered),
        safety_notes=tuple(notes),
        steps=tuple(StepPartners(i, partners(items[i])) for i in members),
    )
