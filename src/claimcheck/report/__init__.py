"""Report -> text in the format asked for. Renderers return text; they never print, nor read files.

Each OutputFormat (claimcheck.config) has one renderer in RENDERERS; line numbers come from a
locator the caller passes in (claimcheck.ingest.lines).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimcheck.config import FORMAT_NAMES, OutputFormat
from claimcheck.errors import ConfigError
from claimcheck.ingest.lines import Locator, no_locator
from claimcheck.models import Report
from claimcheck.report.csv_out import render_csv
from claimcheck.report.html import render_html
from claimcheck.report.jsonout import render_json, render_jsonl, verdict_line
from claimcheck.report.junit import render_junit
from claimcheck.report.markdown import render_markdown
from claimcheck.report.sarif import render_sarif
from claimcheck.report.table import render_table

__all__ = [
    "RENDERERS",
    "RenderOptions",
    "render",
    "render_csv",
    "render_html",
    "render_json",
    "render_jsonl",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_table",
    "verdict_line",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderOptions:
    """What some formats take beside the report; each renderer reads the options it has a use for."""

    evidence: bool = False  # table: the sentences behind each label
    color: bool = False  # table: ANSI colour
    fail_on: tuple[str, ...] = ("contradicted",)  # junit: labels that are failures
    locate: Locator = no_locator  # csv, markdown, sarif, junit, html: line numbers


RENDERERS: dict[OutputFormat, Callable[[Report, RenderOptions], str]] = {
    OutputFormat.TABLE: lambda report, o: render_table(report, evidence=o.evidence, color=o.color),
    OutputFormat.JSON: lambda report, o: render_json(report),
    OutputFormat.JSONL: lambda report, o: render_jsonl(report),
    OutputFormat.CSV: lambda report, o: render_csv(report, locate=o.locate),
    OutputFormat.MARKDOWN: lambda report, o: render_markdown(report, locate=o.locate),
    OutputFormat.SARIF: lambda report, o: render_sarif(report, locate=o.locate),
    OutputFormat.JUNIT: lambda report, o: render_junit(report, fail_on=o.fail_on, locate=o.locate),
    OutputFormat.HTML: lambda report, o: render_html(report, locate=o.locate),
}


def render(
    report: Report,
    output_format: OutputFormat | str,
    *,
    evidence: bool = False,
    color: bool = False,
    fail_on: Iterable[str] = ("contradicted",),
    locate: Locator | None = None,
) -> str:
    """The report in output_format. fail_on marks JUnit failures; locate gives line numbers (default: none)."""
    if output_format not in FORMAT_NAMES:
        raise ConfigError(f"unknown format {output_format!r}; choose from {', '.join(FORMAT_NAMES)}")
    options = RenderOptions(evidence=evidence, color=color, fail_on=tuple(fail_on), locate=locate or no_locator)
    return RENDERERS[OutputFormat(output_format)](report, options)
