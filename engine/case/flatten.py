"""A case as flat facts: one record per entity and one per link between entities.

Both the durable-rules session and the plain three-valued evaluator read this same
structure, which is what makes their results comparable. Absent attributes are left
out (unknown), never filled with a default; computed attributes (minor, months ago,
in the municipality) are only set when their inputs are known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel

from engine.case.models import Case

Value = str | int | float | bool


@dataclass
class Facts:
    """Entities by ref (``"premises:W1"``) and links by (ref, link name)."""

    entities: dict[str, dict[str, Value]] = field(default_factory=dict)
    links: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    reference_date: dt.date = dt.date(1970, 1, 1)

    def add(self, subject: str, ident: str, place: str, attrs: dict[str, Any]) -> str:
        ref = f"{subject}:{ident}"
        clean: dict[str, Value] = {"t": subject}
        for key, raw in attrs.items():
            if raw is None:
                continue
            if isinstance(raw, _SCALARS):
                clean[key] = raw
            elif isinstance(raw, dt.date):
                clean[key] = raw.isoformat()
        self.entities[ref] = clean
        self.places[ref] = place
        return ref

    def link(self, src: str, name: str, dst: str) -> None:
        targets = self.links.setdefault((src, name), [])
        if dst not in targets and dst in self.entities:
            targets.append(dst)

    def linked(self, ref: str, name: str) -> Sequence[str]:
        # Most entities lack most links: nothing is made for an absent one.
        return self.links.get((ref, name), ())

    def records(self) -> list[dict[str, Value]]:
        """Flat dicts for the rule engine, in a stable order."""
        out: list[dict[str, Value]] = [
            {"ref": ref, **attrs} for ref, attrs in self.entities.items()
        ]
        for (src, name), targets in self.links.items():
            rel = f"{self.entities[src]['t']}.{name}"
            out.extend({"t": "link", "rel": rel, "src": src, "dst": dst} for dst in targets)
        return out


#: Premises facts derived here from the residents, with the person attribute that is true
#: for the residents they count: so a concern on such a fact can name those residents.
FROM_RESIDENTS = {"premises.minor_residents": "minor"}


#: What an entity keeps of an attribute as it is; a date is kept as ISO text, the rest
#: (absent values, lists, nested models) is left out.
_SCALARS = (bool, int, float, str)


@cache
def _names(model: type[BaseModel], skip: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in model.model_fields if name not in skip)


def _fields(model: BaseModel, *skip: str) -> dict[str, Any]:
    """A model's given field values by name, in the order ``model_dump`` gives them; read
    from the instance, since a ``model_dump`` per entity cost as much as the rest of
    flattening (the models forbid extra fields and keep enum values, so nothing else would
    differ). Absent (``None``) fields are left out here, as the entity leaves them out: most
    of an entity's twenty or thirty fields are absent, and carrying them to ``Facts.add``
    cost a tenth of flattening."""
    values = vars(model)
    return {
        name: value for name in _names(type(model), skip) if (value := values[name]) is not None
    }


def _months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def _age(person_age: int | None, birth_year: int | None, on: dt.date) -> int | None:
    if person_age is not None:
        return person_age
    if birth_year is not None:
        # Without a birth date the youngest possible age is the safe reading for minors.
        return on.year - birth_year - 1
    return None


def flatten(case: Case, reference_date: dt.date, municipality: str | None = None) -> Facts:
    facts = Facts(reference_date=reference_date)
    info = case.case
    home = (municipality or info.municipality).lower()
    case_ref = facts.add("case", info.id, "case", _fields(info, "id"))

    for i, p in enumerate(case.persons):
        attrs = _fields(p, "id", "works_at", "convictions")
        age = _age(p.age, p.birth_year, reference_date)
        if age is not None:
            attrs["age"] = age
            # For a protection that starts at an age (an elderly resident), the reading most
            # favourable to the person is the age reached in the reference year.
            attrs["max_age"] = age if p.age is not None else age + 1
            # A stated minority is exacter than an age guessed from the birth year alone.
            attrs["minor"] = p.minor if p.age is None and p.minor is not None else age < 18
        if p.municipality is not None:
            attrs["in_municipality"] = p.municipality.lower() == home
        person_ref = facts.add("person", p.id, f"persons[{i}]", attrs)
        facts.link(case_ref, "persons", person_ref)
        for j, conviction in enumerate(p.convictions):
            cattrs = _fields(conviction)
            # With only a year, 1 January is the reading most favourable to the person.
            on = conviction.date or (
                dt.date(conviction.year, 1, 1) if conviction.year is not None else None
            )
            if on is not None:
                months = _months_between(on, reference_date)
                cattrs["months_ago"] = months
                cattrs["years_ago"] = round(months / 12, 2)
            cref = facts.add("conviction", f"{p.id}-{j}", f"persons[{i}].convictions[{j}]", cattrs)
            facts.link(person_ref, "convictions", cref)

    for i, prem in enumerate(case.premises):
        attrs = _fields(prem, "id", "residents", "users", "dwelling")
        if prem.municipality is not None:
            attrs["in_municipality"] = prem.municipality.lower() == home
        attrs["resident_count"] = len(prem.residents)
        ages = [facts.entities.get(f"person:{r}", {}).get("minor") for r in prem.residents]
        if any(a is True for a in ages):
            attrs["minor_residents"] = True
        elif prem.residents and all(a is False for a in ages):
            attrs["minor_residents"] = False
        ref = facts.add("premises", prem.id, f"premises[{i}]", attrs)
        facts.link(case_ref, "premises", ref)
        for resident in prem.residents:
            facts.link(ref, "residents", f"person:{resident}")
            facts.link(f"person:{resident}", "residences", ref)
        for user in prem.users:
            facts.link(ref, "users", f"person:{user}")
        for resident in prem.residents:
            for other in prem.residents:
                if other != resident:
                    facts.link(f"person:{resident}", "housemates", f"person:{other}")

    for prem in case.premises:
        if prem.dwelling:
            facts.link(f"premises:{prem.id}", "dwelling", f"premises:{prem.dwelling}")

    for i, rel in enumerate(case.relations):
        ref = facts.add(
            "relation", f"{rel.from_}-{rel.kind}-{rel.to}", f"relations[{i}]", {"kind": rel.kind}
        )
        facts.link(f"person:{rel.from_}", "relations", ref)
        facts.link(ref, "other", f"person:{rel.to}")

    for i, biz in enumerate(case.businesses):
        ref = facts.add("business", biz.id, f"businesses[{i}]", {"kind": biz.kind})
        facts.link(case_ref, "businesses", ref)
        if biz.premises:
            facts.link(ref, "premises", f"premises:{biz.premises}")
            facts.link(f"premises:{biz.premises}", "businesses", ref)
        for j, permit in enumerate(biz.permits):
            pref = facts.add(
                "permit", f"{biz.id}-{j}", f"businesses[{i}].permits[{j}]", _fields(permit)
            )
            facts.link(ref, "permits", pref)
        for person in [*biz.owners, *biz.managers, *biz.de_facto_managers, *biz.financiers]:
            facts.link(ref, "persons", f"person:{person}")
            facts.link(f"person:{person}", "businesses", ref)
        for person in [*biz.managers, *biz.de_facto_managers]:
            facts.link(ref, "managers", f"person:{person}")
        for person in biz.financiers:
            facts.link(ref, "financiers", f"person:{person}")

    for i, f in enumerate(case.findings):
        attrs = _fields(
            f, "id", "premises", "other_premises", "persons", "victims", "targets", "place"
        )
        # A finding over a period is as recent as the end of that period.
        when = f.date or f.period_end
        if when is not None:
            months = _months_between(when, reference_date)
            attrs["months_ago"] = months
            attrs["years_ago"] = round(months / 12, 2)
        if f.period_start is not None and f.period_end is not None:
            attrs["period_months"] = _months_between(f.period_start, f.period_end)
        ref = facts.add("finding", f.id, f"findings[{i}]", attrs)
        facts.link(case_ref, "findings", ref)
        for place in [p for p in [f.premises, *f.other_premises] if p]:
            facts.link(ref, "premises", f"premises:{place}")
            facts.link(f"premises:{place}", "findings", ref)
            for biz in case.businesses:
                if biz.premises == place:
                    facts.link(f"business:{biz.id}", "findings", ref)
        for person in f.persons:
            facts.link(ref, "persons", f"person:{person}")
            facts.link(f"person:{person}", "findings", ref)
        for person in [*f.victims, *f.targets]:
            facts.link(ref, "victims", f"person:{person}")
            facts.link(f"person:{person}", "victim_of", ref)

    for i, prior in enumerate(case.prior_interventions):
        attrs = _fields(prior, "id", "target")
        if prior.date is not None:
            months = _months_between(prior.date, reference_date)
            attrs["months_ago"] = months
            attrs["years_ago"] = round(months / 12, 2)
        ref = facts.add(
            "prior_intervention", prior.id or f"prior{i}", f"prior_interventions[{i}]", attrs
        )
        facts.link(case_ref, "prior_interventions", ref)
        if prior.target:
            for subject in ("premises", "person", "business"):
                if f"{subject}:{prior.target}" in facts.entities:
                    facts.link(f"{subject}:{prior.target}", "prior_interventions", ref)
    return facts
