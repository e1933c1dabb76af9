"""The service under load and under a hard crash, as a real uvicorn server on loopback."""

from __future__ import annotations

import asyncio
import copy
import hashlib
import json
import time
import zlib
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from api.store import Store
from api.store.verify import verify
from tests.api.conftest import EXAMPLE_NAMES
from tests.api.server import Server

CONCURRENCY = 50


def sha256(value: str | bytes) -> str:
    return hashlib.sha256(value.encode("utf-8") if isinstance(value, str) else value).hexdigest()


def variants(example_cases: dict[str, dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """``n`` distinct valid cases: the examples with a numbered case id."""
    cases = []
    for i in range(n):
        case = copy.deepcopy(example_cases[EXAMPLE_NAMES[i % len(EXAMPLE_NAMES)]])
        case["case"]["id"] = f"{case['case']['id']}-{i:04d}"
        cases.append(case)
    return cases


@pytest.mark.parametrize("requests", [200, pytest.param(2000, marks=pytest.mark.stress)])
def test_concurrent_evaluations_on_two_workers(
    requests: int, tmp_path: Path, sqlite_url: str, example_cases: dict[str, dict[str, Any]]
) -> None:
    cases = variants(example_cases, requests)

    async def send_all(server: Server) -> list[httpx.Response | BaseException]:
        limit = asyncio.Semaphore(CONCURRENCY)
        timeout = httpx.Timeout(60, connect=10)
        limits = httpx.Limits(max_connections=CONCURRENCY)
        base_url = server.base_url
        async with httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits) as client:

            async def one(i: int, case: dict[str, Any]) -> httpx.Response:
                async with limit:
                    headers = server.headers("jurist", subject=f"last-{i}")
                    return await client.post("/v1/evaluations", json=case, headers=headers)

            return await asyncio.gather(
                *(one(i, c) for i, c in enumerate(cases)), return_exceptions=True
            )

    with Server(sqlite_url, tmp_path / "server.log", workers=2) as server:
        started = time.monotonic()
        responses = asyncio.run(send_all(server))
        elapsed = time.monotonic() - started
        failed = [r for r in responses if not isinstance(r, httpx.Response) or r.status_code != 201]
        assert not failed, f"{len(failed)} mislukt, bijv. {failed[:3]!r}"
        bodies = [r.json() for r in responses if isinstance(r, httpx.Response)]
        assert [b["case_id"] for b in bodies] == [c["case"]["id"] for c in cases]
        ids = {b["id"] for b in bodies}
        assert len(ids) == requests
        listed: set[str] = set()
        for offset in range(0, requests, 200):
            page = httpx.get(
                f"{server.base_url}/v1/evaluations",
                params={"limit": 200, "offset": offset},
                headers=server.headers(),
                timeout=30,
            ).json()
            assert page["total"] == requests
            listed |= {i["id"] for i in page["items"]}
        assert listed == ids
    print(f"{requests} beoordelingen in {elapsed:.1f} s ({requests / elapsed:.0f}/s)")

    store = Store.open(sqlite_url)
    with store.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM evaluations")) == requests
        audited = connection.scalar(text("SELECT count(*) FROM audit_log WHERE action='evaluate'"))
        assert audited == requests
        who = connection.scalars(text("SELECT DISTINCT created_by FROM evaluations")).all()
        assert len(who) == requests
    store.dispose()


def test_killed_server_loses_no_acknowledged_write(
    tmp_path: Path, store_url: str, example_cases: dict[str, dict[str, Any]]
) -> None:
    """SIGKILL the server while evaluations and decisions stream in, restart, and check.

    Every write the client saw acknowledged is there and complete after the restart;
    nothing half-written exists (each row's hashes match its content, each row has its
    audit row and each audit row its object, and the hash chain verifies).
    """
    cases = variants(example_cases, 400)
    acknowledged_evaluations: dict[str, dict[str, Any]] = {}
    acknowledged_decisions: dict[str, dict[str, Any]] = {}

    async def write_until_killed(server: Server) -> int:
        timeout = httpx.Timeout(30, connect=5)
        lawyer, mayor = server.headers("jurist"), server.headers("bestuurder")
        async with httpx.AsyncClient(base_url=server.base_url, timeout=timeout) as client:
            queue = iter(cases)

            async def writer() -> None:
                for case in queue:
                    try:
                        made = await client.post("/v1/evaluations", json=case, headers=lawyer)
                        if made.status_code != 201:
                            raise AssertionError(made.text[:500])
                        body = made.json()
                        acknowledged_evaluations[body["id"]] = body
                        decision = {
                            "decision": "adjust",
                            "interventions": [body["interventions"][0]["id"]],
                            "motivation": f"Aangepast voor {body['case_id']}.",
                            "decided_by": "burgemeester",
                            "legal_basis_motivation": "Eerst de grondslag aanvullen.",
                        }
                        decided = await client.post(
                            f"/v1/evaluations/{body['id']}/decision", json=decision, headers=mayor
                        )
                        if decided.status_code != 201:
                            raise AssertionError(decided.text[:500])
                        acknowledged_decisions[decided.json()["id"]] = decided.json()
                    except httpx.TransportError:
                        return  # the server is gone: this write was never acknowledged

            async def killer() -> None:
                while len(acknowledged_evaluations) < 30:
                    await asyncio.sleep(0.01)
                server.kill()

            await asyncio.wait_for(asyncio.gather(killer(), *(writer() for _ in range(8))), 60)
            return len(acknowledged_evaluations)

    server = Server(store_url, tmp_path / "server.log", workers=2).start()
    try:
        asyncio.run(write_until_killed(server))
    finally:
        server.kill()
    assert len(acknowledged_evaluations) >= 30
    assert acknowledged_decisions

    with Server(store_url, tmp_path / "server.log", workers=1) as again:
        reader = again.headers("bestuurder")
        for ident, body in acknowledged_evaluations.items():
            fetched = httpx.get(
                f"{again.base_url}/v1/evaluations/{ident}", headers=reader, timeout=30
            )
            assert fetched.status_code == 200, fetched.text[:300]
            stored = fetched.json()
            # Decisions are added and durable-rules' verification completes after the write.
            later = {"decisions", "verification"}
            assert {k: v for k, v in stored.items() if k not in later} == {
                k: v for k, v in body.items() if k not in later
            }
            was, now = body["verification"]["status"], stored["verification"]["status"]
            assert now == was or (was, now) == ("pending", "agreed"), (ident, was, now)
        for ident, decision in acknowledged_decisions.items():
            evaluation = httpx.get(
                f"{again.base_url}/v1/evaluations/{decision['evaluation_id']}",
                headers=reader,
                timeout=30,
            ).json()
            assert decision in evaluation["decisions"], ident

    store = Store.open(store_url)
    with store.engine.connect() as connection:
        if store.dialect == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        rows = connection.execute(
            text("SELECT id, input_json, input_sha256, advice, advice_sha256 FROM evaluations")
        ).all()
        assert len(rows) >= len(acknowledged_evaluations)
        for ident, input_json, input_sha, compressed, advice_sha in rows:
            advice = zlib.decompress(compressed)
            assert sha256(input_json) == input_sha, ident
            assert sha256(advice) == advice_sha, ident
            assert json.loads(advice)["interventions"]
        orphans = connection.execute(
            text(
                "SELECT a.object_id FROM audit_log a LEFT JOIN evaluations e "
                "ON e.id = a.object_id WHERE a.action = 'evaluate' AND e.id IS NULL"
            )
        ).all()
        assert orphans == []
        unaudited = connection.execute(
            text(
                "SELECT e.id FROM evaluations e LEFT JOIN audit_log a "
                "ON a.object_id = e.id AND a.action = 'evaluate' WHERE a.id IS NULL"
            )
        ).all()
        assert unaudited == []
        decisions = connection.execute(
            text(
                "SELECT d.id FROM decisions d LEFT JOIN audit_log a "
                "ON a.object_id = d.id AND a.action = 'decide' WHERE a.id IS NULL"
            )
        ).all()
        assert decisions == []
        decided = connection.scalar(text("SELECT count(*) FROM decisions"))
        assert decided >= len(acknowledged_decisions)
        # The crash left no row without its link and no link without its row.
        report = verify(connection)
        assert report.findings == []
        assert report.rows["evaluation"] == len(rows)
    store.dispose()
