"""The rules as they were: every ruleset bundle used, content-addressed, and which rulesets
folder is in force.

- ``ruleset_files``: each file's exact bytes once, by their sha256;
- ``ruleset_bundles`` and ``ruleset_bundle_files``: a bundle (the sha256 an advice names)
  or a loaded rulesets folder, as its files by path;
- ``ruleset_loads``: each load of a rulesets folder; the newest is in force in every
  worker (docs/adr/0013-ruleset-bundles-and-reload.md).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "ruleset_files",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_ruleset_files")),
    )
    op.create_table(
        "ruleset_bundles",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.CheckConstraint(
            "kind IN ('bundle', 'folder')", name=op.f("ck_ruleset_bundles_bundle_kind")
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_ruleset_bundles")),
    )
    op.create_table(
        "ruleset_bundle_files",
        sa.Column("bundle_sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["bundle_sha256"],
            ["ruleset_bundles.sha256"],
            name=op.f("fk_ruleset_bundle_files_bundle_sha256_ruleset_bundles"),
        ),
        sa.ForeignKeyConstraint(
            ["file_sha256"],
            ["ruleset_files.sha256"],
            name=op.f("fk_ruleset_bundle_files_file_sha256_ruleset_files"),
        ),
        sa.PrimaryKeyConstraint("bundle_sha256", "path", name=op.f("pk_ruleset_bundle_files")),
    )
    op.create_index(
        op.f("ix_ruleset_bundle_files_file_sha256"), "ruleset_bundle_files", ["file_sha256"]
    )
    op.create_table(
        "ruleset_loads",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("loaded_by", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["ruleset_bundles.sha256"],
            name=op.f("fk_ruleset_loads_sha256_ruleset_bundles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ruleset_loads")),
    )
    _service_events_policies()


# A start that finds the rulesets folder changed is the service's own event, of no
# municipality: row-level security lets the service record it (and nothing else without a
# municipality) in a transaction that acts for no municipality, and no municipality's
# transaction sees it; the chain still guards it.
SERVICE_EVENT = "municipality = '' AND who = 'systeem' AND object_type = 'rulesets'"
NO_TENANT = "nullif(current_setting('afweging.municipality', true), '') IS NULL"
SERVICE_EVENT_POLICIES = {
    "audit_log_service_events_insert": f"FOR INSERT WITH CHECK ({SERVICE_EVENT})",
    "audit_log_service_events_select": f"FOR SELECT USING ({SERVICE_EVENT} AND {NO_TENANT})",
}


def _service_events_policies() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, rule in SERVICE_EVENT_POLICIES.items():
            op.execute(f"CREATE POLICY {name} ON audit_log {rule}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in SERVICE_EVENT_POLICIES:
            op.execute(f"DROP POLICY IF EXISTS {name} ON audit_log")
    op.drop_table("ruleset_loads")
    op.drop_index(op.f("ix_ruleset_bundle_files_file_sha256"), table_name="ruleset_bundle_files")
    op.drop_table("ruleset_bundle_files")
    op.drop_table("ruleset_bundles")
    op.drop_table("ruleset_files")
