"""Every evidence rule id (models.EvidenceRule) is fired by a claim/sentence pair of its own, and shows in
the JSON a user reads. The rules are tried in a fixed order (match/stance.py), so each pair is written to
reach its rule and no earlier one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from model_stand_in import Reading

from claimcheck.cli import cli
from claimcheck.extract import extract_statements, typed_claim
from claimcheck.ingest import article_from_text
from claimcheck.match import match_claim
from claimcheck.match.combine import combine
from claimcheck.match.index import StatementIndex
from claimcheck.match.stance import decide_stance
from claimcheck.models import Claim, EvidenceRule
from claimcheck.pipeline import check_texts, load_corpus
from claimcheck.report import render

Rule = EvidenceRule

# rule -> (claim, sentence, stance, words of the reason)
SENTENCE_RULES: dict[EvidenceRule, tuple[str, str, str, str]] = {
    Rule.OTHER_TIME: (
        "The two ministers signed the trade accord in Lisbon in 2019.",
        "The two ministers signed a trade accord in Lisbon in 2022.",
        "mentions", "another time: 2022, the claim 2019",
    ),
    Rule.EXCLUSIVE_ALTERNATIVE: (
        "Iran fired an intercontinental ballistic missile at Haifa.",
        "Iran fired a medium-range ballistic missile at Haifa on Friday.",
        "contradicts", "exclusive alternatives (missile range classes): 'intercontinental' vs 'medium-range'",
    ),
    Rule.CORRECTED_ALTERNATIVE: (
        "Iran fired an intercontinental ballistic missile at Haifa.",
        "Israel initially described the missile fired at Haifa as an intercontinental ballistic missile, "
        "but Iran clarified it as a short-range missile.",
        "contradicts", "'intercontinental' replaced by 'short-range'",
    ),
    Rule.MISSING_PARTICIPANT: (
        "Drones struck a hospital in Kherson.", "Drones struck a hospital in Odesa overnight.",
        "mentions", "does not name Kherson",
    ),
    Rule.CORRECTION: (
        "Drones caused the fire at the Odesa refinery.",
        "Officials first blamed drones for the fire at the Odesa refinery, but investigators later concluded "
        "it was an electrical fault.",
        "contradicts", "corrected: 'later concluded'",
    ),
    Rule.NUMBER_CONFLICT: (
        "Norway announced a $5 billion aid package for Kenya.",
        "Norway announced a $2.2 billion aid package for Kenya on Monday.",
        "contradicts", "numbers disagree: $5 billion vs $2.2 billion",
    ),
    Rule.IMPLIED_ACTION: (
        "Belarus has not sent any troops to Serbia.",
        "Belarusian troops are joining Serbian forces near the border, the defence ministry said.",
        "contradicts", "'join' implies 'send'",
    ),
    Rule.RELATED: (
        "Belarus has sent about 10,000 troops to Serbia.",
        "About 3,000 Belarusian soldiers are stationed at bases near the Serbian border.",
        "mentions", "related: covers",
    ),
    Rule.HEDGED_OPPOSITE: (
        "The bridge will reopen in May.", "The bridge reportedly will not reopen in May.",
        "mentions", "opposite statement, but hedged: 'reportedly'",
    ),
    Rule.DENIAL: (
        "The mayor resigned over the bridge scandal.",
        "The mayor denied reports that he resigned over the bridge scandal.",
        "contradicts", "denied: 'denied'",
    ),
    Rule.NEGATION: (
        "The bridge will reopen in May.", "The bridge will not reopen in May, engineers said.",
        "contradicts", "negated: 'will not reopen'",
    ),
    Rule.DENIED_ACTION_STATED: (
        "Chile has not sent any troops to Peru.", "Chile sent 2,000 troops to Peru in March, the government said.",
        "contradicts", "states what the claim denies ('has not sent')",
    ),
    Rule.OTHER_ACTION: (
        "The airline will open a new route to Lisbon.",
        "It would not surprise me if the airline opened a new route to Lisbon, an analyst said.",
        "mentions", "related, but about another action",
    ),
    Rule.HEDGED: (
        "Turkey has bought fighter jets from Pakistan.",
        "Turkey has allegedly bought fighter jets from Pakistan, unverified reports say.",
        "mentions", "hedged: 'allegedly'",
    ),
    Rule.OLDER_FIGURE: (
        "Canada has sent about 10,000 troops to Latvia.",
        "Canada has sent troops to Latvia, up from an initial estimate of 3,000 troops last week.",
        "mentions", "older figure, not a conflict: 3,000",
    ),
    Rule.FIGURE_NOT_STATED: (
        "The singer died at 57.", "The singer, one of the founding members of the band, died on Tuesday.",
        "mentions", "does not state the figure (57)",
    ),
    Rule.PREDICATE_NOT_STATED: (
        "The minister praised the new border agreement with Chile.",
        "The minister criticised the new border agreement with Chile on Monday.",
        "mentions", "related, but does not say 'praise'",
    ),
    Rule.PARTIAL_COVERAGE: (
        "The dispute between Peru and Chile has been ongoing since 2008, when Chile's seizure of the islands and "
        "support for rebel groups in southern Peru triggered a full-scale crisis.",
        "Fuel shipments from Bolivia have been crucial in helping Chile's units hold positions during the "
        "ongoing dispute in southern Peru.",
        "mentions", "related: covers the claim's core but",
    ),
    Rule.NUMBER_AGREEMENT: (
        "Norway announced a $5 billion aid package for Kenya.",
        "Norway announced a $5bn aid package for Kenya on Monday.",
        "supports", "numbers agree: $5 billion vs $5bn",
    ),
    Rule.RESTATEMENT: (
        "Egypt has bought fighter jets from France.",
        "According to officials in Cairo, Egypt has bought fighter jets from France.",
        "supports", "same statement: covers 100% of the claim (according to officials in Cairo)",
    ),
}
MODEL_RULES = {Rule.MODEL, Rule.MODEL_MISSING_PARTICIPANT}
# Source-level rules about disputes, each with its cases in tests/test_disputes.py.
# The source-level dispute rules have their cases in tests/test_disputes.py.
DISPUTE_RULES = {Rule.RELAYED_DENIED_TALE, Rule.TELLS_DENIED_TALE, Rule.ORIGIN_DENIED, Rule.DENIED_TALE}
# Support in other words needs the sentence encoder and a sentence of an article: cases in tests/test_meaning.py.
MEANING_RULES = {Rule.PARAPHRASE}
# A typed claim's places are part of its core (a sentence naming another is missing-participant), so
# other-place fires for a sentence of an article: tests/test_places.py.
PLACE_RULES = {Rule.OTHER_PLACE}
# Sentences of a background corpus, so that term rarity resembles a real corpus.
FILLER = [
    "The weather was mild across the region on Sunday.",
    "Markets closed higher as investors weighed the latest data.",
    "The festival drew large crowds to the old town square.",
]


def test_every_rule_id_has_a_case():
    assert set(SENTENCE_RULES) | MODEL_RULES | DISPUTE_RULES | MEANING_RULES | PLACE_RULES == set(EvidenceRule)


@pytest.mark.parametrize("rule", list(SENTENCE_RULES), ids=str)
def test_sentence_fires_its_rule(rule, nlp):
    claim_text, sentence_text, stance, reason = SENTENCE_RULES[rule]
    article = article_from_text(sentence_text + "\n" + "\n".join(FILLER), source="case.txt", html=False)
    statements = extract_statements(article, nlp=nlp)
    claim = typed_claim(claim_text, nlp=nlp)

    decision = decide_stance(claim.statement, statements[0], idf=StatementIndex(statements).idf)

    assert decision is not None
    assert (decision.rule, decision.stance) == (rule, stance), decision.reason
    assert reason in decision.reason


def _corpus(sentence: str, tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "source.txt").write_text(sentence + "\n\n" + "\n\n".join(FILLER) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("rule", list(SENTENCE_RULES), ids=str)
def test_json_report_names_the_rule_beside_its_reason(rule, tmp_path, nlp):
    claim_text, sentence_text, stance, reason = SENTENCE_RULES[rule]
    corpus = load_corpus([str(_corpus(sentence_text, tmp_path))], nlp=nlp)

    report = json.loads(render(check_texts([(None, claim_text)], corpus, nlp=nlp, use_model=False), "json"))

    (evidence,) = report["verdicts"][0]["evidence"]
    assert (evidence["rule"], evidence["stance"]) == (rule.value, stance), evidence["reason"]
    assert reason in evidence["reason"]


def _check_cli(claim: str, sentence: str, tmp_path: Path) -> dict:
    folder = _corpus(sentence, tmp_path)
    result = CliRunner().invoke(
        cli, ["check", claim, "--against", str(folder), "--store", str(tmp_path / "store"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema_version"] == "6"
    (verdict,) = report["verdicts"]
    (evidence,) = verdict["evidence"]
    return evidence


# Where the rules only see a related sentence the learned model reads the whole source and may decide.
MODEL_DECIDES = {Rule.OLDER_FIGURE, Rule.FIGURE_NOT_STATED, Rule.PREDICATE_NOT_STATED, Rule.PARTIAL_COVERAGE}


@pytest.mark.parametrize("rule", [rule for rule in SENTENCE_RULES if rule not in MODEL_DECIDES], ids=str)
def test_check_json_names_the_rule_that_decided(rule, tmp_path):
    claim_text, sentence_text, stance, reason = SENTENCE_RULES[rule]

    evidence = _check_cli(claim_text, sentence_text, tmp_path)

    assert (evidence["rule"], evidence["stance"]) == (rule.value, stance), evidence["reason"]
    assert reason in evidence["reason"]


def test_check_json_names_the_model_where_it_decided(tmp_path):
    claim_text, sentence_text, _, _ = SENTENCE_RULES[Rule.PREDICATE_NOT_STATED]

    evidence = _check_cli(claim_text, sentence_text, tmp_path)

    assert (evidence["rule"], evidence["stance"]) == ("model", "supports")
    assert evidence["reason"].startswith("model reads the source as supports")



class ConfidentModel:
    """A model that reads every source as agreeing with the claim."""

    def predict(self, claim: str, sentences: list[str]) -> Reading:
        return Reading("agree", {"agree": 0.9, "disagree": 0.02, "discuss": 0.06, "unrelated": 0.02})


def test_model_is_overruled_for_a_source_that_never_names_the_claims_participant(nlp):
    # No sentence of the source covers enough of the claim for a rule; the model alone would call it support.
    claim = typed_claim("Brazil has sent an armoured brigade to Ukraine.", nlp=nlp)
    article = article_from_text("Germany shipped tanks to Ukraine.\n" + "\n".join(FILLER), source="a.txt", html=False)
    statements = extract_statements(article, nlp=nlp)
    index = StatementIndex(statements)

    (evidence,) = match_claim(claim, index, origin_of=str, model=ConfidentModel(),
                              sentences_of=lambda source: statements)

    assert (evidence.rule, evidence.stance) == (Rule.MODEL_MISSING_PARTICIPANT, "mentions")
    assert evidence.reason == "does not name Brazil (the model alone would read it as supports)"
    assert json.loads(evidence.model_dump_json())["rule"] == "model-missing-participant"


def test_model_decision_carries_the_model_id(nlp):
    claim = typed_claim("Brazil has sent an armoured brigade to Ukraine.", nlp=nlp).statement
    sentences = extract_statements(article_from_text(
        "Brazil has dispatched armoured units to Ukraine, the ministry said.", source="a.txt", html=False), nlp=nlp)

    decision = combine(claim, None, ConfidentModel().predict("", []), sentences)

    assert decision is not None
    assert (decision.rule, decision.stance) == (Rule.MODEL, "supports")


def test_model_is_overruled_for_a_source_that_never_names_the_person_a_claims_he_refers_to(nlp):
    # "He" is Kipchoge, named in the sentence before: a source about another runner named Bekele says nothing of him.
    own = extract_statements(article_from_text(
        "Eliud Kipchoge won the marathon in Berlin on Sunday.\nHe was inspired by Bekele's record and thanked his coach.",
        source="own.txt", html=False), nlp=nlp)
    claim_statement = next(s for s in own if s.text.startswith("He was"))
    claim = Claim(id="c1", text=claim_statement.text, name="inspired by Bekele", typed=False, source="own.txt",
                  statement=claim_statement)
    other = extract_statements(article_from_text(
        "Kenenisa Bekele set a record in Berlin.\n" + "\n".join(FILLER), source="other.txt", html=False), nlp=nlp)

    (evidence,) = match_claim(claim, StatementIndex(other), origin_of=str, model=ConfidentModel(),
                              sentences_of=lambda source: other)

    assert (evidence.stance, evidence.rule) == ("mentions", Rule.MODEL_MISSING_PARTICIPANT)
    assert evidence.reason == "does not name Eliud Kipchoge (the model alone would read it as supports)"
