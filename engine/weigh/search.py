"""The bounded search for the best few admissible sets of interventions, over plain types.

The question: of the candidates, which sets are admissible (no two members conflict, every
requirement of a member is a member, and every member without positive points is there only
because a member requires it), and which ``top`` of them rank best (total points, then fewer
members, then the sorted ids)? That is a weighted independent-set problem with closures, so
it is exponential in the worst case; the search is branch and bound, and a budget (nodes
explored, and optionally the evaluation's deadline) bounds it. Within the budget it is
exact; past it, it returns the best sets found so far and says so (``exact=False``).

Why it looks the way it does:

- **Ties are ordered, not explored.** The three-part ranking is folded into one integer
  per candidate: ``points·B1 − B2 + 2^(n−1−rank of the id)``. A set's sum of these orders
  sets exactly as (points desc, members asc, sorted ids asc) do, because equal-sized sets
  compare by the smallest id in which they differ, which is the highest differing bit.
  Every set then has its own value, so "cannot beat the worst of the best" prunes ties as
  well; a strict bound on points alone (the earlier search) explored every tied set, which
  made 60 tied candidates take seconds. Python's integers make the width free of overflow.
- **Bitmasks, not sets.** Candidates are bits in their ranking order; a member's transitive
  requirements, its conflicts, and "everything a choice rules out" (anything whose
  requirements touch an excluded item or a conflict of a member) are precomputed masks, so
  a node is a handful of integer operations.
- **The bound is a greedy clique cover** of the open items, where two items "conflict" when
  taking one rules the other out (their requirements included): each clique contributes at
  most its best item. Items without positive points only lower a score, so they add
  nothing. On sparse conflicts a clique cover is loose (mostly pairs), which is why the
  search still needs a budget at 100 candidates; among tied partners the cover pairs the
  one with fewest conflicts, which made 100 tied candidates finish exactly in 10 of 10
  generated cases instead of 6 (unbudgeted up to 20,000 nodes). With spread scores the
  best item of a clique also pays for lighter neighbours out of what its clique leaves of
  its value (weight splitting), which halved the nodes at 100 candidates.
- **Branching**: among the open items with the best points, the one that rules out the
  most other open items. Without ties that is simply the best item, which finds good sets
  early; with ties it is the choice that shrinks both branches most (the classic rule for
  independent sets), which took 100 tied candidates from minutes to under a second of
  unbudgeted search.
- **Greedy first.** Before the search, two greedy sets are recorded: best item first (the
  first id among tied ones), and best item first with, among tied ones, the one that
  clashes least (the classic heuristic for independent sets, which at 100 tied candidates
  cut short by the budget lands within two members of the optimum instead of seven). So
  even a search cut short at once is no worse than greedy; a set is never recorded twice.
- **Depth first with an explicit stack**, so a large case cannot hit the recursion limit.
- **Deterministic**: everything is ordered by the ranking, never by input order or hashing,
  and the budget's node limit is a count, not a clock, so the same input gives the same
  answer on any machine (a deadline, when given, is a safety stop that can cut earlier).
- **No memo on states, no dominance rule.** A memo was tried: a state must carry which
  items are still open, and on sparse conflicts nearly every state is new (a quarter to a
  million states at 60 candidates, where branch and bound needs a few thousand nodes).
  Interchangeable tied items need no rule of their own: the folded order already tells
  them apart, so the bound can prune the worse of two otherwise equal branches.
- The deadline is part of the budget: when it passes, the search stops like it does at the
  node limit and reports ``exact=False``; raising ``DeadlineExceeded`` stays with the
  evaluation's own loops, which check the same deadline.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from engine.deadline import Deadline

#: How often (in nodes) the deadline is consulted; reading the clock every node costs more
#: than the node itself.
_CLOCK_EVERY = 256


@dataclass(frozen=True, slots=True)
class Budget:
    """How much search one combination question may take.

    ``nodes`` is calibrated with ``tests/bench_combine.py``: at 100 candidates a node costs
    10–17 µs of CPU on a quiet core, and up to a third more while other processes share
    the core; 2,800 nodes measured 54 ms there. 2,000 keep the worst case near 36 ms of CPU
    on a busy machine, a margin under the 50 ms aim (the cost of a node grows with the
    number of candidates; the rulesets give about 30). Real cases finish in a few dozen
    nodes; of generated ones with 60 candidates, 19 in 20 finish exactly (the tied one
    that does not needs 2,333).
    """

    nodes: int = 2_000
    deadline: Deadline | None = None


DEFAULT_BUDGET = Budget()


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The best admissible sets, best first, as (points in thousandths, members)."""

    sets: tuple[tuple[int, frozenset[str]], ...]
    exact: bool
    explored: int


