"""Shared fixtures: the bundled rulesets, compiled once per test session."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from engine.advise import Advisor
from engine.inference.legal_basis import Inference

ROOT = Path(__file__).resolve().parent.parent
# Policy staff can run the suite against a draft folder of rulesets.
RULESETS = Path(os.environ.get("AFWEGING_RULESETS", ROOT / "rulesets"))
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def advisor() -> Advisor:
    return Advisor.from_directory(RULESETS)


@pytest.fixture(scope="session")
def inference(advisor: Advisor) -> Inference:
    return advisor.inference(advisor.bundle("voorbeeldstad", dt.date(2026, 3, 1)))
