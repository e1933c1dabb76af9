"""Random but valid cases, shared by the differential test, the stress test and the bench.

Every attribute is absent now and then, because "unknown" is where a compiler of
three-valued conditions goes wrong most easily.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import ValidationError

from engine.case.models import Case, RelationKind
from engine.case.vocabulary import SUBJECT_MODELS
from engine.inference.evaluate import resolve
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import Compare, Condition, walk

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


#: Which list of a case holds each subject, and the model of its items.
_LISTS: dict[str, str] = {
    "person": "persons",
    "premises": "premises",
    "business": "businesses",
    "finding": "findings",
    "prior_intervention": "prior_interventions",
    "relation": "relations",
}


Pool = dict[tuple[str, str], list[Any]]
#: The keys ``vary_case`` added, per item (by identity).
Filled = dict[int, list[str]]


def operand_pool(bundle: Bundle) -> Pool:
    """Every value a condition of the bundle compares a fact with, per (subject, attribute):
    generated values drawn from (and next to) these land on both sides of every threshold."""
    parameters = {k: p.value for k, p in bundle.parameters.items()}
    trees: list[Condition] = [f.condition for f in bundle.facts]
    for itv in bundle.interventions:
        if itv.legal_basis.condition is not None:
            trees.append(itv.legal_basis.condition)
        trees += [f.condition for f in itv.desirability if f.condition is not None]
        trees += [c.condition for c in itv.human_measure]
    trees += [ladder.applies_when for ladder in bundle.ladders if ladder.applies_when is not None]
    pool: Pool = {}
    for tree in trees:
        for node in walk(tree):
            if isinstance(node, Compare) and node.operator != "known":
                value = resolve(node.operand, parameters)
                values = value if isinstance(value, list) else [value]
                known = pool.setdefault((node.subject, node.attribute), [])
                known.extend(v for v in values if v not in known)
    return pool


def _base(annotation: Any) -> Any:
    """The scalar type inside ``X | None`` and ``Annotated[X, ...]``, or None if not scalar."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _base(get_args(annotation)[0])
    if origin in (Union, UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _base(inner[0]) if len(inner) == 1 else None
    return annotation if isinstance(annotation, type) and origin is None else None


def _value(rng: random.Random, kind: type, offered: list[Any]) -> Any:
    if offered and rng.random() < 0.7:
        value = rng.choice(offered)
        if isinstance(value, int | float) and not isinstance(value, bool) and kind is not str:
            value = value + rng.choice([-1, 0, 0, 1])
            return max(value, 0)
        return value
    if issubclass(kind, Enum):
        return rng.choice([m.value for m in kind])
    if kind is bool:
        return rng.random() < 0.5
    if kind in (int, float):
        return rng.choice([0, 1, 2, 3, 5, 8, 13, 40, 100, 2500])
    if kind is dt.date:
        return (REFERENCE - dt.timedelta(days=rng.randint(0, 4000))).isoformat()
    return None


def _fill(
    rng: random.Random, subject: str, item: dict[str, Any], pool: Pool, filled: Filled
) -> None:
    """Give each scalar attribute the case model has for ``subject`` a value, now and then
    (a required one always); ``filled`` remembers which, to undo them if the model objects."""
    added = filled.setdefault(id(item), [])
    for name, info in SUBJECT_MODELS[subject].model_fields.items():
        key = info.alias or name
        kind = _base(info.annotation)
        if key == "id" or key in item or kind is None:
            continue
        if not info.is_required() and rng.random() < 0.4:
            continue
        value = _value(rng, kind, pool.get((subject, key), []))
        if value is not None:
            item[key] = value
            added.append(key)


def vary_case(rng: random.Random, case: dict[str, Any], pool: Pool) -> dict[str, Any]:
    """``case`` with every part of the case model in play: businesses with permits,
    relations, convictions, users and victims, and each attribute the model has, valued
    near the thresholds the rulesets use (``pool``) or absent."""
    case = copy.deepcopy(case)
    people = [p["id"] for p in case["persons"]]
    places = [w["id"] for w in case["premises"]]

    def some(ids: list[str], most: int) -> list[str]:
        return sorted(rng.sample(ids, k=rng.randint(0, min(most, len(ids)))))

    for person in case["persons"]:
        person["convictions"] = [{"kind": rng.choice(["Opiumwet", "mishandeling", "witwassen"])}]
        person["convictions"] = person["convictions"][: rng.randint(0, 1)]
    for premises in case["premises"]:
        premises["users"] = some(people, 2)
        if rng.random() < 0.2 and len(places) > 1:
            premises["dwelling"] = rng.choice([p for p in places if p != premises["id"]])
    for finding in case["findings"]:
        finding["victims"] = some(people, 1)
        finding["targets"] = some(people, 1)
    case["relations"] = [
        {"from": a, "to": b, "kind": rng.choice(list(RelationKind)).value}
        for a, b in (rng.sample(people, 2) for _ in range(rng.randint(0, len(people) // 2)))
    ]
    case["businesses"] = [
        {
            "id": f"Z{n}",
            "premises": rng.choice(places),
            "permits": [{} for _ in range(rng.randint(0, 2))],
            "owners": some(people, 1),
            "managers": some(people, 1),
            "de_facto_managers": some(people, 1),
            "financiers": some(people, 1),
        }
        for n in range(rng.randint(0, len(places)))
    ]
    filled: Filled = {}
    _fill(rng, "case", case["case"], pool, filled)
    for subject, key in _LISTS.items():
        for item in case.get(key, []):
            _fill(rng, subject, item, pool, filled)
    for person in case["persons"]:
        for conviction in person["convictions"]:
            _fill(rng, "conviction", conviction, pool, filled)
    for business in case["businesses"]:
        for permit in business["permits"]:
            _fill(rng, "permit", permit, pool, filled)
    return _valid(case, filled)


def _valid(case: dict[str, Any], filled: Filled) -> dict[str, Any]:
    """Undo the generated values the case model refuses (a range, age against minority)."""
    for _ in range(20):
        try:
            Case.model_validate(case)
            return case
        except ValidationError as exc:
            for error in exc.errors():
                _undo(case, error["loc"], filled)
    raise AssertionError("generated case stays invalid")


def _undo(data: Any, loc: tuple[Any, ...], filled: Filled) -> None:
    """The refused value if the error names one; else every generated value of the item."""
    for step in loc:
        if (
            isinstance(data, dict)
            and step in data
            and id(data) in filled
            and step in filled[id(data)]
        ):
            del data[step]
            return
        if (isinstance(data, dict) and step in data) or (
            isinstance(data, list) and isinstance(step, int) and step < len(data)
        ):
            data = data[step]
        else:
            break
    if isinstance(data, dict):
        for key in filled.get(id(data), []):
            data.pop(key, None)
