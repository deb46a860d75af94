"""Figures of other places are of other events (docs/labels.md, "Numbers"): two tolls, one per strike, do not
contradict each other, and a clause split from a sentence keeps the place its opening adverbial names."""

from __future__ import annotations

import claimcheck
from claimcheck.extract import extract_statements
from claimcheck.ingest import article_from_text

STRIKE_HERE = (
    "Meanwhile, in the Lviv region, a drone strike hit a fuel depot, and 16 people were wounded, "
    "the regional governor said.\n"
)
STRIKE_THERE = "Early on Tuesday, a drone strike on Odesa wounded seven people, officials said.\n"
STRIKE_HERE_AGAIN = "A drone strike on the Lviv region wounded seven people, officials said on Tuesday.\n"
FILLER = "\n\n".join([
    "The weather was mild across the region on Sunday.",
    "Markets closed higher as investors weighed the latest data.",
    "The festival drew large crowds to the old town square.",
    "The city council approved a new budget for road repairs.",
    "A new bridge over the river opened to traffic on Friday.",
    "The museum announced an exhibition of early photographs.",
]) + "\n"


def _wounded_verdict(tmp_path, nlp, other: str):
    for name, text in {"here.txt": STRIKE_HERE, "other.txt": other, "filler.txt": FILLER}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = claimcheck.load_corpus([str(tmp_path)], nlp=nlp, use_store=False)
    report = claimcheck.verify_articles([str(tmp_path / "here.txt")], corpus, nlp=nlp, use_model=False)
    (verdict,) = [v for v in report.verdicts if "16 people" in v.claim]
    return verdict


def test_a_clause_keeps_the_place_the_sentence_opens_with(nlp):
    (sentence,) = extract_statements(article_from_text(STRIKE_HERE, source="here.txt", html=False), nlp=nlp)

    first, second = sentence.clauses
    assert "16 people" in second.text
    assert "lviv" in {entity.key for entity in second.entities}
    assert "lviv" in {entity.key for entity in first.entities}


def test_a_toll_of_another_place_is_another_event_not_a_contradiction(tmp_path, nlp):
    verdict = _wounded_verdict(tmp_path, nlp, STRIKE_THERE)

    assert verdict.label == "single-sourced"
    (evidence,) = [e for e in verdict.evidence if e.source.endswith("other.txt")]
    assert evidence.stance == "mentions" and evidence.rule == "other-place"
    assert evidence.reason == "figures of another place: Odesa, the claim Lviv"


def test_a_different_toll_of_the_same_place_still_contradicts(tmp_path, nlp):
    verdict = _wounded_verdict(tmp_path, nlp, STRIKE_HERE_AGAIN)

    assert verdict.label == "contradicted"
    (evidence,) = [e for e in verdict.evidence if e.source.endswith("other.txt")]
    assert evidence.rule == "number-conflict"


def test_a_claim_of_one_content_word_is_not_matched_by_every_sentence_naming_it(tmp_path, nlp):
    # "It is not just about Lviv" holds one word besides who said it: a sentence naming Lviv neither
    # restates nor denies it, whatever its polarity
    (tmp_path / "quote.txt").write_text(
        "The mayor of Lviv, Ivan Hale, asked allies for air defence systems on Monday.\n\n"
        "\u201cThis isn\u2019t just about Lviv,\u201d Hale said.\n", encoding="utf-8")
    (tmp_path / "here.txt").write_text(STRIKE_HERE, encoding="utf-8")
    (tmp_path / "filler.txt").write_text(FILLER, encoding="utf-8")
    corpus = claimcheck.load_corpus([str(tmp_path)], nlp=nlp, use_store=False)

    report = claimcheck.verify_articles([str(tmp_path / "quote.txt")], corpus, nlp=nlp, use_model=False)

    (verdict,) = [v for v in report.verdicts if "just about" in v.claim]
    assert verdict.label == "single-sourced"
    assert verdict.evidence == []
