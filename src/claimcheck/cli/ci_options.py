"""Options for running claimcheck in CI and over whole folders: store, jobs, fail-on, baseline, progress.

The decisions live in claimcheck.ci (pure functions); this module turns flags and settings into
calls to it, prints the one-line summaries on stderr, and picks the exit code:

    1  a claim got a label named by --fail-on (after the baseline)
    3  otherwise, an input could not be read
    0  otherwise
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from claimcheck.ci import (
    LABELS,
    apply_baseline,
    failing_verdicts,
    load_baseline,
    parse_labels,
    write_baseline,
)
from claimcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT_FAILED,
    EXIT_OK,
    report_failures,
    stderr_console,
)
from claimcheck.config import Settings
from claimcheck.models import Report

F = TypeVar("F", bound=Callable[..., Any])
Progress = Callable[[str, int, int], None]


def store_option(func: F) -> F:
    return click.option(
        "--store",
        "store",
        default=None,
        metavar="PATH",
        help="Where the corpus index lives (default: .claimcheck/ inside the corpus folder, or the 'store' setting).",
    )(func)


def jobs_option(func: F) -> F:
    return click.option(
        "--jobs", "-j", "jobs", type=click.IntRange(1, 64), default=None,
        help="Processes for language processing (default: 1, or the 'jobs' setting).",
    )(func)


def ci_options(func: F) -> F:
    """--fail-on, --baseline and --write-baseline."""
    func = click.option(
        "--write-baseline", "write_baseline_path", default=None, metavar="FILE",
        help="Record every current finding in FILE, to be ignored by later runs with --baseline FILE.",
    )(func)
    func = click.option(
        "--baseline", "baseline", default=None, metavar="FILE",
        help="Ignore the findings recorded in FILE (written by --write-baseline); default: the 'baseline' setting.",
    )(func)
    func = click.option(
        "--fail-on", "fail_on", multiple=True, metavar="LABEL[,LABEL]",
        help="Exit 1 when a claim gets one of these labels: contradicted, single-sourced, unmatched (repeatable).",
    )(func)
    return func


def check_labels(settings: Settings) -> None:
    """Refuse unknown --fail-on labels before any work is done."""
    parse_labels(settings.fail_on)


def apply_ci(report: Report, settings: Settings, *, write_baseline_path: str | None = None) -> tuple[Report, int]:
    """Apply the baseline, write a new one if asked, and return the report to render and the exit code."""
    suppressed = []
    if settings.baseline and not write_baseline_path:
        baselined = apply_baseline(report, load_baseline(Path(settings.baseline)), file=settings.baseline)
        report, suppressed = baselined.report, baselined.suppressed
        if suppressed:
            click.echo(
                f"claimcheck: {len(suppressed)} known finding{'s' if len(suppressed) != 1 else ''} "
                f"suppressed by the baseline {settings.baseline}",
                err=True,
            )
    if write_baseline_path:
        written = write_baseline(report, Path(write_baseline_path))
        click.echo(f"claimcheck: wrote {written} finding{'s' if written != 1 else ''} to {write_baseline_path}", err=True)
    failing = [] if write_baseline_path else failing_verdicts(report, settings.fail_on)
    failed_inputs = report_failures(report.failures)
    if failing:
        labels = ", ".join(parse_labels(settings.fail_on))
        click.echo(
            f"claimcheck: {len(failing)} claim{'s' if len(failing) != 1 else ''} labelled {labels} (--fail-on)",
            err=True,
        )
        return report, EXIT_FINDINGS
    return report, EXIT_INPUT_FAILED if failed_inputs else EXIT_OK


@contextmanager
def progress_bar(description: str) -> Iterator[Progress]:
    """A rich progress bar on stderr when it is a terminal; a no-op callback otherwise (piped, CI logs)."""
    console = stderr_console()
    if not console.is_terminal or os.environ.get("CI"):
        yield lambda source, done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True,
    ) as progress:
        task = progress.add_task(description, total=None)

        def update(source: str, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update


def color_output(output_path: str | None) -> bool:
    return (output_path is None or output_path == "-") and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def verify_each(
    inputs: Sequence[str],
    corpus: Any,
    *,
    min_relevance: float,
    jobs: int = 1,
    read_options: dict[str, Any] | None = None,
    on_report: Callable[[Report], None] | None = None,
    on_progress: Progress | None = None,
) -> Report:
    """Verify article by article, handing each article's report to on_report as soon as it is done.

    Returns the whole report, the same as verifying all articles at once.
    """
    from claimcheck.pipeline import iter_verified, merge_reports

    parts: list[Report] = []
    for part in iter_verified(
        inputs, corpus, jobs=jobs, min_relevance=min_relevance, read_options=read_options, on_progress=on_progress
    ):
        parts.append(part)
        if on_report is not None:
            on_report(part)
    return merge_reports(parts, corpus)


def summary_line(report: Report, *, articles: int | None = None) -> str:
    """'claimcheck: 2 articles, 9 claims: 3 corroborated, ...' (no article count for typed claims)."""
    counts = {label: 0 for label in LABELS}
    for verdict in report.verdicts:
        counts[verdict.label] += 1
    parts = ", ".join(f"{counts[label]} {label}" for label in LABELS)
    total = len(report.verdicts)
    read = f"{articles} article{'s' if articles != 1 else ''}, " if articles is not None else ""
    return f"claimcheck: {read}{total} claim{'s' if total != 1 else ''}: {parts}"
