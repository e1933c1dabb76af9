"""The impact of a proposed ruleset version on the municipality's stored cases, in the
service: the same comparison as ``afweging impact`` (engine/impact), for a
beleidsmedewerker who has no copy of the cases and must not see them.

The report names cases only by a keyed pseudonym (an HMAC with a key kept in the store),
so it can be shared without naming a family and a guessed case id cannot be tested
against it. The run is bounded: a limit on the number of cases, the request body limit
on the proposal, and a deadline on the whole run. Both sides are compiled in this worker
(a stored version is compiled once and kept, api/rules.py); no process pool per request.
"""

from __future__ import annotations

import secrets
from functools import partial
from pathlib import PurePosixPath

from api.problems import FieldProblem, InvalidInput, NotFound, TooLarge, TooSlow
from api.rules import Rules, folder_sha256, refused
from api.schemas import ImpactIn, UploadedRulesetFile
from api.service import AdvisorLike
from api.settings import Settings
from api.store import Store
from api.store.repository import Actor
from engine.deadline import Deadline, DeadlineExceeded
from engine.impact.compare import pseudonym
from engine.impact.report import ImpactReport
from engine.impact.run import Corpus, compare, in_process
from engine.ruleset.bundle import SUFFIXES, Catalog, RulesetError

#: The name of the key in the store that makes the report's pseudonyms.
PSEUDONYM_SECRET = "impact-pseudonym"


class ImpactService:
    def __init__(self, rules: Rules, store: Store, settings: Settings):
        self.rules = rules
        self.store = store
        self.settings = settings

    def run(self, given: ImpactIn, who: Actor) -> ImpactReport:
        if (given.proposal is None) == (given.files is None):
            problem = FieldProblem(
                path="$.proposal",
                message="geef precies één voorstel: 'proposal' (een sha256) of 'files'",
            )
            raise InvalidInput(f"{problem.path}: {problem.message}", [problem])
        basis, basis_label = self._basis(given.basis)
        if given.files is not None:
            proposal, proposal_label = self._uploaded(given.files, who)
        else:
            proposal, proposal_label = self._stored(given.proposal or "", "$.proposal")
        cases = self._cases(who)
        key = self.store.secret(PSEUDONYM_SECRET, lambda: secrets.token_bytes(32))
        deadline = Deadline(self.settings.impact_deadline_seconds)
        try:
            report = compare(
                in_process(basis, deadline),
                in_process(proposal, deadline),
                Corpus(cases, []),
                basis_label=basis_label,
                proposal_label=proposal_label,
                alias=partial(pseudonym, key=key),
            )
        except DeadlineExceeded as exc:
            raise TooSlow(
                f"De impactanalyse is na {exc.seconds:g} seconden gestopt. De beheerder kan "
                "de termijn verruimen (AFWEGING_IMPACT_DEADLINE_SECONDS); of gebruik "
                "'afweging impact' op de commandoregel, die alle processorkernen gebruikt."
            ) from None
        self.rules.bundles.record_impact(
            who,
            {
                "basis": basis_label,
                "proposal": proposal_label,
                "cases": report.cases,
                "changed_cases": len(report.changed_cases),
            },
        )
        return report

    def _basis(self, sha256: str | None) -> tuple[AdvisorLike, str]:
        if sha256 is None:
            return self.rules.current(), f"rulesets die nu gelden {self.rules.sha256}"
        return self._stored(sha256, "$.basis")

    def _stored(self, sha256: str, path: str) -> tuple[AdvisorLike, str]:
        advisor = self.rules.stored(sha256)
        if advisor is None:
            raise NotFound(f"{path}: geen bewaarde rulesets met sha256 {sha256}.")
        return advisor, f"bewaarde rulesets {sha256}"

    def _uploaded(self, given: list[UploadedRulesetFile], who: Actor) -> tuple[AdvisorLike, str]:
        files: dict[str, bytes] = {}
        errors = []
        for n, item in enumerate(given):
            shown = PurePosixPath(item.path)
            if shown.is_absolute() or ".." in shown.parts or shown.suffix not in SUFFIXES:
                errors.append(
                    FieldProblem(
                        path=f"$.files[{n}].path",
                        message="een relatief pad binnen de rulesets-map, eindigend op .yaml",
                    )
                )
            elif str(shown) in files:
                errors.append(
                    FieldProblem(path=f"$.files[{n}].path", message="dit pad staat er twee keer in")
                )
            files[str(shown)] = item.content.encode("utf-8")
        if errors:
            raise InvalidInput("; ".join(f"{e.path}: {e.message}" for e in errors), errors)
        try:
            catalog = Catalog.from_files(files)
        except RulesetError as exc:
            raise refused(exc, files, "Het voorstel is niet geldig") from None
        sha = folder_sha256(files)
        self.rules.bundles.put(sha, "folder", files, who.who)
        return self.rules.compiled(sha, catalog), f"voorstel {sha}"

    def _cases(self, who: Actor) -> list[dict[str, object]]:
        limit = self.settings.impact_max_cases
        rows, total = self.store.list_cases(who, limit, 0)
        if total > limit:
            raise TooLarge(
                f"De gemeente heeft {total} casussen, meer dan de grens van {limit} voor een "
                "impactanalyse in de dienst. De beheerder kan die verruimen "
                "(AFWEGING_IMPACT_MAX_CASES); of gebruik 'afweging impact' op de commandoregel."
            )
        return [dict(row.data) for row in rows]
