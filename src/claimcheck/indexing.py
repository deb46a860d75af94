"""The stored half of the pipeline: keep a corpus folder's store in step with its files, and check against it.

`claimcheck index CORPUS` and `verify --against CORPUS` (for a folder) both come through here:
files whose size and time are unchanged are not read, files whose text is unchanged are not
parsed, and removed files leave the store. Web pages named by URL lists in the folder are read
through the page cache and stored the same way.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from claimcheck import __version__
from claimcheck.corpus import Corpus, corpus_from_store, store_origins
from claimcheck.errors import ArticleReadError, CorpusError
from claimcheck.extract import iter_statements
from claimcheck.extract.nlp import PIPELINE_PACKAGES
from claimcheck.ingest import ReadOptions, read_file, read_inputs
from claimcheck.ingest.files import folder_entries
from claimcheck.ingest.inputs import (
    Failed,
    Item,
    LocalFile,
    Stdin,
    WebPage,
    expand_inputs,
)
from claimcheck.ingest.urls import is_url
from claimcheck.lexicon import EXTRACTOR_FILES
from claimcheck.memory import collector_paused
from claimcheck.models import Article, ReadFailure, Statement
from claimcheck.store import CorpusStore, FileStamp, default_store_path
from claimcheck.store.schema import database_file
from claimcheck.workers import stop_workers_on_interrupt

__all__ = [
    "IndexResult",
    "Plan",
    "extractor_fingerprint",
    "index_files",
    "load_stored_corpus",
    "open_store",
    "plan_sync",
    "store_location",
    "sync_store",
]

Progress = Callable[[str, int, int], None]
_PACKAGE = Path(__file__).resolve().parent


@cache
def extractor_fingerprint(package: Path = _PACKAGE) -> str:
    """What made the stored statements: claimcheck's version, its extraction code, the data files of
    its word lists (lexicon.EXTRACTOR_FILES, named one by one), the spaCy pipeline.

    A store made under another fingerprint is re-extracted on its next sync, so a new release
    or an edited word list never answers from stale features. The learned stance model and its word
    lists (lexicon.STANCE_MODEL_FILES) are used when matching, not when extracting: they are left out,
    so that retraining stance does not make every store parse its corpus again.
    package: the claimcheck package directory (tests pass a copy).
    """
    digest = hashlib.sha256(__version__.encode())
    data = [package / "data" / name for name in EXTRACTOR_FILES]
    sources = sorted([*(package / "extract").glob("*.py"), *data, package / "lexicon.py", package / "models.py"])
    for path in sources:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            continue
    for name in (*PIPELINE_PACKAGES, "spacy"):
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Plan:
    """What a sync has to do: files to read, files already indexed, sources gone from disk."""

    to_read: list[FileStamp]
    unchanged: list[str]
    removed: list[str]


@dataclass
class IndexResult:
    """What one indexing run did, for the summary line."""

    extracted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    statements_added: int = 0
    words_extracted: int = 0


def store_location(inputs: Sequence[str], store: str | Path | None = None) -> Path | None:
    """The store for these corpus inputs, or None when the corpus is read into memory.

    A single folder has a store by default (FOLDER/.claimcheck/); any set of local folders and
    files has one when store is given. Standard input is never stored.
    """
    if not inputs or any(item.strip() == "-" or is_url(item) for item in inputs):
        if store is not None:
            raise CorpusError(
                f"{', '.join(inputs) or 'no corpus'}: --store needs folders or files as the corpus, "
                "not URLs or '-'; put URLs in a .urls list inside the corpus folder"
            )
        return None
    if store is not None:
        return Path(store)
    folder = Path(inputs[0])
    if len(inputs) == 1 and folder.is_dir():
        location = default_store_path(folder)
        # A read-only corpus (a mounted share, another user's folder) is read into memory instead.
        writable = location if location.exists() else folder
        return location if os.access(writable, os.W_OK) else None
    return None


def open_store(path: Path) -> CorpusStore:
    return CorpusStore.open(path, fingerprint=extractor_fingerprint())


def sync_store(
    store: CorpusStore,
    inputs: Sequence[str],
    *,
    nlp: Any = None,
    jobs: int = 1,
    read_options: ReadOptions | None = None,
    on_progress: Progress | None = None,
    extract_many: ExtractMany | None = None,
) -> IndexResult:
    """Index the articles the inputs name into store; only new and changed ones are parsed.

    extract_many: how the articles to index are parsed, yielding each with its statements in order
    (default: spaCy here, in `jobs` processes; claimcheck.distributed passes a Dask cluster's workers).
    """
    files: list[tuple[str, Path]] = []
    urls: list[str] = []
    failures: list[ReadFailure] = []
    stamped: dict[str, FileStamp] = {}
    with collector_paused():  # listing a big folder allocates an object or two a file, none of them cyclic
        for item in _expand(inputs, store, stamped):
            if isinstance(item, LocalFile):
                files.append((item.name, item.path))
            elif isinstance(item, WebPage):
                if item.url not in urls:
                    urls.append(item.url)
            elif isinstance(item, Failed):
                failures.append(ReadFailure(input=item.error.input, reason=item.error.reason))
            elif isinstance(item, Stdin):
                failures.append(ReadFailure(input="-", reason="standard input cannot be part of a stored corpus"))
    web_articles: list[Article] = []
    if urls:
        web_articles, web_failures = read_inputs(urls, options=read_options)
        failures.extend(web_failures)

    def read(path: Path, source: str) -> Article:
        return read_file(path, source=source)

    def extract(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Statement]]]:
        with stop_workers_on_interrupt():
            yield from iter_statements(articles, nlp=nlp, n_process=jobs)

    result = index_files(
        store, files, read=read, extract=extract_many or extract, articles=web_articles, on_progress=on_progress, stamped=stamped
    )
    result.failures[:0] = failures
    # Origins depend on the whole corpus (copies are found across it): settle them now, so the
    # first check after indexing starts as fast as every later one.
    store_origins(store)
    return result


def _expand(inputs: Sequence[str], store: CorpusStore, stamped: dict[str, FileStamp]) -> Iterator[Item]:
    """expand_inputs, except that a folder's files stored under their current size and time are not
    opened: they are known to be articles, not URL lists (telling those apart means reading a file).
    The stamps taken on the way are left in stamped, so that planning does not take them again."""
    stamps = store.stamps()
    for raw in inputs:
        folder = Path(raw)
        if is_url(raw) or not folder.is_dir():
            yield from expand_inputs([raw])
            continue
        entries = folder_entries(folder)
        if not entries:
            yield from expand_inputs([raw])  # the "no article files" failure, worded by ingest
            continue
        for path in entries:
            if isinstance(path, ArticleReadError):
                yield Failed(path)
                continue
            name = str(path)
            stamp = FileStamp.of(name, path)
            if stamp is not None and stamps.get(name) == (stamp.mtime_ns, stamp.size):
                stamped[name] = stamp
                yield LocalFile(name, path)
            else:
                yield from expand_inputs([name])


def plan_sync(
    store: CorpusStore,
    files: Iterable[tuple[str, Path]],
    *,
    also_present: Iterable[str] = (),
    stamped: Mapping[str, FileStamp] | None = None,
) -> Plan:
    """Compare the files on disk with the store, by size and modification time only.

    A file whose stamp changed is to be read; whether it must be re-extracted is decided
    after reading, by its content hash (`CorpusStore.is_current`). Sources in also_present
    (articles read some other way, such as web pages) are not counted as removed. stamped: stamps
    the caller took already, so those files are not looked at again.
    """
    known = store.file_records()
    to_read: list[FileStamp] = []
    unchanged: list[str] = []
    seen: set[str] = set()
    for source, path in files:
        seen.add(source)
        stamp = (stamped or {}).get(source) or FileStamp.of(source, path)
        if stamp is None:
            to_read.append(FileStamp(source=source, path=path, mtime_ns=-1, size=-1))
            continue
        if known.get(source) == (stamp.mtime_ns, stamp.size, store.fingerprint):
            unchanged.append(source)
        else:
            to_read.append(stamp)
    seen.update(also_present)
    removed = sorted(set(known) - seen)
    return Plan(to_read=to_read, unchanged=unchanged, removed=removed)


ReadArticle = Callable[[Path, str], Article]
ExtractMany = Callable[[Iterable[Article]], Iterable[tuple[Article, list[Statement]]]]


def index_files(
    store: CorpusStore,
    files: Sequence[tuple[str, Path]],
    *,
    read: ReadArticle,
    extract: ExtractMany,
    articles: Sequence[Article] = (),
    on_progress: Callable[[str, int, int], None] | None = None,
    stamped: Mapping[str, FileStamp] | None = None,
) -> IndexResult:
    """Bring the store in line with the files: drop removed ones, extract new and changed ones.

    read(path, source) reads one file (raising ArticleReadError); articles are ones already read
    some other way (web pages from the page cache), kept when their text is unchanged. extract
    yields each article with its statements, lazily, so each finished article is stored (and
    survives an interruption) before the next is done; it is not called at all when nothing
    changed, so an up-to-date corpus never loads the language pipeline. on_progress(source,
    done, total) is called after each file or article that had to be looked at.
    """
    # Longer than 60 lines on purpose: reading (the changed() generator) and storing (the loop at the
    # end) share the result, the stamps and the progress count, and must interleave one article at
    # a time so that an interrupted run keeps every article it finished; split apart, that state
    # would have to travel between functions.
    result = IndexResult()
    plan = plan_sync(store, files, also_present=[article.source for article in articles], stamped=stamped)
    if plan.removed:
        store.remove(plan.removed)
    result.removed = list(plan.removed)
    result.unchanged = list(plan.unchanged)
    stamps: dict[str, FileStamp] = {}
    total = len(plan.to_read) + len(articles)
    done = 0

    def tick(source: str) -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(source, done, total)

    def changed() -> Iterator[Article]:
        for stamp in plan.to_read:
            try:
                article = read(stamp.path, stamp.source)
            except ArticleReadError as exc:
                result.failures.append(ReadFailure(input=exc.input, reason=exc.reason))
                # A file that can no longer be read must not keep answering from its old text.
                store.remove([stamp.source])
                tick(stamp.source)
                continue
            if store.is_current(article):
                store.touch(stamp)
                result.unchanged.append(stamp.source)
                tick(stamp.source)
                continue
            stamps[article.source] = stamp
            yield article
        for article in articles:
            if store.is_current(article):
                result.unchanged.append(article.source)
                tick(article.source)
                continue
            yield article

    pending = changed()
    first = next(pending, None)
    if first is not None:
        for article, statements in extract(itertools.chain([first], pending)):
            store.put(article, statements, stamp=stamps.pop(article.source, None))
            result.extracted.append(article.source)
            result.statements_added += len(statements)
            result.words_extracted += len(article.text.split())
            tick(article.source)
    result.unchanged.sort()
    return result


def open_stored_corpus(store_path: Path, *, location: str) -> Corpus:
    """A Corpus over a store as it is, the corpus files not looked at again (`--no-sync`): for a big corpus
    indexed with `claimcheck index`, checked many times between changes. A store that is missing, empty or
    indexed by another claimcheck is a CorpusError saying to index the corpus. The store stays open with the corpus."""
    if not database_file(store_path).is_file():
        raise CorpusError(f"{store_path}: no corpus store there; index the corpus first (claimcheck index), "
                          "or leave out --no-sync")
    store = open_store(store_path)
    try:
        count, stale = store.article_count(), store.stale_count()
        if count == 0:
            raise CorpusError(f"{store_path}: the corpus store holds no article; index the corpus first "
                              "(claimcheck index), or leave out --no-sync")
        if stale:
            raise CorpusError(f"{store_path}: {stale} of its {count} articles were indexed by another claimcheck "
                              "version; index the corpus again (claimcheck index), or leave out --no-sync")
        return corpus_from_store(store, location=location)
    except BaseException:
        store.close()
        raise


def load_stored_corpus(
    inputs: Sequence[str],
    store_path: Path,
    *,
    nlp: Any = None,
    jobs: int = 1,
    read_options: ReadOptions | None = None,
    on_progress: Progress | None = None,
) -> tuple[Corpus, IndexResult]:
    """Sync the store with the inputs, then a Corpus over it. The store stays open with the corpus."""
    store = open_store(store_path)
    try:
        result = sync_store(store, inputs, nlp=nlp, jobs=jobs, read_options=read_options, on_progress=on_progress)
        corpus = corpus_from_store(store, location=", ".join(inputs), failures=result.failures)
    except BaseException:
        store.close()
        raise
    return corpus, result
