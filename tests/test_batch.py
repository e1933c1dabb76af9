"""A corpus on several processes gives exactly what one process gives, case by case."""

from __future__ import annotations

import random

from engine.advise import Advisor
from engine.batch import Failed, assess_many
from engine.case.read import parse_case
from engine.weigh.assessment import Assessment
from tests.casegen import generate_case
from tests.conftest import RULESETS


def statuses(assessment: Assessment) -> tuple[tuple[str, str], ...]:
    return tuple((i.id, i.status.value) for i in assessment.interventions)


def test_parallel_corpus_matches_one_process_and_reports_bad_cases(advisor: Advisor) -> None:
    rng = random.Random(7)
    cases = [generate_case(rng, 6, f"C{n}") for n in range(40)]
    cases.insert(13, {"case": {"id": "kapot"}, "persons": [{"id": "P1", "agee": 3}]})
    got = list(assess_many(RULESETS, cases, statuses, processes=2))
    assert [index for index, _ in got] == list(range(41))
    failed = got[13][1]
    assert isinstance(failed, Failed) and "agee" in failed.message
    for index, result in got:
        if index != 13:
            assert result == statuses(advisor.assess(parse_case(cases[index])))
