"""What a source's denial reaches: the learned model's reading of a source as contradicting stands for a
sentence of an article only where the source disputes it (match/disputes.py, docs/labels.md)."""

from __future__ import annotations

import pytest
from model_stand_in import Reading

from claimcheck.extract import extract_statements, typed_claim
from claimcheck.ingest import article_from_text
from claimcheck.match.combine import combine

DISPUTING = Reading("disagree", {"agree": 0.05, "disagree": 0.7, "discuss": 0.2, "unrelated": 0.05})

TELLER = (
    "The promoter offered the band $40 million for a reunion tour of twelve cities.\n\n"
    "The promoter also offered the band a private jet for the tour.\n\n"
    "The band last played together at a charity concert in 2011.\n"
)
TALE_DENIER = (
    "A report that the band turned down a $40 million reunion offer is rubbish, the singer's agent said.\n\n"
    "The band last played together at a charity concert in 2011.\n"
)
FIGURE_DENIER = (
    "The $3 million figure is bogus, his lawyer said on Tuesday.\n\n"
    "The teenager studies at Franklin High School in Denver.\n"
)
POINTING_DENIER = (
    "The club heard that its member had made $3 million trading currencies.\n\n"
    "We have determined that these claims are false.\n"
)


def _sentences(text, nlp, source="source.txt"):
    return extract_statements(article_from_text(text, source=source, html=False), nlp=nlp)


def _claim(text, nlp):
    """A sentence of an article, as verify extracts it."""
    return _sentences(text, nlp, source="claim.txt")[0]


def _contradicted(claim_text, denier_text, nlp) -> bool:
    """Whether the model's reading of the denier as disputing contradicts this sentence of an article."""
    decision = combine(_claim(claim_text, nlp), None, DISPUTING, _sentences(denier_text, nlp), typed=False)
    return decision is not None and decision.stance == "contradicts"


def test_a_denial_of_the_report_reaches_a_detail_the_denier_never_mentions(nlp):
    claim = _claim("The promoter also offered the band a private jet for the tour.", nlp)

    decision = combine(claim, None, DISPUTING, _sentences(TALE_DENIER, nlp), typed=False)

    assert decision is not None and decision.stance == "contradicts"
    assert decision.statement.text.startswith("A report that the band turned down")
    assert "the source denies: 'A report that the band turned down" in decision.reason


def test_a_denial_does_not_reach_an_event_dated_to_another_year(nlp):
    claim = _claim("The band last played together at a charity concert in 2011.", nlp)

    decision = combine(claim, None, DISPUTING, _sentences(TALE_DENIER, nlp), typed=False)

    assert decision is None or decision.stance != "contradicts"


@pytest.mark.parametrize(
    ("claim_text", "reached"),
    [
        ("The teenager made $3 million trading currencies.", True),
        ("The teenager studies at Franklin High School in Denver.", False),
        ("The teenager bought a $40,000 car last spring.", False),
    ],
)
def test_a_denial_of_a_figure_reaches_only_claims_stating_that_figure(nlp, claim_text, reached):
    assert _contradicted(claim_text, FIGURE_DENIER, nlp) is reached


def test_claims_pointing_back_at_a_figure_deny_that_figure_only(nlp):
    denier = _sentences(POINTING_DENIER, nlp)

    figure = combine(_claim("The teenager made $3 million trading currencies.", nlp), None, DISPUTING, denier, typed=False)
    school = combine(_claim("The teenager studies at Franklin High School in Denver.", nlp), None, DISPUTING, denier,
                     typed=False)

    assert figure is not None and figure.stance == "contradicts"
    assert "these claims are false" in figure.statement.text
    assert school is None or school.stance != "contradicts"


def test_a_source_that_tells_the_tale_without_denying_does_not_contradict_its_details(nlp):
    claim = _claim("The promoter also offered the band a private jet for the tour.", nlp)
    other_teller = _sentences("The promoter offered the band $40 million for a reunion tour, a source said.\n", nlp)

    decision = combine(claim, None, DISPUTING, other_teller, typed=False)

    assert decision is None or decision.stance != "contradicts"


