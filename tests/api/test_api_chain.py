"""Tamper evidence, the service's own database role, row-level security and retention.

Tampering is done the way someone with the database in hand would: as the owner or
superuser, directly in SQL, with the guards out of the way (SQLite: the trigger dropped;
PostgreSQL: ``session_replication_role = replica``). ``afweging audit verify`` must name
each change; after a lawful erasure it must still say the trail is in order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import threading
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

import api.store.repository as repository
from api.store import Store
from api.store.chain import COLUMNS, canonical, content_hash, link_hash
from api.store.db import alembic_config, connect
from api.store.models import AnonymisedOutcomeRow, CaseRow
from api.store.repository import Actor, NewCase, NewDecision
from api.store.roles import UnsafeRole
from engine.cli import app as cli
from tests.api.conftest import ROOT, AppFactory, adjusted, stored_evaluation

JURIST = Actor("jurist", "voorbeeldstad")
OTHER = Actor("jurist-elders", "andersdorp")


def new_case(key: str, municipality: str = "voorbeeldstad") -> NewCase:
    return NewCase(case_key=key, municipality=municipality, data={"case": {"id": key}})


def fill(store: Store, key: str = "K1", actor: Actor = JURIST) -> dict[str, str]:
    """A case, two evaluations, a decision, a replaced decision and reads: ids by role."""
    case = store.create_case(new_case(key, actor.municipality.capitalize()), actor)
    first = store.add_evaluation(stored_evaluation(key, case.id), actor)
    second = store.add_evaluation(stored_evaluation(key, case.id), actor)
    decided = store.add_decision(first.id, NewDecision("accept", ["I01"], "Eerst.", "bgm"), actor)
    assert decided is not None
    store.add_decision(
        first.id, NewDecision("reject", [], "Toch niet.", "bgm", withdraws=decided.id), actor
    )
    store.get_case(case.id, actor)
    store.get_evaluation(second.id, actor)
    return {"case": case.id, "evaluation": first.id, "other": second.id, "decision": decided.id}


def audit_verify(url: str, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["audit", "verify", "--database", url, *extra])


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store.open(store_url)
    opened.migrate()
    yield opened
    opened.dispose()


def tamper(store: Store, *statements: str, drop: tuple[str, ...] = ()) -> None:
    """Run ``statements`` as the owner with the guards switched off, as an intruder would."""
    with store.engine.begin() as connection:
        if store.dialect == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            for trigger in drop:
                connection.execute(text(f"DROP TRIGGER {trigger}"))
        for statement in statements:
            connection.execute(text(statement))


def test_normal_use_verifies_and_prints_the_head(store: Store, store_url: str) -> None:
    fill(store)
    fill(store, "K2", OTHER)
    result = audit_verify(store_url)
    assert result.exit_code == 0, result.output
    assert "auditketen in orde" in result.output
    assert "4 beoordelingen, 4 besluiten" in result.output
    head = next(line for line in result.output.splitlines() if line.startswith("kop: "))
    assert audit_verify(store_url, "--kop", head.removeprefix("kop: ")).exit_code == 0


class _Kind(enum.IntEnum):
    one = 1


class _Name(str):
    __slots__ = ()


def test_rows_hashed_by_earlier_releases_keep_their_content_hash() -> None:
    """A link holds its row's content hash, so however that hash is computed, a stored
    row's values must give the same digest as when it was linked (these were made by the
    release before the hash was written member by member)."""
    evaluation = {
        **{name: None for name in COLUMNS["evaluation"]},
        "id": "e-1",
        "case_key": _Name("K\u00e9"),
        "reference_date": dt.date(2026, 3, 1),
        "input_json": '{"naam":"Jos\u00e9 \\"J\\"","x":[1,2]}',
        "advice": b"\x00\x01zlib",
        "rulesets": [
            {"n": (1, 2.5, -0.0, float("nan")), 3: "drie", "kind": _Kind.one, "valid_to": None}
        ],
        "created_at": dt.datetime(2026, 3, 1, 12, 0, 1, 5),
        "tenant": "voorbeeldstad",
    }
    audit = {
        "id": 7,
        "at": dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        "who": "j",
        "action": "evaluate",
        "object_type": "evaluation",
        "object_id": "e-1",
        "detail": {"b": [1, {"z": True, "a": None}], "a": 1.0},
        "municipality": "v",
        "reason": "\u00fc",
    }
    before = "b4d30b9b64ae9780f6b7960b8ac69844d227de51e15005dae18d6ac44d79ff86"
    assert content_hash("evaluation", evaluation) == before
    given = {"rulesets": canonical(evaluation["rulesets"])}
    assert content_hash("evaluation", evaluation, given) == before
    assert content_hash("audit", audit) == (
        "45873dc168ad078bb0867fbf1c5adad0486d3d9cec017f23b35a04a30710a982"
    )


def test_evaluations_made_by_the_service_verify(
    make_client: AppFactory, store_url: str, example_cases: dict[str, Any]
) -> None:
    client = make_client(store_url)
    for case in example_cases.values():
        created = client.post("/v1/evaluations", json=case)
        assert created.status_code == 201, created.text[:500]
    national = client.post("/v1/evaluations?gemeente=landelijk", json=example_cases["e1-visser"])
    assert national.status_code == 201, national.text[:500]
    result = audit_verify(store_url)
    assert result.exit_code == 0, result.output
    assert "4 beoordelingen" in result.output


def test_writers_of_two_instances_keep_one_chain(store_url: str) -> None:
    """Two stores (as two service instances) with four threads each write at once; the
    chain comes out as one unbroken sequence holding every row."""
    instances = [Store.open(store_url) for _ in range(2)]
    instances[0].migrate()
    failures: list[BaseException] = []

    def write(store: Store, n: int) -> None:
        try:
            for i in range(3):
                fill(store, f"T{n}-{i}")
        except BaseException as exc:  # reported below, with the thread's own error
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(instances[n % 2], n)) for n in range(8)]
    for thread in threads:
        thread.start()
    # Verifying while they write finds nothing wrong: verify reads one snapshot.
    during = []
    while any(thread.is_alive() for thread in threads):
        during.append(audit_verify(store_url))
    for thread in threads:
        thread.join()
    assert failures == []
    assert during and all(r.exit_code == 0 for r in during), [r.output for r in during]
    result = audit_verify(store_url)
    assert result.exit_code == 0, result.output
    # 24 cases: 48 evaluations, 48 decisions, 7 audit entries each = 264 links.
    assert "auditketen in orde: 264 schakels (48 beoordelingen, 48 besluiten" in result.output
    for store in instances:
        store.dispose()


def test_rows_stored_before_the_chain_are_linked_on_upgrade(store_url: str) -> None:
    engine = connect(store_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
        for statement in (
            "INSERT INTO evaluations (id, case_key, reference_date, input_json, input_sha256,"
            " advice, advice_sha256, ruleset_id, ruleset_version, ruleset_sha256, rulesets,"
            " engine_version, created_at, created_by, tenant) VALUES ('oud', 'E1',"
            " '2026-03-01', '{}', 'a', NULL, 'b', 'r', 'v', 'c', '[]', '0.1.0',"
            " '2026-03-01 10:00:00+00:00', 'jurist', 'voorbeeldstad')",
            "INSERT INTO decisions (id, evaluation_id, decision, interventions, motivation,"
            " decided_by, recorded_by, created_at) VALUES ('besluit', 'oud', 'reject', '[]',"
            " 'Nee.', 'bgm', 'bgm', '2026-03-02 10:00:00+00:00')",
            "INSERT INTO audit_log (at, who, action, object_type, object_id, detail,"
            " municipality) VALUES ('2026-03-01 10:00:00+00:00', 'jurist', 'evaluate',"
            " 'evaluation', 'oud', '{\"case_key\": \"E1\"}', 'voorbeeldstad')",
        ):
            connection.execute(text(statement))
    engine.dispose()
    store = Store.open(store_url)
    store.migrate()
    fill(store)
    result = audit_verify(store_url)
    assert result.exit_code == 0, result.output
    assert "3 beoordelingen, 3 besluiten, 8 auditregels" in result.output
    tamper(
        store,
        "UPDATE decisions SET motivation = 'Ja.' WHERE id = 'besluit'",
        drop=("decisions_no_update",),
    )
    changed = audit_verify(store_url)
    assert changed.exit_code == 1
    # Linked oldest first: the evaluation and its audit entry of 1 March, then the decision.
    assert "besluit besluit (schakel 3) is gewijzigd" in changed.output
    store.dispose()


def test_a_changed_evaluation_is_found(store: Store, store_url: str) -> None:
    ids = fill(store)
    tamper(
        store,
        f"UPDATE evaluations SET input_json = '{{}}' WHERE id = '{ids['evaluation']}'",
        drop=("evaluations_no_update",),
    )
    result = audit_verify(store_url)
    assert result.exit_code == 1
    assert f"beoordeling {ids['evaluation']}" in result.output
    assert "is gewijzigd: de inhoud past niet bij de keten" in result.output
    assert "auditketen NIET in orde" in result.output


def test_a_removed_decision_is_found(store: Store, store_url: str) -> None:
    ids = fill(store)
    tamper(
        store,
        f"DELETE FROM decisions WHERE withdraws = '{ids['decision']}'",
        drop=("decisions_erase_only",),
    )
    result = audit_verify(store_url)
    assert result.exit_code == 1
    assert "besluit " in result.output
    assert "is verwijderd zonder grafsteen in het auditlog" in result.output


def test_a_changed_audit_entry_and_case_are_found(store: Store, store_url: str) -> None:
    ids = fill(store)
    tamper(
        store,
        "UPDATE audit_log SET who = 'iemand anders' WHERE action = 'read'",
        f"UPDATE cases SET data = '{{}}' WHERE id = '{ids['case']}'",
        drop=("audit_log_no_update",),
    )
    result = audit_verify(store_url)
    assert result.exit_code == 1
    assert "auditregel" in result.output and "is gewijzigd" in result.output
    assert f"casus {ids['case']} is buiten de dienst om gewijzigd" in result.output


def test_a_row_added_in_sql_is_found(store: Store, store_url: str) -> None:
    fill(store)
    tamper(
        store,
        "INSERT INTO audit_log (at, who, action, object_type, object_id, municipality) "
        "VALUES ('2026-11-23 10:00:00+00:00', 'x', 'read', 'case', 'y', 'voorbeeldstad')",
    )
    result = audit_verify(store_url)
    assert result.exit_code == 1
    assert "staat niet in de keten: buiten de dienst om toegevoegd" in result.output


def _head(connection: Connection) -> tuple[int, str]:
    row = connection.execute(
        text("SELECT seq, chain_hash FROM chain ORDER BY seq DESC LIMIT 1")
    ).one()
    return int(row[0]), str(row[1])


def test_a_row_linked_in_out_of_order_is_found(store: Store, store_url: str) -> None:
    """Someone adds an audit entry and a well-formed link, but hangs it behind an older link
    than the head (as if it had happened earlier); the chain shows it."""
    fill(store)
    with store.engine.begin() as connection:
        seq, _ = _head(connection)
        earlier = connection.execute(
            text("SELECT chain_hash FROM chain WHERE seq = :s"), {"s": seq - 3}
        ).scalar_one()
        stamp = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
        values = {
            "id": 999_999,
            "at": stamp,
            "who": "x",
            "action": "read",
            "object_type": "case",
            "object_id": None,
            "detail": None,
            "municipality": "voorbeeldstad",
            "reason": None,
        }
        connection.execute(
            text(
                "INSERT INTO audit_log (id, at, who, action, object_type, municipality) "
                "VALUES (:id, :at, :who, :action, :object_type, :municipality)"
            ),
            values,
        )
        content = content_hash("audit", values)
        connection.execute(
            text(
                "INSERT INTO chain VALUES (:seq, 'audit', '999999', :content, :previous, "
                ":chained, 1)"
            ),
            {
                "seq": seq + 1,
                "content": content,
                "previous": earlier,
                "chained": link_hash(seq + 1, "audit", "999999", content, earlier),
            },
        )
    result = audit_verify(store_url)
    assert result.exit_code == 1
    assert f"schakel {seq + 1} volgt niet op de schakel ervoor" in result.output


def test_a_removed_link_and_a_rewritten_chain_are_found(store: Store, store_url: str) -> None:
    fill(store)
    with store.engine.connect() as connection:
        seq, chained = _head(connection)
    tamper(store, "DELETE FROM chain WHERE seq = 2", drop=("chain_no_delete",))
    result = audit_verify(store_url, "--kop", f"{seq}:{'0' * 64}")
    assert result.exit_code == 1
    assert "schakel 2 ontbreekt: uit de keten verwijderd" in result.output
    assert f"schakel {seq} heeft niet de vastgelegde hash" in result.output
    assert chained != "0" * 64


def test_a_dropped_trigger_is_reported(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    store.migrate()
    fill(store)
    tamper(store, drop=("evaluations_erase_only",))
    result = audit_verify(sqlite_url)
    assert result.exit_code == 1
    assert "trigger evaluations_erase_only is weg" in result.output
    store.dispose()


def test_the_database_refuses_changes_and_deletes_without_tombstone(store: Store) -> None:
    ids = fill(store)
    for statement in (
        f"UPDATE evaluations SET created_by = 'x' WHERE id = '{ids['evaluation']}'",
        f"DELETE FROM decisions WHERE id = '{ids['decision']}'",
        f"DELETE FROM evaluations WHERE id = '{ids['other']}'",
        "UPDATE chain SET object_id = 'x' WHERE seq = 1",
        "DELETE FROM chain",
    ):
        with pytest.raises(DBAPIError, match="alleen aan te vullen"), store.engine.begin() as c:
            c.execute(text(statement))


def test_an_anonymised_case_keeps_what_was_concluded_and_nothing_of_the_case(
    store: Store, store_url: str
) -> None:
    ids = fill(store)
    summary = (ROOT / "examples" / "e1-visser.summary.json").read_bytes()
    advised = dataclasses.replace(
        stored_evaluation("K1", ids["case"]), advice=zlib.compress(summary)
    )
    store.add_evaluation(advised, JURIST)
    officer = Actor("functionaris", "voorbeeldstad", "AVG 2026-17")
    assert store.erase_case(ids["case"], officer, "verzoek", anonymise=True) == 3
    assert store.get_case(ids["case"], JURIST) is None
    with store.engine.connect() as connection:
        rows = connection.execute(select(AnonymisedOutcomeRow.__table__)).all()
    assert len(rows) == 3 and {(r.municipality, r.year) for r in rows} == {("voorbeeldstad", 2026)}
    expected = json.loads(summary)
    concluded = next(r.outcome for r in rows if r.outcome["legal_basis"])
    assert concluded["legal_basis"] == {
        i["id"]: i["legal_basis"]["status"] for i in expected["interventions"]
    }
    assert concluded["first_combination"] == expected["combinations"][0]["interventions"]
    # The decision in force: the rejection that withdrew the acceptance.
    assert [r.outcome["decisions"] for r in rows if r.outcome["decisions"]] == [
        [{"decision": "reject", "interventions": []}]
    ]
    kept = json.dumps([list(r) for r in rows], default=str)
    for trace in ("K1", ids["case"], ids["evaluation"], expected["case_id"], "2026-"):
        assert trace not in kept
    result = audit_verify(store_url)
    assert result.exit_code == 0, result.output


def test_a_lawful_erasure_keeps_the_chain_sound(store: Store, store_url: str) -> None:
    ids = fill(store)
    kept = fill(store, "K2")
    assert store.erase_case(ids["case"], Actor("functionaris", "voorbeeldstad", "AVG"), "verzoek")
    assert store.get_case(ids["case"], JURIST) is None
    assert store.find_evaluation(ids["evaluation"], "voorbeeldstad") is None
    result = audit_verify(store_url)
    assert result.exit_code == 0, result.output
    # 2 evaluations and 2 decisions went, each with its tombstone.
    assert "4 rechtmatig gewist" in result.output
    entries, _ = store.audit_entries(Actor("auditor", "voorbeeldstad"), 200, 0, action="erase")
    assert {(e.object_type, e.who) for e in entries} == {
        ("case", "functionaris"),
        ("evaluation", "functionaris"),
        ("decision", "functionaris"),
    }
    assert all(e.reason == "AVG" and e.detail and e.detail["content_sha256"] for e in entries)
    # An erasure does not cover for an unlawful one next to it.
    tamper(
        store,
        f"DELETE FROM verifications WHERE evaluation_id = '{kept['other']}'",
        f"DELETE FROM evaluations WHERE id = '{kept['other']}'",
        drop=("evaluations_erase_only",),
    )
    result = audit_verify(store_url)
    assert result.exit_code == 1
    assert f"beoordeling {kept['other']}" in result.output
    assert result.output.count("zonder grafsteen") == 1


def test_another_municipality_cannot_erase_a_case(store: Store) -> None:
    ids = fill(store)
    assert store.erase_case(ids["case"], OTHER, "verzoek") is None
    assert store.get_case(ids["case"], JURIST) is not None


def test_erasure_command_names_who_and_why(store: Store, store_url: str) -> None:
    ids = fill(store)
    args = ["casus", "wissen", ids["case"], "--gemeente", "Voorbeeldstad"]
    args += ["--door", "privacyfunctionaris", "--reden", "verzoek om wissing", "--database"]
    result = CliRunner().invoke(cli, [*args, store_url])
    assert result.exit_code == 0, result.output
    assert "gewist met 2 beoordeling(en)" in result.output
    again = CliRunner().invoke(cli, [*args, store_url])
    assert again.exit_code == 1
    assert "onbekend bij gemeente voorbeeldstad" in again.output


def test_retention_erases_what_outlived_its_term(
    store: Store, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_ago = dt.datetime(2019, 5, 1, tzinfo=dt.UTC)
    monkeypatch.setattr(repository, "now", lambda: long_ago)
    old = fill(store, "OUD")
    loose = store.add_evaluation(stored_evaluation("LOS", None), JURIST)
    fill(store, "ELDERS", OTHER)
    monkeypatch.undo()
    recent = fill(store, "NIEUW")
    env = {"AFWEGING_BEWAARTERMIJN": "voorbeeldstad=5j,andersdorp=10j"}
    runner = CliRunner()
    trial = runner.invoke(
        cli, ["bewaartermijn", "toepassen", "--proef", "--database", store_url], env=env
    )
    assert trial.exit_code == 0, trial.output
    assert "voorbeeldstad (bewaartermijn 5 jaar" in trial.output
    assert "zou 1 casus(sen) en 1 losse beoordeling(en) wissen" in trial.output
    assert store.get_case(old["case"], JURIST) is not None
    applied = runner.invoke(cli, ["bewaartermijn", "toepassen", "--database", store_url], env=env)
    assert applied.exit_code == 0, applied.output
    assert "1 casus(sen) en 3 beoordeling(en) gewist" in applied.output
    assert "andersdorp (bewaartermijn 10 jaar" in applied.output
    assert store.get_case(old["case"], JURIST) is None
    assert store.find_evaluation(loose.id, "voorbeeldstad") is None
    assert store.get_case(recent["case"], JURIST) is not None
    with store.engine.connect() as connection:
        assert connection.scalar(select(CaseRow.id).where(CaseRow.case_key == "ELDERS"))
    verified = audit_verify(store_url)
    assert verified.exit_code == 0, verified.output
    assert "5 rechtmatig gewist" in verified.output


def test_verify_without_a_store_says_so(tmp_path: Any) -> None:
    missing = audit_verify(f"sqlite:///{tmp_path / 'nergens.db'}")
    assert missing.exit_code == 2
    assert "nergens.db bestaat niet" in missing.output
    assert not (tmp_path / "nergens.db").exists()
    empty = tmp_path / "leeg.db"
    create_engine(f"sqlite:///{empty}").connect().close()
    unmigrated = audit_verify(f"sqlite:///{empty}")
    assert unmigrated.exit_code == 2
    assert "geen hashketen" in unmigrated.output


def test_retention_without_a_term_says_so(store_url: str) -> None:
    result = CliRunner().invoke(
        cli,
        ["bewaartermijn", "toepassen", "--database", store_url],
        env={"AFWEGING_BEWAARTERMIJN": ""},
    )
    assert result.exit_code == 2
    assert "geen bewaartermijn ingesteld" in result.output
    bad = CliRunner().invoke(
        cli,
        ["bewaartermijn", "toepassen", "--database", store_url],
        env={"AFWEGING_BEWAARTERMIJN": "voorbeeldstad=vijf jaar"},
    )
    assert bad.exit_code == 2
    assert "'voorbeeldstad=vijf jaar' is geen 'gemeente=termijn'" in bad.output


# --- PostgreSQL: the service's own role -------------------------------------------------


@pytest.mark.postgres
def test_the_service_runs_under_a_role_that_owns_nothing(
    make_client: AppFactory,
    postgres_url: str,
    service_url: str,
    example_cases: dict[str, Any],
) -> None:
    client = make_client(service_url, migration_database_url=postgres_url)
    bestuurder = client.as_("bestuurder")
    created = client.post("/v1/evaluations", json=example_cases["e2-meijer"])
    assert created.status_code == 201, created.text[:500]
    body = created.json()
    made = bestuurder.post(f"/v1/evaluations/{body['id']}/decision", json=adjusted(body))
    assert made.status_code == 201, made.text[:500]
    assert client.as_("auditor").get("/v1/audit").json()["total"] == 5
    assert client.as_("jurist", "andersdorp").get("/v1/cases").json()["total"] == 0
    result = audit_verify(postgres_url)
    assert result.exit_code == 0, result.output
    partial = audit_verify(service_url)
    assert partial.exit_code == 2
    assert "controleer als eigenaar" in partial.output

    service = create_engine(service_url)
    with service.connect() as connection:
        role = connection.scalar(text("SELECT current_user"))
        assert role == make_url(service_url).username
    for statement in (
        "UPDATE evaluations SET created_by = 'x'",
        "DELETE FROM evaluations",
        "DELETE FROM decisions",
        "UPDATE audit_log SET who = 'x'",
        "DELETE FROM audit_log",
        "DELETE FROM chain",
        "TRUNCATE audit_log",
        "DROP TRIGGER audit_log_no_change ON audit_log",
        "ALTER TABLE evaluations DISABLE TRIGGER ALL",
        "ALTER TABLE cases DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE audit_log ADD COLUMN x int",
        "DROP TABLE chain",
        "SET session_replication_role = replica",
        "CREATE TABLE intruder (x int)",
    ):
        with pytest.raises(DBAPIError) as refused, service.begin() as connection:
            connection.execute(text(statement))
        assert "permission denied" in str(refused.value) or "must be owner" in str(refused.value), (
            statement
        )
    service.dispose()


@pytest.mark.postgres
def test_row_level_security_holds_without_the_query_filter(
    postgres_url: str, service_url: str
) -> None:
    store = Store.open(service_url)
    store.migrate(owner_url=postgres_url)
    home = fill(store)
    elsewhere = fill(store, "K2", OTHER)
    # The repository's own transaction, but a query that forgets the municipality.
    with store._tx("voorbeeldstad") as session:
        cases = session.scalars(select(CaseRow.id)).all()
        tables = {
            name: session.scalar(text(f"SELECT count(*) FROM {name}"))
            for name in ("evaluations", "decisions", "verifications", "audit_log")
        }
    assert cases == [home["case"]]
    assert tables["evaluations"] == 2 and tables["decisions"] == 2
    # create, evaluate twice, decide twice, read twice: only voorbeeldstad's trail.
    assert tables["audit_log"] == 7
    with store._tx(None) as session:
        assert session.scalar(text("SELECT count(*) FROM cases")) == 0
    # Writing a row for another municipality is refused as well.
    with pytest.raises(DBAPIError, match="row-level security"), store._tx("voorbeeldstad") as s:
        s.execute(
            text(
                "INSERT INTO evaluations (id, case_key, reference_date, input_json, input_sha256,"
                " advice_sha256, ruleset_id, ruleset_version, ruleset_sha256, rulesets,"
                " engine_version, created_at, created_by, tenant) VALUES ('x', 'k', '2026-01-01',"
                " '{}', 'a', 'b', 'r', 'v', 'c', '[]', 'e', now(), 'x', 'andersdorp')"
            )
        )
    assert store.get_case(elsewhere["case"], JURIST) is None
    # A key is unique within a municipality: the other may use it, and sees only its own.
    theirs = store.create_case(new_case("K1", "Andersdorp"), OTHER)
    assert store.get_case(theirs.id, JURIST) is None
    store.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("power", ["SUPERUSER", "BYPASSRLS"])
def test_a_service_role_with_too_much_power_is_refused(
    postgres_url: str, service_url: str, power: str
) -> None:
    store = Store.open(postgres_url)
    with pytest.raises(UnsafeRole, match="dezelfde databaserol"):
        store.migrate(owner_url=postgres_url)
    store.dispose()
    role = make_url(service_url).username
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN {power}'))
    admin.dispose()
    powerful = Store.open(service_url)
    with pytest.raises(UnsafeRole, match="de dienst start daarmee niet"):
        powerful.migrate(owner_url=postgres_url)
    powerful.dispose()
