"""The on-disk page cache: a page fetched once is read from disk until --refresh.

Fetched bytes are kept as they came (not the extracted text), so a better extractor or charset
rule applies to cached pages too. Pages are kept without expiry: a corpus checked offline must
read the same tomorrow as today.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from claimcheck.atomic import write_atomic

CACHE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response body with what is needed to read it again."""

    url: str
    final_url: str
    content_type: str | None
    charset: str | None
    body: bytes


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/claimcheck/pages, else ~/.cache/claimcheck/pages.

    The `cache_dir` setting (CLAIMCHECK_CACHE_DIR, --cache-dir) is read by claimcheck.config and
    reaches ingest as ReadOptions.cache_dir; this is only the fallback.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck" / "pages"


class PageCache:
    """Pages by URL under one folder: KEY.json (metadata) and KEY.body (bytes) in a two-letter fan-out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        stem = self.folder / key[:2] / key
        return stem.with_suffix(".json"), stem.with_suffix(".body")

    def get(self, url: str) -> Page | None:
        """The cached page, or None when it is missing or unreadable (a damaged entry is fetched again)."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("format") != CACHE_FORMAT or meta.get("url") != url:
            return None
        return Page(
            url=url,
            final_url=str(meta.get("final_url") or url),
            content_type=meta.get("content_type"),
            charset=meta.get("charset"),
            body=body,
        )

    def put(self, page: Page) -> None:
        """Store a page; the body is written before its metadata, so a half-written entry reads as missing."""
        meta_path, body_path = self._paths(page.url)
        write_atomic(body_path, page.body, what="cached page")
        meta = {key: value for key, value in asdict(page).items() if key != "body"}
        meta["format"] = CACHE_FORMAT
        write_atomic(meta_path, json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8"), what="cached page")

