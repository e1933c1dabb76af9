"""The store on SQLite and on PostgreSQL: migrations, repository, atomicity, audit log."""

from __future__ import annotations

import datetime as dt
import threading
import zlib
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from api.store import Store
from api.store.db import alembic_config, connect
from api.store.models import AuditRow, Base, CaseRow, EvaluationRow
from api.store.repository import (
    Actor,
    DecisionExists,
    DuplicateCase,
    NewCase,
    NewDecision,
    NewVerification,
    NothingToWithdraw,
)
from tests.api.conftest import AppFactory, adjusted, stored_evaluation

TABLES = {
    "cases",
    "evaluations",
    "decisions",
    "verifications",
    "audit_log",
    "users",
    "service_secrets",
    "alembic_version",
}
JURIST = Actor("jurist", "voorbeeldstad")
READER = Actor("lezer", "voorbeeldstad")
CLERK = Actor("griffier", "voorbeeldstad")
ELSEWHERE = Actor("jurist-elders", "andersdorp")


def demo(n: int = 3) -> list[NewCase]:
    return [
        NewCase(case_key=f"D{i}", municipality="voorbeeldstad", data={"case": {"id": f"D{i}"}})
        for i in range(n)
    ]


@pytest.fixture
def store(store_url: str) -> Any:
    opened = Store.open(store_url)
    opened.migrate()
    yield opened
    opened.dispose()


def test_migrations_reach_head_and_match_the_models(store: Store) -> None:
    assert set(inspect(store.engine).get_table_names()) >= TABLES
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert context.get_current_revision() == head
        assert compare_metadata(context, Base.metadata) == []
    store.migrate()  # a second start changes nothing
    with store.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    store.migrate()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose()


