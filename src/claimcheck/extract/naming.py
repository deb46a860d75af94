"""A short name for a claim, as an analyst would write it: 'Kim Jong Un has sent about 10,000 soldiers'.

Built from the sentence and what its Statement holds (entities, figures with their counted noun,
the verb, its negation). What a name can do without goes first: who said it ('Officials said
that ...', '..., the ministry said'), openers ('But', 'In June,'), labels ('Spotted:'), asides
between commas, dashes or brackets, then the clauses after the one that holds the claim. A clause
still too long is cut before a phrase (a preposition, a conjunction), never inside an entity or a
figure and never before the claim's figure or verb. A name is never cut with '…': a clause these
rules cannot shorten enough keeps going to the end of its phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimcheck.extract.cues import alternatives, cues
from claimcheck.lexicon import naming_words
from claimcheck.models import Quantity, Statement

__all__ = ["MAX_NAME_WORDS", "claim_name"]

MAX_NAME_WORDS = 10  # what a name aims at
WHOLE_CLAUSE_WORDS = 12  # a clause this short is its own name: cutting two words off saves little
LONGEST_PHRASE_END = 16  # past the aim, a name may run on this far to end its phrase
MAX_ATTRIBUTION_WORDS = 10
QUOTES = "\"“”‘’'"
WEAK_PHRASE_STARTS = frozenset({"of", "and", "or"})  # a cut before them mostly leaves a noun half named
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "WEAPON", "PRODUCT", "EVENT"})


def _either(words) -> str:
    # Longest first: a regex alternation takes the first alternative that matches.
    return alternatives(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    lead_attribution: re.Pattern[str]
    bare_attribution: re.Pattern[str]
    tail_attribution: re.Pattern[str]
    tail_split: re.Pattern[str]
    leading_words: re.Pattern[str]
    label_prefix: re.Pattern[str]
    comma_aside: re.Pattern[str]
    dash_aside: re.Pattern[str]
    bracket_aside: re.Pattern[str]
    clause_break: re.Pattern[str]
    collective: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    words = naming_words()
    forms = _either(words.reporting_forms)
    who = r"(?P<who>[^,;:]{2,100}?)"
    return _Patterns(
        # 'Officials said that X', 'Fox News reported that X', 'He told MTV that X', 'Woody said: X'
        lead_attribution=re.compile(
            rf"^{who}\s+(?:(?:told|tells|tell|assured|informed)\s+[^,;:]{{1,40}}?|{forms})"
            rf"(?:\s+(?:on|last|this)\s+\w+)?\s*(?:\bthat\b|:|,(?=\s*[{QUOTES}]))\s*",
            re.IGNORECASE,
        ),
        bare_attribution=re.compile(rf"^{who}\s+(?:{_either(words.bare_reporting_forms)})\s+", re.IGNORECASE),
        # what follows the last comma: 'the ministry said', 'said a spokesman', 'according to X'
        tail_attribution=re.compile(
            rf"^(?:according to\b.*|(?:\S+\s){{0,7}}(?:{forms})(?:\s\S+){{0,3}}|(?:{forms})(?:\s\S+){{1,6}})$",
            re.IGNORECASE,
        ),
        tail_split=re.compile(rf",[{QUOTES}]?\s+"),
        leading_words=re.compile(rf"^(?:{_either(words.leading_words)})\b,?\s+", re.IGNORECASE),
        label_prefix=re.compile(r"^[A-Z][\w’'-]*(?:\s[\w’'-]+){0,2}:\s+(?=\S)"),
        comma_aside=re.compile(
            rf",\s+(?:(?:{_either(words.aside_openers)})\b|\w+ing\b|\d+(?:-year-old)?\b)(?:[^,;()]|,(?=\d)){{0,80}}?,\s+",
            re.IGNORECASE,
        ),
        dash_aside=re.compile(r"\s[–—-]\s[^–—]{1,80}?\s[–—-]\s"),
        bracket_aside=re.compile(r"\s*\([^()\d]*\)"),
        clause_break=re.compile(rf",\s+(?=(?:{_either(words.clause_openers)})\b)|;\s+|\s[–—-]\s|:\s+", re.IGNORECASE),
        collective=re.compile(rf"\b(?:a|an|the)\s+(?:{_either(words.collective_nouns)})\s+of\s+", re.IGNORECASE),
    )


def claim_name(statement: Statement) -> str:
    """The claim in at most about ten words, complete: its figure, its verb and the names around them."""
    text = _without_frame(statement.text, statement)
    words = text.split(" ")
    if len(words) > MAX_NAME_WORDS and len(text[: _anchors(text, statement).end].split()) > MAX_NAME_WORDS:
        text = _compressed(text, statement)
        words = text.split(" ")
    if len(words) > WHOLE_CLAUSE_WORDS:
        words = words[: _cut(words, text, statement)]
    return _finished(" ".join(words))


def _without_frame(text: str, statement: Statement) -> str:
    """The sentence without its attribution, openers, labels, asides and side clauses: what it claims."""
    text = re.sub(r"^[\s–—\-•*·>]+", "", text).strip()
    text = re.sub(r"\s*[.!]+[" + QUOTES + r"]?$", "", text)
    text = _without_openers(text, statement)
    text = _without_asides(text, statement)
    text = _without_openers(text, statement)
    text = _without_tail_attribution(text)
    return _first_clause(text, statement)


def _without_openers(text: str, statement: Statement) -> str:
    patterns = _patterns()
    for _ in range(4):  # openers stack: 'But, according to officials, reports say that ...'
        before = text
        text = cues().lead_ins.sub("", text).strip()
        text = patterns.leading_words.sub("", text)
        opening = cues().leading_adverbial.match(text)
        if opening is not None and len(text) - opening.end() >= 20:
            text = text[opening.end():]
        text = _without_opening_phrase(text, statement)
        text = _without_lead_attribution(text)
        label = patterns.label_prefix.match(text)
        if label is not None and len(text) - label.end() >= 20:
            text = text[label.end():]
        if text == before:
            break
    return text


def _leans_back(text: str) -> bool:
    """The text opens on a pronoun: without what came before it, nobody knows who acts."""
    first = text.split(" ", 1)[0].strip(QUOTES).lower()
    return first in {"i", "you"} or cues().anaphoric_start.match(text.lstrip(QUOTES)) is not None


def _without_opening_phrase(text: str, statement: Statement) -> str:
    """'Of the 4,000 asked, 10% ...', 'Speaking on Tuesday, X ...' -> the clause after the comma."""
    comma = text.find(", ")
    if comma < 0:
        return text
    opening, rest = text[:comma], text[comma + 2:]
    first = opening.split(" ", 1)[0].lower()
    if not (first in naming_words().opening_words or first.endswith("ing")):
        return text
    if len(opening.split()) > 25 or len(rest.split()) < 5 or _leans_back(rest):
        return text
    figure = _figure(statement, text)
    if figure is not None and figure.text in opening and _figure(statement, rest) is None:
        return text
    verb_end = _anchors(text, statement).verb_end
    return text if 0 < verb_end <= len(opening) else rest


def _without_lead_attribution(text: str) -> str:
    patterns = _patterns()
    match = patterns.lead_attribution.match(text) or patterns.bare_attribution.match(text)
    if match is None or len(match.group("who").split()) > MAX_ATTRIBUTION_WORDS:
        return text
    rest = text[match.end():].strip()
    return rest if len(rest.split()) >= 4 and not _leans_back(rest) else text


def _without_tail_attribution(text: str) -> str:
    """'X, the ministry said' -> 'X'; "'X,' Woody said" -> 'X'."""
    patterns = _patterns()
    splits = list(patterns.tail_split.finditer(text))
    if not splits:
        return text
    last = splits[-1]
    head, tail = text[: last.start()], text[last.end():]
    if len(head.split()) >= 4 and not _leans_back(head) and patterns.tail_attribution.match(tail):
        return head
    return text


def _without_asides(text: str, statement: Statement) -> str:
    """Asides between commas, dashes and brackets, unless they hold the claim's figure."""
    patterns = _patterns()
    for pattern in (patterns.comma_aside, patterns.dash_aside, patterns.bracket_aside):
        while True:
            match = next((m for m in pattern.finditer(text) if not _holds_the_figure(m, text, statement)), None)
            if match is None:
                break
            replacement = "" if pattern is patterns.bracket_aside else " "
            if pattern is patterns.comma_aside and patterns.comma_aside.match(text, match.end() - 2):
                replacement = ", "  # asides side by side share a comma: ', 20, a hacker from Birmingham,'
            text = (text[: match.start()] + replacement + text[match.end():]).strip()
    return " ".join(text.split())


