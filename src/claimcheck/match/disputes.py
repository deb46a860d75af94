"""What a source's denial reaches.

The learned model (match/learned/) reads a whole source against a claim, as it learned to read an
article against a headline. A sentence taken from an article is often background to its story (a
name, an age, an earlier event), and a source that debunks the story does not deny its background.
So for an article's sentence the model's reading of disagreement is kept only where this module finds
that the source disputes that sentence (docs/labels.md, "What a denial reaches"):

- a source disputes when one of its sentences is a denial: a denial cue (cues.json) or a word that
  calls a report or a figure false ("rubbish", "inaccurate", disputes.json);
- a denial of a report, a story, a rumour or claims ("a story that appeared in the Mirror is false",
  "debunked the report") reaches the whole tale: every claim of the story the report tells, but not a
  standing fact an article tells in its own voice ("Tor is a type of Web browser": present tense, not
  attributed, hedged or quoted), which is the background the tale is told against;
- a report said to overstate ("claims ... turn out to be exaggerated") reaches only claims that state an
  amount or a count (not a bare number such as an age);
- a denial of what it states itself, naming no report and no figure ("denied that the woman
  detained is his wife"), reaches the claims that share a third of their words with it;
- a denial of a figure ("the $72 million figure is bogus", "did not make $72 million"), or of claims
  that point back at a sentence giving a figure ("these claims are false"), reaches only claims
  that state that figure;
- no denial reaches a claim dated to a year or month it does not name itself: an earlier event is
  background to the report denied, not part of it;
- a sentence that itself denies or negates may be contradicted by a source that tells the tale
  without denying it: the two sides of a dispute contradict each other;
- a source that relays the tale (a sentence hedged, quoted, or attributed to the party its denial names
  or to an unnamed voice) and denies it as a whole is on the denying side: its relay is not support.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from claimcheck.lexicon import dispute_words, lexicon, slot_words
from claimcheck.match.differences import YEAR
from claimcheck.models import Statement

__all__ = [
    "QUOTE_OPENERS",
    "Denial",
    "denial_reaching",
    "denials_in",
    "denies_or_negates",
    "denies_whole_tale",
    "is_denial",
    "negation_turned_from",
    "origin_denied",
    "relayed_tale_denial",
    "same_story",
]

# "About" figures are read within about 10% of each other (docs/labels.md, numbers).
SAME_FIGURE = 0.1
# A denial of what it states itself reaches a claim sharing this share of its words, and at least this many.
SHARED_SHARE = 1 / 3
MIN_SHARED_TERMS = 2
# Entity labels that name a participant of a story (not a date, a number or a quantity).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"})


@dataclass(frozen=True, slots=True)
class Denial:
    """A denying sentence of a source and what it reaches: the whole tale, or only these figures."""

    statement: Statement
    position: int  # of the denying sentence among its source's sentences
    whole_tale: bool
    figures: tuple[float, ...]
    any_figure: bool = False  # says the report overstates: reaches every claim that states a figure
    told_by: frozenset[str] = frozenset()  # keys of who told the denied report ("claims by the Nigerian government")


@dataclass(frozen=True, slots=True)
class _Patterns:
    debunk: re.Pattern[str]
    overstating: re.Pattern[str]
    report: re.Pattern[str]
    pointing: re.Pattern[str]
    dated: re.Pattern[str]
    first_person: re.Pattern[str]
    contrast: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    words = dispute_words()

    def any_of(phrases) -> str:
        return "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))

    reports = any_of(words.report_nouns)
    return _Patterns(
        debunk=re.compile(rf"\b(?:{any_of(words.debunk_words + words.overstating_words)})\b"),
        overstating=re.compile(rf"\b(?:{any_of(words.overstating_words)})\b"),
        report=re.compile(rf"\b(?:{reports})\b"),
        pointing=re.compile(rf"\b(?:{any_of(words.pointing_words)}) (?:{reports})\b"),
        dated=re.compile(
            rf"(?:{YEAR.pattern})|\b(?:{any_of(words.dated_phrases)}|{any_of(n.title() for n in words.month_names)})\b"
        ),
        first_person=re.compile(
            r"\b(?:" + "|".join(word if word == "I" else f"{re.escape(word)}|{re.escape(word.title())}"
                             for word in words.first_person_words) + r")\b"
        ),
        contrast=re.compile(rf"\b(?:{any_of(lexicon().contrast_words)})\b"),
    )


QUOTE_OPENERS = "\"“‘'"
ARTICLES = frozenset({"a", "an", "the"})


@cache
def _unnamed_sources() -> frozenset[str]:
    words = slot_words().unnamed_sources
    return frozenset(words) | frozenset(f"{word}s" for word in words)


def _lower(text: str) -> str:
    return text.replace("’", "'").lower()


def is_denial(statement: Statement) -> bool:
    """The sentence denies or debunks something."""
    return bool(statement.denial) or bool(_patterns().debunk.search(_lower(statement.text)))


def may_deny(texts: Sequence[str]) -> bool:
    """False when none of a source's sentences (given by their texts) can be a denial (`is_denial`), so that
    none of its statements need be read to say so. The extractor found each sentence's denial cue in its
    lower-cased text, and a cue it found is in that text: a text holding no cue phrase holds no denial."""
    return _may_deny(tuple(texts))


@lru_cache(maxsize=16_384)  # a map asks again for each source, claim after claim (as the model's prepared bodies)
def _may_deny(texts: tuple[str, ...]) -> bool:
    any_cue = _denial_phrase_pattern()
    debunk = _patterns().debunk
    return any(any_cue.search(text.lower()) or debunk.search(_lower(text)) for text in texts)


@cache
def _denial_phrase_pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon().denial_phrases, key=len, reverse=True)
    return re.compile("|".join(re.escape(phrase.lower()) for phrase in phrases) or "(?!)")


def denies_or_negates(statement: Statement) -> bool:
    """The statement is itself a denial or a negation: one side of a dispute. A negation that a contrast turns
    from ("won't disclose his net worth but says it's in the high eight figures") ends in what it asserts."""
    return is_denial(statement) or (bool(statement.negation) and not negation_turned_from(statement))


def negation_turned_from(statement: Statement) -> bool:
    """A contrast follows the statement's negation ("won't disclose ... but says ..."): it ends in what it asserts."""
    return bool(statement.negation) and _turns_after(statement.text, statement.negation)


