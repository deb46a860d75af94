"""Whom a sentence's opening pronoun refers to: "He bought a BMW" speaks of the person the sentence
before names. Matching reads that person as named, so that a source's "His inspiration is Paul
Tudor Jones" restates "Islam's biggest inspiration is Paul Tudor Jones" when the sentence before it
names Islam."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from claimcheck.extract.cues import STRAIGHT
from claimcheck.lexicon import lexicon, slot_words
from claimcheck.models import EntityMention, Statement

__all__ = ["NAME_WORD", "known_names", "person_referred", "with_referents"]

SUBJECT_CHARS = 40  # a person named this near the start of a sentence is its subject
NAME_WORD = re.compile(r"\b[A-Z][a-zA-Z]*[a-z]\b")


@cache
def _person_start() -> re.Pattern[str]:
    pronouns = "|".join(map(re.escape, lexicon().claim_words.person_pronouns))
    # "And he rented ...": a conjunction may open the sentence before its pronoun.
    return re.compile(rf"^(?:(?:and|but|so|yet),? )?(?:{pronouns})(?![\w'-])")


def _opens_on_person(statement: Statement) -> bool:
    return _person_start().match(statement.text.translate(STRAIGHT).lower().lstrip("\"'([ ")) is not None


def _person_named(previous: Statement) -> EntityMention | None:
    """The only person a sentence names, or the one it opens on (its subject, as news writes it)."""
    people = list({m.key: m for m in previous.entities if m.label == "PERSON"}.values())
    if len(people) == 1 or (people and people[0].text in previous.text[:SUBJECT_CHARS]):
        return people[0]
    return None


def person_referred(statement: Statement, previous: Statement | None) -> EntityMention | None:
    """The person the sentence before names, when the sentence opens on 'he', 'she', 'his' or 'her'."""
    if previous is None or not _opens_on_person(statement):
        return None
    return _person_named(previous)


def _known_subject(previous: Statement, known: frozenset[str]) -> list[str]:
    """The terms of a person the article named before when the sentence opens on their name without
    the tagger seeing a person there ("Islam says ..." after "Mohammed Islam" was named)."""
    opening = NAME_WORD.findall(previous.text[:SUBJECT_CHARS])
    words = {word.lower() for word in opening if word in known}
    return [t for t in previous.terms if t in words]


def _referent_terms(statement: Statement, previous: Statement | None, known: frozenset[str]) -> list[str]:
    if previous is None or not _opens_on_person(statement):
        return []
    person = _person_named(previous)
    if person is not None:
        words = set(person.key.split("_"))
        return [t for t in previous.terms if t == person.key or t in words]
    if not any(m.label == "PERSON" for m in previous.entities):
        subject = _known_subject(previous, known)
        if subject:
            return subject
        # "He attends ... He bought ...": the person stays the one named before the first 'he'.
        return list(previous.referent_terms)
    return []


def with_referents(statements: list[Statement]) -> list[Statement]:
    """The article's statements, each sentence that opens on a person pronoun carrying the terms of the
    person it refers to (Statement.referent_terms)."""
    resolved: list[Statement] = []
    previous: Statement | None = None
    known: frozenset[str] = frozenset()
    for statement in statements:
        terms = _referent_terms(statement, previous, known)
        known |= known_names([statement])
        if terms:
            statement = statement.model_copy(update={"referent_terms": terms})
        resolved.append(statement)
        previous = statement
    return resolved


def known_names(statements: Iterable[Statement]) -> frozenset[str]:
    """The words of the people these sentences name ('Robert Plant': 'Robert', 'Plant'), as written."""
    return frozenset(
        word
        for statement in statements
        for mention in statement.entities
        if mention.label == "PERSON"
        for word in NAME_WORD.findall(mention.text)
        if word.lower() not in slot_words().person_titles  # 'Minister' names no one
    )
