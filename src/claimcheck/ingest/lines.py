"""Line numbers for claims and evidence, so that SARIF, JUnit, CSV and Markdown can point into files.

A Verdict carries a character span into the article *text*. For text and Markdown files that
text is the file with its line endings normalised, so the span gives the line directly. For an
HTML file the text was extracted from the markup, so the sentence is looked up in the file
instead. A locator is handed to the renderers (claimcheck.report never reads a file):
`texts_locator` works from texts in memory, `file_locator` reads the local file each source
names, with the same size limit, charset and HTML rules as reading the article did.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from claimcheck.errors import ArticleReadError
from claimcheck.ingest.charset import decode_bytes
from claimcheck.ingest.files import HTML_SUFFIXES, MAX_FILE_BYTES
from claimcheck.ingest.text import looks_like_html

__all__ = ["Lines", "Locator", "file_locator", "line_range", "no_locator", "texts_locator"]

Lines = tuple[int, int]
# (source, (start, end) character span in the article text, the sentence) -> (first, last) line, 1-based.
Locator = Callable[[str, tuple[int, int], str], Lines | None]



def no_locator(source: str, span: tuple[int, int], sentence: str) -> Lines | None:
    return None


def _squash(text: str) -> str:
    return " ".join(text.split())


def line_range(text: str, span: tuple[int, int], sentence: str = "") -> Lines | None:
    """Lines of span in text; if the span does not hold the sentence (text changed), find the sentence."""
    start, end = span
    if 0 <= start <= end <= len(text) and (not sentence or _squash(text[start:end]) == _squash(sentence)):
        return _lines_of(text, start, end)
    found = _find(text, sentence)
    return None if found is None else _lines_of(text, *found)


def _lines_of(text: str, start: int, end: int) -> Lines:
    first = text.count("\n", 0, start) + 1
    last = first + text.count("\n", start, max(start, end - 1))
    return first, last


def _find(text: str, sentence: str) -> tuple[int, int] | None:
    """Where the sentence occurs in text, allowing any whitespace or markup between its words."""
    words = sentence.split()
    if not words:
        return None
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    # In HTML a sentence may be broken by tags, entities or line breaks: match its first words loosely.
    head = words[: min(len(words), 8)]
    gap = r"(?:\s|<[^>]*>|&[#\w]+;)+"
    pattern = gap.join(re.escape(word) for word in head)
    match = re.search(pattern, text)
    if match is None and len(head) > 3:
        match = re.search(gap.join(re.escape(word) for word in head[:3]), text)
    if match is None:
        return None
    return match.start(), match.end()


def texts_locator(texts: Mapping[str, str]) -> Locator:
    """A locator over article texts already in memory (source -> text); spans index these texts."""

    def locate(source: str, span: tuple[int, int], sentence: str) -> Lines | None:
        text = texts.get(source)
        return None if text is None else line_range(text, span, sentence)

    return locate


def _read_source(path: Path, source: str) -> tuple[str, bool] | None:
    """The file's text as reading the article decoded it (line endings normalised), and whether it is HTML."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(data[:2048].decode("latin-1"))
    try:
        text = decode_bytes(data, input=source, html=is_html)
    except ArticleReadError:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n"), is_html


def file_locator(base: Path | None = None) -> Locator:
    """A locator that reads each source that is a local file (relative to base, default the current folder).

    Files are read once each. Sources that are URLs, stdin or missing files get no line.
    """
    cache: dict[str, tuple[str, bool] | None] = {}

    def load(source: str) -> tuple[str, bool] | None:
        if source not in cache:
            cache[source] = None
            if source and source != "-" and "://" not in source:
                path = Path(source)
                if base is not None and not path.is_absolute():
                    path = base / path
                cache[source] = _read_source(path, source)
        return cache[source]

    def locate(source: str, span: tuple[int, int], sentence: str) -> Lines | None:
        loaded = load(source)
        if loaded is None:
            return None
        text, is_html = loaded
        if is_html:
            found = _find(text, sentence)
            return None if found is None else _lines_of(text, *found)
        return line_range(text, span, sentence)

    return locate
