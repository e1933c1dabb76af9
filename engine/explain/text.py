"""Dutch words and sentences for what the engine decides (fixed templates, one place).

Every enum value that a person may read has its Dutch label here, so no English value
reaches a memo, a combination or an explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engine.case.models import (
    BusinessKind,
    DecidingBody,
    FindingKind,
    Goal,
    RelationKind,
    Role,
    SharingBasis,
    Source,
    Tenure,
)
from engine.inference.status import Status
from engine.ruleset.models import Body, Citation, Domain, Intervention, Severity

_NEUTER = {Body.municipal_executive, Body.permit_authority, Body.enforcing_authority}

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
    Body.permit_authority: "bestuursorgaan dat op de vergunning of beschikking beslist",
    Body.enforcing_authority: "bestuursorgaan dat het overtreden voorschrift uitvoert "
    "(college of burgemeester, art. 125 Gemeentewet)",
    Body.police: "politie",
    Body.public_prosecutor: "officier van justitie",
    Body.halt: "Halt",
    Body.partnership: "deelnemers aan het samenwerkingsverband",
    Body.professional: "professional volgens de meldcode",
    Body.landlord: "verhuurder",
}

#: The body as the subject of a sentence ("de burgemeester is bevoegd").
BODY_SUBJECT = {
    body: ("" if body is Body.halt else "het " if body in _NEUTER else "de ") + text
    for body, text in BODY_TEXT.items()
}

DOMAIN_TEXT = {
    Domain.repression: "repressie",
    Domain.prevention: "preventie",
    Domain.resilience: "weerbaarheid",
    Domain.care: "zorg",
}

FINDING_TEXT = {
    FindingKind.drugs: "drugs",
    FindingKind.preparatory_materials: "voorbereidingshandelingen (materialen)",
    FindingKind.weapons: "wapens",
    FindingKind.violence: "geweld",
    FindingKind.explosives: "explosieven",
    FindingKind.nuisance: "overlast",
    FindingKind.public_order_disturbance: "verstoring van de openbare orde",
    FindingKind.money_laundering_signal: "signaal van witwassen",
    FindingKind.intimidation: "intimidatie",
    FindingKind.threat_to_officials: "bedreiging van ambtenaren",
    FindingKind.domestic_violence: "huiselijk geweld",
    FindingKind.school_absence: "schoolverzuim",
    FindingKind.criminal_exploitation: "criminele uitbuiting",
    FindingKind.courier_work: "koerierswerk",
    FindingKind.signal: "signaal",
}

SOURCE_TEXT = {
    Source.police_report: "politie",
    Source.bestuurlijke_rapportage: "bestuurlijke rapportage",
    Source.official_report: "proces-verbaal",
    Source.neighbours: "buren",
    Source.intelligence: "informatie (CIE of inlichtingen)",
    Source.care: "zorg",
    Source.municipal_inspection: "gemeentelijke controle",
    Source.complaints: "klachten",
    Source.logbook: "logboek",
    Source.neighbour_statement: "verklaring van een buurtbewoner",
    Source.riec: "RIEC",
    Source.lbb: "Landelijk Bureau Bibob",
}

TENURE_TEXT = {
    Tenure.social_rent: "sociale huur",
    Tenure.private_rent: "particuliere huur",
    Tenure.rent: "huur (soort verhuurder onbekend)",
    Tenure.owned: "eigendom",
}

ROLE_TEXT = {
    Role.key_figure: "sleutelfiguur",
    Role.member: "lid van het netwerk",
    Role.partner: "partner",
    Role.child: "kind",
    Role.associate: "bekende",
}

RELATION_TEXT = {
    RelationKind.parent: "ouder",
    RelationKind.child: "kind",
    RelationKind.sibling: "broer of zus",
    RelationKind.partner: "partner",
    RelationKind.cousin: "neef of nicht",
    RelationKind.uncle: "oom of tante",
    RelationKind.nephew: "neef of nicht (kind van broer of zus)",
    RelationKind.associate: "bekende",
    RelationKind.business_partner: "zakenpartner",
    RelationKind.financier: "financier",
    RelationKind.grandparent: "grootouder",
    RelationKind.grandchild: "kleinkind",
}

SHARING_TEXT = {
    SharingBasis.wgs: "WGS",
    SharingBasis.wet_bibob: "Wet Bibob",
    SharingBasis.wpg: "Wet politiegegevens",
    SharingBasis.wettelijke_plicht: "een andere wettelijke plicht",
    SharingBasis.toestemming: "toestemming",
    SharingBasis.convenant: "alleen een convenant",
    SharingBasis.geen: "geen",
}

DECIDING_TEXT = {
    DecidingBody.burgemeester: "burgemeester",
    DecidingBody.college: "college van burgemeester en wethouders",
    DecidingBody.raad: "gemeenteraad",
    DecidingBody.andere_overheid: "andere overheid",
}

#: Case values a person may read in a proof or a memo; the keys stay English in the data.
#: Values that are already Dutch words (premises and permit kinds) need no entry; business
#: kinds only lose their underscore.
VALUE_TEXT: dict[str, str] = {
    str(k): v
    for table in (
        FINDING_TEXT,
        SOURCE_TEXT,
        TENURE_TEXT,
        RELATION_TEXT,
        ROLE_TEXT,
        SHARING_TEXT,
        DECIDING_TEXT,
        {b: b.value.replace("_", " ") for b in BusinessKind},
    )
    for k, v in table.items()
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


def citation_data(c: Citation) -> dict[str, Any]:
    """A citation as the contract's ``CitationOut`` shapes it, for output built as data."""
    return {
        "law": c.law,
        "article": c.article,
        "paragraph": c.paragraph,
        "sub": c.sub,
        "bwb": c.bwb,
        "url": c.url,
        "verified": c.verified,
        "text": citation_text(c),
    }


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
