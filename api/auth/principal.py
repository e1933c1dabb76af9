"""The signed-in user as the service sees it: a subject, one role, one municipality."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """The four roles of DESIGN.md; their values are the names people use for them."""

    jurist = "jurist"
    bestuurder = "bestuurder"
    beleidsmedewerker = "beleidsmedewerker"
    auditor = "auditor"


@dataclass(frozen=True)
class Principal:
    """Established from a verified token only, never from a header the client writes.

    ``municipality`` is stored lower-case: every query compares against it.
    """

    subject: str
    role: Role
    municipality: str
    issuer: str
