"""The facts a ruleset may name: subjects, their attributes and the links between them.

Generated from the case models plus a few computed attributes, so the ruleset validator,
the flattener and the question texts share one list and cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from engine.case import models


@dataclass(frozen=True)
class Attribute:
    subject: str
    name: str
    question: str
    computed_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    subject: str
    name: str
    target: str
    text: str


SUBJECT_MODELS: dict[str, type[BaseModel]] = {
    "case": models.CaseInfo,
    "person": models.Person,
    "conviction": models.Conviction,
    "premises": models.Premises,
    "business": models.Business,
    "permit": models.Permit,
    "finding": models.Finding,
    "prior_intervention": models.PriorIntervention,
    "relation": models.Relation,
}

#: Dutch names of subjects, for explanations.
SUBJECT_TEXT: dict[str, str] = {
    "case": "casus",
    "person": "persoon",
    "conviction": "veroordeling",
    "premises": "pand",
    "business": "bedrijf",
    "permit": "vergunning",
    "finding": "bevinding",
    "prior_intervention": "eerdere interventie",
    "relation": "relatie",
}

# Attributes the flattener computes relative to the reference date or the case.
_COMPUTED = (
    Attribute("person", "minor", "Is deze persoon minderjarig (jonger dan 18)?", ("age",)),
    Attribute(
        "person",
        "max_age",
        "Hoe oud is deze persoon, of in welk jaar is die geboren?",
        ("age", "birth_year"),
    ),
    Attribute("person", "in_municipality", "Woont deze persoon in de gemeente?"),
    Attribute("premises", "in_municipality", "Ligt het pand in de gemeente van de burgemeester?"),
    Attribute("premises", "minor_residents", "Wonen er minderjarigen in het pand?"),
    Attribute("premises", "resident_count", "Hoeveel mensen wonen er in het pand?"),
    Attribute("finding", "months_ago", "Op welke datum is dit vastgesteld?", ("date",)),
    Attribute("finding", "years_ago", "Op welke datum is dit vastgesteld?", ("date",)),
    Attribute("finding", "period_months", "Over hoeveel maanden loopt de periode?"),
    Attribute("conviction", "months_ago", "Wanneer is deze persoon veroordeeld?", ("date", "year")),
    Attribute("conviction", "years_ago", "Wanneer is deze persoon veroordeeld?", ("date", "year")),
    Attribute("prior_intervention", "months_ago", "Wanneer is deze interventie ingezet?"),
    Attribute("prior_intervention", "years_ago", "Wanneer is deze interventie ingezet?"),
)

LINKS: tuple[Link, ...] = (
    Link("case", "persons", "person", "personen in de casus"),
    Link("case", "premises", "premises", "panden in de casus"),
    Link("case", "businesses", "business", "bedrijven in de casus"),
    Link("case", "findings", "finding", "bevindingen in de casus"),
    Link("case", "prior_interventions", "prior_intervention", "eerdere interventies"),
    Link("premises", "findings", "finding", "bevindingen in het pand"),
    Link("premises", "residents", "person", "bewoners van het pand"),
    Link("premises", "users", "person", "feitelijke gebruikers van het pand"),
    Link("premises", "dwelling", "premises", "de woning waar het erf bij hoort"),
    Link("premises", "businesses", "business", "bedrijven in het pand"),
    Link("premises", "prior_interventions", "prior_intervention", "eerdere interventies"),
    Link("person", "findings", "finding", "bevindingen over de persoon"),
    Link(
        "person", "victim_of", "finding", "bevindingen waarin de persoon slachtoffer of doelwit is"
    ),
    Link("person", "convictions", "conviction", "veroordelingen van de persoon"),
    Link("person", "residences", "premises", "woonadressen van de persoon"),
    Link("person", "housemates", "person", "huisgenoten"),
    Link("person", "relations", "relation", "relaties van de persoon"),
    Link("person", "businesses", "business", "bedrijven waarin de persoon een rol heeft"),
    Link("person", "prior_interventions", "prior_intervention", "eerdere interventies"),
    Link("relation", "other", "person", "de andere persoon in de relatie"),
    Link("business", "premises", "premises", "pand van het bedrijf"),
    Link("business", "permits", "permit", "vergunningen van het bedrijf"),
    Link("business", "findings", "finding", "bevindingen in het bedrijfspand"),
    Link("business", "persons", "person", "eigenaren, leidinggevenden en financiers"),
    Link("business", "managers", "person", "leidinggevenden, ook feitelijk leidinggevenden"),
    Link("business", "financiers", "person", "financiers (vermogensverschaffers)"),
    Link("business", "prior_interventions", "prior_intervention", "eerdere interventies"),
    Link("finding", "premises", "premises", "pand van de bevinding"),
    Link("finding", "persons", "person", "betrokken personen"),
    Link("finding", "victims", "person", "slachtoffers en doelwitten"),
)

_SCALAR_TYPES = (str, int, float, bool)


def _is_scalar(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _is_scalar(get_args(annotation)[0])
    if origin in (Union, UnionType):
        return all(_is_scalar(a) for a in get_args(annotation) if a is not type(None))
    if origin is not None:
        return False
    if isinstance(annotation, type):
        return issubclass(annotation, _SCALAR_TYPES) or annotation.__name__ == "date"
    return False


def _model_attributes() -> list[Attribute]:
    found = []
    for subject, model in SUBJECT_MODELS.items():
        for name, field in model.model_fields.items():
            if name == "id" or not _is_scalar(field.annotation):
                continue
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
            question = str(extra.get("question") or field.description or name)
            found.append(Attribute(subject, field.alias or name, question))
    return found


ATTRIBUTES: dict[tuple[str, str], Attribute] = {
    (a.subject, a.name): a for a in [*_model_attributes(), *_COMPUTED]
}
LINKS_BY_KEY: dict[tuple[str, str], Link] = {(link.subject, link.name): link for link in LINKS}
SUBJECTS = tuple(SUBJECT_MODELS)


def attributes_of(subject: str) -> list[str]:
    return sorted(name for (s, name) in ATTRIBUTES if s == subject)


def links_of(subject: str) -> list[str]:
    return sorted(name for (s, name) in LINKS_BY_KEY if s == subject)
