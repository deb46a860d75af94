"""A stored corpus answers exactly as one read into memory, and later runs parse only what changed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.errors import CorpusError
from claimcheck.indexing import (
    load_stored_corpus,
    open_store,
    store_location,
    sync_store,
)
from claimcheck.pipeline import load_corpus, verify_articles
from claimcheck.store import CorpusStore, default_store_path
from tests.conftest import SEEDS


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns(".claimcheck"))
    return folder


def test_stored_corpus_gives_the_same_report_as_reading_into_memory(corpus_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    articles = [str(path) for path in sorted(corpus_dir.glob("*.txt"))[:4]]
    memory = load_corpus([str(corpus_dir)], nlp=nlp, use_store=False)
    stored = load_corpus([str(corpus_dir)], nlp=nlp)
    assert default_store_path(corpus_dir).is_dir()
    expected = verify_articles(articles, memory, nlp=nlp)
    assert verify_articles(articles, stored, nlp=nlp) == expected
    # A warm store (a second process would open it like this) answers the same.
    warm = load_corpus([str(corpus_dir)], nlp=nlp)
    assert verify_articles(articles, warm, nlp=nlp) == expected
    assert warm.info() == memory.info()


def test_a_stored_corpus_gives_a_sources_sentence_texts_without_its_statements(corpus_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    stored = load_corpus([str(corpus_dir)], nlp=nlp)
    memory = load_corpus([str(corpus_dir)], nlp=nlp, use_store=False)
    for article in memory.articles:
        texts = [statement.text for statement in memory.sentences_of(article.source)]
        assert texts, article.source
        assert stored.texts_of(article.source) == texts == memory.texts_of(article.source)
    assert stored.texts_of("not-in-the-corpus.txt") == [] == memory.texts_of("not-in-the-corpus.txt")


def test_second_sync_parses_nothing_and_a_changed_file_is_parsed_again(corpus_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    location = default_store_path(corpus_dir)
    with open_store(location) as store:
        first = sync_store(store, [str(corpus_dir)], nlp=nlp)
        # Indexing settles the origins too, so the first check after it does no corpus-wide work.
        assert store.cached_origins() is not None
    assert len(first.extracted) == len(list(corpus_dir.glob("*.txt")))
    with open_store(location) as store:
        second = sync_store(store, [str(corpus_dir)], nlp=nlp)
    assert second.extracted == [] and second.removed == []
    changed = min(corpus_dir.glob("*.txt"))
    changed.write_text("The harbour in Odesa was closed on Friday after a storm, officials said.\n", encoding="utf-8")
    removed = sorted(corpus_dir.glob("*.txt"))[1]
    removed.unlink()
    with open_store(location) as store:
        third = sync_store(store, [str(corpus_dir)], nlp=nlp)
        assert [s.text for s in store.statements(str(changed))] == [
            "The harbour in Odesa was closed on Friday after a storm, officials said."
        ]
    assert third.extracted == [str(changed)]
    assert third.removed == [str(removed)]


def test_origins_are_recomputed_when_the_store_changes(corpus_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    corpus, _ = load_stored_corpus([str(corpus_dir)], default_store_path(corpus_dir), nlp=nlp)
    before = corpus.info()
    copy = corpus_dir / "zz_copy.txt"
    copy.write_text(min(corpus_dir.glob("*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    after, result = load_stored_corpus([str(corpus_dir)], default_store_path(corpus_dir), nlp=nlp)
    assert result.extracted == [str(copy)]
    # An exact copy is one more source but not one more independent origin.
    assert after.info().sources == before.sources + 1
    assert after.info().origins == before.origins
    assert after.origin_of(str(copy)) == after.origin_of(str(min(corpus_dir.glob("*.txt"))))


def test_which_corpora_get_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    assert store_location([str(folder)]) == folder / ".claimcheck"
    assert store_location([str(folder / "a.txt")]) is None
    assert store_location([str(folder), str(folder / "a.txt")], tmp_path / "s") == tmp_path / "s"
    assert store_location(["https://example.org/a"]) is None
    with pytest.raises(CorpusError, match="--store needs folders or files"):
        store_location(["-"], tmp_path / "s")


def test_unchanged_corpus_files_are_not_opened(corpus_dir: Path, nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    location = default_store_path(corpus_dir)
    with open_store(location) as store:
        sync_store(store, [str(corpus_dir)], nlp=nlp)
    opened: list[Path] = []
    original = Path.read_bytes

    def spy(self: Path) -> bytes:
        opened.append(self)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    changed = min(corpus_dir.glob("*.txt"))
    changed.write_text("The harbour in Odesa was closed on Friday after a storm, officials said.\n", encoding="utf-8")
    with open_store(location) as store:
        result = sync_store(store, [str(corpus_dir)], nlp=nlp)
    assert result.extracted == [str(changed)]
    assert {path for path in opened if path.suffix == ".txt"} == {changed}


def test_a_copy_is_told_by_its_content_hash_without_reading_the_stored_articles(
    corpus_dir: Path, tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    original = min(corpus_dir.glob("*.txt"))
    reprint = tmp_path / "reprint.txt"
    reprint.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    corpus = load_corpus([str(corpus_dir)], nlp=nlp)

    def read_everything(self):  # type: ignore[no-untyped-def]
        raise AssertionError("verify read every stored article to find copies")

    monkeypatch.setattr(CorpusStore, "articles", read_everything)
    report = verify_articles([str(reprint)], corpus, nlp=nlp)
    assert corpus.origin_of(str(reprint)) == corpus.origin_of(str(original))
    assert report.verdicts
    _original_shown_not_counted(report, original)


def _original_shown_not_counted(report, original: Path) -> None:  # type: ignore[no-untyped-def]
    """The original's sentences are listed as evidence for the copy's claims, marked as of its own origin, and
    never counted: no claim of the copy is corroborated by them alone."""
    from_original = [e for v in report.verdicts for e in v.evidence if e.source == str(original)]
    assert from_original and all(e.same_origin and not e.counted for e in from_original)
    for verdict in report.verdicts:
        counted = [e for e in verdict.evidence if e.stance != "mentions" and e.counted]
        if not counted:
            assert verdict.label == "single-sourced"


def test_a_copy_shares_its_origin_in_a_corpus_read_into_memory(corpus_dir: Path, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    original = min(corpus_dir.glob("*.txt"))
    reprint = tmp_path / "reprint.txt"
    reprint.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("The harbour in Odesa was closed on Friday after a storm, officials said.\n", encoding="utf-8")
    corpus = load_corpus([str(corpus_dir)], nlp=nlp, use_store=False)
    verify_articles([str(reprint), str(other)], corpus, nlp=nlp)
    assert corpus.origin_of(str(reprint)) == corpus.origin_of(str(original))
    assert corpus.origin_of(str(other)) == str(other)


@pytest.mark.parametrize("use_store", [True, False], ids=["stored", "in-memory"])
def test_an_edited_copy_of_a_corpus_article_is_not_corroborated_by_its_original(
    corpus_dir: Path, tmp_path: Path, nlp, use_store: bool  # type: ignore[no-untyped-def]
) -> None:
    original = min(corpus_dir.glob("*.txt"))
    edited = tmp_path / "edited.txt"
    text = original.read_text(encoding="utf-8")
    edited.write_text("Updated with a new headline\n\n" + text.replace("10,000", "12,000"), encoding="utf-8")
    corpus = load_corpus([str(corpus_dir)], nlp=nlp, use_store=use_store)
    report = verify_articles([str(edited)], corpus, nlp=nlp)
    assert corpus.origin_of(str(edited)) == corpus.origin_of(str(original))
    assert report.verdicts
    _original_shown_not_counted(report, original)


def test_an_article_of_a_corpus_outlet_shares_the_outlets_origin(corpus_dir: Path, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    saved = corpus_dir / "zz-saved.md"
    saved.write_text(
        "---\nurl: https://www.harbour-news.example/a\noutlet: Harbour News\n---\n"
        "The harbour in Odesa was closed on Friday after a storm damaged two cranes, port officials said.\n",
        encoding="utf-8",
    )
    later = tmp_path / "later.md"
    later.write_text(
        "---\nurl: https://www.harbour-news.example/b\noutlet: Harbour News\n---\n"
        "The harbour in Odesa reopened on Monday after engineers repaired two cranes, port officials said.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([str(corpus_dir)], nlp=nlp)
    report = verify_articles([str(later)], corpus, nlp=nlp)
    assert corpus.origin_of(str(later)) == corpus.origin_of(str(saved))
    assert all(e.source != str(saved) or e.origin == corpus.origin_of(str(later)) for v in report.verdicts for e in v.evidence)


def test_stored_origins_match_those_read_into_memory_with_an_edited_reprint(corpus_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    original = min(corpus_dir.glob("*.txt"))
    reprint = corpus_dir / "zz_reprint.txt"
    reprint.write_text("Reprinted with permission\n\n" + original.read_text(encoding="utf-8").replace("10,000", "11,000"),
                       encoding="utf-8")
    memory = load_corpus([str(corpus_dir)], nlp=nlp, use_store=False)
    stored = load_corpus([str(corpus_dir)], nlp=nlp)
    assert stored.origins == memory.origins
    assert stored.origin_of(str(reprint)) == stored.origin_of(str(original))
    assert stored.info().origins == memory.info().origins == stored.info().sources - 1


def test_a_name_in_another_script_is_checked_against_a_stored_corpus(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimcheck.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("\ufeffThe director is hoping to make his passion project, Чувак, где моя Мячи, about a "
                                  "lost dog next year.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The director is hoping to make his passion project, Чувак, где моя Мячи, about a "
                                  "lost dog next year, the studio said on Monday.\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["verify", str(corpus / "a.txt"), "--against", str(corpus),
                                      "--store", str(tmp_path / "store"), "--format", "json"])

    assert result.exit_code == 0, result.output
    assert "corroborated" in {verdict["label"] for verdict in json.loads(result.stdout)["verdicts"]}


def _verify_json(*args: str) -> tuple[int, dict | None, str]:
    result = CliRunner().invoke(cli, ["verify", *args, "--format", "json"])
    document = json.loads(result.stdout) if result.exit_code in (0, 1) else None
    return result.exit_code, document, result.stderr


def test_no_sync_checks_against_the_store_as_indexed_without_reading_the_folder(corpus_dir: Path) -> None:
    article = str(sorted(corpus_dir.glob("*.txt"))[0])
    assert CliRunner().invoke(cli, ["index", str(corpus_dir)]).exit_code == 0
    code, synced, _ = _verify_json(article, "--against", str(corpus_dir))
    code_fast, fast, _ = _verify_json(article, "--against", str(corpus_dir), "--no-sync")
    assert code == code_fast == 0
    assert fast == synced

    # An article deleted after indexing is still in the corpus for --no-sync, and gone for a run that syncs.
    removed = sorted(corpus_dir.glob("*.txt"))[-1]
    removed.unlink()
    _, fast, _ = _verify_json(article, "--against", str(corpus_dir), "--no-sync")
    assert fast is not None and fast["corpus"]["sources"] == 5
    _, synced, _ = _verify_json(article, "--against", str(corpus_dir))
    assert synced is not None and synced["corpus"]["sources"] == 4


def test_no_sync_without_an_indexed_store_says_to_index_the_corpus(corpus_dir: Path) -> None:
    article = str(sorted(corpus_dir.glob("*.txt"))[0])
    code, _, stderr = _verify_json(article, "--against", str(corpus_dir), "--no-sync")
    assert code == 2
    assert stderr.strip() == (
        f"claimcheck: error: {default_store_path(corpus_dir)}: no corpus store there; index the corpus first "
        "(claimcheck index), or leave out --no-sync"
    )


def test_no_sync_refuses_a_store_indexed_by_another_version(corpus_dir: Path) -> None:
    article = str(sorted(corpus_dir.glob("*.txt"))[0])
    assert CliRunner().invoke(cli, ["index", str(corpus_dir)]).exit_code == 0
    with sqlite3.connect(default_store_path(corpus_dir) / "corpus.sqlite3") as db:
        db.execute("UPDATE articles SET fingerprint = 'older' WHERE rowid IN (SELECT rowid FROM articles LIMIT 2)")
    code, _, stderr = _verify_json(article, "--against", str(corpus_dir), "--no-sync")
    assert code == 2
    assert "2 of its 5 articles were indexed by another claimcheck version; index the corpus again" in stderr
