"""The terms a sentence is matched by: words of what it says, as claims and corpus sentences both spell them."""

from __future__ import annotations

import pytest

from claimcheck.extract import typed_claim


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    ("Abu Bakr al-Baghdadi has three wives.", {"abu", "bakr", "baghdadi", "wife"}, {"-"}),
    ("Saja al-Dulaimi was detained at a checkpoint.", {"saja", "dulaimi", "checkpoint"}, {"-"}),
    ("Father John Micheal O’neal was rushed to a hospital.", {"o_neal", "hospital"}, {"o’neal", "o'neal"}),
])
def test_terms_hold_the_words_of_names_and_no_punctuation(text, wanted, unwanted, nlp):
    terms = set(typed_claim(text, nlp=nlp).statement.terms)
    assert wanted <= terms
    assert not unwanted & terms
