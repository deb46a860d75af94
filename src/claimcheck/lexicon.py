"""The data files that hold claimcheck's word knowledge, loaded once.

They live in claimcheck/data/*.json so users can read and extend them; nothing in code lists
entity names, synonyms or cue words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads(resources.files("claimcheck.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ExclusiveGroup:
    name: str
    members: dict[str, tuple[str, ...]]  # member name -> surface forms, lowercase


@dataclass(frozen=True)
class Lexicon:
    aliases: dict[str, str]
    alias_labels: dict[str, str]
    implies: dict[str, tuple[str, ...]]
    entails: dict[str, frozenset[str]]  # action -> actions its assertion implies were done
    weak_hedges: frozenset[str]
    synonyms: dict[str, str]
    exclusive_groups: tuple[ExclusiveGroup, ...]
    negation_words: frozenset[str]
    denial_phrases: tuple[str, ...]
    correction_phrases: tuple[str, ...]
    hedge_words: tuple[str, ...]
    reporting_verbs: frozenset[str]
    opinion_markers: tuple[str, ...]
    dated_markers: tuple[str, ...]
    secondary_role_heads: tuple[str, ...]
    gazetteer: dict[str, tuple[str, ...]]

    def canonical_lemma(self, lemma: str) -> str:
        return self.synonyms.get(lemma, lemma)


@cache
def lexicon() -> Lexicon:
    synonyms: dict[str, str] = {}
    for canonical, words in _load("synonyms.json")["classes"].items():
        for word in words:
            synonyms.setdefault(word, canonical)
    groups = tuple(
        ExclusiveGroup(group["name"], {member: tuple(forms) for member, forms in group["members"].items()})
        for group in _load("exclusive.json")["groups"]
    )
    cues = _load("cues.json")
    aliases = _load("aliases.json")
    gazetteer = {label: tuple(names) for label, names in _load("gazetteer.json").items() if not label.startswith("_")}
    return Lexicon(
        aliases=aliases["aliases"],
        alias_labels=aliases["labels"],
        implies={key: tuple(keys) for key, keys in aliases.get("implies", {}).items()},
        entails={action: frozenset(implied) for action, implied in _load("entailments.json")["entails"].items()},
        weak_hedges=frozenset(cues["weak_hedges"]),
        synonyms=synonyms,
        exclusive_groups=groups,
        negation_words=frozenset(cues["negation_words"]),
        denial_phrases=tuple(cues["denial_phrases"]),
        correction_phrases=tuple(cues["correction_phrases"]),
        hedge_words=tuple(cues["hedge_words"]),
        reporting_verbs=frozenset(cues["reporting_verbs"]),
        opinion_markers=tuple(cues["opinion_markers"]),
        dated_markers=tuple(cues["dated_markers"]),
        secondary_role_heads=tuple(cues["secondary_role_heads"]),
        gazetteer=gazetteer,
    )
