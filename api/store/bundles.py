"""The rules as they were: ruleset bundles kept content-addressed, and the folder in force.

A bundle is written once, the first time it is used, and never changed: its sha256 names
its contents, so a second writer (another worker, another instance) that finds it there
has nothing to add. Files are kept once by their own sha256, however many bundles share
them. A load of a rulesets folder is a row in ``ruleset_loads`` with its audit row in the
same transaction; the newest row is the folder in force for every worker.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from api.store.models import (
    RulesetBundleFileRow,
    RulesetBundleRow,
    RulesetFileRow,
    RulesetLoadRow,
)
from api.store.repository import Actor, Store, now

Kind = Literal["bundle", "folder"]


@dataclass(frozen=True)
class StoredBundle:
    sha256: str
    kind: str
    created_at: dt.datetime
    created_by: str
    #: The exact bytes of each file, by the path the advice names.
    files: dict[str, bytes]


@dataclass(frozen=True)
class Load:
    sha256: str
    loaded_at: dt.datetime
    loaded_by: str


class BundleStore:
    def __init__(self, store: Store):
        self.store = store

    def put(self, sha256: str, kind: Kind, files: Mapping[str, bytes], who: str) -> None:
        """Keep ``files`` as ``sha256`` unless it is kept already; a race is no error.

        Another writer may have stored the same version, or one sharing a file, first:
        then its commit makes ours fail on a key, and one more try finds its rows.
        """
        for attempt in (1, 2):
            try:
                with self.store._tx() as session:
                    if session.get(RulesetBundleRow, sha256) is None:
                        self._add(session, sha256, kind, files, who)
                return
            except IntegrityError:
                if attempt == 2:
                    raise

    @staticmethod
    def _add(session: Any, sha256: str, kind: Kind, files: Mapping[str, bytes], who: str) -> None:
        by_sha = {hashlib.sha256(data).hexdigest(): data for data in files.values()}
        known = set(
            session.scalars(
                select(RulesetFileRow.sha256).where(RulesetFileRow.sha256.in_(list(by_sha)))
            )
        )
        for digest, data in by_sha.items():
            if digest not in known:
                session.add(RulesetFileRow(sha256=digest, content=data, size=len(data)))
        session.add(RulesetBundleRow(sha256=sha256, kind=kind, created_at=now(), created_by=who))
        session.flush()
        for path, data in sorted(files.items()):
            session.add(
                RulesetBundleFileRow(
                    bundle_sha256=sha256,
                    path=path,
                    file_sha256=hashlib.sha256(data).hexdigest(),
                )
            )

    def get(self, sha256: str) -> StoredBundle | None:
        with self.store._tx() as session:
            row = session.get(RulesetBundleRow, sha256)
            if row is None:
                return None
            wanted = {f.file_sha256 for f in row.files}
            found = session.execute(
                select(RulesetFileRow.sha256, RulesetFileRow.content).where(
                    RulesetFileRow.sha256.in_(list(wanted))
                )
            )
            content = {digest: data for digest, data in found}
            return StoredBundle(
                sha256=row.sha256,
                kind=row.kind,
                created_at=row.created_at,
                created_by=row.created_by,
                files={f.path: content[f.file_sha256] for f in row.files},
            )

    def in_force(self) -> Load | None:
        """The newest load: one indexed row, cheap enough to ask every few seconds."""
        with self.store._tx() as session:
            row = session.scalars(
                select(RulesetLoadRow).order_by(RulesetLoadRow.id.desc()).limit(1)
            ).first()
            return Load(row.sha256, row.loaded_at, row.loaded_by) if row else None

    def load(
        self, sha256: str, files: Mapping[str, bytes], actor: Actor, detail: dict[str, Any]
    ) -> Load:
        """Put the folder in force and record who did it, in one transaction."""
        self.put(sha256, "folder", files, actor.who)
        with self.store._tx(tenant=actor.municipality or None) as session:
            row = RulesetLoadRow(sha256=sha256, loaded_at=now(), loaded_by=actor.who)
            session.add(row)
            session.flush()
            self.store._audit(session, actor, "update", "rulesets", sha256, detail)
            return Load(row.sha256, row.loaded_at, row.loaded_by)

    def record_impact(self, actor: Actor, detail: dict[str, Any]) -> None:
        """An impact run read the municipality's cases (pseudonymised in its report)."""
        with self.store._tx(tenant=actor.municipality) as session:
            self.store._audit(session, actor, "read", "impact", None, detail)
