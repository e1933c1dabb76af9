"""Rendering the typed assessment into the Advice contract: summary and full forms."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import replace

import pytest

from engine.case.read import parse_case, read_case
from engine.contract import Advice
from engine.explain.render import NOT_EXACT, compact, fixed_texts, render, render_json
from tests.casegen import REFERENCE, generate_case
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 3, 1)


def _ten_persons(seed: int):
    return parse_case(generate_case(random.Random(seed), persons=10))


def test_summary_has_no_proof_trees_and_full_has_them(advisor):
    case = read_case(EXAMPLES / "e1-visser.yaml")
    summary = advisor.advise(case, "voorbeeldstad", DATE)
    full = advisor.advise(case, "voorbeeldstad", DATE, detail="full")
    assert all(
        not i.legal_basis.conditions and all(not t.conditions for t in i.legal_basis.targets)
        for i in summary.interventions
    )
    i01 = next(i for i in full.interventions if i.id == "I01-sluiting-13b-drugshandel")
    assert i01.legal_basis.conditions and i01.legal_basis.conditions[0].children


@pytest.mark.parametrize("name", ["e1-visser", "e2-meijer", "e3-kevin"])
def test_summary_and_full_give_the_same_verdict(advisor, name):
    case = read_case(EXAMPLES / f"{name}.yaml")
    summary = advisor.advise(case, detail="summary")
    full = advisor.advise(case, detail="full")
    assert [(i.id, i.legal_basis.status) for i in summary.interventions] == [
        (i.id, i.legal_basis.status) for i in full.interventions
    ]
    assert [(c.interventions, c.score) for c in summary.combinations] == [
        (c.interventions, c.score) for c in full.combinations
    ]
    # Without a legal basis the summary leaves out concerns and questions: they cannot
    # change what may be done. Where the basis holds or may hold, both forms agree.
    open_ = {i.id for i in full.interventions if i.legal_basis.status != "not_satisfied"}
    for s, f in zip(summary.interventions, full.interventions, strict=True):
        concerns = {(c.id, c.status) for c in f.human_measure.concerns}
        assert {(c.id, c.status) for c in s.human_measure.concerns} == (
            concerns if s.id in open_ else set()
        )
    assert {m.fact for m in summary.missing_facts} == {
        m.fact for m in full.missing_facts if any(a.split(" ")[0] in open_ for a in m.affects)
    }


def test_summary_of_ten_persons_is_a_third_of_the_full_form_at_most(advisor):
    for seed in range(3):
        case = _ten_persons(seed)
        summary = advisor.advise(case, "voorbeeldstad", REFERENCE).model_dump_json()
        full = advisor.advise(case, "voorbeeldstad", REFERENCE, detail="full").model_dump_json()
        assert len(summary) * 3 < len(full), (len(summary), len(full))


def _bench_cases(n: int):
    """The 10-person cases of the benchmark's full-advice row (tests/bench.py)."""
    rng = random.Random(10)
    return [parse_case(generate_case(rng, 10, f"B{i}")) for i in range(n)]


def test_summary_of_a_generated_ten_person_case_is_at_most_30_kb(advisor):
    sizes = [
        len(render_json(advisor.assess(case, "voorbeeldstad", REFERENCE)))
        for case in _bench_cases(20)
    ]
    assert max(sizes) <= 30 * 1024, sorted(sizes)


def _examples_and_generated(advisor):
    for name in ("e1-visser", "e2-meijer", "e3-kevin"):
        yield advisor.assess(read_case(EXAMPLES / f"{name}.yaml"))
    for case in _bench_cases(15):
        yield advisor.assess(case, "voorbeeldstad", REFERENCE)


def test_the_served_summary_is_the_contract_model_without_nulls_and_empty_lists(advisor):
    """The summary is serialised from data, without a model per node; the contract model
    stays its shape: the bytes validate as ``Advice`` and that model gives them back."""
    for assessment in _examples_and_generated(advisor):
        served = json.loads(render_json(assessment))
        typed = render(assessment).model_dump(mode="json", exclude={"verification"})
        assert Advice.model_validate(served).model_dump(mode="json") == render(
            assessment
        ).model_dump(mode="json")
        assert compact(typed) == served


