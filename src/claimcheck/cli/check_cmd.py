"""claimcheck check: label claims a user types, or a file of them, against a corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli.ci_options import (
    apply_ci,
    check_labels,
    ci_options,
    color_output,
    jobs_option,
    progress_bar,
    store_option,
    summary_line,
)
from claimcheck.cli.common import check_outputs, format_option, handle_errors, write_output
from claimcheck.cli.corpus_options import against_option, evidence_option, resolve_corpus, settings_for
from claimcheck.cli.fetch_cmd import web_options, web_read_options
from claimcheck.ingest.claims import ClaimsFile, read_claims_file
from claimcheck.pipeline import check_texts, load_corpus
from claimcheck.report import FORMATS, render


@click.command("check")
@click.argument("claims", nargs=-1, metavar="[CLAIM]...")
@click.option("--claims", "claims_file", type=click.Path(dir_okay=False), default=None,
              help="A file of claims: JSON Lines {\"id\", \"text\"}, or plain text with one claim a line.")
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
    claims: tuple[str, ...], claims_file: str | None, against: tuple[str, ...], store: str | None, jobs: int | None,
    output_format: str | None, evidence: bool, fail_on: tuple[str, ...], baseline: str | None,
    write_baseline_path: str | None, output_path: str | None, offline: bool, refresh: bool, allow_private: bool,
    cache_dir, timeout_s: float | None,
) -> None:
    """Label typed claims against a corpus: corroborated needs two independent sources;
    unmatched means nothing in the corpus speaks to the claim.

    Exit status: 1 when a claim gets a --fail-on label (after --baseline), 3 when an input could
    not be read, else 0.

    \b
    Examples:
      claimcheck check "North Korea has sent about 10,000 troops to Russia" --against fixtures/articles/
      claimcheck check --claims claims.jsonl --against corpus/ --format jsonl
      claimcheck check --claims watchlist.txt --against corpus/ --fail-on contradicted --format sarif -o out.sarif
    """
    texts: list[tuple[str | None, str]] = [(None, text) for text in claims]
    claims_read = read_claims_file(Path(claims_file)) if claims_file else ClaimsFile()
    texts.extend(claims_read.claims)
    if not texts:
        raise click.UsageError("give a claim to check, or --claims FILE")
    settings = settings_for(format=output_format, store=store, jobs=jobs, fail_on=list(fail_on), baseline=baseline)
    check_labels(settings)
    check_outputs(output_path, write_baseline_path)
    read_options = web_read_options(
        offline=offline, refresh=refresh, allow_private=allow_private, cache_dir=cache_dir, timeout_s=timeout_s
    )
    with progress_bar("indexing corpus") as progress:
        corpus = load_corpus(
            resolve_corpus(against, settings), jobs=settings.jobs, store=settings.store, on_progress=progress,
            read_options=read_options,
        )
    report = check_texts(texts, corpus, min_relevance=settings.min_relevance, failures=claims_read.failures)
    click.echo(summary_line(report), err=True)
    report, exit_code = apply_ci(report, settings, write_baseline_path=write_baseline_path)
    text = render(
        report, settings.format, evidence=evidence, color=color_output(output_path),
        fail_on=settings.fail_on or ("contradicted",),
    )
    write_output(text, output_path)
    sys.exit(exit_code)

