"""Validation of ruleset files beyond their schema, reported all at once with positions.

The schema catches shape; this module catches meaning: duplicate ids, references to
facts, parameters or interventions that do not exist, conditions that leave their
subject or compare a fact with a value it can never have, cycles among derived facts,
formal powers without a citation, and a municipal layer that tries to widen a statutory
basis. Each finding is a Diagnostic at the node that has to change.

References resolve per layer: national law and the informal catalogue see only each
other; a municipal layer sees those plus the files of its own municipality. That is what
the bundle for one municipality will contain, so what validates here also loads there.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePath
from types import NoneType, UnionType
from typing import Any, TypeGuard, Union, get_args, get_origin
from urllib.parse import parse_qs

from pydantic import ValidationError

from engine.case import vocabulary
from engine.case.models import Goal
from engine.ruleset.conditions import (
    OPERAND_OPERATORS,
    OPERATOR_TEXT,
    AllOf,
    AnyOf,
    Compare,
    Condition,
    Fold,
    NotOf,
    Param,
    Some,
)
from engine.ruleset.models import Citation, Kind, RulesetFile
from engine.ruleset.source import Diagnostic, Document, Loc
from engine.validation_text import problems

BWB_ID = re.compile(r"^BWBR\d{7}$")
JCI_URL = re.compile(r"^https://wetten\.overheid\.nl/jci1\.3:c:(BWBR\d{7})(&[a-z]+=[^&\s]+)*$")
ORDERING_OPS = ("greater_than", "at_least", "less_than", "at_most")
LIST_OPS = ("one_of", "none_of")
#: A compiled condition becomes one durable-rules rule per disjunct of its normal form;
#: beyond this many the engine slows to a crawl and the tree should be split into facts.
MAX_DISJUNCTS = 256

FactKey = tuple[str, str]


@dataclass
class Loaded:
    """A schema-valid ruleset file with its positions, ready for cross-file checks."""

    doc: Document
    ruleset: RulesetFile

    @property
    def is_municipal(self) -> bool:
        return self.ruleset.kind == Kind.beleidsregel

    @property
    def layer(self) -> str | None:
        """None for national law and the informal catalogue, else the municipality."""
        return (self.ruleset.municipality or "").lower() if self.is_municipal else None


def check_schema(doc: Document) -> tuple[RulesetFile | None, list[Diagnostic]]:
    try:
        return RulesetFile.model_validate(doc.data), []
    except ValidationError as exc:
        found = []
        for problem in problems(exc, RulesetFile, doc.data):
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

    facts: dict[FactKey, Loaded]
    parameters: set[str]
    interventions: set[str]
    national_interventions: dict[str, bool]
    national_facts: set[FactKey]
    national_parameters: dict[str, tuple[float | None, float | None]]
    targets: dict[str, str] = field(default_factory=dict)
    parameter_values: dict[str, list[Any]] = field(default_factory=dict)
    national_parameter_values: dict[str, Any] = field(default_factory=dict)
    #: Names defined only in another municipality's layer, with that layer, so an
    #: "unknown" reference can say why it does not resolve here.
    elsewhere: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, files: list[Loaded]) -> Context:
        ctx = cls({}, set(), set(), {}, set(), {})
        for f in files:
            rs = f.ruleset
            for fact in rs.facts:
                ctx.facts.setdefault((fact.subject, fact.id), f)
            ctx.parameters.update(rs.parameters)
            for name, param in rs.parameters.items():
                ctx.parameter_values.setdefault(name, []).append(param.value)
            ctx.interventions.update(i.id for i in rs.interventions)
            ctx.targets.update({i.id: str(i.target) for i in rs.interventions})
            if not f.is_municipal:
                ctx.national_interventions.update({i.id: i.formal for i in rs.interventions})
                ctx.national_facts.update((fact.subject, fact.id) for fact in rs.facts)
                ctx.national_parameters.update(
                    {k: (p.minimum, p.maximum) for k, p in rs.parameters.items()}
                )
                ctx.national_parameter_values.update({k: p.value for k, p in rs.parameters.items()})
        return ctx

    @classmethod
    def for_layer(cls, layer: str | None, files: list[Loaded]) -> Context:
        """The context a file of ``layer`` sees: national files, plus its municipality's."""
        ctx = cls.of([f for f in files if f.layer is None or f.layer == layer])
        for f in files:
            if f.layer is None or f.layer == layer:
                continue
            rs = f.ruleset
            names = [f"{fact.subject}.{fact.id}" for fact in rs.facts]
            names += [*rs.parameters, *(itv.id for itv in rs.interventions)]
            for name in names:
                ctx.elsewhere.setdefault(name, f"de gemeentelijke laag van {rs.municipality}")
        return ctx

    def why_unknown(self, name: str) -> str:
        """' (alleen gedefinieerd in ...)' for a name another layer defines, else ''."""
        layer = self.elsewhere.get(name)
        return f" (alleen gedefinieerd in {layer}, die hier niet geldt)" if layer else ""


