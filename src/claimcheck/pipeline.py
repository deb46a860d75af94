"""The library API: wires ingest -> extract -> match -> verdict. The one module that imports several stages.

    from claimcheck.pipeline import load_corpus, check_texts, verify_articles
    corpus = load_corpus(["fixtures/articles"])
    report = check_texts([("c1", "North Korea has sent about 10,000 troops to Russia")], corpus)
"""

from __future__ import annotations

import itertools
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.clusters import build_clusters, keep_cluster, what_a_map_reads
from claimcheck.corpus import Corpus, corpus_from_articles
from claimcheck.errors import ClaimcheckError, CorpusError
from claimcheck.extract import claims_from_statements, iter_statements, load_pipeline, typed_claim
from claimcheck.extract.slots import claim_slots
from claimcheck.extract.worth import claim_worth
from claimcheck.figures import build_figure_groups
from claimcheck.indexing import load_stored_corpus, open_stored_corpus, store_location
from claimcheck.ingest import ReadOptions, read_inputs, read_items
from claimcheck.ingest.inputs import expand_inputs
from claimcheck.match import load_meaning, load_stance_model, match_claim
from claimcheck.memory import collector_paused
from claimcheck.models import Article, Claim, ClaimMap, ClusterMember, ReadFailure, Report, Statement, Verdict
from claimcheck.saved_checks import SavedChecks
from claimcheck.verdict import label_claim
from claimcheck.workers import stop_workers_on_interrupt

__all__ = [
    "Corpus",
    "check_claims",
    "check_texts",
    "iter_verified",
    "load_corpus",
    "map_corpus",
    "merge_reports",
    "report_on_article",
    "select_clusters",
    "verify_articles",
]


def load_corpus(
    inputs: Sequence[str],
    *,
    nlp=None,
    jobs: int = 1,
    read_options: ReadOptions | None = None,
    store: str | None = None,
    use_store: bool = True,
    on_progress: Callable[[str, int, int], None] | None = None,
    sync: bool = True,
) -> Corpus:
    """Read, parse and index every article the inputs name. Unreadable inputs are recorded, not raised.

    A corpus folder is kept in its store (FOLDER/.claimcheck/, or `store`): later runs parse only
    new and changed files (see claimcheck.indexing). on_progress(source, done, total) follows the
    files that had to be looked at. sync=False: the store as it is, the corpus files not looked at
    again (indexing.open_stored_corpus); the inputs then only say where the store is.
    """
    if not sync:
        location = store_location(inputs, store) if use_store else None
        if location is None:
            raise CorpusError(f"{', '.join(inputs) or 'no corpus'}: --no-sync needs a corpus store: a corpus folder "
                              "indexed with `claimcheck index`, or --store")
        return _usable(open_stored_corpus(location, location=", ".join(inputs)))
    if use_store:
        location = store_location(inputs, store)
        if location is not None:
            corpus, _ = load_stored_corpus(
                inputs, location, nlp=nlp, jobs=jobs, read_options=read_options, on_progress=on_progress
            )
            return _usable(corpus)
    articles, failures = read_inputs(inputs, options=read_options)
    return _usable(corpus_from_articles(articles, location=", ".join(inputs), failures=failures, nlp=nlp, jobs=jobs))


def _usable(corpus: Corpus) -> Corpus:
    """The corpus, unless none of its inputs could be read: then CorpusError, before any claim is labelled.

    A report against an empty corpus would label every claim single-sourced or unmatched, as if the
    corpus had been searched.
    """
    if corpus.failures and corpus.info().sources == 0:
        shown = "; ".join(f"{failure.input}: {failure.reason}" for failure in corpus.failures[:3])
        more = f" (and {len(corpus.failures) - 3} more)" if len(corpus.failures) > 3 else ""
        raise CorpusError(f"no article of the corpus could be read: {shown}{more}")
    return corpus