def test_a_denial_is_contradicted_by_a_source_telling_the_tale(nlp):
    claim = _claim("The band never received an offer for a reunion tour, its agent said.", nlp)

    decision = combine(claim, None, DISPUTING, _sentences(TELLER, nlp), typed=False)

    assert decision is not None and decision.stance == "contradicts"


def test_a_typed_claim_is_read_as_a_headline_against_a_source_without_denials(nlp):
    claim = typed_claim("The promoter offered the band a private jet for the tour.", nlp=nlp).statement

    decision = combine(claim, None, DISPUTING, _sentences(TELLER, nlp), typed=True)

    assert decision is not None and decision.stance == "contradicts"
    assert "the source denies" not in decision.reason


def _rule(claim, sentences):
    from claimcheck.match.index import StatementIndex
    from claimcheck.match.stance import decide_stance

    index = StatementIndex(sentences)
    decisions = [d for s in sentences if (d := decide_stance(claim, s, idf=index.idf)) is not None]
    return max(decisions, key=lambda d: (d.strength, d.relevance))


def test_a_source_relaying_the_tale_it_denies_as_a_whole_is_on_the_denying_side(nlp):
    claim = _claim("The promoter offered the band a private jet for the tour.", nlp)
    denier = _sentences(
        "A story in the Daily Echo that the band turned down a reunion offer is rubbish, the agent said.\n\n"
        "The promoter offered the band a private jet for the tour, the Daily Echo reported.\n",
        nlp,
    )
    rule = _rule(claim, denier)

    decision = combine(claim, rule, None, denier, typed=False)

    assert rule.stance == "supports"
    assert decision.stance == "contradicts" and decision.rule == "relayed-denied-tale"
    assert decision.reason.startswith("relays the story only to deny it: 'A story in the Daily Echo")


def test_a_denier_stating_a_background_fact_in_its_own_voice_still_supports_it(nlp):
    claim = _claim("The band played a charity concert in Leeds.", nlp)
    denier = _sentences(
        "A story in the Daily Echo that the band turned down a reunion offer is rubbish, the agent said.\n\n"
        "The band played a charity concert in Leeds.\n",
        nlp,
    )

    decision = combine(claim, _rule(claim, denier), None, denier, typed=False)

    assert decision.stance == "supports"


def test_a_denier_telling_the_background_in_its_own_voice_is_not_read_as_denying_it(nlp):
    # Its sentence covers the claim only in part (the rules see a related sentence), and the model reads the
    # source as disagreeing: the denial of the story does not take back what the source itself tells.
    claim = _claim("Heavy rain flooded homes and shops in the northern valley.", nlp)
    denier = _sentences(
        "Reports that the dam operator opened the gates and caused the flood are false, the operator said.\n\n"
        "Heavy rain flooded homes in the valley over the weekend.\n",
        nlp,
    )
    rule = _rule(claim, denier)

    decision = combine(claim, rule, DISPUTING, denier, typed=False)

    assert rule.stance == "mentions"
    assert decision is not None and decision.stance != "contradicts", decision.reason


def test_a_denial_of_the_whole_report_is_contradicted_by_a_source_telling_the_story(nlp):
    claim = _claim("The agent said the story that the band turned down a reunion tour offer was false.", nlp)
    teller = _sentences("The band turned down a reunion tour offer from the promoter, a source said.\n", nlp)
    related = Reading("discuss", {"agree": 0.1, "disagree": 0.1, "discuss": 0.7, "unrelated": 0.1})

    decision = combine(claim, _rule(claim, teller), related, teller, typed=False)

    assert decision.stance == "contradicts" and decision.rule == "tells-denied-tale"
    assert "tells the story the claim denies: 'The band turned down" in decision.reason


@pytest.mark.parametrize(
    ("claim_text", "reached"),
    [
        ("The teenager made $3 million trading currencies.", True),
        ("The teenager studies at Franklin High School in Denver.", False),
        ("The teenager first lost money trading currencies at age 11.", False),
    ],
)
def test_a_report_said_to_overstate_is_denied_only_in_its_figures(nlp, claim_text, reached):
    overstating = "Published claims that the teenager made a fortune trading turn out to be exaggerated.\n"

    assert _contradicted(claim_text, overstating, nlp) is reached


