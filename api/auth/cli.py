"""``afweging gebruiker``: manage the local accounts of the embedded sign-in.

The store is the one the service uses (``AFWEGING_DATABASE_URL``, else the SQLite file
under ``var/``); it is migrated first, so this works before the service ever started.
A password is asked twice without echo, or read from stdin with ``--wachtwoord-stdin``
(for scripts; never as an argument, which would show in the process list).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from api.auth.passwords import WeakPassword, hash_password
from api.auth.principal import Role
from api.settings import Settings
from api.store import Store
from api.store.repository import DuplicateUser, NewUser

app = typer.Typer(
    no_args_is_help=True,
    help="Lokale accounts: toevoegen, lijst, verwijderen, wachtwoord.",
    pretty_exceptions_enable=False,
)

Database = Annotated[
    str | None,
    typer.Option("--database", help="Database-URL (standaard AFWEGING_DATABASE_URL)."),
]
FromStdin = Annotated[
    bool, typer.Option("--wachtwoord-stdin", help="Lees het wachtwoord van stdin.")
]


def _store(database: str | None) -> Store:
    settings = Settings.from_env()
    store = Store.open(database or settings.database_url)
    store.migrate(owner_url=None if database else settings.migration_database_url)
    return store


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    entered: str = typer.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True)
    return entered


def _hash(password: str) -> str:
    try:
        return hash_password(password)
    except WeakPassword as exc:
        typer.echo(f"wachtwoord: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command("toevoegen")
def add(
    naam: Annotated[str, typer.Argument(help="Gebruikersnaam.")],
    rol: Annotated[Role, typer.Option("--rol", help="De rol van het account.")],
    gemeente: Annotated[str, typer.Option("--gemeente", help="De gemeente van het account.")],
    database: Database = None,
    wachtwoord_stdin: FromStdin = False,
) -> None:
    """Voeg een account toe (het wachtwoord wordt gevraagd)."""
    name, place = naam.strip(), gemeente.strip().lower()
    if not name or len(name) > 200 or not place:
        typer.echo("naam en gemeente mogen niet leeg zijn (naam ten hoogste 200 tekens)", err=True)
        raise typer.Exit(2)
    hashed = _hash(_password(wachtwoord_stdin))
    store = _store(database)
    try:
        store.add_user(NewUser(name, hashed, str(rol), place))
    except DuplicateUser:
        typer.echo(f"{name}: bestaat al", err=True)
        raise typer.Exit(1) from None
    finally:
        store.dispose()
    typer.echo(f"{name} toegevoegd ({rol}, {place})")


@app.command("lijst")
def list_users(database: Database = None) -> None:
    """Toon de accounts: naam, rol, gemeente (nooit een wachtwoord of hash)."""
    store = _store(database)
    try:
        for user in store.list_users():
            typer.echo(f"{user.username}\t{user.role}\t{user.municipality}")
    finally:
        store.dispose()


@app.command("verwijderen")
def remove(
    naam: Annotated[str, typer.Argument(help="Gebruikersnaam.")],
    database: Database = None,
) -> None:
    """Verwijder een account; een uitgegeven token verloopt vanzelf (AFWEGING_TOKEN_MINUTES)."""
    store = _store(database)
    try:
        gone = store.delete_user(naam)
    finally:
        store.dispose()
    if not gone:
        typer.echo(f"{naam}: onbekend account", err=True)
        raise typer.Exit(1)
    typer.echo(f"{naam} verwijderd")


@app.command("wachtwoord")
def password(
    naam: Annotated[str, typer.Argument(help="Gebruikersnaam.")],
    database: Database = None,
    wachtwoord_stdin: FromStdin = False,
) -> None:
    """Stel een nieuw wachtwoord in."""
    hashed = _hash(_password(wachtwoord_stdin))
    store = _store(database)
    try:
        changed = store.set_password(naam, hashed)
    finally:
        store.dispose()
    if not changed:
        typer.echo(f"{naam}: onbekend account", err=True)
        raise typer.Exit(1)
    typer.echo(f"wachtwoord van {naam} gewijzigd")
