"""What the user named -> what to read: files, stdin, URLs (given, or listed in a file), or a failure."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.files import ARTICLE_SUFFIXES, folder_entries
from claimcheck.ingest.urls import is_url, url_list_entries, url_list_lines


@dataclass(frozen=True, slots=True)
class LocalFile:
    name: str
    path: Path


@dataclass(frozen=True, slots=True)
class Stdin:
    data: bytes


@dataclass(frozen=True, slots=True)
class WebPage:
    url: str


@dataclass(frozen=True, slots=True)
class Failed:
    error: ArticleReadError


Item = LocalFile | Stdin | WebPage | Failed


def expand_inputs(inputs: Iterable[str], *, stdin: BinaryIO | None = None) -> list[Item]:
    """Every article the inputs name, in order. A URL named twice is read once.

    Standard input is read here, once: when every line of it that is not blank or a comment is
    a URL, it is a list of URLs (`cat sources.urls | claimcheck fetch - --out corpus/`).
    """
    items: list[Item] = []
    seen_urls: set[str] = set()

    def add_url(url: str) -> None:
        if url not in seen_urls:
            seen_urls.add(url)
            items.append(WebPage(url))

    for raw in inputs:
        item = raw.strip() if is_url(raw) else raw
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            urls = _urls_in(data)
            if urls:
                for url in urls:
                    add_url(url)
            else:
                items.append(Stdin(data))
        elif is_url(item):
            add_url(item)
        elif (path := Path(item)).is_dir():
            entries = folder_entries(path)
            if not entries:
                reason = f"folder holds no article files ({', '.join(sorted(ARTICLE_SUFFIXES))}) or URL lists (.urls)"
                items.append(Failed(ArticleReadError(item, reason)))
            for entry in entries:
                if isinstance(entry, ArticleReadError):
                    items.append(Failed(entry))
                else:
                    _add_file(items, add_url, str(entry), entry)
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


def _urls_in(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    return [entry for _, entry in url_list_lines(text, only_urls=True) or []]
