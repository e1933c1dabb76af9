"""The tables: cases, evaluations, decisions and the append-only audit log.

An evaluation keeps everything needed to reproduce and check its advice: the input as
received (canonical JSON and its sha256), the advice (summary form, serialised once and
zlib-compressed, served from those bytes), the ruleset bundle (ids, versions, sha256 per
file and for the bundle) and the engine version. The durable-rules second reading is a
row of its own, written once it has run, so an evaluation row is never updated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

AUDIT_ACTIONS = ("create", "read", "update", "evaluate", "decide", "replay", "erase")
#: The audit action whose entry is an erasure's tombstone (docs/adr/0012).
ERASE = "erase"
DECISIONS = ("accept", "adjust", "reject")
ROLES = ("jurist", "bestuurder", "beleidsmedewerker", "auditor")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored in UTC and always returned timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# BIGINT autoincrement is not a rowid alias in SQLite; INTEGER is.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class CaseRow(Base):
    """``revision`` is the ORM's version counter: an UPDATE names the revision it read and
    changes nothing if another writer got there first, so no update is ever lost."""

    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: Unique within the municipality (lower case, as every query compares it).
    case_key: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(200), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(200))

    __mapper_args__ = {"version_id_col": revision}  # noqa: RUF012
    __table_args__ = (
        UniqueConstraint("municipality", "case_key", name="uq_cases_municipality_case_key"),
    )


class EvaluationRow(Base):
    __tablename__ = "evaluations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    case_key: Mapped[str] = mapped_column(String(200), index=True)
    municipality: Mapped[str | None] = mapped_column(String(200))
    reference_date: Mapped[dt.date] = mapped_column(Date)
    requested_municipality: Mapped[str | None] = mapped_column(String(200))
    requested_reference_date: Mapped[dt.date | None] = mapped_column(Date)
    input_json: Mapped[str] = mapped_column(Text)
    input_sha256: Mapped[str] = mapped_column(String(64))
    # Nullable only because migration 0002 adds it to a table that may hold rows; every
    # row has it (0002 fills the old ones) and the repository always writes it.
    advice: Mapped[bytes] = mapped_column(LargeBinary, nullable=True)
    advice_sha256: Mapped[str] = mapped_column(String(64))
    ruleset_id: Mapped[str] = mapped_column(String(200))
    ruleset_version: Mapped[str] = mapped_column(Text)
    ruleset_sha256: Mapped[str] = mapped_column(String(64))
    rulesets: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    engine_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    created_by: Mapped[str] = mapped_column(String(200))
    #: The municipality of the user who asked, lower-case: who may see this evaluation.
    #: Not ``municipality``, which is whose policy was applied (a query may choose it).
    #: Nullable only because migration 0003 adds it to a table that may hold rows (and
    #: SQLite cannot tighten a column in place); 0003 fills it, the repository writes it.
    tenant: Mapped[str] = mapped_column(String(200), index=True, nullable=True)

    decisions: Mapped[list[DecisionRow]] = relationship(
        back_populates="evaluation", order_by="DecisionRow.created_at", lazy="selectin"
    )
    verification: Mapped[VerificationRow | None] = relationship(lazy="selectin")


class DecisionRow(Base):
    """One decision per evaluation; a change withdraws the current one and names it.

    The database keeps the chain linear: at most one decision per evaluation withdraws
    nothing (the first), and each decision is withdrawn at most once, so two bestuurders
    deciding at the same moment cannot both succeed.
    """

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint("decision IN ('accept', 'adjust', 'reject')", name="decision_kind"),
        Index(
            "uq_decisions_first_per_evaluation",
            "evaluation_id",
            unique=True,
            sqlite_where=text("withdraws IS NULL"),
            postgresql_where=text("withdraws IS NULL"),
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluations.id"), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    interventions: Mapped[list[str]] = mapped_column(JSON)
    motivation: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    recorded_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    withdraws: Mapped[str | None] = mapped_column(
        ForeignKey("decisions.id"), unique=True, nullable=True
    )
    #: Why an intervention whose legal basis is not satisfied is chosen anyway.
    legal_basis_motivation: Mapped[str | None] = mapped_column(Text, nullable=True)

    evaluation: Mapped[EvaluationRow] = relationship(back_populates="decisions")


class VerificationRow(Base):
    """durable-rules' independent reading of one evaluation: agreed or mismatch, once."""

    __tablename__ = "verifications"
    __table_args__ = (
        CheckConstraint("status IN ('agreed', 'mismatch')", name="verification_status"),
    )

    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluations.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    engine: Mapped[str] = mapped_column(String(80))
    differences: Mapped[list[str]] = mapped_column(JSON)
    verified_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class AuditRow(Base):
    """Append-only: the code only inserts, and database triggers refuse UPDATE and DELETE.

    An ``erase`` entry is a tombstone: it names what a lawful erasure removed and the
    content hash its chain link keeps (docs/adr/0012).
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint(
            "action IN ('create', 'read', 'update', 'evaluate', 'decide', 'replay', 'erase')",
            name="audit_action",
        ),
        Index("ix_audit_log_object", "object_type", "object_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))
    object_type: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: Whose trail this is (lower-case); an auditor reads only their municipality's.
    municipality: Mapped[str | None] = mapped_column(String(200), index=True)
    #: Why the user looked (``X-Reden`` or ``reden``), when they said.
    reason: Mapped[str | None] = mapped_column(Text)


class IdempotencyRow(Base):
    """An ``Idempotency-Key`` a user sent with an evaluation: a retry gets that evaluation.

    Keys are the user's own (per municipality and user), so nobody learns another's.
    """

    __tablename__ = "idempotency_keys"

    tenant: Mapped[str] = mapped_column(String(200), primary_key=True)
    who: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_sha256: Mapped[str] = mapped_column(String(64))
    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluations.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class UserRow(Base):
    """A local account (the embedded sign-in); municipalities with an IdP need none."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "role IN ('jurist', 'bestuurder', 'beleidsmedewerker', 'auditor')", name="user_role"
        ),
    )

    username: Mapped[str] = mapped_column(String(200), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    municipality: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SecretRow(Base):
    """Secrets the service makes for itself, shared by every instance through the store."""

    __tablename__ = "service_secrets"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


class ChainRow(Base):
    """One link of the hash chain (``api.store.chain``); only ever inserted."""

    __tablename__ = "chain"
    __table_args__ = (Index("uq_chain_object", "object_type", "object_id", unique=True),)

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    object_type: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[str] = mapped_column(String(200))
    content_sha256: Mapped[str] = mapped_column(String(64))
    previous_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))
    scheme: Mapped[int] = mapped_column(Integer)


