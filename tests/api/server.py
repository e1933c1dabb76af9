"""A real uvicorn server on a free loopback port, in its own process group, for stress tests."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

from api.auth.principal import Role
from api.auth.tokens import Tokens
from tests.api.conftest import EXAMPLES, HOME, ROOT, RULESETS


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """``uvicorn api.app:create_app --factory`` with ``workers`` processes.

    The server gets a new session (process group) so that stopping or killing it reaches
    the workers too, and only the processes this test started. It signs tokens with a
    key of its own (``AFWEGING_SECRET_KEY``), which the test shares, so ``headers()``
    signs a user in without any account in the store.
    """

    def __init__(
        self,
        database_url: str,
        log: Path,
        workers: int = 2,
        env: dict[str, str] | None = None,
        secret: str | None = None,
    ):
        self.database_url = database_url
        self.log = log
        self.workers = workers
        self.extra_env = env or {}
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        #: Instances given the same secret accept each other's tokens.
        self.secret = secret or secrets.token_urlsafe(48)
        self._tokens = Tokens(self.secret.encode(), minutes=120)

    def headers(
        self, role: str = "jurist", municipality: str = HOME, subject: str = ""
    ) -> dict[str, str]:
        token = self._tokens.issue(subject or role, Role(role), municipality).token
        return {"Authorization": f"Bearer {token}"}

    def start(self, timeout: float = 60) -> Server:
        env = {
            **os.environ,
            "AFWEGING_DATABASE_URL": self.database_url,
            "AFWEGING_RULESETS": str(RULESETS),
            "AFWEGING_EXAMPLES": str(EXAMPLES),
            "PYTHONPATH": str(ROOT),
            "AFWEGING_SECRET_KEY": self.secret,
            # The demo cases stay as cases; evaluating them at start would add evaluations
            # the tests did not make.
            "AFWEGING_DEMO_BEOORDELEN": "0",
            # Load tests send thousands of requests as one user: they measure the service,
            # not the per-user limit (tests/api/test_api_access.py tests that).
            "AFWEGING_RATE_LIMIT": "0",
            **self.extra_env,
        }
        command = [
            sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--workers", str(self.workers), "--log-level", "warning",
            "--no-access-log",
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"server stopte bij het starten:\n{self.log.read_text()[-3000:]}"
                )
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200:
                    # Each worker answers once it has loaded; give the second one a moment.
                    time.sleep(0.5 if self.workers > 1 else 0)
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"server niet gezond binnen {timeout} s:\n{self.log.read_text()[-3000:]}"
        )

    def kill(self) -> None:
        """SIGKILL to the whole group: no shutdown handlers, no flushing, like a power cut."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
