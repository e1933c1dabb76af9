"""From a folder of ruleset files to the bundle that applies to one municipality on one date.

National law and the national informal catalogue form the base; a municipality's layer
under ``gemeenten/<name>/`` sets parameters, adds informal interventions and narrows
formal ones. The validator has already refused any widening, so merging here is plain:
the more specific (municipal) value wins and the bundle records that it did, so the
advice can say so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

from engine.ruleset import source, validate
from engine.ruleset.conditions import AllOf
from engine.ruleset.models import DerivedFact, Intervention, Ladder, Parameter, Refinement
from engine.ruleset.source import Diagnostic

SUFFIXES = (".yaml", ".yml")


class RulesetError(Exception):
    """The rulesets do not validate; carries every diagnostic."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(map(str, diagnostics)))
        self.diagnostics = diagnostics


def ruleset_paths(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _schema_checked(
    docs: Iterable[Callable[[], source.Document]],
) -> tuple[list[validate.Loaded], list[Diagnostic]]:
    loaded, found = [], []
    for read in docs:
        try:
            doc = read()
        except source.SourceError as exc:
            found.extend(exc.diagnostics)
            continue
        ruleset, problems = validate.check_schema(doc)
        found.extend(problems)
        if ruleset is not None:
            loaded.append(validate.Loaded(doc, ruleset))
    return loaded, found


def load(paths: list[Path]) -> tuple[list[validate.Loaded], list[Diagnostic]]:
    """Read and schema-check each file; a broken file costs only its own diagnostics."""
    return _schema_checked(
        partial(source.read, path, _display(path)) for path in ruleset_paths(paths)
    )


def read_files(root: Path) -> dict[str, bytes]:
    """The bytes of every ruleset file under ``root``, by the path the rules show.

    Read once, so that what is compiled and what is kept of a version are the same bytes
    even if someone edits the folder meanwhile.
    """
    files: dict[str, bytes] = {}
    unreadable: list[Diagnostic] = []
    for path in ruleset_paths([root]):
        try:
            files[_display(path)] = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            unreadable.append(Diagnostic(_display(path), 1, 1, f"bestand niet te lezen: {reason}"))
    if unreadable:
        raise RulesetError(unreadable)
    return files


def _parsed(path: str, data: bytes) -> source.Document:
    if len(data) > source.MAX_BYTES:
        limit = source.MAX_BYTES // 1_000_000
        raise source.SourceError(
            [Diagnostic(path, 1, 1, f"bestand is groter dan {limit} MB en wordt niet gelezen")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise source.SourceError(
            [Diagnostic(path, 1, 1, f"bestand is geen UTF-8-tekst (byte {exc.start})")]
        ) from None
    # As ``Path.read_text`` reads it: universal newlines, so a file hashes the same
    # whether it was read from disk or from the store.
    return source.parse(text.replace("\r\n", "\n").replace("\r", "\n"), path)


def load_files(files: Mapping[str, bytes]) -> tuple[list[validate.Loaded], list[Diagnostic]]:
    """As ``load``, for files held in memory (a stored version, an upload)."""
    return _schema_checked(partial(_parsed, path, files[path]) for path in sorted(files))


def check(paths: list[Path], context: list[Path] | None = None) -> list[Diagnostic]:
    """Every diagnostic for ``paths``; ``context`` files resolve references but are not reported."""
    loaded, found = load(paths)
    own = {f.doc.path for f in loaded}
    extra = [f for f in load(list(context))[0] if f.doc.path not in own] if context else []
    return _cross_checked(loaded, found, extra)


def _cross_checked(
    loaded: list[validate.Loaded], found: list[Diagnostic], extra: list[validate.Loaded]
) -> list[Diagnostic]:
    found = list(found)
    own = {f.doc.path for f in loaded}
    everything = loaded + extra
    contexts: dict[str | None, validate.Context] = {}
    for f in loaded:
        if f.layer not in contexts:
            contexts[f.layer] = validate.Context.for_layer(f.layer, everything)
        found.extend(validate.check_semantics(f, contexts[f.layer]))
    found.extend(validate.derived_fact_cycles(everything, own))
    found.extend(validate.temporal_overlaps(everything, own))
    found.extend(validate.cross_file_duplicates(everything, own))
    return sorted(set(found), key=lambda d: (d.path, d.line, d.col, d.message))


@dataclass(frozen=True)
class RulesetRef:
    id: str
    version: str
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None
    municipality: str | None
    path: str
    sha256: str


@dataclass(frozen=True)
class Override:
    parameter: str
    value: object
    national_value: object
    ruleset: str


@dataclass
class Bundle:
    """The rules in force for one municipality on one reference date."""

    municipality: str | None
    reference_date: dt.date
    rulesets: list[RulesetRef]
    parameters: dict[str, Parameter]
    parameter_origin: dict[str, str]
    facts: list[DerivedFact]
    interventions: list[Intervention]
    ladders: list[Ladder]
    refinements: list[Refinement]
    overrides: list[Override] = field(default_factory=list)

    @property
    def id(self) -> str:
        return "nl" + (f"+{self.municipality}" if self.municipality else "")

    @property
    def version(self) -> str:
        return "+".join(f"{r.id}@{r.version}" for r in self.rulesets)

    @cached_property
    def sha256(self) -> str:
        """Hashed once: a bundle's rulesets are fixed once it is cut, and every advice reads
        it (to find its compiled rules)."""
        digest = hashlib.sha256()
        for ref in self.rulesets:
            # Content, not location: the same rules give the same hash on any machine.
            digest.update(f"{ref.id}\0{ref.version}\0{ref.sha256}\0".encode())
        return digest.hexdigest()

    def intervention(self, ident: str) -> Intervention:
        for itv in self.interventions:
            if itv.id == ident:
                return itv
        raise KeyError(ident)


def _validated(files: Mapping[str, bytes]) -> list[validate.Loaded]:
    loaded, found = load_files(files)
    diagnostics = _cross_checked(loaded, found, [])
    if diagnostics:
        raise RulesetError(diagnostics)
    return loaded


def _valid_on(f: validate.Loaded, date: dt.date) -> bool:
    rs = f.ruleset
    return rs.valid_from <= date and (rs.valid_to is None or date <= rs.valid_to)


class Catalog:
    """All ruleset files of a folder, validated once; bundles are cut from it per date.

    ``sources`` keeps each file's bytes, so a bundle can be stored exactly as it was used.
    """

    root: Path | None

    def __init__(self, root: Path):
        self.root = root
        self.sources = read_files(root)
        self.files = _validated(self.sources)

    @classmethod
    def from_files(cls, files: Mapping[str, bytes], *, validated: bool = False) -> Catalog:
        """The catalog of files held in memory; ``validated`` files (a stored version,
        checked when it was first loaded) are only parsed, not cross-checked again."""
        catalog = cls.__new__(cls)
        catalog.root = None
        catalog.sources = dict(files)
        if validated:
            loaded, found = load_files(files)
            if found:
                raise RulesetError(found)
            catalog.files = loaded
        else:
            catalog.files = _validated(catalog.sources)
        return catalog

    def files_of(self, bundle: Bundle) -> dict[str, bytes]:
        """The exact files ``bundle`` was cut from."""
        return {ref.path: self.sources[ref.path] for ref in bundle.rulesets}

    @property
    def municipalities(self) -> list[str]:
        return list(self._municipalities)

    @cached_property
    def _municipalities(self) -> tuple[str, ...]:
        """Read once: the files are fixed once the catalog is made, and every advice asks
        whether its municipality has a policy of its own."""
        return tuple(
            sorted(
                {
                    f.ruleset.municipality
                    for f in self.files
                    if f.is_municipal and f.ruleset.municipality
                }
            )
        )

    def bundle(self, municipality: str | None, date: dt.date) -> Bundle:
        key = (municipality or "").lower()
        chosen = [
            f
            for f in self.files
            if _valid_on(f, date)
            and (not f.is_municipal or (f.ruleset.municipality or "").lower() == key)
        ]
        chosen.sort(key=lambda f: (f.is_municipal, f.ruleset.id))
        refs = [
            RulesetRef(
                f.ruleset.id,
                f.ruleset.version,
                str(f.ruleset.kind),
                f.ruleset.valid_from,
                f.ruleset.valid_to,
                f.ruleset.municipality,
                f.doc.path,
                hashlib.sha256(f.doc.text.encode()).hexdigest(),
            )
            for f in chosen
        ]
        parameters: dict[str, Parameter] = {}
        origin: dict[str, str] = {}
        overrides: list[Override] = []
        facts, interventions, ladders, refinements = [], [], [], []
        for f in chosen:
            rs = f.ruleset
            for name, param in rs.parameters.items():
                if name in parameters and f.is_municipal:
                    overrides.append(Override(name, param.value, parameters[name].value, rs.id))
                parameters[name] = param
                origin[name] = rs.id
            facts.extend(rs.facts)
            interventions.extend(rs.interventions)
            ladders.extend(rs.ladders)
            refinements.extend(rs.refinements)
        narrowed = []
        for itv in interventions:
            extra = [
                r.extra_condition
                for r in refinements
                if r.intervention == itv.id and r.extra_condition
            ]
            if extra and itv.legal_basis.condition is not None:
                condition = AllOf.model_validate({"all": [itv.legal_basis.condition, *extra]})
                itv = itv.model_copy(
                    update={
                        "legal_basis": itv.legal_basis.model_copy(update={"condition": condition})
                    }
                )
            narrowed.append(itv)
        return Bundle(
            municipality,
            date,
            refs,
            parameters,
            origin,
            facts,
            sorted(narrowed, key=lambda i: i.id),
            ladders,
            refinements,
            overrides,
        )
