"""Which form of an evaluation the client asked for with ``Accept``.

JSON stays the default; a lawyer's tool or a mayor's office that prefers text gets the
memo (Markdown, which reads as plain text too).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar

Form = Literal["json", "text/markdown", "text/plain"]
T = TypeVar("T")
_OFFERED: dict[str, Form] = {
    "application/json": "json",
    "application/*": "json",
    "*/*": "json",
    "text/markdown": "text/markdown",
    "text/plain": "text/plain",
    "text/*": "text/markdown",
}


def preferred(accept: str | None) -> Form:
    """The form of an evaluation the client asked for (JSON unless it prefers the memo)."""
    return choose(accept, _OFFERED, "json")


def choose(accept: str | None, offered: Mapping[str, T], default: T) -> T:
    """The offered form with the highest quality; ties go to the order the client wrote."""
    choices: list[tuple[float, int, T]] = []
    for position, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        form = offered.get(media.lower())
        if form is not None and quality > 0:
            choices.append((-quality, position, form))
    return min(choices, key=lambda c: (c[0], c[1]))[2] if choices else default
