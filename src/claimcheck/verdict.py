"""Verdict: Evidence -> a label, counting independent origins. Plain Python, no NLP.

Semantics (docs/labels.md): contradicted when an independent origin other than the claim's own
contradicts it; corroborated when at least one independent origin besides the claim's own supports
it (a typed claim, having no origin of its own, needs two); single-sourced otherwise; unmatched for
a typed claim that no source supports or contradicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from claimcheck.models import Claim, ClaimSlots, Evidence, Verdict, Worth

TYPED_CLAIM_CORROBORATION = 2
ARTICLE_CLAIM_CORROBORATION = 1


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
) -> Verdict:
    """Label one claim from the evidence of every source that speaks to it. slots: the claim's parts, and
    worth: its worth-checking score, carried along. origin_cited: the origin of the corpus outlet a source
    cites, if any; a support relayed from an outlet counts as that outlet's, and one relayed from the claim's
    own outlet does not count (circular reporting)."""
    usable = [e for e in evidence if own_origin is None or e.origin != own_origin]
    relayed = [(e, counted_origin(e, origin_cited)) for e in usable if e.stance == "supports"]
    circular = [e for e, origin in relayed if origin == own_origin]
    counted = [e for e, origin in relayed if origin != own_origin]
    supporting = sorted({origin for e, origin in relayed} - {own_origin})
    contradicting = sorted({e.origin for e in usable if e.stance == "contradicts"})
    needed = TYPED_CLAIM_CORROBORATION if claim.typed else ARTICLE_CLAIM_CORROBORATION
    support_text = _plural(len(supporting), "independent source")
    if contradicting:
        label = "contradicted"
        first = next(e for e in usable if e.stance == "contradicts")
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
    if circular:
        verb = "relays" if len(circular) == 1 else "relay"
        reason += (f"; {_plural(len(circular), 'source')} only {verb} the claim's own outlet "
                   f"({circular[0].attributed_to}), not counted")
    return Verdict(
        id=claim.id,
        claim=claim.text,
        name=claim.name,
        source=claim.source,
        span=(claim.statement.start, claim.statement.end) if not claim.typed else None,
        label=label,
        supporting_origins=len(supporting),
        contradicting_origins=len(contradicting),
        reason=reason,
        evidence=usable,
        slots=slots,
        worth=worth,
    )


def counted_origin(evidence: Evidence, origin_cited: Callable[[str], str | None] | None) -> str:
    """The origin a supporting item counts for: the corpus outlet it relays, when it relays one, else its own."""
    if evidence.attributed_to and origin_cited is not None:
        return origin_cited(evidence.attributed_to) or evidence.origin
    return evidence.origin


def _citing(supports: list[Evidence]) -> str:
    """', both citing the Pentagon' when every support relays one named party."""
    parties = {" ".join(e.attributed_to.lower().removeprefix("the ").split()) for e in supports if e.attributed_to}
    if len(supports) < 2 or len(parties) != 1 or any(not e.attributed_to for e in supports):
        return ""
    return f", {'both' if len(supports) == 2 else 'all'} citing {supports[0].attributed_to}"


def select_verdicts(verdicts: Iterable[Verdict], *, min_worth: float = 0.0, by_worth: bool = False) -> list[Verdict]:
    """The verdicts worth at least min_worth (an unscored one counts 0), most check-worthy first when
    by_worth (ties keep their input order), else in input order."""
    kept = [v for v in verdicts if min_worth <= 0 or _score(v) >= min_worth]
    return sorted(kept, key=lambda v: -_score(v)) if by_worth else kept


def _score(verdict: Verdict) -> float:
    return verdict.worth.score if verdict.worth is not None else 0.0
