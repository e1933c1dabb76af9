"""Connecting to the store and bringing its schema up to date.

SQLite: WAL journal (readers never block the writer), ``synchronous=NORMAL`` (a commit
is in the journal file, in the operating system's hands, before it is acknowledged: it
survives a crash or a kill of the service; only a power cut or a kernel crash may lose
the last commits, never leave a half-written one; docs/adr/0016-request-overhead.md), foreign keys on, and
every transaction opened with ``BEGIN IMMEDIATE`` so that concurrent writers queue on the
busy timeout instead of failing with "database is locked" when a read transaction
upgrades to a write.

Several uvicorn workers start at the same time; migrations and the demo cases run under
a lock (a file lock for SQLite, an advisory lock for PostgreSQL) so only one worker
does the work and the others find it done.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_SECONDS = 60
# An arbitrary constant naming this application's advisory lock in PostgreSQL.
PG_LOCK_KEY = 0x0AF3E61


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def connect(url: str, **kwargs: Any) -> Engine:
    """An Engine for ``url``; SQLite files and their folder are created on demand.

    ``hide_parameters``: a failed statement's message (and so a logged 500) never carries
    the values it was given, which are case data.
    """
    path = sqlite_path(url)
    if make_url(url).get_backend_name() == "sqlite":
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
            hide_parameters=True,
            **kwargs,
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver so BEGIN IMMEDIATE is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextlib.contextmanager
def _sqlite_file_lock(path: Path | None) -> Iterator[None]:
    if path is None:
        yield
        return
    lock = path.with_name(path.name + ".lock")
    with lock.open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, then: Callable[[Connection], None] | None = None) -> None:
    """``alembic upgrade head`` in one transaction, under the store-wide lock.

    ``then`` runs in the same locked transaction (used to load the demo cases once).
    """
    url = engine.url.render_as_string(hide_password=False)
    with _sqlite_file_lock(sqlite_path(url)), engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
        command.upgrade(alembic_config(connection), "head")
        if then is not None:
            then(connection)