@lru_cache(maxsize=16_384)
def _turns_after(text: str, cue: str) -> bool:
    """A contrast word follows the negation cue in the text. The cue is the parse's tokens ("wo n't disclose"),
    found as written ("won't disclose"), not by its verb alone, which may stand earlier ("After he signed ...")."""
    lower = text.lower()
    written = re.compile(r"\s*".join(re.escape(token) for token in cue.lower().split()))
    found = written.search(lower)
    if found is None:
        return False
    return _patterns().contrast.search(lower, found.end()) is not None


def _figures(statement: Statement) -> tuple[float, ...]:
    return tuple(q.value for q in statement.quantities if q.value)


def _amounts(statement: Statement) -> tuple[float, ...]:
    """Figures that measure or count something ("$72 million", "35 dates"): what a report can overstate,
    unlike a bare number such as an age ("at age 9")."""
    return tuple(q.value for q in statement.quantities if q.value and (q.unit or q.counted))


# The denials of the sources read last, by the identity of their statement objects: a source is read for
# every claim it is a candidate of (up to 60 sources a claim), and a corpus hands out the same objects.
_CACHED_SOURCES = 4096
_denials_read: OrderedDict[tuple[int, ...], tuple[list[Statement], list[Denial]]] = OrderedDict()


def denials_in(sentences: Sequence[Statement]) -> list[Denial]:
    """Each denying sentence of a source (in source order) with what it reaches."""
    key = tuple(map(id, sentences))
    kept = _denials_read.get(key)
    # The entry holds its statements, so no id in the key can belong to another object while it is kept.
    if kept is not None and all(a is b for a, b in zip(kept[0], sentences, strict=True)):
        _denials_read.move_to_end(key)
        return list(kept[1])
    found = _find_denials(sentences)
    _denials_read[key] = (list(sentences), found)
    if len(_denials_read) > _CACHED_SOURCES:
        _denials_read.popitem(last=False)
    return list(found)


def _find_denials(sentences: Sequence[Statement]) -> list[Denial]:
    patterns = _patterns()
    found = []
    for index, sentence in enumerate(sentences):
        if not is_denial(sentence):
            continue
        text = _lower(sentence.text)
        if patterns.overstating.search(text) and not patterns.debunk.search(patterns.overstating.sub("", text)) \
                and not sentence.denial:
            found.append(Denial(sentence, index, whole_tale=False, figures=_figures(sentence), any_figure=True))
            continue
        names_report = bool(patterns.report.search(text))
        if names_report and index and patterns.pointing.search(text):
            before = sentences[index - 1]
            # "these claims are false" after a sentence that gives only a figure denies that figure.
            if not patterns.report.search(_lower(before.text)) and _figures(before):
                found.append(Denial(sentence, index, whole_tale=False, figures=_figures(before)))
                continue
        found.append(Denial(sentence, index, whole_tale=names_report, figures=() if names_report else _figures(sentence),
                            told_by=_told_by(sentence) if names_report else frozenset()))
    return found


