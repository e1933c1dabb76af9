"""The bundled rulesets validate, and the JSON Schema editors use is current and agrees.

A policy officer edits rulesets in an editor that reads ``rulesets/schema.json`` through
the ``# yaml-language-server`` line; a stale schema or a broken link to it means the
editor silently stops helping.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.ruleset import bundle, source
from engine.ruleset.models import json_schema

ROOT = Path(__file__).resolve().parent.parent
RULESETS = ROOT / "rulesets"
SCHEMA = RULESETS / "schema.json"
INVALID = ROOT / "tests/fixtures/rulesets/invalid"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
FILES = bundle.ruleset_paths([RULESETS])


def _rel(path: Path) -> str:
    return str(path.relative_to(RULESETS))


def _as_json(data: Any) -> Any:
    """The document as an editor's schema checker sees it: dates are text in JSON."""
    return json.loads(
        json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v)
    )


def test_bundled_rulesets_validate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["validate", "rulesets/"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert f"{len(FILES)} ruleset-bestand(en) geldig" in result.stderr


def test_validate_defaults_to_the_bundled_rulesets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0, result.stdout
    assert f"{len(FILES)} ruleset-bestand(en) geldig" in result.stderr


def test_committed_schema_matches_the_models() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()
    assert result.stdout == SCHEMA.read_text(encoding="utf-8"), (
        "rulesets/schema.json is verouderd: voer `make schema` uit en commit het resultaat"
    )


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_ruleset_file_points_its_editor_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first)
    assert match, f"{_rel(path)} begint niet met '# yaml-language-server: $schema=...'"
    assert (path.parent / match.group(1)).resolve() == SCHEMA.resolve(), (
        f"{_rel(path)}: {match.group(1)} wijst niet naar rulesets/schema.json"
    )


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    return jsonschema_rs.validator_for(json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_schema_accepts_bundled_ruleset(validator: Any, path: Path) -> None:
    data = _as_json(source.read(path).data)
    errors = [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize(
    "name",
    [
        "missing-field.yaml",
        "unknown-key.yaml",
        "unknown-key-nested.yaml",
        "wrong-kind.yaml",
        "wrong-domain.yaml",
        "wrong-severity.yaml",
        "wrong-number.yaml",
        "number-out-of-range.yaml",
        "wrong-bool.yaml",
        "two-condition-kinds.yaml",
        "no-condition-key.yaml",
        "many-schema-errors.yaml",
    ],
)
def test_schema_refuses_what_the_validator_refuses_as_shape(validator: Any, name: str) -> None:
    # So the editor underlines the same mistakes `afweging validate` reports.
    data = _as_json(source.read(INVALID / name).data)
    assert not validator.is_valid(data)