def check_claims(
    claims: Iterable[Claim], corpus: Corpus, *, min_relevance: float = 0.5, use_model: bool = True, model=None,
    nlp=None, published: str | None = None,
) -> Iterator[Verdict]:
    """Label each claim against the corpus, in order. model: a loaded stance model, to share it between calls.
    nlp: the pipeline that parses the claims' slots (loaded when not given); published: their article's date.
    use_model: with the learned stance model and the sentence encoder; without them, the rules alone."""
    if model is None and use_model:
        model = load_stance_model()
    meaning = load_meaning() if use_model else None
    claims = list(claims)
    slots = claim_slots(claims, nlp=nlp or load_pipeline(), published=published)
    for claim, parts in zip(claims, slots, strict=True):
        with collector_paused():  # one claim's work is bounded; a list of typed claims may not be
            evidence = match_claim(
                claim, corpus.retriever, origin_of=corpus.origin_of, min_relevance=min_relevance,
                model=model, sentences_of=corpus.sentences_of, texts_of=corpus.texts_of, meaning=meaning,
            )
            own = corpus.origin_of(claim.source) if claim.source is not None else None
            verdict = label_claim(claim, evidence, own_origin=own, slots=parts, worth=claim_worth(claim.statement),
                                  origin_cited=corpus.origin_cited, published=published,
                                  published_of=corpus.published_of)
        yield verdict


def check_texts(
    texts: Iterable[tuple[str | None, str]], corpus: Corpus, *, nlp=None, min_relevance: float = 0.5,
    use_model: bool = True, failures: Sequence[ReadFailure] = (),
) -> Report:
    """Label claims a user typed, given as (id or None, text). failures: claims that could not be read (bad lines)."""
    nlp = nlp or load_pipeline()
    claims = [typed_claim(text, claim_id=claim_id, nlp=nlp) for claim_id, text in texts]
    verdicts = list(check_claims(claims, corpus, min_relevance=min_relevance, use_model=use_model, nlp=nlp))
    return Report(corpus=corpus.info(), verdicts=verdicts, failures=[*failures, *corpus.failures])


@dataclass
class _Pending:
    """One article (or the failure to read one) waiting for its turn to be reported."""

    outcome: Article | ReadFailure
    statements: list[Statement] | None = None  # None while the article is being parsed, or read when reported
    # An article of the corpus: its statements are read from the corpus when its turn comes (a map of a
    # 10,000-article store would otherwise hold all 165,000 of them while the first articles are checked).
    in_corpus: bool = False

    @property
    def ready(self) -> bool:
        return isinstance(self.outcome, ReadFailure) or self.statements is not None or self.in_corpus

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
    read_options: ReadOptions | None = None,
    use_model: bool = True,
    on_progress: Callable[[str, int, int], None] | None = None,
    saved: SavedChecks | None = None,
) -> Iterator[Report]:
    """Check the articles the inputs name, yielding one Report per article (or unreadable input) in input order.

    Each report comes out as soon as its article is checked: the articles are read one by one and
    parsed in batches as the matcher needs them, so a long folder streams; with jobs > 1, worker
    processes parse the next batch while the matcher works. Articles already in the corpus are not
    parsed again. on_progress(input, done, total) follows the reports. saved (a map's, pipeline.map_corpus):
    the verdicts of corpus articles kept in the store are reused, and those checked now are kept, as a map
    reads them (clusters.what_a_map_reads: not a whole verify report).
    """
    items = expand_inputs(inputs)
    model = load_stance_model() if use_model else None
    waiting: deque[_Pending] = deque()  # every outcome not yet reported, in input order
    parsing: deque[_Pending] = deque()  # the articles handed to the parser, in order
    done = 0

    def to_parse() -> Iterator[Article]:
        for outcome in read_items(items, options=read_options):
            pending = _Pending(outcome)
            waiting.append(pending)
            if isinstance(outcome, Article):
                if outcome.source in corpus.statements:
                    pending.in_corpus = True
                else:
                    parsing.append(pending)
                    yield outcome

    def finished() -> Iterator[Report]:
        nonlocal done
        while waiting and waiting[0].ready:
            pending = waiting.popleft()
            report = _report_on(pending, corpus, model=model, min_relevance=min_relevance, nlp=nlp, saved=saved)
            done += 1
            if on_progress is not None:
                on_progress(pending.name, done, len(items))
            yield report

    articles = to_parse()
    first = next(articles, None)  # reads up to the first article that needs parsing
    yield from finished()
    if first is not None:
        with stop_workers_on_interrupt():
            for article, statements in iter_statements(itertools.chain([first], articles), nlp=nlp, n_process=jobs):
                pending = parsing.popleft()
                assert pending.outcome is article
                pending.statements = statements
                yield from finished()
    yield from finished()


