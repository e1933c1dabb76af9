"""Combinations: an exact, deterministic search for the best few sets of interventions.

Only interventions whose legal basis holds and that no blocking concern stops are
candidates. A set is admissible when it respects incompatibilities, keeps repressive
alternatives apart (a closure and its lighter repressive alternative are a choice, not a
pair), leaves out earlier steps of an escalation ladder that were already taken, and
includes every available intervention that a warning-level concern of a member names as
its mitigation. Sets are ranked by total desirability (integer thousandths, so the order
never depends on float rounding), ties by fewer members, then by ids.

Interventions with a score of zero or less only enter as a required mitigation: adding
them voluntarily never improves a set. The search is branch and bound over the
positive-scored candidates (sorted by score), bounded by the sum of what is left.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from engine.advice import Combination, InterventionAdvice, MissingFact

DOMAIN_TEXT = {
    "repression": "repressie",
    "prevention": "preventie",
    "resilience": "weerbaarheid",
    "care": "zorg",
}
DOMAIN_ORDER = {"prevention": 1, "care": 2, "repression": 3, "resilience": 4}
DOMAINS = ("repression", "prevention", "resilience", "care")


def blocked(item: InterventionAdvice) -> list[str]:
    """Blocking concerns that hold or may hold (an unknown blocking concern also keeps it out)."""
    return [
        c.id
        for c in item.human_measure.concerns
        if c.severity == "blocking" and c.status != "not_satisfied"
    ]


def deferred(item: InterventionAdvice) -> str | None:
    """The intervention the ladder prescribes at this step instead of this one, if any."""
    esc = item.escalation
    if esc is not None and esc.step_intervention and esc.step_intervention != item.id:
        return esc.step_intervention
    return None


def carrier(item: InterventionAdvice) -> str:
    """Who in the gezagsvierhoek carries it."""
    auth = item.authority.lower()
    if auth.startswith("burgemeester"):
        return "burgemeester"
    if auth.startswith("politie"):
        return "politie"
    if auth.startswith(("officier", "openbaar ministerie")):
        return "officier van justitie"
    if auth.startswith("college") and item.domain != "care":
        return "burgemeester"
    if "wethouder" in auth or item.domain == "care":
        return "wethouder sociaal domein"
    return "burgemeester"


def _points(item: InterventionAdvice) -> int:
    return round(item.desirability.score * 1000)


@dataclass
class Graph:
    items: dict[str, InterventionAdvice]
    candidates: list[str]
    conflicts: dict[str, dict[str, str]]
    requires: dict[str, dict[str, str]]
    excluded: dict[str, str]


def _needs(item: InterventionAdvice, by_id: dict[str, InterventionAdvice]) -> list[tuple[str, str]]:
    """Mitigating interventions that a holding warning-level concern demands.

    Only those whose own basis holds and that were not already taken count; if one of them
    is blocked, the demanding intervention cannot be used either (so a new blocking
    concern can only shrink the admissible sets).
    """
    out = []
    for c in item.human_measure.concerns:
        if c.severity == "warning" and c.status == "satisfied":
            for m in c.mitigating_interventions:
                other = by_id.get(m)
                if (
                    other is not None
                    and m != item.id
                    and other.legal_basis.status == "satisfied"
                    and not other.already_taken
                ):
                    out.append((m, c.id))
    return out


def graph(items: list[InterventionAdvice]) -> Graph:
    by_id = {i.id: i for i in items}
    excluded: dict[str, str] = {}
    for item in items:
        if item.legal_basis.status != "satisfied":
            excluded[item.id] = (
                "de grondslag is nog onzeker"
                if item.legal_basis.status == "unknown"
                else "de grondslag ontbreekt"
            )
        elif item.supporting:
            excluded[item.id] = "informatieroute: draagt de aanpak, is zelf geen maatregel"
        elif blocked(item):
            excluded[item.id] = "geblokkeerd door zorgpunt " + ", ".join(blocked(item))
        elif item.already_taken:
            excluded[item.id] = "al eerder ingezet (" + ", ".join(item.already_taken) + ")"
        elif deferred(item):
            excluded[item.id] = f"het beleid schrijft op deze trede eerst {deferred(item)} voor"
    changed = True
    while changed:  # a member whose required mitigation cannot be used cannot be used either
        changed = False
        for item in items:
            if item.id in excluded:
                continue
            for m, concern in _needs(item, by_id):
                if m in excluded:
                    excluded[item.id] = (
                        f"vereiste mitigatie {m} (zorgpunt '{concern}') is niet inzetbaar"
                    )
                    changed = True
                    break
    candidates = sorted(
        (i for i in by_id if i not in excluded), key=lambda i: (-_points(by_id[i]), i)
    )
    cand = set(candidates)
    conflicts: dict[str, dict[str, str]] = {i: {} for i in candidates}

    def clash(a: str, b: str, why: str) -> None:
        if a in cand and b in cand and a != b:
            conflicts[a].setdefault(b, why)
            conflicts[b].setdefault(a, why)

    for a in candidates:
        item = by_id[a]
        for b in item.incompatible_with:
            clash(a, b, f"{a} en {b} sluiten elkaar uit")
        if item.domain == "repression":
            for b in item.lighter_alternatives:
                if b in by_id and by_id[b].domain == "repression":
                    clash(
                        a,
                        b,
                        f"{b} is het lichtere repressieve alternatief van {a}: "
                        "een keuze, geen paar",
                    )
        if item.escalation is not None:
            for b in item.escalation.earlier_steps:
                clash(
                    a,
                    b,
                    f"{b} is een eerdere trede van ladder {item.escalation.ladder} en is al gezet",
                )
    requires: dict[str, dict[str, str]] = {i: {} for i in candidates}
    for a in candidates:
        for m, concern in _needs(by_id[a], by_id):
            requires[a].setdefault(m, concern)
    return Graph(by_id, candidates, conflicts, requires, excluded)


def search(g: Graph, top: int = 3) -> list[tuple[int, frozenset[str]]]:
    """The ``top`` best admissible sets, exact; best first."""
    pts = {i: _points(g.items[i]) for i in g.candidates}
    branch = [i for i in g.candidates if pts[i] > 0]
    suffix = [0] * (len(branch) + 1)
    for k in range(len(branch) - 1, -1, -1):
        suffix[k] = suffix[k + 1] + pts[branch[k]]
    best: list[
        tuple[tuple[int, int, tuple[str, ...]], int, frozenset[str]]
    ] = []  # sorted, best first, at most ``top``

    def key(score: int, members: frozenset[str]) -> tuple[int, int, tuple[str, ...]]:
        return (-score, len(members), tuple(sorted(members)))

    def worst_score() -> float:
        return float("-inf") if len(best) < top else best[-1][1]

    def record(score: int, members: frozenset[str]) -> None:
        best.append((key(score, members), score, members))
        best.sort(key=lambda e: e[0])
        del best[top:]

    def closure(inc: frozenset[str], add: str, exc: frozenset[str]) -> frozenset[str] | None:
        new, todo = set(inc), [add]
        while todo:
            x = todo.pop()
            if x in new:
                continue
            if x in exc or any(y in new for y in g.conflicts[x]):
                return None
            new.add(x)
            todo.extend(sorted(g.requires[x]))
        return frozenset(new)

    def _bound(k: int, inc: frozenset[str], exc: frozenset[str]) -> int:
        """Open items that do not clash with the members; of each clashing open pair, one."""
        clash = set().union(*(g.conflicts[x] for x in inc)) if inc else set()
        open_ = [b for b in branch[k:] if b not in inc and b not in exc and b not in clash]
        live, used, total = set(open_), set(), 0
        for b in open_:  # by score, best first
            if b in used:
                continue
            used.add(b)
            total += pts[b]
            partner = next((c for c in g.conflicts[b] if c in live and c not in used), None)
            if partner is not None:
                used.add(partner)
        return total

    def rec(k: int, inc: frozenset[str], exc: frozenset[str], score: int) -> None:
        floor = worst_score()
        if score + suffix[k] < floor:
            return
        if floor != float("-inf") and _bound(k, inc, exc) + score < floor:
            return
        if k == len(branch):
            if inc:
                record(score, inc)
            return
        c = branch[k]
        if c in inc or c in exc:
            rec(k + 1, inc, exc, score)
            return
        new = closure(inc, c, exc)
        if new is not None:
            rec(k + 1, new, exc, score + sum(pts[x] for x in new - inc))
        rec(k + 1, inc, exc | {c}, score)

    rec(0, frozenset(), frozenset(), 0)
    return [(score, members) for _, score, members in best]


def _order(members: Iterable[str], g: Graph) -> list[str]:
    return sorted(
        members, key=lambda i: (DOMAIN_ORDER.get(g.items[i].domain, 9), g.items[i].intrusiveness, i)
    )


def _reason(i: str, members: frozenset[str], g: Graph) -> str:
    item = g.items[i]
    why = [
        f"{r.text} ({r.weight:+g})"
        for r in sorted(item.desirability.reasons, key=lambda r: -r.weight)[:2]
        if r.weight > 0
    ]
    for a in sorted(members):
        if i in g.requires.get(a, {}):
            why.append(f"vereist als mitigatie van zorgpunt '{g.requires[a][i]}' bij {a}")
    if item.escalation is not None:
        why.append(
            item.escalation.text
            or f"trede {item.escalation.step} van ladder {item.escalation.ladder}"
        )
    return "; ".join(w.rstrip(".") for w in why) or f"wenselijkheid {item.desirability.score:g}"


def _alternatives(members: frozenset[str], g: Graph) -> list[str]:
    out = []
    for i in sorted(g.items):
        if i in members:
            continue
        item = g.items[i]
        if i in g.excluded:
            if item.legal_basis.status == "not_satisfied" and not item.formal:
                continue
            out.append(f"{i}: {g.excluded[i]}.")
            continue
        clashes = [why for m, why in g.conflicts[i].items() if m in members]
        if clashes:
            out.append(f"{i}: {sorted(clashes)[0]}.")
        elif _points(item) <= 0:
            out.append(
                f"{i}: draagt niet bij aan de doelen van deze casus "
                f"(wenselijkheid {item.desirability.score:g})."
            )
        else:
            out.append(f"{i}: past, maar de combinatie zonder scoort hoger of is kleiner.")
    return out


def _because(fact: MissingFact, reason: str) -> MissingFact:
    """The same question, with the reason it matters for this combination."""
    return fact.model_copy(update={"affects": [reason]})


def _missing(members: frozenset[str], g: Graph) -> list[MissingFact]:
    found: dict[tuple[str, str | None], MissingFact] = {}
    for i in sorted(members):
        for c in g.items[i].human_measure.concerns:
            if c.status == "unknown" and c.severity in ("warning", "blocking"):
                for m in g.items[i].missing_facts:
                    if any(f"menselijke maat: {c.id}" in a and a.startswith(i) for a in m.affects):
                        reason = f"{i}: zorgpunt '{c.id}' kan de afweging veranderen"
                        found.setdefault((m.fact, m.subject), _because(m, reason))
    for i in sorted(g.items):
        item = g.items[i]
        if item.legal_basis.status == "unknown" and not blocked(item) and _points(item) > 0:
            for m in item.missing_facts:
                if any(a == i for a in m.affects):
                    reason = f"{i} kan in de combinatie komen als dit bekend is"
                    found.setdefault((m.fact, m.subject), _because(m, reason))
    return [found[k] for k in sorted(found, key=lambda k: (k[0], k[1] or ""))]


def _concerns(members: frozenset[str], g: Graph) -> list[dict[str, Any]]:
    out = []
    for i in sorted(members):
        seen = set()
        for c in g.items[i].human_measure.concerns:
            if c.severity == "info" or c.status == "not_satisfied" or c.id in seen:
                continue
            seen.add(c.id)
            out.append(
                {
                    "intervention": i,
                    "id": c.id,
                    "severity": c.severity,
                    "status": c.status,
                    "text": c.text,
                    "mitigated_by": sorted(m for m in c.mitigating_interventions if m in members),
                }
            )
    return out


def combine(items: list[InterventionAdvice], top: int = 3) -> list[Combination]:
    g = graph(items)
    result = []
    for rank, (score, members) in enumerate(search(g, top), start=1):
        ordered = _order(members, g)
        rows = [
            {"id": i, "reason": _reason(i, members, g), "carrier": carrier(g.items[i]), "order": n}
            for n, i in enumerate(ordered, start=1)
        ]
        domains = sorted({g.items[i].domain for i in members}, key=DOMAINS.index)
        absent = [DOMAIN_TEXT[d] for d in DOMAINS if d not in domains]
        concerns = _concerns(members, g)
        missing = _missing(members, g)
        text = [f"Combinatie {rank} (wenselijkheid {score / 1000:g}), in deze volgorde:"]
        text += [
            f"{r['order']}. {g.items[str(r['id'])].name} — drager: {r['carrier']}. {r['reason']}."
            for r in rows
        ]
        if absent:
            text.append(
                "Niet gedekt: "
                + ", ".join(absent)
                + " (geen passende interventie met grondslag en meerwaarde)."
            )
        if concerns:
            text.append(
                "Meegedragen zorgpunten: "
                + "; ".join(
                    f"{c['id']} ({c['intervention']}"
                    + (
                        f", opgevangen door {', '.join(c['mitigated_by'])}"
                        if c["mitigated_by"]
                        else ""
                    )
                    + ")"
                    for c in concerns
                )
                + "."
            )
        if missing:
            text.append(
                "Kan de rangschikking veranderen: "
                + "; ".join(f"{m.question} ({m.subject})" for m in missing)
                + "."
            )
        result.append(
            Combination(
                rank=rank,
                interventions=ordered,
                domains=domains,
                score=round(score / 1000, 3),
                explanation="\n".join(text),
                members=rows,
                alternatives=_alternatives(members, g),
                concerns=concerns,
                missing_facts=missing,
            )
        )
    return result
