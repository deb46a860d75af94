"""The corpus being checked against: its articles, their statements, the index over them, and origins.

A corpus is built from articles read into memory (`corpus_from_articles`) or over a corpus store
(`corpus_from_store`), which reads statements and articles from SQLite only when asked for them.
Either way the matcher sees the same `Corpus`: a `Retriever` for candidates, the statements of
each source, and the independent origin of every source (copies and outlets share one).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from claimcheck.extract import iter_statements
from claimcheck.independence import (
    CopyIndex,
    CopyLookup,
    base_origin,
    cited_origins,
    copied_source,
    copy_keys,
    origins_from_keys,
    party_keys,
)
from claimcheck.match import Retriever, StatementIndex
from claimcheck.match.deferred import Deferred
from claimcheck.models import Article, CorpusInfo, ReadFailure, Statement
from claimcheck.store import CorpusStore

__all__ = [
    "Corpus",
    "StoredArticles",
    "StoredStatements",
    "corpus_from_articles",
    "corpus_from_store",
    "store_origins",
]


@dataclass
class Corpus:
    """Articles read, their statements indexed, and the origin of every source."""

    location: str
    articles: Sequence[Article]
    retriever: Retriever
    origins: dict[str, str]
    statements: Mapping[str, list[Statement]] = field(default_factory=dict)
    failures: list[ReadFailure] = field(default_factory=list)
    # The sentence keys of the corpus articles, for telling an outside article that copies one of them.
    copies: CopyLookup | None = field(default=None, repr=False, compare=False)
    # Origins of articles checked against the corpus without being part of it: kept apart, so that
    # the corpus's own counts (info) do not grow with every article verified.
    _outside: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _cited: tuple[int, dict[str, str]] | None = field(default=None, init=False, repr=False, compare=False)
    # Publication dates by source, read from the articles on first use (a stored corpus reads them then).
    _published: dict[str, str | None] | None = field(default=None, init=False, repr=False, compare=False)

    def sentences_of(self, source: str) -> list[Statement]:
        return self.statements.get(source, [])

    def texts_of(self, source: str) -> list[str]:
        """The texts of sentences_of(source), read from a store without reading the statements."""
        if isinstance(self.statements, StoredStatements):
            return self.statements.texts(source)
        return [statement.text for statement in self.statements.get(source, [])]

    def origin_of(self, source: str) -> str:
        return self.origins.get(source) or self._outside.get(source, source)

    def origin_cited(self, party: str) -> str | None:
        """The origin of the outlet a source cites ("according to the Guardian"), when that outlet is in the
        corpus or is the outlet of an article checked against it; None otherwise."""
        size = len(self.origins) + len(self._outside)
        if self._cited is None or self._cited[0] != size:
            self._cited = (size, cited_origins({**self._outside, **self.origins}))
        table = self._cited[1]
        return next((table[key] for key in party_keys(party) if key in table), None)

    def published_of(self, source: str) -> str | None:
        """The publication date of a corpus article, when known (evidence comes from the corpus only).
        A stored corpus reads it from the store, one source at a time, never every article."""
        if isinstance(self.articles, StoredArticles):
            return self.articles.published_of(source)
        if self._published is None:
            self._published = {article.source: article.published for article in self.articles}
        return self._published.get(source)

    def place(self, article: Article, statements: Sequence[Statement]) -> None:
        """Give an article being checked its origin. A copy of a corpus article (the same text, or
        most of the same sentences) shares the original's, so the copy cannot back it; an article
        of a corpus outlet shares the outlet's; any other is an origin of its own."""
        if article.source in self.origins or article.source in self._outside:
            return
        original = self.copy_of(article.content_hash) or copied_source(
            (statement.text for statement in statements), self._copy_lookup()
        )
        origin = self.origin_of(original) if original else self.origin_of(base_origin(article))
        self._outside[article.source] = origin
        if base_origin(article) != article.source:
            # its outlet too, so that a source citing that outlet is known to relay the article's own
            self._outside.setdefault(base_origin(article), origin)

    def outside_origins(self) -> dict[str, str]:
        """The origins given so far (by place) to articles checked against the corpus, outside it."""
        return dict(self._outside)

    def adopt_outside(self, origins: Mapping[str, str]) -> None:
        """Take these origins of outside articles as the ones placed so far: a Dask worker checking the
        k-th article sees what a local run would have placed before it (the driver places in order)."""
        self._outside = dict(origins)
        self._cited = None

    def copy_of(self, content_hash: str) -> str | None:
        """A corpus source whose text is identical (same content hash), or None.

        A stored corpus answers from the store's index without reading its articles; one read into
        memory from its CopyIndex.
        """
        found = self._copy_lookup().sources_with_hash(content_hash)
        return found[0] if found else None

    def _copy_lookup(self) -> CopyLookup:
        if self.copies is None:
            self.copies = CopyIndex.from_sentences(
                {source: [statement.text for statement in found] for source, found in self.statements.items()},
                hashes=[(article.source, article.content_hash) for article in self.articles],
            )
        return self.copies

    def info(self) -> CorpusInfo:
        return CorpusInfo(
            location=self.location,
            sources=len(self.articles),
            origins=len(set(self.origins.values())),
            statements=self.retriever.statement_count(),
        )


