"""Safe YAML reading that remembers where every node stands.

PyYAML's safe loader accepts duplicate keys silently and expands aliases without limit,
and neither it nor pydantic knows lines. Composing the node graph ourselves gives all
three: refused duplicates, a bounded expansion, and a line and column for every path so
a validation error points at the node a policy officer has to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

MAX_BYTES = 1_000_000
MAX_NODES = 100_000
#: Deeper than any sensible ruleset (a condition tree nests a handful of levels); deeper
#: input would exhaust Python's stack in the composer or in validation.
MAX_DEPTH = 100

Loc = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

#: PyYAML's most common complaints in words a policy officer can act on; the original
#: stays in brackets so it can still be looked up.
_YAML_PROBLEMS = (
    (
        "mapping values are not allowed here",
        "hier mag geen ':' staan; zet tekst met een "
        "dubbele punt tussen aanhalingstekens of controleer de inspringing",
    ),
    ("could not find expected ':'", "verwachtte 'sleutel: waarde'; controleer de inspringing"),
    ("found character '\\t'", "tab gevonden; spring in met spaties"),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op; ontbreekt er een aanhalingsteken of haakje?",
    ),
    ("expected ',' or ']'", "lijst tussen [ ] is niet afgesloten"),
    ("expected ',' or '}'", "map tussen { } is niet afgesloten"),
    (
        "expected <block end>",
        "onverwachte inspringing; elementen van één map of lijst "
        "moeten precies even ver inspringen",
    ),
    ("did not find expected key", "verwachtte een sleutel; controleer de inspringing"),
    (
        "did not find expected '-' indicator",
        "verwachtte een lijstelement ('- '); controleer de inspringing",
    ),
    ("found undefined alias", "alias (*) verwijst naar een anker (&) dat niet bestaat"),
    ("found character", "dit teken kan hier niet staan; zet de tekst tussen aanhalingstekens"),
)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One error, printed as ``path:line:col: message`` (line and column from 1).

    ``refers_to`` names what an unresolved reference points at, so a knock-on error of a
    mistake elsewhere (a misspelt key that hides a definition) can be traced to it.
    """

    path: str
    line: int
    col: int
    message: str
    refers_to: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


