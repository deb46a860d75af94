"""The CI side of the command line: index, --fail-on exit codes, baselines, formats written with -o."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from tests.conftest import SEEDS

SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "schema" / "report.schema.json"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    """A corpus folder (indexed once for the module) and the labels its articles get."""
    root = tmp_path_factory.mktemp("ci")
    shutil.copytree(SEEDS, root / "corpus", ignore=shutil.ignore_patterns(".claimcheck"))
    result = CliRunner().invoke(cli, ["index", str(root / "corpus")])
    assert result.exit_code == 0, result.stderr
    # The articles under check: a few of the corpus's own, so the runs stay quick.
    (root / "drafts").mkdir()
    for path in sorted((root / "corpus").glob("*.txt"))[:2]:
        shutil.copy(path, root / "drafts" / path.name)
    return root


def labels_of(workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(workspace)
    result = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line)["label"] for line in result.stdout.splitlines()]


def test_index_reports_what_it_did_and_a_second_run_reads_nothing(runner: CliRunner, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns(".claimcheck"))
    count = len(list(corpus.glob("*.txt")))
    first = runner.invoke(cli, ["index", str(corpus)])
    assert first.exit_code == 0, first.stderr
    assert f"indexed {count} new or changed, 0 unchanged" in first.stderr
    assert first.stdout == ""
    assert (corpus / ".claimcheck" / "corpus.sqlite3").is_file()
    second = runner.invoke(cli, ["index", str(corpus)])
    assert f"indexed 0 new or changed, {count} unchanged, 0 removed" in second.stderr


def test_index_with_store_elsewhere_leaves_the_corpus_untouched(runner: CliRunner, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns(".claimcheck"))
    result = runner.invoke(cli, ["index", str(corpus), "--store", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.stderr
    assert not (corpus / ".claimcheck").exists()
    assert (tmp_path / "cache" / "corpus.sqlite3").is_file()


def test_index_refuses_a_url_and_says_what_to_do(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["index", "https://example.org/news"])
    assert result.exit_code == 2
    assert "index a corpus folder" in result.stderr


def test_fail_on_exits_1_only_when_the_label_occurs(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    labels = labels_of(workspace, runner, monkeypatch)
    for label in ("contradicted", "single-sourced", "unmatched", "corroborated"):
        if label == "corroborated":
            continue
        result = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--format", "json", "--fail-on", label])
        expected = 1 if label in labels else 0
        assert result.exit_code == expected, (label, labels, result.stderr)
        if expected:
            assert f"labelled {label} (--fail-on)" in result.stderr
    assert set(labels) & {"contradicted", "single-sourced", "unmatched"}, "the seed corpus should have findings"


def test_fail_on_unknown_label_is_a_usage_error(runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)
    result = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--fail-on", "false"])
    assert result.exit_code == 2
    assert "unknown label 'false'" in result.stderr


def test_baseline_suppresses_known_findings_and_says_how_many(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    all_labels = "contradicted,single-sourced,unmatched"
    failing = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--fail-on", all_labels])
    assert failing.exit_code == 1
    written = runner.invoke(
        cli, ["verify", "drafts", "--against", "corpus", "--fail-on", all_labels, "--write-baseline", "known.json"]
    )
    assert written.exit_code == 0, written.stderr
    findings = json.loads((workspace / "known.json").read_text(encoding="utf-8"))["findings"]
    assert findings
    quiet = runner.invoke(
        cli, ["verify", "drafts", "--against", "corpus", "--fail-on", all_labels, "--baseline", "known.json",
              "--format", "jsonl"]
    )
    assert quiet.exit_code == 0, quiet.stderr
    # Two identical sentences in one article are one baseline entry, but both are suppressed.
    total = sum(label != "corroborated" for label in labels_of(workspace, runner, monkeypatch))
    assert total >= len(findings)
    assert f"{total} known findings suppressed by the baseline known.json" in quiet.stderr
    assert all(json.loads(line)["label"] == "corroborated" for line in quiet.stdout.splitlines())


def test_each_format_written_with_o_parses_back(runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)
    out = workspace / "out"
    for fmt, name in (("json", "r.json"), ("jsonl", "r.jsonl"), ("csv", "r.csv"), ("markdown", "r.md"),
                      ("sarif", "r.sarif"), ("junit", "r.xml")):
        result = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--format", fmt, "-o", str(out / name)])
        assert result.exit_code == 0, (fmt, result.stderr)
        assert result.stdout == ""
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))).validate(report)
    claims = len(report["verdicts"])
    assert len((out / "r.jsonl").read_text(encoding="utf-8").splitlines()) == claims
    assert len(list(csv.DictReader(io.StringIO((out / "r.csv").read_text(encoding="utf-8"), newline="")))) == claims
    assert (out / "r.md").read_text(encoding="utf-8").startswith("# claimcheck report")
    sarif = json.loads((out / "r.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)
    findings = [v for v in report["verdicts"] if v["label"] != "corroborated"]
    results = sarif["runs"][0]["results"]
    assert len(results) == len(findings)
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("drafts/") for r in results)
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    junit = ET.parse(out / "r.xml").getroot()
    assert junit.get("tests") == str(claims)
    assert list(out.glob("*.tmp")) == []


def test_jsonl_streams_the_same_verdicts_as_json_and_ends_with_a_summary(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    whole = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--format", "json"])
    streamed = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--format", "jsonl"])
    assert whole.exit_code == streamed.exit_code == 0
    verdicts = json.loads(whole.stdout)["verdicts"]
    lines = [json.loads(line) for line in streamed.stdout.splitlines()]
    assert [{k: v for k, v in line.items() if k != "schema_version"} for line in lines] == verdicts
    summary = streamed.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"claimcheck: 2 articles, {len(verdicts)} claims: ")
    assert "contradicted" in summary and "corroborated" in summary
    # Piped (not a terminal): no progress bar, no control characters, only plain lines.
    assert "verifying" not in streamed.stderr and "\x1b[" not in streamed.stderr and "\r" not in streamed.stderr


def test_verify_reads_an_article_piped_on_standard_input(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    draft = sorted((workspace / "drafts").glob("*.txt"))[0]
    from_file = runner.invoke(cli, ["verify", str(draft.relative_to(workspace)), "--against", "corpus", "--format", "json"])
    piped = runner.invoke(cli, ["verify", "-", "--against", "corpus", "--format", "json"], input=draft.read_bytes())
    assert from_file.exit_code == piped.exit_code == 0, piped.stderr
    by_file, by_pipe = json.loads(from_file.stdout), json.loads(piped.stdout)
    assert by_pipe["verdicts"], "nothing was read from standard input"
    assert {v["source"] for v in by_pipe["verdicts"]} == {"-"}
    assert [(v["claim"], v["label"]) for v in by_pipe["verdicts"]] == [(v["claim"], v["label"]) for v in by_file["verdicts"]]


def test_verified_articles_do_not_count_as_corpus_origins(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    (workspace / "new").mkdir(exist_ok=True)
    (workspace / "new" / "harbour.txt").write_text(
        "The harbour in Odesa was closed on Friday after a storm damaged two cranes, port officials said.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["verify", "new", "drafts", "--against", "corpus", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    corpus = json.loads(result.stdout)["corpus"]
    assert (corpus["sources"], corpus["origins"]) == (5, 5)


def test_verify_with_two_jobs_gives_the_same_report_as_one(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    (workspace / "drafts" / "broken.txt").write_bytes(b"\x00\x01\x02 not an article")
    try:
        one = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--format", "json", "--jobs", "1"])
        two = runner.invoke(cli, ["verify", "drafts", "--against", "corpus", "--format", "json", "--jobs", "2"])
    finally:
        (workspace / "drafts" / "broken.txt").unlink()
    assert one.exit_code == two.exit_code == 3, two.stderr
    assert one.stdout == two.stdout
    report = json.loads(two.stdout)
    assert len({v["source"] for v in report["verdicts"]}) == 2
    assert [f["input"] for f in report["failures"]] == [str(Path("drafts") / "broken.txt")]
    assert "drafts/broken.txt: not text (binary data)" in two.stderr


# ---- check: typed claims get the same CI treatment as verified articles ------------------------

CONTRADICTED = "Sweden announced a $5 billion aid package for Ukraine."
CORROBORATED = "North Korea has sent about 10,000 troops to Russia."


def test_check_fail_on_exits_1_only_when_a_claim_gets_the_label(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    failing = runner.invoke(cli, ["check", CONTRADICTED, CORROBORATED, "--against", "corpus",
                                  "--fail-on", "contradicted", "--format", "json"])
    assert failing.exit_code == 1, failing.stderr
    assert "1 claim labelled contradicted (--fail-on)" in failing.stderr
    assert "claimcheck: 2 claims: 1 corroborated, 1 contradicted" in failing.stderr
    assert [v["label"] for v in json.loads(failing.stdout)["verdicts"]] == ["contradicted", "corroborated"]

    passing = runner.invoke(cli, ["check", CORROBORATED, "--against", "corpus", "--fail-on", "contradicted,unmatched"])
    assert passing.exit_code == 0, passing.stderr


def test_check_baseline_suppresses_a_known_contradiction(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(workspace)
    baseline = tmp_path / "baseline.json"
    written = runner.invoke(cli, ["check", CONTRADICTED, "--against", "corpus", "--write-baseline", str(baseline)])
    assert written.exit_code == 0, written.stderr
    again = runner.invoke(cli, ["check", CONTRADICTED, "--against", "corpus", "--fail-on", "contradicted",
                                "--baseline", str(baseline), "--format", "json"])
    assert again.exit_code == 0, again.stderr
    assert "1 known finding suppressed" in again.stderr
    assert json.loads(again.stdout)["verdicts"] == []


# A baseline as claimcheck wrote it when reports had schema_version "1" (before Evidence.rule).
VERSION_1_BASELINE = """{
  "claimcheck_baseline": 1,
  "findings": [
    {
      "key": "contradicted:a31db392cc3c40e3b86a",
      "label": "contradicted",
      "source": null,
      "claim": "Sweden announced a $5 billion aid package for Ukraine."
    }
  ]
}
"""


def test_a_baseline_written_with_schema_version_1_still_suppresses_its_findings(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(workspace)
    baseline = tmp_path / "old-baseline.json"
    baseline.write_text(VERSION_1_BASELINE, encoding="utf-8")

    result = runner.invoke(cli, ["check", CONTRADICTED, CORROBORATED, "--against", "corpus", "--fail-on", "contradicted",
                                 "--baseline", str(baseline), "--format", "json"])

    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == "6"
    assert report["baseline"] == {"file": str(baseline), "suppressed": 1}
    assert [verdict["claim"] for verdict in report["verdicts"]] == [CORROBORATED]


@pytest.mark.parametrize("output_format", ["sarif", "junit", "csv"])
def test_check_writes_every_ci_format(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    monkeypatch.chdir(workspace)
    result = runner.invoke(cli, ["check", CONTRADICTED, CORROBORATED, "--against", "corpus", "--format", output_format])
    assert result.exit_code == 0, result.stderr
    if output_format == "sarif":
        log = json.loads(result.stdout)
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
        [run] = log["runs"]
        assert [r["properties"]["label"] for r in run["results"]] == ["contradicted"]
        assert "locations" not in run["results"][0], "a typed claim has no file to point at"
    elif output_format == "junit":
        suite = ET.fromstring(result.stdout)
        assert any(case.find("failure") is not None for case in suite.iter("testcase"))
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {row["label"] for row in rows} == {"contradicted", "corroborated"}


UNMATCHED = "Portugal opened a new tram line in Lisbon with 40 stations in March 2023."


def test_check_fail_on_several_labels_and_unknown_label(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    unmatched = runner.invoke(cli, ["check", UNMATCHED, "--against", "corpus", "--format", "jsonl",
                                    "--fail-on", "contradicted,unmatched"])
    assert unmatched.exit_code == 1, unmatched.stderr
    assert [json.loads(line)["label"] for line in unmatched.stdout.splitlines()] == ["unmatched"]
    assert "1 claim labelled contradicted, unmatched (--fail-on)" in unmatched.stderr
    # The same claim passes when its label is not named.
    named_other = runner.invoke(cli, ["check", UNMATCHED, "--against", "corpus", "--fail-on", "contradicted"])
    assert named_other.exit_code == 0, named_other.stderr
    unknown = runner.invoke(cli, ["check", UNMATCHED, "--against", "corpus", "--fail-on", "false"])
    assert unknown.exit_code == 2
    assert "unknown label 'false'" in unknown.stderr
    assert unknown.stdout == ""


def test_check_junit_has_one_typed_suite_with_the_fail_on_labels_as_failures(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    result = runner.invoke(cli, ["check", CONTRADICTED, CORROBORATED, UNMATCHED, "--against", "corpus",
                                 "--format", "junit", "--fail-on", "contradicted,unmatched"])
    assert result.exit_code == 1, result.stderr
    root = ET.fromstring(result.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "0")
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "typed claims"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [CONTRADICTED, CORROBORATED, UNMATCHED]
    assert all(case.get("file") is None and case.get("line") is None for case in cases)
    assert [(case.find("failure").get("type") if case.find("failure") is not None else None) for case in cases] == [
        "contradicted", None, "unmatched"
    ]


def test_check_baseline_count_is_in_the_json_report_and_the_markdown_summary(
    workspace: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(workspace)
    baseline = tmp_path / "baseline.json"
    written = runner.invoke(cli, ["check", CONTRADICTED, "--against", "corpus", "--write-baseline", str(baseline)])
    assert written.exit_code == 0, written.stderr
    assert "wrote 1 finding to" in written.stderr

    plain = runner.invoke(cli, ["check", CONTRADICTED, CORROBORATED, "--against", "corpus", "--format", "json"])
    assert "baseline" not in json.loads(plain.stdout), "a run without a baseline writes the report as before"

    known = runner.invoke(cli, ["check", CONTRADICTED, CORROBORATED, "--against", "corpus", "--format", "json",
                                "--baseline", str(baseline)])
    assert known.exit_code == 0, known.stderr
    report = json.loads(known.stdout)
    assert report["baseline"] == {"file": str(baseline), "suppressed": 1}
    assert [v["label"] for v in report["verdicts"]] == ["corroborated"]
    jsonschema.Draft202012Validator(json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))).validate(report)
    assert "1 known finding suppressed" in known.stderr

    markdown = runner.invoke(cli, ["check", CONTRADICTED, CORROBORATED, "--against", "corpus", "--format", "markdown",
                                   "--baseline", str(baseline)])
    assert f"1 known finding suppressed by the baseline `{baseline}`." in markdown.stdout

    nothing_known = tmp_path / "empty.json"
    runner.invoke(cli, ["check", CORROBORATED, "--against", "corpus", "--write-baseline", str(nothing_known)])
    none_suppressed = runner.invoke(cli, ["check", CONTRADICTED, "--against", "corpus", "--format", "json",
                                          "--baseline", str(nothing_known)])
    assert json.loads(none_suppressed.stdout)["baseline"] == {"file": str(nothing_known), "suppressed": 0}
    assert "suppressed" not in none_suppressed.stderr
