"""The SQLite connection of a store: reads, the one write transaction, and errors worded for users."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from claimcheck.errors import StoreError

__all__ = ["Database", "database_size_bytes"]

# SQLite limits the placeholders of one statement.
_VALUES_PER_QUERY = 500


class Database:
    """A connection opened in autocommit mode; every write goes through `transaction`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    def close(self) -> None:
        self.connection.close()

    def query(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        try:
            return self.connection.execute(sql, parameters)
        except sqlite3.Error as exc:
            raise self.error("cannot read", exc) from None

    def query_in(self, sql: str, values: Sequence[object]) -> Iterator[tuple[Any, ...]]:
        """Rows of sql, whose one '{}' is filled with placeholders for values, in chunks."""
        for start in range(0, len(values), _VALUES_PER_QUERY):
            chunk = values[start : start + _VALUES_PER_QUERY]
            yield from self.query(sql.format(",".join("?" * len(chunk))), chunk).fetchall()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """One write transaction: committed when the block ends, rolled back when anything raises.

        BEGIN IMMEDIATE takes the write lock at once, so two claimcheck runs writing one store wait
        for each other (up to the connection's timeout) instead of failing halfway. SQLite errors
        come out as StoreError.
        """
        try:
            cursor = self.connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                yield cursor
                cursor.execute("COMMIT")
            except BaseException:
                # A Ctrl-C can land just after COMMIT: then there is nothing to roll back, and the
                # interruption, not a failed ROLLBACK, is what the caller must see.
                if self.connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        cursor.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self.error("cannot write", exc) from None

    def error(self, doing: str, exc: sqlite3.Error) -> StoreError:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            return StoreError(f"{self.path}: {doing} the corpus store: another claimcheck is using it; wait and retry")
        return StoreError(
            f"{self.path}: {doing} the corpus store ({exc}); delete the store to rebuild it, "
            "or pass --store with another path"
        )


def database_size_bytes(path: Path) -> int:
    """The size of a database on disk, write-ahead log included."""
    total = 0
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            total += os.path.getsize(str(path) + suffix)
    return total