def _in_thread(work: Any) -> list[BaseException]:
    """Runs ``work`` in a thread and fails the test if it has not ended within 30 s: a
    transaction waiting on a turn that is never given back would hang the service."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "de transactie wacht nog op haar beurt"
    return errors


def test_sqlite_writers_of_two_workers_get_their_turn_after_a_failure(sqlite_url: str) -> None:
    first, second = Store.open(sqlite_url), Store.open(sqlite_url)
    first.migrate()

    def failing() -> None:
        with first.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE turn_probe (n INTEGER)")
            raise RuntimeError("afgebroken")

    def left_open() -> None:
        # Returned to the pool without commit or rollback: the pool rolls it back.
        connection = first.engine.connect()
        connection.exec_driver_sql("SELECT 1")
        connection.close()

    def writing() -> None:
        with second.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE turn_probe (n INTEGER)")

    errors = _in_thread(failing)
    assert [str(e) for e in errors] == ["afgebroken"]
    assert _in_thread(left_open) == []
    assert _in_thread(writing) == []
    with first.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM turn_probe").scalar() == 0
    first.dispose()
    second.dispose()


def test_a_transaction_inside_another_on_one_thread_fails_rather_than_waits(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("api.store.db.BUSY_TIMEOUT_SECONDS", 1)
    outer_store, inner_store = Store.open(sqlite_url), Store.open(sqlite_url)
    outer_store.migrate()

    def nested() -> None:
        with outer_store.engine.begin(), inner_store.engine.begin():
            pass

    errors = _in_thread(nested)
    assert len(errors) == 1 and "database is locked" in str(errors[0])
    assert _in_thread(lambda: outer_store.migrate()) == []
    outer_store.dispose()
    inner_store.dispose()


def test_demo_cases_load_once_even_when_workers_start_together(store_url: str) -> None:
    stores = [Store.open(store_url) for _ in range(4)]
    errors: list[BaseException] = []

    def start(store: Store) -> None:
        try:
            store.migrate(demo())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    stores[0].migrate(demo())
    rows, total = stores[0].list_cases(READER, 10, 0)
    assert total == 3
    assert sorted(r.case_key for r in rows) == ["D0", "D1", "D2"]
    entries, _ = stores[0].audit_entries(READER, 100, 0, action="create")
    assert len(entries) == 3
    assert all(e.who == "systeem" and e.detail and e.detail["demo"] for e in entries)
    for store in stores:
        store.dispose()


def test_cases_round_trip(store: Store) -> None:
    created = store.create_case(demo(1)[0], JURIST)
    assert created.created_at.tzinfo is not None
    with pytest.raises(DuplicateCase) as mine:
        store.create_case(demo(1)[0], JURIST)
    assert mine.value.existing_id == created.id
    with pytest.raises(DuplicateCase) as theirs:
        store.create_case(demo(1)[0], ELSEWHERE)
    assert theirs.value.existing_id is None, "another municipality's id is never named"
    # The same key in another municipality is that municipality's own case.
    own_key = NewCase(case_key="D0", municipality="Andersdorp", data={"case": {"id": "D0"}})
    elsewhere = store.create_case(own_key, ELSEWHERE)
    assert (elsewhere.case_key, elsewhere.municipality) == ("D0", "andersdorp")
    with pytest.raises(DuplicateCase) as again:
        store.create_case(own_key, ELSEWHERE)
    assert again.value.existing_id == elsewhere.id
    changed = NewCase(
        case_key="D0-nieuw", municipality="voorbeeldstad", data={"case": {"id": "D0-nieuw"}}
    )
    colleague = Actor("collega", "voorbeeldstad")
    updated = store.update_case(created.id, changed, colleague)
    assert updated is not None
    assert (updated.revision, updated.case_key, updated.updated_by) == (2, "D0-nieuw", "collega")
    assert store.update_case("onbekend", changed, colleague) is None
    assert store.update_case(created.id, changed, ELSEWHERE) is None
    assert store.get_case(created.id, ELSEWHERE) is None
    fetched = store.get_case(created.id, READER)
    assert fetched is not None and fetched.data == {"case": {"id": "D0-nieuw"}}
    assert fetched.updated_at >= fetched.created_at


def test_paging_counts_all(store: Store) -> None:
    for case in demo(7):
        store.create_case(case, JURIST)
    rows, total = store.list_cases(READER, 3, 3)
    assert total == 7
    assert [r.case_key for r in rows] == ["D3", "D4", "D5"]
    _, filtered = store.list_cases(READER, 3, 0, municipality="VOORBEELDSTAD")
    assert filtered == 7
    assert store.list_cases(ELSEWHERE, 10, 0) == ([], 0)


def test_evaluation_and_decisions_round_trip(store: Store) -> None:
    row = store.add_evaluation(stored_evaluation(), JURIST)
    decision = NewDecision("adjust", ["I01"], "Motivering.", "burgemeester")
    first = store.add_decision(row.id, decision, CLERK)
    assert first is not None
    with pytest.raises(DecisionExists) as again:
        store.add_decision(row.id, NewDecision("reject", [], "Toch niet.", "bgm"), CLERK)
    assert again.value.current == first.id
    with pytest.raises(NothingToWithdraw):
        store.add_decision(row.id, NewDecision("reject", [], "Toch niet.", "bgm", "ander"), CLERK)
    second = store.add_decision(
        row.id, NewDecision("reject", [], "Toch niet.", "bgm", withdraws=first.id), CLERK
    )
    assert second is not None and second.withdraws == first.id
    assert store.add_decision("onbekend", decision, CLERK) is None
    assert store.add_decision(row.id, decision, ELSEWHERE) is None
    fetched = store.get_evaluation(row.id, READER)
    assert fetched is not None
    assert fetched.input_json == '{"case":{"id":"E1"}}'
    assert fetched.reference_date == dt.date(2026, 3, 1)
    assert fetched.rulesets[0]["sha256"] == "d" * 64
    assert [d.decision for d in fetched.decisions] == ["adjust", "reject"]
    assert fetched.decisions[0].interventions == ["I01"]
    rows, total = store.list_evaluations(READER, 10, 0, case_key="E1")
    assert total == 1 and rows[0].id == row.id
    assert store.get_evaluation(row.id, ELSEWHERE) is None
    assert store.list_evaluations(ELSEWHERE, 10, 0) == ([], 0)


def test_the_database_allows_one_first_decision_per_evaluation(store: Store) -> None:
    """The unique index, not only the code, refuses a second decision that withdraws nothing."""
    row = store.add_evaluation(stored_evaluation(), JURIST)
    store.add_decision(row.id, NewDecision("reject", [], "Eerst.", "bgm"), CLERK)
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO decisions (id, evaluation_id, decision, interventions, motivation,"
                " decided_by, recorded_by, created_at) VALUES ('x', :e, 'accept', '[]', 'm',"
                " 'b', 'r', '2026-03-01 10:00:00+00:00')"
            ),
            {"e": row.id},
        )


def test_a_write_and_its_audit_row_commit_together(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_audit(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit faalt")

    monkeypatch.setattr(Store, "_audit", staticmethod(failing_audit))
    with pytest.raises(RuntimeError):
        store.add_evaluation(stored_evaluation(), JURIST)
    with pytest.raises(RuntimeError):
        store.create_case(demo(1)[0], JURIST)
    monkeypatch.undo()
    with store.engine.connect() as connection:
        assert connection.scalar(select(EvaluationRow.id)) is None
        assert connection.scalar(select(CaseRow.id)) is None


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET who = 'iemand anders'",
        "DELETE FROM audit_log",
        "UPDATE audit_log SET detail = NULL WHERE id = (SELECT min(id) FROM audit_log)",
    ],
)
def test_the_database_refuses_to_change_the_audit_log(store: Store, statement: str) -> None:
    store.create_case(demo(1)[0], JURIST)
    before = store.audit_entries(READER, 100, 0)[0]
    with pytest.raises(DBAPIError, match="alleen aan te vullen"), store.engine.begin() as c:
        c.execute(text(statement))
    after = store.audit_entries(READER, 100, 0)[0]
    assert [(r.id, r.who, r.detail) for r in after] == [(r.id, r.who, r.detail) for r in before]


def test_postgres_refuses_truncate_of_the_audit_log(postgres_url: str) -> None:
    store = Store.open(postgres_url)
    store.migrate(demo(1))
    with pytest.raises(DBAPIError, match="alleen aan te vullen"), store.engine.begin() as c:
        c.execute(text("TRUNCATE audit_log"))
    assert store.audit_entries(READER, 10, 0)[1] == 1
    store.dispose()


def test_repository_has_no_way_to_change_the_audit_log() -> None:
    """The only code path that writes the audit log is ``Store._audit``, which inserts
    (one statement through the chain, which links the entry)."""
    import inspect as pyinspect

    import api.store.repository as repository

    source = pyinspect.getsource(repository)
    assert pyinspect.getsource(repository.Store._audit).count("chain.insert(") == 1
    assert source.count('"audit",') == 1
    for verb in ("update(AuditRow", "delete(AuditRow", "session.delete(", ".delete()"):
        assert verb not in source
    assert AuditRow.__tablename__ == "audit_log"


def test_the_api_on_both_stores(
    make_client: AppFactory, store_url: str, example_cases: dict[str, Any]
) -> None:
    client = make_client(store_url)
    bestuurder = client.as_("bestuurder")
    assert client.get("/healthz").json()["database"] == Store.open(store_url).dialect
    assert client.get("/v1/cases").json()["total"] == 3
    created = client.post("/v1/evaluations", json=example_cases["e2-meijer"])
    assert created.status_code == 201, created.text[:500]
    body = created.json()
    again = client.get(f"/v1/evaluations/{body['id']}").json()
    # The second reading may have finished in between: pending, then agreed.
    assert again.pop("verification")["status"] in ("pending", "agreed")
    assert again == {k: v for k, v in body.items() if k != "verification"}
    replay = client.post(f"/v1/evaluations/{body['id']}/replay").json()
    assert replay["identical"] is True, replay["differences"]
    made = bestuurder.post(f"/v1/evaluations/{body['id']}/decision", json=adjusted(body))
    assert made.status_code == 201, made.text[:500]
    actions = [r["action"] for r in client.as_("auditor").get("/v1/audit").json()["items"]]
    assert actions == ["create"] * 3 + ["read", "evaluate", "read", "replay", "decide"]


def test_verification_is_recorded_once_and_the_first_reading_stays(store: Store) -> None:
    row = store.add_evaluation(stored_evaluation(), JURIST)
    first = store.add_verification(
        row.id, NewVerification("agreed", "durable-rules 2.0.28", []), row.tenant
    )
    again = store.add_verification(
        row.id,
        NewVerification("mismatch", "durable-rules 2.0.28", ["I01 voor premises:W1"]),
        row.tenant,
    )
    assert (first.status, again.status) == ("agreed", "agreed")
    found = store.find_evaluation(row.id, "voorbeeldstad")
    assert found is not None and found.verification is not None
    assert found.verification.status == "agreed"
    assert found.verification.verified_at.tzinfo is not None


def test_upgrade_compresses_advice_stored_as_text_before(store_url: str) -> None:
    """A store written by the previous version keeps every advice, byte for byte."""
    engine = connect(store_url)
    advice = '{"case_id":"E1","interventions":[{"id":"I01"}]}'
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO evaluations (id, case_key, reference_date, input_json, input_sha256,"
                " advice_json, advice_sha256, ruleset_id, ruleset_version, ruleset_sha256,"
                " rulesets, engine_version, created_at, created_by) VALUES ('old', 'E1',"
                " '2026-03-01', '{}', 'a', :advice, 'b', 'r', 'v', 'c', '[]', '0.1.0',"
                " '2026-03-01 10:00:00+00:00', 'jurist')"
            ),
            {"advice": advice},
        )
    engine.dispose()
    store = Store.open(store_url)
    store.migrate()
    row = store.find_evaluation("old", "")
    assert row is not None
    assert zlib.decompress(row.advice).decode() == advice
    assert row.verification is None
    store.dispose()
