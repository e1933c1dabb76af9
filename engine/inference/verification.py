"""The outcome of durable-rules' independent second reading of one evaluation.

A mismatch is a value here, not an exception: the service records it on the evaluation
and refuses a decision on it, so a person sees it instead of an outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from importlib.metadata import version

#: Which engine re-derived the evaluation, as recorded with every verification.
ENGINE = f"durable-rules {version('durable-rules')}"


class VerificationStatus(StrEnum):
    agreed = "agreed"
    mismatch = "mismatch"


@dataclass(frozen=True)
class Verification:
    status: VerificationStatus
    engine: str = ENGINE
    #: In Dutch, one per disagreement, naming the intervention or fact and the subject.
    differences: tuple[str, ...] = ()
