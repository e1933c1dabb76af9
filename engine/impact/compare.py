"""What one advice says that a policy change could move, and how two of them differ.

The summary is computed inside the batch worker (``summarise`` is module-level so it
pickles): a whole advice per case would cost more to move between processes than to
compute. Only what the impact report shows is kept: per intervention the legal-basis
status and for whom it holds, the concerns raised, the escalation step; per case the
recommended combination.
"""

from __future__ import annotations

import difflib
import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

from engine.case import vocabulary
from engine.contract import Advice, ConditionResult, EscalationOut
from engine.explain.text import STATUS_TEXT
from engine.inference.status import Status


class Aspect(StrEnum):
    presence = "presence"
    legal_basis = "legal_basis"
    concerns = "concerns"
    ladder_step = "ladder_step"


#: Dutch names of the aspects, for the report a policy officer reads.
ASPECT_TEXT: dict[Aspect, str] = {
    Aspect.presence: "interventie",
    Aspect.legal_basis: "grondslag",
    Aspect.concerns: "zorgpunten",
    Aspect.ladder_step: "escalatietrede",
}


@dataclass(frozen=True)
class ItemSummary:
    status: str
    targets: tuple[str, ...]
    concerns: tuple[str, ...]
    step: str | None


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    items: dict[str, ItemSummary]
    top: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    """One aspect of one intervention that differs; values are Dutch display texts."""

    intervention: str
    aspect: Aspect
    before: str
    after: str


def pseudonym(case_id: str, key: bytes | None = None) -> str:
    """A stable stand-in for a case id: the same case gets the same pseudonym in every
    report, so a policy officer can follow it, without the report naming the family.

    With ``key`` (the service's) it is an HMAC: without the key, nobody can test a
    guessed case id against the report.
    """
    data = case_id.encode("utf-8")
    digest = hmac.new(key, data, "sha256") if key is not None else hashlib.sha256(data)
    return "casus-" + digest.hexdigest()[:10]


def _step(advice_step: EscalationOut | None) -> str | None:
    if advice_step is None:
        return None
    text = f"{advice_step.label}: trede {advice_step.step}, {advice_step.measure}"
    if advice_step.duration_months is not None:
        months = advice_step.duration_months
        shown = int(months) if float(months).is_integer() else months
        text += f" ({shown} maanden)"
    return text


def _target_text(target: str) -> str:
    subject, _, ident = target.partition(":")
    if subject == "case":
        # The case id often carries the family name; the row already names the case.
        return "de casus"
    return f"{vocabulary.SUBJECT_TEXT.get(subject, subject)} {ident}".strip()


def summarise(advice: Advice) -> CaseSummary:
    items = {}
    for item in advice.interventions:
        targets = tuple(
            sorted(t.target for t in item.legal_basis.targets if str(t.status) == "satisfied")
        )
        concerns = tuple(
            sorted(
                {
                    f"{c.id} ({_target_text(c.target)})" if c.target else c.id
                    for c in item.human_measure.concerns
                    if str(c.status) == "satisfied"
                }
            )
        )
        items[item.id] = ItemSummary(
            str(item.legal_basis.status), targets, concerns, _step(item.escalation)
        )
    top = tuple(advice.combinations[0].interventions) if advice.combinations else ()
    return CaseSummary(advice.case_id, items, top)


def _basis_text(item: ItemSummary) -> str:
    text = STATUS_TEXT[Status(item.status)]
    if item.targets:
        text += " voor " + ", ".join(_target_text(t) for t in item.targets)
    return text


def _list_text(values: tuple[str, ...]) -> str:
    return ", ".join(values) if values else "geen"


def changes(before: CaseSummary, after: CaseSummary) -> list[Change]:
    """Every difference between two summaries of one case, interventions in id order."""
    found: list[Change] = []
    for ident in sorted(before.items.keys() | after.items.keys()):
        old, new = before.items.get(ident), after.items.get(ident)
        if old is None or new is None:
            found.append(
                Change(
                    ident,
                    Aspect.presence,
                    "afwezig" if old is None else "aanwezig",
                    "afwezig" if new is None else "aanwezig",
                )
            )
            continue
        if (old.status, old.targets) != (new.status, new.targets):
            found.append(Change(ident, Aspect.legal_basis, _basis_text(old), _basis_text(new)))
        if old.concerns != new.concerns:
            found.append(
                Change(ident, Aspect.concerns, _list_text(old.concerns), _list_text(new.concerns))
            )
        if old.step != new.step:
            found.append(Change(ident, Aspect.ladder_step, old.step or "geen", new.step or "geen"))
    return found


@dataclass(frozen=True)
class Leaf:
    """A comparison in a proof tree: the target and fact it is about, what it says, and
    whether it held."""

    key: tuple[str, str]
    text: str
    status: str


def _leaves(nodes: list[ConditionResult], target: str, out: list[Leaf]) -> None:
    def visit(node: ConditionResult, path: str) -> None:
        if not node.children:
            out.append(
                Leaf((target, node.fact or f"{path}:{node.text}"), node.text, str(node.status))
            )
            return
        for i, child in enumerate(node.children):
            visit(child, f"{path}.{i}")

    for i, node in enumerate(nodes):
        visit(node, str(i))


def leaves(advice: Advice, interventions: frozenset[str]) -> dict[str, tuple[Leaf, ...]]:
    """The leaves of the legal-basis proof of each named intervention, in document order."""
    found: dict[str, tuple[Leaf, ...]] = {}
    for item in advice.interventions:
        if item.id not in interventions:
            continue
        out: list[Leaf] = []
        if item.legal_basis.targets:
            for t in item.legal_basis.targets:
                _leaves(t.conditions, t.target, out)
        else:
            _leaves(item.legal_basis.conditions, "", out)
        found[item.id] = tuple(out)
    return found


def _status(leaf: Leaf) -> str:
    return STATUS_TEXT[Status(leaf.status)]


def decisive(before: tuple[Leaf, ...], after: tuple[Leaf, ...]) -> str | None:
    """The first leaf condition whose status differs, as a Dutch sentence; None if the
    proofs agree leaf for leaf (the change then lies outside the legal basis).

    A refutation lists only the conditions that failed, so leaves are matched on the
    target and fact they are about; of several about the same fact, the most alike.
    """
    old: dict[tuple[str, str], list[Leaf]] = {}
    for leaf in before:
        old.setdefault(leaf.key, []).append(leaf)
    for leaf in after:
        others = [o for o in old.get(leaf.key, []) if o.status != leaf.status]
        if not others:
            continue
        earlier = max(
            others, key=lambda o: difflib.SequenceMatcher(None, o.text, leaf.text).ratio()
        )
        text = f"{leaf.text} — was {_status(earlier)}, nu {_status(leaf)}"
        if earlier.text != leaf.text:
            text += f" (voorheen: {earlier.text})"
        return text
    new = {leaf.key for leaf in after}
    for leaf in before:
        if leaf.key not in new:
            return f"{leaf.text} — telt niet meer mee"
    for leaf in after:
        if leaf.key not in old:
            return f"{leaf.text} — nieuwe voorwaarde ({_status(leaf)})"
    return None
