"""Who may see and decide: sign-in, roles, municipality separation, one decision per
evaluation, reads in the audit trail, logs without personal data (issue 12)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import logging
import time
import uuid
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from starlette.routing import Route
from typer.testing import CliRunner

from api.auth import tokens as tokens_module
from api.auth.principal import Role
from api.auth.tokens import LEEWAY_SECONDS, VERIFIED_SECONDS, OidcConfig, TokenRefused, Tokens
from api.logs import JsonFormatter
from api.store import Store
from tests.api.conftest import HOME, OTHER, Api, AppFactory
from tests.api.test_api_endpoints import assert_problem, evaluate, founded

ROLES = ("jurist", "bestuurder", "beleidsmedewerker", "auditor")
ALL = frozenset(ROLES)
PUBLIC = None
#: The documentation is public: it describes the service, not any municipality's data.
DOCS = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}

#: Every route and the roles that may use it (None: no sign-in needed). The matrix test
#: fails when a route exists that is not in this table, so none can be forgotten.
ALLOWED: dict[tuple[str, str], frozenset[str] | None] = {
    **{("GET", path): PUBLIC for path in DOCS},
    ("HEAD", "/openapi.json"): PUBLIC,
    ("POST", "/v1/token"): PUBLIC,
    ("POST", "/v1/session"): PUBLIC,
    ("DELETE", "/v1/session"): PUBLIC,
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/v1/me"): ALL,
    ("POST", "/v1/evaluations"): frozenset({"jurist"}),
    ("GET", "/v1/evaluations"): frozenset({"jurist", "bestuurder"}),
    ("GET", "/v1/evaluations/{evaluation_id}"): frozenset({"jurist", "bestuurder"}),
    ("POST", "/v1/evaluations/{evaluation_id}/replay"): frozenset({"jurist"}),
    ("POST", "/v1/evaluations/{evaluation_id}/decision"): frozenset({"bestuurder"}),
    ("POST", "/v1/cases"): frozenset({"jurist"}),
    ("GET", "/v1/cases"): frozenset({"jurist", "bestuurder"}),
    ("GET", "/v1/cases/{case_id}"): frozenset({"jurist", "bestuurder"}),
    ("PUT", "/v1/cases/{case_id}"): frozenset({"jurist"}),
    ("POST", "/v1/cases/{case_id}/evaluations"): frozenset({"jurist"}),
    ("GET", "/v1/interventions"): ALL,
    ("GET", "/v1/rulesets"): ALL,
    ("GET", "/v1/rulesets/{sha256}"): ALL,
    ("POST", "/v1/rulesets/reload"): frozenset({"beleidsmedewerker"}),
    ("POST", "/v1/impact"): frozenset({"beleidsmedewerker"}),
    ("GET", "/v1/audit"): frozenset({"auditor"}),
    # The review pages (api/pages): HTML, signed in by the session cookie or a token.
    ("GET", "/aanmelden"): PUBLIC,
    ("POST", "/aanmelden"): PUBLIC,
    ("POST", "/afmelden"): PUBLIC,
    ("GET", "/"): frozenset({"jurist", "bestuurder"}),
    ("GET", "/beoordelingen/{evaluation_id}"): frozenset({"jurist", "bestuurder"}),
    ("GET", "/beoordelingen/{evaluation_id}/besluit.docx"): frozenset({"jurist", "bestuurder"}),
    ("POST", "/beoordelingen/{evaluation_id}/besluit"): frozenset({"bestuurder"}),
    ("POST", "/casussen/{case_id}/beoordelen"): frozenset({"jurist"}),
}
#: Pages answer a visitor without a session with the sign-in form, and a refusal with
#: an HTML page of the same status the API would give.
PAGES = (
    {key for key in ALLOWED if not key[1].startswith(("/v1/", "/healthz"))}
    - {("GET", path) for path in DOCS}
    - {("HEAD", "/openapi.json")}
)
#: Lists answer a user of another municipality with nothing rather than 404.
LISTS = {("GET", "/v1/evaluations"), ("GET", "/v1/cases"), ("GET", "/v1/audit")}
#: A voorbeeldstad case sent by a user of another municipality is refused at its field
#: before any id is looked up, so an unknown id answers the same.
CASE_BODY = {("POST", "/v1/evaluations"), ("POST", "/v1/cases"), ("PUT", "/v1/cases/{case_id}")}
#: Catalogue, ruleset versions and identity do not depend on the municipality's records;
#: an impact run reads only the user's own municipality's cases (of which it may have none).
SHARED = {
    "/v1/interventions",
    "/v1/rulesets",
    "/v1/rulesets/{sha256}",
    "/v1/rulesets/reload",
    "/v1/me",
    "/v1/impact",
}


def routes_of(client: Api) -> dict[tuple[str, str], Route]:
    """Every route of the app (included routers too) with each of its methods."""
    found = {}
    for context in iter_route_contexts(client.app.routes):
        route = context.original_route
        if isinstance(route, Route):
            for method in route.methods or ():
                found[(method, route.path)] = route
    return found


def app_routes(client: Api) -> set[tuple[str, str]]:
    return set(routes_of(client))


def demo_login(role: str) -> dict[str, str]:
    return {"username": role, "password": f"demo-{role}"}


# --- sign-in ------------------------------------------------------------------------


def test_without_credentials_every_route_but_healthz_is_401(client: Api) -> None:
    anonymous = client.anonymous
    body = assert_problem(anonymous.get("/v1/cases"), 401)
    assert "Meld u aan" in body["detail"]
    assert anonymous.get("/v1/cases").headers["www-authenticate"] == "Bearer"
    for method, path in app_routes(client):
        if (method, path) in ALLOWED and ALLOWED[(method, path)] is PUBLIC:
            continue
        url = path.replace("{evaluation_id}", "x").replace("{case_id}", "x")
        url = url.replace("{sha256}", "0" * 64)
        if (method, path) in PAGES:
            sent = anonymous.request(method, url, follow_redirects=False)
            assert (sent.status_code, sent.headers["location"]) == (303, "/aanmelden")
            continue
        assert_problem(anonymous.request(method, url), 401)
    assert anonymous.get("/healthz").status_code == 200


def test_demo_accounts_sign_in_with_their_password(client: Api) -> None:
    anonymous = client.anonymous
    for role in ROLES:
        issued = anonymous.post("/v1/token", data=demo_login(role))
        assert issued.status_code == 200, issued.text
        body = issued.json()
        assert body["token_type"] == "bearer" and 0 < body["expires_in"] <= 15 * 60
        me = anonymous.get("/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
        assert me.json() == {"subject": role, "role": role, "municipality": HOME}
    wrong = anonymous.post("/v1/token", data={"username": "jurist", "password": "demo-fout!"})
    assert "onjuist wachtwoord" in assert_problem(wrong, 401)["detail"]
    unknown = anonymous.post("/v1/token", data={"username": "niemand", "password": "x" * 12})
    assert assert_problem(unknown, 401)["detail"] == assert_problem(wrong, 401)["detail"]


def test_no_demo_accounts_without_demo(make_client: AppFactory, sqlite_url: str) -> None:
    client = make_client(sqlite_url, demo_accounts=False, load_demo_cases=False)
    assert_problem(client.anonymous.post("/v1/token", data=demo_login("jurist")), 401)
    assert client.app.state.afweging.store.list_users() == []


@pytest.mark.parametrize("change", ["tampered", "other-secret", "alg-none", "expired", "garbage"])
def test_a_token_that_proves_nothing_is_401(
    make_client: AppFactory, sqlite_url: str, change: str
) -> None:
    client = make_client(sqlite_url, token_minutes=-5 if change == "expired" else 15)
    token = client.auth["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    forged = {
        "tampered": token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"),
        "other-secret": jwt.encode(claims, "een ander geheim van 32 tekens of meer", "HS256"),
        "alg-none": jwt.encode({**claims, "rol": "bestuurder"}, None, algorithm="none"),
        "expired": token,
        "garbage": "geen.jwt",
    }[change]
    response = client.anonymous.get("/v1/cases", headers={"Authorization": f"Bearer {forged}"})
    body = assert_problem(response, 401)
    assert body["detail"].startswith("Aanmelding geweigerd")
    if change == "expired":
        assert "verlopen" in body["detail"]


def test_a_remembered_token_is_checked_again_after_a_minute_and_never_past_its_expiry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A verified token is taken on trust for a short while only; a refused one never."""
    signer = Tokens(b"een geheim van minstens 32 bytes lang", minutes=15)
    token = signer.issue("jurist", Role.jurist, HOME).token
    now = time.time()
    who, claims = signer.verify(token)
    assert signer.known(token) == (who, claims)
    monkeypatch.setattr(tokens_module.time, "time", lambda: now + VERIFIED_SECONDS + 1)
    assert signer.known(token) is None

    short = Tokens(b"een geheim van minstens 32 bytes lang", minutes=0)
    soon = short.issue("jurist", Role.jurist, HOME).token
    monkeypatch.setattr(tokens_module.time, "time", lambda: now)
    short.verify(soon)
    expiry = jwt.decode(soon, options={"verify_signature": False})["exp"]
    monkeypatch.setattr(tokens_module.time, "time", lambda: expiry + LEEWAY_SECONDS)
    assert short.known(soon) is None

    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for _ in range(2):
        with pytest.raises(TokenRefused):
            signer.verify(forged)
        assert signer.known(forged) is None


