"""``afweging audit``, ``afweging bewaartermijn`` and ``afweging casus``: the store's
administration, run by a beheerder (docs/adr/0012).

These commands connect as the owner (``AFWEGING_MIGRATION_DATABASE_URL``, else
``AFWEGING_DATABASE_URL``): the service's own role may not delete, and sees one
municipality at a time. Output names rows by id, never by content.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from api.settings import Settings
from api.store import Store
from api.store.db import sqlite_path
from api.store.repository import SYSTEM_USER, Actor
from api.store.retention import BadTerm, Term
from api.store.verify import CannotVerify, verify

audit = typer.Typer(
    no_args_is_help=True, help="Het auditlog en zijn hashketen.", pretty_exceptions_enable=False
)
retention = typer.Typer(
    no_args_is_help=True,
    help="Bewaartermijnen per gemeente toepassen.",
    pretty_exceptions_enable=False,
)
cases = typer.Typer(
    no_args_is_help=True, help="Een casus wissen op verzoek.", pretty_exceptions_enable=False
)

Database = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database-URL van de eigenaar (standaard AFWEGING_MIGRATION_DATABASE_URL, "
        "anders AFWEGING_DATABASE_URL).",
    ),
]
Anonymise = Annotated[
    bool,
    typer.Option(
        "--anonimiseren",
        help="Bewaar per beoordeling wat zij concludeerde, zonder casus (voor beleidscijfers).",
    ),
]
_ANCHOR = re.compile(r"^(\d+):([0-9a-f]{64})$")


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except BadTerm as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None


def _owner_url(settings: Settings, database: str | None) -> str:
    return database or settings.migration_database_url or settings.database_url


def _existing(url: str) -> str:
    """An SQLite file is made on first use; these commands must not make an empty one."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        typer.echo(f"database: {path} bestaat niet", err=True)
        raise typer.Exit(2)
    return url


def _fail(exc: SQLAlchemyError) -> typer.Exit:
    # The driver's first line names the problem (no statement, no parameters).
    first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    typer.echo(f"database: {first[0] if first else type(exc).__name__}", err=True)
    return typer.Exit(2)


@audit.command("verify")
def verify_chain(
    database: Database = None,
    kop: Annotated[
        str | None,
        typer.Option(
            "--kop",
            help="Een eerder buiten de database vastgelegde kop, 'schakel:hash'; "
            "zo valt ook een herschreven keten op.",
        ),
    ] = None,
) -> None:
    """Controleer de hashketen: elke gewijzigde, verwijderde of tussengevoegde rij.

    Exit 0: in orde; 1: bevindingen (één regel elk); 2: de database is niet te lezen.
    """
    anchor = None
    if kop is not None:
        match = _ANCHOR.match(kop.strip().lower())
        if match is None:
            typer.echo("--kop: verwacht 'schakel:hash' (hash: 64 hexadecimale tekens)", err=True)
            raise typer.Exit(2)
        anchor = (int(match.group(1)), match.group(2))
    store = Store.open(_existing(_owner_url(_settings(), database)))
    try:
        with store.engine.connect() as connection:
            if store.dialect == "postgresql":
                # One snapshot for every table: a write that commits while verify reads
                # must not look like a link without its row. (SQLite: BEGIN IMMEDIATE.)
                connection.execution_options(
                    isolation_level="REPEATABLE READ", postgresql_readonly=True
                )
            report = verify(connection, anchor)
    except CannotVerify as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    except SQLAlchemyError as exc:
        raise _fail(exc) from None
    finally:
        store.dispose()
    counted = (
        f"{report.links} schakels ({report.rows['evaluation']} beoordelingen, "
        f"{report.rows['decision']} besluiten, {report.rows['audit']} auditregels; "
        f"{report.erased} rechtmatig gewist)"
    )
    for finding in report.findings:
        typer.echo(finding)
    if report.head is not None:
        typer.echo(f"kop: {report.head[0]}:{report.head[1]}")
    if not report.sound:
        typer.echo(f"auditketen NIET in orde: {len(report.findings)} bevinding(en); {counted}")
        raise typer.Exit(1)
    typer.echo(f"auditketen in orde: {counted}")


