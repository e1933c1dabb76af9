"""Retention periods per municipality (``AFWEGING_BEWAARTERMIJN``, docs/adr/0012).

Written as ``gemeente=termijn`` pairs separated by commas, a term being a number of
years (``5j``) or days (``400d``): ``voorbeeldstad=5j,andersdorp=730d``. A municipality
without a term keeps everything: the service does not pick a period for it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_TERM = re.compile(r"^\s*(\d{1,4})\s*([jd])\s*$")


class BadTerm(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    years: int = 0
    days: int = 0

    def cutoff(self, now: dt.datetime) -> dt.datetime:
        """The moment before which a record has outlived this term (29 February: the 28th)."""
        year = now.year - self.years
        try:
            moved = now.replace(year=year)
        except ValueError:
            moved = now.replace(year=year, day=28)
        return moved - dt.timedelta(days=self.days)

    def __str__(self) -> str:
        if self.years:
            return f"{self.years} jaar"
        return f"{self.days} dagen"


def parse_terms(value: str) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for part in (p for p in value.split(",") if p.strip()):
        municipality, sep, term = part.partition("=")
        name = municipality.strip().lower()
        match = _TERM.match(term)
        if not sep or not name or match is None:
            raise BadTerm(
                f"AFWEGING_BEWAARTERMIJN: '{part.strip()}' is geen 'gemeente=termijn' met een "
                "termijn als 5j (jaren) of 400d (dagen)"
            )
        amount, unit = int(match.group(1)), match.group(2)
        if amount == 0:
            raise BadTerm(f"AFWEGING_BEWAARTERMIJN: de termijn van {name} is 0")
        terms[name] = Term(years=amount) if unit == "j" else Term(days=amount)
    return terms
