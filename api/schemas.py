"""Request and response models of the HTTP API; the OpenAPI document is generated from these.

The advice itself is the engine's ``Advice`` (the contract of DESIGN.md); an evaluation
response is that advice plus the stored record's ``id`` and ``evaluation`` metadata.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engine.contract import Advice, CitationOut
from engine.ruleset.models import Body


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(BaseModel):
    total: int = Field(description="Aantal items in totaal (zonder paginering).")
    limit: int
    offset: int


# --- evaluations ------------------------------------------------------------------------


class RulesetFileRef(BaseModel):
    id: str
    version: str
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    municipality: str | None = None
    path: str
    sha256: str


class EvaluationMeta(BaseModel):
    """How the advice came about: enough to reproduce it."""

    created_at: dt.datetime
    created_by: str
    case_ref: str | None = Field(
        default=None, description="Id van de opgeslagen casus, als die is beoordeeld."
    )
    requested_municipality: str | None = Field(
        default=None, description="De gevraagde gemeente (query-parameter gemeente)."
    )
    requested_reference_date: dt.date | None = Field(
        default=None, description="De gevraagde peildatum (query-parameter peildatum)."
    )
    input_sha256: str = Field(description="sha256 van de invoer als canonieke JSON.")
    advice_sha256: str = Field(description="sha256 van het advies als canonieke JSON.")
    ruleset_sha256: str
    rulesets: list[RulesetFileRef] = Field(description="De ruleset-bestanden van de bundel.")
    engine_version: str


class DecisionKind(StrEnum):
    accept = "accept"
    adjust = "adjust"
    reject = "reject"


class DecisionIn(_In):
    decision: DecisionKind = Field(
        description="accept: advies overgenomen; adjust: aangepast; reject: niet gevolgd."
    )
    interventions: list[str] = Field(
        default_factory=list,
        description="Gekozen interventie-id's; elk moet in het advies voorkomen.",
        max_length=200,
    )
    motivation: str = Field(
        min_length=1, max_length=20000, description="Motivering van het besluit (verplicht)."
    )
    decided_by: str = Field(
        min_length=1,
        max_length=200,
        description="Namens welk bestuursorgaan, bijv. de burgemeester.",
    )
    withdraws: str | None = Field(
        default=None,
        max_length=36,
        description="Id van het huidige besluit dat dit besluit intrekt en vervangt. "
        "Zonder dit veld is er maar één besluit per beoordeling (409 bij een tweede).",
    )
    legal_basis_motivation: str | None = Field(
        default=None,
        max_length=20000,
        description="Verplicht als een gekozen interventie geen vervulde grondslag heeft: "
        "waarom zij toch wordt gekozen.",
    )

    @field_validator("motivation", "decided_by")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("mag niet leeg zijn")
        return value

    @field_validator("legal_basis_motivation")
    @classmethod
    def _blank_is_absent(cls, value: str | None) -> str | None:
        return value if value is not None and value.strip() else None


class DecisionOut(BaseModel):
    id: str
    evaluation_id: str
    decision: DecisionKind
    interventions: list[str]
    motivation: str
    decided_by: str
    recorded_by: str = Field(description="De aangemelde bestuurder die het vastlegde.")
    created_at: dt.datetime
    withdraws: str | None = Field(default=None, description="Het besluit dat dit intrekt.")
    withdrawn_by: str | None = Field(
        default=None, description="Het besluit dat dit heeft ingetrokken, als dat er is."
    )
    legal_basis_motivation: str | None = None


class EvaluationOut(Advice):
    """The advice (contract of DESIGN.md) with the id under which it is stored."""

    id: str = Field(description="Id van de opgeslagen beoordeling.")
    evaluation: EvaluationMeta
    decisions: list[DecisionOut] = Field(default_factory=list)


class EvaluationSummary(BaseModel):
    id: str
    case_key: str
    case_ref: str | None = None
    municipality: str | None = None
    reference_date: dt.date
    ruleset_sha256: str
    engine_version: str
    created_at: dt.datetime
    created_by: str
    decision: DecisionKind | None = Field(
        default=None, description="Het geldende besluit (niet ingetrokken)."
    )


class EvaluationPage(Page):
    items: list[EvaluationSummary]


class DifferenceOut(BaseModel):
    path: str = Field(description="JSON-pad in het advies.")
    stored: Any = None
    replayed: Any = None


class ReplayOut(BaseModel):
    evaluation_id: str
    identical: bool = Field(description="Geeft de herhaling precies hetzelfde advies?")
    differences: list[DifferenceOut] = Field(default_factory=list)
    differences_truncated: bool = False
    input_sha256: str
    input_intact: bool = Field(description="Klopt de opgeslagen invoer nog met zijn sha256?")
    municipality: str | None = None
    reference_date: dt.date
    stored_ruleset_sha256: str
    current_ruleset_sha256: str
    ruleset_changed: bool = Field(
        description="De huidige rulesets wijken af van die van de opgeslagen beoordeling."
    )
    changed_rulesets: list[str] = Field(
        default_factory=list,
        description="Ruleset-bestanden die zijn toegevoegd, vervallen of gewijzigd.",
    )
    stored_engine_version: str
    current_engine_version: str
    message: str = Field(description="Conclusie in het Nederlands.")


# --- cases ------------------------------------------------------------------------------


class CaseRecord(BaseModel):
    id: str = Field(description="Id van de opgeslagen casus.")
    case_key: str = Field(description="Kenmerk uit de casus (case.id).")
    municipality: str
    revision: int = Field(description="Telt op bij elke wijziging.")
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    updated_by: str
    data: dict[str, Any] = Field(description="De casus zoals opgeslagen (schema: Case).")


class CaseSummary(BaseModel):
    id: str
    case_key: str
    municipality: str
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime


class CasePage(Page):
    items: list[CaseSummary]


# --- catalogue --------------------------------------------------------------------------


class ConcernInfo(BaseModel):
    """A concern of the human measure as the ruleset writes it; an advice names it by id."""

    id: str
    severity: str
    text: str = Field(
        description="De tekst; een advies dat het zorgpunt 'unknown' noemt, leest haar als "
        "'Mogelijk: ... Dit is nog niet vast te stellen.'"
    )
    mitigations: list[str]
    mitigating_interventions: list[str]


class FactorInfo(BaseModel):
    """A desirability factor; a reason in the summary points here with ``factor``."""

    weight: float
    goal: str | None = None
    text: str


class InterventionInfo(BaseModel):
    """Everything the ruleset fixes for an intervention: what the summary of an advice
    refers to by id (ADR 0014), in the full form's words."""

    id: str
    name: str
    domain: str
    formal: bool
    supporting: bool
    authority: str
    competent_body: Body = Field(description="Wie volgens de wet bevoegd is (uit de ruleset).")
    target: str
    ruleset: str | None = Field(default=None, description="Ruleset die de interventie bevat.")
    citations: list[CitationOut]
    case_law: list[str]
    goals: list[str] = Field(description="Doelen waaraan de interventie bijdraagt.")
    intrusiveness: int
    lighter_alternatives: list[str]
    incompatible_with: list[str]
    procedure: list[str]
    partners: list[str]
    notes: list[str] = Field(
        description="Wat in de wet niet is geverifieerd, en de veiligheidsnotitie."
    )
    concerns: list[ConcernInfo] = Field(description="De zorgpunten van de menselijke maat.")
    desirability: list[FactorInfo] = Field(
        description="De factoren van de wenselijkheid, in volgorde: `factor` in een advies "
        "is de plaats in deze lijst."
    )


