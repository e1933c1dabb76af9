"""Dutch wording of pydantic validation errors, shared by the ruleset and case readers.

pydantic reports unions as one error per member and names internal tags in locations;
a policy officer needs one sentence per wrong field, at the field's own path, with a
suggestion when a key is misspelt.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]

_TYPE_TAGS = {"str", "int", "float", "bool", "date", "none", "dict", "list", "json-or-python"}


def _is_tag(part: str | int) -> bool:
    if isinstance(part, int):
        return False
    return (
        part in _TYPE_TAGS
        or part.startswith("<")
        or "[" in part
        or (part[:1].isupper() and part.isidentifier())
    )


def clean_loc(loc: tuple[Any, ...]) -> Loc:
    """The location as the user wrote it: union and discriminator tags removed."""
    return tuple(p for p in loc if not _is_tag(p))


def json_path(loc: Loc) -> str:
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _unwrap(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (Union, UnionType):
        return [t for a in get_args(annotation) for t in _unwrap(a)]
    return [annotation]


def _models_at(model: type[BaseModel], loc: Loc) -> list[type[BaseModel]]:
    """Models that may stand at ``loc``; used to suggest the key that was meant."""
    current: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for candidate in current:
            origin = get_origin(candidate)
            if isinstance(part, int) and origin is list:
                following.extend(_unwrap(get_args(candidate)[0]))
            elif isinstance(part, str) and origin is dict:
                following.extend(_unwrap(get_args(candidate)[1]))
            elif isinstance(part, str) and isinstance(candidate, type) and issubclass(candidate, BaseModel):
                for name, field in candidate.model_fields.items():
                    if part in (name, field.alias):
                        following.extend(_unwrap(field.annotation))
        current = following
    return [c for c in current if isinstance(c, type) and issubclass(c, BaseModel)]


def _known_keys(model: type[BaseModel] | None, loc: Loc) -> list[str]:
    if model is None:
        return []
    keys: set[str] = set()
    for found in _models_at(model, loc):
        keys.update(f.alias or n for n, f in found.model_fields.items())
    return sorted(keys)


def _message(err: ErrorDetails, model: type[BaseModel] | None) -> str:
    kind = err["type"]
    loc = clean_loc(err["loc"])
    ctx = err.get("ctx") or {}
    value = err.get("input")
    name = loc[-1] if loc else ""
    if kind == "missing":
        return f"verplicht veld '{name}' ontbreekt"
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
        hint = f"; bedoelt u '{close[0]}'?" if close else (
            f"; toegestaan: {', '.join(known)}" if known else ""
        )
        return f"onbekend veld '{name}'{hint}"
    if kind in ("enum", "literal_error"):
        return f"waarde '{value}' is niet toegestaan; kies uit {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' heeft niet de vereiste vorm (patroon {ctx.get('pattern')})"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' is geen geheel getal"
    if kind in ("float_parsing", "float_type"):
        return f"'{value}' is geen getal"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{value}' is geen ja/nee-waarde (gebruik true of false)"
    if kind.startswith("date"):
        return f"'{value}' is geen datum (gebruik JJJJ-MM-DD)"
    if kind in ("list_type", "tuple_type"):
        return "hier hoort een lijst"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "hier hoort een map met velden"
    if kind == "string_type":
        return "hier hoort een tekst"
    if kind == "too_short":
        return "mag niet leeg zijn"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {k: v for k, v in ctx.items()}
        words = {"ge": "ten minste", "gt": "meer dan", "le": "ten hoogste", "lt": "minder dan"}
        parts = [f"{words[k]} {v}" for k, v in bound.items() if k in words]
        return f"waarde {value} moet {' en '.join(parts)} zijn"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return str(err["msg"])


@dataclass(frozen=True)
class Problem:
    loc: Loc
    message: str
    on_key: bool


def problems(exc: ValidationError, model: type[BaseModel] | None = None) -> list[Problem]:
    """One problem per wrong field; alternatives of a union collapse into one."""
    grouped: dict[Loc, list[ErrorDetails]] = {}
    for err in exc.errors(include_url=False):
        grouped.setdefault(clean_loc(err["loc"]), []).append(err)
    result = []
    for loc, errs in grouped.items():
        # Several errors on one location come from union alternatives: the most
        # specific one is the alternative the user evidently meant.
        specific = [e for e in errs if e["type"] not in ("model_type", "dict_type", "string_type", "int_type", "float_type", "bool_type", "list_type", "date_type", "is_instance_of")]
        if len(errs) > 1 and not specific:
            given = errs[0].get("input")
            message = f"waarde {given!r} heeft niet de juiste soort (tekst, getal, ja/nee, datum of lijst)"
            result.append(Problem(loc, message, False))
            continue
        err = (specific or errs)[0]
        result.append(Problem(loc, _message(err, model), err["type"] == "extra_forbidden"))
    return result