@dataclass(frozen=True, slots=True)
class _Problem:
    order: tuple[str, ...]  # bit k is order[k]; best ranked first
    value: tuple[int, ...]  # the folded ranking value of each bit
    points: tuple[int, ...]
    closure: tuple[int, ...]  # bit k and everything it requires, transitively
    ruled_out_by_taking: tuple[int, ...]  # bits whose closure conflicts with closure[k]
    ruled_out_by_leaving: tuple[int, ...]  # bits whose closure contains k (k included)
    positive: int  # bits that may be chosen for their own sake
    unusable: int  # bits whose requirements cannot be met at all
    # The later bits with the same points as bit k: ranked by points, tied items are
    # neighbours, so "the next item of a clique ties with its first" is one mask test.
    tied_after: tuple[int, ...]

    def gain(self, taken: int, adding: int) -> int:
        total, new = 0, adding & ~taken
        while new:
            low = new & -new
            total += self.value[low.bit_length() - 1]
            new ^= low
        return total

    def bound(self, open_: int, limit: int) -> int:
        """At most the best open item of each clique of a greedy clique cover.

        The best item of a clique may also share out what its partners leave of its value:
        a lighter neighbour it can pay for in full costs the bound nothing more (each item's
        value is spread over cliques that contain it, and no independent set takes two
        items of one clique).

        Every open item has positive value, so the sum only grows: once it passes ``limit``
        (what the node must beat to be worth exploring) the rest of the cover cannot change
        the decision, and the partial sum is returned.
        """
        value, rules_out, tied_after = self.value, self.ruled_out_by_taking, self.tied_after
        total = 0
        while open_:
            low = open_ & -open_
            open_ ^= low
            k = low.bit_length() - 1
            left = value[k]
            total += left
            if total > limit:
                return total
            clique = open_ & rules_out[k]
            if clique:
                first = True
                while clique:
                    low = clique & -clique
                    j = low.bit_length() - 1
                    if clique & tied_after[j]:
                        low = self._partner(clique, open_)
                        j = low.bit_length() - 1
                    open_ ^= low
                    if first:
                        left -= value[j]
                        first = False
                    clique &= rules_out[j]
                neighbours = open_ & rules_out[k]
                while neighbours and left > 0:
                    low = neighbours & -neighbours
                    neighbours ^= low
                    j = low.bit_length() - 1
                    if value[j] <= left:
                        left -= value[j]
                        open_ ^= low
        return total

    def _partner(self, clique: int, open_: int) -> int:
        """The best item that can join the clique; of tied ones, the one with fewest conflicts.

        The clique's value is its first item's either way; taking the partner that clashes
        least leaves its neighbours to pair up among themselves, so the cover has fewer
        cliques (a greedy matching picking low degrees first comes close to a maximum one).
        """
        pick = clique & -clique
        rest = clique ^ pick
        points = self.points[pick.bit_length() - 1]
        fewest = -1
        while rest:
            low = rest & -rest
            rest ^= low
            k = low.bit_length() - 1
            if self.points[k] != points:
                break
            if fewest < 0:
                fewest = (open_ & self.ruled_out_by_taking[pick.bit_length() - 1]).bit_count()
            degree = (open_ & self.ruled_out_by_taking[k]).bit_count()
            if degree < fewest:
                pick, fewest = low, degree
        return pick

    def tied(self, open_: int, most: bool) -> int:
        """Of the open items with the best points, the one that rules out most (or fewest)
        other open items; the best ranked of those."""
        low = open_ & -open_
        chosen = low.bit_length() - 1
        if not open_ & self.tied_after[chosen]:  # nothing open ties with it
            return chosen
        points, extreme = self.points[chosen], -1
        rest = open_
        while rest:
            low = rest & -rest
            rest ^= low
            k = low.bit_length() - 1
            if self.points[k] != points:
                break
            degree = (open_ & self.ruled_out_by_taking[k]).bit_count()
            if extreme < 0 or (degree > extreme if most else degree < extreme):
                chosen, extreme = k, degree
        return chosen

    def sum_points(self, mask: int) -> int:
        total = 0
        while mask:
            low = mask & -mask
            total += self.points[low.bit_length() - 1]
            mask ^= low
        return total

    def members(self, mask: int) -> frozenset[str]:
        out = []
        while mask:
            low = mask & -mask
            out.append(self.order[low.bit_length() - 1])
            mask ^= low
        return frozenset(out)


