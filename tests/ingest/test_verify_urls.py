"""verify and check read URLs like files: an article by URL, and a corpus given as URLs."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimcheck.cli import cli


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_verify_an_article_by_url_against_a_local_corpus(pages, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "island-report.txt").write_text(
        "Officials at the port authority said on Friday that the inspection of the ferry would take at least "
        "three weeks, and that the route between the two islands would stay closed until it is complete.\n"
    )
    result = _run("verify", pages.url("/good"), "--against", str(corpus), "--format", "json",
                  "--allow-private", "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["verdicts"], "the page's claims are checked"
    assert all(v["source"] == pages.url("/good") for v in report["verdicts"])
    backed = [v for v in report["verdicts"] if v["label"] == "corroborated"]
    assert backed and backed[0]["evidence"][0]["source"].endswith("island-report.txt")


def test_check_against_a_url_corpus(pages, tmp_path):
    result = _run("check", "The ferry route between the two islands will stay closed until the inspection is complete.",
                  "--against", pages.url("/good"), "--format", "json",
                  "--allow-private", "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code == 0, result.stderr
    (verdict,) = json.loads(result.stdout)["verdicts"]
    assert verdict["label"] == "single-sourced"
    assert verdict["evidence"][0]["source"] == pages.url("/good")


def test_check_against_only_a_blocked_url_names_it_and_labels_nothing(pages, tmp_path):
    # With no corpus entry readable there is nothing to check against: an error (exit 2), not a report.
    result = _run("check", "The ferry route will stay closed.", "--against", pages.url("/good"),
                  "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code == 2
    assert "blocked address" in result.stderr and result.stdout == ""
