"""Index and verify on a Dask cluster (`--cluster tcp://HOST:PORT`, or `local:N` worker processes here).

Imported only when --cluster is used, so a normal run never imports Dask (`pip install 'claimcheck[cluster]'`).

The driver (the process running claimcheck) does what it does in a local run: lists the inputs,
plans the sync, reads the files (cheap: the text travels to the workers, so the corpus need not sit
on shared storage to be indexed), writes every article into the SQLite store as it comes back, in
input order, and prints the reports in input order. The workers do the costly part: parsing with
spaCy (`parse_batch`) and checking one article against the store (`verify_article`). What travels
is our own pydantic models (pickled), never a spaCy object. Each worker process loads the language
pipeline and the stance model once (a cache per process) and opens the store read-only once per
thread and store generation: for verify, the store must be at the same path on every worker
(a shared folder, or a copy made after indexing).

A worker's failure on one article (an exception, or the worker dying more often than Dask's
`distributed.scheduler.allowed-failures`) becomes that article's ReadFailure, named in the report:
exit 3, not the run's end. An index run that fails or is killed keeps every article already
written, and the next run parses only the rest (the store's plan, as today).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from claimcheck.corpus import Corpus, corpus_from_store
from claimcheck.errors import ClusterError
from claimcheck.extract import iter_statements, load_pipeline
from claimcheck.indexing import IndexResult, extractor_fingerprint, open_store, store_location, sync_store
from claimcheck.ingest import ReadOptions, read_items
from claimcheck.ingest.inputs import expand_inputs
from claimcheck.match import load_stance_model
from claimcheck.models import Article, ClaimMap, ReadFailure, Report, Statement
from claimcheck.pipeline import collect_reports, for_the_map, load_corpus, map_of_report, report_on_article
from claimcheck.saved_checks import SavedChecks
from claimcheck.store import CorpusStore

__all__ = [
    "CONNECT_TIMEOUT_S",
    "Cluster",
    "iter_verified_on_cluster",
    "load_corpus_on_cluster",
    "map_corpus_on_cluster",
    "open_cluster",
    "parse_batch",
    "sync_store_on_cluster",
    "verify_article",
    "verify_articles_on_cluster",
]

CONNECT_TIMEOUT_S = 10.0
INDEX_BATCH = 8  # articles per parse task when indexing: big enough to amortise a task, small enough to lose little
VERIFY_BATCH = 2  # drafts per parse task when verifying: each is checked in a task of its own afterwards
Progress = Callable[[str, int, int], None]


@dataclass
class Cluster:
    """A connected Dask client, and the local cluster it started (local:N), if any."""

    client: Any
    address: str
    workers: int
    _local: Any = field(default=None, repr=False)

    def in_flight(self) -> int:
        """Tasks to keep submitted ahead of the one awaited: every worker busy, one more queued each."""
        return max(2, 2 * self.workers)


@contextmanager
def open_cluster(address: str, *, connect_timeout_s: float = CONNECT_TIMEOUT_S) -> Iterator[Cluster]:
    """Connect to the scheduler at address (or start local:N worker processes), check the workers, close on exit.

    ClusterError when Dask is not installed, no scheduler answers within connect_timeout_s, no worker
    joins, or the workers run another claimcheck (their extractor fingerprint differs from ours).
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask on this machine and the workers: pip install 'claimcheck[cluster]'") from None
    local = None
    try:
        if address.startswith("local:"):
            count = int(address.removeprefix("local:"))
            local = LocalCluster(
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
            )
            client = Client(local, timeout=connect_timeout_s)
        else:
            client = Client(address, timeout=connect_timeout_s)
    except (OSError, TimeoutError):
        if local is not None:
            local.close()
        raise ClusterError(
            f"{address}: no Dask scheduler answered within {connect_timeout_s:g} s; "
            "start one (`dask scheduler`, then `dask worker ADDRESS --nthreads 1` on each machine) or fix --cluster"
        ) from None
    try:
        try:
            client.wait_for_workers(1, timeout=connect_timeout_s)
        except TimeoutError:
            raise ClusterError(
                f"{address}: the scheduler answered but no worker joined within {connect_timeout_s:g} s; "
                "start workers with `dask worker ADDRESS --nthreads 1`"
            ) from None
        fingerprints = client.run(extractor_fingerprint)
        ours = extractor_fingerprint()
        unlike = sorted(worker for worker, theirs in fingerprints.items() if theirs != ours)
        if unlike:
            raise ClusterError(
                f"{address}: {len(unlike)} worker(s) run another claimcheck or spaCy pipeline ({unlike[0]} and others); "
                "install the same claimcheck version and word lists on every worker"
            )
        yield Cluster(client=client, address=address, workers=len(fingerprints), _local=local)
    finally:
        client.close()
        if local is not None:
            local.close()


