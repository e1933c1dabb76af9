"""Which rules a worker evaluates with: the rulesets folder in force, and the bundle any
stored evaluation was made with (docs/adr/0013-ruleset-bundles-and-reload.md).

The store is the one source of truth for every worker and instance: a load puts a
folder's exact files in the store and names it in force; each worker compares its own
folder with that name every few seconds (one indexed row) and, when it changed, compiles
the new folder from the store's bytes, not from the disk, which may have moved on. Each
bundle an evaluation uses is kept by its sha256 the first time, so a replay, a memo and
the review page rebuild the advice from the rules it was made with.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from api.problems import FieldProblem, InvalidRulesets
from api.store.bundles import BundleStore, Load
from api.store.repository import SYSTEM_USER, Actor
from engine.advise import Advisor
from engine.case.models import Case
from engine.inference.verification import Verification
from engine.ruleset import cause
from engine.ruleset.bundle import Bundle, Catalog, RulesetError, read_files

if TYPE_CHECKING:
    from api.service import AdvisorLike

#: Compiled stored bundles kept per worker; an old evaluation opened again is the rare case.
CACHED_BUNDLES = 8


def folder_sha256(files: Mapping[str, bytes]) -> str:
    """A whole rulesets folder by its paths and contents (a bundle's sha256 is its own)."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(f"{path}\0{hashlib.sha256(files[path]).hexdigest()}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Loaded:
    """The outcome of a load: what is in force now and what it replaced."""

    load: Load
    previous: str | None
    changed_files: list[str]
    files: int


class Rules:
    """The advisor in force in this worker, kept in step with the store."""

    def __init__(
        self,
        advisor: AdvisorLike,
        bundles: BundleStore,
        folder: Path,
        check_seconds: float,
        make: Callable[[Catalog], AdvisorLike] = Advisor,
    ):
        self.bundles = bundles
        self.folder = folder
        self.check_seconds = check_seconds
        self._make = make
        self._advisor = advisor
        self._sha = folder_sha256(advisor.catalog.sources)
        self._kept: set[str] = set()
        self._cache: OrderedDict[str, AdvisorLike] = OrderedDict()
        self._lock = threading.Lock()
        self._next_check = 0.0

    @property
    def sha256(self) -> str:
        """The rulesets folder this worker evaluates with."""
        return self._sha

    def start(self) -> None:
        """Keep this worker's folder and put it in force if it is not (a start is a load,
        recorded as the system's: the folder may have been edited while it was down)."""
        in_force = self.bundles.in_force()
        if in_force is None or in_force.sha256 != self._sha:
            self._record_load(self._advisor.catalog.sources, Actor(SYSTEM_USER, ""), "start")
        self._next_check = time.monotonic() + self.check_seconds

    def current(self) -> AdvisorLike:
        """The advisor in force; asks the store at most once per ``check_seconds``."""
        if time.monotonic() >= self._next_check:
            with self._lock:
                if time.monotonic() >= self._next_check:
                    in_force = self.bundles.in_force()
                    if in_force is not None and in_force.sha256 != self._sha:
                        self._switch(in_force.sha256)
                    self._next_check = time.monotonic() + self.check_seconds
        return self._advisor

    def _switch(self, sha256: str) -> None:
        stored = self.bundles.get(sha256)
        if stored is None:
            return
        self._advisor = self._make(Catalog.from_files(stored.files, validated=True))
        self._sha = sha256

    def reload(self, actor: Actor) -> Loaded:
        """Read the folder again, validate it, and put it in force for every worker.

        Raises ``InvalidRulesets`` (every problem by file, line and column) and changes
        nothing when the folder does not validate.
        """
        try:
            files = read_files(self.folder)
        except RulesetError as exc:
            raise refused(exc, {}, "De rulesets zijn niet geladen") from None
        try:
            catalog = Catalog.from_files(files)
        except RulesetError as exc:
            raise refused(
                exc, files, "De rulesets zijn niet geladen; de vorige gelden nog"
            ) from None
        with self._lock:
            loaded = self._record_load(files, actor, "herladen")
            self._advisor = self._make(catalog)
            self._sha = loaded.load.sha256
        return loaded

    def _record_load(self, files: Mapping[str, bytes], actor: Actor, how: str) -> Loaded:
        """Put ``files`` in force, compared with what was in force (for the audit row)."""
        sha = folder_sha256(files)
        before = self.bundles.in_force()
        previous = before.sha256 if before else None
        if previous is None:
            old: Mapping[str, bytes] = {}
        elif previous == self._sha:
            old = self._advisor.catalog.sources
        else:
            stored = self.bundles.get(previous)
            old = stored.files if stored else {}
        changed = sorted(p for p in old.keys() | files.keys() if old.get(p) != files.get(p))
        detail = {
            "how": how,
            "previous_sha256": previous,
            "files": len(files),
            "changed_files": changed,
        }
        load = self.bundles.load(sha, files, actor, detail)
        return Loaded(load, previous, changed, len(files))

    def keep(self, advisor: AdvisorLike, bundle: Bundle) -> None:
        """Store ``bundle``'s files the first time this worker uses it."""
        if bundle.sha256 in self._kept:
            return
        self.bundles.put(bundle.sha256, "bundle", advisor.catalog.files_of(bundle), SYSTEM_USER)
        self._kept.add(bundle.sha256)

    def advisor_for(
        self, municipality: str | None, reference_date: dt.date, ruleset_sha256: str
    ) -> AdvisorLike | None:
        """An advisor whose bundle for ``municipality`` on ``reference_date`` is the one
        named; None when that bundle was never stored (evaluated before bundles were)."""
        current = self.current()
        if current.bundle(municipality, reference_date).sha256 == ruleset_sha256:
            return current
        return self.stored(ruleset_sha256)

    def stored(self, sha256: str) -> AdvisorLike | None:
        """The advisor of a stored bundle or folder, compiled once per worker."""
        with self._lock:
            if sha256 in self._cache:
                self._cache.move_to_end(sha256)
                return self._cache[sha256]
        stored = self.bundles.get(sha256)
        if stored is None:
            return None
        return self.compiled(sha256, Catalog.from_files(stored.files, validated=True))

    def compiled(self, sha256: str, catalog: Catalog) -> AdvisorLike:
        """The advisor of ``catalog``, kept under ``sha256`` (least recently used goes)."""
        with self._lock:
            advisor = self._cache.get(sha256) or self._make(catalog)
            self._cache[sha256] = advisor
            self._cache.move_to_end(sha256)
            while len(self._cache) > CACHED_BUNDLES:
                self._cache.popitem(last=False)
            return advisor

    def verify(
        self,
        case: Case,
        municipality: str | None,
        reference_date: dt.date,
        ruleset_sha256: str | None = None,
    ) -> Verification:
        """durable-rules' reading on the bundle the evaluation was made with."""
        advisor = (
            self.advisor_for(municipality, reference_date, ruleset_sha256)
            if ruleset_sha256
            else None
        )
        return (advisor or self.current()).verify(case, municipality, reference_date)


def refused(exc: RulesetError, files: Mapping[str, bytes], what: str) -> InvalidRulesets:
    """A 422 naming each problem's file, line and column, the cause before its echoes
    (as ``afweging validate`` orders them)."""
    texts = {path: data.decode("utf-8", "replace") for path, data in files.items()}
    found = cause.ordered(cause.group(exc.diagnostics, texts))
    errors = [
        FieldProblem(path=f"{d.path}:{d.line}:{d.col}", message=d.message, location="ruleset")
        for d in found
    ]
    first = found[0] if found else None
    detail = f"{what}: {len(found)} fout(en) in de rulesets"
    if first is not None:
        detail += f", de eerste in {first.path} regel {first.line}: {first.message}"
    return InvalidRulesets(detail + ".", errors)
