"""The impact report: its shape (pydantic, so the JSON form has a schema) and its
readable forms, rendered from Jinja2 templates in Dutch."""

from __future__ import annotations

from typing import Literal

import jinja2
from pydantic import BaseModel, ConfigDict, Field

from engine.impact.compare import ASPECT_TEXT, Aspect


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class CaseChange(_Out):
    case: str = Field(description="Pseudoniem van de casus (vaste hash van het casus-id).")
    aspect: Aspect
    before: str
    after: str
    reason: str | None = Field(
        default=None, description="De eerste voorwaarde waarvan de uitkomst verschilt."
    )


class InterventionImpact(_Out):
    id: str
    name: str
    cases: int = Field(description="Aantal casussen waarin iets verandert.")
    counts: dict[str, int] = Field(description="Aantal casussen per soort verandering.")
    changes: list[CaseChange]


class CombinationChange(_Out):
    case: str
    before: list[str]
    after: list[str]


class Unreadable(_Out):
    case: str = Field(description="Pseudoniem van het bestand of de casus.")
    message: str


class ImpactReport(_Out):
    basis: str
    proposal: str
    cases: int
    changed_cases: list[str] = Field(description="Pseudoniemen van de casussen met een verschil.")
    interventions: list[InterventionImpact]
    combinations: list[CombinationChange]
    failed: list[Unreadable] = Field(default_factory=list)
    duplicates: list[Unreadable] = Field(
        default_factory=list,
        description="Bestanden met een casus-id dat al in een eerder bestand stond: niet "
        "opnieuw meegeteld.",
    )


Format = Literal["html", "markdown", "json"]

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("engine.impact", "templates"),
    autoescape=jinja2.select_autoescape(["html.j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render(report: ImpactReport, form: Format) -> str:
    if form == "json":
        return report.model_dump_json(indent=2)
    template = _ENV.get_template("impact.html.j2" if form == "html" else "impact.md.j2")
    aspects = {str(k): v for k, v in ASPECT_TEXT.items()}
    return template.render(report=report, aspects=aspects)
