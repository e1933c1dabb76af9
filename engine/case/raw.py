"""The raw JSON of a case (or any request body) read strictly, before a model sees it.

Python's ``json`` accepts what a case must never carry: duplicate keys (the last one
silently wins), ``NaN`` and ``Infinity``, numbers too large for a float (read as
infinity), lone UTF-16 surrogates (no UTF-8 file or database can hold them), NUL
characters (PostgreSQL refuses them in text), endless strings, and nesting deep enough
to exhaust the stack. Each is refused here at the path of the value, so the API and the
command line give the same answer, and nothing half-read reaches the store.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

Loc = tuple[str | int, ...]

#: A case nests five levels (``$.persons[0].convictions[0].kind``); far deeper input is
#: an attack on the parser, not a case.
MAX_DEPTH = 20
#: Longer than any motivation the service accepts; a longer text is a mistake or an attack.
MAX_TEXT = 20_000
#: Enough to fix a file in one go without flooding a terminal.
MAX_PROBLEMS = 20

_DEEP = f"dieper genest dan {MAX_DEPTH} niveaus"
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class RawProblem:
    loc: Loc
    message: str

    @property
    def path(self) -> str:
        out = "$"
        for part in self.loc:
            out += f"[{part}]" if isinstance(part, int) else f".{shown(part)}"
        return out


class RawError(Exception):
    """The input cannot be accepted; ``unreadable`` when it is nested beyond reading."""

    def __init__(self, problems: list[RawProblem], unreadable: bool = False):
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))
        self.problems = problems
        self.unreadable = unreadable


def shown(text: str) -> str:
    """``text`` as it can be printed and sent: a surrogate or NUL written as its escape."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _NotFinite:
    """A number JSON can spell but a float cannot hold, kept to be reported by path."""

    def __init__(self, text: str):
        self.text = text


class _Pairs(dict[str, Any]):
    """An object whose ``twice`` keys appeared more than once in the text."""

    twice: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A plain dict whenever no key repeats (every body that is accepted): pydantic takes
    # half as long again over a dict subclass.
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    repeated = _Pairs(pairs)
    repeated.twice = _repeated(pairs)
    return repeated


def _repeated(pairs: list[tuple[str, Any]]) -> list[str]:
    seen: set[str] = set()
    twice: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in twice:
            twice.append(key)
        seen.add(key)
    return twice


def _float(text: str) -> float | _NotFinite:
    value = float(text)
    return value if math.isfinite(value) else _NotFinite(text)


def loads(text: str, max_text: int = MAX_TEXT) -> Any:
    """The JSON in ``text``, or a RawError naming every value that cannot be accepted.

    A syntax error names line and column; the data is the same as ``json.loads`` gives.
    ``max_text``: the longest string a value may be (a ruleset file sent for an impact run
    is longer than any text of a case; the body limit still bounds it).
    """
    try:
        data = json.loads(
            text, object_pairs_hook=_object, parse_constant=_NotFinite, parse_float=_float
        )
    except json.JSONDecodeError as exc:
        message = f"geen geldige JSON op regel {exc.lineno}, kolom {exc.colno}: {exc.msg}"
        raise RawError([RawProblem((), message)]) from None
    except RecursionError:
        message = f"de JSON is dieper genest dan {MAX_DEPTH} niveaus"
        raise RawError([RawProblem((), message)], unreadable=True) from None
    except ValueError:
        # Python reads no integer of more than 4300 digits (a guard against slow parsing).
        message = "de JSON bevat een getal met duizenden cijfers; dat is geen waarde van een casus"
        raise RawError([RawProblem((), message)]) from None
    check(data, max_text)
    return data


def check(data: Any, max_text: int = MAX_TEXT) -> None:
    """Refuse data that no case may hold, whichever parser produced it (YAML too)."""
    if _clean(data, max_text):
        return
    found: list[RawProblem] = []
    _walk(data, (), found, max_text)
    if found:
        # Too deep is a limit of reading, like a syntax error, not a wrong value.
        raise RawError(found[:MAX_PROBLEMS], unreadable=any(p.message == _DEEP for p in found))


def _clean(data: Any, max_text: int) -> bool:
    """Whether ``_walk`` would find nothing: the same rules, without building paths, so
    the common body (every request's) costs a fraction; anything unusual is left to
    ``_walk``, which says what is wrong and where. The texts (keys and values) are
    gathered and checked at once."""
    texts: list[str] = []
    if not _gather(data, 0, texts):
        return False
    if not texts:
        return True
    if max(map(len, texts)) > max_text:
        return False
    joined = "".join(texts)
    if joined.isascii():
        return "\x00" not in joined
    return _UNSAFE.search(joined) is None


def _gather(value: Any, depth: int, texts: list[str]) -> bool:
    """Whether ``value`` is nested no deeper than allowed, has no repeated key and holds
    only JSON's own finite values; its texts are added to ``texts``."""
    kind = type(value)
    if kind is str:
        texts.append(value)
        return True
    if kind is dict or kind is _Pairs:
        if getattr(value, "twice", ()):
            return False
        if value and depth >= MAX_DEPTH:
            return False
        for key, item in value.items():
            if type(key) is not str:
                return False
            texts.append(key)
            if type(item) is str:
                texts.append(item)
            elif not _scalar(item) and not _gather(item, depth + 1, texts):
                return False
        return True
    if kind is list:
        if value and depth >= MAX_DEPTH:
            return False
        for item in value:
            if type(item) is str:
                texts.append(item)
            elif not _scalar(item) and not _gather(item, depth + 1, texts):
                return False
        return True
    return _scalar(value)


def _scalar(value: Any) -> bool:
    """Whether ``value`` is a number, true, false or null that JSON can hold."""
    kind = type(value)
    if kind is float:
        return math.isfinite(value)
    return value is None or kind is int or kind is bool


def _text(value: str, max_text: int = MAX_TEXT) -> str | None:
    if "\x00" in value:
        return "bevat een NUL-teken (\\u0000); dat kan in geen tekst staan"
    if _UNSAFE.search(value):
        return "bevat een losse UTF-16-surrogaat (\\ud800-\\udfff); dat is geen teken"
    if len(value) > max_text:
        return f"is te lang ({len(value)} tekens; ten hoogste {max_text})"
    return None


def _walk(value: Any, loc: Loc, found: list[RawProblem], max_text: int) -> None:
    if len(found) >= MAX_PROBLEMS:
        return
    if len(loc) > MAX_DEPTH:
        found.append(RawProblem(loc, _DEEP))
        return
    if isinstance(value, dict):
        for key in getattr(value, "twice", ()):
            found.append(
                RawProblem(
                    (*loc, key),
                    f"sleutel '{shown(key)}' staat meer dan eens in dezelfde map; "
                    "welke waarde bedoeld is, is niet te zeggen",
                )
            )
        for key, item in value.items():
            if not isinstance(key, str):
                found.append(RawProblem(loc, f"sleutel {key!r} is geen tekst"))
                continue
            wrong = _text(key, max_text)
            if wrong:
                found.append(RawProblem((*loc, key), f"de sleutel {wrong}"))
                continue
            _walk(item, (*loc, key), found, max_text)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, (*loc, index), found, max_text)
    elif isinstance(value, str):
        wrong = _text(value, max_text)
        if wrong:
            found.append(RawProblem(loc, wrong))
    elif isinstance(value, _NotFinite):
        found.append(RawProblem(loc, f"'{value.text}' is geen eindig getal"))
    elif isinstance(value, float) and not math.isfinite(value):
        found.append(RawProblem(loc, f"'{value}' is geen eindig getal"))