# -- what runs on the workers -------------------------------------------------------------------


def parse_batch(articles: list[Article]) -> list[list[Statement] | str]:
    """The statements of each article (a worker task), or the words of the error one article raised."""
    nlp = load_pipeline()  # cached: once per worker process
    try:
        return [statements for _, statements in iter_statements(articles, nlp=nlp)]
    except Exception:
        outcomes: list[list[Statement] | str] = []
        for article in articles:  # again one by one, so that the failure is the failing article's alone
            try:
                outcomes.append(next(iter(iter_statements([article], nlp=nlp)))[1])
            except Exception as exc:
                outcomes.append(_worker_failure(exc))
        return outcomes


@cache
def _stance_model() -> Any:
    return load_stance_model()


_opened = threading.local()  # sqlite3 connections belong to the thread that opened them


def _stored_corpus(store_path: str, generation: int) -> Corpus:
    """The corpus over the store, opened read-only once per thread and store generation."""
    key = (store_path, generation)
    cached = getattr(_opened, "corpus", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    if cached is not None:
        cached[2].close()
    store = CorpusStore.open_read_only(Path(store_path))
    corpus = corpus_from_store(store, location=store_path)
    _opened.corpus = (key, corpus, store)
    return corpus


def verify_article(
    store_path: str, generation: int, article: Article, statements: list[Statement], outside: dict[str, str], *,
    min_relevance: float, use_model: bool,
) -> Report:
    """One article checked against the store (a worker task), after the outside origins a local run
    would have placed before it (the driver places in input order and sends them)."""
    corpus = _stored_corpus(store_path, generation)
    corpus.adopt_outside(outside)
    return report_on_article(
        article, statements, corpus, model=_stance_model() if use_model else None, min_relevance=min_relevance,
        nlp=load_pipeline(),
    )


def _worker_failure(exc: BaseException) -> str:
    return f"failed on a cluster worker ({type(exc).__name__}: {exc})"


# -- the driver ----------------------------------------------------------------------------------


def load_corpus_on_cluster(
    cluster: Cluster, inputs: Sequence[str], *, jobs: int = 1, store: str | None = None,
    read_options: ReadOptions | None = None, on_progress: Progress | None = None, sync: bool = True,
) -> Corpus:
    """pipeline.load_corpus, the corpus store brought up to date by the cluster's workers first (sync=False: as it is)."""
    location = store_location(inputs, store)
    if location is not None and sync:
        with open_store(location) as opened:
            sync_store_on_cluster(cluster, opened, inputs, read_options=read_options, on_progress=on_progress)
    return load_corpus(inputs, jobs=jobs, store=store, read_options=read_options, on_progress=on_progress, sync=sync)


def sync_store_on_cluster(
    cluster: Cluster, store: CorpusStore, inputs: Sequence[str], *, read_options: ReadOptions | None = None,
    on_progress: Progress | None = None,
) -> IndexResult:
    """indexing.sync_store with the parsing done by the cluster's workers; same plan, same store.

    An article a worker could not parse is a failure of the result and is not stored (an older
    version of it stays until a run parses it).
    """
    failures: list[ReadFailure] = []

    def extract(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Statement]]]:
        for article, outcome in _parsed_in_order(cluster, articles, batch=INDEX_BATCH):
            if isinstance(outcome, str):
                failures.append(ReadFailure(input=article.source, reason=outcome))
            else:
                yield article, outcome

    result = sync_store(store, inputs, read_options=read_options, on_progress=on_progress, extract_many=extract)
    result.failures.extend(failures)
    return result


