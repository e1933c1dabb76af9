"""The Dutch memo a mayor reads: network, recommendation, motivation."""

from __future__ import annotations

import datetime as dt
import re

from engine.case.read import read_case
from engine.explain.memo import memo
from tests.conftest import EXAMPLES


def test_e1_memo_has_motivation_with_citations(advisor):
    case = read_case(EXAMPLES / "e1-visser.yaml")
    text = memo(advisor.assess(case, "voorbeeldstad", dt.date(2026, 3, 1)), case)
    motivation = text[text.index("## Conceptmotivering") :]
    assert "art. 13b" in motivation and "Opiumwet" in motivation
    assert "art. 3:4" in motivation and "Awb" in motivation and "art. 3:46" in motivation
    assert "kindimpactnotitie" in text
    assert "Els (P2)" in text and "9 jaar" in text
    assert text.index("## Aanbevolen combinatie") < text.index("## Interventies")
    assert "Wist deze persoon van de overtreding" in text


def test_e2_memo_has_no_formal_motivation(advisor):
    case = read_case(EXAMPLES / "e2-meijer.yaml")
    text = memo(advisor.assess(case, "voorbeeldstad", dt.date(2026, 3, 1)), case)
    assert "## Aanbevolen combinatie" in text
    assert "Conceptmotivering: Sluiting" not in text


def test_memo_without_case_still_reads(advisor):
    case = read_case(EXAMPLES / "e1-visser.yaml")
    text = memo(advisor.assess(case, "voorbeeldstad", dt.date(2026, 3, 1)))
    assert "## Aanbevolen combinatie" in text


def test_memo_speaks_dutch_about_the_case(advisor):
    """Case values stay English in the data; the mayor reads Dutch."""
    case = read_case(EXAMPLES / "e1-visser.yaml")
    text = memo(advisor.assess(case, "voorbeeldstad", dt.date(2026, 3, 1)), case)
    assert "sociale huur" in text and "social_rent" not in text
    assert "bestuurlijke rapportage" in text and "bestuurlijke_rapportage" not in text
    assert "- Bevoegd: burgemeester" in text
    # No English key or value (snake_case) and no Python None reaches the reader.
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b|\bNone\b", text)


def test_every_case_value_a_person_reads_has_a_dutch_label():
    from engine.case.models import (
        DecidingBody,
        FindingKind,
        RelationKind,
        Role,
        SharingBasis,
        Source,
        Tenure,
    )
    from engine.explain.text import (
        DECIDING_TEXT,
        FINDING_TEXT,
        RELATION_TEXT,
        ROLE_TEXT,
        SHARING_TEXT,
        SOURCE_TEXT,
        TENURE_TEXT,
    )

    for table, kind in (
        (SHARING_TEXT, SharingBasis),
        (DECIDING_TEXT, DecidingBody),
        (FINDING_TEXT, FindingKind),
        (SOURCE_TEXT, Source),
        (TENURE_TEXT, Tenure),
        (ROLE_TEXT, Role),
        (RELATION_TEXT, RelationKind),
    ):
        assert set(table) == set(kind), kind.__name__
