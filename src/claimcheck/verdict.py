"""Verdict: Evidence -> a label, counting independent origins. Plain Python, no NLP.

Semantics (docs/labels.md): contradicted when an independent origin other than the claim's own
contradicts it; corroborated when at least one independent origin besides the claim's own supports
it (a typed claim, having no origin of its own, needs two); single-sourced otherwise; unmatched for
a typed claim that no source supports or contradicts. Time (docs/labels.md#time): a support published before
the claim's event, and a disagreeing figure stated at another time (superseded), are marked and not counted;
so are the sources of the claim's own origin (`same_origin`), listed after the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from claimcheck.models import (
    Claim,
    ClaimSlots,
    Evidence,
    EvidenceRule,
    TemporalMark,
    TimeSlot,
    Verdict,
    Worth,
    short_source,
)
from claimcheck.timeline import Days, before_event, figure_relation, iso_day, placed_at

TYPED_CLAIM_CORROBORATION = 2
ARTICLE_CLAIM_CORROBORATION = 1
MENTION_REASON_CHARS = 100  # of the closest mention's reason, quoted in a single-sourced claim's reason


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def label_claim(
    claim: Claim,
    evidence: list[Evidence],
    *,
    own_origin: str | None = None,
    slots: ClaimSlots | None = None,
    worth: Worth | None = None,
    origin_cited: Callable[[str], str | None] | None = None,
    published: str | None = None,
    published_of: Callable[[str], str | None] | None = None,
) -> Verdict:
    """Label one claim from the evidence of every source that speaks to it. slots: the claim's parts, and
    worth: its worth-checking score, carried along. origin_cited: the origin of the corpus outlet a source
    cites, if any; a support relayed from an outlet counts as that outlet's, and one relayed from the claim's
    own outlet does not count (circular reporting). published: the claim's article's publication date;
    published_of: a source's. With them, evidence is dated and time marks what cannot count (mark_time)."""
    time = slots.time if slots is not None else None
    dated = [
        mark_time(e, time=time, told_on=published, published=published_of(e.source) if published_of else e.published)
        for e in evidence
    ]
    usable = [e for e in dated if own_origin is None or e.origin != own_origin]
    # Copies of the claim's article and its outlet's other articles are shown, last, but never counted.
    own = [e.model_copy(update={"same_origin": True}) for e in dated if own_origin is not None and e.origin == own_origin]
    relayed = [(e, counted_origin(e, origin_cited)) for e in usable if e.stance == "supports" and e.temporal is None]
    circular = [e for e, origin in relayed if origin == own_origin]
    counted = [e for e, origin in relayed if origin != own_origin]
    supporting = sorted({origin for e, origin in relayed} - {own_origin})
    contradicting = sorted({e.origin for e in usable if e.stance == "contradicts" and e.temporal is None})
    needed = TYPED_CLAIM_CORROBORATION if claim.typed else ARTICLE_CLAIM_CORROBORATION
    support_text = _plural(len(supporting), "independent source")
    if contradicting:
        label = "contradicted"
        first = next(e for e in usable if e.stance == "contradicts" and e.temporal is None)
        verb = "contradicts" if len(contradicting) == 1 else "contradict"
        reason = f"{_plural(len(contradicting), 'independent source')} {verb}, {len(supporting)} support; {first.reason}"
    elif len(supporting) >= needed:
        label = "corroborated"
        reason = f"supported by {support_text}" + ("" if claim.typed else " besides its own")
        reason += _citing(counted)
    elif claim.typed and not supporting:
        label = "unmatched"
        mentions = sum(1 for e in usable if e.stance == "mentions")
        reason = ("no source supports or contradicts it" +
                  (f"; {_plural(mentions, 'source')} only mention related facts" if mentions else ""))
    else:
        label = "single-sourced"
        reason = (
            "only one independent source supports it" if claim.typed
            else "no other independent source supports or contradicts it"
        )
        if any(e.temporal for e in usable):
            reason += " at the time it tells"
        reason += _mentions_reason(usable)
    if circular:
        verb = "relays" if len(circular) == 1 else "relay"
        reason += (f"; {_plural(len(circular), 'source')} only {verb} the claim's own outlet "
                   f"({circular[0].party}), not counted")
    reason += _time_reason(usable) + _own_origin_reason(own)
    return Verdict(
        id=claim.id,
        claim=claim.text,
        name=claim.name,
        source=claim.source,
        span=(claim.statement.start, claim.statement.end) if not claim.typed else None,
        published=iso_day(published),
        label=label,
        supporting_origins=len(supporting),
        contradicting_origins=len(contradicting),
        reason=reason,
        evidence=[*usable, *own],
        slots=slots,
        worth=worth,
    )


def mark_time(evidence: Evidence, *, time: TimeSlot | None, told_on: str | None, published: str | None) -> Evidence:
    """The item with its source's publication day, marked when time says it cannot count (docs/labels.md#time):
    a support published before the first day of the claim's event (`before-event`), or a figure that
    disagrees with the claim's but was stated at another time (`superseded`: the older one is updated, not
    contradicted). For before-event the claim is placed at its sentence's resolved time; for superseded, at
    its article's publication date (its resolved time when undated), as the source is, at its publication date. A date not known never marks anything."""
    day = iso_day(published)
    mark: TemporalMark | None = None
    note: str | None = None
    if evidence.stance == "supports" and (event := before_event(day, time, told_on)) is not None:
        mark, note = "before-event", f"published {day}, before the event it confirms ({event})"
    elif evidence.stance == "contradicts" and evidence.rule == EvidenceRule.NUMBER_CONFLICT:
        # Which report came later: the source is known only by its publication day, so the claim is placed at
        # its own article's (a toll told on Wednesday about Monday is Wednesday's news), or at its resolved time
        # when its article is undated.
        claim_days = placed_at(None, told_on) or placed_at(time, None)
        source_days = placed_at(None, day)
        relation = figure_relation(evidence.rule, claim_days, source_days)
        if relation != "conflict" and claim_days is not None and source_days is not None:
            mark, note = "superseded", _superseded_note(evidence.reason, claim_days, source_days, relation)
    return evidence.model_copy(update={"published": day, "temporal": mark, "temporal_note": note})


