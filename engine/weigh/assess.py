"""Desirability and human measure per intervention, from the ruleset's own factors.

Nothing here is learned or tuned: a factor counts when the case names its goal (and its
condition holds), a concern is raised when its condition holds, and an undecidable
concern becomes a question, because an unknown culpability or an unknown child can
change the balance (ECLI:NL:RVS:2019:2912).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from engine.case.flatten import FROM_RESIDENTS, Facts
from engine.case.models import Case, Goal
from engine.deadline import UNLIMITED, Deadline
from engine.inference.evaluate import Evaluator, Missing
from engine.inference.legal_basis import LegalVerdict, TargetVerdict
from engine.inference.status import FALSE, TRUE, UNKNOWN, Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.conditions import AllOf, AnyOf, Compare, Condition, Some
from engine.ruleset.models import Body, Intervention, Ladder, Severity
from engine.ruleset.models import Concern as ConcernRule
from engine.weigh.assessment import (
    Affected,
    Bears,
    Concern,
    Desirability,
    InterventionAssessment,
    Later,
    MissingFact,
    Reason,
)
from engine.weigh.competence import body, care_findings, competence, enabled_by
from engine.weigh.escalation import Step, escalation_step, step_for
from engine.weigh.proportionality import Tried, proportionality, seriousness, subsidiarity

# A municipal policy rule that prescribes this step counts for the step (art. 4:84 Awb).
LADDER_WEIGHT = 0.1


def _ordered(targets: Sequence[TargetVerdict], overall: Status) -> tuple[TargetVerdict, ...]:
    """The subjects where the basis holds first, then where it may, then the others, each
    in the case's order. Without a basis all are the others (half the interventions of a
    case), so they stay as they are, as does a single one."""
    if overall is FALSE or len(targets) == 1:
        return tuple(targets)
    return (
        *(t for t in targets if t.status is TRUE),
        *(t for t in targets if t.status is UNKNOWN),
        *(t for t in targets if t.status is FALSE),
    )


@dataclass(frozen=True, slots=True)
class _RaisedRule:
    """What a ruleset's concern fixes, read once: every case raises it for its subjects."""

    rule: ConcernRule
    #: The same number for concerns whose conditions are equal, across the bundle: rulesets
    #: repeat a concern (children in the home, a vulnerable resident) for many
    #: interventions, and one case reads each once per subject.
    condition: int
    severity: Severity
    possible: str  # the text when the concern may hold
    mitigations: tuple[str, ...]
    mitigating_interventions: tuple[str, ...]
    residents: Residents | None


@dataclass(frozen=True, slots=True)
class _Factor:
    """A desirability factor of a ruleset with the reason it gives, made once per bundle:
    every case that counts it gives the same reason."""

    reason: Reason
    condition: Condition | None


@dataclass(frozen=True, slots=True)
class _Fixed:
    """What one intervention of a bundle brings to every case, read once."""

    rules: tuple[_RaisedRule, ...]
    factors: tuple[_Factor, ...]
    body: Body
    ladders: tuple[Ladder, ...]
    #: The desirability per set of the case's goals, for an intervention none of whose
    #: factors has a condition (nearly all): then nothing else of a case can change it.
    by_goals: dict[frozenset[Goal], Desirability] | None = field(default=None, compare=False)


