"""Schemathesis against the app's own /openapi.json, in-process (ASGI), as a child process.

Run by ``test_api_schemathesis.py`` in a subprocess: the engine's native rule library
can abort the whole process on a bad input (see notes/durable-rules.md), and such an
abort must fail the test with the input that caused it instead of killing pytest.

    python -m tests.api.schemathesis_run WORKDIR [MAX_EXAMPLES]

Writes a JSON report to WORKDIR/report.json and the input of every engine run to
WORKDIR/last_input.json just before the run; exits 0 when nothing failed.
"""

from __future__ import annotations

import collections
import json
import sys
import warnings
from pathlib import Path
from typing import Any

warnings.filterwarnings("ignore")

import schemathesis  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.result import Ok  # noqa: E402

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def build_app(workdir: Path) -> Any:
    from api.app import create_app
    from engine.advise import Advisor
    from tests.api.conftest import RULESETS, settings_for

    app = create_app(
        # Thousands of calls as one user: the fuzz is about input, not the per-user limit.
        settings_for(f"sqlite:///{workdir / 'afwegingskader.db'}", rate_limit_per_minute=0),
        advisor=Advisor.from_directory(RULESETS),
    )
    advisor = app.state.afweging.service.advisor
    real_assess = advisor.assess
    last = workdir / "last_input.json"

    def recorded_assess(
        case: Any, municipality: Any = None, reference_date: Any = None, **options: Any
    ) -> Any:
        """The real engine; the input is written down first so an abort can name it."""
        last.write_text(
            json.dumps(
                {
                    "case": case.model_dump(mode="json", by_alias=True, exclude_unset=True),
                    "gemeente": municipality,
                    "peildatum": str(reference_date) if reference_date else None,
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        return real_assess(case, municipality, reference_date, **options)

    advisor.assess = recorded_assess
    return app


def role_for(method: str, path: str) -> str:
    """The role that may call an operation (tests/api/test_api_access.py has the table)."""
    if path.endswith("/decision"):
        return "bestuurder"
    if path == "/v1/audit":
        return "auditor"
    if path in ("/v1/rulesets/reload", "/v1/impact"):
        return "beleidsmedewerker"
    return "jurist"


def sign_in(app: Any, role: str, body: Any = None) -> dict[str, str]:
    """A user of the role, of the municipality of the case in ``body`` if there is one.

    A generated case names a random municipality; a user of another one is refused with
    422 before the engine runs, so the user is made to match and the case reaches it.
    """
    from api.auth.principal import Role
    from tests.api.conftest import HOME

    case = body.get("case") if isinstance(body, dict) else None
    place = case.get("municipality") if isinstance(case, dict) else None
    municipality = place.strip() if isinstance(place, str) and place.strip() else HOME
    token = app.state.afweging.tokens.issue(role, Role(role), municipality).token
    return {"Authorization": f"Bearer {token}"}


def known_ids(app: Any) -> dict[str, str]:
    """A stored case (a demo case), a stored evaluation of it and its ruleset bundle, for
    path parameters."""
    from fastapi.testclient import TestClient

    client = TestClient(app, headers=sign_in(app, "jurist"))
    case_id = client.get("/v1/cases").json()["items"][0]["id"]
    created = client.post(f"/v1/cases/{case_id}/evaluations")
    assert created.status_code == 201, created.text[:500]
    return {
        "case_id": case_id,
        "evaluation_id": created.json()["id"],
        "sha256": created.json()["ruleset"]["sha256"],
    }


def main(workdir: Path, max_examples: int) -> int:
    app = build_app(workdir)
    ids = known_ids(app)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    calls: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    operations = []
    for result in schema.get_all_operations():
        if isinstance(result, Ok):
            operations.append(result.ok())
        else:
            failures.append(f"operatie niet te lezen uit /openapi.json: {result.err()}")
    for operation in operations:
        role = role_for(operation.method.upper(), operation.path)
        names = {p.name for p in operation.path_parameters}
        variants: list[dict[str, str] | None] = [None]
        if names:
            variants.append({name: ids[name] for name in names})
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for path_parameters in variants:
                strategy = operation.as_strategy(mode, path_parameters=path_parameters)

                @given(case=strategy)
                @settings(
                    max_examples=max_examples,
                    deadline=None,
                    suppress_health_check=list(HealthCheck),
                    derandomize=True,
                    database=None,
                    print_blob=False,
                )
                def run(case: Any) -> None:
                    # Called at once, in this iteration: the role is this operation's.
                    headers = sign_in(app, role, case.body)  # noqa: B023
                    response = case.call_and_validate(headers=headers, checks=CHECKS)
                    calls[f"{case.operation.label} {response.status_code}"] += 1

                try:
                    run()
                except Unsatisfiable:
                    pass  # no invalid input exists for an operation without parameters
                except (Exception, BaseExceptionGroup) as exc:
                    ids_used = "echt" if path_parameters else "willekeurig"
                    where = f"{operation.label} ({mode.value}, ids={ids_used})"
                    failures.append(f"{where}: {exc}")
    report = {
        "operations": len(operations),
        "calls": dict(sorted(calls.items())),
        "failures": failures,
    }
    (workdir / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 30))
