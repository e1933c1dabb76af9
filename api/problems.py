"""Errors as ``application/problem+json`` (RFC 9457), never as a traceback.

Every failure a client can cause has a stable ``type`` URI, a Dutch ``title`` and
``detail``, and for invalid input an ``errors`` list with one JSON path per wrong field
(``$.persons[0].agee``), so a lawyer sees which field to fix.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic_core import ErrorDetails
from starlette.exceptions import HTTPException as StarletteHTTPException

from engine.case.read import CaseError
from engine.validation_text import json_path, message

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "urn:afwegingskader:probleem:"

log = logging.getLogger("api")


class FieldProblem(BaseModel):
    path: str = Field(description="JSON-pad van het veld, bijv. $.persons[0].age.")
    message: str = Field(description="Wat er mis is, in het Nederlands.")
    location: str = Field(
        default="body", description="Waar het veld staat: body, query, path of header."
    )


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="URI die de soort fout aanduidt.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = Field(default=None, description="Het verzoekpad.")
    errors: list[FieldProblem] = Field(default_factory=list)


class ApiProblem(Exception):
    """An error the service reports to the client as problem+json."""

    status = 500
    slug = "interne-fout"
    title = "Interne fout"
    default_headers: ClassVar[Mapping[str, str]] = {}

    def __init__(self, detail: str | None = None, errors: Sequence[FieldProblem] = ()):
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors)
        self.headers = dict(self.default_headers)


class Unauthorized(ApiProblem):
    """No credentials, or credentials that prove nothing."""

    status = 401
    slug = "niet-aangemeld"
    title = "Niet aangemeld"
    default_headers: ClassVar[Mapping[str, str]] = {"WWW-Authenticate": "Bearer"}


class Forbidden(ApiProblem):
    """Signed in, but the role does not allow this; never used to hide another's record."""

    status = 403
    slug = "geen-toegang"
    title = "Geen toegang"


class NotFound(ApiProblem):
    status = 404
    slug = "niet-gevonden"
    title = "Niet gevonden"


class Conflict(ApiProblem):
    status = 409
    slug = "conflict"
    title = "Conflict"


class InvalidInput(ApiProblem):
    status = 422
    slug = "ongeldige-invoer"
    title = "Ongeldige invoer"


class InvalidRulesets(ApiProblem):
    """Rulesets that do not validate; ``errors`` names the file, line and column of each
    problem (``path`` is ``file:line:column``), the cause before its knock-on errors."""

    status = 422
    slug = "ongeldige-rulesets"
    title = "Ongeldige rulesets"


class PreconditionFailed(ApiProblem):
    """If-Match named a revision that is no longer the current one."""

    status = 412
    slug = "intussen-gewijzigd"
    title = "Intussen gewijzigd"


class TooMany(ApiProblem):
    """Over the rate of a user, or of failed sign-ins for a name."""

    status = 429
    slug = "te-veel-verzoeken"
    title = "Te veel verzoeken"

    def __init__(self, detail: str, retry_after: int):
        super().__init__(detail)
        self.headers["Retry-After"] = str(retry_after)


class TooLarge(ApiProblem):
    status = 413
    slug = "te-groot"
    title = "Verzoek te groot"


class TooSlow(ApiProblem):
    """The evaluation ran out of its deadline; it was stopped, nothing was stored."""

    status = 503
    slug = "te-lang"
    title = "Beoordeling duurde te lang"


class NotVerified(ApiProblem):
    """durable-rules did not agree with the evaluator, so no decision may rest on it."""

    status = 409
    slug = "niet-bevestigd"
    title = "Beoordeling niet bevestigd door de tweede lezing"


_STATUS_SLUGS = {
    400: ("onleesbaar-verzoek", "Onleesbaar verzoek"),
    401: (Unauthorized.slug, Unauthorized.title),
    403: (Forbidden.slug, Forbidden.title),
    404: (NotFound.slug, NotFound.title),
    405: ("methode-niet-toegestaan", "Methode niet toegestaan"),
    406: ("niet-aanvaardbaar", "Antwoordformaat niet beschikbaar"),
    409: (Conflict.slug, Conflict.title),
    412: (PreconditionFailed.slug, PreconditionFailed.title),
    413: (TooLarge.slug, TooLarge.title),
    415: ("mediatype-niet-ondersteund", "Mediatype niet ondersteund"),
    429: (TooMany.slug, TooMany.title),
    422: (InvalidInput.slug, InvalidInput.title),
    500: (ApiProblem.slug, ApiProblem.title),
    503: ("niet-beschikbaar", "Dienst niet beschikbaar"),
}


