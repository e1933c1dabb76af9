"""Generic steps for the Dutch scenarios in features/ (see features/README.md). Empty cell:
fact absent (unknown); "ja"/"nee": booleans; numbers: numbers; Dutch words via VALUES."""

from __future__ import annotations

import re
from typing import Any

from pytest_bdd import given, parsers, scenarios, then, when

from engine.case.read import parse_case
from engine.explain.memo import memo
from engine.explain.render import render
from tests.memo_language import problems

scenarios(".")

# Dutch column header -> model field; LISTS hold comma-separated values.
COLUMNS: dict[str, str] = {
    "id": "id",
    "alias": "alias",
    "leeftijd": "age",
    "geboortejaar": "birth_year",
    "rol": "role",
    "kwetsbaar": "vulnerable",
    "in zorg": "in_care",
    "uitkering": "receives_benefits",
    "verwijtbaar": "culpable",
    "woonplaats": "municipality",
    "werkt bij": "works_at",
    "werk of school in gebied": "works_or_studies_in_area",
    "gevaar voor huisgenoten": "danger_to_housemates",
    "ontwikkeling bedreigd": "development_threatened",
    "vrijwillige hulp mislukt": "voluntary_help_failed",
    "soort": "kind",
    "openbaar": "publicly_accessible",
    "gemeente": "municipality",
    "huur": "tenure",
    "bewoners": "residents",
    "eigenaar": "owner",
    "medische praktijk": "medical_practice",
    "bijzondere band": "special_bond",
    "bekend drugspand": "known_drug_premises",
    "openbare orde verstoord": "public_order_disturbed",
    "verblijfsverbod apv": "apv_stay_ban",
    "overtreding": "regulatory_breach",
    "datum": "date",
    "pand": "premises",
    "personen": "persons",
    "plaats": "place",
    "middel": "substance",
    "lijst": "drug_list",
    "hoeveelheid": "amount",
    "eenheid": "unit",
    "handelshoeveelheid": "trade_quantity",
    "handelsaanwijzingen": "dealing_indications",
    "ernstig": "serious",
    "leidende rol": "leading_role",
    "vrees voor herhaling": "fear_of_repetition",
    "bron": "source",
    "bewezen": "proven",
    "categorie": "preparatory_category",
    "productiedoel": "production_purpose",
    "acuut": "acute",
    "doelwit": "target",
    "uitkomst": "outcome",
    "uitgevoerd": "carried_out",
    "van": "from",
    "naar": "to",
    "eigenaren": "owners",
    "leidinggevenden": "managers",
    "financiers": "financiers",
    "vergunning": "permit.kind",
    "vergunningstatus": "permit.status",
    "bibob-uitkomst": "permit.bibob_danger",
    "doelen": "goals",
    "regisseur": "coordinator_assigned",
    "grondslag gegevensdeling": "information_sharing_basis",
    "apv zorgplicht woonoverlast": "apv_woonoverlast_zorgplicht",
    "apv veiligheidsrisicogebied": "apv_veiligheidsrisicogebied",
}
LISTS = {
    "werkt bij",
    "bewoners",
    "personen",
    "eigenaren",
    "leidinggevenden",
    "financiers",
    "doelen",
}
# Dutch cell values -> model values; anything else is passed on unchanged.
VALUES: dict[str, Any] = {
    "ja": True,
    "nee": False,
    "sleutelfiguur": "key_figure",
    "lid": "member",
    "kind": "child",
    "bekende": "associate",
    "sociale huur": "social_rent",
    "particuliere huur": "private_rent",
    "eigendom": "owned",
    "voorbereiding": "preparatory_materials",
    "wapens": "weapons",
    "geweld": "violence",
    "explosieven": "explosives",
    "overlast": "nuisance",
    "ordeverstoring": "public_order_disturbance",
    "witwassignaal": "money_laundering_signal",
    "intimidatie": "intimidation",
    "bedreiging ambtenaren": "threat_to_officials",
    "huiselijk geweld": "domestic_violence",
    "schoolverzuim": "school_absence",
    "politie": "police_report",
    "bestuurlijke rapportage": "bestuurlijke_rapportage",
    "proces-verbaal": "official_report",
    "buren": "neighbours",
    "informatie": "intelligence",
    "zorg": "care",
    "signaal": "signal",
    "gemeentelijke controle": "municipal_inspection",
    "planten": "plants",
    "pillen": "pills",
    "stuks": "pieces",
    "ouder": "parent",
    "broer/zus": "sibling",
    "neef": "cousin",
    "oom": "uncle",
    "zakenpartner": "business_partner",
    "financier": "financier",
    "mindere mate": "mindere_mate",
    "stoppen criminaliteit": "stop_criminal_activity",
    "status ondermijnen": "undermine_status",
    "leefbare straat": "liveable_street",
    "werving voorkomen": "prevent_recruitment",
    "uitstappen": "help_exit",
    "kinderen beschermen": "protect_children",
}
SECTIONS = {
    "personen": "persons",
    "panden": "premises",
    "bevindingen": "findings",
    "relaties": "relations",
    "eerdere interventies": "prior_interventions",
    "bedrijven": "businesses",
}


