"""Generic steps for the Dutch Gherkin scenarios in features/ (see features/README.md).

Tables use Dutch column headers mapped to case-model fields in COLUMNS; an empty cell
means the fact is absent (unknown), "ja"/"nee" become booleans and numbers become numbers.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from engine.case.read import parse_case

scenarios(".")

# Dutch column header -> (section field, is a comma-separated list).
COLUMNS: dict[str, tuple[str, bool]] = {
    "id": ("id", False), "alias": ("alias", False), "leeftijd": ("age", False),
    "geboortejaar": ("birth_year", False), "rol": ("role", False),
    "kwetsbaar": ("vulnerable", False), "in zorg": ("in_care", False),
    "uitkering": ("receives_benefits", False), "verwijtbaar": ("culpable", False),
    "woonplaats": ("municipality", False), "werkt bij": ("works_at", True),
    "werk of school in gebied": ("works_or_studies_in_area", False),
    "gevaar voor huisgenoten": ("danger_to_housemates", False),
    "ontwikkeling bedreigd": ("development_threatened", False),
    "vrijwillige hulp mislukt": ("voluntary_help_failed", False),
    "soort": ("kind", False), "openbaar": ("publicly_accessible", False),
    "gemeente": ("municipality", False), "huur": ("tenure", False),
    "bewoners": ("residents", True), "eigenaar": ("owner", False),
    "medische praktijk": ("medical_practice", False), "bijzondere band": ("special_bond", False),
    "bekend drugspand": ("known_drug_premises", False),
    "openbare orde verstoord": ("public_order_disturbed", False),
    "verblijfsverbod apv": ("apv_stay_ban", False), "overtreding": ("regulatory_breach", False),
    "datum": ("date", False), "pand": ("premises", False), "personen": ("persons", True),
    "plaats": ("place", False), "middel": ("substance", False), "lijst": ("drug_list", False),
    "hoeveelheid": ("amount", False), "eenheid": ("unit", False),
    "handelshoeveelheid": ("trade_quantity", False),
    "handelsaanwijzingen": ("dealing_indications", False), "ernstig": ("serious", False),
    "leidende rol": ("leading_role", False), "vrees voor herhaling": ("fear_of_repetition", False),
    "bron": ("source", False), "bewezen": ("proven", False),
    "categorie": ("preparatory_category", False), "productiedoel": ("production_purpose", False),
    "acuut": ("acute", False), "doelwit": ("target", False), "uitkomst": ("outcome", False),
    "uitgevoerd": ("carried_out", False), "van": ("from", False), "naar": ("to", False),
    "doelen": ("goals", True), "regisseur": ("coordinator_assigned", False),
    "grondslag gegevensdeling": ("information_sharing_basis", False),
    "apv zorgplicht woonoverlast": ("apv_woonoverlast_zorgplicht", False),
    "apv veiligheidsrisicogebied": ("apv_veiligheidsrisicogebied", False),
}
# Dutch cell values -> model values; anything else is passed on unchanged.
VALUES: dict[str, Any] = {
    "ja": True, "nee": False, "sleutelfiguur": "key_figure", "lid": "member", "kind": "child",
    "bekende": "associate", "sociale huur": "social_rent", "particuliere huur": "private_rent",
    "eigendom": "owned", "voorbereiding": "preparatory_materials", "wapens": "weapons",
    "geweld": "violence", "explosieven": "explosives", "overlast": "nuisance",
    "ordeverstoring": "public_order_disturbance", "witwassignaal": "money_laundering_signal",
    "intimidatie": "intimidation", "bedreiging ambtenaren": "threat_to_officials",
    "huiselijk geweld": "domestic_violence", "schoolverzuim": "school_absence",
    "politie": "police_report", "bestuurlijke rapportage": "bestuurlijke_rapportage",
    "proces-verbaal": "official_report", "buren": "neighbours", "informatie": "intelligence",
    "zorg": "care", "signaal": "signal", "gemeentelijke controle": "municipal_inspection", "planten": "plants",
    "pillen": "pills", "stuks": "pieces", "ouder": "parent", "broer/zus": "sibling",
    "stoppen criminaliteit": "stop_criminal_activity", "status ondermijnen": "undermine_status",
    "leefbare straat": "liveable_street", "werving voorkomen": "prevent_recruitment",
    "uitstappen": "help_exit", "kinderen beschermen": "protect_children",
}
SECTIONS = {"personen": "persons", "panden": "premises", "bevindingen": "findings",
            "eerdere interventies": "prior_interventions", "relaties": "relations"}


def _value(cell: str) -> Any:
    cell = cell.strip()
    if cell.lower() in VALUES:
        return VALUES[cell.lower()]
    if re.fullmatch(r"-?\d+", cell):
        return int(cell)
    if re.fullmatch(r"-?\d+[.,]\d+", cell):
        return float(cell.replace(",", "."))
    return cell


def _rows(datatable: list[list[str]]) -> list[dict[str, Any]]:
    header, *rows = datatable
    out = []
    for row in rows:
        item: dict[str, Any] = {}
        for name, cell in zip(header, row, strict=True):
            field, is_list = COLUMNS[name.strip().lower()]
            if cell.strip() == "":
                continue
            item[field] = [_value(c) for c in cell.split(",") if c.strip()] if is_list else _value(cell)
        out.append(item)
    return out


@pytest.fixture
def casus() -> dict[str, Any]:
    return {"case": {"id": "scenario"}}


@given(parsers.re(r'een casus in gemeente "(?P<gemeente>[^"]+)" met peildatum "(?P<datum>[^"]+)"'))
def _case(casus: dict, gemeente: str, datum: str) -> None:
    casus["case"].update(municipality=gemeente, reference_date=datum)


@given("de casusgegevens:")
def _case_info(casus: dict, datatable: list[list[str]]) -> None:
    casus["case"].update(_rows(datatable)[0])


@given(parsers.re(r"de (?P<sectie>personen|panden|bevindingen|eerdere interventies|relaties):"))
def _section(casus: dict, sectie: str, datatable: list[list[str]]) -> None:
    casus.setdefault(SECTIONS[sectie], []).extend(_rows(datatable))


@when("de casus wordt beoordeeld", target_fixture="advies")
def _assess(casus: dict, advisor: Any) -> Any:
    return advisor.advise(parse_case(casus))


def _item(advies: Any, interventie: str) -> Any:
    found = [i for i in advies.interventions if i.id == interventie or i.id.startswith(interventie + "-")]
    assert found, f"{interventie} staat niet in het advies: {[i.id for i in advies.interventions]}"
    return found[0]


STATUS = {"mogelijk": "satisfied", "niet mogelijk": "not_satisfied", "onbekend": "unknown"}


@then(parsers.re(r'is "(?P<interventie>[^"]+)" juridisch (?P<oordeel>mogelijk|niet mogelijk|onbekend)'))
def _status(advies: Any, interventie: str, oordeel: str) -> None:
    item = _item(advies, interventie)
    assert item.legal_basis.status == STATUS[oordeel], item.explanation


@then(parsers.re(r'noemt de uitleg van "(?P<interventie>[^"]+)" "(?P<tekst>[^"]+)"'))
def _explains(advies: Any, interventie: str, tekst: str) -> None:
    item = _item(advies, interventie)
    assert tekst.lower() in item.explanation.lower(), item.explanation


@then(parsers.re(r'vraagt het advies "(?P<tekst>[^"]+)"'))
def _asks(advies: Any, tekst: str) -> None:
    questions = [m.question for m in advies.missing_facts]
    assert any(tekst.lower() in q.lower() for q in questions), questions


@then(parsers.re(r'heeft "(?P<interventie>[^"]+)" (?P<niet>niet )?het zorgpunt "(?P<zorgpunt>[^"]+)"'))
def _concern(advies: Any, interventie: str, niet: str | None, zorgpunt: str) -> None:
    raised = {c.id for c in _item(advies, interventie).human_measure.concerns if c.status == "satisfied"}
    assert (zorgpunt in raised) != bool(niet), raised
