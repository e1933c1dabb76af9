"""A case key is unique within its municipality, not across all of them.

Two municipalities may well both number a case ``2026-001``; with one key for everyone,
the second was refused with "already in use", which told it that another municipality
had such a case. The municipality of a case is stored in lower case (as every query
compares it), so ``Voorbeeldstad`` and ``voorbeeldstad`` cannot hold the same key twice.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(sa.text("UPDATE cases SET municipality = lower(municipality)"))
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint("uq_cases_case_key", type_="unique")
        batch.create_unique_constraint(
            "uq_cases_municipality_case_key", ["municipality", "case_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint("uq_cases_municipality_case_key", type_="unique")
        batch.create_unique_constraint("uq_cases_case_key", ["case_key"])
