"""An impact run: a case corpus through the basis and the proposed rulesets, compared.

Both rule sets are validated in this process first, so a broken proposal is reported
file by file instead of breaking the worker pool. Each corpus pass uses every core
(``engine.batch``); a second, small pass re-evaluates only the cases whose legal basis
changed, with their proofs, to name the condition that made the difference.

A side of the comparison is a ``Side``: a folder run on every core (the CLI), or an
advisor already compiled in this process under a deadline (the service, whose workers
must not fork a pool per request).
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, Protocol

from engine.batch import Failed, advise_many
from engine.case.models import Case
from engine.case.read import CaseError, parse_case, read_data
from engine.contract import Advice
from engine.deadline import UNLIMITED, Deadline
from engine.explain.render import Detail
from engine.impact.compare import (
    Aspect,
    CaseSummary,
    Change,
    Leaf,
    changes,
    decisive,
    leaves,
    pseudonym,
    summarise,
)
from engine.impact.report import (
    CaseChange,
    CombinationChange,
    ImpactReport,
    InterventionImpact,
    Unreadable,
)
from engine.ruleset import bundle
from engine.ruleset.validate import Loaded

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


def read_corpus(folder: Path) -> Corpus:
    """Every case file under ``folder``; a file that cannot be read is reported, not fatal."""
    if not folder.is_dir():
        raise ImpactError(f"{folder}: map met casussen bestaat niet")
    cases: list[dict[str, Any]] = []
    failed: list[Unreadable] = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in CASE_SUFFIXES):
        shown = str(path.relative_to(folder))
        try:
            data = read_data(path)
        except CaseError as exc:
            message = "; ".join(str(p) for p in exc.problems)
            failed.append(Unreadable(case=pseudonym(shown), message=message))
            continue
        if isinstance(data, dict):
            cases.append(data)
        else:
            failed.append(Unreadable(case=pseudonym(shown), message="geen casus: verwacht een map"))
    return Corpus(cases, failed)


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


Evaluate = Callable[[list[dict[str, Any]], Callable[[Any], Any], Detail], Iterator[Any]]


@dataclass(frozen=True)
class Side:
    """One rule set of the comparison: its intervention names, and how a list of cases is
    run through it (``reduce(advice)`` or ``Failed`` per case, in input order)."""

    names: dict[str, str]
    evaluate: Evaluate


def _names(files: list[Loaded]) -> dict[str, str]:
    return {itv.id: itv.name for f in files for itv in f.ruleset.interventions}


def folder(rulesets: Path, processes: int | None = None) -> Side:
    """A rulesets folder, refused if it does not validate, run on ``processes`` cores."""
    diagnostics = bundle.check([rulesets])
    if diagnostics:
        raise bundle.RulesetError(diagnostics)
    loaded, _ = bundle.load([rulesets])

    def evaluate(
        cases: list[dict[str, Any]], reduce: Callable[[Any], Any], detail: Detail
    ) -> Iterator[Any]:
        for _, result in advise_many(rulesets, cases, reduce, processes=processes, detail=detail):
            yield result

    return Side(_names(loaded), evaluate)


class Advising(Protocol):
    """What an in-process side needs of ``engine.advise.Advisor``."""

    @property
    def catalog(self) -> bundle.Catalog: ...

    def advise(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
        *,
        detail: Detail = "summary",
        deadline: Deadline = ...,
    ) -> Advice: ...


def in_process(advisor: Advising, deadline: Deadline = UNLIMITED) -> Side:
    """An advisor compiled in this process; ``deadline`` stops the whole run."""

    def evaluate(
        cases: list[dict[str, Any]], reduce: Callable[[Any], Any], detail: Detail
    ) -> Iterator[Any]:
        for index, data in enumerate(cases):
            deadline.check()
            try:
                case = parse_case(data)
            except CaseError as exc:
                yield Failed(index, str(exc))
                continue
            yield reduce(advisor.advise(case, detail=detail, deadline=deadline))

    return Side(_names(advisor.catalog.files), evaluate)


def _pass(
    side: Side,
    cases: list[dict[str, Any]],
    reduce: Callable[[Any], Any],
    progress: Progress | None,
    detail: Detail = "summary",
) -> list[Any]:
    out = []
    for result in side.evaluate(cases, reduce, detail):
        out.append(result)
        if progress:
            progress.advance(1)
    return out


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
    if progress:
        progress.add(2 * len(corpus.cases))
    before = _pass(basis, corpus.cases, summarise, progress)
    after = _pass(proposal, corpus.cases, summarise, progress)
    failed = list(corpus.failed)
    per_case: list[tuple[str, CaseSummary, CaseSummary, list[Change]]] = []
    for data, old, new in zip(corpus.cases, before, after, strict=True):
        if isinstance(old, Failed) or isinstance(new, Failed):
            case_id = str((data.get("case") or {}).get("id", "")) if isinstance(data, dict) else ""
            message = (old if isinstance(old, Failed) else new).message
            failed.append(Unreadable(case=alias(case_id), message=message))
            continue
        per_case.append((alias(old.case_id), old, new, changes(old, new)))
    reasons = _reasons(basis, proposal, corpus.cases, per_case, progress)
    impacts: dict[str, list[CaseChange]] = {}
    combinations: list[CombinationChange] = []
    changed_cases: list[str] = []
    for index, (shown, old, new, found) in enumerate(per_case):
        if found or old.top != new.top:
            changed_cases.append(shown)
        if old.top != new.top:
            combinations.append(
                CombinationChange(case=shown, before=list(old.top), after=list(new.top))
            )
        for change in found:
            reason = (
                reasons.get((index, change.intervention))
                if change.aspect is Aspect.legal_basis
                else None
            )
            impacts.setdefault(change.intervention, []).append(
                CaseChange(
                    case=shown,
                    aspect=change.aspect,
                    before=change.before,
                    after=change.after,
                    reason=reason,
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
    )


def _reasons(
    basis: Side,
    proposal: Side,
    cases: list[dict[str, Any]],
    per_case: list[tuple[str, CaseSummary, CaseSummary, list[Change]]],
    progress: Progress | None,
) -> dict[tuple[int, str], str]:
    """The decisive condition per (case, intervention) whose legal basis changed."""
    wanted = [
        (index, {c.intervention for c in found if c.aspect is Aspect.legal_basis})
        for index, (_, _, _, found) in enumerate(per_case)
    ]
    wanted = [(index, ids) for index, ids in wanted if ids]
    if not wanted:
        return {}
    by_id = {str((c.get("case") or {}).get("id")): c for c in cases}
    subset = [by_id[per_case[index][1].case_id] for index, _ in wanted]
    interventions = frozenset(i for _, ids in wanted for i in ids)
    reduce = partial(leaves, interventions=interventions)
    if progress:
        progress.add(2 * len(subset))
    old = _pass(basis, subset, reduce, progress, "full")
    new = _pass(proposal, subset, reduce, progress, "full")
    found: dict[tuple[int, str], str] = {}
    for (index, ids), proof_old, proof_new in zip(wanted, old, new, strict=True):
        if isinstance(proof_old, Failed) or isinstance(proof_new, Failed):
            continue
        for ident in ids:
            empty: tuple[Leaf, ...] = ()
            reason = decisive(proof_old.get(ident, empty), proof_new.get(ident, empty))
            if reason:
                found[(index, ident)] = reason
    return found
