"""The ``afweging`` command: validate rulesets, print the schema, evaluate a case, serve.

Exit codes are part of the interface: 0 valid/ok, 1 invalid rulesets (or an advice that
durable-rules, the second reading, did not confirm), 2 bad input.
Errors go to stderr as one readable line each, never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

import engine
from api.auth.cli import app as accounts
from api.store.cli import audit, cases, retention
from engine.ruleset import bundle, cause, locate
from engine.ruleset.models import json_schema
from engine.ruleset.source import Diagnostic

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Afwegingskader: bestuurlijke interventies wikken en wegen.",
    pretty_exceptions_enable=False,
)
app.add_typer(accounts, name="gebruiker")
app.add_typer(audit, name="audit")
app.add_typer(retention, name="bewaartermijn")
app.add_typer(cases, name="casus")


def _version(show: bool) -> None:
    if show:
        typer.echo(f"afweging {engine.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie."),
    ] = False,
) -> None:
    """Afwegingskader: bestuurlijke interventies wikken en wegen."""


def rulesets_folder(given: Path | None) -> Path:
    """The folder a command uses, said on stderr; the bundled one wherever the command
    is started from, unless another is given."""
    if given is not None:
        if not given.is_dir():
            typer.echo(f"rulesets: map '{given}' bestaat niet", err=True)
            raise typer.Exit(2)
        typer.echo(f"rulesets: {given}", err=True)
        return given
    found = locate.bundled()
    if found is None:
        typer.echo(
            f"rulesets: de meegeleverde map is niet gevonden (verwacht: {locate.BUNDLED}); "
            "geef een map op met --rulesets",
            err=True,
        )
        raise typer.Exit(2)
    typer.echo(f"rulesets: {found} (meegeleverd)", err=True)
    return found


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Bestanden of mappen (standaard de meegeleverde rulesets)."),
    ] = None,
) -> None:
    """Controleer rulesets; één regel 'pad:regel:kolom: melding' per fout, de oorzaak eerst."""
    targets = paths or [rulesets_folder(None)]
    existing = [p for p in targets if p.exists()]
    files = bundle.ruleset_paths(existing)
    found = [
        Diagnostic(str(p), 1, 1, "bestand of map bestaat niet") for p in targets if not p.exists()
    ]
    found += [
        Diagnostic(str(p), 1, 1, "geen ruleset-bestanden (*.yaml, *.yml) in deze map")
        for p in existing
        if p.is_dir() and not bundle.ruleset_paths([p])
    ]
    # References resolve against the rulesets folder a file belongs to (a copy against
    # itself), or the bundled rulesets for a loose new file.
    context = locate.context_for(existing)
    for root in context:
        typer.echo(f"verwijzingen ook gezocht in: {root}", err=True)
    if files:
        found += bundle.check(existing, context or None)
    groups = cause.group(found)
    for d in cause.ordered(groups):
        typer.echo(str(d))
    if found:
        count = len({d.path for d in found})
        knock_on = sum(len(g.knock_on) for g in groups)
        tail = f", waarvan {knock_on} gevolgfout(en): los eerst de bovenste op" if knock_on else ""
        typer.echo(f"{len(found)} fout(en) in {count} bestand(en){tail}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{len(files)} ruleset-bestand(en) geldig", err=True)


@app.command()
def schema(
    casus: Annotated[
        bool, typer.Option("--casus", help="Het schema van casusbestanden in plaats van rulesets.")
    ] = False,
) -> None:
    """Print het JSON Schema van ruleset-bestanden of casussen (gegenereerd uit de modellen)."""
    from engine.case.schema import case_schema

    document = case_schema() if casus else json_schema()
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


def default_workers() -> int:
    """One worker per core this process may run on (a container may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Adres om op te luisteren.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Poort.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            envvar="AFWEGING_WORKERS",
            help="Aantal werkprocessen (standaard één per processorkern).",
        ),
    ] = None,
) -> None:
    """Start de API en de reviewpagina's in bewaakte werkprocessen."""
    from uvicorn import Config
    from uvicorn.supervisors import Multiprocess

    from api.settings import Settings

    # A wrong setting stops the start here with one line, instead of a traceback in
    # every worker.
    try:
        Settings.from_env()
    except ValueError as exc:
        typer.echo(f"instellingen: {exc}", err=True)
        raise typer.Exit(2) from None
    # uvicorn's supervisor replaces a worker that dies (a crash in the native rule engine,
    # an out-of-memory kill) or stops answering its health ping, so one bad case never
    # takes the service down. uvicorn.run would run a single worker in-process, without
    # that supervisor; so the supervisor is started directly, for any number of workers.
    # uvloop and httptools (dependencies) are picked up by uvicorn's "auto" loop and HTTP
    # parser; the access line is the service's own (api/logs.py), without query strings.
    config = Config(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers or default_workers(),
        access_log=False,
    )
    Multiprocess(config, sockets=[config.bind_socket()]).run()


