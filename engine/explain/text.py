"""Dutch sentences for citations and per-intervention explanations (fixed templates)."""

from __future__ import annotations

from engine.advice import CitationOut, MissingFact
from engine.ruleset.models import Citation, Intervention

STATUS_TEXT = {
    "satisfied": "vervuld",
    "not_satisfied": "niet vervuld",
    "unknown": "nog niet te beoordelen",
}


def citation_text(c: Citation) -> str:
    parts = [f"art. {c.article}"]
    if c.paragraph:
        parts.append(f"lid {c.paragraph}")
    if c.sub:
        parts.append(f"sub {c.sub}")
    parts.append(c.law)
    text = " ".join(parts)
    return text if c.verified else f"{text} (onzeker: nog niet geverifieerd)"


def citation_out(c: Citation) -> CitationOut:
    return CitationOut(
        law=c.law,
        article=c.article,
        paragraph=c.paragraph,
        sub=c.sub,
        bwb=c.bwb,
        url=c.url,
        verified=c.verified,
        text=citation_text(c),
    )


def basis_sentence(
    itv: Intervention, status: str, targets: list[str], missing: list[MissingFact]
) -> str:
    """One paragraph a lawyer reads first: the power, the verdict, and what decides it."""
    cites = (
        "; ".join(citation_text(c) for c in itv.legal_basis.citations) or "geen wettelijke drempel"
    )
    head = f"{itv.name}. Grondslag ({cites}): {STATUS_TEXT[status]}"
    if status == "satisfied" and targets:
        head += f" voor {', '.join(targets)}"
    head += "."
    if status == "unknown" and missing:
        head += (
            " Ontbrekende feiten: "
            + "; ".join(f"{m.question} ({m.subject})" for m in missing)
            + "."
        )
    if status == "not_satisfied":
        head += " Zie de voorwaarden hieronder voor wat ontbreekt of niet klopt."
    if not itv.formal:
        head += " Informele interventie: er is geen besluit in de zin van de Awb nodig."
    if itv.uncertain:
        head += " Let op, niet geverifieerd: " + " ".join(itv.uncertain)
    return head
