"""Safe YAML reading that remembers where every node stands.

PyYAML's safe loader accepts duplicate keys silently and expands aliases without limit,
and neither it nor pydantic knows lines. Composing the node graph ourselves gives all
three: refused duplicates, a bounded expansion, and a line and column for every path so
a validation error points at the node a policy officer has to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 1_000_000
MAX_NODES = 100_000

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One error, printed as ``path:line:col: message`` (line and column from 1)."""

    path: str
    line: int
    col: int
    message: str

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


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.positions = Positions()
        self.errors: list[Diagnostic] = []
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def error(self, mark: yaml.Mark, message: str) -> None:
        self.errors.append(Diagnostic(self.path, mark.line + 1, mark.column + 1, message))

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise SourceError(
                [
                    Diagnostic(
                        self.path,
                        node.start_mark.line + 1,
                        node.start_mark.column + 1,
                        f"het bestand wordt na het uitvouwen van ankers (&) en aliassen (*) "
                        f"groter dan {MAX_NODES} knooppunten; dat lijkt een alias-bom en "
                        "wordt geweigerd",
                    )
                ]
            )
        self.positions.values.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Mark] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error(key_node.start_mark, "samenvoegen met '<<' wordt niet ondersteund")
                continue
            key = self.constructor.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool | float):
                self.error(key_node.start_mark, "een sleutel moet een eenvoudige tekst zijn")
                continue
            if key in first_seen:
                earlier = first_seen[key].line + 1
                self.error(
                    key_node.start_mark,
                    f"sleutel '{key}' staat twee keer in dezelfde map (eerder op regel "
                    f"{earlier}); YAML zou de eerste stilzwijgend negeren",
                )
                continue
            first_seen[key] = key_node.start_mark
            child = (*loc, str(key))
            self.positions.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[str(key)] = self.build(value_node, child)
        return result


def parse(text: str, path: str) -> Document:
    """Parse one YAML document; raises SourceError with every problem found."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SourceError(
            [Diagnostic(path, 1, 1, f"bestand is groter dan {MAX_BYTES // 1_000_000} MB en wordt niet gelezen")]
        )
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "onleesbare YAML"
        raise SourceError([Diagnostic(path, line, col, f"geen geldige YAML: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise SourceError([Diagnostic(path, 1, 1, f"geen geldige YAML: {exc}")]) from None
    if not nodes:
        raise SourceError([Diagnostic(path, 1, 1, "het bestand is leeg")])
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        raise SourceError(
            [Diagnostic(path, mark.line + 1, mark.column + 1, "één document per bestand ('---' gevonden)")]
        )
    builder = _Builder(path)
    try:
        data = builder.build(nodes[0], ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise SourceError([Diagnostic(path, line, col, f"onleesbare waarde: {exc.problem}")]) from None
    if builder.errors:
        raise SourceError(sorted(builder.errors))
    return Document(path, data, builder.positions, text)


def read(path: Path, display: str | None = None) -> Document:
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(
                [Diagnostic(shown, 1, 1, f"bestand is groter dan {MAX_BYTES // 1_000_000} MB en wordt niet gelezen")]
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError([Diagnostic(shown, 1, 1, "bestand is geen UTF-8-tekst")]) from None
    except OSError as exc:
        raise SourceError([Diagnostic(shown, 1, 1, f"bestand niet te lezen: {exc.strerror}")]) from None
    return parse(text, shown)
