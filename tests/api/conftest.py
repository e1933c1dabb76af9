"""Fixtures for the service tests: the real engine, the example cases, and two stores.

Store tests run on SQLite (a file in tmp) and on PostgreSQL. The PostgreSQL server is
named by ``AFWEGING_TEST_POSTGRES_URL``; each test run creates its own database and
drops it afterwards, and each test gets its own schema in it. When the server cannot
be reached the PostgreSQL tests are skipped with one line, except under ``CI=true``,
where they fail: CI must never pass by skipping the second database.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import uuid
import warnings
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api.app import create_app
from api.auth.principal import Role
from api.settings import Settings
from api.store.chain import canonical
from api.store.repository import NewEvaluation
from engine.advise import Advisor

# Starlette's TestClient warns that it prefers httpx2; httpx is what the project ships.
warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RULESETS = ROOT / "rulesets"
EXAMPLES = ROOT / "examples"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
EXAMPLE_NAMES = ("e1-visser", "e2-meijer", "e3-kevin")
HOME = "voorbeeldstad"
#: A second municipality: its users must never see voorbeeldstad's records.
OTHER = "andersdorp"


def stored_evaluation(case_key: str = "E1", case_id: str | None = None) -> NewEvaluation:
    """An evaluation as the store receives it, with stand-in hashes and advice: for tests
    of the store and its chain, which never read the advice."""
    rulesets = [{"id": "x", "version": "1", "path": "x.yaml", "sha256": "d" * 64}]
    return NewEvaluation(
        case_key=case_key,
        case_id=case_id,
        municipality="voorbeeldstad",
        reference_date=dt.date(2026, 3, 1),
        requested_municipality=None,
        requested_reference_date=None,
        input_json='{"case":{"id":"' + case_key + '"}}',
        input_sha256="a" * 64,
        advice=zlib.compress(b'{"interventions":[]}'),
        advice_sha256="b" * 64,
        ruleset_id="nl+voorbeeldstad",
        ruleset_version="x@1",
        ruleset_sha256="c" * 64,
        rulesets=rulesets,
        rulesets_canonical=canonical(rulesets),
        engine_version="0.1.0",
    )


def adjusted(evaluation: dict[str, Any]) -> dict[str, Any]:
    """A mayor's decision that adjusts the advice of ``evaluation`` to its first
    intervention, with the motivation an adjusted decision needs."""
    return {
        "decision": "adjust",
        "interventions": [evaluation["interventions"][0]["id"]],
        "motivation": "Aangepast aan de situatie van de kinderen.",
        "decided_by": "burgemeester",
        "legal_basis_motivation": "Zo nodig: de grondslag wordt eerst aangevuld.",
    }


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.fixture(scope="session")
def advisor() -> Advisor:
    """The real engine on the bundled rulesets, loaded once per test run."""
    return Advisor.from_directory(RULESETS)


@pytest.fixture(scope="session")
def example_cases() -> dict[str, dict[str, Any]]:
    return {
        name: json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
        for name in EXAMPLE_NAMES
    }


@pytest.fixture
def e1(example_cases: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return copy.deepcopy(example_cases["e1-visser"])


def settings_for(url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": url,
        "rulesets_dir": RULESETS,
        "examples_dir": EXAMPLES,
    }
    values.update(overrides)
    return Settings(**values)


# --- PostgreSQL ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A database of its own for this test run, dropped at the end."""
    admin_url = os.environ.get("AFWEGING_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        reason = f"PostgreSQL niet bereikbaar op {make_url(admin_url).render_as_string()}: "
        reason += str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    name = f"afweging_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def fresh_schema(database: str) -> Iterator[str]:
    """A new schema in ``database``, on the search path of every connection; dropped after."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(database).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def postgres_url(postgres_database: str) -> Iterator[str]:
    """A fresh schema in the run's database for one test."""
    with fresh_schema(postgres_database) as url:
        yield url


@pytest.fixture
def service_url(postgres_url: str) -> Iterator[str]:
    """The service's own role (docs/adr/0012) on ``postgres_url``, which stays the owner.

    Roles belong to the whole server, so each test makes its own and drops it after.
    """
    role = f"afweging_app_{uuid.uuid4().hex[:10]}"
    yield make_url(postgres_url).set(username=role).render_as_string(hide_password=False)
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP OWNED BY "{role}"'))
        connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'var' / 'afwegingskader.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """The same test on both stores."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


# --- the app -------------------------------------------------------------------------


class Api:
    """A TestClient signed in as one user: each request carries that user's bearer token.

    ``as_(role, municipality)`` is another user of the same running app; ``anonymous`` is
    the bare client. Tokens are issued by the app's own signer, as ``POST /v1/token``
    does after checking a password (that flow has its own tests).
    """

    def __init__(self, client: TestClient, role: str, municipality: str = HOME, subject: str = ""):
        self.anonymous = client
        self.role = role
        self.municipality = municipality
        self.subject = subject or role
        tokens = client.app.state.afweging.tokens  # type: ignore[attr-defined]
        token = tokens.issue(self.subject, Role(role), municipality).token
        self.auth = {"Authorization": f"Bearer {token}"}

    @property
    def app(self) -> Any:
        return self.anonymous.app

    def as_(self, role: str, municipality: str = HOME, subject: str = "") -> Api:
        return Api(self.anonymous, role, municipality, subject)

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        headers = {**self.auth, **(kwargs.pop("headers", None) or {})}
        return self.anonymous.request(method, url, headers=headers, **kwargs)

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> Any:
        return self.request("PUT", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> Any:
        return self.request("DELETE", url, **kwargs)


AppFactory = Callable[..., Api]


@pytest.fixture
def make_client(advisor: Advisor) -> Iterator[AppFactory]:
    """An app on ``url`` and a jurist of voorbeeldstad signed in to it; closed after the test."""
    clients: list[TestClient] = []

    def make(
        url: str, raise_server_exceptions: bool = True, role: str = "jurist", **overrides: Any
    ) -> Api:
        app = create_app(settings_for(url, **overrides), advisor=advisor)
        client = TestClient(app, raise_server_exceptions=raise_server_exceptions)
        client.__enter__()
        clients.append(client)
        return Api(client, role)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: AppFactory, sqlite_url: str) -> Api:
    """A jurist of voorbeeldstad (the demo cases' municipality)."""
    return make_client(sqlite_url)


@pytest.fixture
def bestuurder(client: Api) -> Api:
    return client.as_("bestuurder")


@pytest.fixture
def auditor(client: Api) -> Api:
    return client.as_("auditor")
