"""Whether two words name one action: the same term, or a verb and its noun ('attack' and 'attack',
'bomb' and 'bombing', 'resign' and 'resignation', 'invade' and 'invasion', 'approve' and 'approval'),
read through the synonym classes terms are made of ('bombing' is related to 'strike', the class of 'bomb').

A claim says what happened with a verb or a noun ('rebels bombed the bridge', 'the bombing of the
bridge was carried out by rebels'); a source may use the other. The regular English endings that make
a noun of a verb are enough for news; irregular pairs ('destroy' and 'destruction') are not related.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from claimcheck.lexicon import lexicon

# The endings that make a noun of a verb, tried on the verb, on the verb without a final 'e', and with a
# final 'y' read as 'i' ('deny' -> 'denial').
_NOUN_ENDINGS = ("ication", "ation", "ion", "ment", "ance", "ence", "ing", "ure", "al")
_SHORTEST_STEM = 3
_NEVER = frozenset({"state"})  # 'state' is not what 'station' does


@lru_cache(maxsize=8192)
def related_actions(word: str) -> frozenset[str]:
    """The nouns a verb makes and the verbs a noun comes from, by the regular endings (the word itself excluded)."""
    if word in _NEVER or len(word) < _SHORTEST_STEM + 1:
        return frozenset()
    stems = {word}
    if word.endswith("e"):
        stems.add(word[:-1])
    if word.endswith("y"):
        stems.add(word[:-1] + "i")
    related = {stem + ending for stem in stems for ending in _NOUN_ENDINGS}
    if word.endswith("de"):
        related.add(word[:-2] + "sion")  # invade -> invasion, explode -> explosion
    if word.endswith("fy"):
        related.add(word[:-1] + "ication")  # verify -> verification
    for ending in _NOUN_ENDINGS:
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= _SHORTEST_STEM:
            related.update({base, base + "e"})
            if base.endswith("i"):
                related.add(base[:-1] + "y")
    if word.endswith("sion") and len(word) > 6:
        related.add(word[:-4] + "de")
    if word.endswith("ification"):
        related.add(word[:-7] + "y")
    # terms are read through their synonym class ('bomb' is 'strike'): so are the words related to one
    synonyms = lexicon().synonyms
    related.update({synonyms[form] for form in related if form in synonyms})
    related.discard(word)
    return frozenset(related - _NEVER)


def same_action(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return False
    return first == second or second in related_actions(first) or first in related_actions(second)


def action_stated(action: str, terms: Collection[str]) -> bool:
    """The action, or its verb or noun, is among the terms."""
    return action in terms or any(term in terms for term in related_actions(action)) \
        or any(action in related_actions(term) for term in terms)