def corpus_from_articles(
    articles: Sequence[Article],
    *,
    location: str,
    failures: Sequence[ReadFailure] = (),
    nlp=None,
    jobs: int = 1,
) -> Corpus:
    statements: dict[str, list[Statement]] = {}
    for article, found in iter_statements(articles, nlp=nlp, n_process=jobs):
        statements[article.source] = found
    index = StatementIndex(s for found in statements.values() for s in found)
    keys = {source: copy_keys(s.text for s in found) for source, found in statements.items()}
    return Corpus(
        location=location,
        articles=list(articles),
        retriever=index,
        origins=origins_from_keys(articles, keys),
        statements=statements,
        failures=list(failures),
        copies=CopyIndex(keys, hashes=[(article.source, article.content_hash) for article in articles]),
    )



class StoredStatements(Mapping[str, list[Statement]]):
    """The statements of every stored article, read from the store when asked for."""

    _KEEP_SOURCES = 5_000
    # The learned model reads the texts of up to 60 sources a claim, the same ones claim after claim.
    _KEEP_TEXTS = 16_384

    def __init__(self, store: CorpusStore) -> None:
        self._store = store
        self._sources: set[str] | None = None
        self._read: dict[str, list[Statement]] = {}
        self._texts: OrderedDict[str, list[str]] = OrderedDict()

    def _known(self) -> set[str]:
        if self._sources is None:
            self._sources = set(self._store.sources())
        return self._sources

    def __getitem__(self, source: str) -> list[Statement]:
        # The matcher asks for the same evidence sources claim after claim: keep what was read.
        found = self._read.get(source)
        if found is None:
            if source not in self._known():
                raise KeyError(source)
            if len(self._read) >= self._KEEP_SOURCES:
                self._read.clear()
            found = self._read[source] = list(self._store.statements(source))
        return list(found)

    def texts(self, source: str) -> list[str]:
        """The texts of self[source], in order; [] for a source not stored."""
        texts = self._texts.get(source)
        if texts is None:
            found = self._read.get(source)
            texts = [statement.text for statement in found] if found is not None else self._store.texts(source)
            self._texts[source] = texts
            if len(self._texts) > self._KEEP_TEXTS:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(source)
        return list(texts)

    def __contains__(self, source: object) -> bool:
        return source in self._known()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._known()))

    def __len__(self) -> int:
        return len(self._known())


class StoredArticles(Deferred[Article]):
    """The stored articles: counted without being read, read once when first iterated or indexed."""

    def __init__(self, store: CorpusStore) -> None:
        super().__init__(store.articles)
        self._store = store
        self._count = store.article_count()
        self._published: dict[str, str | None] = {}

    def __len__(self) -> int:
        return self._count

    def published_of(self, source: str) -> str | None:
        """An article's publication date, read from the store once per source (the articles are not read)."""
        if source not in self._published:
            self._published[source] = self._store.published(source)
        return self._published[source]


def store_origins(store: CorpusStore) -> dict[str, str]:
    """Independent origins of the stored articles, computed once per change of the store."""
    cached = store.cached_origins()
    if cached is not None:
        return cached
    keys: dict[str, list[str]] = {}
    for source, key in store.copy_keys():
        keys.setdefault(source, []).append(key)
    origins = origins_from_keys(store.articles(), keys)
    store.save_origins(origins)
    return origins


def corpus_from_store(store: CorpusStore, *, location: str, failures: Sequence[ReadFailure] = ()) -> Corpus:
    """A Corpus that retrieves from the store, without loading every statement into memory."""
    return Corpus(
        location=location,
        articles=StoredArticles(store),
        retriever=store,
        origins=store_origins(store),
        statements=StoredStatements(store),
        failures=list(failures),
        copies=store,
    )
