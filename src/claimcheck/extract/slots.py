"""A claim's slots (models.ClaimSlots): who it is attributed to, its hedge, who does what to whom,
how much, when and where.

Claims are parsed again here, one short text each: a claim may come from a stored corpus whose
statements keep no parse, and slots are wanted for a report's claims only, never for every corpus
sentence. Roles come from the dependency path between a participant and the asserted verb: its
subject (or the 'by' of a passive) is the agent, a place under a place preposition is the place,
anything else the verb governs is a patient.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from claimcheck.extract.attribution import attribution_slot, find_attribution
from claimcheck.extract.cues import cues
from claimcheck.extract.dates import resolve_time
from claimcheck.extract.features import SKIP_ENTITY_LABELS, entity_key, lemma_term, main_predicate
from claimcheck.lexicon import lexicon, slot_words
from claimcheck.models import Claim, ClaimSlots, Participant, PredicateSlot, Quantity, QuantitySlot, Role, TimeSlot

__all__ = ["claim_slots"]

AGENT_DEPS = frozenset({"nsubj", "csubj", "agent"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "agent"})
MAX_PATH = 12


def claim_slots(claims: Sequence[Claim], *, nlp, published: str | None = None) -> list[ClaimSlots]:
    """The slots of each claim, in order. published: the article's date (ISO), for relative times."""
    docs = nlp.pipe([claim.text for claim in claims], batch_size=64)
    return [_slots(claim, doc, published) for claim, doc in zip(claims, docs, strict=True)]


def _slots(claim: Claim, doc, published: str | None) -> ClaimSlots:
    statement = claim.statement
    span = doc[:]
    predicate, reporting_root = main_predicate(span)
    attribution = find_attribution(span, predicate, reporting_root, span.text)
    said = attribution.tokens if attribution is not None else frozenset()
    participants = _participants(span, predicate, said)
    weak = lexicon().weak_hedges
    hedge = next((h for h in statement.hedges if h not in weak), statement.hedges[0] if statement.hedges else None)
    return ClaimSlots(
        sentence=claim.sentence or statement.text,
        attributed_to=attribution_slot(doc, attribution),
        hedge=hedge,
        participants=participants,
        predicate=(
            PredicateSlot(lemma=statement.predicate, negated=bool(statement.negation or statement.prevented))
            if statement.predicate else None
        ),
        quantities=[_quantity(q) for q in statement.quantities],
        time=_time(span, said, published),
        place=next((p for p in participants if p.role == "place"), None),
    )


def _quantity(quantity: Quantity) -> QuantitySlot:
    def bound(value: float) -> float | None:
        return value if math.isfinite(value) else None

    return QuantitySlot(
        text=quantity.text, value=quantity.value, low=bound(quantity.low), high=bound(quantity.high),
        qualifier=quantity.qualifier, unit=quantity.unit, counted=quantity.counted,
    )


def _role(token, predicate, label: str) -> Role | None:
    """The role of the phrase whose head is `token` in the action of `predicate`; None when outside it."""
    words = slot_words()
    object_of = token
    while object_of.dep_ in {"conj", "compound"} and object_of.head.i != object_of.i:
        object_of = object_of.head  # 'in Kyiv and Seoul': Seoul is where Kyiv is; 'at Lisbon airport'
    if label in words.place_labels and object_of.dep_ == "pobj" and object_of.head.lower_ in words.place_prepositions:
        return "place"
    node = token
    for _ in range(MAX_PATH):
        if node.head.i == predicate.i or node.head.i == node.i:
            break
        if node.dep_ in {"ccomp", "advcl", "relcl"} and node.i != token.i:
            return None  # inside another clause: not a participant of this action
        node = node.head
    if node.head.i != predicate.i or node.i == predicate.i:
        return None
    return "agent" if node.dep_ in AGENT_DEPS else "patient"


def _participants(span, predicate, said: frozenset[int]) -> list[Participant]:
    found: dict[tuple[str, str], Participant] = {}
    covered: set[int] = set()
    for ent in span.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in SKIP_ENTITY_LABELS or any(i in said for i in range(ent.start, ent.end)):
            continue
        role = _role(ent.root, predicate, ent.label_)
        if role is not None:
            key = entity_key(ent.text)
            found.setdefault((key, role), Participant(key=key, text=ent.text, type=ent.label_, role=role))
    # the head nouns of the subject and object when no name covers them: 'the army', 'drones'
    for child in predicate.children:
        if child.dep_ not in ARGUMENT_DEPS or child.i in covered or child.i in said:
            continue
        noun = next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "agent" else child
        if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or noun.i in covered:
            continue
        role = "agent" if child.dep_ in AGENT_DEPS else "patient"
        text = span.doc[noun.left_edge.i : noun.i + 1].text
        key = lemma_term(noun)
        found.setdefault((key, role), Participant(key=key, text=text, type="NOUN", role=role))
    return sorted(found.values(), key=lambda p: ("agent", "patient", "place").index(p.role))


def _time(span, said: frozenset[int], published: str | None) -> TimeSlot | None:
    """The first date of the assertion (else of the attribution: 'officials said on Friday'), with its preposition."""
    # the parser calls some figures dates ('between 40 and 60'): a date has a time word or a year
    dates = [ent for ent in span.ents if ent.label_ in {"DATE", "TIME"} and cues().time_words.search(ent.text)]
    dates.sort(key=lambda ent: (ent.start in said, ent.start))
    if not dates:
        return None
    ent = dates[0]
    head = ent.root.head
    start = head.i if head.dep_ == "prep" and head.i == ent.start - 1 else ent.start
    return resolve_time(span.doc[start : ent.end].text, published)
