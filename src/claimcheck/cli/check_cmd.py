"""claimcheck check: label claims a user types, or a file of them, against a corpus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.common import handle_errors
from claimcheck.cli.labelling import run_labelling
from claimcheck.cli.options import LabelFlags, labelling_options
from claimcheck.config import Settings
from claimcheck.ingest import ClaimsFile, ClaimText, ReadOptions, read_claims_file
from claimcheck.models import Report
from claimcheck.pipeline import Corpus, check_texts


@click.command("check")
@click.argument("claims", nargs=-1, metavar="[CLAIM]...")
@click.option("--claims", "claims_file", type=click.Path(dir_okay=False), default=None,
              help="A file of claims: JSON Lines {\"id\", \"text\"}, or plain text with one claim a line.")
@labelling_options
@handle_errors
def command(claims: tuple[str, ...], claims_file: str | None, **flags: Any) -> None:
    """Label typed claims against a corpus: corroborated needs two independent sources;
    unmatched means nothing in the corpus speaks to the claim.

    Exit status: 1 when a claim gets a --fail-on label (after --baseline), 3 when an input could
    not be read, else 0.

    \b
    Examples:
      claimcheck check "North Korea has sent about 10,000 troops to Russia" --against fixtures/articles/
      claimcheck check --claims claims.jsonl --against corpus/ --format jsonl
      claimcheck check --claims watchlist.txt --against corpus/ --fail-on contradicted --format sarif -o out.sarif
    """
    texts = [ClaimText(None, text) for text in claims]
    claims_read = read_claims_file(Path(claims_file)) if claims_file else ClaimsFile()
    texts.extend(claims_read.claims)
    if not texts:
        raise click.UsageError("give a claim to check, or --claims FILE")

    def label(
        corpus: Corpus, settings: Settings, read_options: ReadOptions, on_report: Callable[[Report], None]
    ) -> Report:
        report = check_texts(texts, corpus, min_relevance=settings.min_relevance, failures=claims_read.failures)
        on_report(report)  # one part: the whole report
        return report

    run_labelling(LabelFlags(**flags), label)