def _parsed_in_order(
    cluster: Cluster, articles: Iterable[Article], *, batch: int
) -> Iterator[tuple[Article, list[Statement] | str]]:
    """Each article with its statements (or its failure), in input order, parsed in batches on the
    workers; up to cluster.in_flight() batches are submitted ahead of the one awaited."""
    waiting: deque[tuple[list[Article], Any]] = deque()
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, batch)):
        waiting.append((chunk, cluster.client.submit(parse_batch, chunk, pure=False)))
        while len(waiting) > cluster.in_flight():
            yield from _batch_outcome(*waiting.popleft())
    while waiting:
        yield from _batch_outcome(*waiting.popleft())


def _batch_outcome(chunk: list[Article], future: Any) -> Iterator[tuple[Article, list[Statement] | str]]:
    try:
        outcomes = future.result()
    except Exception as exc:  # the worker died (KilledWorker) or the task could not run: these articles fail
        outcomes = [_worker_failure(exc)] * len(chunk)
    yield from zip(chunk, outcomes, strict=True)


def iter_verified_on_cluster(
    cluster: Cluster, inputs: Sequence[str], corpus: Corpus, *, min_relevance: float = 0.5,
    read_options: ReadOptions | None = None, use_model: bool = True, on_progress: Progress | None = None,
    saved: SavedChecks | None = None,
) -> Iterator[Report]:
    """pipeline.iter_verified on the cluster: one Report per article (or unreadable input), in input order.

    The driver reads the drafts; workers parse those the store does not hold; the driver gives each
    its origin in input order (Corpus.place, as a local run does); a worker checks it against the store.
    With saved, the verdicts of corpus articles kept in the store are reused, and the driver keeps those
    the workers check.
    """
    store = corpus.retriever
    if not isinstance(store, CorpusStore):
        raise ClusterError(
            "--cluster checks against a corpus store the workers read: give a corpus folder, or --store PATH "
            "with folders or files (a corpus of URLs or '-' is read into memory and cannot be shared)"
        )
    store_path, generation = str(store.path.resolve()), store.generation()
    items = expand_inputs(inputs)
    info = corpus.info()
    # (input, its report or the future of it, whether to keep its verdicts), in input order
    waiting: deque[tuple[str, Report | Any, bool]] = deque()
    done = 0

    def reported(force: bool = False) -> Iterator[Report]:
        nonlocal done
        while waiting and (force or isinstance(waiting[0][1], Report) or waiting[0][1].done()
                           or len(waiting) > cluster.in_flight()):
            name, head, keep = waiting.popleft()
            done += 1
            if on_progress is not None:
                on_progress(name, done, len(items))
            if isinstance(head, Report):
                yield head
                continue
            report = _verified(head, name, info, corpus)
            if keep and saved is not None:
                saved.put(name, report)
            yield report

    for entry in _read_and_parse(cluster, items, corpus, read_options=read_options):
        outcome, statements = entry.outcome, entry.statements
        if isinstance(outcome, ReadFailure):
            waiting.append((outcome.input, Report(corpus=info, failures=[outcome, *corpus.failures]), False))
        elif isinstance(statements, str):
            failure = ReadFailure(input=outcome.source, reason=statements)
            waiting.append((outcome.source, Report(corpus=info, failures=[failure, *corpus.failures]), False))
        elif (kept := saved.get(outcome.source) if saved is not None and entry.in_corpus else None) is not None:
            waiting.append((outcome.source, Report(corpus=info, verdicts=kept, failures=list(corpus.failures)), False))
        else:
            if entry.in_corpus:  # read now, not while reading the inputs: a map's reused articles never need them
                statements = corpus.statements.get(outcome.source, [])
            corpus.place(outcome, statements or [])  # in input order, as a local run: later drafts may cite earlier ones
            future = cluster.client.submit(
                verify_article, store_path, generation, outcome, statements or [], corpus.outside_origins(),
                min_relevance=min_relevance, use_model=use_model, pure=False,
            )
            waiting.append((outcome.source, future, entry.in_corpus))
        yield from reported()
    yield from reported(force=True)


