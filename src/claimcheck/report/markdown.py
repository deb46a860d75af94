"""Report -> Markdown, for pull-request comments, GitHub job summaries and newsroom notes.

A count per label, then one section per article: each claim with its label, line and reason, and
under it the evidence sentences with the stance and rule that fired. Text from articles is
escaped so that it cannot turn into markup, links or HTML.
"""

from __future__ import annotations

import re
from typing import get_args

from claimcheck.ingest.lines import Locator, no_locator
from claimcheck.models import Evidence, Label, Report, Verdict
from claimcheck.report.evidence_text import party_note, reason_and_notes

__all__ = ["render_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_MARKS: dict[str, str] = {"supports": "supports", "contradicts": "**contradicts**", "mentions": "mentions"}
_LABEL_ORDER: tuple[Label, ...] = ("contradicted", "single-sourced", "unmatched", "corroborated")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _verdict_block(verdict: Verdict, locate: Locator) -> list[str]:
    where = ""
    if verdict.source and verdict.span:
        lines = locate(verdict.source, verdict.span, verdict.claim)
        if lines is not None:
            where = f" (line {lines[0]})"
    if verdict.published:
        where += f" (published {verdict.published})"
    block = [f"- **{verdict.label}**{where}: {_escape(verdict.claim)}", f"  - why: {_escape(verdict.reason)}"]
    for evidence in verdict.evidence:
        block.append(
            f"  - {_MARKS[evidence.stance]} — {_code(evidence.source)}{_dated(evidence)}{_citing(evidence)}: "
            f"“{_escape(evidence.sentence)}” ({_escape(reason_and_notes(evidence))}; rule `{evidence.rule}`)"
        )
    return block


def _dated(evidence: Evidence) -> str:
    return f", published {evidence.published}" if evidence.published else ""


def _citing(evidence: Evidence) -> str:
    party = party_note(evidence)
    return f" ({_escape(party)})" if party else ""


def render_markdown(report: Report, *, locate: Locator | None = None) -> str:
    """The report as GitHub-flavoured Markdown text (deterministic)."""
    locate = locate or no_locator
    corpus = report.corpus
    out = [
        "# claimcheck report",
        "",
        (
            f"Corpus: {_code(corpus.location)} — {corpus.sources} sources, {corpus.origins} independent origins, "
            f"{corpus.statements} sentences indexed."
        ),
        "",
        "| Label | Claims |",
        "| --- | ---: |",
    ]
    counts = {label: 0 for label in get_args(Label)}
    for verdict in report.verdicts:
        counts[verdict.label] += 1
    for label in _LABEL_ORDER:
        out.append(f"| {label} | {counts[label]} |")
    out.append(f"| **total** | **{len(report.verdicts)}** |")
    if report.baseline is not None:
        known = report.baseline.suppressed
        where = f" {_code(report.baseline.file)}" if report.baseline.file else ""
        out += ["", f"{known} known finding{'s' if known != 1 else ''} suppressed by the baseline{where}."]

    articles: dict[str, list[Verdict]] = {}
    for verdict in report.verdicts:
        articles.setdefault(verdict.source or "", []).append(verdict)
    for source, verdicts in articles.items():
        out += ["", f"## {_code(source) if source else 'Typed claims'}", ""]
        for verdict in verdicts:
            out += _verdict_block(verdict, locate)
    if not report.verdicts:
        out += ["", "No claims were found to check."]
    if report.failures:
        out += ["", "## Inputs that could not be read", ""]
        out += [f"- {_code(failure.input)}: {_escape(failure.reason)}" for failure in report.failures]
    return "\n".join(out) + "\n"
