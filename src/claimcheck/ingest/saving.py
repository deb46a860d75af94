"""Article -> corpus file: text with its metadata header, so a corpus can be built once and read offline."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from claimcheck.atomic import write_atomic
from claimcheck.ingest import frontmatter
from claimcheck.ingest.urls import is_url, registered_domain
from claimcheck.models import Article

SAVED_SUFFIX = ".md"
_UNSAFE = re.compile(r"[^a-z0-9]+")
MAX_SLUG_CHARS = 60


def corpus_file_name(article: Article) -> str:
    """A stable name: the same URL always maps to the same file, so fetching again overwrites it.

    `example.org-troops-reach-border-1a2b3c4d5e.md`: outlet, the last words of the URL path,
    and a hash of the source that keeps two pages with the same slug apart.
    """
    digest = hashlib.sha256(article.source.encode("utf-8")).hexdigest()[:10]
    if is_url(article.source):
        outlet = registered_domain(article.source) or "page"
        segments = [part for part in urlsplit(article.source).path.split("/") if part]
        last = re.sub(r"\.(s?html?|php|aspx?|txt|md)$", "", segments[-1].lower()) if segments else "index"
    else:
        outlet = article.outlet or "file"
        last = Path(article.source).stem.lower()
    slug = _UNSAFE.sub("-", last).strip("-")[:MAX_SLUG_CHARS].strip("-") or "index"
    # Dots stay readable in the outlet part ('bbc.co.uk').
    prefix = re.sub(r"[^a-z0-9.-]+", "-", outlet.lower()).strip("-.") or "page"
    return f"{prefix}-{slug}-{digest}{SAVED_SUFFIX}"


def render_article(article: Article) -> str:
    fields = {
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "fetched_from": article.source if article.source != article.url and is_url(article.source) else None,
    }
    return frontmatter.render(fields, article.text)


def save_article(article: Article, folder: Path) -> Path:
    """Write the article into the folder (atomically) and return the file's path.

    Reading the file back gives the same text, title, outlet, author, date and URL.
    """
    return write_atomic(folder / corpus_file_name(article), render_article(article), what="article", newline="\n")
