"""Claim selection and atomic claims, on the golden cases of tests/cases/claims.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.extract import claims_from_statements, extract_statements
from claimcheck.models import Article

CASES = json.loads((Path(__file__).parent / "cases" / "claims.json").read_text(encoding="utf-8"))["cases"]


def _claims(text: str):  # type: ignore[no-untyped-def]
    article = Article(source="case.txt", text=text, content_hash="0")
    return claims_from_statements(extract_statements(article))


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_article_gives_exactly_the_analysts_claims(case: dict) -> None:
    claims = _claims(case["article"])
    assert [claim.text for claim in claims] == case["claims"], case["kind"]
    for claim in claims:
        # every claim's span is its text in the source, and it carries the sentence it came from
        assert case["article"][claim.statement.start:claim.statement.end] == claim.text
        assert claim.sentence is not None and claim.text in claim.sentence
        assert claim.sentence == case.get("sentence", {}).get(claim.text, claim.sentence)
        if claim.text in case.get("refers_to", {}):
            assert claim.refers_to == case["refers_to"][claim.text]


def test_a_pronoun_initial_claim_keeps_the_sentence_before_as_context() -> None:
    text = "Rebel fighters from the Northern Front entered the town of Kessa on Monday.\n\nThese troops seized the police station and the town hall before dawn."
    claims = _claims(text)
    assert claims[1].context == claims[0].text
    assert claims[0].context is None


def test_the_clauses_of_a_split_sentence_have_their_own_spans_inside_it() -> None:
    text = "Police arrested three men in Harwick on Monday, and the court in Dunmore charged two of them with fraud on Tuesday."
    first, second = _claims(text)
    assert first.statement.end < second.statement.start
    assert first.sentence == second.sentence == text
