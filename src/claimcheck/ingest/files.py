"""Local inputs -> Article: files, folders (recursively) and standard input."""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.charset import decode_bytes
from claimcheck.ingest.text import article_from_text, content_hash, looks_like_html
from claimcheck.ingest.urls import URL_LIST_SUFFIXES
from claimcheck.models import Article

__all__ = ["article_files", "article_from_stdin", "article_from_text", "content_hash", "read_file"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
# Files a folder is searched for: articles, and lists of URLs to read with them.
FOLDER_SUFFIXES = ARTICLE_SUFFIXES | URL_LIST_SUFFIXES
MAX_FILE_BYTES = 20 * 1024 * 1024


def read_file(path: Path, *, source: str | None = None) -> Article:
    """Read one article file. Raises ArticleReadError naming the file and the reason."""
    name = source or str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ArticleReadError(name, f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; is it an article?")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleReadError(name, "no such file or folder" + _url_hint(name)) from None
    except IsADirectoryError:
        raise ArticleReadError(name, "is a folder, not a file") from None
    except PermissionError:
        raise ArticleReadError(name, "permission denied") from None
    except OSError as exc:
        raise ArticleReadError(name, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ArticleReadError(name, "empty file (no text)")
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(data[:2048].decode("latin-1"))
    text = decode_bytes(data, input=name, html=is_html)
    return article_from_text(text, source=name, html=is_html)


def article_from_stdin(data: bytes) -> Article:
    """The article piped in; `-` names it."""
    if not data.strip():
        raise ArticleReadError("-", "standard input is empty")
    is_html = looks_like_html(data[:2048].decode("latin-1"))
    text = decode_bytes(data, input="-", html=is_html)
    return article_from_text(text, source="-", html=is_html)


def article_files(folder: Path) -> list[Path]:
    """Files under a folder that hold articles or URL lists, sorted so that runs are deterministic.

    Hidden files and folders (such as the .claimcheck store) are skipped, and never descended into;
    links to folders are not followed. Sorted by path components, as pathlib sorts paths.
    """
    found: list[tuple[str, ...]] = []
    # os.scandir reports each entry's type without a stat call: listing a 10,000-file corpus on
    # every run is a tenth of what Path.rglob and Path.is_file cost.
    pending: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while pending:
        directory, parts = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError:
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, (*parts, entry.name)))
            elif os.path.splitext(entry.name)[1].lower() in FOLDER_SUFFIXES and entry.is_file():
                found.append((*parts, entry.name))
    found.sort()
    return [folder.joinpath(*parts) for parts in found]


def _url_hint(name: str) -> str:
    """A web address typed without its scheme reads as a missing file; say how to write it."""
    first = name.split("/", 1)[0]
    if "." in first and not first.startswith(".") and not first.endswith(".") and "/" in name:
        return f"; for a web page write the full URL, e.g. https://{name}"
    return ""
