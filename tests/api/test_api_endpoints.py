"""The HTTP API end to end, on the real engine, bundled rulesets and example cases."""

from __future__ import annotations

import copy
import json
import zlib
from typing import Any

import pytest

from tests.api.conftest import EXAMPLE_NAMES, Api, AppFactory

PROBLEM = "application/problem+json"
ADVICE_KEYS = {"case_id", "reference_date", "ruleset", "interventions", "combinations"}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:afwegingskader:probleem:")
    assert body["title"]
    assert "Traceback" not in response.text
    return body


def evaluate(client: Api, case: dict[str, Any], **params: str) -> dict[str, Any]:
    response = client.post("/v1/evaluations", json=case, params=params)
    assert response.status_code == 201, response.text[:500]
    body: dict[str, Any] = response.json()
    return body


def founded(advice: dict[str, Any]) -> str:
    """An intervention of the advice whose legal basis is satisfied."""
    return next(
        i["id"] for i in advice["interventions"] if i["legal_basis"]["status"] == "satisfied"
    )


# --- evaluations ---------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_evaluation_returns_the_advice_with_an_id(
    client: Api, example_cases: dict[str, dict[str, Any]], name: str
) -> None:
    case = example_cases[name]
    response = client.post("/v1/evaluations", json=case)
    assert response.status_code == 201, response.text[:500]
    body = response.json()
    assert set(body) >= ADVICE_KEYS
    assert body["case_id"] == case["case"]["id"]
    assert {"id", "sha256"} <= set(body["ruleset"])
    assert body["interventions"], "every loaded intervention appears"
    for item in body["interventions"]:
        assert item["legal_basis"]["status"] in {"satisfied", "not_satisfied", "unknown"}
        assert "name" not in item, "the summary names an intervention by id (ADR 0014)"
    assert response.headers["location"] == f"/v1/evaluations/{body['id']}"
    meta = body["evaluation"]
    assert meta["created_by"] == "jurist"
    assert meta["ruleset_sha256"] == body["ruleset"]["sha256"]
    assert len(meta["input_sha256"]) == 64
    assert meta["engine_version"] == body["engine_version"]
    assert meta["rulesets"], "the bundle's files are recorded"


