"""Dutch wording of pydantic validation errors, shared by the ruleset and case readers.

pydantic reports unions as one error per member and names internal tags in locations;
a policy officer needs one sentence per wrong field, at the field's own path, with a
suggestion when a key is misspelt.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]

_TYPE_TAGS = {"str", "int", "float", "bool", "date", "none", "dict", "list", "json-or-python"}

#: Error types that only say "this alternative of a union did not fit".
_GENERIC = frozenset(
    {
        "model_type",
        "dict_type",
        "string_type",
        "int_type",
        "float_type",
        "bool_type",
        "list_type",
        "date_type",
        "is_instance_of",
    }
)

#: What each union alternative expects, in words.
_EXPECTED = {
    "string_type": "tekst",
    "bool_type": "true of false",
    "int_type": "getal",
    "float_type": "getal",
    "date_type": "datum (JJJJ-MM-DD)",
    "list_type": "lijst",
    "model_type": "map met velden",
    "dict_type": "map met velden",
}

#: The condition keys that decide what kind of node a mapping is.
CONDITION_KEYS = ("all", "any", "not", "some", "fact")

#: Regular expressions of the models, explained for someone who does not read them.
_PATTERN_TEXT = {
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$": "alleen letters, cijfers, '-', '_' en '.', "
    "beginnend met een letter of cijfer, zonder spaties",
    r"^[a-z][a-z0-9_]*$": "alleen kleine letters, cijfers en '_', beginnend met een letter",
    r"^[a-z_]+\.[a-z0-9_]+$": "'onderwerp.kenmerk' in kleine letters, bijvoorbeeld "
    "'finding.amount' of 'premises.kind'",
    r"^ECLI:[A-Z]{2}:[A-Z0-9]+:\d{4}:[A-Za-z0-9.]+$": "een ECLI-nummer, bijvoorbeeld "
    "'ECLI:NL:RVS:2019:2912'",
    r"^[0-9a-f]{64}$": "een sha256: 64 tekens 0-9 en a-f",
}


def pattern_words(value: Any, pattern: str) -> str:
    """What a text that does not match ``pattern`` should look like, in Dutch."""
    return f"'{value}' heeft niet de vereiste vorm: {_PATTERN_TEXT.get(pattern, pattern)}"


def _is_tag(part: str | int) -> bool:
    if isinstance(part, int):
        return False
    return (
        part in _TYPE_TAGS
        or part.startswith("<")
        or "[" in part
        or (part[:1].isupper() and part.isidentifier())
    )


def _child(data: Any, part: str | int) -> tuple[bool, Any]:
    """Whether ``part`` is a real key or index of ``data``, and what stands there."""
    if isinstance(data, dict) and part in data:
        return True, data[part]
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return True, data[part]
    return False, None


def clean_loc(loc: tuple[Any, ...], data: Any = None) -> Loc:
    """The location as the user wrote it: union and discriminator tags removed.

    With ``data`` (the validated input) a part that is a real key or index of the input is
    kept even when it looks like a tag, so a key such as ``Kind`` or a parameter named
    ``Duur`` is not mistaken for a pydantic model name.
    """
    out: list[str | int] = []
    current = data
    for part in loc:
        real, child = _child(current, part)
        if real or not _is_tag(part):
            current = child
            out.append(part)
    return tuple(out)


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
            elif (
                isinstance(part, str)
                and isinstance(candidate, type)
                and issubclass(candidate, BaseModel)
            ):
                for name, field in candidate.model_fields.items():
                    if part in (name, field.alias):
                        following.extend(_unwrap(field.annotation))
        current = following
    return [c for c in current if isinstance(c, type) and issubclass(c, BaseModel)]


def _known_keys(model: type[BaseModel] | None, loc: Loc, given: dict[str, Any]) -> list[str]:
    """The keys allowed where ``loc`` stands; of several candidate models (a union), the
    ones that accept most of the keys actually given."""
    if model is None:
        return []
    candidates = []
    for found in _models_at(model, loc):
        keys = {f.alias or n for n, f in found.model_fields.items()}
        candidates.append((len(keys & set(given)), sorted(keys)))
    if not candidates:
        return []
    best = max(score for score, _ in candidates)
    return sorted({k for score, keys in candidates if score == best for k in keys})


def _meant_key(name: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close and close[0] != name else None


def _options(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected)


def _one_of(options: list[str]) -> str:
    quoted = [f"'{o}'" for o in options]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " of " + quoted[-1]


def _condition_message(value: Any) -> str:
    if not isinstance(value, dict):
        return (
            "een voorwaarde is een map die begint met 'all', 'any', 'not', 'some' of 'fact', "
            f"geen losse waarde ({value!r})"
        )
    kinds = [k for k in CONDITION_KEYS if k in value]
    if len(kinds) > 1:
        return (
            f"een voorwaarde heeft precies één van 'all', 'any', 'not', 'some' of 'fact'; "
            f"hier staan {_one_of(kinds).replace(' of ', ' en ')} samen: zet ze in een "
            "'all' of 'any'"
        )
    hint = ""
    for key in value:
        close = difflib.get_close_matches(str(key), CONDITION_KEYS, n=1, cutoff=0.5)
        if close:
            hint = f"; bedoelt u '{close[0]}' in plaats van '{key}'?"
            break
    return "een voorwaarde begint met 'all', 'any', 'not', 'some' of 'fact'" + hint


def message(
    err: ErrorDetails, model: type[BaseModel] | None = None, loc: Loc = (), parent: Any = None
) -> str:
    """One pydantic error in Dutch, for the ruleset and case readers and the API alike.

    ``model`` and ``parent`` (the object the wrong key sits in) let an unknown key be
    matched against the keys the model allows. pydantic's own message is English, so a
    kind not worded here gets a plain Dutch sentence instead.
    """
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    name = loc[-1] if loc else ""
    if kind == "missing":
        return f"verplicht veld '{name}' ontbreekt"
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1], parent if isinstance(parent, dict) else {})
        meant = _meant_key(str(name), known)
        if meant:
            return f"onbekend veld '{name}'; bedoelt u '{meant}'?"
        return f"onbekend veld '{name}'" + (f"; toegestaan: {', '.join(known)}" if known else "")
    if kind in ("enum", "literal_error"):
        options = _options(str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"; bedoelt u '{close[0]}'?" if close else ""
        return f"waarde '{value}' is niet toegestaan (kies uit {_one_of(options)}){hint}"
    if kind == "string_pattern_mismatch":
        return pattern_words(value, str(ctx.get("pattern")))
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
    if kind in ("too_short", "string_too_short"):
        return "mag niet leeg zijn"
    if kind == "string_too_long":
        return f"is te lang (ten hoogste {ctx.get('max_length')} tekens)"
    if kind == "too_long":
        return f"is te lang (ten hoogste {ctx.get('max_length')} elementen)"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"ge": "ten minste", "gt": "meer dan", "le": "ten hoogste", "lt": "minder dan"}
        parts = [f"{words[k]} {v}" for k, v in ctx.items() if k in words]
        return f"waarde {value} moet {' en '.join(parts)} zijn"
    if kind == "condition_kind":
        return _condition_message(value)
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return "ongeldige waarde"


def _wrong_kind(errs: list[ErrorDetails], loc: Loc) -> str:
    """One sentence for a value that fits none of a union's alternatives."""
    given = errs[0].get("input")
    expected = list(dict.fromkeys(_EXPECTED.get(e["type"], "iets anders") for e in errs))
    if any(e["type"] == "model_type" and "Param" in str(e.get("ctx")) for e in errs):
        expected = [x for x in expected if x != "map met velden"] + ["{param: naam}"]
    if isinstance(given, list) and loc and loc[-1] in ("equals", "not_equals"):
        return f"een lijst hoort bij one_of of none_of, niet bij {loc[-1]}"
    words = ", ".join(expected[:-1]) + " of " + expected[-1] if len(expected) > 1 else expected[0]
    return f"waarde {given!r} heeft niet de juiste soort; verwacht: {words}"


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        real, data = _child(data, part)
        if not real:
            return None
    return data