def _holds_the_figure(aside: re.Match[str], text: str, statement: Statement) -> bool:
    """The aside holds the claim's figure: one the claim's verb counts, or, when the verb is unknown, the
    only one. ('The ferry, carrying 312 passengers, sank ...': 312 is not what the claim asserts.)"""
    outside = text[: aside.start()] + " " + text[aside.end():]
    for quantity in statement.quantities:
        if quantity.dated or quantity.text not in aside.group(0):
            continue
        if statement.predicate is not None and quantity.governor == statement.predicate:
            return True
        if statement.predicate is None and not any(q.text in outside for q in statement.quantities if not q.dated):
            return True
    return False


def _first_clause(text: str, statement: Statement) -> str:
    """The clauses up to the one that holds the claim's verb, its negation and its figure (a figure
    only in a later clause, not counted by the claim's verb, stays out: it is another assertion)."""
    anchors = _anchors(text, statement)
    breaks = [m.start() for m in _patterns().clause_break.finditer(text) if len(text[: m.start()].split()) >= 3]
    core = [b for b in breaks if b >= anchors.core_end]
    if core and anchors.figure_end > core[0] and not anchors.figure_governed:
        return text[: core[0]]
    return next((text[:b] for b in breaks if b >= anchors.end), text)


def _compressed(text: str, statement: Statement) -> str:
    """Shorter wording for a long clause: 'a contingent of about 10,000' -> 'about 10,000'; a title
    before the person who acts dropped: 'North Korean leader Kim Jong Un' -> 'Kim Jong Un'."""
    text = _patterns().collective.sub("", text, count=1)
    for entity in statement.entities:
        if entity.label != "PERSON":
            continue
        at = text.find(entity.text)
        title = text[:at].split()
        if 0 < at <= 40 and 1 <= len(title) <= 4 and not re.search(r"[,;:&]|\b(?:and|or)\b", text[:at]):
            return text[at:]
    return text


