"""Very long text: refused with its reason past the article limit, parsed in bounded pieces below it; other inputs go on."""

from __future__ import annotations

import json

from conftest import small_article, write_articles

from claimcheck.extract import extract_statements
from claimcheck.ingest import article_from_text


def one_block(chars: int) -> str:
    """One paragraph with no line break: sentences run on and on (a page whose breaks were lost)."""
    sentences = []
    length = number = 0
    while length < chars:
        sentence = small_article(number).split("\n\n", 1)[1].strip() + " "
        sentences.append(sentence)
        length += len(sentence)
        number += 1
    return "".join(sentences)[:chars]


def test_an_article_over_a_million_characters_is_refused_with_its_reason_and_the_others_are_checked(invoke, tmp_path):
    news = tmp_path / "news"
    write_articles(news, 2)
    huge = news / "dump.txt"
    huge.write_text(one_block(1_200_000), encoding="utf-8")

    result = invoke("verify", str(news), "--format", "json")

    assert result.exit_code == 3, result.output[-2000:]
    assert (
        f"claimcheck: {huge}: text of 1,200,000 characters is longer than the 1,000,000 claimcheck reads as one "
        "article; split it into articles"
    ) in result.stderr
    assert "E088" not in result.output
    checked = {verdict["source"] for verdict in json.loads(result.stdout)["verdicts"]}
    assert checked == {str(news / "article-000.txt"), str(news / "article-001.txt")}


def test_a_paragraph_longer_than_a_parse_piece_is_parsed_in_pieces_with_offsets_into_the_article(nlp):
    from claimcheck.extract.nlp import MAX_PIECE_CHARS

    text = "Tram lines across Europe\n\n" + one_block(MAX_PIECE_CHARS + 3_000)
    article = article_from_text(text, source="long.txt", html=False)

    statements = extract_statements(article, nlp=nlp)

    assert all(article.text[s.start:s.end] == s.text for s in statements)
    assert statements[-1].end > MAX_PIECE_CHARS  # the part past the first piece was read too
    # the cut fell between sentences: none of the statements is a fragment glued across pieces
    assert all(s.text[-1] in ".!?" for s in statements[1:-1])
