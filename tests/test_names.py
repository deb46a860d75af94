"""Claim names as an analyst writes them: short, complete, never cut with '…', never without the figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.extract import typed_claim

CASES = json.loads((Path(__file__).parent / "cases" / "names.json").read_text(encoding="utf-8"))["cases"]


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["known_failure"])] if "known_failure" in case else []
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_claim_gets_the_name_an_analyst_would_give(case, nlp):
    assert typed_claim(case["sentence"], nlp=nlp).name == case["name"], case["why"]


@pytest.mark.parametrize("case", [pytest.param(case, id=case["id"]) for case in CASES])
def test_a_name_is_short_complete_and_keeps_the_figure(case, nlp):
    claim = typed_claim(case["sentence"], nlp=nlp)
    assert "…" not in claim.name and "\n" not in claim.name
    assert len(claim.name.split()) <= 14
    assert not claim.name.rstrip().endswith((",", ";", ":", " the", " of", " to"))
    figures = [q.text for q in claim.statement.quantities if q.governor == claim.statement.predicate and not q.dated]
    if figures:  # the first figure the claim's verb counts is the claim's figure
        assert figures[0].lower() in claim.name.lower(), f"{claim.name!r} lost the figure {figures[0]!r}"


def test_a_sentence_the_rules_cannot_shorten_keeps_a_complete_clause(nlp):
    sentence = ("The discovery of a series of unmarked graves near the old quarry outside the village "
                "has alarmed investigators across the whole region.")
    name = typed_claim(sentence, nlp=nlp).name
    assert "…" not in name
    assert "has alarmed investigators" in name  # the verb and what it acts on, never a subject alone
