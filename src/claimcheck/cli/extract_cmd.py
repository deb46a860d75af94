"""claimcheck extract: show what claimcheck reads from each input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claimcheck.cli.common import EXIT_INPUT_FAILED, EXIT_OK, format_option, handle_errors, report_failures, write_output
from claimcheck.cli.fetch_cmd import web_options, web_read_options
from claimcheck.ingest import read_inputs


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@format_option()
@click.option("-o", "--output", "output_path", default=None, help="Write to this file (atomically) instead of stdout.")
@web_options
@handle_errors
def command(
    inputs: tuple[str, ...],
    output_format: str | None,
    output_path: str | None,
    offline: bool,
    refresh: bool,
    allow_private: bool,
    cache_dir: Path | None,
    timeout_s: float | None,
) -> None:
    """Show the article text and metadata read from files, folders, URLs, URL lists or '-' (stdin).

    \b
    Examples:
      claimcheck extract --format jsonl fixtures/articles/
      claimcheck extract https://example.org/story
    """
    options = web_read_options(
        offline=offline, refresh=refresh, allow_private=allow_private, cache_dir=cache_dir, timeout_s=timeout_s
    )
    articles, failures = read_inputs(inputs, **options)
    output_format = output_format or "table"
    if output_format == "jsonl":
        text = "".join(json.dumps(a.model_dump(mode="json"), ensure_ascii=False) + "\n" for a in articles)
    elif output_format == "json":
        payload = {
            "articles": [a.model_dump(mode="json") for a in articles],
            "failures": [f.model_dump(mode="json") for f in failures],
        }
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        blocks = []
        for article in articles:
            meta = [f"source:  {article.source}"]
            for label, value in (("title", article.title), ("outlet", article.outlet), ("author", article.author),
                                 ("date", article.published), ("url", article.url)):
                if value:
                    meta.append(f"{label + ':':<8} {value}")
            blocks.append("\n".join(meta) + f"\nwords:   {len(article.text.split())}\n\n{article.text.strip()}\n")
        text = ("\n" + "-" * 72 + "\n").join(blocks)
    write_output(text, output_path)
    sys.exit(EXIT_INPUT_FAILED if report_failures(failures) else EXIT_OK)
