"""The hash chain over evaluations, decisions and audit entries (docs/adr/0012).

Each such row gets one link in ``chain``: the sha256 of the row's canonical content, and a
chain hash over that content hash and the previous link's chain hash. A row changed,
removed or slipped in behind the service's back no longer matches its link, has no link,
or breaks the links after it; ``afweging audit verify`` (``api.store.verify``) finds it.

Links are numbered 1, 2, 3, ... in commit order. Whoever appends holds the chain's lock
until commit: on PostgreSQL a transaction-scoped advisory lock, so writers of every
worker and every service instance queue for the head; on SQLite the single writer
(``BEGIN IMMEDIATE``) already is that lock. The lock is taken only just before commit,
so it is held for the few statements that append the links.

The content hash stays when a lawful erasure removes the content: the link keeps the
hash, the erasure's tombstone in the audit log names the same hash, and the chain still
verifies (content gone, record of it kept).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, Table, event, select, text
from sqlalchemy.orm import Session, UOWTransaction

from api.store.models import AuditRow, Base, ChainRow, DecisionRow, EvaluationRow

#: How the content hash is computed; a link records it, so a later scheme (another set of
#: columns) can exist next to links made under this one.
SCHEME = 1
GENESIS = "0" * 64
#: Another arbitrary constant than the migration lock's (``api.store.db.PG_LOCK_KEY``).
PG_CHAIN_LOCK_KEY = 0x0AF3E62

#: The columns whose values a content hash covers, per kind of chained row.
COLUMNS: dict[str, tuple[str, ...]] = {
    "evaluation": (
        "id",
        "case_id",
        "case_key",
        "municipality",
        "reference_date",
        "requested_municipality",
        "requested_reference_date",
        "input_json",
        "input_sha256",
        "advice",
        "advice_sha256",
        "ruleset_id",
        "ruleset_version",
        "ruleset_sha256",
        "rulesets",
        "engine_version",
        "created_at",
        "created_by",
        "tenant",
    ),
    "decision": (
        "id",
        "evaluation_id",
        "decision",
        "interventions",
        "motivation",
        "decided_by",
        "recorded_by",
        "created_at",
        "withdraws",
        "legal_basis_motivation",
    ),
    "audit": (
        "id",
        "at",
        "who",
        "action",
        "object_type",
        "object_id",
        "detail",
        "municipality",
        "reason",
    ),
}
TABLES = {"evaluation": "evaluations", "decision": "decisions", "audit": "audit_log"}
_KINDS: dict[type, str] = {EvaluationRow: "evaluation", DecisionRow: "decision", AuditRow: "audit"}
_PENDING = "afweging.chain.pending"


def table(kind: str) -> Table:
    return Base.metadata.tables[TABLES[kind]]


def _plain(value: Any) -> Any:
    """One representation per value, the same whichever database gave it back."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dict | list | tuple) and not _is_json(value):
        # A JSON column gives back what JSON can hold: string keys, lists.
        return json.loads(json.dumps(value))
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _is_json(value: Any) -> bool:
    """Whether ``value`` is already what a JSON column gives back (only lists, dicts with
    string keys and plain scalars), so a round trip through JSON would return it as it is.
    Most values are: a round trip cost more than the rest of an evaluation's hash."""
    kind = type(value)
    if kind is list:
        return all(type(item) in _SCALARS or _is_json(item) for item in value)
    if kind is dict:
        return all(
            type(key) is str and (type(item) in _SCALARS or _is_json(item))
            for key, item in value.items()
        )
    return kind in _SCALARS


#: The content hash's JSON: sorted keys, no spaces, UTF-8 kept; one encoder, built once.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
#: Per kind, each column's key as the hashed object spells it, in the order it sorts.
_MEMBERS = {
    kind: [(name, _CANONICAL.encode(name) + ":") for name in sorted(names)]
    for kind, names in COLUMNS.items()
}


def canonical(value: Any) -> str:
    """One column's value as the content hash covers it."""
    return _CANONICAL.encode(_plain(value))