def _problem(
    candidates: Iterable[str],
    points: Mapping[str, int],
    conflicts: Mapping[str, Iterable[str]],
    requires: Mapping[str, Collection[str]],
) -> _Problem:
    ids = sorted(set(candidates))
    n = len(ids)
    order = tuple(sorted(ids, key=lambda i: (-points[i], i)))
    bit = {x: k for k, x in enumerate(order)}
    id_rank = {x: r for r, x in enumerate(ids)}
    members_unit = 1 << n
    points_unit = (n + 1) * members_unit
    value = tuple(
        points[x] * points_unit - members_unit + (1 << (n - 1 - id_rank[x])) for x in order
    )
    conflict = [0] * n
    for x in order:
        for y in conflicts.get(x, ()):
            if y in bit and y != x:
                conflict[bit[x]] |= 1 << bit[y]
                conflict[bit[y]] |= 1 << bit[x]
    closure = [0] * n
    unusable = 0
    for k, x in enumerate(order):
        if not requires.get(x):
            closure[k] = 1 << k  # needs nothing, so nothing it needs can clash with it
            continue
        mask, todo, seen = 0, [x], {x}
        while todo:
            y = todo.pop()
            if y not in bit:
                unusable |= 1 << k
                break
            mask |= 1 << bit[y]
            for z in requires.get(y, ()):
                if z not in seen:
                    seen.add(z)
                    todo.append(z)
        closure[k] = mask
        rest = mask
        while rest:
            low = rest & -rest
            rest ^= low
            if conflict[low.bit_length() - 1] & mask:
                unusable |= 1 << k
                break
    leaving = [0] * n
    for k in range(n):
        rest = closure[k]
        while rest:
            low = rest & -rest
            rest ^= low
            leaving[low.bit_length() - 1] |= 1 << k
    taking = []
    for k in range(n):
        touched = 0
        rest = closure[k]
        while rest:
            low = rest & -rest
            rest ^= low
            touched |= conflict[low.bit_length() - 1]
        out = 0
        while touched:
            low = touched & -touched
            touched ^= low
            out |= leaving[low.bit_length() - 1]
        taking.append(out)
    unusable_closed = 0
    rest = unusable
    while rest:
        low = rest & -rest
        rest ^= low
        unusable_closed |= leaving[low.bit_length() - 1]
    positive = sum(1 << k for k, x in enumerate(order) if points[x] > 0)
    tied_after = [0] * n
    for k in range(n - 2, -1, -1):
        if points[order[k + 1]] == points[order[k]]:
            tied_after[k] = tied_after[k + 1] | 1 << k + 1
    return _Problem(
        order=order,
        value=value,
        points=tuple(points[x] for x in order),
        closure=tuple(closure),
        ruled_out_by_taking=tuple(taking),
        ruled_out_by_leaving=tuple(leaving),
        positive=positive,
        unusable=unusable_closed,
        tied_after=tuple(tied_after),
    )


class _Best:
    """The ``top`` best sets seen, by folded value, best first, without duplicates.

    An entry holds its value negated, so that the entries sort best first as they are,
    without a key function to call for every comparison."""

    __slots__ = ("entries", "top")

    def __init__(self, top: int):
        self.top = top
        self.entries: list[tuple[int, int]] = []  # (-value, mask)

    def floor(self) -> int | None:
        return -self.entries[-1][0] if len(self.entries) == self.top else None

    def offer(self, value: int, mask: int) -> None:
        entries = self.entries
        if len(entries) == self.top and value <= -entries[-1][0]:
            return
        for _, m in entries:
            if m == mask:
                return
        insort(entries, (-value, mask))
        del entries[self.top :]


