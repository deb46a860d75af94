"""Claim clusters -> figures over time: one quantity's figures across clusters, each related to the others.

The rule (docs/labels.md#figures-over-time): two figures are one quantity when an evidence item decided
by a number rule (number-agreement, number-conflict, older-figure) compares their claims and the two
count the same thing (same unit; same counted noun, or none on one side). The evidence item names its
sentence by source and span, which points at a claim as it does for clusters (clusters.ClaimSpans), so
groups come from union-find over the evidence, in linear time. Figures of one cluster that count the
same thing are one quantity too. A relation comes only from an evidence item, never from comparing
all pairs: agrees (number-agreement), superseded (a number rule, both dates known and different: the
older figure is updated by the later one), conflict (a number rule, same date or a date unknown). Other
evidence (the stance engine related the sentences on other grounds: a hedge, the model) joins two figures
only when both name the same counted noun, and relates them as 'related': not compared.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from claimcheck.clusters import ClaimSpans, UnionFind
from claimcheck.models import (
    ClaimCluster,
    DatedFigure,
    EvidenceRule,
    Figure,
    FigureGroup,
    FigureRelation,
    FigureRelationKind,
    FigureStatus,
    Verdict,
)
from claimcheck.timeline import NUMBER_RULES, Days, figure_relation, placed_at

__all__ = ["NUMBER_RULES", "build_figure_groups"]

# The status a figure shows, most telling first: an update is the news, then a conflict.
_STATUS_RANK: dict[FigureStatus, int] = {"superseded": 0, "conflict": 1, "agrees": 2}


class _Node(NamedTuple):
    figure: Figure
    cluster_id: str
    date: str | None


class _Link(NamedTuple):
    first: int
    second: int
    rule: EvidenceRule


def _same_thing(a: Figure, b: Figure, *, numbers_compared: bool) -> bool:
    """Same unit and the same counted noun; a side naming none only when a number rule compared them."""
    if a.unit != b.unit:
        return False
    if a.counted is None or b.counted is None:
        return numbers_compared
    return a.counted == b.counted


def _amount_words(figure: Figure) -> str:
    return f"{figure.value:,.0f}" if float(figure.value).is_integer() else f"{figure.value:,.3g}"


def _pair(
    mine: list[int], theirs: list[int], nodes: list[_Node], reason: str, *, numbers_compared: bool,
) -> tuple[int, int] | None:
    """The two figures an evidence item compared: among those counting the same thing, the pair its reason
    names ('numbers disagree: 10,000 vs 3,000'); the first such pair when the reason names neither."""
    best: tuple[int, int, int] | None = None  # (-score, mine, theirs)
    for a in mine:
        for b in theirs:
            fa, fb = nodes[a].figure, nodes[b].figure
            if not _same_thing(fa, fb, numbers_compared=numbers_compared):
                continue
            score = 2 * (fb.text in reason) + (fa.text in reason or _amount_words(fa) in reason)
            if best is None or (-score, a, b) < best:
                best = (-score, a, b)
    return (best[1], best[2]) if best is not None else None


def _date(verdict: Verdict, published: str | None) -> str | None:
    """A resolved date in the sentence (its first day), else the article's publication date; YYYY-MM-DD or None."""
    days = placed_at(verdict.slots.time if verdict.slots is not None else None, published)
    return days.first if days is not None else None