def test_stored_evaluation_reads_back_identically(
    make_client: AppFactory, sqlite_url: str, e1: dict[str, Any]
) -> None:
    # With the second reading on demand only, nothing may change between the two reads.
    client = make_client(sqlite_url, verify_in_background=False)
    created = evaluate(client, e1)
    fetched = client.get(f"/v1/evaluations/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_advice_matches_the_engine_directly(client: Api, e1: dict[str, Any], advisor: Any) -> None:
    from engine.case.read import parse_case
    from engine.explain.render import render_json

    created = evaluate(client, e1)
    direct = json.loads(render_json(advisor.assess(parse_case(e1))))
    assert {k: created[k] for k in direct} == direct


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_summary_and_the_catalog_together_give_the_full_advice(
    client: Api, example_cases: dict[str, dict[str, Any]], name: str
) -> None:
    """What the summary leaves out (ADR 0014) is served once by GET /v1/interventions for
    the advice's municipality and date, under the same bundle sha256."""
    summary = evaluate(client, example_cases[name])
    full = client.get(f"/v1/evaluations/{summary['id']}", params={"detail": "full"}).json()
    catalog = client.get(
        "/v1/interventions",
        params={"gemeente": summary["municipality"], "peildatum": summary["reference_date"]},
    ).json()
    assert catalog["ruleset"]["sha256"] == summary["ruleset"]["sha256"]
    assert catalog["ruleset"]["version"] == full["ruleset"]["version"]
    assert catalog["overrides"] == full["ruleset"]["overrides"]
    fixed = {i["id"]: i for i in catalog["interventions"]}
    fixed_keys = (
        "name", "domain", "formal", "supporting", "authority", "competent_body", "target",
        "intrusiveness", "lighter_alternatives", "incompatible_with", "procedure", "partners",
    )  # fmt: skip
    for short, whole in zip(summary["interventions"], full["interventions"], strict=True):
        texts = fixed[short["id"]]
        assert {k: texts[k] for k in fixed_keys} == {k: whole[k] for k in fixed_keys}
        assert texts["citations"] == whole["legal_basis"]["citations"]
        assert texts["case_law"] == whole["legal_basis"]["case_law"]
        assert sorted(texts["notes"] + short.get("notes", [])) == sorted(whole["notes"])
        concerns = {c["id"]: c for c in texts["concerns"]}
        for c in short.get("human_measure", {}).get("concerns", []):
            same = next(
                w
                for w in whole["human_measure"]["concerns"]
                if (w["id"], w["status"], w["target"]) == (c["id"], c["status"], c.get("target"))
            )
            told = {**concerns.get(c["id"], {}), **c}
            text = told["text"]
            if c["status"] == "unknown" and "text" not in c:
                text = f"Mogelijk: {text} Dit is nog niet vast te stellen."
            assert (text, told["severity"], told["mitigations"]) == (
                same["text"],
                same["severity"],
                same["mitigations"],
            )
        # Without a legal basis the summary leaves the reasons to the full form.
        reasons = short.get("desirability", {}).get("reasons")
        if reasons:
            for r, w in zip(reasons, whole["desirability"]["reasons"], strict=True):
                told = {**texts["desirability"][r["factor"]], **r} if "factor" in r else r
                assert (told["weight"], told["text"], told.get("goal")) == (
                    w["weight"],
                    w["text"],
                    w["goal"],
                )
    for m in full["missing_facts"]:
        assert catalog["questions"][m["fact"]] == m["question"]


def test_query_parameters_choose_municipality_and_date(client: Api, e1: dict[str, Any]) -> None:
    body = evaluate(client, e1, gemeente="landelijk", peildatum="2025-06-01")
    assert body["reference_date"] == "2025-06-01"
    assert body["municipality"] == "landelijk"
    assert body["ruleset"]["id"] == "nl"
    assert body["evaluation"]["requested_municipality"] == "landelijk"
    assert body["evaluation"]["requested_reference_date"] == "2025-06-01"


def test_a_municipality_without_policy_is_refused_with_the_known_ones(
    client: Api, e1: dict[str, Any]
) -> None:
    """A misspelt name would silently drop the municipality's policy; it is named instead."""
    before = client.get("/v1/evaluations").json()["total"]
    response = client.post("/v1/evaluations", json=e1, params={"gemeente": "voorbeeldstd"})
    body = assert_problem(response, 422)
    assert [(e["path"], e["location"]) for e in body["errors"]] == [("gemeente", "query")]
    assert "'voorbeeldstad'" in body["detail"] and "?gemeente=landelijk" in body["detail"]
    assert client.get("/v1/evaluations").json()["total"] == before


def test_an_invalid_case_also_names_its_wrong_municipality(client: Api, e1: dict[str, Any]) -> None:
    """One answer names every mistake: a lawyer who fixes the field is not then told,
    in a second round, that the municipality is wrong too."""
    e1["persons"][0]["age"] = "oud"
    e1["case"]["municipality"] = "Voorbeeldstd"
    body = assert_problem(client.post("/v1/evaluations", json=e1), 422)
    assert [e["path"] for e in body["errors"]] == ["$.persons[0].age", "$.case.municipality"]
    assert "u bent aangemeld voor 'voorbeeldstad'" in body["errors"][1]["message"]


def test_an_invalid_case_also_names_a_misspelt_policy(client: Api, e1: dict[str, Any]) -> None:
    e1["persons"][0]["age"] = "oud"
    response = client.post("/v1/evaluations", json=e1, params={"gemeente": "voorbeeldstd"})
    body = assert_problem(response, 422)
    errors = [(e["path"], e["location"]) for e in body["errors"]]
    assert errors == [("$.persons[0].age", "body"), ("gemeente", "query")]
    assert "'voorbeeldstad'" in body["errors"][1]["message"]
    assert "?gemeente=landelijk" in body["errors"][1]["message"]


def test_misspelt_field_is_named_by_its_path(client: Api, e1: dict[str, Any]) -> None:
    e1["persons"][0]["agee"] = e1["persons"][0].pop("age", 40)
    body = assert_problem(client.post("/v1/evaluations", json=e1), 422)
    paths = [e["path"] for e in body["errors"]]
    assert "$.persons[0].agee" in paths
    message = next(e["message"] for e in body["errors"] if e["path"] == "$.persons[0].agee")
    assert "agee" in message
    assert "$.persons[0].agee" in body["detail"]


def test_wrong_value_and_missing_field_have_paths(client: Api, e1: dict[str, Any]) -> None:
    e1["persons"][1]["age"] = "oud"
    del e1["case"]["municipality"]
    body = assert_problem(client.post("/v1/evaluations", json=e1), 422)
    paths = {e["path"] for e in body["errors"]}
    assert {"$.persons[1].age", "$.case.municipality"} <= paths


@pytest.mark.parametrize(
    ("content", "path"),
    [(b"{niet json", "$"), (b"[1, 2]", "$"), (b'"tekst"', "$"), (b"", "$")],
)
def test_unreadable_body_is_422_at_the_root(client: Api, content: bytes, path: str) -> None:
    response = client.post(
        "/v1/evaluations", content=content, headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 422)
    assert [e["path"] for e in body["errors"]] == [path]


def test_bad_query_parameter_is_named(client: Api, e1: dict[str, Any]) -> None:
    response = client.post("/v1/evaluations", json=e1, params={"peildatum": "morgen"})
    body = assert_problem(response, 422)
    assert body["errors"][0]["path"] == "peildatum"
    assert body["errors"][0]["location"] == "query"


def test_body_over_the_limit_is_refused_with_413(
    make_client: AppFactory, sqlite_url: str, e1: dict[str, Any]
) -> None:
    e1["case"]["id"] = "E1-klein-genoeg"
    limit = len(json.dumps(e1).encode()) + 100  # httpx sends it more compactly
    client = make_client(sqlite_url, max_body_bytes=limit)
    padded = copy.deepcopy(e1)
    padded["case"]["selection_grounds"] = ["x" * limit]
    body = assert_problem(client.post("/v1/evaluations", json=padded), 413)
    assert str(limit) in body["detail"]
    # Without a Content-Length (chunked upload) the size is counted while reading.
    chunks = (b" " * 1024 for _ in range(limit // 1024 + 2))
    response = client.post(
        "/v1/evaluations", content=chunks, headers={"content-type": "application/json"}
    )
    assert_problem(response, 413)
    # Under the limit still works.
    assert client.post("/v1/cases", json=e1).status_code == 201


def test_default_limit_is_one_megabyte(client: Api) -> None:
    big = b'{"case": {"id": "' + b"x" * (1024 * 1024) + b'"}}'
    response = client.post(
        "/v1/evaluations", content=big, headers={"content-type": "application/json"}
    )
    assert_problem(response, 413)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/evaluations/onbekend"),
        ("POST", "/v1/evaluations/onbekend/replay"),
        ("GET", "/v1/cases/onbekend"),
        ("POST", "/v1/cases/onbekend/evaluations"),
        ("GET", "/v1/bestaat-niet"),
    ],
)
def test_unknown_ids_are_404_problems(client: Api, method: str, path: str) -> None:
    assert_problem(client.request(method, path), 404)


def test_unknown_evaluation_for_decision_and_put_are_404(
    client: Api, bestuurder: Api, e1: dict[str, Any]
) -> None:
    decision = {"decision": "reject", "motivation": "geen", "decided_by": "burgemeester"}
    assert_problem(bestuurder.post("/v1/evaluations/onbekend/decision", json=decision), 404)
    assert_problem(client.put("/v1/cases/onbekend", json=e1), 404)


def test_method_not_allowed_is_a_problem(client: Api) -> None:
    assert_problem(client.delete("/v1/cases"), 405)


def test_unexpected_failure_is_500_without_traceback(
    make_client: AppFactory, sqlite_url: str, e1: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client(sqlite_url, raise_server_exceptions=False)
    service = client.app.state.afweging.service  # type: ignore[attr-defined]

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("geheime interne toestand")

    monkeypatch.setattr(service.advisor, "assess", broken)
    response = client.post("/v1/evaluations", json=e1)
    body = assert_problem(response, 500)
    assert "geheime" not in response.text
    assert body["detail"]


# --- replay --------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_replay_is_identical(
    client: Api, example_cases: dict[str, dict[str, Any]], name: str
) -> None:
    created = evaluate(client, example_cases[name])
    response = client.post(f"/v1/evaluations/{created['id']}/replay")
    assert response.status_code == 200, response.text[:500]
    replay = response.json()
    assert replay["identical"] is True
    assert replay["differences"] == []
    assert replay["ruleset_changed"] is False
    assert replay["input_intact"] is True
    assert replay["stored_ruleset_sha256"] == created["ruleset"]["sha256"]


def test_replay_without_any_date_pins_the_date_of_the_first_run(
    client: Api, e1: dict[str, Any]
) -> None:
    del e1["case"]["reference_date"]
    created = evaluate(client, e1)
    replay = client.post(f"/v1/evaluations/{created['id']}/replay").json()
    assert replay["reference_date"] == created["reference_date"]
    # Only the note that the first run fell back on today may differ.
    assert all(d["path"].startswith("$.notes") for d in replay["differences"])


def test_replay_reports_differences_and_changed_rulesets(client: Api, e1: dict[str, Any]) -> None:
    """Tamper with the stored record (the API has no way to) and replay."""
    from sqlalchemy import text

    created = evaluate(client, e1)
    store = client.app.state.afweging.store  # type: ignore[attr-defined]
    advice = json.loads(json.dumps(created))
    first = advice["interventions"][0]
    first["legal_basis"]["status"] = "iets anders"
    served_later = ("id", "evaluation", "decisions", "verification")
    stored = {k: advice[k] for k in created if k not in served_later}
    with store.engine.begin() as connection:
        # The store refuses the change; a test stands in for someone who removes the guard.
        connection.execute(text("DROP TRIGGER evaluations_no_update"))
        connection.execute(
            text("UPDATE evaluations SET advice = :advice, ruleset_sha256 = :sha WHERE id = :id"),
            {
                "advice": zlib.compress(json.dumps(stored).encode()),
                "sha": "0" * 64,
                "id": created["id"],
            },
        )
    replay = client.post(f"/v1/evaluations/{created['id']}/replay").json()
    assert replay["identical"] is False
    assert replay["differences"] == [
        {
            "path": "$.interventions[0].legal_basis.status",
            "stored": "iets anders",
            "replayed": created["interventions"][0]["legal_basis"]["status"],
        }
    ]
    assert replay["ruleset_changed"] is True
    assert replay["current_ruleset_sha256"] == created["ruleset"]["sha256"]
    assert "gewijzigd" in replay["message"]


# --- decisions -----------------------------------------------------------------------


def test_decision_is_recorded_and_shown_with_the_evaluation(
    client: Api, e1: dict[str, Any]
) -> None:
    created = evaluate(client, e1)
    chosen = [founded(created)]
    decision = {
        "decision": "accept",
        "interventions": chosen,
        "motivation": "Advies gevolgd; kinderen in het huishouden, dus begeleiding erbij.",
        "decided_by": "burgemeester",
    }
    mayor = client.as_("bestuurder", subject="burgemeester.devries")
    response = mayor.post(f"/v1/evaluations/{created['id']}/decision", json=decision)
    assert response.status_code == 201, response.text[:500]
    stored = response.json()
    assert stored["interventions"] == chosen
    assert stored["recorded_by"] == "burgemeester.devries"
    assert stored["withdraws"] is None and stored["legal_basis_motivation"] is None
    assert stored["evaluation_id"] == created["id"]
    fetched = client.get(f"/v1/evaluations/{created['id']}").json()
    assert [d["id"] for d in fetched["decisions"]] == [stored["id"]]
    listed = client.get("/v1/evaluations").json()
    assert next(i for i in listed["items"] if i["id"] == created["id"])["decision"] == "accept"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"interventions": ["BESTAAT-NIET"]}, "$.interventions[0]"),
        ({"motivation": ""}, "$.motivation"),
        ({"motivation": "   "}, "$.motivation"),
        ({"decided_by": None}, "$.decided_by"),
        ({"decision": "misschien"}, "$.decision"),
        ({"interventions": []}, "$.interventions"),
        ({"motivatie": "spelfout"}, "$.motivatie"),
    ],
)
def test_decision_validation(
    client: Api, bestuurder: Api, e1: dict[str, Any], change: dict[str, Any], path: str
) -> None:
    created = evaluate(client, e1)
    decision: dict[str, Any] = {
        "decision": "adjust",
        "interventions": [founded(created)],
        "motivation": "Aangepast.",
        "decided_by": "burgemeester",
    }
    for key, value in change.items():
        if value is None:
            decision.pop(key)
        else:
            decision[key] = value
    response = bestuurder.post(f"/v1/evaluations/{created['id']}/decision", json=decision)
    body = assert_problem(response, 422)
    assert path in [e["path"] for e in body["errors"]]
    assert client.get(f"/v1/evaluations/{created['id']}").json()["decisions"] == []


