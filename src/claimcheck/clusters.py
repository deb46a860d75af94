"""Verdicts -> claim clusters: the same assertion made by several sources, grouped without comparing all pairs.

The merge rule (docs/labels.md#claim-clusters): a claim and the claim extracted from a sentence that
supports it are one cluster. Every supporting evidence item names its sentence by source and span, and
every claim of the corpus has a source and span, so each item points at (at most) one claim; the
clusters are the connected parts of those links (union-find), found in time linear in the evidence.
Contradicting evidence never merges: it is listed as the cluster's conflicts. Plain Python, no NLP.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from claimcheck.models import ClaimCluster, ClusterMember, Evidence, Figure, Label, Verdict
from claimcheck.verdict import counted_origin

__all__ = ["ClaimSpans", "UnionFind", "build_clusters", "cluster_label", "keep_cluster", "what_a_map_reads"]

# The most informative label of the members wins: a conflict is news, then a corroboration.
_LABEL_RANK: dict[Label, int] = {"contradicted": 0, "corroborated": 1, "single-sourced": 2, "unmatched": 3}


class ClaimSpans:
    """The claims of each source by span, to find the claim a cited sentence holds."""

    def __init__(self, verdicts: Sequence[Verdict]) -> None:
        spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for index, verdict in enumerate(verdicts):
            assert verdict.source is not None and verdict.span is not None
            spans[verdict.source].append((verdict.span[0], verdict.span[1], index))
        self._spans = {source: sorted(found) for source, found in spans.items()}
        self._starts = {source: [start for start, _, _ in found] for source, found in self._spans.items()}

    def claim_at(self, source: str, start: int, end: int) -> int | None:
        """The claim of `source` overlapping [start, end) the most (a sentence split into clauses holds
        several; the one it covers most is the one cited), or None when the sentence is no claim."""
        found = self._spans.get(source)
        if not found:
            return None
        best: tuple[int, int] | None = None  # (overlap, -index)
        position = bisect.bisect_left(self._starts[source], end)
        # Claims do not overlap each other, so walking back from the last one starting before `end`
        # meets only the few inside or around this sentence.
        for claim_start, claim_end, index in reversed(found[:position]):
            if claim_end <= start:
                break
            overlap = min(end, claim_end) - max(start, claim_start)
            if overlap > 0 and (best is None or (overlap, -index) > best):
                best = (overlap, -index)
        return -best[1] if best is not None else None


class UnionFind:
    """Union-find over indices 0..size-1; the smaller index stays the root, so groups are deterministic."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self._parent[max(a, b)] = min(a, b)  # the earlier claim stays the root: deterministic


def cluster_label(labels: Iterable[Label]) -> Label:
    """The cluster's label: contradicted if any member is, else corroborated if any is, else single-sourced."""
    return min(labels, key=_LABEL_RANK.__getitem__, default="single-sourced")


def what_a_map_reads(verdict: Verdict) -> Verdict:
    """The verdict with the evidence the clusters and the figures over time read: a source that supports or
    contradicts it, and for a claim stating a figure every source (figures.py relates figures through any
    evidence). A map of 10,000 articles holds every verdict at once; the sources that only mention a claim
    are four fifths of its evidence."""
    if verdict.slots is not None and verdict.slots.quantities:
        return verdict
    kept = [item for item in verdict.evidence if item.stance != "mentions"]
    return verdict if len(kept) == len(verdict.evidence) else verdict.model_copy(update={"evidence": kept})


def build_clusters(
    verdicts: Iterable[Verdict],
    *,
    origin_of: Callable[[str], str],
    origin_cited: Callable[[str], str | None] | None = None,
    published_of: Callable[[str], str | None] = lambda source: None,
) -> list[ClaimCluster]:
    """Group the verdicts of a corpus checked against itself into claim clusters, conflicting ones first.

    origin_of: the independent origin of a source; origin_cited: the origin of a corpus outlet a source
    relays (as the verdicts count it); published_of: an article's date, when known. Typed claims
    (no source) take no part.
    """
    claims = [v for v in verdicts if v.source is not None and v.span is not None]
    spans = ClaimSpans(claims)
    groups = UnionFind(len(claims))
    for index, verdict in enumerate(claims):
        for item in verdict.evidence:
            if item.stance == "supports":
                other = spans.claim_at(item.source, item.start, item.end)
                if other is not None:
                    groups.union(index, other)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(claims)):
        members[groups.find(index)].append(index)
    ids = {root: _cluster_id(claims[i].id for i in found) for root, found in members.items()}
    clusters = []
    for root, found in members.items():
        conflicts = sorted({
            ids[groups.find(other)]
            for i in found for item in claims[i].evidence if item.stance == "contradicts" and item.counted
            for other in [spans.claim_at(item.source, item.start, item.end)]
            if other is not None and groups.find(other) != root
        })
        clusters.append(_cluster(
            ids[root], [claims[i] for i in found], conflicts,
            origin_of=origin_of, origin_cited=origin_cited, published_of=published_of,
        ))
    return sorted(clusters, key=_cluster_order)


