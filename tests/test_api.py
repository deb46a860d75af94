"""The library API a Python user calls directly."""

from __future__ import annotations

import pytest

import claimcheck
from tests.conftest import SEEDS


def test_public_names_are_exactly_the_documented_api():
    assert claimcheck.__all__ == [
        "Article",
        "ClaimcheckError",
        "Corpus",
        "Evidence",
        "EvidenceRule",
        "Report",
        "Verdict",
        "__version__",
        "check_texts",
        "iter_verified",
        "load_corpus",
        "verify_articles",
    ]
    public = {name for name in dir(claimcheck) if not name.startswith("_")} | {"__version__"}
    assert set(claimcheck.__all__) <= public


def test_public_names_are_the_library_objects_they_name():
    from pydantic import BaseModel

    for model in ("Article", "Evidence", "Report", "Verdict"):
        assert issubclass(getattr(claimcheck, model), BaseModel), model
    assert issubclass(claimcheck.ClaimcheckError, Exception)
    assert claimcheck.EvidenceRule("number-conflict") is claimcheck.EvidenceRule.NUMBER_CONFLICT
    for function in ("check_texts", "iter_verified", "load_corpus", "verify_articles"):
        assert callable(getattr(claimcheck, function)), function
    assert claimcheck.__version__.count(".") == 2
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        claimcheck.nothing_here  # noqa: B018


def test_check_texts_from_python_returns_labels_with_evidence(nlp):
    corpus = claimcheck.load_corpus([str(SEEDS)], nlp=nlp, use_store=False)
    report = claimcheck.check_texts(
        [("treaty", "Russia and North Korea have a mutual defense treaty.")], corpus, nlp=nlp
    )
    (verdict,) = report.verdicts
    assert verdict.id == "treaty"
    assert verdict.label == "corroborated"
    assert all(e.sentence and e.reason for e in verdict.evidence if e.stance == "supports")


def test_iter_verified_reports_each_input_in_order_as_it_is_checked(nlp, tmp_path):
    corpus = claimcheck.load_corpus([str(SEEDS)], nlp=nlp, use_store=False)
    first = tmp_path / "1-troops.txt"
    first.write_text("North Korea has sent about 10,000 troops to Russia, officials in Seoul said on Friday.\n")
    (tmp_path / "2-blob.txt").write_bytes(b"\x00\x01 binary")
    last = tmp_path / "3-copy.txt"
    last.write_text(min(SEEDS.glob("*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    seen = []

    reports = claimcheck.iter_verified([str(tmp_path)], corpus, nlp=nlp, on_progress=lambda name, done, total: seen.append((done, total)))
    troops = next(reports)
    assert [v.label for v in troops.verdicts] == ["corroborated"]
    assert seen == [(1, 3)]
    blob, copy = list(reports)
    assert not blob.verdicts and blob.failures[0].input == str(tmp_path / "2-blob.txt")
    assert copy.verdicts and {v.source for v in copy.verdicts} == {str(last)}
    assert seen == [(1, 3), (2, 3), (3, 3)]
