"""Copies of one story and pages of one outlet are one origin."""

from __future__ import annotations

from claimcheck.extract import extract_statements
from claimcheck.independence import assign_origins
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
