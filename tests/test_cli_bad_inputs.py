"""The bad-input corpus through `afweging evaluate`: every case file in it is refused with
exit code 2 and Dutch lines that name the file and the path of the field, never a
traceback. Files of YAML have the problems JSON cannot show (tags, anchors, .nan)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.bad_inputs import ENGLISH, Entry, load
from tests.conftest import ROOT, RULESETS

CASE_FILES = [e for e in load() if e.is_case_file]


def evaluate(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["evaluate", str(path), "--rulesets", str(RULESETS)])
    # Anything but a typer exit is an exception that escaped: a traceback for the user.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.output


@pytest.mark.parametrize("entry", CASE_FILES, ids=lambda e: e.name)
def test_a_bad_case_file_is_refused_at_its_leaf(entry: Entry, tmp_path: Path) -> None:
    assert entry.body is not None
    path = tmp_path / "casus.json"
    path.write_bytes(entry.body)
    code, output = evaluate(path)
    assert code == 2, output
    # The folder of rulesets used is said first; every line after it is about the file.
    lines = [line for line in output.strip().splitlines() if not line.startswith("rulesets: ")]
    assert lines and all(line.startswith(f"{path}: ") for line in lines), output
    assert any(f": {entry.cli_path}: " in line for line in lines), output
    assert "Traceback" not in output
    assert not ENGLISH.search(output), output


def test_a_field_error_in_a_json_file_names_its_line(tmp_path: Path) -> None:
    entry = next(e for e in CASE_FILES if e.name == "finding-date-feb-31")
    assert entry.body is not None
    path = tmp_path / "casus.json"
    path.write_bytes(entry.body.replace(b"{", b"{\n"))
    _, output = evaluate(path)
    line = next(
        n for n, text in enumerate(path.read_text().splitlines(), 1) if "2026-02-31" in text
    )
    assert f"{path}: regel {line}: $.findings[0].date: " in output


YAML_FILES = {
    "nan": (
        "case: {id: X, municipality: voorbeeldstad}\nfindings:\n"
        "  - {id: F1, kind: drugs, amount: .nan}\n",
        "$.findings[0].amount",
    ),
    "infinity": (
        "case: {id: X, municipality: voorbeeldstad}\nfindings:\n"
        "  - {id: F1, kind: drugs, amount: -.inf}\n",
        "$.findings[0].amount",
    ),
    "duplicate-key": ("case: {id: X, municipality: voorbeeldstad, id: Y}\n", "$"),
    "deep": ("case: " + "[" * 5000 + "]" * 5000 + "\n", "$"),
    "deep-in-limits": (
        "case: {id: X, municipality: voorbeeldstad, family: " + "[" * 40 + "]" * 40 + "}\n",
        "$.case.family",
    ),
    "python-tag": ("case: !!python/object/apply:os.system [echo hallo]\n", "$"),
    "nul-escape": ('case: {id: "X\\0", municipality: voorbeeldstad}\n', "$.case.id"),
    "own-parent": (
        "case: {id: X, municipality: voorbeeldstad}\npersons: [{id: P1}]\n"
        "relations: [{from: P1, to: P1, kind: parent}]\n",
        "$.relations[0].to",
    ),
    "unknown-municipality": ("case: {id: X, municipality: voorbeeldstd}\n", "$.case.municipality"),
}


@pytest.mark.parametrize("name", sorted(YAML_FILES))
def test_a_bad_yaml_case_file_is_refused(name: str, tmp_path: Path) -> None:
    text, at = YAML_FILES[name]
    path = tmp_path / "casus.yaml"
    path.write_text(text, encoding="utf-8")
    code, output = evaluate(path)
    assert code == 2, output
    assert f"{path}: " in output and f"{at}" in output, output


def test_national_rules_only_when_asked_for_by_name(tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    path.write_text("case: {id: X, municipality: andersdorp, reference_date: 2026-03-01}\n")
    code, output = evaluate(path)
    assert code == 2 and "'voorbeeldstad'" in output and "landelijk" in output, output
    result = CliRunner().invoke(
        app, ["evaluate", str(path), "--gemeente", "landelijk", "--rulesets", str(RULESETS)]
    )
    assert result.exit_code == 0, result.output
    assert '"ruleset"' in result.output and "alleen landelijke regels" in result.output


def test_a_deeply_nested_file_is_refused_by_the_real_command(tmp_path: Path) -> None:
    """In a process of its own: the stack of a real run, not the test runner's."""
    path = tmp_path / "casus.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    run = subprocess.run(
        [sys.executable, "-m", "engine", "evaluate", str(path), "--rulesets", str(RULESETS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.strip() == f"{path}: $: de JSON is dieper genest dan 20 niveaus"
