"""Every output format parses back with a standard tool and says what the report says."""

from __future__ import annotations

import csv
import io
import json
import re
import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from sample_reports import ARTICLE, CORPUS_TEXT, sample_report

from claimcheck.ci import finding_key
from claimcheck.config import OutputFormat
from claimcheck.errors import ConfigError
from claimcheck.ingest.lines import file_locator, no_locator, texts_locator
from claimcheck.models import BaselineInfo, CorpusInfo, Report, Verdict
from claimcheck.report import RENDERERS
from claimcheck.report import render as render_report
from claimcheck.report.csv_out import CSV_COLUMNS, render_csv
from claimcheck.report.junit import render_junit
from claimcheck.report.markdown import render_markdown
from claimcheck.report.sarif import render_sarif

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"

TROOPS = "North Korea has sent about 10,000 troops to Russia, the agency said."
BRIDGE = "The bridge will reopen in May."


def line_in(text: str, sentence: str) -> int:
    return text[: text.index(sentence)].count("\n") + 1


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    # Run from the folder the articles are in, as CI runs from the repository root.
    monkeypatch.chdir(tmp_path)
    return sample_report(tmp_path)


# -- SARIF ------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(report: Report) -> None:
    log = json.loads(render_sarif(report))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_has_one_result_per_claim_that_is_not_corroborated(report: Report) -> None:
    results = json.loads(render_sarif(report))["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("claimcheck/contradicted", "error"),
        ("claimcheck/single-sourced", "warning"),
        ("claimcheck/unmatched", "note"),
    ]
    assert "10,000 troops" in results[0]["message"]["text"]
    assert "has not sent" in results[0]["message"]["text"]


def test_sarif_results_point_at_the_article_file_and_line(report: Report) -> None:
    results = json.loads(render_sarif(report, locate=file_locator()))["runs"][0]["results"]
    troops, bridge, missile = (r["locations"][0]["physicalLocation"] for r in results)
    assert troops["artifactLocation"] == {"uri": "article.txt", "uriBaseId": "%SRCROOT%"}
    assert troops["region"]["startLine"] == line_in(ARTICLE, TROOPS) == 4
    assert bridge["region"]["startLine"] == line_in(ARTICLE, BRIDGE) == 6
    # HTML: the sentence is found in the markup, across the line break and the <b> tag.
    assert missile["artifactLocation"]["uri"] == "page.html"
    assert missile["region"]["startLine"] == 5


def test_sarif_evidence_is_a_related_location_with_its_line(report: Report) -> None:
    result = json.loads(render_sarif(report, locate=file_locator()))["runs"][0]["results"][0]
    related = result["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "corpus/seoul.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 2
    assert related["message"]["text"] == "contradicts [negation]: negated: 'has not sent'"


def test_sarif_fingerprint_is_the_baseline_key(report: Report) -> None:
    result = json.loads(render_sarif(report))["runs"][0]["results"][0]
    assert result["partialFingerprints"] == {"claimcheckFinding/v1": finding_key(report.verdicts[0])}


def test_sarif_reports_unreadable_inputs_as_notifications(report: Report) -> None:
    invocation = json.loads(render_sarif(report))["runs"][0]["invocations"][0]
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert "broken.pdf: not text" in notification["message"]["text"]


def test_sarif_lines_from_texts_in_memory_without_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = sample_report(tmp_path / "gone")
    texts = {report.verdicts[0].source: ARTICLE, report.verdicts[0].evidence[0].source: CORPUS_TEXT}
    for path in (tmp_path / "gone").rglob("*.*"):
        path.unlink()
    results = json.loads(render_sarif(report, locate=texts_locator(texts)))["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    # Without the text a result still has a location, at the first line.
    assert results[2]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


# -- JUnit ------------------------------------------------------------------------------------


def test_junit_parses_as_xml_with_a_failure_per_contradicted_claim(report: Report) -> None:
    root = ET.fromstring(render_junit(report, locate=file_locator()))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "1", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [report.verdicts[0].source, report.verdicts[3].source, "inputs"]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [v.claim for v in report.verdicts[:3]]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "contradicted"
    assert "has not sent" in (failure.text or "")
    assert cases[0].get("line") == "4"
    assert cases[1].find("failure") is None
    assert "single-sourced" in (cases[1].findtext("system-out") or "")
    error = suites[2].find("testcase/error")
    assert error is not None and "not text" in (error.get("message") or "")


def test_junit_fails_every_label_asked_for(report: Report) -> None:
    root = ET.fromstring(render_junit(report, fail_on=["contradicted,single-sourced", "unmatched"]))
    assert root.get("failures") == "3"
    failed = [case.get("name") for case in root.iter("testcase") if case.find("failure") is not None]
    assert failed == [report.verdicts[0].claim, report.verdicts[1].claim, report.verdicts[3].claim]


# -- CSV --------------------------------------------------------------------------------------


def test_csv_reads_back_with_the_csv_module(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(report, locate=file_locator()), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["label"] for row in rows] == ["contradicted", "single-sourced", "corroborated", "unmatched"]
    troops = rows[0]
    assert troops["claim"] == TROOPS
    assert troops["line"] == "4"
    assert (troops["supporting_origins"], troops["contradicting_origins"], troops["evidence_count"]) == ("0", "1", "1")
    assert troops["evidence"].startswith("contradicts [negation]: ") and "has not sent" in troops["evidence"]
    assert troops["finding_key"] == finding_key(report.verdicts[0])
    assert rows[2]["finding_key"] == ""  # corroborated: not a finding


def test_csv_keeps_quotes_and_commas_and_defuses_formulas(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(report), newline="")))
    analysts = rows[2]
    assert analysts["claim"] == report.verdicts[2].claim  # quotes, '=' inside and '|' survive
    assert analysts["name"] == "'=Analysts dispute the figure"


