"""Two service instances on one PostgreSQL: the database, not a process, keeps the rules.

A load balancer may send two requests about the same evaluation or case to different
instances at the same moment; neither a second decision nor a lost update may result.
"""

from __future__ import annotations

import concurrent.futures
import secrets
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.store import Store
from api.store.verify import verify
from tests.api.server import Server
from tests.api.test_api_endpoints import founded


@pytest.mark.postgres
@pytest.mark.parametrize("roles", ["one role", "owner and service role"])
def test_two_instances_never_double_decide_nor_lose_an_update(
    tmp_path: Path, postgres_url: str, e1: dict[str, Any], roles: str, request: Any
) -> None:
    """Also as deployed per docs/adr/0012: migrations as the owner, the service as a role
    that owns nothing; both instances append to one hash chain that verifies after."""
    url, env = postgres_url, {}
    if roles != "one role":
        url = request.getfixturevalue("service_url")
        env = {"AFWEGING_MIGRATION_DATABASE_URL": postgres_url}
    key = secrets.token_urlsafe(48)
    first = Server(url, tmp_path / "a.log", workers=1, secret=key, env=env).start()
    try:
        with Server(url, tmp_path / "b.log", workers=1, secret=key, env=env) as second:
            servers = (first, second)
            lawyer = first.headers("jurist")
            evaluations = [
                httpx.post(
                    f"{first.base_url}/v1/evaluations", json=e1, headers=lawyer, timeout=60
                ).json()
                for _ in range(5)
            ]

            def decide(server: Server, created: dict[str, Any]) -> int:
                decision = {
                    "decision": "accept",
                    "interventions": [founded(created)],
                    "motivation": "Het advies gevolgd.",
                    "decided_by": "burgemeester",
                }
                return httpx.post(
                    f"{server.base_url}/v1/evaluations/{created['id']}/decision",
                    json=decision,
                    headers=server.headers("bestuurder"),
                    timeout=60,
                ).status_code

            case_id = httpx.get(
                f"{second.base_url}/v1/cases", headers=second.headers("jurist"), timeout=30
            ).json()["items"][0]["id"]
            read = httpx.get(f"{first.base_url}/v1/cases/{case_id}", headers=lawyer, timeout=30)
            data, tag = read.json()["data"], read.headers["etag"]

            def replace(server: Server, goal: str) -> int:
                changed = {**data, "case": {**data["case"], "goals": [goal]}}
                return httpx.put(
                    f"{server.base_url}/v1/cases/{case_id}",
                    json=changed,
                    headers={**server.headers("jurist"), "If-Match": tag},
                    timeout=60,
                ).status_code

            with concurrent.futures.ThreadPoolExecutor(4) as pool:
                for created in evaluations:
                    decided = list(pool.map(decide, servers, [created, created]))
                    assert sorted(decided) == [201, 409], created["id"]
                replaced = list(
                    pool.map(replace, servers, ["protect_children", "stop_criminal_activity"])
                )
            assert sorted(replaced) == [200, 412]
            for created in evaluations:
                shown = httpx.get(
                    f"{second.base_url}/v1/evaluations/{created['id']}",
                    headers=second.headers("bestuurder"),
                    timeout=30,
                ).json()
                assert len(shown["decisions"]) == 1
            case = httpx.get(
                f"{second.base_url}/v1/cases/{case_id}", headers=lawyer, timeout=30
            ).json()
            assert case["revision"] == 2
    finally:
        first.stop()
    owner = Store.open(postgres_url)
    with owner.engine.connect() as connection:
        report = verify(connection)
    owner.dispose()
    assert report.findings == []
    assert report.rows["evaluation"] == 5 and report.rows["decision"] == 5
