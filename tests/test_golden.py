"""Golden traces: the full explanation and the summary of each example, beside the case.

A change in a ruleset or in the engine that alters what a lawyer reads shows up here as
a diff to review. Regenerate deliberately with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py``.
"""

from __future__ import annotations

import json
import os

import pytest

from engine.advise import Advisor
from engine.case.read import read_case
from engine.explain.proof import lines
from engine.explain.render import render_json
from tests.conftest import EXAMPLES

CASES = ["e1-visser", "e2-meijer", "e3-kevin"]


def trace_text(advisor: Advisor, name: str) -> str:
    advice = advisor.advise(read_case(EXAMPLES / f"{name}.yaml"), detail="full")
    out = []
    for item in advice.interventions:
        out.append(f"{item.id}: {item.legal_basis.status}")
        out.append(f"  {item.explanation}")
        for target in item.legal_basis.targets:
            out.append(f"  {target.target}: {target.status}")
            for condition in target.conditions:
                out.extend(lines(condition, 2))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", CASES)
def test_trace_matches_golden(advisor: Advisor, name: str) -> None:
    golden = EXAMPLES / f"{name}.trace.txt"
    actual = trace_text(advisor, name)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden} ontbreekt; maak hem met UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_advice_matches_golden(advisor: Advisor, name: str) -> None:
    golden = EXAMPLES / f"{name}.advice.json"
    advice = advisor.advise(read_case(EXAMPLES / f"{name}.yaml"), detail="full")
    actual = advice.model_dump_json(indent=2) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert json.loads(actual) == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_summary_matches_golden(advisor: Advisor, name: str) -> None:
    """The summary as the service stores and serves it (ADR 0014), beside the full form."""
    golden = EXAMPLES / f"{name}.summary.json"
    summary = json.loads(render_json(advisor.assess(read_case(EXAMPLES / f"{name}.yaml"))))
    actual = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert summary == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_json_twin_equals_yaml(name: str) -> None:
    assert read_case(EXAMPLES / f"{name}.json") == read_case(EXAMPLES / f"{name}.yaml")


def test_same_case_gives_byte_identical_advice(advisor: Advisor) -> None:
    case = read_case(EXAMPLES / "e1-visser.yaml")
    assert advisor.advise(case).model_dump_json() == advisor.advise(case).model_dump_json()


@pytest.mark.parametrize("name", CASES)
def test_durable_rules_agrees_with_every_golden_advice(advisor: Advisor, name: str) -> None:
    """A golden advice may only be one the second reading confirms."""
    case = read_case(EXAMPLES / f"{name}.yaml")
    checked = advisor.verify(case, None, None)
    assert (checked.status, checked.differences) == ("agreed", ())
