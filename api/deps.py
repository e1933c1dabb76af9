"""What the routes share: the application state and the request's user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request

from api.evaluation import Evaluator
from api.settings import Settings
from api.store import Store


@dataclass
class AppState:
    settings: Settings
    store: Store
    evaluator: Evaluator
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
