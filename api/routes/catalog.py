"""The rulesets and the interventions they define, per municipality and date."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated

from fastapi import APIRouter, Query

from api import problems
from api.deps import CatalogReader, State
from api.provenance import bundle_refs
from api.schemas import (
    BundleInfo,
    InterventionInfo,
    InterventionList,
    RulesetFileRef,
    RulesetInfoOut,
    RulesetList,
)
from engine.explain.render import fixed_texts, overrides, questions

router = APIRouter(prefix="/v1", tags=["rulesets"], responses=problems.responses(401, 403, 429))


@router.get(
    "/interventions",
    response_model=InterventionList,
    summary="Interventies die gelden voor een gemeente op een datum",
    responses=problems.responses(422),
)
def list_interventions(
    app: State,
    _who: CatalogReader,
    gemeente: Annotated[
        str | None,
        Query(max_length=200, description="Gemeente; zonder: alleen de landelijke regels."),
    ] = None,
    peildatum: Annotated[
        dt.date | None, Query(description="Peildatum (JJJJ-MM-DD); standaard vandaag.")
    ] = None,
) -> InterventionList:
    """De bundel (landelijke wet, informele acties, laag van de gemeente) en haar interventies,
    met alles wat de ruleset vastlegt: de samenvatting van een advies verwijst hierheen met
    het interventie-id (vraag met de gemeente en peildatum van het advies en vergelijk de
    sha256 van de bundel)."""
    date = peildatum or dt.date.today()
    bundle = app.service.bundle(gemeente, date)
    origin = {
        itv.id: f.ruleset.id
        for f in app.service.catalog.files
        for itv in f.ruleset.interventions
        if f.doc.path in {r.path for r in bundle.rulesets}
    }
    items = [
        InterventionInfo.model_validate(
            {
                **fixed_texts(itv),
                "ruleset": origin.get(itv.id),
                "goals": sorted({f.goal for f in itv.desirability if f.goal}),
            }
        )
        for itv in bundle.interventions
    ]
    return InterventionList(
        municipality=bundle.municipality,
        reference_date=date,
        ruleset=BundleInfo(id=bundle.id, version=bundle.version, sha256=bundle.sha256),
        rulesets=[RulesetFileRef.model_validate(r) for r in bundle_refs(bundle)],
        overrides=overrides(bundle),
        questions=questions(bundle),
        interventions=items,
    )


@router.get("/rulesets", response_model=RulesetList, summary="Alle geladen rulesets")
def list_rulesets(app: State, _who: CatalogReader) -> RulesetList:
    """Id, versie, geldigheid en sha256 van elk ruleset-bestand."""
    rules = app.service.rules
    catalog = rules.current().catalog
    items = [
        RulesetInfoOut(
            id=f.ruleset.id,
            title=f.ruleset.title,
            kind=str(f.ruleset.kind),
            issuer=f.ruleset.issuer,
            version=f.ruleset.version,
            valid_from=f.ruleset.valid_from,
            valid_to=f.ruleset.valid_to,
            municipality=f.ruleset.municipality,
            path=f.doc.path,
            sha256=hashlib.sha256(f.doc.text.encode()).hexdigest(),
            interventions=[i.id for i in f.ruleset.interventions],
        )
        for f in sorted(catalog.files, key=lambda f: (f.ruleset.id, f.ruleset.valid_from))
    ]
    return RulesetList(sha256=rules.sha256, municipalities=catalog.municipalities, rulesets=items)
