"""The review pages for mayors, aldermen and lawyers: sign-in, worklist, case, decision.

Server-rendered HTML in Dutch, no script. The pages use the session cookie of
``POST /v1/session`` (a bearer token works too); a form that changes something carries
the session's CSRF token in a hidden field, since a form cannot set a header. Roles and
municipality separation are the API's: a record of another municipality is "niet
gevonden", exactly like an unknown id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Form, Query, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from api.auth.principal import Principal, Role
from api.deps import State, identify
from api.pages import document, network
from api.pages.view import (
    DECISION_TEXT,
    VERIFICATION_TEXT,
    WORK_STATUS_TEXT,
    Review,
    WorkStatus,
    body_text,
    domain_text,
    failed,
    severity_text,
    status_text,
    work_status,
)
from api.problems import ApiProblem, Forbidden, Unauthorized
from api.routes.auth import check_sign_in, end_session, set_session_cookie
from api.schemas import DecisionIn, EvaluationOut
from api.store.models import EvaluationRow
from api.store.repository import Actor
from engine.case.read import CaseError
from engine.explain.text import GOAL_TEXT, ROLE_TEXT

HERE = Path(__file__).parent
STATIC_PATH = "/statisch"
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(
    status_text=status_text,
    body_text=body_text,
    domain_text=domain_text,
    severity_text=severity_text,
    decision_text=lambda kind: DECISION_TEXT[kind],
    verification_text=lambda kind: VERIFICATION_TEXT[kind],
    work_status_text=lambda kind: WORK_STATUS_TEXT[kind],
    failed=failed,
    role_text=lambda role: ROLE_TEXT[role],
    static=STATIC_PATH,
)
templates.env.filters["domain_text"] = domain_text

_bearer = OAuth2PasswordBearer(tokenUrl="/v1/token", auto_error=False)


class SignInFirst(Exception):
    """No session (or an expired one): the page sends the browser to the sign-in form."""


class PageProblem(Exception):
    def __init__(self, status_code: int, title: str, detail: str):
        super().__init__(detail)
        self.status_code = status_code
        self.title = title
        self.detail = detail


@dataclass(frozen=True)
class Viewer:
    principal: Principal
    actor: Actor
    #: The session's CSRF token for the forms; None when signed in with a bearer token.
    csrf: str | None

    @property
    def may_decide(self) -> bool:
        return self.principal.role == Role.bestuurder

    @property
    def may_evaluate(self) -> bool:
        return self.principal.role == Role.jurist


def _viewer(
    request: Request, token: str | None, csrf: str | None, roles: tuple[Role, ...]
) -> Viewer:
    try:
        who, claims = identify(request, token, csrf)
    except Unauthorized:
        raise SignInFirst from None
    except Forbidden as exc:
        raise PageProblem(403, "Geen toegang", exc.detail or exc.title) from None
    if who.role not in roles:
        names = " of ".join(str(r) for r in roles)
        raise PageProblem(
            403,
            "Geen toegang",
            f"Deze pagina is voor een {names}; u bent aangemeld als {who.role}.",
        )
    actor = Actor(who=who.subject, municipality=who.municipality)
    session_csrf = claims.get("csrf") if not token else None
    return Viewer(who, actor, session_csrf if isinstance(session_csrf, str) else None)


def _reading(*roles: Role) -> Any:
    def check(request: Request, token: Annotated[str | None, Depends(_bearer)]) -> Viewer:
        return _viewer(request, token, None, roles)

    return Depends(check)


def _changing(*roles: Role) -> Any:
    def check(
        request: Request,
        token: Annotated[str | None, Depends(_bearer)],
        csrf: Annotated[str | None, Form(max_length=200)] = None,
    ) -> Viewer:
        return _viewer(request, token, csrf, roles)

    return Depends(check)


PageReader = Annotated[Viewer, _reading(Role.jurist, Role.bestuurder)]
PageEvaluator = Annotated[Viewer, _changing(Role.jurist)]
PageDecider = Annotated[Viewer, _changing(Role.bestuurder)]


@contextmanager
def as_page() -> Iterator[None]:
    """A problem of the service, shown as a page rather than as problem+json."""
    try:
        yield
    except ApiProblem as exc:
        raise PageProblem(exc.status, exc.title, exc.detail or exc.title) from None
    except CaseError as exc:
        raise PageProblem(422, "Ongeldige casus", str(exc)) from None


router = APIRouter(include_in_schema=False)


def _page(
    request: Request,
    template: str,
    context: dict[str, Any],
    status_code: int = 200,
) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/aanmelden", response_class=HTMLResponse)
def sign_in_form(request: Request) -> HTMLResponse:
    return _page(request, "aanmelden.html", {"viewer": None, "error": None})


@router.post("/aanmelden", status_code=status.HTTP_303_SEE_OTHER)
def sign_in(
    request: Request,
    app: State,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    form = OAuth2PasswordRequestForm(username=username, password=password)
    try:
        issued = check_sign_in(app, form, request)
    except ApiProblem as exc:
        return _page(
            request,
            "aanmelden.html",
            {"viewer": None, "error": exc.detail, "username": username},
            exc.status,
        )
    response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    set_session_cookie(response, app, issued)
    return response


@router.post("/afmelden", status_code=status.HTTP_303_SEE_OTHER)
def sign_out(app: State) -> Response:
    response = RedirectResponse("/aanmelden", status_code=status.HTTP_303_SEE_OTHER)
    end_session(response, app)
    return response


@dataclass(frozen=True)
class WorkItem:
    case_key: str
    family: str | None
    case_id: str | None
    evaluation: EvaluationRow | None
    status: WorkStatus
    changed: dt.datetime


#: The worklist shows the newest work; older work is reached through the API's pages.
WORKLIST_SIZE = 200


@router.get("/", response_class=HTMLResponse)
def worklist(
    request: Request,
    app: State,
    viewer: PageReader,
    status_filter: Annotated[WorkStatus | None, Query(alias="status")] = None,
    zoek: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    """Per case its newest evaluation, newest first; a case not yet evaluated is listed too."""
    cases, _ = app.store.list_cases(viewer.actor, WORKLIST_SIZE, 0)
    evaluations, _ = app.store.list_evaluations(viewer.actor, WORKLIST_SIZE, 0)
    stored = {c.case_key: c for c in cases}
    items: dict[str, WorkItem] = {}
    for row in evaluations:
        if row.case_key in items:
            continue
        case = stored.get(row.case_key)
        items[row.case_key] = WorkItem(
            row.case_key,
            case.data.get("case", {}).get("family") if case else None,
            case.id if case else None,
            row,
            work_status(row),
            row.created_at,
        )
    for case in cases:
        if case.case_key not in items:
            items[case.case_key] = WorkItem(
                case.case_key,
                case.data.get("case", {}).get("family"),
                case.id,
                None,
                WorkStatus.not_evaluated,
                case.updated_at,
            )
    needle = zoek.strip().lower()
    shown = sorted(
        (
            i
            for i in items.values()
            if (status_filter is None or i.status == status_filter)
            and (not needle or needle in f"{i.case_key} {i.family or ''}".lower())
        ),
        key=lambda i: i.changed,
        reverse=True,
    )
    return _page(
        request,
        "werklijst.html",
        {
            "viewer": viewer,
            "items": shown,
            "total": len(items),
            "statuses": list(WorkStatus),
            "status_filter": status_filter,
            "zoek": zoek,
        },
    )


@router.post("/casussen/{case_id}/beoordelen", status_code=status.HTTP_303_SEE_OTHER)
def evaluate_case(case_id: str, app: State, viewer: PageEvaluator) -> Response:
    row = app.store.get_case(case_id, viewer.actor)
    if row is None:
        raise PageProblem(404, "Niet gevonden", f"Geen casus met id '{case_id}'.")
    with as_page():
        served = app.service.evaluate(row.data, viewer.actor, None, None, row.id)
    return RedirectResponse(f"/beoordelingen/{served.id}", status_code=status.HTTP_303_SEE_OTHER)


def _case_page(
    request: Request,
    app: State,
    viewer: Viewer,
    evaluation_id: str,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    with as_page():
        reviewed = app.service.review(evaluation_id, viewer.actor)
    review = Review(EvaluationOut.model_validate_json(reviewed.served.body), reviewed.exact)
    case = reviewed.case
    return _page(
        request,
        "casus.html",
        {
            "viewer": viewer,
            "review": review,
            "advice": review.evaluation,
            "case": case,
            "goals": [GOAL_TEXT[g] for g in case.case.goals],
            "network": network.svg(case),
            "error": error,
        },
        status_code,
    )


@router.get("/beoordelingen/{evaluation_id}", response_class=HTMLResponse)
def case_page(evaluation_id: str, request: Request, app: State, viewer: PageReader) -> Response:
    return _case_page(request, app, viewer, evaluation_id)


@router.post("/beoordelingen/{evaluation_id}/besluit", status_code=status.HTTP_303_SEE_OTHER)
def decide(
    evaluation_id: str,
    request: Request,
    app: State,
    viewer: PageDecider,
    decision: Annotated[str, Form(max_length=10)] = "",
    motivation: Annotated[str, Form(max_length=20000)] = "",
    decided_by: Annotated[str, Form(max_length=200)] = "",
    interventions: Annotated[list[str] | None, Form()] = None,
    legal_basis_motivation: Annotated[str, Form(max_length=20000)] = "",
    withdraws: Annotated[str, Form(max_length=36)] = "",
) -> Response:
    """Accept takes the recommended combination; adjust the ticked interventions."""
    chosen = list(interventions or [])
    if decision == "accept":
        with as_page():
            served = app.service.read(evaluation_id, viewer.actor)
        top = EvaluationOut.model_validate_json(served.body).combinations
        chosen = list(top[0].interventions) if top else []
    elif decision == "reject":
        chosen = []
    try:
        given = DecisionIn.model_validate(
            {
                "decision": decision,
                "interventions": chosen,
                "motivation": motivation.strip(),
                "decided_by": decided_by.strip(),
                "withdraws": withdraws or None,
                "legal_basis_motivation": legal_basis_motivation.strip() or None,
            }
        )
    except ValidationError as exc:
        fields = {"decision": "de keuze", "motivation": "de motivering", "decided_by": "namens"}
        missing = sorted({fields.get(str(e["loc"][0]), str(e["loc"][0])) for e in exc.errors()})
        return _case_page(
            request,
            app,
            viewer,
            evaluation_id,
            "Vul in: " + ", ".join(missing) + ".",
            422,
        )
    try:
        app.service.decide(evaluation_id, given, viewer.actor)
    except ApiProblem as exc:
        if exc.status == 404:
            raise PageProblem(404, exc.title, exc.detail or exc.title) from None
        return _case_page(request, app, viewer, evaluation_id, exc.detail, exc.status)
    return RedirectResponse(
        f"/beoordelingen/{evaluation_id}#besluit", status_code=status.HTTP_303_SEE_OTHER
    )


@router.get("/beoordelingen/{evaluation_id}/besluit.docx")
def decision_document(evaluation_id: str, app: State, viewer: PageReader) -> Response:
    with as_page():
        served = app.service.read(evaluation_id, viewer.actor)
        memo = app.service.memo(evaluation_id, viewer.actor)
    decisions = EvaluationOut.model_validate_json(served.body).decisions
    current = next((d for d in reversed(decisions) if d.withdrawn_by is None), None)
    return Response(
        document.docx_bytes(memo, current),
        media_type=document.MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="conceptbesluit-{evaluation_id}.docx"'
        },
    )


def install(app: FastAPI) -> None:
    """The pages, their stylesheet, and the two ways a page ends early."""

    async def on_sign_in_first(request: Request, exc: Exception) -> Response:
        return RedirectResponse("/aanmelden", status_code=status.HTTP_303_SEE_OTHER)

    async def on_page_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageProblem)
        return _page(
            request,
            "fout.html",
            {"viewer": None, "title": exc.title, "detail": exc.detail},
            exc.status_code,
        )

    app.add_exception_handler(SignInFirst, on_sign_in_first)
    app.add_exception_handler(PageProblem, on_page_problem)
    app.include_router(router)
    app.mount(STATIC_PATH, StaticFiles(directory=HERE / "static"), name="statisch")
