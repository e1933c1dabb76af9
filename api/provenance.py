"""What is kept to reproduce an advice, and how a replay is compared with it.

An evaluation stores the input exactly as received (canonical JSON and its sha256), the
advice bytes and their sha256, the ruleset bundle that produced it (ids, versions, file
and bundle sha256) and the engine version. Replaying re-runs the stored input on the same
municipality and reference date and compares the advice field by field, by JSON path.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from api.store import chain
from engine.ruleset.bundle import Bundle, RulesetRef

MAX_DIFFERENCES = 200


def canonical_json(value: Any) -> str:
    """One text per JSON value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(text: str) -> str:
    return sha256_bytes(text.encode("utf-8"))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def bundle_refs(bundle: Bundle) -> list[dict[str, Any]]:
    return _refs(tuple(bundle.rulesets))


def bundle_refs_canonical(bundle: Bundle) -> str:
    """``bundle_refs`` as the chain's content hash writes it (``api.store.chain.canonical``),
    once per set of rulesets: every evaluation under them hashes the same text."""
    return _refs_canonical(tuple(bundle.rulesets))


@functools.lru_cache(maxsize=64)
def _refs_canonical(rulesets: tuple[RulesetRef, ...]) -> str:
    return chain.canonical(_refs(rulesets))


def _refs(rulesets: tuple[RulesetRef, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": ref.id,
            "version": ref.version,
            "kind": ref.kind,
            "valid_from": ref.valid_from.isoformat(),
            "valid_to": ref.valid_to.isoformat() if ref.valid_to else None,
            "municipality": ref.municipality,
            "path": ref.path,
            "sha256": ref.sha256,
        }
        for ref in rulesets
    ]


@dataclass(frozen=True)
class Difference:
    path: str
    stored: Any
    replayed: Any


def differences(stored: Any, replayed: Any, path: str = "$") -> list[Difference]:
    """Field-by-field differences between two JSON values, by JSON path."""
    found: list[Difference] = []
    _diff(stored, replayed, path, found)
    return found


def _diff(a: Any, b: Any, path: str, found: list[Difference]) -> None:
    if len(found) >= MAX_DIFFERENCES:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            _diff(a.get(key), b.get(key), f"{path}.{key}", found)
    elif isinstance(a, list) and isinstance(b, list):
        for index in range(max(len(a), len(b))):
            left = a[index] if index < len(a) else None
            right = b[index] if index < len(b) else None
            _diff(left, right, f"{path}[{index}]", found)
    elif a != b or type(a) is not type(b):
        found.append(Difference(path, a, b))
