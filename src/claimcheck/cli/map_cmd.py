"""claimcheck map: a corpus at a glance, its claims grouped into clusters across sources."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import (
    EXIT_INPUT_FAILED,
    EXIT_OK,
    check_outputs,
    color_output,
    handle_errors,
    progress_bar,
    report_failures,
    write_output,
)
from claimcheck.cli.options import jobs_option, output_option, settings_for, store_option
from claimcheck.pipeline import load_corpus, map_corpus, select_clusters
from claimcheck.report.claim_map import MAP_FORMATS, render_map
from claimcheck.saved_checks import SavedChecks

_CLUSTER_LABELS = ("contradicted", "corroborated", "single-sourced")


@click.command("map")
@click.argument("corpus", nargs=-1, required=True, metavar="CORPUS_DIR...")
@click.option(
    "--format", "output_format", type=click.Choice(MAP_FORMATS), default="table", show_default=True,
    help="Output format.",
)
@click.option(
    "--label", "labels", multiple=True, type=click.Choice(_CLUSTER_LABELS),
    help="Show only clusters with this label (repeatable).",
)
@click.option(
    "--min-sources", "min_sources", type=click.IntRange(min=0), default=0, metavar="N",
    help="Show only clusters asserted by at least N independent origins (copies and one outlet count once).",
)
@click.option(
    "--about", "about", default=None, metavar="TEXT",
    help="Show only clusters with a claim whose sentence holds every content word of TEXT.",
)
@click.option(
    "--recheck", is_flag=True,
    help="Check every article again instead of reusing the verdicts an earlier map kept in the store "
    "(they are reused only while the corpus, claimcheck and the settings are unchanged).",
)
@store_option
@jobs_option
@output_option
@handle_errors
def command(
    corpus: tuple[str, ...], output_format: str, labels: tuple[str, ...], min_sources: int, about: str | None,
    recheck: bool, store: str | None, jobs: int | None, output_path: str | None,
) -> None:
    """Group the claims of every article of CORPUS_DIR into claim clusters.

    Each article is checked against the others; a claim and the claims of the sentences that support
    it are one cluster (docs/labels.md#claim-clusters). Clusters that conflict come first, then those
    asserted by the most independent origins, then single-sourced ones. Each article's verdicts are
    kept in the corpus store: a map run again over the unchanged corpus, or resumed after an
    interruption, checks only the articles not checked yet. Exit status: 3 when an input could not be
    read, else 0.

    \b
    Examples:
      claimcheck map fixtures/articles/
      claimcheck map corpus/ --label contradicted --min-sources 2 --format json -o map.json
      claimcheck map corpus/ --about "North Korean troops"
    """
    settings = settings_for(store=store, jobs=jobs)
    check_outputs(output_path)
    with progress_bar("indexing corpus") as progress:
        loaded = load_corpus(list(corpus), jobs=settings.jobs, store=settings.store, on_progress=progress)
    saved = None if recheck else SavedChecks.of(loaded, min_relevance=settings.min_relevance, use_model=True)
    with progress_bar("mapping") as progress:
        claim_map = map_corpus(
            list(corpus), loaded, jobs=settings.jobs, min_relevance=settings.min_relevance, on_progress=progress,
            saved=saved,
        )
    if saved is not None and saved.reused:
        click.echo(
            f"claimcheck: the verdicts of {saved.reused} of {claim_map.corpus.sources} articles were reused from "
            "the store (corpus, claimcheck and settings unchanged since they were made; --recheck checks them again)",
            err=True,
        )
    if saved is not None and saved.unsaved:
        click.echo(f"claimcheck: note: verdicts not kept for the next map: {saved.unsaved}", err=True)
    shown = select_clusters(claim_map, loaded, labels=labels, min_origins=min_sources, about=about)
    left_out = len(claim_map.clusters) - len(shown.clusters)
    click.echo(
        f"claimcheck: {claim_map.corpus.sources} articles, {len(claim_map.clusters)} claim clusters"
        + (f", {left_out} left out by the filters" if left_out else ""),
        err=True,
    )
    write_output(render_map(shown, output_format, color=color_output(output_path)), output_path)
    sys.exit(EXIT_INPUT_FAILED if report_failures(shown.failures) else EXIT_OK)
