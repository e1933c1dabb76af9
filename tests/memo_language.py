"""What no Dutch memo may contain: English enum values, raw field names or ids, unfilled
placeholders, doubled words. Shared by the memo tests and the scenario steps, so every
example and every scenario case is read the way a mayor would read it."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel

from engine.case import models as case_models
from engine.explain import text as dutch
from engine.inference.status import Status
from engine.ruleset import models as ruleset_models
from engine.weigh import assessment

_ENUMS: list[type[StrEnum]] = [
    Status,
    *(
        e
        for module in (case_models, ruleset_models, assessment)
        for e in vars(module).values()
        if isinstance(e, type) and issubclass(e, StrEnum) and e is not StrEnum
    ),
]
#: Words that are Dutch as well as a value (``drugs``, ``partner``, ``info``, ``woning``).
_DUTCH = {
    w.lower()
    for table in vars(dutch).values()
    if isinstance(table, dict)
    for label in table.values()
    if isinstance(label, str)
    for w in re.findall(r"\w+", label)
}
#: Values that are Dutch words themselves (premises, permit and business kinds, acronyms).
DUTCH_VALUES = {
    "woning",
    "lokaal",
    "erf",
    "bedrijfspand",
    "raad",
    "informeel",
    "subsidie",
    "beleidsregel",
    "alcoholwetvergunning",
    "exploitatievergunning",
    "omgevingsvergunning",
    "opiumwetontheffing",
    "overheidsopdracht",
    "seksinrichtingvergunning",
    "speelautomatenhalvergunning",
    "taxivergunning",
    "vastgoedtransactie",
    "lbb",
    "wpg",
    "gram",
}
ENGLISH_VALUES = sorted(
    v
    for v in {str(m.value) for e in _ENUMS for m in e} | {"plants", "pills", "pieces"}
    if re.fullmatch(r"[a-z_]{3,}", v) and v not in _DUTCH and v not in DUTCH_VALUES
)


def _fields(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[str]:
    if model in seen:
        return set()
    seen.add(model)
    out = set(model.model_fields)
    for f in model.model_fields.values():
        for arg in (f.annotation, *getattr(f.annotation, "__args__", ())):
            for inner in (arg, *getattr(arg, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    out |= _fields(inner, seen)
    return out


#: Field names of the case a person might see leak: English words that are not Dutch.
FIELD_NAMES = sorted(
    f
    for f in _fields(case_models.Case, set())
    if "_" not in f
    and f.lower()
    not in _DUTCH | {"alias", "partners", "financiers", "managers", "acute", "serious"}
)

_CHECKS: list[tuple[str, re.Pattern[str]]] = [
    (
        "Engelse waarde",
        re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH_VALUES)) + r")(?![\w-])"),
    ),
    (
        "veldnaam",
        re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, FIELD_NAMES)) + r")(?![\w-])"),
    ),
    ("veldnaam met underscore", re.compile(r"\b[a-z]+_[a-z_]+\b")),
    (
        "verwijzing naar een onderwerp",
        re.compile(
            r"\b(person|premises|finding|case|business|permit|prior_intervention|relation|conviction):\w"
        ),
    ),
    ("pad in de casus", re.compile(r"\w\[\d+\]")),
    ("interventie-id", re.compile(r"(?<![\w-])(I\d+[a-z]?|VS)-[a-z]")),
    ("open plek", re.compile(r"\[In te vullen|\{\{|\}\}|\{%|\bNone\b|\bTrue\b|\bFalse\b|\bnan\b")),
    ("dubbel woord", re.compile(r"(?i)\b([^\W\d]+)\s+\1\b")),
]


def problems(memo: str) -> list[str]:
    """Each offending line with what is wrong, empty when the memo reads as Dutch."""
    out = []
    for number, line in enumerate(memo.splitlines(), 1):
        for what, pattern in _CHECKS:
            hit = pattern.search(line)
            if hit:
                out.append(f"regel {number}: {what} '{hit.group(0)}': {line[:160]}")
    return out
