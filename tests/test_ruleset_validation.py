"""Broken rulesets are refused with one line per mistake, at the node to fix.

Each case under ``tests/fixtures/rulesets/invalid/`` is a file (or, for layering and
validity windows, a small folder) whose leading ``# expect: LINE:COL: TEXT`` comments say
exactly which errors a policy officer must see; ``TEXT`` is a substring of the message,
and `` … `` separates parts that must appear in that order. A case passes only if every
expected error is reported at its position and nothing else is.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.ruleset import bundle, source
from engine.ruleset.source import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
INVALID = Path("tests/fixtures/rulesets/invalid")
VALID = Path("tests/fixtures/rulesets/valid")
AFWEGING = Path(sys.executable).parent / "afweging"
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$")
LINE = re.compile(r"^(.+?):(\d+):(\d+): (.+)$")


@dataclass(frozen=True)
class Expected:
    path: str
    line: int
    col: int
    text: str

    def matches(self, d: Diagnostic) -> bool:
        if (d.path, d.line, d.col) != (self.path, self.line, self.col):
            return False
        rest = d.message
        for part in self.text.split(" … "):
            if part not in rest:
                return False
            rest = rest[rest.index(part) + len(part) :]
        return True

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.text}"


def _cases() -> list[Path]:
    """Single files directly under invalid/, and folders holding a file set (a folder
    with YAML files or an nl/ subfolder), relative to the project root."""
    base = ROOT / INVALID
    files = sorted(p.relative_to(ROOT) for p in base.glob("*.yaml"))
    folders: list[Path] = []
    for d in sorted(p for p in base.rglob("*") if p.is_dir()):
        if (any(d.glob("*.yaml")) or (d / "nl").is_dir()) and not any(
            parent in folders for parent in d.relative_to(ROOT).parents
        ):
            folders.append(d.relative_to(ROOT))
    return files + folders


def _expectations(case: Path) -> list[Expected]:
    found = []
    files = [case] if case.suffix == ".yaml" else sorted(case.rglob("*.yaml"))
    for path in files:
        for text in (ROOT / path).read_text(encoding="utf-8").splitlines():
            if not text.startswith("#"):
                break
            if match := EXPECT.match(text):
                line, col, message = match.groups()
                found.append(Expected(str(path), int(line), int(col), message))
    return found


def _parse(stdout: str) -> list[Diagnostic]:
    found = []
    for text in stdout.splitlines():
        match = LINE.match(text)
        assert match, f"regel is niet 'pad:regel:kolom: melding': {text!r}"
        path, line, col, message = match.groups()
        found.append(Diagnostic(path, int(line), int(col), message))
    return found


def assert_reported(found: list[Diagnostic], expected: list[Expected]) -> None:
    """Every expected error is reported, and nothing else."""
    unmatched = list(found)
    shown = "\n".join(map(str, found)) or "(niets)"
    for e in expected:
        hit = next((d for d in unmatched if e.matches(d)), None)
        assert hit is not None, f"verwacht:\n{e}\ngemeld:\n{shown}"
        unmatched.remove(hit)
    assert not unmatched, "onverwacht gemeld:\n" + "\n".join(map(str, unmatched))


CASES = _cases()


@pytest.fixture(autouse=True)
def _at_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in diagnostics are relative to the working directory, and the CLI takes
    # rulesets/ from there as context, as when a policy officer runs it.
    monkeypatch.chdir(ROOT)


def test_there_is_a_case_for_each_kind_of_mistake() -> None:
    assert len(CASES) >= 28
    for case in CASES:
        assert _expectations(case), f"{case} zegt niet wat er verwacht wordt (# expect:)"


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c.relative_to(INVALID)))
def test_library_reports_exactly_the_expected_errors(case: Path) -> None:
    assert_reported(bundle.check([case]), _expectations(case))


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c.relative_to(INVALID)))
def test_bundled_rulesets_as_context_do_not_change_the_verdict(case: Path) -> None:
    assert_reported(bundle.check([case], [Path("rulesets")]), _expectations(case))


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c.relative_to(INVALID)))
def test_cli_prints_each_error_and_exits_1(case: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(case)])
    expected = _expectations(case)
    assert result.exit_code == 1, result.output
    assert_reported(_parse(result.stdout), expected)
    assert f"{len(expected)} fout(en)" in result.stderr


def test_messages_speak_to_a_policy_officer_not_a_programmer() -> None:
    internals = ("Input should", "Value error", "validation error", "Traceback", "pydantic")
    for case in CASES:
        for d in bundle.check([case]):
            assert not any(word in d.message for word in internals), str(d)


def test_every_independent_mistake_in_one_file_is_reported() -> None:
    # Not just the first: a policy officer fixes them all in one go.
    for name, lines in (("many-errors.yaml", 4), ("many-schema-errors.yaml", 4)):
        found = bundle.check([INVALID / name])
        assert len({d.line for d in found}) == lines, "\n".join(map(str, found))


def test_a_broken_file_does_not_hide_the_errors_of_another() -> None:
    cases = [INVALID / "yaml-syntax.yaml", INVALID / "unknown-fact.yaml"]
    assert_reported(bundle.check(cases), [e for c in cases for e in _expectations(c)])


def test_the_installed_command_reports_errors_and_exits_1() -> None:
    case = INVALID / "many-errors.yaml"
    done = subprocess.run(
        [str(AFWEGING), "validate", str(case)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert_reported(_parse(done.stdout), _expectations(case))
    assert "Traceback" not in done.stderr


def test_alias_bomb_is_refused_without_expanding_it() -> None:
    # Expanded, the file is 9^9 strings; the reader stops counting long before that.
    case = INVALID / "alias-bomb.yaml"
    done = subprocess.run(
        [str(AFWEGING), "validate", str(case)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert done.returncode == 1
    assert_reported(_parse(done.stdout), _expectations(case))


def test_file_over_one_megabyte_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    filler = "".join(f"# opvulling {n:07d} " + "x" * 80 + "\n" for n in range(12_000))
    big.write_text("id: test-groot\n" + filler, encoding="utf-8")
    assert big.stat().st_size > source.MAX_BYTES
    expected = [Expected(str(big), 1, 1, "bestand is groter dan 1 MB en wordt niet gelezen")]
    assert_reported(bundle.check([big]), expected)
    result = CliRunner().invoke(app, ["validate", str(big)])
    assert result.exit_code == 1
    assert_reported(_parse(result.stdout), expected)
    with pytest.raises(source.SourceError, match="groter dan 1 MB"):
        source.parse(big.read_text(encoding="utf-8"), "groot.yaml")


def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path) -> None:
    deep = tmp_path / "diep.yaml"
    deep.write_text("sources: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(deep)])
    assert result.exit_code == 1
    assert "dieper genest dan" in result.stdout


def test_bytes_that_are_not_text_are_reported_with_a_position(tmp_path: Path) -> None:
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"id: test-nul\ntitle: a\x00b\n")
    latin = tmp_path / "latin1.yaml"
    latin.write_bytes("title: beëindiging\n".encode("latin-1"))
    found = bundle.check([nul, latin])
    assert [(d.path, d.line, d.col) for d in found] == [(str(latin), 1, 1), (str(nul), 2, 9)]
    assert "geen UTF-8" in found[0].message
    assert "U+0000" in found[1].message


def test_a_missing_path_and_an_empty_folder_are_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "rulesets/bestaat-niet.yaml", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "rulesets/bestaat-niet.yaml:1:1: bestand of map bestaat niet",
        f"{tmp_path}:1:1: geen ruleset-bestanden (*.yaml, *.yml) in deze map",
    ]


def test_versions_and_separate_municipalities_may_reuse_names() -> None:
    # Guards against false alarms: two versions of one law, and two municipalities
    # whose layers share a ruleset id, parameters and a local intervention id.
    assert bundle.check([VALID]) == []
    result = CliRunner().invoke(app, ["validate", str(VALID)])
    assert result.exit_code == 0, result.stdout
    assert "4 ruleset-bestand(en) geldig" in result.stderr
