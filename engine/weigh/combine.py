"""Combinations: which interventions can go together, and the best few sets.

Only interventions whose legal basis holds, that a municipal body or a partner carries,
and that no blocking concern stops are candidates. A set is admissible when it respects
incompatibilities, keeps repressive alternatives apart (a closure and its lighter
repressive alternative are a choice, not a pair), leaves out earlier steps of an
escalation ladder that were already taken, and includes every available intervention
that a warning-level concern of a member names as its mitigation, and holds a measure only
together with the lighter means its subsidiarity puts first, ordered before it (ABRvS
28 August 2019, ECLI:NL:RVS:2019:2912: necessity before balance); a measure whose lighter
means cannot join it (no candidate, or a choice against it) is no candidate. Sets are ranked by total
desirability (integer thousandths, so the order never depends on float rounding), ties by
fewer members, then by ids; the bounded search itself lives in ``search``.

A third party's action (a landlord dissolving the lease, art. 7:231 BW) is never a
member: the municipality cannot decide it. When a member is the closure that makes it
possible, the combination carries it as a consequence to weigh.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engine.deadline import UNLIMITED, Deadline
from engine.inference.status import Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.models import Domain, Severity
from engine.weigh import search as bounded
from engine.weigh.assessment import (
    CarriedConcern,
    Clash,
    CombinationAssessment,
    Concern,
    Conflict,
    Consequence,
    Excluded,
    Exclusion,
    InterventionAssessment,
    Member,
    MissingFact,
    OpenQuestion,
    Options,
    Stake,
)

DOMAINS = (Domain.repression, Domain.prevention, Domain.resilience, Domain.care)
DOMAIN_ORDER = {Domain.prevention: 1, Domain.care: 2, Domain.repression: 3, Domain.resilience: 4}


#: The policy parameters that cap a combination's size, in all and per domain: fallbacks in
#: the national informal layer (rulesets/informeel/aanpak.yaml), a municipality sets its own.
CAP_PARAMETER = "max_interventies_per_combinatie"
DOMAIN_CAP_PARAMETER = "max_interventies_per_domein"


@dataclass(frozen=True, slots=True)
class Caps:
    members: int | None = None
    per_domain: int | None = None


def _number(bundle: Bundle, name: str) -> int | None:
    param = bundle.parameters.get(name)
    value = param.value if param is not None else None
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def caps(bundle: Bundle) -> Caps:
    """The caps on a combination that the bundle's rulesets set, if any."""
    return Caps(_number(bundle, CAP_PARAMETER), _number(bundle, DOMAIN_CAP_PARAMETER))


def points(item: InterventionAssessment) -> int:
    return round(item.desirability.score * 1000)


@dataclass(frozen=True, slots=True)
class Graph:
    items: dict[str, InterventionAssessment]
    candidates: list[str]
    conflicts: dict[str, dict[str, Conflict]]
    requires: dict[str, dict[str, str | None]]
    excluded: dict[str, Excluded]
    #: Each candidate's domain and points, read once: the assessment makes them anew on
    #: every read.
    domains: dict[str, Domain]
    points: dict[str, int]


def _needs(
    item: InterventionAssessment, by_id: dict[str, InterventionAssessment]
) -> list[tuple[str, str]]:
    """Mitigating interventions that a holding warning-level concern demands.

    Only those whose own basis holds and that were not already taken count; if one of them
    is blocked, the demanding intervention cannot be used either (so a new blocking
    concern can only shrink the admissible sets).
    """
    out = []
    own = item.id
    for c in item.concerns:
        if c.severity is Severity.warning and c.status is Status.SATISFIED:
            for m in c.mitigating_interventions:
                other = by_id.get(m)
                if (
                    other is not None
                    and m != own
                    and other.status is Status.SATISFIED
                    and not other.already_taken
                ):
                    out.append((m, c.id))
    return out


def _choice(item: InterventionAssessment, lighter: InterventionAssessment | None) -> bool:
    """A repressive measure and its lighter repressive alternative are a choice, never a
    pair, so a lighter means of that kind that must come first rules the measure out."""
    return (
        lighter is None
        or lighter.id in item.intervention.incompatible_with
        or (item.domain is Domain.repression and lighter.domain is Domain.repression)
    )


#: The exclusions that name nothing, made once: most items of a case are left out for one of
#: these, and ``Excluded`` is frozen, so one instance serves them all.
_THIRD_PARTY = Excluded(Exclusion.third_party)
_BASIS_UNKNOWN = Excluded(Exclusion.basis_unknown)
_BASIS_MISSING = Excluded(Exclusion.basis_missing)
_SUPPORTING = Excluded(Exclusion.supporting)


