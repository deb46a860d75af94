"""claimcheck map: a corpus at a glance, its claims grouped into clusters across sources."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

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
from claimcheck.cli.options import cluster_option, jobs_option, output_option, settings_for, store_option
from claimcheck.config import Settings
from claimcheck.corpus import Corpus
from claimcheck.models import ClaimMap
from claimcheck.pipeline import load_corpus, map_corpus, select_clusters
from claimcheck.report.claim_map import MAP_FORMATS, render_map
from claimcheck.saved_checks import SavedChecks

if TYPE_CHECKING:
    from claimcheck.distributed import Cluster

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
@cluster_option
@output_option
@handle_errors
def command(
    corpus: tuple[str, ...], output_format: str, labels: tuple[str, ...], min_sources: int, about: str | None,
    recheck: bool, store: str | None, jobs: int | None, cluster: str | None, output_path: str | None,
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
      claimcheck map big-corpus/ --cluster local:2
    """
    settings = settings_for(store=store, jobs=jobs, cluster=cluster)
    check_outputs(output_path)
    if settings.cluster:
        from claimcheck.distributed import open_cluster  # Dask: only now

        with open_cluster(settings.cluster) as opened:
            claim_map, loaded, saved = _mapped(list(corpus), settings, recheck=recheck, cluster=opened)
    else:
        claim_map, loaded, saved = _mapped(list(corpus), settings, recheck=recheck)
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


def _mapped(
    inputs: list[str], settings: Settings, *, recheck: bool, cluster: Cluster | None = None
) -> tuple[ClaimMap, Corpus, SavedChecks | None]:
    """The claim map of the inputs, checked here or on the cluster's workers; the corpus; the verdicts kept."""
    with progress_bar("indexing corpus") as progress:
        if cluster is None:
            loaded = load_corpus(inputs, jobs=settings.jobs, store=settings.store, on_progress=progress)
        else:
            from claimcheck.distributed import load_corpus_on_cluster

            loaded = load_corpus_on_cluster(cluster, inputs, jobs=settings.jobs, store=settings.store, on_progress=progress)
    saved = None if recheck else SavedChecks.of(loaded, min_relevance=settings.min_relevance, use_model=True)
    with progress_bar("mapping") as progress:
        if cluster is None:
            claim_map = map_corpus(
                inputs, loaded, jobs=settings.jobs, min_relevance=settings.min_relevance, on_progress=progress, saved=saved
            )
        else:
            from claimcheck.distributed import map_corpus_on_cluster

            claim_map = map_corpus_on_cluster(
                cluster, inputs, loaded, min_relevance=settings.min_relevance, on_progress=progress, saved=saved
            )
    return claim_map, loaded, saved
