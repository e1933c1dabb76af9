"""The editor schema of case files is generated from the case model and committed, and
the example cases point their editor at it; `afweging --version` answers."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import engine
from engine.case.models import Case
from engine.case.schema import case_schema
from engine.cli import app
from tests.conftest import EXAMPLES, RULESETS

SCHEMA = RULESETS / "casus.schema.json"


def test_committed_case_schema_matches_the_model() -> None:
    result = CliRunner().invoke(app, ["schema", "--casus"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == case_schema()
    assert result.stdout == SCHEMA.read_text(encoding="utf-8"), (
        "rulesets/casus.schema.json is verouderd: voer `make schema` uit en commit het resultaat"
    )


def test_the_schema_refuses_what_the_model_refuses() -> None:
    schema = case_schema()
    person = schema["$defs"]["Person"]
    assert person["additionalProperties"] is False  # a misspelt field is underlined
    assert set(schema["properties"]) == {f.alias or n for n, f in Case.model_fields.items()}


def test_example_cases_point_their_editor_at_the_case_schema() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../rulesets/casus.schema.json", path
        assert (path.parent / "../rulesets/casus.schema.json").resolve() == SCHEMA.resolve()


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"afweging {engine.__version__}"
