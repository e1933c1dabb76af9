"""From a case to an advice: the pipeline the CLI and the API call, and nothing more.

Rulesets are validated once and each bundle is compiled once (compile once, evaluate
many); every call then flattens the case, reads the legal bases, weighs, searches the
combinations into a typed ``Assessment``, and renders the Advice contract once.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from engine.case.flatten import Facts, flatten
from engine.case.models import Case
from engine.contract import Advice
from engine.deadline import UNLIMITED, Deadline
from engine.explain.render import Detail, render
from engine.inference.legal_basis import Inference
from engine.inference.verification import Verification
from engine.ruleset.bundle import Bundle, Catalog
from engine.weigh.assess import weigh
from engine.weigh.assessment import Assessment
from engine.weigh.combine import caps, combine
from engine.weigh.family import family_lens

#: The explicit request for national rules only, in place of a municipality's name.
NATIONAL = "landelijk"


def unknown_municipality(
    known: list[str], requested: str | None, home: str, ask: str
) -> str | None:
    """Why the municipality whose policy would apply is refused, or None when it is known.

    A misspelt municipality would silently get national rules only, without its own
    policy; so an unknown name is refused with the known ones, and national rules alone
    are had only by asking for them by name (``landelijk``), as ``ask`` says how.
    """
    name = (requested or home).strip().lower()
    if name == NATIONAL or name in (k.lower() for k in known):
        return None
    return (
        f"voor gemeente '{name}' is geen gemeentelijk beleid bekend; bekend: "
        + (", ".join(f"'{k}'" for k in known) or "geen")
        + f". Alleen de landelijke regels vraagt u uitdrukkelijk met {ask}"
    )


@dataclass(frozen=True)
class Read:
    """A case read for one rule set: the municipality whose policy applies, the reference
    date, what the advice notes about both, the bundle in force and the flat facts."""

    place: str
    date: dt.date
    notes: tuple[str, ...]
    bundle: Bundle
    facts: Facts


class Advisor:
    """Holds the validated catalog and the compiled bundles; safe to share across threads."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._bundles: dict[tuple[str, dt.date], Bundle] = {}
        self._compiled: dict[str, Inference] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_directory(cls, root: Path) -> Advisor:
        return cls(Catalog(root))

    def bundle(self, municipality: str | None, date: dt.date) -> Bundle:
        if municipality is not None and municipality.strip().lower() == NATIONAL:
            municipality = None
        key = ((municipality or "").lower(), date)
        with self._lock:
            if key not in self._bundles:
                if len(self._bundles) > 1024:
                    self._bundles.clear()
                self._bundles[key] = self.catalog.bundle(municipality, date)
            return self._bundles[key]

    def inference(self, bundle: Bundle) -> Inference:
        key = bundle.sha256  # hashed anew on every read
        with self._lock:
            if key not in self._compiled:
                self._compiled[key] = Inference(bundle)
            return self._compiled[key]

    def read(
        self, case: Case, municipality: str | None = None, reference_date: dt.date | None = None
    ) -> Read:
        """The case as flat facts under the rules in force for it, before any evaluation.

        With ``landelijk`` no municipal policy applies, but the case's own municipality
        still decides who and what is inside it.
        """
        notes = []
        date = reference_date or case.case.reference_date
        if date is None:
            date = dt.date.today()
            notes.append(f"Geen peildatum opgegeven; gerekend met vandaag ({date.isoformat()}).")
        place = (municipality or case.case.municipality).strip().lower()
        home = place
        if place == NATIONAL:
            home = case.case.municipality.lower()
            notes.append("Op verzoek alleen landelijke regels, zonder gemeentelijk beleid.")
        elif place not in self.catalog.municipalities:
            notes.append(
                f"Geen gemeentelijk beleid voor '{place}' gevonden; alleen landelijke regels."
            )
        return Read(place, date, tuple(notes), self.bundle(place, date), flatten(case, date, home))

    def assess(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
        *,
        deadline: Deadline = UNLIMITED,
    ) -> Assessment:
        read = self.read(case, municipality, reference_date)
        bundle, facts = read.bundle, read.facts
        verdicts, reading = self.inference(bundle).assess(facts, deadline)
        items = weigh(verdicts, bundle, case, facts, reading, deadline)
        combinations, options, exact = combine(items, deadline=deadline, limits=caps(bundle))
        deadline.check()  # a search stopped by the deadline gives no partial advice
        return Assessment(
            case_id=case.case.id,
            reference_date=read.date,
            municipality=read.place,
            bundle=bundle,
            facts=facts,
            evaluator=reading,
            interventions=items,
            combinations=combinations,
            options=options,
            exact=exact,
            notes=read.notes,
            family=family_lens(
                case, facts, {i.id: i for i in items}, combinations[0] if combinations else None
            ),
        )

    def advise(
        self,
        case: Case,
        municipality: str | None = None,
        reference_date: dt.date | None = None,
        *,
        detail: Detail = "summary",
        deadline: Deadline = UNLIMITED,
    ) -> Advice:
        return render(self.assess(case, municipality, reference_date, deadline=deadline), detail)

    def verify(
        self, case: Case, municipality: str | None, reference_date: dt.date | None
    ) -> Verification:
        """durable-rules' independent reading of the same evaluation (the second engine)."""
        read = self.read(case, municipality, reference_date)
        inference = self.inference(read.bundle)
        verdicts, _ = inference.assess(read.facts)
        return inference.verify(read.facts, verdicts)
