"""The service's own PostgreSQL role: it owns nothing and may only what the service does.

Migrations run as the owner (``AFWEGING_MIGRATION_DATABASE_URL``); after each upgrade the
owner grants the service's role (the user of ``AFWEGING_DATABASE_URL``) exactly this:

- evaluations, decisions, verifications, idempotency keys, the audit log and the chain:
  SELECT and INSERT only: what was written stays written;
- every other table (cases, accounts, the service's secrets, tables later migrations add):
  SELECT, INSERT, UPDATE, DELETE;
- the sequences behind generated ids; ``alembic_version``: SELECT.

Because the role owns no table it cannot drop or disable a trigger, alter a table or
switch row-level security off, and a role that is a superuser, may bypass row-level
security or is a member of the owner is refused: with it, none of this would hold.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

#: Rows here are only ever added (an erasure runs as the owner, docs/adr/0012).
APPEND_ONLY = frozenset(
    {
        "evaluations",
        "decisions",
        "verifications",
        "idempotency_keys",
        "audit_log",
        "chain",
        # The rules an evaluation was made with: replay is only exact while they stay.
        "ruleset_files",
        "ruleset_bundles",
        "ruleset_bundle_files",
        "ruleset_loads",
        "anonymised_outcomes",
    }
)


class UnsafeRole(Exception):
    """The service's role could do more than the service needs; the service does not start."""


def _quoted(connection: Connection, name: str) -> str:
    quoted = connection.scalar(text("SELECT quote_ident(:name)"), {"name": name})
    assert isinstance(quoted, str)
    return quoted


def grant(connection: Connection, role: str) -> None:
    """Create ``role`` if it does not exist, check it is harmless, and give it its rights."""
    owner = connection.scalar(text("SELECT current_user"))
    if role == owner:
        raise UnsafeRole(
            f"de dienst en de migraties gebruiken dezelfde databaserol '{role}'; "
            "geef AFWEGING_DATABASE_URL een eigen rol"
        )
    name = _quoted(connection, role)
    found = connection.execute(
        text(
            "SELECT rolsuper, rolbypassrls, pg_has_role(:role, current_user, 'MEMBER') "
            "FROM pg_roles WHERE rolname = :role"
        ),
        {"role": role},
    ).first()
    if found is None:
        connection.execute(
            text(
                f"CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE "
                "NOINHERIT"
            )
        )
    elif any(found):
        raise UnsafeRole(
            f"databaserol '{role}' is superuser, mag rijbeveiliging omzeilen of is lid van "
            f"de eigenaar '{owner}'; de dienst start daarmee niet"
        )
    schema = _quoted(connection, str(connection.scalar(text("SELECT current_schema()"))))
    connection.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {name}"))
    connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {name}"))
    for table in inspect(connection).get_table_names():
        if table == "alembic_version":
            rights = "SELECT"
        elif table in APPEND_ONLY:
            rights = "SELECT, INSERT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        connection.execute(text(f"GRANT {rights} ON {_quoted(connection, table)} TO {name}"))
    connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {name}"))
