"""Proportionality (art. 3:4 lid 2 Awb) and subsidiarity, one Dutch sentence each.

Proportionality sets the intervention's intrusiveness (0..5, from the ruleset) against
the seriousness of the facts at its targets, read from the case: proven findings, their
kind, and earlier interventions. Subsidiarity always names the lighter alternatives
first: each is either "eerst" (its basis holds and it was not tried), or the sentence
says why it does not suffice (already tried, no basis, blocked, or the ladder is past it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from engine.case.flatten import Facts
from engine.case.models import FindingKind, Source
from engine.explain.text import VALUE_TEXT
from engine.inference.status import Status
from engine.ruleset.models import Intervention, Severity
from engine.weigh.assessment import Concern
from engine.weigh.escalation import Step

#: How many findings and earlier interventions the sentence names; the rest are counted.
MAX_GROUNDS = 8

SERIOUS_KINDS = {
    FindingKind.drugs,
    FindingKind.weapons,
    FindingKind.explosives,
    FindingKind.violence,
    FindingKind.threat_to_officials,
    FindingKind.intimidation,
}
INTRUSIVENESS_TEXT = {
    0: "zeer licht",
    1: "licht",
    2: "beperkt",
    3: "ingrijpend",
    4: "zwaar",
    5: "zeer zwaar",
}
SERIOUSNESS_TEXT = {
    1: "licht (alleen signalen)",
    2: "beperkt",
    3: "serieus",
    4: "ernstig",
    5: "zeer ernstig",
}


def _kind(kind: object) -> str:
    return VALUE_TEXT.get(str(kind), str(kind)) if kind is not None else "soort onbekend"


def findings_at(refs: Iterable[str], facts: Facts) -> list[str]:
    """Findings linked to the targets (for a case target: all findings)."""
    return sorted({f for ref in refs for f in facts.linked(ref, "findings")})


def priors_at(refs: Iterable[str], facts: Facts) -> list[str]:
    return sorted({p for ref in refs for p in facts.linked(ref, "prior_interventions")})


def seriousness(refs: Iterable[str], facts: Facts) -> tuple[int, list[str]]:
    """A 1..5 reading of the facts at the targets, with the facts it rests on."""
    level, grounds = 1, []
    findings = findings_at(refs, facts)
    proven = {f for f in findings if facts.entities[f].get("proven") is True}
    shown = sorted(findings, key=lambda f: f not in proven)[:MAX_GROUNDS]
    for f in shown:
        a = facts.entities[f]
        grounds.append(
            f"{f.partition(':')[2]} ({_kind(a.get('kind'))}{', bewezen' if f in proven else ''})"
        )
    if len(findings) > len(shown):
        grounds.append(f"en {len(findings) - len(shown)} andere bevinding(en)")
    if proven:
        level = 3
        if any(facts.entities[f].get("kind") in SERIOUS_KINDS for f in proven):
            level = 4
        if len(proven) >= 3:
            level = max(level, 4)
    elif findings:
        level = (
            2
            if any(
                facts.entities[f].get("source") not in (Source.intelligence, Source.neighbours)
                for f in findings
            )
            else 1
        )
    priors = priors_at(refs, facts)
    if priors and level >= 3:
        level = min(5, level + 1)
    for p in priors[:MAX_GROUNDS]:
        a = facts.entities[p]
        grounds.append(f"eerder {a.get('kind', '?')} ({p.partition(':')[2]})")
    if len(priors) > MAX_GROUNDS:
        grounds.append(f"en {len(priors) - MAX_GROUNDS} andere eerdere interventie(s)")
    return level, grounds


class Tried:
    """Earlier interventions by kind at a set of subjects or in the case, read once per
    case and set of subjects: every intervention asks this of itself and of each of its
    lighter alternatives, about the same few sets of subjects."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self.case_ref = next((r for r, a in facts.entities.items() if a["t"] == "case"), "")
        self._read: dict[tuple[str, ...], dict[object, list[str]]] = {}

    def __call__(self, alternative: str, refs: tuple[str, ...]) -> list[str]:
        """The names of the earlier interventions of this kind, in the order of their refs."""
        by_kind = self._read.get(refs)
        if by_kind is None:
            by_kind = self._read[refs] = {}
            for p in priors_at([*refs, self.case_ref], self.facts):
                names = by_kind.setdefault(self.facts.entities[p].get("kind"), [])
                name = p.partition(":")[2]
                if name not in names:
                    names.append(name)
        return by_kind.get(alternative, [])


