"""Match: Claim x corpus -> Evidence. Retrieval proposes sentences; the stance rules decide."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.match.index import DEFAULT_CANDIDATES, Retriever, StatementIndex
from claimcheck.match.stance import SentenceStance, decide_stance
from claimcheck.models import Claim, Evidence

__all__ = ["Retriever", "StatementIndex", "match_claim"]


def match_claim(
    claim: Claim,
    retriever: Retriever,
    *,
    origin_of: Callable[[str], str],
    min_relevance: float = 0.5,
    limit: int = DEFAULT_CANDIDATES,
) -> list[Evidence]:
    """One Evidence per source that speaks to the claim: its strongest sentence decides its stance.

    The claim's own source is left out: an article cannot corroborate or contradict itself.
    """
    core = claim.statement.core_terms if len(claim.statement.core_terms) >= 3 else claim.statement.terms
    query = list(core) + list(claim.statement.background_terms)
    best: dict[str, SentenceStance] = {}
    for statement in retriever.candidates(query, limit=limit):
        if claim.source is not None and statement.source == claim.source:
            continue
        decision = decide_stance(claim.statement, statement, idf=retriever.idf, min_relevance=min_relevance)
        if decision is None:
            continue
        current = best.get(statement.source)
        if current is None or (decision.strength, decision.relevance) > (current.strength, current.relevance):
            best[statement.source] = decision
    evidence = [
        Evidence(
            source=source,
            origin=origin_of(source),
            sentence=decision.statement.text,
            start=decision.statement.start,
            end=decision.statement.end,
            stance=decision.stance,
            reason=decision.reason,
            relevance=decision.relevance,
        )
        for source, decision in best.items()
    ]
    order = {"contradicts": 0, "supports": 1, "mentions": 2}
    return sorted(evidence, key=lambda e: (order[e.stance], -e.relevance, e.source))
