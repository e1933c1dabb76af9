"""The Dutch advice memo (``--format text``): what a mayor reads in five minutes."""

from __future__ import annotations

from engine.advice import Advice
from engine.explain.proof import lines
from engine.explain.text import STATUS_TEXT


def memo(advice: Advice) -> str:
    out = [
        f"Advies casus {advice.case_id} (peildatum {advice.reference_date.isoformat()}, "
        f"gemeente {advice.municipality})",
        f"Regels: {advice.ruleset.version} (sha256 {advice.ruleset.sha256[:12]})",
        "",
    ]
    for item in advice.interventions:
        out.append(f"## {item.name} [{STATUS_TEXT[item.legal_basis.status]}]")
        out.append(item.explanation)
        for condition in item.legal_basis.conditions:
            out.extend(lines(condition, 1))
        out.append("")
    if advice.missing_facts:
        out.append("## Ontbrekende feiten")
        out.extend(f"- {m.question} ({m.subject})" for m in advice.missing_facts)
    return "\n".join(out)
