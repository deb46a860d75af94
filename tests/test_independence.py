"""Copies of one story and pages of one outlet are one origin."""

from __future__ import annotations

from claimcheck.extract import extract_statements
from claimcheck.independence import CopyIndex, assign_origins, copied_source
from claimcheck.ingest import article_from_text
from claimcheck.models import Article

STORY = (
    "The port of Valdia reopened on Monday after a week of repairs.\n"
    "Engineers replaced two cranes that a storm had damaged last month.\n"
    "The harbour master said traffic would return to normal within days.\n"
    "Shipping companies had diverted more than forty vessels to other ports.\n"
)


def _article(source: str, text: str, outlet: str | None = None) -> Article:
    article = article_from_text(text, source=source, html=False)
    return article.model_copy(update={"outlet": outlet}) if outlet else article


def test_wire_copy_with_an_extra_line_is_one_origin(nlp):
    original = _article("wire.txt", STORY)
    copy = _article("reprint.txt", "Reprinted from the wire service.\n" + STORY)
    other = _article("other.txt", "A different report says the port stays closed until spring because of ice.\n")
    articles = [original, copy, other]
    sentences = {a.source: [s.text for s in extract_statements(a, nlp=nlp)] for a in articles}
    origins = assign_origins(articles, sentences)
    assert origins["wire.txt"] == origins["reprint.txt"]
    assert origins["other.txt"] != origins["wire.txt"]


def test_pages_of_one_outlet_are_one_origin():
    first = _article("a.txt", "One story.", outlet="www.Example.org")
    second = _article("b.txt", "Another story.", outlet="example.org")
    origins = assign_origins([first, second], {})
    assert origins["a.txt"] == origins["b.txt"]


def test_an_outside_article_copying_most_of_a_corpus_story_is_found():
    corpus = CopyIndex.from_sentences({"wire.txt": STORY.splitlines(), "other.txt": ["A different report says the port stays closed."]})
    edited = [*STORY.replace("more than forty vessels", "some thirty vessels").splitlines(), "Reporting by our staff."]
    assert copied_source(edited, corpus) == "wire.txt"
    assert copied_source(STORY.splitlines()[:2], corpus) is None  # two shared sentences are a quote, not a copy
    assert copied_source(["The port of Valdia stays shut, officials in the capital said on Monday."], corpus) is None


def test_an_outlet_keeps_its_origin_when_merged_with_another_by_a_copy(nlp):
    wire = _article("wire.txt", STORY, outlet="wire.example")
    reprint = _article("paper.txt", "Reprinted from the wire service.\n" + STORY, outlet="paper.example")
    articles = [wire, reprint]
    sentences = {a.source: [s.text for s in extract_statements(a, nlp=nlp)] for a in articles}
    origins = assign_origins(articles, sentences)
    assert origins["wire.txt"] == origins["paper.txt"]
    # An article from either outlet, read later, finds the same origin through its outlet.
    assert origins["outlet:wire.example"] == origins["outlet:paper.example"] == origins["wire.txt"]


def test_a_source_relaying_the_claims_own_outlet_adds_no_origin(tmp_path):
    """Circular reporting, end to end: the wire story only relays the outlet whose article is checked."""
    import json

    from click.testing import CliRunner

    from claimcheck.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "herald.txt").write_text(
        '---\noutlet: "The Valdia Herald"\n---\nThe port of Valdia sold four cranes to a shipping firm in Oslo.\n',
        encoding="utf-8",
    )
    (corpus / "wire.txt").write_text(
        "The port of Valdia sold four cranes to a shipping firm in Oslo, the Valdia Herald reported.\n",
        encoding="utf-8",
    )
    (corpus / "gazette.txt").write_text("The city council of Valdia approved a new budget for its schools.\n",
                                        encoding="utf-8")

    result = CliRunner().invoke(cli, ["verify", str(corpus / "herald.txt"), "--against", str(corpus),
                                      "--store", str(tmp_path / "store"), "--format", "json"])

    assert result.exit_code == 0, result.output
    (verdict,) = json.loads(result.stdout)["verdicts"]
    assert verdict["label"] == "single-sourced", verdict
    assert [(e["source"].rsplit("/", 1)[-1], e["stance"], e["attributed_to"]) for e in verdict["evidence"]] == [
        ("wire.txt", "supports", "the Valdia Herald")
    ]
    assert "1 source only relays the claim's own outlet (the Valdia Herald), not counted" in verdict["reason"]
