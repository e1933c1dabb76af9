"""The draft decision as a Word document, the format a municipal lawyer edits further.

The content is the Dutch memo (``engine.explain.memo``), whose Markdown uses only
headings and bullet lists; it is preceded by the decision in force, when there is one.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as WordDocument

from api.pages.view import DECISION_TEXT
from api.schemas import DecisionOut

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _decision(document: WordDocument, decision: DecisionOut) -> None:
    document.add_heading("Besluit", level=1)
    when = decision.created_at.strftime("%d-%m-%Y %H:%M")
    document.add_paragraph(
        f"{DECISION_TEXT[decision.decision].capitalize()} door {decision.decided_by}, "
        f"vastgelegd door {decision.recorded_by} op {when} (UTC)."
    )
    if decision.interventions:
        document.add_paragraph("Gekozen interventies:")
        for ident in decision.interventions:
            document.add_paragraph(ident, style="List Bullet")
    document.add_heading("Motivering", level=2)
    document.add_paragraph(decision.motivation)
    if decision.legal_basis_motivation:
        document.add_heading("Motivering bij een niet vervulde grondslag", level=2)
        document.add_paragraph(decision.legal_basis_motivation)


def docx_bytes(memo: str, decision: DecisionOut | None) -> bytes:
    """The memo's headings as Word headings and its bullets as a Word list."""
    document = Document()
    document.core_properties.title = "Conceptbesluit"
    document.add_heading("Conceptbesluit", level=0)
    if decision is not None:
        _decision(document, decision)
    for line in memo.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        level = len(stripped) - len(stripped.lstrip("#"))
        if 1 <= level <= 3 and stripped[level : level + 1] == " ":
            document.add_heading(stripped[level + 1 :], level=level)
        elif stripped.startswith("- "):
            style = "List Bullet 2" if line.startswith("  ") else "List Bullet"
            document.add_paragraph(stripped[2:], style=style)
        else:
            document.add_paragraph(stripped)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
