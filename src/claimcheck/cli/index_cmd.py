"""claimcheck index: read a corpus folder into its store, so that checks against it start at once."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import (
    EXIT_INPUT_FAILED,
    EXIT_OK,
    handle_errors,
    progress_bar,
    report_failures,
)
from claimcheck.cli.options import cluster_option, jobs_option, settings_for, store_option
from claimcheck.errors import CorpusError
from claimcheck.indexing import open_store, store_location, sync_store
from claimcheck.store import store_size_bytes


@click.command("index")
@click.argument("corpus", nargs=-1, required=True, metavar="CORPUS_DIR...")
@store_option
@jobs_option
@cluster_option
@handle_errors
def command(corpus: tuple[str, ...], store: str | None, jobs: int | None, cluster: str | None) -> None:
    """Index the articles of CORPUS_DIR in its store (CORPUS_DIR/.claimcheck/ unless --store).

    Later runs, and every `verify` or `check --against CORPUS_DIR`, read only the files that
    changed; removed files leave the store. An interrupted run keeps what it finished.

    \b
    Examples:
      claimcheck index corpus/
      claimcheck index corpus/ --jobs 4 --store /var/cache/claimcheck/corpus
      claimcheck index corpus/ --cluster tcp://scheduler:8786
    """
    settings = settings_for(store=store, jobs=jobs, cluster=cluster)
    location = store_location(list(corpus), settings.store)
    if location is None:
        raise CorpusError(
            f"{', '.join(corpus)}: not a folder (or a read-only one); index a corpus folder, "
            "or pass --store PATH to index files"
        )
    with open_store(location) as opened, progress_bar("indexing") as progress:
        if settings.cluster:
            from claimcheck.distributed import open_cluster, sync_store_on_cluster  # imports Dask: only with --cluster

            with open_cluster(settings.cluster) as session:
                result = sync_store_on_cluster(session, opened, list(corpus), on_progress=progress)
        else:
            result = sync_store(opened, list(corpus), jobs=settings.jobs, on_progress=progress)
        articles, statements = opened.article_count(), opened.statement_count()
        size_mb = store_size_bytes(opened) / 1e6
    click.echo(
        f"claimcheck: indexed {len(result.extracted)} new or changed, {len(result.unchanged)} unchanged, "
        f"{len(result.removed)} removed, {len(result.failures)} unreadable; "
        f"store {location}: {articles} articles, {statements} sentences, {size_mb:.1f} MB",
        err=True,
    )
    sys.exit(EXIT_INPUT_FAILED if report_failures(result.failures) else EXIT_OK)