def test_tokens_survive_a_restart_because_the_key_is_in_the_store(
    make_client: AppFactory, sqlite_url: str
) -> None:
    first = make_client(sqlite_url)
    second = make_client(sqlite_url)
    assert second.anonymous.get("/v1/me", headers=first.auth).status_code == 200


@pytest.fixture
def idp(tmp_path: Path) -> dict[str, Any]:
    """A municipality's identity provider: an RSA key, its JWKS in a file, and a signer."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    public.update({"kid": "sleutel-1", "use": "sig", "alg": "RS256"})
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [public]}), encoding="utf-8")
    issuer = "https://login.andersdorp.example"

    def sign(kid: str = "sleutel-1", **claims: Any) -> str:
        now = dt.datetime.now(dt.UTC)
        base = {
            "iss": issuer,
            "aud": "afwegingskader",
            "sub": "f3a9c0de",
            "iat": now,
            "exp": now + dt.timedelta(minutes=5),
            "groups": ["medewerker", "jurist"],
            "org": "Andersdorp",
        }
        base.update(claims)
        return jwt.encode(
            {k: v for k, v in base.items() if v is not None},
            key,
            algorithm="RS256",
            headers={"kid": kid},
        )

    config = OidcConfig(
        issuer=issuer,
        audience="afwegingskader",
        jwks=str(jwks),
        role_claim="groups",
        municipality_claim="org",
    )
    return {"config": config, "sign": sign, "public": public}


def test_oidc_tokens_are_checked_against_the_issuers_keys(
    make_client: AppFactory, sqlite_url: str, idp: dict[str, Any]
) -> None:
    client = make_client(sqlite_url, oidc=idp["config"])
    sign = idp["sign"]

    def get(token: str) -> Any:
        return client.anonymous.get("/v1/me", headers={"Authorization": f"Bearer {token}"})

    me = get(sign())
    assert me.status_code == 200, me.text
    assert me.json() == {"subject": "f3a9c0de", "role": "jurist", "municipality": OTHER}
    # The IdP's user sees its own municipality only: none of voorbeeldstad's demo cases.
    cases = client.anonymous.get("/v1/cases", headers={"Authorization": f"Bearer {sign()}"})
    assert cases.json()["total"] == 0
    past = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    assert "verlopen" in assert_problem(get(sign(exp=past)), 401)["detail"]
    assert "niet voor deze dienst" in assert_problem(get(sign(aud="iets-anders")), 401)["detail"]
    assert_problem(get(sign(kid="onbekend")), 401)
    assert_problem(get(sign(iss="https://login.elders.example")), 401)
    assert "rol" in assert_problem(get(sign(groups=["medewerker"])), 403)["detail"]
    assert_problem(get(sign(groups=["jurist", "bestuurder"])), 403)
    assert "gemeente" in assert_problem(get(sign(org=None)), 403)["detail"]
    # An HMAC token made with the public key as its secret is not an RS256 token.
    forged = jwt.encode(
        {"iss": idp["config"].issuer, "aud": "afwegingskader", "sub": "x", "exp": past},
        "publieke sleutel als geheim, 32 tekens lang",
        algorithm="HS256",
        headers={"kid": "sleutel-1"},
    )
    assert_problem(get(forged), 401)


def test_oidc_refuses_symmetric_algorithms() -> None:
    with pytest.raises(ValueError, match="asymmetrische"):
        OidcConfig(issuer="i", audience="a", jwks="j", algorithms=("RS256", "HS256"))


def test_session_cookie_for_the_pages_needs_the_csrf_header_to_change_anything(
    client: Api, e1: dict[str, Any]
) -> None:
    browser = client.anonymous
    opened = browser.post("/v1/session", data=demo_login("jurist"))
    assert opened.status_code == 200, opened.text
    cookie = opened.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie
    csrf = opened.json()["csrf_token"]
    assert browser.get("/v1/cases").json()["total"] == 3
    assert "X-CSRF-Token" in assert_problem(browser.post("/v1/evaluations", json=e1), 403)["detail"]
    wrong = browser.post("/v1/evaluations", json=e1, headers={"X-CSRF-Token": "fout"})
    assert_problem(wrong, 403)
    made = browser.post("/v1/evaluations", json=e1, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201, made.text[:300]
    assert browser.delete("/v1/session").status_code == 204
    assert_problem(browser.get("/v1/cases"), 401)


# --- the role matrix ----------------------------------------------------------------


def test_every_route_for_every_role_and_municipality(client: Api, e1: dict[str, Any]) -> None:
    routes = app_routes(client)
    assert routes == set(ALLOWED), "a route without an entry in ALLOWED, or a stale entry"
    case_id = next(
        c["id"] for c in client.get("/v1/cases").json()["items"] if c["case_key"] == "E1-visser"
    )
    evaluated = evaluate(client, e1)
    evaluation_id = evaluated["id"]
    ruleset_sha256 = evaluated["ruleset"]["sha256"]
    # The page's decision needs an evaluation of its own: the API's decides the first.
    page_evaluation_id = evaluate(client, e1)["id"]
    counter = iter(range(1000))

    def call(user: Api | TestClient, method: str, path: str) -> Any:
        shown = page_evaluation_id if (method, path) in PAGES else evaluation_id
        url = path.replace("{case_id}", case_id).replace("{evaluation_id}", shown)
        url = url.replace("{sha256}", ruleset_sha256)
        kwargs: dict[str, Any] = {"follow_redirects": False}
        if path == "/v1/impact":
            kwargs["json"] = {"proposal": ruleset_sha256}
        if (path == "/v1/evaluations" and method == "POST") or path == "/v1/cases/{case_id}":
            kwargs["json"] = e1
        if path == "/v1/cases" and method == "POST":
            fresh = copy.deepcopy(e1)
            fresh["case"]["id"] = f"M-{next(counter)}"
            kwargs["json"] = fresh
        if path.endswith("/decision"):
            kwargs["json"] = {"decision": "reject", "motivation": "Nee.", "decided_by": "bgm"}
        if path == "/beoordelingen/{evaluation_id}/besluit":
            kwargs["data"] = {"decision": "reject", "motivation": "Nee.", "decided_by": "bgm"}
        if path in ("/v1/token", "/v1/session", "/aanmelden") and method == "POST":
            kwargs["data"] = demo_login("jurist")
        # POST /v1/session sets a cookie; each call here proves itself by its token only.
        client.anonymous.cookies.clear()
        return user.request(method, url, **kwargs)

    outcomes: dict[tuple[str, str, str, str], int] = {}
    found = routes_of(client)
    for method, path in sorted(routes):
        allowed = ALLOWED[(method, path)]
        success = getattr(found[(method, path)], "status_code", None) or 200
        anonymous = call(client.anonymous, method, path)
        if allowed is PUBLIC:
            assert anonymous.status_code == success, (method, path, anonymous.text[:200])
            continue
        if (method, path) in PAGES:
            assert (anonymous.status_code, anonymous.headers["location"]) == (303, "/aanmelden")
        else:
            assert_problem(anonymous, 401)
        for municipality in (OTHER, HOME):
            for role in ROLES:
                response = call(client.as_(role, municipality), method, path)
                outcomes[(method, path, role, municipality)] = response.status_code
                if role not in allowed:
                    expected = 403
                elif municipality == HOME or path in SHARED:
                    expected = success
                elif (method, path) == ("GET", "/"):
                    expected = 200
                    assert "E1-visser" not in response.text
                elif (method, path) == ("GET", "/v1/audit"):
                    # Their trail holds only their own reads (the worklist page's among them).
                    expected = 200
                    seen = {i["object_id"] for i in response.json()["items"]}
                    assert not seen & {case_id, evaluation_id, page_evaluation_id}
                elif (method, path) in LISTS:
                    expected = 200
                    assert response.json()["total"] == 0, (method, path, role)
                elif (method, path) in CASE_BODY:
                    expected = 422
                else:
                    expected = 404
                assert response.status_code == expected, (
                    method,
                    path,
                    role,
                    municipality,
                    response.text[:300],
                )
                if expected >= 400 and (method, path) in PAGES:
                    assert response.headers["content-type"].startswith("text/html")
                elif expected >= 400:
                    assert_problem(response, expected)
    assert len(outcomes) == 2 * len(ROLES) * sum(1 for a in ALLOWED.values() if a is not PUBLIC)


def test_another_municipalitys_record_is_indistinguishable_from_an_unknown_one(
    client: Api, e1: dict[str, Any]
) -> None:
    elsewhere = client.as_("jurist", OTHER)
    theirs = copy.deepcopy(e1)
    theirs["case"]["id"] = "A-1"
    theirs["case"]["municipality"] = OTHER
    case = elsewhere.post("/v1/cases", json=theirs).json()
    # andersdorp has no policy of its own: national rules only, asked for by name.
    evaluation = elsewhere.post(
        f"/v1/cases/{case['id']}/evaluations", params={"gemeente": "landelijk"}
    ).json()
    for path, unknown in (
        (f"/v1/cases/{case['id']}", "/v1/cases/00000000-0000-0000-0000-000000000000"),
        (
            f"/v1/evaluations/{evaluation['id']}",
            "/v1/evaluations/00000000-0000-0000-0000-000000000000",
        ),
    ):
        seen = assert_problem(client.get(path), 404)
        never = assert_problem(client.get(unknown), 404)
        hidden_id = path.rsplit("/", 1)[1]
        assert seen["detail"].replace(hidden_id, "?") == never["detail"].replace(
            unknown.rsplit("/", 1)[1], "?"
        )
        assert {k: v for k, v in seen.items() if k not in ("detail", "instance")} == {
            k: v for k, v in never.items() if k not in ("detail", "instance")
        }
    assert all(i["case_key"] != "A-1" for i in client.get("/v1/cases").json()["items"])
    assert client.get("/v1/evaluations").json()["total"] == 0
    # Their auditor sees their trail, ours sees none of it.
    ours = client.as_("auditor").get("/v1/audit", params={"limit": 200}).json()["items"]
    assert case["id"] not in {r["object_id"] for r in ours}
    theirs_trail = client.as_("auditor", OTHER).get("/v1/audit").json()["items"]
    assert {r["object_id"] for r in theirs_trail} >= {case["id"], evaluation["id"]}
    # A key taken in another municipality is free here: nothing of theirs shows.
    e1["case"]["id"] = "A-1"
    assert client.post("/v1/cases", json=e1).status_code == 201


def test_a_case_of_another_municipality_is_refused_at_its_field(
    client: Api, e1: dict[str, Any]
) -> None:
    e1["case"]["municipality"] = OTHER
    body = assert_problem(client.post("/v1/evaluations", json=e1), 422)
    assert [e["path"] for e in body["errors"]] == ["$.case.municipality"]
    assert OTHER in body["errors"][0]["message"]


# --- one decision per evaluation ----------------------------------------------------


def decision(created: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "decision": "accept",
        "interventions": [founded(created)],
        "motivation": "Het advies gevolgd.",
        "decided_by": "burgemeester",
        **extra,
    }


def test_a_second_decision_needs_an_explicit_withdrawal(
    client: Api, bestuurder: Api, e1: dict[str, Any]
) -> None:
    created = evaluate(client, e1)
    url = f"/v1/evaluations/{created['id']}/decision"
    first = bestuurder.post(url, json=decision(created))
    assert first.status_code == 201, first.text[:300]
    first_id = first.json()["id"]
    again = assert_problem(bestuurder.post(url, json=decision(created)), 409)
    assert first_id in again["detail"] and "withdraws" in again["detail"]
    stale = bestuurder.post(url, json=decision(created, withdraws="iets-anders"))
    assert first_id in assert_problem(stale, 409)["detail"]
    change = decision(created, decision="reject", interventions=[], withdraws=first_id)
    second = bestuurder.post(url, json=change)
    assert second.status_code == 201, second.text[:300]
    assert second.json()["withdraws"] == first_id
    # The withdrawn decision can not be withdrawn twice.
    twice = bestuurder.post(url, json={**change, "motivation": "Nog eens."})
    assert_problem(twice, 409)
    shown = client.get(f"/v1/evaluations/{created['id']}").json()["decisions"]
    assert [(d["id"], d["withdrawn_by"], d["withdraws"]) for d in shown] == [
        (first_id, second.json()["id"], None),
        (second.json()["id"], None, first_id),
    ]
    listed = client.get("/v1/evaluations").json()["items"]
    assert next(i for i in listed if i["id"] == created["id"])["decision"] == "reject"


def test_only_a_bestuurder_of_the_municipality_decides(client: Api, e1: dict[str, Any]) -> None:
    created = evaluate(client, e1)
    url = f"/v1/evaluations/{created['id']}/decision"
    assert "bestuurder" in assert_problem(client.post(url, json=decision(created)), 403)["detail"]
    other = client.as_("bestuurder", OTHER)
    assert_problem(other.post(url, json=decision(created)), 404)
    assert client.get(f"/v1/evaluations/{created['id']}").json()["decisions"] == []


def test_choosing_an_intervention_without_legal_basis_needs_its_own_motivation(
    client: Api, bestuurder: Api, e1: dict[str, Any]
) -> None:
    created = evaluate(client, e1)
    unfounded = next(
        i["id"] for i in created["interventions"] if i["legal_basis"]["status"] != "satisfied"
    )
    url = f"/v1/evaluations/{created['id']}/decision"
    body = decision(created, decision="adjust", interventions=[founded(created), unfounded])
    for missing in (None, "   "):
        given = body if missing is None else {**body, "legal_basis_motivation": missing}
        refused = assert_problem(bestuurder.post(url, json=given), 422)
        assert [e["path"] for e in refused["errors"]] == ["$.legal_basis_motivation"]
        assert unfounded in refused["errors"][0]["message"]
    why = "Grondslag wordt aangevuld met het rapport van de politie; tot dan alleen voornemen."
    made = bestuurder.post(url, json={**body, "legal_basis_motivation": why})
    assert made.status_code == 201, made.text[:300]
    assert made.json()["legal_basis_motivation"] == why
    shown = client.get(f"/v1/evaluations/{created['id']}").json()["decisions"]
    assert shown[0]["legal_basis_motivation"] == why


# --- logs and store -----------------------------------------------------------------


def test_logs_are_json_with_a_request_id_and_no_personal_data(
    client: Api, e1: dict[str, Any]
) -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("api")
    logger.addHandler(handler)
    try:
        lawyer = client.as_("jurist", subject="mr.janssen")
        created = lawyer.post(
            "/v1/evaluations", json=e1, headers={"X-Request-Id": "verzoek-0001"}
        ).json()
        read = lawyer.get(
            f"/v1/evaluations/{created['id']}", params={"reden": "zitting met Visser"}
        )
        assert_problem(lawyer.get("/v1/cases/onbekend"), 404)
        assert_problem(lawyer.get("/v1/Visser-familie"), 404)
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "api.access"]
    assert [(a["method"], a["route"], a["status"]) for a in access] == [
        ("POST", "/v1/evaluations", 201),
        ("GET", "/v1/evaluations/{evaluation_id}", 200),
        ("GET", "/v1/cases/{case_id}", 404),
        ("GET", "(geen route)", 404),
    ]
    assert access[0]["request_id"] == "verzoek-0001"
    assert read.headers["x-request-id"] == access[1]["request_id"]
    assert len({a["request_id"] for a in access}) == 4
    # The role is known once the token was read; a path without a route never gets that far.
    assert [a["role"] for a in access] == ["jurist", "jurist", "jurist", None]
    text_logged = out.getvalue()
    for personal in ("Visser", "mr.janssen", "zitting", created["id"], "onbekend"):
        assert personal not in text_logged


def test_sql_parameters_never_reach_an_error_message(store_url: str) -> None:
    store = Store.open(store_url)
    store.migrate()
    secret = "BSN-123456782-geheim"
    with pytest.raises(IntegrityError) as failed, store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (username, password_hash, role, municipality, created_at,"
                " password_changed_at) VALUES ('u', :h, 'burgemeester', 'x', :t, :t)"
            ),
            {"h": secret, "t": dt.datetime.now(dt.UTC)},
        )
    message = str(failed.value)
    assert "hide_parameters=True" in message
    assert "[parameters:" not in message
    if store.dialect == "sqlite":
        assert secret not in message
    store.dispose()


def test_a_crash_is_logged_by_the_server_without_its_text() -> None:
    """PostgreSQL's own message may quote the failing row; uvicorn logs only its type."""
    from api import logs

    logs.configure()
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(message)s"))
    server_log = logging.getLogger("uvicorn.error")
    server_log.addHandler(handler)
    try:
        raise IntegrityError("INSERT ...", {}, Exception("DETAIL: Failing row contains (Visser)"))
    except IntegrityError:
        server_log.exception("Exception in ASGI application")
    finally:
        server_log.removeHandler(handler)
    assert out.getvalue().strip() == "Exception in ASGI application (IntegrityError)"


