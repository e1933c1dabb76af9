"""An intervention as a policy officer reads it: conditions as Dutch sentences, the law
it rests on, the policy numbers it uses and who sets them.

Built from the same condition trees the engine evaluates, with the operator wording of
the one operator table, so the text cannot say something the rule does not do. Field
names and enum values of the case model never appear: attributes are named by their
Dutch label or the question the advice would ask, values by the Dutch words of the
explanations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from engine.case import vocabulary
from engine.explain.proof import ATTRIBUTE_TEXT, UNITS
from engine.explain.text import GOAL_TEXT, SEVERITY_TEXT, VALUE_TEXT, citation_text
from engine.ruleset.bundle import Bundle, Override
from engine.ruleset.conditions import (
    OPERATOR_TEXT,
    AllOf,
    AnyOf,
    Compare,
    Condition,
    NotOf,
    Param,
    Some,
    walk,
)
from engine.ruleset.models import Intervention, Parameter, Severity

INDENT = "  "

#: Dutch words for every English value a condition may compare with.
WORDS: dict[str, str] = {**VALUE_TEXT, **{str(k): v for k, v in GOAL_TEXT.items()}, **UNITS}


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    # Dutch values written as identifiers ('wettelijke_plicht') read as words.
    return WORDS.get(str(value), str(value).replace("_", " "))


class _Reader:
    def __init__(self, bundle: Bundle):
        self.bundle = bundle
        self.derived = {(f.subject, f.id): f for f in bundle.facts}
        self.used_facts: list[tuple[str, str]] = []
        self.used_params: list[str] = []

    def operand(self, value: Any) -> str:
        if isinstance(value, Param):
            if value.param not in self.used_params:
                self.used_params.append(value.param)
            param = self.bundle.parameters.get(value.param)
            if param is None:
                return f"de parameter '{value.param}'"
            unit = f" {param.unit}" if param.unit else ""
            return f"{value_text(param.value)}{unit} (parameter '{value.param}')"
        return value_text(value)

    def compare(self, node: Compare) -> str:
        subject = vocabulary.SUBJECT_TEXT.get(node.subject, node.subject)
        derived = self.derived.get((node.subject, node.attribute))
        if derived is not None:
            if (node.subject, node.attribute) not in self.used_facts:
                self.used_facts.append((node.subject, node.attribute))
            negated = node.operator == "equals" and node.operand is False
            return f"{subject}: {derived.label}" + (" — geldt niet" if negated else "")
        name = ATTRIBUTE_TEXT.get(node.attribute)
        attribute = vocabulary.ATTRIBUTES.get((node.subject, node.attribute))
        if name is not None:
            what = f"{name} ({subject})"
        elif attribute is not None:
            what = f"{subject}: “{attribute.question}”"
        else:
            what = subject
        if node.operator == "known":
            return f"{what} — is {'bekend' if node.known else 'onbekend'}"
        if node.operator == "equals" and isinstance(node.operand, bool):
            return f"{what} — {value_text(node.operand)}"
        return f"{what} — {OPERATOR_TEXT[node.operator]} {self.operand(node.operand)}"

    def lines(self, node: Condition, subject: str, depth: int) -> list[str]:
        pad = INDENT * depth
        label = f"{node.label}: " if node.label else ""
        if isinstance(node, Compare):
            return [f"{pad}- {label}{self.compare(node)}"]
        if isinstance(node, Some):
            link = vocabulary.LINKS_BY_KEY.get((subject, node.some))
            what = link.text if link else "gerelateerde onderdelen"
            head = f"{pad}- {label}er is ten minste {node.minimum} onder de {what}"
            if node.where is None:
                return [head]
            target = link.target if link else subject
            return [f"{head} waarvoor geldt:", *self.lines(node.where, target, depth + 1)]
        if isinstance(node, AllOf):
            out = [f"{pad}- {label}alle volgende voorwaarden gelden:"]
            for child in node.all:
                out += self.lines(child, subject, depth + 1)
            return out
        if isinstance(node, AnyOf):
            out = [f"{pad}- {label}ten minste één van deze voorwaarden geldt:"]
            for child in node.any:
                out += self.lines(child, subject, depth + 1)
            return out
        assert isinstance(node, NotOf)
        return [
            f"{pad}- {label}het volgende geldt niet:",
            *self.lines(node.not_, subject, depth + 1),
        ]


def parameters_used(itv: Intervention) -> list[str]:
    trees = [itv.legal_basis.condition, *(c.condition for c in itv.human_measure)]
    trees += [f.condition for f in itv.desirability]
    names: list[str] = []
    for tree in trees:
        if tree is None:
            continue
        for node in walk(tree):
            if (
                isinstance(node, Compare)
                and isinstance(node.operand, Param)
                and node.operand.param not in names
            ):
                names.append(node.operand.param)
    return names


def _parameter_line(name: str, param: Parameter, origin: str) -> str:
    unit = f" {param.unit}" if param.unit else ""
    bounds = ""
    if param.minimum is not None or param.maximum is not None:
        low = value_text(param.minimum) if param.minimum is not None else "-"
        high = value_text(param.maximum) if param.maximum is not None else "-"
        bounds = f" (wettelijke grenzen {low} .. {high})"
    return f"- {name} = {value_text(param.value)}{unit}{bounds}: {param.description} [{origin}]"


def explain(
    itv: Intervention,
    bundle: Bundle,
    overrides: dict[str, list[Override]],
    scenarios: list[tuple[str, str]],
) -> list[str]:
    """The readable page of one intervention, as text lines.

    ``overrides`` lists per municipality what its layer sets; ``scenarios`` the feature
    file and scenario names that cover the intervention.
    """
    reader = _Reader(bundle)
    kind = "formele bevoegdheid" if itv.formal else "informele interventie"
    place = f"gemeente {bundle.municipality}" if bundle.municipality else "landelijke regels"
    out = [
        f"{itv.id} — {itv.name}",
        f"{kind}; bevoegd: {itv.authority} ({place}, peildatum "
        f"{bundle.reference_date.isoformat()})",
        "",
    ]
    target = vocabulary.SUBJECT_TEXT.get(str(itv.target), str(itv.target))
    out.append(f"Wanneer is er een grondslag (per {target}):")
    if itv.legal_basis.condition is None:
        out.append("- geen wettelijke drempel: de interventie kan altijd worden overwogen")
    else:
        out += reader.lines(itv.legal_basis.condition, str(itv.target), 0)
    if itv.human_measure:
        out += ["", "Zorgpunten (menselijke maat):"]
    for concern in itv.human_measure:
        severity = SEVERITY_TEXT.get(Severity(concern.severity), str(concern.severity))
        out.append(f"- {concern.id} ({severity}): {concern.text}")
        out.append("  geldt als:")
        out += reader.lines(concern.condition, str(itv.target), 2)
    for subject, ident in reader.used_facts:
        fact = reader.derived[(subject, ident)]
        out += ["", f"Begrip '{fact.label}' ({vocabulary.SUBJECT_TEXT.get(subject, subject)}):"]
        out += reader.lines(fact.condition, subject, 0)
    out += ["", "Wettelijke grondslag:"]
    if not itv.legal_basis.citations:
        out.append("- geen (informele interventie)")
    for c in itv.legal_basis.citations:
        link = c.url or (f"https://wetten.overheid.nl/{c.bwb}" if c.bwb else None)
        out.append(f"- {citation_text(c)}" + (f" — {link}" if link else ""))
    for law in itv.legal_basis.case_law:
        out.append(f"- {law.ecli}: {law.summary}")
    names = reader.used_params + [p for p in parameters_used(itv) if p not in reader.used_params]
    out += ["", "Parameters:"]
    if not names:
        out.append("- geen")
    for name in names:
        param = bundle.parameters.get(name)
        if param is not None:
            out.append(_parameter_line(name, param, bundle.parameter_origin.get(name, "")))
        for municipality, items in sorted(overrides.items()):
            for o in items:
                if o.parameter == name:
                    out.append(
                        f"  gemeente {municipality} zet {name} op {value_text(o.value)} "
                        f"(landelijk {value_text(o.national_value)}; {o.ruleset})"
                    )
    refinements = [r for r in bundle.refinements if r.intervention == itv.id]
    if refinements:
        out += ["", f"Beperkingen door gemeente {bundle.municipality}:"]
        for r in refinements:
            if r.extra_condition is not None:
                out += reader.lines(r.extra_condition, str(itv.target), 0)
            if r.note:
                out.append(f"  {r.note}")
    if itv.uncertain:
        out += ["", "Nog niet geverifieerd:", *(f"- {u}" for u in itv.uncertain)]
    out += ["", "Scenario's die deze interventie toetsen:"]
    if not scenarios:
        out.append("- geen: voeg een scenario toe in features/")
    for feature, scenario in scenarios:
        out.append(f"- {feature}: {scenario}")
    return out
