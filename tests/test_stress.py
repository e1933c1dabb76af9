"""Tens of thousands of cases and concurrent threads through the durable adapter.

The adapter must survive what crashed durable in the field notes: many sessions (the
session table is fixed), threads (the engine is not thread-safe), and it must not leak.
Every ``make test`` runs a bounded version; the 50,000-case run is ``make stress``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import deque

import pytest

from tests.conftest import ROOT, RULESETS


def run_stress(sequential: int, threads: int, per_thread: int, timeout: float) -> dict[str, object]:
    """Run tests/stress_worker.py in its own process and return its report.

    Progress lines are echoed as they come (shown live with ``pytest -s``, as ``make
    stress`` does); the last of them go into the failure message when the process dies.
    """
    every = max(1, (sequential + threads * per_thread) // 20)
    command = [
        sys.executable, "-m", "tests.stress_worker", str(RULESETS),
        str(sequential), str(threads), str(per_thread), str(every),
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    tail: deque[str] = deque(maxlen=30)
    try:
        assert process.stderr is not None and process.stdout is not None
        for line in process.stderr:
            tail.append(line.rstrip())
            print(line, end="", flush=True)
        out = process.stdout.read()
        code = process.wait()
    finally:
        timer.cancel()
    details = "\n".join(tail)
    assert code == 0, f"stressproces stopte met code {code} (na {timeout} s gestopt?):\n{details}"
    report: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    assert report["ok"], report
    assert report["sequential"] == sequential and report["threaded"] == threads * per_thread
    return report


def test_2000_cases_sequential_and_on_4_threads_without_crash() -> None:
    """The bounded run in every ``make test``: the same paths as the long run, fewer cases."""
    run_stress(sequential=1000, threads=4, per_thread=250, timeout=120)


@pytest.mark.stress
def test_50000_sequential_and_8_threads_without_crash_or_leak() -> None:
    """The long run (``make stress``): long enough for a leak or a full session table to show."""
    report = run_stress(sequential=50000, threads=8, per_thread=2000, timeout=1800)
    assert isinstance(report["rss_growth_mb"], float | int)
    assert report["rss_growth_mb"] < 50, report


def _survives(script: str) -> None:
    """Runs ``script`` in a process of its own, so that a crash in durable's C core fails
    the test instead of killing pytest; the script prints "ok" when its checks pass."""
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, f"process died (code {run.returncode}): {run.stderr[-2000:]}"
    assert run.stdout.strip().endswith("ok")


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
    _survives(script)


def test_a_failing_action_is_reported_and_the_process_reads_on() -> None:
    """A failing action raises instead of passing for "no rule fired", and costs nothing after.

    An exception (reported after the session is gone) and an interrupt (which leaves an
    action open in durable, to be abandoned) alternate 1,100 times: more than durable's
    1,024 live sessions, so a session left behind would show, as would a crash.
    """
    script = (
        "from engine.inference import rete\n"
        "class Stop(BaseException): pass\n"
        "def react(rule, bound):\n"
        "    ref = bound['x0']['ref']\n"
        "    if ref == 'fout': raise ValueError(ref)\n"
        "    if ref == 'stop': raise Stop()\n"
        "    return [{'t': 'derived', 'of': ref}] if rule == 'a' else []\n"
        "rules = {\n"
        "    'a': {'all': [{'x0': {'t': 'item'}}]},\n"
        "    'b': {'all': [{'x0': {'t': 'item'}},\n"
        "                  {'x1': {'$and': [{'t': 'derived'}, {'of': {'x0': 'ref'}}]}}]},\n"
        "}\n"
        "session = rete.Session(rules, {'a': ('x0',), 'b': ('x0', 'x1')}, react)\n"
        "good = [{'t': 'item', 'ref': 'i1'}, {'t': 'item', 'ref': 'i2'}]\n"
        "def fired():\n"
        "    return sorted((f.rule, f.bindings['x0']['ref'], f.bindings.get('x1', {}).get('of'))\n"
        "                  for f in session.run(good))\n"
        "expected = [('a', 'i1', None), ('a', 'i2', None), ('b', 'i1', 'i1'), ('b', 'i2', 'i2')]\n"
        "assert fired() == expected, fired()\n"
        "for i in range(1100):\n"
        "    try:\n"
        "        session.run([*good, {'t': 'item', 'ref': 'fout' if i % 2 else 'stop'}])\n"
        "    except RuntimeError as exc:\n"
        "        assert i % 2 and 'regel-actie faalde' in str(exc), exc\n"
        "    except Stop:\n"
        "        assert not i % 2\n"
        "    else:\n"
        "        raise AssertionError('a failing action passed for no firing')\n"
        "    assert fired() == expected\n"
        "print('ok')\n"
    )
    _survives(script)


def test_rulesets_of_dropped_bundles_are_freed_in_durable() -> None:
    """Every reload compiles the bundle into durable anew (about 4 MB in its C core); the
    ruleset of a reading no longer referenced must be deleted, or a service whose policy
    staff reload often grows without bound. 40 readings made, used and dropped would
    grow the process by about 150 MB if their rulesets stayed."""
    script = (
        "import gc, resource\n"
        "from pathlib import Path\n"
        "from engine.advise import Advisor\n"
        "from engine.case.read import parse_case\n"
        "from engine.inference.durable_reading import DurableReading\n"
        "from engine.case.flatten import flatten\n"
        "from tests.casegen import REFERENCE, generate_case\n"
        "import random\n"
        f"advisor = Advisor.from_directory(Path({str(RULESETS)!r}))\n"
        "bundle = advisor.bundle('voorbeeldstad', REFERENCE)\n"
        "case = parse_case(generate_case(random.Random(1), 10, 'R1'))\n"
        "facts = flatten(case, REFERENCE, 'voorbeeldstad')\n"
        "def reload():\n"
        "    trace = DurableReading(bundle).trace(facts)\n"
        "    gc.collect()\n"
        "    return trace.satisfied\n"
        "first = reload()\n"
        "for _ in range(3):\n"
        "    reload()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "for _ in range(40):\n"
        "    assert reload() == first\n"
        "grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024\n"
        "assert grown < 40, f'{grown:.0f} MB grown over 40 reloads'\n"
        "print('ok')\n"
    )
    _survives(script)
