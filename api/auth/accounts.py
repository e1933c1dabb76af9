"""Local accounts: checking a password, and the demo accounts of ``make run``."""

from __future__ import annotations

from api.auth.passwords import demo_hash, verify
from api.auth.principal import Role
from api.auth.tokens import Issued, Tokens
from api.store import Store
from api.store.repository import NewUser

DEMO_MUNICIPALITY = "voorbeeldstad"


def demo_password(role: Role) -> str:
    """Stated in the README; only ever created with ``AFWEGING_DEMO=1``."""
    return f"demo-{role}"


def demo_users() -> list[NewUser]:
    """One account per role for voorbeeldstad, named after the role."""
    return [
        NewUser(
            username=str(role),
            password_hash=demo_hash(demo_password(role)),
            role=str(role),
            municipality=DEMO_MUNICIPALITY,
        )
        for role in Role
    ]


def sign_in(store: Store, tokens: Tokens, username: str, password: str) -> Issued | None:
    """A fresh token for a correct name and password; None otherwise, in the same time."""
    user = store.get_user(username)
    if not verify(user.password_hash if user else None, password) or user is None:
        return None
    return tokens.issue(user.username, Role(user.role), user.municipality)
