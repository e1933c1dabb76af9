"""The only code that reads or writes the store.

Each public method is one transaction, and each write lands together with its audit
row in that transaction: either both are stored or neither is. The audit log is only
ever inserted into; there is deliberately no method that updates or deletes it (and the
database refuses it anyway, see the first migration).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from api.store.db import connect, migrate
from api.store.models import AuditRow, CaseRow, DecisionRow, EvaluationRow, VerificationRow

SYSTEM_USER = "systeem"


class StoreError(Exception):
    pass


class DuplicateCase(StoreError):
    def __init__(self, case_key: str, existing_id: str):
        super().__init__(f"casus '{case_key}' bestaat al ({existing_id})")
        self.case_key = case_key
        self.existing_id = existing_id


@dataclass(frozen=True)
class NewCase:
    case_key: str
    municipality: str
    data: dict[str, Any]


@dataclass(frozen=True)
class NewEvaluation:
    case_key: str
    case_id: str | None
    municipality: str | None
    reference_date: dt.date
    requested_municipality: str | None
    requested_reference_date: dt.date | None
    input_json: str
    input_sha256: str
    advice: bytes
    advice_sha256: str
    ruleset_id: str
    ruleset_version: str
    ruleset_sha256: str
    rulesets: list[dict[str, Any]]
    engine_version: str


@dataclass(frozen=True)
class NewVerification:
    status: str
    engine: str
    differences: list[str]


@dataclass(frozen=True)
class NewDecision:
    decision: str
    interventions: list[str]
    motivation: str
    decided_by: str


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        return cls(connect(url))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self, demo_cases: Sequence[NewCase] = ()) -> None:
        """Bring the schema to head and, if the store has no cases yet, add the demo cases."""

        def seed(connection: Connection) -> None:
            if not demo_cases:
                return
            with Session(bind=connection) as session:
                if session.scalar(select(func.count()).select_from(CaseRow)):
                    return
                for case in demo_cases:
                    self._insert_case(session, case, SYSTEM_USER, {"demo": True})
                session.flush()

        migrate(self.engine, seed)

    def dispose(self) -> None:
        self.engine.dispose()

    def ping(self) -> bool:
        with self.engine.connect() as connection:
            return connection.scalar(select(1)) == 1

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @staticmethod
    def _audit(
        session: Session,
        who: str,
        action: str,
        object_type: str,
        object_id: str | None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        session.add(
            AuditRow(
                at=now(),
                who=who,
                action=action,
                object_type=object_type,
                object_id=object_id,
                detail=detail,
            )
        )

    # --- cases -----------------------------------------------------------------------

    def _insert_case(
        self, session: Session, case: NewCase, who: str, detail: dict[str, Any] | None = None
    ) -> CaseRow:
        existing = session.scalar(select(CaseRow.id).where(CaseRow.case_key == case.case_key))
        if existing is not None:
            raise DuplicateCase(case.case_key, existing)
        stamp = now()
        row = CaseRow(
            id=new_id(),
            case_key=case.case_key,
            municipality=case.municipality,
            data=case.data,
            revision=1,
            created_at=stamp,
            created_by=who,
            updated_at=stamp,
            updated_by=who,
        )
        session.add(row)
        self._audit(
            session, who, "create", "case", row.id, {"case_key": case.case_key, **(detail or {})}
        )
        return row

    def create_case(self, case: NewCase, who: str) -> CaseRow:
        try:
            with self._tx() as session:
                return self._insert_case(session, case, who)
        except IntegrityError:
            # Lost a race with another writer of the same case key.
            with self._tx() as session:
                existing = session.scalar(
                    select(CaseRow.id).where(CaseRow.case_key == case.case_key)
                )
            if existing is None:
                raise
            raise DuplicateCase(case.case_key, existing) from None

    def update_case(self, case_id: str, case: NewCase, who: str) -> CaseRow | None:
        try:
            with self._tx() as session:
                row = session.get(CaseRow, case_id)
                if row is None:
                    return None
                clash = session.scalar(
                    select(CaseRow.id).where(
                        CaseRow.case_key == case.case_key, CaseRow.id != case_id
                    )
                )
                if clash is not None:
                    raise DuplicateCase(case.case_key, clash)
                row.case_key = case.case_key
                row.municipality = case.municipality
                row.data = case.data
                row.revision += 1
                row.updated_at = now()
                row.updated_by = who
                self._audit(session, who, "update", "case", case_id, {"revision": row.revision})
                return row
        except IntegrityError:
            raise DuplicateCase(case.case_key, "?") from None

    def get_case(self, case_id: str, who: str) -> CaseRow | None:
        with self._tx() as session:
            row = session.get(CaseRow, case_id)
            if row is not None:
                self._audit(session, who, "read", "case", case_id)
            return row

    def list_cases(
        self, who: str, limit: int, offset: int, municipality: str | None = None
    ) -> tuple[list[CaseRow], int]:
        with self._tx() as session:
            query = select(CaseRow)
            if municipality:
                query = query.where(func.lower(CaseRow.municipality) == municipality.lower())
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = session.scalars(
                query.order_by(CaseRow.created_at, CaseRow.id).limit(limit).offset(offset)
            ).all()
            self._audit(
                session,
                who,
                "read",
                "case",
                None,
                {"list": True, "limit": limit, "offset": offset, "returned": len(rows)},
            )
            return list(rows), total

    # --- evaluations -----------------------------------------------------------------

    def add_evaluation(self, new: NewEvaluation, who: str) -> EvaluationRow:
        with self._tx() as session:
            row = EvaluationRow(
                id=new_id(),
                case_id=new.case_id,
                case_key=new.case_key,
                municipality=new.municipality,
                reference_date=new.reference_date,
                requested_municipality=new.requested_municipality,
                requested_reference_date=new.requested_reference_date,
                input_json=new.input_json,
                input_sha256=new.input_sha256,
                advice=new.advice,
                advice_sha256=new.advice_sha256,
                ruleset_id=new.ruleset_id,
                ruleset_version=new.ruleset_version,
                ruleset_sha256=new.ruleset_sha256,
                rulesets=new.rulesets,
                engine_version=new.engine_version,
                created_at=now(),
                created_by=who,
                decisions=[],
                verification=None,
            )
            session.add(row)
            self._audit(
                session,
                who,
                "evaluate",
                "evaluation",
                row.id,
                {
                    "case_key": new.case_key,
                    "case_id": new.case_id,
                    "input_sha256": new.input_sha256,
                    "ruleset_sha256": new.ruleset_sha256,
                    "engine_version": new.engine_version,
                },
            )
            return row

    def get_evaluation(self, evaluation_id: str, who: str) -> EvaluationRow | None:
        with self._tx() as session:
            row = session.get(EvaluationRow, evaluation_id)
            if row is not None:
                self._audit(session, who, "read", "evaluation", evaluation_id)
            return row

    def find_evaluation(self, evaluation_id: str) -> EvaluationRow | None:
        """For the service's own checks (decision, replay), which log their own action."""
        with self._tx() as session:
            return session.get(EvaluationRow, evaluation_id)

    def list_evaluations(
        self,
        who: str,
        limit: int,
        offset: int,
        case_key: str | None = None,
        case_id: str | None = None,
    ) -> tuple[list[EvaluationRow], int]:
        with self._tx() as session:
            query = select(EvaluationRow)
            if case_key:
                query = query.where(EvaluationRow.case_key == case_key)
            if case_id:
                query = query.where(EvaluationRow.case_id == case_id)
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = session.scalars(
                query.order_by(EvaluationRow.created_at.desc(), EvaluationRow.id)
                .limit(limit)
                .offset(offset)
            ).all()
            self._audit(
                session,
                who,
                "read",
                "evaluation",
                None,
                {"list": True, "limit": limit, "offset": offset, "returned": len(rows)},
            )
            return list(rows), total

    def record_replay(self, evaluation_id: str, who: str, detail: dict[str, Any]) -> None:
        with self._tx() as session:
            self._audit(session, who, "replay", "evaluation", evaluation_id, detail)

    def add_verification(self, evaluation_id: str, new: NewVerification) -> VerificationRow:
        """Record durable-rules' reading once; a second writer finds the first one's row.

        The background verifier and an on-demand check before a decision may race for the
        same evaluation; both computed the same deterministic result, so the first wins.
        """
        try:
            with self._tx() as session:
                found = session.get(VerificationRow, evaluation_id)
                if found is not None:
                    return found
                row = VerificationRow(
                    evaluation_id=evaluation_id,
                    status=new.status,
                    engine=new.engine,
                    differences=list(new.differences),
                    verified_at=now(),
                )
                session.add(row)
                return row
        except IntegrityError:
            with self._tx() as session:
                existing = session.get(VerificationRow, evaluation_id)
            if existing is None:
                raise
            return existing

    # --- decisions -------------------------------------------------------------------

    def add_decision(self, evaluation_id: str, new: NewDecision, who: str) -> DecisionRow | None:
        with self._tx() as session:
            if session.get(EvaluationRow, evaluation_id) is None:
                return None
            row = DecisionRow(
                id=new_id(),
                evaluation_id=evaluation_id,
                decision=new.decision,
                interventions=list(new.interventions),
                motivation=new.motivation,
                decided_by=new.decided_by,
                recorded_by=who,
                created_at=now(),
            )
            session.add(row)
            self._audit(
                session,
                who,
                "decide",
                "decision",
                row.id,
                {
                    "evaluation_id": evaluation_id,
                    "decision": new.decision,
                    "interventions": list(new.interventions),
                    "decided_by": new.decided_by,
                },
            )
            return row

    # --- audit -----------------------------------------------------------------------

    def audit_entries(
        self,
        limit: int,
        offset: int,
        object_id: str | None = None,
        action: str | None = None,
    ) -> tuple[list[AuditRow], int]:
        """Read the log without logging the read (that would grow the log on every look)."""
        with self._tx() as session:
            query = select(AuditRow)
            if object_id:
                query = query.where(AuditRow.object_id == object_id)
            if action:
                query = query.where(AuditRow.action == action)
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = session.scalars(query.order_by(AuditRow.id).limit(limit).offset(offset)).all()
            return list(rows), total
