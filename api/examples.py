"""The example cases of ``examples/*.json``: request examples in /docs and the demo cases."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from engine.case.read import CaseError, parse_case

log = logging.getLogger("api")


def load(folder: Path) -> dict[str, dict[str, Any]]:
    """``{name: case JSON}`` for every valid case among ``folder/*.json``, sorted by name.

    Other JSON files there (the ``*.advice.json`` and ``*.summary.json`` outputs) are not
    cases and are skipped.
    """
    found: dict[str, dict[str, Any]] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("voorbeeld %s overgeslagen: %s", path, exc)
            continue
        try:
            parse_case(data)
        except CaseError:
            log.debug("%s is geen casus; overgeslagen", path)
            continue
        if isinstance(data, dict):
            found[path.stem] = data
    return found


def openapi_examples(cases: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The ``openapi_examples`` of a request body: one per example case."""
    examples: dict[str, dict[str, Any]] = {}
    for name, data in cases.items():
        given = data.get("case")
        info: dict[str, Any] = given if isinstance(given, dict) else {}
        family = info.get("family")
        municipality = info.get("municipality")
        summary = " – ".join(str(x) for x in (info.get("id", name), family, municipality) if x)
        examples[name] = {
            "summary": summary,
            "description": f"Voorbeeldcasus uit examples/{name}.json.",
            "value": data,
        }
    return examples


def attach(schema: dict[str, Any], cases: dict[str, dict[str, Any]]) -> None:
    """Put the example cases on each operation whose JSON body is a ``Case``."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            schema_of = body.get("schema", {}) if body is not None else {}
            if schema_of.get("title") == "Case" or schema_of.get("$ref", "").endswith("/Case"):
                body["examples"] = openapi_examples(cases)