def _cluster_id(claim_ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(claim_ids)).encode()).hexdigest()[:16]


def _cluster(
    cluster_id: str,
    found: list[Verdict],
    conflicts: list[str],
    *,
    origin_of: Callable[[str], str],
    origin_cited: Callable[[str], str | None] | None,
    published_of: Callable[[str], str | None],
) -> ClaimCluster:
    supports: list[Evidence] = [e for v in found for e in v.evidence if e.stance == "supports"]
    # as the verdicts count them: time-marked items (docs/labels.md#time) neither back nor contradict
    backing = [e for e in supports if e.counted]
    contradicts: list[Evidence] = [e for v in found for e in v.evidence if e.stance == "contradicts" and e.counted]
    own_sources = {v.source for v in found if v.source is not None}
    # the member most sources back names the cluster; then the most check-worthy; then the first
    position = {id(v): place for place, v in enumerate(found)}  # (found.index would make a large cluster quadratic)
    named = max(found, key=lambda v: (v.supporting_origins, v.worth.score if v.worth else 0.0, -position[id(v)]))
    return ClaimCluster(
        id=cluster_id,
        name=named.name,
        label=cluster_label(v.label for v in found),
        members=[
            ClusterMember(
                id=v.id, claim=v.claim, name=v.name, source=v.source or "", span=v.span or (0, 0), label=v.label,
                published=published_of(v.source or ""),
            )
            for v in found
        ],
        sources=sorted(own_sources | {e.source for e in supports}),
        origins=sorted({origin_of(s) for s in own_sources} | {counted_origin(e, origin_cited) for e in backing}),
        contradicting_sources=sorted({e.source for e in contradicts}),
        contradicting_origins=sorted({e.origin for e in contradicts}),
        conflicts_with=conflicts,
        figures=_figures(found, published_of),
    )


def _figures(found: list[Verdict], published_of: Callable[[str], str | None]) -> list[Figure]:
    """Every figure the members state, oldest article first (undated last), with who stated it."""
    figures = []
    for verdict in found:
        if verdict.slots is None or verdict.source is None:
            continue
        who = verdict.slots.attributed_to.name if verdict.slots.attributed_to else None
        when = verdict.slots.time.text if verdict.slots.time else None
        for quantity in verdict.slots.quantities:
            figures.append(Figure(
                text=quantity.text, value=quantity.value, unit=quantity.unit, counted=quantity.counted,
                claim_id=verdict.id, source=verdict.source, attributed_to=who,
                published=published_of(verdict.source), time=when,
            ))
    return sorted(figures, key=lambda f: (f.published is None, f.published or "", f.source, f.value))


def _cluster_order(cluster: ClaimCluster) -> tuple[int, int, int, str, str]:
    """Conflicts first; then the most independent origins; single-sourced last; ties by name, then id."""
    group = {"contradicted": 0, "single-sourced": 2}.get(cluster.label, 1)
    return (group, -len(cluster.origins), -len(cluster.contradicting_origins), cluster.name.lower(), cluster.id)


def keep_cluster(
    cluster: ClaimCluster,
    *,
    labels: Collection[str] = (),
    min_origins: int = 0,
    about: Collection[str] = (),
    terms_of: Callable[[ClusterMember], Collection[str]] | None = None,
) -> bool:
    """Whether a cluster passes the filters: its label among `labels` (any when empty), at least
    `min_origins` independent origins asserting it, and, with `about` (the content terms of a text),
    one member whose terms (terms_of) hold every one of them."""
    if labels and cluster.label not in labels:
        return False
    if len(cluster.origins) < min_origins:
        return False
    if about and terms_of is not None:
        wanted = set(about)
        return any(wanted <= set(terms_of(member)) for member in cluster.members)
    return True
