"""Decoded text -> Article: HTML through the page extractor, plain text with its optional metadata header."""

from __future__ import annotations

import hashlib

from claimcheck.errors import ArticleReadError
from claimcheck.ingest import frontmatter
from claimcheck.ingest.html import extract_page
from claimcheck.ingest.urls import registered_domain
from claimcheck.models import Article

# Longer texts are refused rather than parsed: an article of this length already takes the language
# pipeline about half a minute; past it, a "file" is a book or a dump, and one of them must not
# hold a run of many articles for hours.
MAX_ARTICLE_CHARS = 1_000_000


def check_length(text: str, *, source: str) -> str:
    """The text, or ArticleReadError when it is longer than an article claimcheck reads."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleReadError(
            source,
            f"text of {len(text):,} characters is longer than the {MAX_ARTICLE_CHARS:,} claimcheck reads as one article; "
            "split it into articles",
        )
    return text


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def article_from_text(text: str, *, source: str, html: bool, url: str | None = None) -> Article:
    """Build an Article from decoded text; HTML goes through the page extractor.

    `url` is where the text was fetched from. Plain text may open with a metadata header
    (see claimcheck.ingest.frontmatter), as the files `claimcheck fetch` writes do.
    """
    if html:
        page = extract_page(text, url=url)
        if page is None:
            raise ArticleReadError(source, "no article text found in the HTML page")
        return Article(
            source=source,
            text=check_length(page.text, source=source),
            title=page.title,
            outlet=page.outlet,
            author=page.author,
            published=page.published,
            url=page.url,
            content_hash=content_hash(page.text),
        )
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    header = frontmatter.parse(body)
    fields: dict[str, str] = {}
    if header is not None:
        fields = header.fields
        body = header.body.strip("\n")
    if not body.strip():
        raise ArticleReadError(source, "empty file (no text)" if url is None else "the page holds no text")
    check_length(body, source=source)
    page_url = fields.get("url") or url
    return Article(
        source=source,
        text=body,
        title=fields.get("title"),
        outlet=fields.get("outlet") or registered_domain(page_url),
        author=fields.get("author"),
        published=fields.get("published"),
        url=page_url,
        content_hash=content_hash(body),
    )
