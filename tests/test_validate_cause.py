"""`afweging validate` points at the cause: the file that is wrong first, its knock-on
errors elsewhere grouped under it; a copy of the rulesets is checked against itself;
from any directory the command says which rulesets it used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.ruleset.cause import group, ordered
from engine.ruleset.source import Diagnostic
from tests.conftest import ROOT, RULESETS

OPIUMWET = "nl/opiumwet-13b_2019-01-01.yaml"


def afweging(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The worktree's engine, whichever directory the command is started from.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "engine", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "kopie"
    shutil.copytree(RULESETS, folder)
    return folder


def test_a_valid_copy_is_not_compared_with_the_bundled_rulesets(copy: Path) -> None:
    done = afweging("validate", str(copy), cwd=copy.parent)
    assert done.returncode == 0, done.stdout
    assert done.stdout == ""
    assert "overlapt" not in done.stdout


def test_a_single_misspelt_key_gives_its_own_error_first(copy: Path) -> None:
    path = copy / OPIUMWET
    text = path.read_text(encoding="utf-8")
    assert text.count("\ninterventions:") == 1
    path.write_text(text.replace("\ninterventions:", "\ninterventons:"), encoding="utf-8")
    done = afweging("validate", str(copy), cwd=copy.parent)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"kopie/{OPIUMWET}:")
    assert "onbekend veld 'interventons'; bedoelt u 'interventions'?" in lines[0]
    knock_on = [line for line in lines if not line.startswith(f"kopie/{OPIUMWET}:")]
    assert len(knock_on) >= 5, "hiding the Opiumwet interventions breaks references elsewhere"
    for line in knock_on:
        assert f"(gevolgfout van de fout in kopie/{OPIUMWET}; los die eerst op)" in line
        path_part, line_no, col, _ = line.split(":", 3)
        assert path_part.endswith(".yaml") and line_no.isdigit() and col.isdigit()
    assert f"waarvan {len(knock_on)} gevolgfout(en)" in done.stderr


def test_independent_errors_are_not_blamed_on_another_file() -> None:
    cause = Diagnostic("a.yaml", 3, 1, "onbekend veld 'interventons'")
    echo = Diagnostic("b.yaml", 9, 5, "verwijst naar onbekende interventie 'X1'", "X1")
    other = Diagnostic("b.yaml", 2, 1, "verwijst naar onbekende interventie 'Y9'", "Y9")
    own = Diagnostic("c.yaml", 1, 1, "BWB-id 'BWBR1' is ongeldig")
    texts = {"a.yaml": "interventons:\n  - id: X1\n", "b.yaml": "", "c.yaml": "id: c\n"}
    groups = group([cause, echo, other, own], texts)
    assert [(g.cause, g.own, g.knock_on) for g in groups] == [
        ("a.yaml", [cause], [echo]),
        ("b.yaml", [other], []),
        ("c.yaml", [own], []),
    ]
    lines = [str(d) for d in ordered(groups)]
    assert lines[1].startswith("b.yaml:9:5: verwijst naar onbekende interventie 'X1' (gevolgfout")
    assert lines[2] == "b.yaml:2:1: verwijst naar onbekende interventie 'Y9'"


def test_from_another_directory_the_bundled_rulesets_are_found_and_named(
    tmp_path: Path,
) -> None:
    done = afweging("validate", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"rulesets: {RULESETS.resolve()} (meegeleverd)" in done.stderr
    assert "ruleset-bestand(en) geldig" in done.stderr


def test_a_new_file_outside_any_rulesets_folder_still_resolves_against_the_bundled(
    tmp_path: Path,
) -> None:
    new = tmp_path / "gemeenten" / "nieuwdorp" / "beleid_2026-01-01.yaml"
    new.parent.mkdir(parents=True)
    new.write_text(
        "id: nieuwdorp-beleid\n"
        "title: Beleid Nieuwdorp (fictief)\n"
        "kind: beleidsregel\n"
        "issuer: burgemeester van Nieuwdorp\n"
        "version: '2026-01-01'\n"
        "valid_from: 2026-01-01\n"
        "municipality: nieuwdorp\n"
        "refinements:\n"
        "  - intervention: I01-sluiting-13b-drugshandel\n"
        "    note: Nieuwdorp sluit alleen na een bestuurlijke rapportage.\n",
        encoding="utf-8",
    )
    done = afweging("validate", str(new), cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert f"verwijzingen ook gezocht in: {RULESETS.resolve()}" in done.stderr
