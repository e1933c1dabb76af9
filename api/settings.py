"""Service settings, read from the environment (``AFWEGING_*``) with safe defaults.

The defaults make ``make run`` work on a fresh machine: the bundled rulesets, the
example cases, and an embedded SQLite file under ``var/`` created on demand.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from engine.case.limits import CaseLimits

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "sqlite:///var/afwegingskader.db"
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_DEADLINE_SECONDS = 10.0


def _folder(value: str) -> Path:
    """A relative folder is looked up in the working directory, then in the project."""
    path = Path(value)
    if path.is_absolute() or path.exists():
        return path
    bundled = PROJECT_ROOT / path
    return bundled if bundled.exists() else path


def _flag(value: str) -> bool:
    return value.strip().lower() not in {"0", "false", "no", "nee", "off", ""}


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    rulesets_dir: Path = field(default_factory=lambda: _folder("rulesets"))
    examples_dir: Path = field(default_factory=lambda: _folder("examples"))
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    load_demo_cases: bool = True
    default_user: str = "anoniem"
    #: An evaluation that takes longer is stopped and answered with a 503 problem.
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS
    #: durable-rules' second reading in a background thread per worker; off, it runs only
    #: on demand, before a decision (docs/adr/0007).
    verify_in_background: bool = True
    #: Larger cases are refused before evaluation (AFWEGING_MAX_PERSONS and the like).
    case_limits: CaseLimits = field(default_factory=CaseLimits)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        return cls(
            database_url=env.get("AFWEGING_DATABASE_URL") or DEFAULT_DATABASE_URL,
            rulesets_dir=_folder(env.get("AFWEGING_RULESETS", "rulesets")),
            examples_dir=_folder(env.get("AFWEGING_EXAMPLES", "examples")),
            max_body_bytes=int(env.get("AFWEGING_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)),
            load_demo_cases=_flag(env.get("AFWEGING_DEMO", "1")),
            deadline_seconds=float(env.get("AFWEGING_DEADLINE_SECONDS", DEFAULT_DEADLINE_SECONDS)),
            verify_in_background=_flag(env.get("AFWEGING_VERIFY_BACKGROUND", "1")),
            case_limits=CaseLimits.from_env(env),
        )
