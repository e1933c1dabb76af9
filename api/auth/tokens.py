"""Bearer tokens: the service's own short-lived JWTs, and OIDC JWTs from a municipality's IdP.

Which key checks a token follows from its ``iss`` claim, and each issuer has its own
fixed list of algorithms: the service's own tokens are HS256 under a secret only the
service knows; an OIDC token is checked against the identity provider's published keys
(JWKS) with asymmetric algorithms only, so a token signed with the public key as an HMAC
secret is refused. Nothing in a token is trusted before its signature, issuer, audience
and expiry are checked.

A client sends the same token with every request, so a token that passed those checks is
remembered for a minute (``VERIFIED_SECONDS``), never past its own expiry: the next request
with it costs a dictionary look-up instead of two JWT decodes and an HMAC or RSA check.
Within that minute nothing can make the same bytes fail: the service's key does not change
while it runs, and an identity provider's keys are cached for five minutes anyway. A
refused token is not remembered.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jwt

from api.auth.principal import Principal, Role

LOCAL_ISSUER = "urn:afwegingskader:lokaal"
LOCAL_AUDIENCE = "afwegingskader"
LOCAL_ALGORITHM = "HS256"
ROLE_CLAIM = "rol"
MUNICIPALITY_CLAIM = "gemeente"
#: Seconds a verified token is taken on trust before it is checked again.
VERIFIED_SECONDS = 60.0
#: Verified tokens remembered at most per process; the oldest go first.
VERIFIED_MAX = 4096
#: Seconds of clock difference allowed on ``exp``, ``nbf`` and ``iat``.
LEEWAY_SECONDS = 30


class TokenRefused(Exception):
    """A token that proves nothing (401) or a user the service has no role for (403)."""

    def __init__(self, detail: str, status: int = 401):
        super().__init__(detail)
        self.detail = detail
        self.status = status


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    audience: str
    #: An https URL of the JWKS, or a local file (a closed network, and the tests).
    jwks: str
    role_claim: str = ROLE_CLAIM
    municipality_claim: str = MUNICIPALITY_CLAIM
    subject_claim: str = "sub"
    algorithms: tuple[str, ...] = ("RS256", "PS256", "ES256")

    def __post_init__(self) -> None:
        symmetric = [a for a in self.algorithms if a.upper().startswith("HS") or a == "none"]
        if symmetric or not self.algorithms:
            raise ValueError(
                "AFWEGING_OIDC_ALGORITHMS: alleen asymmetrische algoritmen (RS256, PS256, "
                f"ES256, ...), niet {', '.join(symmetric) or 'een lege lijst'}"
            )


@dataclass(frozen=True)
class Issued:
    token: str
    expires_in: int
    #: Echoed by a page in ``X-CSRF-Token`` when the token travels as a cookie.
    csrf: str


class _Keys:
    """The identity provider's signing keys: fetched (and cached) from a URL, or read once."""

    def __init__(self, source: str):
        self._client: jwt.PyJWKClient | None = None
        self._set: jwt.PyJWKSet | None = None
        if source.startswith(("https://", "http://")):
            self._client = jwt.PyJWKClient(source, cache_keys=True, lifespan=300, timeout=5)
        else:
            self._set = jwt.PyJWKSet.from_json(Path(source).read_text(encoding="utf-8"))

    def key_for(self, token: str) -> Any:
        if self._client is not None:
            return self._client.get_signing_key_from_jwt(token).key
        assert self._set is not None
        kid = jwt.get_unverified_header(token).get("kid")
        keys = [k for k in self._set.keys if kid is None or k.key_id == kid]
        if not keys:
            raise TokenRefused("het token is getekend met een sleutel die de uitgever niet kent")
        return keys[0].key


def _role(value: object) -> Role:
    given = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    known = {Role(v) for v in given if isinstance(v, str) and v in Role.__members__}
    if len(known) != 1:
        roles = ", ".join(Role)
        raise TokenRefused(
            f"het account heeft geen (of meer dan één) rol in het afwegingskader; "
            f"verwacht precies één van: {roles}",
            status=403,
        )
    return known.pop()


