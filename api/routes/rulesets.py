"""Ruleset versions: a stored bundle by its sha256, loading a new version without a
restart, and the impact of a proposed version on the municipality's cases."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Header, Path, Response

from api import problems
from api.deps import CatalogReader, PolicyOfficer, State
from api.impact import ImpactService
from api.middleware import ParsedOnce
from api.negotiation import choose
from api.problems import NotFound
from api.schemas import (
    SHA256_PATTERN,
    ImpactIn,
    ReloadOut,
    StoredRulesetFile,
    StoredRulesets,
)
from engine.impact.report import Format, ImpactReport, render

router = APIRouter(
    route_class=ParsedOnce,
    prefix="/v1",
    tags=["rulesets"],
    responses=problems.responses(401, 403, 429),
)

Sha256 = Annotated[
    str,
    Path(
        pattern=SHA256_PATTERN,
        description="sha256 van een bundel (`ruleset.sha256` in een advies) of van een map.",
    ),
]


@router.get(
    "/rulesets/{sha256}",
    response_model=StoredRulesets,
    summary="Een bewaarde ruleset-versie, met haar bestanden",
    responses=problems.responses(404, 422),
)
def stored_rulesets(app: State, _who: CatalogReader, sha256: Sha256) -> StoredRulesets:
    """De bestanden precies zoals ze gebruikt zijn: elke bundel waarmee een beoordeling is
    gemaakt en elke geladen rulesets-map wordt bewaard, per bestand met zijn sha256."""
    rules = app.service.rules
    stored = rules.bundles.get(sha256)
    if stored is None:
        raise NotFound(f"Geen bewaarde rulesets met sha256 {sha256}.")
    return StoredRulesets(
        sha256=stored.sha256,
        kind=stored.kind,
        created_at=stored.created_at,
        in_force=stored.sha256 == rules.sha256,
        files=[
            StoredRulesetFile(
                path=path,
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                content=data.decode("utf-8"),
            )
            for path, data in sorted(stored.files.items())
        ],
    )


@router.post(
    "/rulesets/reload",
    response_model=ReloadOut,
    summary="Een nieuwe versie van de rulesets laden, zonder herstart",
    responses=problems.responses(422),
)
def reload(app: State, who: PolicyOfficer) -> ReloadOut:
    """Leest de rulesets-map van de dienst opnieuw en controleert haar. Is ze geldig, dan
    geldt ze meteen in dit werkproces en binnen enkele seconden in alle andere
    (AFWEGING_RULESETS_CHECK_SECONDS); het laden komt in het auditlog. Is ze ongeldig,
    dan blijven de oude rulesets gelden en noemt de fout per probleem bestand, regel en
    kolom."""
    loaded = app.service.rules.reload(who)
    changed = loaded.previous != loaded.load.sha256
    message = (
        f"Geladen: {len(loaded.changed_files)} bestand(en) gewijzigd; de nieuwe rulesets "
        "gelden voor nieuwe beoordelingen. Bestaande beoordelingen houden hun eigen rulesets."
        if changed
        else "Geladen; er is niets gewijzigd."
    )
    return ReloadOut(
        sha256=loaded.load.sha256,
        previous_sha256=loaded.previous,
        changed=changed,
        changed_files=loaded.changed_files,
        files=loaded.files,
        loaded_at=loaded.load.loaded_at,
        loaded_by=loaded.load.loaded_by,
        message=message,
    )


IMPACT_OFFERED: dict[str, Format] = {
    "application/json": "json",
    "application/*": "json",
    "*/*": "json",
    "text/html": "html",
    "text/markdown": "markdown",
    "text/*": "html",
}
IMPACT_FORMS = {
    "content": {
        "text/html": {"schema": {"type": "string"}},
        "text/markdown": {"schema": {"type": "string"}},
    }
}


@router.post(
    "/impact",
    response_model=ImpactReport,
    summary="Impact van een voorgestelde ruleset-versie op de casussen van de gemeente",
    responses={200: IMPACT_FORMS, **problems.responses(400, 404, 413, 422, 503)},
)
def impact(
    app: State,
    who: PolicyOfficer,
    given: ImpactIn,
    accept: Annotated[
        str | None,
        Header(description="`application/json` (standaard), `text/html` of `text/markdown`."),
    ] = None,
) -> Response:
    """Beoordeelt elke opgeslagen casus van uw gemeente onder de huidige rulesets (of
    `basis`) en onder het voorstel, en geeft per interventie wat er verandert. Casussen
    staan er alleen onder een pseudoniem in; begrensd in aantal casussen
    (AFWEGING_IMPACT_MAX_CASES) en tijd (AFWEGING_IMPACT_DEADLINE_SECONDS)."""
    report = ImpactService(app.service.rules, app.store, app.settings).run(given, who)
    form = choose(accept, IMPACT_OFFERED, "json")
    if form == "json":
        return Response(report.model_dump_json(), media_type="application/json")
    return Response(render(report, form), media_type=f"text/{form}; charset=utf-8")