class _Static:
    """What weighing reads from a bundle alone, made once per bundle and reused across
    cases: per intervention its concerns' fixed parts, its factors' reasons, its body and
    ladders; the derived facts by key; and which interventions a third party's action
    follows (a walk of its legal basis)."""

    def __init__(self, bundle: Bundle):
        self.bundle = bundle  # kept alive, so its id is not reused while cached
        self.derived: dict[tuple[str, str], Condition] = {
            (d.subject, d.id): d.condition for d in bundle.facts
        }
        self.fixed: dict[int, _Fixed] = {}
        self.conditions: dict[str, int] = {}
        self.follows: dict[tuple[str, frozenset[str]], tuple[str, ...]] = {}

    def of(self, itv: Intervention) -> _Fixed:
        found = self.fixed.get(id(itv))
        if found is None:
            factors = tuple(
                _Factor(
                    Reason(f.weight, f.reason, Goal(f.goal) if f.goal is not None else None, n),
                    f.condition,
                )
                for n, f in enumerate(itv.desirability)
            )
            found = self.fixed[id(itv)] = _Fixed(
                rules=tuple(self._rule(c) for c in itv.human_measure),
                factors=factors,
                body=body(itv),
                ladders=tuple(x for x in self.bundle.ladders if x.intervention == itv.id),
                by_goals=None if any(f.condition is not None for f in factors) else {},
            )
        return found

    def _rule(self, c: ConcernRule) -> _RaisedRule:
        return _RaisedRule(
            rule=c,
            condition=self.conditions.setdefault(
                c.condition.model_dump_json(), len(self.conditions)
            ),
            severity=Severity(c.severity),
            possible=f"Mogelijk: {c.text} Dit is nog niet vast te stellen.",
            mitigations=tuple(m.text for m in c.mitigations),
            mitigating_interventions=tuple(m.intervention for m in c.mitigations if m.intervention),
            residents=residents(c.condition),
        )

    def enabled_by(self, itv: Intervention, known: frozenset[str]) -> tuple[str, ...]:
        key = (itv.id, known)
        found = self.follows.get(key)
        if found is None:
            found = self.follows[key] = enabled_by(itv, set(known), self.derived)
        return found


#: Bundles whose static data is kept; an advisor holds a handful (per municipality and
#: date), so past this the cache starts over rather than growing without end.
_MAX_STATIC = 64
_STATIC: dict[int, _Static] = {}


def _static(bundle: Bundle) -> _Static:
    # Keyed by identity: the entry keeps its bundle, and so the interventions whose ids key
    # its own tables, alive.
    found = _STATIC.get(id(bundle))
    if found is None:
        if len(_STATIC) >= _MAX_STATIC:
            _STATIC.clear()
        found = _STATIC[id(bundle)] = _Static(bundle)
    return found


#: The desirability of an intervention weighed later, shared: it is frozen.
_UNWEIGHED = Desirability()


def _weighed_refs(targets: Sequence[TargetVerdict], overall: Status) -> tuple[str, ...]:
    """The subjects the weighing is about: where the basis holds, else where it may, else
    all (``overall`` is the best of the targets' statuses)."""
    if overall is FALSE:
        return tuple(t.ref for t in targets)
    return tuple(t.ref for t in targets if t.status is overall)


def _score(reasons: Iterable[Reason]) -> float:
    return round(min(1.0, max(0.0, sum(r.weight for r in reasons))), 3)


def desirability(
    fixed: _Fixed, goals: frozenset[Goal], refs: Sequence[str], reading: Evaluator
) -> Desirability:
    """The factors that count for the case's goals (and whose condition holds at a
    subject). Without conditions it is the same for every case with these goals, so it is
    made once per set of goals (``_Fixed.by_goals``): most cases share a few sets."""
    known = fixed.by_goals
    if known is None:
        return _desirability(fixed.factors, goals, refs, reading)
    found = known.get(goals)
    if found is None:
        found = known[goals] = _desirability(fixed.factors, goals, refs, reading)
    return found


def _desirability(
    factors: Iterable[_Factor], goals: frozenset[Goal], refs: Sequence[str], reading: Evaluator
) -> Desirability:
    reasons = []
    for factor in factors:
        reason, condition = factor.reason, factor.condition
        if reason.goal is not None and reason.goal not in goals:
            continue
        if condition is not None and not any(
            reading.status(condition, ref) is Status.SATISFIED for ref in refs
        ):
            continue
        reasons.append(reason)
    return Desirability(score=_score(reasons), reasons=tuple(reasons))


#: The municipal age from which a resident is weighed as elderly (ADR 0011, amendment).
ELDERLY_PARAMETER = "leeftijd_oudere_bewoner"


#: Who a concern condition reads about for a subject (``residents``), in the case's order.
Residents = Callable[[str, Evaluator], dict[str, None]]


