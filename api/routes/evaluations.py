"""Evaluations: a case in, the advice out and stored; replay; the decision on an advice."""

# No ``from __future__ import annotations``: FastAPI must see the request examples,
# which are built when the app is created, inside the route annotations.

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response, status
from pydantic import SkipValidation

from api import problems
from api.deps import AppState, Limit, Offset, State, User
from api.evaluation import canonical_json, differences, parse, sha256_text
from api.problems import FieldProblem, InvalidInput, NotFound
from api.schemas import (
    DecisionIn,
    DecisionOut,
    DifferenceOut,
    EvaluationMeta,
    EvaluationOut,
    EvaluationPage,
    EvaluationSummary,
    ReplayOut,
    RulesetFileRef,
)
from api.store.models import DecisionRow, EvaluationRow
from api.store.repository import NewDecision, NewEvaluation
from engine.case.models import Case

Gemeente = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Gemeente waarvan het beleid geldt; standaard die uit de casus.",
    ),
]
Peildatum = Annotated[
    dt.date | None,
    Query(description="Peildatum (JJJJ-MM-DD); standaard die uit de casus, anders vandaag."),
]


def decision_out(row: DecisionRow) -> DecisionOut:
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
        }
    )


def evaluation_out(row: EvaluationRow) -> EvaluationOut:
    advice = json.loads(row.advice_json)
    meta = EvaluationMeta(
        created_at=row.created_at,
        created_by=row.created_by,
        case_ref=row.case_id,
        requested_municipality=row.requested_municipality,
        requested_reference_date=row.requested_reference_date,
        input_sha256=row.input_sha256,
        advice_sha256=row.advice_sha256,
        ruleset_sha256=row.ruleset_sha256,
        rulesets=[RulesetFileRef.model_validate(r) for r in row.rulesets],
        engine_version=row.engine_version,
    )
    return EvaluationOut.model_validate(
        {
            **advice,
            "id": row.id,
            "evaluation": meta,
            "decisions": [decision_out(d) for d in row.decisions],
        }
    )


def evaluate(
    app: AppState,
    data: object,
    who: str,
    gemeente: str | None,
    peildatum: dt.date | None,
    case_id: str | None = None,
) -> EvaluationRow:
    """Validate, advise (outside any transaction), then store advice and audit row at once."""
    case = parse(data)
    outcome = app.evaluator.run(case, gemeente, peildatum)
    input_json = canonical_json(data)
    advice = outcome.advice
    return app.store.add_evaluation(
        NewEvaluation(
            case_key=case.case.id,
            case_id=case_id,
            municipality=advice.municipality,
            reference_date=advice.reference_date,
            requested_municipality=gemeente,
            requested_reference_date=peildatum,
            input_json=input_json,
            input_sha256=sha256_text(input_json),
            advice_json=outcome.advice_json,
            advice_sha256=sha256_text(outcome.advice_json),
            ruleset_id=advice.ruleset.id,
            ruleset_version=advice.ruleset.version,
            ruleset_sha256=advice.ruleset.sha256,
            rulesets=outcome.rulesets,
            engine_version=advice.engine_version,
        ),
        who,
    )


def _summary(row: EvaluationRow) -> EvaluationSummary:
    last = row.decisions[-1].decision if row.decisions else None
    return EvaluationSummary.model_validate(
        {
            "id": row.id,
            "case_key": row.case_key,
            "case_ref": row.case_id,
            "municipality": row.municipality,
            "reference_date": row.reference_date,
            "ruleset_sha256": row.ruleset_sha256,
            "engine_version": row.engine_version,
            "created_at": row.created_at,
            "created_by": row.created_by,
            "decision": last,
        }
    )


def _replay(app: AppState, row: EvaluationRow) -> ReplayOut:
    stored = json.loads(row.advice_json)
    data = json.loads(row.input_json)
    case = parse(data)
    # The same question as the first time: the requested municipality (else the case's)
    # and date; only a run that fell back on "today" is pinned to the date it used then.
    date = row.requested_reference_date or case.case.reference_date or row.reference_date
    outcome = app.evaluator.run(case, row.requested_municipality, date)
    current = app.evaluator.bundle(row.municipality, row.reference_date)
    municipality = row.municipality
    replayed = json.loads(outcome.advice_json)
    found = differences(stored, replayed)
    stored_files = {(r["path"], r["sha256"]) for r in row.rulesets}
    current_files = {(r["path"], r["sha256"]) for r in outcome.rulesets}
    changed = sorted({path for path, _ in stored_files ^ current_files})
    ruleset_changed = current.sha256 != row.ruleset_sha256
    engine_version = app.evaluator.engine_version
    if not found:
        message = "De herhaling geeft precies hetzelfde advies."
    else:
        message = f"De herhaling wijkt op {len(found)} plaats(en) af van het opgeslagen advies."
    if ruleset_changed:
        message += (
            " Let op: de rulesets zijn gewijzigd sinds deze beoordeling"
            f" (sha256 {row.ruleset_sha256[:12]}… nu {current.sha256[:12]}…)."
        )
    if engine_version != row.engine_version:
        message += f" De engine is nu versie {engine_version}, was {row.engine_version}."
    return ReplayOut(
        evaluation_id=row.id,
        identical=not found,
        differences=[
            DifferenceOut(path=d.path, stored=d.stored, replayed=d.replayed) for d in found
        ],
        differences_truncated=len(found) >= 200,
        input_sha256=row.input_sha256,
        input_intact=sha256_text(row.input_json) == row.input_sha256,
        municipality=municipality,
        reference_date=row.reference_date,
        stored_ruleset_sha256=row.ruleset_sha256,
        current_ruleset_sha256=current.sha256,
        ruleset_changed=ruleset_changed,
        changed_rulesets=changed,
        stored_engine_version=row.engine_version,
        current_engine_version=engine_version,
        message=message,
    )


