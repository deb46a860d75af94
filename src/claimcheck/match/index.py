"""Candidate retrieval: an inverted index from terms to statements, ranked by IDF-weighted overlap.

A claim is only ever compared with the statements that share its rarer terms, never with the
whole corpus, so matching cost grows with the postings of a claim's terms, not with corpus size.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from claimcheck.models import Statement

DEFAULT_CANDIDATES = 200
# Terms in more than this share of statements say nothing about which statements match.
MAX_POSTING_SHARE = 0.2


class Retriever(Protocol):
    """What the matcher needs from a corpus index; the in-memory index and the SQLite store both provide it."""

    def candidates(self, terms: list[str], *, limit: int = DEFAULT_CANDIDATES) -> list[Statement]: ...

    def idf(self, term: str) -> float: ...

    def statement_count(self) -> int: ...


class StatementIndex:
    """An in-memory inverted index over Statement.terms (and context terms, at lower weight)."""

    def __init__(self, statements: Iterable[Statement] = ()) -> None:
        self._statements: list[Statement] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self.add(statements)

    def add(self, statements: Iterable[Statement]) -> None:
        for statement in statements:
            number = len(self._statements)
            self._statements.append(statement)
            for term in set(statement.terms) | set(statement.background_terms):
                self._postings[term].append(number)

    def statement_count(self) -> int:
        return len(self._statements)

    def statements(self) -> list[Statement]:
        return list(self._statements)

    def idf(self, term: str) -> float:
        frequency = len(self._postings.get(term, ()))
        return math.log(1 + (len(self._statements) + 1) / (frequency + 1))

    def candidates(self, terms: list[str], *, limit: int = DEFAULT_CANDIDATES) -> list[Statement]:
        total = max(len(self._statements), 1)
        scores: dict[int, float] = defaultdict(float)
        usable = [t for t in dict.fromkeys(terms) if t in self._postings]
        common = {t for t in usable if len(self._postings[t]) / total > MAX_POSTING_SHARE}
        # Common terms still count for statements that rarer terms already proposed.
        for term in usable:
            if term in common and len(usable) > len(common):
                continue
            weight = self.idf(term)
            for number in self._postings[term]:
                scores[number] += weight
        for term in common:
            if len(usable) == len(common):
                break
            weight = self.idf(term)
            for number in self._postings[term]:
                if number in scores:
                    scores[number] += weight
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self._statements[number] for number, _ in best]