def _figure(statement: Statement, text: str) -> Quantity | None:
    """The claim's figure: a quantity in the text that is neither an earlier estimate nor an age, the
    one the claim's verb counts when there is one."""
    found = [
        q for q in statement.quantities
        if not q.dated and q.text in text and not re.search(rf"(?:,\s{re.escape(q.text)},|{re.escape(q.text)}-year)", text)
    ]
    governed = [q for q in found if statement.predicate and q.governor == statement.predicate]
    candidates = governed or found
    return candidates[0] if candidates else None


def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", *naming_words().verb_forms.get(lemma, ())}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms.update({lemma[:-1] + "ied", lemma[:-1] + "ies"})
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms | {form.replace("iz", "is") for form in forms if "iz" in form}  # realize: realised


@dataclass(frozen=True)
class _Anchors:
    """Character offsets in a name's text: what the name must reach."""

    core_end: int  # past the verb and its negation
    figure_end: int  # past the figure and what it counts; 0 without one
    figure_governed: bool  # the claim's verb counts the figure
    verb_end: int  # past the verb; 0 when it was not found

    @property
    def end(self) -> int:
        return max(self.core_end, self.figure_end)


def _anchors(text: str, statement: Statement) -> _Anchors:
    lower = text.lower()
    core_end = verb_end = figure_end = 0
    if statement.predicate:
        verb = re.search(rf"\b(?:{_either(_verb_forms(statement.predicate))})\b", lower)
        verb_end = verb.end() if verb else 0
        core_end = verb_end
    if statement.negation and (at := lower.find(statement.negation.lower())) >= 0:
        core_end = max(core_end, at + len(statement.negation))
    figure = _figure(statement, text)
    if figure is not None:
        figure_end = lower.find(figure.text.lower()) + len(figure.text)
        if figure.counted:
            stem = re.escape(figure.counted[: max(3, len(figure.counted) - 1)].lower())
            noun = re.match(rf"(?:\s+\S+){{0,3}}?\s+{stem}\w*", lower[figure_end:])
            figure_end += noun.end() if noun else 0
    governed = figure is not None and figure.governor is not None and figure.governor == statement.predicate
    return _Anchors(core_end=core_end, figure_end=figure_end, figure_governed=governed, verb_end=verb_end)


