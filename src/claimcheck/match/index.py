"""Candidate retrieval in memory: an inverted index from terms to statements.

A claim is only ever compared with the statements that share its rarer terms, never with the
whole corpus, so matching cost grows with the postings of a claim's terms, not with corpus size.
The ranking itself lives in match/ranking.py, shared with the SQLite store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from claimcheck.match.ranking import DEFAULT_CANDIDATES, OrderKey, idf_weight, rank_candidates
from claimcheck.models import Statement

__all__ = ["DEFAULT_CANDIDATES", "Retriever", "StatementIndex"]


class Retriever(Protocol):
    """What the matcher needs from a corpus index; the in-memory index and the SQLite store both provide it."""

    def candidates(
        self, terms: Sequence[str], *, limit: int = DEFAULT_CANDIDATES, exclude_source: str | None = None
    ) -> list[Statement]:
        """Statements sharing terms, best first, none of them from exclude_source."""
        ...

    def idf(self, term: str) -> float: ...

    def statement_count(self) -> int: ...


class StatementIndex:
    """An in-memory inverted index over Statement.retrieval_terms.

    Rows are positions in insertion order, which also breaks ties between equal scores.
    """

    def __init__(self, statements: Iterable[Statement] = ()) -> None:
        self._statements: list[Statement] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._by_source: dict[str, list[int]] = defaultdict(list)
        self.add(statements)

    def add(self, statements: Iterable[Statement]) -> None:
        for statement in statements:
            number = len(self._statements)
            self._statements.append(statement)
            self._by_source[statement.source].append(number)
            for term in statement.retrieval_terms:
                self._postings[term].append(number)

    def statement_count(self) -> int:
        return len(self._statements)

    def statements(self) -> list[Statement]:
        return list(self._statements)

    def idf(self, term: str) -> float:
        return idf_weight(len(self._statements), len(self._postings.get(term, ())))

    def candidates(
        self, terms: Sequence[str], *, limit: int = DEFAULT_CANDIDATES, exclude_source: str | None = None
    ) -> list[Statement]:
        ranked = rank_candidates(self, terms, limit=limit, exclude_source=exclude_source)
        return [self._statements[number] for number, _ in ranked]

    # -- the Postings protocol of match/ranking.py --------------------------------------------------

    def document_frequency(self, terms: Sequence[str]) -> dict[str, int]:
        return {term: len(self._postings.get(term, ())) for term in terms}

    def postings(self, term: str) -> Sequence[int]:
        return self._postings.get(term, ())

    def rows_of(self, source: str) -> Sequence[int]:
        return self._by_source.get(source, ())

    def order_keys(self, rows: Sequence[int]) -> Mapping[int, OrderKey]:
        return {row: (row,) for row in rows}