def test_unknown_intervention_named_at_its_position(
    client: Api, bestuurder: Api, e1: dict[str, Any]
) -> None:
    created = evaluate(client, e1)
    known = founded(created)
    decision = {
        "decision": "adjust",
        "interventions": [known, "I99-verzonnen"],
        "motivation": "Aangepast.",
        "decided_by": "burgemeester",
    }
    body = assert_problem(
        bestuurder.post(f"/v1/evaluations/{created['id']}/decision", json=decision), 422
    )
    assert body["errors"] == [
        {
            "path": "$.interventions[1]",
            "message": "interventie 'I99-verzonnen' komt niet voor in dit advies",
            "location": "body",
        }
    ]


def test_reject_needs_no_interventions(client: Api, bestuurder: Api, e1: dict[str, Any]) -> None:
    created = evaluate(client, e1)
    decision = {"decision": "reject", "motivation": "Niet proportioneel.", "decided_by": "bgm"}
    response = bestuurder.post(f"/v1/evaluations/{created['id']}/decision", json=decision)
    assert response.status_code == 201, response.text[:500]


# --- cases ---------------------------------------------------------------------------


def test_demo_cases_are_loaded_once(client: Api, make_client: AppFactory) -> None:
    listed = client.get("/v1/cases").json()
    assert listed["total"] == 3
    assert sorted(i["case_key"] for i in listed["items"]) == ["E1-visser", "E2-meijer", "E3-kevin"]
    # A second start on the same store adds nothing.
    url = client.app.state.afweging.settings.database_url  # type: ignore[attr-defined]
    again = make_client(url)
    assert again.get("/v1/cases").json()["total"] == 3