def build_figure_groups(verdicts: Iterable[Verdict], clusters: Sequence[ClaimCluster]) -> list[FigureGroup]:
    """The figure groups of a corpus's clusters (built from the same verdicts), largest first.

    A group is reported when an evidence item compared two of its figures; figures of one cluster
    that no evidence compared are listed with no status.
    """
    claims = [v for v in verdicts if v.source is not None and v.span is not None]
    by_id = {v.id: v for v in claims}
    nodes: list[_Node] = []
    of_claim: dict[str, list[int]] = defaultdict(list)
    for cluster in clusters:
        for figure in cluster.figures:
            verdict = by_id.get(figure.claim_id)
            if verdict is None:
                continue
            of_claim[figure.claim_id].append(len(nodes))
            nodes.append(_Node(figure, cluster.id, _date(verdict, figure.published)))
    groups = UnionFind(len(nodes))
    # Figures of one cluster that count the same thing are one quantity: link each to the first of its kind.
    first_of_kind: dict[tuple[str, str | None, str | None], int] = {}
    for index, node in enumerate(nodes):
        kind = (node.cluster_id, node.figure.unit, node.figure.counted)
        groups.union(first_of_kind.setdefault(kind, index), index)
    spans = ClaimSpans(claims)
    links: dict[tuple[int, int], _Link] = {}
    for index, verdict in enumerate(claims):
        mine = of_claim.get(verdict.id)
        if not mine:
            continue
        for item in verdict.evidence:
            other = spans.claim_at(item.source, item.start, item.end)
            if other is None or other == index:
                continue
            pair = _pair(
                mine, of_claim.get(claims[other].id, []), nodes, item.reason, numbers_compared=item.rule in NUMBER_RULES,
            )
            if pair is None:
                continue
            groups.union(*pair)
            key = (min(pair), max(pair))
            # a number rule's decision wins over a link that did not compare the figures
            if key not in links or (links[key].rule not in NUMBER_RULES and item.rule in NUMBER_RULES):
                links[key] = _Link(pair[0], pair[1], item.rule)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(nodes)):
        members[groups.find(index)].append(index)
    linked: dict[int, list[_Link]] = defaultdict(list)
    for link in links.values():
        linked[groups.find(link.first)].append(link)
    by_cluster = {cluster.id: cluster for cluster in clusters}
    order = {cluster.id: position for position, cluster in enumerate(clusters)}
    found = [
        _group(members[root], sorted(linked[root]), nodes, by_cluster, order)
        for root in members if _worth_showing(members[root], linked.get(root, []), nodes)
    ]
    return sorted(found, key=lambda g: (-len(g.clusters), -len(g.figures), g.name.lower(), g.id))


def _worth_showing(found: list[int], links: list[_Link], nodes: list[_Node]) -> bool:
    """A number rule compared two of its figures, or its figures differ: one figure repeated by links
    that compared nothing ('two nations' twice) says nothing over time."""
    if len(found) < 2 or not links:
        return False
    return any(link.rule in NUMBER_RULES for link in links) or len({nodes[i].figure.value for i in found}) > 1


def _relation(rule: EvidenceRule, date: str | None, other_date: str | None) -> FigureRelationKind:
    # a figure is placed at one day here, its sentence's first or its article's
    return figure_relation(
        rule, Days(date, date) if date is not None else None, Days(other_date, other_date) if other_date else None,
    )


def _group(
    found: list[int], links: list[_Link], nodes: list[_Node],
    by_cluster: dict[str, ClaimCluster], order: dict[str, int],
) -> FigureGroup:
    ranked = sorted(found, key=lambda i: (
        nodes[i].date is None, nodes[i].date or "", nodes[i].figure.source, nodes[i].figure.value, i,
    ))
    position = {node: place for place, node in enumerate(ranked)}
    relations: dict[int, list[FigureRelation]] = defaultdict(list)
    for link in links:
        a, b = link.first, link.second
        relations[a].append(FigureRelation(
            relation=_relation(link.rule, nodes[a].date, nodes[b].date), other=position[b], rule=link.rule,
        ))
        relations[b].append(FigureRelation(
            relation=_relation(link.rule, nodes[b].date, nodes[a].date), other=position[a], rule=link.rule,
        ))
    figures = []
    for node in ranked:
        own = sorted(relations[node], key=lambda r: (r.other, r.relation))
        statuses = [_status for r in own if (_status := _status_of(r.relation)) is not None]
        figures.append(DatedFigure(
            figure=nodes[node].figure, cluster_id=nodes[node].cluster_id, date=nodes[node].date,
            status=min(statuses, key=_STATUS_RANK.__getitem__) if statuses else None, relations=own,
        ))
    cluster_ids = sorted({nodes[i].cluster_id for i in found}, key=order.__getitem__)
    named = max(cluster_ids, key=lambda c: (len(by_cluster[c].origins), -order[c]))
    tally = Counter(nodes[i].figure.counted for i in found if nodes[i].figure.counted)
    return FigureGroup(
        id=_group_id(cluster_ids + [nodes[i].figure.claim_id + nodes[i].figure.text for i in ranked]),
        name=by_cluster[named].name,
        counted=max(tally, key=lambda c: (tally[c], c)) if tally else None,
        unit=nodes[found[0]].figure.unit,
        clusters=cluster_ids,
        figures=figures,
    )


def _status_of(relation: FigureRelationKind) -> FigureStatus | None:
    """The figure's own status from one relation: the later figure of an update is not itself marked, and a
    link that compared no figures ('related') marks nothing."""
    if relation == "agrees" or relation == "superseded" or relation == "conflict":
        return relation
    return None


def _group_id(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()[:16]
