"""The typed internal assessment: what weighing, combination, competence and the memo share.

Meaning travels here as types (statuses, severities, goals, bodies, ids as fields), never
as prose that another module parses back; Dutch text is made once, when rendering. The
evaluator outcomes stay attached so a proof tree is built only when someone asks for one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from engine.case.flatten import Facts
from engine.case.models import Goal
from engine.inference.evaluate import Evaluator
from engine.inference.legal_basis import TargetVerdict
from engine.inference.status import Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.models import Body, Domain, Intervention, Severity

if TYPE_CHECKING:
    from engine.weigh.family import FamilyLens


class MissingFact(NamedTuple):
    """A fact whose answer could change the outcome, and exactly what it could change. A
    tuple, like the evaluator's ``Missing``: weighing makes one per open question of every
    intervention and concern, and a frozen dataclass costs twice as much to make."""

    fact: str
    ref: str
    question: str
    intervention_id: str
    concern_id: str | None = None


@dataclass(frozen=True, slots=True)
class Reason:
    weight: float
    text: str
    goal: Goal | None = None
    #: Its place in the intervention's desirability factors; None for a reason the
    #: ruleset does not write (the municipal ladder's step).
    factor: int | None = None


@dataclass(frozen=True, slots=True)
class Desirability:
    score: float = 0.0
    reasons: tuple[Reason, ...] = ()


class Bears(StrEnum):
    """Why a resident who bears a measure on the premises is weighed by name."""

    minor = "minor"
    elderly = "elderly"  # reaches the municipal age threshold (``leeftijd_oudere_bewoner``)
    dependent = "dependent"  # depends on this home by care or disability
    victim = "victim"  # a victim or target of a finding there, never its offender
    no_role = "no_role"  # named in none of the findings on these premises


@dataclass(frozen=True, slots=True)
class Affected:
    """A resident who bears the consequences of another's acts: a measure on the premises
    reaches them although no finding there names them, so the balance weighs them by name
    (art. 3:4 lid 2 Awb; ABRvS 28 August 2019, ECLI:NL:RVS:2019:2912)."""

    ref: str
    bears: tuple[Bears, ...]
    #: The case's "knew or could reasonably have known" (``person.culpable``); None: unknown.
    culpable: bool | None = None


class Concern(NamedTuple):
    """A concern raised for one subject. A tuple, like ``MissingFact``: weighing makes one
    per concern and subject of every intervention, and a frozen dataclass costs three
    times as much to make."""

    id: str
    severity: Severity
    status: Status
    text: str
    target: str | None
    mitigations: tuple[str, ...] = ()
    mitigating_interventions: tuple[str, ...] = ()
    #: The residents this concern is about, read from its own condition, without those
    #: the findings name: whose interest is weighed here.
    persons: tuple[Affected, ...] = ()

    @property
    def blocks(self) -> bool:
        """A blocking concern that holds or may hold keeps its intervention out."""
        return self.severity is Severity.blocking and self.status is not Status.NOT_SATISFIED


@dataclass(frozen=True, slots=True)
class EscalationStep:
    ladder: str
    label: str
    step: int
    measure: str
    duration_months: float | None
    prior: tuple[str, ...]
    source: str
    step_intervention: str | None
    earlier_steps: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """A premises in another municipality: that municipality's mayor is competent for it."""

    ref: str
    municipality: str | None


@dataclass(frozen=True, slots=True)
class CareInformation:
    """Findings from the care domain, which may not carry an enforcement decision."""

    findings: tuple[str, ...]


CompetenceNote = Elsewhere | CareInformation


@dataclass(frozen=True, slots=True)
class Later:
    """What an intervention without a legal basis is weighed with, when it is asked for."""

    desirability: Desirability
    concerns: tuple[Concern, ...]
    missing: tuple[MissingFact, ...]
    proportionality: str
    subsidiarity: str | None


#: Each domain by the value the ruleset keeps: making the member with ``Domain(value)`` is
#: slow on 3.11, and so is a cached property's first read, which combining does per item.
_DOMAINS = {d.value: d for d in Domain}


