"""What one assessment says that a policy change could move, and how two of them differ.

The summary is read from the typed ``Assessment``, not from a rendered advice: rendering
(and validating) an advice costs about as much as assessing the case, and the impact
report needs only a little of it. What is kept is what the summary advice shows and the
report compares: per intervention the legal-basis status and for whom it holds, the
concerns raised, the escalation step; per case the recommended combination. Proof trees
are built only for an intervention whose legal basis changed.
"""

from __future__ import annotations

import difflib
import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

from engine.case import vocabulary
from engine.contract import ConditionResult
from engine.explain.proof import tree
from engine.explain.text import STATUS_TEXT
from engine.inference.status import Status
from engine.weigh.assessment import Assessment, EscalationStep, InterventionAssessment


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
    status: Status
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


def _step(advice_step: EscalationStep | None) -> str | None:
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


def _concerns(item: InterventionAssessment) -> tuple[str, ...]:
    """The raised concerns as the summary advice lists them: none without a legal basis,
    and one per concern, the first subject it holds for standing for the others."""
    if item.status is Status.NOT_SATISFIED:
        return ()
    first: dict[str, str | None] = {}
    for c in item.concerns:
        if c.status is Status.SATISFIED and c.id not in first:
            first[c.id] = c.target
    return tuple(
        sorted(
            {
                f"{ident} ({_target_text(target)})" if target else ident
                for ident, target in first.items()
            }
        )
    )


def summarise(assessment: Assessment) -> CaseSummary:
    items = {}
    for item in assessment.interventions:
        targets = tuple(sorted(t.ref for t in item.targets if t.status is Status.SATISFIED))
        items[item.id] = ItemSummary(item.status, targets, _concerns(item), _step(item.escalation))
    top = assessment.combinations[0].ids if assessment.combinations else ()
    return CaseSummary(assessment.case_id, items, top)


def _basis_text(item: ItemSummary) -> str:
    text = STATUS_TEXT[item.status]
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


class Proof:
    """The legal-basis proof of one intervention in one assessment, per subject, built
    only when a subject's leaves are read: the decisive condition is mostly found before
    the last subject, and a proof tree costs more than the comparison around it."""

    def __init__(self, assessment: Assessment, ident: str):
        item = next((i for i in assessment.interventions if i.id == ident), None)
        self._assessment = assessment
        self._condition = None if item is None else item.intervention.legal_basis.condition
        #: The subjects in document order (as the full advice shows them); none if the
        #: assessment does not have the intervention or its legal basis has no condition.
        self.targets = (
            tuple(t.ref for t in item.targets)
            if item is not None and self._condition is not None
            else ()
        )
        self._leaves: dict[str, tuple[Leaf, ...]] = {}

    def of(self, target: str) -> tuple[Leaf, ...]:
        """The leaves of the proof for one subject of ``targets``."""
        if target not in self._leaves:
            assert self._condition is not None, "a proof read for a subject it does not have"
            found = self._assessment.evaluator.evaluate(self._condition, target)
            out: list[Leaf] = []
            _leaves([tree(found, self._assessment.facts)], target, out)
            self._leaves[target] = tuple(out)
        return self._leaves[target]

    def leaves(self) -> tuple[Leaf, ...]:
        """The leaves for every subject, in document order."""
        return tuple(leaf for target in self.targets for leaf in self.of(target))


def _status(leaf: Leaf) -> str:
    return STATUS_TEXT[Status(leaf.status)]


def _by_key(leaves: tuple[Leaf, ...]) -> dict[tuple[str, str], list[Leaf]]:
    grouped: dict[tuple[str, str], list[Leaf]] = {}
    for leaf in leaves:
        grouped.setdefault(leaf.key, []).append(leaf)
    return grouped


def decisive(before: Proof, after: Proof) -> str | None:
    """The first leaf condition whose status differs, as a Dutch sentence; None if the
    proofs agree leaf for leaf (the change then lies outside the legal basis).

    A refutation lists only the conditions that failed, so leaves are matched on the
    target and fact they are about; of several about the same fact, the most alike. A
    leaf is only matched within its own subject, so the subjects are compared one by one
    and the proofs of the subjects after the decisive one are never built.
    """
    earlier_subjects = set(before.targets)
    for target in after.targets:
        if target not in earlier_subjects:
            continue
        old = _by_key(before.of(target))
        for leaf in after.of(target):
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
    old_leaves, new_leaves = before.leaves(), after.leaves()
    new = {leaf.key for leaf in new_leaves}
    for leaf in old_leaves:
        if leaf.key not in new:
            return f"{leaf.text} — telt niet meer mee"
    old_keys = {leaf.key for leaf in old_leaves}
    for leaf in new_leaves:
        if leaf.key not in old_keys:
            return f"{leaf.text} — nieuwe voorwaarde ({_status(leaf)})"
    return None


@dataclass(frozen=True)
class CaseDiff:
    """What a worker sends back for one case: small, because most cases do not change.

    ``top`` is the recommended combination before and after, only if it differs;
    ``reasons`` the decisive condition per intervention whose legal basis changed.
    """

    case_id: str
    changes: tuple[Change, ...] = ()
    top: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    reasons: tuple[tuple[str, str], ...] = ()


def diff(before: Assessment, after: Assessment) -> CaseDiff:
    """How one case differs under two rule sets; proofs are built only for the
    interventions whose legal basis changed, from the assessments already made."""
    old, new = summarise(before), summarise(after)
    found = changes(old, new)
    reasons = []
    for ident in dict.fromkeys(c.intervention for c in found if c.aspect is Aspect.legal_basis):
        reason = decisive(Proof(before, ident), Proof(after, ident))
        if reason:
            reasons.append((ident, reason))
    top = (old.top, new.top) if old.top != new.top else None
    return CaseDiff(old.case_id, tuple(found), top, tuple(reasons))
