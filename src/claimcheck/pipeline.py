"""The library API: wires ingest -> extract -> match -> verdict. The one module that imports several stages.

    from claimcheck.pipeline import load_corpus, check_texts, verify_articles
    corpus = load_corpus(["fixtures/articles"])
    report = check_texts([("c1", "North Korea has sent about 10,000 troops to Russia")], corpus)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from claimcheck.errors import CorpusError
from claimcheck.extract import claims_from_statements, iter_statements, load_pipeline, typed_claim
from claimcheck.independence import assign_origins, base_origin
from claimcheck.ingest import read_inputs
from claimcheck.match import Retriever, StatementIndex, load_stance_model, match_claim
from claimcheck.models import Article, Claim, CorpusInfo, ReadFailure, Report, Statement, Verdict
from claimcheck.store import CorpusStore
from claimcheck.verdict import label_claim

__all__ = ["Corpus", "check_claims", "check_texts", "load_corpus", "verify_articles"]


@dataclass
class Corpus:
    """Articles read, their statements indexed, and the origin of every source."""

    location: str
    articles: list[Article]
    retriever: Retriever
    origins: dict[str, str]
    statements: dict[str, list[Statement]] = field(default_factory=dict)
    failures: list[ReadFailure] = field(default_factory=list)
    _copies: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def sentences_of(self, source: str) -> list[Statement]:
        return self.statements.get(source, [])

    def origin_of(self, source: str) -> str:
        return self.origins.get(source, source)

    def copy_of(self, content_hash: str) -> str | None:
        """A corpus source whose text is identical (same content hash), or None.

        A stored corpus answers from the store's index without reading its articles; one read into
        memory builds its table once, on first use.
        """
        if isinstance(self.retriever, CorpusStore):
            found = self.retriever.sources_with_hash(content_hash)
            return found[0] if found else None
        if self._copies is None:
            self._copies = {}
            for article in self.articles:
                self._copies.setdefault(article.content_hash, article.source)
        return self._copies.get(content_hash)

    def info(self) -> CorpusInfo:
        return CorpusInfo(
            location=self.location,
            sources=len(self.articles),
            origins=len(set(self.origins.values())),
            statements=self.retriever.statement_count(),
        )


def load_corpus(
    inputs: Sequence[str],
    *,
    nlp=None,
    jobs: int = 1,
    read_options: dict | None = None,
    store: str | None = None,
    use_store: bool = True,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> Corpus:
    """Read, parse and index every article the inputs name. Unreadable inputs are recorded, not raised.

    A corpus folder is kept in its store (FOLDER/.claimcheck/, or `store`): later runs parse only
    new and changed files (see claimcheck.indexing). on_progress(source, done, total) follows the
    files that had to be looked at.
    """
    if use_store:
        # Imported here: claimcheck.indexing builds on this module.
        from claimcheck.indexing import load_stored_corpus, store_location

        location = store_location(inputs, store)
        if location is not None:
            corpus, _ = load_stored_corpus(
                inputs, location, nlp=nlp, jobs=jobs, read_options=read_options, on_progress=on_progress
            )
            return corpus
    articles, failures = read_inputs(inputs, **(read_options or {}))
    return corpus_from_articles(articles, location=", ".join(inputs), failures=failures, nlp=nlp, jobs=jobs)


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
    sentences = {source: [s.text for s in found] for source, found in statements.items()}
    return Corpus(
        location=location,
        articles=list(articles),
        retriever=index,
        origins=assign_origins(articles, sentences),
        statements=statements,
        failures=list(failures),
    )


def check_claims(
    claims: Iterable[Claim], corpus: Corpus, *, min_relevance: float = 0.5, use_model: bool = True
) -> Iterator[Verdict]:
    """Label each claim against the corpus, in order."""
    model = load_stance_model() if use_model else None
    for claim in claims:
        evidence = match_claim(
            claim, corpus.retriever, origin_of=corpus.origin_of, min_relevance=min_relevance,
            model=model, sentences_of=corpus.sentences_of,
        )
        own = corpus.origin_of(claim.source) if claim.source is not None else None
        yield label_claim(claim, evidence, own_origin=own)


def check_texts(
    texts: Iterable[tuple[str | None, str]], corpus: Corpus, *, nlp=None, min_relevance: float = 0.5,
    use_model: bool = True,
) -> Report:
    """Label claims a user typed, given as (id or None, text)."""
    nlp = nlp or load_pipeline()
    claims = [typed_claim(text, claim_id=claim_id, nlp=nlp) for claim_id, text in texts]
    verdicts = list(check_claims(claims, corpus, min_relevance=min_relevance, use_model=use_model))
    return Report(corpus=corpus.info(), verdicts=verdicts, failures=corpus.failures)


def article_claims(articles: Sequence[Article], corpus: Corpus, *, nlp=None) -> list[Claim]:
    """The factual claims of each article; articles already in the corpus are not parsed again."""
    missing = [a for a in articles if a.source not in corpus.statements]
    parsed = dict((a.source, s) for a, s in iter_statements(missing, nlp=nlp)) if missing else {}
    claims: list[Claim] = []
    for article in articles:
        statements = corpus.statements.get(article.source) or parsed.get(article.source, [])
        claims.extend(claims_from_statements(statements))
    return claims


def verify_articles(
    inputs: Sequence[str], corpus: Corpus, *, nlp=None, min_relevance: float = 0.5, read_options: dict | None = None,
    use_model: bool = True,
) -> Report:
    """Check every claim of the articles the inputs name against the corpus."""
    articles, failures = read_inputs(inputs, **(read_options or {}))
    if not articles and not failures:
        raise CorpusError(f"{', '.join(inputs)}: no article to verify")
    for article in articles:
        # an article that is a copy of a corpus article shares its origin: the copy cannot back it
        if article.source not in corpus.origins:
            original = corpus.copy_of(article.content_hash)
            corpus.origins[article.source] = corpus.origin_of(original) if original else base_origin(article)
    claims = article_claims(articles, corpus, nlp=nlp)
    verdicts = list(check_claims(claims, corpus, min_relevance=min_relevance, use_model=use_model))
    return Report(corpus=corpus.info(), verdicts=verdicts, failures=[*failures, *corpus.failures])
