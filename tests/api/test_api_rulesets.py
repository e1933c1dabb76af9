"""Rules as they were (issue 14, item 2) and impact in the service: each bundle used is
kept, replay and the review use it, a new version loads without a restart in every
worker, and a beleidsmedewerker sees what a proposal does to the municipality's cases
without seeing whose they are."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.app import create_app
from api.store.models import RulesetBundleFileRow, RulesetFileRow
from engine.impact.compare import pseudonym
from tests.api.conftest import EXAMPLES, RULESETS, Api, settings_for
from tests.api.test_api_endpoints import assert_problem, evaluate

LAYER = "gemeenten/voorbeeldstad/voorbeeldstad-openbare-orde-en-preventie_2024-01-01.yaml"
LIMIT_23 = "  jongerenwerk_max_leeftijd:\n    value: 23\n"
LIMIT_18 = "  jongerenwerk_max_leeftijd:\n    value: 18\n"
#: Kevin (E3) is 19: inside the jongerenwerk age limit of 23, outside a limit of 18.
KEVIN = "e3-kevin"


def lower_the_limit(folder: Path) -> None:
    path = folder / LAYER
    text = path.read_text(encoding="utf-8")
    assert text.count(LIMIT_23) == 1, "the test expects the limit of 23 in the layer"
    path.write_text(text.replace(LIMIT_23, LIMIT_18), encoding="utf-8")


def case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


Start = Callable[..., Api]


def without_verification(body: bytes) -> bytes:
    """The served advice up to its ``verification``, which the service adds last."""
    head, found, _ = body.rpartition(b',"verification":')
    assert found
    return head


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled rulesets that the test edits, as a policy officer would."""
    copy = tmp_path / "rulesets"
    shutil.copytree(RULESETS, copy)
    return copy


@pytest.fixture
def start(folder: Path, store_url: str) -> Iterator[Start]:
    """A worker on the copy (its own advisor, as ``afweging serve`` makes it), signed in
    as a jurist; every call is another worker on the same store (SQLite, PostgreSQL)."""
    clients: list[TestClient] = []

    def make(**overrides: Any) -> Api:
        settings = settings_for(
            store_url, rulesets_dir=folder, rulesets_check_seconds=0, **overrides
        )
        client = TestClient(create_app(settings))
        client.__enter__()
        clients.append(client)
        return Api(client, "jurist")

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_a_replay_after_a_ruleset_change_reproduces_the_stored_advice_byte_for_byte(
    start: Start, folder: Path
) -> None:
    jurist = start()
    before = evaluate(jurist, case(KEVIN))
    ident = before["id"]
    full_before = jurist.get(f"/v1/evaluations/{ident}", params={"detail": "full"}).content
    memo_before = jurist.get(f"/v1/evaluations/{ident}", headers={"Accept": "text/markdown"}).text

    lower_the_limit(folder)
    loaded = jurist.as_("beleidsmedewerker").post("/v1/rulesets/reload")
    assert loaded.status_code == 200, loaded.text
    assert loaded.json()["changed"] is True
    assert loaded.json()["changed_files"] == [str(folder / LAYER)]

    after = evaluate(jurist, case(KEVIN))
    assert after["ruleset"]["sha256"] != before["ruleset"]["sha256"]
    assert after["interventions"] != before["interventions"], "the new rules apply to new advice"

    replay = jurist.post(f"/v1/evaluations/{ident}/replay").json()
    assert replay["identical"] is True, replay["differences"]
    assert replay["ruleset_changed"] is True
    assert "bewaarde rulesets" in replay["message"]
    again = jurist.get(f"/v1/evaluations/{ident}", params={"detail": "full"})
    assert again.status_code == 200
    # Byte for byte, up to durable-rules' reading, which may have finished meanwhile.
    assert without_verification(again.content) == without_verification(full_before)
    memo = jurist.get(f"/v1/evaluations/{ident}", headers={"Accept": "text/markdown"}).text
    assert memo == memo_before
    page = jurist.get(f"/beoordelingen/{ident}")
    assert page.status_code == 200 and "niet exact" not in page.text
    assert f'href="/v1/rulesets/{before["ruleset"]["sha256"]}"' in page.text


