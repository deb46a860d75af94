"""Extract: Article -> Statements (every sentence, with its features) and Claims (the factual ones).

The only stage that uses spaCy. Paragraphs are parsed as separate texts so that a headline
without a full stop never runs into the sentence after it.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import closing

from claimcheck.extract.claims import claims_from_statements, is_claim, not_claim_reason
from claimcheck.extract.features import statement_from_span
from claimcheck.extract.naming import claim_name
from claimcheck.extract.nlp import bounded_pieces, load_pipeline
from claimcheck.extract.reference import with_referents
from claimcheck.extract.splitting import clause_spans, opening_end, preamble_length
from claimcheck.models import PLACE_LABELS, Article, Claim, EntityMention, Statement
from claimcheck.workers import stop_workers_if_abandoned

__all__ = [
    "claims_from_statements",
    "extract_statements",
    "is_claim",
    "iter_statements",
    "load_pipeline",
    "not_claim_reason",
    "typed_claim",
]

LINE = re.compile(r"[^\n]+")
SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph. A line break inside a sentence (wrapped text) does not end
    a paragraph; a line that ends without punctuation before a capitalised line (a headline) does."""
    start = end = None
    for match in LINE.finditer(text):
        line = match.group(0)
        if not line.strip():
            continue
        continues = (
            start is not None
            and not SENTENCE_END.search(text[start:end])
            and line.lstrip()[:1].islower()
        )
        if continues:
            end = match.end()
            continue
        if start is not None:
            yield start, text[start:end]
        start, end = match.start(), match.end()
    if start is not None:
        yield start, text[start:end]


def iter_statements(
    articles: Iterable[Article], *, nlp=None, batch_size: int = 64, n_process: int = 1
) -> Iterator[tuple[Article, list[Statement]]]:
    """Yield each article with its statements, in input order, parsing in batches."""
    nlp = nlp or load_pipeline()
    pending: dict[int, tuple[Article, list[Statement], int]] = {}
    order: list[int] = []

    def texts():
        for number, article in enumerate(articles):
            paragraphs = list(bounded_pieces(_paragraphs(article.text)))
            pending[number] = (article, [], len(paragraphs))
            order.append(number)
            if not paragraphs:
                yield "", (number, 0)
            for offset, paragraph in paragraphs:
                cut = preamble_length(paragraph)
                yield paragraph[cut:], (number, offset + cut)

    docs = nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    # Left early, the workers are stopped before the pipe is closed (workers.stop_workers_if_abandoned); spaCy
    # then warns (W127) that they did not finish, which they were stopped from doing on purpose.
    with warnings.catch_warnings(), closing(docs), stop_workers_if_abandoned(n_process):
        warnings.filterwarnings("ignore", message=r".*\[W127\]")
        yield from _statements_of(docs, pending)


def _statements_of(docs, pending: dict[int, tuple[Article, list[Statement], int]]) -> Iterator[tuple[Article, list[Statement]]]:
    """Each article with its statements once the pipe has given all its paragraphs, in input order."""
    next_to_yield = 0
    seen_paragraphs: dict[int, int] = {}
    for doc, (number, offset) in docs:
        article, statements, _expected = pending[number]
        previous_terms: list[str] = []
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            statement = _sentence_statement(sent, source=article.source, base_offset=offset, context_terms=previous_terms)
            statements.append(statement)
            previous_terms = statement.terms
        seen_paragraphs[number] = seen_paragraphs.get(number, 0) + 1
        while next_to_yield in pending and seen_paragraphs.get(next_to_yield, 0) >= max(
            pending[next_to_yield][2], 1
        ):
            done_article, done_statements, _ = pending.pop(next_to_yield)
            yield done_article, with_referents(done_statements)
            next_to_yield += 1


def _sentence_statement(sent, *, source: str, base_offset: int, context_terms: list[str]) -> Statement:
    """One sentence as a Statement, with its clauses when it coordinates several."""
    statement = statement_from_span(sent, source=source, base_offset=base_offset, context_terms=context_terms)
    clauses = []
    spans = clause_spans(sent)
    opening = _opening_places(sent, statement) if spans else []
    for number, span in enumerate(spans):
        clause = statement_from_span(span, source=source, base_offset=base_offset, context_terms=context_terms)
        # 'Officials said A, and B': the second clause is attributed as the sentence is
        if clause.attribution is None and statement.attribution is not None:
            clause = clause.model_copy(update={"attribution": statement.attribution})
        if number:
            clause = _placed(clause, opening)
        clauses.append(clause)
    return statement.model_copy(update={"clauses": clauses}) if clauses else statement


def _opening_places(sent, statement: Statement) -> list[EntityMention]:
    """The places the sentence's opening adverbial names ('Meanwhile, in the Kherson region, A, and B'):
    they place every clause the sentence coordinates, not only the first."""
    end = opening_end(sent)
    texts = {ent.text for ent in sent.ents if ent.label_ in PLACE_LABELS and ent.end <= end}
    return [entity for entity in statement.entities if entity.text in texts and entity.label in PLACE_LABELS]


def _placed(clause: Statement, places: list[EntityMention]) -> Statement:
    """A later clause with the opening's places it does not name itself: where it happened. Only as entities
    (what the stance rules read of places), not as terms: retrieval and coverage stay the clause's own."""
    named = {entity.key for entity in clause.entities}
    added = [entity for entity in places if entity.key not in named]
    return clause.model_copy(update={"entities": [*clause.entities, *added]}) if added else clause


def extract_statements(article: Article, *, nlp=None) -> list[Statement]:
    """Every sentence of one article as a Statement."""
    return next(iter_statements([article], nlp=nlp))[1]


def typed_claim(text: str, *, claim_id: str | None = None, nlp=None) -> Claim:
    """A claim a user typed: parsed like one sentence, with no source of its own."""
    nlp = nlp or load_pipeline()
    clean = " ".join(text.split())
    doc = nlp(clean)
    sentences = [s for s in doc.sents if s.text.strip()]
    # A typed claim is one statement even when the parser splits it: use the whole text as one span.
    span = doc[:] if len(sentences) != 1 else sentences[0]
    statement = statement_from_span(span, source="", base_offset=0, context_terms=[])
    identifier = claim_id or hashlib.sha1(clean.encode()).hexdigest()[:16]
    return Claim(id=identifier, text=clean, name=claim_name(statement), typed=True, statement=statement)
