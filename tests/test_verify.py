"""The second reading can fail: a difference is reported as a value, in Dutch, by name."""

from __future__ import annotations

import copy
from importlib.metadata import version

import pytest

from engine.case.flatten import flatten
from engine.case.read import read_case
from engine.case.vocabulary import SUBJECT_TEXT
from engine.inference import rete
from engine.inference.legal_basis import Inference
from engine.inference.status import TRUE
from engine.inference.verification import VerificationStatus
from tests.casegen import REFERENCE
from tests.conftest import EXAMPLES


def test_verify_agrees_on_an_example_case(inference: Inference) -> None:
    facts = flatten(read_case(EXAMPLES / "e1-visser.yaml"), REFERENCE, "voorbeeldstad")
    verdicts, _ = inference.assess(facts)
    verification = inference.verify(facts, verdicts)
    assert verification.status == VerificationStatus.agreed
    assert verification.engine == f"durable-rules {version('durable-rules')}"


def test_verify_reports_a_mismatch_when_durable_reads_other_facts(inference: Inference) -> None:
    facts = flatten(read_case(EXAMPLES / "e1-visser.yaml"), REFERENCE, "voorbeeldstad")
    verdicts, _ = inference.assess(facts)
    held = [
        (v.intervention.id, t.ref)
        for v in verdicts
        if v.intervention.legal_basis.condition is not None
        for t in v.targets
        if t.status == TRUE
    ]
    assert held, "E1 heeft ten minste één vervulde grondslag nodig voor deze test"
    # durable's side sees every entity stripped of its attributes: nothing it needs is known.
    altered = copy.deepcopy(facts)
    for attrs in altered.entities.values():
        for key in [k for k in attrs if k != "t"]:
            del attrs[key]
    verification = inference.verify(altered, verdicts)
    assert verification.status == VerificationStatus.mismatch
    itv, ref = held[0]
    kind, _, ident = ref.partition(":")
    spoken = SUBJECT_TEXT[kind]
    assert (
        f"grondslag {itv} voor {spoken} {ident}: volgens de evaluator vervuld, "
        "volgens durable-rules niet"
    ) in verification.differences, verification.differences


def test_assess_never_waits_for_durable(
    inference: Inference, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer comes from the evaluator alone; durable runs only when asked to verify."""

    def refuse(*_: object) -> list[object]:
        raise AssertionError("durable-rules draaide tijdens assess")

    monkeypatch.setattr(rete.Session, "run", refuse)
    facts = flatten(read_case(EXAMPLES / "e1-visser.yaml"), REFERENCE, "voorbeeldstad")
    verdicts, _ = Inference(inference.bundle).assess(facts)
    assert any(v.status == TRUE for v in verdicts)