class RulesetFileRow(Base):
    """One ruleset file's exact bytes, named by their sha256: kept once, however many
    versions contain it."""

    __tablename__ = "ruleset_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)


class RulesetBundleRow(Base):
    """A set of ruleset files by its sha256: a bundle an evaluation used (the sha256 in
    its advice) or a whole rulesets folder that was loaded. Written once, never changed."""

    __tablename__ = "ruleset_bundles"
    __table_args__ = (CheckConstraint("kind IN ('bundle', 'folder')", name="bundle_kind"),)

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(200))

    files: Mapped[list[RulesetBundleFileRow]] = relationship(
        order_by="RulesetBundleFileRow.path", lazy="selectin"
    )


class RulesetBundleFileRow(Base):
    __tablename__ = "ruleset_bundle_files"

    bundle_sha256: Mapped[str] = mapped_column(
        ForeignKey("ruleset_bundles.sha256"), primary_key=True
    )
    #: The path the advice names for this file (as the service read it).
    path: Mapped[str] = mapped_column(String(1000), primary_key=True)
    file_sha256: Mapped[str] = mapped_column(ForeignKey("ruleset_files.sha256"), index=True)


class RulesetLoadRow(Base):
    """Each time a rulesets folder became the one in force; the newest row is in force,
    and every worker compares its own with it."""

    __tablename__ = "ruleset_loads"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("ruleset_bundles.sha256"))
    loaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    loaded_by: Mapped[str] = mapped_column(String(200))


class AnonymisedOutcomeRow(Base):
    """What an erased evaluation concluded, without the case: the municipality, the year,
    the rules, and per intervention the status of its legal basis, the first combination
    and what was decided. No case key, id, alias or date, so no person can be found in it;
    kept for policy figures after a case is anonymised (docs/adr/0012)."""

    __tablename__ = "anonymised_outcomes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    municipality: Mapped[str] = mapped_column(String(200), index=True)
    year: Mapped[int] = mapped_column(Integer)
    ruleset_sha256: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[dict[str, Any]] = mapped_column(JSON)
