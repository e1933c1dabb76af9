"""`afweging impact` as a policy officer uses it: one changed municipal threshold shows
exactly the cases and interventions it touches, under pseudonyms, with the condition
that made the difference."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.impact.compare import pseudonym
from engine.impact.run import read_corpus, run
from tests.conftest import EXAMPLES, RULESETS

LAYER = "gemeenten/voorbeeldstad/voorbeeldstad-openbare-orde-en-preventie_2024-01-01.yaml"


def _with_threshold(folder: Path, age: int) -> Path:
    """A copy of the bundled rulesets with the jongerenwerk age limit set to ``age``."""
    shutil.copytree(RULESETS, folder)
    path = folder / LAYER
    text = path.read_text(encoding="utf-8")
    old = "  jongerenwerk_max_leeftijd:\n    value: 23\n"
    assert text.count(old) == 1, "the fixture expects the limit of 23 in the layer"
    path.write_text(text.replace(old, f"  jongerenwerk_max_leeftijd:\n    value: {age}\n"))
    return folder


def _young(case_id: str, age: int | None, municipality: str = "voorbeeldstad") -> dict:
    person = {"id": "P1", "role": "member", **({"age": age} if age is not None else {})}
    return {
        "case": {"id": case_id, "municipality": municipality, "reference_date": "2026-03-01"},
        "persons": [person],
    }


#: Case id -> whether lowering the limit from 23 to 18 touches it: only a network member
#: aged 19 to 23 is inside the old limit and outside the new one, and only in the
#: municipality whose policy changes.
CORPUS = {
    "K-twintig-elders": (_young("K-twintig-elders", 20, "elders"), False),
    "K-twintig": (_young("K-twintig", 20), True),
    "K-achttien": (_young("K-achttien", 18), False),
    "K-zestien": (_young("K-zestien", 16), False),
    "K-dertig": (_young("K-dertig", 30), False),
    "K-leeftijd-onbekend": (_young("K-leeftijd-onbekend", None), False),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("casussen")
    for name in ("e1-visser.yaml", "e2-meijer.yaml", "e3-kevin.yaml"):  # Kevin is 19
        shutil.copy(EXAMPLES / name, folder / name)
    for case_id, (data, _) in CORPUS.items():
        (folder / f"{case_id}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def proposal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _with_threshold(tmp_path_factory.mktemp("voorstel") / "rulesets", 18)


@pytest.fixture(scope="module")
def report_json(corpus: Path, proposal: Path) -> dict:
    result = CliRunner().invoke(
        app,
        [
            "impact",
            "--basis",
            str(RULESETS),
            "--voorstel",
            str(proposal),
            "--casussen",
            str(corpus),
            "--formaat",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_one_changed_threshold_reports_exactly_what_it_touches(report_json: dict) -> None:
    touched = {pseudonym("E3-kevin")} | {
        pseudonym(case_id) for case_id, (_, hit) in CORPUS.items() if hit
    }
    assert report_json["cases"] == 3 + len(CORPUS)
    assert set(report_json["changed_cases"]) == touched
    assert [i["id"] for i in report_json["interventions"]] == ["VS-jongerenwerker"]
    item = report_json["interventions"][0]
    basis_changes = [c for c in item["changes"] if c["aspect"] == "legal_basis"]
    assert {c["case"] for c in basis_changes} == touched
    assert item["counts"]["legal_basis"] == len(touched)
    for change in basis_changes:
        assert change["before"].startswith("vervuld voor persoon")
        assert change["after"] == "niet vervuld"
    assert {c["case"] for c in report_json["combinations"]} <= touched
    assert report_json["failed"] == []


def test_the_decisive_condition_is_named_in_dutch(report_json: dict) -> None:
    changes = report_json["interventions"][0]["changes"]
    reasons = [c["reason"] for c in changes if c["aspect"] == "legal_basis"]
    assert reasons and all(r is not None for r in reasons)
    for reason in reasons:
        assert reason.startswith("leeftijd (persoon ")
        assert "vereist: ten hoogste 18" in reason
        assert "was vervuld, nu niet vervuld" in reason
        assert "voorheen:" in reason and "ten hoogste 23" in reason


def test_unchanged_rulesets_report_no_difference(corpus: Path) -> None:
    report = run(
        RULESETS,
        RULESETS,
        read_corpus(corpus),
        basis_label="a",
        proposal_label="b",
        processes=2,
    )
    assert report.changed_cases == []
    assert report.interventions == [] and report.combinations == []


def test_readable_report_names_no_case_and_no_person(
    corpus: Path, proposal: Path, tmp_path: Path
) -> None:
    out = tmp_path / "impact.html"
    args = ["impact", "--basis", str(RULESETS), "--voorstel", str(proposal)]
    args += ["--casussen", str(corpus), "--uit", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<html lang="nl">' in html and "Doorslaggevende voorwaarde" in html
    assert pseudonym("E3-kevin") in html
    for identifying in ("E3-kevin", "Kevin", "K-twintig"):
        assert identifying not in html
    markdown = CliRunner().invoke(app, [*args[:-2], "--formaat", "markdown"]).stdout
    assert "## VS-jongerenwerker" in markdown and "Kevin" not in markdown


def test_a_git_version_as_basis_gives_the_same_report(
    corpus: Path, tmp_path: Path, report_json: dict
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(RULESETS, repo / "rulesets")

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", "rulesets")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "basis")
    shutil.rmtree(repo / "rulesets")
    _with_threshold(repo / "rulesets", 18)
    args = ["impact", "--basis", "HEAD", "--voorstel", str(repo / "rulesets")]
    args += ["--casussen", str(corpus), "--formaat", "json", "--repository", str(repo)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert got["changed_cases"] == report_json["changed_cases"]
    assert got["interventions"] == report_json["interventions"]


def test_an_unknown_basis_and_a_broken_proposal_are_told_not_crashed(
    corpus: Path, tmp_path: Path
) -> None:
    args = ["impact", "--basis", "geen-versie-of-map", "--voorstel", str(RULESETS)]
    result = CliRunner().invoke(app, [*args, "--casussen", str(corpus)])
    assert result.exit_code == 2
    assert "'geen-versie-of-map' is geen map en geen git-versie" in result.stderr
    broken = tmp_path / "kapot"
    shutil.copytree(RULESETS, broken)
    layer = broken / LAYER
    layer.write_text(layer.read_text(encoding="utf-8").replace("\nladders:", "\nladdders:", 1))
    args = ["impact", "--basis", str(RULESETS), "--voorstel", str(broken)]
    result = CliRunner().invoke(app, [*args, "--casussen", str(corpus)])
    assert result.exit_code == 1
    assert "onbekend veld 'laddders'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_no_case_is_reported_in_a_line(tmp_path: Path) -> None:
    """A policy officer who points at a folder that also holds advices sees each such file
    once, with its first problems and a count, not a screen of JSON paths."""
    shutil.copy(EXAMPLES / "e1-visser.yaml", tmp_path / "e1.yaml")
    shutil.copy(EXAMPLES / "e1-visser.advice.json", tmp_path / "e1.advice.json")
    corpus = read_corpus(tmp_path)
    assert len(corpus.cases) == 1
    [failed] = corpus.failed
    assert failed.case == pseudonym("e1.advice.json")
    assert failed.message.count(";") == 2
    assert failed.message.endswith("andere)")


def test_a_case_in_two_files_is_counted_once(tmp_path: Path) -> None:
    """A copy of a case, or an older version kept beside it, would count every change of
    that case twice; the later file is named (by pseudonym) with whether it differs."""
    shutil.copy(EXAMPLES / "e1-visser.yaml", tmp_path / "a.yaml")
    shutil.copy(EXAMPLES / "e1-visser.yaml", tmp_path / "b.yaml")
    older = (EXAMPLES / "e1-visser.yaml").read_text(encoding="utf-8")
    (tmp_path / "c.yaml").write_text(older.replace("Visser", "Visscher"), encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert len(corpus.cases) == 1
    assert corpus.failed == []
    assert [(f.case, f.message) for f in corpus.duplicates] == [
        (
            pseudonym("b.yaml"),
            f"zelfde casus-id als {pseudonym('a.yaml')}, met dezelfde inhoud; "
            "alleen dat eerdere bestand is meegeteld",
        ),
        (
            pseudonym("c.yaml"),
            f"zelfde casus-id als {pseudonym('a.yaml')}, met een andere inhoud; "
            "alleen dat eerdere bestand is meegeteld",
        ),
    ]


def test_the_report_counts_a_duplicate_once_and_says_so(tmp_path: Path) -> None:
    """What the policy officer reads: one case assessed, the copy under its own heading,
    not among the files that could not be assessed."""
    cases = tmp_path / "casussen"
    cases.mkdir()
    shutil.copy(EXAMPLES / "e1-visser.yaml", cases / "a.yaml")
    shutil.copy(EXAMPLES / "e1-visser.yaml", cases / "b.yaml")
    same = ["--basis", str(RULESETS), "--voorstel", str(RULESETS)]
    result = CliRunner().invoke(
        app, ["impact", *same, "--casussen", str(cases), "--formaat", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "Casussen beoordeeld: 1; met een verschil: 0; dubbel, niet meegeteld: 1" in result.stdout
    assert "## Dubbel, niet meegeteld" in result.stdout
    assert "Niet te beoordelen" not in result.stdout
