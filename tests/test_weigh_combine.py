"""Property tests for the combination search over synthetic intervention advice."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.inference.status import Status
from engine.ruleset.models import Body, Domain, Intervention, Severity
from engine.weigh.assessment import Concern, Desirability, InterventionAssessment
from engine.weigh.combine import DOMAINS, graph
from engine.weigh.combine import combine as _combine


def combine(items):
    return _combine(items)[0]


def _item(
    i: int, domain: Domain, score: float, status: str, incompatible, lighter, concerns
) -> InterventionAssessment:
    itv = Intervention(
        id=f"X{i:02d}",
        name=f"Interventie {i}",
        domain=domain,
        formal=domain is Domain.repression,
        authority="burgemeester",
        competent_body=Body.mayor,
        target="premises",
        incompatible_with=incompatible,
        lighter_alternatives=lighter,
    )
    return InterventionAssessment(
        intervention=itv,
        status=Status(status),
        targets=(),
        refs=(),
        body=Body.mayor,
        desirability=Desirability(score=score),
        concerns=tuple(concerns),
    )


def _concern(ident: str, severity: Severity, mitigating=()) -> Concern:
    return Concern(
        id=ident,
        severity=severity,
        status=Status.SATISFIED,
        text="zorgpunt",
        target=None,
        mitigating_interventions=tuple(mitigating),
    )


@st.composite
def advice_lists(draw, max_size: int = 9) -> list[InterventionAssessment]:
    n = draw(st.integers(1, max_size))
    ids = [f"X{i:02d}" for i in range(n)]
    items = []
    for i in range(n):
        others = [x for x in ids if x != ids[i]]
        concerns = []
        if others and draw(st.booleans()):
            concerns.append(
                _concern(
                    f"c{i}",
                    Severity.warning,
                    draw(st.lists(st.sampled_from(others), max_size=2, unique=True)),
                )
            )
        if draw(st.integers(0, 5)) == 0:
            concerns.append(_concern(f"b{i}", Severity.blocking))
        items.append(
            _item(
                i,
                draw(st.sampled_from(DOMAINS)),
                draw(st.integers(-2, 10)) / 10,
                draw(
                    st.sampled_from(
                        ["satisfied", "satisfied", "satisfied", "unknown", "not_satisfied"]
                    )
                ),
                draw(st.lists(st.sampled_from(others), max_size=2, unique=True)) if others else [],
                draw(st.lists(st.sampled_from(others), max_size=2, unique=True)) if others else [],
                concerns,
            )
        )
    return items


def _blocked(item: InterventionAssessment) -> bool:
    return any(c.severity is Severity.blocking for c in item.concerns)


@settings(max_examples=200, deadline=None)
@given(advice_lists())
def test_blocked_or_unfounded_interventions_never_enter(items):
    by_id = {i.id: i for i in items}
    for combo in combine(items):
        for member in combo.ids:
            assert not _blocked(by_id[member])
            assert by_id[member].status is Status.SATISFIED


@settings(max_examples=200, deadline=None)
@given(advice_lists())
def test_members_respect_incompatibilities(items):
    by_id = {i.id: i for i in items}
    for combo in combine(items):
        members = set(combo.ids)
        for m in members:
            assert not (set(by_id[m].incompatible_with) & members)


@settings(max_examples=200, deadline=None)
@given(advice_lists(), st.data())
def test_adding_a_blocking_concern_never_raises_a_score(items, data):
    before = [c.points for c in combine(items)]
    victim = data.draw(st.integers(0, len(items) - 1))
    blocked = replace(
        items[victim],
        concerns=(*items[victim].concerns, _concern("nieuw", Severity.blocking)),
    )
    after = [c.points for c in combine([*items[:victim], blocked, *items[victim + 1 :]])]
    assert len(after) <= len(before)
    for rank, score in enumerate(after):
        assert score <= before[rank]
    assert all(
        items[victim].id not in c.ids
        for c in combine([*items[:victim], blocked, *items[victim + 1 :]])
    )


@settings(max_examples=200, deadline=None)
@given(advice_lists(), st.randoms(use_true_random=False))
def test_order_of_input_does_not_change_the_result(items, rnd: random.Random):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert combine(items) == combine(shuffled)


@settings(max_examples=150, deadline=None)
@given(advice_lists(max_size=7))
def test_best_combination_is_exact(items):
    """Brute force over every subset agrees with the branch and bound."""
    from itertools import combinations as subsets

    g = graph(items)
    best = None
    cands = g.candidates
    for r in range(1, len(cands) + 1):
        for s in subsets(cands, r):
            members = set(s)
            if any(y in members for x in members for y in g.conflicts[x]):
                continue
            if any(m not in members for x in members for m in g.requires[x]):
                continue
            points = [round(g.items[x].desirability.score * 1000) for x in members]
            # Non-positive members only as required mitigations.
            if any(
                p <= 0 and not any(x in g.requires[o] for o in members)
                for x, p in zip(members, points, strict=True)
            ):
                continue
            key = (-sum(points), len(members), tuple(sorted(members)))
            best = key if best is None or key < best else best
    combos = combine(items)
    if best is None:
        assert combos == ()
    else:
        assert combos and combos[0].points == -best[0]
    assert _combine(items)[2], "a search this small always finishes within its budget"


@settings(max_examples=150, deadline=None)
@given(advice_lists(), st.data())
def test_a_third_partys_action_is_a_consequence_never_a_member(items, data):
    """A landlord's dissolution (art. 7:231 BW) follows a closure; the municipality cannot
    decide it, so it never enters a combination, and every combination with the closure
    carries it as a consequence."""
    victim = data.draw(st.integers(0, len(items) - 1))
    others = [i.id for i in items if i.id != items[victim].id]
    after = data.draw(st.sampled_from(others)) if others else None
    landlord = replace(
        items[victim],
        body=Body.landlord,
        status=Status.SATISFIED,
        desirability=Desirability(score=1.0),
        follows=(after,) if after else (),
    )
    result = combine([*items[:victim], landlord, *items[victim + 1 :]])
    for combo in result:
        assert landlord.id not in combo.ids
        carried = {(c.intervention_id, c.after) for c in combo.consequences}
        assert ((landlord.id, after) in carried) == (after in combo.ids)
