"""Many cases through the same rulesets, on every core.

One evaluation is fast, but a corpus (a benchmark, a study over a municipality's cases)
is thousands; a process per core, each loading and compiling the rulesets once, turns
those cores into throughput. Each worker reduces the typed ``Assessment`` of a case by
``reduce`` (a module-level function, so it can be pickled) and sends back only that:
moving a whole advice between processes would cost more than computing it, and rendering
the Advice contract only to read a few values back costs about a fifth of a case. The
core works on internal types; a ``reduce`` that needs the advice renders it itself.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from engine.advise import Advisor
from engine.case.read import CaseError, parse_case
from engine.weigh.assessment import Assessment

T = TypeVar("T")
CHUNK = 64


@dataclass(frozen=True)
class Failed:
    """A case that could not be evaluated, with the reader's message."""

    index: int
    message: str


_ADVISOR: Advisor | None = None


def freeze_heap() -> None:
    """For a worker whose rulesets are compiled: what it holds by then (the compiled
    rules, and whatever it inherited from its parent when forked, such as the corpus)
    lives as long as the worker, so the cyclic collector stops scanning it. Otherwise a
    worker of the 10,000-case corpus spends about 7 % of its time in full collections
    that walk the parent's cases and find nothing."""
    gc.freeze()


def _start(rulesets: Path) -> None:
    global _ADVISOR
    _ADVISOR = Advisor.from_directory(rulesets)
    freeze_heap()


def _run(
    chunk: list[tuple[int, dict[str, Any]]],
    municipality: str | None,
    reference_date: dt.date | None,
    reduce: Callable[[Assessment], T],
) -> list[tuple[int, T | Failed]]:
    assert _ADVISOR is not None, "worker started without rulesets"
    out: list[tuple[int, T | Failed]] = []
    for index, data in chunk:
        try:
            case = parse_case(data)
        except CaseError as exc:
            out.append((index, Failed(index, str(exc))))
            continue
        out.append((index, reduce(_ADVISOR.assess(case, municipality, reference_date))))
    return out


def _chunks(cases: Iterable[dict[str, Any]]) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    chunk: list[tuple[int, dict[str, Any]]] = []
    for index, data in enumerate(cases):
        chunk.append((index, data))
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def assess_many(
    rulesets: Path,
    cases: Iterable[dict[str, Any]],
    reduce: Callable[[Assessment], T],
    municipality: str | None = None,
    reference_date: dt.date | None = None,
    processes: int | None = None,
) -> Iterator[tuple[int, T | Failed]]:
    """``(index, reduce(assessment))`` per case, in input order, on ``processes`` cores."""
    workers = processes or os.cpu_count() or 1
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(rulesets,)) as pool:
        futures = [
            pool.submit(_run, chunk, municipality, reference_date, reduce)
            for chunk in _chunks(cases)
        ]
        for future in futures:
            yield from future.result()
