"""Escalation ladders: how earlier interventions at the same target set the next step.

A municipal policy rule (art. 4:84 Awb) such as a Damocles ladder says "first time a
warning, second time three months, third time twelve". The engine counts the earlier
interventions of the kinds the ladder counts, at the same target and within the
ladder's window, and names the next step. It never counts an earlier intervention whose
date is unknown; it says so instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.case.flatten import Facts
from engine.inference.evaluate import Evaluator
from engine.inference.status import Status
from engine.ruleset.bundle import Bundle
from engine.ruleset.models import Intervention, Ladder, LadderStep
from engine.weigh.assessment import EscalationStep


@dataclass
class Step:
    """The chosen step on one ladder for one target, with what it rests on."""

    ladder: Ladder
    target: str
    step: int
    prior: list[str]
    undated: list[str] = field(default_factory=list)

    @property
    def rung(self) -> LadderStep:
        return self.ladder.steps[self.step - 1]

    @property
    def earlier_interventions(self) -> list[str]:
        """Interventions of the steps before this one (already taken, per the count)."""
        return sorted(
            {s.intervention for s in self.ladder.steps[: self.step - 1] if s.intervention}
        )


def _source(bundle: Bundle) -> str:
    municipal = [f"{r.id}@{r.version}" for r in bundle.rulesets if r.municipality]
    return "+".join(municipal) or bundle.version


def counted(ladder: Ladder, target: str, facts: Facts) -> tuple[list[str], list[str]]:
    """Prior interventions at ``target`` that count on this ladder, and those without a date."""
    hits, undated = [], []
    for ref in facts.linked(target, "prior_interventions"):
        attrs = facts.entities.get(ref, {})
        if attrs.get("kind") not in ladder.counts:
            continue
        years = attrs.get("years_ago")
        if years is None:
            undated.append(ref.partition(":")[2])
        elif isinstance(years, int | float) and years <= ladder.window_years:
            hits.append(ref.partition(":")[2])
    return sorted(hits), sorted(undated)


def step_for(
    ladders: Iterable[Ladder], refs: Iterable[str], facts: Facts, reading: Evaluator
) -> Step | None:
    """The heaviest applicable step of the intervention's ``ladders`` over its targets."""
    found: list[Step] = []
    for ladder in ladders:
        for ref in refs:
            if (
                ladder.applies_when is not None
                and reading.status(ladder.applies_when, ref) is not Status.SATISFIED
            ):
                continue
            prior, undated = counted(ladder, ref, facts)
            step = min(len(prior) + 1, len(ladder.steps))
            found.append(Step(ladder, ref, step, prior, undated))
    if not found:
        return None
    return max(found, key=lambda s: (s.rung.duration_months or 0, s.step, s.ladder.id, s.target))


def escalation_step(itv: Intervention, step: Step, bundle: Bundle, facts: Facts) -> EscalationStep:
    rung = step.rung
    return EscalationStep(
        ladder=step.ladder.id,
        label=step.ladder.label,
        step=step.step,
        measure=rung.measure,
        duration_months=rung.duration_months,
        prior=tuple(step.prior),
        source=_source(bundle),
        step_intervention=rung.intervention
        if rung.intervention and rung.intervention != itv.id
        else None,
        earlier_steps=tuple(i for i in step.earlier_interventions if i != itv.id),
        text=step_text(step, facts),
    )


def _attr(facts: Facts, prior: str, name: str) -> object:
    return facts.entities.get("prior_intervention:" + prior, {}).get(name, "?")


def step_text(step: Step, facts: Facts) -> str:
    rung = step.rung
    measure = rung.measure + (f" {rung.duration_months:g} maanden" if rung.duration_months else "")
    if step.prior:
        prior = ", ".join(
            f"{p} ({_attr(facts, p, 'kind')}, {_attr(facts, p, 'years_ago')} jaar geleden)"
            for p in step.prior
        )
        history = f"eerder binnen {step.ladder.window_years:g} jaar: {prior}"
    else:
        history = f"geen eerdere interventie binnen {step.ladder.window_years:g} jaar"
    text = (
        f"Escalatieladder '{step.ladder.label}' ({step.ladder.id}): {history}; "
        f"dus trede {step.step} van {len(step.ladder.steps)}: {measure}."
    )
    if rung.intervention and rung.intervention != step.ladder.intervention:
        text += (
            f" Het beleid schrijft op deze trede {rung.intervention} voor, niet de sluiting zelf."
        )
    if step.undated:
        text += (
            f" Zonder datum en daarom niet geteld: {', '.join(step.undated)}; vraag de datum na."
        )
    return text