def test_case_lifecycle(client: Api, e1: dict[str, Any]) -> None:
    e1["case"]["id"] = "E1-kopie"
    created = client.post("/v1/cases", json=e1)
    assert created.status_code == 201, created.text
    record = created.json()
    assert record["case_key"] == "E1-kopie"
    assert record["revision"] == 1
    assert record["created_by"] == "jurist"
    assert created.headers["location"] == f"/v1/cases/{record['id']}"
    assert record["data"]["case"]["id"] == "E1-kopie"

    assert client.get(f"/v1/cases/{record['id']}").json() == record

    e1["case"]["goals"] = ["protect_children"]
    colleague = client.as_("jurist", subject="collega")
    replaced = colleague.put(f"/v1/cases/{record['id']}", json=e1)
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["revision"] == 2
    assert replaced.json()["updated_by"] == "collega"
    assert replaced.json()["data"]["case"]["goals"] == ["protect_children"]

    evaluated = client.post(f"/v1/cases/{record['id']}/evaluations")
    assert evaluated.status_code == 201, evaluated.text
    assert evaluated.json()["case_id"] == "E1-kopie"
    assert evaluated.json()["evaluation"]["case_ref"] == record["id"]
    listed = client.get("/v1/evaluations", params={"case_ref": record["id"]}).json()
    assert [i["id"] for i in listed["items"]] == [evaluated.json()["id"]]