# -- Markdown ---------------------------------------------------------------------------------


def test_markdown_counts_labels_and_lists_claims_with_lines(report: Report) -> None:
    text = render_markdown(report, locate=file_locator())
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[2:] == [
        "| contradicted | 1 |",
        "| single-sourced | 1 |",
        "| unmatched | 1 |",
        "| corroborated | 1 |",
        "| **total** | **4** |",
    ]
    assert "- **contradicted** (line 4): North Korea has sent about 10,000 troops" in text
    assert "**contradicts**" in text and "(negated: 'has not sent'; rule `negation`)" in text
    assert "## Inputs that could not be read" in text


def test_markdown_escapes_article_text(tmp_path: Path) -> None:
    hostile = "See [this](http://evil.example) <img src=x onerror=alert(1)> | *now*"
    verdict = Verdict(
        id="x", claim=hostile, name="x", source="a.txt", span=(0, 5), label="unmatched",
        supporting_origins=0, contradicting_origins=0, reason="nothing",
    )
    report = Report(corpus=CorpusInfo(location="c", sources=0, origins=0, statements=0), verdicts=[verdict])
    text = render_markdown(report, locate=no_locator)
    # Every markup character is backslash-escaped: no raw tag, link or table cell survives.
    rendered_claim = text.split("**unmatched**: ", 1)[1].split("\n", 1)[0]
    assert re.search(r"(?<!\\)[<\[|*(]", rendered_claim) is None
    assert r"\<img" in text and r"\[this\]" in text


# -- all formats ------------------------------------------------------------------------------


