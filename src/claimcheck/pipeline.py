"""The library API: wires ingest -> extract -> match -> verdict. The one module that imports several stages.

    from claimcheck.pipeline import load_corpus, check_texts, verify_articles
    corpus = load_corpus(["fixtures/articles"])
    report = check_texts([("c1", "North Korea has sent about 10,000 troops to Russia")], corpus)
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from claimcheck.errors import CorpusError
from claimcheck.extract import claims_from_statements, iter_statements, load_pipeline, typed_claim
from claimcheck.independence import CopyIndex, CopyLookup, base_origin, copied_source, copy_keys, origins_from_keys
from claimcheck.ingest import read_inputs, read_items
from claimcheck.ingest.inputs import expand_inputs
from claimcheck.match import Retriever, StatementIndex, load_stance_model, match_claim
from claimcheck.models import Article, Claim, CorpusInfo, ReadFailure, Report, Statement, Verdict
from claimcheck.store import CorpusStore
from claimcheck.verdict import label_claim

__all__ = ["Corpus", "check_claims", "check_texts", "iter_verified", "load_corpus", "merge_reports", "verify_articles"]


@dataclass
class Corpus:
    """Articles read, their statements indexed, and the origin of every source."""

    location: str
    articles: list[Article]
    retriever: Retriever
    origins: dict[str, str]
    statements: dict[str, list[Statement]] = field(default_factory=dict)
    failures: list[ReadFailure] = field(default_factory=list)
    # The sentence keys of the corpus articles, for telling an outside article that copies one of them.
    copies: CopyLookup | None = field(default=None, repr=False, compare=False)
    _copies: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)
    # Origins of articles checked against the corpus without being part of it: kept apart, so that
    # the corpus's own counts (info) do not grow with every article verified.
    _outside: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def sentences_of(self, source: str) -> list[Statement]:
        return self.statements.get(source, [])

    def origin_of(self, source: str) -> str:
        return self.origins.get(source) or self._outside.get(source, source)

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

    def _copy_lookup(self) -> CopyLookup:
        if self.copies is None:
            self.copies = CopyIndex.from_sentences(
                {source: [statement.text for statement in found] for source, found in self.statements.items()}
            )
        return self.copies

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
    keys = {source: copy_keys(s.text for s in found) for source, found in statements.items()}
    return Corpus(
        location=location,
        articles=list(articles),
        retriever=index,
        origins=origins_from_keys(articles, keys),
        statements=statements,
        failures=list(failures),
        copies=CopyIndex(keys),
    )


def check_claims(
    claims: Iterable[Claim], corpus: Corpus, *, min_relevance: float = 0.5, use_model: bool = True, model=None
) -> Iterator[Verdict]:
    """Label each claim against the corpus, in order. model: a loaded stance model, to share it between calls."""
    if model is None and use_model:
        model = load_stance_model()
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


@dataclass
class _Pending:
    """One article (or the failure to read one) waiting for its turn to be reported."""

    outcome: Article | ReadFailure
    statements: list[Statement] | None = None  # None while the article is being parsed

    @property
    def ready(self) -> bool:
        return isinstance(self.outcome, ReadFailure) or self.statements is not None

    @property
    def name(self) -> str:
        return self.outcome.input if isinstance(self.outcome, ReadFailure) else self.outcome.source


def iter_verified(
    inputs: Sequence[str],
    corpus: Corpus,
    *,
    nlp=None,
    jobs: int = 1,
    min_relevance: float = 0.5,
    read_options: dict | None = None,
    use_model: bool = True,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> Iterator[Report]:
    """Check the articles the inputs name, yielding one Report per article (or unreadable input) in input order.

    Each report comes out as soon as its article is checked: the articles are read one by one and
    parsed in batches as the matcher needs them, so a long folder streams; with jobs > 1, worker
    processes parse the next batch while the matcher works. Articles already in the corpus are not
    parsed again. on_progress(input, done, total) follows the reports.
    """
    items = expand_inputs(inputs)
    model = load_stance_model() if use_model else None
    waiting: deque[_Pending] = deque()  # every outcome not yet reported, in input order
    parsing: deque[_Pending] = deque()  # the articles handed to the parser, in order
    done = 0

    def to_parse() -> Iterator[Article]:
        for outcome in read_items(items, **(read_options or {})):
            pending = _Pending(outcome)
            waiting.append(pending)
            if isinstance(outcome, Article):
                known = corpus.statements.get(outcome.source)
                if known is None:
                    parsing.append(pending)
                    yield outcome
                else:
                    pending.statements = known

    def finished() -> Iterator[Report]:
        nonlocal done
        while waiting and waiting[0].ready:
            pending = waiting.popleft()
            report = _report_on(pending, corpus, model=model, min_relevance=min_relevance)
            done += 1
            if on_progress is not None:
                on_progress(pending.name, done, len(items))
            yield report

    articles = to_parse()
    first = next(articles, None)  # reads up to the first article that needs parsing
    yield from finished()
    if first is not None:
        for article, statements in iter_statements(itertools.chain([first], articles), nlp=nlp, n_process=jobs):
            pending = parsing.popleft()
            assert pending.outcome is article
            pending.statements = statements
            yield from finished()
    yield from finished()


def _report_on(pending: _Pending, corpus: Corpus, *, model, min_relevance: float) -> Report:
    outcome = pending.outcome
    if isinstance(outcome, ReadFailure):
        return Report(corpus=corpus.info(), failures=[outcome, *corpus.failures])
    corpus.place(outcome, pending.statements or [])
    claims = claims_from_statements(pending.statements or [])
    verdicts = list(check_claims(claims, corpus, min_relevance=min_relevance, use_model=model is not None, model=model))
    return Report(corpus=corpus.info(), verdicts=verdicts, failures=list(corpus.failures))


def merge_reports(parts: Iterable[Report], corpus: Corpus) -> Report:
    """One report from the per-article reports of iter_verified: verdicts in order, each failure once."""
    verdicts: list[Verdict] = []
    failures: dict[tuple[str, str], ReadFailure] = {}
    for part in parts:
        verdicts.extend(part.verdicts)
        for failure in part.failures:
            failures.setdefault((failure.input, failure.reason), failure)
    return Report(corpus=corpus.info(), verdicts=verdicts, failures=list(failures.values()))


def verify_articles(
    inputs: Sequence[str], corpus: Corpus, *, nlp=None, jobs: int = 1, min_relevance: float = 0.5,
    read_options: dict | None = None, use_model: bool = True,
) -> Report:
    """Check every claim of the articles the inputs name against the corpus."""
    parts = list(iter_verified(
        inputs, corpus, nlp=nlp, jobs=jobs, min_relevance=min_relevance, read_options=read_options,
        use_model=use_model,
    ))
    if not parts:
        raise CorpusError(f"{', '.join(inputs)}: no article to verify")
    return merge_reports(parts, corpus)