def router(examples: dict[str, dict[str, Any]]) -> APIRouter:
    api = APIRouter(prefix="/v1/evaluations", tags=["beoordelingen"])

    CaseBody = Annotated[
        SkipValidation[Case],
        Body(
            title="Case",
            description="De casus (JSON). Fouten komen terug als 422 met het JSON-pad per veld.",
            openapi_examples=examples or None,
        ),
    ]

    @api.post(
        "",
        status_code=status.HTTP_201_CREATED,
        response_model=EvaluationOut,
        summary="Beoordeel een casus",
        responses=problems.responses(400, 413, 422),
    )
    def create_evaluation(
        case: CaseBody,
        app: State,
        who: User,
        response: Response,
        gemeente: Gemeente = None,
        peildatum: Peildatum = None,
    ) -> EvaluationOut:
        """Weeg elke interventie voor de casus en sla het advies op; het antwoord heeft een `id`."""
        row = evaluate(app, case, who, gemeente, peildatum)
        response.headers["Location"] = f"/v1/evaluations/{row.id}"
        return evaluation_out(row)

    @api.get("", response_model=EvaluationPage, summary="Lijst van beoordelingen")
    def list_evaluations(
        app: State,
        who: User,
        limit: Limit = 20,
        offset: Offset = 0,
        case_key: Annotated[
            str | None, Query(max_length=200, description="Alleen dit casuskenmerk.")
        ] = None,
        case_ref: Annotated[
            str | None, Query(max_length=36, description="Alleen deze opgeslagen casus.")
        ] = None,
    ) -> EvaluationPage:
        """Nieuwste eerst."""
        rows, total = app.store.list_evaluations(who, limit, offset, case_key, case_ref)
        return EvaluationPage(
            items=[_summary(r) for r in rows], total=total, limit=limit, offset=offset
        )

    @api.get(
        "/{evaluation_id}",
        response_model=EvaluationOut,
        summary="Een opgeslagen beoordeling",
        responses=problems.responses(404),
    )
    def get_evaluation(evaluation_id: str, app: State, who: User) -> EvaluationOut:
        """Het opgeslagen advies met herkomst (rulesets, engine, invoer-hash) en besluiten."""
        row = app.store.get_evaluation(evaluation_id, who)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        return evaluation_out(row)

    @api.post(
        "/{evaluation_id}/replay",
        response_model=ReplayOut,
        summary="Herhaal een beoordeling",
        responses=problems.responses(404),
    )
    def replay_evaluation(evaluation_id: str, app: State, who: User) -> ReplayOut:
        """Beoordeel de opgeslagen invoer opnieuw met dezelfde gemeente en peildatum.

        Meldt `identical: true` of de verschillen per JSON-pad, en of de rulesets sinds
        de beoordeling zijn gewijzigd (andere sha256).
        """
        row = app.store.find_evaluation(evaluation_id)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        result = _replay(app, row)
        app.store.record_replay(
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

    @api.post(
        "/{evaluation_id}/decision",
        status_code=status.HTTP_201_CREATED,
        response_model=DecisionOut,
        summary="Leg het besluit over een advies vast",
        responses=problems.responses(400, 404, 413, 422),
    )
    def decide(evaluation_id: str, decision: DecisionIn, app: State, who: User) -> DecisionOut:
        """Overnemen (accept), aanpassen (adjust) of niet volgen (reject), met motivering.

        Elke gekozen interventie moet in het advies voorkomen; bij accept en adjust is er
        minstens één nodig.
        """
        row = app.store.find_evaluation(evaluation_id)
        if row is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        known = {i["id"] for i in json.loads(row.advice_json).get("interventions", [])}
        errors = [
            FieldProblem(
                path=f"$.interventions[{n}]",
                message=f"interventie '{ident}' komt niet voor in dit advies",
            )
            for n, ident in enumerate(decision.interventions)
            if ident not in known
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
        if errors:
            raise InvalidInput("; ".join(f"{e.path}: {e.message}" for e in errors), errors)
        stored = app.store.add_decision(
            evaluation_id,
            NewDecision(
                decision=decision.decision.value,
                interventions=decision.interventions,
                motivation=decision.motivation,
                decided_by=decision.decided_by,
            ),
            who,
        )
        if stored is None:
            raise NotFound(f"Geen beoordeling met id '{evaluation_id}'.")
        return decision_out(stored)

    return api
