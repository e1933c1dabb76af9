"""What the routes share, declared once: the application state, the user, the case body."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Body, Depends, Header, Query, Request
from pydantic import SkipValidation

from api.service import EvaluationService
from api.settings import Settings
from api.store import Store
from engine.case.models import Case


@dataclass
class AppState:
    settings: Settings
    store: Store
    service: EvaluationService
    examples: dict[str, dict[str, Any]]


def state(request: Request) -> AppState:
    found: AppState = request.app.state.afweging
    return found


def user(
    request: Request,
    x_user: Annotated[
        str | None,
        Header(
            alias="X-User",
            max_length=200,
            description="Wie het verzoek doet; komt in het auditlog (standaard: anoniem).",
        ),
    ] = None,
) -> str:
    name = (x_user or "").strip()
    if name:
        return name
    default: str = state(request).settings.default_user
    return default


State = Annotated[AppState, Depends(state)]
User = Annotated[str, Depends(user)]
Limit = Annotated[int, Query(ge=1, le=200, description="Hoeveel items (hoogstens 200).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Vanaf welk item.")]

#: The case travels unvalidated past FastAPI: ``engine.case.read`` validates it, so the
#: error paths are the case's own (``$.persons[0].age``) and every problem is reported.
#: The example cases are attached to the generated OpenAPI document (api/app.py).
CaseBody = Annotated[
    SkipValidation[Case],
    Body(
        title="Case",
        description="De casus (JSON). Fouten komen terug als 422 met het JSON-pad per veld.",
    ),
]
Gemeente = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Gemeente waarvan het beleid geldt; standaard die uit de casus.",
    ),
]
Peildatum = Annotated[
    dt.date | None,
    Query(description="Peildatum (JJJJ-MM-DD); standaard die uit de casus, anders vandaag."),
]
DetailLevel = Annotated[
    Literal["summary", "full"],
    Query(
        description="`summary` (standaard): het advies zonder bewijsbomen; "
        "`full`: met de bewijsboom per voorwaarde."
    ),
]
