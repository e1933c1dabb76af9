"""A case key is unique within its municipality, not across all of them.

Two municipalities may well both number a case ``2026-001``; with one key for everyone,
the second was refused with "already in use", which told it that another municipality
had such a case. The service stores a new case's municipality in lower case (as every
query compares it), so ``Voorbeeldstad`` and ``voorbeeldstad`` cannot hold the same key
twice. Cases stored before keep their spelling: rewriting them here would change what the
audit trail recorded of them, and ``afweging audit verify`` would rightly call that a
change behind the service's back.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint("uq_cases_case_key", type_="unique")
        batch.create_unique_constraint(
            "uq_cases_municipality_case_key", ["municipality", "case_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint("uq_cases_municipality_case_key", type_="unique")
        batch.create_unique_constraint("uq_cases_case_key", ["case_key"])