def test_upgrade_chains_earlier_decisions_so_the_last_one_stands(sqlite_url: str) -> None:
    from alembic import command

    from api.store.db import alembic_config, connect

    engine = connect(sqlite_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        connection.execute(
            text(
                "INSERT INTO evaluations (id, case_key, municipality, reference_date, input_json,"
                " input_sha256, advice, advice_sha256, ruleset_id, ruleset_version,"
                " ruleset_sha256, rulesets, engine_version, created_at, created_by) VALUES"
                " ('ev', 'E1', 'Voorbeeldstad', '2026-03-01', '{}', 'a', x'00', 'b', 'r', 'v',"
                " 'c', '[]', '0.1.0', '2026-03-01 10:00:00+00:00', 'jurist')"
            )
        )
        for n, kind in enumerate(("accept", "reject", "adjust")):
            connection.execute(
                text(
                    "INSERT INTO decisions (id, evaluation_id, decision, interventions,"
                    " motivation, decided_by, recorded_by, created_at) VALUES (:id, 'ev', :k,"
                    " '[]', 'm', 'b', 'r', :at)"
                ),
                {"id": f"d{n}", "k": kind, "at": f"2026-03-0{n + 1} 10:00:00+00:00"},
            )
    engine.dispose()
    store = Store.open(sqlite_url)
    store.migrate()
    row = store.find_evaluation("ev", HOME)
    assert row is not None, "the evaluation belongs to its municipality, lower-case"
    assert [(d.id, d.withdraws) for d in row.decisions] == [
        ("d0", None),
        ("d1", "d0"),
        ("d2", "d1"),
    ]
    store.dispose()


# --- the accounts command -----------------------------------------------------------


def test_gebruiker_commands_manage_local_accounts(
    make_client: AppFactory, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from engine.cli import app as cli

    monkeypatch.setenv("AFWEGING_DATABASE_URL", sqlite_url)
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Any:
        return runner.invoke(cli, ["gebruiker", *args], input=input)

    added = run(
        "toevoegen", "p.devries", "--rol", "bestuurder", "--gemeente", "Andersdorp",
        input="lang-genoeg-1\nlang-genoeg-1\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "lang-genoeg" not in added.output
    again = run("toevoegen", "p.devries", "--rol", "jurist", "--gemeente", "x", input="a" * 12)
    assert again.exit_code == 1
    short = run("toevoegen", "kort", "--rol", "jurist", "--gemeente", "x", "--wachtwoord-stdin",
                input="kort\n")  # fmt: skip
    assert short.exit_code == 2 and "minstens 10" in short.output
    bad_role = run("toevoegen", "x", "--rol", "burgemeester", "--gemeente", "x")
    assert bad_role.exit_code == 2
    listed = run("lijst")
    assert listed.exit_code == 0 and "p.devries\tbestuurder\tandersdorp" in listed.output
    assert "$argon2" not in listed.output

    client = make_client(sqlite_url, demo_accounts=False)
    login = {"username": "p.devries", "password": "lang-genoeg-1"}
    signed = client.anonymous.post("/v1/token", data=login)
    assert signed.status_code == 200, signed.text
    token = signed.json()["access_token"]
    me = client.anonymous.get("/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me == {"subject": "p.devries", "role": "bestuurder", "municipality": OTHER}
    stored = client.app.state.afweging.store.get_user("p.devries")
    assert stored.password_hash.startswith("$argon2id$")

    changed = run("wachtwoord", "p.devries", "--wachtwoord-stdin", input="nieuw-wachtwoord\n")
    assert changed.exit_code == 0, changed.output
    assert_problem(client.anonymous.post("/v1/token", data=login), 401)
    login["password"] = "nieuw-wachtwoord"
    assert client.anonymous.post("/v1/token", data=login).status_code == 200
    assert run("verwijderen", "p.devries").exit_code == 0
    assert run("verwijderen", "p.devries").exit_code == 1
    assert_problem(client.anonymous.post("/v1/token", data=login), 401)


def test_reads_without_a_reason_are_logged_too(client: Api, e1: dict[str, Any]) -> None:
    created = evaluate(client, e1)
    mayor = client.as_("bestuurder", subject=f"b-{uuid.uuid4().hex[:6]}")
    mayor.get(f"/v1/evaluations/{created['id']}")
    trail = client.as_("auditor").get(
        "/v1/audit", params={"object_id": created["id"], "action": "read"}
    )
    rows = trail.json()["items"]
    assert [(r["who"], r["reason"]) for r in rows] == [(mayor.subject, None)]


# --- headers ------------------------------------------------------------------------


def test_no_answer_is_cached_or_framed(client: Api, e1: dict[str, Any]) -> None:
    answers = [
        client.post("/v1/evaluations", json=e1),
        client.get("/v1/cases"),
        client.anonymous.get("/v1/cases"),
        client.get("/v1/cases/onbekend"),
        client.anonymous.get("/healthz"),
    ]
    for response in answers:
        assert response.headers["cache-control"] == "no-store", response.url
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["content-security-policy"] == (
            "default-src 'none'; frame-ancestors 'none'"
        )
    docs = client.anonymous.get("/docs")
    assert docs.status_code == 200
    policy = docs.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert docs.headers["cache-control"] == "no-store"


# --- no lost updates ----------------------------------------------------------------


def test_if_match_refuses_a_stale_write(client: Api, e1: dict[str, Any]) -> None:
    case_id = client.get("/v1/cases").json()["items"][0]["id"]
    read = client.get(f"/v1/cases/{case_id}")
    assert read.headers["etag"] == '"1"'
    data = read.json()["data"]
    data["case"]["goals"] = ["protect_children"]
    mine = client.put(f"/v1/cases/{case_id}", json=data, headers={"If-Match": '"1"'})
    assert mine.status_code == 200, mine.text[:300]
    assert mine.headers["etag"] == '"2"'
    colleague = client.as_("jurist", subject="collega")
    data["case"]["goals"] = ["stop_criminal_activity"]
    stale = colleague.put(f"/v1/cases/{case_id}", json=data, headers={"If-Match": '"1"'})
    body = assert_problem(stale, 412)
    assert '"2"' in body["detail"]
    weak = colleague.put(f"/v1/cases/{case_id}", json=data, headers={"If-Match": 'W/"2"'})
    assert_problem(weak, 412)
    shown = client.get(f"/v1/cases/{case_id}").json()
    assert (shown["revision"], shown["data"]["case"]["goals"]) == (2, ["protect_children"])
    both = colleague.put(f"/v1/cases/{case_id}", json=data, headers={"If-Match": '"7", "2"'})
    assert both.status_code == 200 and both.headers["etag"] == '"3"'
    assert (
        colleague.put(f"/v1/cases/{case_id}", json=data, headers={"If-Match": "*"}).json()[
            "revision"
        ]
        == 4
    )


def test_two_writers_of_the_same_revision_one_wins(store_url: str) -> None:
    """Both read revision 1 and write at once: one succeeds, the other is told it is stale."""
    import threading

    from api.store.repository import Actor, NewCase, StaleCase

    store = Store.open(store_url)
    store.migrate()
    lawyer = Actor("jurist", HOME)
    created = store.create_case(
        NewCase(case_key="R1", municipality=HOME, data={"case": {"id": "R1"}}), lawyer
    )
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def write(n: int) -> None:
        change = NewCase(case_key="R1", municipality=HOME, data={"case": {"id": "R1", "n": n}})
        start.wait()
        try:
            store.update_case(created.id, change, Actor(f"jurist-{n}", HOME), frozenset({1}))
            outcomes.append("ok")
        except StaleCase as exc:
            outcomes.append(f"stale {exc.current}")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["ok", "stale 2"]
    final = store.get_case(created.id, lawyer)
    assert final is not None and final.revision == 2
    store.dispose()


# --- retries ------------------------------------------------------------------------


def test_a_retry_with_the_same_idempotency_key_gets_the_same_evaluation(
    client: Api, e1: dict[str, Any]
) -> None:
    key = {"Idempotency-Key": "poging-7f3a"}
    first = client.post("/v1/evaluations", json=e1, headers=key)
    again = client.post("/v1/evaluations", json=e1, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert client.get("/v1/evaluations").json()["total"] == 1
    e1["case"]["goals"] = ["protect_children"]
    other = assert_problem(client.post("/v1/evaluations", json=e1, headers=key), 422)
    assert other["errors"] == [
        {
            "path": "Idempotency-Key",
            "message": "deze sleutel is al gebruikt voor een ander verzoek; kies een nieuwe",
            "location": "header",
        }
    ]
    # A key is the user's own: a colleague's same key is another request.
    colleague = client.as_("jurist", subject="collega").post(
        "/v1/evaluations", json=e1, headers=key
    )
    assert colleague.status_code == 201 and colleague.json()["id"] != first.json()["id"]
    trail = client.as_("auditor").get("/v1/audit", params={"action": "evaluate"}).json()
    assert trail["total"] == 2


def test_the_store_keeps_one_evaluation_per_key_when_retries_race(store_url: str) -> None:
    from api.store.repository import Actor, IdempotencyKey, KeyTaken
    from tests.api.conftest import stored_evaluation

    store = Store.open(store_url)
    store.migrate()
    lawyer = Actor("jurist", HOME)
    key = IdempotencyKey("k-1", "a" * 64)
    first = store.add_evaluation(stored_evaluation(), lawyer, key)
    with pytest.raises(KeyTaken):
        store.add_evaluation(stored_evaluation(), lawyer, key)
    assert store.list_evaluations(lawyer, 10, 0)[1] == 1
    used = store.find_idempotency(lawyer, "k-1")
    assert used is not None and used.evaluation_id == first.id
    assert store.find_idempotency(Actor("jurist", OTHER), "k-1") is None
    store.dispose()


# --- limits -------------------------------------------------------------------------


def test_a_user_over_the_rate_waits_and_others_do_not(
    make_client: AppFactory, sqlite_url: str
) -> None:
    client = make_client(sqlite_url, rate_limit_per_minute=3)
    for _ in range(3):
        assert client.get("/v1/rulesets").status_code == 200
    refused = client.get("/v1/rulesets")
    body = assert_problem(refused, 429)
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert "Te veel verzoeken" in body["detail"]
    assert client.as_("jurist", subject="collega").get("/v1/rulesets").status_code == 200


def test_failed_sign_ins_pause_that_name(make_client: AppFactory, sqlite_url: str) -> None:
    client = make_client(sqlite_url, sign_in_failures=3)
    guess = {"username": "bestuurder", "password": "raden-raden"}
    for _ in range(3):
        assert_problem(client.anonymous.post("/v1/token", data=guess), 401)
    paused = client.anonymous.post("/v1/token", data=demo_login("bestuurder"))
    assert "mislukte aanmeldingen" in assert_problem(paused, 429)["detail"]
    assert int(paused.headers["retry-after"]) > 60
    # Another name is not affected.
    assert client.anonymous.post("/v1/token", data=demo_login("jurist")).status_code == 200


def test_the_window_slides() -> None:
    from api.limits import SlidingWindow

    now = [0.0]
    window = SlidingWindow(2, 60, clock=lambda: now[0])
    assert (window.hit("a"), window.hit("a"), window.hit("a")) == (0, 0, 60)
    now[0] = 30.0
    assert window.wait("a") == 30 and window.hit("b") == 0
    now[0] = 60.5
    assert window.hit("a") == 0
    assert SlidingWindow(0, 60).hit("a") == 0


def test_a_case_key_is_unique_within_a_municipality_only(client: Api, e1: dict[str, Any]) -> None:
    """Another municipality's key neither blocks nor reveals anything: it is theirs."""
    elsewhere = client.as_("jurist", OTHER)
    theirs = copy.deepcopy(e1)
    theirs["case"]["municipality"] = OTHER.capitalize()
    created = elsewhere.post("/v1/cases", json=theirs)
    assert created.status_code == 201, created.text
    assert (created.json()["case_key"], created.json()["municipality"]) == ("E1-visser", OTHER)
    again = assert_problem(elsewhere.post("/v1/cases", json=theirs), 409)
    assert created.json()["id"] in again["detail"]
    mine = assert_problem(client.post("/v1/cases", json=e1), 409)
    assert created.json()["id"] not in mine["detail"]
