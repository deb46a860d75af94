"""claimcheck verify: label every claim of an article against a corpus."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import EXIT_INPUT_FAILED, EXIT_OK, format_option, handle_errors, report_failures, write_output
from claimcheck.cli.corpus_options import against_option, evidence_option, resolve_corpus, settings_for
from claimcheck.pipeline import load_corpus, verify_articles
from claimcheck.report import render


@click.command("verify")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@against_option
@format_option()
@evidence_option
@click.option("-o", "--output", "output_path", default=None, help="Write to this file (atomically) instead of stdout.")
@handle_errors
def command(
    articles: tuple[str, ...], against: tuple[str, ...], output_format: str | None, evidence: bool,
    output_path: str | None,
) -> None:
    """Label every factual claim of ARTICLE (file, folder or '-') against a corpus.

    Each claim is corroborated, contradicted or single-sourced, counting independent sources
    (one file or outlet is one source; copies of one story are one).

    \b
    Example:
      claimcheck verify fixtures/articles/002_1375dabaa46a4f12.txt --against fixtures/articles/ --evidence
    """
    settings = settings_for(format=output_format)
    corpus = load_corpus(resolve_corpus(against, settings, articles), jobs=settings.jobs)
    report = verify_articles(articles, corpus, min_relevance=settings.min_relevance)
    write_output(render(report, settings.format, evidence=evidence, color=_color(output_path)), output_path)
    sys.exit(EXIT_INPUT_FAILED if report_failures(report.failures) else EXIT_OK)


def _color(output_path: str | None) -> bool:
    import os

    return output_path is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
