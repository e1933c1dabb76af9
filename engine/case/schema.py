"""The JSON Schema of case files, generated from the case model, so an editor can complete
and check a case while a lawyer writes it (``rulesets/casus.schema.json``)."""

from __future__ import annotations

from typing import Any

from engine.case.models import Case


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Afwegingskader casus"
    return schema
