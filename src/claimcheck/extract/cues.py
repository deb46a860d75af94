"""The lexicon's cue lists (hedges, opinion, denial, correction, dated markers, secondary roles)
compiled into patterns once per process.

Every corpus sentence is searched for every list when indexing, so each list gets one combined
pattern: most sentences hold none of its phrases and are done with after a single search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimcheck.lexicon import lexicon

__all__ = ["Cues", "PhraseList", "cues"]


def _whole_words(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


class PhraseList:
    """A list of phrases matched as whole words in lower-case text, in the list's order."""

    __slots__ = ("_any", "_each", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(phrases)
        longest_first = sorted(self.phrases, key=len, reverse=True)
        self._any = _whole_words("|".join(map(re.escape, longest_first))) if self.phrases else None
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


@cache
def cues() -> Cues:
    """The compiled cue lists of the loaded lexicon."""
    words = lexicon()
    return Cues(
        hedges=PhraseList(words.hedge_words),
        opinion=PhraseList(words.opinion_markers),
        denial=PhraseList(words.denial_phrases),
        correction=PhraseList(words.correction_phrases),
        dated=PhraseList(words.dated_markers),
        secondary_role_heads=PhraseList(words.secondary_role_heads),
    )
