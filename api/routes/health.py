"""Liveness and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from api import problems
from api.deps import Auditor, Limit, Offset, State
from api.problems import problem_response
from api.schemas import AuditEntry, AuditPage, Health
from api.store.models import AUDIT_ACTIONS

router = APIRouter()


@router.get(
    "/healthz",
    response_model=Health,
    tags=["beheer"],
    summary="Draait de dienst?",
    responses=problems.responses(503),
)
def healthz(app: State) -> Health | JSONResponse:
    try:
        app.store.ping()
    except Exception:
        return problem_response(503, "De opslag is niet bereikbaar.", instance="/healthz")
    return Health(
        status="ok",
        engine_version=app.service.engine_version,
        database=app.store.dialect,
        rulesets=len(app.service.catalog.files),
    )


@router.get(
    "/v1/audit",
    response_model=AuditPage,
    tags=["beheer"],
    summary="Het auditlog van de eigen gemeente (alleen lezen)",
    responses=problems.responses(401, 403, 429),
)
def audit(
    app: State,
    who: Auditor,
    limit: Limit = 50,
    offset: Offset = 0,
    object_id: Annotated[str | None, Query(max_length=200)] = None,
    action: Annotated[
        str | None,
        Query(pattern="^(" + "|".join(AUDIT_ACTIONS) + ")$", description="Alleen deze actie."),
    ] = None,
) -> AuditPage:
    """Wie deed wat wanneer (en waarom, bij een inzage), oudste eerst; alleen voor een
    auditor. Het log wordt alleen aangevuld, nooit gewijzigd."""
    rows, total = app.store.audit_entries(who, limit, offset, object_id, action)
    items = [
        AuditEntry(
            id=r.id,
            at=r.at,
            who=r.who,
            action=r.action,
            object_type=r.object_type,
            object_id=r.object_id,
            detail=r.detail,
            reason=r.reason,
        )
        for r in rows
    ]
    return AuditPage(items=items, total=total, limit=limit, offset=offset)
