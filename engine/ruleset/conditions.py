"""Condition trees: the only way a ruleset says when something holds.

Policy staff write conditions as plain YAML (``all`` / ``any`` / ``not`` over
comparisons of named facts, and ``some`` over related entities of the case). They are
data, never code: the engine compiles them (into Python closures that decide, and into
durable-rules for the second reading) and reads them back for explanations, so the same
tree drives the inference and the text a lawyer checks.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Generic, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date_text(value: Any) -> Any:
    """A date written as text ('2024-01-01' quoted, or from JSON) is still a date."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


Scalar = Annotated[str | bool | int | float | dt.date, BeforeValidator(_date_text)]


class Param(BaseModel):
    """A reference to a named parameter, so a threshold lives in one (municipal) place."""

    model_config = ConfigDict(extra="forbid")
    param: str = Field(description="Naam van een parameter uit `parameters` van een ruleset.")


Value = Param | Scalar
ListValue = Param | list[Scalar]

Operator = Literal[
    "equals",
    "not_equals",
    "one_of",
    "none_of",
    "greater_than",
    "at_least",
    "less_than",
    "at_most",
    "known",
]

OPERATORS: tuple[str, ...] = get_args(Operator)
#: The operators that compare against a value (all but ``known``).
OPERAND_OPERATORS: tuple[str, ...] = tuple(op for op in OPERATORS if op != "known")


@dataclass(frozen=True)
class OperatorSpec:
    """Everything the engine knows about one comparison operator, in one place.

    The compiled evaluator, the durable-rules compiler, the validator and the Dutch texts
    all read this table, so an operator cannot mean one thing to the engine and another
    to the explanation. ``holds`` sees a known value and the resolved operand; a
    ``TypeError`` from it means "does not hold" (a number against a text).
    """

    name: str
    holds: Callable[[Any, Any], bool]
    #: What the comparison says when the fact is absent: ``None`` is "unknown".
    on_absent: Callable[[Any], bool | None]
    #: The operator ``not`` turns this one into; ``not`` is pushed down to the
    #: comparisons so that durable-rules (which only matches positively) can evaluate it.
    negation: str
    #: A durable-rules constraint on ``attribute`` for a resolved operand.
    durable: Callable[[str, Any], dict[str, Any]]
    #: Dutch phrasing, used in explanations and validator messages ("vereist: meer dan 5").
    text: str
    #: ``known`` negates by flipping its operand instead of changing operator.
    flips_operand: bool = False

    def negated(self, operand: Any) -> tuple[str, Any]:
        return (self.negation, not operand) if self.flips_operand else (self.negation, operand)


def _unknown(_operand: Any) -> bool | None:
    return None


def _exists(attribute: str) -> dict[str, Any]:
    return {"$ex": {attribute: 1}}


def _ordering(durable_op: str) -> Callable[[str, Any], dict[str, Any]]:
    # Absent attributes must not match: durable would otherwise compare against nothing.
    return lambda a, v: {"$and": [_exists(a), {durable_op: {a: v}}]}


_TABLE = (
    OperatorSpec("equals", operator.eq, _unknown, "not_equals", lambda a, v: {a: v}, "gelijk aan"),
    OperatorSpec(
        "not_equals",
        operator.ne,
        _unknown,
        "equals",
        lambda a, v: {"$and": [_exists(a), {"$neq": {a: v}}]},
        "niet gelijk aan",
    ),
    OperatorSpec(
        "one_of",
        lambda a, b: a in b,
        _unknown,
        "none_of",
        lambda a, v: {"$or": [{a: x} for x in v]},
        "een van",
    ),
    OperatorSpec(
        "none_of",
        lambda a, b: a not in b,
        _unknown,
        "one_of",
        lambda a, v: {"$and": [_exists(a), *({"$neq": {a: x}} for x in v)]},
        "geen van",
    ),
    OperatorSpec("greater_than", operator.gt, _unknown, "at_most", _ordering("$gt"), "meer dan"),
    OperatorSpec("at_least", operator.ge, _unknown, "less_than", _ordering("$gte"), "ten minste"),
    OperatorSpec("less_than", operator.lt, _unknown, "at_least", _ordering("$lt"), "minder dan"),
    OperatorSpec(
        "at_most", operator.le, _unknown, "greater_than", _ordering("$lte"), "ten hoogste"
    ),
    OperatorSpec(
        "known",
        lambda _value, want: bool(want),
        lambda want: not want,
        "known",
        lambda a, want: {"$ex" if want else "$nex": {a: 1}},
        "bekend",
        flips_operand=True,
    ),
)