class Format(StrEnum):
    json = "json"
    text = "text"


@app.command()
def evaluate(
    case: Annotated[Path, typer.Argument(help="Casusbestand (YAML of JSON).")],
    gemeente: Annotated[
        str | None,
        typer.Option(
            help="Gemeente waarvan het beleid geldt (standaard: uit de casus); "
            "'landelijk' voor alleen de landelijke regels."
        ),
    ] = None,
    peildatum: Annotated[str | None, typer.Option(help="Peildatum JJJJ-MM-DD.")] = None,
    format: Annotated[Format, typer.Option(help="json of text.")] = Format.json,
    rulesets: Annotated[
        Path | None, typer.Option(help="Map met rulesets (standaard de meegeleverde).")
    ] = None,
) -> None:
    """Beoordeel een casus en print het advies."""
    from engine.advise import Advisor
    from engine.case.limits import CaseLimits, env_name, exceeded
    from engine.case.read import CaseError, read_case
    from engine.contract import Verification, VerificationStatus
    from engine.explain.memo import memo

    if not case.exists():
        typer.echo(f"{case}: bestand bestaat niet", err=True)
        raise typer.Exit(2)
    date = None
    if peildatum is not None:
        try:
            date = dt.date.fromisoformat(peildatum)
        except ValueError:
            typer.echo(f"--peildatum: '{peildatum}' is geen datum (gebruik JJJJ-MM-DD)", err=True)
            raise typer.Exit(2) from None
    try:
        parsed = read_case(case)
    except CaseError as exc:
        for problem in exc.problems:
            typer.echo(f"{exc.origin}: {problem}", err=True)
        # Every mistake at once: a misspelt municipality too, not in a second round.
        refused = _unknown_policy(case, gemeente, rulesets)
        if refused:
            typer.echo(refused, err=True)
        raise typer.Exit(2) from None
    try:
        limits = CaseLimits.from_env(os.environ)
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    # Refused before the rulesets are even loaded: an oversized case costs nothing.
    too_large = exceeded(parsed, limits)
    for over in too_large:
        typer.echo(
            f"{case}: {over} (in te stellen met {env_name(over.collection)})",
            err=True,
        )
    if too_large:
        raise typer.Exit(2)
    try:
        advisor = Advisor.from_directory(rulesets_folder(rulesets))
    except bundle.RulesetError as exc:
        for d in exc.diagnostics:
            typer.echo(str(d), err=True)
        typer.echo("De rulesets zijn ongeldig; controleer ze met 'afweging validate'.", err=True)
        raise typer.Exit(1) from None
    refused = _refused_policy(
        advisor.catalog.municipalities, case, gemeente, parsed.case.municipality
    )
    if refused:
        typer.echo(refused, err=True)
        raise typer.Exit(2)
    # At a terminal the second reading runs at once: the person sees agreed or mismatch.
    checked = advisor.verify(parsed, gemeente, date)
    if format is Format.text:
        typer.echo(memo(advisor.assess(parsed, gemeente, date), parsed))
    else:
        # At a terminal there is no catalog to look the ruleset texts up in: the full form.
        advice = advisor.advise(parsed, gemeente, date, detail="full").model_copy(
            update={
                "verification": Verification(
                    engine=checked.engine,
                    status=VerificationStatus(checked.status.value),
                    differences=list(checked.differences),
                )
            }
        )
        typer.echo(advice.model_dump_json(indent=2))
    if checked.differences:
        typer.echo(
            f"{checked.engine} komt tot een andere uitkomst dan de evaluator; dit advies is "
            "niet bevestigd en mag geen besluit dragen. Meld het aan de beheerder: "
            + "; ".join(checked.differences[:5]),
            err=True,
        )
        raise typer.Exit(1)


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    json = "json"


