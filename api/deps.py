"""What the routes share, declared once: the application state, the signed-in user and
what their role allows, the reason for a read, the case body.

The dependencies are ``async def``: each is a few microseconds of work (a verified token
is cached, see ``api.auth.tokens``), and FastAPI runs a plain ``def`` dependency in the
thread pool, whose few tokens the evaluations hold (``threads_per_worker``). Signing in
never waits behind another request's evaluation, and a request takes one trip to a thread,
for its route, instead of five.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from anyio import to_thread
from fastapi import Body, Depends, Header, Query, Request
from fastapi.security import OAuth2PasswordBearer
from pydantic import SkipValidation

from api.auth.principal import Principal, Role
from api.auth.tokens import TokenRefused, Tokens
from api.limits import SlidingWindow
from api.problems import Forbidden, TooMany, Unauthorized
from api.service import EvaluationService
from api.settings import Settings
from api.store import Store
from api.store.repository import Actor
from engine.case.models import Case

SESSION_COOKIE = "afweging_sessie"
CSRF_HEADER = "X-CSRF-Token"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass
class AppState:
    settings: Settings
    store: Store
    service: EvaluationService
    examples: dict[str, dict[str, Any]]
    tokens: Tokens
    #: Requests per user per minute, and failed sign-ins per name and client.
    requests: SlidingWindow
    sign_in_failures: SlidingWindow


async def state(request: Request) -> AppState:
    found: AppState = request.app.state.afweging
    return found


_bearer = OAuth2PasswordBearer(
    tokenUrl="/v1/token",
    auto_error=False,
    description="Een token van `POST /v1/token` (lokale accounts) of van de "
    "identiteitsprovider van de gemeente (OIDC).",
)


async def principal(request: Request, token: Annotated[str | None, Depends(_bearer)]) -> Principal:
    """The user from a verified bearer token, else from the session cookie of the pages.

    A cookie is sent by the browser on its own, so a request that changes something
    with a cookie must also echo the session's CSRF token in a header. A token seen for
    the first time is checked in a thread: that may fetch the identity provider's keys.
    """
    echoed = request.headers.get(CSRF_HEADER)
    tokens: Tokens = request.app.state.afweging.tokens
    if tokens.known(token or request.cookies.get(SESSION_COOKIE) or "") is None:
        found, _claims = await to_thread.run_sync(identify, request, token, echoed)
    else:
        found, _claims = identify(request, token, echoed)
    return found


def identify(
    request: Request, token: str | None, echoed_csrf: str | None
) -> tuple[Principal, Mapping[str, Any]]:
    """The verified user and claims; the pages echo the CSRF token in a form field instead.

    Raises ``Unauthorized`` without credentials (or with ones that prove nothing),
    ``Forbidden`` for a cookie-only change without the session's CSRF token.
    """
    app: AppState = request.app.state.afweging
    tokens = app.tokens
    cookie = request.cookies.get(SESSION_COOKIE)
    if not token and not cookie:
        raise Unauthorized(
            "Meld u aan: stuur 'Authorization: Bearer <token>' (een token van POST /v1/token "
            "of van de identiteitsprovider van uw gemeente)."
        )
    try:
        found, claims = tokens.verify(token or cookie or "")
    except TokenRefused as exc:
        problem = Forbidden if exc.status == 403 else Unauthorized
        raise problem(f"Aanmelding geweigerd: {exc.detail}.") from None
    cookie_change = not token and request.method not in _SAFE_METHODS
    if cookie_change and (not echoed_csrf or echoed_csrf != claims.get("csrf")):
        raise Forbidden(
            f"Een wijziging met de sessiecookie vraagt de header {CSRF_HEADER} "
            "met het csrf_token van de sessie."
        )
    request.state.role = str(found.role)
    wait = app.requests.hit((found.issuer, found.subject))
    if wait:
        raise TooMany(
            f"Te veel verzoeken van deze gebruiker; probeer het over {wait} seconden opnieuw.",
            wait,
        )
    return found, claims


async def reason(
    x_reden: Annotated[
        str | None,
        Header(
            alias="X-Reden",
            max_length=500,
            description="Waarom u dit inziet; komt bij de inzage in het auditlog.",
        ),
    ] = None,
    reden: Annotated[
        str | None,
        Query(max_length=500, description="Als de header X-Reden, voor een link."),
    ] = None,
) -> str | None:
    given = (x_reden or reden or "").strip()
    return given or None


def allow(*roles: Role) -> Any:
    """A dependency that lets only ``roles`` through (403 otherwise) and yields the Actor."""
    names = " of ".join(str(r) for r in roles)

    async def check(
        who: Annotated[Principal, Depends(principal)],
        why: Annotated[str | None, Depends(reason)],
    ) -> Actor:
        if who.role not in roles:
            raise Forbidden(f"Dit mag alleen een {names}; u bent aangemeld als {who.role}.")
        return Actor(who=who.subject, municipality=who.municipality, reason=why)

    return Depends(check)


State = Annotated[AppState, Depends(state)]
SignedIn = Annotated[Principal, Depends(principal)]
#: The roles of DESIGN.md, per kind of work (docs/adr/0008 has the whole table).
Evaluator = Annotated[Actor, allow(Role.jurist)]
Reader = Annotated[Actor, allow(Role.jurist, Role.bestuurder)]
Decider = Annotated[Actor, allow(Role.bestuurder)]
Auditor = Annotated[Actor, allow(Role.auditor)]
#: Loads ruleset versions and runs impact analyses on the municipality's cases.
PolicyOfficer = Annotated[Actor, allow(Role.beleidsmedewerker)]
CatalogReader = Annotated[Actor, allow(*Role)]
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
        description="Gemeente waarvan het beleid geldt; standaard die uit de casus. Een "
        "gemeente zonder eigen beleid in de rulesets geeft 422 met de bekende gemeenten; "
        "`landelijk` vraagt uitdrukkelijk alleen de landelijke regels.",
        examples=["voorbeeldstad", "landelijk"],
    ),
]
Peildatum = Annotated[
    dt.date | None,
    Query(description="Peildatum (JJJJ-MM-DD); standaard die uit de casus, anders vandaag."),
]
IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        description="Een sleutel naar keuze; een herhaling met dezelfde sleutel krijgt de "
        "beoordeling van de eerste keer (en geen tweede), een ander verzoek met die sleutel 422.",
    ),
]
DetailLevel = Annotated[
    Literal["summary", "full"],
    Query(
        description="`summary` (standaard): het advies zonder bewijsbomen; "
        "`full`: met de bewijsboom per voorwaarde."
    ),
]
