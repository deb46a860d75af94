"""Report -> one self-contained HTML page: a summary, every claim with its evidence, filters.

The page is written by a Jinja2 template with autoescaping on (templates/report.html.j2): every
string from an article, a corpus or a user reaches the page escaped, so a sentence holding markup
shows as text. The decisive words of an evidence sentence are marked from segments computed here
(claimcheck.report.highlight), never by building markup in Python. The page loads nothing: its CSS
and script are inline, allowed by their sha256 in a Content-Security-Policy that forbids the rest.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

import jinja2

from claimcheck.ingest.lines import Locator, no_locator
from claimcheck.models import Evidence, Label, Report, Verdict
from claimcheck.report.highlight import Segment, claim_segments, decisive_segments

__all__ = ["LABEL_ORDER", "render_html", "render_template", "source_href"]

# The order of the summary and the filters: the labels that need a look first.
LABEL_ORDER: tuple[Label, ...] = ("contradicted", "single-sourced", "unmatched", "corroborated")

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("claimcheck.report", "templates"),
    autoescape=True,  # every template, whatever its name: the page is HTML
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@dataclass(frozen=True, slots=True)
class _EvidenceView:
    item: Evidence
    href: str | None
    segments: list[Segment]


@dataclass(frozen=True, slots=True)
class _ClaimView:
    verdict: Verdict
    href: str | None
    line: int | None
    context: list[Segment]  # the whole sentence, the claim marked in it when it is a part
    evidence: list[_EvidenceView]


@dataclass(frozen=True, slots=True)
class _ArticleView:
    source: str  # '' for claims typed to claimcheck check
    href: str | None
    claims: list[_ClaimView]


def source_href(source: str | None, *, cwd: Path | None = None) -> str | None:
    """Where a link to a source goes: its URL when it was fetched, a file:// URL for a path (made
    absolute from cwd, default the folder claimcheck runs in), None for standard input or no source."""
    if not source or source == "-":
        return None
    if source.startswith(("http://", "https://")):
        return source
    path = Path(source)
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    return path.as_uri()


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _static(name: str) -> str:
    loader = _ENV.loader
    assert loader is not None
    return loader.get_source(_ENV, name)[0]


def _claim_view(verdict: Verdict, locate: Locator, cwd: Path | None) -> _ClaimView:
    line = None
    if verdict.source and verdict.span:
        lines = locate(verdict.source, verdict.span, verdict.claim)
        line = lines[0] if lines is not None else None
    # The report holds the claim's sentence (slots), not the article's text: that is the context shown.
    sentence = verdict.slots.sentence if verdict.slots else verdict.claim
    evidence = [
        _EvidenceView(
            item=item,
            href=source_href(item.source, cwd=cwd),
            segments=decisive_segments(item.sentence, reason=item.reason, rule=item.rule, attributed_to=item.party),
        )
        for item in verdict.evidence
    ]
    return _ClaimView(verdict, source_href(verdict.source, cwd=cwd), line, claim_segments(sentence, verdict.claim), evidence)


def _articles(report: Report, locate: Locator, cwd: Path | None) -> list[_ArticleView]:
    """The claims grouped by article, in the report's order."""
    grouped: dict[str, list[Verdict]] = {}
    for verdict in report.verdicts:
        grouped.setdefault(verdict.source or "", []).append(verdict)
    return [
        _ArticleView(source, source_href(source, cwd=cwd), [_claim_view(verdict, locate, cwd) for verdict in verdicts])
        for source, verdicts in grouped.items()
    ]


def render_html(report: Report, *, locate: Locator | None = None, cwd: Path | None = None) -> str:
    """The report as one HTML page that needs nothing else (deterministic: no timestamps).

    locate gives line numbers (default: none); cwd is where relative paths in file:// links start
    (default: the current folder)."""
    css, script = _static("report.css"), _static("report.js")
    counts = {label: 0 for label in LABEL_ORDER}
    for verdict in report.verdicts:
        counts[verdict.label] += 1
    evidence_sources = sorted({item.source for verdict in report.verdicts for item in verdict.evidence})
    articles = _articles(report, locate or no_locator, cwd)
    return _ENV.get_template("report.html.j2").render(
        report=report,
        articles=articles,
        counts=counts,
        evidence_sources=evidence_sources,
        css=css,  # the page's own CSS and script, package files: inline, allowed by their hashes
        script=script,
        csp=f"default-src 'none'; style-src '{_csp_hash(css)}'; script-src '{_csp_hash(script)}'; "
        "base-uri 'none'; form-action 'none'",
    )


def render_template(name: str, **context: object) -> str:
    """A page of another template of templates/ (the claim map's), with the report's CSS inline and no
    script: its Content-Security-Policy allows that stylesheet alone."""
    css = _static("report.css")
    return _ENV.get_template(name).render(
        css=css, csp=f"default-src 'none'; style-src '{_csp_hash(css)}'; base-uri 'none'; form-action 'none'",
        **context,
    )
