"""What every command shares: output formats, messages on stderr, exit codes, error translation."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

import click

from claimcheck.errors import ClaimcheckError
from claimcheck.models import ReadFailure
from claimcheck.workers import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT_FAILED = 3

FORMATS = ("table", "json", "jsonl")

F = TypeVar("F", bound=Callable[..., Any])


def format_option(choices: Iterable[str] = FORMATS, default: str | None = None) -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        help="Output format (default: table, or the 'format' setting).",
    )


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, no_color="NO_COLOR" in os.environ, highlight=False, soft_wrap=True)


def report_failures(failures: Iterable[ReadFailure]) -> int:
    """One line per failed input on stderr; returns how many."""
    count = 0
    for failure in failures:
        click.echo(f"claimcheck: {failure.input}: {failure.reason}", err=True)
        count += 1
    return count


def handle_errors(func: F) -> F:
    """Library errors -> one clean line and exit code 2, Ctrl-C -> one line and 130; CLAIMCHECK_DEBUG=1 shows the traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimcheckError as exc:
            if os.environ.get("CLAIMCHECK_DEBUG"):
                raise
            click.echo(f"claimcheck: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            # Before click turns it into "Aborted!" and exit 1, the findings code.
            click.echo(INTERRUPTED_MESSAGE, err=True)
            sys.exit(EXIT_INTERRUPTED)

    return wrapper  # type: ignore[return-value]


def check_outputs(output_path: str | None, baseline_path: str | None = None) -> None:
    """Fail before any work when -o or --write-baseline cannot be written (OutputPathError: one line, exit 2)."""
    from claimcheck.outputs import check_writable

    check_writable(output_path)
    check_writable(baseline_path, what="baseline")


def write_output(text: str, destination: str | None = None) -> None:
    """Data goes to stdout, or atomically to a file with -o."""
    if destination is None or destination == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    from claimcheck.outputs import write_atomic

    write_atomic(destination, text)
