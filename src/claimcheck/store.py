"""The on-disk corpus index: what extraction found in each corpus article, kept in SQLite.

A corpus folder is read once; later runs re-read only the files whose size or modification
time changed, and re-extract only those whose text changed. Every article is written in its own
transaction (WAL journal), so a run that is killed keeps every article it finished and the next
run picks up where it stopped.

Retrieval is an FTS5 index over each statement's normalised terms, ranked by bm25, with document
frequencies from fts5vocab for IDF weights. Terms are written as FTS tokens by `_token`, a
reversible encoding, so that any term (``north_korea``, ``RS-26``, ``são_paulo``) is one token
and comes back from the vocabulary exactly as it went in.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from claimcheck.errors import StoreError
from claimcheck.independence import copy_keys
from claimcheck.models import Article, Statement

__all__ = [
    "DEFAULT_CANDIDATES",
    "DEFAULT_STORE_DIR",
    "MAX_POSTING_SHARE",
    "STORE_FILE",
    "STORE_SCHEMA_VERSION",
    "CorpusStore",
    "FileStamp",
    "default_store_path",
]

STORE_SCHEMA_VERSION = 2  # 2: sentence_keys, to tell an article outside the corpus that copies one inside
STORE_KIND = "claimcheck-corpus-store"
DEFAULT_STORE_DIR = ".claimcheck"
STORE_FILE = "corpus.sqlite3"
_DB_SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db"})
_PLAIN_TOKEN = re.compile(r"[a-z0-9][a-z0-9_]*")
_CACHE_LIMIT = 100_000
_POSTING_CACHE_TERMS = 5_000
# The same retrieval settings as claimcheck.match.index (tests/test_store.py checks they agree).
DEFAULT_CANDIDATES = 200
MAX_POSTING_SHARE = 0.2

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
"""


def default_store_path(corpus_dir: Path) -> Path:
    """Where the store of a corpus folder lives unless --store says otherwise: CORPUS/.claimcheck/.

    Corpus reading skips hidden folders, so the store is never read as an article.
    """
    return corpus_dir / DEFAULT_STORE_DIR


def _database_file(path: Path) -> Path:
    """A store is named by its folder (like .claimcheck/) or by its database file."""
    if path.is_file() or path.suffix.lower() in _DB_SUFFIXES:
        return path
    return path / STORE_FILE


def _token(term: str) -> str:
    """One term -> one FTS token. Plain lower-case terms stay readable; others are hex-encoded."""
    if _PLAIN_TOKEN.fullmatch(term):
        return term
    return "_x" + term.encode("utf-8").hex()


def _fts_text(statement: Statement) -> str:
    """The retrieval terms of a statement: its terms and background terms, each once."""
    terms = dict.fromkeys(term for term in (*statement.terms, *statement.background_terms) if term)
    return " ".join(_token(term) for term in terms)


def _statement_json(statement: Statement) -> str:
    """JSON of a statement that keeps infinite bounds ('at least 5' has high = inf) as Infinity.

    Pydantic's JSON writes infinity as null, which does not read back; Python's json module
    writes and reads Infinity.
    """
    return json.dumps(statement.model_dump(mode="python"), ensure_ascii=False, separators=(",", ":"))


def _term(token: str) -> str:
    if token.startswith("_x"):
        return bytes.fromhex(token[2:]).decode("utf-8")
    return token


@dataclass(frozen=True)
class FileStamp:
    """What the fast unchanged check compares: a file's size and modification time."""

    source: str
    path: Path
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, source: str, path: Path) -> FileStamp | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(source=source, path=path, mtime_ns=stat.st_mtime_ns, size=stat.st_size)