def problem_body(
    status: int,
    detail: str | None = None,
    errors: Sequence[FieldProblem] = (),
    instance: str | None = None,
    slug: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    known_slug, known_title = _STATUS_SLUGS.get(status, ("fout", "Fout"))
    return Problem(
        type=TYPE_BASE + (slug or known_slug),
        title=title or known_title,
        status=status,
        detail=detail,
        instance=instance,
        errors=list(errors),
    ).model_dump(mode="json")


def problem_response(
    status: int,
    detail: str | None = None,
    errors: Sequence[FieldProblem] = (),
    instance: str | None = None,
    slug: str | None = None,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = problem_body(status, detail, errors, instance, slug, title)
    return JSONResponse(
        body, status_code=status, media_type=MEDIA_TYPE, headers=dict(headers or {})
    )


# --- validation errors ----------------------------------------------------------------


def _dutch(error: dict[str, Any]) -> str:
    """The engine's Dutch wording of a pydantic error, and two that only a request has."""
    loc = tuple(error.get("loc") or ())
    if error.get("type") == "missing" and loc == ("body",):
        return "de body ontbreekt; stuur JSON met 'Content-Type: application/json'"
    if error.get("type") == "json_invalid":
        return f"geen geldige JSON: {(error.get('ctx') or {}).get('error', '')}".rstrip(": ")
    return message(cast(ErrorDetails, error), loc=loc)


def field_problems(errors: Sequence[Any]) -> list[FieldProblem]:
    """FastAPI's validation errors as JSON paths: ``('body', 'persons', 0, 'agee')``."""
    found: list[FieldProblem] = []
    for error in errors:
        loc = tuple(error.get("loc") or ())
        where = str(loc[0]) if loc else "body"
        rest = tuple(p for p in loc[1:] if isinstance(p, int | str))
        if where == "body":
            # A JSON decode error carries the character offset, not a field.
            path = "$" if error.get("type") == "json_invalid" else json_path(rest)
        else:
            path = ".".join(str(p) for p in rest) or where
        found.append(FieldProblem(path=path, message=_dutch(error), location=where))
    return found


def case_problems(exc: CaseError) -> list[FieldProblem]:
    return [FieldProblem(path=p.path, message=p.message) for p in exc.problems]


# --- handlers ---------------------------------------------------------------------------


def install(app: FastAPI) -> None:
    """Route every error through problem+json."""

    async def on_api_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiProblem)
        return problem_response(
            exc.status, exc.detail, exc.errors, request.url.path, exc.slug, exc.title, exc.headers
        )

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = field_problems(exc.errors())
        detail = "; ".join(f"{e.path}: {e.message}" for e in errors[:5])
        return problem_response(422, detail, errors, request.url.path)

    async def on_case_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, CaseError)
        errors = case_problems(exc)
        detail = "; ".join(f"{e.path}: {e.message}" for e in errors[:5])
        return problem_response(422, f"De casus is ongeldig: {detail}", errors, request.url.path)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else None
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"Geen bron op {request.url.path}."
        elif exc.status_code == 400 and detail == "There was an error parsing the body":
            detail = "De body is niet te lezen; stuur JSON in UTF-8."
        elif exc.status_code == 405 and detail == "Method Not Allowed":
            detail = f"{request.method} is niet toegestaan op {request.url.path}."
        return problem_response(
            exc.status_code, detail, instance=request.url.path, headers=exc.headers
        )

    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("onverwachte fout bij %s %s", request.method, request.url.path)
        return problem_response(
            500,
            "Er ging iets mis bij het verwerken van het verzoek; de fout is gelogd.",
            instance=request.url.path,
        )

    app.add_exception_handler(ApiProblem, on_api_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(CaseError, on_case_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_crash)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of the problem responses a route can give."""
    described = {
        400: "Het verzoek is niet te lezen.",
        401: "Niet aangemeld: geen, een verlopen of een ongeldig token.",
        403: "Aangemeld, maar deze rol mag dit niet.",
        404: "Onbekend id (of van een andere gemeente: dat is niet te onderscheiden).",
        409: "Conflict met wat al is opgeslagen.",
        412: "If-Match noemt een revisie die niet meer de huidige is.",
        413: "Het verzoek is groter dan toegestaan.",
        415: "De body is geen JSON (Content-Type).",
        422: "Ongeldige invoer; `errors` noemt elk veld met zijn JSON-pad.",
        429: "Te veel verzoeken van deze gebruiker (of mislukte aanmeldingen); zie Retry-After.",
        503: "De opslag is niet bereikbaar, of de beoordeling duurde langer dan de termijn.",
    }
    return {
        status: {
            "description": described.get(status, "Fout."),
            "model": Problem,
            "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }


def problem_openapi(schema: dict[str, Any]) -> dict[str, Any]:
    """Every error response of the generated document as problem+json.

    FastAPI documents a route's ``responses`` models under the route's own media type and
    adds its ``HTTPValidationError`` for 422; the service answers every error with
    ``application/problem+json`` and the ``Problem`` model, so the document says that.
    """
    problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for code, response in operation.get("responses", {}).items():
                if str(code)[:1] in ("4", "5"):
                    response["content"] = {MEDIA_TYPE: problem}
                    if code == "422":
                        response["description"] = (
                            "Ongeldige invoer; `errors` noemt elk veld met zijn JSON-pad."
                        )
    components = schema.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    return schema
