"""Tamper evidence and a second line of municipality separation (docs/adr/0012).

- ``chain``: one hash-chain link per evaluation, decision and audit entry; rows already
  stored are linked oldest first;
- ``audit_log.action`` may be ``erase``: the tombstone of a lawful erasure;
- evaluations and decisions are append-only like the audit log: the database refuses an
  UPDATE, and a DELETE unless the audit log already holds the row's tombstone; the chain
  itself refuses both;
- PostgreSQL: row-level security on every table with a municipality, keyed on the
  setting ``afweging.municipality`` that the repository sets per transaction. The table
  owner (who runs migrations) is not bound by it; the service's role is (``api.store.roles``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from api.store.chain import chain_unlinked

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDIT_REFUSAL = "audit_log is alleen aan te vullen: wijzigen en verwijderen zijn niet toegestaan"
REFUSAL = "is alleen aan te vullen: wijzigen is niet toegestaan, wissen alleen met een grafsteen"
CHAIN_REFUSAL = "de keten is alleen aan te vullen"
OLD_ACTIONS = "action IN ('create', 'read', 'update', 'evaluate', 'decide', 'replay')"
ACTIONS = "action IN ('create', 'read', 'update', 'evaluate', 'decide', 'replay', 'erase')"
#: Tables that may lose a row only to a lawful erasure, and the audit object type it names.
ERASABLE = {"evaluations": "evaluation", "decisions": "decision"}
TENANT = "nullif(current_setting('afweging.municipality', true), '')"
POLICIES = {
    "cases": f"lower(municipality) = {TENANT}",
    "evaluations": f"tenant = {TENANT}",
    "audit_log": f"municipality = {TENANT}",
    "idempotency_keys": f"tenant = {TENANT}",
    "decisions": "EXISTS (SELECT 1 FROM evaluations e WHERE e.id = decisions.evaluation_id)",
    "verifications": (
        "EXISTS (SELECT 1 FROM evaluations e WHERE e.id = verifications.evaluation_id)"
    ),
}


def upgrade() -> None:
    op.create_table(
        "chain",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("object_type", sa.String(20), nullable=False),
        sa.Column("object_id", sa.String(200), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("chain_hash", sa.String(64), nullable=False),
        sa.Column("scheme", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_chain")),
    )
    op.create_index("uq_chain_object", "chain", ["object_type", "object_id"], unique=True)
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.drop_constraint(op.f("ck_audit_log_audit_action"), "audit_log", type_="check")
        op.create_check_constraint(op.f("ck_audit_log_audit_action"), "audit_log", ACTIONS)
    else:
        # SQLite rebuilds the table to change a CHECK, and its triggers go with it.
        with op.batch_alter_table("audit_log", recreate="always") as batch:
            batch.drop_constraint(op.f("ck_audit_log_audit_action"), type_="check")
            batch.create_check_constraint(op.f("ck_audit_log_audit_action"), ACTIONS)
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, '{AUDIT_REFUSAL}'); END"
            )
    chain_unlinked(op.get_bind())
    if postgres:
        _postgres_guards()
        _row_level_security()
    else:
        _sqlite_guards()


def _sqlite_guards() -> None:
    for name, kind in ERASABLE.items():
        op.execute(
            f"CREATE TRIGGER {name}_no_update BEFORE UPDATE ON {name} "
            f"BEGIN SELECT RAISE(ABORT, '{name} {REFUSAL}'); END"
        )
        op.execute(
            f"CREATE TRIGGER {name}_erase_only BEFORE DELETE ON {name} "
            "WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE action = 'erase' "
            f"AND object_type = '{kind}' AND object_id = OLD.id) "
            f"BEGIN SELECT RAISE(ABORT, '{name} {REFUSAL}'); END"
        )
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER chain_no_{verb.lower()} BEFORE {verb} ON chain "
            f"BEGIN SELECT RAISE(ABORT, '{CHAIN_REFUSAL}'); END"
        )


def _postgres_guards() -> None:
    op.execute(
        f"""
        CREATE FUNCTION erase_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND EXISTS (
                SELECT 1 FROM audit_log
                WHERE action = 'erase' AND object_type = TG_ARGV[0] AND object_id = OLD.id
            ) THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '% {REFUSAL} (%)', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $$
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION chain_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{CHAIN_REFUSAL} (%)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $$
        """
    )
    for name, kind in ERASABLE.items():
        op.execute(
            f"CREATE TRIGGER {name}_no_change BEFORE UPDATE OR DELETE ON {name} "
            f"FOR EACH ROW EXECUTE FUNCTION erase_only('{kind}')"
        )
        op.execute(
            f"CREATE TRIGGER {name}_no_truncate BEFORE TRUNCATE ON {name} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION erase_only('{kind}')"
        )
    op.execute(
        "CREATE TRIGGER chain_no_change BEFORE UPDATE OR DELETE ON chain "
        "FOR EACH ROW EXECUTE FUNCTION chain_append_only()"
    )
    op.execute(
        "CREATE TRIGGER chain_no_truncate BEFORE TRUNCATE ON chain "
        "FOR EACH STATEMENT EXECUTE FUNCTION chain_append_only()"
    )


def _row_level_security() -> None:
    for name, condition in POLICIES.items():
        op.execute(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY {name}_municipality ON {name} USING ({condition}) "
            f"WITH CHECK ({condition})"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in POLICIES:
            op.execute(f"DROP POLICY IF EXISTS {name}_municipality ON {name}")
            op.execute(f"ALTER TABLE {name} DISABLE ROW LEVEL SECURITY")
        for name in ERASABLE:
            op.execute(f"DROP TRIGGER IF EXISTS {name}_no_change ON {name}")
            op.execute(f"DROP TRIGGER IF EXISTS {name}_no_truncate ON {name}")
        op.execute("DROP TRIGGER IF EXISTS chain_no_change ON chain")
        op.execute("DROP TRIGGER IF EXISTS chain_no_truncate ON chain")
        op.execute("DROP FUNCTION IF EXISTS erase_only()")
        op.execute("DROP FUNCTION IF EXISTS chain_append_only()")
        op.drop_constraint(op.f("ck_audit_log_audit_action"), "audit_log", type_="check")
        op.create_check_constraint(op.f("ck_audit_log_audit_action"), "audit_log", OLD_ACTIONS)
    else:
        for name in ERASABLE:
            op.execute(f"DROP TRIGGER IF EXISTS {name}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {name}_erase_only")
        with op.batch_alter_table("audit_log", recreate="always") as batch:
            batch.drop_constraint(op.f("ck_audit_log_audit_action"), type_="check")
            batch.create_check_constraint(op.f("ck_audit_log_audit_action"), OLD_ACTIONS)
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, '{AUDIT_REFUSAL}'); END"
            )
    op.drop_index("uq_chain_object", table_name="chain")
    op.drop_table("chain")
