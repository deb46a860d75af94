"""A sentence of an article is labelled by its main point; a typed claim must be stated in full
(docs/labels.md, "Main point")."""

from __future__ import annotations

import claimcheck

PROFILE = (
    "Dana Whitfield, a chemist from Leeds, won the Harrow Prize on Monday.\n\n"
    "Whitfield's biggest influence is Margaret Ostrova, a retired physicist from Geneva who ranks among "
    "the most cited scientists of her generation.\n\n"
    "Whitfield bought a farmhouse near Harrogate, though the sellers will stay there until they find 2 flats.\n\n"
    "Her laboratory opened in Harrogate last spring, with 14 researchers moving from Leeds.\n"
)
OTHER = (
    "Dana Whitfield said she would use the prize money to fund a laboratory.\n\n"
    "Her influence is Margaret Ostrova.\n\n"
    "Dana Whitfield recently bought a farmhouse near Harrogate.\n\n"
    "Whitfield's laboratory opened in Harrogate last spring.\n"
)
THIRD = "The Harrow Prize went to Dana Whitfield this week.\n"
# Unrelated news, so that term rarity resembles a real corpus (in five sentences every word is common).
FILLER = "\n\n".join([
    "The weather was mild across the region on Sunday.",
    "Markets closed higher as investors weighed the latest data.",
    "The festival drew large crowds to the old town square.",
    "Officials said the talks would continue next week in Vienna.",
    "The city council approved a new budget for road repairs.",
    "Heavy rain flooded several streets in the harbour district.",
    "A new bridge over the river opened to traffic on Friday.",
    "The national team won its qualifying match by two goals.",
    "Train services were delayed after a signal failure near the station.",
    "The museum announced an exhibition of early photographs.",
]) + "\n"


def _corpus(tmp_path, nlp):
    for name, text in {"profile.txt": PROFILE, "other.txt": OTHER, "third.txt": THIRD, "filler.txt": FILLER}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return claimcheck.load_corpus([str(tmp_path)], nlp=nlp, use_store=False)


def _profile_verdict(tmp_path, nlp, word):
    """verify's verdict on the profile's claim holding word, against the whole corpus."""
    corpus = _corpus(tmp_path, nlp)
    report = claimcheck.verify_articles([str(tmp_path / "profile.txt")], corpus, nlp=nlp, use_model=False)
    (verdict,) = [v for v in report.verdicts if word in v.claim]
    return verdict


def test_an_article_sentence_is_corroborated_on_its_main_point_and_the_reason_names_the_aside(tmp_path, nlp):
    verdict = _profile_verdict(tmp_path, nlp, "influence")
    assert verdict.label == "corroborated"
    (support,) = [e for e in verdict.evidence if e.stance == "supports"]
    assert support.source.endswith("other.txt")
    assert support.sentence == "Her influence is Margaret Ostrova."
    assert "does not confirm the aside naming Geneva" in support.reason


def test_a_figure_in_an_aside_is_named_in_the_reason_not_required(tmp_path, nlp):
    verdict = _profile_verdict(tmp_path, nlp, "farmhouse")
    assert verdict.label == "corroborated"
    (support,) = [e for e in verdict.evidence if e.stance == "supports"]
    assert support.sentence == "Dana Whitfield recently bought a farmhouse near Harrogate."
    assert "its aside's figure is not stated (2)" in support.reason


def test_a_typed_claim_must_be_stated_in_full(tmp_path, nlp):
    corpus = _corpus(tmp_path, nlp)
    typed = ("Whitfield's biggest influence is Margaret Ostrova, a retired physicist from Geneva who ranks "
             "among the most cited scientists of her generation.")
    report = claimcheck.check_texts([("influence", typed)], corpus, nlp=nlp, use_model=False)
    (verdict,) = report.verdicts
    other = [e for e in verdict.evidence if e.source.endswith("other.txt")]
    assert other and other[0].stance == "mentions", other
    assert "Geneva" in other[0].reason


def test_a_circumstance_told_with_with_is_an_aside(tmp_path, nlp):
    # "with 14 researchers moving from Leeds" is a clause of its own after "with": the circumstance of the
    # opening, not what the sentence asserts
    verdict = _profile_verdict(tmp_path, nlp, "laboratory opened")
    assert verdict.label == "corroborated", verdict.reason
    (support,) = [e for e in verdict.evidence if e.stance == "supports"]
    assert support.sentence == "Whitfield's laboratory opened in Harrogate last spring."
