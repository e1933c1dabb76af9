"""Running the engine for the service, and what is kept to reproduce a run.

An evaluation stores the input exactly as received (canonical JSON and its sha256),
the advice, the ruleset bundle that produced it (ids, versions, file and bundle sha256)
and the engine version. Replaying re-runs the stored input on the same municipality and
reference date and compares the advice field by field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass
from typing import Any, Protocol

import engine
from engine.advice import Advice
from engine.case.models import Case
from engine.case.read import CaseError, CaseProblem, parse_case
from engine.ruleset.bundle import Bundle, Catalog

MAX_DIFFERENCES = 200


class AdvisorLike(Protocol):
    """What the service needs of ``engine.advise.Advisor``."""

    @property
    def catalog(self) -> Catalog: ...

    def bundle(self, municipality: str | None, date: dt.date) -> Bundle: ...

    def advise(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
    ) -> Advice: ...


def canonical_json(value: Any) -> str:
    """One text per JSON value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse(data: object) -> Case:
    """The case from a request body; anything but a JSON object is refused by path ``$``."""
    if not isinstance(data, dict):
        raise CaseError([CaseProblem("$", "de casus moet een JSON-object zijn")])
    return parse_case(data)


def case_document(case: Case) -> dict[str, Any]:
    """What the store keeps of a case: the fields the user gave, nothing invented."""
    dumped: dict[str, Any] = case.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return dumped


def bundle_refs(bundle: Bundle) -> list[dict[str, Any]]:
    return [
        {
            "id": ref.id,
            "version": ref.version,
            "kind": ref.kind,
            "valid_from": ref.valid_from.isoformat(),
            "valid_to": ref.valid_to.isoformat() if ref.valid_to else None,
            "municipality": ref.municipality,
            "path": ref.path,
            "sha256": ref.sha256,
        }
        for ref in bundle.rulesets
    ]


@dataclass(frozen=True)
class Outcome:
    case: Case
    advice: Advice
    advice_json: str
    rulesets: list[dict[str, Any]]


class Evaluator:
    """The engine behind one lock: durable-rules is not thread-safe (notes/durable-rules.md).

    The service scales with worker processes, not threads.
    """

    def __init__(self, advisor: AdvisorLike):
        self.advisor = advisor
        self._lock = threading.Lock()

    @property
    def catalog(self) -> Catalog:
        return self.advisor.catalog

    @property
    def engine_version(self) -> str:
        return engine.__version__

    def bundle(self, municipality: str | None, reference_date: dt.date) -> Bundle:
        return self.advisor.bundle(municipality, reference_date)

    def run(
        self,
        case: Case,
        municipality: str | None,
        reference_date: dt.date | None,
    ) -> Outcome:
        with self._lock:
            advice = self.advisor.advise(case, municipality, reference_date)
        bundle = self.bundle(advice.municipality or municipality, advice.reference_date)
        return Outcome(
            case=case,
            advice=advice,
            advice_json=canonical_json(advice.model_dump(mode="json")),
            rulesets=bundle_refs(bundle),
        )


@dataclass(frozen=True)
class Difference:
    path: str
    stored: Any
    replayed: Any


def differences(stored: Any, replayed: Any, path: str = "$") -> list[Difference]:
    """Field-by-field differences between two JSON values, by JSON path."""
    found: list[Difference] = []
    _diff(stored, replayed, path, found)
    return found


def _diff(a: Any, b: Any, path: str, found: list[Difference]) -> None:
    if len(found) >= MAX_DIFFERENCES:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            _diff(a.get(key), b.get(key), f"{path}.{key}", found)
    elif isinstance(a, list) and isinstance(b, list):
        for index in range(max(len(a), len(b))):
            left = a[index] if index < len(a) else None
            right = b[index] if index < len(b) else None
            _diff(left, right, f"{path}[{index}]", found)
    elif a != b or type(a) is not type(b):
        found.append(Difference(path, a, b))