#: Intervention ids share long prefixes ('I01-sluiting-...'), so only a near miss is a typo.
ID_CUTOFF = 0.8


def _suggest(name: str, known: Iterable[str], prefix: str = "", cutoff: float = 0.6) -> str:
    """'; bedoelt u 'x'?' when ``name`` looks like a misspelling of a known name."""
    close = difflib.get_close_matches(name, sorted(set(known)), n=1, cutoff=cutoff)
    return f"; bedoelt u '{prefix}{close[0]}'?" if close else ""


def _num(value: float | None) -> str:
    """A bound as a policy officer wrote it: 6, not 6.0."""
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else str(value)


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _outside(value: object, low: float | None, high: float | None) -> bool:
    """A number below ``low`` or above ``high``; anything else is not this check's business."""
    if not _is_number(value):
        return False
    return (low is not None and value < low) or (high is not None and value > high)


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _field_type(subject: str, attribute: str) -> Any:
    """The single type a case attribute holds, or None if unknown (computed, or a union)."""
    model = vocabulary.SUBJECT_MODELS.get(subject)
    if model is None:
        return None
    for name, info in model.model_fields.items():
        if (info.alias or name) == attribute:
            union = get_origin(info.annotation) in (Union, UnionType)
            args = get_args(info.annotation) if union else (info.annotation,)
            types = [a for a in args if a is not NoneType]
            return types[0] if len(types) == 1 else None
    return None


def _spoken(fact: str) -> str:
    subject, _, attribute = fact.partition(".")
    return f"{attribute} van {vocabulary.SUBJECT_TEXT.get(subject, subject)}"


