"""`make bench`: the API under load, on SQLite and PostgreSQL, and while a huge case runs.

The load comes from wrk (Debian's package; the Makefile installs it when it may), a light
generator written in C, so the two service workers, not the client, use the cores. Each
request posts the same 10-person case; every answer is a stored evaluation. Figures are
as measured on this machine, with wrk sharing its two cores.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api.app import create_app
from api.auth.principal import Role
from api.settings import Settings
from engine.advise import Advisor
from engine.case.limits import Collection
from engine.case.models import Case
from engine.contract import Advice
from engine.weigh.assessment import Assessment
from tests.api.conftest import EXAMPLES, RULESETS
from tests.api.server import Server
from tests.casegen import generate_case

POSTGRES_URL = os.environ.get(
    "AFWEGING_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
#: The generated cases' own municipality (tests/casegen.py): the bench's jurist works there.
CASE_MUNICIPALITY = "voorbeeldstad"
CONNECTIONS = 16
SECONDS = 10
LUA = """
local f = assert(io.open(os.getenv("BENCH_BODY"), "r"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
"""


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, body: Path, headers: dict[str, str], seconds: int = SECONDS) -> dict[str, float]:
    """Requests per second, p50 and p99 in ms, and the share of answers that were not 2xx.

    Every request is signed in as a jurist (the token the server's key signed).
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", script.name, url],
        env={
            **os.environ,
            "BENCH_BODY": str(body),
            "BENCH_TOKEN": headers["Authorization"].removeprefix("Bearer "),
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(script.name).unlink()
    latency = {
        m.group(1): _ms(m.group(2), m.group(3))
        for m in re.finditer(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": latency.get("50", float("nan")),
        "p99": latency.get("99", float("nan")),
        "failed": (int(bad.group(1)) / total) if bad and total else 0.0,
    }


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    """A schema of its own in the test database, dropped afterwards; None if unreachable."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception:
        admin.dispose()
        yield None
        return
    try:
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def ten_persons(folder: Path) -> Path:
    body = folder / "case.json"
    body.write_text(json.dumps(generate_case(random.Random(10), 10, "API")), encoding="utf-8")
    return body


def _run_counts(url: str, after: Any) -> tuple[int, int, Any]:
    """Evaluations stored after ``after`` (their ``created_at``; None for all), how many of
    them are verified, and the latest ``created_at``, read from the bench's own store."""
    engine = create_engine(url)
    since = "WHERE e.created_at > :after" if after is not None else ""
    try:
        with engine.connect() as connection:
            made, verified, latest = connection.execute(
                text(
                    "SELECT count(*), count(v.evaluation_id), max(e.created_at) "
                    "FROM evaluations AS e LEFT JOIN verifications AS v "
                    f"ON v.evaluation_id = e.id {since}"
                ),
                {"after": after},
            ).one()
            return made, verified, latest
    finally:
        engine.dispose()


def _read_after_load(url: str, after: Any, wait: float = 60) -> str:
    """How many evaluations of the run (not of the warm-up) the background reading had
    verified when its queue ran dry after the load, and how long after; the queue is dry
    when a second passes without any new verification."""
    started = time.monotonic()
    verified = _run_counts(url, None)[1]
    done_at = 0.0
    while time.monotonic() - started < wait:
        time.sleep(1)
        now = _run_counts(url, None)[1]
        if now == verified:
            break
        verified, done_at = now, time.monotonic() - started
    made, of_run, _ = _run_counts(url, after)
    return f"{of_run:,} of {made:,}, {done_at:.0f} s after"


def load_rows(folder: Path) -> list[str]:
    body = ten_persons(folder)
    rows = []
    with postgres_schema() as pg:
        stores = [("SQLite", f"sqlite:///{folder / 'bench.db'}"), ("PostgreSQL", pg)]
        for name, url in stores:
            if url is None:
                rows.append(f"| {name} | – | niet bereikbaar | | | | |")
                continue
            for verify in ("1", "0"):
                env = {"AFWEGING_DEMO": "0", "AFWEGING_VERIFY_BACKGROUND": verify}
                with Server(url, folder / "server.log", workers=2, env=env) as server:
                    lawyer = server.headers("jurist", municipality=CASE_MUNICIPALITY)
                    endpoint = f"{server.base_url}/v1/evaluations"
                    wrk(endpoint, body, lawyer, seconds=2)  # warm up
                    warmed = _run_counts(url, None)[2]
                    got = wrk(endpoint, body, lawyer)
                    after = _read_after_load(url, warmed) if verify == "1" else "–"
                mode = "achtergrond" if verify == "1" else "alleen vóór besluit"
                rows.append(
                    f"| {name} | {mode} | {got['rps']:.0f} | {got['p50']:.1f} | "
                    f"{got['p99']:.1f} | {got['failed']:.1%} | {after} |"
                )
    return rows


class _Replayed:
    """The engine left out: each question's assessment (what the service renders and
    stores) and advice are made once and handed back after, so what a request costs
    besides the engine is what is measured. Rendering the assessment to the stored bytes
    stays in: the service does that for every request."""

    def __init__(self, advisor: Advisor):
        self._advisor = advisor
        self._made: dict[tuple[object, ...], Advice] = {}
        self._assessed: dict[tuple[object, ...], Assessment] = {}
        self.catalog = advisor.catalog
        self.bundle = advisor.bundle
        self.verify = advisor.verify

    def assess(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
        **options: Any,
    ) -> Assessment:
        key = (case.case.id, municipality, reference_date)
        if key not in self._assessed:
            self._assessed[key] = self._advisor.assess(case, municipality, reference_date)
        return self._assessed[key]

    def advise(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
        **options: Any,
    ) -> Advice:
        detail = options.get("detail", "summary")
        key = (case.case.id, municipality, reference_date, detail)
        if key not in self._made:
            self._made[key] = self._advisor.advise(
                case, municipality, reference_date, detail=detail
            )
        return self._made[key]


async def _request_cpu(url: str, body: bytes, requests: int) -> tuple[float, float]:
    """Median CPU ms of one POST /v1/evaluations and of one GET of it, through the whole
    ASGI app (middleware, sign-in, validation, store, response) without a network."""
    settings = Settings(
        database_url=url,
        rulesets_dir=RULESETS,
        examples_dir=EXAMPLES,
        load_demo_cases=False,
        demo_accounts=False,
        verify_in_background=False,
        rate_limit_per_minute=0,
    )
    app = create_app(settings, advisor=_Replayed(Advisor.from_directory(RULESETS)))
    token = app.state.afweging.tokens.issue("jurist", Role.jurist, CASE_MUNICIPALITY).token

    async def call(method: str, path: str, payload: bytes = b"") -> bytes:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [
                (b"host", b"bench"),
                (b"authorization", f"Bearer {token}".encode()),
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
            "client": ("127.0.0.1", 1),
            "server": ("bench", 80),
            "state": {},
        }
        received: list[bytes] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": payload, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.body":
                received.append(message.get("body", b""))

        await app(scope, receive, send)
        return b"".join(received)

    async with app.router.lifespan_context(app):
        ident = json.loads(await call("POST", "/v1/evaluations", body))["id"]
        timed: dict[str, list[float]] = {"POST": [], "GET": []}
        for n in range(requests + 30):
            for method, path, payload in (
                ("POST", "/v1/evaluations", body),
                ("GET", f"/v1/evaluations/{ident}", b""),
            ):
                started = time.process_time()
                await call(method, path, payload)
                if n >= 30:
                    timed[method].append((time.process_time() - started) * 1000)
    return statistics.median(timed["POST"]), statistics.median(timed["GET"])


def request_cost_rows(folder: Path, requests: int = 300) -> list[str]:
    body = ten_persons(folder).read_bytes()
    rows = []
    with postgres_schema() as pg:
        for name, url in (("SQLite", f"sqlite:///{folder / 'cost.db'}"), ("PostgreSQL", pg)):
            if url is None:
                rows.append(f"| {name} | niet bereikbaar | |")
                continue
            post, get = asyncio.run(_request_cpu(url, body, requests))
            rows.append(f"| {name} | {post:.2f} | {get:.2f} |")
    return rows


def huge_case_rows(folder: Path) -> list[str]:
    """A 5,000-person case may not starve /healthz or a normal evaluation."""
    huge = generate_case(random.Random(5000), 5000, "HUGE")
    normal = generate_case(random.Random(10), 10, "E")
    raised = {f"AFWEGING_MAX_{c.name.upper()}": "100000" for c in Collection}
    env = {
        "AFWEGING_DEMO": "0",
        "AFWEGING_DEADLINE_SECONDS": "5",
        "AFWEGING_MAX_BODY_BYTES": str(16 * 1024 * 1024),
        **raised,
    }
    url = f"sqlite:///{folder / 'huge.db'}"
    outcome: dict[str, object] = {}
    with Server(url, folder / "huge.log", workers=2, env=env) as server:
        lawyer = server.headers("jurist", municipality=CASE_MUNICIPALITY)

        def post_huge() -> None:
            t = time.perf_counter()
            r = httpx.post(
                f"{server.base_url}/v1/evaluations", json=huge, headers=lawyer, timeout=60
            )
            outcome["huge"] = (r.status_code, time.perf_counter() - t)

        thread = threading.Thread(target=post_huge)
        thread.start()
        worst_health, worst_e = 0.0, 0.0
        time.sleep(0.2)
        while thread.is_alive():
            t = time.perf_counter()
            httpx.get(f"{server.base_url}/healthz", timeout=10)
            worst_health = max(worst_health, time.perf_counter() - t)
            t = time.perf_counter()
            httpx.post(f"{server.base_url}/v1/evaluations", json=normal, headers=lawyer, timeout=10)
            worst_e = max(worst_e, time.perf_counter() - t)
        thread.join()
    status, seconds = outcome["huge"]  # type: ignore[misc]
    return [
        f"- A 5,000-person case (size limits raised, deadline 5 s) answered "
        f"{status} after {seconds:.1f} s; meanwhile the slowest `/healthz` took "
        f"{worst_health * 1000:.0f} ms and the slowest 10-person evaluation "
        f"{worst_e * 1000:.0f} ms.",
    ]


def section() -> list[str]:
    if shutil.which("wrk") is None:
        return [
            "## The API under load",
            "",
            "wrk ontbreekt: `make bench` installeert het als root.",
        ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cost = request_cost_rows(folder)
        rows = load_rows(folder)
        huge = huge_case_rows(folder)
    return [
        "## What a request costs besides the advice",
        "",
        "CPU time of one request through the whole app in-process (middleware, sign-in, "
        "validation, storing with its audit row, the response), the advice made once "
        "beforehand and handed back, median of 300; the second reading off. docs/adr/0016-request-overhead.md "
        "says what was taken out.",
        "",
        "| store | POST /v1/evaluations ms | GET /v1/evaluations/{id} ms |",
        "|---|---|---|",
        *cost,
        "",
        "## The API under load",
        "",
        f"`afweging` with 2 uvicorn workers, wrk with 2 threads and {CONNECTIONS} connections "
        f"for {SECONDS} s on the same machine, each request a 10-person case "
        "(`POST /v1/evaluations`, stored). Second reading: durable-rules in a background "
        "thread per worker, or only before a decision (`AFWEGING_VERIFY_BACKGROUND=0`). "
        "The background reading starts only once a worker has answered nothing for 20 ms, "
        "or after 2 s (ADR 0007), so under this load it mostly waits; *verified in the "
        "background* counts the evaluations of the run it had verified when its queue ran "
        "dry after wrk stopped, and how long after (the queue holds 10,000 per worker; any "
        "others are verified before a decision).",
        "",
        "| store | second reading | evaluations/s | p50 ms | p99 ms | not 2xx "
        "| verified in the background |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        *huge,
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["cost"]:
        with tempfile.TemporaryDirectory() as tmp:
            print("\n".join(request_cost_rows(Path(tmp))))
    else:
        print("\n".join(section()))
