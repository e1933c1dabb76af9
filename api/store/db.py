"""Connecting to the store and bringing its schema up to date.

SQLite: WAL journal (readers never block the writer), ``synchronous=NORMAL`` (a commit
is in the journal file, in the operating system's hands, before it is acknowledged: it
survives a crash or a kill of the service; only a power cut or a kernel crash may lose
the last commits, never leave a half-written one; docs/adr/0016-request-overhead.md), foreign keys on, and
every transaction opened with ``BEGIN IMMEDIATE`` so that concurrent writers queue
instead of failing with "database is locked" when a read transaction upgrades to a write.
They queue on a file lock next to the database (``_WriterQueue``), which wakes the next
one as soon as the lock is free, rather than in SQLite's sleeping busy handler.

Several uvicorn workers start at the same time; migrations and the demo cases run under
a lock (a file lock for SQLite, an advisory lock for PostgreSQL) so only one worker
does the work and the others find it done.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

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
        _configure_sqlite(engine, path)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


def _configure_sqlite(engine: Engine, path: Path | None) -> None:
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

    queue = None if path is None else _writer_queue(path.resolve())

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if queue is not None:
            queue.enter(conn.connection.dbapi_connection)
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    if queue is not None:
        # SQLAlchemy has no event after a commit or rollback on a connection; the
        # dialect's own calls are where the write lock is given back.
        dialect = engine.dialect
        commit, rollback = dialect.do_commit, dialect.do_rollback

        def do_commit(dbapi_connection: Any) -> None:
            try:
                commit(dbapi_connection)
            finally:
                queue.leave(dbapi_connection)

        def do_rollback(dbapi_connection: Any) -> None:
            try:
                rollback(dbapi_connection)
            finally:
                queue.leave(dbapi_connection)

        dialect.do_commit = do_commit  # type: ignore[method-assign]
        dialect.do_rollback = do_rollback  # type: ignore[method-assign]


class _WriterQueue:
    """Transactions of every worker take their turn on a file lock, woken as soon as it
    is free, before they take SQLite's write lock.

    Every transaction takes that write lock (``BEGIN IMMEDIATE``). One that finds it taken
    waits in SQLite's busy handler, which sleeps 1, 2, 5, 10, ... up to 100 ms between
    tries: under load the lock often stood free while its waiters slept (a p99 of 0.9 s
    with the second reading in the background; docs/adr/0016-request-overhead.md). The
    kernel hands a file lock over at once. Threads of one worker queue on a lock of the
    process first (one per database file, whichever engine they use), with SQLite's own
    timeout, so that a transaction opened inside another on the same thread still ends
    in SQLite's "database is locked" rather than waiting forever on the file."""

    def __init__(self, path: Path):
        self.path = path
        self.turn = threading.Lock()
        self.holder: int | None = None
        self.file: IO[str] | None = None

    def enter(self, dbapi_connection: Any) -> None:
        if not self.turn.acquire(timeout=BUSY_TIMEOUT_SECONDS):
            return  # SQLite's busy timeout decides, as without the queue
        try:
            if self.file is None:
                self.file = self.path.open("a+")
            fcntl.flock(self.file, fcntl.LOCK_EX)
        except BaseException:
            self.turn.release()
            raise
        self.holder = id(_raw(dbapi_connection))

    def leave(self, dbapi_connection: Any) -> None:
        # Called for every commit and rollback, also of a connection without the turn
        # (the pool rolls back each connection it takes back).
        if self.holder is None or self.holder != id(_raw(dbapi_connection)):
            return
        self.holder = None
        assert self.file is not None
        fcntl.flock(self.file, fcntl.LOCK_UN)
        self.turn.release()


@functools.cache
def _writer_queue(database: Path) -> _WriterQueue:
    return _WriterQueue(database.with_name(database.name + ".writers"))


def _raw(connection: Any) -> Any:
    """The driver's connection behind the pool's proxy: SQLAlchemy passes either."""
    return getattr(connection, "dbapi_connection", connection)


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
