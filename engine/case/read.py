"""Reading a case from a JSON or YAML file or an API body, with errors by JSON path.

A lawyer who misspells a field must be told which field, at which path, and never see
a traceback; so every failure here becomes a CaseError listing (path, message) pairs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from engine.case.models import Case
from engine.ruleset import source
from engine.validation_text import json_path, problems


@dataclass(frozen=True)
class CaseProblem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class CaseError(Exception):
    def __init__(self, problems: list[CaseProblem], origin: str = "casus"):
        self.problems = problems
        self.origin = origin
        super().__init__("\n".join(f"{origin}: {p}" for p in problems))


def parse_case(data: object) -> Case:
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        found = [CaseProblem(json_path(p.loc), p.message) for p in problems(exc, Case)]
        raise CaseError(found) from None


def read_data(path: Path) -> object:
    """The file's data before any validation (a corpus is validated in the workers)."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError([CaseProblem("$", f"bestand niet te lezen: {exc}")], shown) from None
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            message = f"geen geldige JSON op regel {exc.lineno}, kolom {exc.colno}: {exc.msg}"
            raise CaseError([CaseProblem("$", message)], shown) from None
    else:
        try:
            data = source.parse(text, shown).data
        except source.SourceError as exc:
            found = [
                CaseProblem("$", f"regel {d.line}, kolom {d.col}: {d.message}")
                for d in exc.diagnostics
            ]
            raise CaseError(found, shown) from None
    return data


def read_case(path: Path) -> Case:
    data = read_data(path)
    try:
        return parse_case(data)
    except CaseError as exc:
        raise CaseError(exc.problems, str(path)) from None


__all__ = ["CaseError", "CaseProblem", "parse_case", "read_case", "read_data"]
