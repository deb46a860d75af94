"""How the rules' sentence stance and the learned model's reading of a whole source are combined."""

from __future__ import annotations

from model_stand_in import Reading

from claimcheck.extract import extract_statements, typed_claim
from claimcheck.ingest import article_from_text
from claimcheck.match.combine import combine


def _sentences(text, nlp):
    return extract_statements(article_from_text(text, source="source.txt", html=False), nlp=nlp)


def test_model_cannot_support_a_claim_about_someone_the_source_never_names(nlp):
    claim = typed_claim("Brazil has sent an armoured brigade to Ukraine.", nlp=nlp).statement
    sentences = _sentences("Germany has sent an armoured brigade to Ukraine, the ministry said.", nlp)
    confident = Reading("agree", {"agree": 0.9, "disagree": 0.02, "discuss": 0.06, "unrelated": 0.02})

    decision = combine(claim, None, confident, sentences)

    assert decision is not None and decision.stance == "mentions"
    assert decision.reason.startswith("does not name Brazil")


def test_model_support_stands_when_the_source_names_the_claims_entities(nlp):
    claim = typed_claim("Brazil has sent an armoured brigade to Ukraine.", nlp=nlp).statement
    sentences = _sentences("Brazil has dispatched armoured units to Ukraine, the ministry said.", nlp)
    confident = Reading("agree", {"agree": 0.9, "disagree": 0.02, "discuss": 0.06, "unrelated": 0.02})

    decision = combine(claim, None, confident, sentences)

    assert decision is not None and decision.stance == "supports"
    assert "model reads the source as supports (90%)" in decision.reason


def test_a_rule_contradiction_stands_whatever_the_model_reads(nlp):
    from claimcheck.match.index import StatementIndex
    from claimcheck.match.stance import decide_stance

    claim = typed_claim("Norway announced a $5 billion aid package for Kenya.", nlp=nlp).statement
    sentences = _sentences("Norway announced a $2.2 billion aid package for Kenya on Monday.", nlp)
    rule = decide_stance(claim, sentences[0], idf=StatementIndex(sentences).idf)
    agreeing = Reading("agree", {"agree": 0.8, "disagree": 0.05, "discuss": 0.1, "unrelated": 0.05})

    decision = combine(claim, rule, agreeing, sentences)

    assert decision.stance == "contradicts"
    assert "numbers disagree: $5 billion vs $2.2 billion" in decision.reason


def test_model_cannot_contradict_a_source_that_restates_the_claim(nlp):
    from claimcheck.match.index import StatementIndex
    from claimcheck.match.stance import decide_stance

    claim = typed_claim("The ferry route to the islands stayed closed for three weeks.", nlp=nlp).statement
    sentences = _sentences("The ferry route to the islands reportedly stayed closed for three weeks.", nlp)
    rule = decide_stance(claim, sentences[0], idf=StatementIndex(sentences).idf)
    disputing = Reading("disagree", {"agree": 0.1, "disagree": 0.6, "discuss": 0.25, "unrelated": 0.05})

    decision = combine(claim, rule, disputing, sentences)

    assert rule.stance == "mentions" and decision.stance == "mentions"


AGREEING = Reading("agree", {"agree": 0.9, "disagree": 0.02, "discuss": 0.06, "unrelated": 0.02})


def test_a_source_need_not_name_what_only_describes_a_person(nlp):
    claim = typed_claim("Oscar winner Daniel Marlow will play the lead in the new biopic.", nlp=nlp).statement
    sentences = _sentences("Daniel Marlow will play the lead in the new biopic, the studio said.", nlp)

    decision = combine(claim, None, AGREEING, sentences)

    assert decision is not None and decision.stance == "supports", decision


def test_a_source_must_name_a_persons_relation_the_claim_asserts(nlp):
    claim = typed_claim("Qureshi's wife Anna Keller was arrested in Lebanon.", nlp=nlp).statement
    sentences = _sentences("Anna Keller was arrested in Lebanon on Tuesday.", nlp)

    decision = combine(claim, None, AGREEING, sentences)

    assert decision is not None and decision.stance == "mentions"
    assert decision.reason.startswith("does not name Qureshi"), decision.reason


def test_a_source_need_not_name_who_a_side_clause_mentions(nlp):
    claim = typed_claim("The rebels, who are backed by Turkey, shot down a helicopter near Idlib.", nlp=nlp).statement
    sentences = _sentences("The rebels shot down a helicopter near Idlib on Tuesday.", nlp)

    decision = combine(claim, None, AGREEING, sentences)

    assert decision is not None and decision.stance == "supports", decision


def test_a_source_must_name_where_the_claims_main_clause_happened(nlp):
    claim = typed_claim("The rebels, who are backed by Turkey, shot down a helicopter near Idlib.", nlp=nlp).statement
    sentences = _sentences("The rebels shot down a helicopter on Tuesday.", nlp)

    decision = combine(claim, None, AGREEING, sentences)

    assert decision is not None and decision.stance == "mentions"
    assert decision.reason.startswith("does not name Idlib"), decision.reason


def test_when_the_claims_core_names_nobody_its_other_names_tie_it_to_its_story(nlp):
    claim = typed_claim("She was freed in exchange for nuns held in Syria.", nlp=nlp).statement
    sentences = _sentences("The schoolgirls were freed in exchange for prisoners, the government said.", nlp)

    decision = combine(claim, None, AGREEING, sentences)

    assert decision is not None and decision.stance == "mentions"
    assert decision.reason.startswith("does not name"), decision.reason