def _value(cell: str) -> Any:
    cell = cell.strip()
    if cell.lower() in VALUES:
        return VALUES[cell.lower()]
    if re.fullmatch(r"-?\d+([.,]\d+)?", cell):
        return float(cell.replace(",", ".")) if re.search("[.,]", cell) else int(cell)
    return cell


def _rows(datatable: list[list[str]]) -> list[dict[str, Any]]:
    header, *rows = datatable
    out = []
    for row in rows:
        item: dict[str, Any] = {}
        for name, cell in zip(header, row, strict=True):
            field, is_list = COLUMNS[name.strip().lower()], name.strip().lower() in LISTS
            if cell.strip() == "":
                continue
            values = [_value(c) for c in cell.split(",") if c.strip()]
            item[field] = values if is_list else _value(cell)
        permit = {k[7:]: item.pop(k) for k in list(item) if k.startswith("permit.")}
        if permit:
            item["permits"] = [permit]
        out.append(item)
    return out


@given(
    parsers.re(r'een casus in gemeente "(?P<gemeente>[^"]+)" met peildatum "(?P<datum>[^"]+)"'),
    target_fixture="casus",
)
def _case(gemeente: str, datum: str) -> dict[str, Any]:
    return {"case": {"id": "scenario", "municipality": gemeente, "reference_date": datum}}


@given("de casusgegevens:")
def _case_info(casus: dict, datatable: list[list[str]]) -> None:
    casus["case"].update(_rows(datatable)[0])


@given(parsers.re(rf"de (?P<sectie>{'|'.join(SECTIONS)}):"))
def _section(casus: dict, sectie: str, datatable: list[list[str]]) -> None:
    casus.setdefault(SECTIONS[sectie], []).extend(_rows(datatable))


@when("de casus wordt beoordeeld", target_fixture="advies")
def _assess(casus: dict, advisor: Any) -> Any:
    """The advice, after reading this case's memo as a mayor would (tests/memo_language)."""
    case = parse_case(casus)
    assessment = advisor.assess(case)
    assert problems(memo(assessment, case)) == []
    return render(assessment, "full")


def _item(advies: Any, interventie: str) -> Any:
    found = [i for i in advies.interventions if interventie in (i.id, i.id.split("-")[0])]
    assert found, f"verwacht: interventie {interventie}; gevonden: die staat niet in het advies"
    return found[0]


ITV = r'"(?P<interventie>[^"]+)"'
STATUS = {"mogelijk": "satisfied", "niet mogelijk": "not_satisfied", "onbekend": "unknown"}


@then(parsers.re(rf"is {ITV} juridisch (?P<oordeel>mogelijk|niet mogelijk|onbekend)"))
def _status(advies: Any, interventie: str, oordeel: str) -> None:
    item = _item(advies, interventie)
    found = {v: k for k, v in STATUS.items()}[str(item.legal_basis.status)]
    assert item.legal_basis.status == STATUS[oordeel], (
        f"verwacht: juridisch {oordeel}; gevonden: juridisch {found}.\nUitleg: {item.explanation}"
    )


@then(parsers.re(rf'noemt de uitleg van {ITV} (?P<niet>niet )?"(?P<tekst>[^"]+)"'))
def _explains(advies: Any, interventie: str, niet: str | None, tekst: str) -> None:
    item = _item(advies, interventie)
    assert (tekst.lower() in item.explanation.lower()) != bool(niet), (
        f'verwacht: de uitleg noemt {"niet " if niet else ""}"{tekst}"; '
        f"gevonden: {item.explanation}"
    )