class _Checker:
    def __init__(self, loaded: Loaded, ctx: Context):
        self.loaded = loaded
        self.doc = loaded.doc
        self.rs = loaded.ruleset
        self.ctx = ctx
        self.found: list[Diagnostic] = []

    def at(self, loc: Loc, message: str, key: bool = False, refers_to: str | None = None) -> None:
        pos = self.doc.positions
        line, col = pos.of_key(loc) if key else pos.of_value(loc)
        self.found.append(Diagnostic(self.doc.path, line, col, message, refers_to))

    def run(self) -> list[Diagnostic]:
        self.metadata()
        self.citations()
        self.duplicates()
        self.parameters()
        self.conditions()
        self.references()
        if self.loaded.is_municipal:
            self.layering()
        return self.found

    # -- the file as a whole -------------------------------------------------------------

    def metadata(self) -> None:
        rs = self.rs
        if rs.valid_to is not None and rs.valid_to < rs.valid_from:
            self.at(
                ("valid_to",), f"valid_to ({rs.valid_to}) ligt vóór valid_from ({rs.valid_from})"
            )
        parts = PurePath(self.doc.path).parts
        if "gemeenten" in parts:
            index = parts.index("gemeenten") + 1
            folder = parts[index] if index < len(parts) - 1 else None
            if rs.kind != Kind.beleidsregel:
                self.at(
                    ("kind",),
                    "een bestand onder gemeenten/ is een gemeentelijke laag: "
                    "kind moet 'beleidsregel' zijn",
                )
            elif folder and rs.municipality is not None and rs.municipality != folder:
                self.at(
                    ("municipality",),
                    f"municipality '{rs.municipality}' past niet bij de map gemeenten/{folder}/",
                )
        if rs.kind == Kind.beleidsregel and not rs.municipality:
            self.at(
                ("kind",),
                "een beleidsregel (gemeentelijke laag) moet 'municipality' noemen: "
                "voor welke gemeente geldt hij?",
            )
        if rs.kind != Kind.beleidsregel and rs.municipality is not None:
            self.at(
                ("municipality",),
                f"municipality hoort alleen bij een beleidsregel; een '{rs.kind}' geldt voor "
                "alle gemeenten (haal municipality weg of maak er een beleidsregel van)",
                key=True,
            )

    # -- citations ---------------------------------------------------------------------

    def _citation(self, citation: Citation, loc: Loc) -> None:
        if citation.bwb is not None and not BWB_ID.match(citation.bwb):
            self.at(
                (*loc, "bwb"),
                f"BWB-id '{citation.bwb}' is ongeldig: verwacht 'BWBR' gevolgd door 7 cijfers, "
                "bijvoorbeeld BWBR0001941",
            )
        if citation.url is None:
            return
        match = JCI_URL.match(citation.url)
        if not match:
            self.at(
                (*loc, "url"),
                "link is niet in jci1.3-vorm: "
                "https://wetten.overheid.nl/jci1.3:c:BWBR...&artikel=...",
            )
            return
        if citation.bwb and match.group(1) != citation.bwb:
            self.at((*loc, "url"), f"link wijst naar {match.group(1)}, maar bwb is {citation.bwb}")
        query = parse_qs(citation.url.split("&", 1)[1]) if "&" in citation.url else {}
        article = query.get("artikel", [None])[0]
        if article is not None and article != citation.article:
            self.at(
                (*loc, "url"),
                f"link wijst naar artikel {article}, maar article is {citation.article}",
            )
        paragraph = query.get("lid", [None])[0]
        if paragraph is not None and citation.paragraph and paragraph != citation.paragraph:
            self.at(
                (*loc, "url"),
                f"link wijst naar lid {paragraph}, maar paragraph is {citation.paragraph}",
            )

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
                self.at(
                    (*base, "formal"),
                    f"formele interventie '{itv.id}' heeft geen wettelijke grondslag: noem ten "
                    "minste één artikel onder legal_basis.citations",
                )
            if itv.formal and itv.legal_basis.condition is None:
                self.at(
                    (*base, "formal"),
                    f"formele interventie '{itv.id}' heeft geen voorwaarde "
                    "(legal_basis.condition): wanneer is de bevoegdheid er?",
                )
        for i, fact in enumerate(self.rs.facts):
            for j, c in enumerate(fact.sources):
                self._citation(c, ("facts", i, "sources", j))
        for i, ladder in enumerate(self.rs.ladders):
            if ladder.source is not None:
                self._citation(ladder.source, ("ladders", i, "source"))

    # -- ids and parameters ----------------------------------------------------------------

    def duplicates(self) -> None:
        def check(items: list[tuple[str, Loc]], what: str) -> None:
            seen: dict[str, Loc] = {}
            for ident, loc in items:
                if ident in seen:
                    line = self.doc.positions.of_value(seen[ident])[0]
                    self.at(loc, f"{what} '{ident}' komt twee keer voor (eerder op regel {line})")
                else:
                    seen[ident] = loc

        rs = self.rs
        check(
            [(i.id, ("interventions", n, "id")) for n, i in enumerate(rs.interventions)],
            "interventie-id",
        )
        check(
            [(f"{f.subject}.{f.id}", ("facts", n, "id")) for n, f in enumerate(rs.facts)], "begrip"
        )
        check([(ld.id, ("ladders", n, "id")) for n, ld in enumerate(rs.ladders)], "ladder-id")
        for n, itv in enumerate(rs.interventions):
            base = ("interventions", n)
            check(
                [
                    (c.id, (*base, "human_measure", k, "id"))
                    for k, c in enumerate(itv.human_measure)
                ],
                "zorgpunt-id",
            )
            check(
                [(s.id, (*base, "procedure", k, "id")) for k, s in enumerate(itv.procedure)],
                "procedurestap-id",
            )

    def parameters(self) -> None:
        for name, param in self.rs.parameters.items():
            loc = ("parameters", name)
            low, high = param.minimum, param.maximum
            if low is not None and high is not None and low > high:
                self.at(
                    (*loc, "minimum"),
                    f"parameter '{name}': minimum {low} is groter dan maximum {high}",
                )
            elif _outside(param.value, low, high):
                self.at(
                    (*loc, "value"),
                    f"parameter '{name}' = {param.value} valt buiten de eigen grenzen "
                    f"({_bounds(low, high)})",
                )

    # -- conditions ----------------------------------------------------------------------

    def _conditions(self) -> Iterator[tuple[Condition, Loc, str, bool]]:
        """Each condition tree with its location, subject, and whether the engine compiles it."""
        for n, fact in enumerate(self.rs.facts):
            yield fact.condition, ("facts", n, "condition"), fact.subject, True
        for n, itv in enumerate(self.rs.interventions):
            base = ("interventions", n)
            if itv.legal_basis.condition is not None:
                yield (
                    itv.legal_basis.condition,
                    (*base, "legal_basis", "condition"),
                    itv.target,
                    True,
                )
            for k, concern in enumerate(itv.human_measure):
                yield concern.condition, (*base, "human_measure", k, "condition"), itv.target, False
            for k, factor in enumerate(itv.desirability):
                if factor.condition is not None:
                    yield (
                        factor.condition,
                        (*base, "desirability", k, "condition"),
                        itv.target,
                        False,
                    )
        for n, ladder in enumerate(self.rs.ladders):
            target = self.ctx.targets.get(ladder.intervention)
            if ladder.applies_when is not None and target is not None:
                yield ladder.applies_when, ("ladders", n, "applies_when"), target, False
        for n, ref in enumerate(self.rs.refinements):
            target = self.ctx.targets.get(ref.intervention)
            if ref.extra_condition is not None and target is not None:
                # ANDed into the legal basis by the bundle, so compiled like it.
                yield ref.extra_condition, ("refinements", n, "extra_condition"), target, True

    def conditions(self) -> None:
        for n, fact in enumerate(self.rs.facts):
            if fact.subject not in vocabulary.SUBJECTS:
                self.at(
                    ("facts", n, "subject"),
                    f"onbekend onderwerp '{fact.subject}' (kies uit "
                    f"{', '.join(vocabulary.SUBJECTS)})"
                    f"{_suggest(fact.subject, vocabulary.SUBJECTS)}",
                )
        for tree, loc, subject, compiled in self._conditions():
            if subject not in vocabulary.SUBJECTS:
                continue
            self._scope(tree, loc, subject, compiled)
            if compiled and _rule_count(tree) > MAX_DISJUNCTS:
                self.at(
                    loc,
                    f"deze voorwaarde is te ingewikkeld voor de rule engine: uitgeschreven "
                    f"zijn het meer dan {MAX_DISJUNCTS} alternatieven; leg delen vast als "
                    "begrip (facts) en verwijs daarnaar",
                )

    def _scope(self, node: Condition, loc: Loc, subject: str, compiled: bool) -> None:
        if isinstance(node, Compare):
            self._compare(node, loc, subject, compiled)
        elif isinstance(node, Some):
            link = vocabulary.LINKS_BY_KEY.get((subject, node.some))
            if link is None:
                options = vocabulary.links_of(subject)
                self.at(
                    (*loc, "some"),
                    f"'{node.some}' is geen relatie van {subject} "
                    f"({vocabulary.SUBJECT_TEXT.get(subject, subject)}); mogelijk: "
                    f"{', '.join(options) or 'geen'}{_suggest(node.some, options)}",
                )
            elif node.where is not None:
                self._scope(node.where, (*loc, "where"), link.target, compiled)
        elif isinstance(node, NotOf):
            if compiled and any(
                isinstance(n, Some) or (isinstance(n, Compare) and self._is_derived(n))
                for n in self._descend(node.not_)
            ):
                self.at(
                    (*loc, "not"),
                    "'not' mag in een grondslag of begrip alleen om vergelijkingen staan, niet "
                    "om 'some' of een afgeleid begrip; schrijf de tegengestelde vergelijking",
                )
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

    def _is_derived(self, node: Compare) -> bool:
        return (node.subject, node.attribute) in self.ctx.facts

    def _compare(self, node: Compare, loc: Loc, subject: str, compiled: bool) -> None:
        where = (*loc, "fact")
        if node.subject not in vocabulary.SUBJECTS:
            self.at(
                where,
                f"onbekend onderwerp '{node.subject}' in '{node.fact}'"
                f"{_suggest(node.subject, vocabulary.SUBJECTS)}",
            )
            return
        if node.subject not in (subject, "case"):
            allowed = f"{subject}.… of case.…" if subject != "case" else "case.…"
            self.at(
                where,
                f"feit '{node.fact}' hoort niet bij het onderwerp hier ({subject}); gebruik "
                f"{allowed}, of 'some' om naar een ander onderwerp te gaan",
            )
            return
        key = (node.subject, node.attribute)
        derived = key in self.ctx.facts
        if key not in vocabulary.ATTRIBUTES and not derived:
            known = vocabulary.attributes_of(node.subject) + [
                a for s, a in self.ctx.facts if s == node.subject
            ]
            hint = _suggest(node.attribute, known, prefix=f"{node.subject}.")
            self.at(
                where,
                f"onbekend feit '{node.fact}'{self.ctx.why_unknown(node.fact)}{hint}",
                refers_to=node.attribute,
            )
            return
        if derived:
            if compiled and (node.operator != "equals" or node.operand is not True):
                self.at(
                    where,
                    f"een afgeleid begrip ('{node.fact}') kan in een grondslag alleen als "
                    "'waar' gebruikt worden",
                )
            return
        for op in OPERAND_OPERATORS:
            value = getattr(node, op)
            if isinstance(value, Param):
                self._param_operand(node, op, value, (*loc, op, "param"))
            elif value is not None:
                self._literal_operand(node, op, value, (*loc, op))

    def _param_operand(self, node: Compare, op: str, value: Param, loc: Loc) -> None:
        if value.param not in self.ctx.parameters:
            self.at(
                loc,
                f"onbekende parameter '{value.param}'{self.ctx.why_unknown(value.param)}"
                f"{_suggest(value.param, self.ctx.parameters)}",
                refers_to=value.param,
            )
            return
        for given in self.ctx.parameter_values.get(value.param, []):
            if op in LIST_OPS and not isinstance(given, list):
                wanted = "een lijst"
            elif op in ORDERING_OPS and not (_is_number(given) or _is_date(given)):
                wanted = "een getal of datum"
            elif op not in LIST_OPS and isinstance(given, list):
                wanted = "één waarde (geen lijst)"
            else:
                continue
            self.at(
                loc,
                f"parameter '{value.param}' heeft waarde {given!r}, maar bij "
                f"'{OPERATOR_TEXT[op]}' hoort {wanted}",
            )
            return

    def _literal_operand(self, node: Compare, op: str, value: Any, loc: Loc) -> None:
        kind = _field_type(node.subject, node.attribute)
        spoken = f"'{node.fact}' ({_spoken(node.fact)})"
        if op in ORDERING_OPS:
            if isinstance(kind, type) and issubclass(kind, Enum | bool):
                self.at(
                    loc,
                    f"'{OPERATOR_TEXT[op]}' kan niet bij {spoken}: dat is geen getal of datum; "
                    "gebruik equals of one_of",
                    key=True,
                )
            elif not (_is_number(value) or _is_date(value)):
                self.at(loc, f"bij '{OPERATOR_TEXT[op]}' hoort een getal of datum, niet {value!r}")
            return
        values = value if isinstance(value, list) else [value]
        if isinstance(kind, type) and issubclass(kind, Enum):
            options = [str(m.value) for m in kind]
            for i, v in enumerate(values):
                if str(v) not in options or isinstance(v, bool):
                    where = (*loc, i) if isinstance(value, list) else loc
                    self.at(
                        where,
                        f"{spoken} kan niet '{v}' zijn (mogelijk: {', '.join(options)})"
                        f"{_suggest(str(v), options)}",
                    )
        elif kind is bool and any(not isinstance(v, bool) for v in values):
            self.at(loc, f"{spoken} is ja/nee: vergelijk met true of false, niet met {value!r}")
        elif kind in (int, float) and any(not _is_number(v) for v in values):
            self.at(loc, f"{spoken} is een getal: vergelijk met een getal, niet met {value!r}")

    # -- references between parts ------------------------------------------------------------

    def references(self) -> None:
        known = self.ctx.interventions

        def need(ident: str | None, loc: Loc, what: str) -> None:
            if ident is not None and ident not in known:
                self.at(
                    loc,
                    f"{what} verwijst naar onbekende interventie '{ident}'"
                    f"{self.ctx.why_unknown(ident)}{_suggest(ident, known, cutoff=ID_CUTOFF)}",
                    refers_to=ident,
                )

        goals = [g.value for g in Goal]
        for n, itv in enumerate(self.rs.interventions):
            base = ("interventions", n)
            for k, other in enumerate(itv.incompatible_with):
                if other == itv.id:
                    self.at(
                        (*base, "incompatible_with", k),
                        f"'{itv.id}' kan niet onverenigbaar zijn met zichzelf",
                    )
                else:
                    need(other, (*base, "incompatible_with", k), "incompatible_with")
            for k, other in enumerate(itv.lighter_alternatives):
                need(other, (*base, "lighter_alternatives", k), "lighter_alternatives")
            for k, concern in enumerate(itv.human_measure):
                for m, mit in enumerate(concern.mitigations):
                    need(
                        mit.intervention,
                        (*base, "human_measure", k, "mitigations", m, "intervention"),
                        "mitigatie",
                    )
            for k, factor in enumerate(itv.desirability):
                if factor.goal is not None and factor.goal not in goals:
                    self.at(
                        (*base, "desirability", k, "goal"),
                        f"onbekend doel '{factor.goal}' (mogelijk: {', '.join(goals)})"
                        f"{_suggest(factor.goal, goals)}",
                    )
        for n, ladder in enumerate(self.rs.ladders):
            need(ladder.intervention, ("ladders", n, "intervention"), "ladder")
            measures = {step.measure for step in ladder.steps}
            for k, step in enumerate(ladder.steps):
                need(step.intervention, ("ladders", n, "steps", k, "intervention"), "ladderstap")
            for k, counted in enumerate(ladder.counts):
                if counted not in known and counted not in measures:
                    self.at(
                        ("ladders", n, "counts", k),
                        f"'{counted}' in counts is geen interventie en geen trede van deze "
                        f"ladder{_suggest(counted, [*known, *measures], cutoff=ID_CUTOFF)}",
                        refers_to=counted,
                    )
        for n, ref in enumerate(self.rs.refinements):
            need(ref.intervention, ("refinements", n, "intervention"), "verfijning")
            if ref.legal_basis is not None:
                self.at(
                    ("refinements", n, "legal_basis"),
                    f"een verfijning mag de wettelijke grondslag van '{ref.intervention}' niet "
                    "verruimen of vervangen; alleen een extra voorwaarde (extra_condition) is "
                    "toegestaan",
                    key=True,
                )

    # -- a municipal layer on national law ---------------------------------------------------

    def layering(self) -> None:
        for n, itv in enumerate(self.rs.interventions):
            base = ("interventions", n)
            if itv.id in self.ctx.national_interventions:
                self.at(
                    (*base, "id"),
                    f"interventie '{itv.id}' bestaat al in de landelijke regels; een "
                    "gemeentelijke laag mag een wettelijke grondslag niet vervangen of "
                    "verruimen (gebruik refinements om te beperken)",
                )
            elif itv.formal:
                self.at(
                    (*base, "formal"),
                    "een gemeentelijke laag mag alleen informele interventies toevoegen; een "
                    "formele bevoegdheid komt uit de wet",
                )
        for n, fact in enumerate(self.rs.facts):
            if (fact.subject, fact.id) in self.ctx.national_facts:
                self.at(
                    ("facts", n, "id"),
                    f"begrip '{fact.subject}.{fact.id}' komt uit de wet; een gemeentelijke laag "
                    "mag het niet herdefiniëren (zet een parameter als die er is)",
                )
        for name, param in self.rs.parameters.items():
            if name not in self.ctx.national_parameters:
                continue
            low, high = self.ctx.national_parameters[name]
            national = self.ctx.national_parameter_values[name]
            loc = ("parameters", name)
            if _is_number(national) != _is_number(param.value) or isinstance(
                national, list
            ) != isinstance(param.value, list):
                self.at(
                    (*loc, "value"),
                    f"parameter '{name}' is landelijk {national!r}; de gemeente moet hetzelfde "
                    f"soort waarde geven, niet {param.value!r}",
                )
            elif _outside(param.value, low, high):
                self.at(
                    (*loc, "value"),
                    f"parameter '{name}' = {param.value} valt buiten de wettelijke grenzen "
                    f"({_bounds(low, high)}); een gemeentelijke laag mag die niet verruimen",
                )
            wider: list[tuple[str, float, float]] = []
            if param.minimum is not None and low is not None and param.minimum < low:
                wider.append(("minimum", param.minimum, low))
            if param.maximum is not None and high is not None and param.maximum > high:
                wider.append(("maximum", param.maximum, high))
            for bound, own, national_bound in wider:
                self.at(
                    (*loc, bound),
                    f"parameter '{name}': {bound} {_num(own)} is ruimer dan het wettelijke "
                    f"{bound} ({_num(national_bound)}); een gemeentelijke laag mag dat niet "
                    "verruimen",
                )


