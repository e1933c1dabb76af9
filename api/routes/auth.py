"""Signing in: a bearer token for API clients, a session cookie for the review pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from api import problems
from api.auth.accounts import sign_in
from api.auth.tokens import Issued
from api.deps import SESSION_COOKIE, SignedIn, State
from api.problems import TooMany, Unauthorized
from api.schemas import Me, SessionOut, TokenOut

router = APIRouter(prefix="/v1", tags=["aanmelden"])

Credentials = Annotated[OAuth2PasswordRequestForm, Depends()]


def check_sign_in(app: State, form: OAuth2PasswordRequestForm, request: Request) -> Issued:
    """A token for a correct name and password; a name that failed too often waits."""
    attempt = (form.username, request.client.host if request.client else None)
    wait = app.sign_in_failures.wait(attempt)
    if wait:
        raise TooMany(
            f"Te veel mislukte aanmeldingen voor deze naam; probeer het over {wait} "
            "seconden opnieuw.",
            wait,
        )
    issued = sign_in(app.store, app.tokens, form.username, form.password)
    if issued is None:
        app.sign_in_failures.hit(attempt)
        raise Unauthorized("Onbekende gebruikersnaam of onjuist wachtwoord.")
    return issued


def set_session_cookie(response: Response, app: State, issued: Issued) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        issued.token,
        max_age=issued.expires_in,
        httponly=True,
        samesite="strict",
        secure=app.settings.cookie_secure,
        path="/",
    )


def end_session(response: Response, app: State) -> None:
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="strict",
        secure=app.settings.cookie_secure,
    )


@router.post(
    "/token",
    response_model=TokenOut,
    summary="Meld aan met een lokaal account; geeft een kortlevend token",
    responses=problems.responses(401, 422, 429),
)
def token(form: Credentials, app: State, request: Request) -> TokenOut:
    """OAuth2 password flow (formulier met `username` en `password`).

    Stuur het token mee als `Authorization: Bearer <token>`; het verloopt na
    `expires_in` seconden. Gemeenten met een eigen identiteitsprovider gebruiken diens
    tokens (OIDC) en hebben dit endpoint niet nodig.
    """
    issued = check_sign_in(app, form, request)
    return TokenOut(access_token=issued.token, token_type="bearer", expires_in=issued.expires_in)


@router.post(
    "/session",
    response_model=SessionOut,
    summary="Meld aan voor de reviewpagina's; zet een sessiecookie",
    responses=problems.responses(401, 422, 429),
)
def open_session(form: Credentials, app: State, request: Request, response: Response) -> SessionOut:
    """De cookie is HttpOnly en SameSite=Strict; een wijziging met de cookie vraagt ook de
    header `X-CSRF-Token` met het `csrf_token` uit dit antwoord."""
    issued = check_sign_in(app, form, request)
    set_session_cookie(response, app, issued)
    return SessionOut(csrf_token=issued.csrf, expires_in=issued.expires_in)


@router.delete(
    "/session",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Meld af: de sessiecookie vervalt",
)
def close_session(app: State) -> Response:
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    end_session(response, app)
    return response


@router.get(
    "/me",
    response_model=Me,
    summary="Wie ben ik: gebruiker, rol en gemeente uit het token",
    responses=problems.responses(401, 403, 429),
)
def me(who: SignedIn) -> Me:
    return Me(subject=who.subject, role=str(who.role), municipality=who.municipality)
