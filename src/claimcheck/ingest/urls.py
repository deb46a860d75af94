"""Telling URLs from paths, checking them, and reading files that list URLs."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from claimcheck.errors import ArticleReadError, FetchError

URL_LIST_SUFFIXES = frozenset({".urls", ".txt"})
FETCHED_SCHEMES = frozenset({"http", "https"})
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# A URL list is a small hand-kept file; anything bigger is an article, not a list.
MAX_URL_LIST_BYTES = 1024 * 1024


def is_url(text: str) -> bool:
    """True for anything written as scheme://..., so that ftp:// or file:// get a clear refusal, not 'no such file'."""
    return bool(_SCHEME.match(text.strip()))


def checked_url(url: str) -> str:
    """The URL to fetch, fragment dropped (servers never see it); raises FetchError for what is never fetched."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in FETCHED_SCHEMES:
        raise FetchError(url, f"only http and https URLs are fetched, not {scheme}://")
    if not parts.hostname:
        raise FetchError(url, "URL has no host name")
    return urldefrag(url).url


def url_list_entries(path: Path) -> list[tuple[int, str]] | None:
    """(line number, entry) for each entry when the file is a URL list, else None.

    The rule: a `.urls` file is always a URL list. A `.txt` file is one when it has at least one
    entry and every line that is neither blank nor a comment starts with a scheme (`https://...`).
    Comments are lines starting with `#`, and anything after ` #` on a line (a URL holds no space).
    """
    suffix = path.suffix.lower()
    if suffix not in URL_LIST_SUFFIXES:
        return None
    try:
        if path.stat().st_size > MAX_URL_LIST_BYTES and suffix != ".urls":
            return None
        data = path.read_bytes()
    except OSError:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if suffix == ".urls":
            raise ArticleReadError(str(path), "URL list is not UTF-8 text; save it as UTF-8") from None
        return None
    entries = url_list_lines(text, only_urls=suffix != ".urls")
    if not entries and suffix == ".urls":
        raise ArticleReadError(str(path), "URL list holds no URLs (only blank lines and # comments)")
    return entries or None


def url_list_lines(text: str, *, only_urls: bool) -> list[tuple[int, str]] | None:
    """(line number, entry) for each line that is neither blank nor a comment.

    With only_urls, None as soon as one entry is not a URL: the text is then an article.
    """
    entries: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if not entry or entry.startswith("#"):
            continue
        if only_urls and not is_url(entry):
            return None
        entries.append((number, entry))
    return entries


def host_of(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # a malformed IPv6 host
        return None


def registered_domain(url: str | None) -> str | None:
    """The domain an outlet registered (`bbc.co.uk` for `https://www.bbc.co.uk/news/x`), or the bare host
    for IP addresses and local names."""
    if not url:
        return None
    from courlan import extract_domain  # ships with trafilatura; knows the public suffix list offline

    return extract_domain(url) or host_of(url)
