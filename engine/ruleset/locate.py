"""Which rulesets folder a command uses, wherever it is started from.

The bundled rulesets sit next to the package in the project, not in whatever directory
a policy officer happens to be in; a folder that is a copy (or a file inside one) is
validated against its own root, never against the bundled rulesets it was copied from.
"""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
BUNDLED = PROJECT / "rulesets"


def bundled() -> Path | None:
    return BUNDLED if BUNDLED.is_dir() else None


def is_root(folder: Path) -> bool:
    """A complete rulesets folder: national law in ``nl/``."""
    return (folder / "nl").is_dir()


def root_of(path: Path) -> Path | None:
    """The rulesets folder ``path`` belongs to, looking upwards from it."""
    start = path.resolve()
    for folder in [start, *start.parents]:
        if folder.is_dir() and is_root(folder):
            return folder
    return None


def context_for(targets: list[Path]) -> list[Path]:
    """What references of ``targets`` resolve against besides themselves: the rulesets
    folder each belongs to, or the bundled rulesets for a loose new file."""
    roots: list[Path] = []
    for target in targets:
        root = root_of(target) or bundled()
        if root is not None and root not in roots and root != target.resolve():
            roots.append(root)
    return roots
