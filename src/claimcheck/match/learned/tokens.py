"""Tokens and cue words of the learned stance model: a regex tokenizer, a light stemmer, and the
hand-written word lists (``data/stance_lexicon.json``) with the cues each sentence holds.

No spaCy here: a regex tokenizer keeps a 10k-pair run fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from claimcheck.lexicon import stance_word_lists

_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[’'][A-Za-z]+)*|\?")
# The cue lists a sentence is searched for; only the first three have phrases.
CUE_KINDS = ("refute", "hedge", "support", "report", "negation")


@dataclass(frozen=True)
class StanceLexicon:
    """Hand-written word lists; phrases are stored as tuples of lowercased tokens."""

    stopwords: frozenset[str]
    words: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def load(cls, path: Path | None = None) -> StanceLexicon:
        lists = stance_word_lists(path)
        phrases = {kind: tuple(tuple(_surface(p)) for p in texts) for kind, texts in lists.phrases.items()}
        return cls(stopwords=lists.stopwords, words=lists.words, phrases=phrases)

    @cached_property
    def cue_index(self) -> dict[str, tuple[tuple[str, ...], tuple[tuple[str, int, tuple[str, ...]], ...]]]:
        """token -> (the cue lists holding it as a word, (cue list, place in it, phrase) of the phrases it opens).

        One look-up per token finds every cue a sentence holds, in one pass over its tokens.
        """
        words: dict[str, list[str]] = {}
        phrases: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
        for kind in CUE_KINDS:
            for word in self.words[kind]:
                words.setdefault(word, []).append(kind)
            for order, phrase in enumerate(self.phrases.get(kind, ())):
                if phrase:
                    phrases.setdefault(phrase[0], []).append((kind, order, phrase))
        return {
            token: (tuple(words.get(token, ())), tuple(phrases.get(token, ())))
            for token in {*words, *phrases}
        }

    @cached_property
    def content_stems(self) -> _ContentStems:
        """token -> its stem, or "" for a stopword or "?": a sentence's content stems, one look-up a token."""
        return _ContentStems(self.stopwords)


def _surface(text: str) -> list[str]:
    """Lowercased tokens, with "n't" split off so that negation is one token."""
    # Tokens are ASCII letters, digits and apostrophes: lowercasing them joined is lowercasing each.
    tokens = " ".join(_WORD_RE.findall(text)).lower().split(" ")
    if tokens == [""]:
        return []
    if "'" not in text and "’" not in text:
        return tokens
    out: list[str] = []
    for tok in tokens:
        if "'" not in tok and "’" not in tok:
            out.append(tok)
            continue
        tok = tok.replace("’", "'")
        if tok.endswith("n't") and len(tok) > 3:
            out.extend((tok[:-3], "n't"))
        elif tok.endswith("'s"):
            out.append(tok[:-2])
        else:
            out.append(tok.replace("'", ""))
    return out


_STEM_CACHE: dict[str, str] = {}


def _stem(word: str) -> str:
    """A light stemmer: plural -s, -ies, -ing, -ed; enough for word-overlap features."""
    stem = _STEM_CACHE.get(word)
    if stem is not None:
        return stem
    stem = word
    if len(word) > 4 and word.endswith("ies"):
        stem = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        stem = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        stem = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        stem = word[:-1]
    if len(stem) > 4 and stem.endswith("e"):
        stem = stem[:-1]
    _STEM_CACHE[word] = stem
    return stem


class _ContentStems(dict[str, str]):
    def __init__(self, stopwords: frozenset[str]) -> None:
        super().__init__()
        self._stopwords = stopwords

    def __missing__(self, token: str) -> str:
        stem = self[token] = "" if (token in self._stopwords or token == "?") else _stem(token)
        return stem


def _find_cues(tokens: Sequence[str], lex: StanceLexicon) -> dict[str, list[tuple[int, str]]]:
    """For each cue list, (position, matched text) of its words in token order, then of its phrases in lexicon order."""
    index = lex.cue_index
    hits: dict[str, list[tuple[int, str]]] = {kind: [] for kind in CUE_KINDS}
    if index.keys().isdisjoint(tokens):
        return hits
    phrase_hits: dict[str, list[tuple[int, int, str]]] = {}
    for i, token in enumerate(tokens):
        entry = index.get(token)
        if entry is None:
            continue
        kinds, phrases = entry
        for kind in kinds:
            hits[kind].append((i, token))
        for kind, order, phrase in phrases:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                phrase_hits.setdefault(kind, []).append((order, i, " ".join(phrase)))
    for kind, found in phrase_hits.items():
        found.sort()
        hits[kind].extend((i, text) for _, i, text in found)
    return hits
