"""Report -> a table for people, rendered with rich to plain text (colour only on a terminal)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from claimcheck.models import CorpusInfo, Report, Verdict, short_source
from claimcheck.report.evidence_text import reason_and_notes, source_and_party

if TYPE_CHECKING:
    from rich.console import Console

LABEL_STYLES = {
    "corroborated": "green",
    "contradicted": "bold red",
    "single-sourced": "yellow",
    "unmatched": "dim",
}
STANCE_STYLES = {"supports": "green", "contradicts": "red", "mentions": "dim"}


def text_console(buffer: io.StringIO, *, width: int, color: bool) -> Console:
    """A rich console writing into buffer, with ANSI colour only when asked."""
    from rich.console import Console

    return Console(file=buffer, width=width, color_system="standard" if color else None,
                   force_terminal=color, highlight=False, soft_wrap=False)


def corpus_line(info: CorpusInfo) -> str:
    return (f"Corpus: {info.location} ({info.sources} sources, {info.origins} independent origins, "
            f"{info.statements} sentences)")


def render_table(report: Report, *, evidence: bool = False, color: bool = False, width: int = 120) -> str:
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = text_console(buffer, width=width, color=color)
    console.print(corpus_line(report.corpus))
    table = Table(expand=False)
    table.add_column("#", justify="right", style="dim")
    # A name wraps between words; min_width keeps a narrow terminal from folding one inside a word.
    table.add_column("Claim", overflow="fold", ratio=3, min_width=24)
    table.add_column("Label", no_wrap=True)
    table.add_column("Support", justify="right")
    table.add_column("Contra", justify="right")
    table.add_column("Worth", justify="right")
    table.add_column("Why", overflow="fold", ratio=2)
    several_articles = len({v.source for v in report.verdicts}) > 1
    for number, verdict in enumerate(report.verdicts, start=1):
        claim_cell = Text(verdict.name)
        if verdict.source and several_articles:
            claim_cell.append(f"\n{short_source(verdict.source)}", style="dim")
        table.add_row(
            str(number),
            claim_cell,
            Text(verdict.label, style=LABEL_STYLES[verdict.label]),
            str(verdict.supporting_origins),
            str(verdict.contradicting_origins),
            f"{verdict.worth.score:.2f}" if verdict.worth is not None else "",
            verdict.reason,
        )
    console.print(table)
    if evidence:
        for number, verdict in enumerate(report.verdicts, start=1):
            console.print(_evidence_block(number, verdict))
    counts = {label: sum(v.label == label for v in report.verdicts) for label in LABEL_STYLES}
    summary = ", ".join(f"{n} {label}" for label, n in counts.items() if n)
    console.print(f"{len(report.verdicts)} claims: {summary or 'none'}")
    for failure in report.failures:
        console.print(f"not read: {failure.input}: {failure.reason}")
    return buffer.getvalue()


def _evidence_block(number: int, verdict: Verdict):
    """The sentences behind one label, below the table where they have the whole width."""
    from rich.text import Text

    block = Text(f"\n{number}. ", style="bold")
    block.append(verdict.claim, style="bold")
    block.append(f"  {verdict.label}", style=LABEL_STYLES[verdict.label])
    if verdict.published:
        block.append(f"\n   published {verdict.published}", style="dim")
    if verdict.worth is not None:
        reasons = "; ".join(verdict.worth.reasons) or "nothing concrete to check"
        block.append(f"\n   worth {verdict.worth.score:.2f}: {reasons}", style="dim")
    if not verdict.evidence:
        block.append("\n   no source in the corpus speaks to it", style="dim")
    for item in verdict.evidence:
        block.append(f"\n   {item.stance:<11}", style=STANCE_STYLES[item.stance])
        block.append(f" {source_and_party(item, short_source(item.source))}: {reason_and_notes(item)} [{item.rule}]")
        block.append(f"\n               “{item.sentence}”", style="dim" if item.stance == "mentions" else None)
    return block
