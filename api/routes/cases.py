"""Stored cases: create, list (paged), read, replace, and evaluate a stored case."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api import problems
from api.case_input import case_document, parse
from api.deps import CaseBody, DetailLevel, Gemeente, Limit, Offset, Peildatum, State, User
from api.problems import Conflict, NotFound
from api.routes.evaluations import Accept, answer
from api.schemas import CasePage, CaseRecord, CaseSummary, EvaluationOut
from api.store.models import CaseRow
from api.store.repository import DuplicateCase, NewCase


def record(row: CaseRow) -> CaseRecord:
    return CaseRecord.model_validate(
        {
            "id": row.id,
            "case_key": row.case_key,
            "municipality": row.municipality,
            "revision": row.revision,
            "created_at": row.created_at,
            "created_by": row.created_by,
            "updated_at": row.updated_at,
            "updated_by": row.updated_by,
            "data": row.data,
        }
    )


def new_case(data: object) -> NewCase:
    case = parse(data)
    return NewCase(
        case_key=case.case.id, municipality=case.case.municipality, data=case_document(case)
    )


def _conflict(exc: DuplicateCase) -> Conflict:
    return Conflict(
        f"Er is al een casus met kenmerk '{exc.case_key}' (id {exc.existing_id}); "
        "wijzig die met PUT /v1/cases/{id}."
    )


router = APIRouter(prefix="/v1/cases", tags=["casussen"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CaseRecord,
    summary="Sla een casus op",
    responses=problems.responses(400, 409, 413, 422),
)
def create_case(case: CaseBody, app: State, who: User, response: Response) -> CaseRecord:
    """De casus wordt gevalideerd zoals bij een beoordeling; een bestaand kenmerk geeft 409."""
    try:
        row = app.store.create_case(new_case(case), who)
    except DuplicateCase as exc:
        raise _conflict(exc) from None
    response.headers["Location"] = f"/v1/cases/{row.id}"
    return record(row)


@router.get("", response_model=CasePage, summary="Lijst van casussen")
def list_cases(
    app: State,
    who: User,
    limit: Limit = 20,
    offset: Offset = 0,
    gemeente: Annotated[
        str | None, Query(max_length=200, description="Alleen casussen van deze gemeente.")
    ] = None,
) -> CasePage:
    """Oudste eerst; `total` telt alle casussen (met het filter)."""
    rows, total = app.store.list_cases(who, limit, offset, gemeente)
    items = [
        CaseSummary(
            id=r.id,
            case_key=r.case_key,
            municipality=r.municipality,
            revision=r.revision,
            created_at=r.created_at,
            updated_at=r.updated_at,
        )
        for r in rows
    ]
    return CasePage(items=items, total=total, limit=limit, offset=offset)


@router.get(
    "/{case_id}",
    response_model=CaseRecord,
    summary="Een opgeslagen casus",
    responses=problems.responses(404),
)
def get_case(case_id: str, app: State, who: User) -> CaseRecord:
    row = app.store.get_case(case_id, who)
    if row is None:
        raise NotFound(f"Geen casus met id '{case_id}'.")
    return record(row)


@router.put(
    "/{case_id}",
    response_model=CaseRecord,
    summary="Vervang een opgeslagen casus",
    responses=problems.responses(400, 404, 409, 413, 422),
)
def replace_case(case_id: str, case: CaseBody, app: State, who: User) -> CaseRecord:
    """Vervangt de hele casus; eerdere beoordelingen houden hun eigen kopie van de invoer."""
    try:
        row = app.store.update_case(case_id, new_case(case), who)
    except DuplicateCase as exc:
        raise _conflict(exc) from None
    if row is None:
        raise NotFound(f"Geen casus met id '{case_id}'.")
    return record(row)


@router.post(
    "/{case_id}/evaluations",
    status_code=status.HTTP_201_CREATED,
    response_model=EvaluationOut,
    summary="Beoordeel een opgeslagen casus",
    responses=problems.responses(404, 422, 503),
)
def evaluate_case(
    case_id: str,
    app: State,
    who: User,
    gemeente: Gemeente = None,
    peildatum: Peildatum = None,
    detail: DetailLevel = "summary",
    accept: Accept = None,
) -> Response:
    """Als POST /v1/evaluations, met de opgeslagen casus als invoer."""
    row = app.store.get_case(case_id, who)
    if row is None:
        raise NotFound(f"Geen casus met id '{case_id}'.")
    result = app.service.evaluate(row.data, who, gemeente, peildatum, row.id, detail)
    return answer(app, who, result, accept, status.HTTP_201_CREATED, created=True)