def content_hash(kind: str, values: Mapping[Any, Any], encoded: Mapping[str, str] = {}) -> str:
    """The sha256 of the row's columns as one JSON object with sorted keys.

    The object is written member by member, which gives the very text one dump of the
    whole gives, so that ``encoded`` can hold columns already written by ``canonical``:
    an evaluation's ruleset list is the same for every evaluation under the same
    rulesets, and writing it was half the hash (the service writes it once per set).
    """
    members = ",".join(
        key + (encoded[name] if name in encoded else canonical(values[name]))
        for name, key in _MEMBERS[kind]
    )
    return hashlib.sha256(("{" + members + "}").encode("utf-8")).hexdigest()


def link_hash(
    seq: int, kind: str, object_id: str, content: str, previous: str, scheme: int = SCHEME
) -> str:
    # PostgreSQL's ``chain_link`` (migration 0008) links with this same text; a new
    # scheme is a new number, never a change of this one.
    material = f"{scheme}|{seq}|{kind}|{object_id}|{content}|{previous}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Item:
    kind: str
    object_id: str
    content_sha256: str


_LINKS = Base.metadata.tables["chain"]
#: Built once: every write transaction runs these, so none is rebuilt per request.
_LOCK = text(f"SELECT pg_advisory_xact_lock({PG_CHAIN_LOCK_KEY})")
_HEAD = select(_LINKS.c.seq, _LINKS.c.chain_hash).order_by(_LINKS.c.seq.desc()).limit(1)
_INSERT = _LINKS.insert()


#: PostgreSQL links in the database, in one call under the lock (migration 0008).
_LINK = text(
    "SELECT chain_link(CAST(:lock_key AS bigint), :genesis, :scheme, CAST(:kinds AS text[]), "
    "CAST(:ids AS text[]), CAST(:contents AS text[]))"
)


def append(connection: Connection, items: Sequence[Item]) -> None:
    """Append links for ``items`` at the head, holding the chain's lock until commit.

    On PostgreSQL the database takes the lock, reads the head and inserts the links in
    one statement (``chain_link``), so the lock is held for one round trip and the
    commit instead of three and the commit; elsewhere ``link_here`` does the same.
    """
    if not items:
        return
    if connection.dialect.name != "postgresql":
        link_here(connection, items)
        return
    connection.execute(
        _LINK,
        {
            "lock_key": PG_CHAIN_LOCK_KEY,
            "genesis": GENESIS,
            "scheme": SCHEME,
            "kinds": [i.kind for i in items],
            "ids": [i.object_id for i in items],
            "contents": [i.content_sha256 for i in items],
        },
    )


def link_here(connection: Connection, items: Sequence[Item]) -> None:
    """``append`` computed in this process: SQLite's writers already take turns on its
    write lock, and the migration that first links stored rows runs before PostgreSQL
    has ``chain_link``.

    The lock and the head are two statements: a statement sees what was committed when it
    began, so the head is read only after the lock is held.
    """
    if not items:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(_LOCK)
    head = connection.execute(_HEAD).first()
    seq, previous = (head[0], head[1]) if head is not None else (0, GENESIS)
    rows = []
    for item in items:
        seq += 1
        chained = link_hash(seq, item.kind, item.object_id, item.content_sha256, previous)
        rows.append(
            {
                "seq": seq,
                "object_type": item.kind,
                "object_id": item.object_id,
                "content_sha256": item.content_sha256,
                "previous_hash": previous,
                "chain_hash": chained,
                "scheme": SCHEME,
            }
        )
        previous = chained
    connection.execute(_INSERT, rows)


def chain_unlinked(connection: Connection) -> int:
    """Link every row that has no link yet, oldest first (for the migration that brings
    the chain to a store that already holds rows); returns how many."""
    linked = {
        (kind, object_id)
        for kind, object_id in connection.execute(select(ChainRow.object_type, ChainRow.object_id))
    }
    stamps = {"evaluation": "created_at", "decision": "created_at", "audit": "at"}
    found: list[tuple[str, int, Item]] = []
    for kind, order in (("evaluation", 0), ("decision", 1), ("audit", 2)):
        rows = table(kind)
        for values in connection.execute(select(*[rows.c[n] for n in COLUMNS[kind]])).mappings():
            if (kind, str(values["id"])) not in linked:
                item = Item(kind, str(values["id"]), content_hash(kind, values))
                found.append((_plain(values[stamps[kind]]), order, item))
    found.sort(key=lambda f: (f[0], f[1], f[2].object_id.zfill(20)))
    link_here(connection, [item for _, _, item in found])
    return len(found)