def test_the_served_summary_has_the_bytes_the_standard_json_encoder_writes(advisor):
    """Stored summaries are hashed (ADR 0003): whichever encoder writes them, the bytes are
    compact UTF-8 JSON as ``json.dumps`` writes it, so a summary made again hashes the same."""
    for assessment in _examples_and_generated(advisor):
        served = render_json(assessment)
        data = json.loads(served)
        assert served == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def test_the_served_full_form_is_the_contract_model_with_every_key(advisor):
    for assessment in _examples_and_generated(advisor):
        served = json.loads(render_json(assessment, "full"))
        typed = render(assessment, "full").model_dump(mode="json", exclude={"verification"})
        assert served == typed
        assert all("name" in i and "explanation" in i for i in served["interventions"])


def test_the_summary_leaves_out_only_what_the_ruleset_fixes(advisor):
    """Every intervention field the summary drops is the ruleset's, as the catalog serves
    it (``fixed_texts``); what this case decided stays."""
    for assessment in _examples_and_generated(advisor):
        summary = json.loads(render_json(assessment))
        full = render(assessment, "full")
        texts = {i.id: fixed_texts(i) for i in assessment.bundle.interventions}
        for short, whole in zip(summary["interventions"], full.interventions, strict=True):
            fixed = texts[whole.id]
            for key in ("name", "domain", "authority", "competent_body", "partners"):
                assert key not in short and getattr(whole, key) == fixed[key]
            assert short["legal_basis"]["status"] == whole.legal_basis.status
            assert [c.model_dump() for c in whole.legal_basis.citations] == fixed["citations"]


def test_summary_asks_each_question_once_whatever_the_number_of_subjects(advisor):
    case = _ten_persons(0)
    summary = advisor.advise(case, "voorbeeldstad", REFERENCE)
    full = advisor.advise(case, "voorbeeldstad", REFERENCE, detail="full")
    # The advice's own list asks each fact once per set of what it affects; the
    # interventions and the wording of the questions leave it to that list and the catalog.
    assert all(not item.missing_facts for item in summary.interventions)
    assert all(m.question is None and m.subjects for m in summary.missing_facts)
    asked = [(m.fact, tuple(m.affects)) for m in summary.missing_facts]
    assert len(asked) == len(set(asked))
    assert len(summary.missing_facts) < len(full.missing_facts)
    # Nothing an intervention's open questions affect is lost: every pair in the full
    # form (of an intervention whose basis holds or may hold) is in the summary.
    open_ = {i.id for i in full.interventions if i.legal_basis.status != "not_satisfied"}
    told = {(m.fact, s, a) for m in summary.missing_facts for s in m.subjects for a in m.affects}
    for item in full.interventions:
        if item.id in open_:
            for m in item.missing_facts:
                assert (m.fact, m.subject, m.affects[0]) in told, (item.id, m.fact)


def test_missing_facts_carry_the_intervention_and_concern_as_fields(advisor):
    case = read_case(EXAMPLES / "e1-visser.yaml")
    assessment = advisor.assess(case, "voorbeeldstad", DATE)
    i01 = assessment.item("I01-sluiting-13b-drugshandel")
    culpable = [m for m in i01.missing if m.fact == "person.culpable"]
    assert culpable
    assert {(m.intervention_id, m.concern_id, m.ref) for m in culpable} == {
        ("I01-sluiting-13b-drugshandel", "verwijtbaarheid-medebewoner", "person:P2")
    }
    first = assessment.combinations[0]
    assert any(
        q.fact.concern_id == "verwijtbaarheid-medebewoner" and q.fact.ref == "person:P2"
        for q in first.questions
    )


def test_a_search_cut_short_says_so(advisor):
    case = read_case(EXAMPLES / "e1-visser.yaml")
    assessment = advisor.assess(case, "voorbeeldstad", DATE)
    assert render(assessment).combination_search == "exact"
    assert NOT_EXACT not in render(assessment).notes
    cut = render(replace(assessment, exact=False))
    assert cut.combination_search == "best_found"
    assert NOT_EXACT in cut.notes


def test_verification_is_pending_until_the_second_reading(advisor):
    advice = advisor.advise(read_case(EXAMPLES / "e1-visser.yaml"))
    assert advice.verification.status == "pending"
    assert advice.verification.engine.startswith("durable-rules")
    assert advice.verification.differences == []


def test_an_evaluation_past_its_deadline_gives_no_advice(advisor):
    from engine.deadline import Deadline, DeadlineExceeded

    case = read_case(EXAMPLES / "e1-visser.yaml")
    with pytest.raises(DeadlineExceeded):
        advisor.advise(case, "voorbeeldstad", DATE, deadline=Deadline(0.0, started=0.0))