@then(parsers.re(r'vraagt het advies (?P<niet>niet )?"(?P<tekst>[^"]+)"'))
def _asks(advies: Any, niet: str | None, tekst: str) -> None:
    questions = [m.question for m in advies.missing_facts]
    assert any(tekst.lower() in q.lower() for q in questions) != bool(niet), (
        f'verwacht: het advies vraagt {"niet " if niet else ""}"{tekst}"; '
        f"gevonden vragen: {'; '.join(questions) or 'geen'}"
    )


@then(parsers.re(rf'heeft {ITV} (?P<niet>niet )?het zorgpunt "(?P<zorgpunt>[^"]+)"'))
def _concern(advies: Any, interventie: str, niet: str | None, zorgpunt: str) -> None:
    concerns = _item(advies, interventie).human_measure.concerns
    raised = {c.id for c in concerns if c.status == "satisfied"}
    assert (zorgpunt in raised) != bool(niet), (
        f'verwacht: {interventie} heeft {"niet " if niet else ""}het zorgpunt "{zorgpunt}"; '
        f"gevonden zorgpunten: {', '.join(sorted(raised)) or 'geen'}"
    )


# Facts a lawyer must be able to state (issue 10): columns, values and convictions.
COLUMNS.update(
    {
        "minderjarig": "minor",
        "afhankelijk van woning": "dependent_on_home",
        "gebruikers": "users",
        "hoort bij woning": "dwelling",
        "zwarte lijst": "landlord_blacklist",
        "advies tegen sluiting": "advice_against_closure",
        "opvang aangeboden": "shelter_offered",
        "feitelijk leidinggevenden": "de_facto_managers",
        "beslist door": "permit.decided_by",
        "andere panden": "other_premises",
        "ruimte": "room",
        "slachtoffers": "victims",
        "doelwitten": "targets",
        "aantal": "count",
        "periode van": "period_start",
        "periode tot": "period_end",
        "geldbedrag": "money_amount",
        "grondslag verstrekking": "sharing_basis",
        "beroepsgeheim": "professional_secrecy",
        "delen geweigerd": "information_sharing_refused",
        "persoon": "person",
        "rechter": "court",
        "jaar": "year",
        "onherroepelijk": "final",
    }
)
LISTS.update(
    {"gebruikers", "feitelijk leidinggevenden", "andere panden", "slachtoffers", "doelwitten"}
)
VALUES.update(
    {
        "huur": "rent",
        "klachten": "complaints",
        "logboek": "logbook",
        "verklaring buren": "neighbour_statement",
        "riec": "riec",
        "lbb": "lbb",
        "criminele uitbuiting": "criminal_exploitation",
        "koerierswerk": "courier_work",
        "grootouder": "grandparent",
        "kleinkind": "grandchild",
        "andere overheid": "andere_overheid",
        "wet bibob": "wet_bibob",
        "wettelijke plicht": "wettelijke_plicht",
    }
)


@given("de veroordelingen:")
def _convictions(casus: dict, datatable: list[list[str]]) -> None:
    """Each row names its person; the conviction is filed under that person."""
    persons = {p["id"]: p for p in casus.get("persons", [])}
    for row in _rows(datatable):
        persons[row.pop("person")].setdefault("convictions", []).append(row)


# Closures (issue 10, items 2 and 5): the ground of an earlier closure, fear of disorder.
COLUMNS.update(
    {
        "grond": "ground",
        "ernstige vrees": "serious_fear_of_disorder",
        "aanwijzingen zelfde gebruik": "indications_same_use",
    }
)


# Competence follows the law (issue 10 item 4): the body comes from the ruleset, and a
# third party's action is a consequence of a combination, never a member of one.
def _body(orgaan: str) -> str:
    from engine.explain.text import BODY_TEXT

    label = re.sub(r"^(de|het) ", "", orgaan.strip())
    bodies = {text: body.value for body, text in BODY_TEXT.items()}
    assert label in bodies, f"onbekend orgaan '{orgaan}' (mogelijk: {', '.join(bodies)})"
    return bodies[label]


@then(parsers.re(rf"is (?P<orgaan>.+) bevoegd voor {ITV}"))
def _competent(advies: Any, orgaan: str, interventie: str) -> None:
    item = _item(advies, interventie)
    assert item.competent_body == _body(orgaan), (item.competent_body, item.authority)