def _bounds(low: float | None, high: float | None) -> str:
    return f"{_num(low)} .. {_num(high)}"


class _RuleCount(Fold[tuple[int, int, int]]):
    """Per node, capped: into how many alternatives the compiler spreads it (its
    disjunctive normal form), how many its negation, and how many rules its ``some``s
    add (each is compiled apart as its own derived fact: the alternatives of ``where``
    for each of the ``minimum`` related entities)."""

    cap = MAX_DISJUNCTS + 1

    def compare(self, node: Compare) -> tuple[int, int, int]:
        return 1, 1, 0

    def all_of(self, node: AllOf, items: list[tuple[int, int, int]]) -> tuple[int, int, int]:
        return (
            self._product(p for p, _, _ in items),
            self._sum(n for _, n, _ in items),
            self._sum(e for _, _, e in items),
        )

    def any_of(self, node: AnyOf, items: list[tuple[int, int, int]]) -> tuple[int, int, int]:
        return (
            self._sum(p for p, _, _ in items),
            self._product(n for _, n, _ in items),
            self._sum(e for _, _, e in items),
        )

    def not_of(self, node: NotOf, item: tuple[int, int, int]) -> tuple[int, int, int]:
        positive, negative, extra = item
        return negative, positive, extra

    def some(self, node: Some, where: tuple[int, int, int] | None) -> tuple[int, int, int]:
        inner, extra = (where[0], where[2]) if where is not None else (1, 0)
        return 1, 1, self._sum([extra, self._product([inner] * node.minimum)])

    def _sum(self, values: Iterable[int]) -> int:
        return min(self.cap, sum(values))

    def _product(self, values: Iterable[int]) -> int:
        total = 1
        for value in values:
            total = min(self.cap, total * value)
        return total


