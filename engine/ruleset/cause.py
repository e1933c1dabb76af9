"""Errors in the order a policy officer should fix them: the cause before its echoes.

One misspelt key (``interventons:``) hides every intervention of its file, and each
reference to them elsewhere then fails too: dozens of errors in many files, the real
one buried. Here each unresolved reference is traced to a file with errors of its own
that defines the missing name; that file's errors come first, its knock-on errors right
after it, marked as such, and everything else follows in the usual order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from engine.ruleset.source import Diagnostic


@dataclass(frozen=True)
class Group:
    """The errors of one file that is wrong, and the errors elsewhere it causes."""

    cause: str
    own: list[Diagnostic]
    knock_on: list[Diagnostic]


def _defines(text: str, name: str) -> bool:
    """Whether the text defines ``name`` as an id (``id: name``) or a key (``name:``),
    read from the text because a file with errors may not have loaded at all."""
    quoted = rf"['\"]?{re.escape(name)}['\"]?"
    pattern = rf"^[ \t-]*(id:[ \t]*{quoted}|{quoted}[ \t]*:)[ \t]*(#.*)?$"
    return re.search(pattern, text, re.MULTILINE) is not None


def group(diagnostics: list[Diagnostic], read: dict[str, str] | None = None) -> list[Group]:
    """Groups in fixing order: files with knock-on errors first, then the rest as given.

    ``read`` supplies file texts by displayed path (tests); otherwise they are read.
    """
    texts = dict(read or {})
    suspects = sorted({d.path for d in diagnostics if d.refers_to is None})

    def text_of(path: str) -> str:
        if path not in texts:
            try:
                texts[path] = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                texts[path] = ""
        return texts[path]

    caused: dict[str, list[Diagnostic]] = {}
    rest: list[Diagnostic] = []
    for d in diagnostics:
        cause = None
        if d.refers_to is not None:
            cause = next(
                (s for s in suspects if s != d.path and _defines(text_of(s), d.refers_to)),
                None,
            )
        if cause is None:
            rest.append(d)
        else:
            caused.setdefault(cause, []).append(d)
    own: dict[str, list[Diagnostic]] = {}
    for d in rest:
        own.setdefault(d.path, []).append(d)
    first = sorted(caused, key=lambda p: (-len(caused[p]), p))
    groups = [Group(p, own.pop(p, []), caused[p]) for p in first]
    groups += [Group(p, own[p], []) for p in own]
    return groups


def ordered(groups: list[Group]) -> list[Diagnostic]:
    """The diagnostics as lines to print: each knock-on error says where it comes from."""
    out: list[Diagnostic] = []
    for g in groups:
        out.extend(g.own)
        out.extend(
            replace(
                d,
                message=f"{d.message} (gevolgfout van de fout in {g.cause}; los die eerst op)",
            )
            for d in g.knock_on
        )
    return out
