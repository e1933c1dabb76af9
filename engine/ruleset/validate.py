"""Validation of ruleset files beyond their schema, reported all at once with positions.

The schema catches shape; this module catches meaning: duplicate ids, references to
facts, parameters or interventions that do not exist, conditions that leave their
subject, cycles among derived facts, formal powers without a citation, and a municipal
layer that tries to widen a statutory basis. Each finding is a Diagnostic at the node
that has to change.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from pydantic import ValidationError

from engine.case import vocabulary
from engine.ruleset.conditions import AllOf, AnyOf, Compare, Condition, NotOf, Param, Some
from engine.ruleset.models import Citation, Kind, RulesetFile
from engine.ruleset.source import Diagnostic, Document, Loc
from engine.validation_text import problems

BWB_ID = re.compile(r"^BWBR\d{7}$")
JCI_URL = re.compile(r"^https://wetten\.overheid\.nl/jci1\.3:c:(BWBR\d{7})(&[a-z]+=[^&\s]+)*$")
OPERAND_OPS = ("equals", "not_equals", "one_of", "none_of", "greater_than", "at_least", "less_than", "at_most")


@dataclass
class Loaded:
    """A schema-valid ruleset file with its positions, ready for cross-file checks."""

    doc: Document
    ruleset: RulesetFile

    @property
    def is_municipal(self) -> bool:
        return self.ruleset.kind == Kind.beleidsregel


def check_schema(doc: Document) -> tuple[RulesetFile | None, list[Diagnostic]]:
    try:
        return RulesetFile.model_validate(doc.data), []
    except ValidationError as exc:
        found = []
        for problem in problems(exc, RulesetFile):
            pos = doc.positions
            line, col = pos.of_key(problem.loc) if problem.on_key else pos.of_value(problem.loc)
            found.append(Diagnostic(doc.path, line, col, problem.message))
        return None, sorted(set(found))


def walk_located(node: Condition, loc: Loc) -> Iterator[tuple[Condition, Loc]]:
    yield node, loc
    if isinstance(node, AllOf):
        for i, child in enumerate(node.all):
            yield from walk_located(child, (*loc, "all", i))
    elif isinstance(node, AnyOf):
        for i, child in enumerate(node.any):
            yield from walk_located(child, (*loc, "any", i))
    elif isinstance(node, NotOf):
        yield from walk_located(node.not_, (*loc, "not"))
    elif isinstance(node, Some) and node.where is not None:
        yield from walk_located(node.where, (*loc, "where"))


@dataclass
class Context:
    """What the files being checked define together: references resolve against this."""

    facts: dict[tuple[str, str], Loaded]
    parameters: set[str]
    interventions: set[str]
    national_interventions: dict[str, bool]
    national_facts: set[tuple[str, str]]
    national_parameters: dict[str, tuple[float | None, float | None]]

    @classmethod
    def of(cls, files: list[Loaded]) -> Context:
        ctx = cls({}, set(), set(), {}, set(), {})
        for f in files:
            rs = f.ruleset
            for fact in rs.facts:
                ctx.facts.setdefault((fact.subject, fact.id), f)
            ctx.parameters.update(rs.parameters)
            ctx.interventions.update(i.id for i in rs.interventions)
            if not f.is_municipal:
                ctx.national_interventions.update({i.id: i.formal for i in rs.interventions})
                ctx.national_facts.update((fact.subject, fact.id) for fact in rs.facts)
                ctx.national_parameters.update(
                    {k: (p.minimum, p.maximum) for k, p in rs.parameters.items()}
                )
        return ctx


class _Checker:
    def __init__(self, loaded: Loaded, ctx: Context):
        self.loaded = loaded
        self.doc = loaded.doc
        self.rs = loaded.ruleset
        self.ctx = ctx
        self.found: list[Diagnostic] = []

    def at(self, loc: Loc, message: str, key: bool = False) -> None:
        pos = self.doc.positions
        line, col = pos.of_key(loc) if key else pos.of_value(loc)
        self.found.append(Diagnostic(self.doc.path, line, col, message))

    def run(self) -> list[Diagnostic]:
        self.metadata()
        self.citations()
        self.duplicates()
        self.conditions()
        self.references()
        if self.loaded.is_municipal:
            self.layering()
        return self.found

    def metadata(self) -> None:
        rs = self.rs
        if rs.valid_to is not None and rs.valid_to < rs.valid_from:
            self.at(("valid_to",), f"valid_to ({rs.valid_to}) ligt vóór valid_from ({rs.valid_from})")
        parts = PurePath(self.doc.path).parts
        if "gemeenten" in parts:
            folder = parts[parts.index("gemeenten") + 1] if parts.index("gemeenten") + 1 < len(parts) - 1 else None
            if rs.kind != Kind.beleidsregel:
                self.at(("kind",), "een bestand onder gemeenten/ is een gemeentelijke laag: kind moet 'beleidsregel' zijn")
            elif folder and rs.municipality != folder:
                self.at(("municipality",), f"municipality '{rs.municipality}' past niet bij de map gemeenten/{folder}/")
        if rs.kind == Kind.beleidsregel and not rs.municipality:
            self.at(("kind",), "een beleidsregel (gemeentelijke laag) moet 'municipality' noemen")

    def _citation(self, citation: Citation, loc: Loc) -> None:
        if citation.bwb is not None and not BWB_ID.match(citation.bwb):
            self.at((*loc, "bwb"), f"BWB-id '{citation.bwb}' is ongeldig: verwacht 'BWBR' gevolgd door 7 cijfers")
        if citation.url is not None:
            match = JCI_URL.match(citation.url)
            if not match:
                self.at((*loc, "url"), "link is niet in jci1.3-vorm: https://wetten.overheid.nl/jci1.3:c:BWBR...&artikel=...")
            elif citation.bwb and match.group(1) != citation.bwb:
                self.at((*loc, "url"), f"link wijst naar {match.group(1)}, maar bwb is {citation.bwb}")

    def citations(self) -> None:
        for i, c in enumerate(self.rs.sources):
            self._citation(c, ("sources", i))
        for i, itv in enumerate(self.rs.interventions):
            base = ("interventions", i)
            for j, c in enumerate(itv.legal_basis.citations):
                self._citation(c, (*base, "legal_basis", "citations", j))
            for j, step in enumerate(itv.procedure):
                if step.citation:
                    self._citation(step.citation, (*base, "procedure", j, "citation"))
            for j, concern in enumerate(itv.human_measure):
                for k, c in enumerate(concern.sources):
                    self._citation(c, (*base, "human_measure", j, "sources", k))
            if itv.formal and not itv.legal_basis.citations:
                self.at((*base, "formal"), f"formele interventie '{itv.id}' heeft geen wettelijke grondslag: noem ten minste één artikel onder legal_basis.citations")
            if itv.formal and itv.legal_basis.condition is None:
                self.at((*base, "formal"), f"formele interventie '{itv.id}' heeft geen voorwaarde (legal_basis.condition): wanneer is de bevoegdheid er?")
        for i, fact in enumerate(self.rs.facts):
            for j, c in enumerate(fact.sources):
                self._citation(c, ("facts", i, "sources", j))

    def duplicates(self) -> None:
        def check(items: list[tuple[str, Loc]], what: str) -> None:
            seen: dict[str, Loc] = {}
            for ident, loc in items:
                if ident in seen:
                    line = self.doc.positions.of_value(seen[ident])[0]
                    self.at(loc, f"{what} '{ident}' komt twee keer voor (eerder op regel {line})")
                else:
                    seen[ident] = loc
        check([(i.id, ("interventions", n, "id")) for n, i in enumerate(self.rs.interventions)], "interventie-id")
        check([(f"{f.subject}.{f.id}", ("facts", n, "id")) for n, f in enumerate(self.rs.facts)], "begrip")
        check([(ld.id, ("ladders", n, "id")) for n, ld in enumerate(self.rs.ladders)], "ladder-id")
        for n, itv in enumerate(self.rs.interventions):
            check([(c.id, ("interventions", n, "human_measure", k, "id")) for k, c in enumerate(itv.human_measure)], "zorgpunt-id")
            check([(s.id, ("interventions", n, "procedure", k, "id")) for k, s in enumerate(itv.procedure)], "procedurestap-id")

    def _conditions(self) -> Iterator[tuple[Condition, Loc, str, bool]]:
        """Each condition tree with its location, subject, and whether the engine compiles it."""
        for n, fact in enumerate(self.rs.facts):
            yield fact.condition, ("facts", n, "condition"), fact.subject, True
        for n, itv in enumerate(self.rs.interventions):
            base = ("interventions", n)
            if itv.legal_basis.condition is not None:
                yield itv.legal_basis.condition, (*base, "legal_basis", "condition"), itv.target, True
            for k, concern in enumerate(itv.human_measure):
                yield concern.condition, (*base, "human_measure", k, "condition"), itv.target, False
            for k, factor in enumerate(itv.desirability):
                if factor.condition is not None:
                    yield factor.condition, (*base, "desirability", k, "condition"), itv.target, False
        for n, ladder in enumerate(self.rs.ladders):
            if ladder.applies_when is not None:
                subject = self._target_of(ladder.intervention) or "premises"
                yield ladder.applies_when, ("ladders", n, "applies_when"), subject, False
        for n, ref in enumerate(self.rs.refinements):
            if ref.extra_condition is not None:
                subject = self._target_of(ref.intervention) or "case"
                yield ref.extra_condition, ("refinements", n, "extra_condition"), subject, True

    def _target_of(self, intervention: str) -> str | None:
        for itv in self.rs.interventions:
            if itv.id == intervention:
                return str(itv.target)
        return None

    def conditions(self) -> None:
        for n, fact in enumerate(self.rs.facts):
            if fact.subject not in vocabulary.SUBJECTS:
                self.at(("facts", n, "subject"), f"onbekend onderwerp '{fact.subject}'; kies uit {', '.join(vocabulary.SUBJECTS)}")
        for tree, loc, subject, compiled in self._conditions():
            if subject in vocabulary.SUBJECTS:
                self._scope(tree, loc, subject, compiled)

    def _scope(self, node: Condition, loc: Loc, subject: str, compiled: bool) -> None:
        if isinstance(node, Compare):
            self._compare(node, loc, subject, compiled)
        elif isinstance(node, Some):
            link = vocabulary.LINKS_BY_KEY.get((subject, node.some))
            if link is None:
                options = ", ".join(vocabulary.links_of(subject)) or "geen"
                self.at((*loc, "some"), f"'{node.some}' is geen relatie van {subject}; mogelijk: {options}")
            elif node.where is not None:
                self._scope(node.where, (*loc, "where"), link.target, compiled)
        elif isinstance(node, NotOf):
            if compiled and any(isinstance(n, Some) or (isinstance(n, Compare) and self._is_derived(n, subject)) for n in self._descend(node.not_)):
                self.at((*loc, "not"), "'not' mag in een grondslag of begrip alleen om vergelijkingen staan, niet om 'some' of een afgeleid begrip; schrijf de tegengestelde vergelijking")
            self._scope(node.not_, (*loc, "not"), subject, compiled)
        elif isinstance(node, AllOf | AnyOf):
            key = "all" if isinstance(node, AllOf) else "any"
            for i, child in enumerate(node.all if isinstance(node, AllOf) else node.any):
                self._scope(child, (*loc, key, i), subject, compiled)

    def _descend(self, node: Condition) -> Iterator[Condition]:
        yield node
        if isinstance(node, AllOf | AnyOf):
            for child in node.all if isinstance(node, AllOf) else node.any:
                yield from self._descend(child)
        elif isinstance(node, NotOf):
            yield from self._descend(node.not_)

    def _is_derived(self, node: Compare, subject: str) -> bool:
        return (node.subject, node.attribute) in self.ctx.facts

    def _compare(self, node: Compare, loc: Loc, subject: str, compiled: bool) -> None:
        if node.subject not in (subject, "case"):
            self.at((*loc, "fact"), f"feit '{node.fact}' hoort niet bij het onderwerp hier ({subject}); gebruik {subject}.… of case.…, of 'some' om naar een ander onderwerp te gaan")
            return
        key = (node.subject, node.attribute)
        derived = key in self.ctx.facts
        if key not in vocabulary.ATTRIBUTES and not derived:
            known = vocabulary.attributes_of(node.subject) + sorted(a for s, a in self.ctx.facts if s == node.subject)
            close = difflib.get_close_matches(node.attribute, known, n=1, cutoff=0.6)
            hint = f"; bedoelt u '{node.subject}.{close[0]}'?" if close else ""
            self.at((*loc, "fact"), f"onbekend feit '{node.fact}'{hint}")
        if derived and compiled and (node.operator != "equals" or node.operand is not True):
            self.at((*loc, "fact"), f"een afgeleid begrip ('{node.fact}') kan in een grondslag alleen als 'waar' gebruikt worden")
        for op in OPERAND_OPS:
            value = getattr(node, op)
            if isinstance(value, Param) and value.param not in self.ctx.parameters:
                self.at((*loc, op), f"onbekende parameter '{value.param}'")

    def references(self) -> None:
        known = self.ctx.interventions

        def need(ident: str | None, loc: Loc, what: str) -> None:
            if ident is not None and ident not in known:
                self.at(loc, f"{what} verwijst naar onbekende interventie '{ident}'")

        for n, itv in enumerate(self.rs.interventions):
            base = ("interventions", n)
            for k, other in enumerate(itv.incompatible_with):
                need(other, (*base, "incompatible_with", k), "incompatible_with")
                if other == itv.id:
                    self.at((*base, "incompatible_with", k), f"'{itv.id}' kan niet onverenigbaar zijn met zichzelf")
            for k, other in enumerate(itv.lighter_alternatives):
                need(other, (*base, "lighter_alternatives", k), "lighter_alternatives")
            for k, concern in enumerate(itv.human_measure):
                for m, mit in enumerate(concern.mitigations):
                    need(mit.intervention, (*base, "human_measure", k, "mitigations", m, "intervention"), "mitigatie")
        for n, ladder in enumerate(self.rs.ladders):
            need(ladder.intervention, ("ladders", n, "intervention"), "ladder")
            for k, step in enumerate(ladder.steps):
                need(step.intervention, ("ladders", n, "steps", k, "intervention"), "ladderstap")
        for n, ref in enumerate(self.rs.refinements):
            need(ref.intervention, ("refinements", n, "intervention"), "verfijning")

    def layering(self) -> None:
        for n, itv in enumerate(self.rs.interventions):
            base = ("interventions", n)
            if itv.id in self.ctx.national_interventions:
                self.at((*base, "id"), f"interventie '{itv.id}' bestaat al in de landelijke regels; een gemeentelijke laag mag een wettelijke grondslag niet vervangen of verruimen (gebruik refinements om te beperken)")
            elif itv.formal:
                self.at((*base, "formal"), "een gemeentelijke laag mag alleen informele interventies toevoegen; een formele bevoegdheid komt uit de wet")
        for n, ref in enumerate(self.rs.refinements):
            if ref.legal_basis is not None:
                self.at(("refinements", n, "legal_basis"), f"een gemeentelijke laag mag de wettelijke grondslag van '{ref.intervention}' niet verruimen of vervangen; alleen een extra voorwaarde (extra_condition) is toegestaan")
        for n, fact in enumerate(self.rs.facts):
            if (fact.subject, fact.id) in self.ctx.national_facts:
                self.at(("facts", n, "id"), f"begrip '{fact.subject}.{fact.id}' komt uit de wet; een gemeentelijke laag mag het niet herdefiniëren (zet een parameter als die er is)")
        for name, param in self.rs.parameters.items():
            bounds = self.ctx.national_parameters.get(name)
            if bounds is None or not isinstance(param.value, int | float) or isinstance(param.value, bool):
                continue
            low, high = bounds
            if (high is not None and param.value > high) or (low is not None and param.value < low):
                limit = f"{low if low is not None else '-'} .. {high if high is not None else '-'}"
                self.at(("parameters", name, "value"), f"parameter '{name}' = {param.value} valt buiten de wettelijke grenzen ({limit}); een gemeentelijke laag mag die niet verruimen")


def check_semantics(loaded: Loaded, ctx: Context) -> list[Diagnostic]:
    return _Checker(loaded, ctx).run()


def derived_fact_cycles(files: list[Loaded]) -> list[Diagnostic]:
    """Cycles among derived facts would make the engine chain forever; report each once."""
    graph: dict[tuple[str, str], set[tuple[str, str]]] = {}
    where: dict[tuple[str, str], tuple[Loaded, int]] = {}
    for f in files:
        for n, fact in enumerate(f.ruleset.facts):
            key = (fact.subject, fact.id)
            where[key] = (f, n)
            graph[key] = _inner_refs(fact.condition)
    found = []
    state: dict[tuple[str, str], int] = {}

    def visit(key: tuple[str, str], stack: list[tuple[str, str]]) -> None:
        state[key] = 1
        for dep in sorted(graph.get(key, ())):
            if dep not in graph:
                continue
            if state.get(dep) == 1:
                cycle = [*stack[stack.index(dep):], dep] if dep in stack else [key, dep]
                f, n = where[dep]
                line, col = f.doc.positions.of_value(("facts", n, "condition"))
                names = " -> ".join(f"{s}.{i}" for s, i in cycle)
                found.append(Diagnostic(f.doc.path, line, col, f"kringverwijzing tussen begrippen: {names}"))
            elif state.get(dep) is None:
                visit(dep, [*stack, dep])
        state[key] = 2

    for key in sorted(graph):
        if state.get(key) is None:
            visit(key, [key])
    return sorted(set(found))


def _inner_refs(node: Condition) -> set[tuple[str, str]]:
    return {(n.subject, n.attribute) for n, _ in walk_located(node, ()) if isinstance(n, Compare)}


def temporal_overlaps(files: list[Loaded]) -> list[Diagnostic]:
    found = []
    by_id: dict[str, list[Loaded]] = {}
    for f in files:
        by_id.setdefault(f.ruleset.id, []).append(f)
    for versions in by_id.values():
        ordered = sorted(versions, key=lambda f: (f.ruleset.valid_from, f.doc.path))
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            end = earlier.ruleset.valid_to
            if end is None or end >= later.ruleset.valid_from:
                line, col = later.doc.positions.of_value(("valid_from",))
                found.append(Diagnostic(later.doc.path, line, col, f"geldigheid van '{later.ruleset.id}' overlapt met {earlier.doc.path} (versie {earlier.ruleset.version}, tot {end or 'onbepaalde tijd'}); per datum mag maar één versie gelden"))
    return found
