"""Where a store lives and how its tables are laid out; an old layout is dropped and rebuilt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimcheck.errors import StoreError

__all__ = [
    "DEFAULT_STORE_DIR",
    "STORE_FILE",
    "STORE_SCHEMA_VERSION",
    "database_file",
    "default_store_path",
    "prepare",
]

STORE_SCHEMA_VERSION = 2  # 2: sentence_keys, to tell an article outside the corpus that copies one inside
STORE_KIND = "claimcheck-corpus-store"
DEFAULT_STORE_DIR = ".claimcheck"
STORE_FILE = "corpus.sqlite3"
_DB_SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    source TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    mtime_ns INTEGER,
    size INTEGER,
    fingerprint TEXT NOT NULL,
    outlet TEXT,
    statement_count INTEGER NOT NULL,
    article_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS statements (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES articles(source) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    statement_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
-- Every run compares each corpus file's size and time with the store: read from this index, not the article rows.
CREATE INDEX IF NOT EXISTS articles_stamps ON articles(fingerprint, source, mtime_ns, size);
CREATE INDEX IF NOT EXISTS statements_source ON statements(source, ord);
CREATE INDEX IF NOT EXISTS statements_id ON statements(id);
CREATE VIRTUAL TABLE IF NOT EXISTS statement_terms USING fts5(
    terms, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS statement_vocab USING fts5vocab(statement_terms, 'row');
CREATE TABLE IF NOT EXISTS origins (source TEXT PRIMARY KEY, origin TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sentence_keys (
    key TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES articles(source) ON DELETE CASCADE,
    PRIMARY KEY (key, source)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sentence_keys_source ON sentence_keys(source);
-- The verdicts of a corpus article checked against the rest, kept while key (store generation, claimcheck, settings) holds.
CREATE TABLE IF NOT EXISTS saved_verdicts (source TEXT PRIMARY KEY, key TEXT NOT NULL, verdicts BLOB NOT NULL);
"""

_DROP_ALL = """
BEGIN;
DROP TABLE IF EXISTS statement_vocab;
DROP TABLE IF EXISTS statement_terms;
DROP TABLE IF EXISTS statements;
DROP TABLE IF EXISTS articles;
DROP TABLE IF EXISTS origins;
DROP TABLE IF EXISTS sentence_keys;
DROP TABLE IF EXISTS saved_verdicts;
DROP TABLE IF EXISTS meta;
COMMIT;
"""


def default_store_path(corpus_dir: Path) -> Path:
    """Where the store of a corpus folder lives unless --store says otherwise: CORPUS/.claimcheck/.

    Corpus reading skips hidden folders, so the store is never read as an article.
    """
    return corpus_dir / DEFAULT_STORE_DIR


def database_file(path: Path) -> Path:
    """A store is named by its folder (like .claimcheck/) or by its database file."""
    if path.is_file() or path.suffix.lower() in _DB_SUFFIXES:
        return path
    return path / STORE_FILE


def prepare(db: sqlite3.Connection, path: Path) -> None:
    """Check that db is a claimcheck store this version can read, then create what is missing.

    Raises StoreError for another program's database or a newer store, and lets sqlite3.DatabaseError
    through for a file that is not a database at all (the caller words that one).
    """
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    if tables and "meta" not in tables:
        raise StoreError(
            f"{path}: this SQLite file is not a claimcheck corpus store; "
            "pass --store with another path (claimcheck will not overwrite it)"
        )
    if "meta" in tables:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("kind") != STORE_KIND:
            raise StoreError(
                f"{path}: this SQLite file is not a claimcheck corpus store; "
                "pass --store with another path (claimcheck will not overwrite it)"
            )
        version = int(meta.get("schema_version", "0"))
        if version > STORE_SCHEMA_VERSION:
            raise StoreError(
                f"{path}: made by a newer claimcheck (store schema {version}, this one reads "
                f"{STORE_SCHEMA_VERSION}); upgrade claimcheck or delete the store to rebuild it"
            )
        if version < STORE_SCHEMA_VERSION:
            # An index is a cache of the corpus: an old layout is rebuilt, never migrated.
            db.executescript(_DROP_ALL)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
    db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('kind', ?)", (STORE_KIND,))
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(STORE_SCHEMA_VERSION),))
