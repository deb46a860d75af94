"""The one way an evidence sentence is written on a line of text (SARIF messages, JUnit details, CSV cells)."""

from __future__ import annotations

from claimcheck.models import Evidence

__all__ = ["evidence_line"]


def evidence_line(evidence: Evidence, *, quoted: bool = True) -> str:
    """'contradicts [negation]: corpus/seoul.txt: "Seoul says ..." (negated: 'has not sent')': the stance, the
    id of the rule that decided it, the source, the sentence and the reason; quoted=False drops the quotes."""
    sentence = f'"{evidence.sentence}"' if quoted else evidence.sentence
    return f"{evidence.stance} [{evidence.rule}]: {evidence.source}: {sentence} ({evidence.reason})"
