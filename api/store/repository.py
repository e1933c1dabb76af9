"""The only code that reads or writes the store.

Each public method is one transaction, and each write lands together with its audit
row in that transaction: either both are stored or neither is. The audit log is only
ever inserted into; there is deliberately no method that updates or deletes it (and the
database refuses it anyway, see the first migration). Evaluations and decisions leave
only through an erasure, each after its tombstone (docs/adr/0012).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Row, Select, bindparam, delete, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from api.store import chain, roles
from api.store.chain import Appending, ChainedSession, Transaction, case_hash, seal
from api.store.db import connect, migrate
from api.store.models import (
    ERASE,
    AnonymisedOutcomeRow,
    AuditRow,
    Base,
    CaseRow,
    ChainRow,
    DecisionRow,
    EvaluationRow,
    IdempotencyRow,
    SecretRow,
    UserRow,
    VerificationRow,
)

SYSTEM_USER = "systeem"
_EVALUATIONS = EvaluationRow.__table__
_VERIFICATIONS = VerificationRow.__table__
_DECISIONS = DecisionRow.__table__
#: An evaluation with its verification and decisions (in the order made), in one query.
_READ_EVALUATION = (
    select(_EVALUATIONS, _VERIFICATIONS, _DECISIONS)
    .select_from(
        _EVALUATIONS.outerjoin(
            _VERIFICATIONS, _VERIFICATIONS.c.evaluation_id == _EVALUATIONS.c.id
        ).outerjoin(_DECISIONS, _DECISIONS.c.evaluation_id == _EVALUATIONS.c.id)
    )
    .where(_EVALUATIONS.c.id == bindparam("id"))
    .order_by(_DECISIONS.c.created_at)
)

#: Which municipality's rows PostgreSQL's row-level security shows this transaction;
#: built once, since every transaction of a user runs it.
_TENANT = text("SELECT set_config('afweging.municipality', :tenant, true)")
_KEYS = Base.metadata.tables[IdempotencyRow.__tablename__]
_KEEP_KEY = _KEYS.insert()
_FIND_KEY = select(_KEYS.c.request_sha256, _KEYS.c.evaluation_id).where(
    _KEYS.c.tenant == bindparam("tenant"),
    _KEYS.c.who == bindparam("who"),
    _KEYS.c.key == bindparam("key"),
)
_KEEP_VERIFICATION = Base.metadata.tables[VerificationRow.__tablename__].insert()
_FIND_VERIFICATION = select(_VERIFICATIONS).where(_VERIFICATIONS.c.evaluation_id == bindparam("id"))


@dataclass(frozen=True)
class Actor:
    """Who acts, for which municipality (lower-case), and why if they said.

    Every query is limited to ``municipality``: a record of another municipality is
    reported as absent, exactly like an unknown id.
    """

    who: str
    municipality: str
    reason: str | None = None


class StoreError(Exception):
    pass


class DecisionExists(StoreError):
    """The evaluation has a decision already; a change must name it in ``withdraws``."""

    def __init__(self, current: str | None):
        super().__init__(f"er is al een besluit ({current})")
        self.current = current


class NothingToWithdraw(StoreError):
    """``withdraws`` names a decision that is not the evaluation's current one."""

    def __init__(self, current: str | None):
        super().__init__(f"het huidige besluit is {current}")
        self.current = current


class DuplicateUser(StoreError):
    pass


class KeyTaken(StoreError):
    """Another request with the same Idempotency-Key was stored first."""


@dataclass(frozen=True)
class IdempotencyKey:
    key: str
    request_sha256: str


@dataclass(frozen=True)
class KeyUsed:
    request_sha256: str
    evaluation_id: str


class StaleCase(StoreError):
    """The case changed since the revision the writer read (If-Match)."""

    def __init__(self, current: int):
        super().__init__(f"de casus is nu revisie {current}")
        self.current = current


