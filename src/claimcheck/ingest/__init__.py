"""Ingest: paths, folders, stdin (and URLs) -> Article. The only stage that reads outside input."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.files import article_from_text, expand_inputs, read_file, read_stdin
from claimcheck.models import Article, ReadFailure

__all__ = ["article_from_text", "read_file", "read_inputs"]


def read_inputs(inputs: Iterable[str]) -> tuple[list[Article], list[ReadFailure]]:
    """Read every article the inputs name. Failures are collected, never raised: the batch goes on."""
    articles: list[Article] = []
    failures: list[ReadFailure] = []
    for name, target in expand_inputs(inputs):
        try:
            if isinstance(target, ArticleReadError):
                raise target
            article = read_stdin() if target is None else read_file(target, source=name)
        except ArticleReadError as exc:
            failures.append(ReadFailure(input=exc.input, reason=exc.reason))
            continue
        articles.append(article)
    return articles, failures
