"""claimcheck fetch: save web pages as corpus files, so that a corpus is built once and checked offline.

Also home of the options every command that reads URLs shares (`web_options`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from claimcheck.cli.common import EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, handle_errors, report_failures
from claimcheck.ingest import FetchSettings, read_inputs, save_article

F = TypeVar("F", bound=Callable[..., Any])

_WEB_OPTIONS = (
    click.option("--offline", is_flag=True, help="Read URLs from the page cache only; never touch the network."),
    click.option("--refresh", is_flag=True, help="Fetch URLs again even when the page cache has them."),
    click.option(
        "--allow-private",
        is_flag=True,
        help="Allow URLs whose host is on a private, loopback or link-local address (refused by default).",
    ),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Page cache folder (default: $CLAIMCHECK_CACHE_DIR or ~/.cache/claimcheck/pages).",
    ),
    click.option(
        "--timeout",
        "timeout_s",
        type=click.FloatRange(min=0.1),
        default=None,
        help="Seconds to wait for a server to connect or send data (default 10 to connect, 20 to send).",
    ),
)


def web_options(func: F) -> F:
    """Add --offline, --refresh, --allow-private, --cache-dir and --timeout to a command."""
    for option in reversed(_WEB_OPTIONS):
        func = option(func)
    return func


def web_read_options(
    *, offline: bool, refresh: bool, allow_private: bool, cache_dir: Path | None, timeout_s: float | None
) -> dict[str, Any]:
    """The keyword options of claimcheck.ingest.read_inputs that the web options stand for."""
    if offline and refresh:
        raise click.UsageError("--offline and --refresh contradict each other: pick one")
    settings = FetchSettings() if timeout_s is None else FetchSettings(connect_timeout_s=timeout_s, read_timeout_s=timeout_s)
    return {
        "offline": offline,
        "refresh": refresh,
        "allow_private": allow_private,
        "cache_dir": cache_dir,
        "fetch_settings": settings,
    }


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
    options = web_read_options(
        offline=offline, refresh=refresh, allow_private=allow_private, cache_dir=cache_dir, timeout_s=timeout_s
    )
    articles, failures = read_inputs(inputs, **options)
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