def test_a_denial_in_another_story_does_not_reach_a_namesake(nlp):
    claim = _claim("His hero is the investor Paul Tudor Jones.", nlp)
    other_story = _sentences(
        "A report that John Paul Jones turned down a reunion tour is rubbish, his publicist said.\n", nlp
    )

    decision = combine(claim, None, DISPUTING, other_story, typed=False)

    assert decision is None or decision.stance != "contradicts"


def test_a_denial_of_what_it_states_reaches_the_claims_saying_the_same(nlp):
    denier = _sentences("An official on Wednesday denied that the woman detained at the border is the warlord's wife.\n", nlp)

    wife = combine(_claim("Police detained the warlord's wife at the border on Monday.", nlp), None, DISPUTING, denier,
                   typed=False)
    flights = combine(_claim("The warlord's militia seized two airports in the north.", nlp), None, DISPUTING, denier,
                      typed=False)

    assert wife is not None and wife.stance == "contradicts"
    assert flights is None or flights.stance != "contradicts"


def test_calling_a_story_a_lie_denies_it(nlp):
    claim = _claim("The rebels agreed to a ceasefire with the army on Friday.", nlp)
    denier = _sentences("The rebel leader said the story of a ceasefire with the army is a lie.\n", nlp)

    decision = combine(claim, None, DISPUTING, denier, typed=False)

    assert decision is not None and decision.stance == "contradicts"


def test_who_said_it_is_not_a_participant_the_denier_must_name(nlp):
    claim = _claim("Spokesman Kofi Adjei said the rebels agreed to a ceasefire with the army.", nlp)
    denier = _sentences("The rebel leader said the story of a ceasefire with the army is a lie.\n", nlp)

    decision = combine(claim, None, DISPUTING, denier, typed=False)

    assert decision is not None and decision.stance == "contradicts"


@pytest.mark.parametrize(
    "relay",
    [
        "\u201cThe promoter offered the band a private jet for the tour,\u201d a friend of the singer recalled.",
        "The promoter offered the band a private jet for the tour, a source said.",
    ],
    ids=["quotation", "unnamed-voice"],
)
def test_a_denier_quoting_the_story_or_an_unnamed_voice_relays_it(nlp, relay):
    claim = _claim("The promoter offered the band a private jet for the tour.", nlp)
    denier = _sentences(
        f"A story in the Daily Echo that the band turned down a reunion offer is rubbish, the agent said.\n\n{relay}\n",
        nlp,
    )

    decision = combine(claim, _rule(claim, denier), None, denier, typed=False)

    assert decision.stance == "contradicts" and decision.rule == "relayed-denied-tale"


def test_a_claim_relaying_a_report_is_contradicted_by_a_denial_of_that_report(nlp):
    claim = _claim("The singer refused to sign the contract, a source close to the band told the Daily Echo.", nlp)
    denier = _sentences(
        "The singer's agent said the Daily Echo's story about the reunion was rubbish.\n\n"
        "The band has not performed together since its farewell concert.\n",
        nlp,
    )
    decision = combine(claim, None, None, denier, typed=False)

    assert decision.stance == "contradicts" and decision.rule == "origin-denied"
    assert decision.reason.startswith("denies the report the claim relays")


def test_a_denial_of_another_outlets_report_does_not_reach_a_claim_relaying_this_one(nlp):
    claim = _claim("The singer refused to sign the contract, a source close to the band told the Daily Echo.", nlp)
    denier = _sentences(
        "The singer's agent said the Morning Star's story about the reunion was rubbish.\n\n"
        "The band has not performed together since its farewell concert.\n",
        nlp,
    )

    decision = combine(claim, None, None, denier, typed=False)

    assert decision is None or decision.rule != "origin-denied"


DISCUSSING = Reading("discuss", {"agree": 0.1, "disagree": 0.1, "discuss": 0.7, "unrelated": 0.1})


