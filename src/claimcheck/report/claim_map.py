"""ClaimMap -> a table for people, JSON, or one HTML page. Returns text; never prints, reads no file."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

from claimcheck.models import ClaimCluster, ClaimMap, FigureGroup, FigureRelationKind
from claimcheck.report.html import render_template
from claimcheck.report.table import LABEL_STYLES, corpus_line, short_source, text_console

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["MAP_FORMATS", "relation_words", "render_map", "render_map_html", "render_map_json", "render_map_table"]

MAP_FORMATS = ("table", "json", "html")


def render_map_json(claim_map: ClaimMap) -> str:
    return json.dumps(claim_map.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _figures_block(number: int, cluster: ClaimCluster, conflicting: list[ClaimCluster]) -> str:
    """Below the table, where it has the whole width: every figure of a cluster with who stated it and when.

    '4. Kim Jong Un has sent about 10,000 soldiers' then '   about 10,000  002_x.txt, 2024-11-04, the Pentagon'.
    """
    lines = [f"\n{number}. {cluster.name}: figures"]
    stated = [(figure, "") for figure in cluster.figures]
    stated += [(figure, " contradicts") for other in conflicting for figure in other.figures]
    for figure, relation in stated:
        details = [short_source(figure.source), *(v for v in (figure.published, figure.time, figure.attributed_to) if v)]
        lines.append(f"   {figure.text}  ({', '.join(details)}){relation}")
    return "\n".join(lines)


_RELATION_WORDS: dict[FigureRelationKind, str] = {
    "superseded": "superseded by",
    "supersedes": "updates",
    "conflict": "conflicts with",
    "agrees": "agrees with",
    "related": "related to",
}


def relation_words(group: FigureGroup, index: int) -> str:
    """A figure's relations in plain words: 'superseded by 3; conflicts with 2, 4' (numbers as listed, from 1)."""
    others: dict[FigureRelationKind, list[str]] = {}
    for relation in group.figures[index].relations:
        others.setdefault(relation.relation, []).append(str(relation.other + 1))
    return "; ".join(f"{_RELATION_WORDS[kind]} {', '.join(numbers)}" for kind, numbers in others.items())


def _figure_group_table(group: FigureGroup) -> Table:
    from rich.table import Table

    counted = ", ".join(v for v in (group.counted, group.unit) if v)
    table = Table(
        title=f"Figures over time: {group.name}" + (f" ({counted})" if counted else ""),
        title_justify="left", expand=False,
    )
    table.add_column("#", justify="right", style="dim")
    table.add_column("Figure", overflow="fold", min_width=8)
    table.add_column("Source", overflow="fold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Said by", overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Relations", overflow="fold")
    for index, dated in enumerate(group.figures):
        figure = dated.figure
        when = dated.date or "undated"
        if figure.time:
            when += f"\n'{figure.time}'"
        table.add_row(
            str(index + 1), figure.text, short_source(figure.source), when, figure.attributed_to or "",
            dated.status or "", relation_words(group, index),
        )
    return table


def render_map_table(claim_map: ClaimMap, *, color: bool = False, width: int = 120) -> str:
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = text_console(buffer, width=width, color=color)
    console.print(corpus_line(claim_map.corpus))
    table = Table(expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Cluster", overflow="fold", ratio=3, min_width=24)
    table.add_column("Label", no_wrap=True)
    table.add_column("Origins", justify="right")
    table.add_column("Sources asserting", overflow="fold", ratio=2)
    table.add_column("Contradicted by", overflow="fold", ratio=2)
    for number, cluster in enumerate(claim_map.clusters, start=1):
        name = Text(cluster.name)
        if len(cluster.members) > 1:
            name.append(f"\n{len(cluster.members)} claims", style="dim")
        if cluster.figures and (len(cluster.members) > 1 or cluster.conflicts_with):
            name.append(f"\nfigures: {len(cluster.figures)}, below", style="dim")
        table.add_row(
            str(number),
            name,
            Text(cluster.label, style=LABEL_STYLES[cluster.label]),
            str(len(cluster.origins)),
            "\n".join(short_source(s) for s in cluster.sources),
            "\n".join(short_source(s) for s in cluster.contradicting_sources),
        )
    console.print(table)
    # Figures are listed for the clusters where they can be compared: several claims, or a conflict.
    by_id = {cluster.id: cluster for cluster in claim_map.clusters}
    for number, cluster in enumerate(claim_map.clusters, start=1):
        if cluster.figures and (len(cluster.members) > 1 or cluster.conflicts_with):
            console.print(_figures_block(number, cluster, [by_id[i] for i in cluster.conflicts_with if i in by_id]))
    for group in claim_map.figure_groups:
        console.print()
        console.print(_figure_group_table(group))
    if claim_map.figure_groups:
        console.print(
            "superseded: an older-dated figure a later-dated source gives differently; conflict: different figures "
            "at the same or an unknown date; related: sentences matched on other grounds, figures not compared"
        )
    counts = {label: sum(c.label == label for c in claim_map.clusters) for label in LABEL_STYLES}
    summary = ", ".join(f"{n} {label}" for label, n in counts.items() if n)
    console.print(f"{len(claim_map.clusters)} clusters: {summary or 'none'}")
    for failure in claim_map.failures:
        console.print(f"not read: {failure.input}: {failure.reason}")
    return buffer.getvalue()


def render_map_html(claim_map: ClaimMap) -> str:
    """One self-contained page (templates/map.html.j2), every string escaped by the template."""
    return render_template("map.html.j2", claim_map=claim_map, short=short_source, relation_words=relation_words)


def render_map(claim_map: ClaimMap, output_format: str, *, color: bool = False) -> str:
    if output_format == "json":
        return render_map_json(claim_map)
    if output_format == "html":
        return render_map_html(claim_map)
    return render_map_table(claim_map, color=color)
