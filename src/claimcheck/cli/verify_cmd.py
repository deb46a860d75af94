"""claimcheck verify: label every claim of an article against a corpus."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import click

from claimcheck.cli.common import handle_errors, progress_bar
from claimcheck.cli.labelling import run_labelling
from claimcheck.cli.options import LabelFlags, cluster_option, labelling_options
from claimcheck.config import Settings
from claimcheck.ingest import ReadOptions
from claimcheck.models import Report
from claimcheck.pipeline import Corpus, verify_articles


@click.command("verify")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@labelling_options
@cluster_option
@handle_errors
def command(articles: tuple[str, ...], **flags: Any) -> None:
    """Label every factual claim of ARTICLE (file, folder or '-') against a corpus.

    Each claim is corroborated, contradicted or single-sourced, counting independent sources
    (one file or outlet is one source; copies of one story are one).

    A corpus folder is indexed in its store (see `claimcheck index`). Exit status: 1 when a
    claim gets a --fail-on label (after --baseline), 3 when an input could not be read, else 0.

    \b
    Examples:
      claimcheck verify fixtures/articles/002_1375dabaa46a4f12.txt --against fixtures/articles/ --evidence
      claimcheck verify drafts/ --against corpus/ --fail-on contradicted --format sarif -o results.sarif
      claimcheck verify drafts/ --against corpus/ --cluster local:2
    """

    def label(
        corpus: Corpus, settings: Settings, read_options: ReadOptions, on_report: Callable[[Report], None]
    ) -> Report:
        with progress_bar("verifying") as progress:
            return verify_articles(
                articles, corpus, jobs=settings.jobs, min_relevance=settings.min_relevance,
                read_options=read_options, on_report=on_report, on_progress=progress,
            )

    label_flags = LabelFlags(**flags)
    address = label_flags.settings().cluster
    if not address:
        run_labelling(label_flags, label, articles=articles)
    from claimcheck.distributed import load_corpus_on_cluster, open_cluster, verify_articles_on_cluster  # Dask: only now

    with open_cluster(address) as cluster:

        def label_on_cluster(
            corpus: Corpus, settings: Settings, read_options: ReadOptions, on_report: Callable[[Report], None]
        ) -> Report:
            with progress_bar("verifying") as progress:
                return verify_articles_on_cluster(
                    cluster, articles, corpus, min_relevance=settings.min_relevance, read_options=read_options,
                    on_report=on_report, on_progress=progress,
                )

        run_labelling(label_flags, label_on_cluster, articles=articles, load=partial(load_corpus_on_cluster, cluster))
