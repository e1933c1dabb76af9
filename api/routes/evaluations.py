"""Evaluations: a case in, the advice out and stored; replay; the decision on an advice."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from api import problems
from api.deps import (
    CaseBody,
    Decider,
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
from api.negotiation import preferred
from api.schemas import (
    DecisionIn,
    DecisionOut,
    EvaluationOut,
    EvaluationPage,
    EvaluationSummary,
    ReplayOut,
)
from api.service import Served
from api.store.models import EvaluationRow
from api.store.repository import Actor, current_decision

router = APIRouter(
    route_class=ParsedOnce,
    prefix="/v1/evaluations",
    tags=["beoordelingen"],
    responses=problems.responses(401, 403, 429),
)

Accept = Annotated[
    str | None,
    Header(
        description="`application/json` (standaard) voor het advies; `text/markdown` of "
        "`text/plain` voor de memo in het Nederlands."
    ),
]
MEMO = {
    "content": {
        "text/markdown": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}},
    }
}


def answer(
    app: State,
    who: Actor,
    result: Served,
    accept: str | None,
    status_code: int = 200,
    created: bool = False,
) -> Response:
    """The stored bytes as they are (never serialised again), or the memo if text is preferred."""
    headers = {"Location": f"/v1/evaluations/{result.id}"} if created else {}
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    form = preferred(accept)
    if form == "json":
        return Response(
            result.body, status_code=status_code, media_type="application/json", headers=headers
        )
    return Response(
        app.service.memo(result.id, who),
        status_code=status_code,
        media_type=f"{form}; charset=utf-8",
        headers=headers,
    )


def _summary(row: EvaluationRow) -> EvaluationSummary:
    current = current_decision(row.decisions)
    return EvaluationSummary.model_validate(
        {
            "id": row.id,
            "case_key": row.case_key,
            "case_ref": row.case_id,
            "municipality": row.municipality,
            "reference_date": row.reference_date,
            "ruleset_sha256": row.ruleset_sha256,
            "engine_version": row.engine_version,
            "created_at": row.created_at,
            "created_by": row.created_by,
            "decision": current.decision if current else None,
        }
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=EvaluationOut,
    summary="Beoordeel een casus",
    responses={201: MEMO, **problems.responses(400, 409, 413, 415, 422, 503)},
)
def create_evaluation(
    case: CaseBody,
    app: State,
    who: Evaluator,
    gemeente: Gemeente = None,
    peildatum: Peildatum = None,
    detail: DetailLevel = "summary",
    accept: Accept = None,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Weeg elke interventie voor de casus en sla het advies op; het antwoord heeft een `id`.

    `verification` zegt of durable-rules, de onafhankelijke tweede lezing, het eens is;
    die draait na het antwoord (`pending`) en in elk geval vóór een besluit. Met een
    `Idempotency-Key` geeft een herhaling (bijv. na een time-out) dezelfde beoordeling
    terug, met de header `Idempotent-Replayed: true`.
    """
    result = app.service.evaluate(
        case, who, gemeente, peildatum, detail=detail, idempotency_key=idempotency_key
    )
    return answer(app, who, result, accept, status.HTTP_201_CREATED, created=True)


@router.get("", response_model=EvaluationPage, summary="Lijst van beoordelingen")
def list_evaluations(
    app: State,
    who: Reader,
    limit: Limit = 20,
    offset: Offset = 0,
    case_key: Annotated[
        str | None, Query(max_length=200, description="Alleen dit casuskenmerk.")
    ] = None,
    case_ref: Annotated[
        str | None, Query(max_length=36, description="Alleen deze opgeslagen casus.")
    ] = None,
) -> EvaluationPage:
    """De beoordelingen van de eigen gemeente, nieuwste eerst."""
    rows, total = app.store.list_evaluations(who, limit, offset, case_key, case_ref)
    return EvaluationPage(
        items=[_summary(r) for r in rows], total=total, limit=limit, offset=offset
    )


@router.get(
    "/{evaluation_id}",
    response_model=EvaluationOut,
    summary="Een opgeslagen beoordeling",
    responses={200: MEMO, **problems.responses(404, 409)},
)
def get_evaluation(
    evaluation_id: str,
    app: State,
    who: Reader,
    detail: DetailLevel = "summary",
    accept: Accept = None,
) -> Response:
    """Het opgeslagen advies met herkomst (rulesets, engine, invoer-hash) en besluiten.

    Met `Accept: text/markdown` of `text/plain` de memo in het Nederlands. Elke inzage
    komt in het auditlog, met de reden als die is gegeven (X-Reden).
    """
    return answer(app, who, app.service.read(evaluation_id, who, detail), accept)


@router.post(
    "/{evaluation_id}/replay",
    response_model=ReplayOut,
    summary="Herhaal een beoordeling",
    responses=problems.responses(404),
)
def replay_evaluation(evaluation_id: str, app: State, who: Evaluator) -> ReplayOut:
    """Beoordeel de opgeslagen invoer opnieuw met dezelfde gemeente en peildatum.

    Meldt `identical: true` of de verschillen per JSON-pad, en of de rulesets sinds
    de beoordeling zijn gewijzigd (andere sha256).
    """
    return app.service.replay(evaluation_id, who)


@router.post(
    "/{evaluation_id}/decision",
    status_code=status.HTTP_201_CREATED,
    response_model=DecisionOut,
    summary="Leg het besluit over een advies vast",
    responses=problems.responses(400, 404, 409, 413, 415, 422),
)
def decide(evaluation_id: str, decision: DecisionIn, app: State, who: Decider) -> DecisionOut:
    """Overnemen (accept), aanpassen (adjust) of niet volgen (reject), met motivering.

    Alleen een bestuurder van de gemeente. Eén besluit per beoordeling: een tweede geeft
    409, tenzij het het geldende besluit intrekt en vervangt (`withdraws`: zijn id).
    Elke gekozen interventie moet in het advies voorkomen; bij accept en adjust is er
    minstens één nodig, en een interventie zonder vervulde grondslag vraagt een eigen
    motivering (`legal_basis_motivation`). Een besluit kan alleen op een beoordeling die
    durable-rules heeft bevestigd (409 als de tweede lezing afwijkt).
    """
    return app.service.decide(evaluation_id, decision, who)
