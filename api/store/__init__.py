"""Persistence: SQLAlchemy models, Alembic migrations and the repository.

SQLite (WAL) by default, PostgreSQL when the URL says so; see docs/adr/0003-store.md.
"""

from api.store.db import connect, migrate
from api.store.repository import Store

__all__ = ["Store", "connect", "migrate"]
