"""The application factory: ``uvicorn api.app:create_app --factory``.

At creation the store is migrated to the latest schema (under a lock, so several workers
may start together), the example cases are loaded as demo cases into an empty store
(with one demo account per role, ``AFWEGING_DEMO=1``), and the rulesets are loaded and
validated once; the folder is kept in the store and put in force for every worker
(api/rules.py), so a later ``POST /v1/rulesets/reload`` reaches them all.
"""

from __future__ import annotations

import gc
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from anyio import to_thread
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

import engine
from api import examples, headers, logs, problems
from api.auth.accounts import DEMO_MUNICIPALITY, demo_users
from api.auth.tokens import Tokens
from api.case_input import case_document, parse
from api.deps import AppState
from api.limits import SlidingWindow
from api.middleware import BodyLimit, InFlight
from api.pages import routes as pages
from api.problems import InvalidInput
from api.routes import auth, cases, catalog, evaluations, health, rulesets
from api.rules import Rules
from api.service import AdvisorLike, EvaluationService
from api.settings import Settings
from api.store import Store
from api.store.bundles import BundleStore
from api.store.repository import Actor, NewCase
from api.verification import Activity, Verifier
from engine.case.read import CaseError

log = logging.getLogger("api")

DESCRIPTION = """
Beslisondersteuning voor bestuurlijke interventies bij criminele families.

Stuur een casus naar `POST /v1/evaluations`: het advies weegt per interventie de
**grondslag**, de **wenselijkheid** en de **menselijke maat** en stelt combinaties voor.
Elk advies wordt opgeslagen met de invoer-hash, de ruleset-versies (sha256) en de
engineversie, zodat het te herhalen is (`/replay`). Fouten komen als
`application/problem+json`; ongeldige velden staan in `errors` met hun JSON-pad.
Alles behalve `/healthz` vraagt een aanmelding: `Authorization: Bearer <token>`, met
een token van `POST /v1/token` (lokale accounts) of van de identiteitsprovider van de
gemeente. De rol (jurist, bestuurder, beleidsmedewerker, auditor) bepaalt wat mag; elke
gebruiker ziet alleen de casussen en beoordelingen van de eigen gemeente. Een inzage komt
in het auditlog, met de reden uit de header `X-Reden` als die is gegeven.
"""

#: The name of the key in the store that signs the service's own tokens.
SIGNING_SECRET = "token-signing"


def demo_cases(found: dict[str, dict[str, object]]) -> list[NewCase]:
    demo: list[NewCase] = []
    for name, data in found.items():
        try:
            case = parse(data)
        except CaseError as exc:
            log.warning("voorbeeldcasus %s niet geladen: %s", name, exc)
            continue
        demo.append(
            NewCase(
                case_key=case.case.id,
                municipality=case.case.municipality,
                data=case_document(case),
            )
        )
    unique = {c.case_key: c for c in demo}
    return list(unique.values())


def evaluate_demo_cases(service: EvaluationService, store: Store, keys: set[str]) -> None:
    """Each demo case evaluated once, so the review pages have something to decide on.

    The idempotency key per case makes workers that start together, and every restart,
    find the first evaluation instead of adding another. A demo case that a user has
    changed since is left alone (its key belongs to the first version).
    """
    demo = Actor(who="demo", municipality=DEMO_MUNICIPALITY)
    rows, _ = store.list_cases(demo, 50, 0)
    for row in (r for r in rows if r.case_key in keys):
        try:
            service.evaluate(row.data, demo, None, None, row.id, idempotency_key=f"demo-{row.id}")
        except (InvalidInput, CaseError) as exc:
            log.warning("voorbeeldcasus %s niet beoordeeld: %s", row.case_key, exc)


def _default_advisor(settings: Settings) -> AdvisorLike:
    from engine.advise import Advisor

    advisor: AdvisorLike = Advisor.from_directory(settings.rulesets_dir)
    return advisor


def _signing_secret(settings: Settings, store: Store) -> bytes:
    """The configured key, else one made once and kept in the store for every instance."""
    if settings.secret_key is not None:
        if len(settings.secret_key) < 32:
            raise ValueError("AFWEGING_SECRET_KEY moet minstens 32 tekens hebben")
        return settings.secret_key.encode("utf-8")
    return store.secret(SIGNING_SECRET, lambda: secrets.token_bytes(32))


def create_app(settings: Settings | None = None, advisor: AdvisorLike | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    logs.configure()
    advisor = advisor or _default_advisor(settings)
    found = examples.load(settings.examples_dir)
    store = Store.open(settings.database_url)
    demo = demo_cases(found) if settings.load_demo_cases else []
    store.migrate(
        demo,
        demo_users() if settings.demo_accounts else (),
        owner_url=settings.migration_database_url,
    )
    tokens = Tokens(_signing_secret(settings, store), settings.token_minutes, settings.oidc)
    rules = Rules(
        advisor, BundleStore(store), settings.rulesets_dir, settings.rulesets_check_seconds
    )
    rules.start()
    activity = Activity()
    verifier = Verifier(rules, store, settings.verify_in_background, activity)
    service = EvaluationService(rules, store, settings, verifier)
    if settings.evaluate_demo_cases and settings.load_demo_cases:
        evaluate_demo_cases(service, store, {c.case_key for c in demo})

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # FastAPI runs each sync route in anyio's thread pool (40 threads by default).
        to_thread.current_default_thread_limiter().total_tokens = settings.threads_per_worker
        # What the worker made at start (rulesets, compiled bundles, the app) lives as long
        # as the worker: frozen, the cycle collector no longer walks it every few requests
        # (a quarter of its time, longest pause 12 instead of 139 ms; docs/performance.md).
        # Unfrozen at the end, so an app made and closed in a longer process is freed.
        gc.freeze()
        yield
        gc.unfreeze()
        verifier.close()
        store.dispose()

    # The documentation pages load their scripts from this package, never from a CDN:
    # municipal networks are often closed to the internet.
    app = FastAPIOffline(
        title="Afwegingskader",
        version=engine.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.afweging = AppState(
        settings=settings,
        store=store,
        service=service,
        examples=found,
        tokens=tokens,
        requests=SlidingWindow(settings.rate_limit_per_minute, 60),
        sign_in_failures=SlidingWindow(settings.sign_in_failures, 15 * 60),
    )
    problems.install(app)
    for module in (auth, evaluations, cases, catalog, rulesets, health):
        app.include_router(module.router)
    pages.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(headers.SecurityHeaders)
    app.add_middleware(InFlight, activity=activity)
    app.add_middleware(logs.RequestLog)
    _complete_openapi(app, found)
    return app


def _complete_openapi(app: FastAPI, case_examples: dict[str, dict[str, Any]]) -> None:
    """Problems as problem+json, and the example cases on every request body that is a case.

    The examples are read from a folder when the app is made, so they are added to the
    generated document rather than written into the route declarations.
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = problems.problem_openapi(generate())
            if case_examples:
                examples.attach(schema, case_examples)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
