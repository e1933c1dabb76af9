"""durable-rules' second reading of stored evaluations, off the request path.

The compiled evaluator answers the request; durable-rules re-derives the same evaluation
independently, which costs several times more than the advice itself (docs/adr/0007).
So each worker verifies in one background thread, fed by a bounded queue, and a
decision that finds no verification yet runs it on demand before it is recorded. A full
queue only means the evaluation stays "pending" a little longer, never a lost check.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import queue
import threading
from dataclasses import dataclass
from typing import Protocol

from api.case_input import parse
from api.store import Store
from api.store.models import EvaluationRow, VerificationRow
from api.store.repository import NewVerification
from engine.case.models import Case
from engine.inference.verification import Verification

log = logging.getLogger("api.verification")

QUEUE_SIZE = 1024


class Verifying(Protocol):
    """What the verifier needs of the service's rules (api/rules.py)."""

    def verify(
        self,
        case: Case,
        municipality: str | None,
        reference_date: dt.date,
        ruleset_sha256: str | None = None,
    ) -> Verification: ...


@dataclass(frozen=True)
class Job:
    evaluation_id: str
    case: Case
    municipality: str | None
    reference_date: dt.date
    #: Whose evaluation it is (row-level security lets only them record its reading).
    tenant: str
    #: The bundle the evaluation was made with; durable-rules reads the same one.
    ruleset_sha256: str | None = None


class Verifier:
    def __init__(self, advisor: Verifying, store: Store, background: bool = True):
        self.advisor = advisor
        self.store = store
        self.background = background
        self._queue: queue.Queue[Job | None] = queue.Queue(QUEUE_SIZE)
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def submit(self, job: Job) -> None:
        """Queue a verification; never blocks the request that made the evaluation."""
        if not self.background:
            return
        self._ensure_thread()
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            log.info("verificatiewachtrij vol; beoordeling blijft in afwachting tot een besluit")

    def ensure(self, row: EvaluationRow) -> VerificationRow:
        """The verification of ``row``, running durable-rules now if nobody has yet."""
        if row.verification is not None:
            return row.verification
        case = parse(json.loads(row.input_json))
        return self._record(
            Job(row.id, case, row.municipality, row.reference_date, row.tenant, row.ruleset_sha256)
        )

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=5)

    def _ensure_thread(self) -> None:
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="durable-verifier", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                self._record(job)
            except Exception:
                # The evaluation stays pending and is verified on demand before a decision.
                log.exception("verificatie van een beoordeling mislukt")

    def _record(self, job: Job) -> VerificationRow:
        result = self.advisor.verify(
            job.case, job.municipality, job.reference_date, job.ruleset_sha256
        )
        if result.differences:
            log.error(
                "durable-rules wijkt af van de evaluator voor beoordeling %s (%d verschillen)",
                job.evaluation_id,
                len(result.differences),
            )
        return self.store.add_verification(
            job.evaluation_id,
            NewVerification(
                status=str(result.status),
                engine=result.engine,
                differences=list(result.differences),
            ),
            job.tenant,
        )
