"""What the user named -> what to read: files, stdin, URLs (given, or listed in a file), or a failure."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.files import ARTICLE_SUFFIXES, article_files
from claimcheck.ingest.urls import is_url, url_list_entries


@dataclass(frozen=True, slots=True)
class LocalFile:
    name: str
    path: Path


@dataclass(frozen=True, slots=True)
class Stdin:
    name: str = "-"


@dataclass(frozen=True, slots=True)
class WebPage:
    url: str


@dataclass(frozen=True, slots=True)
class Failed:
    error: ArticleReadError


Item = LocalFile | Stdin | WebPage | Failed


def expand_inputs(inputs: Iterable[str]) -> list[Item]:
    """Every article the inputs name, in order. A URL named twice is read once."""
    items: list[Item] = []
    seen_urls: set[str] = set()

    def add_url(url: str) -> None:
        if url not in seen_urls:
            seen_urls.add(url)
            items.append(WebPage(url))

    for raw in inputs:
        item = raw.strip() if is_url(raw) else raw
        if item == "-":
            items.append(Stdin())
        elif is_url(item):
            add_url(item)
        elif (path := Path(item)).is_dir():
            files = article_files(path)
            if not files:
                reason = f"folder holds no article files ({', '.join(sorted(ARTICLE_SUFFIXES))}) or URL lists (.urls)"
                items.append(Failed(ArticleReadError(item, reason)))
            for file in files:
                _add_file(items, add_url, str(file), file)
        else:
            _add_file(items, add_url, item, path)
    return items


def _add_file(items: list[Item], add_url: Callable[[str], None], name: str, path: Path) -> None:
    try:
        entries = url_list_entries(path)
    except ArticleReadError as exc:
        items.append(Failed(exc))
        return
    if entries is None:
        items.append(LocalFile(name, path))
        return
    for line, entry in entries:
        if is_url(entry):
            add_url(entry)
        else:
            items.append(Failed(ArticleReadError(f"{name}:{line}", f"not a URL: {entry!r}; write it as https://...")))
