"""The lexicon's word lists the extractor searches text for, compiled into patterns once per process.

Cue lists (hedges, opinion, denial, correction, dated markers, secondary roles, report nouns) become PhraseLists:
every corpus sentence is searched for every list when indexing, so each list gets one combined
pattern, and most sentences hold none of its phrases and are done with after a single search.
Lists that open a sentence or a claim's name become anchored patterns; the few rules that are
patterns rather than words (a four-digit year, 'according to ...') are written here beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimcheck.lexicon import dispute_words, lexicon

# Curly quotes as straight ones: the form the word lists' phrases are written in.
STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

__all__ = ["Cues", "PhraseList", "alternatives", "cues"]


def _whole_words(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def alternatives(words: Iterable[str]) -> str:
    """Regex alternatives matching each word literally."""
    return "|".join(map(re.escape, words))


class PhraseList:
    """A list of phrases matched as whole words in lower-case text, in the list's order."""

    __slots__ = ("_any", "_each", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(phrases)
        longest_first = sorted(self.phrases, key=len, reverse=True)
        self._any = _whole_words(alternatives(longest_first)) if self.phrases else None
        self._each = tuple((phrase, _whole_words(re.escape(phrase))) for phrase in self.phrases)

    def all_in(self, text_lower: str) -> list[str]:
        """The phrases the text contains, in the list's order (duplicates in the list kept)."""
        if self._any is None or self._any.search(text_lower) is None:
            return []
        # The substring test is only a fast reject: a whole-word match is always a substring.
        return [phrase for phrase, pattern in self._each if phrase in text_lower and pattern.search(text_lower)]

    def first_in(self, text_lower: str) -> str | None:
        """The first phrase of the list (not of the text) that the text contains."""
        if self._any is None or self._any.search(text_lower) is None:
            return None
        for phrase, pattern in self._each:
            if phrase in text_lower and pattern.search(text_lower):
                return phrase
        return None


@dataclass(frozen=True)
class Cues:
    hedges: PhraseList
    opinion: PhraseList
    denial: PhraseList
    correction: PhraseList
    dated: PhraseList
    secondary_role_heads: PhraseList
    report_nouns: PhraseList  # 'claims', 'the story': what a disputing verb must have as its object to deny
    disputing_particles: frozenset[str]  # 'back' of 'push back against', 'down' of 'shoot down'
    conditional_start: re.Pattern[str]  # a sentence that is speculation ('If ...'), on lower-case text
    time_words: re.Pattern[str]  # a span the tagger calls a date that surely is one ('Some 12k' is not)
    anaphoric_start: re.Pattern[str]  # a sentence that leans on the one before ('It ...')
    lead_ins: re.Pattern[str]  # openings trimmed from a claim's name ('However, ')
    leading_adverbial: re.Pattern[str]  # a short opening adverbial trimmed from a claim's name ('In June, ')


@cache
def cues() -> Cues:
    """The compiled cue lists of the loaded lexicon."""
    words = lexicon()
    lead_ins = rf"according to [^,]+|in (?:a|an|the) [^,]{{0,40}}|{alternatives(words.lead_ins)}"
    adverbials = rf"(?:{alternatives(words.opening_adverbials)}|on [a-z]+day)\b[^,]{{0,60}}|[A-Z][a-z]+day|yesterday|today"
    return Cues(
        hedges=PhraseList(words.hedge_words),
        opinion=PhraseList(words.opinion_markers),
        denial=PhraseList(words.denial_phrases),
        correction=PhraseList(words.correction_phrases),
        dated=PhraseList(words.dated_markers),
        secondary_role_heads=PhraseList(words.secondary_role_heads),
        report_nouns=PhraseList(sorted(dispute_words().report_nouns)),
        disputing_particles=frozenset(entry.split()[1] for entry in words.disputing_verbs if " " in entry),
        conditional_start=re.compile(rf"^(?:{alternatives(words.conditional_openers)})\b"),
        time_words=re.compile(rf"\b(?:\d{{4}}|[ap]\.?m\.?|{alternatives(words.quantities.time_words)})\b", re.IGNORECASE),
        anaphoric_start=re.compile(rf"^(?:{alternatives(words.anaphoric_openers)})\b", re.IGNORECASE),
        lead_ins=re.compile(rf"^(?:(?:{lead_ins}),\s*)+", re.IGNORECASE),
        leading_adverbial=re.compile(rf"^(?:{adverbials}),\s+", re.IGNORECASE),
    )