@then(parsers.re(rf"draagt (?P<orgaan>.+) {ITV} in de eerste combinatie"))
def _carries(advies: Any, orgaan: str, interventie: str) -> None:
    assert advies.combinations, "het advies beveelt geen combinatie aan"
    ident = _item(advies, interventie).id
    members = {m["id"]: m for m in advies.combinations[0].members}
    assert ident in members, list(members)
    assert members[ident]["competent_body"] == _body(orgaan), members[ident]
    assert members[ident]["carrier"] in advies.combinations[0].explanation


@then(parsers.re(rf"staat {ITV} in geen enkele combinatie"))
def _in_no_combination(advies: Any, interventie: str) -> None:
    ident = _item(advies, interventie).id
    assert all(ident not in c.interventions for c in advies.combinations)


@then(parsers.re(rf"noemt de eerste combinatie {ITV} als gevolg van (?P<na>\"[^\"]+\")"))
def _consequence(advies: Any, interventie: str, na: str) -> None:
    assert advies.combinations, "het advies beveelt geen combinatie aan"
    first = advies.combinations[0]
    ident, after = _item(advies, interventie).id, _item(advies, na.strip('"')).id
    assert after in first.interventions, first.interventions
    assert any(c["intervention"] == ident and c["after"] == after for c in first.consequences), (
        first.consequences
    )
    assert "Gevolg om mee te wegen" in first.explanation


@then(parsers.re(rf'noemt de procedure van {ITV} "(?P<tekst>[^"]+)"'))
def _procedure(advies: Any, interventie: str, tekst: str) -> None:
    steps = _item(advies, interventie).procedure
    assert any(tekst.lower() in s.lower() for s in steps), steps


# Weighing (issue 10, facts a lawyer must be able to state): a reason for or against.
@then(parsers.re(rf'noemt de wenselijkheid van {ITV} "(?P<tekst>[^"]+)"'))
def _desirability(advies: Any, interventie: str, tekst: str) -> None:
    reasons = [r.text for r in _item(advies, interventie).desirability.reasons]
    assert any(tekst.lower() in r.lower() for r in reasons), reasons


# Combinations a mayor can read (issue 11, item 5): a cap on members, the order in words.
@then(parsers.re(r"telt elke combinatie ten hoogste (?P<aantal>\d+) interventies"))
def _at_most(advies: Any, aantal: str) -> None:
    assert advies.combinations, "het advies beveelt geen combinatie aan"
    sizes = [len(c.interventions) for c in advies.combinations]
    assert max(sizes) <= int(aantal), f"verwacht: ten hoogste {aantal}; gevonden: {sizes}"


@then(parsers.re(r'zegt de eerste combinatie waarom deze volgorde "(?P<tekst>[^"]+)"'))
def _why_order(advies: Any, tekst: str) -> None:
    assert advies.combinations, "het advies beveelt geen combinatie aan"
    first = advies.combinations[0]
    assert any(tekst.lower() in w.lower() for w in first.why_this_order), first.why_this_order
    assert "Waarom deze volgorde: " in first.explanation


@then("noemt het advies nergens een kale score")
def _no_bare_score(advies: Any) -> None:
    texts = [
        t
        for c in advies.combinations
        for t in [c.explanation, *c.alternatives, *(str(m["reason"]) for m in c.members)]
    ]
    bare = [t for t in texts if re.search(r"wenselijkheid\s*\(?[-+]?\d", t, re.IGNORECASE)]
    assert not bare, bare


@then(parsers.re(r"dekt de eerste combinatie (?P<domein>repressie|preventie|weerbaarheid|zorg)"))
def _covers(advies: Any, domein: str) -> None:
    from engine.explain.text import DOMAIN_TEXT

    assert advies.combinations, "het advies beveelt geen combinatie aan"
    wanted = next(d.value for d, text in DOMAIN_TEXT.items() if text == domein)
    assert wanted in advies.combinations[0].domains, advies.combinations[0].domains


# The family lens in the advice (issue 11, item 4), not only in the memo.
COLUMNS.update({"familie": "family", "selectiegronden": "selection_grounds"})
LISTS.add("selectiegronden")


