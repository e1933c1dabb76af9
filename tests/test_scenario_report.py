"""`afweging test`: a policy officer runs the Dutch scenarios and reads, in Dutch, which
passed and, for a failure, the step and what was expected against what was found."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from engine.scenarios.run import selected
from tests.conftest import ROOT, RULESETS

LAYER = "gemeenten/voorbeeldstad/voorbeeldstad-openbare-orde-en-preventie_2024-01-01.yaml"


def afweging(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("AFWEGING_RULESETS", None)
    return subprocess.run(
        [sys.executable, "-m", "engine", *args],
        cwd=Path("/"),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_municipality_adds_its_own_scenarios_to_the_national_ones() -> None:
    national = {p.name for p in selected(ROOT / "features", RULESETS, None)}
    local = {p.name for p in selected(ROOT / "features", RULESETS, "Voorbeeldstad")}
    assert "opiumwet-13b_2019-01-01.feature" in national
    assert "voorbeeldstad-openbare-orde-en-preventie_2024-01-01.feature" not in national
    assert local - national == {
        "voorbeeldstad-openbare-orde-en-preventie_2024-01-01.feature",
        "damocles-beleid_2024-01-01.feature",
    }


def test_a_failing_scenario_names_the_step_and_expected_against_found(tmp_path: Path) -> None:
    copy = tmp_path / "rulesets"
    shutil.copytree(RULESETS, copy)
    layer = copy / LAYER
    text = layer.read_text(encoding="utf-8")
    old = "  jongerenwerk_max_leeftijd:\n    value: 23\n"
    assert old in text
    layer.write_text(text.replace(old, old.replace("23", "18")), encoding="utf-8")
    done = afweging(
        "test", "voorbeeldstad-openbare", "--gemeente", "voorbeeldstad", "--rulesets", str(copy)
    )
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert "voorbeeldstad-openbare-orde-en-preventie_2024-01-01.feature" in out
    assert "MISLUKT   Drieëntwintig jaar is nog de leeftijd van het jongerenwerk" in out
    assert 'stap: Dan is "VS-jongerenwerker" juridisch mogelijk' in out
    assert "verwacht: juridisch mogelijk; gevonden: juridisch niet mogelijk" in out
    assert "geslaagd  Te oud voor het jongerenwerk" in out
    assert "1 mislukt." in out
    for internals in ("pytest", "Traceback", "assert ", "satisfied"):
        assert internals not in out


def test_the_bundled_scenarios_of_one_law_pass() -> None:
    done = afweging("test", "opiumwet-13b")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "opiumwet-13b_2019-01-01.feature" in done.stdout
    assert "MISLUKT" not in done.stdout
    assert ", 0 mislukt." in done.stdout
    assert "(meegeleverd)" in done.stderr
