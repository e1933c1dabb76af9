"""What an anonymised case's evaluations concluded, without the case (docs/adr/0012).

``anonymised_outcomes`` keeps per erased evaluation the municipality, the year, the rules
and per intervention the status of its legal basis, the first combination and what was
decided; only ever added to, and on PostgreSQL seen only by its own municipality.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TENANT = "nullif(current_setting('afweging.municipality', true), '')"


def upgrade() -> None:
    op.create_table(
        "anonymised_outcomes",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("municipality", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("ruleset_sha256", sa.String(64), nullable=False),
        sa.Column("outcome", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anonymised_outcomes")),
    )
    op.create_index(
        op.f("ix_anonymised_outcomes_municipality"), "anonymised_outcomes", ["municipality"]
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE anonymised_outcomes ENABLE ROW LEVEL SECURITY")
        condition = f"municipality = {TENANT}"
        op.execute(
            "CREATE POLICY anonymised_outcomes_municipality ON anonymised_outcomes "
            f"USING ({condition}) WITH CHECK ({condition})"
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_anonymised_outcomes_municipality"), table_name="anonymised_outcomes")
    op.drop_table("anonymised_outcomes")
