"""The library API a Python user calls directly."""

from __future__ import annotations

import claimcheck
from tests.conftest import SEEDS


def test_public_names_are_sorted_and_importable():
    assert claimcheck.__all__ == sorted(claimcheck.__all__)
    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None


def test_check_texts_from_python_returns_labels_with_evidence(nlp):
    corpus = claimcheck.load_corpus([str(SEEDS)], nlp=nlp, use_store=False)
    report = claimcheck.check_texts(
        [("treaty", "Russia and North Korea have a mutual defense treaty.")], corpus, nlp=nlp
    )
    (verdict,) = report.verdicts
    assert verdict.id == "treaty"
    assert verdict.label == "corroborated"
    assert all(e.sentence and e.reason for e in verdict.evidence if e.stance == "supports")