def test_case_keeps_unknown_as_absent(client: Api, e1: dict[str, Any]) -> None:
    e1["case"]["id"] = "E1-onbekend"
    e1["persons"][0].pop("age", None)
    record = client.post("/v1/cases", json=e1).json()
    assert "age" not in record["data"]["persons"][0]


def test_duplicate_case_key_is_409(client: Api, e1: dict[str, Any]) -> None:
    body = assert_problem(client.post("/v1/cases", json=e1), 409)
    assert "E1-visser" in body["detail"]
    other = client.get("/v1/cases").json()["items"][1]
    assert_problem(client.put(f"/v1/cases/{other['id']}", json=e1), 409)


def test_invalid_case_is_422_with_path(client: Api, e1: dict[str, Any]) -> None:
    e1["case"]["id"] = "E1-fout"
    e1["premises"][0]["tenur"] = "owned"
    body = assert_problem(client.post("/v1/cases", json=e1), 422)
    assert body["errors"][0]["path"] == "$.premises[0].tenur"


def test_case_paging(client: Api, e1: dict[str, Any]) -> None:
    for n in range(5):
        e1["case"]["id"] = f"P-{n}"
        assert client.post("/v1/cases", json=e1).status_code == 201
    page = client.get("/v1/cases", params={"limit": 3, "offset": 2}).json()
    assert page["total"] == 8
    assert (page["limit"], page["offset"]) == (3, 2)
    assert [i["case_key"] for i in page["items"]] == ["E3-kevin", "P-0", "P-1"]
    last = client.get("/v1/cases", params={"limit": 3, "offset": 6}).json()
    assert [i["case_key"] for i in last["items"]] == ["P-3", "P-4"]
    assert client.get("/v1/cases", params={"offset": 100}).json()["items"] == []
    assert_problem(client.get("/v1/cases", params={"limit": 0}), 422)
    assert_problem(client.get("/v1/cases", params={"limit": 1000}), 422)
    filtered = client.get("/v1/cases", params={"gemeente": "elders"}).json()
    assert filtered["total"] == 0