class DuplicateCase(StoreError):
    """``existing_id`` is None when the key is held by a case the user may not see (of
    another municipality, or a concurrent writer's not yet read back)."""

    def __init__(self, case_key: str, existing_id: str | None, holder: str | None = None):
        super().__init__(f"casus '{case_key}' bestaat al ({existing_id})")
        self.case_key = case_key
        self.existing_id = existing_id
        #: The case that holds the key, for the store only (never shown to the user).
        self.holder = holder


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
    #: ``rulesets`` in the content hash's text (``chain.canonical``), written once per set.
    rulesets_canonical: str
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
    withdraws: str | None = None
    legal_basis_motivation: str | None = None


@dataclass(frozen=True)
class NewUser:
    username: str
    password_hash: str
    role: str
    municipality: str


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, class_=ChainedSession, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        return cls(connect(url))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(
        self,
        demo_cases: Sequence[NewCase] = (),
        demo_users: Sequence[NewUser] = (),
        owner_url: str | None = None,
    ) -> None:
        """Bring the schema to head; add the demo cases to a store without cases, and
        each demo account that does not exist yet (a password changed since is kept).

        With ``owner_url`` (PostgreSQL; SQLite has no roles and ignores it) the migration
        runs as that role, which then grants this store's role what the service needs and
        nothing more (``api.store.roles``).
        """
        service_role = (
            self.engine.url.username if owner_url and self.dialect == "postgresql" else None
        )

        def seed(connection: Connection) -> None:
            with ChainedSession(bind=connection) as session:
                for user in demo_users:
                    if session.get(UserRow, user.username) is None:
                        session.add(_user_row(user))
                if demo_cases and not session.scalar(select(func.count()).select_from(CaseRow)):
                    for case in demo_cases:
                        system = Actor(SYSTEM_USER, case.municipality.lower())
                        self._insert_case(session, case, system, {"demo": True})
                seal(session)
            if service_role:
                roles.grant(connection, service_role)

        if owner_url is None or self.dialect != "postgresql":
            migrate(self.engine, seed)
            return
        owner = connect(owner_url)
        try:
            migrate(owner, seed)
        finally:
            owner.dispose()

    def dispose(self) -> None:
        self.engine.dispose()

    def ping(self) -> bool:
        with self.engine.connect() as connection:
            return connection.scalar(select(1)) == 1

    @contextmanager
    def _tx(self, tenant: str | None = None) -> Iterator[Session]:
        """One transaction; its new evaluations, decisions and audit entries are chained
        at its end. ``tenant``: the municipality whose rows PostgreSQL's row-level security
        lets this transaction see (a second line behind each query's own filter)."""
        with self._sessions.begin() as session:
            if tenant is not None:
                self._show(session.connection(), tenant)
            yield session
            seal(session)

    @contextmanager
    def _bare(self, tenant: str) -> Iterator[Transaction]:
        """``_tx`` without an ORM session, for what each evaluation takes: its
        Idempotency-Key, storing it, its second reading, reading it. Only rows inserted by
        ``chain.insert`` or a Core statement are chained in it."""
        with self.engine.begin() as connection:
            self._show(connection, tenant)
            transaction = Transaction(connection)
            yield transaction
            seal(transaction)

    def _show(self, connection: Connection, tenant: str) -> None:
        if self.dialect == "postgresql":
            connection.execute(_TENANT, {"tenant": tenant})

    @staticmethod
    def _audit(
        session: Appending,
        actor: Actor,
        action: str,
        object_type: str,
        object_id: str | None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        chain.insert(
            session,
            "audit",
            {
                "at": now(),
                "who": actor.who,
                "action": action,
                "object_type": object_type,
                "object_id": object_id,
                "detail": detail,
                "municipality": actor.municipality,
                "reason": actor.reason,
            },
        )

    # --- secrets and accounts ----------------------------------------------------------

    def secret(self, name: str, make: Callable[[], bytes]) -> bytes:
        """The secret called ``name``, made by ``make`` the first time; the first writer wins."""
        with self._tx() as session:
            found = session.get(SecretRow, name)
            if found is not None:
                return found.value
        try:
            with self._tx() as session:
                session.add(SecretRow(name=name, value=make()))
        except IntegrityError:
            pass
        with self._tx() as session:
            stored = session.get(SecretRow, name)
            assert stored is not None
            return stored.value

    def add_user(self, user: NewUser) -> UserRow:
        try:
            with self._tx() as session:
                if session.get(UserRow, user.username) is not None:
                    raise DuplicateUser(user.username)
                row = _user_row(user)
                session.add(row)
                return row
        except IntegrityError:
            raise DuplicateUser(user.username) from None

    def get_user(self, username: str) -> UserRow | None:
        with self._tx() as session:
            return session.get(UserRow, username)

    def list_users(self) -> list[UserRow]:
        with self._tx() as session:
            return list(session.scalars(select(UserRow).order_by(UserRow.username)).all())

    def delete_user(self, username: str) -> bool:
        with self._tx() as session:
            if session.get(UserRow, username) is None:
                return False
            session.execute(delete(UserRow).where(UserRow.username == username))
            return True

    def set_password(self, username: str, password_hash: str) -> bool:
        with self._tx() as session:
            row = session.get(UserRow, username)
            if row is None:
                return False
            row.password_hash = password_hash
            row.password_changed_at = now()
            return True

    # --- cases -----------------------------------------------------------------------

    @staticmethod
    def _case(session: Session, case_id: str, actor: Actor) -> CaseRow | None:
        row = session.get(CaseRow, case_id)
        if row is None or row.municipality.lower() != actor.municipality:
            return None
        return row

    @staticmethod
    def _same_key(session: Session, case: NewCase, actor: Actor) -> DuplicateCase | None:
        """The key taken within the case's municipality (a key is unique there, not across
        municipalities); the other case is named only to a user of that municipality."""
        existing = session.scalar(
            select(CaseRow).where(
                CaseRow.case_key == case.case_key,
                func.lower(CaseRow.municipality) == case.municipality.lower(),
            )
        )
        if existing is None:
            return None
        mine = existing.municipality.lower() == actor.municipality
        return DuplicateCase(case.case_key, existing.id if mine else None, existing.id)

    def _insert_case(
        self, session: Session, case: NewCase, actor: Actor, detail: dict[str, Any] | None = None
    ) -> CaseRow:
        taken = self._same_key(session, case, actor)
        if taken is not None:
            raise taken
        stamp = now()
        row = CaseRow(
            id=new_id(),
            case_key=case.case_key,
            municipality=case.municipality.lower(),
            data=case.data,
            revision=1,
            created_at=stamp,
            created_by=actor.who,
            updated_at=stamp,
            updated_by=actor.who,
        )
        session.add(row)
        self._audit(
            session,
            actor,
            "create",
            "case",
            row.id,
            {"case_key": case.case_key, "content_sha256": case_hash(row), **(detail or {})},
        )
        return row

    def create_case(self, case: NewCase, actor: Actor) -> CaseRow:
        try:
            with self._tx(actor.municipality) as session:
                return self._insert_case(session, case, actor)
        except IntegrityError:
            # Lost a race with another writer of the same case key.
            with self._tx(actor.municipality) as session:
                taken = self._same_key(session, case, actor)
                if taken is None:
                    raise
                raise taken from None

    def update_case(
        self,
        case_id: str,
        case: NewCase,
        actor: Actor,
        expected_revisions: frozenset[int] | None = None,
    ) -> CaseRow | None:
        """Replace the case; with ``expected_revisions`` only if it is still one of those.

        The check is the UPDATE's own condition (the version counter), so two writers
        that read the same revision cannot both succeed, on either database.
        """
        try:
            with self._tx(actor.municipality) as session:
                row = self._case(session, case_id, actor)
                if row is None:
                    return None
                if expected_revisions is not None and row.revision not in expected_revisions:
                    raise StaleCase(row.revision)
                clash = self._same_key(session, case, actor)
                if clash is not None and clash.holder != case_id:
                    raise clash
                row.case_key = case.case_key
                row.municipality = case.municipality.lower()
                row.data = case.data
                row.updated_at = now()
                row.updated_by = actor.who
                session.flush()
                self._audit(
                    session,
                    actor,
                    "update",
                    "case",
                    case_id,
                    {"revision": row.revision, "content_sha256": case_hash(row)},
                )
                return row
        except IntegrityError:
            raise DuplicateCase(case.case_key, None) from None
        except StaleDataError:
            with self._tx(actor.municipality) as session:
                current = self._case(session, case_id, actor)
            raise StaleCase(current.revision if current else 0) from None

    def get_case(self, case_id: str, actor: Actor) -> CaseRow | None:
        with self._tx(actor.municipality) as session:
            row = self._case(session, case_id, actor)
            if row is not None:
                self._audit(session, actor, "read", "case", case_id)
            return row

    def list_cases(
        self, actor: Actor, limit: int, offset: int, municipality: str | None = None
    ) -> tuple[list[CaseRow], int]:
        with self._tx(actor.municipality) as session:
            query = select(CaseRow).where(func.lower(CaseRow.municipality) == actor.municipality)
            if municipality:
                query = query.where(func.lower(CaseRow.municipality) == municipality.lower())
            rows, total = _page(
                session, query.order_by(CaseRow.created_at, CaseRow.id), limit, offset
            )
            self._audit(
                session,
                actor,
                "read",
                "case",
                None,
                {
                    "list": True,
                    "limit": limit,
                    "offset": offset,
                    "returned": len(rows),
                    "ids": [r.id for r in rows],
                },
            )
            return rows, total

    # --- evaluations -----------------------------------------------------------------

    def find_idempotency(self, actor: Actor, key: str) -> KeyUsed | None:
        with self._bare(actor.municipality) as session:
            found = (
                session.connection()
                .execute(_FIND_KEY, {"tenant": actor.municipality, "who": actor.who, "key": key})
                .first()
            )
        return KeyUsed(found.request_sha256, found.evaluation_id) if found else None

    def add_evaluation(
        self, new: NewEvaluation, actor: Actor, idempotency: IdempotencyKey | None = None
    ) -> EvaluationRow:
        """Store the evaluation (and its Idempotency-Key in the same transaction: a retry
        that raced this one finds the key taken, ``KeyTaken``, and nothing of its own)."""
        try:
            return self._add_evaluation(new, actor, idempotency)
        except IntegrityError:
            if idempotency is None:
                raise
            raise KeyTaken(idempotency.key) from None

    def _add_evaluation(
        self, new: NewEvaluation, actor: Actor, idempotency: IdempotencyKey | None
    ) -> EvaluationRow:
        with self._bare(actor.municipality) as session:
            values: dict[str, Any] = {
                "id": new_id(),
                "case_id": new.case_id,
                "case_key": new.case_key,
                "municipality": new.municipality,
                "reference_date": new.reference_date,
                "requested_municipality": new.requested_municipality,
                "requested_reference_date": new.requested_reference_date,
                "input_json": new.input_json,
                "input_sha256": new.input_sha256,
                "advice": new.advice,
                "advice_sha256": new.advice_sha256,
                "ruleset_id": new.ruleset_id,
                "ruleset_version": new.ruleset_version,
                "ruleset_sha256": new.ruleset_sha256,
                "rulesets": new.rulesets,
                "engine_version": new.engine_version,
                "created_at": now(),
                "created_by": actor.who,
                "tenant": actor.municipality,
            }
            chain.insert(session, "evaluation", values, {"rulesets": new.rulesets_canonical})
            self._audit(
                session,
                actor,
                "evaluate",
                "evaluation",
                values["id"],
                {
                    "case_key": new.case_key,
                    "case_id": new.case_id,
                    "input_sha256": new.input_sha256,
                    "ruleset_sha256": new.ruleset_sha256,
                    "engine_version": new.engine_version,
                },
            )
            if idempotency is not None:
                session.connection().execute(
                    _KEEP_KEY,
                    {
                        "tenant": actor.municipality,
                        "who": actor.who,
                        "key": idempotency.key,
                        "request_sha256": idempotency.request_sha256,
                        "evaluation_id": values["id"],
                        "created_at": now(),
                    },
                )
            # Made from the values, not read back: the service reads it, nothing writes it again.
            return _detached(EvaluationRow, values.items(), decisions=[], verification=None)

    @staticmethod
    def _evaluation(
        session: Appending, evaluation_id: str, municipality: str
    ) -> EvaluationRow | None:
        # One query, the decisions and the verification joined in; the rows are made from
        # its columns, outside the session: nothing changes them, and the ORM's loading
        # cost twice the query.
        found = session.connection().execute(_READ_EVALUATION, {"id": evaluation_id}).all()
        if not found or found[0][_TENANT_AT] != municipality:
            return None
        return _evaluation_of(found)

    def get_evaluation(self, evaluation_id: str, actor: Actor) -> EvaluationRow | None:
        with self._bare(actor.municipality) as session:
            row = self._evaluation(session, evaluation_id, actor.municipality)
            if row is not None:
                self._audit(session, actor, "read", "evaluation", evaluation_id)
            return row

    def find_evaluation(self, evaluation_id: str, municipality: str) -> EvaluationRow | None:
        """For the service's own checks (decision, replay), which log their own action."""
        with self._tx(municipality) as session:
            return self._evaluation(session, evaluation_id, municipality)

    def list_evaluations(
        self,
        actor: Actor,
        limit: int,
        offset: int,
        case_key: str | None = None,
        case_id: str | None = None,
    ) -> tuple[list[EvaluationRow], int]:
        with self._tx(actor.municipality) as session:
            query = select(EvaluationRow).where(EvaluationRow.tenant == actor.municipality)
            if case_key:
                query = query.where(EvaluationRow.case_key == case_key)
            if case_id:
                query = query.where(EvaluationRow.case_id == case_id)
            rows, total = _page(
                session,
                query.order_by(EvaluationRow.created_at.desc(), EvaluationRow.id),
                limit,
                offset,
            )
            self._audit(
                session,
                actor,
                "read",
                "evaluation",
                None,
                {
                    "list": True,
                    "limit": limit,
                    "offset": offset,
                    "returned": len(rows),
                    "ids": [r.id for r in rows],
                },
            )
            return rows, total

    def record_replay(self, evaluation_id: str, actor: Actor, detail: dict[str, Any]) -> None:
        with self._tx(actor.municipality) as session:
            self._audit(session, actor, "replay", "evaluation", evaluation_id, detail)

    def add_verification(
        self, evaluation_id: str, new: NewVerification, tenant: str
    ) -> VerificationRow:
        """Record durable-rules' reading once; a second writer finds the first one's row.

        The background verifier and an on-demand check before a decision may race for the
        same evaluation; both computed the same deterministic result, so the first wins.
        """
        try:
            with self._bare(tenant) as session:
                found = _verification(session, evaluation_id)
                if found is not None:
                    return found
                values = {
                    "evaluation_id": evaluation_id,
                    "status": new.status,
                    "engine": new.engine,
                    "differences": list(new.differences),
                    "verified_at": now(),
                }
                session.connection().execute(_KEEP_VERIFICATION, values)
                return _detached(VerificationRow, values.items())
        except IntegrityError:
            with self._bare(tenant) as session:
                existing = _verification(session, evaluation_id)
            if existing is None:
                raise
            return existing

    # --- decisions -------------------------------------------------------------------

    def add_decision(
        self, evaluation_id: str, new: NewDecision, actor: Actor
    ) -> DecisionRow | None:
        """The first decision, or one that withdraws the current one; else a StoreError.

        The unique indexes on ``decisions`` settle a race between two writers: the loser's
        commit fails and is reported as the conflict it is.
        """
        try:
            with self._tx(actor.municipality) as session:
                evaluation = self._evaluation(session, evaluation_id, actor.municipality)
                if evaluation is None:
                    return None
                current = current_decision(evaluation.decisions)
                current_id = current.id if current is not None else None
                if new.withdraws is None and current is not None:
                    raise DecisionExists(current_id)
                if new.withdraws is not None and new.withdraws != current_id:
                    raise NothingToWithdraw(current_id)
                row = DecisionRow(
                    id=new_id(),
                    evaluation_id=evaluation_id,
                    decision=new.decision,
                    interventions=list(new.interventions),
                    motivation=new.motivation,
                    decided_by=new.decided_by,
                    recorded_by=actor.who,
                    created_at=now(),
                    withdraws=new.withdraws,
                    legal_basis_motivation=new.legal_basis_motivation,
                )
                session.add(row)
                self._audit(
                    session,
                    actor,
                    "decide",
                    "decision",
                    row.id,
                    {
                        "evaluation_id": evaluation_id,
                        "decision": new.decision,
                        "interventions": list(new.interventions),
                        "decided_by": new.decided_by,
                        "withdraws": new.withdraws,
                        "legal_basis_motivation": new.legal_basis_motivation is not None,
                    },
                )
                return row
        except IntegrityError:
            with self._tx(actor.municipality) as session:
                evaluation = self._evaluation(session, evaluation_id, actor.municipality)
                found = current_decision(evaluation.decisions) if evaluation else None
            raise DecisionExists(found.id if found else None) from None

    # --- erasure (run as the owner on PostgreSQL: the service's role may not delete) ---

    def due_for_erasure(
        self, municipality: str, cutoff: dt.datetime
    ) -> tuple[list[str], list[str]]:
        """The municipality's cases, and its evaluations without a case, in which nothing
        happened since ``cutoff``: no change, no evaluation, no decision."""
        recent_evaluation = select(EvaluationRow.id).where(EvaluationRow.created_at >= cutoff)
        recent_decision = select(DecisionRow.evaluation_id).where(DecisionRow.created_at >= cutoff)
        with self._tx(municipality) as session:
            cases = session.scalars(
                select(CaseRow.id)
                .where(func.lower(CaseRow.municipality) == municipality)
                .where(CaseRow.updated_at < cutoff)
                .where(
                    ~select(EvaluationRow.id)
                    .where(EvaluationRow.case_id == CaseRow.id)
                    .where(
                        EvaluationRow.id.in_(recent_evaluation)
                        | EvaluationRow.id.in_(recent_decision)
                    )
                    .exists()
                )
                .order_by(CaseRow.created_at, CaseRow.id)
            ).all()
            loose = session.scalars(
                select(EvaluationRow.id)
                .where(EvaluationRow.tenant == municipality, EvaluationRow.case_id.is_(None))
                .where(EvaluationRow.created_at < cutoff)
                .where(EvaluationRow.id.not_in(recent_decision))
                .order_by(EvaluationRow.created_at, EvaluationRow.id)
            ).all()
            return list(cases), list(loose)

    def erase_case(
        self, case_id: str, actor: Actor, ground: str, anonymise: bool = False
    ) -> int | None:
        """Erase the case, its evaluations (also those of its key without a case) and their
        decisions; each leaves a tombstone. Returns how many evaluations went, or None for
        a case that is not the municipality's. ``anonymise``: keep what each evaluation
        concluded, without the case (``anonymised_outcomes``)."""
        with self._tx(actor.municipality) as session:
            case = self._case(session, case_id, actor)
            if case is None:
                return None
            evaluations = session.scalars(
                select(EvaluationRow.id).where(
                    (EvaluationRow.case_id == case_id)
                    | (
                        EvaluationRow.case_id.is_(None)
                        & (EvaluationRow.tenant == actor.municipality)
                        & (EvaluationRow.case_key == case.case_key)
                    )
                )
            ).all()
            if anonymise:
                self._anonymise(session, list(evaluations))
            self._erase_evaluations(session, list(evaluations), actor, ground)
            self._audit(
                session,
                actor,
                ERASE,
                "case",
                case_id,
                {
                    "ground": ground,
                    "content_sha256": case_hash(case),
                    "evaluations": len(evaluations),
                    "anonymised": anonymise,
                },
            )
            session.flush()
            session.execute(delete(CaseRow).where(CaseRow.id == case_id))
            return len(evaluations)

    def erase_evaluation(
        self, evaluation_id: str, actor: Actor, ground: str, anonymise: bool = False
    ) -> bool:
        with self._tx(actor.municipality) as session:
            if self._evaluation(session, evaluation_id, actor.municipality) is None:
                return False
            if anonymise:
                self._anonymise(session, [evaluation_id])
            self._erase_evaluations(session, [evaluation_id], actor, ground)
            return True

    @staticmethod
    def _anonymise(session: Session, evaluation_ids: list[str]) -> None:
        """What each evaluation concluded, read from its stored summary before it goes:
        per intervention the status of its legal basis (no subjects), the first
        combination, the decision still in force; the year, not the date."""
        rows = session.scalars(
            select(EvaluationRow)
            .where(EvaluationRow.id.in_(evaluation_ids))
            .options(joinedload(EvaluationRow.decisions))
        ).unique()
        for row in rows:
            advice = json.loads(zlib.decompress(row.advice))
            combinations = advice.get("combinations") or [{}]
            withdrawn = {d.withdraws for d in row.decisions if d.withdraws}
            decided = [
                {"decision": d.decision, "interventions": list(d.interventions)}
                for d in row.decisions
                if d.id not in withdrawn
            ]
            session.add(
                AnonymisedOutcomeRow(
                    municipality=row.tenant,
                    year=row.reference_date.year,
                    ruleset_sha256=row.ruleset_sha256,
                    outcome={
                        "legal_basis": {
                            i["id"]: i["legal_basis"]["status"]
                            for i in advice.get("interventions", [])
                        },
                        "first_combination": combinations[0].get("interventions", []),
                        "decisions": decided,
                    },
                )
            )

    def _erase_evaluations(
        self, session: Session, evaluation_ids: list[str], actor: Actor, ground: str
    ) -> None:
        """Tombstones first (the database refuses a delete without one), then the rows.

        Each tombstone repeats the content hash of the row's chain link, so the chain still
        verifies: the content is gone, the record that it existed and was erased is not.
        """
        if not evaluation_ids:
            return
        decisions = session.scalars(
            select(DecisionRow.id).where(DecisionRow.evaluation_id.in_(evaluation_ids))
        ).all()
        objects = [("evaluation", e) for e in evaluation_ids] + [("decision", d) for d in decisions]
        links = {
            ident: content
            for ident, content in session.execute(
                select(ChainRow.object_id, ChainRow.content_sha256).where(
                    ChainRow.object_id.in_([ident for _, ident in objects])
                )
            )
        }
        for kind, ident in objects:
            self._audit(
                session,
                actor,
                ERASE,
                kind,
                ident,
                {"ground": ground, "content_sha256": links.get(ident)},
            )
        session.flush()
        session.execute(delete(DecisionRow).where(DecisionRow.evaluation_id.in_(evaluation_ids)))
        session.execute(
            delete(VerificationRow).where(VerificationRow.evaluation_id.in_(evaluation_ids))
        )
        session.execute(
            delete(IdempotencyRow).where(IdempotencyRow.evaluation_id.in_(evaluation_ids))
        )
        session.execute(delete(EvaluationRow).where(EvaluationRow.id.in_(evaluation_ids)))

    # --- audit -----------------------------------------------------------------------

    def audit_entries(
        self,
        actor: Actor,
        limit: int,
        offset: int,
        object_id: str | None = None,
        action: str | None = None,
    ) -> tuple[list[AuditRow], int]:
        """The municipality's trail; reading it is not logged (that would grow it per look)."""
        with self._tx(actor.municipality) as session:
            query = select(AuditRow).where(AuditRow.municipality == actor.municipality)
            if object_id:
                query = query.where(AuditRow.object_id == object_id)
            if action:
                query = query.where(AuditRow.action == action)
            return _page(session, query.order_by(AuditRow.id), limit, offset)


def _page(
    session: Session, query: Select[Record], limit: int, offset: int
) -> tuple[list[Record], int]:
    """One page of an ordered listing, and how many rows the listing has in all."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return list(session.scalars(query.limit(limit).offset(offset)).all()), total or 0


def current_decision(decisions: Sequence[DecisionRow]) -> DecisionRow | None:
    """The decision no later decision withdraws (the chain has exactly one such end)."""
    withdrawn = {d.withdraws for d in decisions if d.withdraws}
    standing = [d for d in decisions if d.id not in withdrawn]
    return standing[-1] if standing else None


_NAMES = (
    tuple(_EVALUATIONS.c.keys()),
    tuple(_VERIFICATIONS.c.keys()),
    tuple(_DECISIONS.c.keys()),
)
_TENANT_AT = _NAMES[0].index("tenant")
_VERIFICATION_AT = len(_NAMES[0])
_DECISION_AT = _VERIFICATION_AT + len(_NAMES[1])


def _verification(session: Appending, evaluation_id: str) -> VerificationRow | None:
    found = session.connection().execute(_FIND_VERIFICATION, {"id": evaluation_id}).first()
    return None if found is None else _detached(VerificationRow, zip(_NAMES[1], found, strict=True))


def _evaluation_of(found: Sequence[Row[Any]]) -> EvaluationRow:
    """The rows of ``_READ_EVALUATION`` (one per decision, at least one) as one record."""
    first = found[0]
    verification = (
        _detached(
            VerificationRow, zip(_NAMES[1], first[_VERIFICATION_AT:_DECISION_AT], strict=True)
        )
        if first[_VERIFICATION_AT] is not None
        else None
    )
    decisions = [
        _detached(DecisionRow, zip(_NAMES[2], row[_DECISION_AT:], strict=True))
        for row in found
        if row[_DECISION_AT] is not None
    ]
    evaluation = _detached(
        EvaluationRow,
        zip(_NAMES[0], first[:_VERIFICATION_AT], strict=True),
        decisions=decisions,
        verification=verification,
    )
    for decision in decisions:
        set_committed_value(decision, "evaluation", evaluation)
    return evaluation


Record = TypeVar("Record", bound=Base)


def _detached(kind: type[Record], columns: Iterable[tuple[str, Any]], **related: Any) -> Record:
    """A record made from its column values the way the ORM makes a loaded one, without
    the attribute events of its constructor (which cost more than the query that read
    them): for rows that are read or were just inserted, and never changed."""
    record: Record = kind.__mapper__.class_manager.new_instance()
    record.__dict__.update(columns)
    for name, value in related.items():
        set_committed_value(record, name, value)
    return record


def _user_row(user: NewUser) -> UserRow:
    stamp = now()
    return UserRow(
        username=user.username,
        password_hash=user.password_hash,
        role=user.role,
        municipality=user.municipality.lower(),
        created_at=stamp,
        password_changed_at=stamp,
    )
