"""Dutch words and sentences for what the engine decides (fixed templates, one place).

Every enum value that a person may read has its Dutch label here, so no English value
reaches a memo, a combination or an explanation.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.case.models import Goal
from engine.contract import CitationOut
from engine.inference.status import Status
from engine.ruleset.models import Body, Citation, Domain, Intervention, Severity

STATUS_TEXT = {
    Status.SATISFIED: "vervuld",
    Status.NOT_SATISFIED: "niet vervuld",
    Status.UNKNOWN: "nog niet te beoordelen",
}

GOAL_TEXT = {
    Goal.stop_criminal_activity: "criminele activiteiten stoppen",
    Goal.undermine_status: "status van sleutelfiguren aantasten",
    Goal.liveable_street: "leefbaarheid van de straat",
    Goal.prevent_recruitment: "nieuwe aanwas voorkomen",
    Goal.help_exit: "uitstappen mogelijk maken",
    Goal.protect_children: "kinderen beschermen",
}

BODY_TEXT = {
    Body.mayor: "burgemeester",
    Body.municipal_executive: "college van burgemeester en wethouders",
    Body.municipal_council: "gemeenteraad",
    Body.permit_authority: "het bestuursorgaan dat op de vergunning of beschikking beslist",
    Body.police: "politie",
    Body.public_prosecutor: "officier van justitie",
    Body.halt: "Halt",
    Body.partnership: "de deelnemers aan het samenwerkingsverband",
    Body.professional: "de professional volgens de meldcode",
    Body.landlord: "verhuurder",
}

DOMAIN_TEXT = {
    Domain.repression: "repressie",
    Domain.prevention: "preventie",
    Domain.resilience: "weerbaarheid",
    Domain.care: "zorg",
}

SEVERITY_TEXT = {Severity.info: "info", Severity.warning: "let op", Severity.blocking: "blokkerend"}


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
    itv: Intervention,
    status: Status,
    targets: Sequence[str],
    missing: Sequence[tuple[str, str]],
    full: bool = True,
) -> str:
    """One paragraph a lawyer reads first: the power, the verdict, and what decides it.

    ``targets`` are the named subjects where the basis holds; ``missing`` pairs a
    question with the subject it is about. The summary (``full=False``) leaves out what
    it already carries elsewhere (open questions, the unverified points in ``notes``) and
    the pointer to conditions it does not contain.
    """
    cites = (
        "; ".join(citation_text(c) for c in itv.legal_basis.citations) or "geen wettelijke drempel"
    )
    head = f"{itv.name}. " if full else ""
    head += f"Grondslag ({cites}): {STATUS_TEXT[status]}"
    if status is Status.SATISFIED and targets:
        head += f" voor {', '.join(targets)}"
    head += "."
    if full and status is Status.UNKNOWN and missing:
        head += (
            " Ontbrekende feiten: "
            + "; ".join(f"{question} ({subject})" for question, subject in missing)
            + "."
        )
    if full and status is Status.NOT_SATISFIED:
        head += " Zie de voorwaarden hieronder voor wat ontbreekt of niet klopt."
    if not itv.formal:
        head += " Informele interventie: er is geen besluit in de zin van de Awb nodig."
    if full and itv.uncertain:
        head += " Let op, niet geverifieerd: " + " ".join(itv.uncertain)
    return head
