"""Report -> CSV, one row per claim, for spreadsheets and data tools.

Columns are fixed (CSV_COLUMNS) and the text is RFC 4180 (comma, double quotes, CRLF). Text
cells that a spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe,
the usual guard against formula injection through article text. Inputs that could not be read
are not rows: they are in the JSON output and on standard error.
"""

from __future__ import annotations

import csv
import io

from claimcheck.ci import finding_key, is_finding
from claimcheck.ingest.lines import Locator, no_locator
from claimcheck.models import Report, Verdict
from claimcheck.report.evidence_text import evidence_line

__all__ = ["CSV_COLUMNS", "render_csv"]

CSV_COLUMNS = (
    "source",
    "line",
    "claim_id",
    "name",
    "label",
    "claim",
    "reason",
    "supporting_origins",
    "contradicting_origins",
    "evidence_count",
    "evidence",
    "finding_key",
    "published",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _evidence(verdict: Verdict) -> str:
    return " | ".join(evidence_line(evidence, quoted=False) for evidence in verdict.evidence)


def render_csv(report: Report, *, locate: Locator | None = None) -> str:
    """The report's verdicts as CSV text with a header row."""
    locate = locate or no_locator
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for verdict in report.verdicts:
        lines = locate(verdict.source, verdict.span, verdict.claim) if verdict.source and verdict.span else None
        writer.writerow(
            (
                _cell(verdict.source or ""),
                lines[0] if lines else "",
                verdict.id,
                _cell(verdict.name),
                verdict.label,
                _cell(verdict.claim),
                _cell(verdict.reason),
                verdict.supporting_origins,
                verdict.contradicting_origins,
                len(verdict.evidence),
                _cell(_evidence(verdict)),
                finding_key(verdict) if is_finding(verdict) else "",
                verdict.published or "",
            )
        )
    return buffer.getvalue()
