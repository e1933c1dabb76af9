"""How large a case may be before it is evaluated at all.

Evaluation time grows with the size of a case, and one oversized case must not tie up a
worker that others are waiting on. The limits are far above a real family network (a few
dozen persons), so a case that exceeds one is a mistake or an attack, and it is refused
up front with the collection, its size and the limit, before any rule runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum

from engine.case.models import Case


class Collection(StrEnum):
    """The top-level lists of a case; the values are their JSON keys."""

    persons = "persons"
    relations = "relations"
    premises = "premises"
    businesses = "businesses"
    findings = "findings"
    prior_interventions = "prior_interventions"


DUTCH_NAMES: dict[Collection, str] = {
    Collection.persons: "personen",
    Collection.relations: "relaties",
    Collection.premises: "panden",
    Collection.businesses: "bedrijven",
    Collection.findings: "bevindingen",
    Collection.prior_interventions: "eerdere interventies",
}

ENV_PREFIX = "AFWEGING_MAX_"


@dataclass(frozen=True)
class CaseLimits:
    """The most items each collection of one case may hold; field names match Collection."""

    persons: int = 500
    relations: int = 5_000
    premises: int = 500
    businesses: int = 500
    findings: int = 2_000
    prior_interventions: int = 2_000

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(
                    f"{env_name(Collection(field.name))}: de grens moet een geheel getal "
                    f"van minstens 1 zijn, niet {value!r}"
                )

    def of(self, collection: Collection) -> int:
        limit: int = getattr(self, collection.value)
        return limit

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> CaseLimits:
        """Limits from ``AFWEGING_MAX_PERSONS`` and the like; unset ones keep their default.

        Raises ValueError with a Dutch message naming the variable when a value is not a
        positive whole number, so a typo in a deployment stops the start instead of
        silently lifting the limit.
        """
        given: dict[str, int] = {}
        for collection in Collection:
            name = env_name(collection)
            raw = env.get(name)
            if raw is None or not raw.strip():
                continue
            try:
                given[collection.value] = int(raw)
            except ValueError:
                raise ValueError(
                    f"{name}: '{raw}' is geen geheel getal (de grens voor {DUTCH_NAMES[collection]})"
                ) from None
        return cls(**given)


def env_name(collection: Collection) -> str:
    """The environment variable that sets the limit, e.g. ``AFWEGING_MAX_PERSONS``."""
    return ENV_PREFIX + collection.value.upper()


@dataclass(frozen=True)
class LimitExceeded:
    """One collection that holds more items than its limit."""

    collection: Collection
    count: int
    limit: int

    @property
    def path(self) -> str:
        return f"$.{self.collection.value}"

    @property
    def message(self) -> str:
        return (
            f"{self.count} {DUTCH_NAMES[self.collection]}, meer dan de grens van {self.limit} "
            "per casus; splits de casus of laat de beheerder de grens verhogen"
        )

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def exceeded(case: Case, limits: CaseLimits) -> list[LimitExceeded]:
    """Every collection of ``case`` that is over its limit, in the order of Collection."""
    found = []
    for collection in Collection:
        count = len(getattr(case, collection.value))
        limit = limits.of(collection)
        if count > limit:
            found.append(LimitExceeded(collection, count, limit))
    return found


__all__ = ["CaseLimits", "Collection", "LimitExceeded", "env_name", "exceeded"]
