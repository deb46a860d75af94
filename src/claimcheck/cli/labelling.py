"""The one code path of verify and check: settings, corpus, label, summary, CI rules, render, exit.

The commands differ only in what they label (the claims of articles, or claims typed), given here
as a `Labeller`. Exit status:

    1  a claim got a label named by --fail-on (after the baseline)
    3  otherwise, an input could not be read
    0  otherwise
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import click

from claimcheck.ci import apply_baseline, failing_verdicts, load_baseline, parse_labels, write_baseline
from claimcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT_FAILED,
    EXIT_OK,
    check_outputs,
    color_output,
    progress_bar,
    report_failures,
    summary_line,
    to_stdout,
    write_output,
)
from claimcheck.cli.options import LabelFlags
from claimcheck.config import OutputFormat, Settings, SortOrder
from claimcheck.ingest import ReadOptions
from claimcheck.ingest.lines import file_locator
from claimcheck.models import Report
from claimcheck.pipeline import Corpus, load_corpus
from claimcheck.report import render
from claimcheck.verdict import select_verdicts

# (corpus, settings, read options, on_report) -> the whole report. A labeller hands every part of the
# report to on_report as soon as it is done (verify: article by article; check: all at once).
Labeller = Callable[[Corpus, Settings, ReadOptions, Callable[[Report], None]], Report]
# pipeline.load_corpus, or one that indexes on a Dask cluster first (distributed.load_corpus_on_cluster).
CorpusLoader = Callable[..., Corpus]


def run_labelling(
    flags: LabelFlags, label: Labeller, *, articles: Sequence[str] = (), load: CorpusLoader = load_corpus
) -> NoReturn:
    """Label against the corpus, print the summary on stderr, write the report, exit with its status.

    JSON Lines to stdout stream: each part handed to on_report goes out at once (the baseline
    applied line by line); other formats are rendered once the whole report is in.
    """
    settings = flags.settings()
    check_outputs(flags.output_path, flags.write_baseline_path)
    read_options = flags.read_options(settings)
    with progress_bar("indexing corpus") as progress:
        corpus = load(
            resolve_corpus(flags.against, settings, articles), jobs=settings.jobs, store=settings.store,
            on_progress=progress, read_options=read_options, sync=not flags.no_sync,
        )
    # --sort worth needs every claim before the first can be written: no streaming then
    stream = (
        settings.format == OutputFormat.JSONL and to_stdout(flags.output_path) and not flags.write_baseline_path
        and settings.sort == SortOrder.INPUT
    )
    known = load_baseline(Path(settings.baseline)) if stream and settings.baseline else set()

    def emit(part: Report) -> None:
        if stream:
            click.echo(render(apply_baseline(selected(part, settings), known).report, OutputFormat.JSONL), nl=False)

    report = label(corpus, settings, read_options, emit)
    report = selected(report, settings, tell=True)
    counted = len({v.source for v in report.verdicts}) if articles else None
    click.echo(summary_line(report, articles=counted), err=True)
    report, exit_code = apply_ci(report, settings, write_baseline_path=flags.write_baseline_path)
    if not stream:
        text = render(
            report, settings.format, evidence=flags.evidence, color=color_output(flags.output_path),
            fail_on=settings.fail_on or ("contradicted",), locate=file_locator(),
        )
        write_output(text, flags.output_path)
    sys.exit(exit_code)


def selected(report: Report, settings: Settings, *, tell: bool = False) -> Report:
    """The report with the verdicts --min-worth keeps, in the --sort order; tell: say on stderr how many were left out.

    Left out before the baseline and --fail-on: a claim below the bar is neither shown nor failing.
    """
    verdicts = select_verdicts(report.verdicts, min_worth=settings.min_worth, by_worth=settings.sort == SortOrder.WORTH)
    dropped = len(report.verdicts) - len(verdicts)
    if tell and dropped:
        click.echo(
            f"claimcheck: {dropped} claim{'s' if dropped != 1 else ''} worth less than {settings.min_worth:g} "
            "left out (--min-worth)",
            err=True,
        )
    return report.model_copy(update={"verdicts": verdicts})


def resolve_corpus(against: Sequence[str], settings: Settings, articles: Sequence[str] = ()) -> list[str]:
    """--against, else the settings' corpus, else the folder of the first article."""
    if against:
        return list(against)
    if settings.corpus:
        return list(settings.corpus)
    for item in articles:
        if item == "-" or "://" in item:
            continue
        path = Path(item)
        return [str(path if path.is_dir() else path.parent)]
    raise click.UsageError("no corpus: pass --against PATH, or set 'corpus' in claimcheck.toml")


def apply_ci(report: Report, settings: Settings, *, write_baseline_path: str | None = None) -> tuple[Report, int]:
    """Apply the baseline, write a new one if asked, and return the report to render and the exit code."""
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
