"""The impact run's shortcut for a threshold change: a case whose comparisons on the
changed values all come out the same is not assessed again, and that must never hide a
change a full second assessment would have shown."""

from __future__ import annotations

import gc
import random
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest

from engine.advise import Advisor
from engine.case.read import parse_case
from engine.impact.compare import diff
from engine.impact.prune import READ_BY_NAME, ThresholdChange, threshold_change
from engine.ruleset.models import Parameter
from tests.casegen import REFERENCE, generate_case
from tests.conftest import RULESETS

LOCAL = "gemeenten/voorbeeldstad/voorbeeldstad-openbare-orde-en-preventie_2024-01-01.yaml"
DAMOCLES = "gemeenten/voorbeeldstad/damocles-beleid_2024-01-01.yaml"
OPIUM = "nl/opiumwet-13b_2019-01-01.yaml"
ALCOHOL = "nl/alcoholwet_2021-07-01.yaml"


def _changed(tmp: Path, file: str, old: str, new: str) -> Advisor:
    folder = tmp / "voorstel"
    shutil.copytree(RULESETS, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the fixture expects {old!r} once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return Advisor.from_directory(folder)


@pytest.fixture(scope="module")
def basis() -> Advisor:
    return Advisor.from_directory(RULESETS)


def _change(basis: Advisor, proposal: Advisor) -> ThresholdChange | None:
    before = basis.bundle("voorbeeldstad", REFERENCE)
    after = proposal.bundle("voorbeeldstad", REFERENCE)
    return threshold_change(basis.inference(before).compiled, proposal.inference(after).compiled)


THRESHOLDS = [
    (LOCAL, "jongerenwerk_max_leeftijd:\n    value: 23\n", "18"),
    (ALCOHOL, "levensgedrag_termijn_jaren:\n    value: 5\n", "2"),
    (OPIUM, "gebruikershoeveelheid_pillen:\n    value: 1\n", "8"),
]


@pytest.mark.parametrize(("file", "old", "value"), THRESHOLDS)
def test_a_skipped_case_is_one_a_second_assessment_shows_unchanged(
    tmp_path: Path, basis: Advisor, file: str, old: str, value: str
) -> None:
    """Over generated cases, every case the shortcut skips has no change when assessed
    again in full; and the shortcut is taken."""
    new = old.rsplit("value: ", 1)[0] + f"value: {value}\n"
    proposal = _changed(tmp_path, file, old, new)
    change = _change(basis, proposal)
    assert change is not None and change.comparisons
    rng = random.Random(value)
    skipped = 0
    for i in range(100):
        case = parse_case(generate_case(rng, rng.randint(3, 15), f"S{i}"))
        before = basis.assess(case, "voorbeeldstad", REFERENCE)
        after = proposal.assess(case, "voorbeeldstad", REFERENCE)
        moved = change.moves(before.facts, before.evaluator, after.evaluator)
        found = diff(before, after)
        if not moved:
            skipped += 1
            assert not found.changes and found.top is None, f"case S{i} changed but was skipped"
    assert skipped > 0, "the shortcut was never taken"


def test_a_parameter_the_engine_reads_by_name_takes_no_shortcut(
    tmp_path: Path, basis: Advisor
) -> None:
    """The elderly-resident age is read by name when residents are weighed, beside its
    use in conditions: a change to it can move an advice with no comparison moving."""
    old = "leeftijd_oudere_bewoner:\n    value: 70\n"
    proposal = _changed(tmp_path, DAMOCLES, old, old.replace("70", "65"))
    assert _change(basis, proposal) is None


def test_a_changed_rule_takes_no_shortcut(tmp_path: Path, basis: Advisor) -> None:
    proposal = _changed(
        tmp_path,
        LOCAL,
        "at_most: {param: jongerenwerk_max_leeftijd}",
        "less_than: {param: jongerenwerk_max_leeftijd}",
    )
    assert _change(basis, proposal) is None


def test_the_same_rules_take_no_shortcut(basis: Advisor) -> None:
    """Nothing changed is the same bundle, which the run already assesses once."""
    assert _change(basis, basis) is None


def test_the_engine_reads_by_name_only_the_parameters_the_shortcut_excludes(
    basis: Advisor,
) -> None:
    """The shortcut is sound only while an assessment reads parameters through conditions
    and ``READ_BY_NAME``: a new parameter read by name must be listed there."""
    bundle = basis.bundle("voorbeeldstad", REFERENCE)
    read: set[str] = set()

    class Recording(dict[str, Parameter]):
        def get(self, key: str, default: Any = None) -> Any:
            read.add(key)
            return super().get(key, default)

        def __getitem__(self, key: str) -> Parameter:
            read.add(key)
            return super().__getitem__(key)

    original = bundle.parameters
    bundle.parameters = Recording(original)
    try:
        rng = random.Random(7)
        for i in range(40):
            case = parse_case(generate_case(rng, rng.randint(3, 15), f"N{i}"))
            basis.assess(case, "voorbeeldstad", REFERENCE)
    finally:
        bundle.parameters = original
    assert read, "the recording saw no read at all"
    assert read <= READ_BY_NAME, f"read by name but not in READ_BY_NAME: {read - READ_BY_NAME}"


def test_a_proposal_is_not_kept_alive_by_the_shortcut(tmp_path: Path, basis: Advisor) -> None:
    """The service compiles a proposal per impact run; remembering its answer must not
    keep that proposal in memory after the run."""
    old = "jongerenwerk_max_leeftijd:\n    value: 23\n"
    proposal = _changed(tmp_path, LOCAL, old, old.replace("23", "18"))
    after = proposal.inference(proposal.bundle("voorbeeldstad", REFERENCE)).compiled
    before = basis.inference(basis.bundle("voorbeeldstad", REFERENCE)).compiled
    assert threshold_change(before, after) is not None
    gone = weakref.ref(after)
    del proposal, after
    gc.collect()
    assert gone() is None
