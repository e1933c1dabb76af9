"""The shape of a ruleset file; the JSON Schema in ``rulesets/schema.json`` is generated here.

Keys are English identifiers, content is Dutch: policy staff fill in names, questions
and explanations; the engine relies on the keys. Every model forbids unknown keys so a
typo is reported at its line instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from engine.ruleset.conditions import Condition, Scalar

IDENTIFIER = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
SNAKE = r"^[a-z][a-z0-9_]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, populate_by_name=True)


class Kind(StrEnum):
    wet = "wet"
    beleidsregel = "beleidsregel"
    informeel = "informeel"


class Domain(StrEnum):
    repression = "repression"
    prevention = "prevention"
    resilience = "resilience"
    care = "care"


class Target(StrEnum):
    case = "case"
    person = "person"
    premises = "premises"
    business = "business"


class Severity(StrEnum):
    info = "info"
    warning = "warning"
    blocking = "blocking"


class Body(StrEnum):
    """Who holds the power, as the law names it; a ruleset states it, the engine never guesses.

    Municipal bodies decide; partners of the gezagsvierhoek and the professionals act on
    their own powers; a third party (a landlord) acts for itself, so its action is a
    consequence to weigh, never a municipal measure to recommend.
    """

    mayor = "mayor"
    municipal_executive = "municipal_executive"
    municipal_council = "municipal_council"
    permit_authority = "permit_authority"
    enforcing_authority = "enforcing_authority"
    police = "police"
    public_prosecutor = "public_prosecutor"
    halt = "halt"
    partnership = "partnership"
    professional = "professional"
    landlord = "landlord"

    @property
    def third_party(self) -> bool:
        return self is Body.landlord


class Citation(_Model):
    """One article of one law; ``verified: false`` marks what the catalogue left UNVERIFIED."""

    law: str = Field(description="Naam van de wet, bijv. Opiumwet.")
    bwb: str | None = Field(
        default=None, description="BWB-id: BWBR gevolgd door 7 cijfers, bijv. BWBR0001941."
    )
    article: str = Field(description="Artikel, bijv. 13b.")
    paragraph: str | None = Field(default=None, description="Lid.")
    sub: str | None = Field(default=None, description="Onderdeel, bijv. a.")
    url: str | None = Field(
        default=None,
        description="Link in jci1.3-vorm: https://wetten.overheid.nl/jci1.3:c:BWBR...&artikel=...",
    )
    verified: bool = Field(
        default=True, description="false: nog niet geverifieerd; de uitleg zegt dat erbij."
    )
    note: str | None = None


class CaseLaw(_Model):
    ecli: str = Field(pattern=r"^ECLI:[A-Z]{2}:[A-Z0-9]+:\d{4}:[A-Za-z0-9.]+$")
    summary: str = Field(description="Waar de uitspraak voor staat, in één zin.")


class Parameter(_Model):
    """A policy number (threshold, duration) that a municipal layer may set."""

    value: Scalar | list[Scalar]
    unit: str | None = None
    description: str
    minimum: float | None = Field(default=None, description="Wettelijke ondergrens.")
    maximum: float | None = Field(default=None, description="Wettelijke bovengrens.")
    source: str | None = Field(default=None, description="Waar het getal vandaan komt.")
    policy_choice: bool = Field(
        default=False, description="true: een beleidskeuze, geen wettelijke regel."
    )


class DerivedFact(_Model):
    """A concept (begrip) such as "handelshoeveelheid", derived from other facts."""

    id: str = Field(pattern=SNAKE)
    subject: str = Field(description="Waarover het begrip gaat: finding, premises, person, ...")
    label: str = Field(description="Nederlandse naam van het begrip.")
    question: str = Field(description="Vraag aan de jurist als de gegevens ontbreken.")
    condition: Condition
    sources: list[Citation] = Field(default_factory=list)


class Mitigation(_Model):
    text: str
    intervention: str | None = Field(
        default=None, description="Id van een interventie die deze mitigatie uitvoert."
    )


class Concern(_Model):
    """A human-measure check: when ``condition`` holds, the advice raises this concern."""

    id: str = Field(pattern=IDENTIFIER)
    severity: Severity
    condition: Condition
    text: str = Field(description="Wat de burgemeester moet wegen.")
    mitigations: list[Mitigation] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)
    case_law: list[CaseLaw] = Field(default_factory=list)


class Factor(_Model):
    """One reason an intervention is (un)desirable for the case's goals."""

    goal: str | None = Field(default=None, description="Doel uit de casus dat dit dient.")
    weight: float = Field(ge=-1, le=1, description="Bijdrage aan de wenselijkheid.")
    reason: str
    condition: Condition | None = None


