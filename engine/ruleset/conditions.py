"""Condition trees: the only way a ruleset says when something holds.

Policy staff write conditions as plain YAML (``all`` / ``any`` / ``not`` over
comparisons of named facts, and ``some`` over related entities of the case). They are
data, never code: the engine compiles them into durable-rules and reads them back for
explanations, so the same tree drives the inference and the text a lawyer checks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args

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

#: The operator a negation turns each operator into; ``not`` is pushed down to the
#: comparisons so that durable-rules (which only matches positively) can evaluate it.
NEGATED: dict[str, str] = {
    "equals": "not_equals",
    "not_equals": "equals",
    "one_of": "none_of",
    "none_of": "one_of",
    "greater_than": "at_most",
    "at_most": "greater_than",
    "less_than": "at_least",
    "at_least": "less_than",
}

#: Dutch phrasing of each operator, used in explanations ("vereist: meer dan 5").
OPERATOR_TEXT: dict[str, str] = {
    "equals": "gelijk aan",
    "not_equals": "niet gelijk aan",
    "one_of": "een van",
    "none_of": "geen van",
    "greater_than": "meer dan",
    "at_least": "ten minste",
    "less_than": "minder dan",
    "at_most": "ten hoogste",
    "known": "bekend",
}


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
