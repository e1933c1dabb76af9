"""Property-based robustness: no input gives a 5xx, every response matches /openapi.json.

The run happens in a child process (``tests/api/schemathesis_run.py``) so that an abort
inside the native rule engine fails this test, naming the input, instead of killing
pytest. Examples per operation are bounded (20: the corpus in tests/bad_inputs covers
the known bad inputs one by one) to keep `make test` under five minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import ROOT

MAX_EXAMPLES = 20


def test_api_conforms_to_its_openapi_document(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.api.schemathesis_run", str(tmp_path), str(MAX_EXAMPLES)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=170,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"schemathesis liep langer dan {exc.timeout} s")
    report_file = tmp_path / "report.json"
    if done.returncode < 0 or not report_file.exists():
        last = tmp_path / "last_input.json"
        given = last.read_text(encoding="utf-8") if last.exists() else "(onbekend)"
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        pytest.fail(
            f"het proces stopte met code {done.returncode} (engine-crash?); "
            f"laatste invoer voor de engine: {given}\n{tail}",
            pytrace=False,
        )
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["operations"] >= 12
    assert not report["failures"], "\n\n".join(report["failures"])
    statuses = {key.rsplit(" ", 1)[1] for key in report["calls"]}
    assert not any(s.startswith("5") for s in statuses), report["calls"]
    # The generated data reached the engine and the store, not only the validators.
    assert report["calls"].get("POST /v1/evaluations 201", 0) > 0
    assert report["calls"].get("POST /v1/evaluations/{evaluation_id}/replay 200", 0) > 0