class BundleInfo(BaseModel):
    id: str
    version: str
    sha256: str


class InterventionList(BaseModel):
    municipality: str | None
    reference_date: dt.date
    ruleset: BundleInfo
    rulesets: list[RulesetFileRef]
    overrides: list[str] = Field(
        description="Waar de gemeentelijke laag een landelijke waarde zet."
    )
    questions: dict[str, str] = Field(
        description="De vraag bij elk feit dat een advies als ontbrekend kan noemen."
    )
    interventions: list[InterventionInfo]


class RulesetInfoOut(BaseModel):
    id: str
    title: str
    kind: str
    issuer: str
    version: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    municipality: str | None = None
    path: str
    sha256: str
    interventions: list[str]


class RulesetList(BaseModel):
    sha256: str = Field(
        description="De rulesets-map die nu geldt (GET /v1/rulesets/{sha256} geeft haar "
        "bestanden; POST /v1/impact vergelijkt ermee)."
    )
    municipalities: list[str]
    rulesets: list[RulesetInfoOut]


# --- audit and health -------------------------------------------------------------------


class AuditEntry(BaseModel):
    id: int
    at: dt.datetime
    who: str
    action: str
    object_type: str
    object_id: str | None = None
    detail: dict[str, Any] | None = None
    reason: str | None = Field(default=None, description="Waarom, als het is opgegeven.")


