"""A ruleset written out as YAML and read back is the same ruleset.

Tools that generate or rewrite rulesets (an editor, a migration, the API serving them as
JSON) must not change their meaning on the way: a date that comes back as text, a key
'on' that comes back as true, or a condition that loses its 'not' would change a legal
outcome without anyone editing a rule.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.ruleset import bundle, source
from engine.ruleset.conditions import OPERATORS
from engine.ruleset.models import Body, Domain, Kind, RulesetFile, Severity, Target

ROOT = Path(__file__).resolve().parent.parent
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# -- building blocks -------------------------------------------------------------------------

# PyYAML's emitter writes NEL and the Unicode line/paragraph separators raw when
# allow_unicode is on, and its reader then folds them into spaces: a PyYAML quirk, not
# ours, so an editor-style dump leaves them out (the escaped dump covers them).
LINE_BREAKS = "\x85\u2028\u2029"
text = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters=LINE_BREAKS), max_size=24
)
short = st.text(
    string.ascii_letters + string.digits + " -:.éë'\"#&*!%@`|>", min_size=1, max_size=16
)
ident = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,11}", fullmatch=True)
snake = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
fact_path = st.from_regex(r"[a-z_]{1,9}\.[a-z0-9_]{1,9}", fullmatch=True)
# A text that looks like a date is read as a date (as YAML does for an unquoted one).
scalar_text = text.filter(lambda s: not ISO_DATE.match(s))
scalar = st.one_of(
    scalar_text,
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
param = st.fixed_dictionaries({"param": snake})


def _optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict that has each of ``fields`` or leaves it out."""
    return st.fixed_dictionaries({}, optional=fields)


@st.composite
def compare(draw: st.DrawFn) -> dict[str, Any]:
    node: dict[str, Any] = {"fact": draw(fact_path), **draw(_optional(label=text))}
    op = draw(st.sampled_from([None, *OPERATORS]))
    if op == "known":
        node[op] = draw(st.booleans())
    elif op in ("one_of", "none_of"):
        node[op] = draw(st.one_of(param, st.lists(scalar, max_size=4)))
    elif op is not None:
        node[op] = draw(st.one_of(param, scalar))
    return node


