"""How much of a claim a sentence covers: the IDF-weighted share of the claim's terms it holds (its
paragraph and background words at less credit, a specific figure both give as one more term), and which of the
claim's named participants it leaves out.
Coverage says a sentence is about the claim; match/stance.py decides what it says about it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from claimcheck.lexicon import lexicon
from claimcheck.match.differences import YEAR
from claimcheck.models import Statement

ENTITY_WEIGHT = 1.5
CONTEXT_CREDIT = 0.5
BACKGROUND_CREDIT = 0.25
FUZZY_CREDIT = 0.8
FUZZY_CUTOFF = 88


@dataclass(frozen=True, slots=True)
class Coverage:
    relevance: float
    missing_entities: tuple[str, ...]
    covered: frozenset[str]


_FOLLOWED_BY_A_NOUN = re.compile(r"\s+(?!(?:and|or|of|in|on|at|to|from|for|with|by|as|is|are|was|were)\b)[A-Za-z]")


def descriptor_keys(statement: Statement) -> frozenset[str]:
    """The keys of the nationalities and creeds a statement only uses to describe ('Islamist militants', 'Palestinian
    families', 'a German hostage'): a group or a country named by its adjective, before a noun. Not a participant
    ('two Iraqis', 'North Korea sent')."""
    keys = set()
    for entity in statement.entities:
        adjective = entity.label == "NORP" or (entity.label == "GPE" and entity.text.lower().replace(" ", "_") != entity.key)
        if not adjective:
            continue
        at = statement.text.find(entity.text)
        if at >= 0 and _FOLLOWED_BY_A_NOUN.match(statement.text, at + len(entity.text)):
            keys.add(entity.key)
    return frozenset(keys)


def _described_only(claim: Statement, sentences: Sequence[Statement]) -> frozenset[str]:
    """The claim's descriptions (`descriptor_keys`) a source need not name: all of them, unless one of its sentences
    names a nationality or creed the claim does not ('Ukrainian troops' beside 'North Korean troops'): then none."""
    described = descriptor_keys(claim)
    if not described:
        return described
    own = {entity.key for entity in claim.entities}
    for sentence in sentences:
        others = [entity for entity in sentence.entities if entity.key not in own]
        if others and any(entity.label == "NORP" or entity.key in descriptor_keys(sentence) for entity in others):
            return frozenset()
    return described


def _entity_terms(statement: Statement) -> set[str]:
    words = lexicon()
    keys = set()
    for entity in statement.entities:
        keys.add(entity.key)
        keys.update(words.implies.get(entity.key, ()))
    return keys & set(statement.terms)


def _wanted(claim: Statement) -> list[str]:
    """What a sentence must cover of the claim: its core (the main clause's words, without who says it or
    what describes a person), or all its terms when the core is under three."""
    return claim.core_terms if len(claim.core_terms) >= 3 else claim.terms


def coverage(
    claim: Statement,
    sentence: Statement,
    idf: Callable[[str], float],
    *,
    skip: AbstractSet[str] = frozenset(),
    wanted: list[str] | None = None,
) -> Coverage:
    """IDF-weighted share of the claim's terms (its core, unless told) that the sentence, or at less
    credit its paragraph, contains. Who the claim is attributed to is never wanted: a source that
    does not name the Pentagon can still state what the Pentagon said."""
    entity_terms = _entity_terms(claim)
    own = set(sentence.terms) | set(sentence.referent_terms)
    context = set(sentence.context_terms)
    background = set(sentence.background_terms)
    total = gained = 0.0
    covered: set[str] = set()
    missing_entities = []
    if wanted is None:
        wanted = _wanted(claim)
    said_by = set(claim.attribution_terms)
    for term in dict.fromkeys(wanted):
        if term in skip or term in said_by:
            continue
        weight = idf(term) * (ENTITY_WEIGHT if term in entity_terms else 1.0)
        total += weight
        if term in own:
            credit = 1.0
        elif term in context:
            credit = CONTEXT_CREDIT
        elif term in background:
            credit = BACKGROUND_CREDIT
        elif len(term) > 4 and process.extractOne(term, own, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF):
            credit = FUZZY_CREDIT
        else:
            credit = 0.0
        gained += weight * credit
        if credit < CONTEXT_CREDIT and any(key in own for key in lexicon().implies.get(term, ())):
            # a leader acting is the state acting: "Kim Jong Un sent" is covered by "North Korea sent"
            credit = 1.0
            gained += weight
        if credit >= CONTEXT_CREDIT:
            covered.add(term)
        elif term in entity_terms:
            missing_entities.append(term)
    if missing_entities:
        # A description the sentence leaves out ('militants' for 'Islamist militants') is less specific wording, not a
        # missing participant, unless the sentence names another nationality or creed.
        described = _described_only(claim, [sentence])
        missing_entities = [term for term in missing_entities if term not in described]
    shared = _shared_figures(claim, sentence)
    if shared and total:
        # a specific figure both give ("219 schoolgirls", "in 2009") ties the two to one fact as a rare word would;
        # it only adds: a figure the sentence gives otherwise is the stance rules' to read
        weight = max(idf(term) for term in wanted) if wanted else 0.0
        gained += shared * weight
        total += shared * weight
    relevance = gained / total if total else 0.0
    return Coverage(round(min(relevance, 1.0), 3), tuple(missing_entities), frozenset(covered))


def _shared_figures(claim: Statement, sentence: Statement) -> int:
    """How many specific figures of the claim the sentence gives too, as the same number: a year, an amount in a unit,
    or a count of ten or more; not a vague one ('thousands of'), and 'more than 500' is not restated by '200,000',
    though the two agree."""
    figures = 0 if not claim.quantities else sum(
        1 for wanted in claim.quantities
        if (wanted.value >= 10 or wanted.unit) and not wanted.low < wanted.high < float("inf")
        and any(
            stated.unit == wanted.unit and abs(stated.value - wanted.value) <= wanted.rounding_tolerance() * wanted.value
            for stated in sentence.quantities
        )
    )
    claim_years = _years(claim.text)
    return figures + (len(claim_years & _years(sentence.text)) if claim_years else 0)


@lru_cache(maxsize=65_536)
def _years(text: str) -> frozenset[str]:
    return frozenset(YEAR.findall(text))


def entities_missing(claim: Statement, sentences: Sequence[Statement]) -> list[str]:
    """The claim's named participants (as the claim wrote them) that no sentence of a source names: the
    names of what a sentence must cover (`_wanted`), or all the claim's names when that part names nobody;
    who the claim is attributed to is not one of them. The person an opening 'he' or 'she' refers to is one."""
    named: set[str] = set()
    for sentence in sentences:
        named.update(sentence.terms)
        named.update(sentence.context_terms)
        named.update(sentence.referent_terms)
    implied_by = lexicon().implies
    said_by = set(claim.attribution_terms)
    wanted = set(_wanted(claim))
    if not any(entity.key in wanted or set(entity.key.split("_")) <= wanted for entity in claim.entities):
        # a core that names nobody ("She was freed in exchange for ..."): its other names tie it to its story
        wanted = set(claim.terms)
    missing = []
    described = _described_only(claim, sentences)
    if claim.referent_terms and not named.intersection(claim.referent_terms):
        # "He was reinvigorated by Jones's story": he is the claim's subject, named in the sentence before
        missing.append(" ".join(claim.referent_terms).title())
    for entity in claim.entities:
        if entity.key in said_by or entity.key in named or any(key in named for key in implied_by.get(entity.key, ())):
            continue
        if entity.key in wanted and entity.key not in described and entity.text not in missing:
            missing.append(entity.text)
    return missing
