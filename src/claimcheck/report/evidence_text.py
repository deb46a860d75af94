"""The one way an evidence sentence is written on a line of text (SARIF messages, JUnit details, CSV cells)."""

from __future__ import annotations

from claimcheck.models import Evidence

__all__ = ["evidence_line", "source_and_party"]


def source_and_party(evidence: Evidence, source: str | None = None) -> str:
    """The source, and whom it relays the sentence from when it does: 'wire.txt (citing the Pentagon)'."""
    shown = evidence.source if source is None else source
    return f"{shown} (citing {evidence.attributed_to})" if evidence.attributed_to else shown


def evidence_line(evidence: Evidence, *, quoted: bool = True) -> str:
    """'contradicts [negation]: corpus/seoul.txt (citing the ministry): "Seoul says ..." (negated: 'has not sent')':
    the stance, the id of the rule that decided it, the source and whom it cites, the sentence and the reason;
    quoted=False drops the quotes."""
    sentence = f'"{evidence.sentence}"' if quoted else evidence.sentence
    return f"{evidence.stance} [{evidence.rule}]: {source_and_party(evidence)}: {sentence} ({evidence.reason})"