OPERATOR_TABLE: dict[str, OperatorSpec] = {spec.name: spec for spec in _TABLE}
#: The Dutch wording per operator, read from the table (for texts that only need words).
OPERATOR_TEXT: dict[str, str] = {name: spec.text for name, spec in OPERATOR_TABLE.items()}


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    label: str | None = Field(
        default=None,
        description="Korte Nederlandse omschrijving van deze voorwaarde, voor de uitleg.",
    )


class Compare(_Node):
    """``fact: finding.amount`` with at most one operator; none means "is true"."""

    fact: str = Field(
        description="Feit als `onderwerp.kenmerk`, bijvoorbeeld `finding.drug_list` of "
        "`premises.kind`; een afgeleid begrip heet `onderwerp.begrip`.",
        pattern=r"^[a-z_]+\.[a-z0-9_]+$",
    )
    equals: Value | None = None
    not_equals: Value | None = None
    one_of: ListValue | None = None
    none_of: ListValue | None = None
    greater_than: Value | None = None
    at_least: Value | None = None
    less_than: Value | None = None
    at_most: Value | None = None
    known: bool | None = Field(
        default=None, description="`true`: het feit is bekend; `false`: het ontbreekt."
    )

    @model_validator(mode="after")
    def _one_operator(self) -> Compare:
        given = [op for op in OPERATORS if getattr(self, op) is not None]
        if len(given) > 1:
            raise ValueError(
                f"een vergelijking heeft precies één operator, hier staan er {len(given)}: "
                + ", ".join(given)
            )
        return self

    @property
    def operator(self) -> str:
        for op in OPERATORS:
            if getattr(self, op) is not None:
                return op
        return "equals"

    @property
    def operand(self) -> Any:
        op = self.operator
        value = getattr(self, op)
        return True if value is None else value

    @property
    def subject(self) -> str:
        return self.fact.split(".", 1)[0]

    @property
    def attribute(self) -> str:
        return self.fact.split(".", 1)[1]


class AllOf(_Node):
    all: list[Condition] = Field(min_length=1, description="Alle voorwaarden moeten gelden.")


class AnyOf(_Node):
    any: list[Condition] = Field(min_length=1, description="Ten minste één voorwaarde geldt.")


class NotOf(_Node):
    not_: Condition = Field(alias="not", description="De voorwaarde geldt niet.")


class Some(_Node):
    """There is (at least ``minimum``) related entity for which ``where`` holds."""

    some: str = Field(
        description="Relatie vanuit het onderwerp, bijvoorbeeld `findings` vanuit een pand "
        "of `residents` (bewoners) van een pand."
    )
    minimum: int = Field(default=1, ge=1, le=5, description="Ten minste zoveel.")
    where: Condition | None = Field(
        default=None, description="Voorwaarde voor het gerelateerde onderwerp."
    )


