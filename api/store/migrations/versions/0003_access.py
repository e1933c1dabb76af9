"""Who may see what: accounts, the owning municipality of each record, one decision each.

- ``users``: local accounts (argon2 hashes) for the embedded sign-in;
- ``service_secrets``: the key that signs the service's own tokens, made once and shared
  by every instance through the store (unless ``AFWEGING_SECRET_KEY`` sets it);
- ``evaluations.tenant``: the municipality whose users may see the evaluation (old rows:
  the municipality whose policy was applied, which was the case's own unless asked);
- ``audit_log.municipality`` and ``audit_log.reason``: whose trail, and why someone looked;
- ``idempotency_keys``: an evaluation's ``Idempotency-Key``, so a retry gets the same one;
- ``decisions.withdraws`` and ``legal_basis_motivation``: a change of decision names the
  decision it withdraws. Evaluations that already have several decisions keep them, each
  later one recorded as withdrawing the one before (that was how they were shown: the
  last one counted).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_WITHDRAWING = sa.text("withdraws IS NULL")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("municipality", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('jurist', 'bestuurder', 'beleidsmedewerker', 'auditor')",
            name=op.f("ck_users_user_role"),
        ),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_users")),
    )
    op.create_table(
        "service_secrets",
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("value", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_service_secrets")),
    )

    op.create_table(
        "idempotency_keys",
        sa.Column("tenant", sa.String(200), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("evaluation_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
            name=op.f("fk_idempotency_keys_evaluation_id_evaluations"),
        ),
        sa.PrimaryKeyConstraint("tenant", "who", "key", name=op.f("pk_idempotency_keys")),
    )

    op.add_column("evaluations", sa.Column("tenant", sa.String(200), nullable=True))
    evaluations = sa.table(
        "evaluations", sa.column("tenant", sa.String), sa.column("municipality", sa.String)
    )
    op.execute(
        evaluations.update().values(
            tenant=sa.func.lower(sa.func.coalesce(evaluations.c.municipality, ""))
        )
    )
    op.create_index(op.f("ix_evaluations_tenant"), "evaluations", ["tenant"])

    # Plain ADD COLUMN: the append-only triggers on audit_log stay as they are.
    op.add_column("audit_log", sa.Column("municipality", sa.String(200), nullable=True))
    op.add_column("audit_log", sa.Column("reason", sa.Text(), nullable=True))
    op.create_index(op.f("ix_audit_log_municipality"), "audit_log", ["municipality"])

    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("withdraws", sa.String(36), nullable=True))
        batch.add_column(sa.Column("legal_basis_motivation", sa.Text(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_decisions_withdraws_decisions"), "decisions", ["withdraws"], ["id"]
        )
        batch.create_unique_constraint(op.f("uq_decisions_withdraws"), ["withdraws"])
    _chain_existing_decisions()
    op.create_index(
        "uq_decisions_first_per_evaluation",
        "decisions",
        ["evaluation_id"],
        unique=True,
        sqlite_where=NOT_WITHDRAWING,
        postgresql_where=NOT_WITHDRAWING,
    )


def _chain_existing_decisions() -> None:
    decisions = sa.table(
        "decisions",
        sa.column("id", sa.String),
        sa.column("evaluation_id", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("withdraws", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(decisions.c.id, decisions.c.evaluation_id).order_by(
            decisions.c.evaluation_id, decisions.c.created_at, decisions.c.id
        )
    ).all()
    previous: dict[str, str] = {}
    for ident, evaluation in rows:
        if evaluation in previous:
            bind.execute(
                decisions.update()
                .where(decisions.c.id == ident)
                .values(withdraws=previous[evaluation])
            )
        previous[evaluation] = ident


def downgrade() -> None:
    op.drop_index("uq_decisions_first_per_evaluation", table_name="decisions")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_constraint(op.f("uq_decisions_withdraws"), type_="unique")
        batch.drop_constraint(op.f("fk_decisions_withdraws_decisions"), type_="foreignkey")
        batch.drop_column("legal_basis_motivation")
        batch.drop_column("withdraws")
    op.drop_index(op.f("ix_audit_log_municipality"), table_name="audit_log")
    op.drop_column("audit_log", "reason")
    op.drop_column("audit_log", "municipality")
    op.drop_index(op.f("ix_evaluations_tenant"), table_name="evaluations")
    op.drop_column("evaluations", "tenant")
    op.drop_table("idempotency_keys")
    op.drop_table("service_secrets")
    op.drop_table("users")
