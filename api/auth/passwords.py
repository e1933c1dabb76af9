"""Password hashes with argon2id (argon2-cffi's defaults, RFC 9106's second recommendation)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()
MIN_LENGTH = 10
#: Verified when the user does not exist, so a wrong name costs as long as a wrong password.
_DUMMY = _HASHER.hash("geen-gebruiker-met-deze-naam")


class WeakPassword(ValueError):
    pass


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"het wachtwoord moet minstens {MIN_LENGTH} tekens hebben")


def hash_password(password: str) -> str:
    check_strength(password)
    return _HASHER.hash(password)


@cache
def demo_hash(password: str) -> str:
    """One hash per demo password per process: every test store seeds the same accounts."""
    return hash_password(password)


def verify(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
