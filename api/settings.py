"""Service settings, read from the environment (``AFWEGING_*``) with safe defaults.

The defaults make ``make run`` work on a fresh machine: the bundled rulesets, the
example cases, and an embedded SQLite file under ``var/`` created on demand.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from api.auth.tokens import OidcConfig
from api.store.retention import Term, parse_terms
from engine.case.limits import CaseLimits

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "sqlite:///var/afwegingskader.db"
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_DEADLINE_SECONDS = 10.0
DEFAULT_THREADS_PER_WORKER = 2
DEFAULT_TOKEN_MINUTES = 15
DEFAULT_RATE_LIMIT = 600
DEFAULT_SIGN_IN_FAILURES = 10
DEFAULT_RULESETS_CHECK_SECONDS = 2.0
DEFAULT_IMPACT_MAX_CASES = 2000
DEFAULT_IMPACT_DEADLINE_SECONDS = 60.0


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
    #: The role that owns the tables and runs migrations (PostgreSQL); the service then
    #: connects with ``database_url`` as a role that owns nothing (docs/adr/0012).
    migration_database_url: str | None = None
    #: How long each municipality keeps cases and evaluations (``afweging bewaartermijn``).
    retention: dict[str, Term] = field(default_factory=dict)
    rulesets_dir: Path = field(default_factory=lambda: _folder("rulesets"))
    examples_dir: Path = field(default_factory=lambda: _folder("examples"))
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    load_demo_cases: bool = True
    #: Evaluate the demo cases at start (``make run``), so a bestuurder can open one and
    #: decide at once; off by default so tests start from an empty list of evaluations.
    evaluate_demo_cases: bool = False
    #: One account per role for voorbeeldstad (README); never with ``AFWEGING_DEMO=0``.
    demo_accounts: bool = True
    #: An evaluation that takes longer is stopped and answered with a 503 problem.
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS
    #: Requests a worker computes at once. Evaluations are CPU-bound: more threads than a
    #: few only take turns on the interpreter lock (measured at 16 connections on 2
    #: workers: 28 evaluations/s on anyio's default 40 threads, 68/s on 2), so the rest
    #: wait their turn.
    threads_per_worker: int = DEFAULT_THREADS_PER_WORKER
    #: durable-rules' second reading in a background thread per worker; off, it runs only
    #: on demand, before a decision (docs/adr/0007).
    verify_in_background: bool = True
    #: Signs the service's own tokens; without it a key is made once and kept in the store.
    secret_key: str | None = None
    token_minutes: int = DEFAULT_TOKEN_MINUTES
    #: The municipality's identity provider, when it has one (docs/adr/0008).
    oidc: OidcConfig | None = None
    #: The session cookie only over HTTPS; off for ``make run`` on http://127.0.0.1.
    cookie_secure: bool = False
    #: Requests per minute per user and worker (0: no limit).
    rate_limit_per_minute: int = DEFAULT_RATE_LIMIT
    #: Failed sign-ins per name and client within 15 minutes before a pause (0: no limit).
    sign_in_failures: int = DEFAULT_SIGN_IN_FAILURES
    #: Larger cases are refused before evaluation (AFWEGING_MAX_PERSONS and the like).
    case_limits: CaseLimits = field(default_factory=CaseLimits)
    #: How often a worker asks the store which rulesets are in force (a reload by another
    #: worker reaches this one within that time).
    rulesets_check_seconds: float = DEFAULT_RULESETS_CHECK_SECONDS
    #: An impact run in the service: at most this many stored cases, stopped after this long.
    impact_max_cases: int = DEFAULT_IMPACT_MAX_CASES
    impact_deadline_seconds: float = DEFAULT_IMPACT_DEADLINE_SECONDS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        return cls(
            database_url=env.get("AFWEGING_DATABASE_URL") or DEFAULT_DATABASE_URL,
            migration_database_url=env.get("AFWEGING_MIGRATION_DATABASE_URL") or None,
            retention=parse_terms(env.get("AFWEGING_BEWAARTERMIJN", "")),
            rulesets_dir=_folder(env.get("AFWEGING_RULESETS", "rulesets")),
            examples_dir=_folder(env.get("AFWEGING_EXAMPLES", "examples")),
            max_body_bytes=int(env.get("AFWEGING_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)),
            load_demo_cases=_flag(env.get("AFWEGING_DEMO", "1")),
            evaluate_demo_cases=_flag(env.get("AFWEGING_DEMO", "1"))
            and _flag(env.get("AFWEGING_DEMO_BEOORDELEN", "1")),
            deadline_seconds=float(env.get("AFWEGING_DEADLINE_SECONDS", DEFAULT_DEADLINE_SECONDS)),
            verify_in_background=_flag(env.get("AFWEGING_VERIFY_BACKGROUND", "1")),
            threads_per_worker=int(
                env.get("AFWEGING_THREADS_PER_WORKER", DEFAULT_THREADS_PER_WORKER)
            ),
            demo_accounts=_flag(env.get("AFWEGING_DEMO", "1")),
            secret_key=env.get("AFWEGING_SECRET_KEY") or None,
            token_minutes=int(env.get("AFWEGING_TOKEN_MINUTES", DEFAULT_TOKEN_MINUTES)),
            oidc=_oidc(env),
            cookie_secure=_flag(env.get("AFWEGING_COOKIE_SECURE", "0")),
            rate_limit_per_minute=int(env.get("AFWEGING_RATE_LIMIT", DEFAULT_RATE_LIMIT)),
            sign_in_failures=int(env.get("AFWEGING_SIGN_IN_FAILURES", DEFAULT_SIGN_IN_FAILURES)),
            case_limits=CaseLimits.from_env(env),
            rulesets_check_seconds=float(
                env.get("AFWEGING_RULESETS_CHECK_SECONDS", DEFAULT_RULESETS_CHECK_SECONDS)
            ),
            impact_max_cases=int(env.get("AFWEGING_IMPACT_MAX_CASES", DEFAULT_IMPACT_MAX_CASES)),
            impact_deadline_seconds=float(
                env.get("AFWEGING_IMPACT_DEADLINE_SECONDS", DEFAULT_IMPACT_DEADLINE_SECONDS)
            ),
        )


def _oidc(env: Mapping[str, str]) -> OidcConfig | None:
    issuer = env.get("AFWEGING_OIDC_ISSUER")
    if not issuer:
        return None
    audience = env.get("AFWEGING_OIDC_AUDIENCE")
    jwks = env.get("AFWEGING_OIDC_JWKS")
    if not audience or not jwks:
        raise ValueError(
            "AFWEGING_OIDC_ISSUER vraagt ook AFWEGING_OIDC_AUDIENCE en AFWEGING_OIDC_JWKS"
        )
    defaults = OidcConfig(issuer=issuer, audience=audience, jwks=jwks)
    algorithms = env.get("AFWEGING_OIDC_ALGORITHMS")
    return OidcConfig(
        issuer=issuer,
        audience=audience,
        jwks=jwks,
        role_claim=env.get("AFWEGING_OIDC_ROLE_CLAIM") or defaults.role_claim,
        municipality_claim=env.get("AFWEGING_OIDC_MUNICIPALITY_CLAIM")
        or defaults.municipality_claim,
        subject_claim=env.get("AFWEGING_OIDC_SUBJECT_CLAIM") or defaults.subject_claim,
        algorithms=tuple(a.strip() for a in algorithms.split(",") if a.strip())
        if algorithms
        else defaults.algorithms,
    )
