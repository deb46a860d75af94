"""The stored half of the pipeline: keep a corpus folder's store in step with its files, and check against it.

`claimcheck index CORPUS` and `verify --against CORPUS` (for a folder) both come through here:
files whose size and time are unchanged are not read, files whose text is unchanged are not
parsed, and removed files leave the store. Web pages named by URL lists in the folder are read
through the page cache and stored the same way.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from claimcheck import __version__
from claimcheck.errors import CorpusError
from claimcheck.extract import iter_statements
from claimcheck.extract.nlp import PIPELINE_PACKAGES
from claimcheck.independence import origins_from_keys
from claimcheck.ingest import read_file, read_inputs
from claimcheck.ingest.files import article_files
from claimcheck.ingest.inputs import (
    Failed,
    Item,
    LocalFile,
    Stdin,
    WebPage,
    expand_inputs,
)
from claimcheck.ingest.urls import is_url
from claimcheck.models import Article, ReadFailure, Statement
from claimcheck.pipeline import Corpus
from claimcheck.store import (
    CorpusStore,
    FileStamp,
    IndexResult,
    default_store_path,
    index_files,
)

__all__ = [
    "StoredStatements",
    "corpus_from_store",
    "extractor_fingerprint",
    "load_stored_corpus",
    "open_store",
    "store_location",
    "store_origins",
    "sync_store",
]

Progress = Callable[[str, int, int], None]
_PACKAGE = Path(__file__).resolve().parent


@cache
def extractor_fingerprint() -> str:
    """What made the stored statements: claimcheck's version, its extraction code and lexicons, the spaCy pipeline.

    A store made under another fingerprint is re-extracted on its next sync, so a new release
    or an edited lexicon never answers from stale features.
    """
    digest = hashlib.sha256(__version__.encode())
    # The stance model and its lexicon are used when matching, not when extracting: leave them out,
    # so that retraining stance does not make every store parse its corpus again.
    data = [path for path in (_PACKAGE / "data").glob("*.json") if not path.name.startswith("stance")]
    sources = sorted(
        [*(_PACKAGE / "extract").glob("*.py"), *data, _PACKAGE / "lexicon.py", _PACKAGE / "models.py"]
    )
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
    read_options: Mapping[str, Any] | None = None,
    on_progress: Progress | None = None,
) -> IndexResult:
    """Index the articles the inputs name into store; only new and changed ones are parsed."""
    files: list[tuple[str, Path]] = []
    urls: list[str] = []
    failures: list[ReadFailure] = []
    stamped: dict[str, FileStamp] = {}
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
        web_articles, web_failures = read_inputs(urls, **dict(read_options or {}))
        failures.extend(web_failures)

    def read(path: Path, source: str) -> Article:
        return read_file(path, source=source)

    def extract(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Statement]]]:
        return iter_statements(articles, nlp=nlp, n_process=jobs)

    result = index_files(
        store, files, read=read, extract=extract, articles=web_articles, on_progress=on_progress, stamped=stamped
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
        files = article_files(folder)
        if not files:
            yield from expand_inputs([raw])  # the "no article files" failure, worded by ingest
            continue
        for path in files:
            name = str(path)
            stamp = FileStamp.of(name, path)
            if stamp is not None and stamps.get(name) == (stamp.mtime_ns, stamp.size):
                stamped[name] = stamp
                yield LocalFile(name, path)
            else:
                yield from expand_inputs([name])


class StoredStatements(Mapping[str, list[Statement]]):
    """The statements of every stored article, read from the store when asked for."""

    _KEEP_SOURCES = 5_000

    def __init__(self, store: CorpusStore) -> None:
        self._store = store
        self._sources: set[str] | None = None
        self._read: dict[str, list[Statement]] = {}

    def _known(self) -> set[str]:
        if self._sources is None:
            self._sources = set(self._store.sources())
        return self._sources

    def __getitem__(self, source: str) -> list[Statement]:
        # The matcher asks for the same evidence sources claim after claim: keep what was read.
        found = self._read.get(source)
        if found is None:
            if source not in self._known():
                raise KeyError(source)
            if len(self._read) >= self._KEEP_SOURCES:
                self._read.clear()
            found = self._read[source] = list(self._store.statements(source))
        return list(found)

    def __contains__(self, source: object) -> bool:
        return source in self._known()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._known()))

    def __len__(self) -> int:
        return len(self._known())


class StoredArticles(Sequence[Article]):
    """The stored articles: counted without being read, read once when first iterated or indexed."""

    def __init__(self, store: CorpusStore) -> None:
        self._store = store
        self._count = store.article_count()
        self._loaded: list[Article] | None = None

    def _all(self) -> list[Article]:
        if self._loaded is None:
            self._loaded = self._store.articles()
        return self._loaded

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Article]:
        return iter(self._all())

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self._all()[index]


def store_origins(store: CorpusStore) -> dict[str, str]:
    """Independent origins of the stored articles, computed once per change of the store."""
    cached = store.cached_origins()
    if cached is not None:
        return cached
    keys: dict[str, list[str]] = {}
    for source, key in store.copy_keys():
        keys.setdefault(source, []).append(key)
    origins = origins_from_keys(store.articles(), keys)
    store.save_origins(origins)
    return origins


def corpus_from_store(store: CorpusStore, *, location: str, failures: Sequence[ReadFailure] = ()) -> Corpus:
    """A Corpus that retrieves from the store, without loading every statement into memory."""
    return Corpus(
        location=location,
        articles=StoredArticles(store),  # type: ignore[arg-type]
        retriever=store,
        origins=store_origins(store),
        statements=StoredStatements(store),  # type: ignore[arg-type]
        failures=list(failures),
        copies=store,
    )


def load_stored_corpus(
    inputs: Sequence[str],
    store_path: Path,
    *,
    nlp: Any = None,
    jobs: int = 1,
    read_options: Mapping[str, Any] | None = None,
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