@app.command()
def impact(
    basis: Annotated[
        str,
        typer.Option(
            help="De huidige regels: een map met rulesets, of een git-versie (bijv. main of "
            "een commit) waarvan de map rulesets/ wordt genomen."
        ),
    ],
    voorstel: Annotated[Path, typer.Option(help="Map met de voorgestelde rulesets.")],
    casussen: Annotated[
        Path,
        typer.Option(
            help="Map met casusbestanden (YAML of JSON). De opgeslagen casussen van de "
            "service als bron volgen later, met de API."
        ),
    ],
    formaat: Annotated[
        ReportFormat, typer.Option(help="html, markdown of json.")
    ] = ReportFormat.html,
    uit: Annotated[
        Path | None, typer.Option(help="Schrijf het rapport naar dit bestand (standaard: scherm).")
    ] = None,
    repository: Annotated[
        Path, typer.Option(help="Git-repository voor een git-versie als basis.")
    ] = Path("."),
) -> None:
    """Wat verandert er aan het advies als het voorstel de basis vervangt? Elke casus wordt
    onder beide beoordeeld (op alle processorkernen); het rapport noemt per interventie wat
    verandert, in hoeveel casussen (onder pseudoniem) en welke voorwaarde de doorslag gaf."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from engine.impact.report import render
    from engine.impact.run import ImpactError, read_corpus, rulesets_at, run

    if not voorstel.is_dir():
        typer.echo(f"--voorstel: map '{voorstel}' bestaat niet", err=True)
        raise typer.Exit(2)
    try:
        corpus = read_corpus(casussen)
        with (
            rulesets_at(basis, repository) as basis_folder,
            Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=_stderr_console(),
                transient=True,
            ) as bar,
        ):
            task = bar.add_task("casussen beoordelen", total=0)

            class _Bar:
                def add(self, total: int) -> None:
                    bar.update(task, total=(bar.tasks[0].total or 0) + total)

                def advance(self, done: int) -> None:
                    bar.advance(task, done)

            report = run(
                basis_folder,
                voorstel,
                corpus,
                basis_label=basis,
                proposal_label=str(voorstel),
                progress=_Bar(),
            )
    except ImpactError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    except bundle.RulesetError as exc:
        for d in exc.diagnostics:
            typer.echo(str(d), err=True)
        typer.echo("De rulesets zijn ongeldig; controleer ze met 'afweging validate'.", err=True)
        raise typer.Exit(1) from None
    text = render(report, formaat.value)
    if uit is None:
        typer.echo(text, nl=False)
    else:
        uit.write_text(text, encoding="utf-8")
        typer.echo(f"rapport geschreven naar {uit}", err=True)
    typer.echo(
        f"{report.cases} casus(sen) beoordeeld, {len(report.changed_cases)} met een verschil",
        err=True,
    )


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def uitleg(
    interventie: Annotated[
        str, typer.Argument(help="Id van de interventie, bijv. I01 of I05-gebiedsverbod-172a.")
    ],
    gemeente: Annotated[
        str | None, typer.Option(help="Toon de regels zoals ze in deze gemeente gelden.")
    ] = None,
    peildatum: Annotated[
        str | None, typer.Option(help="Peildatum JJJJ-MM-DD (standaard vandaag).")
    ] = None,
    rulesets: Annotated[
        Path | None, typer.Option(help="Map met rulesets (standaard de meegeleverde).")
    ] = None,
) -> None:
    """Toon een interventie in gewone taal: voorwaarden, wetsartikelen met links,
    parameters (en welke gemeente wat anders zet) en de scenario's die haar toetsen."""
    from engine.ruleset.readable import explain
    from engine.scenarios.find import covering

    date = _date_option(peildatum) or dt.date.today()
    folder = rulesets_folder(rulesets)
    try:
        catalog = bundle.Catalog(folder)
    except bundle.RulesetError as exc:
        for d in exc.diagnostics:
            typer.echo(str(d), err=True)
        typer.echo("De rulesets zijn ongeldig; controleer ze met 'afweging validate'.", err=True)
        raise typer.Exit(1) from None
    municipalities = catalog.municipalities
    if gemeente is not None and gemeente.lower() not in [m.lower() for m in municipalities]:
        known = ", ".join(municipalities) or "geen"
        typer.echo(f"--gemeente: onbekende gemeente '{gemeente}' (bekend: {known})", err=True)
        raise typer.Exit(2)
    candidates = [gemeente] if gemeente else [None, *municipalities]
    for place in candidates:
        chosen = catalog.bundle(place, date)
        matches = [i for i in chosen.interventions if interventie in (i.id, i.id.split("-")[0])]
        if matches:
            break
    else:
        typer.echo(
            f"onbekende interventie '{interventie}' op {date.isoformat()}"
            + (f" in gemeente {gemeente}" if gemeente else ""),
            err=True,
        )
        raise typer.Exit(2)
    overrides = {m: catalog.bundle(m, date).overrides for m in municipalities}
    itv = matches[0]
    features = locate.PROJECT / "features"
    scenarios = [(c.feature, c.scenario) for c in covering(features, itv.id)]
    typer.echo("\n".join(explain(itv, chosen, overrides, scenarios)))


