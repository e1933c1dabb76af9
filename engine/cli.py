"""The ``afweging`` command: validate rulesets, print the schema, evaluate a case, serve.

Exit codes are part of the interface: 0 valid/ok, 1 invalid rulesets, 2 bad input.
Errors go to stderr as one readable line each, never as a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
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


@app.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
) -> None:
    """Start de API en de reviewpagina's."""
    import uvicorn

    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers)


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
    from engine.case.read import CaseError, read_case
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
        advisor = Advisor.from_directory(rulesets)
    except bundle.RulesetError as exc:
        for d in exc.diagnostics:
            typer.echo(str(d), err=True)
        typer.echo("De rulesets zijn ongeldig; controleer ze met 'afweging validate'.", err=True)
        raise typer.Exit(1) from None
    advice = advisor.advise(parsed, gemeente, date)
    if format is Format.text:
        typer.echo(memo(advice, parsed))
    else:
        typer.echo(advice.model_dump_json(indent=2))
