"""The worked examples E1-E3: escalation, proportionality, competence and combinations."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.case.read import read_case
from engine.explain.text import GOAL_TEXT
from tests.conftest import EXAMPLES

DATE = dt.date(2026, 3, 1)


def _case(name: str):
    return read_case(EXAMPLES / name)


def _advise(advisor, case):
    return advisor.advise(case, "voorbeeldstad", DATE, detail="full")


def _item(advice, ident):
    return next(i for i in advice.interventions if i.id == ident)


def test_e1_escalation_is_step_two_three_months(advisor):
    i01 = _item(_advise(advisor, _case("e1-visser.yaml")), "I01-sluiting-13b-drugshandel")
    esc = i01.escalation
    assert esc is not None
    assert (esc.ladder, esc.step, esc.measure, esc.duration_months) == (
        "woning-softdrugs",
        2,
        "sluiting",
        3,
    )
    assert esc.prior == ["B1"]
    assert "voorbeeldstad-damocles" in esc.source
    assert "trede 2" in i01.explanation


def test_e1_first_combination_closes_with_care_and_carries_minors(advisor):
    advice = _advise(advisor, _case("e1-visser.yaml"))
    first = advice.combinations[0]
    assert "I01-sluiting-13b-drugshandel" in first.interventions
    assert "I17-gezinsregie" in first.interventions
    minors = [c for c in first.concerns if c["id"] == "minderjarigen-in-woning"]
    assert minors and minors[0]["severity"] == "warning"
    assert "I17-gezinsregie" in minors[0]["mitigated_by"]
    assert any(
        m.fact == "person.culpable" and "P2" in (m.subject or "") for m in first.missing_facts
    )
    carriers = {m["id"]: m["carrier"] for m in first.members}
    assert carriers["I01-sluiting-13b-drugshandel"] == "burgemeester"
    # The warning letter was the ladder's first step and is not offered again.
    assert "I14-waarschuwingsbrief" not in first.interventions


def test_e1_minor_concern_and_balance_sentences(advisor):
    i01 = _item(_advise(advisor, _case("e1-visser.yaml")), "I01-sluiting-13b-drugshandel")
    concerns = {(c.id, c.severity) for c in i01.human_measure.concerns}
    assert ("minderjarigen-in-woning", "warning") in concerns
    assert "art. 3:4 lid 2 Awb" in i01.human_measure.proportionality
    assert (
        "B1" in i01.human_measure.subsidiarity and "volstond niet" in i01.human_measure.subsidiarity
    )


def test_e2_no_formal_closure_or_ban(advisor):
    """Only signals: informal, preventive and care routes; no burdensome formal decision."""
    advice = _advise(advisor, _case("e2-meijer.yaml"))
    assert advice.combinations
    for combo in advice.combinations:
        for member in combo.interventions:
            item = _item(advice, member)
            # A formal step that only gathers information (a rapportage) may enter; a closure
            # or ban (intrusiveness 3 and up) may not.
            assert not (item.formal and item.intrusiveness >= 3), member
            assert not member.startswith(("I01", "I02", "I03", "I05")), member
    assert "care" in advice.combinations[0].domains


def test_e3_ban_with_work_concern_and_warning_first(advisor):
    advice = _advise(advisor, _case("e3-kevin.yaml"))
    ban = _item(advice, "I05-gebiedsverbod-172a")
    assert ban.legal_basis.status == "satisfied"
    assert any("werk" in c.id for c in ban.human_measure.concerns)
    assert "eerst" in ban.human_measure.subsidiarity
    with_ban = [c for c in advice.combinations if "I05-gebiedsverbod-172a" in c.interventions]
    assert with_ban
    for combo in with_ban:
        order = {m["id"]: m["order"] for m in combo.members}
        assert "I14-waarschuwingsbrief" in order
        assert order["I14-waarschuwingsbrief"] < order["I05-gebiedsverbod-172a"]


def test_premises_elsewhere_names_the_other_mayor(advisor):
    case = _case("e1-visser.yaml")
    premises = [case.premises[0].model_copy(update={"municipality": "buurdorp"})]
    advice = _advise(advisor, case.model_copy(update={"premises": premises}))
    notes = " ".join(_item(advice, "I01-sluiting-13b-drugshandel").notes)
    assert "burgemeester van buurdorp" in notes and "RIEC" in notes


def test_care_finding_does_not_ground_enforcement(advisor):
    case = _case("e1-visser.yaml")
    findings = [case.findings[0].model_copy(update={"source": "care"}), *case.findings[1:]]
    advice = _advise(advisor, case.model_copy(update={"findings": findings}))
    i01 = _item(advice, "I01-sluiting-13b-drugshandel")
    assert any("zorg" in n and "handhavingsbesluit" in n for n in i01.notes)
    assert all("I01-sluiting-13b-drugshandel" not in c.interventions for c in advice.combinations)


def test_same_case_twice_gives_identical_json(advisor):
    for name in ("e1-visser.yaml", "e2-meijer.yaml", "e3-kevin.yaml"):
        one = _advise(advisor, _case(name)).model_dump_json()
        two = _advise(advisor, _case(name)).model_dump_json()
        assert one == two


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["e1-visser.yaml", "e2-meijer.yaml", "e3-kevin.yaml"]),
    st.sampled_from(sorted(GOAL_TEXT)),
)
def test_adding_a_goal_never_lowers_what_serves_it(advisor, name, goal):
    case = _case(name)
    if goal in [str(g) for g in case.case.goals]:
        return
    bundle = advisor.bundle("voorbeeldstad", DATE)
    serving = {
        i.id
        for i in bundle.interventions
        if any(f.goal == goal for f in i.desirability)
        and all(f.weight > 0 for f in i.desirability if f.goal == goal)
    }
    before = {i.id: i.desirability.score for i in _advise(advisor, case).interventions}
    more = case.model_copy(
        update={"case": case.case.model_copy(update={"goals": [*case.case.goals, goal]})}
    )
    after = {i.id: i.desirability.score for i in _advise(advisor, more).interventions}
    for ident in serving:
        assert after[ident] >= before[ident], ident


def test_balance_sentence_names_a_few_findings_and_counts_the_rest(advisor):
    """A case with many findings keeps the proportionality sentence readable."""
    case = _case("e1-visser.yaml")
    extra = [
        case.findings[1].model_copy(update={"id": f"FX{i}", "proven": False}) for i in range(20)
    ]
    advice = _advise(advisor, case.model_copy(update={"findings": [*case.findings, *extra]}))
    text = _item(advice, "I01-sluiting-13b-drugshandel").human_measure.proportionality
    assert "F1 (drugs, bewezen)" in text
    assert "en 14 andere bevinding(en)" in text