@dataclass(slots=True)
class InterventionAssessment:
    """One intervention weighed for one case. Not frozen, unlike the value objects it
    holds: weighing makes one per intervention of every case, and a frozen dataclass sets
    each of its seventeen fields through ``object.__setattr__``: 4% of the instructions of
    a summary advice. Nothing changes one once made; ``weighed`` makes a new one.
    """

    intervention: Intervention
    status: Status
    targets: tuple[TargetVerdict, ...]
    refs: tuple[str, ...]
    """The subjects the weighing is about: where the basis holds, else where it may."""
    body: Body
    desirability: Desirability = Desirability()
    concerns: tuple[Concern, ...] = ()
    missing: tuple[MissingFact, ...] = ()
    escalation: EscalationStep | None = None
    already_taken: tuple[str, ...] = ()
    #: What competence and information rules say about this case (another mayor, care data).
    competence: tuple[CompetenceNote, ...] = ()
    proportionality: str | None = None
    subsidiarity: str | None = None
    #: Interventions whose (actual) use makes this one possible: a landlord's dissolution
    #: after a closure. Read from the ruleset's own condition, never from text.
    follows: tuple[str, ...] = ()
    #: Lighter interventions the subsidiarity test puts first (feasible, not yet tried):
    #: while one of them can be used, this measure is not admissible (ABRvS 28 August 2019,
    #: ECLI:NL:RVS:2019:2912: necessity before balance).
    lighter_first: tuple[str, ...] = ()
    #: For an intervention without a legal basis: its desirability, concerns, their open
    #: questions, its proportionality and subsidiarity, weighed when someone reads them
    #: (``weighed``).
    #: Nothing of it can change what may be done, and the summary does not show it, but
    #: it was half the work of an advice; the full form and the memo do show it.
    later: Callable[[], Later] | None = field(default=None, compare=False, repr=False)

    def weighed(self) -> InterventionAssessment:
        """This intervention with its weighing complete."""
        if self.later is None:
            return self
        done = self.later()
        return replace(
            self,
            desirability=done.desirability,
            concerns=done.concerns,
            missing=done.missing,
            proportionality=done.proportionality,
            subsidiarity=done.subsidiarity,
            later=None,
        )

    @property
    def id(self) -> str:
        return self.intervention.id

    @property
    def name(self) -> str:
        return self.intervention.name

    @property
    def domain(self) -> Domain:
        return _DOMAINS[self.intervention.domain]

    @property
    def formal(self) -> bool:
        return self.intervention.formal

    @property
    def supporting(self) -> bool:
        return self.intervention.supporting

    @property
    def intrusiveness(self) -> int:
        return self.intervention.intrusiveness

    @property
    def lighter_alternatives(self) -> tuple[str, ...]:
        return tuple(self.intervention.lighter_alternatives)

    @property
    def incompatible_with(self) -> tuple[str, ...]:
        return tuple(self.intervention.incompatible_with)

    @property
    def blocked_by(self) -> tuple[str, ...]:
        # Not cached: combining reads it once or twice per item, and a cached property's
        # first read costs more than that on 3.11 (it takes a lock).
        return tuple(c.id for c in self.concerns if c.blocks)

    @property
    def deferred_to(self) -> str | None:
        """The intervention the ladder prescribes at this step instead of this one, if any."""
        esc = self.escalation
        if esc is not None and esc.step_intervention and esc.step_intervention != self.id:
            return esc.step_intervention
        return None


class Exclusion(StrEnum):
    """Why an intervention is not a candidate for any combination."""

    basis_unknown = "basis_unknown"
    basis_missing = "basis_missing"
    third_party = "third_party"
    supporting = "supporting"
    blocked = "blocked"
    already_taken = "already_taken"
    deferred = "deferred"
    mitigation_unavailable = "mitigation_unavailable"
    lighter_first = "lighter_first"


@dataclass(frozen=True, slots=True)
class Excluded:
    reason: Exclusion
    ids: tuple[str, ...] = ()
    concern: str | None = None


class Clash(StrEnum):
    incompatible = "incompatible"
    lighter_alternative = "lighter_alternative"
    earlier_step = "earlier_step"


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: Clash
    a: str
    b: str
    ladder: str | None = None


class Stake(StrEnum):
    """Why a missing fact matters for a combination."""

    concern = "concern"
    basis = "basis"


class OpenQuestion(NamedTuple):
    """A missing fact that matters for a combination, and why. A tuple, like the missing
    fact it holds: combining makes one per open fact of every member, a frozen dataclass
    costs more than twice as much to make, and a combination's questions are read, never
    changed."""

    fact: MissingFact
    stake: Stake


@dataclass(frozen=True, slots=True)
class CarriedConcern:
    intervention_id: str
    concern: Concern
    mitigated_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Consequence:
    """What a third party may do once a member is carried out (art. 7:231 lid 2 BW)."""

    intervention_id: str
    after: str
    body: Body


class Member(NamedTuple):
    """A member of a combination, in its place. A tuple, as ``OpenQuestion`` is: combining
    makes one per member of each of the best few combinations."""

    id: str
    order: int
    body: Body
    required_by: tuple[tuple[str, str | None], ...] = ()
    """(member, concern) pairs that demand this one as a mitigation; concern ``None``: the
    member's subsidiarity puts this lighter means first."""


@dataclass(frozen=True)
class CombinationAssessment:
    rank: int
    points: int
    members: tuple[Member, ...]
    domains: tuple[Domain, ...]
    concerns: tuple[CarriedConcern, ...]
    questions: tuple[OpenQuestion, ...]
    consequences: tuple[Consequence, ...]

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.members)


@dataclass(frozen=True, slots=True)
class Options:
    """What the combination search saw: why an intervention was no candidate, and which
    candidates cannot go together (for the why-not of each combination)."""

    excluded: dict[str, Excluded]
    conflicts: dict[str, dict[str, Conflict]]
    #: The municipality's caps on members per combination and per domain, if set.
    max_members: int | None = None
    max_per_domain: int | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    case_id: str
    reference_date: dt.date
    municipality: str
    bundle: Bundle
    facts: Facts
    evaluator: Evaluator
    interventions: tuple[InterventionAssessment, ...]
    combinations: tuple[CombinationAssessment, ...]
    options: Options
    exact: bool
    notes: tuple[str, ...] = field(default=())
    #: The family lens of the seed studies (engine/weigh/family.py), decided once here.
    family: FamilyLens | None = None

    def item(self, ident: str) -> InterventionAssessment:
        return next(i for i in self.interventions if i.id == ident)

    def weighed(self) -> Assessment:
        """The assessment with every intervention weighed in full, for the full form and
        the memo; the summary, the combinations and the impact run do without."""
        if all(i.later is None for i in self.interventions):
            return self
        return replace(self, interventions=tuple(i.weighed() for i in self.interventions))
