"""The corpus store: incremental re-indexing, removed files, interrupted runs, what comes back.

How candidates are ranked, in the store and in memory, is tested in test_ranking.py.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from claimcheck.errors import StoreError
from claimcheck.indexing import index_files
from claimcheck.ingest.files import article_files, read_file
from claimcheck.models import Article, Statement
from claimcheck.store import CorpusStore, default_store_path


def fake_statements(article: Article) -> list[Statement]:
    """One statement per non-empty line; terms are its lower-case words (no spaCy needed)."""
    statements = []
    offset = 0
    for line in article.text.split("\n"):
        if line.strip():
            terms = [word.strip(".,").lower() for word in line.split() if len(word.strip(".,")) > 2]
            digest = hashlib.sha256(f"{article.source}:{offset}".encode()).hexdigest()[:16]
            statements.append(
                Statement(id=digest, source=article.source, text=line, start=offset, end=offset + len(line), terms=terms)
            )
        offset += len(line) + 1
    return statements


class CountingExtractor:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Statement]]]:
        for article in articles:
            self.seen.append(article.source)
            yield article, fake_statements(article)


def corpus_files(folder: Path) -> list[tuple[str, Path]]:
    return [(str(path), path) for path in article_files(folder)]


def read(path: Path, source: str) -> Article:
    return read_file(path, source=source)


def make_corpus(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"article_{number:02d}.txt").write_text(
            f"Article {number} says troops moved to region{number}.\nOfficials confirmed the figure {number}.\n",
            encoding="utf-8",
        )


def index(folder: Path, extractor: CountingExtractor | None = None) -> tuple[CountingExtractor, object]:
    extractor = extractor or CountingExtractor()
    with CorpusStore.open(default_store_path(folder)) as store:
        result = index_files(store, corpus_files(folder), read=read, extract=extractor)
    return extractor, result


def test_second_run_reads_nothing_when_nothing_changed(tmp_path: Path) -> None:
    make_corpus(tmp_path, 5)
    first, _ = index(tmp_path)
    second, result = index(tmp_path)
    assert len(first.seen) == 5
    assert second.seen == []
    assert len(result.unchanged) == 5  # type: ignore[attr-defined]


def test_changing_one_file_rereads_only_that_file(tmp_path: Path) -> None:
    make_corpus(tmp_path, 5)
    index(tmp_path)
    changed = tmp_path / "article_03.txt"
    changed.write_text("Article three now says something else entirely about ships.\n", encoding="utf-8")
    extractor, _ = index(tmp_path)
    assert extractor.seen == [str(changed)]
    with CorpusStore.open(default_store_path(tmp_path)) as store:
        texts = [statement.text for statement in store.statements(str(changed))]
        assert texts == ["Article three now says something else entirely about ships."]
        assert [s.source for s in store.candidates(["ships"])] == [str(changed)]
        assert store.candidates(["region3"]) == []


def test_touched_file_with_same_text_is_not_reextracted(tmp_path: Path) -> None:
    make_corpus(tmp_path, 3)
    index(tmp_path)
    touched = tmp_path / "article_01.txt"
    stat = touched.stat()
    os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    extractor, _ = index(tmp_path)
    assert extractor.seen == []
    again, _ = index(tmp_path)
    assert again.seen == []


def test_removed_file_drops_out_of_the_store(tmp_path: Path) -> None:
    make_corpus(tmp_path, 4)
    index(tmp_path)
    gone = tmp_path / "article_02.txt"
    gone.unlink()
    extractor, result = index(tmp_path)
    assert extractor.seen == []
    assert result.removed == [str(gone)]  # type: ignore[attr-defined]
    with CorpusStore.open(default_store_path(tmp_path)) as store:
        assert str(gone) not in store.sources()
        assert store.article_count() == 3
        assert store.candidates(["region2"]) == []
        assert store.document_frequency(["region2", "troops"]) == {"region2": 0, "troops": 3}


def test_store_folder_is_hidden_from_the_corpus(tmp_path: Path) -> None:
    make_corpus(tmp_path, 2)
    index(tmp_path)
    assert (tmp_path / ".claimcheck").is_dir()
    assert len(article_files(tmp_path)) == 2


def test_interrupted_run_keeps_finished_articles_and_next_run_completes(tmp_path: Path) -> None:
    make_corpus(tmp_path, 6)

    def dies_after_three(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Statement]]]:
        for number, article in enumerate(articles):
            if number == 3:
                raise KeyboardInterrupt
            yield article, fake_statements(article)

    with pytest.raises(KeyboardInterrupt), CorpusStore.open(default_store_path(tmp_path)) as store:
        index_files(store, corpus_files(tmp_path), read=read, extract=dies_after_three)
    with CorpusStore.open(default_store_path(tmp_path)) as store:
        assert store.article_count() == 3
    extractor, _ = index(tmp_path)
    assert len(extractor.seen) == 3
    with CorpusStore.open(default_store_path(tmp_path)) as store:
        assert store.article_count() == 6
        assert store.statement_count() == 12


KILLABLE_INDEXER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from test_store import corpus_files, fake_statements, read
    from claimcheck.indexing import index_files
    from claimcheck.store import CorpusStore, default_store_path

    folder = Path(sys.argv[1])

    def slow(articles):
        for article in articles:
            statements = fake_statements(article)
            yield article, statements
            print("stored", article.source, flush=True)
            time.sleep(0.3)

    with CorpusStore.open(default_store_path(folder)) as store:
        index_files(store, corpus_files(folder), read=read, extract=slow)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_index_killed_with_sigkill_resumes_without_redoing_finished_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 8)
    script = tmp_path / "indexer.py"
    script.write_text(KILLABLE_INDEXER, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(corpus), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    stored = []
    deadline = time.monotonic() + 60
    while len(stored) < 3 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("stored"):
            stored.append(line.split()[1])
    # The yield hands the fourth article to the store while the third one sleeps: kill then.
    time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert len(stored) == 3

    with CorpusStore.open(default_store_path(corpus)) as store:
        kept = store.sources()
    assert set(stored) <= set(kept)
    assert len(kept) < 8

    extractor, _ = index(corpus)
    assert sorted(extractor.seen) == sorted(set(map(str, article_files(corpus))) - set(kept))
    with CorpusStore.open(default_store_path(corpus)) as store:
        assert store.article_count() == 8
        assert store.statement_count() == 16


def test_terms_with_punctuation_case_and_accents_round_trip(tmp_path: Path) -> None:
    terms = ["RS-26", "são_paulo", "u.s.", "OR", "\"quoted\"", "north_korea", "2.2e9"]
    with CorpusStore.open(tmp_path / "store") as store:
        article = Article(source="x.txt", text="x", content_hash="x")
        store.put(article, [Statement(id="x", source="x.txt", text="x", start=0, end=1, terms=terms)])
        assert store.document_frequency(terms) == dict.fromkeys(terms, 1)
        for term in terms:
            assert [s.id for s in store.candidates([term])] == ["x"]
        assert store.candidates(["rs"]) == []


def test_a_run_that_fills_the_statement_cache_still_finds_every_candidate(tmp_path: Path, monkeypatch) -> None:
    # A long map reads more statements than the store keeps in memory; the cache is emptied when full. It
    # used to be emptied between deciding what to read and reading it: "the term index and the statements
    # disagree; delete the store to rebuild it", the run stopped, the store fine.
    import claimcheck.store.corpus_store as corpus_store

    monkeypatch.setattr(corpus_store, "_CACHE_LIMIT", 3)
    with CorpusStore.open(tmp_path / "store") as store:
        for number in range(6):
            article = Article(source=f"{number}.txt", text="x", content_hash=str(number))
            store.put(article, [Statement(id=f"s{number}", source=article.source, text=f"troops {number}", start=0,
                                          end=8, terms=["troops", f"n{number}"])])
        assert {s.id for s in store.candidates(["n4", "n5"])} == {"s4", "s5"}
        assert {s.id for s in store.candidates(["troops"])} == {f"s{n}" for n in range(6)}


def test_statements_come_back_equal_to_what_was_stored(tmp_path: Path) -> None:
    article = Article(source="a.txt", text="One.\nTwo.\n", outlet="Example News", content_hash="h")
    statements = fake_statements(article)
    with CorpusStore.open(tmp_path / "store") as store:
        store.put(article, statements)
    with CorpusStore.open(tmp_path / "store") as store:
        assert list(store.statements()) == statements
        assert store.articles() == [article]


def test_another_extractor_fingerprint_reextracts_everything(tmp_path: Path) -> None:
    make_corpus(tmp_path, 3)
    with CorpusStore.open(default_store_path(tmp_path), fingerprint="v1") as store:
        index_files(store, corpus_files(tmp_path), read=read, extract=CountingExtractor())
    extractor = CountingExtractor()
    with CorpusStore.open(default_store_path(tmp_path), fingerprint="v2") as store:
        index_files(store, corpus_files(tmp_path), read=read, extract=extractor)
        assert store.statement_count() == 6
    assert len(extractor.seen) == 3


def test_unreadable_file_is_reported_and_leaves_the_store(tmp_path: Path) -> None:
    make_corpus(tmp_path, 2)
    index(tmp_path)
    broken = tmp_path / "article_00.txt"
    broken.write_bytes(b"\x00\x01binary")
    _, result = index(tmp_path)
    assert [failure.input for failure in result.failures] == [str(broken)]  # type: ignore[attr-defined]
    with CorpusStore.open(default_store_path(tmp_path)) as store:
        assert store.sources() == [str(tmp_path / "article_01.txt")]


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match=r"notes\.db: not a usable claimcheck corpus store.*--store"):
        CorpusStore.open(bogus)
    assert bogus.read_text().startswith("these are my notes")


def test_another_programs_database_is_not_overwritten(tmp_path: Path) -> None:
    other = tmp_path / "app.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE users (name TEXT)")
    with pytest.raises(StoreError, match="not a claimcheck corpus store"):
        CorpusStore.open(other)
    with sqlite3.connect(other) as connection:
        assert connection.execute("SELECT count(*) FROM users").fetchone() == (0,)


def test_store_from_a_newer_claimcheck_is_refused(tmp_path: Path) -> None:
    with CorpusStore.open(tmp_path / "store"):
        pass
    database = tmp_path / "store" / "corpus.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer claimcheck"):
        CorpusStore.open(tmp_path / "store")


def test_quantities_with_open_bounds_survive_the_store(tmp_path: Path) -> None:
    from claimcheck.models import Quantity

    at_least = Quantity(text="at least 5,000", value=5000, low=5000, high=float("inf"), qualifier="at_least")
    at_most = Quantity(text="under 10", value=10, low=float("-inf"), high=10, qualifier="at_most")
    statement = Statement(
        id="q", source="q.txt", text="At least 5,000 troops.", start=0, end=22, terms=["troop"],
        quantities=[at_least, at_most],
    )
    with CorpusStore.open(tmp_path / "store") as store:
        store.put(Article(source="q.txt", text="At least 5,000 troops.", content_hash="q"), [statement])
    with CorpusStore.open(tmp_path / "store") as store:
        assert list(store.statements()) == [statement]
        assert store.candidates(["troop"]) == [statement]


def test_a_write_interrupted_halfway_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    with CorpusStore.open(tmp_path / "store") as store:
        for source in ("a.txt", "b.txt"):
            article = Article(source=source, text="Troops moved.\n", content_hash=source)
            store.put(article, fake_statements(article))

        def sources_then_interrupt() -> Iterator[str]:
            yield "a.txt"
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            store.remove(sources_then_interrupt())
        # a.txt was deleted inside the transaction, which was rolled back: it is still there, and found.
        assert store.sources() == ["a.txt", "b.txt"]
        assert [s.source for s in store.candidates(["troops"])] == ["a.txt", "b.txt"]
    with CorpusStore.open(tmp_path / "store") as store:
        assert store.sources() == ["a.txt", "b.txt"]


def test_an_interruption_just_after_commit_stays_an_interruption(tmp_path: Path) -> None:
    from claimcheck.store.database import Database

    db = Database(sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None), tmp_path / "t.sqlite3")
    with db.transaction() as cursor:
        cursor.execute("CREATE TABLE t (x)")

    # Ctrl-C landing between COMMIT and the end of the block: the caller must see the KeyboardInterrupt
    # (exit 130), not "cannot rollback" reported as a broken store.
    with pytest.raises(KeyboardInterrupt), db.transaction() as cursor:
        cursor.execute("INSERT INTO t VALUES (1)")
        cursor.execute("COMMIT")
        raise KeyboardInterrupt

    assert db.query("SELECT count(*) FROM t").fetchone()[0] == 1
    with pytest.raises(ValueError), db.transaction() as cursor:
        cursor.execute("INSERT INTO t VALUES (2)")
        raise ValueError("rolled back")
    assert db.query("SELECT count(*) FROM t").fetchone()[0] == 1
    db.close()
