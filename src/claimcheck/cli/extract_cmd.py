"""claimcheck extract: show what claimcheck reads from each input."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli.common import EXIT_INPUT_FAILED, EXIT_OK, handle_errors, report_failures, write_output
from claimcheck.cli.options import WebFlags, format_option, output_option, settings_for, web_options
from claimcheck.ingest import read_inputs
from claimcheck.report.articles import ARTICLE_FORMATS, render_articles


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@format_option(ARTICLE_FORMATS)
@output_option
@web_options
@handle_errors
def command(
    inputs: tuple[str, ...], output_format: str | None, output_path: str | None, offline: bool, refresh: bool,
    allow_private: bool, cache_dir: Path | None, timeout_s: float | None,
) -> None:
    """Show the article text and metadata read from files, folders, URLs, URL lists or '-' (stdin).

    \b
    Examples:
      claimcheck extract --format jsonl fixtures/articles/
      claimcheck extract https://example.org/story
    """
    web = WebFlags(offline=offline, refresh=refresh, allow_private=allow_private, cache_dir=cache_dir, timeout_s=timeout_s)
    articles, failures = read_inputs(inputs, options=web.read_options(settings_for(cache_dir=cache_dir)))
    write_output(render_articles(articles, failures, output_format or "table"), output_path)
    sys.exit(EXIT_INPUT_FAILED if report_failures(failures) else EXIT_OK)
