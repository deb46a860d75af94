"""Each kind of stance pinned by a hand-written case of our own (fixtures/cases/stance.json)."""

from __future__ import annotations

import json

import pytest

from claimcheck.extract import extract_statements, typed_claim
from claimcheck.ingest import article_from_text
from claimcheck.match.index import StatementIndex
from claimcheck.match.stance import decide_stance
from tests.conftest import ROOT

CASES = json.loads((ROOT / "fixtures" / "cases" / "stance.json").read_text())["cases"]
# Sentences from a background corpus, so that term rarity resembles a real corpus.
FILLER = [
    "The weather was mild across the region on Sunday.",
    "Markets closed higher as investors weighed the latest data.",
    "The festival drew large crowds to the old town square.",
    "Officials said the talks would continue next week in Geneva.",
]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_stance_case(case, nlp):
    article = article_from_text(case["sentence"] + "\n" + "\n".join(FILLER), source="case.txt", html=False)
    statements = extract_statements(article, nlp=nlp)
    index = StatementIndex(statements)
    claim = typed_claim(case["claim"], nlp=nlp)
    decision = decide_stance(claim.statement, statements[0], idf=index.idf)
    if case["stance"] == "none":
        assert decision is None
        return
    assert decision is not None, "the sentence should count as evidence"
    assert decision.stance == case["stance"], decision.reason
    assert case.get("reason", "").lower() in decision.reason.lower()
    if "attributed_to" in case:  # who the sentence relays the claim from, or null for its own voice
        assert decision.statement.attribution == case["attributed_to"]