@dataclass
class Positions:
    """Where each path of the document starts: the value, and the key that names it."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, loc: Loc) -> tuple[int, int]:
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.values:
                return self.values[loc[:end]]
        return (1, 1)

    def of_key(self, loc: Loc) -> tuple[int, int]:
        return self.keys.get(loc) or self.of_value(loc)


@dataclass
class Document:
    path: str
    data: Any
    positions: Positions
    text: str


class SourceError(Exception):
    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("\n".join(map(str, diagnostics)))
        self.diagnostics = diagnostics


class _Mark(Protocol):
    """PyYAML's and libyaml's marks alike: 0-based line and column."""

    line: int
    column: int


def _at(path: str, mark: _Mark | None, message: str) -> Diagnostic:
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Diagnostic(path, line, col, message)


def _too_large(path: str) -> SourceError:
    limit = MAX_BYTES // 1_000_000
    return SourceError(
        [Diagnostic(path, 1, 1, f"bestand is groter dan {limit} MB en wordt niet gelezen")]
    )


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.positions = Positions()
        self.errors: list[Diagnostic] = []
        self.count = 0
        self.active: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def error(self, mark: yaml.Mark, message: str) -> None:
        self.errors.append(_at(self.path, mark, message))

    def fatal(self, node: yaml.Node, message: str) -> SourceError:
        return SourceError([_at(self.path, node.start_mark, message)])

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            # Point at the top-level key whose value exploded, not at some shared leaf.
            line, col = self.positions.of_key(loc[:1])
            raise SourceError(
                [
                    Diagnostic(
                        self.path,
                        line,
                        col,
                        f"het bestand wordt na het uitvouwen van ankers (&) en aliassen (*) groter "
                        f"dan {MAX_NODES} knooppunten; dat lijkt een alias-bom en wordt geweigerd",
                    )
                ]
            )
        if len(loc) > MAX_DEPTH:
            raise self.fatal(node, f"het bestand is dieper genest dan {MAX_DEPTH} niveaus")
        self.positions.values.setdefault(
            loc, (node.start_mark.line + 1, node.start_mark.column + 1)
        )
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.error(node.start_mark, f"YAML-label '{tag}' wordt niet ondersteund")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if id(node) in self.active:
            # An anchor that contains its own alias (&a [*a]) would unfold forever.
            self.error(
                node.start_mark, "een alias (*) verwijst naar het anker (&) waar hij zelf in staat"
            )
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        finally:
            self.active.discard(id(node))

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (
            yaml.YAMLError,
            ValueError,
            ArithmeticError,
            LookupError,
            AttributeError,
            TypeError,
        ):
            # The resolver recognised the form (e.g. a date) but the value does not exist.
            if node.tag == "tag:yaml.org,2002:timestamp":
                message = f"'{node.value}' is geen bestaande datum (gebruik JJJJ-MM-DD)"
            else:
                message = f"'{node.value}' is geen geldige waarde"
            self.error(node.start_mark, message)
            return None

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Mark] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error(key_node.start_mark, "samenvoegen met '<<' wordt niet ondersteund")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node.start_mark, "een sleutel moet een eenvoudige tekst zijn")
                continue
            # The key as written: 'on' stays 'on' (not True) and 1 and '1' are one key.
            key = str(key_node.value)
            if key in first_seen:
                earlier = first_seen[key].line + 1
                self.error(
                    key_node.start_mark,
                    f"sleutel '{key}' staat twee keer in dezelfde map (eerder op regel "
                    f"{earlier}); YAML zou de eerste stilzwijgend negeren",
                )
                continue
            first_seen[key] = key_node.start_mark
            child = (*loc, key)
            self.positions.keys[child] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = self.build(value_node, child)
        return result


def _yaml_problem(problem: str) -> str:
    for english, dutch in _YAML_PROBLEMS:
        if problem.startswith(english):
            return f"{dutch} ({problem})"
    return problem


def _reader_error(text: str, path: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = exc.position - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Diagnostic(path, line, col, f"teken U+{ord(char):04X} is niet toegestaan in YAML-tekst")


def _is_empty(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag == "tag:yaml.org,2002:null"
        and node.value in ("", "~", "null")
    )


def _compose_fast(text: str, path: str) -> list[yaml.Node] | None:
    """Compose with libyaml (some 15x faster than PyYAML's own parser), or None to leave
    the text to the pure-Python reader: libyaml is absent, or the text is not valid YAML
    and PyYAML's messages and positions are the ones worded for the user.

    libyaml's composer recurses on the C stack and crashes the process on deep nesting,
    so the depth is measured on its (iterative) event stream first.
    """
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"het bestand is dieper genest dan {MAX_DEPTH} niveaus"
                    raise SourceError([_at(path, event.start_mark, message)])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return list(yaml.compose_all(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return None


def parse(text: str, path: str) -> Document:
    """Parse one YAML document; raises SourceError with every problem found."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise _too_large(path)
    nodes = _compose_fast(text, path)
    try:
        if nodes is None:
            nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.reader.ReaderError as exc:
        raise SourceError([_reader_error(text, path, exc)]) from None
    except yaml.MarkedYAMLError as exc:
        problem = _yaml_problem(exc.problem or exc.context or "onleesbare YAML")
        raise SourceError(
            [_at(path, exc.problem_mark or exc.context_mark, f"geen geldige YAML: {problem}")]
        ) from None
    except yaml.YAMLError as exc:
        raise SourceError([Diagnostic(path, 1, 1, f"geen geldige YAML: {exc}")]) from None
    except RecursionError:
        raise SourceError(
            [Diagnostic(path, 1, 1, f"het bestand is dieper genest dan {MAX_DEPTH} niveaus")]
        ) from None
    if not nodes or (len(nodes) == 1 and _is_empty(nodes[0])):
        raise SourceError([Diagnostic(path, 1, 1, "het bestand is leeg")])
    if len(nodes) > 1:
        raise SourceError(
            [
                _at(
                    path,
                    nodes[1].start_mark,
                    "er staat meer dan één YAML-document in dit bestand ('---'); "
                    "zet elke ruleset in een eigen bestand",
                )
            ]
        )
    builder = _Builder(path)
    data = builder.build(nodes[0], ())
    if builder.errors:
        raise SourceError(sorted(builder.errors))
    return Document(path, data, builder.positions, text)


def read(path: Path, display: str | None = None) -> Document:
    shown = display or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _too_large(shown)
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            [Diagnostic(shown, 1, 1, f"bestand is geen UTF-8-tekst (byte {exc.start})")]
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SourceError([Diagnostic(shown, 1, 1, f"bestand niet te lezen: {reason}")]) from None
    return parse(text, shown)
