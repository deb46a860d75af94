"""claimcheck verify: label every claim of an article against a corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.ci import apply_baseline, load_baseline
from claimcheck.cli.ci_options import (
    apply_ci,
    check_labels,
    ci_options,
    color_output,
    jobs_option,
    progress_bar,
    store_option,
    summary_line,
    verify_each,
)
from claimcheck.cli.common import check_outputs, format_option, handle_errors, write_output
from claimcheck.cli.corpus_options import against_option, evidence_option, resolve_corpus, settings_for
from claimcheck.cli.fetch_cmd import web_options, web_read_options
from claimcheck.models import Report
from claimcheck.pipeline import load_corpus
from claimcheck.report import FORMATS, render


@click.command("verify")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@against_option
@store_option
@jobs_option
@format_option(FORMATS)
@evidence_option
@ci_options
@click.option("-o", "--output", "output_path", default=None, help="Write to this file (atomically) instead of stdout.")
@web_options
@handle_errors
def command(
    articles: tuple[str, ...], against: tuple[str, ...], store: str | None, jobs: int | None,
    output_format: str | None, evidence: bool, fail_on: tuple[str, ...], baseline: str | None,
    write_baseline_path: str | None, output_path: str | None, offline: bool, refresh: bool, allow_private: bool,
    cache_dir, timeout_s: float | None,
) -> None:
    """Label every factual claim of ARTICLE (file, folder or '-') against a corpus.

    Each claim is corroborated, contradicted or single-sourced, counting independent sources
    (one file or outlet is one source; copies of one story are one).

    A corpus folder is indexed in its store (see `claimcheck index`). Exit status: 1 when a
    claim gets a --fail-on label (after --baseline), 3 when an input could not be read, else 0.

    \b
    Examples:
      claimcheck verify fixtures/articles/002_1375dabaa46a4f12.txt --against fixtures/articles/ --evidence
      claimcheck verify drafts/ --against corpus/ --fail-on contradicted --format sarif -o results.sarif
    """
    settings = settings_for(format=output_format, store=store, jobs=jobs, fail_on=list(fail_on), baseline=baseline)
    check_labels(settings)
    check_outputs(output_path, write_baseline_path)
    read_options = web_read_options(
        offline=offline, refresh=refresh, allow_private=allow_private, cache_dir=cache_dir, timeout_s=timeout_s
    )
    with progress_bar("indexing corpus") as progress:
        corpus = load_corpus(
            resolve_corpus(against, settings, articles), jobs=settings.jobs, store=settings.store,
            on_progress=progress, read_options=read_options,
        )
    stream = settings.format == "jsonl" and output_path in (None, "-") and not write_baseline_path
    known = load_baseline(Path(settings.baseline)) if stream and settings.baseline else set()

    def emit(part: Report) -> None:
        # JSON Lines go out as each article is done; the baseline applies line by line.
        if stream:
            click.echo(render(apply_baseline(part, known).report, "jsonl"), nl=False)

    with progress_bar("verifying") as progress:
        report = verify_each(
            articles, corpus, min_relevance=settings.min_relevance, jobs=settings.jobs, read_options=read_options,
            on_report=emit,
            on_progress=progress,
        )
    click.echo(summary_line(report, articles=len({v.source for v in report.verdicts})), err=True)
    report, exit_code = apply_ci(report, settings, write_baseline_path=write_baseline_path)
    if not stream:
        text = render(
            report, settings.format, evidence=evidence, color=color_output(output_path),
            fail_on=settings.fail_on or ("contradicted",),
        )
        write_output(text, output_path)
    sys.exit(exit_code)