def test_renderers_read_no_file_line_numbers_come_from_the_locator(report: Report) -> None:
    # The article files are on disk, but without a locator no renderer looks at them.
    sarif = json.loads(render_sarif(report))["runs"][0]["results"][0]
    assert sarif["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert ET.fromstring(render_junit(report)).find("testsuite/testcase").get("line") is None  # type: ignore[union-attr]
    assert next(csv.DictReader(io.StringIO(render_csv(report), newline="")))["line"] == ""
    assert "(line 4)" not in render_markdown(report)


def test_every_output_format_has_a_renderer_and_an_unknown_one_is_refused(report: Report) -> None:
    assert set(RENDERERS) == set(OutputFormat)
    for output_format in OutputFormat:
        assert render_report(report, output_format)
    with pytest.raises(ConfigError, match="unknown format 'sarif2'; choose from table, json, jsonl, csv"):
        render_report(report, "sarif2")


def test_evidence_is_written_the_same_way_in_sarif_junit_and_csv(report: Report) -> None:
    seoul = report.verdicts[0].evidence[0].source
    line = f'contradicts [negation]: {seoul}: "Seoul says North Korea has not sent troops to Russia." (negated: \'has not sent\')'
    assert line in json.loads(render_sarif(report))["runs"][0]["results"][0]["message"]["text"]
    assert line in (ET.fromstring(render_junit(report)).find("testsuite/testcase/failure").text or "")  # type: ignore[union-attr]
    row = next(csv.DictReader(io.StringIO(render_csv(report), newline="")))
    assert row["evidence"] == line.replace('"', "")


@pytest.mark.parametrize("render", [render_sarif, render_junit, render_csv, render_markdown])
def test_same_report_gives_the_same_bytes(report: Report, render) -> None:  # type: ignore[no-untyped-def]
    assert render(report) == render(report)


@pytest.mark.parametrize("render", [render_sarif, render_junit, render_csv, render_markdown])
def test_empty_report_renders(render) -> None:  # type: ignore[no-untyped-def]
    report = Report(corpus=CorpusInfo(location="c", sources=0, origins=0, statements=0))
    assert render(report)


def test_a_baseline_count_is_carried_by_markdown_sarif_and_json(report: Report) -> None:
    baselined = report.model_copy(update={"baseline": BaselineInfo(file="known.json", suppressed=2)})
    assert "2 known findings suppressed by the baseline `known.json`." in render_markdown(baselined)
    assert "suppressed by the baseline" not in render_markdown(report)
    log = json.loads(render_sarif(baselined))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert log["runs"][0]["properties"]["baseline"] == {"file": "known.json", "suppressed": 2}
    assert "baseline" not in json.loads(render_sarif(report))["runs"][0]["properties"]
    assert baselined.model_dump(mode="json")["baseline"] == {"file": "known.json", "suppressed": 2}
    schema = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(json.dumps(baselined.model_dump(mode="json"))))
    assert "baseline" not in report.model_dump(mode="json")


# -- JSON schema ------------------------------------------------------------------------------


def test_published_json_schema_matches_the_report_model() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "gen_schema.py"))
    published = (ROOT / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8")
    assert published == script["render_schema"](), "run: python scripts/gen_schema.py"


def test_json_report_validates_against_the_published_schema(report: Report) -> None:
    schema = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    document = json.loads(json.dumps(report.model_dump(mode="json")))
    jsonschema.Draft202012Validator(schema).validate(document)
    broken = {**document, "verdicts": [{**document["verdicts"][0], "label": "probably-true"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


@pytest.mark.parametrize("output_format", ["table", "csv", "markdown", "sarif", "junit"])
def test_every_text_format_says_whom_a_source_relays(output_format, tmp_path) -> None:
    report = sample_report(tmp_path)
    relayed = report.verdicts[0].evidence[0].model_copy(update={"attributed_to": "Seoul's defence ministry"})
    verdict = report.verdicts[0].model_copy(update={"evidence": [relayed]})
    report = report.model_copy(update={"verdicts": [verdict, *report.verdicts[1:]]})

    text = render_report(report, output_format, evidence=True)

    assert "citing Seoul" in text.replace("&apos;", "'").replace("&#39;", "'")
    assert "defence ministry" in text


@pytest.mark.parametrize("output_format", ["table", "csv", "markdown", "sarif", "junit", "html"])
def test_every_text_format_says_who_confirmed_what_a_source_vouches_for(output_format, tmp_path) -> None:
    report = sample_report(tmp_path)
    vouched = report.verdicts[0].evidence[0].model_copy(update={"confirmed_by": "Seoul's defence ministry"})
    verdict = report.verdicts[0].model_copy(update={"evidence": [vouched]})
    report = report.model_copy(update={"verdicts": [verdict, *report.verdicts[1:]]})

    text = " ".join(render_report(report, output_format, evidence=True).replace("&apos;", "'").replace("&#39;", "'").split())

    assert "confirmed by Seoul's defence ministry" in text
    assert "citing Seoul" not in text