def _admin_store(settings: Settings, database: str | None) -> Store:
    store = Store.open(_existing(_owner_url(settings, database)))
    try:
        store.migrate()
    except SQLAlchemyError as exc:
        store.dispose()
        raise _fail(exc) from None
    return store


@retention.command("toepassen")
def apply_retention(
    database: Database = None,
    gemeente: Annotated[
        str | None, typer.Option("--gemeente", help="Alleen deze gemeente.")
    ] = None,
    proef: Annotated[
        bool, typer.Option("--proef", help="Toon wat gewist zou worden; wis niets.")
    ] = False,
    anonimiseren: Anonymise = False,
) -> None:
    """Wis casussen en beoordelingen waarin sinds de bewaartermijn niets is gebeurd.

    Elke gewiste rij laat een grafsteen in het auditlog; `afweging audit verify` blijft
    daarna in orde.
    """
    settings = _settings()
    terms: dict[str, Term] = settings.retention
    if gemeente is not None:
        name = gemeente.strip().lower()
        if name not in terms:
            typer.echo(f"{name}: geen bewaartermijn ingesteld (AFWEGING_BEWAARTERMIJN)", err=True)
            raise typer.Exit(2)
        terms = {name: terms[name]}
    if not terms:
        typer.echo("geen bewaartermijn ingesteld (AFWEGING_BEWAARTERMIJN); niets gewist", err=True)
        raise typer.Exit(2)
    store = _admin_store(settings, database)
    now = dt.datetime.now(dt.UTC)
    try:
        for name, term in sorted(terms.items()):
            cutoff = term.cutoff(now)
            due_cases, due_evaluations = store.due_for_erasure(name, cutoff)
            heading = (
                f"{name} (bewaartermijn {term}, niets gebeurd sinds {cutoff.date().isoformat()})"
            )
            if proef:
                typer.echo(
                    f"{heading}: zou {len(due_cases)} casus(sen) en {len(due_evaluations)} "
                    "losse beoordeling(en) wissen"
                )
                continue
            actor = Actor(SYSTEM_USER, name, f"bewaartermijn van {term} verstreken")
            erased = 0
            for case_id in due_cases:
                erased += store.erase_case(case_id, actor, "bewaartermijn", anonimiseren) or 0
            for evaluation_id in due_evaluations:
                erased += store.erase_evaluation(
                    evaluation_id, actor, "bewaartermijn", anonimiseren
                )
            typer.echo(f"{heading}: {len(due_cases)} casus(sen) en {erased} beoordeling(en) gewist")
    except SQLAlchemyError as exc:
        raise _fail(exc) from None
    finally:
        store.dispose()


@cases.command("wissen")
def erase_case(
    casus: Annotated[str, typer.Argument(help="Het id van de casus.")],
    gemeente: Annotated[str, typer.Option("--gemeente", help="De gemeente van de casus.")],
    door: Annotated[str, typer.Option("--door", help="Wie het wissen heeft besloten.")],
    reden: Annotated[
        str,
        typer.Option(
            "--reden",
            help="Waarom, met een kenmerk en zonder namen: 'verzoek om wissing 2026-17'.",
        ),
    ],
    database: Database = None,
    anonimiseren: Anonymise = False,
) -> None:
    """Wis één casus met haar beoordelingen en besluiten; een grafsteen blijft. Met
    --anonimiseren blijft per beoordeling alleen wat zij concludeerde: gemeente, jaar,
    rulesets, de status van elke grondslag, de eerste combinatie en het besluit."""
    who, why, place = door.strip(), reden.strip(), gemeente.strip().lower()
    if not who or not why or not place:
        typer.echo("--door, --reden en --gemeente mogen niet leeg zijn", err=True)
        raise typer.Exit(2)
    store = _admin_store(_settings(), database)
    try:
        erased = store.erase_case(casus, Actor(who, place, why), "verzoek", anonimiseren)
    except SQLAlchemyError as exc:
        raise _fail(exc) from None
    finally:
        store.dispose()
    if erased is None:
        typer.echo(f"casus {casus}: onbekend bij gemeente {place}", err=True)
        raise typer.Exit(1)
    kept = "; hun uitkomst geanonimiseerd bewaard" if anonimiseren else ""
    typer.echo(
        f"casus {casus} gewist met {erased} beoordeling(en){kept}; grafsteen in het auditlog"
    )