def _date_option(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        typer.echo(f"--peildatum: '{text}' is geen datum (gebruik JJJJ-MM-DD)", err=True)
        raise typer.Exit(2) from None


@app.command(name="test")
def run_scenarios(
    bestanden: Annotated[
        list[str] | None,
        typer.Argument(help="Alleen deze feature-bestanden (naam of begin van de naam)."),
    ] = None,
    gemeente: Annotated[
        str | None,
        typer.Option(help="Ook de scenario's van de gemeentelijke laag van deze gemeente."),
    ] = None,
    rulesets: Annotated[
        Path | None, typer.Option(help="Map met rulesets (standaard de meegeleverde).")
    ] = None,
) -> None:
    """Draai de Nederlandse scenario's (features/) van de landelijke regels en van één
    gemeente, en toon per scenario of het geslaagd is; exit 1 als er een mislukt."""
    from engine.scenarios.run import report, run

    folder = rulesets_folder(rulesets)
    if gemeente is not None:
        known = sorted(p.name for p in (folder / "gemeenten").glob("*") if p.is_dir())
        if gemeente.lower() not in [k.lower() for k in known]:
            typer.echo(
                f"--gemeente: onbekende gemeente '{gemeente}' (bekend: {', '.join(known) or 'geen'})",
                err=True,
            )
            raise typer.Exit(2)
    result = run(gemeente, folder, bestanden)
    typer.echo("\n".join(report(result)))
    if result.failed or result.errors or not result.outcomes:
        raise typer.Exit(1)


def _refused_policy(
    known: list[str], case: Path, gemeente: str | None, home: str | None
) -> str | None:
    """The line that refuses a municipality without a known policy, where it was named."""
    from engine.advise import NATIONAL, unknown_municipality

    if gemeente is None and home is None:
        return None
    refused = unknown_municipality(known, gemeente, home or "", f"--gemeente {NATIONAL}")
    if refused is None:
        return None
    where = "--gemeente" if gemeente else f"{case}: $.case.municipality"
    return f"{where}: {refused}"


def _unknown_policy(case: Path, gemeente: str | None, rulesets: Path | None) -> str | None:
    """For an invalid case: whether its municipality (or ``--gemeente``) has no policy
    either, as far as the case and the rulesets can be read."""
    from engine.case.read import CaseError, read_data, stated_municipality
    from engine.ruleset.bundle import Catalog, RulesetError

    try:
        home = stated_municipality(read_data(case))
    except CaseError:
        home = None
    folder = rulesets if rulesets is not None else locate.bundled()
    if folder is None or not folder.is_dir():
        return None  # said when the rulesets are loaded, once the case can be read
    try:
        known = Catalog(folder).municipalities
    except (RulesetError, OSError):
        return None
    return _refused_policy(known, case, gemeente, home)
