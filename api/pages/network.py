"""The family network as an SVG drawn on the server: persons, relations, premises, findings.

Drawn here rather than in the browser so the page needs no script and no network, and a
printed page shows the same picture. The layout is deliberately plain and deterministic:
persons in a row (adults above, minors below), premises and businesses under them,
findings at the bottom, each linked by a line to what it concerns. Every label is
escaped; the picture carries a text alternative for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from engine.case.models import Case
from engine.explain.text import FINDING_TEXT, RELATION_TEXT, ROLE_TEXT

_BOX_W = 150
_BOX_H = 46
_GAP = 24
_ROW = 110
_MARGIN = 20


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    title: str
    subtitle: str
    x: int
    y: int
    minor: bool = False


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    label: str
    dashed: bool = False


def is_minor(age: int | None) -> bool:
    return age is not None and age < 18


def _row(items: list[tuple[str, str, str, str, bool]], y: int) -> list[Node]:
    return [
        Node(ident, kind, title, subtitle, _MARGIN + n * (_BOX_W + _GAP), y, minor)
        for n, (ident, kind, title, subtitle, minor) in enumerate(items)
    ]


def layout(case: Case) -> tuple[list[Node], list[Edge]]:
    """Nodes in rows and the edges between them; ids are prefixed by their kind."""
    adults: list[tuple[str, str, str, str, bool]] = []
    minors: list[tuple[str, str, str, str, bool]] = []
    for p in case.persons:
        bits = [ROLE_TEXT[p.role] if p.role else "rol onbekend"]
        bits.append(f"{p.age} jaar" if p.age is not None else "leeftijd onbekend")
        item = (f"p:{p.id}", "person", p.alias or p.id, ", ".join(bits), is_minor(p.age))
        (minors if is_minor(p.age) else adults).append(item)
    places = [
        (f"w:{w.id}", "premises", f"pand {w.id}", w.kind or "soort onbekend", False)
        for w in case.premises
    ]
    places += [
        (
            f"b:{b.id}",
            "business",
            f"bedrijf {b.id}",
            b.kind.value.replace("_", " ") if b.kind else "soort onbekend",
            False,
        )
        for b in case.businesses
    ]
    findings = [
        (
            f"f:{f.id}",
            "finding",
            f"bevinding {f.id}",
            FINDING_TEXT[f.kind] + (f", {f.date.isoformat()}" if f.date else ""),
            False,
        )
        for f in case.findings
    ]
    rows = [r for r in (adults, minors, places, findings) if r]
    nodes = [node for n, row in enumerate(rows) for node in _row(row, _MARGIN + n * _ROW)]
    known = {n.id for n in nodes}
    edges: list[Edge] = []
    seen_pairs: set[frozenset[str]] = set()
    for r in case.relations:
        pair = frozenset({f"p:{r.from_}", f"p:{r.to}"})
        if pair in seen_pairs:
            continue
        seen_pairs.add(pair)
        edges.append(Edge(f"p:{r.from_}", f"p:{r.to}", RELATION_TEXT[r.kind]))
    for w in case.premises:
        edges += [Edge(f"p:{p}", f"w:{w.id}", "woont", dashed=True) for p in w.residents]
    for b in case.businesses:
        if b.premises:
            edges.append(Edge(f"b:{b.id}", f"w:{b.premises}", "gevestigd", dashed=True))
        edges += [Edge(f"p:{p}", f"b:{b.id}", "eigenaar", dashed=True) for p in b.owners]
    for f in case.findings:
        if f.premises:
            edges.append(Edge(f"f:{f.id}", f"w:{f.premises}", "", dashed=True))
        edges += [Edge(f"f:{f.id}", f"p:{p}", "", dashed=True) for p in f.persons]
    return nodes, [e for e in edges if e.a in known and e.b in known]


def description(case: Case) -> str:
    """The text alternative: what a sighted reader takes from the picture."""
    minors = [p.alias or p.id for p in case.persons if is_minor(p.age)]
    parts = [
        f"{len(case.persons)} personen",
        f"{len(case.premises)} panden",
        f"{len(case.businesses)} bedrijven",
        f"{len(case.findings)} bevindingen",
    ]
    text = "Familienetwerk: " + ", ".join(parts) + "."
    if minors:
        text += " Minderjarig: " + ", ".join(minors) + "."
    return text


def svg(case: Case) -> Markup:
    nodes, edges = layout(case)
    if not nodes:
        return Markup("")
    by_id = {n.id: n for n in nodes}
    width = max(n.x for n in nodes) + _BOX_W + _MARGIN
    height = max(n.y for n in nodes) + _BOX_H + _MARGIN
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="netwerk" role="img" '
        f'aria-labelledby="netwerk-titel" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f'<title id="netwerk-titel">{escape(description(case))}</title>',
    ]
    for e in edges:
        a, b = by_id[e.a], by_id[e.b]
        x1, y1 = a.x + _BOX_W // 2, a.y + _BOX_H // 2
        x2, y2 = b.x + _BOX_W // 2, b.y + _BOX_H // 2
        dash = ' stroke-dasharray="4 3"' if e.dashed else ""
        out.append(f'<line class="rand" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"{dash}/>')
        if e.label and not e.dashed:
            mx, my = (x1 + x2) // 2, (y1 + y2) // 2 - 4
            out.append(
                f'<text class="relatie" x="{mx}" y="{my}" text-anchor="middle">'
                f"{escape(e.label)}</text>"
            )
    for n in nodes:
        classes = f"knoop {n.kind}" + (" minderjarig" if n.minor else "")
        out.append(f'<g class="{classes}" data-id="{escape(n.id)}">')
        out.append(f'<rect x="{n.x}" y="{n.y}" width="{_BOX_W}" height="{_BOX_H}" rx="4" ry="4"/>')
        title = n.title + (" (minderjarig)" if n.minor else "")
        out.append(f'<text x="{n.x + 8}" y="{n.y + 19}" class="naam">{escape(title)}</text>')
        out.append(f'<text x="{n.x + 8}" y="{n.y + 36}">{escape(n.subtitle)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))
