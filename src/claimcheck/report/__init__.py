"""Report -> text in the format asked for. Renderers return text; they never print."""

from __future__ import annotations

from claimcheck.models import Report
from claimcheck.report.jsonout import render_json, render_jsonl, verdict_line
from claimcheck.report.table import render_table

__all__ = ["FORMATS", "render", "render_json", "render_jsonl", "render_table", "verdict_line"]

FORMATS = ("table", "json", "jsonl")


def render(report: Report, output_format: str, *, evidence: bool = False, color: bool = False) -> str:
    if output_format == "json":
        return render_json(report)
    if output_format == "jsonl":
        return render_jsonl(report)
    return render_table(report, evidence=evidence, color=color)