def test_a_denier_the_model_reads_as_discussing_still_contradicts_the_tale_it_relays(nlp):
    claim = _claim("The promoter also offered the band a private jet for the tour, the Daily Echo reported.", nlp)

    decision = combine(claim, None, DISCUSSING, _sentences(TALE_DENIER, nlp), typed=False)

    assert decision is not None and decision.stance == "contradicts" and decision.rule == "denied-tale"
    assert decision.reason.startswith("denies the story as a whole: 'A report that the band turned down")


def test_a_denier_the_model_reads_as_discussing_leaves_what_an_article_tells_in_its_own_voice(nlp):
    # background of the story ("the software routes traffic", "the group has killed thousands") is told
    # firmly; the tale a denial of "a report" reaches is what the telling article itself relays or hedges
    claim = _claim("The promoter also offered the band a private jet for the tour.", nlp)

    decision = combine(claim, None, DISCUSSING, _sentences(TALE_DENIER, nlp), typed=False)

    assert decision is not None and decision.stance == "mentions" and decision.rule == "model"


def test_a_denier_the_model_reads_as_discussing_leaves_an_event_of_another_year_alone(nlp):
    claim = _claim("The band played a charity concert in Leeds in 2009.", nlp)

    decision = combine(claim, None, DISCUSSING, _sentences(TALE_DENIER, nlp), typed=False)

    assert decision is None or decision.stance != "contradicts"


def test_a_relay_just_before_a_denial_naming_no_one_is_not_what_the_denial_denies(nlp):
    # The relay names its source; the denial after it names nobody's report: the relay does not make it so.
    claim = _claim("The promoter offered the band a private jet for the tour.", nlp)
    source = _sentences(
        "The promoter offered the band a private jet for the tour, the Daily Echo reported.\n\n"
        "Fans of the band said online that the reports were false.\n",
        nlp,
    )
    rule = _rule(claim, source)

    decision = combine(claim, rule, None, source, typed=False)

    assert (decision.stance, decision.rule) == ("supports", "restatement"), decision.reason
    assert "according to the Daily Echo" in decision.reason


@pytest.mark.parametrize(("claim_text", "reached"), [
    # what the article says is so now, in its own voice: the background the tale is told against
    ("The band is one of the best-selling acts in history.", False),
    ("The band has sold more than 300 million records.", False),
    # the tale's events, and present-tense words that are someone's or tell of the report, stay within reach
    ("The singer tore up the contract in front of the promoter.", True),
    ("We have the right to cancel the tour at any time, the contract says.", True),
    ("Reports have surfaced that the promoter wants a second tour.", True),
])
def test_a_denial_of_the_report_does_not_reach_a_standing_fact_the_article_tells(nlp, claim_text, reached):
    assert _contradicted(claim_text, TALE_DENIER, nlp) is reached


def test_a_typed_claim_in_the_present_is_still_reached_by_a_denial_of_the_report(nlp):
    claim = typed_claim("The band is going on a $40 million reunion tour.", nlp=nlp).statement

    decision = combine(claim, None, DISPUTING, _sentences(TALE_DENIER, nlp), typed=True)

    assert decision is not None and decision.stance == "contradicts"


def test_an_official_name_is_named_by_its_country_and_its_head_word(nlp):
    """'The Federal Government of Somalia' is 'Somalia's government' to a denier: the source tells the same story."""
    claim = "The Federal Government of Somalia announced a ceasefire with the Harakat militia, a minister said."
    denier = ("The militants denied claims by Somalia's government that they had agreed to a ceasefire.\n\n"
              "Fighting went on in the south of the country on Sunday.\n")

    decision = combine(_claim(claim, nlp), None, DISCUSSING, _sentences(denier, nlp), typed=False)

    assert decision is not None and decision.stance == "contradicts" and decision.rule == "denied-tale"
    assert decision.statement.text.startswith("The militants denied claims by Somalia's government")


AGREEING = Reading("agree", {"agree": 0.75, "disagree": 0.1, "discuss": 0.1, "unrelated": 0.05})


