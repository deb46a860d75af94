"""Report -> a table for people, rendered with rich to plain text (colour only on a terminal)."""

from __future__ import annotations

import io

from claimcheck.models import Report, Verdict

LABEL_STYLES = {
    "corroborated": "green",
    "contradicted": "bold red",
    "single-sourced": "yellow",
    "unmatched": "dim",
}
STANCE_STYLES = {"supports": "green", "contradicts": "red", "mentions": "dim"}


def _short(source: str) -> str:
    return source.rsplit("/", 1)[-1] if "://" not in source else source


def render_table(report: Report, *, evidence: bool = False, color: bool = False, width: int = 120) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, highlight=False, soft_wrap=False)
    info = report.corpus
    console.print(
        f"Corpus: {info.location} ({info.sources} sources, {info.origins} independent origins, "
        f"{info.statements} sentences)"
    )
    table = Table(show_lines=evidence, expand=False)
    table.add_column("Claim", overflow="fold", ratio=3)
    table.add_column("Label", no_wrap=True)
    table.add_column("Support", justify="right")
    table.add_column("Contra", justify="right")
    table.add_column("Why", overflow="fold", ratio=2)
    for verdict in report.verdicts:
        claim_cell = Text(verdict.name)
        if verdict.source and len({v.source for v in report.verdicts}) > 1:
            claim_cell.append(f"\n{_short(verdict.source)}", style="dim")
        if evidence:
            _append_evidence(claim_cell, verdict)
        table.add_row(
            claim_cell,
            Text(verdict.label, style=LABEL_STYLES[verdict.label]),
            str(verdict.supporting_origins),
            str(verdict.contradicting_origins),
            verdict.reason,
        )
    console.print(table)
    counts = {label: sum(v.label == label for v in report.verdicts) for label in LABEL_STYLES}
    summary = ", ".join(f"{n} {label}" for label, n in counts.items() if n)
    console.print(f"{len(report.verdicts)} claims: {summary or 'none'}")
    for failure in report.failures:
        console.print(f"not read: {failure.input}: {failure.reason}")
    return buffer.getvalue()


def _append_evidence(cell, verdict: Verdict) -> None:
    for item in verdict.evidence:
        cell.append(f"\n  {item.stance}", style=STANCE_STYLES[item.stance])
        cell.append(f" {_short(item.source)}: {item.reason}\n    “{item.sentence}”")
