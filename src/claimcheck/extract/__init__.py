"""Extract: Article -> Statements (every sentence, with its features) and Claims (the factual ones).

The only stage that uses spaCy. Paragraphs are parsed as separate texts so that a headline
without a full stop never runs into the sentence after it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from claimcheck.extract.cues import cues
from claimcheck.extract.features import statement_from_span
from claimcheck.extract.naming import claim_name
from claimcheck.extract.nlp import bounded_pieces, load_pipeline
from claimcheck.models import Article, Claim, Statement

__all__ = ["claims_from_statements", "extract_statements", "iter_statements", "load_pipeline", "typed_claim"]

MIN_CLAIM_WORDS = 6
MAX_CLAIM_WORDS = 80
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
                yield paragraph, (number, offset)

    next_to_yield = 0
    seen_paragraphs: dict[int, int] = {}
    for doc, (number, offset) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        article, statements, _expected = pending[number]
        previous_terms: list[str] = []
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            statement = statement_from_span(
                sent, source=article.source, base_offset=offset, context_terms=previous_terms
            )
            statements.append(statement)
            previous_terms = statement.terms
        seen_paragraphs[number] = seen_paragraphs.get(number, 0) + 1
        while next_to_yield in pending and seen_paragraphs.get(next_to_yield, 0) >= max(
            pending[next_to_yield][2], 1
        ):
            done_article, done_statements, _ = pending.pop(next_to_yield)
            yield done_article, done_statements
            next_to_yield += 1


def extract_statements(article: Article, *, nlp=None) -> list[Statement]:
    """Every sentence of one article as a Statement."""
    return next(iter_statements([article], nlp=nlp))[1]


def is_claim(statement: Statement) -> bool:
    """A checkable factual claim: a full, self-contained sentence that asserts something concrete."""
    words = len(statement.text.split())
    if statement.kind != "fact" or not MIN_CLAIM_WORDS <= words <= MAX_CLAIM_WORDS:
        return False
    # A sentence that opens on a pronoun or "this/these ..." leans on the one before: not checkable alone.
    if cues().anaphoric_start.match(statement.text):
        return False
    if statement.predicate is None:
        return False
    concrete = statement.entities or statement.quantities
    return bool(concrete) and len(statement.terms) >= 3


def claims_from_statements(statements: Iterable[Statement]) -> list[Claim]:
    """The claims among an article's statements; a sentence repeated (a headline over its story) once."""
    claims: list[Claim] = []
    seen: set[str] = set()
    for statement in statements:
        key = re.sub(r"\W+", " ", statement.text.lower()).strip()
        if key in seen or not is_claim(statement):
            continue
        seen.add(key)
        claims.append(Claim(
            id=statement.id,
            text=statement.text,
            name=claim_name(statement),
            typed=False,
            source=statement.source,
            statement=statement,
        ))
    return claims


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
