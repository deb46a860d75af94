"""Match: Claim x corpus -> Evidence. Retrieval proposes sentences; the stance rules decide,
and a small learned model (match/learned/) weighs whole sources where no rule fires."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from claimcheck.match.combine import SourceDecision, combine, from_rule
from claimcheck.match.coverage import Coverage, coverage
from claimcheck.match.deferred import Deferred
from claimcheck.match.disputes import may_deny
from claimcheck.match.index import DEFAULT_CANDIDATES, Retriever, StatementIndex
from claimcheck.match.meaning import Meaning, load_meaning
from claimcheck.match.stance import SentenceStance, decide_stance, may_say_in_other_words
from claimcheck.models import Claim, Evidence, Statement

__all__ = ["Meaning", "Retriever", "StatementIndex", "load_meaning", "load_stance_model", "match_claim"]

# The learned model reads whole sources; only the best-ranked candidate sources are worth reading.
MAX_MODEL_SOURCES = 60
MAX_MEANING_CANDIDATES = 10
# A claim of fewer content words and figures ('This isn't just about Ukraine', who said it aside) says too little to be
# found in another source: every sentence naming Ukraine would restate or deny it.
MIN_CLAIM_TERMS = 2
AMOUNT_WORDS = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b", re.IGNORECASE)
STANCE_ORDER = {"contradicts": 0, "supports": 1, "mentions": 2}


def load_stance_model():
    """The packaged learned stance model; a broken or mismatched model file is a clear error, not a traceback."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.match.learned import StanceModel

    try:
        return StanceModel.load()
    except (OSError, ValueError, KeyError) as exc:
        raise ClaimcheckError(f"the packaged stance model cannot be used: {exc}; reinstall claimcheck") from None


def _worth_encoding(covers: list[Coverage]) -> set[int]:
    """Positions of the candidates the sentence encoder reads: those that may say the claim in other
    words, the MAX_MEANING_CANDIDATES that cover most of its words (encoding is the costliest step of a match)."""
    worth = sorted((i for i, cover in enumerate(covers) if may_say_in_other_words(cover)),
                   key=lambda i: -covers[i].relevance)
    return set(worth[:MAX_MEANING_CANDIDATES])


def _predict_all(model, claim: str, bodies: list[list[str]]) -> list:
    """The model's reading of each body, in one pass when the model can (StanceModel.predict_many)."""
    many = getattr(model, "predict_many", None)
    if many is not None:
        return many(claim, bodies)
    return [model.predict(claim, body) for body in bodies]


def _content_size(statement: Statement) -> int:
    """How much a statement asserts: its words and referents, who said it aside, and its figures."""
    words = {*statement.terms, *statement.referent_terms} - set(statement.attribution_terms)
    # a vague amount ('a few million dollars') is no parsed figure, but it is what the sentence says
    figures = len(statement.quantities) or int(AMOUNT_WORDS.search(statement.text) is not None)
    return len(words) + figures


def match_claim(
    claim: Claim,
    retriever: Retriever,
    *,
    origin_of: Callable[[str], str],
    min_relevance: float = 0.5,
    limit: int = DEFAULT_CANDIDATES,
    model=None,
    sentences_of: Callable[[str], list[Statement]] | None = None,
    texts_of: Callable[[str], list[str]] | None = None,
    meaning: Meaning | None = None,
) -> list[Evidence]:
    """One Evidence per source that speaks to the claim: its strongest sentence decides its stance.
    texts_of: the texts of sentences_of(source), when they can be had without its statements (a store); the model
    reads a source by its texts, and its statements are read only when a decision looks at them.
    meaning: the sentence encoder that hears a sentence of an article restated in other words
    (match/meaning.py); a typed claim is what a user asked to check, and must be stated in its words.

    The claim's own source is left out: an article cannot corroborate or contradict itself.
    """
    statement = claim.statement
    if _content_size(statement) < MIN_CLAIM_TERMS:
        return []
    # What is looked for is the assertion: who it is attributed to is left out of the query.
    core = statement.core_terms if len(statement.core_terms) >= 3 else statement.terms
    query = [t for t in core if t not in statement.attribution_terms] + list(statement.background_terms)
    best: dict[str, SentenceStance] = {}
    ranked_sources: list[str] = []
    meaning = None if claim.typed else meaning
    # The claim's own source is left out in the query, so it takes none of the `limit` places.
    candidates = retriever.candidates(query, limit=limit, exclude_source=claim.source)
    covers = [coverage(claim.statement, candidate, retriever.idf) for candidate in candidates]
    in_other_words = _worth_encoding(covers) if meaning is not None else set()
    if meaning is not None:
        meaning.prepare([claim.statement.text, *(candidates[i].text for i in sorted(in_other_words))])
    for position, (statement, cover) in enumerate(zip(candidates, covers, strict=True)):
        if statement.source not in ranked_sources:
            ranked_sources.append(statement.source)
        decision = decide_stance(claim.statement, statement, idf=retriever.idf, min_relevance=min_relevance,
                                 main_point=not claim.typed, meaning=meaning if position in in_other_words else None,
                                 cover=cover)
        if decision is None:
            continue
        current = best.get(statement.source)
        if current is None or (decision.strength, decision.relevance) > (current.strength, current.relevance):
            best[statement.source] = decision

    # Sources beyond the model's reach keep what the rules decided.
    decisions: dict[str, SourceDecision] = {source: from_rule(d) for source, d in best.items()}
    if model is not None and sentences_of is not None:
        texts_of = texts_of or (lambda source: [s.text for s in sentences_of(source)])
        read = [(source, texts_of(source)) for source in ranked_sources[:MAX_MODEL_SOURCES]]
        predictions = iter(_predict_all(model, claim.text, [texts for _, texts in read if texts]))
        for source, texts in read:
            prediction = next(predictions) if texts else None
            sentences = Deferred(partial(sentences_of, source))
            decided = combine(claim.statement, best.get(source), prediction, sentences, typed=claim.typed,
                              may_deny=may_deny(texts))
            if decided is None:
                decisions.pop(source, None)
            else:
                decisions[source] = decided

    evidence = [
        Evidence(
            source=source,
            origin=origin_of(source),
            sentence=decision.statement.text,
            start=decision.statement.start,
            end=decision.statement.end,
            stance=decision.stance,
            rule=decision.rule,
            reason=decision.reason,
            relevance=decision.relevance,
            attributed_to=None if decision.statement.vouched else decision.statement.attribution,
            confirmed_by=decision.statement.attribution if decision.statement.vouched else None,
        )
        for source, decision in decisions.items()
    ]
    return sorted(evidence, key=lambda e: (STANCE_ORDER[e.stance], -e.relevance, e.source))