_FIGURES_COMPARED = re.compile(r"numbers disagree: (?P<claim>.+?) vs (?P<source>.+?)(?:;|$)")
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _amount(text: str) -> float | None:
    """The first number written in a figure ('about 10,000' -> 10000.0, '$2.2 billion' -> 2.2e9)."""
    found = _AMOUNT.search(text)
    if found is None:
        return None
    return float(found.group(1).replace(",", "")) * _SCALES.get((found.group(2) or "").lower(), 1.0)


def _superseded_note(reason: str, claim_days: Days, source_days: Days, relation: str) -> str:
    """'figure superseded: 10,000 (2024-10-20) later raised to 12,000 (2024-11-04)', older figure first."""
    compared = _FIGURES_COMPARED.search(reason)
    claim_figure = compared.group("claim") if compared else "the claim's figure"
    source_figure = compared.group("source") if compared else "this source's figure"
    older, newer = (claim_figure, claim_days), (source_figure, source_days)
    if relation == "supersedes":
        older, newer = newer, older
    was, became = _amount(older[0]), _amount(newer[0])
    verb = "updated" if was is None or became is None or was == became else ("raised" if became > was else "lowered")
    return f"figure superseded: {older[0]} ({older[1].shown()}) later {verb} to {newer[0]} ({newer[1].shown()})"


def _mentions_reason(evidence: list[Evidence]) -> str:
    """'; 2 other sources only mention it (closest, wire.txt: hedged: 'reportedly')': what keeps the claim single-sourced
    when others speak of it, the most relevant one's reason first. Sources of the claim's own origin are not in
    `evidence`."""
    mentions = [e for e in evidence if e.stance == "mentions"]
    if not mentions:
        return ""
    closest = max(mentions, key=lambda e: e.relevance)
    verb = "mentions" if len(mentions) == 1 else "mention"
    why = closest.reason if len(closest.reason) <= MENTION_REASON_CHARS else \
        closest.reason[:MENTION_REASON_CHARS].rsplit(" ", 1)[0] + " ..."
    return f"; {_plural(len(mentions), 'other source')} only {verb} it (closest, {short_source(closest.source)}: {why})"


def _time_reason(evidence: list[Evidence]) -> str:
    """'; 1 source published before the event, not counted (published 2024-03-01, ...)'."""
    parts = []
    early = [e for e in evidence if e.temporal == "before-event"]
    if early:
        parts.append(f"{_plural(len(early), 'support')} published before the event, not counted ({early[0].temporal_note})")
    updated = [e for e in evidence if e.temporal == "superseded"]
    if updated:
        parts.append(f"{_plural(len(updated), 'disagreeing figure')} stated at another time, not a contradiction "
                     f"({updated[0].temporal_note})")
    return "".join(f"; {part}" for part in parts)


def _own_origin_reason(own: list[Evidence]) -> str:
    """'; 1 source of its own origin (copy or outlet) also supports it, not counted' (copies of its article, its
    outlet's other articles), or ''."""
    notes = []
    for stance, plural_verb in (("supports", "support"), ("contradicts", "contradict")):
        count = sum(1 for e in own if e.stance == stance)
        if count:
            notes.append(f"{_plural(count, 'source')} of its own origin (copy or outlet) also "
                         f"{stance if count == 1 else plural_verb} it")
    return f"; {' and '.join(notes)}, not counted" if notes else ""


def counted_origin(evidence: Evidence, origin_cited: Callable[[str], str | None] | None) -> str:
    """The origin a supporting item counts for: the corpus outlet it relays or says confirmed the statement,
    when it names one, else its own."""
    party = evidence.party
    if party and origin_cited is not None:
        return origin_cited(party) or evidence.origin
    return evidence.origin


def _citing(supports: list[Evidence]) -> str:
    """', both citing the Pentagon' when every support relays one named party (or says it confirmed it)."""
    named = [e.party for e in supports]
    parties = {" ".join(p.lower().removeprefix("the ").split()) for p in named if p}
    if len(supports) < 2 or len(parties) != 1 or not all(named):
        return ""
    return f", {'both' if len(supports) == 2 else 'all'} citing {named[0]}"


def select_verdicts(verdicts: Iterable[Verdict], *, min_worth: float = 0.0, by_worth: bool = False) -> list[Verdict]:
    """The verdicts worth at least min_worth (an unscored one counts 0), most check-worthy first when
    by_worth (ties keep their input order), else in input order."""
    kept = [v for v in verdicts if min_worth <= 0 or _score(v) >= min_worth]
    return sorted(kept, key=lambda v: -_score(v)) if by_worth else kept


def _score(verdict: Verdict) -> float:
    return verdict.worth.score if verdict.worth is not None else 0.0