def residents(condition: Condition) -> Residents | None:
    """How to read the residents a concern's condition is about for a subject: those of a
    ``some: residents`` for whom its ``where`` holds or may hold (all of them without one),
    also behind another link (the dwelling of a yard), and those a fact derived from the
    residents counts (a minor). Read from the ruleset's condition, so a concern names whom
    it weighs without a list of its own; made once per bundle, and None for a condition
    that can name nobody (most of them), so a case does not walk it."""
    match condition:
        case Some(some="residents", where=where):

            def among(ref: str, reading: Evaluator) -> dict[str, None]:
                return {
                    p: None
                    for p in reading.links.get((ref, "residents"), ())
                    if where is None or reading.status(where, p) is not Status.NOT_SATISFIED
                }

            return among
        case Some(some=link, where=where) if where is not None:
            inner = residents(where)
            if inner is None:
                return None

            def behind(ref: str, reading: Evaluator) -> dict[str, None]:
                found: dict[str, None] = {}
                for other in reading.links.get((ref, link), ()):
                    if reading.status(where, other) is not Status.NOT_SATISFIED:
                        found |= inner(other, reading)
                return found

            return behind
        case AllOf() | AnyOf():
            kids = condition.all if isinstance(condition, AllOf) else condition.any
            readers = [r for r in map(residents, kids) if r is not None]
            if len(readers) <= 1:
                return readers[0] if readers else None

            def each(ref: str, reading: Evaluator) -> dict[str, None]:
                found: dict[str, None] = {}
                for read in readers:
                    found |= read(ref, reading)
                return found

            return each
        case Compare(fact=fact) if fact in FROM_RESIDENTS:
            flag = FROM_RESIDENTS[fact]

            def counted(ref: str, reading: Evaluator) -> dict[str, None]:
                return {
                    p: None
                    for p in reading.links.get((ref, "residents"), ())
                    if reading.entities.get(p, {}).get(flag) is True
                }

            return counted
    return None


def affected(read: Residents | None, ref: str, reading: Evaluator) -> tuple[Affected, ...]:
    """The residents a concern weighs who bear the consequences of another's acts: no
    finding on these premises names them as involved (a victim is named as a victim). Each
    with why they weigh (minor, elderly by the municipal threshold, dependent on the home)
    and whether they knew or could reasonably have known, as far as the case says."""
    if read is None:
        return ()
    named = read(ref, reading)
    if not named:
        return ()
    links = reading.links
    findings = links.get((ref, "findings"), ())
    actors = {p for f in findings for p in links.get((f, "persons"), ())}
    victims = {p for f in findings for p in links.get((f, "victims"), ())}
    param = reading.compiled.bundle.parameters.get(ELDERLY_PARAMETER)
    threshold = param.value if param is not None else None
    out = []
    for p in named:
        if p in actors:
            continue
        attrs = reading.entities.get(p, {})
        age = attrs.get("max_age")
        bears = [Bears.minor] if attrs.get("minor") is True else []
        if isinstance(threshold, int | float) and isinstance(age, int) and age >= threshold:
            bears.append(Bears.elderly)
        if attrs.get("dependent_on_home") is True:
            bears.append(Bears.dependent)
        culpable = attrs.get("culpable")
        out.append(
            Affected(
                p,
                (*bears, Bears.victim if p in victims else Bears.no_role),
                culpable if isinstance(culpable, bool) else None,
            )
        )
    return tuple(out)


@dataclass(slots=True)
class _ConcernReading:
    """A concern condition read for one subject: its value, its open questions, and (once
    it is raised) the residents it weighs. Shared by every intervention that raises a
    concern with the same condition."""

    status: Status
    open: list[Missing]
    persons: tuple[Affected, ...] | None = None


