"""The cyclic garbage collector is paused while an article is checked (its full passes over a big heap cost
a third of a check: docs/performance.md) and is on again afterwards, also when the check fails."""

from __future__ import annotations

import gc

import pytest

import claimcheck.pipeline
from claimcheck.memory import collector_paused
from claimcheck.pipeline import check_texts, load_corpus, verify_articles


@pytest.fixture()
def collector_on_at_labelling(monkeypatch):
    """Records, for each claim labelled, whether the collector was on; fails the claims of c.txt."""
    seen: list[bool] = []
    label = claimcheck.pipeline.label_claim

    def spying(claim, evidence, **kwargs):
        seen.append(gc.isenabled())
        if claim.source is not None and claim.source.endswith("c.txt"):
            raise KeyError("")
        return label(claim, evidence, **kwargs)

    monkeypatch.setattr(claimcheck.pipeline, "label_claim", spying)
    monkeypatch.delenv("CLAIMCHECK_DEBUG", raising=False)
    return seen


def test_the_collector_is_paused_during_a_check_and_on_again_after_a_failed_article(articles_dir, collector_on_at_labelling):
    assert gc.isenabled()
    corpus = load_corpus([str(articles_dir)])

    report = verify_articles([str(articles_dir)], corpus)

    assert report.verdicts and any("c.txt" in failure.input for failure in report.failures)
    assert collector_on_at_labelling and not any(collector_on_at_labelling)
    assert gc.isenabled()



def test_typed_claims_are_labelled_with_the_collector_paused_one_claim_at_a_time(articles_dir, collector_on_at_labelling):
    corpus = load_corpus([str(articles_dir)])

    report = check_texts([(None, "The Marlow football club signed Tomas Berg."),
                          (None, "Heavy rain flooded the station.")], corpus)

    assert [verdict.label for verdict in report.verdicts] == ["corroborated", "single-sourced"]
    assert collector_on_at_labelling == [False, False] and gc.isenabled()

def test_a_caller_that_turned_the_collector_off_keeps_it_off():
    gc.disable()
    try:
        with collector_paused():
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pause_ends_when_its_block_raises():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()