@dataclass
class _Entry:
    """One input on its way: its article (or failure) and, once parsed, its statements or a worker's failure."""

    outcome: Article | ReadFailure
    statements: list[Statement] | str | None = None
    ready: bool = False
    in_corpus: bool = False  # an article of the corpus: not parsed, its statements read from the corpus when checked


def _read_and_parse(
    cluster: Cluster, items: Sequence[Any], corpus: Corpus, *, read_options: ReadOptions | None
) -> Iterator[_Entry]:
    """The inputs read on the driver, in order; those the store does not hold parsed on the workers."""
    waiting: deque[_Entry] = deque()
    batches: deque[tuple[list[_Entry], Any]] = deque()
    batch: list[_Entry] = []

    def settle(entries: list[_Entry], future: Any) -> None:
        for entry, (_, found) in zip(entries, _batch_outcome([e.outcome for e in entries], future), strict=True):  # type: ignore[misc]
            entry.statements, entry.ready = found, True

    def submit() -> None:
        nonlocal batch
        if batch:
            batches.append((batch, cluster.client.submit(parse_batch, [e.outcome for e in batch], pure=False)))
            batch = []

    def ready(force: bool = False) -> Iterator[_Entry]:
        while batches and (force or batches[0][1].done() or len(batches) > cluster.in_flight()):
            settle(*batches.popleft())
        while waiting and waiting[0].ready:
            yield waiting.popleft()

    for outcome in read_items(items, options=read_options):
        entry = _Entry(outcome)
        waiting.append(entry)
        if isinstance(outcome, ReadFailure):
            entry.ready = True
        else:
            if outcome.source in corpus.statements:
                entry.ready, entry.in_corpus = True, True
            else:
                batch.append(entry)
                if len(batch) >= VERIFY_BATCH:
                    submit()
        yield from ready()
    submit()
    yield from ready(force=True)


def _verified(future: Any, name: str, info: Any, corpus: Corpus) -> Report:
    """A worker's report with the driver's corpus facts (the same store), or the article's failure."""
    try:
        report: Report = future.result()
    except Exception as exc:
        return Report(corpus=info, failures=[ReadFailure(input=name, reason=_worker_failure(exc)), *corpus.failures])
    return report.model_copy(update={"corpus": info, "failures": [*report.failures, *corpus.failures]})


def verify_articles_on_cluster(
    cluster: Cluster, inputs: Sequence[str], corpus: Corpus, *, min_relevance: float = 0.5,
    read_options: ReadOptions | None = None, use_model: bool = True,
    on_report: Callable[[Report], None] | None = None, on_progress: Progress | None = None,
) -> Report:
    """pipeline.verify_articles on the cluster: the whole report, each part handed to on_report as it comes."""
    parts = iter_verified_on_cluster(
        cluster, inputs, corpus, min_relevance=min_relevance, read_options=read_options, use_model=use_model,
        on_progress=on_progress,
    )
    return collect_reports(parts, inputs, corpus, on_report=on_report)


def map_corpus_on_cluster(
    cluster: Cluster, inputs: Sequence[str], corpus: Corpus, *, min_relevance: float = 0.5,
    read_options: ReadOptions | None = None, use_model: bool = True, on_progress: Progress | None = None,
    saved: SavedChecks | None = None,
) -> ClaimMap:
    """pipeline.map_corpus with the articles checked on the cluster's workers; the clusters are made here."""
    parts = iter_verified_on_cluster(
        cluster, inputs, corpus, min_relevance=min_relevance, read_options=read_options, use_model=use_model,
        on_progress=on_progress, saved=saved,
    )
    return map_of_report(collect_reports(map(for_the_map, parts), inputs, corpus), corpus)