def test_the_bundle_of_an_evaluation_is_served_with_its_exact_files(start: Start) -> None:
    jurist = start()
    advice = evaluate(jurist, case("e1-visser"))
    sha = advice["ruleset"]["sha256"]
    for role in ("jurist", "bestuurder", "beleidsmedewerker", "auditor"):
        served = jurist.as_(role).get(f"/v1/rulesets/{sha}")
        assert served.status_code == 200, (role, served.text[:200])
    body = served.json()
    assert body["sha256"] == sha and body["kind"] == "bundle"
    files = {f["path"]: f for f in body["files"]}
    assert set(files) == {f["path"] for f in advice["evaluation"]["rulesets"]}
    for path, item in files.items():
        on_disk = Path(path).read_bytes()
        assert item["content"].encode("utf-8") == on_disk
        assert item["sha256"] == hashlib.sha256(on_disk).hexdigest() and item["size"] == len(
            on_disk
        )
    unknown = jurist.get("/v1/rulesets/" + "0" * 64)
    assert "0" * 64 in assert_problem(unknown, 404)["detail"]
    assert_problem(jurist.get("/v1/rulesets/niet-een-sha"), 422)


def test_identical_files_are_stored_once(start: Start) -> None:
    jurist = start()
    evaluate(jurist, case("e1-visser"))
    # National rules only: another bundle, with the same national files.
    evaluate(jurist, case("e1-visser"), gemeente="landelijk")
    store = jurist.app.state.afweging.store
    with store.engine.connect() as connection:
        files = connection.scalar(select(func.count()).select_from(RulesetFileRow))
        uses = connection.scalar(select(func.count()).select_from(RulesetBundleFileRow))
        distinct = connection.scalar(
            select(func.count(func.distinct(RulesetBundleFileRow.file_sha256)))
        )
    assert files == distinct < uses


def test_a_reload_reaches_every_worker_and_is_in_the_audit_trail(
    start: Start, folder: Path
) -> None:
    first = start()
    second = start()
    old = evaluate(second, case(KEVIN))["ruleset"]["sha256"]
    lower_the_limit(folder)
    loaded = first.as_("beleidsmedewerker", subject="bm-1").post("/v1/rulesets/reload").json()
    new = evaluate(second, case(KEVIN))["ruleset"]["sha256"]
    assert new != old, "the other worker evaluates with the new rules, without a restart"
    trail = first.as_("auditor").get("/v1/audit", params={"action": "update"}).json()["items"]
    load = next(i for i in trail if i["object_type"] == "rulesets")
    assert load["who"] == "bm-1" and load["object_id"] == loaded["sha256"]
    assert load["detail"]["previous_sha256"] == loaded["previous_sha256"]
    assert load["detail"]["changed_files"] == [str(folder / LAYER)]
    assert second.get("/v1/rulesets").json()["sha256"] == loaded["sha256"]
    folder_version = first.get(f"/v1/rulesets/{loaded['sha256']}").json()
    assert folder_version["kind"] == "folder" and folder_version["in_force"] is True


def test_invalid_rulesets_are_refused_and_the_old_ones_stay(start: Start, folder: Path) -> None:
    jurist = start()
    before = evaluate(jurist, case(KEVIN))["ruleset"]["sha256"]
    path = folder / LAYER
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("interventions:", "interventons:", 1), encoding="utf-8")
    refused = jurist.as_("beleidsmedewerker").post("/v1/rulesets/reload")
    body = assert_problem(refused, 422)
    assert body["type"].endswith("ongeldige-rulesets")
    first = body["errors"][0]
    line = text.splitlines().index("interventions:") + 1
    assert first["path"].startswith(f"{path}:{line}:"), first
    assert "interventons" in first["message"]
    assert "vorige gelden nog" in body["detail"]
    assert evaluate(jurist, case(KEVIN))["ruleset"]["sha256"] == before
    assert jurist.as_("jurist").post("/v1/rulesets/reload").status_code == 403


