"""The bounded combination search against brute force, and what it promises when cut short."""

from __future__ import annotations

import random
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.deadline import Deadline
from engine.weigh.search import Budget, SearchResult, search

Problem = tuple[list[str], dict[str, int], dict[str, list[str]], dict[str, list[str]]]
Key = tuple[int, int, tuple[str, ...]]

UNBOUNDED = Budget(nodes=10**9)


@st.composite
def problems(draw: st.DrawFn, max_size: int = 12) -> Problem:
    """Small graphs where ties are the rule: points come from a handful of values."""
    n = draw(st.integers(1, max_size))
    ids = [f"X{i:02d}" for i in range(n)]
    tied = draw(st.lists(st.integers(-300, 900), min_size=1, max_size=3))
    points = {x: draw(st.sampled_from([*tied, 0, 500])) for x in ids}
    conflicts: dict[str, list[str]] = {}
    requires: dict[str, list[str]] = {}
    for x in ids:
        others = [y for y in ids if y != x]
        if others:
            conflicts[x] = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
            requires[x] = draw(
                st.lists(st.sampled_from([*others, "ONBEKEND"]), max_size=1)
                if draw(st.integers(0, 3)) == 0
                else st.just([])
            )
    return ids, points, conflicts, requires


def clashes(members: set[str], conflicts: dict[str, list[str]]) -> bool:
    return any(y in members for x in members for y in conflicts.get(x, ()) if y != x)


def closure(x: str, ids: list[str], requires: dict[str, list[str]]) -> set[str] | None:
    """``x`` with everything it needs, or None when it needs something that is not there."""
    out, todo = set(), [x]
    while todo:
        y = todo.pop()
        if y in out:
            continue
        if y not in ids:
            return None
        out.add(y)
        todo.extend(requires.get(y, ()))
    return out


def admissible(members: set[str], problem: Problem) -> bool:
    """No conflicts, requirements closed, and only positive members chosen for themselves."""
    ids, points, conflicts, requires = problem
    if not members or clashes(members, conflicts):
        return False
    pulled: set[str] = set()
    for x in members:
        needed = closure(x, ids, requires)
        if needed is None or not needed <= members:
            return False
        if points[x] > 0:
            pulled |= needed
    return pulled == members


def key(points: dict[str, int], members: frozenset[str] | set[str]) -> Key:
    return (-sum(points[x] for x in members), len(members), tuple(sorted(members)))


def brute_force(problem: Problem, top: int) -> list[tuple[int, frozenset[str]]]:
    ids, points, _, _ = problem
    found = [
        frozenset(s)
        for r in range(1, len(ids) + 1)
        for s in combinations(ids, r)
        if admissible(set(s), problem)
    ]
    found.sort(key=lambda s: key(points, s))
    return [(sum(points[x] for x in s), s) for s in found[:top]]


def greedy(problem: Problem) -> set[str]:
    """Best item first; take it with what it needs whenever that still fits."""
    ids, points, conflicts, requires = problem
    taken: set[str] = set()
    for x in sorted(ids, key=lambda i: (-points[i], i)):
        if points[x] <= 0 or x in taken:
            continue
        needed = closure(x, ids, requires)
        if needed is not None and not clashes(taken | needed, conflicts):
            taken |= needed
    return taken


def run(problem: Problem, top: int = 3, budget: Budget = UNBOUNDED) -> SearchResult:
    ids, points, conflicts, requires = problem
    return search(ids, points, conflicts, requires, top, budget)


@settings(max_examples=300, deadline=None)
@given(problems(), st.integers(1, 4))
def test_search_finds_exactly_the_best_sets_brute_force_finds(problem: Problem, top: int) -> None:
    result = run(problem, top)
    assert result.exact
    assert list(result.sets) == brute_force(problem, top)


@settings(max_examples=300, deadline=None)
@given(problems(), st.integers(0, 40))
def test_a_search_cut_short_still_returns_admissible_sets_no_worse_than_greedy(
    problem: Problem, nodes: int
) -> None:
    result = run(problem, budget=Budget(nodes=nodes))
    _, points, _, _ = problem
    for score, members in result.sets:
        assert admissible(set(members), problem)
        assert score == sum(points[x] for x in members)
    keys = [key(points, members) for _, members in result.sets]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    greedy_set = greedy(problem)
    if greedy_set:
        assert result.sets and keys[0] <= key(points, greedy_set)
    else:
        assert result.sets == ()
    if result.exact:
        assert list(result.sets) == brute_force(problem, 3)


def _ring(n: int) -> Problem:
    """Tied items in a ring of conflicts: many equally good sets, too many for a tiny budget."""
    ids = [f"R{i:02d}" for i in range(n)]
    conflicts = {x: [ids[(i + 1) % n]] for i, x in enumerate(ids)}
    return ids, dict.fromkeys(ids, 500), conflicts, {}


def test_running_out_of_nodes_is_reported_as_not_exact() -> None:
    problem = _ring(30)
    result = run(problem, budget=Budget(nodes=5))
    assert not result.exact
    assert result.explored == 5
    assert result.sets
    assert all(admissible(set(members), problem) for _, members in result.sets)
    assert run(problem).exact


