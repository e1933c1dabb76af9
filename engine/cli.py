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
from typing import Annotated

import typer

from api.auth.cli import app as accounts
from engine.ruleset import bundle
from engine.ruleset.models import json_schema
from engine.ruleset.source import Diagnostic

DEFAULT_RULESETS = Path("rulesets")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Afwegingskader: bestuurlijke interventies wikken en wegen.",
    pretty_exceptions_enable=False,
)
app.add_typer(accounts, name="gebruiker")


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Bestanden of mappen.")] = None,
) -> None:
    """Controleer rulesets; één regel 'pad:regel:kolom: melding' per fout."""
    targets = paths or [DEFAULT_RULESETS]
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
    # References resolve against the bundled rulesets too, so a new file can use them.
    context = [DEFAULT_RULESETS] if DEFAULT_RULESETS.is_dir() else None
    if files:
        found += bundle.check(existing, context)
    for d in found:
        typer.echo(str(d))
    if found:
        count = len({d.path for d in found})
        typer.echo(f"{len(found)} fout(en) in {count} bestand(en)", err=True)
        raise typer.Exit(1)
    typer.echo(f"{len(files)} ruleset-bestand(en) geldig", err=True)


@app.command()
def schema() -> None:
    """Print het JSON Schema van ruleset-bestanden (gegenereerd uit de modellen)."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


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
    """Start de API in bewaakte werkprocessen."""
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
    config = Config(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers or default_workers(),
    )
    Multiprocess(config, sockets=[config.bind_socket()]).run()


class Format(StrEnum):
    json = "json"
    text = "text"


@app.command()
def evaluate(
    case: Annotated[Path, typer.Argument(help="Casusbestand (YAML of JSON).")],
    gemeente: Annotated[
        str | None, typer.Option(help="Gemeente (standaard: uit de casus).")
    ] = None,
    peildatum: Annotated[str | None, typer.Option(help="Peildatum JJJJ-MM-DD.")] = None,
    format: Annotated[Format, typer.Option(help="json of text.")] = Format.json,
    rulesets: Annotated[Path, typer.Option(help="Map met rulesets.")] = DEFAULT_RULESETS,
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
            typer.echo(f"{exc.origin}: {problem.path}: {problem.message}", err=True)
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
        advisor = Advisor.from_directory(rulesets)
    except bundle.RulesetError as exc:
        for d in exc.diagnostics:
            typer.echo(str(d), err=True)
        typer.echo("De rulesets zijn ongeldig; controleer ze met 'afweging validate'.", err=True)
        raise typer.Exit(1) from None
    # At a terminal the second reading runs at once: the person sees agreed or mismatch.
    checked = advisor.verify(parsed, gemeente, date)
    if format is Format.text:
        typer.echo(memo(advisor.assess(parsed, gemeente, date), parsed))
    else:
        advice = advisor.advise(parsed, gemeente, date).model_copy(
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
