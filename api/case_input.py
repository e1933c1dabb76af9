"""A case as the service receives and stores it."""

from __future__ import annotations

from typing import Any

from engine.case.models import Case
from engine.case.read import CaseError, CaseProblem, parse_case


def parse(data: object) -> Case:
    """The case from a request body; anything but a JSON object is refused by path ``$``."""
    if not isinstance(data, dict):
        raise CaseError([CaseProblem("$", "de casus moet een JSON-object zijn")])
    return parse_case(data)


def case_document(case: Case) -> dict[str, Any]:
    """What the store keeps of a case: the fields the user gave, nothing invented."""
    dumped: dict[str, Any] = case.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return dumped
