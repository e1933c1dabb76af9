"""durable-rules' second reading of stored evaluations, off the request path.

The compiled evaluator answers the request; durable-rules re-derives the same evaluation
independently, which costs several times more than the advice itself (docs/adr/0007).
So each worker verifies in one background thread, fed by a bounded queue, and a
decision that finds no verification yet runs it on demand before it is recorded. A full
queue only means the evaluation stays "pending" a little longer, never a lost check.

The thread reads only while the worker answers no request (``Activity``): under load
the answers get the CPU, and the readings catch up as soon as it is quiet (ADR 0007).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from api.case_input import parse
from api.store import Store
from api.store.models import EvaluationRow, VerificationRow
from api.store.repository import NewVerification
from engine.case.models import Case
from engine.inference.verification import Verification

log = logging.getLogger("api.verification")

#: Evaluations waiting per worker (an id and a tenant each, about 200 bytes): days of a
#: municipality's work, half a minute of the bench's load. Beyond it an evaluation
#: stays pending until a decision reads it.
QUEUE_SIZE = 10_000
#: How long a worker must have answered nothing before a background reading starts: a
#: reading holds the CPU for milliseconds, and under load the gaps between requests are
#: shorter than this, while a quiet service waits no longer than this.
QUIET_SECONDS = 0.02
#: The longest a queued reading waits for quiet: a worker that is never quiet (steady
#: load, or one long request such as an impact run) still reads one evaluation per this
#: many seconds, a few milliseconds of CPU.
PATIENCE_SECONDS = 2.0


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
    """An evaluation to read again. Its input is read back from the store when its turn
    comes: a queue that waits out a busy spell holds ids, not parsed cases, which every
    garbage collection of the worker would walk (a full queue of cases tripled the p99)."""

    evaluation_id: str
    #: Whose evaluation it is (row-level security lets only them read it and record its
    #: reading).
    tenant: str


class Activity:
    """The requests a worker is answering now; ``api.middleware.InFlight`` counts them."""

    def __init__(self) -> None:
        self._busy = 0
        self._begun = 0
        #: ``_begun`` when the last wait for quiet ended.
        self._seen = 0
        self._closing = False
        self._changed = threading.Condition()

    def begin(self) -> None:
        with self._changed:
            self._busy += 1
            self._begun += 1

    def end(self) -> None:
        with self._changed:
            self._busy -= 1
            if not self._busy:
                self._changed.notify_all()

    def wait_quiet(self, patience: float = PATIENCE_SECONDS) -> None:
        """Returns once no request has come in for ``QUIET_SECONDS``, at once if none
        came in since it last returned, after ``patience`` seconds at the most, or when
        the worker stops. ``begin`` does not wake this: a request that came in during
        the wait, even one already answered, is seen by its count when the wait is over."""
        give_up = time.monotonic() + patience
        with self._changed:
            while not self._closing:
                left = give_up - time.monotonic()
                if left <= 0 or not self._changed.wait_for(
                    lambda: not self._busy or self._closing, timeout=left
                ):
                    return
                if self._begun == self._seen:
                    return
                self._seen = self._begun
                self._changed.wait(min(QUIET_SECONDS, max(0.0, give_up - time.monotonic())))

    def close(self) -> None:
        with self._changed:
            self._closing = True
            self._changed.notify_all()


class Verifier:
    def __init__(
        self,
        advisor: Verifying,
        store: Store,
        background: bool = True,
        activity: Activity | None = None,
    ):
        self.advisor = advisor
        self.store = store
        self.background = background
        self.activity = activity or Activity()
        self._queue: queue.Queue[Job | None] = queue.Queue(QUEUE_SIZE)
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()
        self._stopped = threading.Event()

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
        result = self.advisor.verify(case, row.municipality, row.reference_date, row.ruleset_sha256)
        if result.differences:
            log.error(
                "durable-rules wijkt af van de evaluator voor beoordeling %s (%d verschillen)",
                row.id,
                len(result.differences),
            )
        return self.store.add_verification(
            row.id,
            NewVerification(
                status=str(result.status),
                engine=result.engine,
                differences=list(result.differences),
            ),
            row.tenant,
        )

    def close(self) -> None:
        """Stops after the reading under way: what is still queued stays pending and is
        read before a decision, so a stopping worker does not first work off its queue."""
        self._stopped.set()
        self.activity.close()
        if self._thread is not None:
            with contextlib.suppress(queue.Full):
                self._queue.put_nowait(None)  # wakes a thread waiting on an empty queue
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
            self.activity.wait_quiet()
            if self._stopped.is_set():
                return
            try:
                row = self.store.find_evaluation(job.evaluation_id, job.tenant)
                if row is not None:  # erased meanwhile: nothing left to read
                    self.ensure(row)
            except Exception:
                # The evaluation stays pending and is verified on demand before a decision.
                log.exception("verificatie van een beoordeling mislukt")