def _report_on(pending: _Pending, corpus: Corpus, *, model, min_relevance: float, nlp, saved: SavedChecks | None) -> Report:
    outcome = pending.outcome
    if isinstance(outcome, ReadFailure):
        return Report(corpus=corpus.info(), failures=[outcome, *corpus.failures])
    kept = saved.get(outcome.source) if saved is not None and pending.in_corpus else None
    if kept is not None:
        return Report(corpus=corpus.info(), verdicts=kept, failures=list(corpus.failures))
    statements = pending.statements if pending.statements is not None else corpus.statements.get(outcome.source, [])
    report = report_on_article(outcome, statements, corpus, model=model, min_relevance=min_relevance, nlp=nlp)
    if saved is not None and pending.in_corpus:
        saved.put(outcome.source, report)
    return report


def report_on_article(
    outcome: Article, statements: list[Statement], corpus: Corpus, *, model, min_relevance: float, nlp
) -> Report:
    """One parsed article checked against the corpus (iter_verified's step, and a Dask worker's: distributed.py).

    A fault of claimcheck's own while checking the article (a bug, not bad input) fails this article alone:
    the report names it with the error, and a batch or a map goes on with the others. An error of the store
    or the corpus as a whole (ClaimcheckError) would fail every article, so it stops the run.
    CLAIMCHECK_DEBUG=1 lets the fault through, with its traceback.
    """
    with collector_paused():
        return _checked(outcome, statements, corpus, model=model, min_relevance=min_relevance, nlp=nlp)


def _checked(
    outcome: Article, statements: list[Statement], corpus: Corpus, *, model, min_relevance: float, nlp
) -> Report:
    corpus.place(outcome, statements)
    try:
        claims = claims_from_statements(statements)
        verdicts = list(check_claims(
            claims, corpus, min_relevance=min_relevance, use_model=model is not None, model=model, nlp=nlp,
            published=outcome.published,
        ))
    except ClaimcheckError:
        raise
    except Exception as exc:
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        failure = ReadFailure(input=outcome.source, reason=_checking_failed(exc))
        return Report(corpus=corpus.info(), failures=[failure, *corpus.failures])
    return Report(corpus=corpus.info(), verdicts=verdicts, failures=list(corpus.failures))


def _checking_failed(exc: Exception) -> str:
    """The reason reported for an article claimcheck failed on: the error and where it arose, for a bug report."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = f" in {Path(last.filename).name}:{last.lineno}, {last.name}"
    return (
        f"claimcheck failed while checking this article's claims ({type(exc).__name__}: {exc}{where}); the other "
        "articles were checked. Rerun with CLAIMCHECK_DEBUG=1 for the traceback, and please report it"
    )


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
    read_options: ReadOptions | None = None, use_model: bool = True,
    on_report: Callable[[Report], None] | None = None, on_progress: Callable[[str, int, int], None] | None = None,
) -> Report:
    """Check every claim of the articles the inputs name against the corpus: the whole report.

    Article by article (iter_verified): on_report gets each article's report as soon as it is
    done, so a caller can stream results; on_progress(input, done, total) follows them.
    """
    parts = iter_verified(
        inputs, corpus, nlp=nlp, jobs=jobs, min_relevance=min_relevance, read_options=read_options,
        use_model=use_model, on_progress=on_progress,
    )
    return collect_reports(parts, inputs, corpus, on_report=on_report)


def collect_reports(
    parts: Iterable[Report], inputs: Sequence[str], corpus: Corpus, *, on_report: Callable[[Report], None] | None = None,
) -> Report:
    """The articles' reports merged into one, each handed to on_report as it comes; an error when there is none."""
    collected: list[Report] = []
    for part in parts:
        collected.append(part)
        if on_report is not None:
            on_report(part)
    if not collected:
        raise CorpusError(f"{', '.join(inputs)}: no article to verify")
    return merge_reports(collected, corpus)


