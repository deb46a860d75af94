"""What every command shares: messages on stderr, progress, exit codes, error translation, writing output."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

import click

from claimcheck.atomic import check_writable, write_atomic
from claimcheck.ci import LABELS
from claimcheck.errors import ClaimcheckError
from claimcheck.models import ReadFailure, Report
from claimcheck.workers import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT_FAILED = 3

F = TypeVar("F", bound=Callable[..., Any])
Progress = Callable[[str, int, int], None]


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
            # From here on a second Ctrl-C (or the interrupt handler's pending reminder) must not cut the way
            # out short: click would turn it into "Aborted!" and exit 1 through the interpreter's exit handlers,
            # where multiprocessing waits for ever on the queues of the stopped workers (workers.leave_now).
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            # Before click turns it into "Aborted!" and exit 1, the findings code.
            click.echo(INTERRUPTED_MESSAGE, err=True)
            sys.exit(EXIT_INTERRUPTED)

    return wrapper  # type: ignore[return-value]


def to_stdout(destination: str | None) -> bool:
    return destination is None or destination == "-"


def write_output(text: str, destination: str | None = None) -> None:
    """Data goes to stdout, or atomically to a file with -o."""
    if to_stdout(destination):
        click.echo(text, nl=not text.endswith("\n"))
        return
    assert destination is not None
    write_atomic(destination, text)


def check_outputs(output_path: str | None, baseline_path: str | None = None) -> None:
    """Fail before any work when -o or --write-baseline cannot be written (OutputPathError: one line, exit 2)."""
    check_writable(output_path)
    check_writable(baseline_path, what="baseline")


def color_output(output_path: str | None) -> bool:
    return to_stdout(output_path) and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@contextmanager
def progress_bar(description: str) -> Iterator[Progress]:
    """A rich progress bar on stderr when it is a terminal; a no-op callback otherwise (piped, CI logs)."""
    console = stderr_console()
    if not console.is_terminal or os.environ.get("CI"):
        yield lambda source, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)

        def update(source: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def summary_line(report: Report, *, articles: int | None = None) -> str:
    """'claimcheck: 2 articles, 9 claims: 3 corroborated, ...' (no article count for typed claims)."""
    counts = {label: 0 for label in LABELS}
    for verdict in report.verdicts:
        counts[verdict.label] += 1
    parts = ", ".join(f"{counts[label]} {label}" for label in LABELS)
    total = len(report.verdicts)
    read = f"{articles} article{'s' if articles != 1 else ''}, " if articles is not None else ""
    return f"claimcheck: {read}{total} claim{'s' if total != 1 else ''}: {parts}"
