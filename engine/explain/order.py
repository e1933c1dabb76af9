"""Why a combination ranks where it does, in words (issue 11, item 5: "waarom deze volgorde").

A desirability score means nothing to a mayor; what it sums does: the goals of the case
that the members serve, what lowers it (a reason against, a concern it carries), the size
the municipality allows, and what the next combination gains or loses against it. The
Advice contract, the review page and the memo all read these same sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from engine.case.models import Goal
from engine.explain.text import DOMAIN_TEXT, GOAL_TEXT
from engine.inference.status import Status
from engine.ruleset.models import Severity
from engine.weigh.assessment import CombinationAssessment, InterventionAssessment, Options

#: From how many thousandths of desirability a difference is "clearly" less, not "slightly".
CLEAR_GAP = 300

Names = Callable[[str], str]


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _goals(combo: CombinationAssessment, items: Mapping[str, InterventionAssessment]) -> str:
    served: dict[Goal, list[str]] = {}
    for i in combo.ids:
        for r in items[i].desirability.reasons:
            if r.goal is not None and r.weight > 0:
                served.setdefault(r.goal, [])
                if items[i].name not in served[r.goal]:
                    served[r.goal].append(items[i].name)
    if not served:
        return (
            "Geen lid dient een doel van de casus; de aanpak staat hier alleen omdat niets "
            "beters past."
        )
    parts = [f"{GOAL_TEXT[g]} (met {_join(names)})" for g, names in served.items()]
    return f"Deze aanpak dient de doelen van de casus: {'; '.join(parts)}."


def _lowered(
    combo: CombinationAssessment, items: Mapping[str, InterventionAssessment], name: Names
) -> list[str]:
    out = []
    against = [
        f"{r.text.rstrip('.')} ({items[i].name})"
        for i in combo.ids
        for r in items[i].desirability.reasons
        if r.weight < 0
    ]
    if against:
        out.append(f"Dit maakt de aanpak minder wenselijk: {'; '.join(against)}.")
    warnings = [
        c
        for c in combo.concerns
        if c.concern.severity is Severity.warning and c.concern.status is Status.SATISFIED
    ]
    if warnings:
        met = sorted({name(m) for c in warnings for m in c.mitigated_by})
        open_ = len([c for c in warnings if not c.mitigated_by])
        text = (
            "Er weegt één zwaarwegend zorgpunt mee"
            if len(warnings) == 1
            else f"Er wegen {len(warnings)} zwaarwegende zorgpunten mee"
        )
        if met:
            text += f"; {_join(met)} vangt {'het' if len(warnings) == 1 else 'een deel ervan'} op"
        if open_:
            text += (
                "; dat vraagt een opvang in het besluit zelf"
                if len(warnings) == 1
                else f"; {open_} daarvan {'vraagt' if open_ == 1 else 'vragen'} een opvang in "
                "het besluit zelf"
            )
        out.append(text + ".")
    return out


def _against(
    combo: CombinationAssessment,
    other: CombinationAssessment,
    name: Names,
    better: bool,
) -> str:
    """One sentence on how ``other`` differs, seen from ``combo`` (better: combo ranks higher)."""
    # Each read once: ``ids`` is built from the members on every read.
    ids, other_ids = combo.ids, other.ids
    extra = [name(i) for i in other_ids if i not in ids]
    less = [name(i) for i in ids if i not in other_ids]
    swap = ", ".join(
        ([f"met {_join(extra)}"] if extra else []) + ([f"zonder {_join(less)}"] if less else [])
    )
    gap = abs(combo.points - other.points)
    if combo.points == other.points:
        if len(combo.members) != len(other.members):
            why = "is even wenselijk, maar telt " + (
                "meer stappen" if len(other.members) > len(combo.members) else "minder stappen"
            )
        else:
            why = (
                "is even wenselijk en even groot; de volgorde tussen beide is alleen op naam "
                "vastgelegd, niet inhoudelijk"
            )
    else:
        amount = "duidelijk" if gap >= CLEAR_GAP else "iets"
        why = f"draagt {amount} {'minder' if better else 'meer'} bij aan de doelen van de casus"
    if better:
        return f"Combinatie {other.rank}{f', {swap},' if swap else ''} {why}."
    return f"Staat na combinatie {other.rank}: die{f', {swap},' if swap else ''} {why}."


def why_this_order(
    combo: CombinationAssessment,
    combos: Sequence[CombinationAssessment],
    items: Mapping[str, InterventionAssessment],
    options: Options,
    name: Names,
) -> list[str]:
    """The reasons for this combination's place, in Dutch sentences, never a bare number."""
    covered = [DOMAIN_TEXT[d] for d in combo.domains]
    out = [_goals(combo, items), *_lowered(combo, items, name)]
    out.append(f"De aanpak dekt {_join(covered)}." if covered else "De aanpak dekt geen domein.")
    if options.max_members is not None and len(combo.members) >= options.max_members:
        out.append(
            f"Het beleid van de gemeente houdt een aanpak op ten hoogste {options.max_members} "
            "interventies; een grotere combinatie is niet overwogen."
        )
    cap = options.max_per_domain
    full: list[str] = []
    if cap is not None:
        # Each member's domain read once (an intervention makes it anew on every read).
        kinds = [items[i].domain for i in combo.ids]
        full = [DOMAIN_TEXT[d] for d in combo.domains if kinds.count(d) >= cap]
    if full:
        out.append(
            f"Het beleid houdt een domein op ten hoogste {options.max_per_domain} interventies; "
            f"voor {_join(full)} is dat bereikt, zodat de aanpak niet één domein vult."
        )
    if combo.rank == 1:
        out += [_against(combo, other, name, better=True) for other in combos[1:3]]
    else:
        previous = next((c for c in combos if c.rank == combo.rank - 1), None)
        if previous is not None:
            out.append(_against(combo, previous, name, better=False))
    return out
