"""An impact run: a case corpus through the basis and the proposed rulesets, compared.

Both rule sets are validated in this process first, so a broken proposal is reported
file by file instead of breaking the worker pool. One pass over the corpus uses every
core: each worker compiles both rule sets once, assesses a case under both, compares the
typed assessments and sends back only what differs. The condition that made the
difference is read from the same two assessments, for the changed interventions only:
no case is evaluated twice, no advice is rendered (ADR 0017).

A side of the comparison is a ``Side``: a folder compiled in every worker (the CLI), or
an advisor already compiled in this process under a deadline (the service, whose workers
must not fork a pool per request).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import tarfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, Protocol

from engine.advise import Advisor, Read
from engine.batch import Failed, freeze_heap
from engine.case.models import Case
from engine.case.read import CaseError, parse_case, read_data
from engine.deadline import UNLIMITED, Deadline
from engine.impact.compare import Aspect, CaseDiff, diff, pseudonym
from engine.impact.prune import threshold_change
from engine.impact.report import (
    CaseChange,
    CombinationChange,
    ImpactReport,
    InterventionImpact,
    Unreadable,
)
from engine.inference.legal_basis import Inference
from engine.ruleset.bundle import Bundle, Catalog
from engine.ruleset.validate import Loaded
from engine.weigh.assessment import Assessment

CASE_SUFFIXES = (".yaml", ".yml", ".json")


class Progress(Protocol):
    """Where a long run reports how far it is (the CLI draws a bar)."""

    def add(self, total: int) -> None: ...

    def advance(self, done: int) -> None: ...


class ImpactError(Exception):
    """A source that cannot be used, in words for the person who named it."""


@dataclass(frozen=True)
class Corpus:
    cases: list[dict[str, Any]]
    failed: list[Unreadable]
    #: Later files with a case id met before: read, but not counted again.
    duplicates: list[Unreadable] = field(default_factory=list)


def read_corpus(folder: Path) -> Corpus:
    """Every case file under ``folder``; a file that cannot be read is reported, not fatal.

    A case id met a second time (a copy, or an older version kept beside the new one) is
    counted once, in the first file by name; the later file is reported with whether its
    content is the same, so a change is never counted twice for one case.
    """
    if not folder.is_dir():
        raise ImpactError(f"{folder}: map met casussen bestaat niet")
    cases: list[dict[str, Any]] = []
    failed: list[Unreadable] = []
    duplicates: list[Unreadable] = []
    first: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.suffix in CASE_SUFFIXES):
        shown = str(path.relative_to(folder))
        try:
            data = read_data(path)
        except CaseError as exc:
            failed.append(Unreadable(case=pseudonym(shown), message=exc.brief()))
            continue
        if not isinstance(data, dict):
            failed.append(Unreadable(case=pseudonym(shown), message="geen casus: verwacht een map"))
            continue
        record = data.get("case")
        ident = record.get("id") if isinstance(record, dict) else None
        if isinstance(ident, str) and ident in first:
            earlier, seen = first[ident]
            same = "dezelfde" if seen == data else "een andere"
            duplicates.append(
                Unreadable(
                    case=pseudonym(shown),
                    message=f"zelfde casus-id als {pseudonym(earlier)}, met {same} inhoud; "
                    "alleen dat eerdere bestand is meegeteld",
                )
            )
            continue
        if isinstance(ident, str):
            first[ident] = (shown, data)
        cases.append(data)
    return Corpus(cases, failed, duplicates)


@contextmanager
def rulesets_at(basis: str, repository: Path, folder: str = "rulesets") -> Iterator[Path]:
    """``basis`` as a folder, or else as a git ref whose ``folder`` is extracted to a
    temporary directory for as long as the run needs it."""
    given = Path(basis)
    if given.is_dir():
        yield given
        return
    try:
        archive = subprocess.run(
            ["git", "-C", str(repository), "archive", "--format=tar", basis, "--", folder],
            capture_output=True,
            check=True,
        ).stdout
    except FileNotFoundError:
        raise ImpactError("git is niet geïnstalleerd; geef de basis als map") from None
    except subprocess.CalledProcessError as exc:
        reason = exc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ImpactError(
            f"'{basis}' is geen map en geen git-versie met {folder}/ in {repository}"
            + (f" ({reason[-1]})" if reason else "")
        ) from None
    with (
        TemporaryDirectory(prefix="afweging-basis-") as tmp,
        tarfile.open(fileobj=io.BytesIO(archive)) as tar,
    ):
        tar.extractall(tmp, filter="data")
        yield Path(tmp) / folder


class Assessing(Protocol):
    """What a side needs of ``engine.advise.Advisor``."""

    @property
    def catalog(self) -> Catalog: ...

    def bundle(self, municipality: str | None, date: dt.date) -> Bundle: ...

    def inference(self, bundle: Bundle) -> Inference: ...

    def read(
        self, case: Case, municipality: str | None = None, reference_date: dt.date | None = None
    ) -> Read: ...

    def assess(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
        *,
        deadline: Deadline = ...,
    ) -> Assessment: ...


@dataclass(frozen=True)
class Side:
    """One rule set of the comparison: its intervention names, and either the files of a
    folder, validated here, that each worker process compiles once (``files``) or an
    advisor already compiled in this process (``advisor``), whose ``deadline`` stops the
    whole run."""

    names: dict[str, str]
    files: Mapping[str, bytes] | None = None
    advisor: Assessing | None = None
    deadline: Deadline = field(default_factory=lambda: UNLIMITED)
    processes: int | None = None


def _names(files: list[Loaded]) -> dict[str, str]:
    return {itv.id: itv.name for f in files for itv in f.ruleset.interventions}


def folder(rulesets: Path, processes: int | None = None) -> Side:
    """A rulesets folder, refused if it does not validate, run on ``processes`` cores.

    The folder is read and validated once, here; the workers compile the bytes that were
    validated, not what the folder holds by the time they start.
    """
    catalog = Catalog(rulesets)
    return Side(_names(catalog.files), files=catalog.sources, processes=processes)


def in_process(advisor: Assessing, deadline: Deadline = UNLIMITED) -> Side:
    """An advisor compiled in this process; ``deadline`` stops the whole run."""
    return Side(_names(advisor.catalog.files), advisor=advisor, deadline=deadline)


def _advisor(side: Side) -> Assessing:
    if side.advisor is not None:
        return side.advisor
    assert side.files is not None, "a side without rulesets or advisor"
    return _compiled(side.files)


def _compiled(files: Mapping[str, bytes]) -> Advisor:
    return Advisor(Catalog.from_files(files, validated=True))


def _case_diff(
    basis: Assessing,
    proposal: Assessing,
    data: dict[str, Any],
    index: int,
    deadlines: tuple[Deadline, Deadline] = (UNLIMITED, UNLIMITED),
) -> CaseDiff | Failed:
    """One case under both sides. A case is not assessed at all when the same rules must
    give the same assessment: its bundle is the same on both sides (the change is in
    another municipality's policy, or not yet in force on its date), or the change only
    moves thresholds that none of the case's comparisons is on the other side of
    (ADR 0019)."""
    try:
        case = parse_case(data)
    except CaseError as exc:
        return Failed(index, exc.brief())
    start = basis.read(case)
    bundle = proposal.bundle(start.place, start.date)
    if bundle.sha256 == start.bundle.sha256:
        return CaseDiff(case.case.id)
    old, new = basis.inference(start.bundle).compiled, proposal.inference(bundle).compiled
    change = threshold_change(old, new)
    if change is not None and not change.moves(
        start.facts, old.evaluator(start.facts), new.evaluator(start.facts)
    ):
        return CaseDiff(case.case.id)
    before = basis.assess(case, deadline=deadlines[0])
    deadlines[1].check()
    return diff(before, proposal.assess(case, deadline=deadlines[1]))


#: Per worker process: both sides, each compiled once (not per case, not per pass).
_SIDES: tuple[Assessing, Assessing] | None = None


def _start(basis: Mapping[str, bytes], proposal: Mapping[str, bytes]) -> None:
    global _SIDES
    _SIDES = (_compiled(basis), _compiled(proposal))
    freeze_heap()


def _work(item: tuple[int, dict[str, Any]]) -> CaseDiff | Failed:
    assert _SIDES is not None, "worker started without rulesets"
    index, data = item
    return _case_diff(*_SIDES, data, index)


#: Cases per message to a worker: enough that pickling is not the cost, few enough that
#: both cores stay busy to the end and the progress bar moves.
CHUNK = 16


def _diffs(
    basis: Side, proposal: Side, cases: list[dict[str, Any]], progress: Progress | None
) -> Iterator[CaseDiff | Failed]:
    """Every case's difference, in input order: on a process pool when both sides are
    folders, else in this process (the service, whose workers must not fork a pool)."""
    if progress:
        progress.add(len(cases))
    if basis.files is not None and proposal.files is not None:
        workers = min(basis.processes or os.cpu_count() or 1, max(1, len(cases)))
        # An executor, not multiprocessing.Pool: a worker that cannot start breaks the
        # run with an error instead of being restarted for ever.
        with ProcessPoolExecutor(
            workers, initializer=_start, initargs=(basis.files, proposal.files)
        ) as pool:
            for result in pool.map(_work, enumerate(cases), chunksize=CHUNK):
                if progress:
                    progress.advance(1)
                yield result
        return
    old, new = _advisor(basis), _advisor(proposal)
    for index, data in enumerate(cases):
        basis.deadline.check()
        yield _case_diff(old, new, data, index, (basis.deadline, proposal.deadline))
        if progress:
            progress.advance(1)


def run(
    basis: Path,
    proposal: Path,
    corpus: Corpus,
    *,
    basis_label: str,
    proposal_label: str,
    progress: Progress | None = None,
    processes: int | None = None,
) -> ImpactReport:
    return compare(
        folder(basis, processes),
        folder(proposal, processes),
        corpus,
        basis_label=basis_label,
        proposal_label=proposal_label,
        progress=progress,
    )


def compare(
    basis: Side,
    proposal: Side,
    corpus: Corpus,
    *,
    basis_label: str,
    proposal_label: str,
    progress: Progress | None = None,
    alias: Callable[[str], str] = pseudonym,
) -> ImpactReport:
    """The report of ``corpus`` under both sides; ``alias`` turns a case id into the
    pseudonym the report shows (the service uses a keyed one)."""
    names = {**basis.names, **proposal.names}
    failed = list(corpus.failed)
    impacts: dict[str, list[CaseChange]] = {}
    combinations: list[CombinationChange] = []
    changed_cases: list[str] = []
    results = _diffs(basis, proposal, corpus.cases, progress)
    for data, result in zip(corpus.cases, results, strict=True):
        if isinstance(result, Failed):
            case_id = str((data.get("case") or {}).get("id", "")) if isinstance(data, dict) else ""
            failed.append(Unreadable(case=alias(case_id), message=result.message))
            continue
        if not result.changes and result.top is None:
            continue
        shown = alias(result.case_id)
        changed_cases.append(shown)
        if result.top is not None:
            before, after = result.top
            combinations.append(
                CombinationChange(case=shown, before=list(before), after=list(after))
            )
        reasons = dict(result.reasons)
        for change in result.changes:
            impacts.setdefault(change.intervention, []).append(
                CaseChange(
                    case=shown,
                    aspect=change.aspect,
                    before=change.before,
                    after=change.after,
                    reason=reasons.get(change.intervention)
                    if change.aspect is Aspect.legal_basis
                    else None,
                )
            )
    interventions = []
    for ident in sorted(impacts):
        items = impacts[ident]
        counts: dict[str, int] = {}
        for aspect in Aspect:
            touched = {c.case for c in items if c.aspect == aspect}
            if touched:
                counts[str(aspect)] = len(touched)
        interventions.append(
            InterventionImpact(
                id=ident,
                name=names.get(ident, ident),
                cases=len({c.case for c in items}),
                counts=counts,
                changes=items,
            )
        )
    return ImpactReport(
        basis=basis_label,
        proposal=proposal_label,
        cases=len(corpus.cases) + len(corpus.failed),
        changed_cases=changed_cases,
        interventions=interventions,
        combinations=combinations,
        failed=failed,
        duplicates=corpus.duplicates,
    )
