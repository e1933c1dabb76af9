"""The Dutch memo a mayor reads: the verdict first, then a besluit per formal measure."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from engine.case.read import read_case
from engine.explain.memo import memo
from tests.conftest import EXAMPLES
from tests.memo_language import problems


def _memo(advisor, name: str, with_case: bool = True) -> str:
    case = read_case(EXAMPLES / name)
    return memo(
        advisor.assess(case, "voorbeeldstad", dt.date(2026, 3, 1)), case if with_case else None
    )


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("e*.yaml")))
def test_every_example_memo_reads_as_dutch(advisor, name):
    text = _memo(advisor, name)
    assert problems(text) == []


def test_e1_first_page_holds_the_verdict(advisor):
    """What a mayor needs to decide is on the first page, before any detail."""
    first = "\n".join(_memo(advisor, "e1-visser.yaml").splitlines()[:40])
    assert "art. 13b lid 1 sub a Opiumwet" in first
    assert "De burgemeester van voorbeeldstad: Sluiting woning" in first
    assert "Mila (9 jaar)" in first and "Daan (14 jaar)" in first and "art. 3 IVRK" in first
    assert "### Ontbrekende feiten" in first
    assert "Wist deze persoon van de overtreding" in first


def test_e1_closure_is_motivated_as_a_besluit(advisor):
    text = _memo(advisor, "e1-visser.yaml")
    besluit = text[text.index("## Motivering: Sluiting woning") :]
    for part in (
        "### Feiten",
        "### Bevoegdheid en grondslag",
        "### Noodzaak",
        "### Belangenafweging",
        "### Conclusie",
        "### Conceptbesluit",
        "### Bezwaar",
    ):
        assert part in besluit
    # Facts in plain Dutch, from the case, not from proof leaves.
    assert (
        "Op 10 februari 2026 is in woning W1 aangetroffen: drugs, 120 planten cannabis" in besluit
    )
    assert "sociale huur" in besluit and "Eerder is ingezet: Waarschuwingsbrief" in besluit
    # Each interest has a weight and an outcome; an unknown one says so.
    assert besluit.count("Gewicht: ") >= 3 and "Uitkomst: Onzeker" in besluit
    # The remedies clause (art. 3:45 Awb) with the six weeks of art. 6:7 Awb.
    assert "binnen zes weken" in besluit and "art. 6:7" in besluit and "art. 3:45 Awb" in besluit
    assert "[In te vullen" not in text


def test_e1_rulesets_are_an_annex(advisor):
    text = _memo(advisor, "e1-visser.yaml")
    assert text.index("## Bijlage: gebruikte regels") > text.index("## Motivering")
    assert "opiumwet-13b, versie" in text[text.index("## Bijlage") :]


def test_e2_memo_has_no_formal_motivation(advisor):
    text = _memo(advisor, "e2-meijer.yaml")
    assert "## Oordeel" in text
    assert "## Motivering: Sluiting" not in text


def test_memo_without_case_still_reads(advisor):
    text = _memo(advisor, "e1-visser.yaml", with_case=False)
    assert "## Oordeel" in text and problems(text) == []


def test_the_check_catches_what_a_mayor_should_not_read():
    """The checks are real: each kind of leak is caught."""
    assert problems("Huur: social_rent")
    assert problems("Pand premises:W1 (premises[0])")
    assert problems("zie I01-sluiting-13b-drugshandel")
    assert problems("De iedere professional") == []
    assert problems("De de burgemeester")
    assert problems("[In te vullen: de afweging]")
    assert problems("status: satisfied")
    assert problems("De eenheid is plants")


def test_every_case_value_a_person_reads_has_a_dutch_label():
    from engine.case.models import (
        DecidingBody,
        FindingKind,
        RelationKind,
        Role,
        SharingBasis,
        Source,
        Tenure,
    )
    from engine.explain.text import (
        DECIDING_TEXT,
        FINDING_TEXT,
        RELATION_TEXT,
        ROLE_TEXT,
        SHARING_TEXT,
        SOURCE_TEXT,
        TENURE_TEXT,
    )

    for table, kind in (
        (SHARING_TEXT, SharingBasis),
        (DECIDING_TEXT, DecidingBody),
        (FINDING_TEXT, FindingKind),
        (SOURCE_TEXT, Source),
        (TENURE_TEXT, Tenure),
        (ROLE_TEXT, Role),
        (RELATION_TEXT, RelationKind),
    ):
        assert set(table) == set(kind), kind.__name__


def test_a_letter_is_addressed_to_the_offender_never_the_victim(advisor):
    from engine.case.read import parse_case

    case = parse_case(
        {
            "case": {
                "id": "brief",
                "municipality": "voorbeeldstad",
                "reference_date": "2026-03-01",
                "goals": ["liveable_street", "prevent_recruitment"],
            },
            "persons": [
                {"id": "P1", "alias": "Sanne", "age": 34},
                {"id": "P2", "alias": "Tom", "age": 29},
            ],
            "findings": [
                {
                    "id": "F1",
                    "kind": "intimidation",
                    "date": "2026-02-01",
                    "persons": ["P2"],
                    "victims": ["P1"],
                    "source": "police_report",
                    "proven": True,
                }
            ],
        }
    )
    text = memo(advisor.assess(case), case)
    letter = next(line for line in text.splitlines() if "Waarschuwingsbrief" in line)
    assert "Gericht aan: Tom, betrokken bij intimidatie op 1 februari 2026." in letter
    assert "Sanne" not in letter
    assert problems(text) == []


def test_e1_approach_is_grouped_per_domain_with_one_lead_and_no_bare_score(advisor):
    text = _memo(advisor, "e1-visser.yaml")
    verdict = text[text.index("## Oordeel") : text.index("### Wie beslist")]
    leads = [line for line in verdict.splitlines() if line.startswith("- ")]
    assert [line[2:].split(" — ")[0] for line in leads] == [
        "Repressie",
        "Preventie",
        "Zorg",
        "Weerbaarheid",
    ]
    assert leads[0].startswith("- Repressie — Sluiting woning of lokaal wegens drugshandel")
    assert "  - Daarnaast: Gezinsregie" in verdict
    assert "## Waarom deze volgorde" in text
    assert not re.search(r"wenselijkheid \d|score \d", text)


def _family_case(grounds: list[str], coordinator: bool | None):
    from engine.case.read import parse_case

    return parse_case(
        {
            "case": {
                "id": "gezin",
                "municipality": "voorbeeldstad",
                "reference_date": "2026-03-01",
                "family": "Jansen",
                "goals": ["stop_criminal_activity", "protect_children"],
                "selection_grounds": grounds,
                "coordinator_assigned": coordinator,
            },
            "persons": [
                {"id": "P1", "alias": "Piet", "age": 50, "role": "key_figure"},
                {"id": "P2", "alias": "Anna", "age": 12, "role": "child"},
            ],
            "premises": [
                {
                    "id": "W1",
                    "kind": "woning",
                    "municipality": "voorbeeldstad",
                    "residents": ["P1", "P2"],
                }
            ],
            "findings": [
                {
                    "id": "F1",
                    "kind": "weapons",
                    "date": "2026-01-15",
                    "premises": "W1",
                    "persons": ["P1"],
                    "source": "police_report",
                    "proven": True,
                }
            ],
        }
    )


def test_family_lens_shows_goals_grounds_regie_coverage_and_safety(advisor):
    case = _family_case(["familie Jansen", "wapenbezit in woning"], coordinator=False)
    text = memo(advisor.assess(case), case)
    lens = text[text.index("## Gezinsaanpak") :]
    assert "- Piet (50 jaar, sleutelfiguur): criminele activiteiten stoppen." in lens
    assert "- Anna (12 jaar, kind): kinderen beschermen." in lens
    # A family name is never a ground; a factual ground is shown as it is.
    assert "'familie Jansen' noemt de familienaam" in lens and "- Wapenbezit in woning." in lens
    assert "### Regie\nWijs een regisseur aan" in lens
    assert "### Dekking van de aanpak" in lens and "Veilig interveniëren" in lens
    assert "Vierhoek: burgemeester" in text
    assert problems(text) == []


def test_family_lens_with_a_coordinator_and_sound_grounds(advisor):
    case = _family_case(["wapenbezit in woning"], coordinator=True)
    lens = memo(advisor.assess(case), case)
    assert "Er is een regisseur aangewezen." in lens and "noemt de familienaam" not in lens
