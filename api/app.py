"""The application factory: ``uvicorn api.app:create_app --factory``.

At creation the store is migrated to the latest schema (under a lock, so several workers
may start together), the example cases are loaded as demo cases into an empty store,
and the rulesets are loaded and validated once.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

import engine
from api import examples, problems
from api.deps import AppState
from api.evaluation import AdvisorLike, Evaluator, case_document, parse
from api.middleware import BodyLimit
from api.routes import cases, catalog, evaluations, health
from api.settings import Settings
from api.store import Store
from api.store.repository import NewCase
from engine.case.read import CaseError

log = logging.getLogger("api")

DESCRIPTION = """
Beslisondersteuning voor bestuurlijke interventies bij criminele families.

Stuur een casus naar `POST /v1/evaluations`: het advies weegt per interventie de
**grondslag**, de **wenselijkheid** en de **menselijke maat** en stelt combinaties voor.
Elk advies wordt opgeslagen met de invoer-hash, de ruleset-versies (sha256) en de
engineversie, zodat het te herhalen is (`/replay`). Fouten komen als
`application/problem+json`; ongeldige velden staan in `errors` met hun JSON-pad.
Geef in de header `X-User` aan wie het verzoek doet (voor het auditlog).
"""


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


def _default_advisor(settings: Settings) -> AdvisorLike:
    from engine.advise import Advisor

    advisor: AdvisorLike = Advisor.from_directory(settings.rulesets_dir)
    return advisor


def create_app(settings: Settings | None = None, advisor: AdvisorLike | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    evaluator = Evaluator(advisor or _default_advisor(settings))
    found = examples.load(settings.examples_dir)
    store = Store.open(settings.database_url)
    store.migrate(demo_cases(found) if settings.load_demo_cases else ())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.dispose()

    app = FastAPI(
        title="Afwegingskader",
        version=engine.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.afweging = AppState(
        settings=settings, store=store, evaluator=evaluator, examples=found
    )
    problems.install(app)
    request_examples = examples.openapi_examples(found)
    app.include_router(evaluations.router(request_examples))
    app.include_router(cases.router(request_examples))
    app.include_router(catalog.router)
    app.include_router(health.router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    _document_problems(app)
    return app


def _document_problems(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = problems.problem_openapi(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
