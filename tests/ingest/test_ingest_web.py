"""Reading URLs against a real HTTP server on 127.0.0.1: every case names its failure and the batch goes on."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from datetime import UTC, datetime

from conftest import CYRILLIC_TITLE, FAST

from claimcheck.ingest import ReadOptions, read_inputs
from claimcheck.ingest.fetch import retry_after_seconds


def reasons(failures):
    return {failure.input: failure.reason for failure in failures}


def test_good_page_gives_article_text_and_metadata(pages, read_options):
    articles, failures = read_inputs([pages.url("/good")], options=read_options)

    assert failures == []
    [article] = articles
    assert article.source == pages.url("/good")
    assert "inspection of the ferry would take at least three weeks" in article.text
    assert "Subscribe to our newsletter" not in article.text
    assert "Home" not in article.text.split()
    assert article.title == "Ferry route closed for inspection"
    assert article.author == "Maria Jensen"
    assert article.published == "2024-10-18"
    assert article.url == "https://www.harbourgazette.example.com/world/story"


def test_outlet_is_the_registered_domain_so_pages_of_one_site_are_one_source(pages, read_options):
    articles, _ = read_inputs([pages.url("/good"), pages.url("/news/1")], options=read_options)

    assert [article.outlet for article in articles] == ["127.0.0.1", "127.0.0.1"]


def test_plain_text_page_is_read_as_text(pages, read_options):
    [article], failures = read_inputs([pages.url("/plain")], options=read_options)

    assert failures == []
    assert article.text.startswith("The council approved the budget")


def test_404_is_reported_with_its_status_and_not_retried(pages, read_options):
    articles, failures = read_inputs([pages.url("/missing"), pages.url("/good")], options=read_options)

    assert reasons(failures) == {pages.url("/missing"): "HTTP 404 Not Found"}
    assert len(articles) == 1
    assert pages.requests["/missing"] == 1


def test_500_that_recovers_is_retried_until_it_succeeds(pages, read_options):
    articles, failures = read_inputs([pages.url("/flaky")], options=read_options)

    assert failures == []
    assert articles[0].title == "Bridge reopens after repairs"
    assert pages.requests["/flaky"] == 3


def test_server_error_that_persists_names_the_status_and_the_attempts(pages, read_options):
    _, failures = read_inputs([pages.url("/always-500")], options=read_options)

    assert reasons(failures) == {pages.url("/always-500"): "HTTP 503 Service Unavailable (after 3 attempts)"}
    assert pages.requests["/always-500"] == 3


def test_429_waits_as_long_as_retry_after_asks(pages, read_options):
    started = time.monotonic()
    articles, failures = read_inputs([pages.url("/busy")], options=read_options)

    assert failures == []
    assert articles[0].title == "Quota lifted"
    # The backoff configured is 0.01 s: only Retry-After: 1 explains a wait of a second.
    assert time.monotonic() - started >= 0.95


def test_retry_after_longer_than_the_limit_fails_at_once(pages, read_options):
    _, failures = read_inputs([pages.url("/busy-for-an-hour")], options=read_options)

    reason = reasons(failures)[pages.url("/busy-for-an-hour")]
    assert reason.startswith("HTTP 429 Too Many Requests; the server asks to wait 3600 s")
    assert pages.requests["/busy-for-an-hour"] == 1


def test_response_slower_than_the_timeout_fails_as_timeout(pages, read_options):
    started = time.monotonic()
    _, failures = read_inputs([pages.url("/slow")], options=read_options)

    assert reasons(failures) == {
        pages.url("/slow"): "timed out: the server sent nothing for 0.4 s (after 3 attempts)"
    }
    assert time.monotonic() - started < 4


def test_body_over_the_size_cap_is_refused_while_streaming(pages, read_options):
    _, failures = read_inputs([pages.url("/huge")], options=read_options)

    assert reasons(failures) == {pages.url("/huge"): "too large: more than the 0.25 MiB limit; stopped reading"}


def test_declared_length_over_the_cap_is_refused_before_reading(pages, read_options):
    _, failures = read_inputs([pages.url("/huge-declared")], options=read_options)

    assert reasons(failures) == {
        pages.url("/huge-declared"): "too large: 307,200 bytes, more than the 0.25 MiB limit"
    }


def test_redirect_loop_is_reported_as_a_loop(pages, read_options):
    _, failures = read_inputs([pages.url("/loop-a")], options=read_options)

    assert reasons(failures) == {
        pages.url("/loop-a"): f"redirect loop: {pages.url('/loop-a')} -> {pages.url('/loop-b')} -> {pages.url('/loop-a')}"
    }


def test_redirect_limit_applies(pages, read_options):
    options = read_options.model_copy(update={"fetch_settings": replace(FAST, max_redirects=0)})
    _, failures = read_inputs([pages.url("/moved")], options=options)

    assert "too many redirects (more than 0)" in reasons(failures)[pages.url("/moved")]


def test_redirect_is_followed_and_the_source_stays_the_url_given(pages, read_options):
    [article], failures = read_inputs([pages.url("/moved")], options=read_options)

    assert failures == []
    assert article.source == pages.url("/moved")
    assert article.title == "Ferry route closed for inspection"


def test_pdf_and_image_are_refused_by_type(pages, read_options):
    _, failures = read_inputs([pages.url("/report.pdf"), pages.url("/photo.png")], options=read_options)

    found = reasons(failures)
    assert found[pages.url("/report.pdf")] == (
        "refused type: the server sent application/pdf; save the PDF's text as a .txt file and pass that"
    )
    assert found[pages.url("/photo.png")] == (
        "refused type: the server sent image/png; claimcheck reads articles, not media"
    )


def test_windows_1251_page_is_decoded_from_its_meta_tag(pages, read_options):
    [article], failures = read_inputs([pages.url("/cp1251-meta")], options=read_options)

    assert failures == []
    assert article.title == CYRILLIC_TITLE
    assert "двести сорок пассажиров" in article.text


def test_windows_1251_page_is_decoded_from_the_http_header(pages, read_options):
    [article], failures = read_inputs([pages.url("/cp1251-header")], options=read_options)

    assert failures == []
    assert "двести сорок пассажиров" in article.text


def test_undecodable_bytes_are_reported_not_crashed_on(pages, read_options):
    articles, failures = read_inputs([pages.url("/bad-bytes"), pages.url("/good")], options=read_options)

    reason = reasons(failures)[pages.url("/bad-bytes")]
    assert reason.startswith("undecodable bytes at offset 21: not valid utf-8 as the HTTP Content-Type header declares")
    assert len(articles) == 1


def test_loopback_is_refused_by_default_without_contacting_it(pages, tmp_path):
    before = pages.total_requests
    _, failures = read_inputs([pages.url("/good")], options=ReadOptions(cache_dir=tmp_path, fetch_settings=FAST))

    assert reasons(failures) == {
        pages.url("/good"): "blocked address: host is loopback address 127.0.0.1; "
        "pass --allow-private to fetch from local or private networks"
    }
    assert pages.total_requests == before


def test_allow_private_lets_the_local_server_be_read(pages, tmp_path):
    articles, failures = read_inputs(
        [pages.url("/good")], options=ReadOptions(cache_dir=tmp_path, fetch_settings=FAST, allow_private=True)
    )

    assert failures == []
    assert len(articles) == 1


def test_redirect_to_link_local_metadata_address_is_blocked(pages, read_options):
    _, failures = read_inputs([pages.url("/to-metadata")], options=read_options)

    assert reasons(failures) == {
        pages.url("/to-metadata"): "blocked address: host is link-local address 169.254.169.254; "
        "pass --allow-private to fetch from local or private networks"
    }


def test_redirect_to_a_name_on_a_private_network_is_blocked(pages, read_options):
    _, failures = read_inputs([pages.url("/to-intranet")], options=read_options)

    assert reasons(failures) == {
        pages.url("/to-intranet"): "blocked address: host 'intranet.example.test' resolves to private address "
        "10.0.0.5; pass --allow-private to fetch from local or private networks"
    }


def test_only_http_and_https_are_fetched(read_options):
    _, failures = read_inputs(["file:///etc/passwd", "ftp://example.org/x"], options=read_options)

    assert reasons(failures) == {
        "file:///etc/passwd": "only http and https URLs are fetched, not file://",
        "ftp://example.org/x": "only http and https URLs are fetched, not ftp://",
    }


def test_one_bad_url_does_not_stop_the_others(pages, read_options):
    urls = [pages.url("/missing"), pages.url("/good"), pages.url("/report.pdf"), pages.url("/plain")]
    articles, failures = read_inputs(urls, options=read_options)

    assert [article.source for article in articles] == [pages.url("/good"), pages.url("/plain")]
    assert [failure.input for failure in failures] == [pages.url("/missing"), pages.url("/report.pdf")]


def test_requests_to_one_host_are_limited(pages, read_options):
    urls = [pages.url(f"/slowish?n={n}") for n in range(8)]
    pages.max_in_flight = 0
    options = read_options.model_copy(update={"fetch_settings": replace(FAST, max_per_host=2, max_concurrent=8)})
    articles, failures = read_inputs(urls, options=options)

    assert failures == []
    assert len(articles) == 8
    assert pages.max_in_flight == 2


def test_requests_carry_a_user_agent_that_names_claimcheck(pages, read_options):
    read_inputs([pages.url("/news/agent")], options=read_options)

    assert any(agent.startswith("claimcheck/") for agent in pages.user_agents)


def test_connection_refused_is_retried_then_reported(read_options):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"  # nothing listens here any more

    _, failures = read_inputs([url], options=read_options)

    reason = reasons(failures)[url]
    assert reason.startswith("connection failed: ")
    assert reason.endswith("(after 3 attempts)")


def test_retry_after_reads_seconds_and_http_dates():
    now = datetime(2024, 10, 18, 9, 0, 0, tzinfo=UTC).timestamp()

    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Fri, 18 Oct 2024 09:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Fri, 18 Oct 2024 08:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None
