"""Evaluate, read, replay and decide: the rules of the service, apart from HTTP.

The routes only translate requests and responses; what an evaluation is lives here.
Each evaluation is made with the rulesets in force and its bundle is kept (api/rules.py);
reading its full form, its memo, its review page or a replay use that same bundle again.
The advice is assessed once and serialised once: its summary bytes (what the case
decided; the ruleset's fixed texts by reference, ADR 0014) are hashed, compressed, stored,
and a response is those bytes with the record's id, provenance, decisions and
verification spliced in, never a dump-reload-validate round trip. The full form (proof
trees and every text) is rebuilt on request from the stored input and the stored bundle,
so it is exact.
A decision rests only on an evaluation that durable-rules agreed with.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass
from typing import Literal, Protocol

from pydantic import TypeAdapter

import engine
from api.case_input import parse
from api.problems import (
    Conflict,
    FieldProblem,
    InvalidInput,
    NotFound,
    NotVerified,
    TooLarge,
    TooSlow,
    case_problems,
)
from api.provenance import (
    bundle_refs,
    bundle_refs_canonical,
    canonical_json,
    differences,
    sha256_bytes,
    sha256_text,
)
from api.rules import Rules
from api.schemas import (
    DecisionIn,
    DecisionOut,
    DifferenceOut,
    EvaluationMeta,
    ReplayOut,
)
from api.settings import Settings
from api.store import Store
from api.store.models import DecisionRow, EvaluationRow, VerificationRow
from api.store.repository import (
    Actor,
    DecisionExists,
    IdempotencyKey,
    KeyTaken,
    KeyUsed,
    NewDecision,
    NewEvaluation,
    NothingToWithdraw,
)
from api.verification import Job, Verifier
from engine import contract
from engine.advise import NATIONAL, unknown_municipality
from engine.case.limits import env_name, exceeded
from engine.case.models import Case
from engine.case.read import CaseError, stated_municipality
from engine.deadline import Deadline, DeadlineExceeded
from engine.explain.memo import memo
from engine.explain.render import render_json, with_ruleset_texts
from engine.impact.run import Assessing
from engine.inference.verification import Verification
from engine.ruleset.bundle import Bundle, Catalog
from engine.weigh.assessment import Assessment

Detail = Literal["summary", "full"]

_DECISIONS = TypeAdapter(list[DecisionOut])
#: zlib level of a stored advice: level 1 takes a quarter of level 6's time (0.5 against
#: 1.8 ms for a 10-person summary of 114 KB) for 22 instead of 17 KB (docs/performance.md).
ADVICE_COMPRESSION = 1


class AdvisorLike(Assessing, Protocol):
    """What the service needs of ``engine.advise.Advisor``: what an impact side needs,
    and the second reading."""

    def verify(
        self, case: Case, municipality: str | None, reference_date: dt.date
    ) -> Verification: ...


@dataclass(frozen=True)
class Served:
    """A response body built from stored bytes, and the record it belongs to."""

    id: str
    body: bytes
    #: An earlier answer to the same Idempotency-Key, given again.
    replayed: bool = False


@dataclass(frozen=True)
class Reviewed:
    """An evaluation for the review pages: the served advice and the case behind it."""

    served: Served
    case: Case
    #: The proof is included (the rulesets are unchanged since the evaluation).
    exact: bool


def _splice(advice: bytes, **fields: bytes) -> bytes:
    """``advice`` (a JSON object) with ``fields`` added, without parsing it again."""
    parts = [advice[:-1]]
    parts.extend(b',"' + key.encode("ascii") + b'":' + value for key, value in fields.items())
    parts.append(b"}")
    return b"".join(parts)


#: What an advice says before durable-rules has read it: the same for every evaluation.
_PENDING_VERIFICATION = contract.Verification().model_dump_json().encode("utf-8")


def _verification_json(row: VerificationRow | None) -> bytes:
    """The advice's ``verification`` from its row, in the contract's own shape."""
    if row is None:
        return _PENDING_VERIFICATION
    shown = contract.Verification(
        engine=row.engine,
        status=contract.VerificationStatus(row.status),
        differences=list(row.differences),
    )
    return shown.model_dump_json().encode("utf-8")


def decision_out(row: DecisionRow, withdrawn_by: str | None = None) -> DecisionOut:
    return DecisionOut.model_validate(
        {
            "id": row.id,
            "evaluation_id": row.evaluation_id,
            "decision": row.decision,
            "interventions": row.interventions,
            "motivation": row.motivation,
            "decided_by": row.decided_by,
            "recorded_by": row.recorded_by,
            "created_at": row.created_at,
            "withdraws": row.withdraws,
            "withdrawn_by": withdrawn_by,
            "legal_basis_motivation": row.legal_basis_motivation,
        }
    )


def decisions_out(rows: list[DecisionRow]) -> list[DecisionOut]:
    """Every decision in the order made, each with the one that withdrew it."""
    by_withdrawn = {d.withdraws: d.id for d in rows if d.withdraws}
    return [decision_out(d, by_withdrawn.get(d.id)) for d in rows]


def meta(row: EvaluationRow) -> EvaluationMeta:
    # One validation for the whole record, its ruleset files included (a bundle has
    # dozens; one model_validate each cost more than the rest of the record).
    return EvaluationMeta.model_validate(
        {
            "created_at": row.created_at,
            "created_by": row.created_by,
            "case_ref": row.case_id,
            "requested_municipality": row.requested_municipality,
            "requested_reference_date": row.requested_reference_date,
            "input_sha256": row.input_sha256,
            "advice_sha256": row.advice_sha256,
            "ruleset_sha256": row.ruleset_sha256,
            "rulesets": row.rulesets,
            "engine_version": row.engine_version,
        }
    )


def stored_advice(row: EvaluationRow) -> bytes:
    return zlib.decompress(row.advice)


class EvaluationService:
    def __init__(self, rules: Rules, store: Store, settings: Settings, verifier: Verifier):
        self.rules = rules
        self.store = store
        self.settings = settings
        self.verifier = verifier

    @property
    def advisor(self) -> AdvisorLike:
        """The rules in force now; a request takes it once and keeps it throughout."""
        return self.rules.current()

    @property
    def catalog(self) -> Catalog:
        return self.advisor.catalog

    @property
    def engine_version(self) -> str:
        return engine.__version__

    def bundle(self, municipality: str | None, reference_date: dt.date) -> Bundle:
        return self.advisor.bundle(municipality, reference_date)

    def _parse(self, data: object, requested: str | None, who: Actor) -> Case:
        """The case, refused with every mistake at once: an invalid case also names a
        wrong municipality, so a user corrects both in one round."""
        known = self.catalog.municipalities
        try:
            case = parse(data)
        except CaseError as exc:
            wrong = municipality_problems(known, requested, stated_municipality(data), who)
            if not wrong:
                raise
            raise _refused([*case_problems(exc), *wrong], "De casus is ongeldig: ") from None
        wrong = municipality_problems(known, requested, case.case.municipality, who)
        if wrong:
            raise _refused(wrong)
        return case

    def _assess(
        self,
        advisor: AdvisorLike,
        case: Case,
        municipality: str | None,
        reference_date: dt.date | None,
    ) -> Assessment:
        deadline = Deadline(self.settings.deadline_seconds)
        try:
            return advisor.assess(case, municipality, reference_date, deadline=deadline)
        except DeadlineExceeded as exc:
            raise _too_slow(exc) from None

    def _advise(
        self,
        advisor: AdvisorLike,
        case: Case,
        municipality: str | None,
        reference_date: dt.date | None,
        detail: Detail,
    ) -> bytes:
        """The advice as served (without its verification, which is spliced in)."""
        return render_json(self._assess(advisor, case, municipality, reference_date), detail)

    def evaluate(
        self,
        data: object,
        who: Actor,
        municipality: str | None,
        reference_date: dt.date | None,
        case_id: str | None = None,
        detail: Detail = "summary",
        idempotency_key: str | None = None,
    ) -> Served:
        """Validate, advise (outside any transaction), store, queue the second reading.

        A case is evaluated only by a user of its own municipality (the query may still
        apply another municipality's policy to it). With an ``Idempotency-Key`` a retry
        of the same request gets the evaluation stored the first time, not a second one.
        """
        request = ""
        if idempotency_key is not None:
            # What a retry must repeat exactly; only a request with a key needs it.
            request = sha256_text(
                canonical_json(
                    {
                        "input": data,
                        "gemeente": municipality,
                        "peildatum": reference_date.isoformat() if reference_date else None,
                        "case_ref": case_id,
                    }
                )
            )
            used = self.store.find_idempotency(who, idempotency_key)
            if used is not None:
                return self._again(used, request, who, detail)
        case = self._parse(data, municipality, who)
        too_large = exceeded(case, self.settings.case_limits)
        if too_large:
            # Refused before any evaluation: an oversized case costs the worker nothing.
            raise TooLarge(
                "De casus is groter dan deze dienst beoordeelt: "
                + "; ".join(f"{p.path}: {p.message}" for p in too_large)
                + ". De beheerder kan de grenzen verruimen ("
                + ", ".join(env_name(p.collection) for p in too_large)
                + ").",
                [FieldProblem(path=p.path, message=p.message) for p in too_large],
            )
        advisor = self.advisor
        assessment = self._assess(advisor, case, municipality, reference_date)
        # The store keeps the summary; a full answer is the same assessment rendered again.
        body = render_json(assessment, "summary")
        bundle = assessment.bundle
        self.rules.keep(advisor, bundle)
        input_json = canonical_json(data)
        new = NewEvaluation(
            case_key=case.case.id,
            case_id=case_id,
            municipality=assessment.municipality,
            reference_date=assessment.reference_date,
            requested_municipality=municipality,
            requested_reference_date=reference_date,
            input_json=input_json,
            input_sha256=sha256_text(input_json),
            advice=zlib.compress(body, ADVICE_COMPRESSION),
            advice_sha256=sha256_bytes(body),
            ruleset_id=bundle.id,
            ruleset_version=bundle.version,
            ruleset_sha256=bundle.sha256,
            rulesets=bundle_refs(bundle),
            rulesets_canonical=bundle_refs_canonical(bundle),
            engine_version=engine.__version__,
        )
        key = IdempotencyKey(idempotency_key, request) if idempotency_key is not None else None
        try:
            row = self.store.add_evaluation(new, who, key)
        except KeyTaken:
            raced = self.store.find_idempotency(who, idempotency_key or "")
            if raced is None:
                raise
            return self._again(raced, request, who, detail)
        self.verifier.submit(Job(row.id, row.tenant))
        served = body if detail == "summary" else render_json(assessment, "full")
        return Served(row.id, self._respond(row, served))

    def _again(self, used: KeyUsed, request: str, who: Actor, detail: Detail) -> Served:
        if used.request_sha256 != request:
            problem = FieldProblem(
                path="Idempotency-Key",
                message="deze sleutel is al gebruikt voor een ander verzoek; kies een nieuwe",
                location="header",
            )
            raise InvalidInput(f"{problem.path}: {problem.message}", [problem])
        earlier = self.read(used.evaluation_id, who, detail)
        return Served(earlier.id, earlier.body, replayed=True)

    def read(self, evaluation_id: str, who: Actor, detail: Detail = "summary") -> Served:
        row = self.store.get_evaluation(evaluation_id, who)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        if detail == "summary":
            return Served(row.id, self._respond(row, stored_advice(row)))
        advisor = self._same_bundle(row)
        case = parse(json.loads(row.input_json))
        full = self._advise(advisor, case, row.municipality, row.reference_date, "full")
        return Served(row.id, self._respond(row, full))

    def review(self, evaluation_id: str, who: Actor) -> Reviewed:
        """The advice with its proof and the case it weighed, for the review page.

        One audited read. The proof is rebuilt on the bundle the evaluation was made with;
        only for an evaluation from before bundles were kept, whose rulesets changed since,
        the stored summary is served, with today's ruleset texts filled in by intervention
        id, and ``exact`` says so.
        """
        row = self.store.get_evaluation(evaluation_id, who)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        case = parse(json.loads(row.input_json))
        advisor = self._advisor_of(row)
        if advisor is None:
            current = self.advisor.bundle(row.municipality, row.reference_date)
            stored = with_ruleset_texts(json.loads(stored_advice(row)), current)
            body = json.dumps(stored, ensure_ascii=False).encode("utf-8")
            return Reviewed(Served(row.id, self._respond(row, body)), case, False)
        full = self._advise(advisor, case, row.municipality, row.reference_date, "full")
        return Reviewed(Served(row.id, self._respond(row, full)), case, True)

    def memo(self, evaluation_id: str, who: Actor) -> str:
        """The Dutch memo of a stored evaluation, from its stored input and the same bundle."""
        row = self.store.get_evaluation(evaluation_id, who)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        advisor = self._same_bundle(row)
        case = parse(json.loads(row.input_json))
        return memo(self._assess(advisor, case, row.municipality, row.reference_date), case)

    def _advisor_of(self, row: EvaluationRow) -> AdvisorLike | None:
        """The rules ``row`` was made with, or None if that bundle was never kept."""
        return self.rules.advisor_for(row.municipality, row.reference_date, row.ruleset_sha256)

    def _same_bundle(self, row: EvaluationRow) -> AdvisorLike:
        advisor = self._advisor_of(row)
        if advisor is None:
            raise Conflict(
                "De rulesets zijn gewijzigd sinds deze beoordeling, die is gemaakt voordat "
                "de dienst de gebruikte rulesets bewaarde; de volledige uitleg is daarom niet "
                "exact te herleiden. De samenvatting is opgeslagen en blijft beschikbaar; "
                "POST /replay laat zien wat er nu anders uitkomt."
            )
        return advisor

    def _respond(self, row: EvaluationRow, advice: bytes) -> bytes:
        return _splice(
            advice,
            id=json.dumps(row.id).encode("ascii"),
            evaluation=meta(row).model_dump_json().encode("utf-8"),
            decisions=_DECISIONS.dump_json(decisions_out(row.decisions)),
            verification=_verification_json(row.verification),
        )

    def replay(self, evaluation_id: str, who: Actor) -> ReplayOut:
        row = self.store.find_evaluation(evaluation_id, who.municipality)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        result = self._replay(row)
        self.store.record_replay(
            evaluation_id,
            who,
            {
                "identical": result.identical,
                "differences": len(result.differences),
                "ruleset_changed": result.ruleset_changed,
                "current_ruleset_sha256": result.current_ruleset_sha256,
            },
        )
        return result

    def _replay(self, row: EvaluationRow) -> ReplayOut:
        stored = json.loads(stored_advice(row))
        case = parse(json.loads(row.input_json))
        # The same question as the first time: the requested municipality (else the case's)
        # and date; only a run that fell back on "today" is pinned to the date it used then.
        date = row.requested_reference_date or case.case.reference_date or row.reference_date
        kept = self._advisor_of(row)
        advice = self._advise(
            kept or self.advisor, case, row.requested_municipality, date, "summary"
        )
        current = self.advisor.bundle(row.municipality, row.reference_date)
        found = differences(stored, json.loads(advice))
        stored_files = {(r["path"], r["sha256"]) for r in row.rulesets}
        current_files = {(r["path"], r["sha256"]) for r in bundle_refs(current)}
        changed = sorted({path for path, _ in stored_files ^ current_files})
        ruleset_changed = current.sha256 != row.ruleset_sha256
        message = (
            "De herhaling geeft precies hetzelfde advies."
            if not found
            else f"De herhaling wijkt op {len(found)} plaats(en) af van het opgeslagen advies."
        )
        if ruleset_changed and kept is not None:
            message += (
                " De rulesets zijn gewijzigd sinds deze beoordeling"
                f" (sha256 {row.ruleset_sha256[:12]}… nu {current.sha256[:12]}…); herhaald is"
                " met de bewaarde rulesets van toen (GET /v1/rulesets/"
                f"{row.ruleset_sha256})."
            )
        elif ruleset_changed:
            message += (
                " Let op: de rulesets zijn gewijzigd sinds deze beoordeling"
                f" (sha256 {row.ruleset_sha256[:12]}… nu {current.sha256[:12]}…), en die van"
                " toen zijn niet bewaard; herhaald is met de huidige."
            )
        if self.engine_version != row.engine_version:
            message += f" De engine is nu versie {self.engine_version}, was {row.engine_version}."
        return ReplayOut(
            evaluation_id=row.id,
            identical=not found,
            differences=[
                DifferenceOut(path=d.path, stored=d.stored, replayed=d.replayed) for d in found
            ],
            differences_truncated=len(found) >= 200,
            input_sha256=row.input_sha256,
            input_intact=sha256_text(row.input_json) == row.input_sha256,
            municipality=row.municipality,
            reference_date=row.reference_date,
            stored_ruleset_sha256=row.ruleset_sha256,
            current_ruleset_sha256=current.sha256,
            ruleset_changed=ruleset_changed,
            changed_rulesets=changed,
            stored_engine_version=row.engine_version,
            current_engine_version=self.engine_version,
            message=message,
        )

    def decide(self, evaluation_id: str, decision: DecisionIn, who: Actor) -> DecisionOut:
        """Record the one decision, only on an advice that durable-rules agreed with.

        A change is a new decision that names the current one in ``withdraws``; an
        intervention chosen without a satisfied legal basis needs its own motivation.
        """
        row = self.store.find_evaluation(evaluation_id, who.municipality)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        status = {
            i["id"]: i.get("legal_basis", {}).get("status")
            for i in json.loads(stored_advice(row)).get("interventions", [])
        }
        errors = [
            FieldProblem(
                path=f"$.interventions[{n}]",
                message=f"interventie '{ident}' komt niet voor in dit advies",
            )
            for n, ident in enumerate(decision.interventions)
            if ident not in status
        ]
        seen: set[str] = set()
        for n, ident in enumerate(decision.interventions):
            if ident in seen:
                errors.append(
                    FieldProblem(
                        path=f"$.interventions[{n}]",
                        message=f"interventie '{ident}' staat er twee keer in",
                    )
                )
            seen.add(ident)
        if decision.decision != "reject" and not decision.interventions:
            errors.append(
                FieldProblem(
                    path="$.interventions",
                    message="kies bij accept of adjust minstens één interventie",
                )
            )
        unfounded = [
            ident
            for ident in decision.interventions
            if ident in status and status[ident] != "satisfied"
        ]
        if decision.decision != "reject" and unfounded and not decision.legal_basis_motivation:
            errors.append(
                FieldProblem(
                    path="$.legal_basis_motivation",
                    message="de grondslag is niet vervuld voor "
                    + ", ".join(f"'{i}'" for i in unfounded)
                    + "; motiveer waarom deze interventie(s) toch worden gekozen",
                )
            )
        if errors:
            raise InvalidInput("; ".join(f"{e.path}: {e.message}" for e in errors), errors)
        verification = self.verifier.ensure(row)
        if verification.status != "agreed":
            raise NotVerified(
                "durable-rules, de onafhankelijke tweede lezing, komt voor deze beoordeling tot "
                "een andere uitkomst dan de evaluator; een besluit kan er daarom niet op rusten. "
                "Dit is een fout in de engine of de rulesets, geen juridische uitkomst: meld "
                "het aan de beheerder. Verschillen: " + "; ".join(verification.differences[:5])
            )
        try:
            stored = self.store.add_decision(
                evaluation_id,
                NewDecision(
                    decision=decision.decision.value,
                    interventions=decision.interventions,
                    motivation=decision.motivation,
                    decided_by=decision.decided_by,
                    withdraws=decision.withdraws,
                    legal_basis_motivation=decision.legal_basis_motivation
                    if decision.decision != "reject" and unfounded
                    else None,
                ),
                who,
            )
        except DecisionExists as exc:
            raise Conflict(
                f"Over deze beoordeling is al besloten (besluit {exc.current}). Een ander "
                f'besluit trekt dat in: stuur het opnieuw met "withdraws": "{exc.current}".'
            ) from None
        except NothingToWithdraw as exc:
            current = (
                f"het geldende besluit is {exc.current}"
                if exc.current
                else "er is nog geen besluit"
            )
            raise Conflict(
                f"'withdraws' noemt {decision.withdraws}, maar {current}; "
                "alleen het geldende besluit kan worden ingetrokken."
            ) from None
        if stored is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        return decision_out(stored)


def _not_own(municipality: str, who: Actor) -> FieldProblem | None:
    if municipality.strip().lower() == who.municipality:
        return None
    return FieldProblem(
        path="$.case.municipality",
        message=f"de casus hoort bij gemeente '{municipality}', u bent aangemeld voor "
        f"'{who.municipality}'",
    )


def own_municipality(municipality: str, who: Actor) -> None:
    """A case of another municipality is refused with the field that says so."""
    problem = _not_own(municipality, who)
    if problem is not None:
        raise InvalidInput(f"{problem.path}: {problem.message}", [problem])


def municipality_problems(
    known: list[str], requested: str | None, home: str | None, who: Actor
) -> list[FieldProblem]:
    """What is wrong with the municipalities of a request: a case of another municipality
    than the user's, a policy that does not exist (named where it was named: query or
    case)."""
    not_own = None if home is None else _not_own(home, who)
    found = [] if not_own is None else [not_own]
    if requested is None and (home is None or not_own is not None):
        return found  # whether another municipality has a policy is not this user's concern
    refused = unknown_municipality(known, requested, home or "", f"?gemeente={NATIONAL}")
    if refused:
        found.append(
            FieldProblem(path="gemeente", message=refused, location="query")
            if requested
            else FieldProblem(path="$.case.municipality", message=refused)
        )
    return found


def _refused(errors: list[FieldProblem], prefix: str = "") -> InvalidInput:
    return InvalidInput(prefix + "; ".join(f"{e.path}: {e.message}" for e in errors[:5]), errors)


def _too_slow(exc: DeadlineExceeded) -> TooSlow:
    return TooSlow(
        f"De beoordeling is na {exc.seconds:g} seconden gestopt; er is niets opgeslagen. "
        "Maak de casus kleiner (bijvoorbeeld per pand of per tak van de familie) of "
        "vraag de beheerder de termijn (AFWEGING_DEADLINE_SECONDS) te verruimen."
    )
