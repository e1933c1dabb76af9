"""Which form the client gets for which Accept header: JSON unless text is preferred."""

from __future__ import annotations

import pytest

from api.negotiation import preferred


@pytest.mark.parametrize(
    ("accept", "form"),
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("application/json", "json"),
        ("text/markdown", "text/markdown"),
        ("text/plain", "text/plain"),
        ("text/markdown;q=0.5, application/json", "json"),
        ("application/json;q=0.2, text/plain", "text/plain"),
        ("text/html, text/markdown", "text/markdown"),
        ("text/plain;q=0, application/json;q=0.1", "json"),
        ("image/png", "json"),
        ("text/plain;q=abc, text/markdown;q=0.3", "text/markdown"),
    ],
)
def test_preferred_form(accept: str | None, form: str) -> None:
    assert preferred(accept) == form
