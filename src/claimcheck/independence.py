"""Which sources are independent origins: one outlet is one origin, and copies of one story are one.

Copies are found through the sentences they share, not by comparing every pair of articles:
each sentence hash lists the articles that contain it, so the work grows with the corpus.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from claimcheck.models import Article

COPY_SHARE = 0.6  # share of the shorter article's sentences that must be shared
MIN_SHARED_SENTENCES = 3
MAX_ARTICLES_PER_SENTENCE = 50  # boilerplate lines ("Leave a comment") say nothing about copying
MIN_SENTENCE_WORDS = 6


def outlet_key(outlet: str) -> str:
    key = outlet.strip().lower()
    key = re.sub(r"^https?://", "", key)
    key = re.sub(r"^www\.", "", key).rstrip("/")
    return key


def base_origin(article: Article) -> str:
    return f"outlet:{outlet_key(article.outlet)}" if article.outlet else article.source


def _sentence_hash(text: str) -> str:
    normal = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.blake2b(normal.encode(), digest_size=8).hexdigest()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            low, high = sorted((root_a, root_b))
            self.parent[high] = low


def assign_origins(articles: Iterable[Article], sentences: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Map every article source to its origin key; copies and same-outlet articles share one key.

    sentences: the text of each article's sentences, by source."""
    articles = list(articles)
    groups = _UnionFind()
    by_hash: dict[str, str] = {}
    for article in articles:
        origin = base_origin(article)
        groups.union(article.source, origin)
        if article.content_hash in by_hash:
            groups.union(article.source, by_hash[article.content_hash])
        by_hash.setdefault(article.content_hash, article.source)

    holders: dict[str, list[str]] = defaultdict(list)
    sentence_counts: dict[str, int] = {}
    for article in articles:
        hashes = {
            _sentence_hash(text) for text in sentences.get(article.source, ()) if len(text.split()) >= MIN_SENTENCE_WORDS
        }
        sentence_counts[article.source] = len(hashes)
        for value in hashes:
            holders[value].append(article.source)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for sources in holders.values():
        if 1 < len(sources) <= MAX_ARTICLES_PER_SENTENCE:
            for i, first in enumerate(sources):
                for second in sources[i + 1 :]:
                    shared[(first, second)] += 1
    for (first, second), count in shared.items():
        smaller = min(sentence_counts[first], sentence_counts[second])
        if count >= MIN_SHARED_SENTENCES and count >= COPY_SHARE * smaller:
            groups.union(first, second)
    return {article.source: groups.find(article.source) for article in articles}