def proposal_files(folder: Path) -> list[dict[str, str]]:
    return [
        {"path": str(p.relative_to(folder)), "content": p.read_text(encoding="utf-8")}
        for p in sorted(folder.rglob("*.yaml"))
    ]


def test_impact_of_a_proposal_on_the_stored_cases_is_pseudonymised(
    start: Start, folder: Path
) -> None:
    officer = start().as_("beleidsmedewerker")
    lower_the_limit(folder)
    response = officer.post("/v1/impact", json={"files": proposal_files(folder)})
    assert response.status_code == 200, response.text[:500]
    report = response.json()
    assert report["cases"] == 3  # the demo cases E1-E3 of voorbeeldstad
    assert len(report["changed_cases"]) == 1
    kevin = report["changed_cases"][0]
    assert kevin.startswith("casus-") and kevin != pseudonym("E3-kevin")
    touched = {c["case"] for itv in report["interventions"] for c in itv["changes"]}
    assert touched == {kevin}
    html = officer.post(
        "/v1/impact", json={"files": proposal_files(folder)}, headers={"Accept": "text/html"}
    )
    assert html.headers["content-type"].startswith("text/html")
    assert kevin in html.text
    names = {
        p.get("alias") for name in ("e1-visser", "e2-meijer", KEVIN) for p in case(name)["persons"]
    }
    ids = {case(name)["case"]["id"] for name in ("e1-visser", "e2-meijer", KEVIN)}
    for shown in (response.text, html.text):
        for secret in (names - {None}) | ids | {"Visser", "Meijer"}:
            assert str(secret) not in shown, secret
    # The uploaded proposal is kept: the same run by its sha256 gives the same report.
    proposal_sha = report["proposal"].removeprefix("voorstel ")
    by_sha = officer.post("/v1/impact", json={"proposal": proposal_sha}).json()
    assert by_sha["changed_cases"] == report["changed_cases"]
    assert by_sha["interventions"] == report["interventions"]
    trail = officer.as_("auditor").get("/v1/audit").json()["items"]
    runs = [i for i in trail if i["object_type"] == "impact"]
    assert len(runs) == 3 and runs[0]["detail"]["changed_cases"] == 1


def test_impact_by_stored_sha_and_its_bounds(start: Start, folder: Path) -> None:
    officer = start().as_("beleidsmedewerker")
    lower_the_limit(folder)
    loaded = officer.post("/v1/rulesets/reload").json()
    same = officer.post("/v1/impact", json={"proposal": loaded["sha256"]}).json()
    assert same["changed_cases"] == [], "the rules in force against themselves: no change"
    markdown = officer.post(
        "/v1/impact",
        json={"proposal": loaded["sha256"]},
        headers={"Accept": "text/html;q=0, text/markdown;q=0.5, application/json;q=0.4"},
    )
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# Impact van een wijziging in de rulesets")
    back = officer.post(
        "/v1/impact", json={"basis": loaded["sha256"], "proposal": loaded["previous_sha256"]}
    ).json()
    assert len(back["changed_cases"]) == 1
    garbled = assert_problem(officer.post("/v1/impact", json={"proposal": "abc"}), 422)
    assert garbled["errors"][0] == {
        "path": "$.proposal",
        "message": "'abc' heeft niet de vereiste vorm: een sha256: 64 tekens 0-9 en a-f",
        "location": "body",
    }
    missing = officer.post("/v1/impact", json={"proposal": "0" * 64})
    assert_problem(missing, 404)
    both = officer.post("/v1/impact", json={"proposal": loaded["sha256"], "files": []})
    assert assert_problem(both, 422)["errors"][0]["path"] == "$.proposal"
    broken = proposal_files(folder)
    broken[0]["content"] = broken[0]["content"].replace("id:", "idd:", 1)
    refused = assert_problem(officer.post("/v1/impact", json={"files": broken}), 422)
    assert refused["errors"][0]["path"].startswith(broken[0]["path"] + ":")
    escape = officer.post("/v1/impact", json={"files": [{"path": "../x.yaml", "content": "a"}]})
    assert assert_problem(escape, 422)["errors"][0]["path"] == "$.files[0].path"


