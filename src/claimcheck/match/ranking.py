"""Candidate ranking, written once for every corpus index: IDF-weighted overlap of terms.

The in-memory `StatementIndex` and the SQLite `CorpusStore` keep their postings differently; both
expose them through the small `Postings` protocol below and rank with `rank_candidates`, so a
corpus proposes the same candidates whichever way it is held.

The score of a statement is the sum of the IDF weights of the query terms it contains. A term in
more than MAX_POSTING_SHARE of the statements says little about which statements match: it adds
weight only to statements that rarer terms proposed (unless the query has nothing rarer). Ties
are broken by each index's own order key, so the ranking never depends on hash order.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

__all__ = ["DEFAULT_CANDIDATES", "MAX_POSTING_SHARE", "Postings", "idf_weight", "rank_candidates"]

DEFAULT_CANDIDATES = 200
# Terms in more than this share of statements say nothing about which statements match.
MAX_POSTING_SHARE = 0.2

Row = TypeVar("Row", bound=Hashable)
# How an index orders statements of equal score: (source, position) in the store, insertion order in memory.
OrderKey = tuple[Any, ...]


class Postings(Protocol[Row]):
    """What ranking needs from an index: which rows (statements) hold a term, and how many do."""

    def statement_count(self) -> int:
        """How many statements the index holds."""
        ...

    def document_frequency(self, terms: Sequence[str]) -> dict[str, int]:
        """How many statements contain each term (0 for unknown terms)."""
        ...

    def postings(self, term: str) -> Sequence[Row]:
        """The rows whose statement contains term."""
        ...

    def rows_of(self, source: str) -> Collection[Row]:
        """The rows of one source's statements."""
        ...

    def order_keys(self, rows: Sequence[Row]) -> Mapping[Row, OrderKey]:
        """The tie-breaking key of each of these rows."""
        ...


def idf_weight(statement_count: int, frequency: int) -> float:
    """log(1 + (N + 1) / (df + 1)): the weight of a term found in `frequency` of `statement_count` statements."""
    return math.log(1 + (statement_count + 1) / (frequency + 1))


def rank_candidates(
    index: Postings[Row],
    terms: Sequence[str],
    *,
    limit: int = DEFAULT_CANDIDATES,
    exclude_source: str | None = None,
) -> list[tuple[Row, float]]:
    """(row, score) of the `limit` best statements sharing terms, best first.

    exclude_source leaves one source's statements out before the cut, so that a claim's own
    article never takes the places of other sources' candidates.
    """
    if limit <= 0:
        return []
    count = index.statement_count()
    total = max(count, 1)
    unique = [term for term in dict.fromkeys(terms) if term]
    frequency = index.document_frequency(unique)
    usable = [term for term in unique if frequency[term] > 0]
    common = [term for term in usable if frequency[term] / total > MAX_POSTING_SHARE]
    only_common = len(common) == len(usable)
    scores: dict[Row, float] = defaultdict(float)
    for term in usable:
        if term in common and not only_common:
            continue
        weight = idf_weight(count, frequency[term])
        for row in index.postings(term):
            scores[row] += weight
    if not only_common:
        for term in common:
            weight = idf_weight(count, frequency[term])
            for row in index.postings(term):
                if row in scores:
                    scores[row] += weight
    if exclude_source is not None:
        for row in index.rows_of(exclude_source):
            scores.pop(row, None)
    if not scores:
        return []
    # Only the rows that can reach the top `limit` need sorting, and their order key to break ties; a
    # common query word scores tens of thousands of rows in a big store.
    cutoff = heapq.nlargest(limit, scores.values())[-1]
    contenders = [(row, score) for row, score in scores.items() if score >= cutoff]
    keys = index.order_keys([row for row, _ in contenders])
    contenders.sort(key=lambda item: (-item[1], keys[item[0]]))
    return contenders[:limit]
