"""`make bench`: an impact run over 10,000 different cases, on every core.

The cases are generated and the proposal (the bundled rulesets with the jongerenwerk
age limit lowered from 23 to 18) is written first, not timed; the figure is the wall time
of ``engine.impact.run.run``: validating both rule sets, every case under both, and the
proofs of the cases whose legal basis changed. Aim: ≤ 20 s.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from engine.impact.run import Corpus, run
from tests.casegen import generate_case
from tests.conftest import RULESETS

CASES = 10_000
LAYER = "gemeenten/voorbeeldstad/voorbeeldstad-openbare-orde-en-preventie_2024-01-01.yaml"


def _proposal(folder: Path) -> Path:
    shutil.copytree(RULESETS, folder)
    path = folder / LAYER
    text = path.read_text(encoding="utf-8")
    old = "  jongerenwerk_max_leeftijd:\n    value: 23\n"
    path.write_text(text.replace(old, old.replace("23", "18")), encoding="utf-8")
    return folder


def section(cases: int = CASES) -> list[str]:
    rng = random.Random(9)
    corpus = Corpus([generate_case(rng, rng.randint(3, 15), f"K{n}") for n in range(cases)], [])
    with tempfile.TemporaryDirectory() as tmp:
        proposal = _proposal(Path(tmp) / "rulesets")
        start = time.perf_counter()
        report = run(RULESETS, proposal, corpus, basis_label="basis", proposal_label="voorstel")
        seconds = time.perf_counter() - start
    changed = len(report.changed_cases)
    return [
        "## Impact analysis of a ruleset change",
        "",
        f"`afweging impact` over {cases:,} different generated cases (3–15 persons), the "
        f"jongerenwerk age limit lowered from 23 to 18, on {os.cpu_count()} processes: "
        f"{seconds:.1f} s wall time for both rule sets ({2 * cases / seconds:,.0f} advices/s), "
        f"{changed:,} cases changed, their proofs compared. Aim: ≤ 20 s.",
    ]


if __name__ == "__main__":
    print("\n".join(section()))
