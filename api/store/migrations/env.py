"""Alembic environment: runs on the connection ``api.store.db.migrate`` hands over.

From the command line: ``alembic -x url=sqlite:///var/afwegingskader.db upgrade head``
with ``script_location`` pointing here (the app itself never needs the CLI).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from api.store.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = context.config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    from api.store.db import connect

    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("geef de database op met -x url=...")
    engine = connect(url)
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migraties worden niet ondersteund")
run_migrations_online()
