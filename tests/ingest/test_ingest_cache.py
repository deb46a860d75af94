"""The page cache: a page fetched once is read from disk; --offline never asks the network; --refresh does."""

from __future__ import annotations

from claimcheck.ingest import read_inputs


def test_warm_run_makes_zero_requests(pages, read_options):
    urls = [pages.url(f"/news/cache-{n}") for n in range(10)]
    cold, cold_failures = read_inputs(urls, options=read_options)
    after_cold = pages.total_requests

    warm, warm_failures = read_inputs(urls, options=read_options)

    assert cold_failures == warm_failures == []
    assert pages.total_requests == after_cold
    assert warm == cold


def test_offline_reads_cached_pages_and_reports_the_rest_without_a_request(pages, read_options):
    read_inputs([pages.url("/news/offline-cached")], options=read_options)
    before = pages.total_requests

    articles, failures = read_inputs(
        [pages.url("/news/offline-cached"), pages.url("/news/offline-never-fetched")], options=read_options.model_copy(update={"offline": True})
    )

    assert [article.source for article in articles] == [pages.url("/news/offline-cached")]
    assert [(failure.input, failure.reason) for failure in failures] == [
        (
            pages.url("/news/offline-never-fetched"),
            "not in the page cache, and --offline forbids fetching; run once without --offline",
        )
    ]
    assert pages.total_requests == before


def test_refresh_fetches_again(pages, read_options):
    url = pages.url("/news/refreshed")
    read_inputs([url], options=read_options)
    read_inputs([url], options=read_options.model_copy(update={"refresh": True}))

    assert pages.requests["/news/refreshed"] == 2


def test_failures_are_not_cached(pages, read_options):
    read_inputs([pages.url("/missing")], options=read_options)
    before = pages.requests["/missing"]
    _, failures = read_inputs([pages.url("/missing")], options=read_options)

    assert pages.requests["/missing"] == before + 1
    assert failures[0].reason == "HTTP 404 Not Found"


def test_a_damaged_cache_entry_is_fetched_again(pages, read_options):
    url = pages.url("/news/damaged")
    read_inputs([url], options=read_options)
    for entry in read_options.cache_dir.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")

    articles, failures = read_inputs([url], options=read_options)

    assert failures == []
    assert len(articles) == 1
    assert pages.requests["/news/damaged"] == 2


def test_the_same_url_given_twice_is_read_once(pages, read_options):
    url = pages.url("/news/twice")
    articles, failures = read_inputs([url, url], options=read_options)

    assert failures == []
    assert len(articles) == 1
    assert pages.requests["/news/twice"] == 1