def _exclusion(item: InterventionAssessment) -> Excluded | None:
    if item.body.third_party:
        return _THIRD_PARTY
    if item.status is Status.UNKNOWN:
        return _BASIS_UNKNOWN
    if item.status is Status.NOT_SATISFIED:
        return _BASIS_MISSING
    if item.supporting:
        return _SUPPORTING
    if item.blocked_by:
        return Excluded(Exclusion.blocked, item.blocked_by)
    if item.already_taken:
        return Excluded(Exclusion.already_taken, item.already_taken)
    if item.deferred_to:
        return Excluded(Exclusion.deferred, (item.deferred_to,))
    return None


def graph(items: Iterable[InterventionAssessment]) -> Graph:
    by_id = {i.intervention.id: i for i in items}  # not ``i.id``: a property, called per item
    excluded: dict[str, Excluded] = {}
    for i, item in by_id.items():
        why = _exclusion(item)
        if why is not None:
            excluded[i] = why
    needs = {i: _needs(item, by_id) for i, item in by_id.items() if i not in excluded}
    changed = True
    while changed:  # a member whose required mitigation cannot be used cannot be used either
        changed = False
        for i, item in by_id.items():
            if i in excluded:
                continue
            for m, concern in needs[i]:
                if m in excluded:
                    excluded[i] = Excluded(Exclusion.mitigation_unavailable, (m,), concern)
                    changed = True
                    break
            else:
                out = [
                    m for m in item.lighter_first if m in excluded or _choice(item, by_id.get(m))
                ]
                if out:
                    excluded[i] = Excluded(Exclusion.lighter_first, tuple(out))
                    changed = True
    score = {i: points(item) for i, item in by_id.items() if i not in excluded}
    candidates = sorted(score, key=lambda i: (-score[i], i))
    domains = {i: by_id[i].domain for i in candidates}
    conflicts: dict[str, dict[str, Conflict]] = {i: {} for i in candidates}

    def clash(conflict: Conflict) -> None:
        a, b = conflict.a, conflict.b
        if a in score and b in score and a != b:
            conflicts[a].setdefault(b, conflict)
            conflicts[b].setdefault(a, conflict)

    for a in candidates:
        item = by_id[a]
        for b in item.intervention.incompatible_with:
            clash(Conflict(Clash.incompatible, a, b))
        if domains[a] is Domain.repression:
            for b in item.intervention.lighter_alternatives:
                if b in by_id and by_id[b].domain is Domain.repression:
                    clash(Conflict(Clash.lighter_alternative, a, b))
        if item.escalation is not None:
            for b in item.escalation.earlier_steps:
                clash(Conflict(Clash.earlier_step, a, b, item.escalation.ladder))
    requires: dict[str, dict[str, str | None]] = {i: {} for i in candidates}
    for a in candidates:
        for m, concern in needs[a]:
            requires[a].setdefault(m, concern)
        for m in by_id[a].lighter_first:
            requires[a].setdefault(m, None)
    return Graph(by_id, candidates, conflicts, requires, excluded, domains, score)


def _order(members: Iterable[str], g: Graph) -> list[str]:
    """Prevention first, then care, repression and resilience; lighter before heavier."""
    return sorted(
        members, key=lambda i: (DOMAIN_ORDER.get(g.domains[i], 9), g.items[i].intrusiveness, i)
    )


