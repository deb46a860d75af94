"""The commands as a user runs them: labels, evidence, exit codes and error lines, stdout and stderr apart."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from claimcheck import __version__
from claimcheck.cli import cli
from tests.conftest import SEEDS

ARTICLE = str(SEEDS / "002_1375dabaa46a4f12.txt")


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def corpus_with_bad_files(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_text("")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00data" * 10)
    return folder


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_explains_itself_with_an_example(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_verify_prints_a_table_naming_the_corpus(runner):
    result = runner.invoke(cli, ["verify", ARTICLE, "--against", str(SEEDS)])
    assert result.exit_code == 0, result.stderr
    assert "5 sources" in result.stdout
    assert "corroborated" in result.stdout and "single-sourced" in result.stdout


def test_verify_json_carries_schema_version_and_evidence(runner):
    result = runner.invoke(cli, ["verify", ARTICLE, "--against", str(SEEDS), "--format", "json"])
    report = json.loads(result.stdout)
    assert report["schema_version"] == "6"
    corroborated = [v for v in report["verdicts"] if v["label"] == "corroborated"]
    assert corroborated, "some claims of 002 are reported elsewhere in the seeds"
    for verdict in corroborated:
        supporting = [e for e in verdict["evidence"] if e["stance"] == "supports"]
        assert supporting and all(e["sentence"] and e["reason"] for e in supporting)
        assert all(e["rule"] in {"number-agreement", "restatement", "paraphrase", "model"} for e in supporting), supporting
        assert all("002_" not in e["source"] for e in verdict["evidence"]), "an article cannot back itself"


def test_verify_defaults_to_the_articles_own_folder(runner):
    result = runner.invoke(cli, ["verify", ARTICLE, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["corpus"]["sources"] == 5


def test_verify_uses_the_corpus_setting(runner, tmp_path, monkeypatch):
    (tmp_path / "claimcheck.toml").write_text(f'corpus = "{SEEDS}"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["check", "Sweden announced a $5 billion aid package for Ukraine.", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["corpus"]["location"] == str(SEEDS)


def test_check_flags_a_number_conflict_with_its_reason(runner):
    result = runner.invoke(
        cli, ["check", "Sweden announced a $5 billion aid package for Ukraine.", "--against", str(SEEDS), "--format", "json"]
    )
    (verdict,) = json.loads(result.stdout)["verdicts"]
    assert verdict["label"] == "contradicted"
    contradiction = next(e for e in verdict["evidence"] if e["stance"] == "contradicts")
    assert "001_afec0359e47d1f55.txt" in contradiction["source"]
    assert contradiction["reason"] == "numbers disagree: $5 billion vs $2.2 billion"
    assert "$2.2 billion" in contradiction["sentence"]


def test_check_negated_claim_is_contradicted(runner):
    result = runner.invoke(cli, ["check", "Pyongyang has not deployed soldiers to Russia.", "--against", str(SEEDS),
                                 "--format", "json"])
    (verdict,) = json.loads(result.stdout)["verdicts"]
    assert verdict["label"] == "contradicted"
    assert verdict["contradicting_origins"] >= 2


def test_check_unmatched_when_nothing_speaks_to_the_claim(runner):
    result = runner.invoke(cli, ["check", "Peru has won the football world cup in Qatar.", "--against", str(SEEDS)])
    assert result.exit_code == 0
    assert "unmatched" in result.stdout


def test_check_claims_file_jsonl_keeps_ids_and_order(runner, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps({"id": "treaty", "text": "Russia and North Korea have a mutual defence pact."}) + "\n"
        + json.dumps({"id": "nothing", "text": "Peru has won the football world cup in Qatar."}) + "\n"
    )
    result = runner.invoke(cli, ["check", "--claims", str(claims), "--against", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["treaty", "nothing"]
    assert rows[0]["label"] == "corroborated"
    assert rows[1]["label"] == "unmatched"
    assert all({"source", "stance", "sentence", "reason"} <= set(e) for r in rows for e in r["evidence"])


def test_a_bad_line_of_a_claims_file_is_named_and_counted_as_a_failed_input(runner, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"id": 1, "text": "ok"}\n{"id": 2, \n')
    result = runner.invoke(cli, ["check", "--claims", str(claims), "--against", str(SEEDS)])
    assert result.exit_code == 3
    assert f"{claims}:2: not valid JSON" in result.stderr


def test_bad_corpus_files_are_reported_and_the_rest_is_checked(runner, corpus_with_bad_files):
    result = runner.invoke(cli, ["check", "Sweden announced a $5 billion aid package for Ukraine.",
                                 "--against", str(corpus_with_bad_files), "--format", "jsonl"])
    assert result.exit_code == 3
    assert "empty.txt: empty file" in result.stderr
    assert "blob.txt: not text (binary data)" in result.stderr
    assert json.loads(result.stdout)["label"] == "contradicted"


def test_missing_article_is_reported_and_others_still_verified(runner, tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["verify", str(missing), ARTICLE, "--against", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 3
    assert f"{missing}:" in result.stderr and "no such file" in result.stderr
    assert result.stdout.strip(), "the readable article is still verified"


def test_folder_without_articles_is_reported(runner, tmp_path):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n")
    result = runner.invoke(cli, ["check", "Peru won the cup.", "--against", str(empty)])
    assert result.exit_code == 2  # the only corpus entry holds nothing: no report against an empty corpus
    assert str(empty) in result.stderr and "no article" in result.stderr


def test_stdin_article_needs_a_corpus(runner):
    result = runner.invoke(cli, ["verify", "-"], input="Some text about something.")
    assert result.exit_code == 2
    assert "--against" in result.stderr


def test_extract_jsonl_has_source_and_text(runner):
    result = runner.invoke(cli, ["extract", "--format", "jsonl", str(SEEDS)])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    assert all(row["source"].endswith(".txt") and row["text"] for row in rows)


def test_a_copy_of_a_corpus_article_is_not_corroborated_by_its_original(runner, tmp_path):
    copy = tmp_path / "reprint.txt"
    copy.write_text((SEEDS / "003_a4435aa4fe306851.txt").read_text())
    result = runner.invoke(cli, ["verify", str(copy), "--against", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    verdicts = json.loads(result.stdout)["verdicts"]
    from_original = [e for v in verdicts for e in v["evidence"] if "003_a4435aa4fe306851" in e["source"]]
    assert from_original and all(e["same_origin"] for e in from_original)
    assert all(v["label"] == "single-sourced" for v in verdicts
               if not any(e["stance"] != "mentions" and not e["same_origin"] for e in v["evidence"]))



@pytest.mark.parametrize("output_format", ["table", "csv", "markdown", "html", "sarif", "junit"])
def test_every_text_format_says_the_original_of_a_copy_is_not_counted(runner, tmp_path, output_format):
    copy = tmp_path / "reprint.txt"
    copy.write_text((SEEDS / "003_a4435aa4fe306851.txt").read_text())
    result = runner.invoke(cli, ["verify", str(copy), "--against", str(SEEDS), "--format", output_format,
                                 *(["--evidence"] if output_format == "table" else [])])
    assert result.exit_code == 0, result.stderr
    text = " ".join(re.sub(r"<[^>]+>", "", result.stdout).split())  # HTML read as its text
    text = text.replace("\\(", "(").replace("\\)", ")")  # Markdown's escaped brackets
    if output_format == "html":
        assert "Same origin: this source is of the claim's own origin" in text
    else:
        assert "same origin as the claim (a copy of its story or its outlet), not counted" in text

CHOICES = "choose from table, json, jsonl, csv, markdown, sarif, junit, html"


@pytest.mark.parametrize("command", [["verify", ARTICLE], ["check", "The bridge will reopen in May."]])
def test_unknown_format_in_the_environment_is_a_usage_error_naming_the_variable(runner, command):
    result = runner.invoke(cli, [*command, "--against", str(SEEDS)], env={"CLAIMCHECK_FORMAT": "sarif2"})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"claimcheck: error: CLAIMCHECK_FORMAT=sarif2: unknown format; {CHOICES}\n"


def test_bad_settings_file_value_is_a_usage_error_naming_the_file_and_setting(runner, tmp_path, monkeypatch):
    (tmp_path / "claimcheck.toml").write_text('format = "sarif2"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["verify", ARTICLE, "--against", str(SEEDS)])
    assert result.exit_code == 2
    assert f'claimcheck.toml: format = "sarif2": unknown format; {CHOICES}' in result.stderr


def test_unknown_fail_on_label_in_the_environment_names_the_variable(runner):
    result = runner.invoke(cli, ["verify", ARTICLE, "--against", str(SEEDS)], env={"CLAIMCHECK_FAIL_ON": "false"})
    assert result.exit_code == 2
    assert "claimcheck: error: CLAIMCHECK_FAIL_ON=false: unknown label 'false'" in result.stderr


def test_a_flag_beats_a_format_setting(runner):
    result = runner.invoke(
        cli, ["check", "The bridge will reopen in May.", "--against", str(SEEDS), "--format", "jsonl"],
        env={"CLAIMCHECK_FORMAT": "csv"},
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["claim"] == "The bridge will reopen in May."


def test_claims_file_of_plain_lines_skips_comments_and_blank_lines(runner, tmp_path):
    claims = tmp_path / "claims.txt"
    claims.write_text("# watchlist\n\nThe bridge will reopen in May.\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "--claims", str(claims), "--against", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["claim"] for line in result.stdout.splitlines()] == ["The bridge will reopen in May."]
