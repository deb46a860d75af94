"""Local inputs -> Article: files, folders (recursively) and standard input."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.charset import decode_bytes
from claimcheck.ingest.text import article_from_text, content_hash, looks_like_html
from claimcheck.ingest.urls import URL_LIST_SUFFIXES
from claimcheck.models import Article

__all__ = ["article_files", "article_from_stdin", "article_from_text", "content_hash", "folder_entries", "read_file"]

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
    """The readable files of folder_entries(folder), without the entries that cannot be read."""
    return [entry for entry in folder_entries(folder) if isinstance(entry, Path)]


def folder_entries(folder: Path) -> list[Path | ArticleReadError]:
    """Files under a folder that hold articles or URL lists, and an error for each entry that cannot be read.

    Hidden files and folders (such as the .claimcheck store) are skipped, and never descended into;
    links to folders are not followed. A sub-folder that cannot be listed, a link loop or a broken
    link, and a name that is not valid UTF-8 each come back as an ArticleReadError naming the entry,
    in its place: the caller reports them and reads the rest. Sorted by path components, as pathlib
    sorts paths, so that runs are deterministic.
    """
    found: list[tuple[tuple[str, ...], Path | ArticleReadError]] = []
    # os.scandir reports each entry's type without a stat call: listing a 10,000-file corpus on
    # every run is a tenth of what Path.rglob and Path.is_file cost.
    pending: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while pending:
        directory, parts = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError as exc:
            found.append((parts, ArticleReadError(_shown(directory), f"folder cannot be read ({_why(exc)}); its files were not checked")))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            outcome = _entry_outcome(entry)
            if outcome == "folder":
                pending.append((entry.path, (*parts, entry.name)))
            elif isinstance(outcome, (Path, ArticleReadError)):
                found.append(((*parts, entry.name), outcome))
    found.sort(key=lambda pair: pair[0])
    return [outcome for _, outcome in found]


def _entry_outcome(entry: os.DirEntry[str]) -> Path | ArticleReadError | str | None:
    """'folder' to descend into, the path of an article file, an error for one that cannot be read, or None to skip."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        if os.path.splitext(entry.name)[1].lower() not in FOLDER_SUFFIXES:
            return None
        if not _is_utf8(entry.name):
            return ArticleReadError(_shown(entry.path), "file name is not valid UTF-8; rename the file to read it")
        if entry.is_file():
            return Path(entry.path)
        if entry.is_symlink() and not os.path.exists(entry.path):
            return ArticleReadError(entry.path, f"broken link (to {os.readlink(entry.path)}, which does not exist)")
        return None  # a device, a socket or a link to a folder: not an article
    except OSError as exc:
        return ArticleReadError(_shown(entry.path), f"cannot be read ({_why(exc)})")


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of the name come as surrogates (PEP 383)
        return False
    return True


def _shown(path: str) -> str:
    """A path printable as UTF-8: bytes of a name that are not UTF-8 shown as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _why(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "a link loop: too many levels of symbolic links"
    return (exc.strerror or str(exc)).lower()


def _url_hint(name: str) -> str:
    """A web address typed without its scheme reads as a missing file; say how to write it."""
    first = name.split("/", 1)[0]
    if "." in first and not first.startswith(".") and not first.endswith(".") and "/" in name:
        return f"; for a web page write the full URL, e.g. https://{name}"
    return ""
