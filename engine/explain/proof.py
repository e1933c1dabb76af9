"""Proof and refutation trees in Dutch, generated from the ruleset and the reading.

Every line is a fixed template filled with the ruleset's own labels and the case's own
values, so the same case and rulesets always give byte-identical text, and a lawyer can
trace each line to a condition in the YAML and a place in the case.
"""

from __future__ import annotations

from typing import Any

from engine.case import vocabulary
from engine.case.flatten import Facts
from engine.contract import ConditionResult
from engine.explain.text import VALUE_TEXT
from engine.inference.evaluate import FALSE, TRUE, UNKNOWN, Outcome
from engine.inference.status import Status
from engine.ruleset.conditions import OPERATOR_TEXT, AllOf, AnyOf, Compare, NotOf, Some

#: How many entities a refuted ``some`` lists; more would drown the reason.
MAX_LISTED = 8

#: Dutch names of case attributes for explanation lines (the keys stay English).
ATTRIBUTE_TEXT = {
    "kind": "soort",
    "drug_list": "lijst Opiumwet",
    "amount": "hoeveelheid",
    "unit": "eenheid",
    "source": "bron",
    "substance": "middel",
    "trade_quantity": "handelshoeveelheid",
    "dealing_indications": "aanwijzingen voor handel",
    "in_municipality": "in de eigen gemeente",
    "publicly_accessible": "voor publiek toegankelijk",
    "minor": "minderjarig",
    "culpable": "verwijtbaar",
    "serious": "ernstig",
    "leading_role": "leidende rol",
    "fear_of_repetition": "vrees voor herhaling",
    "tenure": "eigendomssituatie",
    "minor_residents": "minderjarige bewoners",
    "months_ago": "maanden geleden",
    "years_ago": "jaren geleden",
    "public_order_disturbed": "verstoring openbare orde",
    "age": "leeftijd",
}

UNITS = {"gram": "gram", "plants": "planten", "pills": "pillen", "pieces": "stuks"}
WORDS = {True: "ja", False: "nee"}


def _attribute_text(node: Compare) -> str:
    """A short Dutch name, else the case model's own question, never the English key."""
    if node.attribute in ATTRIBUTE_TEXT:
        return ATTRIBUTE_TEXT[node.attribute]
    attr = vocabulary.ATTRIBUTES.get((node.subject, node.attribute))
    return attr.question.rstrip("?") if attr else node.attribute


def show(value: Any) -> str:
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return WORDS[value]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(show(v) for v in value)
    return VALUE_TEXT.get(str(value), str(value))


def entity_name(ref: str, facts: Facts) -> str:
    subject, _, ident = ref.partition(":")
    place = facts.places.get(ref)
    where = f" ({place})" if place and subject != "case" else ""
    return f"{vocabulary.SUBJECT_TEXT.get(subject, subject)} {ident}{where}"


def _found(node: Compare, outcome: Outcome, facts: Facts) -> str:
    value = outcome.found
    if node.attribute == "amount" and value is not None:
        attrs = facts.entities.get(outcome.ref, {})
        unit = UNITS.get(str(attrs.get("unit")), str(attrs.get("unit", "")))
        substance = attrs.get("substance")
        return " ".join(p for p in (show(value), unit, str(substance) if substance else "") if p)
    return show(value)


def _requirement(node: Compare, outcome: Outcome) -> str:
    op = node.operator
    if op == "known":
        return "bekend" if node.known else "onbekend"
    return f"{OPERATOR_TEXT[op]} {show(outcome.required)}"


def _compare_text(node: Compare, outcome: Outcome, facts: Facts) -> str:
    who = entity_name(outcome.ref, facts)
    label = node.label or _attribute_text(node)
    if outcome.derived is not None:
        word = {TRUE: "ja", FALSE: "nee", UNKNOWN: "onbekend"}[outcome.status]
        return f"{outcome.derived.label} ({who}): {word}"
    need = _requirement(node, outcome)
    if outcome.status == UNKNOWN:
        return f"{label} ({who}): onbekend; vereist: {need}"
    return f"{label} ({who}): aangetroffen: {_found(node, outcome, facts)}; vereist: {need}"


def tree(outcome: Outcome, facts: Facts) -> ConditionResult:
    node = outcome.node
    children = outcome.children
    fact = None
    found = None
    required = None
    if isinstance(node, Compare):
        text = _compare_text(node, outcome, facts)
        fact = f"{node.fact}@{outcome.ref}"
        found = outcome.found
        required = None if outcome.derived else _requirement(node, outcome)
    elif isinstance(node, Some):
        link = vocabulary.LINKS_BY_KEY.get((outcome.ref.split(":")[0], node.some))
        what = link.text if link else node.some
        base = node.label or f"{what}"
        text = f"{base}: {outcome.found} voldoet, vereist ten minste {node.minimum}"
        keep = {TRUE: TRUE, UNKNOWN: UNKNOWN, FALSE: FALSE}[outcome.status]
        children = [c for c in children if c.status == keep][:MAX_LISTED]
        children = [_about(c, facts) for c in children]  # type: ignore[misc]
    elif isinstance(node, AllOf):
        text = node.label or "alle voorwaarden gelden"
        if outcome.status == FALSE:  # the refutation: only what failed
            children = [c for c in children if c.status == FALSE]
    elif isinstance(node, AnyOf):
        text = node.label or "ten minste één van deze voorwaarden geldt"
        if outcome.status == TRUE:  # the proof: only the branch that holds
            children = [c for c in children if c.status == TRUE]
    elif isinstance(node, NotOf):
        text = node.label or "het volgende geldt niet"
    else:
        text = node.label or ""
    return ConditionResult(
        text=text,
        status=Status(outcome.status),
        fact=fact,
        found=found,
        required=required,
        evidence=[entity_name(r, facts) for r in outcome.evidence()]
        if outcome.status == TRUE
        else [],
        children=[c if isinstance(c, ConditionResult) else tree(c, facts) for c in children],
    )


def _about(outcome: Outcome, facts: Facts) -> ConditionResult:
    """One related entity inside a ``some``: named, with its own reasons beneath."""
    name = entity_name(outcome.ref, facts)
    evidence = [name] if outcome.status == TRUE else []
    children = [] if isinstance(outcome.node, Some) else [tree(outcome, facts)]
    return ConditionResult(
        text=name, status=Status(outcome.status), evidence=evidence, children=children
    )


def lines(result: ConditionResult, depth: int = 0) -> list[str]:
    """The tree as indented text lines, for the memo and golden traces."""
    mark = {Status.SATISFIED: "[v]", Status.NOT_SATISFIED: "[x]", Status.UNKNOWN: "[?]"}[
        Status(result.status)
    ]
    out = [f"{'  ' * depth}{mark} {result.text}"]
    for child in result.children:
        out.extend(lines(child, depth + 1))
    return out
