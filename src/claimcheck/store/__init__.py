"""The on-disk corpus index: what extraction found in each corpus article, kept in SQLite.

A plain adapter: the layout and its version (schema.py), how rows are encoded (codec.py), the
connection with its one write transaction (database.py), and `CorpusStore`, the reads and writes
(corpus_store.py). What to index and when is decided by claimcheck.indexing; what a corpus is, by
claimcheck.corpus; how candidates are ranked, by claimcheck.match.ranking.

Every article is written in its own transaction (WAL journal), so a run that is killed keeps every
article it finished. Retrieval is an FTS5 index over each statement's normalised terms, with
document frequencies from fts5vocab for IDF weights.
"""

from __future__ import annotations

from claimcheck.store.corpus_store import CorpusStore, FileStamp, store_size_bytes
from claimcheck.store.schema import DEFAULT_STORE_DIR, STORE_FILE, STORE_SCHEMA_VERSION, default_store_path

__all__ = [
    "DEFAULT_STORE_DIR",
    "STORE_FILE",
    "STORE_SCHEMA_VERSION",
    "CorpusStore",
    "FileStamp",
    "default_store_path",
    "store_size_bytes",
]