def _lens(advies: Any) -> Any:
    assert advies.family is not None, "het advies toont geen gezinsaanpak"
    return advies.family


@then(parsers.re(r'noemt de gezinsaanpak voor "(?P<wie>[^"]+)" het doel "(?P<doel>[^"]+)"'))
def _person_goal(advies: Any, wie: str, doel: str) -> None:
    lines = [p.text for p in _lens(advies).persons]
    assert any(t.startswith(wie) and doel in t for t in lines), lines


@then(parsers.re(r'noemt de gezinsaanpak voor het gezin "(?P<doel>[^"]+)"'))
def _family_goal(advies: Any, doel: str) -> None:
    assert doel in (_lens(advies).family_goals_text or ""), _lens(advies).family_goals_text


@then(parsers.re(r'wijst de gezinsaanpak de selectiegrond "(?P<grond>[^"]+)" af als familienaam'))
def _ground_rejected(advies: Any, grond: str) -> None:
    grounds = {g.text: g for g in _lens(advies).selection_grounds}
    assert grond in grounds, list(grounds)
    assert grounds[grond].names_family and "art. 1 Grondwet" in grounds[grond].assessment


@then(parsers.re(r"raadt de gezinsaanpak (?P<geen>een|geen) regisseur aan"))
def _coordinator(advies: Any, geen: str) -> None:
    lens = _lens(advies)
    assert lens.coordinator_recommended == (geen == "een"), lens.coordinator


@then("noemt de gezinsaanpak de veiligheid van professionals als stap van het plan")
def _safety(advies: Any) -> None:
    assert any("risico-inschatting" in s for s in _lens(advies).safety), _lens(advies).safety


@then(parsers.re(rf'noemt de gezinsaanpak bij {ITV} de partners "(?P<wie>[^"]+)"'))
def _step_partners(advies: Any, interventie: str, wie: str) -> None:
    ident = _item(advies, interventie).id
    steps = {s.intervention: s for s in _lens(advies).steps}
    assert ident in steps, list(steps)
    assert wie in steps[ident].text, steps[ident].text


@then(parsers.re(r'noemt de gezinsaanpak de dekking "(?P<domein>[^"]+)"'))
def _coverage(advies: Any, domein: str) -> None:
    assert f"gedekt: {domein}" in _lens(advies).coverage, _lens(advies).coverage


@then("noemt de gezinsaanpak de selectiegronden onzeker")
def _no_grounds(advies: Any) -> None:
    lens = _lens(advies)
    assert not lens.selection_grounds and "Onzeker" in (lens.selection_grounds_text or "")


# Who bears another's acts is weighed by name (issue 11, item 2): the concern names the
# residents it weighs, the memo's balance of interests says why and what they knew.
@then(
    parsers.re(
        rf'noemt het zorgpunt "(?P<zorgpunt>[^"]+)" van {ITV} (?P<niet>niet )?de persoon '
        r'"(?P<persoon>[^"]+)"'
    )
)
def _concern_names(
    advies: Any, zorgpunt: str, interventie: str, niet: str | None, persoon: str
) -> None:
    concerns = [c for c in _item(advies, interventie).human_measure.concerns if c.id == zorgpunt]
    named = {p for c in concerns for p in c.persons}
    assert concerns, f'verwacht: zorgpunt "{zorgpunt}" bij {interventie}; gevonden: geen'
    assert (f"person:{persoon}" in named) != bool(niet), (
        f"verwacht: het zorgpunt noemt {'niet ' if niet else ''}{persoon}; "
        f"gevonden: {', '.join(sorted(named)) or 'niemand'}"
    )


@then(parsers.re(rf'noemt de belangenafweging van {ITV} in het memo "(?P<tekst>[^"]+)"'))
def _memo_balance(casus: dict, advisor: Any, interventie: str, tekst: str) -> None:
    case = parse_case(casus)
    assessment = advisor.assess(case)
    item = next(i for i in assessment.interventions if interventie in (i.id, i.id.split("-")[0]))
    motivation = memo(assessment, case).partition(f"## Motivering: {item.name}")[2]
    balance = motivation.partition("### Belangenafweging")[2].partition("### Conclusie")[0]
    assert tekst in balance, (
        f'verwacht: de belangenafweging van {interventie} in het memo noemt "{tekst}"; '
        f"gevonden: {balance or 'geen motivering voor deze maatregel'}"
    )
