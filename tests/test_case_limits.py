"""Oversized cases are refused before evaluation, naming the collection, its size and the limit."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from api.settings import Settings
from engine.case.limits import CaseLimits, Collection, LimitExceeded, exceeded
from engine.case.read import parse_case
from tests.conftest import EXAMPLES, ROOT, RULESETS


def e1() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "e1-visser.json").read_text(encoding="utf-8"))
    return data


def with_extra_persons(data: dict[str, Any], extra: int) -> dict[str, Any]:
    grown = copy.deepcopy(data)
    grown["persons"] += [{"id": f"PX{i:04d}"} for i in range(extra)]
    return grown


def test_the_examples_are_far_within_the_default_limits() -> None:
    for name in ("e1-visser", "e2-meijer", "e3-kevin"):
        case = parse_case(json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))
        assert exceeded(case, CaseLimits()) == [], name


def test_a_collection_over_its_limit_is_named_with_count_limit_and_path() -> None:
    case = parse_case(e1())  # 4 persons, 5 relations, 2 findings
    found = exceeded(case, CaseLimits(persons=3, findings=2, relations=4))
    assert found == [
        LimitExceeded(Collection.persons, 4, 3),
        LimitExceeded(Collection.relations, 5, 4),
    ]
    assert str(found[0]) == (
        "$.persons: 4 personen, meer dan de grens van 3 per casus; "
        "splits de casus of laat de beheerder de grens verhogen"
    )
    assert found[1].path == "$.relations" and "5 relaties" in found[1].message


def test_exactly_at_the_limit_is_allowed() -> None:
    case = parse_case(e1())
    assert exceeded(case, CaseLimits(persons=4, relations=5, findings=2)) == []


def test_limits_come_from_the_environment_and_unset_ones_keep_their_default() -> None:
    limits = CaseLimits.from_env({"AFWEGING_MAX_PERSONS": "50", "AFWEGING_MAX_FINDINGS": " 1_000 "})
    assert limits == CaseLimits(persons=50, findings=1000)
    assert Settings.from_env({"AFWEGING_MAX_PRIOR_INTERVENTIONS": "7"}).case_limits == CaseLimits(
        prior_interventions=7
    )
    assert Settings.from_env({}).case_limits == CaseLimits(persons=500, findings=2000)


@pytest.mark.parametrize("value", ["veel", "0", "-3", "2.5"])
def test_a_wrong_limit_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(ValueError, match="AFWEGING_MAX_BUSINESSES") as caught:
        CaseLimits.from_env({"AFWEGING_MAX_BUSINESSES": value})
    assert "geheel getal" in str(caught.value)


def afweging(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_evaluate_refuses_a_case_over_the_default_limit_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "groot.json"
    big.write_text(json.dumps(with_extra_persons(e1(), 497)), encoding="utf-8")
    run = afweging("evaluate", str(big), "--rulesets", str(RULESETS))
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"{big}: $.persons: 501 personen, meer dan de grens van 500 per casus; splits de casus "
        "of laat de beheerder de grens verhogen (in te stellen met AFWEGING_MAX_PERSONS)"
    ]


def test_evaluate_checks_the_limit_before_loading_any_ruleset(tmp_path: Path) -> None:
    """With no rulesets at all the answer is still the size (exit 2), not a ruleset error."""
    case = tmp_path / "casus.json"
    case.write_text(json.dumps(e1()), encoding="utf-8")
    run = afweging(
        "evaluate", str(case), "--rulesets", str(tmp_path / "geen"), AFWEGING_MAX_FINDINGS="1"
    )
    assert run.returncode == 2
    assert "$.findings: 2 bevindingen, meer dan de grens van 1" in run.stderr
    assert "Traceback" not in run.stderr


def test_evaluate_with_a_case_at_a_lowered_limit_gives_the_advice() -> None:
    run = afweging(
        "evaluate",
        str(EXAMPLES / "e1-visser.json"),
        "--rulesets",
        str(RULESETS),
        AFWEGING_MAX_PERSONS="4",
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["case_id"] == e1()["case"]["id"]


def test_evaluate_names_a_wrong_limit_setting_without_a_traceback() -> None:
    run = afweging(
        "evaluate",
        str(EXAMPLES / "e1-visser.json"),
        "--rulesets",
        str(RULESETS),
        AFWEGING_MAX_PERSONS="veel",
    )
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "AFWEGING_MAX_PERSONS: 'veel' is geen geheel getal (de grens voor personen)"
    )