def _word_count(text: str, end: int) -> int:
    return len(text[:end].split())


def _protected_cuts(words: list[str], text: str, statement: Statement) -> set[int]:
    """Cut positions (a name of that many words) that would split an entity or a figure, or end on the verb."""
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    spans = [e.text for e in statement.entities if e.label in NAME_LABELS] + [q.text for q in statement.quantities]
    forbidden: set[int] = set()
    for span in spans:
        at = text.find(span)
        if at < 0:
            continue
        first = sum(1 for s in starts if s <= at) - 1
        last = sum(1 for s in starts if s < at + len(span)) - 1
        forbidden.update(range(first + 1, last + 1))
    verb_end = _anchors(text, statement).verb_end
    if verb_end:  # 'None of the bodies belongs' or 'Bary went' leaves out what the verb needs
        forbidden.add(_word_count(text, verb_end))
    return forbidden


def _cut(words: list[str], text: str, statement: Statement) -> int:
    """How many words to keep: the longest phrase-ending cut within the aim, else the nearest past it."""
    names = naming_words()
    keep = max(_word_count(text, _anchors(text, statement).end), 3)
    forbidden = _protected_cuts(words, text, statement)

    def ends_well(cut: int) -> bool:
        last = words[cut - 1].rstrip(",;:").lower()
        return cut not in forbidden and last not in names.dangling_ends and not re.search(r"['’]s?$", last)

    def boundary(cut: int, weak: bool = False) -> bool:
        if cut == len(words) or words[cut - 1].endswith(","):
            return True
        following = words[cut].lower()
        return following in names.phrase_starts or (weak and following in WEAK_PHRASE_STARTS)

    cuts = [c for c in range(keep, len(words) + 1) if ends_well(c)]
    choices = (
        [c for c in cuts if c <= MAX_NAME_WORDS and boundary(c)][-1:]
        + [c for c in cuts if MAX_NAME_WORDS < c <= WHOLE_CLAUSE_WORDS and boundary(c)][:1]
        + [c for c in cuts if c <= MAX_NAME_WORDS and boundary(c, weak=True)][-1:]
        + [c for c in cuts if WHOLE_CLAUSE_WORDS < c <= LONGEST_PHRASE_END and boundary(c)][:1]
        + [c for c in cuts if c <= MAX_NAME_WORDS][-1:]
        + [c for c in cuts if boundary(c)][:1]
    )
    return choices[0] if choices else len(words)


def _finished(text: str) -> str:
    """Trailing punctuation and unpaired quotes off, the first letter capitalised."""
    text = text.strip().rstrip(",;:–—- ")
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count("‘") > text.count("’"):
        text = text.replace("‘", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    if text[:1] == "'" or text[-1:] == "'":
        text = text.strip("'")
    text = " ".join(text.strip(QUOTES + " ").split()) if text[:1] in "’“”" else " ".join(text.split())
    return text[:1].upper() + text[1:]
