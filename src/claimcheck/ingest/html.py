"""HTML page -> article text and metadata, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


def extract_page(html: str, *, url: str | None = None) -> ExtractedPage | None:
    """Return the article of an HTML page without boilerplate, or None when no article text is found."""
    import trafilatura  # imported here: start-up of commands that never read HTML stays fast

    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if document is None:
        return None
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        return None
    return ExtractedPage(
        text=text,
        title=getattr(document, "title", None) or None,
        outlet=getattr(document, "sitename", None) or getattr(document, "hostname", None) or None,
        author=getattr(document, "author", None) or None,
        published=getattr(document, "date", None) or None,
        url=getattr(document, "url", None) or url,
    )
