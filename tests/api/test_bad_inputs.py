"""The bad-input corpus (tests/bad_inputs/corpus.yaml) over the API, on SQLite and PostgreSQL.

Every entry must be answered with its own 4xx status as problem+json naming the leaf at
fault (never a 500, never a traceback), and must leave the store as it was: no case,
evaluation, decision or idempotency key half-stored by a request that was refused.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.app import create_app
from api.store import Store
from api.store.models import CaseRow, DecisionRow, EvaluationRow, IdempotencyRow
from engine.advise import Advisor
from tests.api.conftest import Api, fresh_schema, settings_for
from tests.bad_inputs import E1, ENGLISH, Entry, load

ENTRIES = load()


@dataclass
class Service:
    jurist: Api
    store: Store
    case_id: str
    evaluation_id: str

    def counts(self) -> tuple[int, ...]:
        with self.store.engine.connect() as connection:
            return tuple(
                connection.execute(select(func.count()).select_from(row)).scalar_one()
                for row in (CaseRow, EvaluationRow, DecisionRow, IdempotencyRow)
            )

    def send(self, entry: Entry) -> Any:
        headers = dict(entry.headers)
        if entry.body is not None and entry.content_type is not None:
            headers["Content-Type"] = entry.content_type
        url = entry.url.format(case=self.case_id, evaluation=self.evaluation_id)
        return self.jurist.as_(entry.role).request(
            entry.method, url, content=entry.body, params=entry.query, headers=headers
        )


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def service(
    request: pytest.FixtureRequest, advisor: Advisor, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """One app per store for the whole corpus, with a stored case and evaluation to aim at."""
    if request.param == "sqlite":
        folder: Path = tmp_path_factory.mktemp("bad-inputs")
        place: contextlib.AbstractContextManager[str] = contextlib.nullcontext(
            f"sqlite:///{folder / 'afwegingskader.db'}"
        )
    else:
        place = fresh_schema(request.getfixturevalue("postgres_database"))
    with place as url:
        # The corpus is a few hundred requests by one user: above the rate limit on purpose.
        app = create_app(settings_for(url, rate_limit_per_minute=100_000), advisor=advisor)
        with TestClient(app, raise_server_exceptions=False) as client:
            jurist = Api(client, "jurist")
            stored = copy.deepcopy(E1)
            stored["case"]["id"] = "BAD-INPUT-1"
            case = jurist.post("/v1/cases", json=stored)
            evaluation = jurist.post("/v1/evaluations", json=E1)
            assert case.status_code == evaluation.status_code == 201
            yield Service(
                jurist, app.state.afweging.store, case.json()["id"], evaluation.json()["id"]
            )


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_a_bad_input_is_refused_at_its_leaf_and_stores_nothing(
    service: Service, entry: Entry
) -> None:
    before = service.counts()
    response = service.send(entry)
    assert response.status_code == entry.status, response.text[:600]
    assert response.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in response.text
    problem = response.json()
    assert problem["status"] == entry.status and problem["detail"]
    # Said in Dutch: pydantic's and FastAPI's English never reaches the user.
    assert not ENGLISH.search(problem["detail"]), problem["detail"]
    if entry.path is not None:
        found = [(e["path"], e["location"]) for e in problem["errors"]]
        assert (entry.path, entry.location) in found, problem
    assert service.counts() == before


def test_the_corpus_covers_every_kind_of_input() -> None:
    """At least 150 entries, over case bodies, queries, headers and decisions alike."""
    assert len(ENTRIES) >= 150
    assert {e.location for e in ENTRIES} >= {"body", "query", "header", "path"}
    assert any("decision" in e.url for e in ENTRIES)
    assert any(e.method == "PUT" for e in ENTRIES)
