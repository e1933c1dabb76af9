"""How often one user may ask, and how often a name may fail to sign in, per process.

A sliding window of timestamps per key. It lives in the worker's memory, so N workers
or instances allow N times the rate; that bounds a runaway script or a password guesser
without a shared store on every request. The figures are settings (docs/adr/0008).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable

#: Keys kept at most; the least recently used go first, so memory stays bounded.
MAX_KEYS = 10_000


class SlidingWindow:
    def __init__(self, limit: int, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.seconds = seconds
        self._clock = clock
        self._hits: OrderedDict[Hashable, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, key: Hashable) -> int:
        """Seconds until ``key`` may go again (0: now), without counting anything."""
        if self.limit <= 0:
            return 0
        with self._lock:
            hits = self._recent(key, self._clock())
            if len(hits) < self.limit:
                return 0
            return max(1, math.ceil(hits[0] + self.seconds - self._clock()))

    def hit(self, key: Hashable) -> int:
        """Count one for ``key``; the seconds to wait if that was one too many, else 0."""
        if self.limit <= 0:
            return 0
        with self._lock:
            now = self._clock()
            hits = self._recent(key, now)
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.seconds - now))
            hits.append(now)
            return 0

    def _recent(self, key: Hashable, now: float) -> deque[float]:
        hits = self._hits.pop(key, None) or deque()
        while hits and hits[0] <= now - self.seconds:
            hits.popleft()
        self._hits[key] = hits
        while len(self._hits) > MAX_KEYS:
            self._hits.popitem(last=False)
        return hits