def map_corpus(
    inputs: Sequence[str], corpus: Corpus, *, nlp=None, jobs: int = 1, min_relevance: float = 0.5,
    read_options: ReadOptions | None = None, use_model: bool = True,
    on_progress: Callable[[str, int, int], None] | None = None, saved: SavedChecks | None = None,
) -> ClaimMap:
    """The claim map of a corpus: every article the inputs name checked against the corpus (its own
    sentences are already parsed), then its claims grouped into clusters (claimcheck.clusters).

    saved (`SavedChecks.of(corpus, ...)` with the same settings): verdicts kept in the corpus's store by an
    earlier map of the same store and claimcheck are reused, and those checked now are kept, so a map
    run again or resumed after an interruption checks only what is left.
    """
    parts = iter_verified(
        inputs, corpus, nlp=nlp, jobs=jobs, min_relevance=min_relevance, read_options=read_options,
        use_model=use_model, on_progress=on_progress, saved=saved,
    )
    return map_of_report(collect_reports(map(for_the_map, parts), inputs, corpus), corpus)


def for_the_map(report: Report) -> Report:
    """An article's report as a map keeps it: each verdict with the evidence the map reads (clusters.what_a_map_reads)."""
    return report.model_copy(update={"verdicts": [what_a_map_reads(verdict) for verdict in report.verdicts]})


def map_of_report(report: Report, corpus: Corpus) -> ClaimMap:
    """The claim map of a report on every article of the corpus: its claims grouped into clusters, with their figures."""
    published = {article.source: article.published for article in corpus.articles}
    clusters = build_clusters(
        report.verdicts, origin_of=corpus.origin_of, origin_cited=corpus.origin_cited, published_of=published.get
    )
    figure_groups = build_figure_groups(report.verdicts, clusters)
    return ClaimMap(corpus=corpus.info(), clusters=clusters, figure_groups=figure_groups, failures=report.failures)


def select_clusters(
    claim_map: ClaimMap, corpus: Corpus, *, labels: Sequence[str] = (), min_origins: int = 0,
    about: str | None = None, nlp=None,
) -> ClaimMap:
    """The clusters of a map that pass the filters (claimcheck.clusters.keep_cluster), in their order.

    about: a text whose content terms (lemmas and entity keys, as the matcher reads them) one member's
    sentence must all hold: "North Korean troops" keeps the clusters a sentence naming both belongs to.
    """
    wanted: set[str] = set()
    if about:
        wanted = set(typed_claim(about, claim_id=None, nlp=nlp or load_pipeline()).statement.terms)

    def terms_of(member: ClusterMember) -> set[str]:
        start, end = member.span
        return {
            term
            for statement in corpus.sentences_of(member.source)
            if statement.start <= start and end <= statement.end
            for term in statement.terms
        }

    kept = [
        cluster for cluster in claim_map.clusters
        if keep_cluster(cluster, labels=labels, min_origins=min_origins, about=wanted, terms_of=terms_of)
    ]
    kept_ids = {cluster.id for cluster in kept}
    groups = [group for group in claim_map.figure_groups if kept_ids.intersection(group.clusters)]
    return claim_map.model_copy(update={"clusters": kept, "figure_groups": groups})
