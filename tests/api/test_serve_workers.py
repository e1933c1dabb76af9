"""`afweging serve` keeps answering when a worker dies, and stops cleanly on SIGTERM.

The server runs as `python -m engine serve` in its own session, so the test signals only
the processes it started. Workers are found as the supervisor's children that run
multiprocessing's spawn entry point.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import EXAMPLES, ROOT, RULESETS
from tests.api.server import free_port


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found |= {int(child) for child in text.split()}
    return found


def workers(pid: int) -> set[int]:
    """The supervisor's worker processes (not multiprocessing's resource tracker)."""
    running = set()
    for child in children(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
            state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            continue
        if b"spawn_main" in command and state != "Z":
            running.add(child)
    return running


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def healthy(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def wait_for(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"niet binnen {seconds} s: {what}")


class Serving:
    def __init__(self, process: subprocess.Popen[bytes], base_url: str, log: Path):
        self.process = process
        self.base_url = base_url
        self.log = log

    def workers(self) -> set[int]:
        return workers(self.process.pid)


Start = Callable[..., Serving]


@pytest.fixture
def serve(tmp_path: Path, sqlite_url: str) -> Iterator[Start]:
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str, **env: str) -> Serving:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        environment = {
            **os.environ,
            "AFWEGING_DATABASE_URL": sqlite_url,
            "AFWEGING_RULESETS": str(RULESETS),
            "AFWEGING_EXAMPLES": str(EXAMPLES),
            "PYTHONPATH": str(ROOT),
            **env,
        }
        command = [sys.executable, "-m", "engine", "serve", "--port", str(port), *args]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=out, stderr=out, start_new_session=True
            )
        started.append(process)
        return Serving(process, f"http://127.0.0.1:{port}", log)

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def test_a_killed_worker_does_not_take_the_service_down(serve: Start) -> None:
    server = serve("--workers", "2")
    wait_for(lambda: healthy(server.base_url), 90, f"gezond\n{server.log.read_text()[-3000:]}")
    wait_for(lambda: len(server.workers()) == 2, 30, "twee werkprocessen")
    first = server.workers()
    # Both workers must have loaded before one is killed, or the kill tests nothing.
    time.sleep(1)

    victim = min(first)
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: healthy(server.base_url), 5, "antwoord na het doden van een werkproces")
    for _ in range(20):
        assert healthy(server.base_url), server.log.read_text()[-3000:]
    # The supervisor brings the service back to two workers.
    wait_for(
        lambda: len(server.workers()) == 2 and victim not in server.workers(),
        60,
        f"vervangend werkproces\n{server.log.read_text()[-3000:]}",
    )

    everyone = server.workers()
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(30) == 0, server.log.read_text()[-3000:]
    wait_for(lambda: not any(alive(pid) for pid in everyone), 10, "alle werkprocessen gestopt")
    assert "Traceback" not in server.log.read_text()


def test_a_single_worker_is_supervised_too(serve: Start) -> None:
    """With AFWEGING_WORKERS=1 a crash is repaired as well: the one worker is replaced."""
    server = serve(AFWEGING_WORKERS="1")
    wait_for(lambda: healthy(server.base_url), 90, f"gezond\n{server.log.read_text()[-3000:]}")
    (only,) = server.workers()
    os.kill(only, signal.SIGKILL)
    wait_for(lambda: healthy(server.base_url), 90, f"weer gezond\n{server.log.read_text()[-3000:]}")
    assert server.workers() and only not in server.workers()
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(30) == 0


def test_a_wrong_setting_stops_the_start_with_one_line(serve: Start) -> None:
    server = serve(AFWEGING_MAX_PERSONS="veel")
    assert server.process.wait(60) == 2
    assert server.log.read_text().strip() == (
        "instellingen: AFWEGING_MAX_PERSONS: 'veel' is geen geheel getal (de grens voor personen)"
    )