# --- catalogue, health, docs ---------------------------------------------------------


def test_interventions_of_a_bundle(client: Api, advisor: Any) -> None:
    import datetime as dt

    response = client.get(
        "/v1/interventions", params={"gemeente": "voorbeeldstad", "peildatum": "2026-03-01"}
    )
    assert response.status_code == 200, response.text[:500]
    body = response.json()
    bundle = advisor.bundle("voorbeeldstad", dt.date(2026, 3, 1))
    assert [i["id"] for i in body["interventions"]] == [i.id for i in bundle.interventions]
    assert body["ruleset"]["sha256"] == bundle.sha256
    assert all(i["ruleset"] for i in body["interventions"])
    national = client.get("/v1/interventions", params={"peildatum": "2026-03-01"}).json()
    assert national["ruleset"]["sha256"] != body["ruleset"]["sha256"]
    assert len(national["interventions"]) <= len(body["interventions"])


def test_rulesets(client: Api, advisor: Any) -> None:
    body = client.get("/v1/rulesets").json()
    assert len(body["rulesets"]) == len(advisor.catalog.files)
    assert "voorbeeldstad" in body["municipalities"]
    for item in body["rulesets"]:
        assert len(item["sha256"]) == 64
        assert item["version"] and item["valid_from"]


def test_healthz(client: Api) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] == "sqlite"


