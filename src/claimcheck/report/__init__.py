"""Report -> text in the format asked for. Renderers return text; they never print."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.models import Report
from claimcheck.report.csv_out import render_csv
from claimcheck.report.jsonout import render_json, render_jsonl, verdict_line
from claimcheck.report.junit import render_junit
from claimcheck.report.locate import Locator
from claimcheck.report.markdown import render_markdown
from claimcheck.report.sarif import render_sarif
from claimcheck.report.table import render_table

__all__ = [
    "FORMATS",
    "render",
    "render_csv",
    "render_json",
    "render_jsonl",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_table",
    "verdict_line",
]

FORMATS = ("table", "json", "jsonl", "csv", "markdown", "sarif", "junit")


def render(
    report: Report,
    output_format: str,
    *,
    evidence: bool = False,
    color: bool = False,
    fail_on: Iterable[str] = ("contradicted",),
    locate: Locator | None = None,
) -> str:
    """fail_on marks JUnit failures; locate gives line numbers (default: read the article files)."""
    if output_format == "json":
        return render_json(report)
    if output_format == "jsonl":
        return render_jsonl(report)
    if output_format == "csv":
        return render_csv(report, locate=locate)
    if output_format == "markdown":
        return render_markdown(report, locate=locate)
    if output_format == "sarif":
        return render_sarif(report, locate=locate)
    if output_format == "junit":
        return render_junit(report, fail_on=fail_on, locate=locate)
    return render_table(report, evidence=evidence, color=color)
