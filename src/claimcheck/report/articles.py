"""Articles as read (claimcheck extract) -> table, JSON or JSON Lines text."""

from __future__ import annotations

import json
from collections.abc import Sequence

from claimcheck.config import OutputFormat
from claimcheck.errors import ConfigError
from claimcheck.models import Article, ReadFailure

__all__ = ["ARTICLE_FORMATS", "render_articles"]

ARTICLE_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL)


def render_articles(
    articles: Sequence[Article], failures: Sequence[ReadFailure], output_format: OutputFormat | str
) -> str:
    """JSON Lines: one article a line; JSON: articles and failures; table: metadata and text of each."""
    if output_format == OutputFormat.JSONL:
        return "".join(json.dumps(a.model_dump(mode="json"), ensure_ascii=False) + "\n" for a in articles)
    if output_format == OutputFormat.JSON:
        payload = {
            "articles": [a.model_dump(mode="json") for a in articles],
            "failures": [f.model_dump(mode="json") for f in failures],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if output_format != OutputFormat.TABLE:
        raise ConfigError(f"articles are written as {', '.join(ARTICLE_FORMATS)}, not {output_format!r}")
    blocks = []
    for article in articles:
        meta = [f"source:  {article.source}"]
        for label, value in (("title", article.title), ("outlet", article.outlet), ("author", article.author),
                             ("date", article.published), ("url", article.url)):
            if value:
                meta.append(f"{label + ':':<8} {value}")
        blocks.append("\n".join(meta) + f"\nwords:   {len(article.text.split())}\n\n{article.text.strip()}\n")
    return ("\n" + "-" * 72 + "\n").join(blocks)
