"""Advice stored once, compressed; the durable-rules second reading in its own table.

The advice used to be kept as full JSON text (270 KB for a small case, proof trees
included); it is now the summary form, serialised once and zlib-compressed, and served
from those bytes. Existing rows keep what they had, compressed. The verification is a
separate row written when durable-rules has re-derived the evaluation, so evaluation rows
are never updated.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("evaluations", sa.Column("advice", sa.LargeBinary(), nullable=True))
    rows = sa.table(
        "evaluations",
        sa.column("id", sa.String),
        sa.column("advice_json", sa.Text),
        sa.column("advice", sa.LargeBinary),
    )
    bind = op.get_bind()
    for ident, text in bind.execute(sa.select(rows.c.id, rows.c.advice_json)).all():
        bind.execute(
            rows.update()
            .where(rows.c.id == ident)
            .values(advice=zlib.compress(text.encode("utf-8")))
        )
    op.drop_column("evaluations", "advice_json")

    op.create_table(
        "verifications",
        sa.Column("evaluation_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("engine", sa.String(80), nullable=False),
        sa.Column("differences", sa.JSON(), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('agreed', 'mismatch')", name=op.f("ck_verifications_verification_status")
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
            name=op.f("fk_verifications_evaluation_id_evaluations"),
        ),
        sa.PrimaryKeyConstraint("evaluation_id", name=op.f("pk_verifications")),
    )


def downgrade() -> None:
    op.drop_table("verifications")
    op.add_column("evaluations", sa.Column("advice_json", sa.Text(), nullable=True))
    rows = sa.table(
        "evaluations",
        sa.column("id", sa.String),
        sa.column("advice_json", sa.Text),
        sa.column("advice", sa.LargeBinary),
    )
    bind = op.get_bind()
    for ident, blob in bind.execute(sa.select(rows.c.id, rows.c.advice)).all():
        bind.execute(
            rows.update()
            .where(rows.c.id == ident)
            .values(advice_json=zlib.decompress(blob).decode("utf-8"))
        )
    op.drop_column("evaluations", "advice")