def test_openapi_documents_every_endpoint_with_examples(client: Api) -> None:
    schema = client.get("/openapi.json").json()
    operations = {
        (method.upper(), path) for path, item in schema["paths"].items() for method in item
    }
    expected = {
        ("POST", "/v1/evaluations"),
        ("GET", "/v1/evaluations"),
        ("GET", "/v1/evaluations/{evaluation_id}"),
        ("POST", "/v1/evaluations/{evaluation_id}/replay"),
        ("POST", "/v1/evaluations/{evaluation_id}/decision"),
        ("POST", "/v1/cases"),
        ("GET", "/v1/cases"),
        ("GET", "/v1/cases/{case_id}"),
        ("PUT", "/v1/cases/{case_id}"),
        ("GET", "/v1/interventions"),
        ("GET", "/v1/rulesets"),
        ("GET", "/healthz"),
    }
    assert expected <= operations
    body = schema["paths"]["/v1/evaluations"]["post"]["requestBody"]["content"]
    examples = body["application/json"]["examples"]
    assert set(examples) == set(EXAMPLE_NAMES)
    assert examples["e1-visser"]["value"]["case"]["id"] == "E1-visser"
    for item in schema["paths"].values():
        for operation in item.values():
            for code, response in operation["responses"].items():
                if code[0] in "45":
                    assert list(response["content"]) == [PROBLEM]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/openapi.json" in docs.text


# --- audit ---------------------------------------------------------------------------


def audit(auditor: Api) -> list[dict[str, Any]]:
    response = auditor.get("/v1/audit", params={"limit": 200})
    assert response.status_code == 200, response.text[:300]
    rows: list[dict[str, Any]] = response.json()["items"]
    return rows


def test_every_action_appends_to_the_audit_log(
    client: Api, auditor: Api, e1: dict[str, Any]
) -> None:
    before = audit(auditor)
    assert [r["action"] for r in before] == ["create", "create", "create"]
    assert {r["who"] for r in before} == {"systeem"}

    lawyer = client.as_("jurist", subject="mr. de Vries")
    mayor = client.as_("bestuurder", subject="burgemeester")
    created = lawyer.post("/v1/evaluations", json=e1).json()
    lawyer.get(f"/v1/evaluations/{created['id']}", headers={"X-Reden": "voorbereiding overleg"})
    lawyer.post(f"/v1/evaluations/{created['id']}/replay")
    decision = {"decision": "reject", "motivation": "Niet nodig.", "decided_by": "bgm"}
    made = mayor.post(f"/v1/evaluations/{created['id']}/decision", json=decision).json()
    listed = mayor.get("/v1/cases").json()["items"]
    case_id = listed[0]["id"]
    mayor.get(f"/v1/cases/{case_id}", params={"reden": "besluit voorbereiden"})

    after = audit(auditor)
    assert after[: len(before)] == before, "earlier rows are never changed"
    new = [
        (r["who"], r["action"], r["object_type"], r["object_id"], r["reason"])
        for r in after[len(before) :]
    ]
    assert new == [
        ("mr. de Vries", "evaluate", "evaluation", created["id"], None),
        ("mr. de Vries", "read", "evaluation", created["id"], "voorbereiding overleg"),
        ("mr. de Vries", "replay", "evaluation", created["id"], None),
        ("burgemeester", "decide", "decision", made["id"], None),
        ("burgemeester", "read", "case", None, None),
        ("burgemeester", "read", "case", case_id, "besluit voorbereiden"),
    ]
    evaluated = after[len(before)]
    assert evaluated["detail"]["input_sha256"] == created["evaluation"]["input_sha256"]
    # A list read names what it showed, so the trail says which cases were seen.
    assert after[-2]["detail"]["ids"] == [c["id"] for c in listed]
    ids = [r["id"] for r in after]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_failed_requests_write_nothing(client: Api, auditor: Api, e1: dict[str, Any]) -> None:
    before = auditor.get("/v1/audit").json()["total"]
    e1["persons"][0]["agee"] = 1
    client.post("/v1/evaluations", json=e1)
    client.get("/v1/evaluations/onbekend")
    assert auditor.get("/v1/audit").json()["total"] == before
    assert client.get("/v1/evaluations").json()["total"] == 0
