"""CorpusStore: the articles and statements of a corpus in SQLite, with an FTS5 index over their terms."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from claimcheck.errors import StoreError
from claimcheck.independence import copy_keys
from claimcheck.match.ranking import DEFAULT_CANDIDATES, OrderKey, idf_weight, rank_candidates
from claimcheck.models import Article, Statement
from claimcheck.store.codec import fts_text, fts_token, statement_json
from claimcheck.store.database import Database, database_size_bytes
from claimcheck.store.schema import STORE_KIND, STORE_SCHEMA_VERSION, database_file, prepare

__all__ = ["CorpusStore", "FileStamp", "store_size_bytes"]

_CACHE_LIMIT = 100_000
_POSTING_CACHE_TERMS = 5_000


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
    """An opened corpus store. Use `CorpusStore.open(path)`; close it, or use it as a context manager.

    Besides reads and writes it answers the matcher's Retriever protocol (`candidates`, `idf`,
    `statement_count`), ranking through match/ranking.py over its FTS postings.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, fingerprint: str) -> None:
        self._db = Database(connection, path)
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
        database = database_file(path)
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
        try:
            prepare(connection, database)
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(
                f"{database}: not a usable claimcheck corpus store ({exc}); delete it to rebuild the index, "
                "or pass --store with another path"
            ) from None
        except StoreError:
            connection.close()
            raise
        return cls(connection, database, fingerprint)

    @classmethod
    def open_read_only(cls, path: Path, *, fingerprint: str = "") -> CorpusStore:
        """Open an existing store for reading only (a Dask worker's view of the driver's store).

        Nothing is created or rebuilt: a missing store, or one of another schema, is a StoreError that
        says to index it first with this claimcheck.
        """
        database = database_file(path)
        if not database.is_file():
            raise StoreError(
                f"{database}: no corpus store there; the store must be on storage every worker can read "
                "(a shared folder, or the same path on each machine), indexed first with `claimcheck index`"
            )
        try:
            connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=30.0, isolation_level=None)
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise StoreError(f"{database}: cannot read the corpus store ({exc})") from None
        if meta.get("kind") != STORE_KIND or int(meta.get("schema_version", "0")) != STORE_SCHEMA_VERSION:
            connection.close()
            raise StoreError(f"{database}: not a corpus store this claimcheck reads; index it again with `claimcheck index`")
        return cls(connection, database, fingerprint)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

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
            with self._db.transaction() as cursor:
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
                        (statement.id, statement.source, ord_, statement.start, statement.end, statement.text,
                         statement_json(statement)),
                    )
                    cursor.execute(
                        "INSERT INTO statement_terms(rowid, terms) VALUES (?, ?)", (cursor.lastrowid, fts_text(statement))
                    )
                cursor.executemany(
                    "INSERT OR IGNORE INTO sentence_keys(key, source) VALUES (?, ?)",
                    ((key, article.source) for key in sorted(copy_keys(s.text for s in statements))),
                )
                self._bump_generation(cursor)
        finally:
            self._forget()

    def remove(self, sources: Iterable[str]) -> int:
        """Drop sources from the store (files deleted from the corpus). Returns how many were stored."""
        removed = 0
        try:
            with self._db.transaction() as cursor:
                for source in sources:
                    removed += self._delete_source(cursor, source)
                self._bump_generation(cursor)
        finally:
            self._forget()
        return removed

    def touch(self, stamp: FileStamp) -> None:
        """Record a new size and time for a file whose text did not change."""
        with self._db.transaction() as cursor:
            cursor.execute(
                "UPDATE articles SET mtime_ns = ?, size = ? WHERE source = ?", (stamp.mtime_ns, stamp.size, stamp.source)
            )

    def save_origins(self, origins: Mapping[str, str]) -> None:
        """Keep the independent origin of every source until the store next changes."""
        generation = str(self._generation())
        with self._db.transaction() as cursor:
            cursor.execute("DELETE FROM origins")
            cursor.executemany("INSERT INTO origins(source, origin) VALUES (?, ?)", sorted(origins.items()))
            cursor.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('origins_generation', ?)", (generation,))

    def save_verdicts(self, key: str, source: str, verdicts: bytes) -> None:
        """Keep the verdicts of a stored article checked against the rest (as saved_checks.py encodes them), under
        key (what they depend on)."""
        with self._db.transaction() as cursor:
            cursor.execute(
                "INSERT OR REPLACE INTO saved_verdicts(source, key, verdicts) VALUES (?, ?, ?)", (source, key, verdicts)
            )

    def drop_saved_verdicts_except(self, key: str) -> None:
        """Drop the verdicts kept under any other key: they answer for a store or a claimcheck that is gone."""
        with self._db.transaction() as cursor:
            cursor.execute("DELETE FROM saved_verdicts WHERE key != ?", (key,))

    @staticmethod
    def _bump_generation(cursor: sqlite3.Cursor) -> None:
        """Count changes, so that results derived from the whole store (origins) know when to be redone."""
        cursor.execute(
            "INSERT INTO meta(key, value) VALUES ('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        )

    def _delete_source(self, cursor: sqlite3.Cursor, source: str) -> int:
        rowids = [row[0] for row in cursor.execute("SELECT rowid FROM statements WHERE source = ?", (source,))]
        cursor.executemany("DELETE FROM statement_terms WHERE rowid = ?", ((rowid,) for rowid in rowids))
        cursor.execute("DELETE FROM statements WHERE source = ?", (source,))
        cursor.execute("DELETE FROM sentence_keys WHERE source = ?", (source,))
        for rowid in rowids:
            self._cache.pop(rowid, None)
        return int(cursor.execute("DELETE FROM articles WHERE source = ?", (source,)).rowcount)

    def _forget(self) -> None:
        """Cached counts and postings are stale once the store changes."""
        self._posting_cache.clear()
        self._idf.clear()
        self._count = None

    # -- reading articles and files ----------------------------------------------------------------

    def file_records(self) -> dict[str, tuple[int | None, int | None, str]]:
        """(mtime_ns, size, fingerprint) of every stored article, as recorded when it was read."""
        rows = self._db.query("SELECT source, mtime_ns, size, fingerprint FROM articles")
        return {source: (mtime_ns, size, fingerprint) for source, mtime_ns, size, fingerprint in rows}

    def stamps(self) -> dict[str, tuple[int, int]]:
        """(mtime_ns, size) of every stored file, as recorded when it was read, under this fingerprint."""
        rows = self._db.query(
            "SELECT source, mtime_ns, size FROM articles WHERE fingerprint = ? AND mtime_ns IS NOT NULL", (self.fingerprint,)
        )
        return {source: (mtime_ns, size) for source, mtime_ns, size in rows}

    def is_current(self, article: Article) -> bool:
        """True when the store already holds this exact text, extracted by this extractor."""
        row = self._db.query("SELECT content_hash, fingerprint FROM articles WHERE source = ?", (article.source,)).fetchone()
        return row is not None and tuple(row) == (article.content_hash, self.fingerprint)

    def articles(self) -> list[Article]:
        """Every stored article, sorted by source."""
        rows = self._db.query("SELECT article_json FROM articles ORDER BY source")
        return [Article.model_validate_json(row[0]) for row in rows]

    def published(self, source: str) -> str | None:
        """A stored article's publication date (Article.published), read without reading the article; None
        when unknown or not stored."""
        row = self._db.query(
            "SELECT json_extract(article_json, '$.published') FROM articles WHERE source = ?", (source,)
        ).fetchone()
        return row[0] if row is not None and isinstance(row[0], str) else None

    def sources(self) -> list[str]:
        return [row[0] for row in self._db.query("SELECT source FROM articles ORDER BY source")]

    def article_count(self) -> int:
        return int(self._db.query("SELECT count(*) FROM articles").fetchone()[0])

    def stale_count(self) -> int:
        """How many stored articles were extracted by another extractor (their statements are out of date)."""
        return int(self._db.query("SELECT count(*) FROM articles WHERE fingerprint != ?", (self.fingerprint,)).fetchone()[0])

    def statements(self, source: str | None = None) -> Iterator[Statement]:
        """Stored statements in source order, then in their order in the article."""
        if source is None:
            rows = self._db.query("SELECT rowid, statement_json FROM statements ORDER BY source, ord")
        else:
            rows = self._db.query("SELECT rowid, statement_json FROM statements WHERE source = ? ORDER BY ord", (source,))
        for rowid, payload in rows.fetchall():
            yield self._statement(rowid, payload)

    def texts(self, source: str) -> list[str]:
        """The texts of a stored article's statements, in order: what `statements(source)` holds, without
        reading the statements themselves (the learned model reads a source by its sentences' texts)."""
        rows = self._db.query("SELECT text FROM statements WHERE source = ? ORDER BY ord", (source,))
        return [row[0] for row in rows]

    # -- copies and origins (independence.py) --------------------------------------------------------

    def sources_with_hash(self, content_hash: str) -> list[str]:
        """The stored articles whose text has this content hash (identical copies), sorted; none read."""
        rows = self._db.query("SELECT source FROM articles WHERE content_hash = ? ORDER BY source", (content_hash,))
        return [row[0] for row in rows]

    def copy_keys(self) -> Iterator[tuple[str, str]]:
        """(source, sentence key) of every stored article, for telling copies (independence.copy_keys)."""
        yield from self._db.query("SELECT source, key FROM sentence_keys ORDER BY source, key")

    def copy_key_holders(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """The stored sources holding each of these sentence keys (independence.copy_keys), sorted."""
        holders: dict[str, list[str]] = defaultdict(list)
        for key, source in self._db.query_in(
            "SELECT key, source FROM sentence_keys WHERE key IN ({}) ORDER BY key, source", sorted(set(keys))
        ):
            holders[key].append(source)
        return dict(holders)

    def copy_key_counts(self, sources: Iterable[str]) -> dict[str, int]:
        """How many sentence keys each of these stored sources holds."""
        return dict(
            self._db.query_in(
                "SELECT source, count(*) FROM sentence_keys WHERE source IN ({}) GROUP BY source", sorted(set(sources))
            )
        )

    def cached_origins(self) -> dict[str, str] | None:
        """The origins saved by save_origins, or None when the store changed since."""
        row = self._db.query("SELECT value FROM meta WHERE key = 'origins_generation'").fetchone()
        if row is None or int(row[0]) != self._generation():
            return None
        return dict(self._db.query("SELECT source, origin FROM origins ORDER BY source").fetchall())

    def saved_verdicts(self, key: str, source: str) -> bytes | None:
        """The verdicts save_verdicts kept for source under this key; None when there are none."""
        row = self._db.query("SELECT verdicts FROM saved_verdicts WHERE source = ? AND key = ?", (source, key)).fetchone()
        return None if row is None else bytes(row[0])

    def generation(self) -> int:
        """A number that changes with every write: a reader keyed on it knows when to reopen."""
        return self._generation()

    def _generation(self) -> int:
        row = self._db.query("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    # -- retrieval (the matcher's Retriever protocol) ------------------------------------------------

    def candidates(
        self, terms: Sequence[str], *, limit: int = DEFAULT_CANDIDATES, exclude_source: str | None = None
    ) -> list[Statement]:
        """Statements sharing the claim's terms, best first, ranked as in memory (match/ranking.py).

        Ties are broken by source and position, so the candidates do not depend on the order the
        files were indexed in.
        """
        best = [rowid for rowid, _ in rank_candidates(self, terms, limit=limit, exclude_source=exclude_source)]
        # Taken from the cache before any is read: reading one may empty the cache (at _CACHE_LIMIT).
        cached = {rowid: self._cache[rowid] for rowid in best if rowid in self._cache}
        payloads = dict(
            self._db.query_in(
                "SELECT rowid, statement_json FROM statements WHERE rowid IN ({})",
                [rowid for rowid in best if rowid not in cached],
            )
        )
        return [cached[rowid] if rowid in cached else self._statement(rowid, payloads.get(rowid)) for rowid in best]

    def idf(self, term: str) -> float:
        """The weight the matcher gives a shared term (match.ranking.idf_weight)."""
        weight = self._idf.get(term)
        if weight is None:
            weight = self._idf[term] = idf_weight(self.statement_count(), self.document_frequency([term]).get(term, 0))
        return weight

    def statement_count(self) -> int:
        if self._count is None:
            self._count = int(self._db.query("SELECT count(*) FROM statements").fetchone()[0])
        return self._count

    # -- the Postings protocol of match/ranking.py: rows are statement rowids ----------------------------

    def document_frequency(self, terms: Iterable[str]) -> dict[str, int]:
        """How many stored statements contain each term (0 for unknown terms)."""
        wanted = {term: fts_token(term) for term in terms if term}
        by_token = dict(
            self._db.query_in("SELECT term, doc FROM statement_vocab WHERE term IN ({})", sorted(set(wanted.values())))
        )
        return {term: int(by_token.get(token, 0)) for term, token in wanted.items()}

    def postings(self, term: str) -> list[int]:
        found = self._posting_cache.get(term)
        if found is None:
            rows = self._db.query(
                "SELECT rowid FROM statement_terms WHERE statement_terms MATCH ?", (f'"{fts_token(term)}"',)
            )
            found = [row[0] for row in rows]
            if len(self._posting_cache) >= _POSTING_CACHE_TERMS:
                self._posting_cache.clear()
            self._posting_cache[term] = found
        return found

    def rows_of(self, source: str) -> set[int]:
        return {row[0] for row in self._db.query("SELECT rowid FROM statements WHERE source = ?", (source,))}

    def order_keys(self, rows: Sequence[int]) -> dict[int, OrderKey]:
        found = self._db.query_in("SELECT rowid, source, ord FROM statements WHERE rowid IN ({})", rows)
        return {rowid: (source, ord_) for rowid, source, ord_ in found}

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


def store_size_bytes(store: CorpusStore) -> int:
    """The size of the store on disk, WAL included, for the index summary."""
    return database_size_bytes(store.path)
