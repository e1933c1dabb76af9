"""The Afwegingskader service: FastAPI app, persistence and the review pages.

``api.app.create_app`` wires the pieces: settings, the store (SQLAlchemy + Alembic),
the engine's Advisor, problem+json errors and one router module per resource.
"""