def _told_by(denial: Statement) -> frozenset[str]:
    """Who told the report a denial names, when it names them: 'dismissed claims by the Nigerian government'."""
    reports = _patterns().report.pattern
    return frozenset(
        entity.key for entity in denial.entities if entity.label in NAME_LABELS and re.search(
            rf"{reports} (?:made )?(?:by|from) (?:the )?{re.escape(entity.text)}", denial.text, re.IGNORECASE
        )
    )


def _relayed_from_another(claim: Statement, denial: Denial) -> bool:
    """The claim is relayed from a named party other than whoever told the report the denial names: a denial of
    the government's claims does not reach what a rights group said in a report."""
    if not denial.told_by or not claim.attribution:
        return False
    said_by = set(claim.attribution_terms)
    named = {e.key for e in claim.entities if e.label in NAME_LABELS and set(e.key.split("_")) <= said_by}
    return bool(named) and not named & denial.told_by


def _dates(text: str) -> set[str]:
    return set(_patterns().dated.findall(text))


def _same_figure(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_FIGURE * max(abs(a), abs(b))


def same_story(claim: Statement, sentences: Sequence[Statement]) -> bool:
    """The source names at least half of the claim's named participants, a name of several words by all
    its words: a denial in an article about John Paul Jones says nothing about Paul Tudor Jones."""
    named: set[str] = set()
    for sentence in sentences:
        named.update(sentence.terms)
        named.update(entity.key for entity in sentence.entities)
    said_by = set(claim.attribution_terms)
    names = [e for e in claim.entities if e.label in NAME_LABELS and not set(e.key.split("_")) <= said_by]
    if not names:
        return True
    generic = dispute_words().generic_name_words
    found = sum(1 for e in names
                if e.key in named or all(word in named for word in e.key.split("_") if word not in generic))
    return 2 * found >= len(names)


def _about_the_same(denial: Statement, claim: Statement) -> bool:
    """A denial of what it states itself ("denied that the woman detained is his wife") reaches the claims
    that say much of the same: a third of the claim's words, two at least, who said it aside."""
    said_by = set(claim.attribution_terms)
    wanted = {term for term in claim.terms if term not in said_by}
    shared = wanted & set(denial.terms)
    return len(shared) >= MIN_SHARED_TERMS and len(shared) >= SHARED_SHARE * len(wanted)


def _standing_fact(claim: Statement) -> bool:
    """The claim states in the article's own voice what is so now ("Tor is a type of Web browser", "Boko Haram
    has killed thousands"): background a story is told against, not an event of the tale a report tells. Words
    in the first person are someone's, quoted; a sentence naming a report tells of the report."""
    text = claim.text.lstrip()
    return (claim.tense == "present" and claim.kind == "fact" and not claim.attribution and not claim.hedges
            and text[:1] not in QUOTE_OPENERS and not _patterns().first_person.search(text)
            and not _patterns().report.search(_lower(text)))


def _reaches(denial: Denial, claim: Statement, *, typed: bool = False) -> bool:
    dated = _dates(claim.text)
    if dated and not dated & _dates(denial.statement.text):
        return False
    if denial.whole_tale:
        if _relayed_from_another(claim, denial):
            return False
        return typed or not _standing_fact(claim)  # a typed claim is what the user asks of the tale
    if denial.any_figure and _amounts(claim):
        return True
    if not denial.figures and not denial.any_figure:
        return _about_the_same(denial.statement, claim)
    return any(_same_figure(a, b) for a in denial.figures for b in _figures(claim))


def denial_reaching(
    claim: Statement, sentences: Sequence[Statement], denials: Sequence[Denial], *, typed: bool = False
) -> tuple[bool, Statement | None]:
    """Whether the model's reading of a source as contradicting may stand for this claim, and the
    source's denial that makes it so (None when none is needed or none is found).

    A typed claim is read as the model learned to read a headline: a source without a denial keeps the
    model's reading, a source with denials keeps it only where one of them reaches the claim. A sentence
    of an article needs a denial that reaches it, unless it is itself a denial or a negation (the other
    side of a dispute), and then only a dated one needs the source to name its date. denials: the
    source's, from `denials_in(sentences)`.
    """
    if not typed and denies_or_negates(claim):
        dated = _dates(claim.text)
        if not dated:
            return True, None
        return any(dated & _dates(d.statement.text) for d in denials), None
    if not denials:
        if typed and not _dates(claim.text):
            return True, None
        return False, None
    if not same_story(claim, sentences):
        return False, None
    for denial in denials:
        if _reaches(denial, claim, typed=typed):
            return True, denial.statement
    return False, None


def tale_denial_reaching(claim: Statement, sentences: Sequence[Statement], denials: Sequence[Denial]) -> Statement | None:
    """The source's denial of the story as a whole that reaches this sentence of an article, whatever the
    sentence itself negates; None when there is none. denials: the source's, from `denials_in(sentences)`."""
    if not same_story(claim, sentences):
        return None
    return next((d.statement for d in denials if d.whole_tale and _reaches(d, claim)), None)


def denies_whole_tale(claim: Statement) -> bool:
    """The claim is itself a denial of a report as a whole ("the story is false")."""
    return any(denial.whole_tale for denial in denials_in([claim]))


def relayed_tale_denial(
    claim: Statement, supporting: Statement, sentences: Sequence[Statement], denials: Sequence[Denial], *,
    typed: bool = False,
) -> Statement | None:
    """The source's denial of the whole tale when its sentence supporting the claim only relays that tale
    (attributed to another party, or hedged); None when the source supports the claim in earnest.
    denials: the source's, from `denials_in(sentences)`."""
    if denies_or_negates(claim) or is_denial(supporting):
        return None
    for denial in denials:
        if denial.whole_tale and _reaches(denial, claim, typed=typed) and _relays(supporting, denial, sentences):
            return denial.statement
    return None


def _relays(supporting: Statement, denial: Denial, sentences: Sequence[Statement]) -> bool:
    """The sentence relays what the denial denies: hedged, a quotation, or attributed to the party the denial
    names or to an unnamed voice ("a source said")."""
    if supporting.hedges or supporting.text.lstrip()[:1] in QUOTE_OPENERS:
        # a quotation is always someone else's words: in an article that denies the story, the story's
        return True
    if not supporting.attribution:
        return False
    names = [word for word in re.findall(r"[A-Z][\w'’-]+", supporting.attribution) if word.lower() not in ARTICLES]
    if not names:
        # "a source said", "insiders told ...": in an article that denies the story, an unnamed voice is the story's
        return any(word in _unnamed_sources() for word in re.findall(r"[a-z]+", supporting.attribution.lower()))
    # The supporting sentence itself, just before the denial, does not make the denial name its source.
    return re.search(rf"\b{re.escape(names[-1])}\b", _around(denial, sentences, leaving_out=supporting)) is not None


def _around(denial: Denial, sentences: Sequence[Statement], *, leaving_out: Statement | None = None) -> str:
    """The denying sentence and the one before it (but `leaving_out`): where a denial names whose report it denies."""
    return " ".join(s.text for s in sentences[max(0, denial.position - 1):denial.position + 1] if s is not leaving_out)


def _origin_words(claim: Statement) -> set[str]:
    """The words of the named party a claim is attributed to ("..., a source told The Mirror": mirror)."""
    said_by = set(claim.attribution_terms)
    return {word for entity in claim.entities if entity.label in NAME_LABELS
            for word in entity.key.split("_") if word in said_by and word not in ARTICLES}


def origin_denied(claim: Statement, sentences: Sequence[Statement], denials: Sequence[Denial]) -> Statement | None:
    """The source's denial of a report as a whole when that report is the one the claim relays: the claim
    is attributed to a named party ("according to the Mirror") and the denial, or the sentence before
    it, names that party ("the Mirror's story is rubbish"). None otherwise.
    denials: the source's, from `denials_in(sentences)`."""
    if denies_or_negates(claim):
        return None
    origin = _origin_words(claim)
    if not origin or not denials or not same_story(claim, sentences):
        return None
    for denial in denials:
        if not denial.whole_tale or not _reaches(denial, claim):
            continue
        around = _lower(_around(denial, sentences))
        if any(re.search(rf"\b{re.escape(word)}\b", around) for word in origin):
            return denial.statement
    return None
