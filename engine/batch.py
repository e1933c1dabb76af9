"""Many cases through the same rulesets, on every core.

One evaluation is fast, but a corpus (an impact run over a municipality's cases, a
benchmark) is thousands; a process per core, each loading and compiling the rulesets
once, turns those cores into throughput. What each worker sends back is reduced inside
the worker by ``reduce`` (a module-level function, so it can be pickled): moving a whole
advice between processes would cost more than computing it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from engine.advise import Advisor
from engine.case.read import CaseError, parse_case
from engine.contract import Advice
from engine.explain.render import Detail

T = TypeVar("T")
CHUNK = 64


@dataclass(frozen=True)
class Failed:
    """A case that could not be evaluated, with the reader's message."""

    index: int
    message: str


_ADVISOR: Advisor | None = None


def _start(rulesets: Path) -> None:
    global _ADVISOR
    _ADVISOR = Advisor.from_directory(rulesets)


def _run(
    chunk: list[tuple[int, dict[str, Any]]],
    municipality: str | None,
    reference_date: dt.date | None,
    reduce: Callable[[Advice], T],
    detail: Detail,
) -> list[tuple[int, T | Failed]]:
    assert _ADVISOR is not None, "worker started without rulesets"
    out: list[tuple[int, T | Failed]] = []
    for index, data in chunk:
        try:
            advice = _ADVISOR.advise(parse_case(data), municipality, reference_date, detail=detail)
        except CaseError as exc:
            out.append((index, Failed(index, str(exc))))
            continue
        out.append((index, reduce(advice)))
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


def advise_many(
    rulesets: Path,
    cases: Iterable[dict[str, Any]],
    reduce: Callable[[Advice], T],
    municipality: str | None = None,
    reference_date: dt.date | None = None,
    processes: int | None = None,
    detail: Detail = "summary",
) -> Iterator[tuple[int, T | Failed]]:
    """``(index, reduce(advice))`` per case, in input order, on ``processes`` cores;
    ``detail="full"`` when ``reduce`` reads the proof trees."""
    workers = processes or os.cpu_count() or 1
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(rulesets,)) as pool:
        futures = [
            pool.submit(_run, chunk, municipality, reference_date, reduce, detail)
            for chunk in _chunks(cases)
        ]
        for future in futures:
            yield from future.result()
