"""Which scenarios mention an intervention, read straight from the feature files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: Dutch Gherkin keywords that open a scenario (pytest-bdd's Dutch set).
SCENARIO = re.compile(r"^\s*(Scenario|Abstract Scenario|Scenariosjabloon|Voorbeeld):\s*(.+?)\s*$")
BACKGROUND = re.compile(r"^\s*Achtergrond:")


@dataclass(frozen=True)
class Covering:
    feature: str
    scenario: str


def short_id(intervention: str) -> str:
    """Scenarios may name ``I01`` for ``I01-sluiting-13b-drugshandel`` (as the steps allow)."""
    return intervention.split("-")[0]


def covering(features: Path, intervention: str) -> list[Covering]:
    """Every scenario whose text names the intervention (its id or its short id) in quotes;
    a mention in the Achtergrond covers every scenario of that file."""
    names = {intervention, short_id(intervention)}
    pattern = re.compile("|".join(rf'"{re.escape(n)}"' for n in sorted(names)))
    found: list[Covering] = []
    for path in sorted(features.glob("*.feature")):
        current: str | None = None
        in_background = False
        background_hit = False
        scenarios: list[str] = []
        hits: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            opened = SCENARIO.match(line)
            if opened:
                current, in_background = opened.group(2), False
                scenarios.append(current)
                continue
            if BACKGROUND.match(line):
                in_background = True
                continue
            if pattern.search(line):
                if in_background:
                    background_hit = True
                elif current is not None and current not in hits:
                    hits.append(current)
        chosen = scenarios if background_hit else hits
        found.extend(Covering(path.name, s) for s in chosen)
    return found
