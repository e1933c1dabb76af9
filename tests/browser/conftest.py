"""A real server and the system's chromium for the review pages.

Playwright drives Debian's ``chromium`` (Playwright's own browser download cannot work
on a closed network). Without chromium or the playwright package the tests are skipped
with one line, except under ``CI=true``, where they fail: CI must never pass by skipping.
``make test`` installs chromium through apt when it may. Screenshots of every page go to
``tests/browser/output/`` (not in git) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from api.app import create_app
from api.auth.passwords import demo_hash
from api.store.repository import Actor, NewUser
from engine.advise import Advisor
from tests.api.conftest import HOME, OTHER, RULESETS, in_ci, settings_for

OUTPUT = Path(__file__).parent / "output"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: A bestuurder of another municipality, made for these tests only.
STRANGER = ("bestuurder-andersdorp", "wachtwoord-andersdorp")


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    return shutil.which("chromium") or next(
        (p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)),
        None,
    )


@dataclass(frozen=True)
class Site:
    base: str
    app: Any
    e1: str
    e2: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The service on a free port with the demo accounts and E1, E2 evaluated by a jurist."""
    url = f"sqlite:///{tmp_path_factory.mktemp('var') / 'afwegingskader.db'}"
    app = create_app(settings_for(url), advisor=Advisor.from_directory(RULESETS))
    state = app.state.afweging
    state.store.add_user(NewUser(STRANGER[0], demo_hash(STRANGER[1]), "bestuurder", OTHER))
    lawyer = Actor("jurist", HOME)
    cases = {c.case_key: c for c in state.store.list_cases(lawyer, 10, 0)[0]}
    evaluated = {
        key: state.service.evaluate(cases[key].data, lawyer, None, None, cases[key].id).id
        for key in ("E1-visser", "E2-meijer")
    }
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("de testserver start niet")
        time.sleep(0.05)
    try:
        yield Site(f"http://127.0.0.1:{port}", app, evaluated["E1-visser"], evaluated["E2-meijer"])
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        _unavailable("chromium ontbreekt (apt-get install chromium); browsertests overgeslagen")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("het pakket playwright ontbreekt (pip install playwright)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    """A fresh browser profile (no cookies) at desktop width, with a 10 s limit per step."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=site.base)
    context.set_default_timeout(10_000)
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


def shoot(page: Any, name: str, full_page: bool = True) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def sign_in(page: Any, username: str, password: str | None = None) -> None:
    page.goto("/aanmelden")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password or f"demo-{username}")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
