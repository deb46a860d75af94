"""Which words of an evidence sentence decided it: spans to mark, computed from the evidence's reason.

Pure functions over strings, so the HTML template only writes segments (each escaped) and never
builds markup from article text. Three kinds of mark:

- `figure`: a number the reason names that the sentence gives too ("numbers disagree: $5 billion
  vs $2.2 billion" marks "$2.2 billion"), for the rules whose reason quotes figures;
- `cue`: a short phrase the reason quotes in single quotes ("negated: 'has not sent'", "hedged:
  'reportedly'");
- `party`: whom the source relays the sentence from (`Evidence.attributed_to`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from claimcheck.models import EvidenceRule

__all__ = ["FIGURE_RULES", "MarkKind", "Segment", "claim_segments", "decisive_segments"]

MarkKind = Literal["figure", "cue", "party", "claim"]

# Only these reasons name figures of the sentence; others carry numbers of their own
# ("covers 62% of the claim", "model reads the source as supports (62%)").
FIGURE_RULES = frozenset(
    {EvidenceRule.NUMBER_CONFLICT, EvidenceRule.NUMBER_AGREEMENT, EvidenceRule.OLDER_FIGURE, EvidenceRule.OTHER_TIME}
)
_MAX_CUE_WORDS = 6  # a longer quotation is a whole sentence (denied-tale), not a cue

# A number, not part of a longer one: "10,000", "2.2", "2019" (not the "2" of "2.2" or of "A2").
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w]|[.,]\d)")
# What belongs to a figure around its number: a currency sign before, a scale or unit after.
_BEFORE = re.compile(r"[$€£¥]\s?$")
_AFTER = re.compile(r"^(?:\s?%|\s(?:percent|per cent|trillion|billion|million|thousand)\b|(?:bn|m|k)\b)", re.IGNORECASE)
# A quotation in single quotes: opens after a space, bracket or colon; closes before one or the end
# ('didn't' stays whole).
_QUOTED = re.compile(r"(?:^|(?<=[\s(:]))'(.+?)'(?=$|[\s),.;:])")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a sentence, marked (kind) or plain (None); the pieces put together are the sentence."""

    text: str
    kind: MarkKind | None = None


def decisive_segments(sentence: str, *, reason: str, rule: str, attributed_to: str | None = None) -> list[Segment]:
    """The sentence cut into segments, the words that decided its stance marked.

    >>> [s for s in decisive_segments("It gave $2.2 billion.", reason="numbers disagree: $5 billion vs $2.2 billion",
    ...                                rule="number-conflict") if s.kind]
    [Segment(text='$2.2 billion', kind='figure')]
    """
    spans: list[tuple[int, int, MarkKind]] = []
    if rule in FIGURE_RULES:
        spans += [(start, end, "figure") for start, end in _figure_spans(sentence, reason)]
    for quoted in _QUOTED.findall(reason):
        if len(quoted.split()) <= _MAX_CUE_WORDS and any(ch.isalpha() for ch in quoted):
            spans += [(start, end, "cue") for start, end in _phrase_spans(sentence, quoted)]
    if attributed_to and attributed_to.strip():
        spans += [(start, end, "party") for start, end in _phrase_spans(sentence, attributed_to.strip())]
    return _segments(sentence, spans)


def claim_segments(sentence: str, claim: str) -> list[Segment]:
    """The sentence with the claim marked as `claim` when the claim is a part of it (one clause of several)."""
    if not claim or claim == sentence:
        return [Segment(sentence)]
    start = sentence.find(claim)
    if start < 0:
        return [Segment(sentence)]
    return _segments(sentence, [(start, start + len(claim), "claim")])


def _figure_spans(sentence: str, reason: str) -> list[tuple[int, int]]:
    wanted = {_plain_number(match.group()) for match in _NUMBER.finditer(reason)}
    spans = []
    for match in _NUMBER.finditer(sentence):
        if _plain_number(match.group()) not in wanted:
            continue
        start, end = match.span()
        before = _BEFORE.search(sentence[:start])
        after = _AFTER.match(sentence[end:])
        spans.append((before.start() if before else start, end + (after.end() if after else 0)))
    return spans


def _plain_number(text: str) -> str:
    """'10,000' and '10000' are one number; '2.2' keeps its point."""
    return text.replace(",", "")


def _phrase_spans(sentence: str, phrase: str) -> list[tuple[int, int]]:
    """Where the phrase stands in the sentence as whole words, any case, any run of spaces."""
    words = [re.escape(word) for word in phrase.split()]
    if not words:
        return []
    pattern = r"\s+".join(words)
    if phrase[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if phrase[-1].isalnum():
        pattern += r"(?!\w)"
    return [match.span() for match in re.finditer(pattern, sentence, re.IGNORECASE)]


def _segments(sentence: str, spans: list[tuple[int, int, MarkKind]]) -> list[Segment]:
    """Cut the sentence at the spans; of two overlapping spans the one that starts first (then the longer) wins."""
    segments: list[Segment] = []
    position = 0
    for start, end, kind in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < position or start == end:
            continue
        if start > position:
            segments.append(Segment(sentence[position:start]))
        segments.append(Segment(sentence[start:end], kind))
        position = end
    if position < len(sentence) or not segments:
        segments.append(Segment(sentence[position:]))
    return segments