class CorpusStore:
    """An opened corpus store. Use `CorpusStore.open(path)`; close it, or use it as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path, fingerprint: str) -> None:
        self._db = connection
        self.path = path
        self.fingerprint = fingerprint
        self._cache: dict[int, Statement] = {}
        self._posting_cache: dict[str, list[int]] = {}
        self._idf: dict[str, float] = {}
        self._count: int | None = None

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, fingerprint: str = "") -> CorpusStore:
        """Open or create the store at path (a folder such as .claimcheck/, or a .sqlite3 file).

        fingerprint names the extractor that made the statements (version of claimcheck, its
        lexicons and the spaCy pipeline). Articles indexed under another fingerprint are stale
        and are re-extracted by the next sync.
        """
        database = _database_file(path)
        try:
            database.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{database.parent}: cannot create the store folder ({exc.strerror or exc}); "
                "pass --store with a writable folder"
            ) from None
        try:
            connection = sqlite3.connect(database, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{database}: cannot open the corpus store ({exc}); pass --store with a writable folder") from None
        store = cls(connection, database, fingerprint)
        try:
            store._prepare()
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(
                f"{database}: not a usable claimcheck corpus store ({exc}); delete it to rebuild the index, "
                "or pass --store with another path"
            ) from None
        except StoreError:
            connection.close()
            raise
        return store

    def _prepare(self) -> None:
        db = self._db
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if tables and "meta" not in tables:
            raise StoreError(
                f"{self.path}: this SQLite file is not a claimcheck corpus store; "
                "pass --store with another path (claimcheck will not overwrite it)"
            )
        if "meta" in tables:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("kind") != STORE_KIND:
                raise StoreError(
                    f"{self.path}: this SQLite file is not a claimcheck corpus store; "
                    "pass --store with another path (claimcheck will not overwrite it)"
                )
            version = int(meta.get("schema_version", "0"))
            if version > STORE_SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by a newer claimcheck (store schema {version}, this one reads "
                    f"{STORE_SCHEMA_VERSION}); upgrade claimcheck or delete the store to rebuild it"
                )
            if version < STORE_SCHEMA_VERSION:
                # An index is a cache of the corpus: an old layout is rebuilt, never migrated.
                self._drop_all()
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
        db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('kind', ?)", (STORE_KIND,))
        db.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(STORE_SCHEMA_VERSION),)
        )

    def _drop_all(self) -> None:
        self._db.executescript(
            """
            BEGIN;
            DROP TABLE IF EXISTS statement_vocab;
            DROP TABLE IF EXISTS statement_terms;
            DROP TABLE IF EXISTS statements;
            DROP TABLE IF EXISTS articles;
            DROP TABLE IF EXISTS origins;
            DROP TABLE IF EXISTS sentence_keys;
            DROP TABLE IF EXISTS meta;
            COMMIT;
            """
        )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    def file_records(self) -> dict[str, tuple[int | None, int | None, str]]:
        """(mtime_ns, size, fingerprint) of every stored article, as recorded when it was read."""
        return {
            source: (mtime_ns, size, fingerprint)
            for source, mtime_ns, size, fingerprint in self._query(
                "SELECT source, mtime_ns, size, fingerprint FROM articles"
            )
        }

    def stamps(self) -> dict[str, tuple[int, int]]:
        """(mtime_ns, size) of every stored file, as recorded when it was read, under this fingerprint."""
        return {
            source: (mtime_ns, size)
            for source, mtime_ns, size in self._query(
                "SELECT source, mtime_ns, size FROM articles WHERE fingerprint = ? AND mtime_ns IS NOT NULL",
                (self.fingerprint,),
            )
        }

    def is_current(self, article: Article) -> bool:
        """True when the store already holds this exact text, extracted by this extractor."""
        row = self._query(
            "SELECT content_hash, fingerprint FROM articles WHERE source = ?", (article.source,)
        ).fetchone()
        return row is not None and tuple(row) == (article.content_hash, self.fingerprint)

    def touch(self, stamp: FileStamp) -> None:
        """Record a new size and time for a file whose text did not change."""
        self._write(
            [("UPDATE articles SET mtime_ns = ?, size = ? WHERE source = ?", (stamp.mtime_ns, stamp.size, stamp.source))]
        )

    def put(self, article: Article, statements: Sequence[Statement], *, stamp: FileStamp | None = None) -> None:
        """Store one article and its statements, replacing what was stored for its source, atomically.

        stamp should be taken before the file was read, so a file that changes while it is being
        read is read again next time.
        """
        for statement in statements:
            if statement.source != article.source:
                raise StoreError(
                    f"{self.path}: statement {statement.id} belongs to {statement.source!r}, "
                    f"not to {article.source!r}; pass each article with its own statements"
                )
        try:
            cursor = self._db.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                self._delete_source(cursor, article.source)
                cursor.execute(
                    "INSERT INTO articles(source, content_hash, mtime_ns, size, fingerprint, outlet, statement_count, "
                    "article_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.source,
                        article.content_hash,
                        stamp.mtime_ns if stamp else None,
                        stamp.size if stamp else None,
                        self.fingerprint,
                        article.outlet,
                        len(statements),
                        article.model_dump_json(),
                    ),
                )
                for ord_, statement in enumerate(statements):
                    cursor.execute(
                        'INSERT INTO statements(id, source, ord, start, "end", text, statement_json) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            statement.id,
                            statement.source,
                            ord_,
                            statement.start,
                            statement.end,
                            statement.text,
                            _statement_json(statement),
                        ),
                    )
                    cursor.execute(
                        "INSERT INTO statement_terms(rowid, terms) VALUES (?, ?)",
                        (cursor.lastrowid, _fts_text(statement)),
                    )
                cursor.executemany(
                    "INSERT OR IGNORE INTO sentence_keys(key, source) VALUES (?, ?)",
                    ((key, article.source) for key in sorted(copy_keys(s.text for s in statements))),
                )
                self._bump_generation(cursor)
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._error("cannot write", exc) from None
        finally:
            self._forget()

    def remove(self, sources: Iterable[str]) -> int:
        """Drop sources from the store (files deleted from the corpus). Returns how many were stored."""
        removed = 0
        try:
            cursor = self._db.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                for source in sources:
                    removed += self._delete_source(cursor, source)
                self._bump_generation(cursor)
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._error("cannot write", exc) from None
        finally:
            self._forget()
        return removed

    @staticmethod
    def _bump_generation(cursor: sqlite3.Cursor) -> None:
        """Count changes, so that results derived from the whole store (origins) know when to be redone."""
        cursor.execute(
            "INSERT INTO meta(key, value) VALUES ('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        )

    def generation(self) -> int:
        row = self._query("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def cached_origins(self) -> dict[str, str] | None:
        """The origins saved by save_origins, or None when the store changed since."""
        row = self._query("SELECT value FROM meta WHERE key = 'origins_generation'").fetchone()
        if row is None or int(row[0]) != self.generation():
            return None
        return dict(self._query("SELECT source, origin FROM origins ORDER BY source").fetchall())

    def save_origins(self, origins: Mapping[str, str]) -> None:
        """Keep the independent origin of every source until the store next changes."""
        self._write(
            [
                ("DELETE FROM origins", ()),
                *(("INSERT INTO origins(source, origin) VALUES (?, ?)", item) for item in sorted(origins.items())),
                (
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('origins_generation', ?)",
                    (str(self.generation()),),
                ),
            ]
        )

    def copy_keys(self) -> Iterator[tuple[str, str]]:
        """(source, sentence key) of every stored article, for telling copies (independence.copy_keys)."""
        yield from self._query("SELECT source, key FROM sentence_keys ORDER BY source, key")

    def _delete_source(self, cursor: sqlite3.Cursor, source: str) -> int:
        rowids = [row[0] for row in cursor.execute("SELECT rowid FROM statements WHERE source = ?", (source,))]
        cursor.executemany("DELETE FROM statement_terms WHERE rowid = ?", ((rowid,) for rowid in rowids))
        cursor.execute("DELETE FROM statements WHERE source = ?", (source,))
        cursor.execute("DELETE FROM sentence_keys WHERE source = ?", (source,))
        for rowid in rowids:
            self._cache.pop(rowid, None)
        return cursor.execute("DELETE FROM articles WHERE source = ?", (source,)).rowcount

    # -- reading ---------------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Every stored article, sorted by source."""
        return [
            Article.model_validate_json(row[0])
            for row in self._query("SELECT article_json FROM articles ORDER BY source")
        ]

    def article(self, source: str) -> Article | None:
        row = self._query("SELECT article_json FROM articles WHERE source = ?", (source,)).fetchone()
        return None if row is None else Article.model_validate_json(row[0])

    def sources_with_hash(self, content_hash: str) -> list[str]:
        """The stored articles whose text has this content hash (identical copies), sorted; none read."""
        rows = self._query("SELECT source FROM articles WHERE content_hash = ? ORDER BY source", (content_hash,))
        return [row[0] for row in rows]

    def copy_key_holders(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """The stored sources holding each of these sentence keys (independence.copy_keys), sorted."""
        holders: dict[str, list[str]] = defaultdict(list)
        for key, source in self._query_in(
            "SELECT key, source FROM sentence_keys WHERE key IN ({}) ORDER BY key, source", sorted(set(keys))
        ):
            holders[key].append(source)
        return dict(holders)

    def copy_key_counts(self, sources: Iterable[str]) -> dict[str, int]:
        """How many sentence keys each of these stored sources holds."""
        return dict(
            self._query_in(
                "SELECT source, count(*) FROM sentence_keys WHERE source IN ({}) GROUP BY source", sorted(set(sources))
            )
        )

    def sources(self) -> list[str]:
        return [row[0] for row in self._query("SELECT source FROM articles ORDER BY source")]

    def article_count(self) -> int:
        return int(self._query("SELECT count(*) FROM articles").fetchone()[0])

    def statement_count(self) -> int:
        if self._count is None:
            self._count = int(self._query("SELECT count(*) FROM statements").fetchone()[0])
        return self._count

    def _forget(self) -> None:
        """Cached counts and postings are stale once the store changes."""
        self._posting_cache.clear()
        self._idf.clear()
        self._count = None

    def statements(self, source: str | None = None) -> Iterator[Statement]:
        """Stored statements in source order, then in their order in the article."""
        if source is None:
            rows = self._query("SELECT rowid, statement_json FROM statements ORDER BY source, ord")
        else:
            rows = self._query("SELECT rowid, statement_json FROM statements WHERE source = ? ORDER BY ord", (source,))
        for rowid, payload in rows.fetchall():
            yield self._statement(rowid, payload)

    def candidates(
        self, terms: Sequence[str], *, limit: int = DEFAULT_CANDIDATES, exclude_source: str | None = None
    ) -> list[Statement]:
        """Statements sharing the claim's terms, best first (the matcher's Retriever protocol)."""
        return [statement for statement, _ in self.scored_candidates(terms, limit=limit, exclude_source=exclude_source)]

    def scored_candidates(
        self, terms: Sequence[str], *, limit: int = DEFAULT_CANDIDATES, exclude_source: str | None = None
    ) -> list[tuple[Statement, float]]:
        """(statement, score) for the statements sharing terms, best first.

        The score is the same IDF-weighted overlap as the in-memory StatementIndex, with ties
        broken by source and position, so a corpus gives the same candidates whether it was read
        into memory or from the store, and whatever order its files were indexed in. Terms found
        in more than MAX_POSTING_SHARE of the statements only add weight to statements that
        rarer terms proposed.
        """
        if limit <= 0:
            return []
        total = max(self.statement_count(), 1)
        unique = [term for term in dict.fromkeys(terms) if term]
        frequency = self.document_frequency(unique)
        usable = [term for term in unique if frequency[term] > 0]
        common = {term for term in usable if frequency[term] / total > MAX_POSTING_SHARE}
        scores: dict[int, float] = defaultdict(float)
        for term in usable:
            if term in common and len(usable) > len(common):
                continue
            weight = self.idf(term)
            for rowid in self._postings(term):
                scores[rowid] += weight
        for term in common:
            if len(usable) == len(common):
                break
            weight = self.idf(term)
            for rowid in self._postings(term):
                if rowid in scores:
                    scores[rowid] += weight
        if exclude_source is not None:
            own = {row[0] for row in self._query("SELECT rowid FROM statements WHERE source = ?", (exclude_source,))}
            for rowid in own:
                scores.pop(rowid, None)
        if not scores:
            return []
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        # Only the statements that can reach the top `limit` need their (source, position) for ties.
        cutoff = ranked[min(limit, len(ranked)) - 1][1]
        contenders = [(rowid, score) for rowid, score in ranked if score >= cutoff]
        keys = self._order_keys([rowid for rowid, _ in contenders])
        contenders.sort(key=lambda item: (-item[1], keys[item[0]]))
        best = contenders[:limit]
        payloads = self._payloads([rowid for rowid, _ in best if rowid not in self._cache])
        return [(self._statement(rowid, payloads.get(rowid)), score) for rowid, score in best]

    def idf(self, term: str) -> float:
        """log(1 + (N + 1) / (df + 1)), the weight the matcher gives a shared term."""
        weight = self._idf.get(term)
        if weight is None:
            frequency = self.document_frequency([term])[term]
            weight = math.log(1 + (self.statement_count() + 1) / (frequency + 1))
            self._idf[term] = weight
        return weight

    def _postings(self, term: str) -> list[int]:
        found = self._posting_cache.get(term)
        if found is None:
            found = [
                row[0]
                for row in self._query(
                    "SELECT rowid FROM statement_terms WHERE statement_terms MATCH ?", (f'"{_token(term)}"',)
                )
            ]
            if len(self._posting_cache) >= _POSTING_CACHE_TERMS:
                self._posting_cache.clear()
            self._posting_cache[term] = found
        return found

    def _order_keys(self, rowids: Sequence[int]) -> dict[int, tuple[str, int]]:
        rows = self._query_in("SELECT rowid, source, ord FROM statements WHERE rowid IN ({})", rowids)
        return {rowid: (source, ord_) for rowid, source, ord_ in rows}

    def _payloads(self, rowids: Sequence[int]) -> dict[int, str]:
        return dict(self._query_in("SELECT rowid, statement_json FROM statements WHERE rowid IN ({})", rowids))

    def document_frequency(self, terms: Iterable[str]) -> dict[str, int]:
        """How many stored statements contain each term (0 for unknown terms)."""
        wanted = {term: _token(term) for term in terms if term}
        by_token = dict(
            self._query_in("SELECT term, doc FROM statement_vocab WHERE term IN ({})", sorted(set(wanted.values())))
        )
        return {term: int(by_token.get(token, 0)) for term, token in wanted.items()}

    def vocabulary(self) -> dict[str, int]:
        """Every stored term with its document frequency."""
        return {_term(token): int(doc) for token, doc in self._query("SELECT term, doc FROM statement_vocab")}

    # -- helpers ---------------------------------------------------------------------------------

    def _statement(self, rowid: int, payload: str | None) -> Statement:
        cached = self._cache.get(rowid)
        if cached is not None:
            return cached
        if payload is None:
            raise StoreError(f"{self.path}: the term index and the statements disagree; delete the store to rebuild it")
        statement = Statement.model_validate_json(payload)  # pydantic reads Infinity, as json.dumps writes it
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[rowid] = statement
        return statement

    def _query_in(self, sql: str, values: Sequence[object]) -> Iterator[tuple]:
        """Rows of sql, whose one '{}' is filled with placeholders for values, 500 values a query
        (SQLite limits the placeholders of one statement)."""
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            yield from self._query(sql.format(",".join("?" * len(chunk))), chunk).fetchall()

    def _query(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, parameters)
        except sqlite3.Error as exc:
            raise self._error("cannot read", exc) from None

    def _write(self, statements: Sequence[tuple[str, Sequence[object]]]) -> None:
        try:
            cursor = self._db.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                for sql, parameters in statements:
                    cursor.execute(sql, parameters)
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._error("cannot write", exc) from None

    def _error(self, doing: str, exc: sqlite3.Error) -> StoreError:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            return StoreError(f"{self.path}: {doing} the corpus store: another claimcheck is using it; wait and retry")
        return StoreError(
            f"{self.path}: {doing} the corpus store ({exc}); delete the store to rebuild it, "
            "or pass --store with another path"
        )


def store_size_bytes(store: CorpusStore) -> int:
    """The size of the store on disk, WAL included, for the index summary."""
    total = 0
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            total += os.path.getsize(str(store.path) + suffix)
    return total