def _kind_of(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        for key, tag in _TAGS.items():
            if isinstance(value, tag[0]):
                return key
        return None
    if isinstance(value, dict):
        # Exactly one kind key: a mapping with both `all` and `any` is ambiguous, and
        # reading it as one of them would silently drop the other.
        kinds = [key for key in _TAGS if key in value]
        return kinds[0] if len(kinds) == 1 else None
    return None


_TAGS: dict[str, tuple[type[_Node], str]] = {
    "all": (AllOf, "all"),
    "any": (AnyOf, "any"),
    "not": (NotOf, "not"),
    "some": (Some, "some"),
    "fact": (Compare, "fact"),
}

#: Tag names pydantic inserts into error locations; the YAML position mapper skips them.
CONDITION_TAGS = frozenset(f"<{key}>" for key in _TAGS)

Condition = Annotated[
    Annotated[AllOf, Tag("<all>")]
    | Annotated[AnyOf, Tag("<any>")]
    | Annotated[NotOf, Tag("<not>")]
    | Annotated[Some, Tag("<some>")]
    | Annotated[Compare, Tag("<fact>")],
    Discriminator(
        lambda v: f"<{k}>" if (k := _kind_of(v)) else None,
        custom_error_type="condition_kind",
        custom_error_message="een voorwaarde begint met `all`, `any`, `not`, `some` of `fact`",
    ),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()
Some.model_rebuild()


def children(node: Condition) -> list[Condition]:
    if isinstance(node, AllOf):
        return list(node.all)
    if isinstance(node, AnyOf):
        return list(node.any)
    if isinstance(node, NotOf):
        return [node.not_]
    if isinstance(node, Some):
        return [node.where] if node.where is not None else []
    return []


def walk(node: Condition) -> Iterator[Condition]:
    """Every node of the tree, parents before children, in document order."""
    yield node
    for child in children(node):
        yield from walk(child)


R = TypeVar("R")


class Fold(Generic[R]):
    """One bottom-up pass over a condition tree: each kind of node combines what its
    children became. Subclasses say what a node means (a compiled closure, a rule count,
    a normal form); the dispatch over the five kinds lives only here."""

    def __call__(self, node: Condition) -> R:
        if isinstance(node, Compare):
            return self.compare(node)
        if isinstance(node, AllOf):
            return self.all_of(node, [self(c) for c in node.all])
        if isinstance(node, AnyOf):
            return self.any_of(node, [self(c) for c in node.any])
        if isinstance(node, NotOf):
            return self.not_of(node, self(node.not_))
        return self.some(node, None if node.where is None else self(node.where))

    def compare(self, node: Compare) -> R:
        raise NotImplementedError

    def all_of(self, node: AllOf, items: list[R]) -> R:
        raise NotImplementedError

    def any_of(self, node: AnyOf, items: list[R]) -> R:
        raise NotImplementedError

    def not_of(self, node: NotOf, item: R) -> R:
        raise NotImplementedError

    def some(self, node: Some, where: R | None) -> R:
        raise NotImplementedError


class _NegationNormalForm(Fold[tuple[Condition, Condition | None]]):
    """Each node as (itself, its negation) with ``not`` only on comparisons; a negated
    ``some`` ("for all related entities") has no positive form and stays ``None``."""

    def compare(self, node: Compare) -> tuple[Condition, Condition | None]:
        op = node.operator
        negation, operand = OPERATOR_TABLE[op].negated(node.operand)
        flipped = {op: None, negation: operand} if negation != op else {op: operand}
        return node, node.model_copy(update=flipped)

    def all_of(
        self, node: AllOf, items: list[tuple[Condition, Condition | None]]
    ) -> tuple[Condition, Condition | None]:
        negs = [n for _, n in items if n is not None]
        neg = AnyOf.model_construct(any=negs) if len(negs) == len(items) else None
        return AllOf.model_construct(all=[p for p, _ in items]), neg

    def any_of(
        self, node: AnyOf, items: list[tuple[Condition, Condition | None]]
    ) -> tuple[Condition, Condition | None]:
        negs = [n for _, n in items if n is not None]
        neg = AllOf.model_construct(all=negs) if len(negs) == len(items) else None
        return AnyOf.model_construct(any=[p for p, _ in items]), neg

    def not_of(
        self, node: NotOf, item: tuple[Condition, Condition | None]
    ) -> tuple[Condition, Condition | None]:
        positive, negative = item
        if negative is None:
            raise ValueError("'not' om 'some' kan durable-rules niet uitdrukken")
        return negative, positive

    def some(
        self, node: Some, where: tuple[Condition, Condition | None] | None
    ) -> tuple[Condition, Condition | None]:
        if where is None:
            return node, None
        return node.model_copy(update={"where": where[0]}), None


def negation_normal_form(node: Condition) -> Condition:
    """The same condition with every ``not`` pushed onto a comparison (via the operator
    table), as durable-rules needs; ``ValueError`` for a ``not`` around a ``some``."""
    return _NegationNormalForm()(node)[0]
