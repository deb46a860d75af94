"""Ingest: paths, folders, stdin, URLs and lists of URLs -> Article.

The only stage that reads outside input, and the only place httpx and trafilatura appear.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.address import AddressPolicy
from claimcheck.ingest.cache import default_cache_dir
from claimcheck.ingest.claims import ClaimsFile, ClaimText, read_claims_file
from claimcheck.ingest.fetch import FetchSettings
from claimcheck.ingest.files import article_from_stdin, read_file
from claimcheck.ingest.inputs import (
    Failed,
    Item,
    LocalFile,
    Stdin,
    WebPage,
    expand_inputs,
)
from claimcheck.ingest.options import ReadOptions
from claimcheck.ingest.saving import save_article
from claimcheck.ingest.text import article_from_text
from claimcheck.ingest.web import read_urls
from claimcheck.models import Article, ReadFailure

__all__ = [
    "AddressPolicy",
    "ClaimText",
    "ClaimsFile",
    "FetchSettings",
    "ReadOptions",
    "article_from_text",
    "default_cache_dir",
    "read_claims_file",
    "read_file",
    "read_inputs",
    "read_items",
    "save_article",
]


def read_inputs(
    inputs: Iterable[str], *, options: ReadOptions | None = None
) -> tuple[list[Article], list[ReadFailure]]:
    """Read every article the inputs name; failures are collected, never raised: the batch goes on.

    Inputs are paths, folders (searched recursively), '-' for stdin (an article, or a list of
    URLs), http(s) URLs, and files that list URLs (see docs/ingest.md). URLs come from the page
    cache when fetched before; how the web is read is set by `options` (see ReadOptions).
    Articles and failures come back in input order.
    """
    articles: list[Article] = []
    failures: list[ReadFailure] = []
    for outcome in read_items(expand_inputs(inputs), options=options):
        if isinstance(outcome, ReadFailure):
            failures.append(outcome)
        else:
            articles.append(outcome)
    return articles, failures


def read_items(items: Sequence[Item], *, options: ReadOptions | None = None) -> Iterator[Article | ReadFailure]:
    """Read expanded inputs (claimcheck.ingest.inputs.expand_inputs), one article or failure per item, in order.

    Local files are read one at a time as the caller asks for the next, so a long folder can be
    worked through as it is read; the web pages are fetched together before the first is handed out.
    """
    urls = [item.url for item in items if isinstance(item, WebPage)]
    web_outcomes: dict[str, Article | ArticleReadError] = {}
    if urls:
        web_outcomes = dict(zip(urls, read_urls(urls, options=options or ReadOptions()), strict=True))
    for item in items:
        try:
            if isinstance(item, Failed):
                raise item.error
            if isinstance(item, WebPage):
                outcome = web_outcomes[item.url]
                if isinstance(outcome, ArticleReadError):
                    raise outcome
                article = outcome
            elif isinstance(item, Stdin):
                article = article_from_stdin(item.data)
            else:
                assert isinstance(item, LocalFile)
                article = read_file(item.path, source=item.name)
        except ArticleReadError as exc:
            yield ReadFailure(input=exc.input, reason=exc.reason)
            continue
        yield article