def _municipality(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TokenRefused("het account hoort bij geen gemeente", status=403)
    return value.strip().lower()


class Tokens:
    """Issues the service's own tokens and verifies every bearer token it is shown."""

    def __init__(self, secret: bytes, minutes: int, oidc: OidcConfig | None = None):
        if len(secret) < 32:
            raise ValueError("the signing secret needs at least 32 bytes")
        self._secret = secret
        self.minutes = minutes
        self.oidc = oidc
        self._keys = _Keys(oidc.jwks) if oidc is not None else None
        self._verified: dict[str, tuple[float, Principal, Mapping[str, Any]]] = {}
        self._verified_lock = threading.Lock()

    def issue(self, subject: str, role: Role, municipality: str) -> Issued:
        now = dt.datetime.now(dt.UTC)
        csrf = secrets.token_urlsafe(24)
        claims = {
            "iss": LOCAL_ISSUER,
            "aud": LOCAL_AUDIENCE,
            "sub": subject,
            ROLE_CLAIM: str(role),
            MUNICIPALITY_CLAIM: municipality.lower(),
            "iat": now,
            "exp": now + dt.timedelta(minutes=self.minutes),
            "jti": str(uuid.uuid4()),
            "csrf": csrf,
        }
        token = jwt.encode(claims, self._secret, algorithm=LOCAL_ALGORITHM)
        return Issued(token=token, expires_in=self.minutes * 60, csrf=csrf)

    def known(self, token: str) -> tuple[Principal, Mapping[str, Any]] | None:
        """The principal and claims of ``token`` if it was verified within the last minute
        and has not expired since; never does any I/O."""
        found = self._verified.get(token)
        if found is None:
            return None
        until, principal, claims = found
        if time.time() >= until:
            with self._verified_lock:
                self._verified.pop(token, None)
            return None
        return principal, claims

    def verify(self, token: str) -> tuple[Principal, Mapping[str, Any]]:
        """The principal and the verified claims, or ``TokenRefused`` with the reason."""
        found = self.known(token)
        if found is not None:
            return found
        principal, claims = self._verify(token)
        frozen: Mapping[str, Any] = MappingProxyType(claims)
        expires = claims.get("exp")
        until = time.time() + VERIFIED_SECONDS
        if isinstance(expires, int | float):
            until = min(until, expires + LEEWAY_SECONDS)
        with self._verified_lock:
            while len(self._verified) >= VERIFIED_MAX:
                self._verified.pop(next(iter(self._verified)))
            self._verified[token] = (until, principal, frozen)
        return principal, frozen

    def _verify(self, token: str) -> tuple[Principal, dict[str, Any]]:
        try:
            issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError:
            raise TokenRefused("het token is geen geldig JWT") from None
        if issuer == LOCAL_ISSUER:
            claims = self._decode(
                token, self._secret, [LOCAL_ALGORITHM], LOCAL_AUDIENCE, LOCAL_ISSUER
            )
            subject = claims.get("sub")
            role, place = claims.get(ROLE_CLAIM), claims.get(MUNICIPALITY_CLAIM)
        elif self.oidc is not None and self._keys is not None and issuer == self.oidc.issuer:
            try:
                key = self._keys.key_for(token)
            except jwt.PyJWKClientError:
                raise TokenRefused("de sleutels van de uitgever zijn niet op te halen") from None
            except jwt.PyJWTError:
                raise TokenRefused("het token is geen geldig JWT") from None
            claims = self._decode(
                token, key, list(self.oidc.algorithms), self.oidc.audience, self.oidc.issuer
            )
            subject = claims.get(self.oidc.subject_claim)
            role = claims.get(self.oidc.role_claim)
            place = claims.get(self.oidc.municipality_claim)
        else:
            raise TokenRefused("het token komt van een uitgever die deze dienst niet vertrouwt")
        if not isinstance(subject, str) or not subject:
            raise TokenRefused("het token noemt geen gebruiker")
        principal = Principal(
            subject=subject[:200],
            role=_role(role),
            municipality=_municipality(place),
            issuer=str(issuer),
        )
        return principal, claims

    @staticmethod
    def _decode(
        token: str, key: Any, algorithms: Sequence[str], audience: str, issuer: str
    ) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=list(algorithms),
                audience=audience,
                issuer=issuer,
                options={"require": ["exp", "iss", "aud"]},
                leeway=LEEWAY_SECONDS,
            )
        except jwt.ExpiredSignatureError:
            raise TokenRefused("het token is verlopen; meld u opnieuw aan") from None
        except jwt.InvalidAudienceError:
            raise TokenRefused("het token is niet voor deze dienst bestemd") from None
        except jwt.PyJWTError:
            raise TokenRefused("de handtekening of de inhoud van het token klopt niet") from None
        return claims
