"""The case a lawyer submits: a pseudonymised family network.

Every attribute is optional because absent means *unknown*, never false: the engine
asks for what is missing instead of assuming. Unknown keys are refused so a misspelt
field cannot silently become "unknown". Field descriptions double as the Dutch question
the advice asks when a rule needs the fact, so the question lives beside the field.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


def ask(question: str, description: str | None = None, **kwargs: Any) -> Any:
    """A case field whose absence the advice turns into ``question``."""
    return Field(
        default=kwargs.pop("default", None),
        description=description or question,
        json_schema_extra={"question": question},
        **kwargs,
    )


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Goal(StrEnum):
    stop_criminal_activity = "stop_criminal_activity"
    undermine_status = "undermine_status"
    liveable_street = "liveable_street"
    prevent_recruitment = "prevent_recruitment"
    help_exit = "help_exit"
    protect_children = "protect_children"


class Role(StrEnum):
    key_figure = "key_figure"
    member = "member"
    partner = "partner"
    child = "child"
    associate = "associate"


class PremisesKind(StrEnum):
    woning = "woning"
    lokaal = "lokaal"
    erf = "erf"
    bedrijfspand = "bedrijfspand"


class Tenure(StrEnum):
    social_rent = "social_rent"
    private_rent = "private_rent"
    owned = "owned"


class FindingKind(StrEnum):
    drugs = "drugs"
    preparatory_materials = "preparatory_materials"
    weapons = "weapons"
    violence = "violence"
    explosives = "explosives"
    nuisance = "nuisance"
    public_order_disturbance = "public_order_disturbance"
    money_laundering_signal = "money_laundering_signal"
    intimidation = "intimidation"
    threat_to_officials = "threat_to_officials"
    domestic_violence = "domestic_violence"
    school_absence = "school_absence"
    signal = "signal"


class Source(StrEnum):
    police_report = "police_report"
    bestuurlijke_rapportage = "bestuurlijke_rapportage"
    official_report = "official_report"
    neighbours = "neighbours"
    intelligence = "intelligence"
    care = "care"
    municipal_inspection = "municipal_inspection"


class Unit(StrEnum):
    gram = "gram"
    plants = "plants"
    pills = "pills"
    pieces = "pieces"


class RelationKind(StrEnum):
    parent = "parent"
    child = "child"
    sibling = "sibling"
    partner = "partner"
    cousin = "cousin"
    uncle = "uncle"
    nephew = "nephew"
    associate = "associate"
    business_partner = "business_partner"
    financier = "financier"


class CaseInfo(_Strict):
    id: str = Field(description="Kenmerk van de casus (gepseudonimiseerd).", min_length=1)
    municipality: str = Field(description="Gemeente die de casus behandelt.", min_length=1)
    reference_date: dt.date | None = Field(
        default=None, description="Peildatum: welke regels en termijnen gelden."
    )
    family: str | None = Field(default=None, description="Naam van het familienetwerk.")
    goals: list[Goal] = Field(default_factory=list, description="Doelen van de aanpak.")
    selection_grounds: list[str] = Field(default_factory=list, description="Selectiegronden.")
    coordinator_assigned: bool | None = ask("Is er een regisseur voor deze casus aangewezen?")
    partners: list[str] = Field(default_factory=list, description="Betrokken partners.")
    information_sharing_basis: str | None = ask(
        "Op welke grondslag worden gegevens gedeeld (WGS, convenant of geen)?"
    )
    apv_woonoverlast_zorgplicht: bool | None = ask(
        "Bevat de APV van de gemeente een zorgplicht tegen woonoverlast op grond van "
        "art. 151d Gemeentewet (VNG-model: art. 2:79 APV)?"
    )
    apv_veiligheidsrisicogebied: bool | None = ask(
        "Heeft de raad de burgemeester in de APV de bevoegdheid gegeven een "
        "veiligheidsrisicogebied aan te wijzen (art. 151b Gemeentewet)?"
    )


class Person(_Strict):
    id: str = Field(min_length=1, description="Pseudoniem, geen naam of BSN.")
    alias: str | None = Field(default=None, description="Roepnaam voor de uitleg (fictief).")
    age: int | None = ask("Hoe oud is deze persoon?", ge=0, le=130)
    birth_year: int | None = ask("In welk jaar is deze persoon geboren?", ge=1890, le=2200)
    role: Role | None = ask("Welke rol heeft deze persoon in het netwerk?")
    vulnerable: bool | None = ask("Is deze persoon kwetsbaar (bijvoorbeeld beperking, ziekte)?")
    in_care: bool | None = ask("Ontvangt deze persoon zorg of hulp?")
    receives_benefits: bool | None = ask("Ontvangt deze persoon een uitkering?")
    culpable: bool | None = ask(
        "Wist deze persoon van de overtreding of is die hem of haar te verwijten?"
    )
    municipality: str | None = ask("In welke gemeente woont deze persoon?")
    works_at: list[str] = Field(
        default_factory=list, description="Plaatsen (pand-id's of gebieden) waar hij werkt."
    )
    works_or_studies_in_area: bool | None = ask(
        "Werkt, leert of krijgt deze persoon zorg in het gebied waarvoor een verbod wordt "
        "overwogen?"
    )
    danger_to_housemates: bool | None = ask(
        "Blijkt uit feiten of omstandigheden dat de aanwezigheid van deze persoon in de woning "
        "ernstig en onmiddellijk gevaar oplevert voor huisgenoten, of is daar een ernstig "
        "vermoeden van?"
    )
    development_threatened: bool | None = ask(
        "Wordt dit kind ernstig in zijn ontwikkeling bedreigd?"
    )
    voluntary_help_failed: bool | None = ask(
        "Is vrijwillige hulp geweigerd of onvoldoende gebleken om de bedreiging af te wenden?"
    )


class Relation(_Strict):
    from_: str = Field(alias="from", description="Persoon-id.")
    to: str = Field(description="Persoon-id.")
    kind: RelationKind


class Premises(_Strict):
    id: str = Field(min_length=1)
    kind: PremisesKind | None = ask("Wat voor pand is het: woning, lokaal, erf of bedrijfspand?")
    publicly_accessible: bool | None = ask("Is het lokaal voor het publiek toegankelijk?")
    municipality: str | None = ask("In welke gemeente ligt het pand?")
    tenure: Tenure | None = ask("Is het pand sociale huur, particuliere huur of eigendom?")
    residents: list[str] = Field(default_factory=list, description="Persoon-id's van bewoners.")
    owner: str | None = Field(default=None, description="Eigenaar of verhuurder.")
    medical_practice: bool | None = ask(
        "Is het pand een apotheek of praktijk van arts, tandarts of dierenarts (art. 13b lid 2)?"
    )
    special_bond: bool | None = ask("Hebben de bewoners een bijzondere band met de woning?")
    known_drug_premises: bool | None = ask("Is het adres bekend als drugspand?")
    public_order_disturbed: bool | None = ask(
        "Verstoren gedragingen in of bij het pand de openbare orde rond het pand, ernstig en "
        "herhaald (bijvoorbeeld overlastmeldingen, bestuurlijke rapportage)?"
    )
    apv_stay_ban: bool | None = ask("Verbiedt de APV het verblijf in een gesloten woning?")
    regulatory_breach: bool | None = ask(
        "Is in of bij het pand een overtreding van een wettelijk voorschrift vastgesteld "
        "(omgevingsplan, APV, bouw- of gebruiksregels)?"
    )


class Permit(_Strict):
    kind: str = Field(description="Bijvoorbeeld exploitatievergunning of alcoholwetvergunning.")
    status: str | None = Field(default=None, description="aangevraagd, verleend, ingetrokken.")
    bibob_danger: str | None = ask(
        "Wat is de uitkomst van het Bibob-onderzoek of LBB-advies voor deze vergunning: "
        "'ernstig' gevaar, 'mindere_mate' van gevaar of 'geen' gevaar?"
    )


class Business(_Strict):
    id: str = Field(min_length=1)
    kind: str | None = ask("Wat voor bedrijf is het (bijvoorbeeld horeca)?")
    premises: str | None = Field(default=None, description="Pand-id.")
    permits: list[Permit] = Field(default_factory=list)
    owners: list[str] = Field(default_factory=list, description="Persoon-id's.")
    managers: list[str] = Field(default_factory=list, description="Persoon-id's.")
    financiers: list[str] = Field(default_factory=list, description="Persoon-id's.")


class Finding(_Strict):
    id: str = Field(min_length=1)
    date: dt.date | None = ask("Op welke datum is dit vastgesteld?")
    kind: FindingKind
    premises: str | None = Field(default=None, description="Pand-id waar het is aangetroffen.")
    persons: list[str] = Field(default_factory=list, description="Betrokken persoon-id's.")
    place: str | None = Field(default=None, description="Plaats buiten een pand (gebied).")
    substance: str | None = ask("Welk middel is aangetroffen?")
    drug_list: str | None = ask("Staat het middel op lijst I of lijst II van de Opiumwet?")
    amount: float | None = ask("Hoeveel is er aangetroffen?", ge=0)
    unit: Unit | None = ask("In welke eenheid is de hoeveelheid (gram, planten, pillen)?")
    trade_quantity: bool | None = ask(
        "Gaat het om meer dan een hoeveelheid voor eigen gebruik (handelshoeveelheid)?"
    )
    dealing_indications: bool | None = ask(
        "Zijn er andere aanwijzingen voor handel (verpakkingsmateriaal, weegschaal, "
        "contant geld, dealermeldingen)?"
    )
    serious: bool | None = ask("Is de verstoring ernstig?")
    leading_role: bool | None = ask("Had de persoon een leidende rol?")
    fear_of_repetition: bool | None = ask("Is er ernstige vrees voor herhaling?")
    source: Source | None = ask("Wat is de bron van deze bevinding?")
    proven: bool | None = ask("Is dit feit bewezen of vastgesteld (niet alleen een vermoeden)?")
    preparatory_category: str | None = ask(
        "Wat voor voorwerpen of stoffen zijn aangetroffen: 'harddrugsproductie' (art. 10a lid 1 "
        "onder 3° Opiumwet), 'hennepteelt' (art. 11a Opiumwet), 'geld', 'vervoermiddel' of "
        "'anders'?"
    )
    production_purpose: bool | None = ask(
        "Wijzen aard, hoeveelheid of combinatie van de voorwerpen of stoffen erop dat ze bestemd "
        "zijn voor productie of teelt, of rechtvaardigen ze een ernstig vermoeden daarvan?"
    )
    acute: bool | None = ask("Is de verstoring acuut (nu gaande of direct dreigend)?")


class PriorIntervention(_Strict):
    id: str | None = None
    kind: str = Field(description="Interventie-id of ladderstap, bijv. waarschuwing.")
    date: dt.date | None = ask("Wanneer is deze eerdere interventie ingezet?")
    target: str | None = Field(default=None, description="Pand-, persoon- of bedrijf-id.")
    outcome: str | None = Field(default=None, description="Bijvoorbeeld herhaling, escalatie.")
    carried_out: bool | None = ask(
        "Is deze maatregel daadwerkelijk opgelegd en uitgevoerd (niet alleen een voornemen)?"
    )


class Case(_Strict):
    case: CaseInfo
    persons: list[Person] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    premises: list[Premises] = Field(default_factory=list)
    businesses: list[Business] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    prior_interventions: list[PriorIntervention] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> Case:
        """Dangling ids would make facts silently unknown; name them instead."""
        ids: dict[str, set[str]] = {
            "persons": {p.id for p in self.persons},
            "premises": {p.id for p in self.premises},
            "businesses": {b.id for b in self.businesses},
        }
        for kind, items in (("persons", self.persons), ("premises", self.premises)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise ValueError(f"{kind}: id '{item.id}' komt twee keer voor")
                seen.add(item.id)
        problems: list[str] = []

        def check(where: str, ref: str | None, kind: str) -> None:
            if ref is not None and ref not in ids[kind]:
                problems.append(f"{where} verwijst naar onbekende {kind}-id '{ref}'")

        for i, rel in enumerate(self.relations):
            check(f"relations[{i}].from", rel.from_, "persons")
            check(f"relations[{i}].to", rel.to, "persons")
        for i, prem in enumerate(self.premises):
            for r in prem.residents:
                check(f"premises[{i}].residents", r, "persons")
        for i, biz in enumerate(self.businesses):
            check(f"businesses[{i}].premises", biz.premises, "premises")
            for p in [*biz.owners, *biz.managers, *biz.financiers]:
                check(f"businesses[{i}]", p, "persons")
        for i, f in enumerate(self.findings):
            check(f"findings[{i}].premises", f.premises, "premises")
            for p in f.persons:
                check(f"findings[{i}].persons", p, "persons")
        if problems:
            raise ValueError("; ".join(problems))
        return self
