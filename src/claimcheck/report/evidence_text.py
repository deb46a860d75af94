"""The one way an evidence sentence is written on a line of text (SARIF messages, JUnit details, CSV cells)."""

from __future__ import annotations

from claimcheck.models import Evidence

__all__ = ["SAME_ORIGIN_NOTE", "evidence_line", "not_counted_note", "party_note", "reason_and_notes", "source_and_party"]


def party_note(evidence: Evidence) -> str:
    """'citing the Pentagon' when the source relays the sentence, 'confirmed by the Pentagon' when it vouches
    for it and names who confirmed it; '' in its own voice."""
    if evidence.attributed_to:
        return f"citing {evidence.attributed_to}"
    return f"confirmed by {evidence.confirmed_by}" if evidence.confirmed_by else ""


def source_and_party(evidence: Evidence, source: str | None = None) -> str:
    """The source, its publication date when known, and whom it relays the sentence from (or says confirmed
    it) when it does: 'wire.txt, published 2024-11-04 (citing the Pentagon)'."""
    shown = evidence.source if source is None else source
    if evidence.published:
        shown += f", published {evidence.published}"
    party = party_note(evidence)
    return f"{shown} ({party})" if party else shown


SAME_ORIGIN_NOTE = "same origin as the claim (a copy of its story or its outlet), not counted"


def not_counted_note(evidence: Evidence) -> str:
    """Why the item does not count for the label, when it does not: 'figure superseded: ..., not counted', or
    'same origin as the claim (...), not counted'; '' for an item that counts."""
    notes = []
    if evidence.temporal is not None:
        notes.append(f"{evidence.temporal_note or evidence.temporal}, not counted")
    if evidence.same_origin:
        notes.append(SAME_ORIGIN_NOTE)
    return "; ".join(notes)


def reason_and_notes(evidence: Evidence) -> str:
    """The reason, followed by why the item does not count when it does not: 'numbers disagree: ...; figure
    superseded: ...'."""
    note = not_counted_note(evidence)
    return f"{evidence.reason}; {note}" if note else evidence.reason


def evidence_line(evidence: Evidence, *, quoted: bool = True) -> str:
    """'contradicts [negation]: corpus/seoul.txt (citing the ministry): "Seoul says ..." (negated: 'has not sent')':
    the stance, the id of the rule that decided it, the source (its date) and whom it cites, the sentence, the
    reason and why the item does not count, when it does not;
    quoted=False drops the quotes."""
    sentence = f'"{evidence.sentence}"' if quoted else evidence.sentence
    return f"{evidence.stance} [{evidence.rule}]: {source_and_party(evidence)}: {sentence} ({reason_and_notes(evidence)})"
