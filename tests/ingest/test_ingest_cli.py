"""`claimcheck fetch` and `claimcheck extract` with URLs, as a user runs them: stdout, stderr and exit codes apart."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_fetch_saves_each_page_as_a_corpus_file_and_prints_its_path(pages, tmp_path):
    out = tmp_path / "corpus"
    result = run(
        "fetch", pages.url("/good"), pages.url("/plain"), "--out", str(out),
        "--allow-private", "--cache-dir", str(tmp_path / "cache"),
    )

    assert result.exit_code == 0, result.stderr
    written = result.stdout.splitlines()
    assert len(written) == 2
    assert sorted(str(path) for path in out.iterdir()) == sorted(written)
    assert result.stderr == f"claimcheck: saved 2 article(s) into {out}, 0 input(s) failed\n"


def test_fetched_corpus_is_read_back_offline_with_its_outlet(pages, tmp_path):
    out = tmp_path / "corpus"
    run("fetch", pages.url("/good"), "--out", str(out), "--allow-private", "--cache-dir", str(tmp_path / "cache"))
    before = pages.total_requests

    result = run("extract", "--format", "jsonl", str(out))

    assert result.exit_code == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["outlet"] == "127.0.0.1"
    assert row["title"] == "Ferry route closed for inspection"
    assert row["url"] == "https://www.harbourgazette.example.com/world/story"
    assert row["source"].startswith(str(out))
    assert pages.total_requests == before


def test_fetch_reports_each_failed_url_and_exits_3(pages, tmp_path):
    out = tmp_path / "corpus"
    listing = tmp_path / "sources.urls"
    listing.write_text(f"# today\n{pages.url('/missing')}\n{pages.url('/good')}\n{pages.url('/report.pdf')}\n")

    result = run("fetch", str(listing), "--out", str(out), "--allow-private", "--cache-dir", str(tmp_path / "cache"))

    assert result.exit_code == 3
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr.splitlines() == [
        f"claimcheck: {pages.url('/missing')}: HTTP 404 Not Found",
        (
            f"claimcheck: {pages.url('/report.pdf')}: refused type: the server sent application/pdf; "
            "save the PDF's text as a .txt file and pass that"
        ),
        f"claimcheck: saved 1 article(s) into {out}, 2 input(s) failed",
    ]


def test_fetch_refuses_the_local_server_without_allow_private(pages, tmp_path):
    result = run("fetch", pages.url("/good"), "--out", str(tmp_path / "corpus"), "--cache-dir", str(tmp_path / "cache"))

    assert result.exit_code == 3
    assert result.stdout == ""
    assert "blocked address: host is loopback address 127.0.0.1; pass --allow-private" in result.stderr


def test_extract_url_writes_one_json_line_with_source_and_text(pages, tmp_path):
    result = run(
        "extract", "--format", "jsonl", pages.url("/good"), "--allow-private", "--cache-dir", str(tmp_path / "cache")
    )

    assert result.exit_code == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["source"] == pages.url("/good")
    assert "inspection of the ferry" in row["text"]


def test_extract_table_shows_title_outlet_author_and_date(pages, tmp_path):
    result = run("extract", pages.url("/good"), "--allow-private", "--cache-dir", str(tmp_path / "cache"))

    assert result.exit_code == 0, result.stderr
    head = result.stdout.splitlines()[:6]
    assert head == [
        f"source:  {pages.url('/good')}",
        "title:   Ferry route closed for inspection",
        "outlet:  127.0.0.1",
        "author:  Maria Jensen",
        "date:    2024-10-18",
        "url:     https://www.harbourgazette.example.com/world/story",
    ]


def test_extract_offline_of_an_unfetched_url_fails_with_exit_3(pages, tmp_path):
    result = run("extract", pages.url("/news/never"), "--offline", "--cache-dir", str(tmp_path / "cache"))

    assert result.exit_code == 3
    assert result.stderr == (
        f"claimcheck: {pages.url('/news/never')}: not in the page cache, and --offline forbids fetching; "
        "run once without --offline\n"
    )


def test_offline_and_refresh_together_is_a_usage_error(tmp_path):
    result = run("extract", "https://example.org/x", "--offline", "--refresh")

    assert result.exit_code == 2
    assert "--offline and --refresh contradict each other" in result.stderr
    assert result.stdout == ""


def test_fetch_needs_an_output_folder():
    result = run("fetch", "https://example.org/x")

    assert result.exit_code == 2
    assert "--out" in result.stderr


def test_fetching_a_url_again_rewrites_the_same_file(pages, tmp_path):
    out = tmp_path / "corpus"
    args = ("fetch", pages.url("/good"), "--out", str(out), "--allow-private", "--cache-dir", str(tmp_path / "cache"))
    first = run(*args)
    second = run(*args, "--refresh")

    assert first.stdout == second.stdout
    assert [path.name for path in out.iterdir()] == [Path(first.stdout.strip()).name]
    assert Path(first.stdout.strip()).name.startswith("127.0.0.1-good-")


def test_cache_dir_setting_from_the_environment_is_where_pages_are_kept(pages, tmp_path):
    cache = tmp_path / "pages-from-env"
    result = CliRunner().invoke(
        cli, ["fetch", pages.url("/good"), "--out", str(tmp_path / "corpus"), "--allow-private"],
        env={"CLAIMCHECK_CACHE_DIR": str(cache)},
    )
    assert result.exit_code == 0, result.stderr
    assert list(cache.rglob("*.body"))
    before = pages.total_requests
    offline = CliRunner().invoke(
        cli, ["extract", "--offline", "--format", "jsonl", pages.url("/good")], env={"CLAIMCHECK_CACHE_DIR": str(cache)}
    )
    assert offline.exit_code == 0, offline.stderr
    assert pages.total_requests == before