def concerns(
    itv: Intervention,
    refs: Sequence[str],
    reading: Evaluator,
    rules: Sequence[_RaisedRule],
    read: dict[tuple[int, str], _ConcernReading],
) -> tuple[list[Concern], list[MissingFact]]:
    """``rules`` are the intervention's concerns, read once per bundle (``_Fixed``);
    ``read`` keeps each concern condition's reading per subject for the case."""
    raised: list[Concern] = []
    missing: dict[MissingFact, None] = {}  # ordered, without repeats
    for r in rules:
        concern = r.rule
        condition, number = concern.condition, r.condition
        for ref in refs:
            found = read.get((number, ref))
            if found is None:
                verdict = reading.status(condition, ref)
                found = read[(number, ref)] = _ConcernReading(
                    verdict,
                    reading.missing(condition, ref) if verdict is UNKNOWN else [],
                )
            verdict = found.status
            if verdict is FALSE:
                continue
            text = concern.text
            if verdict is UNKNOWN:
                text = r.possible
                for m in found.open:
                    missing[MissingFact(m.fact, m.ref, m.question, itv.id, concern.id)] = None
            if found.persons is None:
                found.persons = affected(r.residents, ref, reading)
            raised.append(
                Concern(
                    concern.id,
                    r.severity,
                    verdict,
                    text,
                    ref,
                    r.mitigations,
                    r.mitigating_interventions,
                    found.persons,
                )
            )
    return raised, list(missing)


def _basis_missing(
    itv: Intervention, overall: Status, targets: Sequence[TargetVerdict], reading: Evaluator
) -> list[MissingFact]:
    condition = itv.legal_basis.condition
    if overall is not Status.UNKNOWN or condition is None:
        return []
    missing: dict[MissingFact, None] = {}
    for t in targets:
        if t.status is Status.UNKNOWN:
            for m in reading.missing(condition, t.ref):
                missing[MissingFact(m.fact, m.ref, m.question, itv.id)] = None
    return list(missing)


def _policy_reason(step: Step) -> Reason:
    rung = step.rung
    measure = rung.measure + (f" {rung.duration_months:g} maanden" if rung.duration_months else "")
    return Reason(
        weight=LADDER_WEIGHT,
        text=(
            f"Het gemeentelijk beleid ({step.ladder.label}) schrijft bij deze voorgeschiedenis "
            f"trede {step.step} voor: {measure} (art. 4:84 Awb)"
        ),
    )


def weigh(
    verdicts: Sequence[LegalVerdict],
    bundle: Bundle,
    case: Case,
    facts: Facts,
    reading: Evaluator,
    deadline: Deadline = UNLIMITED,
) -> tuple[InterventionAssessment, ...]:
    """Weigh every intervention in the bundle's order; lighter alternatives are read last."""
    goals = frozenset(Goal(g) for g in case.case.goals)
    known = frozenset(v.intervention.id for v in verdicts)
    static = _static(bundle)
    read: dict[tuple[int, str], _ConcernReading] = {}
    tried = Tried(facts)
    from_care = care_findings(facts)
    first: list[tuple[_Early, Step | None]] = []
    for verdict in verdicts:
        deadline.check()
        itv = verdict.intervention
        overall = verdict.status
        # The evaluator's own verdicts, whose proof is built only if someone reads it.
        targets = _ordered(verdict.targets, overall)
        refs = _weighed_refs(targets, overall)
        fixed = static.of(itv)
        # Without a legal basis a measure of the municipality is weighed only when asked
        # for (``later``); a third party's action is a consequence the summary words with
        # its concerns, so it is weighed now.
        deferred = overall is FALSE and not fixed.body.third_party
        raised: list[Concern] = []
        concern_missing: list[MissingFact] = []
        wanted = _UNWEIGHED
        if not deferred:
            raised, concern_missing = concerns(itv, refs, reading, fixed.rules, read)
            wanted = desirability(fixed, goals, refs, reading)
        step = (
            step_for(fixed.ladders, refs, facts, reading)
            if overall is not Status.NOT_SATISFIED and fixed.ladders
            else None
        )
        escalation = escalation_step(itv, step, bundle, facts) if step is not None else None
        if step is not None and escalation is not None and escalation.step_intervention is None:
            # The ladder prescribes this very intervention at this step.
            reasons = (*wanted.reasons, _policy_reason(step))
            wanted = Desirability(score=_score(reasons), reasons=reasons)
        who = fixed.body
        notes, own_concerns = competence(itv, refs, targets, facts, reading, from_care)
        # Each list is without repeats, and none of the basis is about a concern.
        missing = (*_basis_missing(itv, overall, targets, reading), *concern_missing)
        fields: dict[str, Any] = {
            "intervention": itv,
            "status": overall,
            "targets": targets,
            "refs": refs,
            "body": who,
            "desirability": wanted,
            "concerns": (*raised, *own_concerns),
            "missing": missing,
            "escalation": escalation,
            "already_taken": tuple(tried(itv.id, refs)),
            "competence": tuple(notes),  # one per subject elsewhere, one about care
            "follows": static.enabled_by(itv, known) if who.third_party else (),
        }
        first.append((_Early(itv.name, overall, fields, deferred), step))
    by_id = {e.fields["intervention"].id: e for e, _ in first}
    usable = {
        ident
        for ident, e in by_id.items()
        if e.status is Status.SATISFIED and not e.fields["already_taken"] and not e.blocked_by
    }
    serious: dict[tuple[str, ...], tuple[int, list[str]]] = {}
    out = []
    for early, step in first:
        fields = early.fields
        itv, refs, weighed = fields["intervention"], fields["refs"], fields["concerns"]
        pressing = _unmitigated(weighed, usable)
        if early.deferred:
            # Its subsidiarity is asked for with the rest: the summary shows it only for
            # the members of a combination, which it cannot be.
            later = partial(
                _ruled_out,
                early,
                refs,
                reading,
                static.of(itv),
                goals,
                read,
                facts,
                tried,
                by_id,
                pressing,
            )
            out.append(InterventionAssessment(**fields, later=later))
            continue
        text, lighter = subsidiarity(itv, refs, facts, tried, by_id, step, pressing)
        out.append(
            InterventionAssessment(
                **fields,
                proportionality=proportionality(itv, weighed, _serious(serious, refs, facts)),
                subsidiarity=text,
                lighter_first=tuple(lighter) if early.status is Status.SATISFIED else (),
            )
        )
    return tuple(out)