def _branches(children: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    some = st.fixed_dictionaries(
        {"some": short},
        optional={"minimum": st.integers(1, 5), "where": children, "label": text},
    )
    return st.one_of(
        st.fixed_dictionaries({"all": st.lists(children, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"any": st.lists(children, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"not": children}, optional={"label": text}),
        some,
    )


condition = st.recursive(compare(), _branches, max_leaves=8)

citation = st.fixed_dictionaries(
    {"law": short, "article": short},
    optional={
        "bwb": st.from_regex(r"BWBR\d{7}", fullmatch=True),
        "paragraph": short,
        "sub": short,
        "url": st.from_regex(r"https://wetten\.overheid\.nl/jci1\.3:c:BWBR\d{7}", fullmatch=True),
        "verified": st.booleans(),
        "note": text,
    },
)
case_law = st.fixed_dictionaries(
    {
        "ecli": st.from_regex(
            r"ECLI:[A-Z]{2}:[A-Z0-9]{1,6}:\d{4}:[A-Za-z0-9.]{1,8}", fullmatch=True
        ),
        "summary": text,
    }
)
bound = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
parameter = st.fixed_dictionaries(
    {"value": st.one_of(scalar, st.lists(scalar, max_size=3)), "description": text},
    optional={
        "unit": short,
        "minimum": bound,
        "maximum": bound,
        "source": text,
        "policy_choice": st.booleans(),
    },
)
derived_fact = st.fixed_dictionaries(
    {"id": snake, "subject": snake, "label": text, "question": text, "condition": condition},
    optional={"sources": st.lists(citation, max_size=2)},
)
concern = st.fixed_dictionaries(
    {
        "id": ident,
        "severity": st.sampled_from([s.value for s in Severity]),
        "condition": condition,
        "text": text,
    },
    optional={
        "mitigations": st.lists(
            st.fixed_dictionaries({"text": text}, optional={"intervention": ident}), max_size=2
        ),
        "sources": st.lists(citation, max_size=1),
        "case_law": st.lists(case_law, max_size=1),
    },
)
factor = st.fixed_dictionaries(
    {"weight": st.floats(min_value=-1, max_value=1), "reason": text},
    optional={"goal": short, "condition": condition},
)
step = st.fixed_dictionaries(
    {"id": ident, "text": text}, optional={"citation": citation, "urgent_exception": text}
)
intervention = st.fixed_dictionaries(
    {
        "id": ident,
        "name": text,
        "domain": st.sampled_from([d.value for d in Domain]),
        "formal": st.booleans(),
        "authority": text,
        "competent_body": st.sampled_from([b.value for b in Body]),
        "target": st.sampled_from([t.value for t in Target]),
    },
    optional={
        "legal_basis": _optional(
            citations=st.lists(citation, max_size=2),
            condition=condition,
            case_law=st.lists(case_law, max_size=2),
        ),
        "procedure": st.lists(step, max_size=2),
        "desirability": st.lists(factor, max_size=2),
        "human_measure": st.lists(concern, max_size=2),
        "intrusiveness": st.integers(0, 5),
        "lighter_alternatives": st.lists(ident, max_size=2),
        "incompatible_with": st.lists(ident, max_size=2),
        "partners": st.lists(text, max_size=2),
        "safety_note": text,
        "uncertain": st.lists(text, max_size=2),
    },
)
ladder = st.fixed_dictionaries(
    {
        "id": ident,
        "intervention": ident,
        "label": text,
        "steps": st.lists(
            st.fixed_dictionaries(
                {"measure": short},
                optional={
                    "intervention": ident,
                    "duration_months": st.floats(min_value=0, max_value=120),
                },
            ),
            min_size=1,
            max_size=3,
        ),
    },
    optional={
        "applies_when": condition,
        "counts": st.lists(short, max_size=2),
        "window_years": st.floats(min_value=0.1, max_value=10),
        "source": citation,
    },
)
refinement = st.fixed_dictionaries(
    {"intervention": ident},
    optional={
        "extra_condition": condition,
        "legal_basis": st.dictionaries(
            short, st.one_of(scalar_text, st.integers(), st.booleans()), max_size=2
        ),
        "note": text,
    },
)
ruleset_data = st.fixed_dictionaries(
    {
        "id": ident,
        "title": text,
        "kind": st.sampled_from([k.value for k in Kind]),
        "issuer": text,
        "version": short,
        "valid_from": st.dates(),
    },
    optional={
        "valid_to": st.dates(),
        "municipality": short,
        "sources": st.lists(citation, max_size=2),
        # Any text is a valid name; the reader keeps keys as written ('on', '1', '~').
        "parameters": st.dictionaries(
            st.one_of(text, st.sampled_from(["on", "no", "1", "~", "null", "2024-01-01", "<<"])),
            parameter,
            max_size=3,
        ),
        "facts": st.lists(derived_fact, max_size=2),
        "interventions": st.lists(intervention, max_size=2),
        "ladders": st.lists(ladder, max_size=1),
        "refinements": st.lists(refinement, max_size=1),
    },
)
rulesets = ruleset_data.map(RulesetFile.model_validate)


def _round_trip(ruleset: RulesetFile, allow_unicode: bool = False) -> RulesetFile:
    data = ruleset.model_dump(mode="json", by_alias=True, exclude_none=True)
    written = yaml.safe_dump(data, allow_unicode=allow_unicode, sort_keys=False)
    return RulesetFile.model_validate(source.parse(written, "rondgang.yaml").data)


# -- properties --------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rulesets)
def test_generated_ruleset_survives_yaml(ruleset: RulesetFile) -> None:
    assert _round_trip(ruleset) == ruleset
    # As an editor writes it: Dutch text as is, not escaped.
    assert _round_trip(ruleset, allow_unicode=True) == ruleset


@settings(max_examples=150, deadline=None)
@given(condition.map(lambda c: RulesetFile.model_validate(_with_fact(c))))
def test_every_condition_node_survives_yaml(ruleset: RulesetFile) -> None:
    assert _round_trip(ruleset) == ruleset


def _with_fact(tree: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "rondgang",
        "title": "Rondgang",
        "kind": "wet",
        "issuer": "Rijksoverheid",
        "version": "1",
        "valid_from": dt.date(2024, 1, 1),
        "facts": [
            {
                "id": "begrip",
                "subject": "premises",
                "label": "begrip",
                "question": "?",
                "condition": tree,
            }
        ],
    }


def test_every_bundled_ruleset_survives_yaml() -> None:
    files = bundle.ruleset_paths([ROOT / "rulesets"])
    assert files
    for path in files:
        ruleset = RulesetFile.model_validate(source.read(path).data)
        assert _round_trip(ruleset) == ruleset, path
        assert _round_trip(ruleset, allow_unicode=True) == ruleset, path
