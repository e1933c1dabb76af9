"""Reading a case from a JSON or YAML file or an API body, with errors by JSON path.

A lawyer who misspells a field must be told which field, at which path, and never see
a traceback; so every failure here becomes a CaseError listing (path, message) pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from engine.case import raw
from engine.case.models import Case
from engine.ruleset import source
from engine.validation_text import json_path, problems


@dataclass(frozen=True)
class CaseProblem:
    path: str
    message: str
    #: The line in the file where the value stands, when the case came from a file.
    line: int | None = None

    def __str__(self) -> str:
        where = f"regel {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}"


class CaseError(Exception):
    def __init__(self, problems: list[CaseProblem], origin: str = "casus"):
        self.problems = problems
        self.origin = origin
        super().__init__("\n".join(f"{origin}: {p}" for p in problems))

    def brief(self, most: int = 3) -> str:
        """The first problems on one line, the rest counted: for a report that lists many
        files, where a file that is no case at all (an advice) can have hundreds."""
        shown = "; ".join(str(p) for p in self.problems[:most])
        rest = len(self.problems) - most
        return shown + (f" (en {rest} andere)" if rest > 0 else "")


def parse_case(data: object, positions: source.Positions | None = None) -> Case:
    """The validated case; with ``positions`` (of a file) each problem names its line."""
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        found = [
            CaseProblem(
                json_path(p.loc),
                p.message,
                positions.of_value(p.loc)[0] if positions is not None else None,
            )
            for p in problems(exc, Case, data)
        ]
        raise CaseError(found) from None


def stated_municipality(data: object) -> str | None:
    """The municipality a case names, read from the data even when the case is invalid,
    so a misspelt municipality can be reported with the case's other mistakes."""
    info = data.get("case") if isinstance(data, dict) else None
    name = info.get("municipality") if isinstance(info, dict) else None
    return name if isinstance(name, str) and name.strip() else None


def raw_problems(exc: raw.RawError) -> list[CaseProblem]:
    return [CaseProblem(p.path, p.message) for p in exc.problems]


def _read(path: Path) -> tuple[object, source.Positions | None]:
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError([CaseProblem("$", f"bestand niet te lezen: {exc}")], shown) from None
    if path.suffix == ".json":
        try:
            data = raw.loads(text)
        except raw.RawError as exc:
            raise CaseError(raw_problems(exc), shown) from None
        return data, _json_positions(text, shown)
    try:
        document = source.parse(text, shown)
    except source.SourceError as exc:
        found = [CaseProblem("$", d.message, d.line) for d in exc.diagnostics]
        raise CaseError(found, shown) from None
    try:
        raw.check(document.data)
    except raw.RawError as exc:
        found = [
            CaseProblem(p.path, p.message, document.positions.of_value(p.loc)[0])
            for p in exc.problems
        ]
        raise CaseError(found, shown) from None
    return document.data, document.positions


def _json_positions(text: str, shown: str) -> source.Positions | None:
    """Where each value of a JSON file stands: JSON is YAML, so the YAML reader knows."""
    try:
        return source.parse(text, shown).positions
    except source.SourceError:
        return None


def read_data(path: Path) -> object:
    """The file's data before any validation (a corpus is validated in the workers)."""
    return _read(path)[0]


def read_case(path: Path) -> Case:
    data, positions = _read(path)
    try:
        return parse_case(data, positions)
    except CaseError as exc:
        raise CaseError(exc.problems, str(path)) from None


__all__ = ["CaseError", "CaseProblem", "parse_case", "read_case", "read_data"]