class ProcedureStep(_Model):
    id: str = Field(pattern=IDENTIFIER)
    text: str
    citation: Citation | None = None
    urgent_exception: str | None = Field(
        default=None, description="Wanneer de stap bij spoed mag vervallen."
    )


class LegalBasis(_Model):
    citations: list[Citation] = Field(default_factory=list)
    condition: Condition | None = Field(
        default=None, description="Wanneer de grondslag geldt; leeg: geen drempel (informeel)."
    )
    case_law: list[CaseLaw] = Field(default_factory=list)


class Intervention(_Model):
    id: str = Field(pattern=IDENTIFIER)
    name: str
    domain: Domain
    formal: bool
    authority: str = Field(description="Bevoegd orgaan, in woorden (met mandaat of verzoeker).")
    competent_body: Body = Field(
        description="Het bevoegde orgaan volgens de wet: mayor (burgemeester), municipal_executive "
        "(college), municipal_council (raad), permit_authority (wie op de beschikking beslist), "
        "enforcing_authority (wie het overtreden voorschrift uitvoert, art. 125 Gemeentewet), "
        "police, public_prosecutor, halt, partnership (samenwerkingsverband), professional "
        "(meldcode), landlord (verhuurder: een gevolg, geen gemeentelijke maatregel)."
    )
    target: Target
    legal_basis: LegalBasis = Field(default_factory=LegalBasis)
    procedure: list[ProcedureStep] = Field(default_factory=list)
    desirability: list[Factor] = Field(default_factory=list)
    human_measure: list[Concern] = Field(default_factory=list)
    intrusiveness: int = Field(default=1, ge=0, le=5, description="0 licht .. 5 zeer zwaar.")
    lighter_alternatives: list[str] = Field(default_factory=list)
    incompatible_with: list[str] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)
    safety_note: str | None = None
    speaks_to_person: bool = Field(
        default=False,
        description="true: een brief of gesprek; het advies noemt aan wie en waarom "
        "(nooit een slachtoffer of doelwit als overtreder).",
    )
    supporting: bool = Field(
        default=False,
        description="true: een informatieroute of randvoorwaarde (bijv. bestuurlijke rapportage, "
        "RIEC-overleg) die andere interventies draagt, geen maatregel richting de familie.",
    )
    uncertain: list[str] = Field(
        default_factory=list, description="Wat nog niet geverifieerd is (UNVERIFIED)."
    )


class LadderStep(_Model):
    measure: str = Field(description="Bijv. waarschuwing of sluiting.")
    intervention: str | None = Field(default=None, description="Interventie die de stap zet.")
    duration_months: float | None = Field(default=None, ge=0)


class Ladder(_Model):
    """An escalation ladder: how earlier interventions move the next step."""

    id: str = Field(pattern=IDENTIFIER)
    intervention: str
    label: str
    applies_when: Condition | None = None
    counts: list[str] = Field(
        default_factory=list, description="Soorten eerdere interventies die als stap tellen."
    )
    window_years: float = Field(default=3, gt=0)
    steps: list[LadderStep] = Field(min_length=1)
    source: Citation | None = None


class Refinement(_Model):
    """A municipal narrowing of a national intervention (it may add, never widen)."""

    intervention: str
    extra_condition: Condition | None = Field(
        default=None, description="Extra voorwaarde: beperkt de inzet, verruimt nooit."
    )
    legal_basis: dict[str, Any] | None = Field(
        default=None,
        description="Niet toegestaan in een gemeentelijke laag; alleen hier om dat te melden.",
    )
    note: str | None = None


class RulesetFile(_Model):
    id: str = Field(pattern=IDENTIFIER)
    title: str
    kind: Kind
    issuer: str
    version: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    municipality: str | None = Field(
        default=None, description="Verplicht voor een gemeentelijke laag (beleidsregel)."
    )
    sources: list[Citation] = Field(default_factory=list)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    facts: list[DerivedFact] = Field(default_factory=list)
    interventions: list[Intervention] = Field(default_factory=list)
    ladders: list[Ladder] = Field(default_factory=list)
    refinements: list[Refinement] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    schema = RulesetFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Afwegingskader ruleset"
    return schema
