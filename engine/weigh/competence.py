"""Competence and information: who may decide, and which information may carry it.

- A premises outside the mayor's own municipality is another mayor's: the advice names
  whom to coordinate with (that mayor, via the RIEC).
- A finding whose source is the care domain may not ground an enforcement (repression)
  decision (AVG doelbinding, art. 5 lid 1 sub b); if the proof rests on one, the
  intervention gets a blocking concern, otherwise a note.
"""

from __future__ import annotations

from engine.advice import ConcernOut, ConditionResult, InterventionAdvice
from engine.case.flatten import Facts
from engine.ruleset.models import Intervention


def _evidence(item: InterventionAdvice) -> set[str]:
    refs: set[str] = set()

    def walk(node: ConditionResult) -> None:
        if str(node.status) == "satisfied":
            refs.update(node.evidence)
            for child in node.children:
                walk(child)

    for target in item.legal_basis.targets:
        for c in target.conditions:
            walk(c)
    return refs


def competence(
    itv: Intervention, item: InterventionAdvice, refs: list[str], facts: Facts
) -> tuple[list[str], list[ConcernOut]]:
    notes: list[str] = []
    raised: list[ConcernOut] = []
    for ref in refs:
        attrs = facts.entities.get(ref, {})
        if attrs.get("t") == "premises" and attrs.get("in_municipality") is False:
            place = attrs.get("municipality", "een andere gemeente")
            notes.append(
                f"Pand {ref.partition(':')[2]} ligt in {place}, "
                "buiten de gemeente van deze burgemeester: "
                f"stem af met de burgemeester van {place} via het RIEC; "
                "die is bevoegd voor dit pand."
            )
    if str(itv.domain) != "repression":
        return notes, raised
    care = sorted(
        {
            f
            for ref in refs
            for f in facts.linked(ref, "findings")
            if facts.entities[f].get("source") == "care"
        }
        | {
            f
            for f in facts.entities
            if facts.entities[f].get("t") == "finding"
            and facts.entities[f].get("source") == "care"
            and f in _evidence(item)
        }
    )
    if not care:
        return notes, raised
    names = ", ".join(f.partition(":")[2] for f in care)
    used = sorted(set(care) & _evidence(item))
    notes.append(
        f"Bevinding {names} komt uit de zorg (bron: care) "
        "en mag een handhavingsbesluit niet dragen "
        "(doelbinding, art. 5 lid 1 sub b AVG); laat die informatie buiten de motivering."
    )
    if used:
        raised.append(
            ConcernOut(
                id="zorginformatie-als-grondslag",
                severity="blocking",
                status="satisfied",
                text=(
                    "De grondslag rust op zorginformatie "
                    f"({', '.join(u.partition(':')[2] for u in used)}); "
                    "zonder andere bron draagt die het besluit niet."
                ),
                mitigations=[
                    "Laat politie of toezicht de feiten zelf vaststellen (bestuurlijke rapportage)."
                ],
                target=refs[0] if refs else None,
            )
        )
    return notes, raised
