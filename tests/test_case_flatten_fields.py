"""Flattening reads a case model's fields from the instance instead of ``model_dump``,
which cost as much as the rest of flattening. That is right only while the two give the
same values in the same order (absent ones left out by both): a serializer, an alias or an excluded field added to a
case model must make this fail rather than change silently what the rules read."""

from __future__ import annotations

import random
from collections.abc import Iterator

from pydantic import BaseModel

from engine.case.flatten import _fields
from engine.case.read import parse_case, read_case
from tests.casegen import generate_case
from tests.conftest import EXAMPLES


def _models(model: BaseModel) -> Iterator[BaseModel]:
    yield model
    for value in vars(model).values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                yield from _models(item)


def test_fields_read_from_the_instance_are_what_model_dump_gives() -> None:
    rng = random.Random(3)
    cases = [parse_case(generate_case(rng, n, f"F{n}")) for n in (1, 5, 12, 30)]
    cases += [read_case(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    seen = set()
    for case in cases:
        for model in _models(case):
            nested = [
                name for name, value in vars(model).items() if isinstance(value, BaseModel | list)
            ]
            dumped = model.model_dump(exclude=set(nested), exclude_none=True)
            read = _fields(model, *nested)
            assert list(read.items()) == list(dumped.items()), type(model).__name__
            seen.add(type(model).__name__)
    assert {"Person", "Premises", "Finding"} <= seen
