"""The command line: a thin layer over claimcheck's library API.

Each command lives in its own module and is registered here; they share the options and
error handling of claimcheck.cli.common.
"""

from __future__ import annotations

import logging

import click

from claimcheck import __version__
from claimcheck.workers import EXIT_INTERRUPTED, leave_now


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="claimcheck")
def cli() -> None:
    """Check the factual claims of news articles against a corpus of other sources.

    \b
    Examples:
      claimcheck verify article.txt --against corpus/
      claimcheck check "North Korea has sent about 10,000 troops to Russia" --against corpus/
      claimcheck extract --format jsonl page.html
    """
    # stamina reports each retry of a fetch at WARNING; with no handler Python's last-resort handler
    # would print it over the command's own messages. The command decides, not the library at import.
    stamina_log = logging.getLogger("stamina")
    if not stamina_log.handlers:
        stamina_log.addHandler(logging.NullHandler())


def _register() -> None:
    from claimcheck.cli import check_cmd, extract_cmd, fetch_cmd, index_cmd, map_cmd, verify_cmd

    for module in (verify_cmd, check_cmd, map_cmd, index_cmd, extract_cmd, fetch_cmd):
        cli.add_command(module.command)


_register()


def main() -> None:
    try:
        cli(prog_name="claimcheck")
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:
            leave_now(EXIT_INTERRUPTED)
        raise
