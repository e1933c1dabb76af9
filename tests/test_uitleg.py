"""`afweging uitleg` reads an intervention back to a policy officer in Dutch: its
conditions as sentences, the law with links, the policy numbers and who sets them, and
the scenarios that test it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.case import models, vocabulary
from engine.cli import app
from engine.ruleset.bundle import Catalog
from engine.ruleset.readable import WORDS
from tests.conftest import RULESETS

DATE = "2026-03-01"


def uitleg(*args: str) -> str:
    result = CliRunner().invoke(app, ["uitleg", *args, "--peildatum", DATE])
    assert result.exit_code == 0, result.output
    return result.stdout


#: The enums whose values are English identifiers (the others are Dutch already).
ENGLISH = (
    models.Goal,
    models.Role,
    models.Tenure,
    models.FindingKind,
    models.Source,
    models.Unit,
    models.RelationKind,
)


def _english_words() -> set[str]:
    """Identifiers of the case model a person should never read: attribute names with an
    underscore and enum values that have a Dutch word of their own."""
    words = {name for (_, name) in vocabulary.ATTRIBUTES if "_" in name}
    words |= {str(m.value) for enum in ENGLISH for m in enum if WORDS.get(m.value) != m.value}
    return words


def _interventions() -> list[str]:
    bundle = Catalog(RULESETS).bundle("voorbeeldstad", dt.date.fromisoformat(DATE))
    return [i.id for i in bundle.interventions]


@pytest.mark.parametrize("intervention", _interventions())
def test_no_english_field_name_or_value_reaches_the_text(intervention: str) -> None:
    text = uitleg(intervention, "--gemeente", "voorbeeldstad")
    conditions = text.split("\nWettelijke grondslag:")[0]
    for word in _english_words():
        assert not re.search(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", conditions), (
            f"'{word}' in de uitleg van {intervention}:\n{conditions}"
        )


def test_every_english_enum_value_has_a_dutch_word() -> None:
    missing = [str(m.value) for enum in ENGLISH for m in enum if m.value not in WORDS]
    assert missing == [], "geen Nederlands woord in engine/explain/text.py voor: " + ", ".join(
        missing
    )


def test_conditions_read_as_sentences_with_the_parameter_in_force() -> None:
    text = uitleg("VS-jongerenwerker", "--gemeente", "voorbeeldstad")
    assert "Wanneer is er een grondslag (per persoon):" in text
    assert "leeftijd (persoon) — ten minste 12" in text
    assert (
        "leeftijd (persoon) — ten hoogste 23 jaar (parameter 'jongerenwerk_max_leeftijd')" in text
    )
    assert "een van lid van het netwerk, kind, bekende" in text
    assert "jongerenwerk_max_leeftijd = 23 jaar" in text
    assert "Te oud voor het jongerenwerk" in text  # a scenario that covers it


def test_citations_come_with_their_link_and_short_ids_work() -> None:
    text = uitleg("I01")
    assert "art. 13b lid 1 sub a Opiumwet — https://wetten.overheid.nl/jci1.3:c:BWBR0001941" in text
    assert "Begrip 'handelshoeveelheid (meer dan voor eigen gebruik)'" in text
    assert "gebruikershoeveelheid_planten = 5 planten" in text
    assert "opiumwet-13b_2019-01-01.feature: " in text


def test_a_municipal_override_is_shown_with_the_national_value(tmp_path: Path) -> None:
    copy = tmp_path / "rulesets"
    shutil.copytree(RULESETS, copy)
    layer = copy / "gemeenten/voorbeeldstad/damocles-beleid_2024-01-01.yaml"
    text = layer.read_text(encoding="utf-8")
    override = (
        "parameters:\n"
        "  gebruikershoeveelheid_planten:\n"
        "    value: 3\n"
        "    unit: planten\n"
        "    description: Voorbeeldstad telt vanaf drie planten als handel (fictief).\n"
        "    policy_choice: true\n"
    )
    layer.write_text(text.replace("parameters:\n", override, 1), encoding="utf-8")
    national = uitleg("I01", "--rulesets", str(copy))
    assert "gebruikershoeveelheid_planten = 5 planten" in national
    assert (
        "gemeente voorbeeldstad zet gebruikershoeveelheid_planten op 3 (landelijk 5; "
        "voorbeeldstad-damocles)" in national
    )
    local = uitleg("I01", "--gemeente", "voorbeeldstad", "--rulesets", str(copy))
    assert "meer dan 3 planten (parameter 'gebruikershoeveelheid_planten')" in local


def test_an_unknown_intervention_or_municipality_is_told_plainly() -> None:
    result = CliRunner().invoke(app, ["uitleg", "I99-bestaat-niet"])
    assert result.exit_code == 2 and "onbekende interventie 'I99-bestaat-niet'" in result.stderr
    result = CliRunner().invoke(app, ["uitleg", "I01", "--gemeente", "nergenshuizen"])
    assert result.exit_code == 2 and "onbekende gemeente 'nergenshuizen'" in result.stderr
