"""The case a lawyer submits: a pseudonymised family network.

Every attribute is optional because absent means *unknown*, never false: the engine
asks for what is missing instead of assuming. Unknown keys are refused so a misspelt
field cannot silently become "unknown". Field descriptions double as the Dutch question
the advice asks when a rule needs the fact, so the question lives beside the field.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

Loc = tuple[str | int, ...]


def inconsistent(found: list[tuple[Loc, str]]) -> PydanticCustomError:
    """An error of a model validator reported at each field it concerns.

    A validator of a whole model is located at the model (``$.findings[0]``); the fields
    that disagree are deeper, and ``engine.validation_text`` reports each at its own path
    (``$.findings[0].period_end``), so the lawyer is sent to the value to change.
    """
    return PydanticCustomError(
        "inconsistent", "; ".join(message for _, message in found), {"fields": found}
    )


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
    rent = "rent"  # rented, landlord type (corporation or private) not known
    owned = "owned"


class BusinessKind(StrEnum):
    """Bibob and the APV reach well beyond horeca, so the kinds a lawyer meets are named."""

    horeca = "horeca"
    slijterij = "slijterij"
    coffeeshop = "coffeeshop"
    speelautomatenhal = "speelautomatenhal"
    seksinrichting = "seksinrichting"
    garage = "garage"
    vastgoed = "vastgoed"
    transport = "transport"
    bouw = "bouw"
    detailhandel = "detailhandel"
    persoonlijke_verzorging = "persoonlijke_verzorging"
    anders = "anders"


class PermitKind(StrEnum):
    """Beschikkingen and transactions the Wet Bibob can reach (art. 1, 5, 5a, 7 Wet Bibob)."""

    exploitatievergunning = "exploitatievergunning"
    alcoholwetvergunning = "alcoholwetvergunning"
    drank_en_horecavergunning = "drank- en horecavergunning"
    omgevingsvergunning = "omgevingsvergunning"
    speelautomatenhalvergunning = "speelautomatenhalvergunning"
    seksinrichtingvergunning = "seksinrichtingvergunning"
    opiumwetontheffing = "opiumwetontheffing"
    taxivergunning = "taxivergunning"
    subsidie = "subsidie"
    overheidsopdracht = "overheidsopdracht"
    vastgoedtransactie = "vastgoedtransactie"
    anders = "anders"


class DecidingBody(StrEnum):
    burgemeester = "burgemeester"
    college = "college"
    raad = "raad"
    andere_overheid = "andere_overheid"


class SharingBasis(StrEnum):
    """The ground on which information was or may be shared; a convenant is not a statute."""

    wgs = "wgs"
    wet_bibob = "wet_bibob"
    wpg = "wpg"
    wettelijke_plicht = "wettelijke_plicht"
    toestemming = "toestemming"
    convenant = "convenant"
    geen = "geen"


def _lower(value: Any) -> Any:
    """'WGS' and 'wgs' name the same ground; case files written before the enum used both."""
    return value.lower() if isinstance(value, str) else value


Basis = Annotated[SharingBasis, BeforeValidator(_lower)]


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
    criminal_exploitation = "criminal_exploitation"
    courier_work = "courier_work"
    signal = "signal"


class Source(StrEnum):
    police_report = "police_report"
    bestuurlijke_rapportage = "bestuurlijke_rapportage"
    official_report = "official_report"
    neighbours = "neighbours"
    intelligence = "intelligence"
    care = "care"
    municipal_inspection = "municipal_inspection"
    complaints = "complaints"  # documented complaints or reports of neighbours
    logbook = "logbook"  # a nuisance logbook kept by neighbours
    neighbour_statement = "neighbour_statement"  # a written, signed statement of a neighbour
    riec = "riec"
    lbb = "lbb"  # advice of the Landelijk Bureau Bibob


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
    grandparent = "grandparent"
    grandchild = "grandchild"


class CaseInfo(_Strict):
    # 200 characters: what the store keeps of a key and a municipality's name.
    id: str = Field(
        description="Kenmerk van de casus (gepseudonimiseerd).", min_length=1, max_length=200
    )
    municipality: str = Field(
        description="Gemeente die de casus behandelt.", min_length=1, max_length=200
    )
    reference_date: dt.date | None = Field(
        default=None, description="Peildatum: welke regels en termijnen gelden."
    )
    family: str | None = Field(default=None, description="Naam van het familienetwerk.")
    goals: list[Goal] = Field(default_factory=list, description="Doelen van de aanpak.")
    selection_grounds: list[str] = Field(default_factory=list, description="Selectiegronden.")
    coordinator_assigned: bool | None = ask("Is er een regisseur voor deze casus aangewezen?")
    partners: list[str] = Field(default_factory=list, description="Betrokken partners.")
    information_sharing_basis: Basis | None = ask(
        "Op welke grondslag worden gegevens over deze casus met andere overheden gedeeld "
        "(WGS, Wet Bibob, Wet politiegegevens, een andere wettelijke plicht, toestemming, "
        "alleen een convenant, of geen)?"
    )
    information_sharing_refused: bool | None = ask(
        "Heeft een betrokkene of een zorgpartner geweigerd informatie te delen?"
    )
    apv_woonoverlast_zorgplicht: bool | None = ask(
        "Bevat de APV van de gemeente een zorgplicht tegen woonoverlast op grond van "
        "art. 151d Gemeentewet (VNG-model: art. 2:79 APV)?"
    )
    apv_veiligheidsrisicogebied: bool | None = ask(
        "Heeft de raad de burgemeester in de APV de bevoegdheid gegeven een "
        "veiligheidsrisicogebied aan te wijzen (art. 151b Gemeentewet)?"
    )


class Conviction(_Strict):
    """A conviction a lawyer can cite: often only the year is known, so a year suffices."""

    kind: str = Field(min_length=1, description="Soort feit, bijv. Opiumwet of mishandeling.")
    court: str | None = ask("Welke rechter heeft de veroordeling uitgesproken?")
    date: dt.date | None = ask("Op welke datum is deze persoon veroordeeld?")
    year: int | None = ask("In welk jaar is deze persoon veroordeeld?", ge=1900, le=2200)
    final: bool | None = ask("Is de veroordeling onherroepelijk?")

    @model_validator(mode="after")
    def _date_and_year_agree(self) -> Conviction:
        if self.date is not None and self.year is not None and self.date.year != self.year:
            message = (
                f"datum {self.date.isoformat()} en jaar {self.year} van de veroordeling "
                "spreken elkaar tegen"
            )
            raise inconsistent([(("year",), message)])
        return self


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
    minor: bool | None = ask(
        "Is deze persoon minderjarig (jonger dan 18)? Vul dit in als de precieze leeftijd "
        "onbekend is."
    )
    dependent_on_home: bool | None = ask(
        "Is deze persoon door leeftijd, zorgbehoefte of beperking op deze woning aangewezen?"
    )
    convictions: list[Conviction] = Field(
        default_factory=list, description="Strafrechtelijke veroordelingen van deze persoon."
    )
    development_threatened: bool | None = ask(
        "Wordt dit kind ernstig in zijn ontwikkeling bedreigd?"
    )
    voluntary_help_failed: bool | None = ask(
        "Is vrijwillige hulp geweigerd of onvoldoende gebleken om de bedreiging af te wenden?"
    )

    @model_validator(mode="after")
    def _minor_agrees_with_age(self) -> Person:
        if self.age is not None and self.minor is not None and (self.age < 18) != self.minor:
            state = "minderjarig" if self.minor else "meerderjarig"
            raise inconsistent([(("minor",), f"leeftijd {self.age} past niet bij '{state}'")])
        return self


class Relation(_Strict):
    from_: str = Field(alias="from", description="Persoon-id.")
    to: str = Field(description="Persoon-id.")
    kind: RelationKind


class Premises(_Strict):
    id: str = Field(min_length=1)
    kind: PremisesKind | None = ask("Wat voor pand is het: woning, lokaal, erf of bedrijfspand?")
    publicly_accessible: bool | None = ask("Is het lokaal voor het publiek toegankelijk?")
    municipality: str | None = ask("In welke gemeente ligt het pand?")
    tenure: Tenure | None = ask(
        "Is het pand sociale huur, particuliere huur, huur (soort verhuurder onbekend) of eigendom?"
    )
    residents: list[str] = Field(
        default_factory=list,
        description="Persoon-id's van wie hier feitelijk woont (het woonadres), kinderen "
        "inbegrepen; niet wie het pand alleen huurt of bezit en elders woont.",
    )
    owner: str | None = Field(default=None, description="Eigenaar of verhuurder.")
    users: list[str] = Field(
        default_factory=list,
        description="Persoon-id's van wie de ruimte feitelijk gebruikt, als dat niet (alleen) "
        "de bewoners of de eigenaar zijn.",
    )
    dwelling: str | None = Field(
        default=None, description="Bij een erf: het pand-id van de woning waar het bij hoort."
    )
    landlord_blacklist: bool | None = ask(
        "Zet de verhuurder de bewoners na een sluiting op een zwarte lijst of geldt een "
        "terugkeerverbod?"
    )
    advice_against_closure: bool | None = ask(
        "Hebben jeugdbescherming of het sociaal team geadviseerd tegen sluiting?"
    )
    shelter_offered: bool | None = ask(
        "Is de bewoners vervangende woonruimte of opvang aangeboden?"
    )
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
    serious_fear_of_disorder: bool | None = ask(
        "Is er ernstige vrees voor verstoring van de openbare orde rond het pand (art. 174a "
        "Gemeentewet: na een wapenvondst, of bij een rechthebbende van wie eerder een pand is "
        "gesloten)?"
    )
    indications_same_use: bool | None = ask(
        "Zijn er aanwijzingen dat de rechthebbende, van wie eerder een pand op grond van art. "
        "174a lid 1 Gemeentewet is gesloten, ook dit pand zo zal gebruiken of laten gebruiken?"
    )


class Permit(_Strict):
    kind: PermitKind = Field(
        description="Soort beschikking of transactie, bijv. exploitatievergunning, "
        "omgevingsvergunning, subsidie of vastgoedtransactie."
    )
    status: str | None = Field(default=None, description="aangevraagd, verleend, ingetrokken.")
    decided_by: DecidingBody | None = ask(
        "Welk bestuursorgaan beslist over deze beschikking: de burgemeester, het college, de "
        "raad of een andere overheid?"
    )
    bibob_danger: str | None = ask(
        "Wat is de uitkomst van het Bibob-onderzoek of LBB-advies voor deze vergunning: "
        "'ernstig' gevaar, 'mindere_mate' van gevaar of 'geen' gevaar?"
    )


class Business(_Strict):
    id: str = Field(min_length=1)
    kind: BusinessKind | None = ask(
        "Wat voor bedrijf is het (bijvoorbeeld horeca, garage, vastgoed, transport)?"
    )
    premises: str | None = Field(default=None, description="Pand-id.")
    permits: list[Permit] = Field(default_factory=list)
    owners: list[str] = Field(default_factory=list, description="Persoon-id's.")
    managers: list[str] = Field(
        default_factory=list,
        description="Persoon-id's van leidinggevenden (exploitant, bedrijfsleider, beheerder).",
    )
    de_facto_managers: list[str] = Field(
        default_factory=list,
        description="Persoon-id's van wie feitelijk leiding geeft zonder formele rol.",
    )
    financiers: list[str] = Field(default_factory=list, description="Persoon-id's.")


#: Beyond any real finding (a thousand tonnes, a million plants; a trillion euro; a
#: million complaints): a larger number is a typing error, and would only be carried
#: through every rule and every stored copy.
MAX_AMOUNT = 1_000_000_000
MAX_MONEY = 1_000_000_000_000
MAX_COUNT = 1_000_000


class Finding(_Strict):
    id: str = Field(min_length=1)
    date: dt.date | None = ask("Op welke datum is dit vastgesteld?")
    kind: FindingKind
    premises: str | None = Field(default=None, description="Pand-id waar het is aangetroffen.")
    other_premises: list[str] = Field(
        default_factory=list, description="Andere pand-id's waar hetzelfde is vastgesteld."
    )
    room: str | None = Field(
        default=None, description="Ruimte in het pand, bijv. zolder, kelder of schuur."
    )
    persons: list[str] = Field(
        default_factory=list,
        description="Persoon-id's van wie het feit (vermoedelijk) pleegde of het gedrag vertoonde.",
    )
    victims: list[str] = Field(
        default_factory=list, description="Persoon-id's van slachtoffers van het feit."
    )
    targets: list[str] = Field(
        default_factory=list,
        description="Persoon-id's tegen wie het feit gericht was (doelwit), zonder slachtoffer "
        "te zijn.",
    )
    place: str | None = Field(default=None, description="Plaats buiten een pand (gebied).")
    count: int | None = ask(
        "Hoe vaak is dit in de periode vastgelegd (bijvoorbeeld het aantal klachten)?",
        ge=1,
        le=MAX_COUNT,
    )
    period_start: dt.date | None = ask("Vanaf welke datum loopt de periode van deze bevinding?")
    period_end: dt.date | None = ask("Tot welke datum loopt de periode van deze bevinding?")
    money_amount: float | None = ask(
        "Om welk geldbedrag (in euro) gaat het?", ge=0, le=MAX_MONEY, allow_inf_nan=False
    )
    substance: str | None = ask("Welk middel is aangetroffen?")
    drug_list: str | None = ask("Staat het middel op lijst I of lijst II van de Opiumwet?")
    amount: float | None = ask(
        "Hoeveel is er aangetroffen?", ge=0, le=MAX_AMOUNT, allow_inf_nan=False
    )
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
    sharing_basis: Basis | None = ask(
        "Op welke grondslag is deze informatie aan de gemeente verstrekt?"
    )
    professional_secrecy: bool | None = ask(
        "Valt deze informatie onder een beroepsgeheim (arts, hulpverlener, advocaat)?"
    )
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

    @model_validator(mode="after")
    def _period_in_order(self) -> Finding:
        if self.period_start and self.period_end and self.period_start > self.period_end:
            message = (
                f"de periode begint ({self.period_start.isoformat()}) na het einde "
                f"({self.period_end.isoformat()})"
            )
            raise inconsistent([(("period_end",), message)])
        return self


class PriorIntervention(_Strict):
    id: str | None = None
    kind: str = Field(description="Interventie-id of ladderstap, bijv. waarschuwing.")
    date: dt.date | None = ask("Wanneer is deze eerdere interventie ingezet?")
    target: str | None = Field(default=None, description="Pand-, persoon- of bedrijf-id.")
    outcome: str | None = Field(default=None, description="Bijvoorbeeld herhaling, escalatie.")
    carried_out: bool | None = ask(
        "Is deze maatregel daadwerkelijk opgelegd en uitgevoerd (niet alleen een voornemen)?"
    )
    ground: str | None = ask(
        "Op welk onderdeel berust deze sluiting: 'a', 'b' of 'c' van art. 174a lid 1 "
        "Gemeentewet, 'lid 2' van art. 174a, of 'a' of 'b' van art. 13b lid 1 Opiumwet?"
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
    def _consistent(self) -> Case:
        """Dangling or repeated ids would make facts silently unknown or merged, and a fact
        dated after the reference date cannot be known on it; each is named at its path."""
        found = _consistency(self)
        if found:
            raise inconsistent(found)
        return self


#: The collections in the words of a Dutch sentence: singular and plural.
_NAMES = {
    "persons": ("persoon", "personen"),
    "premises": ("pand", "panden"),
    "businesses": ("bedrijf", "bedrijven"),
    "findings": ("bevinding", "bevindingen"),
    "prior_interventions": ("eerdere interventie", "eerdere interventies"),
}


def _consistency(case: Case) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    collections: dict[str, list[Any]] = {
        "persons": case.persons,
        "premises": case.premises,
        "businesses": case.businesses,
        "findings": case.findings,
        "prior_interventions": case.prior_interventions,
    }
    for name, items in collections.items():
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id is not None and item.id in seen:
                found.append(
                    ((name, i, "id"), f"id '{item.id}' komt twee keer voor in {_NAMES[name][1]}")
                )
            seen.add(item.id)
    ids = {name: {item.id for item in collections[name]} for name in collections}
    places = {f.place for f in case.findings if f.place}

    def refer(loc: Loc, ref: str | None, *kinds: str) -> None:
        if ref is not None and not any(ref in ids[kind] for kind in kinds):
            words = [_NAMES[kind][0] for kind in kinds]
            named = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " of " + words[-1]
            found.append((loc, f"verwijst naar '{ref}', maar er is geen {named} met dat id"))

    def refer_all(loc: Loc, refs: list[str], *kinds: str) -> None:
        for j, ref in enumerate(refs):
            refer((*loc, j), ref, *kinds)

    for i, rel in enumerate(case.relations):
        refer(("relations", i, "from"), rel.from_, "persons")
        refer(("relations", i, "to"), rel.to, "persons")
        if rel.from_ == rel.to:
            found.append(
                (("relations", i, "to"), f"persoon '{rel.to}' kan geen relatie met zichzelf hebben")
            )
    today = case.case.reference_date or dt.date.today()
    for i, person in enumerate(case.persons):
        for j, place in enumerate(person.works_at):
            if place not in ids["premises"] and place not in places:
                found.append(
                    (
                        ("persons", i, "works_at", j),
                        f"'{place}' is geen pand-id en geen plaats ('place') van een bevinding",
                    )
                )
        if person.birth_year is not None and person.birth_year > today.year:
            found.append(
                (
                    ("persons", i, "birth_year"),
                    f"geboortejaar {person.birth_year} ligt na de peildatum ({today.isoformat()})",
                )
            )
    for i, prem in enumerate(case.premises):
        refer_all(("premises", i, "residents"), prem.residents, "persons")
        refer_all(("premises", i, "users"), prem.users, "persons")
        refer(("premises", i, "dwelling"), prem.dwelling, "premises")
    for i, biz in enumerate(case.businesses):
        refer(("businesses", i, "premises"), biz.premises, "premises")
        for role in ("owners", "managers", "de_facto_managers", "financiers"):
            refer_all(("businesses", i, role), getattr(biz, role), "persons")
    for i, f in enumerate(case.findings):
        refer(("findings", i, "premises"), f.premises, "premises")
        refer_all(("findings", i, "other_premises"), f.other_premises, "premises")
        for role in ("persons", "victims", "targets"):
            refer_all(("findings", i, role), getattr(f, role), "persons")
        for field in ("date", "period_start"):
            when = getattr(f, field)
            if when is not None and when > today:
                found.append(
                    (
                        ("findings", i, field),
                        f"{when.isoformat()} ligt na de peildatum ({today.isoformat()}); "
                        "wat daarna is vastgesteld kan op de peildatum niet bekend zijn",
                    )
                )
    for i, prior in enumerate(case.prior_interventions):
        refer(
            ("prior_interventions", i, "target"), prior.target, "persons", "premises", "businesses"
        )
        if prior.date is not None and prior.date > today:
            found.append(
                (
                    ("prior_interventions", i, "date"),
                    f"{prior.date.isoformat()} ligt na de peildatum ({today.isoformat()})",
                )
            )
    return found
