"""`afweging evaluate` as a lawyer uses it: the advice on stdout, bad input named, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, RULESETS


def afweging(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine", *args, "--rulesets", str(RULESETS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def by_id(advice: dict, ident: str) -> dict:
    return next(i for i in advice["interventions"] if i["id"] == ident)


def test_e1_closure_satisfied_with_citation_and_174a_not_possible_without_disturbance() -> None:
    run = afweging("evaluate", str(EXAMPLES / "e1-visser.yaml"))
    assert run.returncode == 0, run.stderr
    advice = json.loads(run.stdout)
    closure = by_id(advice, "I01-sluiting-13b-drugshandel")
    assert closure["legal_basis"]["status"] == "satisfied"
    assert {"bwb": "BWBR0001941", "article": "13b"}.items() <= closure["legal_basis"]["citations"][
        0
    ].items()
    # Art. 174a needs a serious and repeated disturbance of public order, a violence or a
    # weapons ground; E1 records none of them, so the mayor has no 174a power here.
    victoria = by_id(advice, "I03-sluiting-174a-openbare-orde")
    assert victoria["legal_basis"]["status"] == "not_satisfied"
    assert victoria["missing_facts"] == []
    assert {
        "case_id",
        "reference_date",
        "ruleset",
        "interventions",
        "combinations",
    } <= advice.keys()
    assert {"id", "version", "sha256"} <= advice["ruleset"].keys()


def test_e2_has_no_formal_closure_or_ban_and_only_informal_or_care_packages() -> None:
    advice = json.loads(afweging("evaluate", str(EXAMPLES / "e2-meijer.yaml")).stdout)
    measures = [
        i["id"]
        for i in advice["interventions"]
        if i["formal"] and not i["supporting"] and i["legal_basis"]["status"] == "satisfied"
    ]
    assert measures == []
    assert advice["combinations"], "E2 must still get informal and care packages"
    for combination in advice["combinations"]:
        members = [by_id(advice, m) for m in combination["interventions"]]
        assert all(not m["formal"] or m["domain"] == "care" for m in members), combination


def test_misspelt_field_exits_2_and_names_its_path(tmp_path: Path) -> None:
    bad = tmp_path / "casus.yaml"
    text = (EXAMPLES / "e1-visser.yaml").read_text(encoding="utf-8").replace("age: 44", "agee: 44")
    bad.write_text(text, encoding="utf-8")
    run = afweging("evaluate", str(bad))
    assert run.returncode == 2
    assert "$.persons[0].agee" in run.stderr and "onbekend veld" in run.stderr
    assert "Traceback" not in run.stderr


def test_an_invalid_case_also_names_a_municipality_without_policy(tmp_path: Path) -> None:
    """Every mistake in one run: the misspelt field and the misspelt municipality."""
    bad = tmp_path / "casus.yaml"
    text = (EXAMPLES / "e1-visser.yaml").read_text(encoding="utf-8").replace("age: 44", "agee: 44")
    bad.write_text(text.replace("municipality: voorbeeldstad", "municipality: voorbeeldstd", 1))
    run = afweging("evaluate", str(bad))
    assert run.returncode == 2
    assert "$.persons[0].agee" in run.stderr
    assert f"{bad}: $.case.municipality: voor gemeente 'voorbeeldstd'" in run.stderr
    assert "--gemeente landelijk" in run.stderr


def test_unreadable_date_and_missing_file_exit_2() -> None:
    run = afweging("evaluate", str(EXAMPLES / "e1-visser.yaml"), "--peildatum", "1-3-2026")
    assert run.returncode == 2 and "JJJJ-MM-DD" in run.stderr
    run = afweging("evaluate", "bestaat-niet.yaml")
    assert run.returncode == 2 and "bestaat niet" in run.stderr


def test_text_format_is_a_dutch_memo() -> None:
    run = afweging("evaluate", str(EXAMPLES / "e1-visser.yaml"), "--format", "text")
    assert run.returncode == 0
    assert "Opiumwet" in run.stdout and "### Conceptbesluit" in run.stdout


def test_the_advice_carries_durable_rules_agreement() -> None:
    run = afweging("evaluate", str(EXAMPLES / "e1-visser.yaml"))
    assert run.returncode == 0, run.stderr
    verification = json.loads(run.stdout)["verification"]
    assert verification == {"engine": "durable-rules 2.0.28", "status": "agreed", "differences": []}


def test_an_advice_durable_rules_does_not_confirm_is_shown_and_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from engine.advise import Advisor
    from engine.cli import app
    from engine.inference.verification import Verification, VerificationStatus

    def disagree(*_: object) -> Verification:
        return Verification(VerificationStatus.mismatch, differences=("I01 voor premises:W1",))

    monkeypatch.setattr(Advisor, "verify", disagree)
    run = CliRunner().invoke(
        app, ["evaluate", str(EXAMPLES / "e1-visser.yaml"), "--rulesets", str(RULESETS)]
    )
    assert run.exit_code == 1
    assert json.loads(run.stdout)["verification"]["status"] == "mismatch"
    assert "niet bevestigd" in run.stderr and "I01 voor premises:W1" in run.stderr