def test_a_negation_inside_a_relayed_tale_is_contradicted_by_a_source_denying_the_tale(nlp):
    # The model learned that a denying body agrees with a denying headline; "was not enough" is part of the tale.
    claim = _claim("Even the promoter's money was not enough to get the singer to sign up, a source told the Daily Echo.", nlp)

    decision = combine(claim, None, AGREEING, _sentences(TALE_DENIER, nlp), typed=False)

    assert decision is not None and (decision.stance, decision.rule) == ("contradicts", "denied-tale")
    assert decision.reason.startswith("denies the story as a whole: 'A report that the band turned down")


def test_a_negation_the_article_tells_itself_is_not_supported_by_a_source_denying_the_tale(nlp):
    claim = _claim("The promoter's money was not enough to get the singer to sign up.", nlp)

    decision = combine(claim, None, AGREEING, _sentences(TALE_DENIER, nlp), typed=False)

    assert decision is not None and decision.stance == "mentions"
    assert "the source denies the story as a whole ('A report that the band turned down" in decision.reason


def test_a_negation_is_still_supported_by_a_source_that_denies_nothing(nlp):
    claim = _claim("The promoter's money was not enough to get the singer to sign up.", nlp)
    source = _sentences("The singer refused the promoter's offer of $40 million for a reunion tour.\n", nlp)

    decision = combine(claim, None, AGREEING, source, typed=False)

    assert decision is not None and (decision.stance, decision.rule) == ("supports", "model")


def test_a_typed_negation_keeps_the_models_support_from_a_denier(nlp):
    # a typed claim is read as a headline: the model's "two denials agree" is what it learned
    claim = typed_claim("The band did not turn down a $40 million reunion offer", nlp=nlp).statement

    decision = combine(claim, None, AGREEING, _sentences(TALE_DENIER, nlp), typed=True)

    assert decision is not None and decision.stance == "supports"


@pytest.mark.parametrize("what", ["suggestion", "assertion", "speculation"])
def test_a_denial_of_a_suggestion_reaches_the_whole_tale_like_a_denial_of_a_report(nlp, what):
    denier = f"The {what} that the band turned down a $40 million reunion offer is categorically false, the agent said.\n"

    assert _contradicted("The promoter also offered the band a private jet for the tour.", denier, nlp)


@pytest.mark.parametrize("denier", [
    "The band's agent disputed the Daily Echo's report on Monday.",
    "The band's agent pushed back against the Daily Echo's story on Monday.",
    "The band's agent shot down the Daily Echo's story on Monday.",
    "The Daily Echo's report was rejected by the band's agent on Monday.",
])
def test_a_verb_disputing_a_report_denies_the_whole_tale(nlp, denier):
    assert _contradicted("The promoter also offered the band a private jet for the tour, the Daily Echo reported.",
                         denier + "\n", nlp)


@pytest.mark.parametrize("sentence", [
    "The story of the band's reunion tour is being widely disputed.",  # a controversy, nobody named denies
    "The agent disputed the promoter's figures on Monday.",  # figures are no report
    "The army pushed back against the rebel attack on Monday.",
])
def test_a_verb_disputing_what_is_no_report_is_no_denial(nlp, sentence):
    assert _sentences(sentence + "\n", nlp)[0].denial is None


GOVERNMENT_DENIED = (
    "The rebel commander dismissed claims by the Nigerian government that a ceasefire had been agreed.\n\n"
    "The rebels have held the northern towns since April.\n"
)


def test_a_denial_of_one_partys_claims_does_not_reach_what_another_named_party_reported(nlp):
    assert not _contradicted(
        "Amnesty International said that the rebels were holding 300 women in their camps.",
        GOVERNMENT_DENIED, nlp,
    )


@pytest.mark.parametrize("claim", [
    "The Nigerian government said the rebels had agreed to a ceasefire and would hold their fire in the towns.",
    "The rebels agreed to a ceasefire and have stopped fighting in the northern towns.",
], ids=["relayed from the party whose claims are denied", "in the article's own voice"])
def test_a_denial_of_one_partys_claims_still_reaches_that_partys_tale(nlp, claim):
    assert _contradicted(claim, GOVERNMENT_DENIED, nlp)
