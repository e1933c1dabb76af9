"""Competence and information: who may decide, and which information may carry it.

- The competent body comes from the ruleset (``competent_body``), never from a guess: a
  body without the power that decides anyway makes the decision void in court.
- A premises outside the mayor's own municipality is another mayor's: the advice names
  whom to coordinate with (that mayor, via the RIEC).
- A finding whose source is the care domain may not ground an enforcement (repression)
  decision (AVG doelbinding, art. 5 lid 1 sub b); if the proof rests on one, the
  intervention gets a blocking concern, otherwise a note.
"""

from __future__ import annotations

from engine.case.flatten import Facts
from engine.case.models import Source
from engine.inference.evaluate import Evaluator
from engine.inference.legal_basis import TargetVerdict
from engine.inference.status import Status
from engine.ruleset.conditions import Compare, Condition, NotOf, children
from engine.ruleset.models import Body, Domain, Intervention, Severity
from engine.weigh.assessment import (
    CareInformation,
    CompetenceNote,
    Concern,
    Elsewhere,
)

CARE_BASIS = "zorginformatie-als-grondslag"


def body(itv: Intervention) -> Body:
    return Body(itv.competent_body)


def _evidence(
    itv: Intervention, targets: tuple[TargetVerdict, ...], reading: Evaluator
) -> set[str]:
    """Case entities the satisfied legal basis rests on, as the evaluator's own outcome
    says (read without building it)."""
    condition = itv.legal_basis.condition
    if condition is None:
        return set()
    refs: set[str] = set()
    for t in targets:
        if t.status is Status.SATISFIED:
            refs |= reading.evidence(condition, t.ref)
    return refs


def care_findings(facts: Facts) -> frozenset[str]:
    """The case's findings whose source is the care domain (read once per case)."""
    return frozenset(
        ref
        for ref, attrs in facts.entities.items()
        if attrs.get("t") == "finding" and attrs.get("source") == Source.care
    )


def competence(
    itv: Intervention,
    refs: tuple[str, ...],
    targets: tuple[TargetVerdict, ...],
    facts: Facts,
    reading: Evaluator,
    from_care: frozenset[str],
) -> tuple[list[CompetenceNote], list[Concern]]:
    notes: list[CompetenceNote] = []
    raised: list[Concern] = []
    for ref in refs:
        attrs = facts.entities.get(ref, {})
        if attrs.get("t") == "premises" and attrs.get("in_municipality") is False:
            place = attrs.get("municipality")
            notes.append(Elsewhere(ref, str(place) if place is not None else None))
    # The ruleset's domain as it is: making the Domain of it costs more.
    if itv.domain != Domain.repression or not from_care:
        return notes, raised
    evidence = _evidence(itv, targets, reading)
    care = sorted(
        {f for ref in refs for f in facts.linked(ref, "findings") if f in from_care}
        | (evidence & from_care)
    )
    if not care:
        return notes, raised
    used = sorted(set(care) & evidence)
    notes.append(CareInformation(tuple(care)))
    if used:
        raised.append(
            Concern(
                id=CARE_BASIS,
                severity=Severity.blocking,
                status=Status.SATISFIED,
                text=(
                    "De grondslag rust op zorginformatie "
                    f"({', '.join(u.partition(':')[2] for u in used)}); "
                    "zonder andere bron draagt die het besluit niet."
                ),
                target=refs[0] if refs else None,
                mitigations=(
                    "Laat politie of toezicht de feiten zelf vaststellen (bestuurlijke rapportage).",
                ),
            )
        )
    return notes, raised


def enabled_by(
    itv: Intervention, known: set[str], derived: dict[tuple[str, str], Condition]
) -> tuple[str, ...]:
    """Interventions whose earlier use the legal basis asks for (``prior_intervention.kind``).

    A landlord's dissolution under art. 7:231 lid 2 BW follows only a closure the law lists;
    the ruleset names those closures in its condition, so the link is read from there.
    """
    found: list[str] = []
    seen: set[tuple[str, str]] = set()

    def visit(node: Condition | None) -> None:
        if node is None or isinstance(node, NotOf):
            return  # a closure that must *not* have happened enables nothing
        if isinstance(node, Compare):
            if node.subject == "prior_intervention" and node.attribute == "kind":
                operand = node.operand if isinstance(node.operand, list) else [node.operand]
                found.extend(v for v in map(str, operand) if v in known and v not in found)
            key = (node.subject, node.attribute)
            if key in derived and key not in seen:
                seen.add(key)
                visit(derived[key])
        for child in children(node):
            visit(child)

    visit(itv.legal_basis.condition)
    return tuple(sorted(found))
