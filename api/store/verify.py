"""Checking the store against its hash chain: ``afweging audit verify`` (docs/adr/0012).

Reads everything, changes nothing. Each finding is one Dutch sentence naming the row (by
id, never by content) and what is wrong with it:

- a link whose chain hash or predecessor does not match: the chain was edited, or a link
  was put in where it does not belong;
- a missing link number: a link was removed;
- a row whose content no longer has its link's hash: changed;
- a linked row that is gone without a tombstone naming its content hash: removed;
- a row without a link: added behind the service's back;
- a case whose content is not what its last audit entry recorded;
- a missing trigger (or, on PostgreSQL, row-level security switched off).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, inspect, select, text

from api.store.chain import COLUMNS, GENESIS, case_hash, content_hash, link_hash, table
from api.store.models import ERASE, AuditRow, CaseRow, ChainRow

LABELS = {"evaluation": "beoordeling", "decision": "besluit", "audit": "auditregel"}
TRIGGERS = {
    "sqlite": (
        "audit_log_no_update",
        "audit_log_no_delete",
        "evaluations_no_update",
        "evaluations_erase_only",
        "decisions_no_update",
        "decisions_erase_only",
        "chain_no_update",
        "chain_no_delete",
    ),
    "postgresql": (
        "audit_log_no_change",
        "audit_log_no_truncate",
        "evaluations_no_change",
        "evaluations_no_truncate",
        "decisions_no_change",
        "decisions_no_truncate",
        "chain_no_change",
        "chain_no_truncate",
    ),
}
ROW_LEVEL_SECURITY = (
    "cases",
    "evaluations",
    "decisions",
    "verifications",
    "audit_log",
    "idempotency_keys",
    "anonymised_outcomes",
)


class CannotVerify(Exception):
    """Nothing to verify against, or not all of it in sight; the message says which."""


@dataclass
class Report:
    links: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    erased: int = 0
    head: tuple[int, str] | None = None
    findings: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.findings


@dataclass(frozen=True)
class Tombstone:
    audit_id: str
    content_sha256: str | None


def verify(connection: Connection, anchor: tuple[int, str] | None = None) -> Report:
    """Check everything in one transaction, which must see one snapshot of all tables
    (PostgreSQL: REPEATABLE READ; SQLite's transactions are that already).

    ``anchor``: a link number and chain hash written down earlier, outside the database;
    only it shows a chain that someone rebuilt from the changed rows onward.
    """
    if not inspect(connection).has_table("chain"):
        raise CannotVerify(
            "deze database heeft (nog) geen hashketen: start de dienst eenmaal, dan wordt "
            "hij bijgewerkt"
        )
    if connection.dialect.name == "postgresql" and connection.scalar(
        text("SELECT row_security_active('evaluations')")
    ):
        raise CannotVerify(
            "deze databaserol ziet door de rijbeveiliging niet alle rijen; controleer als "
            "eigenaar (AFWEGING_MIGRATION_DATABASE_URL of --database)"
        )
    report = Report()
    _guards(connection, report)
    current = {kind: dict(_hashes(connection, kind)) for kind in COLUMNS}
    for kind, rows in current.items():
        report.rows[kind] = len(rows)
    tombstones = _tombstones(connection)
    linked: dict[tuple[str, str], int] = {}
    gone: list[tuple[int, str, str, str]] = []
    expected, previous = 1, GENESIS
    for link in connection.execute(select(ChainRow.__table__).order_by(ChainRow.seq)):
        if link.seq != expected:
            report.findings.append(
                f"schakel {expected}"
                + (f" t/m {link.seq - 1}" if link.seq - 1 > expected else "")
                + " ontbreekt: uit de keten verwijderd"
            )
        if link.previous_hash != previous:
            report.findings.append(
                f"schakel {link.seq} volgt niet op de schakel ervoor: "
                "tussengevoegd of de volgorde is veranderd"
            )
        recomputed = link_hash(
            link.seq,
            link.object_type,
            link.object_id,
            link.content_sha256,
            link.previous_hash,
            link.scheme,
        )
        if recomputed != link.chain_hash:
            report.findings.append(f"schakel {link.seq} is gewijzigd (de ketenhash klopt niet)")
        if anchor is not None and link.seq == anchor[0] and link.chain_hash != anchor[1]:
            report.findings.append(
                f"schakel {link.seq} heeft niet de vastgelegde hash: de keten is herschreven"
            )
        expected, previous = link.seq + 1, link.chain_hash
        report.links += 1
        report.head = (link.seq, link.chain_hash)
        kind, ident = link.object_type, link.object_id
        linked[(kind, ident)] = link.seq
        label = f"{LABELS.get(kind, kind)} {ident} (schakel {link.seq})"
        found = current.get(kind, {}).get(ident)
        if found is None:
            gone.append((link.seq, kind, ident, link.content_sha256))
        elif found != link.content_sha256:
            report.findings.append(f"{label} is gewijzigd: de inhoud past niet bij de keten")
    if anchor is not None and (report.head is None or report.head[0] < anchor[0]):
        report.findings.append(f"schakel {anchor[0]} bestaat niet meer: de keten is ingekort")
    for seq, kind, ident, content in gone:
        stone = tombstones.get((kind, ident))
        stone_seq = linked.get(("audit", stone.audit_id)) if stone else None
        lawful = (
            stone is not None
            and stone.content_sha256 == content
            and stone_seq is not None
            and stone_seq > seq
        )
        if lawful:
            report.erased += 1
        else:
            report.findings.append(
                f"{LABELS.get(kind, kind)} {ident} (schakel {seq}) is verwijderd "
                "zonder grafsteen in het auditlog"
            )
    for kind, rows in current.items():
        for ident in rows:
            if (kind, ident) not in linked:
                report.findings.append(
                    f"{LABELS[kind]} {ident} staat niet in de keten: buiten de dienst om toegevoegd"
                )
    _cases(connection, report)
    return report


def _hashes(connection: Connection, kind: str) -> Iterator[tuple[str, str]]:
    rows = table(kind)
    columns = [rows.c[name] for name in COLUMNS[kind]]
    for values in connection.execute(select(*columns)).mappings():
        yield str(values["id"]), content_hash(kind, values)


def _tombstones(connection: Connection) -> dict[tuple[str, str], Tombstone]:
    found = {}
    query = select(AuditRow.id, AuditRow.object_type, AuditRow.object_id, AuditRow.detail).where(
        AuditRow.action == ERASE
    )
    for ident, kind, object_id, detail in connection.execute(query):
        content = detail.get("content_sha256") if isinstance(detail, dict) else None
        found[(kind, object_id)] = Tombstone(str(ident), content)
    return found


def _cases(connection: Connection, report: Report) -> None:
    """Each case as its last create or update entry in the audit log recorded it."""
    recorded: dict[str, str | None] = {}
    query = (
        select(AuditRow.object_id, AuditRow.detail)
        .where(AuditRow.object_type == "case", AuditRow.action.in_(("create", "update")))
        .order_by(AuditRow.id)
    )
    for object_id, detail in connection.execute(query):
        recorded[object_id] = detail.get("content_sha256") if isinstance(detail, dict) else None
    for row in connection.execute(select(CaseRow.__table__)):
        if row.id not in recorded:
            report.findings.append(
                f"casus {row.id} heeft geen aanmaakregel in het auditlog: "
                "buiten de dienst om toegevoegd"
            )
        elif recorded[row.id] is not None and recorded[row.id] != case_hash(row):
            report.findings.append(f"casus {row.id} is buiten de dienst om gewijzigd")


def _guards(connection: Connection, report: Report) -> None:
    dialect = connection.dialect.name
    if dialect == "postgresql":
        present = set(
            connection.scalars(
                text(
                    "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE c.relnamespace = current_schema()::regnamespace "
                    "AND t.tgenabled <> 'D'"
                )
            )
        )
        unprotected = connection.scalars(
            text(
                "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
                "AND relname = ANY(:tables) AND NOT relrowsecurity ORDER BY relname"
            ),
            {"tables": list(ROW_LEVEL_SECURITY)},
        ).all()
        for name in unprotected:
            report.findings.append(f"rijbeveiliging staat uit op tabel {name}")
    else:
        present = set(
            connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        )
    for name in TRIGGERS.get(dialect, ()):
        if name not in present:
            report.findings.append(f"beveiliging ontbreekt: trigger {name} is weg of staat uit")
