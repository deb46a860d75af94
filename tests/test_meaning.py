"""A sentence of an article restated in other words is support (`paraphrase`), judged by the same rules
as a restatement; the sentence encoder behind it is the packaged file, checked (docs/labels.md, "In other
words")."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.errors import ClaimcheckError
from claimcheck.extract import extract_statements, typed_claim
from claimcheck.ingest import article_from_text
from claimcheck.match import meaning as meaning_module
from claimcheck.match.index import StatementIndex
from claimcheck.match.meaning import load_meaning
from claimcheck.match.stance import decide_stance
from claimcheck.models import EvidenceRule

CLAIM = "Protesters blocked the main highway into Nairobi."
IN_OTHER_WORDS = "Demonstrators blocked the principal road leading into Nairobi."
FILLER = [
    "The weather was mild across the region on Sunday.",
    "Markets closed higher as investors weighed the latest data.",
    "The festival drew large crowds to the old town square.",
]

MORE_NEWS = [
    "Officials said the talks would continue next week in Vienna.",
    "The city council approved a new budget for road repairs.",
    "Heavy rain flooded several streets in the harbour district.",
    "A new bridge over the river opened to traffic on Friday.",
    "The national team won its qualifying match by two goals.",
    "Train services were delayed after a signal failure near the station.",
    "The museum announced an exhibition of early photographs.",
]


def _stance(claim_text: str, sentence_text: str, nlp, *, main_point: bool = True, meaning=None):
    article = article_from_text(sentence_text + "\n" + "\n".join(FILLER), source="case.txt", html=False)
    statements = extract_statements(article, nlp=nlp)
    claim = typed_claim(claim_text, nlp=nlp)
    return decide_stance(claim.statement, statements[0], idf=StatementIndex(statements).idf,
                         main_point=main_point, meaning=meaning)


def test_the_encoder_puts_a_paraphrase_closer_than_another_statement():
    encoder = load_meaning()
    paraphrase = encoder.similarity(CLAIM, IN_OTHER_WORDS)
    other = encoder.similarity(CLAIM, "Markets closed higher as investors weighed the latest data.")
    assert paraphrase > 0.65 > other
    assert encoder.similarity(CLAIM, CLAIM) == pytest.approx(1.0, abs=1e-5)


def test_a_sentence_of_an_article_in_other_words_supports_with_the_similarity_in_the_reason(nlp):
    decision = _stance(CLAIM, IN_OTHER_WORDS, nlp, meaning=load_meaning())
    assert decision is not None
    assert (decision.rule, decision.stance) == (EvidenceRule.PARAPHRASE, "supports"), decision.reason
    assert "same statement in other words: meaning similarity 0." in decision.reason


def test_without_the_encoder_the_same_pair_is_only_related(nlp):
    decision = _stance(CLAIM, IN_OTHER_WORDS, nlp)
    assert decision is None or decision.stance == "mentions"


def test_a_typed_claim_must_be_stated_in_its_words(nlp):
    decision = _stance(CLAIM, IN_OTHER_WORDS, nlp, main_point=False)
    assert decision is None or decision.stance == "mentions"


@pytest.mark.parametrize("sentence", [
    "Police said demonstrators never blocked the principal road leading into Nairobi.",
    "Demonstrators reportedly blocked the principal road leading into Nairobi.",
], ids=["negated", "hedged"])
def test_close_in_meaning_is_not_support_when_a_rule_objects(sentence, nlp):
    decision = _stance(CLAIM, sentence, nlp, meaning=load_meaning())
    assert decision is None or decision.stance != "supports", decision.reason


def test_verify_corroborates_a_claim_another_source_says_in_other_words(tmp_path, nlp):
    (tmp_path / "wire.txt").write_text(CLAIM + "\n\n" + "\n\n".join(FILLER) + "\n", encoding="utf-8")
    (tmp_path / "paper.txt").write_text(IN_OTHER_WORDS + "\n", encoding="utf-8")
    # Unrelated news, so that term rarity resembles a real corpus (in a few sentences every word is common).
    (tmp_path / "digest.txt").write_text("\n\n".join(MORE_NEWS) + "\n", encoding="utf-8")
    corpus = claimcheck.load_corpus([str(tmp_path)], nlp=nlp, use_store=False)

    report = claimcheck.verify_articles([str(tmp_path / "wire.txt")], corpus, nlp=nlp)

    (verdict,) = [v for v in report.verdicts if "Nairobi" in v.claim]
    assert verdict.label == "corroborated"
    (support,) = [e for e in verdict.evidence if e.stance == "supports"]
    assert (support.source.endswith("paper.txt"), support.rule) == (True, EvidenceRule.PARAPHRASE)


def test_an_altered_encoder_file_is_a_clear_error():
    distribution, path, _ = meaning_module.MODEL_FILE
    with pytest.raises(ClaimcheckError, match=r"is not the one claimcheck was measured with.*reinstall"):
        meaning_module._installed_file(distribution, path, "0" * 64)


def test_a_missing_encoder_package_is_a_clear_error():
    with pytest.raises(ClaimcheckError, match="needs the package 'no-such-encoder'; reinstall claimcheck"):
        meaning_module._installed_file("no-such-encoder", "model.onnx", "0" * 64)


@pytest.mark.parametrize(("claim", "sentence"), [
    ("Evacuated families have been sent to shelters run by the United Nations in the refugee camp.",
     "Families who fled were taken to United Nations shelters at the camp."),
    ("The pope comforted a young boy whose dog had died.",
     "Trying to console a little boy whose dog had died, the pope spoke of paradise."),
], ids=["taken-for-sent", "console-for-comfort"])
def test_a_paraphrase_need_not_name_the_action_in_the_claims_word(claim, sentence, nlp):
    decision = _stance(claim, sentence, nlp, meaning=load_meaning())
    assert decision is not None
    assert (decision.rule, decision.stance) == (EvidenceRule.PARAPHRASE, "supports"), decision.reason


def test_without_the_encoder_a_sentence_with_another_verb_does_not_state_the_action(nlp):
    decision = _stance("The pope comforted a young boy whose dog had died.",
                       "Trying to console a little boy whose dog had died, the pope spoke of paradise.", nlp)
    assert decision is None or decision.stance == "mentions"


LOTTERY_FRAUD = ("In 2016, she was arrested and extradited to Germany over her part in a phony lottery prize scheme "
                 "that targeted elderly victims.")


def test_a_year_both_give_ties_a_restatement_in_other_words_to_the_claim(nlp):
    decision = _stance(LOTTERY_FRAUD, "While in Poland in 2016 she was arrested as part of an international fraud ring and "
                       "brought to Germany to serve time in jail.", nlp, meaning=load_meaning())
    assert decision is not None and decision.stance == "supports", decision and decision.reason
    assert "in other words" in decision.reason


def test_with_another_year_the_same_loose_restatement_is_no_support(nlp):
    decision = _stance(LOTTERY_FRAUD, "While in Poland in 2013 she was arrested as part of an international fraud ring and "
                       "brought to Germany to serve time in jail.", nlp, meaning=load_meaning())
    assert decision is None or decision.stance != "supports", decision.reason
