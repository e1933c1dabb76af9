"""Random but valid cases, shared by the differential test, the stress test and the bench.

Every attribute is absent now and then, because "unknown" is where a compiler of
three-valued conditions goes wrong most easily.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

REFERENCE = dt.date(2026, 3, 1)
KINDS = [
    "drugs",
    "preparatory_materials",
    "weapons",
    "violence",
    "explosives",
    "nuisance",
    "public_order_disturbance",
    "money_laundering_signal",
    "intimidation",
    "signal",
    "domestic_violence",
    "school_absence",
    "threat_to_officials",
]
SOURCES = [
    "police_report",
    "bestuurlijke_rapportage",
    "official_report",
    "neighbours",
    "intelligence",
    "care",
    "municipal_inspection",
]


def _maybe(rng: random.Random, value: Any, p: float = 0.75) -> Any:
    return value if rng.random() < p else None


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def generate_case(rng: random.Random, persons: int = 5, ident: str = "G") -> dict[str, Any]:
    n_premises = max(1, persons // 3)
    people = [
        _drop_none(
            {
                "id": f"P{i}",
                "age": _maybe(rng, rng.choice([4, 9, 14, 16, 17, 18, 19, 25, 41, 44, 67])),
                "role": _maybe(
                    rng, rng.choice(["key_figure", "member", "partner", "child", "associate"])
                ),
                "culpable": _maybe(rng, rng.random() < 0.5, 0.5),
                "vulnerable": _maybe(rng, rng.random() < 0.2, 0.5),
                "municipality": _maybe(rng, rng.choice(["voorbeeldstad", "elders"]), 0.5),
            }
        )
        for i in range(persons)
    ]
    premises = []
    for j in range(n_premises):
        residents = sorted(rng.sample([p["id"] for p in people], k=rng.randint(0, min(4, persons))))
        premises.append(
            _drop_none(
                {
                    "id": f"W{j}",
                    "kind": _maybe(rng, rng.choice(["woning", "lokaal", "erf", "bedrijfspand"])),
                    "publicly_accessible": _maybe(rng, rng.random() < 0.5, 0.5),
                    "municipality": _maybe(
                        rng, rng.choice(["voorbeeldstad", "voorbeeldstad", "elders"])
                    ),
                    "tenure": _maybe(rng, rng.choice(["social_rent", "private_rent", "owned"])),
                    "residents": residents,
                    "medical_practice": _maybe(rng, rng.random() < 0.05, 0.5),
                    "public_order_disturbed": _maybe(rng, rng.random() < 0.4, 0.5),
                    "special_bond": _maybe(rng, rng.random() < 0.2, 0.3),
                }
            )
        )
    findings = []
    for k in range(rng.randint(0, persons + 2)):
        unit = rng.choice(["gram", "plants", "pills"])
        findings.append(
            _drop_none(
                {
                    "id": f"F{k}",
                    "kind": rng.choice(KINDS),
                    "date": _maybe(
                        rng, (REFERENCE - dt.timedelta(days=rng.randint(0, 2000))).isoformat()
                    ),
                    "premises": _maybe(rng, rng.choice(premises)["id"], 0.7),
                    "persons": sorted(
                        rng.sample([p["id"] for p in people], k=rng.randint(0, min(2, persons)))
                    ),
                    "drug_list": _maybe(rng, rng.choice(["I", "II"])),
                    "amount": _maybe(rng, rng.choice([0.3, 1, 3, 5, 6, 50, 120])),
                    "unit": _maybe(rng, unit),
                    "trade_quantity": _maybe(rng, rng.random() < 0.5, 0.3),
                    "dealing_indications": _maybe(rng, rng.random() < 0.5, 0.4),
                    "serious": _maybe(rng, rng.random() < 0.5, 0.5),
                    "leading_role": _maybe(rng, rng.random() < 0.5, 0.5),
                    "fear_of_repetition": _maybe(rng, rng.random() < 0.5, 0.5),
                    "source": _maybe(rng, rng.choice(SOURCES)),
                }
            )
        )
    priors = [
        _drop_none(
            {
                "id": f"B{m}",
                "kind": rng.choice(["I14-waarschuwingsbrief", "I01-sluiting-13b-drugshandel"]),
                "date": (REFERENCE - dt.timedelta(days=rng.randint(30, 3000))).isoformat(),
                "target": rng.choice(premises)["id"],
            }
        )
        for m in range(rng.randint(0, 2))
    ]
    return {
        "case": {
            "id": f"{ident}",
            "municipality": "voorbeeldstad",
            "reference_date": REFERENCE.isoformat(),
            "goals": sorted(
                rng.sample(
                    [
                        "stop_criminal_activity",
                        "undermine_status",
                        "liveable_street",
                        "prevent_recruitment",
                        "help_exit",
                        "protect_children",
                    ],
                    k=2,
                )
            ),
        },
        "persons": people,
        "premises": premises,
        "findings": findings,
        "prior_interventions": priors,
    }