def _rule_count(tree: Condition) -> int:
    """How many durable-rules rules a compiled condition becomes, capped."""
    positive, _, extra = _RuleCount()(tree)
    return min(_RuleCount.cap, positive + extra)


def check_semantics(loaded: Loaded, ctx: Context) -> list[Diagnostic]:
    return _Checker(loaded, ctx).run()


def _owner(a: Loaded, b: Loaded, own: set[str] | None) -> Loaded | None:
    """Which of two clashing files gets the diagnostic: the later one, unless only the
    earlier is being checked (a file in the context is not reported on)."""
    if own is None or b.doc.path in own:
        return b
    return a if a.doc.path in own else None


def derived_fact_cycles(files: list[Loaded], own: set[str] | None = None) -> list[Diagnostic]:
    """Cycles among derived facts would make the engine chain forever; report each once."""
    graph: dict[FactKey, set[FactKey]] = {}
    where: dict[FactKey, list[tuple[Loaded, int]]] = {}
    for f in files:
        for n, fact in enumerate(f.ruleset.facts):
            key = (fact.subject, fact.id)
            where.setdefault(key, []).append((f, n))
            # Versions of one fact are merged: a cycle through any of them is reported.
            graph.setdefault(key, set()).update(_inner_refs(fact.condition))
    found = []
    state: dict[FactKey, int] = {}

    def visit(key: FactKey, stack: list[FactKey]) -> None:
        state[key] = 1
        for dep in sorted(graph.get(key, ())):
            if dep not in graph:
                continue
            if state.get(dep) == 1:
                cycle = [*stack[stack.index(dep) :], dep]
                names = " -> ".join(f"{s}.{i}" for s, i in cycle)
                for member in cycle:
                    places = [(f, n) for f, n in where[member] if own is None or f.doc.path in own]
                    if places:
                        f, n = places[0]
                        line, col = f.doc.positions.of_value(("facts", n, "condition"))
                        message = f"kringverwijzing tussen begrippen: {names}"
                        found.append(Diagnostic(f.doc.path, line, col, message))
                        break
            elif state.get(dep) is None:
                visit(dep, [*stack, dep])
        state[key] = 2

    for key in sorted(graph):
        if state.get(key) is None:
            visit(key, [key])
    return sorted(set(found))


