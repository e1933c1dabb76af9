"""The service's own rules: one serialisation, summary and full form, the second reading
by durable-rules before a decision, and the deadline on an evaluation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
import zlib
from hashlib import sha256
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from api.verification import Job, Verifier
from engine.advise import Advisor
from engine.case.models import Case
from engine.inference.verification import Verification, VerificationStatus
from tests.api.conftest import HOME, Api, AppFactory
from tests.api.test_api_endpoints import assert_problem, evaluate

DECISION = {
    "decision": "reject",
    "interventions": [],
    "motivation": "Eerst het gesprek met de familie.",
    "decided_by": "burgemeester",
}


def proof_nodes(advice: dict[str, Any]) -> int:
    return sum(
        len(target.get("conditions", []))
        for item in advice["interventions"]
        for target in item["legal_basis"].get("targets", [])
    )


def verdict(advice: dict[str, Any]) -> dict[str, Any]:
    """What summary and full form must agree on: the same advice, told at two lengths."""
    return {
        "bundle": advice["ruleset"]["sha256"],
        "statuses": [(i["id"], i["legal_basis"]["status"]) for i in advice["interventions"]],
        "combinations": [c["interventions"] for c in advice["combinations"]],
    }


def test_summary_has_no_proof_trees_and_full_has_them(client: Api, e1: dict[str, Any]) -> None:
    created = evaluate(client, e1)
    assert proof_nodes(created) == 0
    full = client.get(f"/v1/evaluations/{created['id']}", params={"detail": "full"})
    assert full.status_code == 200, full.text[:300]
    assert proof_nodes(full.json()) > 0
    assert len(full.content) > 3 * len(client.get(f"/v1/evaluations/{created['id']}").content)
    assert verdict(full.json()) == verdict(created)


def test_post_with_full_detail_answers_full_but_stores_the_summary(
    client: Api, e1: dict[str, Any]
) -> None:
    created = evaluate(client, e1, detail="full")
    assert proof_nodes(created) > 0
    stored = client.get(f"/v1/evaluations/{created['id']}").json()
    assert proof_nodes(stored) == 0


def test_the_advice_is_stored_compressed_and_served_from_those_bytes(
    client: Api, e1: dict[str, Any]
) -> None:
    created = evaluate(client, e1)
    store = client.app.state.afweging.store  # type: ignore[attr-defined]
    with store.engine.connect() as connection:
        blob = connection.execute(
            text("SELECT advice FROM evaluations WHERE id = :id"), {"id": created["id"]}
        ).scalar_one()
    advice = json.loads(zlib.decompress(blob))
    assert len(blob) * 3 < len(zlib.decompress(blob))
    served_later = {"id", "evaluation", "decisions", "verification"}
    assert advice == {k: v for k, v in created.items() if k not in served_later}
    assert created["evaluation"]["advice_sha256"] == sha256(zlib.decompress(blob)).hexdigest()


def test_full_form_is_refused_once_the_rulesets_changed(client: Api, e1: dict[str, Any]) -> None:
    created = evaluate(client, e1)
    store = client.app.state.afweging.store  # type: ignore[attr-defined]
    with store.engine.begin() as connection:
        # The store refuses the change; a test stands in for someone who removes the guard.
        connection.execute(text("DROP TRIGGER evaluations_no_update"))
        connection.execute(
            text("UPDATE evaluations SET ruleset_sha256 = :sha WHERE id = :id"),
            {"sha": "0" * 64, "id": created["id"]},
        )
    body = assert_problem(
        client.get(f"/v1/evaluations/{created['id']}", params={"detail": "full"}), 409
    )
    assert "rulesets zijn gewijzigd" in body["detail"]
    assert client.get(f"/v1/evaluations/{created['id']}").status_code == 200


def test_on_demand_verification_runs_before_the_decision(
    make_client: AppFactory, sqlite_url: str, e1: dict[str, Any]
) -> None:
    client = make_client(sqlite_url, verify_in_background=False)
    created = evaluate(client, e1)
    assert created["verification"]["status"] == "pending"
    assert created["verification"]["engine"].startswith("durable-rules ")
    decided = client.as_("bestuurder").post(
        f"/v1/evaluations/{created['id']}/decision", json=DECISION
    )
    assert decided.status_code == 201, decided.text[:300]
    after = client.get(f"/v1/evaluations/{created['id']}").json()
    assert after["verification"] == {
        "engine": created["verification"]["engine"],
        "status": "agreed",
        "differences": [],
    }


def test_background_verification_agrees_without_a_decision(client: Api, e1: dict[str, Any]) -> None:
    created = evaluate(client, e1)
    status = created["verification"]["status"]
    deadline = time.monotonic() + 30
    while status == "pending" and time.monotonic() < deadline:
        time.sleep(0.05)
        status = client.get(f"/v1/evaluations/{created['id']}").json()["verification"]["status"]
    assert status == "agreed"


def _verified(state: Any, evaluation_id: str, within: float) -> Any:
    """The stored verification, waited for; read from the store, since every request
    would count as keeping the worker busy."""
    deadline = time.monotonic() + within
    row = state.store.find_evaluation(evaluation_id, HOME)
    while row.verification is None and time.monotonic() < deadline:
        time.sleep(0.05)
        row = state.store.find_evaluation(evaluation_id, HOME)
    return row.verification


def test_background_verification_waits_for_a_quiet_worker(client: Api, e1: dict[str, Any]) -> None:
    """Under load the answers get the CPU: durable's background reading waits while the
    worker answers a request, and starts by itself once the worker has been quiet."""
    state = client.app.state.afweging
    activity = state.service.verifier.activity
    activity.begin()  # another user's request, still being answered
    try:
        created = evaluate(client, e1)
        time.sleep(0.5)
        assert _verified(state, created["id"], within=0) is None
    finally:
        activity.end()
    found = _verified(state, created["id"], within=30)
    assert found is not None and found.status == "agreed"


def test_a_worker_that_is_never_quiet_still_verifies_now_and_then(
    client: Api, e1: dict[str, Any]
) -> None:
    """One long request (an impact run) or steady load must not hold the readings back
    for ever: after its patience the verifier reads one evaluation anyway."""
    state = client.app.state.afweging
    activity = state.service.verifier.activity
    activity.begin()
    try:
        created = evaluate(client, e1)
        found = _verified(state, created["id"], within=30)
        assert found is not None and found.status == "agreed"
    finally:
        activity.end()


class _SlowStore:
    """Every background reading takes 20 ms and finds its evaluation erased."""

    def __init__(self) -> None:
        self.read = 0

    def find_evaluation(self, evaluation_id: str, municipality: str) -> None:
        self.read += 1
        time.sleep(0.02)


def test_a_worker_stops_without_working_off_its_queue() -> None:
    """A worker that stops (a restart, a deploy) must not first read a backlog of hundreds
    of evaluations; those stay pending and are read before a decision."""
    store = _SlowStore()
    verifier = Verifier(advisor=None, store=store)  # type: ignore[arg-type]
    for n in range(500):
        verifier.submit(Job(f"E{n}", HOME))
    time.sleep(0.1)
    started = time.monotonic()
    verifier.close()
    assert time.monotonic() - started < 1.0
    stopped_at = store.read
    time.sleep(0.2)
    assert store.read == stopped_at < 50  # it read no further after it stopped


class Disagreeing:
    """The real advisor, except that durable-rules' reading is made to disagree."""

    def __init__(self, real: Advisor):
        self.real = real
        self.catalog = real.catalog

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def verify(self, case: Case, municipality: str | None, reference_date: dt.date) -> Verification:
        agreed = self.real.verify(case, municipality, reference_date)
        return dataclasses.replace(
            agreed,
            status=VerificationStatus.mismatch,
            differences=("I01 voor premises:W1: durable-rules vervuld, evaluator niet",),
        )