@dataclass(frozen=True)
class Problem:
    loc: Loc
    message: str
    on_key: bool


def problems(
    exc: ValidationError, model: type[BaseModel] | None = None, data: Any = None
) -> list[Problem]:
    """One problem per wrong field; alternatives of a union collapse into one.

    ``data`` is the input that was validated; with it, locations keep keys that look
    like type names and misspelt keys are matched against the model they were meant for.
    """
    grouped: dict[Loc, list[ErrorDetails]] = {}
    result: list[Problem] = []
    for err in exc.errors(include_url=False):
        if err["type"] == "inconsistent":
            # A model validator's finding, placed at each field it concerns.
            at = clean_loc(err["loc"], data)
            fields = (err.get("ctx") or {}).get("fields", ())
            result.extend(Problem((*at, *loc), message, False) for loc, message in fields)
            continue
        grouped.setdefault(clean_loc(err["loc"], data), []).append(err)
    suggested: set[Loc] = set()
    for loc, errs in grouped.items():
        # Several errors on one location come from union alternatives: the most
        # specific one is the alternative the user evidently meant.
        specific = [e for e in errs if e["type"] not in _GENERIC]
        if len(errs) > 1 and not specific:
            deeper = any(other[: len(loc)] == loc and len(other) > len(loc) for other in grouped)
            if not deeper:  # otherwise the deeper error already says what is wrong
                result.append(Problem(loc, _wrong_kind(errs, loc), False))
            continue
        err = (specific or errs)[0]
        parent = _at(data, loc[:-1])
        if err["type"] == "extra_forbidden" and loc:
            given = parent if isinstance(parent, dict) else {}
            meant = _meant_key(str(loc[-1]), _known_keys(model, loc[:-1], given))
            if meant:
                suggested.add((*loc[:-1], meant))
        result.append(
            Problem(loc, message(err, model, loc, parent), err["type"] == "extra_forbidden")
        )
    # "unknown field 'titel'; did you mean 'title'?" already covers "'title' is missing".
    return [
        p for p in result if not (p.loc in suggested and p.message.startswith("verplicht veld"))
    ]
