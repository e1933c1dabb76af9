"""A per-evaluation time budget that the engine's loops check cooperatively.

A case that is too big or too tangled must not tie up a worker: the service gives each
evaluation a deadline, and the loops that grow with the case (legal bases per target,
weighing per intervention, the combination search) call ``check`` so the work stops
itself instead of being abandoned while it keeps computing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


class DeadlineExceeded(RuntimeError):
    """The evaluation ran out of its time budget; nothing partial is returned."""

    def __init__(self, seconds: float):
        super().__init__(f"de beoordeling duurde langer dan {seconds:g} seconden")
        self.seconds = seconds


@dataclass
class Deadline:
    """``seconds=None`` means no limit (the CLI and tests)."""

    seconds: float | None = None
    started: float = field(default_factory=time.monotonic)

    def check(self) -> None:
        if self.seconds is not None and time.monotonic() - self.started > self.seconds:
            raise DeadlineExceeded(self.seconds)

    def remaining(self) -> float | None:
        if self.seconds is None:
            return None
        return max(0.0, self.seconds - (time.monotonic() - self.started))


#: The default for callers that set no limit.
UNLIMITED = Deadline()