def test_no_decision_rests_on_an_evaluation_durable_rules_disagrees_with(
    advisor: Advisor, sqlite_url: str, e1: dict[str, Any]
) -> None:
    from api.app import create_app
    from tests.api.conftest import settings_for

    app = create_app(
        settings_for(sqlite_url, verify_in_background=False),
        advisor=Disagreeing(advisor),  # type: ignore[arg-type]
    )
    with TestClient(app) as bare:
        client = Api(bare, "jurist")
        created = evaluate(client, e1)
        refused = client.as_("bestuurder").post(
            f"/v1/evaluations/{created['id']}/decision", json=DECISION
        )
        body = assert_problem(refused, 409)
        assert "durable-rules" in body["detail"] and "I01 voor premises:W1" in body["detail"]
        shown = client.get(f"/v1/evaluations/{created['id']}").json()
        assert shown["verification"]["status"] == "mismatch"
        assert shown["decisions"] == []


def test_an_evaluation_past_its_deadline_is_stopped_and_not_stored(
    make_client: AppFactory, sqlite_url: str, e1: dict[str, Any]
) -> None:
    client = make_client(sqlite_url, deadline_seconds=0.0)
    body = assert_problem(client.post("/v1/evaluations", json=e1), 503)
    assert "gestopt" in body["detail"] and "AFWEGING_DEADLINE_SECONDS" in body["detail"]
    assert client.get("/v1/evaluations").json()["total"] == 0


def test_a_case_over_the_size_limit_is_refused_before_any_evaluation(
    make_client: AppFactory, sqlite_url: str, e1: dict[str, Any]
) -> None:
    from engine.case.limits import CaseLimits

    client = make_client(sqlite_url, case_limits=CaseLimits(persons=3))
    body = assert_problem(client.post("/v1/evaluations", json=e1), 413)
    assert body["errors"][0]["path"] == "$.persons"
    assert "AFWEGING_MAX_PERSONS" in body["detail"]
    assert client.get("/v1/evaluations").json()["total"] == 0


def test_the_memo_is_served_as_markdown_when_asked_for(
    client: TestClient, e1: dict[str, Any]
) -> None:
    created = client.post("/v1/evaluations", json=e1, headers={"Accept": "text/markdown"})
    assert created.status_code == 201
    assert created.headers["content-type"].startswith("text/markdown")
    assert created.text.startswith("# Besluitadvies casus E1-visser")
    assert "13b" in created.text and "Opiumwet" in created.text
    ident = created.headers["Location"].rsplit("/", 1)[-1]
    again = client.get(f"/v1/evaluations/{ident}", headers={"Accept": "text/plain"})
    assert again.headers["content-type"].startswith("text/plain")
    assert again.text == created.text
    as_json = client.get(f"/v1/evaluations/{ident}")
    assert as_json.json()["id"] == ident


def test_the_catalogue_names_the_competent_body_from_the_ruleset(client: TestClient) -> None:
    items = {i["id"]: i for i in client.get("/v1/interventions").json()["interventions"]}
    assert items["I01-sluiting-13b-drugshandel"]["competent_body"] == "mayor"
    assert items["I13-ontbinding-huur-na-sluiting"]["competent_body"] != "mayor"
