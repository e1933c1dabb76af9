"""``afweging test``: the Dutch scenarios of the national rules and one municipality,
run and reported in words a policy officer reads, without knowing pytest.

pytest and pytest-bdd run underneath (the steps live in ``tests/test_features.py``);
this plugin keeps only the chosen feature files and collects, per scenario, whether it
passed and, for a failure, the step and what it expected against what it found.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.ruleset import locate


@dataclass
class Outcome:
    feature: str
    scenario: str
    passed: bool = True
    step: str | None = None
    problem: str | None = None


@dataclass
class Run:
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


def _stems(folder: Path) -> set[str]:
    return {p.stem for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")}


def selected(features: Path, rulesets: Path, municipality: str | None) -> list[Path]:
    """The national features, and those of ``municipality``'s layer: a feature file is
    named after the ruleset file it tests, so a municipal one is known by that name."""
    municipal: dict[str, str] = {}
    layers = rulesets / "gemeenten"
    if layers.is_dir():
        for folder in sorted(p for p in layers.iterdir() if p.is_dir()):
            for stem in _stems(folder):
                municipal[stem] = folder.name.lower()
    wanted = (municipality or "").lower()
    return [
        p
        for p in sorted(features.glob("*.feature"))
        if p.stem not in municipal or municipal[p.stem] == wanted
    ]


def _problem(exc: BaseException) -> str:
    """The assertion's own message, without pytest's rewritten comparison beneath it."""
    text = str(exc).split("\nassert ", 1)[0].strip()
    return text or type(exc).__name__


class _Collector:
    def __init__(self, chosen: set[str]):
        self.chosen = chosen
        self.run = Run()
        self.by_node: dict[str, Outcome] = {}

    def pytest_collection_modifyitems(self, config: Any, items: list[Any]) -> None:
        from pytest_bdd.scenario import scenario_wrapper_template_registry

        keep, drop = [], []
        for item in items:
            function = getattr(item, "function", None)
            template = scenario_wrapper_template_registry.get(function) if function else None
            name = Path(template.feature.filename).name if template else ""
            if template is not None and name in self.chosen:
                keep.append(item)
                self.by_node[item.nodeid] = Outcome(name, template.name)
            else:
                drop.append(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
        items[:] = keep

    def pytest_bdd_step_error(
        self, request: Any, step: Any, exception: Exception, **_: Any
    ) -> None:
        outcome = self.by_node.get(request.node.nodeid)
        if outcome is not None and outcome.step is None:
            outcome.passed = False
            outcome.step = f"{step.keyword} {step.name}".strip()
            outcome.problem = _problem(exception)

    def pytest_bdd_step_func_lookup_error(
        self, request: Any, step: Any, exception: Exception, **_: Any
    ) -> None:
        outcome = self.by_node.get(request.node.nodeid)
        if outcome is not None and outcome.step is None:
            outcome.passed = False
            outcome.step = f"{step.keyword} {step.name}".strip()
            outcome.problem = (
                "deze stap is onbekend: controleer de schrijfwijze (zie features/README.md)"
            )

    def pytest_runtest_logreport(self, report: Any) -> None:
        outcome = self.by_node.get(report.nodeid)
        if outcome is None or report.passed:
            return
        if report.failed or report.outcome == "error":
            outcome.passed = False
            if outcome.problem is None:
                outcome.problem = _problem_text(report)

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.run.errors.append(_problem_text(report))


def _problem_text(report: Any) -> str:
    text = str(report.longrepr or "")
    lines = [line for line in text.splitlines() if line.startswith("E ")]
    return " ".join(line[1:].strip() for line in lines[:3]) or text.splitlines()[-1:][0]


def run(municipality: str | None, rulesets: Path, only: list[str] | None = None) -> Run:
    """``only``: names (or the start of names) of feature files, to run just those."""
    import pytest

    project = locate.PROJECT
    features = project / "features"
    chosen = {
        p.name
        for p in selected(features, rulesets, municipality)
        if not only or any(p.name.startswith(o.removesuffix(".feature")) for o in only)
    }
    collector = _Collector(chosen)
    os.environ["AFWEGING_RULESETS"] = str(rulesets)
    args = [
        str(project / "tests" / "test_features.py"),
        "--rootdir",
        str(project),
        "-c",
        str(project / "pyproject.toml"),
        "-o",
        "addopts=",
        "-p",
        "no:cacheprovider",
        "-q",
    ]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        pytest.main(args, plugins=[collector])
    collector.run.outcomes = sorted(collector.by_node.values(), key=lambda o: o.feature)
    return collector.run


def report(result: Run) -> list[str]:
    """Per feature file: each scenario geslaagd or mislukt; for a failure the step and
    what was expected against what was found."""
    lines: list[str] = []
    for error in result.errors:
        lines.append(f"Fout bij het lezen van de scenario's: {error}")
    current = None
    for o in result.outcomes:
        if o.feature != current:
            current = o.feature
            lines += ["", o.feature]
        lines.append(f"  {'geslaagd' if o.passed else 'MISLUKT '}  {o.scenario}")
        if not o.passed:
            if o.step:
                lines.append(f"            stap: {o.step}")
            if o.problem:
                for part in o.problem.splitlines():
                    lines.append(f"            {part}")
    passed = len(result.outcomes) - len(result.failed)
    lines += [
        "",
        f"{passed} van {len(result.outcomes)} scenario's geslaagd, {len(result.failed)} mislukt.",
    ]
    return lines
