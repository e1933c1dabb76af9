"""The Advice contract: what the engine returns for a case (DESIGN.md), and nothing else.

Enum values are English, texts Dutch. Every loaded intervention appears whatever its
status, so a lawyer sees what was considered and rejected, not only what is recommended.
These models are written once, by ``engine.explain.render``; nothing in the engine reads
them back.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from engine.inference.status import Status
from engine.inference.verification import ENGINE
from engine.ruleset.models import Body


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class VerificationStatus(StrEnum):
    agreed = "agreed"
    mismatch = "mismatch"
    pending = "pending"


class SearchOutcome(StrEnum):
    exact = "exact"
    best_found = "best_found"


#: Where the summary leaves out what the ruleset fixes (ADR 0014).
FIXED = "Alleen in de volledige vorm; de samenvatting verwijst met het interventie-id naar GET /v1/interventions."


#: A sentence the summary leaves out because its fields say the same.
WORDED = "Alleen in de volledige vorm: dezelfde velden, in een zin."


class RulesetInfo(_Out):
    id: str
    version: str | None = Field(default=None, description=FIXED)
    sha256: str
    municipality: str | None = None
    files: list[dict[str, Any]] = Field(default_factory=list)
    overrides: list[str] = Field(
        default_factory=list, description="Waar de gemeentelijke laag een landelijke waarde zet."
    )


class CitationOut(_Out):
    law: str
    article: str
    paragraph: str | None = None
    sub: str | None = None
    bwb: str | None = None
    url: str | None = None
    verified: bool = True
    text: str = Field(description="Leesbare verwijzing, bijv. art. 13b lid 1 sub a Opiumwet.")


class ConditionResult(_Out):
    """One node of the proof or refutation tree, with the case facts it rests on."""

    text: str
    status: Status
    fact: str | None = None
    found: Any = None
    required: str | None = None
    evidence: list[str] = Field(default_factory=list, description="Plaats in de casus.")
    children: list[ConditionResult] = Field(default_factory=list)


class TargetResult(_Out):
    target: str = Field(description="Het onderwerp, bijv. premises:W1.")
    status: Status
    conditions: list[ConditionResult] = Field(default_factory=list)


class LegalBasisOut(_Out):
    status: Status
    citations: list[CitationOut] = Field(default_factory=list, description=FIXED)
    conditions: list[ConditionResult] = Field(default_factory=list)
    targets: list[TargetResult] = Field(default_factory=list)
    case_law: list[str] = Field(default_factory=list)


class Reason(_Out):
    weight: float | None = Field(
        default=None,
        description="In de samenvatting alleen bij een reden die niet uit de ruleset komt "
        "(de trede van de gemeentelijke ladder); anders wijst `factor` haar aan.",
    )
    text: str | None = Field(default=None, description="Zie `weight`.")
    goal: str | None = Field(default=None, description="Zie `weight`.")
    factor: int | None = Field(
        default=None,
        description="De plaats (vanaf 0) van deze reden in `desirability` van de interventie "
        "in GET /v1/interventions (gewicht, doel en tekst); leeg bij een reden die niet uit "
        "de ruleset komt.",
    )


class DesirabilityOut(_Out):
    score: float = 0.0
    reasons: list[Reason] = Field(default_factory=list)


class ConcernOut(_Out):
    id: str
    severity: str | None = Field(
        default=None,
        description="In de samenvatting alleen bij een zorgpunt dat niet uit de ruleset komt.",
    )
    status: Status = Status.SATISFIED
    text: str | None = Field(
        default=None,
        description="In de samenvatting alleen bij een zorgpunt dat niet uit de ruleset komt; "
        "de tekst en mitigaties van de zorgpunten van de ruleset staan in GET /v1/interventions.",
    )
    mitigations: list[str] = Field(default_factory=list)
    mitigating_interventions: list[str] = Field(default_factory=list)
    target: str | None = None
    persons: list[str] = Field(
        default_factory=list,
        description="De bewoners (persoon-refs) die de gevolgen van dit zorgpunt dragen "
        "zonder dat een bevinding op het pand hen noemt: hun belang wordt met naam gewogen. "
        "In de volledige vorm zegt `persons_text` wie zij zijn en waarom.",
    )
    persons_text: str | None = Field(
        default=None,
        description="Alleen in de volledige vorm: de bewoners uit `persons` met naam, waarom "
        "hun belang zwaar weegt (minderjarig, oudere bewoner, op de woning aangewezen, geen rol "
        "in de bevindingen) en of zij wisten of redelijkerwijs hadden kunnen weten.",
    )


class HumanMeasureOut(_Out):
    concerns: list[ConcernOut] = Field(default_factory=list)
    proportionality: str | None = None
    subsidiarity: str | None = None


class MissingFact(_Out):
    fact: str
    question: str | None = Field(
        default=None,
        description="De vraag (alleen in de volledige vorm; voor de samenvatting staat zij "
        "per feit in `questions` van GET /v1/interventions).",
    )
    subject: str | None = Field(
        default=None, description="Over wie of wat de vraag gaat (alleen in de volledige vorm)."
    )
    subjects: list[str] = Field(
        default_factory=list,
        description="Alle onderwerpen waarover dezelfde vraag gaat (de samenvatting stelt "
        "een vraag één keer); het eerste staat ook in `subject`.",
    )
    affects: list[str] = Field(default_factory=list, description="Wat het antwoord kan veranderen.")


class EscalationOut(_Out):
    ladder: str
    label: str
    step: int
    measure: str
    duration_months: float | None = None
    prior: list[str] = Field(default_factory=list)
    source: str
    step_intervention: str | None = Field(
        default=None,
        description="Interventie die deze trede zet, als het een andere is.",
    )
    earlier_steps: list[str] = Field(
        default_factory=list, description="Interventies van eerdere treden, die al gezet zijn."
    )
    text: str | None = None


class InterventionAdvice(_Out):
    """One intervention. The summary has what this case decided; what the ruleset fixes
    (name, authority, citations, ...) is in the full form, and for the summary in
    ``GET /v1/interventions`` under the same id and bundle sha256."""

    id: str
    name: str | None = Field(default=None, description=FIXED)
    domain: str | None = Field(default=None, description=FIXED)
    formal: bool | None = Field(default=None, description=FIXED)
    supporting: bool | None = Field(default=None, description=FIXED)
    authority: str | None = Field(default=None, description=FIXED)
    competent_body: Body | None = Field(
        default=None, description="Het bevoegde orgaan volgens de ruleset. " + FIXED
    )
    target: str | None = Field(default=None, description=FIXED)
    legal_basis: LegalBasisOut
    desirability: DesirabilityOut | None = Field(
        default=None,
        description="In de samenvatting alleen waar de grondslag vervuld of nog onzeker is.",
    )
    human_measure: HumanMeasureOut = Field(default_factory=HumanMeasureOut)
    missing_facts: list[MissingFact] = Field(default_factory=list)
    escalation: EscalationOut | None = None
    intrusiveness: int | None = Field(default=None, description=FIXED)
    lighter_alternatives: list[str] = Field(default_factory=list)
    incompatible_with: list[str] = Field(default_factory=list)
    already_taken: list[str] = Field(
        default_factory=list, description="Eerdere interventies van deze soort in de casus (ids)."
    )
    procedure: list[str] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list,
        description="In de samenvatting alleen wat deze casus toevoegt; wat de ruleset "
        "niet heeft geverifieerd en de veiligheidsnotitie staan in GET /v1/interventions.",
    )
    explanation: str | None = Field(
        default=None, description="De uitleg in één alinea (alleen in de volledige vorm)."
    )


class Combination(_Out):
    rank: int
    interventions: list[str]
    domains: list[str]
    score: float
    explanation: str | None = Field(
        default=None, description="De combinatie in woorden (alleen in de volledige vorm)."
    )
    members: list[dict[str, Any]] = Field(default_factory=list)
    alternatives: list[str] = Field(default_factory=list)
    concerns: list[dict[str, Any]] = Field(
        default_factory=list, description="Zorgpunten (waarschuwing) die deze combinatie meedraagt."
    )
    missing_facts: list[MissingFact] = Field(
        default_factory=list,
        description="Feiten waarvan het antwoord de rangschikking kan veranderen.",
    )
    consequences: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Wat een derde (bijv. de verhuurder) na een lid van deze combinatie kan "
        "doen: een gevolg om te wegen, geen gemeentelijke maatregel.",
    )
    why_this_order: list[str] = Field(
        default_factory=list,
        description="Waarom deze volgorde, in woorden: de doelen die de combinatie dient, "
        "wat haar minder wenselijk maakt en wat de volgende combinatie anders doet. De "
        "score zelf is alleen een rangorde.",
    )


class PersonGoalsOut(_Out):
    person: str = Field(description="Persoon-id.")
    standing: str = Field(description="minor, key_figure, involved of other.")
    goals: list[str] = Field(default_factory=list, description="Doelen die deze persoon raken.")
    text: str | None = Field(default=None, description=WORDED)


class SelectionGroundOut(_Out):
    text: str
    names_family: bool = Field(
        description="true: de grond noemt de familienaam, wat nooit een selectiegrond is."
    )
    assessment: str = Field(description="Wat het advies van deze grond vindt.")


class StepPartnersOut(_Out):
    intervention: str
    partners: list[str] = Field(description="mayor, police, prosecutor, alderman.")
    text: str | None = Field(default=None, description=WORDED)


class FamilyLensOut(_Out):
    """De gezinsaanpak: één gezin, één plan, één regisseur (issue 11, punt 4)."""

    persons: list[PersonGoalsOut] = Field(default_factory=list)
    family_goals: list[str] = Field(default_factory=list)
    family_goals_text: str | None = None
    selection_grounds: list[SelectionGroundOut] = Field(default_factory=list)
    selection_grounds_text: str | None = Field(
        default=None, description="Als er geen selectiegronden zijn: wat dan ontbreekt."
    )
    coordinator_assigned: bool | None = None
    coordinator_recommended: bool
    coordinator: str = Field(description="Regie: aangewezen, of het advies er een aan te wijzen.")
    covered: list[str] = Field(default_factory=list)
    uncovered: list[str] = Field(default_factory=list)
    coverage: str = Field(description="Dekking van repressie, preventie en weerbaarheid.")
    safety: list[str] = Field(
        default_factory=list, description="Veiligheid van professionals: een stap van het plan."
    )
    steps: list[StepPartnersOut] = Field(
        default_factory=list,
        description="Per stap van de aanbevolen combinatie de partners van de gezagsvierhoek.",
    )


class Verification(_Out):
    engine: str = ENGINE
    status: VerificationStatus = VerificationStatus.pending
    differences: list[str] = Field(default_factory=list)


class Advice(_Out):
    case_id: str
    reference_date: dt.date
    municipality: str | None = None
    ruleset: RulesetInfo
    engine_version: str
    interventions: list[InterventionAdvice] = Field(
        default_factory=list, description="Elke geladen interventie, wat haar status ook is."
    )
    combinations: list[Combination] = Field(default_factory=list)
    missing_facts: list[MissingFact] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    verification: Verification = Field(default_factory=Verification)
    combination_search: SearchOutcome = SearchOutcome.exact
    family: FamilyLensOut | None = Field(
        default=None, description="De gezinsaanpak van de aanbevolen combinatie."
    )
