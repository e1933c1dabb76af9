"""The three values a condition can take for one subject.

A ``StrEnum`` so the values stay the strings the Advice contract and older callers
compare with ("satisfied" == Status.SATISFIED), while new code gets a closed type.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    SATISFIED = "satisfied"
    NOT_SATISFIED = "not_satisfied"
    UNKNOWN = "unknown"


TRUE = Status.SATISFIED
FALSE = Status.NOT_SATISFIED
UNKNOWN = Status.UNKNOWN
