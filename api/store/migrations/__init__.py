"""Alembic migrations of the store; run by ``api.store.db.migrate`` at startup."""
