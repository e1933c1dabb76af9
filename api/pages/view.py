"""What the review pages show, derived from the stored records and the Advice contract.

The templates only lay out; every choice a reader relies on (the status of a piece of
work, which measure leads a domain, the Dutch word for an enum value) is made here, once,
so a test can check it without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from api.schemas import DecisionKind, DecisionOut, EvaluationOut
from api.store.models import EvaluationRow
from api.store.repository import current_decision
from engine.contract import (
    Combination,
    ConditionResult,
    InterventionAdvice,
    VerificationStatus,
)
from engine.explain.text import BODY_TEXT, DOMAIN_TEXT, SEVERITY_TEXT, STATUS_TEXT
from engine.inference.status import Status
from engine.ruleset.models import Body, Domain, Severity


class WorkStatus(StrEnum):
    awaiting_verification = "awaiting_verification"
    ready = "ready"
    decided = "decided"
    withdrawn = "withdrawn"
    not_evaluated = "not_evaluated"


WORK_STATUS_TEXT = {
    WorkStatus.awaiting_verification: "wacht op verificatie",
    WorkStatus.ready: "klaar voor besluit",
    WorkStatus.decided: "besloten",
    WorkStatus.withdrawn: "ingetrokken en opnieuw besloten",
    WorkStatus.not_evaluated: "nog niet beoordeeld",
}

DECISION_TEXT = {
    DecisionKind.accept: "advies overgenomen",
    DecisionKind.adjust: "advies aangepast",
    DecisionKind.reject: "advies niet gevolgd",
}

VERIFICATION_TEXT = {
    VerificationStatus.pending: "wacht op de tweede lezing door durable-rules",
    VerificationStatus.agreed: "bevestigd door durable-rules (tweede lezing)",
    VerificationStatus.mismatch: "durable-rules komt tot een andere uitkomst; niet besluiten",
}


def work_status(row: EvaluationRow | None) -> WorkStatus:
    """Where a piece of work stands: a decision outranks the state of the second reading.

    A decision that replaced an earlier one (which it withdrew) is shown as such, so a
    reader knows the first decision no longer stands.
    """
    if row is None:
        return WorkStatus.not_evaluated
    current = current_decision(row.decisions)
    if current is not None:
        return WorkStatus.withdrawn if current.withdraws else WorkStatus.decided
    if row.verification is None or row.verification.status != VerificationStatus.agreed:
        return WorkStatus.awaiting_verification
    return WorkStatus.ready


def status_text(status: str) -> str:
    return STATUS_TEXT[Status(status)]


def body_text(body: str) -> str:
    return BODY_TEXT[Body(body)]


def domain_text(domain: str) -> str:
    return DOMAIN_TEXT[Domain(domain)]


def severity_text(severity: str) -> str:
    return SEVERITY_TEXT[Severity(severity)]


@dataclass(frozen=True)
class DomainGroup:
    domain: str
    lead: InterventionAdvice
    others: list[InterventionAdvice]


def grouped(combination: Combination, by_id: dict[str, InterventionAdvice]) -> list[DomainGroup]:
    """The members per domain, in the order of the domains; the most intrusive formal
    measure leads its domain, since that is the one the bestuurder answers for."""
    groups: list[DomainGroup] = []
    for domain in Domain:
        members = [
            by_id[i] for i in combination.interventions if i in by_id and by_id[i].domain == domain
        ]
        if not members:
            continue
        lead = max(members, key=lambda m: (m.formal, m.intrusiveness))
        groups.append(DomainGroup(str(domain), lead, [m for m in members if m is not lead]))
    return groups


@dataclass(frozen=True)
class Review:
    """The case page: the advice with its record, and the decision in force."""

    evaluation: EvaluationOut
    #: False only for an evaluation from before bundles were kept whose rulesets changed
    #: since: the proof is then not shown, only the summary.
    exact: bool

    @property
    def by_id(self) -> dict[str, InterventionAdvice]:
        return {i.id: i for i in self.evaluation.interventions}

    def names(self, ids: list[str]) -> list[str]:
        """The interventions' Dutch names, for a reader who does not know the ids."""
        found = self.by_id
        return [(found[i].name or i) if i in found else i for i in ids]

    @property
    def top(self) -> Combination | None:
        return self.evaluation.combinations[0] if self.evaluation.combinations else None

    @property
    def groups(self) -> list[DomainGroup]:
        return grouped(self.top, self.by_id) if self.top else []

    @property
    def current(self) -> DecisionOut | None:
        standing = [d for d in self.evaluation.decisions if d.withdrawn_by is None]
        return standing[-1] if standing else None

    @property
    def concerns(self) -> list[InterventionAdvice]:
        """Interventions with concerns, the recommended ones first."""
        chosen = set(self.top.interventions) if self.top else set()
        found = [i for i in self.evaluation.interventions if i.human_measure.concerns]
        return sorted(found, key=lambda i: i.id not in chosen)


def failed(conditions: list[ConditionResult]) -> list[ConditionResult]:
    """The deepest conditions that did not hold: what a rejected intervention lacks."""
    out: list[ConditionResult] = []
    for c in conditions:
        if c.status != Status.NOT_SATISFIED:
            continue
        deeper = failed(c.children)
        out.extend(deeper or [c])
    return out
