"""Tens of thousands of cases and concurrent threads through the durable adapter.

The adapter must survive what crashed durable in the field notes: many sessions (the
session table is fixed), threads (the engine is not thread-safe), and it must not leak.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, RULESETS


@pytest.mark.stress
def test_50000_sequential_and_8_threads_without_crash_or_leak() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tests.stress_worker", str(RULESETS), "50000", "8", "2000"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, f"stress process died (code {run.returncode}): {run.stderr[-2000:]}"
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["ok"], report
    assert report["sequential"] == 50000 and report["threaded"] == 16000
    assert report["rss_growth_mb"] < 50, report


def test_sessions_where_no_rule_fires_do_not_crash_the_process() -> None:
    """durable's delete_state crashed when no rule fired; schemathesis found it via the API."""
    script = (
        "from pathlib import Path\n"
        "from engine.advise import Advisor\n"
        "from engine.case.read import parse_case\n"
        f"advisor = Advisor.from_directory(Path({str(RULESETS)!r}))\n"
        "for place in ('0', 'voorbeeldstad', 'elders'):\n"
        "    for body in ({}, {'persons': [{'id': 'P1'}]}, {'premises': [{'id': 'W1'}]}):\n"
        "        case = parse_case({'case': {'id': '0', 'municipality': place}, **body})\n"
        "        advice = advisor.advise(case)\n"
        "        assert all(i.legal_basis.status != 'satisfied' or not i.formal for i in advice.interventions if i.domain == 'repression')\n"
        "print('ok')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, f"process died (code {run.returncode}): {run.stderr[-2000:]}"
    assert run.stdout.strip().endswith("ok")
