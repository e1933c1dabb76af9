"""The corpus of bad inputs (corpus.yaml): one case per way a client can get input wrong.

Each entry builds a request from the example case E1 (or from a raw body of its own) and
says what the answer must be: the status and the JSON path of the leaf at fault. The
same entries run over the API on both stores (tests/api/test_bad_inputs.py) and, when
they are a case file, through ``afweging evaluate`` (tests/test_cli_bad_inputs.py).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
E1 = json.loads((ROOT / "examples" / "e1-visser.json").read_text(encoding="utf-8"))
#: Spliced into the JSON text where an entry's ``raw`` value goes.
_MARK = "\u2603raw{}\u2603"
#: Words of pydantic's and FastAPI's English messages, which must never reach a user.
ENGLISH = re.compile(
    r"\b(should|Input|String|Field required|valid|must|There was|or|and|the|expected|Value)\b"
)
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Entry:
    name: str
    status: int
    path: str | None
    method: str = "POST"
    url: str = "/v1/evaluations"
    body: bytes | None = None
    content_type: str | None = "application/json"
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    location: str = "body"
    #: Who sends it: a jurist of the case's municipality, or its bestuurder for a decision.
    role: str = "jurist"
    #: The request needs an evaluation or case made first ({evaluation} / {case} in url).
    needs: str | None = None
    #: A case file for ``afweging evaluate``: the exit code and the path it must name.
    cli: bool = True
    cli_path: str | None = None

    @property
    def is_case_file(self) -> bool:
        return self.cli and self.body is not None and self.url == "/v1/evaluations"


def _steps(path: str) -> list[str | int]:
    assert path.startswith("$"), path
    return [int(i) if i else name for name, i in _STEP.findall(path[1:])]


def _parent(data: Any, path: str) -> tuple[Any, str | int]:
    steps = _steps(path)
    for step in steps[:-1]:
        data = data[step]
    return data, steps[-1]


def build_body(spec: dict[str, Any]) -> bytes | None:
    """The body bytes of an entry: its ``body`` text, a nesting, or E1 with edits."""
    if "body" in spec:
        return None if spec["body"] is None else str(spec["body"]).encode("utf-8", "surrogatepass")
    if "latin1" in spec:
        return str(spec["latin1"]).encode("latin-1")
    if "nest" in spec:
        depth = int(spec["nest"])
        return ("[" * depth + "]" * depth).encode()
    data = copy.deepcopy(spec.get("base", E1))
    for path in spec.get("delete", []):
        parent, key = _parent(data, path)
        del parent[key]
    edits = {**spec.get("set", {}), **{p: "x" * n for p, n in spec.get("long", {}).items()}}
    for path, value in edits.items():
        parent, key = _parent(data, path)
        if isinstance(parent, list) and key == len(parent):
            parent.append(value)
        else:
            parent[key] = value
    # A number of n digits, more than Python reads (`digits`), is spliced in like `raw`.
    digits = {path: "1" * n for path, n in spec.get("digits", {}).items()}
    raws = list({**spec.get("raw", {}), **digits}.items())
    for n, (path, _) in enumerate(raws):
        parent, key = _parent(data, path)
        parent[key] = _MARK.format(n)
    text = json.dumps(data, ensure_ascii=False)
    for n, (_, value) in enumerate(raws):
        text = text.replace(json.dumps(_MARK.format(n), ensure_ascii=False), str(value))
    # A lone surrogate spelt as an escape stays an escape; only a real one needs passing.
    return text.encode("utf-8", "surrogatepass")


def _texts(given: dict[str, Any] | None, lengths: dict[str, int] | None) -> dict[str, str]:
    """Query parameters or headers; ``lengths`` asks for a text of that many characters."""
    texts = {k: str(v) for k, v in (given or {}).items()}
    texts.update({k: "x" * n for k, n in (lengths or {}).items()})
    return texts


def load() -> list[Entry]:
    entries = []
    for spec in yaml.safe_load((HERE / "corpus.yaml").read_text(encoding="utf-8")):
        entries.append(
            Entry(
                name=spec["name"],
                status=int(spec["status"]),
                path=spec.get("path"),
                method=spec.get("method", "POST"),
                url=spec.get("url", "/v1/evaluations"),
                body=build_body(spec) if spec.get("method", "POST") != "GET" else None,
                content_type=spec.get("content_type", "application/json"),
                query=_texts(spec.get("query"), spec.get("long_query")),
                headers=_texts(spec.get("headers"), spec.get("long_headers")),
                location=spec.get("location", "body"),
                role=spec.get("role", "jurist"),
                needs=spec.get("needs"),
                cli=spec.get("cli", True),
                cli_path=spec.get("cli_path", spec.get("path")),
            )
        )
    names = [e.name for e in entries]
    assert len(names) == len(set(names)), "two corpus entries with the same name"
    return entries
