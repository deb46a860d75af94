"""claimcheck fetch: save web pages as corpus files, so that a corpus is built once and checked offline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli.common import EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, handle_errors, report_failures
from claimcheck.cli.options import WebFlags, settings_for, web_options
from claimcheck.ingest import read_inputs, save_article


@click.command("fetch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the corpus files into (created when missing).",
)
@web_options
@handle_errors
def command(
    inputs: tuple[str, ...],
    out_dir: Path,
    offline: bool,
    refresh: bool,
    allow_private: bool,
    cache_dir: Path | None,
    timeout_s: float | None,
) -> None:
    """Save the article of each URL (or of each URL in a list file) as a corpus file with its metadata.

    Each page becomes one text file in --out with a header holding its title, outlet, author,
    date and URL; `claimcheck verify ... --against DIR` reads them back, offline. The paths
    written are printed on stdout, failures on stderr (exit code 3 when any input failed).

    \b
    Examples:
      claimcheck fetch https://example.org/story https://example.com/report --out corpus/
      claimcheck fetch sources.urls --out corpus/
    """
    web = WebFlags(offline=offline, refresh=refresh, allow_private=allow_private, cache_dir=cache_dir, timeout_s=timeout_s)
    articles, failures = read_inputs(inputs, options=web.read_options(settings_for(cache_dir=cache_dir)))
    for article in articles:
        try:
            path = save_article(article, out_dir)
        except OSError as exc:
            click.echo(f"claimcheck: error: cannot write into {out_dir}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
        click.echo(str(path))
    failed = report_failures(failures)
    click.echo(f"claimcheck: saved {len(articles)} article(s) into {out_dir}, {failed} input(s) failed", err=True)
    sys.exit(EXIT_INPUT_FAILED if failed else EXIT_OK)
