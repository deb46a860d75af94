"""Local inputs: files, folders, stdin, URL lists and saved corpus files; each bad input is one failure line."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import CYRILLIC_TITLE, cyrillic_page

from claimcheck.ingest import read_inputs, save_article
from claimcheck.ingest.files import article_files
from claimcheck.ingest.urls import url_list_entries

ARTICLE = "The council approved the budget on Tuesday by nine votes to four.\n"


def reasons(failures):
    return {failure.input: failure.reason for failure in failures}


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_each_bad_local_input_is_one_failure_naming_it(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    empty = write(tmp_path / "empty.txt", "  \n")
    binary = write(tmp_path / "blob.txt", b"\x00\x01\x02binary")
    undecodable = write(tmp_path / "bad.txt", b"caf\xc3 \x81\x8d")
    (tmp_path / "nothing-here").mkdir()
    write(tmp_path / "nothing-here" / "notes.csv", "a,b\n")
    missing = tmp_path / "missing.txt"

    inputs = [str(p) for p in (good, empty, binary, undecodable, tmp_path / "nothing-here", missing)]
    articles, failures = read_inputs(inputs)

    assert [article.source for article in articles] == [str(good)]
    found = reasons(failures)
    assert found[str(empty)] == "empty file (no text)"
    assert found[str(binary)] == "not text (binary data); pass an HTML, text or Markdown file"
    assert found[str(undecodable)].startswith("undecodable bytes at offset 5 (not UTF-8 or Windows-1252")
    assert found[str(tmp_path / "nothing-here")].startswith("folder holds no article files")
    assert found[str(missing)] == "no such file or folder"
    assert len(failures) == 5


def test_an_address_without_scheme_gets_a_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, failures = read_inputs(["example.org/story"])

    assert reasons(failures) == {
        "example.org/story": "no such file or folder; for a web page write the full URL, e.g. https://example.org/story"
    }


def test_folders_are_read_recursively_in_sorted_order_skipping_hidden_files(tmp_path):
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "sub" / "a.md", ARTICLE)
    write(tmp_path / ".claimcheck" / "index.txt", ARTICLE)

    articles, failures = read_inputs([str(tmp_path)])

    assert failures == []
    assert [article.source for article in articles] == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]


def test_folder_listing_sorts_by_path_parts_and_skips_what_is_not_an_article(tmp_path):
    for name in ("a-b.txt", "a/b.txt", "A.TXT", "notes.pdf", "noext", "sub/.draft.txt", ".hidden/c.txt", "list.urls"):
        write(tmp_path / name, ARTICLE)
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)

    listed = [path.relative_to(tmp_path).as_posix() for path in article_files(tmp_path)]

    # "a/b.txt" before "a-b.txt": folders sort by their name, as pathlib sorts; a link to a folder is not followed
    assert listed == ["A.TXT", "a/b.txt", "a-b.txt", "list.urls"]


def test_windows_1251_html_file_is_decoded_from_its_meta_tag(tmp_path):
    page = write(tmp_path / "page.html", cyrillic_page(with_meta=True))

    [article], failures = read_inputs([str(page)])

    assert failures == []
    assert article.title == CYRILLIC_TITLE


def test_urls_file_lists_urls_with_comments(tmp_path):
    listing = write(
        tmp_path / "sources.urls",
        "# wire stories\nhttps://example.org/a  # the first one\n\n  https://example.org/b#section\nnot a url\n",
    )

    assert url_list_entries(listing) == [
        (2, "https://example.org/a"),
        (4, "https://example.org/b#section"),
        (5, "not a url"),
    ]


def test_txt_file_is_a_url_list_only_when_every_entry_is_a_url(tmp_path):
    listing = write(tmp_path / "list.txt", "# to check\nhttps://example.org/a\nhttp://example.com/b\n")
    article = write(tmp_path / "story.txt", "See https://example.org/a\nThe council approved the budget.\n")
    only_urls_then_prose = write(tmp_path / "mixed.txt", "https://example.org/a\nThe council met.\n")

    assert url_list_entries(listing) == [(2, "https://example.org/a"), (3, "http://example.com/b")]
    assert url_list_entries(article) is None
    assert url_list_entries(only_urls_then_prose) is None


def test_bad_line_of_a_url_list_is_reported_with_its_line_number(pages, read_options, tmp_path):
    listing = write(tmp_path / "sources.urls", f"{pages.url('/good')}\nexample.org/story\n")

    articles, failures = read_inputs([str(listing)], options=read_options)

    assert [article.source for article in articles] == [pages.url("/good")]
    assert reasons(failures) == {f"{listing}:2": "not a URL: 'example.org/story'; write it as https://..."}


def test_empty_url_list_is_reported(tmp_path):
    listing = write(tmp_path / "sources.urls", "# nothing yet\n")

    _, failures = read_inputs([str(listing)])

    assert reasons(failures) == {str(listing): "URL list holds no URLs (only blank lines and # comments)"}


def test_urls_paths_and_url_lists_mix_in_input_order(pages, read_options, tmp_path):
    local = write(tmp_path / "local.txt", ARTICLE)
    listing = write(tmp_path / "more.urls", pages.url("/plain") + "\n")

    articles, failures = read_inputs([pages.url("/good"), str(local), str(listing)], options=read_options)

    assert failures == []
    assert [article.source for article in articles] == [pages.url("/good"), str(local), pages.url("/plain")]


def test_saved_article_reads_back_with_its_metadata(pages, read_options, tmp_path):
    [fetched], _ = read_inputs([pages.url("/good")], options=read_options)

    saved = save_article(fetched, tmp_path / "corpus")
    [again], failures = read_inputs([str(saved)])

    assert failures == []
    assert again.source == str(saved)
    assert again.model_dump(exclude={"source"}) == fetched.model_dump(exclude={"source"})
    assert saved.read_text(encoding="utf-8").startswith('---\ntitle: "Ferry route closed for inspection"\n')


def test_hand_written_header_is_read_and_stripped(tmp_path):
    note = write(
        tmp_path / "note.md",
        "---\ntitle: Budget passes\noutlet: Town Crier\ndate: 2024-05-02\n---\n" + ARTICLE,
    )

    [article], _ = read_inputs([str(note)])

    assert (article.title, article.outlet, article.published) == ("Budget passes", "Town Crier", "2024-05-02")
    assert article.text == ARTICLE.strip("\n")


def test_text_that_merely_starts_with_a_rule_is_kept_whole(tmp_path):
    text = "---\nThe council approved the budget.\n---\nMore text.\n"
    story = write(tmp_path / "story.txt", text)

    [article], _ = read_inputs([str(story)])

    assert article.text == text
    assert article.title is None


def test_stdin_is_read_as_an_article(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))

    [article], failures = read_inputs(["-"])

    assert failures == []
    assert (article.source, article.text) == ("-", ARTICLE)


def test_stdin_holding_only_urls_is_a_url_list(pages, read_options, monkeypatch):
    piped = f"# from the wire\n{pages.url('/good')}\n{pages.url('/plain')}\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(piped.encode())))

    articles, failures = read_inputs(["-"], options=read_options)

    assert failures == []
    assert [article.source for article in articles] == [pages.url("/good"), pages.url("/plain")]


def test_empty_stdin_is_reported(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))

    _, failures = read_inputs(["-"])

    assert reasons(failures) == {"-": "standard input is empty"}


def test_public_api_is_sorted_and_importable():
    import claimcheck.ingest as ingest

    assert ingest.__all__ == sorted(ingest.__all__)
    assert all(hasattr(ingest, name) for name in ingest.__all__)
