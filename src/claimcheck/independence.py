"""Which sources are independent origins: one outlet is one origin, and copies of one story are one.

Copies are found through the sentences they share, not by comparing every pair of articles:
each sentence key lists the articles that contain it, so the work grows with the corpus. An
article checked against a corpus it is not part of is placed the same way (`copied_source`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

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


def party_keys(name: str) -> set[str]:
    """The keys under which an outlet or a party a source cites is recognised: 'The Guardian',
    'theguardian.com' and 'guardian' all give 'guardian'; 'bbc.co.uk' gives 'bbc'."""
    text = outlet_key(name)
    if "." in text and " " not in text:
        text = text.split(".")[0]  # the registered name of a domain
    compact = re.sub(r"[^a-z0-9]+", "", text)
    keys = {compact} if compact else set()
    without = re.sub(r"^the", "", compact)
    if without and without != compact:
        keys.add(without)
    return keys


def cited_origins(origins: Mapping[str, str]) -> dict[str, str]:
    """Party key -> origin, for every outlet among the origins ('outlet:theguardian.com'): the origin a
    source stands on when it relays that outlet ("..., the Guardian reported")."""
    found: dict[str, str] = {}
    for key, origin in origins.items():
        if key.startswith("outlet:"):
            for party in party_keys(key.removeprefix("outlet:")):
                found.setdefault(party, origin)
    return found


def sentence_key(text: str) -> str:
    """A sentence's key for telling copies: the same words in any case or punctuation give one key."""
    normal = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.blake2b(normal.encode(), digest_size=8).hexdigest()


def copy_keys(sentences: Iterable[str]) -> set[str]:
    """The keys of an article's sentences long enough to tell a copy (a dateline or 'Read more' is not)."""
    return {sentence_key(text) for text in sentences if len(text.split()) >= MIN_SENTENCE_WORDS}


def is_copy(shared: int, keys: int, other_keys: int) -> bool:
    """Two articles holding keys and other_keys copy keys, shared of them in common, tell one story."""
    return shared >= MIN_SHARED_SENTENCES and shared >= COPY_SHARE * min(keys, other_keys)


class CopyLookup(Protocol):
    """Where a corpus keeps its sentence keys: the store, or a CopyIndex in memory."""

    def copy_key_holders(self, keys: Iterable[str]) -> Mapping[str, Sequence[str]]:
        """The corpus sources holding each key."""
        ...

    def copy_key_counts(self, sources: Iterable[str]) -> Mapping[str, int]:
        """How many keys each source holds."""
        ...

    def sources_with_hash(self, content_hash: str) -> Sequence[str]:
        """The corpus sources whose text has this content hash (identical copies), first one first."""
        ...


class CopyIndex:
    """The sentence keys of a corpus read into memory, by key and by source."""

    def __init__(self, keys: Mapping[str, set[str]], *, hashes: Iterable[tuple[str, str]] = ()) -> None:
        """keys: each source's copy keys (copy_keys of its sentences); hashes: (source, content hash)
        of each article, in corpus order."""
        self._by_hash: dict[str, list[str]] = defaultdict(list)
        for source, content_hash in hashes:
            self._by_hash[content_hash].append(source)
        self._counts = {source: len(held) for source, held in keys.items()}
        self._holders: dict[str, list[str]] = defaultdict(list)
        for source in sorted(keys):
            for key in keys[source]:
                self._holders[key].append(source)

    @classmethod
    def from_sentences(
        cls, sentences: Mapping[str, Iterable[str]], *, hashes: Iterable[tuple[str, str]] = ()
    ) -> CopyIndex:
        """sentences: each source's sentence texts."""
        return cls({source: copy_keys(texts) for source, texts in sentences.items()}, hashes=hashes)

    def copy_key_holders(self, keys: Iterable[str]) -> dict[str, list[str]]:
        return {key: self._holders[key] for key in keys if key in self._holders}

    def copy_key_counts(self, sources: Iterable[str]) -> dict[str, int]:
        return {source: self._counts.get(source, 0) for source in sources}

    def sources_with_hash(self, content_hash: str) -> list[str]:
        return list(self._by_hash.get(content_hash, ()))


def copied_source(sentences: Iterable[str], corpus: CopyLookup) -> str | None:
    """The corpus source that an article from outside the corpus copies, or None.

    sentences: the article's sentence texts. Of several sources it copies, the one sharing the
    most sentences (then the first by name).
    """
    keys = copy_keys(sentences)
    shared: dict[str, int] = defaultdict(int)
    for sources in corpus.copy_key_holders(keys).values():
        if len(sources) <= MAX_ARTICLES_PER_SENTENCE:
            for source in sources:
                shared[source] += 1
    candidates = sorted(source for source, count in shared.items() if count >= MIN_SHARED_SENTENCES)
    if not candidates:
        return None
    counts = corpus.copy_key_counts(candidates)
    copied = [source for source in candidates if is_copy(shared[source], len(keys), counts.get(source, 0))]
    return min(copied, key=lambda source: (-shared[source], source)) if copied else None


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
    """Map every article source, and every outlet ('outlet:example.org'), to its origin key.

    Copies and same-outlet articles share one key. The outlets are there so that an article from
    outside the corpus finds the origin of its outlet. sentences: the text of each article's
    sentences, by source.
    """
    articles = list(articles)
    return origins_from_keys(articles, {a.source: copy_keys(sentences.get(a.source, ())) for a in articles})


def origins_from_keys(articles: Iterable[Article], keys: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """assign_origins, given each article's copy keys (as a store keeps them) instead of its sentences."""
    articles = list(articles)
    groups = _UnionFind()
    by_hash: dict[str, str] = {}
    outlets: set[str] = set()
    for article in articles:
        origin = base_origin(article)
        if origin != article.source:
            outlets.add(origin)
        groups.union(article.source, origin)
        if article.content_hash in by_hash:
            groups.union(article.source, by_hash[article.content_hash])
        by_hash.setdefault(article.content_hash, article.source)

    holders: dict[str, list[str]] = defaultdict(list)
    key_counts: dict[str, int] = {}
    for article in articles:
        held = set(keys.get(article.source, ()))
        key_counts[article.source] = len(held)
        for key in held:
            holders[key].append(article.source)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for sources in holders.values():
        if 1 < len(sources) <= MAX_ARTICLES_PER_SENTENCE:
            for i, first in enumerate(sources):
                for second in sources[i + 1 :]:
                    shared[(first, second)] += 1
    for (first, second), count in shared.items():
        if is_copy(count, key_counts[first], key_counts[second]):
            groups.union(first, second)
    origins = {article.source: groups.find(article.source) for article in articles}
    origins.update((outlet, groups.find(outlet)) for outlet in outlets if outlet not in origins)
    return origins