def items_of(rows: Iterable[Any]) -> list[Item]:
    found = []
    for row in rows:
        kind = _KINDS[type(row)]
        values = {name: getattr(row, name) for name in COLUMNS[kind]}
        found.append(Item(kind, str(row.id), content_hash(kind, values)))
    return found


class Appending(Protocol):
    """A transaction that chains what it inserts: an ORM session (``ChainedSession``), or
    a ``Transaction`` on a bare connection."""

    @property
    def info(self) -> dict[Any, Any]: ...

    def connection(self) -> Connection: ...

    def flush(self) -> None: ...


class Transaction:
    """A transaction on a connection, without an ORM session: for the requests every user
    makes, whose rows all go in through ``insert`` or a Core statement. A session's own
    bookkeeping cost more than a statement (docs/adr/0016-request-overhead.md)."""

    def __init__(self, connection: Connection):
        self._connection = connection
        self.info: dict[Any, Any] = {}

    def connection(self) -> Connection:
        return self._connection

    def flush(self) -> None:
        """Nothing waits to be written: each row went in with its own statement."""


#: Built once, like the chain's own statements: the rows a request appends most.
_INSERTS = {kind: table(kind).insert() for kind in TABLES}


def insert(
    session: Appending, kind: str, values: Mapping[str, Any], encoded: Mapping[str, str] = {}
) -> None:
    """Insert one chained row with a single statement and queue its link (by the id in
    ``values``, or the one the database numbered, as for an audit entry). ``encoded``:
    columns of ``values`` already in their ``canonical`` text, for the content hash.

    The unit of work costs more than the row for an append-only row that is written once
    and never changed, so the hot writes (an evaluation, every audit entry) come here; a
    row inserted through the ORM is still queued by ``_collect``. Either way ``seal``
    links everything the transaction inserted.
    """
    result = session.connection().execute(_INSERTS[kind], values)
    if values.get("id") is None:
        numbered = result.inserted_primary_key
        assert numbered is not None
        values = {**values, "id": numbered[0]}
    pending: list[Item] = session.info.setdefault(_PENDING, [])
    pending.append(Item(kind, str(values["id"]), content_hash(kind, values, encoded)))


class ChainedSession(Session):
    """A session whose new evaluations, decisions and audit entries are chained by ``seal``."""


@event.listens_for(ChainedSession, "after_flush")
def _collect(session: Session, _flush: UOWTransaction) -> None:
    # In after_flush, ``session.new`` still lists what this flush inserted; the rows are
    # append-only, so their content is final and is hashed now.
    pending: list[Item] = session.info.setdefault(_PENDING, [])
    pending.extend(items_of(obj for obj in session.new if type(obj) in _KINDS))


@event.listens_for(ChainedSession, "after_soft_rollback")
def _forget(session: Session, _previous: Any) -> None:
    session.info.pop(_PENDING, None)


def seal(session: Appending) -> None:
    """Chain what the transaction inserted; call last, right before commit."""
    session.flush()
    pending: list[Item] = session.info.pop(_PENDING, [])
    # Ordered by kind and id, so a transaction's links come out the same way each time.
    order = {"evaluation": 0, "decision": 1, "audit": 2}
    items = sorted(pending, key=lambda i: (order[i.kind], i.object_id.zfill(20)))
    append(session.connection(), items)


def case_hash(row: Any) -> str:
    """A case is not chained (it may be replaced); its audit entry records this hash of
    what the service stored, so a change behind the service's back shows."""
    content = {
        "case_key": row.case_key,
        "municipality": row.municipality,
        "data": _plain(row.data),
        "revision": row.revision,
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
