"""Label semantics (docs/labels.md), with evidence built by hand: no language processing involved."""

from __future__ import annotations

from claimcheck.models import Claim, Evidence, EvidenceRule, Statement
from claimcheck.verdict import label_claim


def _claim(typed: bool = True, source: str | None = None) -> Claim:
    statement = Statement(id="s", source=source or "", text="X sent troops.", start=0, end=14, terms=["x", "send", "troop"])
    return Claim(id="c1", text="X sent troops.", name="X sent troops", typed=typed, source=source, statement=statement)


def _evidence(source: str, stance: str, origin: str | None = None) -> Evidence:
    return Evidence(source=source, origin=origin or source, sentence="...", start=0, end=3, stance=stance,
                    rule=EvidenceRule.RESTATEMENT if stance == "supports" else EvidenceRule.NEGATION,
                    reason="test", relevance=0.9)


def test_typed_claim_needs_two_independent_supporters():
    one = label_claim(_claim(), [_evidence("a.txt", "supports")])
    two = label_claim(_claim(), [_evidence("a.txt", "supports"), _evidence("b.txt", "supports")])
    assert one.label == "single-sourced"
    assert two.label == "corroborated" and two.supporting_origins == 2


def test_one_outlet_counts_once():
    verdict = label_claim(_claim(), [
        _evidence("a.txt", "supports", origin="outlet:example.org"),
        _evidence("b.txt", "supports", origin="outlet:example.org"),
    ])
    assert verdict.label == "single-sourced"
    assert verdict.supporting_origins == 1


def test_article_claim_needs_one_other_origin_and_ignores_its_own():
    claim = _claim(typed=False, source="own.txt")
    alone = label_claim(claim, [_evidence("copy.txt", "supports", origin="own.txt")], own_origin="own.txt")
    backed = label_claim(claim, [_evidence("other.txt", "supports")], own_origin="own.txt")
    assert alone.label == "single-sourced" and alone.supporting_origins == 0
    # the copy's support is listed, marked and left out of the count
    assert [(e.source, e.same_origin, e.counted) for e in alone.evidence] == [("copy.txt", True, False)]
    assert alone.reason.endswith("; 1 source of its own origin (copy or outlet) also supports it, not counted")
    assert backed.label == "corroborated" and not backed.evidence[0].same_origin


def test_any_independent_contradiction_wins_and_both_counts_are_shown():
    verdict = label_claim(_claim(), [
        _evidence("a.txt", "supports"), _evidence("b.txt", "supports"), _evidence("c.txt", "contradicts"),
    ])
    assert verdict.label == "contradicted"
    assert (verdict.supporting_origins, verdict.contradicting_origins) == (2, 1)
    assert verdict.reason.startswith("1 independent source contradicts, 2 support")


def test_typed_claim_with_only_mentions_is_unmatched():
    verdict = label_claim(_claim(), [_evidence("a.txt", "mentions")])
    assert verdict.label == "unmatched"
    assert "only mention" in verdict.reason


def _relayed(source: str, party: str, origin: str | None = None) -> Evidence:
    return _evidence(source, "supports", origin).model_copy(update={"attributed_to": party})


def _cited(table: dict[str, str]):
    return lambda party: table.get(party.lower().removeprefix("the "))


def test_a_support_relayed_from_the_claims_own_outlet_does_not_count():
    claim = _claim(typed=False, source="ft-story.txt")
    origin_cited = _cited({"financial times": "outlet:ft.com"})

    verdict = label_claim(claim, [_relayed("wire.txt", "the Financial Times")], own_origin="outlet:ft.com",
                          origin_cited=origin_cited)

    assert verdict.label == "single-sourced" and verdict.supporting_origins == 0
    assert "1 source only relays the claim's own outlet (the Financial Times), not counted" in verdict.reason
    assert [e.source for e in verdict.evidence] == ["wire.txt"]


def test_two_sources_relaying_one_corpus_outlet_count_as_that_outlet():
    origin_cited = _cited({"reuters": "outlet:reuters.com"})

    verdict = label_claim(_claim(), [_relayed("a.txt", "Reuters"), _relayed("b.txt", "Reuters")],
                          origin_cited=origin_cited)

    assert verdict.label == "single-sourced" and verdict.supporting_origins == 1


def test_a_source_saying_an_outlet_confirmed_it_stands_on_that_outlets_origin():
    origin_cited = _cited({"reuters": "outlet:reuters.com"})
    confirmed = _evidence("b.txt", "supports").model_copy(update={"confirmed_by": "Reuters"})

    verdict = label_claim(_claim(), [_relayed("a.txt", "Reuters"), confirmed], origin_cited=origin_cited)

    assert verdict.label == "single-sourced" and verdict.supporting_origins == 1


def test_the_reason_says_when_every_support_cites_one_party():
    verdict = label_claim(_claim(), [_relayed("a.txt", "the Pentagon"), _relayed("b.txt", "The Pentagon")],
                          origin_cited=_cited({}))

    assert verdict.label == "corroborated"
    assert verdict.reason == "supported by 2 independent sources, both citing the Pentagon"


def test_a_single_sourced_claim_says_what_the_sources_that_only_mention_it_do():
    hedged = Evidence(source="/corpus/wire.txt", origin="/corpus/wire.txt", sentence="...", start=0, end=3,
                      stance="mentions", rule=EvidenceRule.HEDGED, reason="hedged: 'reportedly'", relevance=0.8)
    related = Evidence(source="/corpus/daily.txt", origin="/corpus/daily.txt", sentence="...", start=0, end=3,
                       stance="mentions", rule=EvidenceRule.RELATED, reason="related: covers 40% of the claim",
                       relevance=0.4)

    verdict = label_claim(_claim(typed=False, source="/corpus/own.txt"), [related, hedged], own_origin="/corpus/own.txt")

    assert verdict.label == "single-sourced"
    assert verdict.reason == ("no other independent source supports or contradicts it; 2 other sources only mention "
                              "it (closest, wire.txt: hedged: 'reportedly')")
