"""Local inputs -> Article: files, folders (recursively) and standard input."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.html import extract_page
from claimcheck.models import Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_FILE_BYTES = 20 * 1024 * 1024


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_text(data: bytes, *, input: str) -> str:
    """Bytes -> str: UTF-8 (with or without BOM), else cp1252 when it decodes cleanly; binary is refused."""
    if b"\x00" in data[:8192]:
        raise ArticleReadError(input, "not text (binary data); pass an HTML, text or Markdown file")
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ArticleReadError(
            input, f"undecodable bytes at offset {exc.start} (not UTF-8 or Windows-1252); re-save the file as UTF-8"
        ) from None
    return text


def article_from_text(text: str, *, source: str, html: bool, url: str | None = None) -> Article:
    """Build an Article from decoded text; HTML goes through the page extractor."""
    if html:
        page = extract_page(text, url=url)
        if page is None:
            raise ArticleReadError(source, "no article text found in the HTML page")
        return Article(
            source=source,
            text=page.text,
            title=page.title,
            outlet=page.outlet,
            author=page.author,
            published=page.published,
            url=page.url,
            content_hash=content_hash(page.text),
        )
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise ArticleReadError(source, "empty file (no text)")
    return Article(source=source, text=body, url=url, content_hash=content_hash(body))


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def read_file(path: Path, *, source: str | None = None) -> Article:
    """Read one article file. Raises ArticleReadError naming the file and the reason."""
    name = source or str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ArticleReadError(name, f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; is it an article?")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleReadError(name, "no such file or folder") from None
    except IsADirectoryError:
        raise ArticleReadError(name, "is a folder, not a file") from None
    except PermissionError:
        raise ArticleReadError(name, "permission denied") from None
    except OSError as exc:
        raise ArticleReadError(name, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ArticleReadError(name, "empty file (no text)")
    text = decode_text(data, input=name)
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    return article_from_text(text, source=name, html=is_html)


def read_stdin(stream=None) -> Article:
    data = (stream or sys.stdin.buffer).read()
    if not data.strip():
        raise ArticleReadError("-", "standard input is empty")
    text = decode_text(data, input="-")
    return article_from_text(text, source="-", html=looks_like_html(text))


def article_files(folder: Path) -> list[Path]:
    """Files under a folder that look like articles, sorted so that runs are deterministic.

    Hidden files and folders (such as the .claimcheck store) are skipped.
    """
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(path)
    return found


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Yield (name, path) for every article an input names; path None means stdin.

    A folder with no article files yields a failure marker: (name, folder) where the folder
    itself is passed through, so read_inputs can report it.
    """
    for item in inputs:
        if item == "-":
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            files = article_files(path)
            if not files:
                raise_later = ArticleReadError(
                    item, f"folder holds no article files ({', '.join(sorted(ARTICLE_SUFFIXES))})"
                )
                yield item, raise_later  # type: ignore[misc]
                continue
            for file in files:
                yield str(file), file
        else:
            yield item, path
