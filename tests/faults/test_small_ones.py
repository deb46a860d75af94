"""The smaller faults: claims files, a corpus path that does not exist, a baseline after the corpus moved."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import stderr_lines, write_articles

CLAIM = "The city of Oslo opened a tram line of 5 kilometres on Monday, officials said."


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, 3)
    return folder


@pytest.mark.parametrize("content", ["", "\n\n# only a comment\n"], ids=["empty", "comments-only"])
def test_an_empty_claims_file_is_named_and_said_to_hold_no_claims(invoke, news, tmp_path, content):
    claims = tmp_path / "claims.txt"
    claims.write_text(content, encoding="utf-8")

    result = invoke("check", "--claims", str(claims), "--against", str(news))

    assert result.exit_code == 2
    assert stderr_lines(result) == [f"claimcheck: error: {claims}: holds no claims (only blank lines and # comments)"]


def test_one_bad_line_of_a_claims_file_is_reported_and_the_other_claims_are_checked(invoke, news, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps({"id": "a", "text": CLAIM}) + "\n"
        + '{"id": "b", "text": "broken\n'
        + json.dumps({"id": "c", "text": ""}) + "\n"
        + json.dumps({"id": "d", "text": "The project in Oslo cost 40 million euros and took four years to build."}) + "\n",
        encoding="utf-8",
    )

    result = invoke("check", "--claims", str(claims), "--against", str(news), "--format", "json")

    assert result.exit_code == 3, result.output
    assert [verdict["id"] for verdict in json.loads(result.stdout)["verdicts"]] == ["a", "d"]
    assert f"claimcheck: {claims}:2: not valid JSON" in result.stderr
    assert f'claimcheck: {claims}:3: a claim needs a non-empty "text"' in result.stderr


def test_a_claims_file_with_no_valid_line_is_a_usage_error_naming_the_line(invoke, news, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"id": 1}\n', encoding="utf-8")

    result = invoke("check", "--claims", str(claims), "--against", str(news))

    assert result.exit_code == 2
    assert stderr_lines(result) == [
        f'claimcheck: error: {claims}: holds no valid claim; line 1: a claim needs a non-empty "text"; '
        'write one claim a line, or JSON Lines with a "text" (and optional "id")'
    ]


@pytest.mark.parametrize("command", ["check", "verify"])
def test_against_a_path_that_does_not_exist_is_an_error_not_a_report_on_an_empty_corpus(invoke, news, tmp_path, command):
    missing = tmp_path / "no-such-corpus"
    target = [CLAIM] if command == "check" else [str(news / "article-000.txt")]

    result = invoke(command, *target, "--against", str(missing), "--format", "json")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert stderr_lines(result) == [
        f"claimcheck: error: no article of the corpus could be read: {missing}: no such file or folder"
    ]


def test_against_one_missing_path_among_good_ones_checks_the_rest_and_exits_3(invoke, news, tmp_path):
    missing = tmp_path / "gone"

    result = invoke("check", CLAIM, "--against", str(news), "--against", str(missing), "--format", "json")

    assert result.exit_code == 3
    assert f"claimcheck: {missing}: no such file or folder" in result.stderr
    assert json.loads(result.stdout)["corpus"]["sources"] == 3


def test_a_baseline_still_matches_after_the_corpus_moved(invoke, tmp_path):
    first = tmp_path / "checkout-1" / "news"
    write_articles(first, 3)
    baseline = tmp_path / "baseline.json"
    written = invoke("verify", str(first), "--write-baseline", str(baseline), "--format", "json")
    assert written.exit_code == 0, written.output
    findings = json.loads(baseline.read_text())["findings"]
    assert findings and all(entry["source"].startswith(str(first)) for entry in findings)

    moved = tmp_path / "checkout-2" / "corpus"
    moved.parent.mkdir()
    shutil.move(first, moved)
    result = invoke("verify", str(moved), "--baseline", str(baseline), "--fail-on", "contradicted,single-sourced",
                    "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["baseline"]["suppressed"] == len(findings)