def proportionality(
    itv: Intervention, concerns: Iterable[Concern], serious: tuple[int, list[str]]
) -> str:
    """``serious`` is ``seriousness`` of the intervention's subjects (read once for all
    interventions about the same subjects)."""
    level, grounds = serious
    weight = INTRUSIVENESS_TEXT.get(itv.intrusiveness, str(itv.intrusiveness))
    facts_text = "; ".join(grounds) if grounds else "geen bevindingen bij dit onderwerp"
    if itv.intrusiveness <= 1:
        verdict = "een lichte interventie staat niet snel in onevenredige verhouding tot het doel"
    elif itv.intrusiveness <= level:
        verdict = (
            "de zwaarte past bij de ernst, mits de belangen van de betrokkenen "
            "in het besluit gewogen worden"
        )
    elif itv.intrusiveness == level + 1:
        verdict = (
            "de maatregel is zwaarder dan de feiten vanzelf dragen; "
            "motiveer noodzaak en evenwichtigheid concreet"
        )
    else:
        verdict = (
            "de maatregel lijkt onevenredig zwaar voor deze feiten; kies eerst een lichter middel"
        )
    warnings = sorted(
        {c.id for c in concerns if c.severity in (Severity.warning, Severity.blocking)}
    )
    weigh = f" Weeg daarbij: {', '.join(warnings)}." if warnings else ""
    return (
        f"Evenredigheid (art. 3:4 lid 2 Awb): ingrijpendheid {itv.intrusiveness} van 5 "
        f"({weight}) tegenover "
        f"feiten die {SERIOUSNESS_TEXT[level]} zijn ({facts_text}); {verdict}.{weigh}"
    )


class Alternative(Protocol):
    """What subsidiarity reads of a lighter alternative's weighing (before its own
    subsidiarity is known)."""

    @property
    def name(self) -> str: ...

    @property
    def status(self) -> Status: ...

    @property
    def blocked_by(self) -> tuple[str, ...]: ...


def _outcome(facts: Facts, prior: str) -> object:
    return facts.entities.get("prior_intervention:" + prior, {}).get("outcome", "onbekend")


def subsidiarity(
    itv: Intervention,
    refs: tuple[str, ...],
    facts: Facts,
    tried: Tried,
    by_id: Mapping[str, Alternative],
    step: Step | None,
    pressing: Sequence[Concern] = (),
) -> tuple[str | None, list[str]]:
    """The sentence, and the lighter alternatives that should come first.

    ``pressing`` are holding warnings no mitigating intervention can meet: then a feasible
    lighter means goes first even where the ladder prescribes a later step, because the
    policy is followed only absent special circumstances (art. 4:84 Awb)."""
    if not itv.lighter_alternatives and step is None:
        return None, []
    parts, first = [], []
    for alt in itv.lighter_alternatives:
        other = by_id.get(alt)
        name = other.name if other else alt
        done = tried(alt, refs)
        passed = step is not None and alt in step.earlier_interventions
        if done:
            outcome = ", ".join(f"{d}: uitkomst {_outcome(facts, d)}" for d in done)
            parts.append(f"{name} is al ingezet ({outcome}) en volstond niet")
        elif passed:
            parts.append(f"{name} is een eerdere trede van de ladder, die al is gezet")
        elif other is None:
            parts.append(f"{name} is niet in de geladen regels")
        elif other.status is not Status.SATISFIED:
            parts.append(
                f"{name}: grondslag {'onzeker' if other.status is Status.UNKNOWN else 'ontbreekt'}"
            )
        elif other.blocked_by:
            parts.append(f"{name} is geblokkeerd door een zorgpunt")
        elif step is not None and step.step > 1 and not pressing:
            parts.append(
                f"{name} kan ernaast, maar volstaat niet in plaats hiervan: "
                f"na {', '.join(step.prior)} "
                f"schrijft het beleid trede {step.step} voor"
            )
        else:
            first.append(alt)
    text = "Subsidiariteit: "
    if first:
        text += (
            "eerst: "
            + ", ".join(by_id[a].name for a in first)
            + "; die dienen hetzelfde doel met minder ingrijpen"
        )
        text += ". Anders: " + "; ".join(parts) + "." if parts else "."
    elif parts:
        text += "de lichtere middelen volstaan niet: " + "; ".join(parts) + "."
    else:
        text += "geen lichter middel in de regels."
    if first and pressing and step is not None and step.step > 1:
        text += (
            f" Het beleid schrijft trede {step.step} voor, maar een zwaarwegend bezwaar kan hier "
            "niet worden opgevangen; dat is een bijzondere omstandigheid (art. 4:84 Awb)."
        )
    if (
        step is not None
        and step.step == 1
        and step.rung.intervention
        and step.rung.intervention != itv.id
    ):
        if step.rung.intervention not in first:
            first.insert(0, step.rung.intervention)
        text += f" De escalatieladder begint met {step.rung.intervention}."
    return text, first