@dataclass(frozen=True, slots=True)
class _Cap:
    """How large a set may be: in all, and within each group (a domain)."""

    total: int
    per_group: int
    groups: tuple[int, ...]  # a mask of the bits in each group

    def fits(self, taken: int) -> bool:
        """Whether a set is within the cap; one no larger than the cap per group fits every
        group without counting them (a loop, not ``all``: a generator costs more to make
        than the few groups cost to count)."""
        size = taken.bit_count()
        if size > self.total:
            return False
        if size > self.per_group:
            for g in self.groups:
                if (taken & g).bit_count() > self.per_group:
                    return False
        return True


def _greedy(p: _Problem, fewest_first: bool, cap: _Cap) -> tuple[int, int]:
    """Best item first (of tied ones the first id, or the one that clashes least), then
    whatever still fits, within the cap."""
    taken = ruled_out = 0
    value = 0
    open_ = p.positive & ~p.unusable
    while open_:
        k = p.tied(open_, most=False) if fewest_first else (open_ & -open_).bit_length() - 1
        if not cap.fits(taken | p.closure[k]):
            open_ &= ~(1 << k)
            continue
        value += p.gain(taken, p.closure[k])
        taken |= p.closure[k]
        ruled_out |= p.ruled_out_by_taking[k]
        open_ &= ~(taken | ruled_out)
    return value, taken


def search(
    candidates: Iterable[str],
    points: Mapping[str, int],
    conflicts: Mapping[str, Iterable[str]],
    requires: Mapping[str, Collection[str]],
    top: int = 3,
    budget: Budget = DEFAULT_BUDGET,
    max_members: int | None = None,
    groups: Mapping[str, str] | None = None,
    max_per_group: int | None = None,
) -> SearchResult:
    """The ``top`` best admissible sets, best first; exact unless the budget ran out.

    ``points`` are integer thousandths and must cover every candidate; ``conflicts`` is read
    both ways; a requirement on an id that is not a candidate makes its requirer unusable.
    ``max_members`` caps a set's size, requirements included, and ``max_per_group`` the
    members of each group that ``groups`` names (a municipality's policy: a plan a mayor can
    read, a few steps per domain, so that a cap cannot fill a plan with one domain). A branch
    that would pass a cap is not taken; the bound ignores the caps, which keeps it an upper
    bound, so the search stays exact within its budget.
    """
    p = _problem(candidates, points, conflicts, requires)
    caps = [c for c in (max_members, max_per_group) if c is not None]
    if top < 1 or not p.order or any(c < 1 for c in caps):
        return SearchResult((), True, 0)
    masks: dict[str, int] = {}
    for k, x in enumerate(p.order):
        if groups is not None and x in groups:
            masks[groups[x]] = masks.get(groups[x], 0) | 1 << k
    cap = _Cap(
        len(p.order) if max_members is None else max_members,
        len(p.order) if max_per_group is None else max_per_group,
        tuple(masks[g] for g in sorted(masks)) if max_per_group is not None else (),
    )
    best = _Best(top)
    # Without ties, clashing least among tied items picks what best-first picks.
    for fewest_first in (False, True) if any(p.tied_after) else (False,):
        greedy_value, greedy_set = _greedy(p, fewest_first, cap)
        if greedy_set:
            best.offer(greedy_value, greedy_set)
    deadline = budget.deadline
    explored = 0
    exact = True
    stack: list[tuple[int, int, int]] = [(0, p.unusable, 0)]  # (taken, ruled out, value)
    while stack:
        if explored >= budget.nodes or (
            deadline is not None and explored % _CLOCK_EVERY == 0 and deadline.remaining() == 0
        ):
            exact = False
            break
        explored += 1
        taken, ruled_out, value = stack.pop()
        open_ = p.positive & ~(taken | ruled_out)
        if not open_:
            continue
        floor = best.floor()
        if floor is not None and p.bound(open_, floor - value) <= floor - value:
            continue
        k = p.tied(open_, most=True)
        stack.append((taken, ruled_out | p.ruled_out_by_leaving[k], value))
        taken_k = taken | p.closure[k]
        if not cap.fits(taken_k):
            continue
        with_k = value + p.gain(taken, p.closure[k])
        best.offer(with_k, taken_k)
        stack.append((taken_k, ruled_out | p.ruled_out_by_taking[k], with_k))
    return SearchResult(
        tuple((p.sum_points(m), p.members(m)) for _, m in best.entries), exact, explored
    )