class AuditPage(Page):
    items: list[AuditEntry]


class Health(BaseModel):
    status: str
    engine_version: str
    database: str
    rulesets: int


# --- sign-in ----------------------------------------------------------------------------


class TokenOut(BaseModel):
    access_token: str
    token_type: str = Field(description="Altijd `bearer`.")
    expires_in: int = Field(description="Geldigheid in seconden.")


class SessionOut(BaseModel):
    csrf_token: str = Field(description="Mee te sturen als X-CSRF-Token bij een wijziging.")
    expires_in: int


class Me(BaseModel):
    subject: str
    role: str = Field(description="jurist, bestuurder, beleidsmedewerker of auditor.")
    municipality: str


# --- ruleset versions and impact -----------------------------------------------------------

SHA256_PATTERN = r"^[0-9a-f]{64}$"


class StoredRulesetFile(BaseModel):
    path: str = Field(description="Het pad zoals het advies het noemt.")
    sha256: str = Field(description="sha256 van de bytes van het bestand.")
    size: int = Field(description="Aantal bytes.")
    content: str = Field(description="De inhoud van het bestand (UTF-8), precies zoals gebruikt.")


class StoredRulesets(BaseModel):
    sha256: str = Field(
        description="De sha256 van de bundel (zoals in `ruleset.sha256` van een advies) "
        "of van een geladen rulesets-map."
    )
    kind: str = Field(
        description="`bundle`: de bundel van één beoordeling (landelijk plus de gemeente op "
        "een peildatum); `folder`: een hele rulesets-map die is geladen."
    )
    created_at: dt.datetime
    in_force: bool = Field(description="Is dit de rulesets-map die nu geldt?")
    files: list[StoredRulesetFile]


class ReloadOut(BaseModel):
    sha256: str = Field(description="De rulesets-map die nu geldt.")
    previous_sha256: str | None = Field(description="De map die gold vóór het laden.")
    changed: bool = Field(description="Is er iets veranderd?")
    changed_files: list[str] = Field(description="Toegevoegde, vervallen of gewijzigde bestanden.")
    files: int
    loaded_at: dt.datetime
    loaded_by: str
    message: str = Field(description="Conclusie in het Nederlands.")


class UploadedRulesetFile(_In):
    path: str = Field(
        min_length=1,
        max_length=500,
        description="Pad binnen de rulesets-map, bijv. `nl/opiumwet-13b.yaml`.",
    )
    content: str = Field(description="De YAML-tekst van het bestand.")


class ImpactIn(_In):
    """Een voorstel: een bewaarde rulesets-map (sha256) of een complete map als bestanden."""

    proposal: str | None = Field(
        default=None,
        pattern=SHA256_PATTERN,
        description="sha256 van een bewaarde rulesets-map of bundel (GET /v1/rulesets/{sha256}).",
    )
    files: list[UploadedRulesetFile] | None = Field(
        default=None,
        max_length=500,
        description="Of: alle bestanden van de voorgestelde rulesets-map.",
    )
    basis: str | None = Field(
        default=None,
        pattern=SHA256_PATTERN,
        description="sha256 van de basis; standaard de rulesets die nu gelden.",
    )