def _inner_refs(node: Condition) -> set[FactKey]:
    return {(n.subject, n.attribute) for n, _ in walk_located(node, ()) if isinstance(n, Compare)}


def _overlap(a: RulesetFile, b: RulesetFile) -> bool:
    end_a, end_b = a.valid_to or dt.date.max, b.valid_to or dt.date.max
    return a.valid_from <= end_b and b.valid_from <= end_a


def temporal_overlaps(files: list[Loaded], own: set[str] | None = None) -> list[Diagnostic]:
    """Two versions of one ruleset (per layer) must not be in force on the same day."""
    found = []
    by_id: dict[tuple[str | None, str], list[Loaded]] = {}
    for f in files:
        by_id.setdefault((f.layer, f.ruleset.id), []).append(f)
    for versions in by_id.values():
        ordered = sorted(versions, key=lambda f: (f.ruleset.valid_from, f.doc.path))
        for i, earlier in enumerate(ordered):
            for later in ordered[i + 1 :]:
                if not _overlap(earlier.ruleset, later.ruleset):
                    continue
                target = _owner(earlier, later, own)
                if target is None:
                    continue
                other = earlier if target is later else later
                line, col = target.doc.positions.of_value(("valid_from",))
                end = other.ruleset.valid_to or "onbepaalde tijd"
                found.append(
                    Diagnostic(
                        target.doc.path,
                        line,
                        col,
                        f"geldigheid van '{target.ruleset.id}' overlapt met {other.doc.path} "
                        f"(versie {other.ruleset.version}, geldig {other.ruleset.valid_from} "
                        f"tot {end}); per datum mag maar één versie gelden",
                    )
                )
    return found