_Question = tuple[tuple[str, str], OpenQuestion]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the combinations read of their members (those of any of them) and of the case,
    read once per question instead of once per combination: the best few share most of
    their members."""

    #: Per member, its place in the order of carrying out (``_order``).
    place: dict[str, int]
    #: Per member, the members that require it, by id, and the concern that does.
    required_by: dict[str, tuple[tuple[str, str | None], ...]]
    #: Per member, the concerns it carries; with the carried concern itself when no
    #: intervention mitigates it, else None: what mitigates it depends on the combination.
    carried: dict[str, tuple[tuple[Concern, CarriedConcern | None], ...]]
    #: Per member, the facts that decide whether its warning or blocking concerns hold.
    asked: dict[str, tuple[_Question, ...]]
    #: The facts that could give a worthwhile intervention its basis, each once (as the
    #: first item in id order asks it), in the order of the facts.
    basis: dict[tuple[str, str], OpenQuestion]
    #: The third parties' interventions, by id.
    third_parties: tuple[InterventionAssessment, ...]


def _carried_of(item: InterventionAssessment) -> tuple[tuple[Concern, CarriedConcern | None], ...]:
    out = []
    seen = set()
    for c in item.concerns:
        if c.severity is Severity.info or c.status is Status.NOT_SATISFIED or c.id in seen:
            continue
        seen.add(c.id)
        out.append((c, None if c.mitigating_interventions else CarriedConcern(item.id, c, ())))
    return tuple(out)


def _asked(item: InterventionAssessment) -> tuple[_Question, ...]:
    return tuple(
        ((m.fact, m.ref), OpenQuestion(m, Stake.concern))
        for c in item.concerns
        if c.status is Status.UNKNOWN and c.severity in (Severity.warning, Severity.blocking)
        for m in item.missing
        if m.concern_id == c.id
    )


def _basis(unknown: Iterable[InterventionAssessment]) -> dict[tuple[str, str], OpenQuestion]:
    found: dict[tuple[str, str], MissingFact] = {}
    for item in unknown:
        if points(item) > 0 and not item.blocked_by:
            for m in item.missing:
                if m.concern_id is None:
                    found.setdefault((m.fact, m.ref), m)
    return {k: OpenQuestion(m, Stake.basis) for k, m in sorted(found.items())}  # keys unique


def _reading(g: Graph, members: frozenset[str]) -> _Reading:
    required_by: dict[str, list[tuple[str, str | None]]] = {i: [] for i in members}
    for a in sorted(members):
        for i, concern in g.requires[a].items():
            if i in required_by:
                required_by[i].append((a, concern))
    unknown, third_parties = [], []
    for i, why in sorted(g.excluded.items()):  # by id: each is there once
        reason = why.reason
        if reason is Exclusion.basis_unknown:
            unknown.append(g.items[i])
        elif reason is Exclusion.third_party:
            third_parties.append(g.items[i])
    return _Reading(
        place={i: n for n, i in enumerate(_order(members, g))},
        required_by={i: tuple(by) for i, by in required_by.items()},
        carried={i: _carried_of(g.items[i]) for i in members},
        asked={i: _asked(g.items[i]) for i in members},
        basis=_basis(unknown),
        third_parties=tuple(third_parties),
    )


def _questions(ids: Sequence[str], r: _Reading) -> tuple[OpenQuestion, ...]:
    """Each open fact once, as the first member (in id order) that asks it, else the basis,
    asks it, in the order of the facts; ``ids`` are the members, sorted."""
    found: dict[tuple[str, str], OpenQuestion] = {}
    for i in ids:
        for key, question in r.asked[i]:
            found.setdefault(key, question)
    if not found:
        return tuple(r.basis.values())
    merged = r.basis | found
    return tuple(merged[k] for k in sorted(merged))


def _combination(
    rank: int, score: int, members: frozenset[str], g: Graph, r: _Reading
) -> CombinationAssessment:
    ordered = sorted(members, key=r.place.__getitem__)
    ids = sorted(members)
    domains = {g.domains[i] for i in members}
    return CombinationAssessment(
        rank=rank,
        points=score,
        members=tuple(
            Member(
                id=i,
                order=n,
                body=g.items[i].body,
                required_by=tuple(by for by in r.required_by[i] if by[0] in members),
            )
            for n, i in enumerate(ordered, start=1)
        ),
        domains=tuple(d for d in DOMAINS if d in domains),
        concerns=tuple(
            carried
            or CarriedConcern(
                i, c, tuple(sorted(m for m in c.mitigating_interventions if m in members))
            )
            for i in ids
            for c, carried in r.carried[i]
        ),
        questions=_questions(ids, r),
        consequences=tuple(
            Consequence(other.id, after=m, body=other.body)
            for m in ordered
            for other in r.third_parties
            if m in other.follows
        ),
    )


def combine(
    items: Iterable[InterventionAssessment],
    top: int = 3,
    deadline: Deadline = UNLIMITED,
    limits: Caps = Caps(),
) -> tuple[tuple[CombinationAssessment, ...], Options, bool]:
    """The best ``top`` combinations, what the search saw, and whether the search was exact.

    ``limits`` are the municipality's caps on a combination's size, in all and per domain
    (issue 11: a plan a mayor can read has a handful of members, a few per domain, so that a
    cap cannot fill it with one domain); mitigations and lighter means count."""
    g = graph(items)
    found = bounded.search(
        g.candidates,
        g.points,
        g.conflicts,
        g.requires,
        top,
        bounded.Budget(deadline=deadline),
        limits.members,
        g.domains,  # a domain is its value, a string, without reading ``.value`` (slow on 3.11)
        limits.per_domain,
    )
    r = _reading(g, frozenset().union(*(members for _, members in found.sets)))
    return (
        tuple(
            _combination(rank, score, members, g, r)
            for rank, (score, members) in enumerate(found.sets, start=1)
        ),
        Options(g.excluded, g.conflicts, limits.members, limits.per_domain),
        found.exact,
    )