def _serious(
    known: dict[tuple[str, ...], tuple[int, list[str]]], refs: tuple[str, ...], facts: Facts
) -> tuple[int, list[str]]:
    """Interventions about the same subjects share one reading of how serious the facts are."""
    found = known.get(refs)
    if found is None:
        found = known[refs] = seriousness(refs, facts)
    return found


def _ruled_out(
    early: _Early,
    refs: tuple[str, ...],
    reading: Evaluator,
    fixed: _Fixed,
    goals: frozenset[Goal],
    read: dict[tuple[int, str], _ConcernReading],
    facts: Facts,
    tried: Tried,
    by_id: Mapping[str, _Early],
    pressing: tuple[Concern, ...],
) -> Later:
    """The weighing of an intervention without a legal basis, as it would have been made
    with the others (the case's readings of concern conditions are shared with them, and
    its subsidiarity reads them as they were weighed; without a basis it has no ladder
    step)."""
    itv = early.fields["intervention"]
    raised, missing = concerns(itv, refs, reading, fixed.rules, read)
    weighed = (*raised, *early.fields["concerns"])  # with those competence raised
    return Later(
        desirability(fixed, goals, refs, reading),
        weighed,
        tuple(missing),
        proportionality(itv, weighed, seriousness(refs, facts)),
        subsidiarity(itv, refs, facts, tried, by_id, None, pressing)[0],
    )


class _Early:
    """An intervention weighed up to its subsidiarity, which reads the others like it."""

    __slots__ = ("blocked_by", "deferred", "fields", "name", "status")

    def __init__(self, name: str, status: Status, fields: dict[str, Any], deferred: bool):
        self.name = name
        self.status = status
        self.fields = fields
        #: Weighed when asked for (``InterventionAssessment.later``).
        self.deferred = deferred
        weighed = fields["concerns"]
        # Half the interventions of a case raise no concern: nothing to read then.
        self.blocked_by = tuple(c.id for c in weighed if c.blocks) if weighed else ()


def _unmitigated(concerns: Sequence[Concern], usable: set[str]) -> tuple[Concern, ...]:
    """Holding warnings whose named mitigating interventions are all out of reach (no basis,
    already tried or blocked; ``usable`` are the others): they cannot be met with a
    mitigation, so they change the ranking instead, and the lighter means go first even
    past the ladder's step."""
    if not concerns:
        return ()
    return tuple(
        c
        for c in concerns
        if c.severity is Severity.warning
        and c.status is Status.SATISFIED
        and c.mitigating_interventions
        and not any(m in usable for m in c.mitigating_interventions)
    )
