"""URLs -> Article: the page cache first, then the network, several pages at a time."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from claimcheck.errors import ArticleReadError, FetchError, OutputPathError
from claimcheck.ingest.cache import Page, PageCache, default_cache_dir
from claimcheck.ingest.charset import decode_bytes
from claimcheck.ingest.fetch import HTML_TYPES, Fetcher
from claimcheck.ingest.options import ReadOptions
from claimcheck.ingest.text import article_from_text, looks_like_html
from claimcheck.ingest.urls import checked_url, host_of
from claimcheck.models import Article


def read_urls(urls: Sequence[str], *, options: ReadOptions) -> list[Article | ArticleReadError]:
    """Read each URL as an Article, or the ArticleReadError saying why not, in input order; never raises for one URL."""
    cache = PageCache(options.cache_dir or default_cache_dir())
    pages: list[Page | ArticleReadError | None] = []
    missing: list[tuple[int, str, str]] = []
    for index, url in enumerate(urls):
        try:
            target = checked_url(url)
        except FetchError as exc:
            pages.append(exc)
            continue
        cached = None if options.refresh else cache.get(target)
        if cached is not None:
            pages.append(cached)
        elif options.offline:
            pages.append(
                FetchError(url, "not in the page cache, and --offline forbids fetching; run once without --offline")
            )
        else:
            pages.append(None)
            missing.append((index, url, target))
    if missing:
        missing = _interleave_hosts(missing)
        settings = options.fetch_settings
        with (
            Fetcher(settings=settings, policy=options.policy) as fetcher,
            ThreadPoolExecutor(max_workers=settings.max_concurrent) as pool,
        ):
            fetched = list(pool.map(lambda item: _fetch(fetcher, item[1], item[2]), missing))
        for (index, _, _), outcome in zip(missing, fetched, strict=True):
            if isinstance(outcome, Page):
                _store(cache, outcome)
            pages[index] = outcome
    outcomes: list[Article | ArticleReadError] = []
    for url, page in zip(urls, pages, strict=True):
        assert page is not None
        if isinstance(page, ArticleReadError):
            outcomes.append(page)
            continue
        try:
            outcomes.append(article_from_page(page, source=url.strip()))
        except ArticleReadError as exc:
            outcomes.append(exc)
    return outcomes


def _interleave_hosts(missing: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Round-robin over hosts, so that workers waiting for one busy host's slots do not hold up the others."""
    by_host: dict[str, list[tuple[int, str, str]]] = {}
    for item in missing:
        by_host.setdefault(host_of(item[2]) or "", []).append(item)
    queues = list(by_host.values())
    return [queue[turn] for turn in range(max(map(len, queues))) for queue in queues if turn < len(queue)]


def _fetch(fetcher: Fetcher, url: str, target: str) -> Page | ArticleReadError:
    try:
        page = fetcher.fetch(target)
    except ArticleReadError as exc:
        return FetchError(url, exc.reason)
    return page


def _store(cache: PageCache, page: Page) -> None:
    # A cache that cannot be written costs a refetch next time, not this run's article.
    with contextlib.suppress(OSError, OutputPathError):
        cache.put(page)


def article_from_page(page: Page, *, source: str) -> Article:
    """Decode and extract a fetched (or cached) page."""
    if page.content_type is None:
        sniffed = page.body[:2048].decode("ascii", "replace")
        is_html = looks_like_html(sniffed)
    else:
        is_html = page.content_type in HTML_TYPES
    text = decode_bytes(page.body, input=source, declared=page.charset, html=is_html)
    if not text.strip():
        raise ArticleReadError(source, "the page is empty")
    return article_from_text(text, source=source, html=is_html, url=page.final_url)
