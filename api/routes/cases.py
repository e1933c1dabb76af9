"""Stored cases: create, list (paged), read, replace, and evaluate a stored case."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from api import problems
from api.case_input import case_document, parse
from api.deps import (
    CaseBody,
    DetailLevel,
    Evaluator,
    Gemeente,
    IdempotencyKeyHeader,
    Limit,
    Offset,
    Peildatum,
    Reader,
    State,
)
from api.middleware import ParsedOnce
from api.problems import Conflict, FieldProblem, InvalidInput, NotFound, PreconditionFailed
from api.routes.evaluations import Accept, answer
from api.schemas import CasePage, CaseRecord, CaseSummary, EvaluationOut
from api.service import own_municipality
from api.store.models import CaseRow
from api.store.repository import Actor, DuplicateCase, NewCase, StaleCase


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


ETAG = {
    "ETag": {
        "description": "De revisie van de casus; stuur haar terug in If-Match bij PUT.",
        "schema": {"type": "string"},
    }
}
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="De ETag van de casus zoals gelezen; 412 als zij intussen is gewijzigd.",
    ),
]


def etag(row: CaseRow) -> str:
    return f'"{row.revision}"'


def revisions(if_match: str | None) -> frozenset[int] | None:
    """The revisions an If-Match header accepts; None for none given or ``*``.

    A weak tag (``W/"3"``) never matches: If-Match compares strongly (RFC 9110). A header
    that holds no entity tag at all is a client's mistake, named as such (422), not a
    revision that changed in the meantime (412).
    """
    if if_match is None or if_match.strip() == "*":
        return None
    found = set()
    for tag in (t.strip() for t in if_match.split(",")):
        weak = tag.startswith("W/")
        inner = tag[2:] if weak else tag
        if len(inner) < 3 or inner[0] != '"' or inner[-1] != '"' or '"' in inner[1:-1]:
            problem = if_match_problem(
                f"'{tag}' is geen ETag; stuur de ETag van GET terug, met aanhalingstekens "
                '(bijvoorbeeld "3")'
            )
            raise InvalidInput(f"{problem.path}: {problem.message}", [problem])
        if not weak and inner[1:-1].isdigit() and len(inner) < 12:
            found.add(int(inner[1:-1]))
    return frozenset(found)


def if_match_problem(message: str) -> FieldProblem:
    return FieldProblem(path="If-Match", message=message, location="header")


def new_case(data: object, who: Actor) -> NewCase:
    case = parse(data)
    own_municipality(case.case.municipality, who)
    return NewCase(
        case_key=case.case.id, municipality=case.case.municipality, data=case_document(case)
    )


def _conflict(exc: DuplicateCase) -> Conflict:
    if exc.existing_id is None:
        return Conflict(f"Het kenmerk '{exc.case_key}' is al in gebruik; kies een ander.")
    return Conflict(
        f"Er is al een casus met kenmerk '{exc.case_key}' (id {exc.existing_id}); "
        "wijzig die met PUT /v1/cases/{id}."
    )


router = APIRouter(
    route_class=ParsedOnce,
    prefix="/v1/cases",
    tags=["casussen"],
    responses=problems.responses(401, 403, 429),
)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CaseRecord,
    summary="Sla een casus op",
    responses={201: {"headers": ETAG}, **problems.responses(400, 409, 413, 415, 422)},
)
def create_case(case: CaseBody, app: State, who: Evaluator, response: Response) -> CaseRecord:
    """De casus wordt gevalideerd zoals bij een beoordeling; een bestaand kenmerk geeft 409.

    Alleen een jurist, en alleen voor de eigen gemeente.
    """
    try:
        row = app.store.create_case(new_case(case, who), who)
    except DuplicateCase as exc:
        raise _conflict(exc) from None
    response.headers["Location"] = f"/v1/cases/{row.id}"
    response.headers["ETag"] = etag(row)
    return record(row)


@router.get("", response_model=CasePage, summary="Lijst van casussen")
def list_cases(
    app: State,
    who: Reader,
    limit: Limit = 20,
    offset: Offset = 0,
    gemeente: Annotated[
        str | None, Query(max_length=200, description="Alleen casussen van deze gemeente.")
    ] = None,
) -> CasePage:
    """De casussen van de eigen gemeente, oudste eerst; `total` telt ze (met het filter)."""
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
    responses={200: {"headers": ETAG}, **problems.responses(404)},
)
def get_case(case_id: str, app: State, who: Reader, response: Response) -> CaseRecord:
    """Elke inzage komt in het auditlog, met de reden als die is gegeven (X-Reden).

    De ETag is de revisie: stuur haar terug in If-Match bij een PUT."""
    row = app.store.get_case(case_id, who)
    if row is None:
        raise NotFound(f"Geen casus met id '{case_id}'.")
    response.headers["ETag"] = etag(row)
    return record(row)


@router.put(
    "/{case_id}",
    response_model=CaseRecord,
    summary="Vervang een opgeslagen casus",
    responses={200: {"headers": ETAG}, **problems.responses(400, 404, 409, 412, 413, 415, 422)},
)
def replace_case(
    case_id: str,
    case: CaseBody,
    app: State,
    who: Evaluator,
    response: Response,
    if_match: IfMatch = None,
) -> CaseRecord:
    """Vervangt de hele casus; eerdere beoordelingen houden hun eigen kopie van de invoer.

    Met `If-Match` (de ETag van GET) alleen als niemand de casus intussen wijzigde
    (412 anders): zo gaat een wijziging van een collega nooit stilzwijgend verloren.
    """
    try:
        row = app.store.update_case(case_id, new_case(case, who), who, revisions(if_match))
    except DuplicateCase as exc:
        raise _conflict(exc) from None
    except StaleCase as exc:
        raise PreconditionFailed(
            f"De casus is intussen gewijzigd (nu revisie {exc.current}, ETag "
            f'"{exc.current}"); lees haar opnieuw en breng uw wijziging daarin aan.',
            [if_match_problem(f'de huidige ETag is "{exc.current}"')],
        ) from None
    if row is None:
        raise NotFound(f"Geen casus met id '{case_id}'.")
    response.headers["ETag"] = etag(row)
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
    who: Evaluator,
    gemeente: Gemeente = None,
    peildatum: Peildatum = None,
    detail: DetailLevel = "summary",
    accept: Accept = None,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Als POST /v1/evaluations, met de opgeslagen casus als invoer."""
    row = app.store.get_case(case_id, who)
    if row is None:
        raise NotFound(f"Geen casus met id '{case_id}'.")
    result = app.service.evaluate(
        row.data, who, gemeente, peildatum, row.id, detail, idempotency_key
    )
    return answer(app, who, result, accept, status.HTTP_201_CREATED, created=True)