def test_impact_is_bounded_in_cases_and_time(start: Start) -> None:
    few = start(impact_max_cases=2).as_("beleidsmedewerker")
    in_force = few.app.state.afweging.service.rules.sha256
    too_many = assert_problem(few.post("/v1/impact", json={"proposal": in_force}), 413)
    assert "AFWEGING_IMPACT_MAX_CASES" in too_many["detail"]
    slow = start(impact_deadline_seconds=0.0).as_("beleidsmedewerker")
    stopped = assert_problem(slow.post("/v1/impact", json={"proposal": in_force}), 503)
    assert "AFWEGING_IMPACT_DEADLINE_SECONDS" in stopped["detail"]


def test_a_version_is_kept_once_with_its_exact_bytes_on_either_database(store_url: str) -> None:
    from api.store import Store
    from api.store.bundles import BundleStore
    from api.store.repository import Actor

    store = Store.open(store_url)
    store.migrate()
    bundles = BundleStore(store)
    files = {"a/wet.yaml": b"id: x\r\nversion: '1'\r\n", "a/beleid.yaml": b"id: y\n"}
    bundles.put("1" * 64, "bundle", files, "systeem")
    bundles.put("1" * 64, "bundle", {"a/anders.yaml": b"z"}, "systeem")  # written once
    bundles.put("2" * 64, "bundle", {"b/wet.yaml": files["a/wet.yaml"]}, "systeem")
    kept = bundles.get("1" * 64)
    assert kept is not None and kept.files == files
    assert bundles.get("3" * 64) is None
    assert bundles.in_force() is None
    officer = Actor("bm", "voorbeeldstad")
    bundles.load("4" * 64, files, officer, {"how": "herladen"})
    bundles.load("5" * 64, {"c.yaml": b"c"}, officer, {"how": "herladen"})
    in_force = bundles.in_force()
    assert in_force is not None and (in_force.sha256, in_force.loaded_by) == ("5" * 64, "bm")
    with store.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(RulesetFileRow)) == 3
    trail, total = store.audit_entries(officer, 10, 0, action="update")
    assert total == 2 and [t.object_id for t in trail] == ["4" * 64, "5" * 64]
    store.dispose()


def test_an_evaluation_from_before_bundles_were_kept_says_its_rules_are_gone(
    start: Start, folder: Path
) -> None:
    from sqlalchemy import delete

    from api.store.models import RulesetBundleRow

    jurist = start()
    made = evaluate(jurist, case(KEVIN))
    store = jurist.app.state.afweging.store
    with store.engine.begin() as connection:  # as a database migrated from before 0004 has it
        sha = made["ruleset"]["sha256"]
        connection.execute(
            delete(RulesetBundleFileRow).where(RulesetBundleFileRow.bundle_sha256 == sha)
        )
        connection.execute(delete(RulesetBundleRow).where(RulesetBundleRow.sha256 == sha))
    lower_the_limit(folder)
    assert jurist.as_("beleidsmedewerker").post("/v1/rulesets/reload").status_code == 200
    full = jurist.get(f"/v1/evaluations/{made['id']}", params={"detail": "full"})
    assert "niet exact" in assert_problem(full, 409)["detail"]
    replay = jurist.post(f"/v1/evaluations/{made['id']}/replay").json()
    assert replay["identical"] is False and "niet bewaard" in replay["message"]
    assert "niet exact" in jurist.get(f"/beoordelingen/{made['id']}").text