def cross_file_duplicates(files: list[Loaded], own: set[str] | None = None) -> list[Diagnostic]:
    """Two different rulesets of one layer, in force together, must not define the same
    intervention, begrip or parameter: the bundle would silently keep only one of them.
    (Versions of one ruleset may; a municipal layer on national law is checked apart.)"""
    found = []
    ordered = sorted(files, key=lambda f: f.doc.path)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.layer != b.layer or a.ruleset.id == b.ruleset.id:
                continue
            if not _overlap(a.ruleset, b.ruleset):
                continue
            target = _owner(a, b, own)
            if target is None:
                continue
            other = a if target is b else b
            theirs = other.ruleset
            mine = target.ruleset
            clashes: list[tuple[Loc, str]] = []
            ids = {itv.id for itv in theirs.interventions}
            clashes += [
                (("interventions", n, "id"), f"interventie '{itv.id}'")
                for n, itv in enumerate(mine.interventions)
                if itv.id in ids
            ]
            facts = {(f.subject, f.id) for f in theirs.facts}
            clashes += [
                (("facts", n, "id"), f"begrip '{f.subject}.{f.id}'")
                for n, f in enumerate(mine.facts)
                if (f.subject, f.id) in facts
            ]
            clashes += [
                (("parameters", p), f"parameter '{p}'")
                for p in mine.parameters
                if p in theirs.parameters
            ]
            for loc, what in clashes:
                key = loc[0] == "parameters"
                pos = target.doc.positions
                line, col = pos.of_key(loc) if key else pos.of_value(loc)
                found.append(
                    Diagnostic(
                        target.doc.path,
                        line,
                        col,
                        f"{what} staat ook in {other.doc.path} ('{theirs.id}'), dat in dezelfde "
                        "periode geldt; geef één van beide een andere naam",
                    )
                )
    return found