def test_a_passed_deadline_ends_the_search_at_once_no_worse_than_greedy() -> None:
    problem = _ring(30)
    result = run(problem, budget=Budget(deadline=Deadline(seconds=0)))
    assert not result.exact
    assert result.explored == 0
    assert admissible(set(result.sets[0][1]), problem)
    assert key(problem[1], result.sets[0][1]) <= key(problem[1], greedy(problem))


def test_tied_items_go_to_the_smallest_ids_and_fewer_members_win() -> None:
    ids = ["A", "B", "C", "D"]
    points = {"A": 500, "B": 500, "C": 500, "D": 1000}
    conflicts = {"A": ["B"], "B": ["C"], "D": ["A", "B", "C"]}
    result = run((ids, points, conflicts, {}))
    assert result.sets == (
        (1000, frozenset({"D"})),
        (1000, frozenset({"A", "C"})),
        (500, frozenset({"A"})),
    )
    without_d = run((ids[:3], points, conflicts, {}))
    assert without_d.sets == (
        (1000, frozenset({"A", "C"})),
        (500, frozenset({"A"})),
        (500, frozenset({"B"})),
    )


def test_a_required_mitigation_comes_along_and_an_unavailable_one_keeps_its_requirer_out() -> None:
    ids = ["SLUITING", "ZORG", "BRIEF"]
    points = {"SLUITING": 800, "ZORG": 0, "BRIEF": 300}
    result = run((ids, points, {}, {"SLUITING": ["ZORG"]}))
    assert result.sets[0] == (1100, frozenset({"SLUITING", "ZORG", "BRIEF"}))
    assert all(members != {"ZORG"} for _, members in result.sets)
    missing = run((ids, points, {}, {"SLUITING": ["ELDERS"]}))
    assert missing.sets == ((300, frozenset({"BRIEF"})),)
    clash = run((ids, points, {"ZORG": ["SLUITING"]}, {"SLUITING": ["ZORG"]}))
    assert clash.sets == ((300, frozenset({"BRIEF"})),)


@settings(max_examples=100, deadline=None)
@given(problems(max_size=30), st.randoms(use_true_random=False), st.integers(0, 200))
def test_same_input_in_any_order_gives_the_same_answer(
    problem: Problem, rnd: random.Random, nodes: int
) -> None:
    ids, points, conflicts, requires = problem
    shuffled = list(ids)
    rnd.shuffle(shuffled)
    both_ways = {x: list(conflicts.get(x, ())) for x in ids}
    for x, ys in conflicts.items():
        for y in ys:
            both_ways[y].append(x)
    budget = Budget(nodes=nodes)
    first = run(problem, budget=budget)
    assert run(problem, budget=budget) == first
    assert run((shuffled, points, both_ways, requires), budget=budget) == first


@settings(max_examples=300, deadline=None)
@given(problems(), st.integers(1, 3), st.integers(1, 4))
def test_a_cap_on_members_gives_exactly_the_best_sets_of_at_most_that_size(
    problem: Problem, top: int, cap: int
) -> None:
    """A municipality's "at most a handful" (issue 11, item 5): no set is larger, and none of
    the small enough sets brute force ranks higher is missed."""
    ids, points, conflicts, requires = problem
    result = search(ids, points, conflicts, requires, top, UNBOUNDED, max_members=cap)
    small = [
        frozenset(s)
        for r in range(1, min(cap, len(ids)) + 1)
        for s in combinations(ids, r)
        if admissible(set(s), problem)
    ]
    small.sort(key=lambda s: key(points, s))
    assert result.exact
    assert all(len(members) <= cap for _, members in result.sets)
    assert list(result.sets) == [(sum(points[x] for x in s), s) for s in small[:top]]


@settings(max_examples=300, deadline=None)
@given(problems(), st.integers(1, 3), st.integers(1, 5), st.integers(1, 2))
def test_a_cap_per_domain_gives_exactly_the_best_sets_within_it(
    problem: Problem, top: int, cap: int, per_group: int
) -> None:
    """A few steps per domain: no domain holds more, and no better set within the caps is
    missed (ids are spread over three groups)."""
    ids, points, conflicts, requires = problem
    groups = {x: "abc"[i % 3] for i, x in enumerate(ids)}
    result = search(
        ids, points, conflicts, requires, top, UNBOUNDED, cap, groups, max_per_group=per_group
    )

    def fits(s: frozenset[str]) -> bool:
        return len(s) <= cap and all(sum(groups[x] == g for x in s) <= per_group for g in "abc")

    small = [
        frozenset(s)
        for r in range(1, len(ids) + 1)
        for s in combinations(ids, r)
        if fits(frozenset(s)) and admissible(set(s), problem)
    ]
    small.sort(key=lambda s: key(points, s))
    assert result.exact
    assert all(fits(members) for _, members in result.sets)
    assert list(result.sets) == [(sum(points[x] for x in s), s) for s in small[:top]]
